"""The ribbon's collection-log macros: the Aktivitas and Sengketa sheets feed the worklist,
the collector productivity and the dispute report (issue 16)."""

from __future__ import annotations

import pandas as pd
import pytest
import xlwings as xw
from activity_samples import DISPUTES, LEDGER, LOG
from book_model import make_book, sheet_from_rows, workbook

from xl_ar import macros
from xl_ar.reports.render_live import generated_key


@pytest.fixture
def caller(monkeypatch):
    def install(*extra):
        frame = pd.DataFrame(LEDGER[1:], columns=LEDGER[0])
        model, book = workbook(frame, *extra)
        monkeypatch.setattr(xw.Book, "caller", lambda: book)
        return model

    return install


def made(model) -> dict[str, str | None]:
    book = make_book(model)
    return {s.name: generated_key(book.sheets[s.name]) for s in model.sheets[2:]}


def test_productivity_and_disputes_from_their_sheets(caller):
    model = caller(sheet_from_rows("Aktivitas", LOG), sheet_from_rows("Sengketa", DISPUTES))
    macros.productivity_report()
    macros.disputes_report()
    assert model.alerts == []
    got = made(model)
    assert got["Aktivitas"] is None and got["Sengketa"] is None  # the user's sheets stay
    assert got["Produktivitas Kolektor"] == "productivity"
    assert got["Laporan Sengketa"] == "disputes"
    sheet = model.sheet("Produktivitas Kolektor")
    # the as-of date is the ledger's latest (10/12/2024): the period is its month
    assert sheet.cells[(2, 1)].startswith("Periode 01/12/2024 – 10/12/2024;")
    assert "Budi" in sheet.cells.values() and 800_000.0 in sheet.cells.values()


def test_worklist_reads_the_activity_sheet(caller):
    model = caller(sheet_from_rows("Log Penagihan", LOG))
    macros.worklist_report()
    assert model.alerts == []
    assert "Kontak terakhir" in model.sheet("Daftar Penagihan").cells.values()


def test_a_missing_log_sheet_is_one_line(caller):
    model = caller()
    macros.disputes_report()
    assert model.alerts == [
        (
            "Sengketa butuh sheet 'Sengketa' atau 'Disputes' (pelanggan, faktur, alasan, dibuka)",
            "xl-ar",
        )
    ]
