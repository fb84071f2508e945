"""The ribbon macros against a real Microsoft Excel (Windows only; skipped elsewhere).

Manual release check on a Windows machine with Excel and this package installed
(``pip install .[test]``)::

    python -m pytest -m excel tests/reports/test_live_reports_excel.py

Each test opens a new workbook in a hidden Excel, writes the demo ledger into a sheet
``Piutang`` plus a user sheet ``Catatan`` (a value, a formula, a text cell), makes it the
caller with ``xw.Book.set_mock_caller()`` and calls :mod:`xl_ar.macros` exactly as the ribbon's
``RunPython`` would. Message boxes would block an unattended run, so ``App.alert`` is replaced
by a recorder for the duration of the test.
"""

from __future__ import annotations

import sys

import pytest

pytestmark = [
    pytest.mark.excel,
    pytest.mark.skipif(sys.platform != "win32", reason="needs Microsoft Excel on Windows"),
]

NASTY = ['=HYPERLINK("http://x","y")', "+62 21 555"]


@pytest.fixture
def excel_book(monkeypatch):  # pragma: no cover - Windows only
    xw = pytest.importorskip("xlwings")
    from xl_ar.sample_data import make_sample_ledger

    alerts: list[tuple[str, str | None]] = []
    monkeypatch.setattr(
        xw.App, "alert", lambda self, prompt, title=None, *a, **k: alerts.append((prompt, title))
    )
    frame = make_sample_ledger(n_customers=20, n_invoices=300, months=12)
    first = frame["Pelanggan"].unique()[: len(NASTY)]
    frame["Pelanggan"] = frame["Pelanggan"].replace(dict(zip(first, NASTY, strict=True)))
    app = xw.App(visible=False, add_book=False)
    try:
        book = app.books.add()
        user = book.sheets[0]
        user.name = "Catatan"
        user.range("A1").value = "Catatan saya"
        user.range("A2").value = 5
        user.range("A3").formula = "=A2*2"
        user.range("A4").number_format = "@"
        user.range("A4").value = "=tetap teks"
        ledger = book.sheets.add("Piutang", after=user)
        ledger.range("A1").options(index=False).value = frame.astype(object).where(
            frame.notna(), None
        )
        user.activate()
        book.set_mock_caller()
        yield book, alerts
    finally:
        if hasattr(xw.Book, "_mock_caller"):
            del xw.Book._mock_caller
        app.kill()


def _state(sheet):  # pragma: no cover - Windows only
    used = sheet.used_range
    return (
        used.address,
        used.options(ndim=2).value,
        used.formula,
        [[sheet.range((r, 1)).number_format] for r in range(1, 5)],
    )


@pytest.mark.parametrize(
    "macro",
    ["aging_report", "dashboard_report", "worklist_report", "letters_report",
     "allowance_report", "forecast_report", "data_health_report"],
)  # fmt: skip
def test_report_macro_in_excel(excel_book, macro):  # pragma: no cover - Windows only
    from xl_ar import macros
    from xl_ar.reports.render_live import is_generated

    book, alerts = excel_book
    before = {name: _state(book.sheets[name]) for name in ("Catatan", "Piutang")}
    getattr(macros, macro)()
    assert alerts == []
    generated = [s.name for s in book.sheets if is_generated(s)]
    assert len(generated) >= 2 and "Tentang Laporan" in generated
    getattr(macros, macro)()  # re-run: same sheets, replaced
    assert [s.name for s in book.sheets if is_generated(s)] == generated
    assert {name: _state(book.sheets[name]) for name in before} == before
    assert book.app.status_bar in (False, "")  # reset: Excel shows its own text again


def test_formula_looking_names_stay_text_in_excel(excel_book):  # pragma: no cover - Windows only
    from xl_ar import macros

    book, alerts = excel_book
    macros.aging_report()
    sheet = book.sheets["Umur Piutang"]
    values = sheet.used_range.options(ndim=2).value
    formulas = sheet.used_range.formula
    for name in NASTY:
        hits = [(r, c) for r, row in enumerate(values) for c, v in enumerate(row) if v == name]
        assert hits, name
        r, c = hits[0]
        assert formulas[r][c] == name  # stored as the literal text, not a formula


def test_mark_survives_save_and_reopen(excel_book, tmp_path):  # pragma: no cover - Windows only
    from xl_ar import macros
    from xl_ar.reports.render_live import is_generated

    book, _ = excel_book
    macros.aging_report()
    path = tmp_path / "laporan.xlsx"
    book.save(str(path))
    app = book.app
    book.close()
    again = app.books.open(str(path))
    assert [s.name for s in again.sheets if is_generated(s)] == ["Umur Piutang", "Tentang Laporan"]
    assert not is_generated(again.sheets["Catatan"])


def test_failures_and_messages_in_excel(excel_book):  # pragma: no cover - Windows only
    from xl_ar import macros

    book, alerts = excel_book
    names = [s.name for s in book.sheets]
    macros.credit_review_report()  # no customers sheet
    macros.reconcile_report()
    macros.about()
    assert [s.name for s in book.sheets] == names
    assert len(alerts) == 3 and all("\n" not in m and t == "xl-ar" for m, t in alerts)
