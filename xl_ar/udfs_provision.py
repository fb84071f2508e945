"""Worksheet functions for provisions and cash: allowance, ECL, loss rates, forecast, factoring.

Thin wrappers over :mod:`xl_ar.core.provisioning.allowance`, :mod:`xl_ar.core.provisioning.ecl`,
:mod:`xl_ar.core.provisioning.loss_rates`, :mod:`xl_ar.core.cashflow.forecast` and :mod:`xl_ar.core.cashflow.factoring`,
written like :mod:`xl_ar.udfs` (which re-exports them so that xlwings registers them):
the Python names are the Excel names, the signatures carry no type hints (xlwings reads hints
as converters), every argument has a ``doc``, and every failure comes back as one line that
starts with the function name, e.g. ``AR_ECL: balances has 5 buckets but loss_rates has 4:
give one loss rate per bucket``.

Balances and loss rates may be one column or row of numbers (a text header is skipped), two
columns ``label | value``, or an aging's labels over its values; rates are fractions (format
the cells as %).
"""

from __future__ import annotations

import xlwings as xw

from xl_ar import cellio
from xl_ar.core.base.options import choose
from xl_ar.core.cashflow.factoring import factoring, factoring_lines
from xl_ar.core.cashflow.forecast import forecast
from xl_ar.core.provisioning.allowance import allowance
from xl_ar.core.provisioning.ecl import disclosure, ecl_from_ledger, provision_matrix
from xl_ar.core.provisioning.loss_rates import check_defined, loss_rates
from xl_ar.udf_support import (
    AS_OF_DOC,
    CATEGORY,
    LEDGER_DOC,
    errors_as_text,
    ledger_arg,
    one_line_errors,
)

__all__ = ["AR_ALLOWANCE", "AR_ECL", "AR_FACTORING", "AR_FORECAST", "AR_LOSS_RATES"]

BALANCES_DOC = (
    "Balance per aging bucket: a column of numbers, two columns label | balance, or labels over "
    'values (the output of AR_AGING(ledger, as_of, , , "total")).'
)
RATES_DOC = (
    "Loss rate per bucket as fractions (1.6% = 0.016): a column, or two columns label | rate; "
    "one rate per balance."
)
LOSS_RATES_OUTPUTS = ("rates", "balances", "disclosure")


def _blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


@xw.func(category=CATEGORY)
@xw.arg("balances", ndim=2, err_to_str=True, doc=BALANCES_DOC)
@xw.arg("loss_rates", ndim=2, err_to_str=True, doc=RATES_DOC)
@xw.arg(
    "existing_allowance",
    doc="Allowance account balance before the entry: credit balance positive (normal), a "
    "debit balance negative. Default 0.",
)
@one_line_errors
def AR_ALLOWANCE(balances, loss_rates, existing_allowance=None):
    """Required allowance for doubtful accounts (balance x loss rate per bucket) and the adjusting entry from the existing balance, as labelled cells. Example: =AR_ALLOWANCE(B2:B5, C2:C5, 5000)"""
    existing = None if _blank(existing_allowance) else existing_allowance
    return allowance(balances, loss_rates, existing).lines()


@xw.func(category=CATEGORY)
@xw.arg("balances", ndim=2, err_to_str=True, doc=BALANCES_DOC)
@xw.arg("loss_rates", ndim=2, err_to_str=True, doc=RATES_DOC)
@xw.arg(
    "forward_factor",
    doc="Forward-looking adjustment multiplying every loss rate (capped at 100%): 1 (default) "
    "= none, 1.1 = 10% worse.",
)
@one_line_errors
def AR_ECL(balances, loss_rates, forward_factor=None):
    """IFRS 9 / PSAK 71 provision matrix: bucket, gross balance, loss rate and expected credit loss, with a Total row. Example: =AR_ECL(B2:B6, C2:C6, 1.1)"""
    factor = None if _blank(forward_factor) else forward_factor
    return cellio.table(provision_matrix(balances, loss_rates, forward_factor=factor))


