"""ECL provision matrix: worked example, range shapes, monotonicity, ties to the aging."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xl_ar.core.ledger.ledger import read_ledger
from xl_ar.core.position.aging import aging, bucket_labels
from xl_ar.core.provisioning.ecl import (
    DISCLOSURE_HEADERS,
    bucket_values,
    disclosure,
    ecl_from_ledger,
    item_loss_rates,
    provision_matrix,
    resolve_rates,
)
from xl_ar.core.provisioning.loss_rates import loss_rates
from xl_ar.errors import XlArError
from xl_ar.sample_data import SAMPLE_AS_OF, make_sample_ledger

# ar-domain.md, IFRS 9 simplified approach: ECL 580,000 on 30,000,000
BALANCES = [15_000_000.0, 7_500_000.0, 4_000_000.0, 2_500_000.0, 1_000_000.0]
RATES = [0.003, 0.016, 0.036, 0.066, 0.106]


@pytest.fixture(scope="module")
def demo():
    return read_ledger(make_sample_ledger())


@pytest.fixture(scope="module")
def demo_rates(demo):
    return loss_rates(demo, "2024-01-01", SAMPLE_AS_OF)


def test_provision_matrix_worked_example_580000():
    m = provision_matrix(BALANCES, RATES)
    assert m["bucket"].tolist() == ["Current", "1-30", "31-60", "61-90", ">90", "Total"]
    assert m["ecl"].iloc[:5].tolist() == pytest.approx([45_000, 120_000, 144_000, 165_000, 106_000])
    total = m.iloc[-1]
    assert total["gross_balance"] == 30_000_000.0
    assert total["ecl"] == pytest.approx(580_000.0)
    assert total["loss_rate"] == pytest.approx(580_000 / 30_000_000)


def test_forward_factor_scales_and_caps_at_one():
    m = provision_matrix([100.0, 100.0], [0.2, 0.7], forward_factor=1.5)
    assert list(m.columns) == [
        "bucket",
        "gross_balance",
        "historical_loss_rate",
        "loss_rate",
        "ecl",
    ]
    assert m["historical_loss_rate"].iloc[:2].tolist() == [0.2, 0.7]
    assert m["loss_rate"].iloc[:2].tolist() == pytest.approx([0.3, 1.0])
    assert m["ecl"].iloc[-1] == pytest.approx(130.0)
    assert provision_matrix(BALANCES, RATES, forward_factor=0.0)["ecl"].iloc[-1] == 0.0


def test_one_rate_for_every_bucket_and_default_labels():
    m = provision_matrix([10.0, 20.0, 30.0], 0.1)
    assert m["bucket"].tolist() == ["Bucket 1", "Bucket 2", "Bucket 3", "Total"]
    assert m["ecl"].iloc[-1] == pytest.approx(6.0)


@pytest.mark.parametrize(
    ("value", "labels", "values"),
    [
        (5.0, None, [5.0]),
        ([[1.0], [None], [2.0]], None, [1.0, 2.0]),
        ([["Saldo"], [1.0], [2.0]], None, [1.0, 2.0]),
        ([[1.0, 2.0, 3.0]], None, [1.0, 2.0, 3.0]),
        ([["Umur", "Saldo"], ["Lancar", 1.0], [None, None], ["> 90", 2.0]], ["Lancar", "> 90"],
         [1.0, 2.0]),
        ([["Current", "1-30", "Total"], [1.0, 2.0, 3.0]], ["Current", "1-30"], [1.0, 2.0]),
        ([["Current", 0.5], [dt.datetime(2025, 1, 30), 1.5]], ["Current", "1-30"], [0.5, 1.5]),
        ({"Current": 1.0, "1-30": 2.0}, ["Current", "1-30"], [1.0, 2.0]),
        (pd.Series([1.0, 2.0]), None, [1.0, 2.0]),
        ([["A", "1,6%"], ["B", "0.5"]], ["A", "B"], [0.016, 0.5]),
    ],
)  # fmt: skip
def test_bucket_values_shapes(value, labels, values):
    got = bucket_values(value, "x")
    assert got.labels == labels
    assert got.values.tolist() == pytest.approx(values)


def test_aging_total_row_feeds_the_matrix(demo):
    row = aging(demo, SAMPLE_AS_OF, by="total")
    excel_like = [list(row.columns), [float(v) for v in row.iloc[0]]]
    m = provision_matrix(excel_like, RATES)
    assert m["bucket"].tolist()[:-1] == bucket_labels()
    assert m["gross_balance"].iloc[:-1].tolist() == row.iloc[0, :-1].tolist()
    assert m["gross_balance"].iloc[-1] == pytest.approx(row["Total"].iloc[0])


def test_ledger_matrix_ties_to_the_aging_and_to_the_range_matrix(demo):
    """Same buckets, same totals; bucket by bucket equal to the matrix of the aging row."""
    row = aging(demo, SAMPLE_AS_OF, by="total")
    led = ecl_from_ledger(demo, SAMPLE_AS_OF, RATES)
    assert led["bucket"].tolist() == [*bucket_labels(), "Total"]
    assert led["gross_balance"].to_numpy() == pytest.approx(row.iloc[0].to_numpy())
    from_range = provision_matrix(row.iloc[0, :-1].to_numpy(), RATES)
    assert led["ecl"].to_numpy() == pytest.approx(from_range["ecl"].to_numpy(), rel=1e-12)
    assert led["loss_rate"].iloc[:5].tolist() == pytest.approx(RATES)


def test_ledger_matrix_with_estimated_rates_applies_the_write_off_rule(demo, demo_rates):
    m = ecl_from_ledger(demo, SAMPLE_AS_OF, demo_rates)
    row = aging(demo, SAMPLE_AS_OF, by="total")
    assert m["gross_balance"].to_numpy() == pytest.approx(row.iloc[0].to_numpy())
    rates = demo_rates.loss_rates.to_numpy()
    assert m["loss_rate"].iloc[:4].to_numpy() == pytest.approx(rates[:4])
    # >90 blends the bucket rate (91-180 days) with 100 % for items beyond 180 days
    items = aging(demo, SAMPLE_AS_OF, by="invoice")
    over = items[items["days"] > 90]
    beyond = over.loc[over["days"] > 180, "outstanding"].sum()
    within = over.loc[over["days"] <= 180, "outstanding"].sum()
    assert m["ecl"].iloc[4] == pytest.approx(beyond + within * rates[4])
    assert m["loss_rate"].iloc[4] > rates[4]
    assert m["ecl"].iloc[-1] == pytest.approx(m["ecl"].iloc[:5].sum())


def test_negative_bucket_is_taken_as_it_is():
    m = provision_matrix([100.0, -50.0], [0.1, 0.2])
    assert m["ecl"].tolist() == pytest.approx([10.0, -10.0, 0.0])
    assert m["loss_rate"].iloc[-1] == pytest.approx(0.0)


def test_item_loss_rates_and_write_off():
    rates = [0.0, 0.1, 0.2, 0.3, 0.4]
    got = item_loss_rates(np.array([-3.0, 0.0, 1.0, 31.0, 90.0, 91.0, 365.0]), rates,
                          write_off_after_days=180)  # fmt: skip
    assert got.tolist() == [0.0, 0.0, 0.1, 0.2, 0.3, 0.4, 1.0]
    assert item_loss_rates(np.array([365.0]), rates).tolist() == [0.4]


def test_resolve_rates_checks_the_aging_buckets():
    rates, edges, days = resolve_rates([[0.1], [0.2], [0.3]], "30")
    assert rates.tolist() == [0.1, 0.2, 0.3] and edges == (30,) and days is None
    with pytest.raises(XlArError, match="loss_rates has 4 values but the aging has 5 buckets"):
        resolve_rates([0.1, 0.2, 0.3, 0.4])
    with pytest.raises(XlArError, match="bucket '0-30' is not one of the aging's buckets"):
        resolve_rates([["0-30", 0.1], ["1-30", 0.1], ["31-60", 0.1], ["61-90", 0.1], [">90", 0.1]])


def test_disclosure_headers():
    table = disclosure(provision_matrix(BALANCES, RATES))
    assert list(table.columns) == list(DISCLOSURE_HEADERS.values())
    assert table.iloc[-1, 0] == "Total"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(0, 10**11), min_size=1, max_size=8).map(lambda xs: [x / 100 for x in xs]),
    st.data(),
)
def test_ecl_is_monotone_in_each_loss_rate(balances, data):
    n = len(balances)
    rates = data.draw(st.lists(st.floats(0, 1), min_size=n, max_size=n))
    k = data.draw(st.integers(0, n - 1))
    higher = list(rates)
    higher[k] = data.draw(st.floats(rates[k], 1))
    factor = data.draw(st.sampled_from([1.0, 0.5, 1.3]))
    low = provision_matrix(balances, rates, forward_factor=factor)
    high = provision_matrix(balances, higher, forward_factor=factor)
    assert (high["ecl"].to_numpy() >= low["ecl"].to_numpy() - 1e-9).all()
    assert high["ecl"].iloc[-1] >= low["ecl"].iloc[-1] - 1e-6
    # and never more than the balance
    assert high["ecl"].iloc[-1] <= sum(balances) + 1e-6


@pytest.mark.parametrize(
    ("balances", "rates", "factor", "message"),
    [
        (BALANCES, [0.003, 1.6, 0.036, 0.066, 0.106], 1.0,
         "loss_rates: value 2 is 1.6 = 160%, not between 0% and 100%: type a rate as a percentage (2%) or a fraction (0.02)"),
        (BALANCES, RATES[:4], 1.0, "balances has 5 buckets but loss_rates has 4"),
        (BALANCES, RATES, -1.0, "forward_factor must be 0 or more"),
        (BALANCES, RATES, "lebih", "forward_factor: value 1 ('lebih') is not a number"),
        ([[1.0, 2.0, 3.0], [1.0, 2.0, 3.0], [1.0, 2.0, 3.0]], RATES, 1.0,
         "not a block of 3 rows x 3 columns"),
        ([["Current", None], ["1-30", 5.0]], RATES, 1.0,
         "balances: 'Current' has no value (give 0 if the bucket is empty)"),
        ([[None, None]], RATES, 1.0, "balances is empty"),
        ([[float("inf")]], RATES, 1.0, "is not a finite number"),
        ([[True]], RATES, 1.0, "balances: value 1 (TRUE) is not a number"),
        ([["Saldo", "Nilai"], ["Total", 5.0]], RATES, 1.0, "balances has only a Total"),
        ([["Current", 1.0], [None, 2.0]], RATES, 1.0, "balances: item 2 has a value (2) but no"),
    ],
)  # fmt: skip
def test_bad_input(balances, rates, factor, message):
    with pytest.raises(XlArError) as err:
        provision_matrix(balances, rates, forward_factor=factor)
    assert message in str(err.value)
