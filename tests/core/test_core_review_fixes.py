"""Review findings on the core's reading of ledgers: money beyond whole cents, two columns of
one role, strict ISO dates, Excel's two-digit-year window, messages that quote the user's text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from xl_ar.cli import main
from xl_ar.core.base.amounts import MAX_CENTS_AMOUNT, TOO_LARGE
from xl_ar.core.base.dates import TWO_DIGIT_YEAR_CUTOFF, parse_dates
from xl_ar.core.base.options import as_date
from xl_ar.core.cashflow.forecast import forecast
from xl_ar.core.ledger.ledger import health_check, read_ledger
from xl_ar.core.metrics.dso import period_days_from_ends
from xl_ar.core.metrics.kpi_series import kpi_series
from xl_ar.core.position import aging as aging_mod
from xl_ar.core.position.aging import aging
from xl_ar.core.position.open_items import open_items
from xl_ar.errors import LedgerError, OptionError, XlArError
from xl_ar.testing import excel_call

D = dt.datetime
HEADER = ["Customer", "Invoice", "Invoice Date", "Terms", "Amount"]
BIG = "row 2 'Amount': '1e+308' is larger than 1,000,000,000,000,000"


# --- a. money beyond 10**15 is a data problem, never inf/NaN --------------------------------


def test_the_bound_is_the_whole_cents_one():
    assert MAX_CENTS_AMOUNT == 1e15
    assert TOO_LARGE == "is larger than 1,000,000,000,000,000"


@pytest.fixture
def big_xlsx(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(["A", "1", "2024-01-01", 30, 1e308])  # number cells, not text
    ws.append(["B", "2", "2024-01-01", 30, 1e308])
    path = tmp_path / "big.xlsx"
    wb.save(path)
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("measure", ["amount", "percent"])
def test_cli_aging_refuses_amounts_beyond_the_bound(capsys, big_xlsx, measure):
    code, out, err = run(
        capsys, "aging", str(big_xlsx), "--as-of", "2024-06-30", "--measure", measure
    )
    assert (code, out) == (2, "")
    assert err == f"xl-ar aging: {BIG}; row 3 'Amount': '1e+308' {TOO_LARGE}\n"


def test_cli_check_reports_them_by_row_and_column(capsys, big_xlsx):
    code, out, err = run(capsys, "check", str(big_xlsx))
    assert code == 1
    assert out.splitlines() == [
        " row column  value                              problem",
        "   2 Amount 1e+308 is larger than 1,000,000,000,000,000",
        "   3 Amount 1e+308 is larger than 1,000,000,000,000,000",
    ]
    assert "inf" not in out + err and "NaN" not in out + err


def test_udfs_refuse_them_and_check_lists_them():
    rows = [HEADER, ["A", "1", D(2024, 1, 1), 30.0, 1e308], ["B", "2", D(2024, 1, 1), 30.0, 5.0]]
    assert excel_call("AR_AGING", rows, D(2024, 6, 30)) == f"AR_AGING: {BIG}"
    assert excel_call("AR_CHECK", rows) == [
        ["row", "column", "value", "problem"],
        [2.0, "Amount", "1e+308", TOO_LARGE],
    ]


def test_paid_balance_and_text_amounts_are_bounded_too():
    header = ["Customer", "Invoice Date", "Terms", "Amount", "Paid", "Balance"]
    rows = [
        header,
        ["A", "2024-01-01", 30, 100.0, -2e15, 100.0],
        ["B", "2024-01-01", 30, "Rp 2.000.000.000.000.000", 0.0, 1e16],
        ["C", "2024-01-01", 30, 1e15, 0.0, 1e15],  # the bound itself is money
    ]
    got = health_check(rows)
    assert got.values.tolist() == [
        [2, "Paid", "-2000000000000000", TOO_LARGE],
        [3, "Amount", "Rp 2.000.000.000.000.000", TOO_LARGE],
        [3, "Balance", "1e+16", TOO_LARGE],
    ]


def test_a_hand_built_ledger_beyond_the_bound_is_refused():
    led = read_ledger([HEADER, ["A", "1", "2024-01-01", 30, 5.0], ["B", "2", "2024-01-01", 30, 7]])
    bad = led.assign(paid=[0.0, -np.inf])
    for call in (
        lambda: aging(bad, "2024-06-30"),
        lambda: open_items(bad, "2024-06-30"),
        lambda: kpi_series(bad, "2024-01-01", "2024-06-30"),
        lambda: forecast(bad, "2024-06-30", loss_rates=0),
    ):
        with pytest.raises(LedgerError) as info:
            call()
        assert str(info.value) == "row 3 'paid': '-inf' is larger than 1,000,000,000,000,000"


@pytest.mark.filterwarnings("ignore:overflow encountered")
def test_the_last_guard_turns_an_infinite_total_into_an_error(monkeypatch):
    led = read_ledger([HEADER, ["A", "1", "2024-01-01", 30, 5.0], ["B", "2", "2024-01-01", 30, 7]])
    bad = led.assign(amount=[1e308, 1e308])
    monkeypatch.setattr(aging_mod, "ensure_ledger", lambda obj: obj)  # past the reader's bound
    for measure in ("amount", "percent"):
        with pytest.raises(XlArError, match=r"^the result is too large \(overflow\)$"):
            aging(bad, "2024-06-30", measure=measure)
    assert aging(led, "2024-06-30", by="total").values.tolist() == [
        [0.0, 0.0, 0.0, 0.0, 12.0, 12.0]
    ]


# --- b. two columns of one role are refused, naming both ------------------------------------


@pytest.mark.parametrize(
    ("headers", "first", "second", "role"),
    [
        (["Customer", "Invoice Date", "Terms", "Amount", "Jumlah"], "Amount", "Jumlah", "amount"),
        (["Customer", "Invoice Date", "Terms", "Total", "Amount"], "Total", "Amount", "amount"),
        (["Customer", "Pelanggan", "Invoice Date", "Terms", "Amount"], "Customer", "Pelanggan",
         "customer"),
        (["Customer", "Invoice Date", "Tanggal Faktur", "Terms", "Amount"], "Invoice Date",
         "Tanggal Faktur", "invoice_date"),
        (["Customer", "Invoice Date", "Due Date", "Jatuh Tempo", "Amount"], "Due Date",
         "Jatuh Tempo", "due_date"),
        (["Customer", "Invoice Date", "Terms", "Amount", "Paid", "Dibayar"], "Paid", "Dibayar",
         "paid"),
        (["Customer", "Invoice Date", "Terms", "Amount", "Balance", "Sisa"], "Balance", "Sisa",
         "balance"),
        (["Customer", "Invoice", "No Faktur", "Invoice Date", "Terms", "Amount"], "Invoice",
         "No Faktur", "invoice"),
        (["Customer", "Invoice Date", "Terms", "Termin", "Amount"], "Terms", "Termin",
         "terms_days"),
    ],
)  # fmt: skip
def test_two_columns_of_one_role_are_refused(headers, first, second, role):
    rows = [headers, ["PT A", "2024-01-01", 30.0, 100.0, 999.0, 5.0][: len(headers)]]
    expected = f"columns '{first}' and '{second}' both look like '{role}': rename one of them"
    with pytest.raises(XlArError) as info:
        read_ledger(rows)
    assert str(info.value) == expected
    assert excel_call("AR_AGING", rows, D(2024, 6, 30)) == f"AR_AGING: {expected}"


def test_cli_refuses_amount_and_jumlah(capsys, tmp_path):
    path = tmp_path / "two.csv"
    path.write_text("Customer,Invoice Date,Terms,Amount,Jumlah\nA,2024-01-01,30,100,999\n")
    code, out, err = run(capsys, "aging", str(path), "--as-of", "2024-06-30")
    assert (code, out) == (2, "")
    assert err == (
        "xl-ar aging: columns 'Amount' and 'Jumlah' both look like 'amount': rename one of them\n"
    )


def test_a_weaker_kind_of_column_still_gives_way_silently():
    rows = [
        ["Customer", "Customer ID", "Document Date", "Posting Date", "Terms", "Amount",
         "Amount Due", "Currency", "Kurs"],
        ["PT A", "C-1", "2024-01-10", "2024-01-12", 30, 100.0, 60.0, "USD", 15500],
    ]  # fmt: skip
    led = read_ledger(rows)
    assert led.loc[2, "customer"] == "PT A"
    assert str(led.loc[2, "invoice_date"].date()) == "2024-01-10"
    assert (led.loc[2, "amount"], led.loc[2, "currency"]) == (100.0, "USD")
    assert led.loc[2, "balance"] == 60.0  # issue 14: Amount Due is the open balance
    assert led.loc[2, ["Customer ID", "Posting Date", "Kurs"]].tolist() == [
        "C-1", "2024-01-12", 15500,
    ]  # fmt: skip


# --- c. strict ISO dates, Excel's two-digit-year window, the user's text in messages ----------


@pytest.mark.parametrize(
    "text", ["2024-12-31", " 2024-12-31 ", "2024-12-31T00:00:00", "2024-12-31 00:00:00",
             "2024-12-31 00:00", "2024-12-31T00:00:00.000"],
)  # fmt: skip
def test_as_date_takes_a_whole_iso_day(text):
    assert as_date(text) == pd.Timestamp("2024-12-31")


@pytest.mark.parametrize(
    "text", ["2024-12-31x", "2024-12-31 10:30", "2024-12-31T", "2024-12-3", "2024-12-31abc",
             "2024-02-30", "31/12/2024", "2024-12-31 00:00:00 junk"],
)  # fmt: skip
def test_as_date_refuses_anything_else_in_one_line(text):
    with pytest.raises(OptionError) as info:
        as_date(text)
    assert str(info.value) == f"as_of: {text!r} is not a date (use YYYY-MM-DD or an Excel date)"


def test_cli_as_of_with_trailing_text_is_refused(capsys, tmp_path):
    path = tmp_path / "l.csv"
    path.write_text("Customer,Invoice Date,Terms,Amount\nA,2024-01-01,30,100\n")
    code, out, err = run(capsys, "aging", str(path), "--as-of", "2024-12-31x")
    assert (code, out) == (2, "")
    assert err == (
        "xl-ar aging: as_of: '2024-12-31x' is not a date (use YYYY-MM-DD or an Excel date)\n"
    )


@pytest.mark.parametrize(
    ("text", "order", "day"),
    [("01/01/30", "dmy", "1930-01-01"), ("01/01/29", "dmy", "2029-01-01"),
     ("31/12/99", "dmy", "1999-12-31"), ("01/01/00", "dmy", "2000-01-01"),
     ("12/31/68", "mdy", "1968-12-31"), ("15-Mar-45", "dmy", "1945-03-15")],
)  # fmt: skip
def test_two_digit_years_use_excels_window(text, order, day):
    assert TWO_DIGIT_YEAR_CUTOFF == 29
    got = parse_dates([text], date_order=order)
    assert got.values.tolist() == [pd.Timestamp(day)] and got.problems.isna().all()
    led = read_ledger([["Customer", "Invoice Date", "Terms", "Amount"], ["A", text, 30, 1]],
                      date_order=order)  # fmt: skip
    assert led.loc[2, "invoice_date"] == pd.Timestamp(day)


def test_a_period_end_as_text_is_read_like_ledger_dates_never_by_dateutil():
    # dateutil read "01/01/30" as 2030-01-01 (month first, its own year pivot)
    with pytest.raises(XlArError) as info:  # 29 is 2029, 30 is 1930: Excel's window
        period_days_from_ends(["31/12/29", "31/01/30"])
    assert str(info.value) == (
        "period_ends must be strictly increasing (oldest first): "
        "period_ends[1] 1930-01-31 is not after 2029-12-31"
    )
    assert period_days_from_ends(["01/01/30", "01/02/30"]).tolist() == [31.0, 31.0]
    with pytest.raises(OptionError, match=r"^period_ends\[1\]: '2024-12-31x' is not a date"):
        period_days_from_ends(["2024-11-30", "2024-12-31x"])
    assert period_days_from_ends(["2024-01-31", "2024-02-29T00:00:00"]).tolist() == [31.0, 29.0]


@pytest.mark.parametrize("text", ["1e999", "Infinity", "nan", "-inf"])
def test_day_basis_messages_quote_the_users_text(text):
    assert excel_call("AR_INTEREST", 100.0, 0.1, 15.0, text) == (
        f"AR_INTEREST: day_basis must be 360 or 365, not '{text}'"
    )
