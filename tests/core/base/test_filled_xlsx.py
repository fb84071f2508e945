"""A real ledger larger than DENSE_CELLS is read as one block, with no stray-cell note."""

from __future__ import annotations

import datetime as dt

import xlsxwriter

from xl_ar.core import aging, load_ledger
from xl_ar.core.base import sources

ROWS = 290_000  # x 7 columns: just over DENSE_CELLS


def _write(path, rows, stray=False):
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Ledger")
    date = book.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(
        0, 0, ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid", "Note"]
    )
    day = dt.datetime(2024, 10, 1)
    for i in range(1, rows + 1):
        sheet.write_string(i, 0, f"C{i % 500}")
        sheet.write_string(i, 1, f"I{i}")
        sheet.write_datetime(i, 2, day, date)
        sheet.write_datetime(i, 3, day + dt.timedelta(days=30), date)
        sheet.write_number(i, 4, 100.0)
        sheet.write_number(i, 5, 0.0)
        sheet.write_string(i, 6, "x")
    if stray:
        sheet.write_string(200_000, 900, "stray")
    book.close()


def test_a_filled_sheet_past_the_dense_limit_is_one_block(tmp_path):
    assert ROWS * 7 > sources.DENSE_CELLS
    path = tmp_path / "big.xlsx"
    _write(path, ROWS)
    got = load_ledger(path)
    assert not any("stray cell" in note for note in got.notes), got.notes
    assert got.ok and len(got.ledger) == ROWS
    total = aging(got.ledger, "2024-12-31", by="total")
    assert float(total["Total"].iloc[0]) == 100.0 * ROWS


def test_a_small_table_with_a_far_stray_cell_is_still_read_cell_by_cell(tmp_path):
    path = tmp_path / "stray.xlsx"
    _write(path, 50, stray=True)
    got = load_ledger(path)
    assert any("stray cell" in note for note in got.notes)
