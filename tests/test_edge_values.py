"""Leftovers of issue 12, each pinned to the exact behaviour a user sees.

1. Number text is a plain decimal number written in ASCII digits: never ``1_0`` (Python reads
   10), ``nan``, ``inf``, ``0x10``, ``1e999`` or digits of other scripts.
2. Promises on a ledger whose Invoice column is empty say so (not "no invoice column").
3. A strategy's ``days_to_act`` (0..3,650), its DPD bands (±36,500) and a letter's
   ``pay_within_days`` (0..3,650) are bounded in one line naming the table cell.
4. Countback period-end dates go through the one date rule (1900-01-01..2199-12-31).
5. No message shows a Python repr of a cell (``datetime.datetime(``, ``Decimal(``, ``30.0``).
6. A problem line fits 200 characters by construction (255 with the function's name).
7. Every public core function on a ledger without rows: an empty result or one clean line.
8. .ods, .xlsb and .xls sheets spanning more than 2,000,000 cells are refused before
   calamine loads them, from the extent the file states.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
import struct
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
import python_calamine
from cell_errors import assert_one_line_error
from hypothesis import given
from hypothesis import strategies as st
from udf_calls import GOOD_CALLS, NAMES, arg_dims, arg_names, cells_of, replace_cell, with_arg

from xl_ar.addin.ovba import write_cfb
from xl_ar.cli import main
from xl_ar.core.base.cells import number_from_text, number_value
from xl_ar.core.base.options import as_date
from xl_ar.core.base.sources import DENSE_CELLS, _declared_extents, read_table_file
from xl_ar.core.cash_application.reconcile import reconcile
from xl_ar.core.cash_application.references import extract_references, invoice_key
from xl_ar.core.cashflow.forecast import forecast, horizon_periods
from xl_ar.core.collections.letters import letter_text, write_letters
from xl_ar.core.collections.strategy import read_strategy
from xl_ar.core.collections.worklist import WORKLIST_COLUMNS, worklist
from xl_ar.core.credit.credit_review import credit_review
from xl_ar.core.ledger.ledger import read_ledger
from xl_ar.core.ledger.problems import DESCRIBE_WIDTH, describe
from xl_ar.core.metrics.dso import period_days_from_ends
from xl_ar.core.metrics.kpi_series import kpi_series
from xl_ar.core.metrics.payment_behaviour import weighted_average_days_to_pay
from xl_ar.core.metrics.summary import kpi_summary
from xl_ar.core.position.aging import aging
from xl_ar.core.position.open_items import open_items
from xl_ar.core.provisioning.loss_rates import loss_rates, write_off_days
from xl_ar.errors import LedgerError, OptionError, XlArError
from xl_ar.testing import MISSING, excel_call

D = dt.datetime
AS_OF = D(2024, 6, 30)
HEADER = ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"]
LEDGER = [
    HEADER,
    ["PT Maju", "F-1", D(2024, 1, 1), D(2024, 1, 31), 1000.0, 0.0, None],
    ["CV Baru", "F-2", D(2024, 5, 1), D(2024, 5, 31), 400.0, 100.0, D(2024, 6, 1)],
]


def run_cli(*argv: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in argv])
    return code, out.getvalue(), err.getvalue()


# --- 1. number text: plain ASCII decimals only ------------------------------------------------
ODD_NUMBER_TEXT = ["1_0", "1_000", "nan", "inf", "Infinity", "0x10", "1e999", "٣", "１２", "²"]
PLAIN = re.compile(r"\s*[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\s*")


@pytest.mark.parametrize("text", ODD_NUMBER_TEXT)
def test_odd_number_text_is_no_number(text):
    assert number_from_text(text) is None
    assert number_value(text) is None


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=12))
def test_number_value_of_text_only_reads_plain_decimals(text):
    got = number_value(text)
    assert got is None or (PLAIN.fullmatch(text) and got == float(text))


@pytest.mark.parametrize("text", ["1_0", "0x10", "1e999", "٣", "nan"])
def test_forecast_horizon_text(text):
    got = excel_call("AR_FORECAST", *with_arg("AR_FORECAST", 2, text))
    assert got == (
        f"AR_FORECAST: horizon must be a whole number of months from 1 to 60, not {text!r}"
    )


def test_good_number_text_is_read_as_before():
    assert horizon_periods(" 3 ", "month") == horizon_periods(3.0, "month") == 3
    assert write_off_days("365", (30, 60, 90)) == 365
    good = excel_call("AR_FORECAST", *with_arg("AR_FORECAST", 2, "3"))
    assert good == excel_call("AR_FORECAST", *GOOD_CALLS["AR_FORECAST"])
    assert excel_call("AR_INTEREST", 100.0, 0.1, 15.0, "360") == pytest.approx(100 * 0.1 * 15 / 360)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (("AR_LOSS_RATES", 4, "1_000"),
         "AR_LOSS_RATES: write_off_after_days: '1_000' is not a number of days"),
        (("AR_INTEREST", 3, "3_65"), "AR_INTEREST: day_basis must be 360 or 365, not '3_65'"),
        (("AR_INTEREST", 3, "٣٦٥"), "AR_INTEREST: day_basis must be 360 or 365, not '٣٦٥'"),
        (("AR_DPD", 1, "4_5473"),
         "AR_DPD: as_of: '4_5473' is not a date (use YYYY-MM-DD or an Excel date)"),
        (("AR_DPD", 1, "²"), "AR_DPD: as_of: '²' is not a date (use YYYY-MM-DD or an Excel date)"),
    ],
)  # fmt: skip
def test_odd_number_text_in_options(call, message):
    name, position, text = call
    assert excel_call(name, *with_arg(name, position, text)) == message


def test_date_text_and_serial_text_still_read():
    assert as_date("45657", "as_of") == as_date(45657.0, "as_of") == pd.Timestamp("2024-12-31")


@pytest.mark.parametrize("tolerance", ["1_0", "nan", "0x10"])
def test_cli_tolerance_text(tmp_path, tolerance):
    (tmp_path / "l.csv").write_text(
        "Customer,Invoice,Invoice Date,Due Date,Amount\nPT A,F-1,2024-01-01,2024-01-31,100\n"
    )
    (tmp_path / "p.csv").write_text("Payment,Date,Amount,Customer\nP1,2024-06-01,100,PT A\n")
    code, _, err = run_cli(
        "reconcile", tmp_path / "l.csv", tmp_path / "p.csv", "--tolerance", tolerance
    )
    assert (code, err) == (
        2,
        f"xl-ar reconcile: tolerance: '{tolerance}' is not an amount or a percentage such as "
        "'2%'\n",
    )


def test_invoice_references_with_other_digits_do_not_crash():
    assert invoice_key("INV ²") is None
    assert extract_references("INV ² 12") == ["12"]
    assert invoice_key("INV-٣٤") == "34"  # decimal digits of other scripts keep their value
    assert invoice_key("INV 0012") == "12"


# --- 2. promises on an empty Invoice column ------------------------------------------------
def _forecast_with_promise(ledger: list[list[Any]]) -> Any:
    return excel_call("AR_FORECAST", ledger, *GOOD_CALLS["AR_FORECAST"][1:])


def test_promises_name_the_empty_invoice_column():
    rows = [list(r) for r in GOOD_CALLS["AR_FORECAST"][0]]
    for r in rows[1:]:
        r[1] = None
    assert _forecast_with_promise(rows) == (
        "AR_FORECAST: promises need invoice numbers: the 'No Faktur' column is empty"
    )


def test_promises_without_an_invoice_column():
    rows = [[c for i, c in enumerate(r) if i != 1] for r in GOOD_CALLS["AR_FORECAST"][0]]
    assert _forecast_with_promise(rows) == (
        "AR_FORECAST: promises need invoice numbers: the ledger has no invoice number column"
    )


# --- 3. strategy and letter day bounds --------------------------------------------------------
def _strategy(days_to_act: Any = 3.0, first_max: Any = 30.0, first_min: Any = 1.0) -> list:
    return [
        ["Stage", "Min DPD", "Max DPD", "Days to Act"],
        ["early", first_min, first_max, days_to_act],
        ["late", 31.0 if first_max == 30.0 else None, None, 3.0],
    ]


@pytest.mark.parametrize(
    ("strategy", "message"),
    [
        (_strategy(days_to_act=1e9),
         "strategy: row 2 'Days to Act': 1000000000 is more than 3,650 days (10 years)"),
        (_strategy(days_to_act=3651.0),
         "strategy: row 2 'Days to Act': 3651 is more than 3,650 days (10 years)"),
        ([["Stage", "Min DPD", "Max DPD"], ["early", 1.0, 1e300], ["late", 1e300 + 1, None]],
         "strategy: row 2 'Max DPD': 1e+300 is more than 36,500 days (100 years)"),
        ([["Stage", "Min DPD", "Max DPD"], ["early", -1e300, None]],
         "strategy: row 2 'Min DPD': -1e+300 is less than -36,500 days (100 years)"),
    ],
)  # fmt: skip
def test_strategy_days_are_bounded(strategy, message):
    with pytest.raises(OptionError) as err:
        read_strategy(strategy)
    assert str(err.value) == message
    got = excel_call("AR_WORKLIST", LEDGER, AS_OF, strategy, MISSING, "en")
    assert got == f"AR_WORKLIST: {message}"


def test_strategy_days_at_the_bounds_are_kept():
    st_ = read_strategy(_strategy(days_to_act=3650.0))
    assert st_["days_to_act"].tolist() == [3650.0, 3.0]
    wl = worklist(LEDGER, AS_OF, strategy=_strategy(days_to_act=3650.0), lang="en")
    assert wl.loc[wl["customer"] == "CV Baru", "action_date"].iloc[0] == pd.Timestamp("2034-06-28")


@pytest.mark.parametrize("days", [1e9, 3651, -1, float("inf"), True, "7"])
def test_pay_within_days_is_bounded(days):
    with pytest.raises(OptionError) as err:
        letter_text(LEDGER, "PT Maju", AS_OF, pay_within_days=days)
    assert str(err.value).startswith(
        "pay_within_days must be a number of days from 0 to 3,650 (10 years), not "
    )


def test_pay_within_days_at_the_bound():
    text = letter_text(LEDGER, "PT Maju", AS_OF, pay_within_days=3650, lang="en")
    assert "June 28, 2034" in text or "28 June 2034" in text


# --- 4. countback period ends -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("ends", "message"),
    [
        ([D(2024, 1, 31), D(9999, 12, 31)],
         "period_ends[1]: 9999-12-31 is outside the dates xl-ar handles (1900-01-01 to 2199-12-31)"),
        (["2024-01-31", "9999-12-31"],
         "period_ends[1]: 9999-12-31 is outside the dates xl-ar handles (1900-01-01 to 2199-12-31)"),
        ([np.datetime64("2300-01-01"), np.datetime64("2301-01-01")],
         "period_ends[0]: 2300-01-01 is outside the dates xl-ar handles (1900-01-01 to 2199-12-31)"),
        (["1899-12-31", "2024-01-01"],
         "period_ends[0]: 1899-12-31 is outside the dates xl-ar handles (1900-01-01 to 2199-12-31)"),
    ],
)  # fmt: skip
def test_countback_dates_outside_the_range(ends, message):
    with pytest.raises(OptionError) as err:
        period_days_from_ends(ends)
    assert str(err.value) == message


def test_countback_dates_inside_the_range_unchanged():
    assert period_days_from_ends(["2024-01-31", "2024-02-29", "2024-03-31"]).tolist() == [
        31,
        29,
        31,
    ]
    jakarta = pd.Timestamp("2024-01-31 15:00", tz="Asia/Jakarta")
    assert period_days_from_ends([jakarta, "2024-02-29T10:00", "Mar 31 2024"]).tolist() == [
        31,
        29,
        31,
    ]


# --- 5. no Python repr of a cell in any message -----------------------------------------------
#: Cell values whose Python repr differs from what Excel shows.
REPR_PRONE = [None, True, 30.0, 1.5, -1.0, 2958466.0, 1e300, Decimal("30"), Decimal("2.5"),
              D(1899, 12, 31), D(9999, 12, 31), D(2024, 1, 1, 12, 30), "1_0", "nan", "²"]  # fmt: skip
REPR = re.compile(
    r"datetime\.|Decimal\(|np\.|numpy|Timestamp\(|NaT\b|(?<![\w'])nan(?![\w'])|\bNone\b|"
    r"\b\d+\.0\b(?!\d)|\binf\b|\[|\{"
)


def _variants(name: str) -> list[tuple[str, tuple[Any, ...]]]:
    ndims = arg_dims(name)
    good = list(GOOD_CALLS[name]) + [MISSING] * (len(ndims) - len(GOOD_CALLS[name]))
    out = []
    for i, nd in enumerate(ndims):
        for value in REPR_PRONE:
            if nd is None or good[i] is MISSING:
                out.append((arg_names(name)[i], with_arg(name, i, value)))
                continue
            block = good[i]
            for r in sorted({0, min(1, len(block) - 1)}):
                for c in range(len(block[r])):
                    args = list(good)
                    args[i] = replace_cell(block, r, c, value)
                    out.append((arg_names(name)[i], tuple(args)))
    return out


@pytest.mark.parametrize("name", NAMES)
def test_no_python_repr_in_error_lines(name):
    tried = 0
    for arg, args in _variants(name):
        got = excel_call(name, *args)
        tried += 1
        for cell in cells_of(got):
            if isinstance(cell, str) and cell.startswith(f"{name}: "):
                shown = re.sub(r"'[^']*'|\"[^\"]*\"", "''", cell)  # user text is quoted
                assert not REPR.search(shown), f"{name}({arg}): {cell}"
                assert len(cell) <= 255 and "\n" not in cell, cell
    assert tried >= len(REPR_PRONE)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("AR_FORECAST", 3, D(1899, 12, 31)),
         "AR_FORECAST: period must be one of 'week', 'month' (or 'minggu', 'bulan'), not "
         "1899-12-31"),
        (("AR_FORECAST", 3, 30.0),
         "AR_FORECAST: period must be one of 'week', 'month' (or 'minggu', 'bulan'), not 30"),
        (("AR_DPD", 1, 1e300), "AR_DPD: as_of: 1e+300 is not a plausible Excel date serial"),
        (("AR_DPD", 1, Decimal("-2.5")),
         "AR_DPD: as_of: -2.5 is not a plausible Excel date serial"),
        (("AR_AGING", 1, True), "AR_AGING: as_of must be a date, not TRUE"),
    ],
)  # fmt: skip
def test_messages_show_cells_as_excel_does(args, message):
    name, position, value = args
    assert excel_call(name, *with_arg(name, position, value)) == message


def test_promise_dates_are_quoted_as_excel_shows_them():
    base = GOOD_CALLS["AR_FORECAST"]
    got = excel_call("AR_FORECAST", *base[:4], [["F-3", D(9999, 12, 31)]], base[5])
    assert got == (
        "AR_FORECAST: promises row 1: 9999-12-31 is outside the dates xl-ar handles "
        "(1900-01-01 to 2199-12-31)"
    )
    got = excel_call("AR_FORECAST", *base[:4], [["F-3", 0.0]], base[5])
    assert got == "AR_FORECAST: promises row 1: 0 is not a plausible date"


# --- 6. problem lines fit by construction -----------------------------------------------------
LONG_TYPE = "semacam dokumen lain " + "z" * 60
BAD_TYPES = [["Customer", "Invoice", "Type", "Invoice Date", "Due Date", "Amount"]] + [
    ["PT A", f"F-{i}", LONG_TYPE, D(2024, 1, 1), D(2024, 2, 1), 100.0] for i in range(5)
]
FIRST_PROBLEM = (
    "row 2 'Type': 'semacam dokumen lain zzzzzzzzzzzzzzzzzz…' is not a document type (use "
    "Invoice/Faktur, Credit Note/Nota Kredit, Payment/Pembayaran)"
)


def test_describe_lists_what_fits_then_counts_the_rest():
    with pytest.raises(LedgerError) as err:
        read_ledger(BAD_TYPES)
    assert str(err.value) == f"{FIRST_PROBLEM} (and 4 more problems)"
    assert len(str(err.value)) <= DESCRIBE_WIDTH
    table = err.value.problems
    assert describe(table, limit=1) == f"{FIRST_PROBLEM} (and 4 more problems)"
    short = table.assign(problem="is bad")
    assert describe(short) == (
        "row 2 'Type': 'semacam dokumen lain zzzzzzzzzzzzzzzzzz…' is bad; row 3 'Type': "
        "'semacam dokumen lain zzzzzzzzzzzzzzzzzz…' is bad (and 3 more problems)"
    )
    assert describe(short.head(3), width=255).count("; ") == 2  # all three fit in 255


@given(
    st.lists(
        st.tuples(st.integers(2, 1_048_576), st.text(max_size=300), st.text(max_size=300)),
        min_size=1,
        max_size=6,
    ),
    st.text(min_size=1, max_size=300),
)
def test_describe_never_exceeds_its_width(cells, problem):
    table = pd.DataFrame(
        [(row, header, value, problem) for row, header, value in cells],
        columns=["row", "column", "value", "problem"],
    )
    got = describe(table)
    assert len(got) <= DESCRIBE_WIDTH
    if len(table) > 3:
        assert got.endswith(("more problem)", "more problems)"))


def test_problem_lines_at_the_edges(tmp_path):
    for name in ("AR_AGING", "AR_CREDIT_REVIEW"):
        args = list(GOOD_CALLS[name])
        args[arg_names(name).index("ledger")] = BAD_TYPES
        got = excel_call(name, *args)
        assert got == f"{name}: {FIRST_PROBLEM} (and 4 more problems)"
    csv = tmp_path / "types.csv"
    pd.DataFrame(BAD_TYPES[1:], columns=BAD_TYPES[0]).to_csv(csv, index=False)
    code, _, err = run_cli("aging", csv, "--as-of", "2024-06-30")
    assert code == 2
    assert err == f"xl-ar aging: {FIRST_PROBLEM} (and 4 more problems)\n"
    assert len(err) <= 256


# --- 7. every core function on a ledger without rows ------------------------------------------
EMPTY_LEDGERS = {
    "header only": [HEADER],
    "blank rows": [HEADER, [None] * 7, [None] * 7],
}


@pytest.fixture(params=["header only", "blank rows", "csv"])
def empty(request, tmp_path):
    if request.param == "csv":
        path = tmp_path / "empty.csv"
        path.write_text(",".join(HEADER) + "\n,,,,,,\n", encoding="utf-8")
        return path
    return EMPTY_LEDGERS[request.param]


def test_empty_ledger_reads_to_zero_rows(empty):
    assert read_ledger(empty).empty


def test_empty_ledger_aging_and_open_items(empty):
    table = aging(empty, AS_OF)
    assert table.values.tolist() == [["Total", 0, 0, 0, 0, 0, 0]]
    assert open_items(empty, AS_OF).empty


def test_empty_ledger_worklist_and_letters(empty, tmp_path):
    wl = worklist(empty, AS_OF, lang="en")
    assert wl.empty and list(wl.columns) == list(WORKLIST_COLUMNS)
    promised = worklist(empty, AS_OF, strategy=_strategy(), promises=None)
    assert promised.empty
    assert write_letters(empty, AS_OF, tmp_path / "letters") == []
    with pytest.raises(XlArError, match=r"^customer 'PT A' is not in the ledger$"):
        letter_text(empty, "PT A", AS_OF)


def test_empty_ledger_forecast(empty):
    with pytest.raises(XlArError) as err:
        forecast(empty, AS_OF)
    assert str(err.value) == (
        "loss rates cannot be estimated: no roll rate for 'Current', '1-30', '31-60' and 2 more: "
        "no invoice there at the month ends 2023-06-30..2024-05-31 (or none left the last "
        "bucket); use a longer history or give loss rates"
    )
    got = forecast(empty, AS_OF, loss_rates=[0.01, 0.02, 0.05, 0.1, 0.5])
    assert got["amount"].sum() == 0 and got.iloc[-1]["items"] == 0


def test_empty_ledger_kpis_and_loss_rates(empty):
    kpi = kpi_series(empty, D(2024, 1, 1), AS_OF)
    assert len(kpi) == 6 and (kpi["ending_ar"] == 0).all() and kpi["dso"].isna().all()
    lr = loss_rates(empty, D(2024, 1, 1), AS_OF)
    assert lr.labels == ["Current", "1-30", "31-60", "61-90", ">90"]
    assert np.isnan(lr.roll_rates.to_numpy()).all()
    summary = kpi_summary(empty, AS_OF)
    assert summary["total_ar"] == 0.0 and np.isnan(summary["dso"]) and np.isnan(summary["wadp"])
    with pytest.raises(XlArError) as err:
        weighted_average_days_to_pay(empty)
    assert str(err.value) == (
        "no invoice is paid in full with a payment date: there are no days to pay to average"
    )


def test_empty_ledger_credit_review_and_reconcile(empty):
    review = credit_review([["Pelanggan", "Plafon"], ["PT A", 1000.0]], empty, AS_OF)
    assert review["customer"].tolist() == ["PT A"] and review["open_ar"].tolist() == [0.0]
    payments = [["Ref", "Tanggal", "Jumlah", "Pelanggan"], ["BB-1", D(2024, 6, 10), 250.0, "PT A"]]
    with pytest.raises(XlArError) as err:
        reconcile(empty, payments)
    assert str(err.value) == "invoices: the ledger has no rows below the header"


@pytest.mark.parametrize("name", sorted(n for n in NAMES if "ledger" in arg_names(n)))
@pytest.mark.parametrize("ledger", list(EMPTY_LEDGERS.values()), ids=list(EMPTY_LEDGERS))
def test_empty_ledger_in_every_worksheet_function(name, ledger):
    args = list(GOOD_CALLS[name])
    args[arg_names(name).index("ledger")] = ledger
    got = excel_call(name, *args)
    if isinstance(got, str) and got.startswith(f"{name}: "):
        assert_one_line_error(name, got, "")
    else:
        assert got not in (None, "")


# --- 8. .ods, .xlsb and .xls: the extent before loading ---------------------------------------
def _ods(path: Path, table_xml: str, name: str = "Data") -> Path:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{name}">{table_xml}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content)
        zf.writestr("META-INF/manifest.xml", manifest)
    return path


def _ods_row(*cells: str, repeat: int = 1) -> str:
    attr = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return f"<table:table-row{attr}>{''.join(cells)}</table:table-row>"


def _ods_cell(value: str | None = None, repeat: int = 1) -> str:
    attr = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    if value is None:
        return f"<table:table-cell{attr}/>"
    return (
        f'<table:table-cell{attr} office:value-type="string"><text:p>{value}</text:p>'
        "</table:table-cell>"
    )


def _xlsb_record(kind: int, payload: bytes = b"") -> bytes:
    head = bytes([kind]) if kind < 0x80 else bytes([(kind & 0x7F) | 0x80, kind >> 7])
    size, out = len(payload), b""
    while True:
        byte, size = size & 0x7F, size >> 7
        out += bytes([byte | (0x80 if size else 0)])
        if not size:
            return head + out + payload


def _xlsb(path: Path, cells: list[tuple[int, int, float]], dim: tuple[int, int]) -> Path:
    """A minimal .xlsb (what calamine reads): one sheet 'Data' of numbers, its BrtWsDim."""

    def wide(text: str) -> bytes:
        return struct.pack("<I", len(text)) + text.encode("utf-16-le")

    bundle = struct.pack("<II", 0, 1) + wide("rId1") + wide("Data")
    book = b"".join(
        _xlsb_record(k, p) for k, p in [(0x83, b""), (0x8F, b""), (0x9C, bundle), (0x90, b"")]
    ) + _xlsb_record(0x84)
    sheet = _xlsb_record(0x81) + _xlsb_record(
        0x94, struct.pack("<4I", 0, dim[0] - 1, 0, dim[1] - 1)
    )
    sheet += _xlsb_record(0x91)
    for row in sorted({r for r, _, _ in cells}):
        sheet += _xlsb_record(0x00, struct.pack("<IIHBBI", row - 1, 0, 300, 0, 0, 0))
        for r, c, v in cells:
            if r == row:
                sheet += _xlsb_record(0x05, struct.pack("<IId", c - 1, 0, v))
    sheet += _xlsb_record(0x92) + _xlsb_record(0x82)
    rel = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships '
        'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/{kind}" Target="{target}"/></Relationships>'
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(
            "_rels/.rels", rel.format(id="rId1", kind="officeDocument", target="xl/workbook.bin")
        )
        zf.writestr("xl/workbook.bin", book)
        zf.writestr(
            "xl/_rels/workbook.bin.rels",
            rel.format(id="rId1", kind="worksheet", target="worksheets/sheet1.bin"),
        )
        zf.writestr("xl/worksheets/sheet1.bin", sheet)
    return path


def _xls(path: Path, cells: list[tuple[int, int, float]], dim: tuple[int, int]) -> Path:
    """A minimal BIFF8 .xls (what calamine reads): one sheet 'Data' of numbers, its DIMENSIONS."""

    def record(kind: int, payload: bytes) -> bytes:
        return struct.pack("<HH", kind, len(payload)) + payload

    def bof(kind: int) -> bytes:
        return record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 6))

    def workbook_globals(offset: int) -> bytes:
        sheet = struct.pack("<IBBBB", offset, 0, 0, 4, 0) + b"Data"
        return (
            bof(0x0005)
            + record(0x0042, struct.pack("<H", 1252))
            + record(0x0085, sheet)
            + (record(0x000A, b""))
        )

    sheet = bof(0x0010) + record(0x0200, struct.pack("<IIHHH", 0, dim[0], 0, dim[1], 0))
    for r, c, v in cells:
        sheet += record(0x0203, struct.pack("<HHHd", r - 1, c - 1, 0x0F, v))
    sheet += record(0x000A, b"")
    data = workbook_globals(len(workbook_globals(0))) + sheet
    path.write_bytes(write_cfb({"Workbook": data + b"\x00" * max(0, 4096 - len(data))}))
    return path


SMALL = [(1, 1, 1.0), (1, 2, 2.0), (2, 1, 3.0), (2, 2, 4.0)]
STRAY = [(1, 1, 1.0), (1, 2, 2.0), (2, 1, 3.0), (60000, 256, 4.0)]


class _Watched:
    """calamine's workbook, recording which sheets were loaded."""

    loaded: list[str] = []
    opened: list[str] = []

    def __init__(self, book: Any) -> None:
        self._book = book

    @classmethod
    def from_path(cls, path: str) -> _Watched:
        _Watched.opened.append(Path(path).name)
        return cls(_REAL_WORKBOOK.from_path(path))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._book, name)

    def get_sheet_by_name(self, name: str) -> Any:
        _Watched.loaded.append(name)
        return self._book.get_sheet_by_name(name)


