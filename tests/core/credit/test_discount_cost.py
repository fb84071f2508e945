"""The annualised cost of an early-payment discount, and the policy's discount term (issue 16)."""

from __future__ import annotations

import pytest

from xl_ar.core import as_discount, discount_cost, discount_cost_label, policy_table, read_policy
from xl_ar.errors import OptionError, XlArError


@pytest.mark.parametrize(("basis", "method", "expected"), [
    (360, "simple", 0.3673), (365, "simple", 0.3724),
    (360, "effective", 0.4386), (365, "effective", 0.4459),
])  # fmt: skip
def test_two_ten_net_thirty_goldens(basis, method, expected):
    assert round(discount_cost(2, 10, 30, basis, method), 4) == expected


def test_the_goldens_are_the_textbook_formulas():
    assert discount_cost(2, 10, 30) == pytest.approx(2 / 98 * 360 / 20, abs=1e-12)
    assert discount_cost(2, 10, 30, 365, "effective") == pytest.approx(
        (1 + 2 / 98) ** (365 / 20) - 1, abs=1e-12
    )
    assert discount_cost(1, 15, 45) == pytest.approx(1 / 99 * 360 / 30, abs=1e-12)
    assert discount_cost(0, 10, 30) == 0.0


@pytest.mark.parametrize("given", [2, 2.0, "2", "2%", " 2 % ", 0.02, "0.02", "0,02"])
def test_two_percent_written_any_way(given):
    assert as_discount(given) == 0.02
    assert round(discount_cost(given, 10, 30), 4) == 0.3673


@pytest.mark.parametrize(("args", "message"), [
    ((2, 30, 30), "discount_days (30) must be fewer than net_days (30)"),
    ((2, 40, 30), "discount_days (40) must be fewer than net_days (30)"),
    ((100, 10, 30), "discount must be below 100% (2, 2% or 0.02 = 2%), not 100"),
    (("150%", 10, 30), "discount must be below 100% (2, 2% or 0.02 = 2%), not '150%'"),
    ((-2, 10, 30), "discount must be 0 or more, not -2"),
    ((2, -1, 30), "discount_days must be 0 or more days, not -1"),
    (("two", 10, 30), "discount must be a number such as 2, 2% or 0.02, not 'two'"),
    ((2, 10, 30, 364), "day_basis must be 360 or 365, not 364"),
    ((2, 10, 30, 360, "compound"), "method must be one of 'simple', 'effective', not 'compound'"),
])  # fmt: skip
def test_bad_terms_are_one_line(args, message):
    with pytest.raises(OptionError) as got:
        discount_cost(*args)
    assert str(got.value) == message


def test_labels_name_the_convention():
    assert discount_cost_label() == "simple, 360 days"
    assert discount_cost_label("effective", 365) == "effective, 365 days"
    assert discount_cost_label("simple", 365, "id") == "sederhana, 365 hari"


def test_the_policy_reads_a_discount_term_and_checks_it():
    policy = read_policy([["label", "value"], ["diskon", "2%"], ["hari diskon", 10],
                          ["hari net", 30]])  # fmt: skip
    assert (policy.discount, policy.discount_days, policy.net_days) == (0.02, 10.0, 30.0)
    assert read_policy({"discount": 2}).discount == 0.02  # AR_DISCOUNT_COST's rule (review 16 #7)
    assert read_policy(policy_table(policy)) == policy  # the table reads back
    assert read_policy(None).discount == 0.0  # the default policy offers none
    with pytest.raises(XlArError, match=r"'discount_days' \(30\) must be fewer than 'net_days'"):
        read_policy({"discount": "2%", "discount_days": 30, "net_days": 30})
    with pytest.raises(XlArError, match=r"policy: 'discount' must be below 100%"):
        read_policy({"discount": "100%"})
