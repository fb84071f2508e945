"""Dunning interest: the worked example, conventions, bad input, properties."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from xl_ar.core.collections.interest import (
    as_day_basis,
    as_fee,
    as_rate,
    dunning_charges,
    late_interest,
)
from xl_ar.errors import OptionError, XlArError


def test_worked_example_invoice_100_15_days_10_percent_fee_10():
    # ar-domain notes: 100 x 10% / 365 x 15 = 0.41; + fee 10 = 10.41; total 110.41
    c = dunning_charges(100.0, 0.10, 15, fee=10.0)
    assert round(c.interest, 2) == 0.41
    assert round(c.dunning_amount, 2) == 10.41
    assert round(c.total, 2) == 110.41
    assert c.interest == pytest.approx(100 * 0.10 / 365 * 15)
    assert c.fee == 10.0


def test_day_basis_360_and_rate_as_text():
    assert late_interest(36000.0, "10%", 30, day_basis=360) == pytest.approx(300.0)
    assert late_interest(36500.0, "0,1", 30) == pytest.approx(300.0)
    assert late_interest(36500.0, 0.1, 30, day_basis="365") == pytest.approx(300.0)


def test_not_overdue_and_credits_earn_nothing_and_pay_no_fee():
    c = dunning_charges([100.0, 100.0, -50.0, 100.0], 0.1, [0, -5, 30, 36.5], fee=2.0)
    assert c.interest.tolist() == [0.0, 0.0, 0.0, pytest.approx(1.0)]
    assert c.fee.tolist() == [0.0, 0.0, 0.0, 2.0]
    assert c.total.tolist() == [100.0, 100.0, -50.0, pytest.approx(103.0)]


def test_blank_inputs_stay_blank_in_arrays():
    c = dunning_charges([np.nan, 100.0], 0.1, [10, np.nan], fee=1.0)
    assert np.isnan(c.dunning_amount).all()


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: as_rate(10), "annual_rate must be a fraction from 0 to 1 (10% = 0.1), not 10"),
        (lambda: as_rate("-5%"), "from 0 to 1"),
        (lambda: as_rate("sepuluh"), "annual_rate must be a fraction such as 0.1 or 10%"),
        (lambda: as_rate(True), "fraction such as 0.1"),
        (lambda: as_day_basis(30), "day_basis must be 360 or 365, not 30"),
        (lambda: as_day_basis("actual"), "day_basis must be 360 or 365"),
        (lambda: as_fee(-1), "fee must be 0 or more, not -1"),
        (lambda: as_fee("biaya"), "fee must be a number"),
        (lambda: late_interest("seratus", 0.1, 10), "outstanding must be a number"),
    ],
)
def test_bad_options_are_one_line_errors(call, message):
    with pytest.raises(XlArError) as err:
        call()
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_rate_errors_are_option_errors():
    with pytest.raises(OptionError):
        as_rate(2.0)
    assert as_rate(None) == 0.0 and as_rate("") == 0.0 and as_rate(float("nan")) == 0.0


money = st.floats(min_value=0.01, max_value=1e10, allow_nan=False)
days = st.integers(min_value=-400, max_value=2000)
rates = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


@given(money, rates, days, st.sampled_from([360, 365]), st.floats(0, 1e6))
def test_properties(amount, rate, d, basis, fee):
    c = dunning_charges(amount, rate, d, day_basis=basis, fee=fee)
    assert c.interest >= 0.0
    if d <= 0:
        assert c.interest == 0.0 and c.fee == 0.0 and c.total == amount
    else:
        assert c.interest == pytest.approx(amount * rate / basis * d)
        assert c.fee == fee
    assert c.dunning_amount == pytest.approx(c.interest + c.fee)
    assert c.total == pytest.approx(amount + c.dunning_amount)


@given(money, rates, st.integers(1, 1000), st.integers(1, 1000))
def test_interest_is_additive_in_days(amount, rate, d1, d2):
    split = late_interest(amount, rate, d1) + late_interest(amount, rate, d2)
    assert late_interest(amount, rate, d1 + d2) == pytest.approx(split)