_REAL_WORKBOOK = python_calamine.CalamineWorkbook


@pytest.fixture
def watched(monkeypatch):
    _Watched.loaded, _Watched.opened = [], []
    monkeypatch.setattr(python_calamine, "CalamineWorkbook", _Watched)
    return _Watched


def _stray_ods(path: Path, rows: int, cols: int) -> Path:
    table = (
        _ods_row(_ods_cell("Customer"), _ods_cell("Amount"))
        + _ods_row(_ods_cell(None, repeat=5), repeat=rows - 2)
        + _ods_row(_ods_cell(None, repeat=cols - 1), _ods_cell("x"))
    )
    if rows < 1_048_576:  # LibreOffice's padding to the end of the sheet
        table += _ods_row(_ods_cell(None, repeat=1024), repeat=1_048_576 - rows)
    return _ods(path, table)


@pytest.mark.parametrize(
    ("make", "extent"),
    [
        (lambda p: _stray_ods(p / "s.ods", 60_000, 256), (60_000, 256)),
        (lambda p: _stray_ods(p / "huge.ods", 1_048_576, 16_384), (1_048_576, 16_384)),
        (lambda p: _xlsb(p / "s.xlsb", STRAY, (60_000, 256)), (60_000, 256)),
        (lambda p: _xlsb(p / "declared.xlsb", SMALL, (1_048_576, 16_384)), (1_048_576, 16_384)),
        (lambda p: _xls(p / "s.xls", STRAY, (60_000, 256)), (60_000, 256)),
        (lambda p: _xls(p / "declared.xls", SMALL, (65_536, 256)), (65_536, 256)),
    ],
    ids=["ods", "ods-whole-sheet", "xlsb", "xlsb-declared", "xls", "xls-declared"],
)
def test_wide_sheets_are_refused_before_loading(tmp_path, watched, make, extent):
    path = make(tmp_path)
    eager = path.suffix != ".xlsb"  # calamine builds every .ods/.xls sheet as it opens the file
    assert _declared_extents(path) == ({"Data": extent}, eager)
    assert extent[0] * extent[1] > DENSE_CELLS
    with pytest.raises(XlArError) as err:
        read_table_file(path)
    assert str(err.value) == (
        f"{path.name}: sheet 'Data' has cells spread over {extent[0]:,} rows x {extent[1]:,} "
        "columns; copy the table to a new sheet"
    )
    assert watched.loaded == []  # refused before calamine built the sheet
    assert watched.opened == ([] if eager else [path.name])


