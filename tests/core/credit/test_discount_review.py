"""Review 16 #7: a bare 0.5 to below 1 is an ambiguous discount; the policy reads AR_DISCOUNT_COST's way."""

from __future__ import annotations

import pytest

from xl_ar.core import as_discount, discount_cost, read_policy
from xl_ar.errors import OptionError, XlArError
from xl_ar.testing import excel_call


@pytest.mark.parametrize(("given", "message"), [
    (0.5, 'discount 0.5 is ambiguous (0.5% or 50%?): write "0.5%" or 0.005 for 0.5%'),
    (0.75, 'discount 0.75 is ambiguous (0.75% or 75%?): write "0.75%" or 0.0075 for 0.75%'),
    ("0.99", 'discount 0.99 is ambiguous (0.99% or 99%?): write "0.99%" or 0.0099 for 0.99%'),
])  # fmt: skip
def test_half_to_one_is_refused_as_ambiguous(given, message):
    with pytest.raises(OptionError) as got:
        as_discount(given)
    assert str(got.value) == message


@pytest.mark.parametrize(("given", "fraction"), [
    (2, 0.02), (0.02, 0.02), ("2%", 0.02), (1, 0.01), ("0.5%", 0.005), (0.005, 0.005),
    (0.49, 0.49), ("50%", 0.5),
])  # fmt: skip
def test_the_rule_one_or_more_percent_below_half_fraction(given, fraction):
    assert as_discount(given) == fraction


def test_half_percent_ten_net_thirty_costs_nine_percent_not_eighteen_hundred():
    assert excel_call("AR_DISCOUNT_COST", 0.5, 10.0, 30.0) == (
        'AR_DISCOUNT_COST: discount 0.5 is ambiguous (0.5% or 50%?): write "0.5%" or 0.005 for 0.5%'
    )
    assert round(excel_call("AR_DISCOUNT_COST", "0.5%", 10.0, 30.0), 6) == round(
        0.005 / 0.995 * 360 / 20, 6
    )
    assert round(discount_cost(0.005, 10, 30), 4) == 0.0905


def test_the_function_wizard_states_the_rule():
    from xl_ar.udfs import AR_DISCOUNT_COST

    docs = str(getattr(AR_DISCOUNT_COST, "__xlfunc__", {}))
    assert '0.5 to 1 is ambiguous: write "0.5%" or 0.005' in docs


@pytest.mark.parametrize("written", [2, "2", "2%", 0.02, "0.02", "0,02"])
def test_the_policy_file_reads_the_discount_as_the_function_does(written):
    rows = [["setting", "value"], ["diskon", written], ["hari diskon", 10], ["hari net", 30]]
    assert read_policy(rows).discount == 0.02


def test_the_policy_refuses_an_ambiguous_discount_in_one_line():
    with pytest.raises(XlArError) as got:
        read_policy([["setting", "value"], ["diskon", 0.5]])
    assert str(got.value) == (
        "policy: 'diskon' (discount) 0.5 is ambiguous (0.5% or 50%?): "
        'write "0.5%" or 0.005 for 0.5%'
    )
