"""Issue 15, item 1 in the worksheet functions: AR_AGING per currency, AR_CHECK not OK on a
ledger of several currencies, money functions refuse in one line."""

from __future__ import annotations

import datetime as dt

from xl_ar.testing import excel_call

JAN1, JAN31 = dt.datetime(2024, 1, 1), dt.datetime(2024, 1, 31)
AS_OF = dt.datetime(2024, 3, 31)
MIXED = [
    ["Customer", "Invoice Date", "Due Date", "Amount", "Currency"],
    ["PT A", JAN1, JAN31, 1_000_000.0, "IDR"],
    ["PT B", JAN1, JAN31, 1_000.0, "USD"],
    ["PT A", JAN1, JAN31, 500.0, "USD"],
]
NOTE = (
    "note: 2 currencies (open: IDR 1,000,000 in 1 row; USD 1,500 in 2 rows): aged per "
    "currency, never added; other figures need a rate table or one currency"
)


def test_ar_aging_ages_each_currency_on_its_own():
    assert excel_call("AR_AGING", MIXED, AS_OF) == [
        ["customer", "currency", "Current", "1-30", "31-60", "61-90", ">90", "Total"],
        ["PT A", "IDR", 0.0, 0.0, 1_000_000.0, 0.0, 0.0, 1_000_000.0],
        ["Total", "IDR", 0.0, 0.0, 1_000_000.0, 0.0, 0.0, 1_000_000.0],
        ["PT A", "USD", 0.0, 0.0, 500.0, 0.0, 0.0, 500.0],
        ["PT B", "USD", 0.0, 0.0, 1_000.0, 0.0, 0.0, 1_000.0],
        ["Total", "USD", 0.0, 0.0, 1_500.0, 0.0, 0.0, 1_500.0],
    ]


def test_ar_check_is_not_ok_on_several_currencies():
    assert excel_call("AR_CHECK", MIXED) == [["2 currencies (IDR, USD): see the note"], [NOTE]]
    one = [row[:4] + ["USD" if i else "Currency"] for i, row in enumerate(MIXED)]
    assert excel_call("AR_CHECK", one) == "OK"


def test_ar_kpi_refuses_in_one_line():
    got = excel_call("AR_KPI", MIXED, JAN1, AS_OF)
    assert got == (
        "AR_KPI: the ledger is in several currencies (open: IDR 1,000,000; USD 1,500): the KPI "
        "series would add them up; convert them with a rate table, or keep one currency"
    )


def test_ar_open_names_the_currency_of_each_item():
    table = excel_call("AR_OPEN", MIXED, AS_OF)
    assert table[0][:3] == ["row", "customer", "currency"]
    assert [r[2] for r in table[1:]] == ["IDR", "USD", "USD"]
