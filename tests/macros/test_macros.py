"""Every ribbon macro end-to-end against an autospec'd xlwings workbook holding the demo ledger.

The doubles and the in-memory workbook come from ``test_render_live``. ``Book.caller()`` is
patched to return the double; everything after it (settings, ledger finding, the real
:func:`xl_ar.reports.catalog.build_report`, :func:`render_live`) runs for real.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import pytest
import xlwings as xw
from book_model import (
    LEDGER,
    NASTY,
    BookModel,
    Formula,
    SheetModel,
    customers_sheet,
    excel_rows,
    make_book,
    payments_sheet,
    sheet_from_rows,
    user_sheet,
    workbook,
)

from xl_ar import macros
from xl_ar.addin.ribbon import MACROS
from xl_ar.errors import LedgerError
from xl_ar.macros.workbook_source import LedgerNotFound, find_ledger, find_table
from xl_ar.reports.render_live import generated_key, mark_text


@pytest.fixture
def caller(monkeypatch):
    """Install a workbook double as ``xw.Book.caller()``; returns a function doing that."""

    def install(frame: pd.DataFrame = LEDGER, *extra: SheetModel) -> BookModel:
        model, book = workbook(frame, *extra)
        monkeypatch.setattr(xw.Book, "caller", lambda: book)
        return model

    return install


def user_state(model: BookModel) -> dict[str, Any]:
    return {
        s.name: model.snapshot(s.name) for s in model.sheets if s.name in ("Catatan", "Piutang")
    } | {"book names": dict(model.names)}


REPORT_MACROS = {
    "aging_report": ("aging", "Umur Piutang"),
    "dashboard_report": ("dashboard", None),
    "worklist_report": ("worklist", None),
    "letters_report": ("letters", "Surat Penagihan"),
    "reconcile_report": ("reconciliation", "Rekonsiliasi"),
    "allowance_report": ("allowance", None),
    "forecast_report": ("forecast", None),
    "credit_review_report": ("credit_review", None),
    "data_health_report": ("data_health", None),
    "statements_report": ("statements", "Rekening Koran"),
}
#: The macros of the collection logs (tested in test_macros_logs.py: they need the log sheets).
LOG_MACROS = {"disputes_report", "productivity_report"}


def test_the_macro_module_has_exactly_the_ribbon_macros():
    for name in MACROS:
        assert callable(getattr(macros, name)), name
    assert set(MACROS) == (
        set(REPORT_MACROS) | {"about", "toggle_language"} | DOCUMENT_MACROS | LOG_MACROS
    )


#: The document buttons (tested in tests/documents/test_macros_documents.py).
DOCUMENT_MACROS = {"letter_documents_report", "confirmation_documents_report", "send_emails"}


@pytest.mark.parametrize("name", sorted(REPORT_MACROS))
def test_every_report_macro_runs_end_to_end(caller, name):
    model = caller(LEDGER, customers_sheet(LEDGER), payments_sheet(LEDGER))
    before = user_state(model)
    assert getattr(macros, name)() is None
    assert model.alerts == []
    key, sheet_name = REPORT_MACROS[name]
    made = {s.name: generated_key(make_book(model).sheets[s.name]) for s in model.sheets[4:]}
    assert key in made.values() and "about" in made.values()
    if sheet_name:
        assert sheet_name in made
    assert [s.name for s in model.sheets[:4]] == ["Catatan", "Piutang", "Limit", "Pembayaran"]
    assert user_state(model) == before
    assert model.status[-1] is False and model.screen_updating is True
    count = len(model.sheets)
    getattr(macros, name)()  # re-run: same sheets, replaced
    assert len(model.sheets) == count and user_state(model) == before
    assert model.alerts == []


def test_rerun_leaves_user_sheets_identical_and_replaces_generated(caller):
    model = caller()
    before = user_state(model)
    macros.aging_report()
    first = {s.name: s for s in model.sheets}
    macros.aging_report()
    assert user_state(model) == before
    assert model.sheets[0].writes == 0 and model.sheets[1].writes == 0
    assert [s.name for s in model.sheets] == list(first)
    assert all(first[s.name] is not s for s in model.sheets[2:])  # replaced, not edited
    for sm in model.sheets[2:]:
        assert sm.names["xl_ar_generated"] == mark_text(
            generated_key(make_sheet(model, sm)), sm.name
        )


def make_sheet(model: BookModel, sm: SheetModel) -> Any:
    return make_book(model).sheets[sm.name]


def test_report_language_toggle(caller):
    model = caller()
    macros.toggle_language()
    assert model.alerts == [("Report language: English", "xl-ar")]
    assert model.names == {"xl_ar_language": '="en"'}
    macros.aging_report()
    assert "Aging" in [s.name for s in model.sheets]
    macros.toggle_language()
    assert model.names == {"xl_ar_language": '="id"'}
    macros.aging_report()  # same key: the English sheet is replaced by the Indonesian one
    names = [s.name for s in model.sheets]
    assert "Umur Piutang" in names and "Aging" not in names


def test_a_ledger_without_a_required_column_shows_one_line_and_changes_nothing(caller):
    broken = LEDGER.rename(columns={"Pelanggan": "Nama?"})
    model = caller(broken)
    before = [(s.name, model.snapshot(s.name)) for s in model.sheets]
    macros.aging_report()
    assert [(s.name, model.snapshot(s.name)) for s in model.sheets] == before
    [(message, title)] = model.alerts
    assert title == "xl-ar" and "\n" not in message and "'customer'" in message
    assert model.status[-1] is False


def test_a_failing_build_shows_one_line_and_changes_nothing(caller, monkeypatch):
    import xl_ar.reports.catalog as catalog

    model = caller()
    macros.aging_report()
    before = [(s.name, model.snapshot(s.name)) for s in model.sheets]

    def fail(*args: Any, **kwargs: Any) -> Any:
        raise LedgerError("row 17 'Jatuh Tempo': 'abc' is not a date\nand 3 more problems")

    monkeypatch.setattr(catalog, "build_report", fail)
    macros.aging_report()
    assert [(s.name, model.snapshot(s.name)) for s in model.sheets] == before
    assert model.alerts == [("row 17 'Jatuh Tempo': 'abc' is not a date", "xl-ar")]


def test_an_unexpected_error_is_one_line_too(caller, monkeypatch):
    import xl_ar.reports.catalog as catalog

    model = caller()
    monkeypatch.setattr(catalog, "build_report", lambda *a, **k: 1 / 0)
    macros.dashboard_report()
    assert model.alerts == [("ZeroDivisionError: division by zero", "xl-ar")]
    assert [s.name for s in model.sheets] == ["Catatan", "Piutang"]


def test_formula_looking_customer_names_land_as_text(caller):
    frame = LEDGER.copy()
    names = frame["Pelanggan"].unique()[: len(NASTY)]
    frame["Pelanggan"] = frame["Pelanggan"].replace(dict(zip(names, NASTY, strict=True)))
    model = caller(frame)
    macros.aging_report()
    assert model.alerts == []
    sheet = model.sheet("Umur Piutang")
    found = {v: sheet.formats.get(at) for at, v in sheet.cells.items() if v in NASTY}
    assert found == dict.fromkeys(NASTY, "@")
    assert not any(isinstance(v, Formula) for s in model.sheets[2:] for v in s.cells.values())


def test_credit_review_without_customers_sheet_says_what_is_missing(caller):
    model = caller()
    macros.credit_review_report()
    [(message, _)] = model.alerts
    assert "Limit" in message and [s.name for s in model.sheets] == ["Catatan", "Piutang"]


def test_reconcile_about_and_toggle_show_one_line_and_write_no_sheet(caller):
    model = caller()
    before = [(s.name, model.snapshot(s.name)) for s in model.sheets]
    macros.reconcile_report()
    macros.about()
    assert [(s.name, model.snapshot(s.name)) for s in model.sheets] == before
    assert "Pembayaran" in model.alerts[0][0] and model.alerts[0][1] == "xl-ar"
    assert model.alerts[1][0].startswith("xl-ar 0.") and "sheet Piutang" in model.alerts[1][0]
    assert all("\n" not in m for m, _ in model.alerts)


def test_config_sheet_as_of_and_language(caller):
    conf = sheet_from_rows("xl_ar.conf", [["Language", "en"], ["AsOf", dt.datetime(2024, 6, 30)]])
    model = caller(LEDGER, conf)
    macros.aging_report()
    assert model.alerts == []
    about = model.sheet("About")
    assert about.cells[(2, 2)] == dt.datetime(2024, 6, 30)
    assert model.sheet("xl_ar.conf").writes == 0


# --------------------------------------------------------------------------- the ledger rule

SMALL = excel_rows(LEDGER.head(20))


def test_rule_1_a_selection_with_a_ledger_header():
    data = sheet_from_rows("Data", SMALL, top=3, left=2)
    model = BookModel([data, sheet_from_rows("Piutang", excel_rows(LEDGER.head(5)))])
    model.selection = ("Data", "B3:P23")
    rows, source = find_ledger(make_book(model))
    assert rows == SMALL and source == "pilihan Data!B3:P23"


def test_rule_2_the_table_around_the_active_cell():
    data = sheet_from_rows("Data", SMALL, top=5)
    data.tables.append(("TblPiutang", "A5:O25"))
    model = BookModel([data, sheet_from_rows("Piutang", excel_rows(LEDGER.head(5)))])
    model.selection = ("Data", "C9")
    rows, source = find_ledger(make_book(model), lang="en")
    assert rows == SMALL and source == "table TblPiutang (Data!A5:O25)"


def test_rule_3_a_sheet_named_like_a_ledger_any_case():
    model = BookModel([user_sheet(), sheet_from_rows("buku piutang", SMALL)])
    model.selection = ("Catatan", "A1")
    rows, source = find_ledger(make_book(model))
    assert rows == SMALL and source == "sheet buku piutang"


def test_rule_4_the_active_sheet_with_a_header_not_on_top():
    data = sheet_from_rows("Januari", [["Laporan bulan Januari"], [], *SMALL])
    model = BookModel([user_sheet(), data], active=1)
    rows, source = find_ledger(make_book(model))
    assert rows[2] == SMALL[0] and source == "sheet Januari"


def test_no_ledger_is_one_clear_line_and_generated_sheets_are_never_input():
    fake = sheet_from_rows("Piutang", SMALL)
    fake.names["xl_ar_generated"] = mark_text("aging", "Piutang")  # xl-ar's own output
    model = BookModel([user_sheet(), fake], active=1)
    with pytest.raises(LedgerNotFound, match="^Buku piutang tidak ditemukan") as err:
        find_ledger(make_book(model))
    assert "\n" not in str(err.value)


def test_find_table_by_sheet_name():
    model = BookModel([user_sheet(), sheet_from_rows("PEMBAYARAN", [["Tanggal", "Jumlah"]])])
    found = find_table(make_book(model), ("Pembayaran", "Payments"))
    assert found is not None and found.rows == [["Tanggal", "Jumlah"]] and found.first_row == 1
    assert find_table(make_book(model), ("Limit",)) is None
