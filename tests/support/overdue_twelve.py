"""Issue 15's letters case: 12 overdue customers over every overdue stage, the 7 worst more
than 180 days past due with Rp 1,430,000,000 between them (one invoice each, as of 31 Dec 2024).
"""

from __future__ import annotations

import datetime as dt

AS_OF = dt.datetime(2024, 12, 31)
HEADER = ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"]

#: customer, days past due, amount (Rupiah), default stage
TWELVE = [
    ("CV Awal", 10, 15_000_000.0, "early"),
    ("PT Dua", 30, 25_000_000.0, "overdue"),
    ("PT Tiga", 40, 12_500_000.0, "overdue"),
    ("UD Empat", 60, 40_000_000.0, "escalation"),
    ("PT Lima", 120, 80_000_000.0, "legal"),
    ("PT Enam", 200, 200_000_000.0, "write_off"),
    ("PT Tujuh", 250, 210_000_000.0, "write_off"),
    ("PT Delapan", 190, 190_000_000.0, "write_off"),
    ("PT Sembilan", 300, 220_000_000.0, "write_off"),
    ("PT Sepuluh", 365, 180_000_000.0, "write_off"),
    ("PT Sebelas", 400, 230_000_000.0, "write_off"),
    ("PT Duabelas", 220, 200_000_000.0, "write_off"),
]
WORST_TOTAL = 1_430_000_000.0


def twelve_rows() -> list[list[object]]:
    """The ledger as row lists (header first): invoice ``F-<n>`` due ``days`` before AS_OF."""
    rows: list[list[object]] = [list(HEADER)]
    for n, (name, days, amount, _) in enumerate(TWELVE, start=1):
        due = AS_OF - dt.timedelta(days=days)
        rows.append([name, f"F-{n}", due - dt.timedelta(days=30), due, amount])
    return rows


def twelve_csv(path):
    """The ledger written as a CSV file (ISO dates); returns the path."""
    lines = [",".join(HEADER)]
    for row in twelve_rows()[1:]:
        name, number, inv_date, due, amount = row
        lines.append(f"{name},{number},{inv_date:%Y-%m-%d},{due:%Y-%m-%d},{amount:.0f}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
