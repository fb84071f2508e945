"""The early-payment discount: its annual cost and the policy sheet's discount section."""

from __future__ import annotations

from xl_ar.workshop.book import Book, Sheet, a1
from xl_ar.workshop.layout import header_row, paragraph
from xl_ar.workshop.module_2.common import section_heading

__all__ = ["DISCOUNT_EXAMPLE", "DISCOUNT_EXERCISE", "add_discount_section", "discount_cost"]

DISCOUNT_EXAMPLE = (0.02, 10, 30)
"""Early-payment discount of the worked example: 2/10 net 30 (rate, discount days, net days)."""
DISCOUNT_EXERCISE = (0.01, 15, 45)
"""The discount the trainee prices: 1/15 net 45."""


def discount_cost(rate: float, discount_days: float, net_days: float) -> float:
    """Annualised cost of an early-payment discount ``rate/discount_days net net_days``.

    cost = rate / (1 − rate) × 365 / (net_days − discount_days): what the seller pays, per
    year, to be paid ``net_days − discount_days`` days sooner (the core's policy has no
    discount, so this is plain arithmetic).

    Examples
    --------
    >>> round(discount_cost(0.02, 10, 30), 4)
    0.3724
    """
    return rate / (1.0 - rate) * 365.0 / (net_days - discount_days)


def add_discount_section(book: Book, sh: Sheet, row: int) -> int:
    """Policy section: the discount's annual cost, worked and as an exercise; returns next row."""
    t = book.t
    section_heading(
        book, sh, row, "discount", ("Diskon pembayaran cepat", "Early-payment discount")
    )
    paragraph(
        sh,
        (row + 1, 1),
        7,
        (
            "'2/10 net 30' = diskon 2% bila dibayar dalam 10 hari, selain itu penuh dalam 30 "
            "hari. Biaya tahunan = diskon / (1 - diskon) x 365 / (hari net - hari diskon).",
            "'2/10 net 30' = 2% off if paid within 10 days, otherwise the full amount within "
            "30 days. Annual cost = discount / (1 - discount) x 365 / (net days - discount days).",
        ),
    )
    header_row(
        sh,
        (row + 2, 1),
        ["", ("Diskon", "Discount"), ("Hari diskon", "Discount days"), ("Hari net", "Net days"),
         ("Biaya tahunan", "Annual cost")],
    )  # fmt: skip
    for i, (label, terms) in enumerate(
        (
            (("Contoh 2/10 net 30", "Example 2/10 net 30"), DISCOUNT_EXAMPLE),
            (("Latihan 1/15 net 45", "Exercise 1/15 net 45"), DISCOUNT_EXERCISE),
        )
    ):
        r = row + 3 + i
        rate, days, net = terms
        sh.row((r, 1), [t(label), rate, days, net], ["bold", "pct", "int", "int"])
        cells = [a1(r, c) for c in (2, 3, 4)]
        if i == 0:
            sh.formula(
                (r, 5),
                f"={cells[0]}/(1-{cells[0]})*365/({cells[2]}-{cells[1]})",
                expected=discount_cost(*terms),
                style="pct2",
            )
        else:
            sh.exercise(
                (r, 5),
                discount_cost(*terms),
                kind="pct",
                question=t(
                    (
                        "Biaya tahunan diskon 1/15 net 45 (rumus seperti baris contoh)",
                        "Annual cost of the discount 1/15 net 45 (formula as in the example row)",
                    )
                ),
            )
    return row + 6
