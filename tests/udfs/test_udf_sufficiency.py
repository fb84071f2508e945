"""Worksheet functions refuse what the report withholds (review of issue 15, findings 3, 4, 5,
7, 10): a snapshot's KPI series, loss rates and forecast; a snapshot aged before its date; no
KPI period before the ledger starts."""

from __future__ import annotations

import datetime as dt

import pytest

from xl_ar.testing import MISSING, excel_call

D = dt.datetime
#: The review's openitems.csv as worksheet cells: open invoices up to 1 June 2024.
OPEN_ITEMS = [
    ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"],
    ["PT Maju", "A1", D(2024, 1, 5), D(2024, 2, 4), 10_000_000.0],
    ["PT Maju", "A2", D(2024, 5, 10), D(2024, 6, 9), 5_000_000.0],
    ["CV Sentosa", "B1", D(2024, 2, 20), D(2024, 3, 21), 7_500_000.0],
    ["UD Jaya", "C1", D(2024, 6, 1), D(2024, 7, 1), 2_500_000.0],
]
SNAPSHOT = "the ledger lists only open invoices as of 30/06/2024, with no payment dates"
BACK_DATED = (
    "the ledger is an open-items snapshot as of 01/06/2024: an aging at an earlier date would "
    "miss the invoices paid since; age it at 01/06/2024 or later"
)
RATES = [[0.01], [0.05], [0.2], [0.5], [1.0]]
#: A full history from 15 January 2024.
HISTORY = [
    ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"],
    ["PT A", "I1", D(2024, 1, 15), D(2024, 2, 14), 1000.0, 1000.0, D(2024, 3, 10)],
    ["PT B", "I2", D(2024, 2, 10), D(2024, 3, 11), 3000.0, 0.0, None],
    ["PT A", "I3", D(2024, 3, 5), D(2024, 4, 4), 500.0, 0.0, None],
]


def test_kpi_series_of_a_snapshot_is_refused_with_the_reports_reason():  # finding 3
    got = excel_call("AR_KPI", OPEN_ITEMS, D(2024, 1, 1), D(2024, 6, 30))
    assert got == f"AR_KPI: not estimable: collections per period are unknown: {SNAPSHOT}"


def test_loss_rates_of_a_snapshot_are_refused_not_100_percent():  # finding 4
    got = excel_call("AR_LOSS_RATES", OPEN_ITEMS, D(2024, 1, 1), D(2024, 6, 30))
    assert got == (
        f"AR_LOSS_RATES: not estimable: loss rates cannot be estimated from the ledger: {SNAPSHOT}"
        "; give loss rates (to AR_ECL or AR_FORECAST)"
    )
    balances = excel_call(
        "AR_LOSS_RATES", OPEN_ITEMS, D(2024, 1, 1), D(2024, 6, 30), MISSING, MISSING, "balances"
    )
    assert balances == f"AR_LOSS_RATES: {BACK_DATED}"  # month-end agings before its date


def test_forecast_of_a_snapshot_is_refused_even_with_loss_rates():  # finding 5
    got = excel_call("AR_FORECAST", OPEN_ITEMS, D(2024, 6, 30), MISSING, MISSING, MISSING, RATES)
    assert got == f"AR_FORECAST: not estimable: when customers pay is unknown: {SNAPSHOT}"


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("AR_AGING", (OPEN_ITEMS, D(2024, 3, 31))),
        ("AR_OPEN", (OPEN_ITEMS, D(2024, 3, 31))),
        ("AR_WORKLIST", (OPEN_ITEMS, D(2024, 3, 31))),
        ("AR_LETTER", (OPEN_ITEMS, "PT Maju", D(2024, 3, 31))),
        ("AR_CREDIT_REVIEW", ([["Customer", "Credit Limit"], ["PT Maju", 1e7]], OPEN_ITEMS,
                              D(2024, 3, 31))),
    ],
)  # fmt: skip
def test_a_snapshot_aged_before_its_date_is_refused(name, args):  # finding 7
    assert excel_call(name, *args) == f"{name}: {BACK_DATED}"


def test_a_snapshot_at_its_date_and_a_history_at_any_date_are_aged():
    total = excel_call("AR_AGING", OPEN_ITEMS, D(2024, 6, 1))[-1]
    assert total == ["Total", 7_500_000.0, 0.0, 0.0, 7_500_000.0, 10_000_000.0, 25_000_000.0]
    early = excel_call("AR_AGING", HISTORY, D(2024, 1, 31))
    assert early[-1][-1] == 1000.0


def test_kpi_series_starts_at_the_ledgers_first_month():  # finding 10
    got = excel_call("AR_KPI", HISTORY, D(2023, 10, 1), D(2024, 3, 31))
    assert [row[0] for row in got[1:]] == ["2024-01", "2024-02", "2024-03"]
    assert [row[5] for row in got[1:]] == [0.0, 0.0, 1000.0]  # collections
    assert got[-1][-1] == 0.25  # CEI, month of March: (4000 + 500 - 3500) / (4000 + 500 - 500)
