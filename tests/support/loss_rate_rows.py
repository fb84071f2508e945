"""A small ledger with old debt, from which loss rates can be estimated (rows with a header)."""

from __future__ import annotations

HEADER = [
    "Customer",
    "Invoice",
    "Type",
    "Invoice Date",
    "Due Date",
    "Amount",
    "Paid",
    "Payment Date",
]


ROWS = [
    HEADER,
    ["PT A", "A", "Invoice", "2023-11-20", "2023-12-20", 1000.0, 1000.0, "2024-01-15"],
    ["PT B", "B", "Invoice", "2023-12-05", "2024-01-04", 2000.0, 2000.0, "2024-02-20"],
    ["PT C", "C", "Invoice", "2023-10-15", "2023-11-14", 3000.0, 1000.0, "2024-03-05"],
    ["PT D", "D", "Invoice", "2023-06-01", "2023-07-01", 500.0, 0.0, None],
    ["PT E", "E", "Invoice", "2023-08-10", "2023-09-09", 800.0, 0.0, None],
    ["PT F", "F", "Invoice", "2024-01-10", "2024-02-09", 4000.0, 3000.0, "2024-03-20"],
    ["PT G", "G", "Credit Note", "2024-01-25", "2024-01-25", -300.0, 0.0, None],
    ["PT H", "H", "Invoice", "2024-02-01", "2024-03-02", 1500.0, 1500.0, "2024-04-25"],
    ["PT I", "I", "Invoice", "2023-12-20", "2023-12-31", 600.0, 0.0, None],
    ["PT J", "J", "Invoice", "2023-12-15", "2024-02-13", 1200.0, 1200.0, "2024-01-30"],
    ["PT K", "K", "Invoice", "2023-12-10", "2024-02-08", 700.0, 700.0, "2024-02-25"],
]
