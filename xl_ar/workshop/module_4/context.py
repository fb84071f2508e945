"""Module 4's shared state: sheet names, the build context, helpers every sheet uses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from xl_ar.core import aging, bucket_labels
from xl_ar.workshop.book import Book, Sheet
from xl_ar.workshop.cover import typed_formula as hint
from xl_ar.workshop.data import AS_OF, LedgerRefs
from xl_ar.workshop.layout import Text, header_row, titled_sheet
from xl_ar.workshop.terms import ALLOWANCE, CHECK_SHEET, bucket_name

SHEETS: dict[str, tuple[str, str]] = {
    "data": ("Data", "Data"),
    "example": ("Contoh", "Worked Example"),
    "aging": ("Latihan Aging", "Aging Exercise"),
    "cash": ("Proyeksi Kas", "Cash Projection"),
    "allowance": ("Cadangan", "Allowance"),
    "matrix": ("Matriks Provisi", "Provision Matrix"),
    "factoring": ("Faktoring", "Factoring"),
    "check": CHECK_SHEET,
}

TOTAL_LABEL = ("Total", "Total")
LEDGER_PART = (
    "B. Latihan: piutang PT Sinar Niaga per 31/12/2024",
    "B. Exercise: PT Sinar Niaga's receivables at 31/12/2024",
)
"""Heading of the exercise part of the allowance and provision-matrix sheets."""

LEDGER_RATES = (0.01, 0.03, 0.10, 0.25, 0.50)


@dataclass(frozen=True)
class AddInCheck:
    """An ``AR_*`` cell for the final check sheet: it reproduces the answer at ``answer``."""

    label: Text
    formula: str
    expected: float
    answer: str  # the trainee's input cell, "Sheet!B5"


@dataclass(frozen=True)
class Ctx:
    """What every sheet builder needs: the book, the ledger on the Data sheet, the core ledger.

    ``checks`` collects the ``AR_*`` cells that reproduce exercise answers; they go on the
    last sheet (:func:`check_sheet`), never beside the exercise.
    """

    book: Book
    refs: LedgerRefs
    ledger: pd.DataFrame
    checks: list[AddInCheck] = field(default_factory=list)

    def t(self, text: Text) -> str:
        return self.book.t(text)

    def name(self, key: str) -> str:
        return self.book.t(SHEETS[key])

    def buckets(self) -> list[str]:
        """The aging bucket names of :mod:`xl_ar.workshop.terms`, in the core's order."""
        return [bucket_name(label, self.book.lang) for label in bucket_labels()]

    def hint(self, formula: str) -> str:
        """A formula shown as text, with this edition's argument separator."""
        return hint(formula, self.book.lang)

    def check(self, label: Text, formula: str, expected: float, sheet: Sheet, cell: str) -> None:
        """Queue an ``AR_*`` cell for the check sheet; ``cell`` is the answer it reproduces."""
        self.checks.append(AddInCheck(label, formula, expected, f"{sheet.name}!{cell}"))


def top_aligned(sh: Sheet) -> None:
    """Plain texts get the "text" style (top-aligned like every styled cell).

    A cell without a style sits at the bottom of its row: beside a wrapped label two lines
    tall it would look like it belongs to the next row.
    """
    for cell in sh.cells.values():
        if cell.style is None and isinstance(cell.value, str):
            cell.style = "text"


def add_sheet(ctx: Ctx, key: str, title: Text, **options: Any) -> Sheet:
    """:func:`~xl_ar.workshop.layout.titled_sheet` named from :data:`SHEETS`."""
    return titled_sheet(ctx.book, SHEETS[key], title, **options)


def core_bucket_text(ctx: Ctx) -> dict[str, str]:
    """Core bucket label (``'>90'``) → the sheet's label (``'Di atas 90 hari'``)."""
    return dict(zip(bucket_labels(), ctx.buckets(), strict=True))


def bucket_balances(ctx: Ctx) -> list[float]:
    """Open balance of the shared ledger per aging bucket (the core's aging), in bucket order."""
    totals = aging(ctx.ledger, AS_OF, by="total")
    return [float(totals[label].iloc[0]) for label in bucket_labels()]


HORIZON = 3


def rate_table(
    sh: Sheet,
    top: int,
    head: Sequence[Text],
    rows: list[tuple[str, float, float, float]],
    rate_style: str,
    total: tuple[float, float],
) -> tuple[int, int, str, str]:
    """A worked bucket table: balance (B) × rate (C) = loss (D), then SUM and SUMPRODUCT.

    ``rows`` are ``(label, balance, rate, the core's loss)``; ``total`` is the core's total
    balance and total loss, shown on a row labelled Total. The header goes on row ``top``.
    Returns the first bucket row, the total row and the balance and rate ranges (relative A1).
    """
    header_row(sh, (top, 0), head)
    first = top + 1
    for r, (label, balance, rate, loss) in enumerate(rows, start=first):
        sh.row((r, 0), [label, balance, rate], [None, "money", rate_style])
        sh.formula((r, 3), f"=B{r + 1}*C{r + 1}", expected=loss, style="money")
    r = first + len(rows)
    rng, rates_rng = f"B{first + 1}:B{r}", f"C{first + 1}:C{r}"
    balance, loss = total
    sh.write((r, 0), sh.book.t(TOTAL_LABEL), "bold")
    sh.formula((r, 1), f"=SUM({rng})", expected=balance, style="total_money")
    sh.formula((r, 3), f"=SUMPRODUCT({rng},{rates_rng})", expected=loss, style="total_money")
    return first, r, rng, rates_rng


ALLOWANCE_IN_TEXT = (ALLOWANCE[0], ALLOWANCE[1][0].lower() + ALLOWANCE[1][1:])
""":data:`~xl_ar.workshop.terms.ALLOWANCE` for use inside a sentence ("the expected ...")."""