@pytest.mark.parametrize(
    "make",
    [
        lambda p: _ods(
            p / "ok.ods",
            _ods_row(_ods_cell("1"), _ods_cell("2"))
            + _ods_row(_ods_cell("3"), _ods_cell("4"), _ods_cell(None, repeat=1022))
            + _ods_row(_ods_cell(None, repeat=1024), repeat=1_048_574),
        ),
        lambda p: _xlsb(p / "ok.xlsb", SMALL, (2, 2)),
        lambda p: _xls(p / "ok.xls", SMALL, (2, 2)),
    ],
    ids=["ods", "xlsb", "xls"],
)
def test_small_sheets_are_read_as_before(tmp_path, watched, make):
    path = make(tmp_path)
    assert _declared_extents(path) == ({"Data": (2, 2)}, path.suffix != ".xlsb")
    table = read_table_file(path)
    assert [[str(c) for c in row] for row in table.frame.values.tolist()] in (
        [["1", "2"], ["3", "4"]],
        [["1.0", "2.0"], ["3.0", "4.0"]],
    )
    assert watched.loaded == ["Data"]


def test_unreadable_extents_are_unknown(tmp_path):
    broken = tmp_path / "broken.ods"
    with zipfile.ZipFile(broken, "w") as zf:
        zf.writestr("content.xml", "<not xml")
    assert _declared_extents(broken) == ({}, False)
    assert _declared_extents(tmp_path / "missing.xls") == ({}, False)


def test_a_stray_sheet_of_an_ods_is_refused_before_opening(tmp_path, watched):
    """calamine builds every sheet of an .ods when it opens it: a stray sheet blocks the file."""
    path = _stray_ods(tmp_path / "two.ods", 60_000, 256)
    with zipfile.ZipFile(path) as zf:
        content = zf.read("content.xml").decode()
    first = (
        '<table:table table:name="Ledger">'
        + _ods_row(_ods_cell("Customer"), _ods_cell("Amount"))
        + "</table:table>"
    )
    content = content.replace("<office:spreadsheet>", f"<office:spreadsheet>{first}")
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content)
    assert _declared_extents(path) == ({"Ledger": (1, 2), "Data": (60_000, 256)}, True)
    with pytest.raises(XlArError) as err:
        read_table_file(path, sheet="Ledger")
    assert str(err.value) == (
        "two.ods: sheet 'Data' has cells spread over 60,000 rows x 256 columns; copy the table "
        "to a new sheet"
    )
    assert watched.opened == []
