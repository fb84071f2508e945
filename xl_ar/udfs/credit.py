"""Worksheet functions for credit decisions: 5 C's scorecard, credit limit, credit review."""

from __future__ import annotations

from xl_ar.core import (
    choose,
    credit_limit,
    credit_review,
    credit_score,
    discount_cost,
    is_blank_value,
    limit_detail_table,
    score_table,
)
from xl_ar.errors import XlArError
from xl_ar.udfs import cellio
from xl_ar.udfs import registry as udf
from xl_ar.udfs.support import (
    AS_OF_DOC,
    CATEGORY,
    LEDGER_DOC,
    aged_ledger,
    errors_as_text,
    is_blank_argument,
    one_line_errors,
    optional_range,
)

__all__ = ["AR_CREDIT_LIMIT", "AR_CREDIT_REVIEW", "AR_CREDIT_SCORE", "AR_DISCOUNT_COST"]

PROFILE_DOC = "Two columns label | value: character..conditions scores (1-5), tangible_net_worth, working_capital, annual_sales, expected_monthly_purchases, payment_terms_days, collateral_value, customer_type, size, current_exposure."
POLICY_DOC = (
    "Optional two columns label | value (or a grade table) overriding the default credit policy."
)


def _range(value, name):
    if is_blank_argument(value):
        raise XlArError(f"{name} is empty: select the label | value range")
    return value


@udf.func(category=CATEGORY)
@udf.arg(
    "scores",
    ndim=2,
    err_to_str=True,
    doc="The 5 C's scores: label | value rows (character/karakter, capacity, capital, collateral, conditions) or five numbers in that order.",
)
@udf.arg(
    "weights",
    ndim=2,
    err_to_str=True,
    doc="Optional weights in the same form (fractions adding up to 1).",
)
@one_line_errors
def AR_CREDIT_SCORE(scores, weights=None):
    """Weighted 5 C's credit score and grade A-E (two labelled cells). Example: =AR_CREDIT_SCORE(A2:B6)"""
    result = credit_score(_range(scores, "scores"), optional_range(weights))
    return score_table(result).values.tolist()


@udf.func(category=CATEGORY)
@udf.arg("profile", ndim=2, err_to_str=True, doc=PROFILE_DOC)
@udf.arg("policy", ndim=2, err_to_str=True, doc=POLICY_DOC)
@udf.arg(
    "output",
    doc='"limit" (default: the recommended limit) or "detail" (every method, binding method, exposure, decision).',
)
@one_line_errors
def AR_CREDIT_LIMIT(profile, policy=None, output="limit"):
    """Recommended credit limit: minimum of the applicable limit methods, adjusted and rounded. Example: =AR_CREDIT_LIMIT(A2:B16, , "detail")"""
    how = choose(output, ("limit", "detail"), "output", "limit")
    result = credit_limit(_range(profile, "profile"), optional_range(policy))
    if how == "limit":
        return result.recommended_limit
    return cellio.table(limit_detail_table(result))[1:]


@udf.func(category=CATEGORY)
@udf.arg(
    "customers",
    ndim=2,
    err_to_str=True,
    doc="Customers table with its header row: Customer/Pelanggan, Credit Limit/Plafon, optional Unbilled Orders, Uninvoiced Deliveries.",
)
@udf.arg("ledger", ndim=2, err_to_str=True, doc=LEDGER_DOC)
@udf.arg("as_of", doc=AS_OF_DOC)
@one_line_errors
def AR_CREDIT_REVIEW(customers, ledger, as_of):
    """Credit review per customer: open AR, exposure, utilisation, over limit, days late, payer rating, action. Example: =AR_CREDIT_REVIEW(Limits!A1:B61, A1:H2041, DATE(2024,12,31))"""
    table = credit_review(_range(customers, "customers"), aged_ledger(ledger, as_of), as_of)
    return cellio.table(table)


@udf.func(category=CATEGORY)
@udf.arg(
    "discount",
    doc='The discount: 2, "2%" or 0.02 all mean 2%. 1 or more is a percentage, below 0.5 a '
    'fraction; 0.5 to 1 is ambiguous: write "0.5%" or 0.005.',
)
@udf.arg("discount_days", doc="Days to pay with the discount (the 10 of 2/10 net 30).")
@udf.arg("net_days", doc="Days to pay in full (the 30 of 2/10 net 30); more than discount_days.")
@udf.arg("day_basis", doc="Days in a year: 360 (default) or 365.")
@udf.arg(
    "method",
    doc='"simple" (default: d/(1-d) x year/days) or "effective" (compounded: (1+d/(1-d))^(year/days)-1).',
)
@one_line_errors
def AR_DISCOUNT_COST(discount, discount_days, net_days, day_basis=360, method="simple"):
    """Annualised cost of an early-payment discount such as 2/10 net 30, as a fraction (format as %): simple 36.7% on 360 days. Example: =AR_DISCOUNT_COST(2, 10, 30)"""
    basis = 360 if is_blank_value(day_basis) else day_basis
    how = "simple" if is_blank_value(method) else method
    return discount_cost(discount, discount_days, net_days, basis, how)


errors_as_text(globals())  # every argument: error cells as text
