"""Cash forecast from open AR: expected dates, periods, disputed and expected-loss lines, ties."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xl_ar.core.cashflow.forecast import (
    LINE_LABELS,
    customer_days_late,
    forecast,
    forecast_items,
    forecast_periods,
    read_promises,
)
from xl_ar.core.ledger.ledger import read_ledger
from xl_ar.core.position.aging import aging
from xl_ar.core.provisioning.ecl import ecl_from_ledger
from xl_ar.core.provisioning.loss_rates import loss_rates
from xl_ar.errors import OptionError, XlArError
from xl_ar.sample_data import SAMPLE_AS_OF, make_sample_ledger

HEADER = ["Customer", "Invoice", "Type", "Invoice Date", "Due Date", "Amount", "Paid",
          "Payment Date", "Disputed"]  # fmt: skip
AS_OF = "2024-12-31"
ZERO = [0.0] * 5
RATES = [0.01, 0.02, 0.1, 0.2, 0.5]


def rows(*body):
    return [HEADER, *body]


# History: A pays 10 days late on average (amount-weighted: 300 x 5 + 100 x 25 = 4000 / 400),
# B pays on time; C has no paid invoice -> the portfolio average (4000 + 0) / (400 + 200) = 6.67.
HISTORY = [
    ["A", "H-1", "Invoice", "2024-09-01", "2024-10-01", 300.0, 300.0, "2024-10-06", "no"],
    ["A", "H-2", "Invoice", "2024-09-10", "2024-10-10", 100.0, 100.0, "2024-11-04", "no"],
    ["B", "H-3", "Invoice", "2024-09-01", "2024-10-01", 200.0, 200.0, "2024-09-28", "no"],
    # paid after as_of: not history yet (and open at as_of)
    ["B", "H-4", "Invoice", "2024-12-01", "2024-12-20", 50.0, 50.0, "2025-01-30", "no"],
]
OPEN = [
    ["A", "F-1", "Invoice", "2024-12-10", "2025-01-05", 1000.0, 0.0, None, "no"],  # +10 -> 15 Jan
    ["B", "F-2", "Invoice", "2024-12-15", "2025-01-05", 500.0, 0.0, None, "no"],  # +0 -> 5 Jan
    ["C", "F-3", "Invoice", "2024-12-20", "2025-01-05", 700.0, 0.0, None, "no"],  # +7 -> 12 Jan
    ["A", "F-4", "Invoice", "2024-10-01", "2024-11-15", 400.0, 100.0, "2024-12-01", "no"],  # late
    ["C", "F-5", "Invoice", "2024-12-01", "2025-06-30", 900.0, 0.0, None, "no"],  # beyond
    ["B", "F-6", "Invoice", "2024-11-01", "2024-12-01", 250.0, 0.0, None, "ya"],  # disputed
    ["A", "CN-1", "Credit Note", "2024-12-28", "2024-12-28", -80.0, 0.0, None, "no"],
]


@pytest.fixture(scope="module")
def ledger():
    return read_ledger(rows(*HISTORY, *OPEN))


@pytest.fixture(scope="module")
def demo():
    return read_ledger(make_sample_ledger())


def test_customer_days_late_and_portfolio(ledger):
    per, portfolio = customer_days_late(ledger, AS_OF)
    assert per.to_dict() == pytest.approx({"A": 10.0, "B": 0.0})
    assert portfolio == pytest.approx(4000 / 600)
    # a later as_of sees H-4 (paid 30 Jan 2025, 41 days late)
    later, _ = customer_days_late(ledger, "2025-02-01")
    assert later["B"] == pytest.approx(50 * 41 / 250)


def test_expected_dates(ledger):
    items = forecast_items(ledger, AS_OF, loss_rates=ZERO).set_index("invoice")
    expected = items["expected_date"].dt.strftime("%Y-%m-%d").to_dict()
    assert expected == {
        "H-4": "2024-12-20",  # B on time
        "F-1": "2025-01-15",  # A: +10 days
        "F-2": "2025-01-05",
        "F-3": "2025-01-12",  # C: portfolio 6.67 -> 7 days
        "F-4": "2024-11-25",  # already past: first week
        "F-5": "2025-07-07",
        "F-6": "2024-12-01",
        "CN-1": "2025-01-07",  # A's credit note nets in A's pattern
    }
    assert items.loc["F-3", "date_basis"] == "portfolio"
    assert items.loc["F-1", "date_basis"] == "customer"


def test_weekly_forecast_by_hand(ledger):
    f = forecast(ledger, AS_OF, horizon=3, loss_rates=ZERO)
    assert f["period"].tolist() == ["W01", "W02", "W03", LINE_LABELS["beyond"][1],
                                    LINE_LABELS["disputed"][1], LINE_LABELS["loss"][1], "Total"]  # fmt: skip
    # W01 1-7 Jan: H-4 50 + F-2 500 + F-4 300 + CN-1 -80; W02 8-14 Jan: F-3 700;
    # W03 15-21 Jan: F-1 1000; beyond: F-5 900; disputed: F-6 250
    assert f["amount"].tolist() == [770.0, 700.0, 1000.0, 900.0, 250.0, 0.0, 3620.0]
    assert f["items"].tolist()[:5] == [4.0, 1.0, 1.0, 1.0, 1.0]
    assert np.isnan(f["items"].iloc[5]) and f["items"].iloc[6] == 8.0
    assert f["start"].iloc[0] == pd.Timestamp("2025-01-01")
    assert f["end"].iloc[2] == pd.Timestamp("2025-01-21")
    assert f["amount"].iloc[-1] == aging(ledger, AS_OF, by="total")["Total"].iloc[0]


def test_monthly_forecast(ledger):
    f = forecast(ledger, AS_OF, period="bulan", loss_rates=ZERO)
    assert f["period"].tolist()[:3] == ["2025-01", "2025-02", "2025-03"]
    assert f["amount"].tolist() == [2470.0, 0.0, 0.0, 900.0, 250.0, 0.0, 3620.0]
    f6 = forecast(ledger, AS_OF, horizon=7.0, period="Month", loss_rates=ZERO)
    assert f6["amount"].tolist()[:7] == [2470.0, 0.0, 0.0, 0.0, 0.0, 0.0, 900.0]


def test_mid_month_as_of_starts_with_the_rest_of_the_month():
    periods = forecast_periods("2024-12-15", "month", 2)
    assert periods["start"].tolist() == [pd.Timestamp("2024-12-16"), pd.Timestamp("2025-01-01")]
    assert periods["end"].tolist() == [pd.Timestamp("2024-12-31"), pd.Timestamp("2025-01-31")]


def test_expected_loss_is_taken_out_per_item_and_equals_the_ecl(ledger):
    f = forecast(ledger, AS_OF, horizon=3, loss_rates=RATES)
    items = forecast_items(ledger, AS_OF, horizon=3, loss_rates=RATES).set_index("invoice")
    # F-4 (46 days past due, 31-60): 300 x 10 % = 30; F-6 (30 days, 1-30) 250 x 2 % = 5;
    # H-4 (11 days) 50 x 2 % = 1; CN-1 (3 days, 1-30) -80 x 2 % = -1.6; Current items x 1 %
    assert items.loc["F-4", "expected_loss"] == 30.0
    assert items.loc["F-6", "expected_collection"] == 245.0
    loss = 30 + 5 + 1 - 1.6 + (1000 + 500 + 700 + 900) * 0.01
    assert f["amount"].iloc[5] == pytest.approx(loss)
    ecl = ecl_from_ledger(ledger, AS_OF, RATES)["ecl"].iloc[-1]
    assert f["amount"].iloc[5] == pytest.approx(ecl)
    assert f["amount"].iloc[4] == 245.0  # disputed, net of its expected loss
    assert f["amount"].iloc[:6].sum() == pytest.approx(3620.0)


def test_promises_override_and_broken_promises_come_first(ledger):
    promises = [["No Faktur", "Tanggal Janji"], ["F-1", dt.datetime(2025, 1, 2)],
                ["F-5", "2024-12-20"], ["H-3", 45700.0]]  # fmt: skip
    items = forecast_items(ledger, AS_OF, loss_rates=ZERO, promises=promises).set_index("invoice")
    assert items.loc["F-1", "expected_date"] == pd.Timestamp("2025-01-02")
    assert items.loc["F-1", "date_basis"] == "promise" and np.isnan(items.loc["F-1", "days_late"])
    assert items.loc["F-5", "line"] == "W01"  # a promise already broken: first week
    f = forecast(ledger, AS_OF, horizon=3, loss_rates=ZERO, promises=promises)
    assert f["amount"].tolist() == [770.0 + 1000.0 + 900.0, 700.0, 0.0, 0.0, 250.0, 0.0, 3620.0]


def test_promise_on_a_disputed_item_stays_disputed(ledger):
    f = forecast(ledger, AS_OF, horizon=3, loss_rates=ZERO, promises={"F-6": "2025-01-02"})
    assert f.set_index("period").loc[LINE_LABELS["disputed"][1], "amount"] == 250.0


def test_read_promises_errors():
    with pytest.raises(XlArError, match=r"promises row 3: 'besok' is not a date"):
        read_promises([["Invoice", "Date"], ["F-1", 45700.0], ["F-2", "besok"]])
    with pytest.raises(XlArError, match=r"invoice 'F-1' already has a promise \(row 2\)"):
        read_promises([["Invoice", "Date"], ["F-1", 45700.0], ["F-1", 45701.0]])
    with pytest.raises(XlArError, match="promises row 1: a promise date needs an invoice number"):
        read_promises([[None, 45700.0]])
    with pytest.raises(XlArError, match="two columns"):
        read_promises([["F-1"], ["F-2"]])


def test_promise_for_an_unknown_invoice(ledger):
    with pytest.raises(XlArError, match="promises: invoice 'F-99' is not in the ledger"):
        forecast(ledger, AS_OF, loss_rates=ZERO, promises=[["F-99", 45700.0]])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"horizon": 0.0}, "horizon must be a whole number of weeks from 1 to 260, not 0"),
        ({"horizon": -3.0, "period": "month"}, "horizon must be a whole number of months from 1 to 60, not -3"),
        ({"horizon": 2.5}, "not 2.5"),
        ({"horizon": "banyak"}, "not 'banyak'"),
        ({"period": "day"}, "period must be one of 'week', 'month' (or 'minggu', 'bulan'), not 'day'"),
        ({"loss_rates": [0.1, 0.2]}, "loss_rates has 2 values but the aging has 5 buckets"),
        ({"loss_rates": [0.1, 0.2, 0.3, 0.4, 2.0]}, "loss_rates: value 5 is 2 = 200%, not between 0% and 100%"),
        ({"loss_rates": None}, "loss rates cannot be estimated"),
    ],
)  # fmt: skip
def test_bad_options(ledger, kwargs, message):
    args = {"loss_rates": ZERO, **kwargs}
    with pytest.raises((OptionError, XlArError)) as err:
        forecast(ledger, AS_OF, **args)
    assert message in str(err.value)


# --- the demo ledger ----------------------------------------------------------------------------
def test_demo_forecast_ties_to_the_aging_and_the_ecl(demo):
    f = forecast(demo, SAMPLE_AS_OF)
    age = aging(demo, SAMPLE_AS_OF, by="total")
    open_ar = age["Total"].iloc[0]
    assert len(f) == 13 + 4
    assert f["amount"].iloc[-1] == pytest.approx(open_ar, abs=0.005)
    assert f["amount"].iloc[:-1].sum() == pytest.approx(open_ar, abs=0.005)
    assert f["items"].iloc[-1] == len(aging(demo, SAMPLE_AS_OF, by="invoice"))
    # estimated from the ledger's own last 12 months, as AR_LOSS_RATES over 2024 does
    rates = loss_rates(demo, "2024-01-01", SAMPLE_AS_OF)
    ecl = ecl_from_ledger(demo, SAMPLE_AS_OF, rates)
    items = f["items"].iloc[-1]
    assert f["amount"].iloc[-2] == pytest.approx(ecl["ecl"].iloc[-1], abs=0.005 * items)
    assert ecl["gross_balance"].to_numpy() == pytest.approx(age.iloc[0].to_numpy())
    disputed = demo["disputed"].to_numpy()
    assert f["items"].iloc[-3] == disputed.sum()  # every disputed invoice is still open
    monthly = forecast(demo, SAMPLE_AS_OF, period="month", horizon=12)
    assert monthly["amount"].iloc[-1] == f["amount"].iloc[-1]
    assert monthly["amount"].iloc[-2] == f["amount"].iloc[-2]


# --- property: the lines always add up to open AR -----------------------------------------------
BASE = dt.date(2023, 1, 1)


@st.composite
def ledgers(draw):
    n = draw(st.integers(1, 25))
    body = []
    for i in range(n):
        inv = BASE + dt.timedelta(days=draw(st.integers(0, 500)))
        credit = draw(st.booleans()) and draw(st.booleans()) and draw(st.booleans())
        cents = draw(st.integers(1, 10**10))
        if credit:
            body.append([draw(st.sampled_from("ABCD")), f"CN-{i}", "Credit Note", inv.isoformat(),
                         inv.isoformat(), -cents / 100, 0.0, None, "no"])  # fmt: skip
            continue
        due = inv + dt.timedelta(days=draw(st.integers(0, 90)))
        paid_cents = draw(st.sampled_from([0, cents, draw(st.integers(0, cents))]))
        pay = inv + dt.timedelta(days=draw(st.integers(0, 400))) if paid_cents else None
        body.append([draw(st.sampled_from("ABCD")), f"F-{i}", "Invoice", inv.isoformat(),
                     due.isoformat(), cents / 100, paid_cents / 100,
                     pay.isoformat() if pay else None,
                     draw(st.sampled_from(["no", "no", "no", "yes"]))])  # fmt: skip
    return rows(*body)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    ledgers(),
    st.integers(0, 600),
    st.integers(1, 30),
    st.sampled_from(["week", "month"]),
    st.lists(st.floats(0, 1), min_size=5, max_size=5),
)
def test_forecast_lines_sum_to_open_ar(body, offset, horizon, period, rates):
    as_of = BASE + dt.timedelta(days=offset)
    led = read_ledger(body)
    f = forecast(led, as_of, horizon=horizon, period=period, loss_rates=rates)
    open_ar = aging(led, as_of, by="total")["Total"].iloc[0]
    assert len(f) == horizon + 4
    lines = f["amount"].iloc[:-1].to_numpy()
    total = f["amount"].iloc[-1]
    assert round(total, 2) == round(open_ar, 2)
    assert abs(lines.sum() - total) < 0.005  # to the cent
    assert np.allclose(lines * 100, np.round(lines * 100))  # whole cents
    assert f["items"].iloc[-1] == np.nansum(f["items"].iloc[:-2])
    if all(r == 0 for r in rates):
        assert f["amount"].iloc[-2] == 0.0
