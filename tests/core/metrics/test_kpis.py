"""Ledger-level KPIs: days to pay, shares, KPI series and the headline summary."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from xl_ar.core.ledger.ledger import read_ledger
from xl_ar.core.metrics.kpi_series import KPI_COLUMNS, kpi_series
from xl_ar.core.metrics.payment_behaviour import (
    past_due_shares,
    weighted_average_days_to_pay,
)
from xl_ar.core.metrics.summary import kpi_summary
from xl_ar.errors import OptionError

HEADER = ["Customer", "Invoice", "Type", "Invoice Date", "Due Date", "Amount", "Paid",
          "Payment Date"]  # fmt: skip


def test_weighted_average_days_to_pay_worked_example():
    # ar-domain.md: 1,000@15, 3,000@30, 2,000@45 → 32.5 (simple mean 30)
    led = read_ledger([
        HEADER,
        ["A", "1", "Invoice", "2024-01-01", "2024-01-31", 1000, 1000, "2024-01-16"],
        ["A", "2", "Invoice", "2024-01-01", "2024-01-31", 3000, 3000, "2024-01-31"],
        ["B", "3", "Invoice", "2024-01-01", "2024-01-31", 2000, 2000, "2024-02-15"],
        ["B", "4", "Invoice", "2024-01-01", "2024-01-31", 9999, 0, None],  # unpaid: left out
        ["B", "5", "Invoice", "2024-01-01", "2024-01-31", 7777, 100, "2024-03-01"],  # partial
    ])  # fmt: skip
    assert weighted_average_days_to_pay(led) == pytest.approx(32.5)
    # days late: 0, 0, 15 → 2000*15/6000
    assert weighted_average_days_to_pay(led, measure="days_late") == pytest.approx(5.0)
    with pytest.raises(OptionError):
        weighted_average_days_to_pay(led, measure="days")


def test_past_due_shares_by_amount_and_count():
    led = read_ledger([
        HEADER,
        ["A", "1", "Invoice", "2024-01-01", "2024-07-10", 600, 0, None],  # current
        ["A", "2", "Invoice", "2024-01-01", "2024-06-01", 300, 0, None],  # 29 days
        ["B", "3", "Invoice", "2024-01-01", "2024-03-01", 100, 0, None],  # 121 days
    ])  # fmt: skip
    got = past_due_shares(led, "2024-06-30")
    assert got["current_amount"] == pytest.approx(0.6)
    assert got["past_due_amount"] == pytest.approx(0.4)
    assert got["over_90_amount"] == pytest.approx(0.1)
    assert got["over_90_count"] == pytest.approx(1 / 3)


@pytest.fixture
def two_month_ledger():
    return read_ledger([
        HEADER,
        ["A", "1", "Invoice", "2024-01-05", "2024-02-04", 1000, 1000, "2024-02-10"],
        ["A", "2", "Invoice", "2024-01-20", "2024-02-19", 500, 200, "2024-02-25"],
        ["B", "3", "Invoice", "2024-02-10", "2024-03-11", 800, 0, None],
        ["B", "CN3", "Credit Note", "2024-02-15", "2024-02-15", 100, 0, None],
        ["B", "P1", "Payment", "2024-02-20", "2024-02-20", 50, 0, None],
    ])  # fmt: skip


def test_kpi_series_hand_computed(two_month_ledger):
    k = kpi_series(two_month_ledger, "2024-01-15", "2024-02-10").set_index("period")
    assert list(k.reset_index().columns) == list(KPI_COLUMNS)
    jan, feb = k.loc["2024-01"], k.loc["2024-02"]
    assert (jan["days"], feb["days"]) == (31, 29)
    assert jan["credit_sales"] == 1500 and jan["collections"] == 0
    assert jan["beginning_ar"] == 0 and jan["ending_ar"] == 1500 and jan["current_ar"] == 1500
    assert jan["dso"] == pytest.approx(1500 / 1500 * 31)
    assert np.isnan(jan["cei"])  # 0 / 0: no number is made up
    # February: sales 800 − 100 credit note; collections 1000 + 200 + 50 unapplied cash
    assert feb["credit_sales"] == 700
    assert feb["collections"] == 1250
    # ending AR at 02-29: 300 (inv 2, due 02-19: past due) + 800 (due 03-11) − 100 − 50
    assert feb["ending_ar"] == 950
    assert feb["current_ar"] == 800  # the credit note and the cash were due in February
    assert feb["past_due_ar"] == 150
    assert feb["dso"] == pytest.approx(950 / 700 * 29)
    # CEI = (1500 + 700 − 950) / (1500 + 700 − current)
    assert feb["cei"] == pytest.approx((1500 + 700 - 950) / (1500 + 700 - 800))


def test_kpi_series_options(two_month_ledger):
    q = kpi_series(two_month_ledger, "2024-01-01", "2024-03-31", freq="quarter")
    assert q["period"].tolist() == ["2024Q1"] and q["days"].iloc[0] == 91
    w = kpi_series(two_month_ledger, "2024-01-01", "2024-01-31", freq="week")
    assert w["credit_sales"].sum() == 1500
    with pytest.raises(OptionError):
        kpi_series(two_month_ledger, "2024-01-01", "2024-03-31", freq="day")
    with pytest.raises(OptionError, match="before start"):
        kpi_series(two_month_ledger, "2024-03-01", "2024-01-01")


def test_kpi_summary(two_month_ledger):
    k = kpi_summary(two_month_ledger, "2024-02-29", months=2)
    assert k["total_ar"] == 950
    assert k["open_invoices"] == 4 and k["customers"] == 2
    assert k["dso"] == pytest.approx(950 / 2200 * 60)
    assert k["add"] == pytest.approx(k["dso"] - k["bpdso"])
    # CEI over two months (CRF): S = 2200 / 2; beginning AR 0
    assert k["cei"] == pytest.approx((0 + 1100 - 950) / (0 + 1100 - 800))
    assert k["wadp"] == pytest.approx(36.0)  # only invoice 1 is paid in full (36 days)


def test_summary_of_a_period_without_sales_is_nan_not_an_error(two_month_ledger):
    k = kpi_summary(two_month_ledger, "2025-06-30", months=1)
    assert np.isnan(k["dso"]) and np.isnan(k["bpdso"])
    assert k["cei"] == 0.0  # nothing collected of 950 collectable
    assert k["total_ar"] == 950
    assert isinstance(pd.Series(k).sum(), float)


def test_applying_credit_notes_and_cash_is_not_a_collection():
    led = read_ledger([
        HEADER,
        # invoice 1000: 100 credit note applied 02-10, 500 cash applied 02-12, 400 paid 02-20
        ["A", "1", "Invoice", "2024-01-05", "2024-02-04", 1000, 1000, "2024-02-20"],
        ["A", "CN1", "Credit Note", "2024-02-01", "2024-02-01", 100, 100, "2024-02-10"],
        ["A", "P1", "Payment", "2024-01-25", "2024-01-25", 500, 500, "2024-02-12"],
    ])  # fmt: skip
    k = kpi_series(led, "2024-01-01", "2024-02-29").set_index("period")
    assert k.loc["2024-01", "collections"] == 500  # cash received on account in January
    assert k.loc["2024-02", "collections"] == 400  # only the final cash; applications net out
    assert k.loc["2024-01", "ending_ar"] == 500 and k.loc["2024-02", "ending_ar"] == 0
    assert k.loc["2024-02", "credit_sales"] == -100  # the credit note reduces net sales
