"""Tests of xl_ar.core.metrics.ratios: golden worked examples (ar-domain.md "Metrics"), validation, properties."""

from __future__ import annotations

import doctest
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from xl_ar.core.metrics import ratios as ratios_module
from xl_ar.core.metrics.ratios import (
    arrears_ratio,
    average_collection_period,
    bad_debt_ratio,
    cei,
    collection_ratio,
    receivable_turnover,
    weighted_average_days,
)
from xl_ar.errors import OptionError, XlArError

money = st.integers(min_value=1, max_value=1_000_000_000).map(lambda c: c / 100)
money_or_zero = st.integers(min_value=0, max_value=1_000_000_000).map(lambda c: c / 100)


# --------------------------------------------------------------------------------------------
# golden worked examples
# --------------------------------------------------------------------------------------------


def test_cei_worked_example_crf_three_months():
    # B 6,200; S = 10,890 / 3 = 3,630; ET 6,340; EC 3,590 -> 3,490 / 6,240
    got = cei(6_200, 10_890, 6_340, 3_590, months=3)
    assert got == pytest.approx(3_490 / 6_240, rel=1e-12)
    assert got * 100 == pytest.approx(55.93, abs=5e-3)
    assert cei(6_200, 10_890, 6_340, 3_590, 3.0) == got  # Excel passes 3.0


def test_cei_worked_example_whole_period():
    # S = 10,890 -> 10,750 / 13,500
    got = cei(6_200, 10_890, 6_340, 3_590)
    assert got == pytest.approx(10_750 / 13_500, rel=1e-12)
    assert got * 100 == pytest.approx(79.63, abs=5e-3)
    assert cei(6_200, 10_890, 6_340, 3_590, months=1) == got


def test_cei_is_a_fraction_not_a_percentage():
    assert 0 < cei(6_200, 10_890, 6_340, 3_590, months=3) < 1


def test_receivable_turnover_worked_example():
    assert receivable_turnover(6_205_000, 335_000, 335_000) == pytest.approx(
        6_205_000 / 335_000, rel=1e-12
    )
    assert receivable_turnover(6_205_000, 335_000, 335_000) == pytest.approx(18.5224, abs=1e-4)
    assert receivable_turnover(6_205_000, 300_000, 370_000) == pytest.approx(18.5224, abs=1e-4)


def test_average_collection_period_worked_example():
    assert average_collection_period(6_205_000, 335_000, 335_000) == pytest.approx(19.436, abs=1e-3)
    assert average_collection_period(6_205_000, 300_000, 370_000, 360) == pytest.approx(
        360 * 335_000 / 6_205_000, rel=1e-12
    )
    assert average_collection_period(6_205_000, 335_000, 335_000, 365) == pytest.approx(
        19.706, abs=1e-3
    )


@pytest.mark.parametrize("basis", [365, "365", " 365 ", 365.0, np.int64(365), "365.0"])
def test_day_basis_accepted_spellings(basis):
    got = average_collection_period(6_205_000, 335_000, 335_000, day_basis=basis)
    assert got == pytest.approx(19.706, abs=1e-3)


@pytest.mark.parametrize("basis", ["", None, "  "])
def test_blank_day_basis_is_the_default_360(basis):
    # a blank is an omitted optional argument (one rule with AR_INTEREST, whose default is 365)
    got = average_collection_period(6_205_000, 300_000, 370_000, day_basis=basis)
    assert got == 360 * 335_000 / 6_205_000


@pytest.mark.parametrize("basis", [366, 0, "366", "three-sixty", True, 360.5, "3_65"])
def test_day_basis_rejected(basis):
    with pytest.raises(OptionError) as info:
        average_collection_period(6_205_000, 335_000, 335_000, day_basis=basis)
    assert str(info.value).startswith("day_basis must be 360 or 365, not ")


def test_simple_ratios_are_fractions():
    assert arrears_ratio(50_000, 1_000_000) == pytest.approx(0.05, rel=1e-12)
    assert collection_ratio(800_000, 1_000_000) == pytest.approx(0.8, rel=1e-12)
    assert bad_debt_ratio(20_000, 1_000_000) == pytest.approx(0.02, rel=1e-12)
    # the caller chooses the bad-debt denominator (credit sales or total sales)
    assert bad_debt_ratio(20_000, 4_000_000) == pytest.approx(0.005, rel=1e-12)


