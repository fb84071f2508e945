"""The ``AR_*`` add-in cells: the worked add-in examples and the last "check with xl-ar" sheet."""

from __future__ import annotations

from typing import Any

import pandas as pd

from xl_ar.core import TOTAL, aging, load_ledger
from xl_ar.core import schema as s
from xl_ar.workshop.book import Book
from xl_ar.workshop.data import AS_OF, LedgerRefs, core_ledger, ledger_frame
from xl_ar.workshop.layout import header_row, titled_sheet
from xl_ar.workshop.module_1.common import CHECK_SHEET, NAMED_CUSTOMER, T, as_typed
from xl_ar.workshop.terms import bucket_name

__all__ = ["add_check_sheet", "add_in_examples"]


def _aging_grid(lang: str) -> pd.DataFrame:
    """The core's aging by customer, as ``AR_AGING`` returns it below its header row.

    Rows: one per customer with an open balance, then the Total row; columns: customer, the
    buckets and Total (last). Cell (i, j) of the frame is (i + 2, j + 1) of ``AR_AGING``.
    """
    grid = aging(core_ledger(lang), AS_OF).reset_index(drop=True)
    if grid.iloc[-1][s.CUSTOMER] != TOTAL or grid.columns[-1] != TOTAL:
        raise ValueError("the core's aging must end with its Total row and column")
    return grid


def _aging_cell(
    refs: LedgerRefs, grid: pd.DataFrame, customer: str, column: str
) -> tuple[str, float]:
    """``INDEX(AR_AGING(...), r, c)`` of one customer (or the Total row) and one column."""
    i = int(grid.index[grid[s.CUSTOMER] == customer][0])
    j = list(grid.columns).index(column)
    formula = f"=INDEX(AR_AGING({refs.table},{refs.as_of_cell}),{i + 2},{j + 1})"
    return formula, float(grid.iloc[i][column])


def add_in_examples(book: Book, refs: LedgerRefs) -> list[tuple[T, str, Any, str]]:
    """Worked ``AR_*`` cells: the over-90 total from ``AR_AGING`` and the ``AR_CHECK`` verdict.

    ``AR_AGING`` returns a header row, one row per customer and a Total row, with the Total
    column last. The example reads the Total row's oldest bucket (no exercise asks for it);
    the total open balance, which an exercise asks for, is on the check sheet.
    """
    if not load_ledger(ledger_frame(book.lang)).problems.empty:
        raise ValueError("the workshop ledger must pass the core's data check")
    grid = _aging_grid(book.lang)
    over_90 = bucket_name(">90", book.lang)
    formula, value = _aging_cell(refs, grid, TOTAL, ">90")
    return [
        (
            (
                f"Saldo '{over_90}' dengan add-in (AR_AGING: baris Total, kolom ke-6)",
                f"'{over_90}' balance with the add-in (AR_AGING: Total row, 6th column)",
            ),
            formula,
            value,
            "rp",
        ),
        (
            (
                "Cek kesehatan data dengan add-in (AR_CHECK: OK = tidak ada masalah)",
                "Data health check with the add-in (AR_CHECK: OK = no problems)",
            ),
            f"=AR_CHECK({refs.table})",
            "OK",
            "bold",
        ),
    ]


def add_check_sheet(book: Book, refs: LedgerRefs) -> None:
    """The last sheet: ``AR_*`` cells that recompute practice answers (open it at the end)."""
    t = book.t
    sh = titled_sheet(
        book,
        CHECK_SHEET,
        ("Cek jawaban dengan add-in xl-ar", "Check your answers with the xl-ar add-in"),
        widths=[5, 50, 62, 20],
        intro=(
            "Buka sheet ini setelah Anda selesai. Fungsi add-in xl-ar menghitung ulang "
            "beberapa jawaban sheet Latihan dari tabel Data; tanpa add-in selnya "
            "menampilkan #NAME?.",
            "Open this sheet after you finish. The xl-ar add-in's functions recompute some "
            "answers of the Practice sheet from the Data table; without the add-in the cells "
            "show #NAME?.",
        ),
    )
    header_row(sh, (3, 0), ["No", ("Jawaban", "Answer"), ("Rumus", "Formula"),
                            ("Hasil add-in", "Add-in result")])  # fmt: skip
    grid = _aging_grid(book.lang)
    rows = [
        (
            (
                "Latihan no. 5: total saldo piutang terbuka",
                "Practice no. 5: total open receivables",
            ),
            _aging_cell(refs, grid, TOTAL, TOTAL),
        ),
        (
            (
                f"Latihan no. 8: saldo terbuka {NAMED_CUSTOMER}",
                f"Practice no. 8: open balance of {NAMED_CUSTOMER}",
            ),
            _aging_cell(refs, grid, NAMED_CUSTOMER, TOTAL),
        ),
    ]
    for i, (label, (formula, value)) in enumerate(rows):
        r = 4 + i
        sh.write((r, 0), i + 1, "int")
        sh.write((r, 1), t(label), "wrap")
        sh.write((r, 2), as_typed(formula, book.lang), "note")
        sh.formula((r, 3), formula, expected=value, style="rp")