@xw.func(category=CATEGORY)
@xw.arg("ledger", ndim=2, err_to_str=True, doc=LEDGER_DOC)
@xw.arg("from_date", doc="A day in the first month (it rolls from the month end before).")
@xw.arg("to_date", doc="Last day of the history: the last month end on or before it is used.")
@xw.arg("buckets", doc='Bucket edges in days: "30,60,90" (default) or a range of numbers.')
@xw.arg(
    "write_off_after_days",
    doc="Open amounts this many days past due count as written off (default 180).",
)
@xw.arg(
    "output",
    doc='"rates" (default: roll rate per month, average, loss rate), "balances" (month-end '
    'aging) or "disclosure" (ECL table at to_date).',
)
@one_line_errors
def AR_LOSS_RATES(ledger, from_date, to_date, buckets=None, write_off_after_days=None, output=None):
    """Roll rates between month-end agings of the ledger and the loss rate per bucket; or the month-end balances, or the ECL disclosure table. Example: =AR_LOSS_RATES(A1:H500, DATE(2024,1,1), DATE(2024,12,31))"""
    how = choose(output, LOSS_RATES_OUTPUTS, "output", "rates")
    led = ledger_arg(ledger)
    got = loss_rates(
        led, from_date, to_date, buckets=None if _blank(buckets) else buckets,
        write_off_after_days=None if _blank(write_off_after_days) else write_off_after_days,
    )  # fmt: skip
    if how == "balances":
        return cellio.table(got.snapshots)
    if how == "disclosure":
        check_defined(got)
        return cellio.table(disclosure(ecl_from_ledger(led, to_date, got)))
    return cellio.table(got.table())


@xw.func(category=CATEGORY)
@xw.arg("ledger", ndim=2, err_to_str=True, doc=LEDGER_DOC)
@xw.arg("as_of", doc=AS_OF_DOC)
@xw.arg("horizon", doc="Number of periods: default 13 weeks or 3 months.")
@xw.arg("period", doc='"week" (default; weeks start the day after as_of) or "month".')
@xw.arg(
    "promises",
    ndim=2,
    err_to_str=True,
    doc="Optional promises to pay: two columns, invoice number | promise date.",
)
@xw.arg(
    "loss_rates",
    ndim=2,
    err_to_str=True,
    doc="Loss rate per aging bucket (fractions), or 0 for none. Default: estimated from the "
    "ledger's last 12 months.",
)
@one_line_errors
def AR_FORECAST(ledger, as_of, horizon=None, period=None, promises=None, loss_rates=None):
    """Expected collections of open AR per week or month (due date + customer's days late, or promise date), then beyond horizon, disputed and expected loss; sums to open AR. Example: =AR_FORECAST(A1:H500, DATE(2024,12,31))"""
    table = forecast(
        ledger_arg(ledger), as_of, horizon=None if _blank(horizon) else horizon,
        period=period, promises=None if _is_empty_range(promises) else promises,
        loss_rates=None if _is_empty_range(loss_rates) else loss_rates,
    )  # fmt: skip
    return cellio.table(table)


def _is_empty_range(value):
    return value is None or all(map(_blank_cell, cellio.iter_cells(value)))


def _blank_cell(value):
    return value is None or (isinstance(value, str) and not value.strip())


@xw.func(category=CATEGORY)
@xw.arg("amount", doc="Face value of the receivables sold to the factor.")
@xw.arg("advance_rate", doc="Share advanced at once, a fraction (80% = 0.8).")
@xw.arg("fee_rate", doc="Factoring fee as a fraction of the face value (2% = 0.02).")
@xw.arg("days", doc="Days until the customers pay (the advance is outstanding that long).")
@xw.arg("interest_rate", doc="Annual interest on the advance, a fraction (12% = 0.12). Default 0.")
@xw.arg("day_basis", doc="365 (default) or 360 days a year for interest and annualising.")
@one_line_errors
def AR_FACTORING(amount, advance_rate, fee_rate, days, interest_rate=None, day_basis=None):
    """Factoring: advance, reserve, fee, interest, net proceeds and effective annual cost (simple and compound), as labelled cells. Example: =AR_FACTORING(100000000, 80%, 2%, 60, 12%)"""
    result = factoring(
        cellio.number(amount, "amount"), cellio.number(advance_rate, "advance_rate"),
        cellio.number(fee_rate, "fee_rate"), cellio.number(days, "days"),
        interest_rate=0.0 if _blank(interest_rate) else cellio.number(interest_rate, "interest_rate"),
        day_basis=365 if _blank(day_basis) else cellio.number(day_basis, "day_basis"),
    )  # fmt: skip
    return factoring_lines(result)


errors_as_text(globals())  # every argument: error cells as text (see xl_ar.udf_support)
