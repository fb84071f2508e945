"""Module 5's shared constants: sheet names, months, the metrics period, the question type."""

from __future__ import annotations

from dataclasses import dataclass

Text = tuple[str, str]

SHEETS: dict[str, Text] = {
    "data": ("Data", "Data"),
    "monthly": ("Bulanan", "Monthly"),
    "metrics": ("Metrik", "Metrics"),
    "practice": ("Latihan Metrik", "Metrics Practice"),
    "recon": ("Rekonsiliasi", "Reconciliation"),
    "recon365": ("Rekon XLOOKUP (Excel 365)", "Recon XLOOKUP (Excel 365)"),
    "pivot": ("Tabel Pivot", "Pivot Table"),
}
MONTHS: tuple[Text, ...] = (
    ("Januari", "January"),
    ("Februari", "February"),
    ("Maret", "March"),
    ("April", "April"),
    ("Mei", "May"),
    ("Juni", "June"),
    ("Juli", "July"),
    ("Agustus", "August"),
    ("September", "September"),
    ("Oktober", "October"),
    ("November", "November"),
    ("Desember", "December"),
)
YEAR = 2024
Q4 = (10, 11, 12)  # the months of the metrics period
ANNUALISE = 4  # Q4 credit sales × 4 = annualised credit sales (for RTO / ACP)
SERIES_FROM = 4
"""First month of the analysed monthly series (April 2024).

The ledger starts on 4 January 2024: invoices of 2023 that were still open in early 2024 are
not in it, so the month-end balances of January-March are too low (January starts from 0 and
nothing is past due before February) and so are the collections (none in February). With terms of 30-60 days and most invoices paid within
about two months, the balances are complete from the end of March on: the monthly metrics
(DSO, BPDSO, ADD, CEI) and their averages start in April, whose CEI uses the balance at 31 March.
"""
Q4_WRITE_OFF = 3_850_000.0
"""Write-offs booked in Q4 2024 per the general journal (a given input, not from the ledger).

No invoice of the workshop ledger is written off (its old balances are still being chased);
the bad-debt ratio of the Metrics sheet divides this journal figure by the Q4 credit sales.
"""

NA = "-"  # shown where a lookup finds nothing or a ratio is undefined


@dataclass(frozen=True)
class Ask:
    """One practice question: text, the core's answer, kind and a hint.

    ``hint`` names the method, the inputs and the function, not the finished formula; it may
    name the given cells of its case in braces (``"DSO from {ar}, {sales} and {days}"``).
    """

    question: Text
    answer: float | int | str
    kind: str
    hint: str | Text = ""
