"""AR_AGING and AR_KPI by any column (customers range at the end), AR_DISCOUNT_COST (issue 16)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.support.by_column_samples import BY_REGION, LABELS, LEDGER, MASTER
from xl_ar.testing import excel_call, excel_error_code

AS_OF = dt.datetime(2024, 6, 30)
# what Excel hands over: numbers as float, dates as datetime, blanks as None
LEDGER_CELLS = [LEDGER[0]] + [
    [c if not isinstance(c, str) or c[:2] != "20" else dt.datetime.fromisoformat(c) for c in r]
    for r in LEDGER[1:]
]
MASTER_CELLS = [[float(c) if isinstance(c, int) else c for c in r] for r in MASTER]


def test_ar_aging_by_region_with_the_customer_master_range():
    got = excel_call(
        "AR_AGING", LEDGER_CELLS, AS_OF, None, None, "master:region", None, MASTER_CELLS
    )
    assert got == [["region", *LABELS], *BY_REGION]


def test_ar_aging_keeps_its_old_arguments():
    by_customer = excel_call("AR_AGING", LEDGER_CELLS, AS_OF)
    assert [r[0] for r in by_customer] == ["customer", "CV Baru", "PT Maju", "Toko X", "UD Lama",
                                           "Total"]  # fmt: skip
    assert excel_call("AR_AGING", LEDGER_CELLS, AS_OF, None, None, "Kota")[1] == [
        "Bali",
        0.0,
        120.25,
        400.0,
        0.0,
        0.0,
        520.25,
    ]


def test_ar_aging_errors_are_one_line():
    got = excel_call("AR_AGING", LEDGER_CELLS, AS_OF, None, None, "salesperson")
    assert got.startswith(
        "AR_AGING: by 'salesperson' is a customer-master column (salesperson): give the"
    )
    got = excel_call("AR_AGING", LEDGER_CELLS, AS_OF, None, None, "regoin", None, MASTER_CELLS)
    assert got.startswith("AR_AGING: by: no column 'regoin' in the customer master (email, phone,")
    got = excel_call("AR_AGING", LEDGER_CELLS, AS_OF, None, None, "region", None,
                     [["Customer", "Region"], ["A", "x"], ["a", "y"]])  # fmt: skip
    assert got == ("AR_AGING: customer master: row 3 'a' repeats row 2 'A' (names match ignoring "
                   "case, spaces, punctuation and legal-form spelling): keep one row per customer")  # fmt: skip
    got = excel_call("AR_AGING", LEDGER_CELLS, AS_OF, None, None, "region", None,
                     excel_error_code("#REF!"))  # fmt: skip
    assert got == "AR_AGING: customers is #REF!"


def test_ar_kpi_by_region():
    got = excel_call("AR_KPI", LEDGER_CELLS, dt.datetime(2024, 5, 1), AS_OF, None,
                     "master:region", MASTER_CELLS)  # fmt: skip
    assert isinstance(got, list), got
    head = got[0]
    assert head[:3] == ["region", "period", "period_start"]
    rows = {(r[0], r[1]): dict(zip(head, r, strict=True)) for r in got[1:]}
    assert rows[("Sumatra", "2024-06")]["ending_ar"] == 1700.0
    assert rows[("(not in customer master)", "2024-05")]["credit_sales"] == 120.25
    assert sum(r["ending_ar"] for (g, p), r in rows.items() if p == "2024-06") == 2070.75
    plain = excel_call("AR_KPI", LEDGER_CELLS, dt.datetime(2024, 5, 1), AS_OF)
    assert plain[0][0] == "period" and len(plain) == 3


@pytest.mark.parametrize(("args", "expected"), [
    ((2.0, 10.0, 30.0), 0.3673), ((2.0, 10.0, 30.0, 365.0), 0.3724),
    ((0.02, 10.0, 30.0, 360.0, "effective"), 0.4386), (("2%", 10.0, 30.0, 365.0, "Effective"), 0.4459),
    ((2.0, 10.0, 30.0, None, None), 0.3673),
])  # fmt: skip
def test_ar_discount_cost_goldens(args, expected):
    assert round(excel_call("AR_DISCOUNT_COST", *args), 4) == expected


@pytest.mark.parametrize(("args", "message"), [
    ((2.0, 30.0, 30.0), "AR_DISCOUNT_COST: discount_days (30) must be fewer than net_days (30)"),
    ((100.0, 10.0, 30.0), "AR_DISCOUNT_COST: discount must be below 100% (2, 2% or 0.02 = 2%), not 100"),
    ((-1.0, 10.0, 30.0), "AR_DISCOUNT_COST: discount must be 0 or more, not -1"),
    ((2.0, 10.0, 30.0, 300.0), "AR_DISCOUNT_COST: day_basis must be 360 or 365, not 300"),
    ((excel_error_code("#N/A"), 10.0, 30.0), "AR_DISCOUNT_COST: discount is #N/A"),
])  # fmt: skip
def test_ar_discount_cost_errors_are_one_line(args, message):
    assert excel_call("AR_DISCOUNT_COST", *args) == message
