"""Ledgers shared by the data-sufficiency tests (core, report, command line)."""

from __future__ import annotations

#: Four open invoices, no payment dates: the usual ERP aging export, at :data:`AS_OF`.
SNAPSHOT = [
    ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"],
    ["PT Alpha", "INV-1", "2024-01-15", "2024-02-14", 1_000_000],
    ["PT Beta", "INV-2", "2024-11-20", "2024-12-20", 2_500_000],
    ["PT Gamma", "INV-3", "2024-03-01", "2024-03-31", 4_000_000],
    ["PT Alpha", "INV-4", "2024-12-10", "2025-01-09", 1_500_000],
]
AS_OF = "2024-12-31"
WHY = "the ledger lists only open invoices as of 31/12/2024, with no payment dates"

#: The review's openitems.csv: four open invoices up to 1 June 2024, no payment columns.
OPEN_ITEMS = [
    ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"],
    ["PT Maju", "A1", "2024-01-05", "2024-02-04", 10_000_000.0],
    ["PT Maju", "A2", "2024-05-10", "2024-06-09", 5_000_000.0],
    ["CV Sentosa", "B1", "2024-02-20", "2024-03-21", 7_500_000.0],
    ["UD Jaya", "C1", "2024-06-01", "2024-07-01", 2_500_000.0],
]
BACK_DATED = (
    "the ledger is an open-items snapshot as of 01/06/2024: an aging at an earlier date would "
    "miss the invoices paid since; age it at 01/06/2024 or later"
)
#: A full history that starts on 15 January 2024 (inside the 3 months to 31 March).
STARTS_INSIDE = [
    ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"],
    ["PT A", "I1", "2024-01-15", "2024-02-14", 1000.0, 1000.0, "2024-03-10"],
    ["PT B", "I2", "2024-02-10", "2024-03-11", 3000.0, 0.0, None],
    ["PT A", "I3", "2024-03-05", "2024-04-04", 500.0, 0.0, None],
]
