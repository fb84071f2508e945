"""Worksheet functions for cash: collections forecast and factoring."""

from __future__ import annotations

from xl_ar.core import factoring, factoring_lines, forecast, is_blank_value, require_estimable
from xl_ar.errors import XlArError
from xl_ar.udfs import cellio
from xl_ar.udfs import registry as udf
from xl_ar.udfs.support import (
    AS_OF_DOC,
    CATEGORY,
    LEDGER_DOC,
    aged_ledger,
    errors_as_text,
    one_line_errors,
    optional_range,
)

__all__ = ["AR_FACTORING", "AR_FORECAST"]


@udf.func(category=CATEGORY)
@udf.arg("ledger", ndim=2, err_to_str=True, doc=LEDGER_DOC)
@udf.arg("as_of", doc=AS_OF_DOC)
@udf.arg("horizon", doc="Number of periods: default 13 weeks or 3 months.")
@udf.arg("period", doc='"week" (default; weeks start the day after as_of) or "month".')
@udf.arg(
    "promises",
    ndim=2,
    err_to_str=True,
    doc="Optional promises to pay: two columns, invoice number | promise date.",
)
@udf.arg(
    "loss_rates",
    ndim=2,
    err_to_str=True,
    doc="Loss rate per aging bucket (fractions), or 0 for none. Default: estimated from the "
    "ledger's last 12 months.",
)
@one_line_errors
def AR_FORECAST(ledger, as_of, horizon=None, period=None, promises=None, loss_rates=None):
    """Expected collections of open AR per week or month (due date + customer's days late, or promise date), then beyond horizon, disputed and expected loss; sums to open AR. Example: =AR_FORECAST(A1:H500, DATE(2024,12,31))"""
    led = aged_ledger(ledger, as_of)
    rates = optional_range(loss_rates)
    given = not (rates is None or is_blank_value(rates))
    # the report's rule: no payment dates, no forecast; no estimable loss rates, none given
    require_estimable(led, as_of, "forecast", loss_rates_given=given, give=GIVE_WHERE)
    try:
        table = forecast(
            led, as_of, horizon=None if is_blank_value(horizon) else horizon,
            period=period, promises=optional_range(promises), loss_rates=rates,
        )  # fmt: skip
    except XlArError as exc:  # say where loss rates are given: the sixth argument
        raise XlArError(str(exc).replace("give loss rates", GIVE_RATES)) from None
    return cellio.table(table)


#: How AR_FORECAST's refusal to estimate loss rates names the way to give them.
GIVE_RATES = "give loss rates as the 6th argument, loss_rates"
GIVE_WHERE = "the 6th argument, loss_rates"


@udf.func(category=CATEGORY)
@udf.arg("amount", doc="Face value of the receivables sold to the factor.")
@udf.arg("advance_rate", doc="Share advanced at once, a fraction (80% = 0.8).")
@udf.arg("fee_rate", doc="Factoring fee as a fraction of the face value (2% = 0.02).")
@udf.arg("days", doc="Days until the customers pay (the advance is outstanding that long).")
@udf.arg("interest_rate", doc="Annual interest on the advance, a fraction (12% = 0.12). Default 0.")
@udf.arg("day_basis", doc="365 (default) or 360 days a year for interest and annualising.")
@one_line_errors
def AR_FACTORING(amount, advance_rate, fee_rate, days, interest_rate=None, day_basis=None):
    """Factoring: advance, reserve, fee, interest, net proceeds and effective annual cost (simple and compound), as labelled cells. Example: =AR_FACTORING(100000000, 80%, 2%, 60, 12%)"""
    result = factoring(
        cellio.number(amount, "amount"), cellio.number(advance_rate, "advance_rate"),
        cellio.number(fee_rate, "fee_rate"), cellio.number(days, "days"),
        interest_rate=0.0 if is_blank_value(interest_rate) else cellio.number(interest_rate, "interest_rate"),
        day_basis=365 if is_blank_value(day_basis) else cellio.number(day_basis, "day_basis"),
    )  # fmt: skip
    return factoring_lines(result)


errors_as_text(globals())  # every argument: error cells as text
