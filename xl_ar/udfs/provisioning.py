"""Worksheet functions for provisions: allowance, IFRS 9 / PSAK 109 ECL, loss rates.

Balances and loss rates may be one column or row of numbers (a text header is skipped), two
columns ``label | value``, or an aging's labels over its values; rates are fractions (format
the cells as %). A failure names the inputs, e.g. ``AR_ECL: balances has 5 buckets but
loss_rates has 4: give one loss rate per bucket``.
"""

from __future__ import annotations

from xl_ar.core import (
    allowance,
    check_defined,
    check_snapshot_as_of,
    choose,
    disclosure,
    ecl_from_ledger,
    is_blank_value,
    loss_rates,
    provision_matrix,
    require_estimable,
)
from xl_ar.udfs import cellio
from xl_ar.udfs import registry as udf
from xl_ar.udfs.support import CATEGORY, LEDGER_DOC, errors_as_text, ledger_arg, one_line_errors

__all__ = ["AR_ALLOWANCE", "AR_ECL", "AR_LOSS_RATES"]

BALANCES_DOC = (
    "Balance per aging bucket: a column of numbers, two columns label | balance, or labels over "
    'values (the output of AR_AGING(ledger, as_of, , , "total")).'
)
RATES_DOC = (
    "Loss rate per bucket as fractions (1.6% = 0.016): a column, or two columns label | rate; "
    "one rate per balance."
)
LOSS_RATES_OUTPUTS = ("rates", "balances", "disclosure")


@udf.func(category=CATEGORY)
@udf.arg("balances", ndim=2, err_to_str=True, doc=BALANCES_DOC)
@udf.arg("loss_rates", ndim=2, err_to_str=True, doc=RATES_DOC)
@udf.arg(
    "existing_allowance",
    doc="Allowance account balance before the entry: credit balance positive (normal), a "
    "debit balance negative. Default 0.",
)
@one_line_errors
def AR_ALLOWANCE(balances, loss_rates, existing_allowance=None):
    """Required allowance for doubtful accounts (balance x loss rate per bucket) and the adjusting entry from the existing balance, as labelled cells. Example: =AR_ALLOWANCE(B2:B5, C2:C5, 5000)"""
    existing = None if is_blank_value(existing_allowance) else existing_allowance
    return allowance(balances, loss_rates, existing).lines()


@udf.func(category=CATEGORY)
@udf.arg("balances", ndim=2, err_to_str=True, doc=BALANCES_DOC)
@udf.arg("loss_rates", ndim=2, err_to_str=True, doc=RATES_DOC)
@udf.arg(
    "forward_factor",
    doc="Forward-looking adjustment multiplying every loss rate (capped at 100%): 1 (default) "
    "= none, 1.1 = 10% worse.",
)
@one_line_errors
def AR_ECL(balances, loss_rates, forward_factor=None):
    """IFRS 9 / PSAK 109 provision matrix: bucket, gross balance, loss rate and expected credit loss, with a Total row. Example: =AR_ECL(B2:B6, C2:C6, 1.1)"""
    factor = None if is_blank_value(forward_factor) else forward_factor
    return cellio.table(provision_matrix(balances, loss_rates, forward_factor=factor))


@udf.func(category=CATEGORY)
@udf.arg("ledger", ndim=2, err_to_str=True, doc=LEDGER_DOC)
@udf.arg("from_date", doc="A day in the first month (it rolls from the month end before).")
@udf.arg("to_date", doc="Last day of the history: the last month end on or before it is used.")
@udf.arg("buckets", doc='Bucket edges in days: "30,60,90" (default) or a range of numbers.')
@udf.arg(
    "write_off_after_days",
    doc="Open amounts this many days past due count as written off (default 180).",
)
@udf.arg(
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
        led, from_date, to_date, buckets=None if is_blank_value(buckets) else buckets,
        write_off_after_days=None if is_blank_value(write_off_after_days) else write_off_after_days,
    )  # fmt: skip
    if how == "balances":  # a snapshot's month-end agings would miss the invoices paid since
        check_snapshot_as_of(led, got.snapshots["month_end"].iloc[0])
        return cellio.table(got.snapshots)
    require_estimable(  # the report's rule: a snapshot, no payment dates, a short history
        led, to_date, "loss_rates", write_off_after_days=got.write_off_after_days,
        give="to AR_ECL or AR_FORECAST",
    )  # fmt: skip
    if how == "disclosure":
        check_defined(got)
        return cellio.table(disclosure(ecl_from_ledger(led, to_date, got)))
    return cellio.table(got.table())


errors_as_text(globals())  # every argument: error cells as text