def test_weighted_average_days_worked_example():
    got = weighted_average_days([1_000, 3_000, 2_000], [15, 30, 45])
    assert got == pytest.approx(32.5, rel=1e-12)
    assert float(np.mean([15, 30, 45])) == 30.0  # the simple mean differs


def test_weighted_average_days_ignores_blank_pairs():
    amounts = [1_000, np.nan, 3_000, 2_000, 5_000, None]
    days = [15, 99, 30, 45, np.nan, 10]
    assert weighted_average_days(amounts, days) == pytest.approx(32.5, rel=1e-12)
    series = pd.Series([1_000, pd.NA, 3_000, 2_000], dtype="Float64")
    assert weighted_average_days(series, pd.Series([15, 60, 30, 45])) == pytest.approx(32.5)


def test_weighted_average_days_accepts_arrays_and_scalars():
    assert weighted_average_days(np.array([1_000.0, 3_000, 2_000]), (15, 30, 45)) == 32.5
    assert weighted_average_days(500, 12) == 12.0  # a one-cell range arrives as a scalar
    assert type(weighted_average_days([1], [2])) is float


def test_weighted_average_days_negative_items_allowed():
    # a credit note of -1,000 at 10 days
    got = weighted_average_days([3_000, -1_000], [30, 10])
    assert got == pytest.approx((90_000 - 10_000) / 2_000, rel=1e-12)


# --------------------------------------------------------------------------------------------
# validation and messages
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: cei(0, 0, 5, 10),
            "CEI is undefined: beginning_ar + credit_sales / months - ending_current_ar must be "
            "greater than 0, not -10",
        ),
        (lambda: cei(100, 0, 50, 100), "CEI is undefined"),
        (lambda: cei(1, 1, 1, 1, 0), "months must be a whole number of at least 1, not 0"),
        (lambda: cei(1, 1, 1, 1, -3), "months must be a whole number of at least 1, not -3"),
        (lambda: cei(1, 1, 1, 1, 2.5), "months must be a whole number of at least 1, not 2.5"),
        (lambda: cei(1, 1, 1, 1, None), "months must be a number, not (blank)"),
        (lambda: cei(np.nan, 1, 1, 1), "beginning_ar must be a finite number, not nan"),
        (lambda: cei(1, None, 1, 1), "credit_sales must be a number, not (blank)"),
        (lambda: cei(1, 1, "x", 1), "ending_total_ar must be a number, not 'x'"),
        (lambda: cei(1, 1, 1, np.inf), "ending_current_ar must be a finite number, not inf"),
        (
            lambda: receivable_turnover(1, 0, 0),
            "average receivables (beginning_ar + ending_ar) / 2 must be greater than 0, not 0",
        ),
        (lambda: receivable_turnover(1, 100, -300), "average receivables"),
        (lambda: receivable_turnover(np.nan, 1, 1), "credit_sales must be a finite number"),
        (
            lambda: average_collection_period(0, 1, 1),
            "credit_sales must be greater than 0, not 0",
        ),
        (lambda: average_collection_period(1, 0, 0), "average receivables"),
        (lambda: arrears_ratio(1, 0), "credit_sales must be greater than 0, not 0"),
        (lambda: arrears_ratio(np.nan, 1), "past_due_ar must be a finite number, not nan"),
        (lambda: collection_ratio(1, -5), "billed must be greater than 0, not -5"),
        (lambda: collection_ratio(None, 5), "collected must be a number, not (blank)"),
        (lambda: bad_debt_ratio(1, 0), "credit_sales must be greater than 0, not 0"),
        (lambda: bad_debt_ratio(np.nan, 1), "bad_debts must be a finite number, not nan"),
        (
            lambda: weighted_average_days([1, 2], [1]),
            "amounts and days must have the same length, not 2 and 1",
        ),
        (
            lambda: weighted_average_days([np.nan, 1, -1], [1, 2, 3]),
            "amounts must sum to more than 0 (pairs with a blank are ignored), not 0",
        ),
        (
            lambda: weighted_average_days([np.nan], [1]),
            "amounts must sum to more than 0",
        ),
        (lambda: weighted_average_days([], []), "amounts must sum to more than 0"),
        (lambda: weighted_average_days([1, "a"], [1, 2]), "amounts[1] must be a number, not 'a'"),
        (lambda: weighted_average_days([1, 2], [1, np.inf]), "days[1] must be a finite number"),
    ],
)
def test_impossible_inputs(call, message):
    with pytest.raises(XlArError) as info:
        call()
    assert not isinstance(info.value, OptionError)
    assert str(info.value).startswith(message)
    assert "\n" not in str(info.value)


