"""A small ledger and customer master with hand-computed agings by column (issue 16).

As of 2024-06-30, buckets 30/60/90 on the due date:

=========  ======  ==========  ==========  ========  ======  ======  =======  =========
customer   inv     date        due         amount    paid    dpd     bucket   Kota
=========  ======  ==========  ==========  ========  ======  ======  =======  =========
PT Maju    F1      2024-03-01  2024-03-31  1000      0       91      >90      Medan
PT Maju    F2      2024-05-15  2024-06-14  500       200     16      1-30     Medan
CV Baru    F3      2024-06-20  2024-07-04  250.50    0       -4      Current  (blank)
UD Lama    F4      2024-04-10  2024-05-10  400       0       51      31-60    Bali
Toko X     F5      2024-05-01  2024-05-31  120.25    0       30      1-30     Bali
=========  ======  ==========  ==========  ========  ======  ======  =======  =========

The master lists ``pt. maju`` (Sumatra, Budi), CV Baru (Jawa, Andi), UD Lama (Sumatra, Andi)
and PT Hantu (no ledger rows); Toko X is not in it.
"""

from __future__ import annotations

AS_OF = "2024-06-30"
HEADER = ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date",
          "Kota"]  # fmt: skip
LEDGER = [
    HEADER,
    ["PT Maju", "F1", "2024-03-01", "2024-03-31", 1000.0, 0.0, None, "Medan"],
    ["PT Maju", "F2", "2024-05-15", "2024-06-14", 500.0, 200.0, "2024-06-20", "Medan"],
    ["CV Baru", "F3", "2024-06-20", "2024-07-04", 250.5, 0.0, None, None],
    ["UD Lama", "F4", "2024-04-10", "2024-05-10", 400.0, 0.0, None, "Bali"],
    ["Toko X", "F5", "2024-05-01", "2024-05-31", 120.25, 0.0, None, "Bali"],
]
MASTER = [
    ["Pelanggan", "Wilayah", "Sales", "Email", "HP", "Limit Kredit", "Catatan"],
    ["pt. maju", "Sumatra", "Budi", "ar@maju.co.id", "0812-3456-7890", 2000, "vip"],
    ["CV Baru", "Jawa", "Andi", "baru.co.id", "+62 813 1111 2222", 500, None],
    ["UD Lama", "Sumatra", "Andi", None, "6281399998888", None, None],
    ["PT Hantu", "Papua", "Budi", "x@hantu.id", None, 100, None],
]
LABELS = ["Current", "1-30", "31-60", "61-90", ">90", "Total"]
#: The aging by region: (group, Current, 1-30, 31-60, 61-90, >90, Total).
BY_REGION = [
    ["Jawa", 250.5, 0.0, 0.0, 0.0, 0.0, 250.5],
    ["Sumatra", 0.0, 300.0, 400.0, 0.0, 1000.0, 1700.0],
    ["(not in customer master)", 0.0, 120.25, 0.0, 0.0, 0.0, 120.25],
    ["Total", 250.5, 420.25, 400.0, 0.0, 1000.0, 2070.75],
]
BY_SALES = [
    ["Andi", 250.5, 0.0, 400.0, 0.0, 0.0, 650.5],
    ["Budi", 0.0, 300.0, 0.0, 0.0, 1000.0, 1300.0],
    ["(not in customer master)", 0.0, 120.25, 0.0, 0.0, 0.0, 120.25],
    ["Total", 250.5, 420.25, 400.0, 0.0, 1000.0, 2070.75],
]
BY_KOTA = [
    ["Bali", 0.0, 120.25, 400.0, 0.0, 0.0, 520.25],
    ["Medan", 0.0, 300.0, 0.0, 0.0, 1000.0, 1300.0],
    ["(blank)", 250.5, 0.0, 0.0, 0.0, 0.0, 250.5],
    ["Total", 250.5, 420.25, 400.0, 0.0, 1000.0, 2070.75],
]

#: The month-over-month golden: previous 2024-05-31, current 2024-06-30 (see
#: tests/core/position/test_aging_movement.py for the hand computation).
MOVEMENT_LEDGER = [
    ["Customer", "Invoice", "Type", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"],
    ["A", "F1", "Invoice", "2024-04-01", "2024-05-01", 1000.0, 1000.0, "2024-06-10"],
    ["A", "F2", "Invoice", "2024-05-10", "2024-06-09", 600.0, 250.0, "2024-06-25"],
    ["B", "F3", "Invoice", "2024-03-01", "2024-03-31", 800.0, 300.0, "2024-06-15"],
    ["B", "F4", "Invoice", "2024-06-05", "2024-07-05", 400.0, 0.0, None],
    ["B", "CN1", "Credit Note", "2024-06-12", "2024-07-12", 100.0, 0.0, None],
    ["C", "F5", "Invoice", "2024-02-01", "2024-03-02", 200.0, 0.0, None],
]
MOVEMENT_PREVIOUS, MOVEMENT_CURRENT = "2024-05-31", "2024-06-30"