# --------------------------------------------------------------------------------------------
# properties
# --------------------------------------------------------------------------------------------


@given(b=money_or_zero, sales=money, total=money_or_zero, n=st.integers(1, 12))
def test_cei_is_one_when_nothing_is_past_due(b, sales, total, n):
    # ending current == ending total: everything collectable was collected
    assume(b + sales / n - total > 0)
    assert cei(b, sales, total, total, months=n) == 1.0


@given(
    b=money_or_zero,
    sales=money,
    total=money_or_zero,
    past_due=money_or_zero,
    n=st.integers(1, 12),
)
def test_cei_identity_and_bound(b, sales, total, past_due, n):
    # CEI = 1 - past_due / (B + S - EC) with EC = ET - past_due; so CEI <= 1
    current = total - past_due
    denominator = b + sales / n - current
    assume(denominator > 1e-6 * max(1.0, b + sales))
    got = cei(b, sales, total, current, months=n)
    assert got == pytest.approx(1 - past_due / denominator, rel=1e-9, abs=1e-9)
    assert got <= 1.0 + 1e-12


@given(b=money, sales=money, et=money_or_zero, ec=money_or_zero, n=st.integers(2, 12))
def test_cei_months_divides_sales(b, sales, et, ec, n):
    assume(b + sales / n - ec > 1e-6 * max(1.0, b + sales))
    assert cei(b, sales, et, ec, months=n) == pytest.approx(
        cei(b, sales / n, et, ec, months=1), rel=1e-12, abs=1e-12
    )


@given(sales=money, beg=money_or_zero, end=money, basis=st.sampled_from([360, 365]))
def test_rto_times_acp_is_day_basis(sales, beg, end, basis):
    rto = receivable_turnover(sales, beg, end)
    acp = average_collection_period(sales, beg, end, basis)
    assert rto * acp == pytest.approx(basis, rel=1e-12)


@given(sales=money, beg=money, end=money)
def test_acp_365_over_360_ratio(sales, beg, end):
    ratio = average_collection_period(sales, beg, end, 365) / average_collection_period(
        sales, beg, end, 360
    )
    assert ratio == pytest.approx(365 / 360, rel=1e-12)


@given(
    pairs=st.lists(
        st.tuples(money, st.integers(min_value=-60, max_value=400).map(float)),
        min_size=1,
        max_size=30,
    )
)
def test_weighted_average_days_between_min_and_max(pairs):
    amounts = [a for a, _ in pairs]
    days = [d for _, d in pairs]
    got = weighted_average_days(amounts, days)
    assert min(days) - 1e-9 <= got <= max(days) + 1e-9
    # order does not matter; equal weights give the simple mean
    assert weighted_average_days(amounts[::-1], days[::-1]) == pytest.approx(
        got, rel=1e-9, abs=1e-9
    )
    assert weighted_average_days([1.0] * len(days), days) == pytest.approx(
        float(np.mean(days)), rel=1e-9, abs=1e-9
    )


@given(
    pairs=st.lists(st.tuples(money, st.integers(0, 400).map(float)), min_size=1, max_size=20),
    k=st.integers(min_value=2, max_value=1_000),
)
def test_weighted_average_days_scale_invariant(pairs, k):
    amounts = [a for a, _ in pairs]
    days = [d for _, d in pairs]
    assert weighted_average_days([a * k for a in amounts], days) == pytest.approx(
        weighted_average_days(amounts, days), rel=1e-9
    )


@given(num=money_or_zero, den=money)
def test_simple_ratios_are_quotients(num, den):
    for fn in (arrears_ratio, collection_ratio, bad_debt_ratio):
        assert fn(num, den) == pytest.approx(num / den, rel=1e-15, abs=0)
        assert math.isfinite(fn(num, den))


# --------------------------------------------------------------------------------------------
# docs
# --------------------------------------------------------------------------------------------


def test_docstring_examples_run():
    result = doctest.testmod(ratios_module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 8
    assert result.failed == 0


def test_public_functions_have_examples():
    for name in ratios_module.__all__:
        obj = getattr(ratios_module, name)
        if callable(obj):
            assert obj.__doc__ and "Examples\n    --------" in obj.__doc__, name
