"""Worksheet functions for metrics: KPI series, days to pay, the DSO family and ratios."""

from __future__ import annotations

from typing import Any

import numpy as np

from xl_ar.core import (
    DSO_METHODS,
    add_from_balances,
    arrears_ratio,
    average_collection_period,
    bad_debt_ratio,
    best_possible_dso,
    cei,
    choose,
    collection_ratio,
    countback_order,
    covered_start,
    dso_average,
    dso_countback,
    dso_countback_dated,
    dso_simple,
    is_blank_value,
    kpi_label,
    kpi_series,
    kpi_series_by,
    plain_number,
    receivable_turnover,
    require_estimable,
    weighted_average_days_to_pay,
)
from xl_ar.errors import XlArError
from xl_ar.udfs import cellio
from xl_ar.udfs import registry as udf
from xl_ar.udfs.support import (
    CATEGORY,
    LEDGER_DOC,
    MASTER_DOC,
    errors_as_text,
    ledger_arg,
    one_line_errors,
    optional_range,
)

__all__ = [
    "AR_ADD",
    "AR_ARREARS_RATIO",
    "AR_BAD_DEBT_RATIO",
    "AR_BPDSO",
    "AR_CEI",
    "AR_COLLECTION_RATIO",
    "AR_DSO",
    "AR_KPI",
    "AR_RTO",
    "AR_WADP",
]


# --- series ----------------------------------------------------------------------------------
@udf.func(category=CATEGORY)
@udf.arg("ledger", ndim=2, err_to_str=True, doc=LEDGER_DOC)
@udf.arg("from_date", doc="First day of the first period.")
@udf.arg("to_date", doc="A day in the last period.")
@udf.arg(
    "period",
    doc='"month" (default), "week" or "quarter"; each period\'s sales taken whole (headers say it: "CEI, quarter as one period").',
)
@udf.arg(
    "by",
    doc="Optional: a column to give the series per group: of the ledger (its header) or of the customer master (region, salesperson, collector, group ...).",
)
@udf.arg("customers", ndim=2, err_to_str=True, doc=MASTER_DOC)
@one_line_errors
def AR_KPI(ledger, from_date, to_date, period="month", by=None, customers=None):
    """KPI series per period (optionally per group of any column): credit sales, collections, AR, current AR, DSO, BPDSO, ADD, CEI. Example: =AR_KPI(A1:H500, DATE(2024,1,1), DATE(2024,12,31))"""
    freq = choose(period, ("month", "week", "quarter"), "freq", "month")
    led = ledger_arg(ledger)
    grouped = not is_blank_value(by)
    if grouped:
        series = kpi_series_by(
            led, from_date, to_date, by, customers=optional_range(customers), freq=freq
        )
    else:
        series = kpi_series(led, from_date, to_date, freq=freq)
    # the report's rule: no series without collections per period (a snapshot, no pay dates)
    require_estimable(led, to_date, "collections")
    if not series.empty:
        first = covered_start(led, series["period_start"].iloc[0], freq)
        series = series[series["period_start"] >= first]  # no periods before the ledger starts
    conventions = ("dso", "bpdso", "add", "cei")
    header = [kpi_label(c, "en", period=freq) if c in conventions else c for c in series.columns]
    return cellio.table(series, header=header)


@udf.func(category=CATEGORY)
@udf.arg("ledger", ndim=2, err_to_str=True, doc=LEDGER_DOC)
@udf.arg("measure", doc='"days_to_pay" (default: payment date - invoice date) or "days_late".')
@one_line_errors
def AR_WADP(ledger, measure="days_to_pay"):
    """Amount-weighted average days to pay (or days late) of the invoices paid in full. Example: =AR_WADP(A1:H500)"""
    return weighted_average_days_to_pay(ledger_arg(ledger), measure=measure or "days_to_pay")


# --- DSO family --------------------------------------------------------------------------------
@udf.func(category=CATEGORY)
@udf.arg("receivables", doc='Ending AR; for "average" two cells: beginning and ending AR.')
@udf.arg(
    "credit_sales",
    doc='Credit sales of the period; "countback": a column of period sales, NEWEST FIRST (see order), or two columns: period-end date and sales (any order).',
)
@udf.arg(
    "days",
    doc='Days in the period (default 365); "countback": days per period (default 30) or a column in the order of the sales.',
)
@udf.arg("method", doc='"simple" (default), "average" or "countback".')
@udf.arg(
    "order",
    doc='"countback" without dates: "newest first" (default: the latest month on top) or "oldest first"; with dates leave it empty (the dates decide).',
)
@one_line_errors
def AR_DSO(receivables, credit_sales, days=None, method="simple", order=None):
    """Days sales outstanding: simple, average-balance or countback (sales newest first, or with period-end dates). Example: =AR_DSO(200000, 2000000, 365)"""
    how = choose(method, DSO_METHODS, "method", "simple")
    given = not (order is None or order == "")
    listed = countback_order(order if given else "newest first")
    if how == "average":
        pair = cellio.numbers(receivables, "receivables", header=False)
        if len(pair) != 2:
            raise XlArError('receivables must be two cells (beginning and ending AR) for "average"')
        return dso_average(pair[0], pair[1], _one_sales(credit_sales, how), _days(days, 365))
    if how == "countback":
        ar = cellio.number(receivables, "receivables")
        return _countback(ar, credit_sales, days, listed if given else None)
    sales = _one_sales(credit_sales, how)
    return dso_simple(cellio.number(receivables, "receivables"), sales, _days(days, 365))


def _one_sales(credit_sales: Any, how: str) -> float:
    """The one sales figure of "simple"/"average"; a list of periods points to "countback"."""
    if sum(not is_blank_value(v) for v in cellio.flatten(credit_sales)) > 1:
        raise XlArError(
            f'credit_sales must be one number for method "{how}"; for sales per period '
            '(or period-end dates and sales) give method "countback"'
        )
    return cellio.number(credit_sales, "credit_sales")


def _days(days: Any, default: float) -> float:
    return default if days is None or days == "" else cellio.number(days, "days")


def _countback(ending_ar: float, credit_sales: Any, days: Any, given: str | None) -> float:
    """Countback from a sales column (``given`` order, default newest first) or dated rows."""
    two_columns = (
        isinstance(credit_sales, list)
        and credit_sales
        and isinstance(credit_sales[0], list)
        and len(credit_sales[0]) == 2
    )
    if two_columns:  # the dates decide the order
        ends = cellio.dates([r[0] for r in credit_sales], "credit_sales period-end dates")
        sales = cellio.numbers([r[1] for r in credit_sales], "credit_sales")
        if len(ends) != len(sales):
            raise XlArError("credit_sales: every period needs a period-end date and sales")
        if given is not None:
            _dates_follow(ends, given)
        return dso_countback_dated(ending_ar, ends, sales)
    order = given or "newest_first"
    sales = _period_values(credit_sales, "credit_sales", order)
    if days is None or days == "":
        return dso_countback(ending_ar, sales, 30, order=order)
    per = _period_values(days, "days", order)
    return dso_countback(ending_ar, sales, per[0] if len(per) == 1 else per, order=order)


def _period_values(value: Any, name: str, order: str) -> list[float]:
    """A column of per-period numbers: blank cells after the last number are spare rows of
    the range, a blank before it is a missing period (dropping it would shift the older
    periods), so it is an error naming its position in the given order."""
    out = cellio.numbers(value, name)
    cells, header = cellio.number_cells(value, name)
    body = cells[1:] if header else cells
    blank = np.isnan(body[: int(np.flatnonzero(~np.isnan(body))[-1]) + 1])
    if blank.any():
        at = int(np.flatnonzero(blank)[0]) + 1
        fix = "enter 0 for a period without sales" if name == "credit_sales" else "fill it in"
        raise XlArError(f"{name}: period {at} ({order.replace('_', ' ')}) is blank; {fix}")
    return out


def _dates_follow(ends: list[Any], order: str) -> None:
    """An ``order`` given beside period-end dates must be the dates' own order."""
    stamps = np.array(ends, dtype="datetime64[ns]")
    steps = np.diff(stamps).astype(np.int64)
    runs = "oldest_first" if (steps > 0).all() else "newest_first" if (steps < 0).all() else ""
    if runs != order:
        said = order.replace("_", " ")
        raise XlArError(
            f"order says '{said}' but the period-end dates are not listed {said}; "
            "with dates leave order empty: the dates decide"
        )


@udf.func(category=CATEGORY)
@udf.arg("current_ar", doc="AR not yet due at the end of the period.")
@udf.arg("credit_sales", doc="Credit sales of the period.")
@udf.arg("days", doc="Days in the period (default 365).")
@one_line_errors
def AR_BPDSO(current_ar, credit_sales, days=None):
    """Best possible DSO: current (not yet due) AR / credit sales x days. Example: =AR_BPDSO(120000, 2000000, 365)"""
    return best_possible_dso(
        cellio.number(current_ar, "current_ar"), cellio.number(credit_sales, "credit_sales"),
        _days(days, 365),
    )  # fmt: skip


@udf.func(category=CATEGORY)
@udf.arg("receivables", doc="Ending AR.")
@udf.arg("current_ar", doc="AR not yet due at the end of the period.")
@udf.arg("credit_sales", doc="Credit sales of the period.")
@udf.arg("days", doc="Days in the period (default 365).")
@one_line_errors
def AR_ADD(receivables, current_ar, credit_sales, days=None):
    """Average days delinquent: DSO - best possible DSO. Example: =AR_ADD(200000, 120000, 2000000, 365)"""
    return add_from_balances(
        cellio.number(receivables, "receivables"), cellio.number(current_ar, "current_ar"),
        cellio.number(credit_sales, "credit_sales"), _days(days, 365),
    )  # fmt: skip


# --- ratios ------------------------------------------------------------------------------------
@udf.func(category=CATEGORY)
@udf.arg("beginning_ar", doc="AR at the start of the period.")
@udf.arg("credit_sales", doc="Credit sales of the period.")
@udf.arg("ending_total_ar", doc="Total AR at the end of the period.")
@udf.arg("ending_current_ar", doc="Current (not yet due) AR at the end of the period.")
@udf.arg(
    "months",
    doc='1 (default): the period\'s sales taken whole ("CEI, quarter as one period", "CEI, month"); N: sales / N, "CEI, N months (CRF)".',
)
@one_line_errors
def AR_CEI(beginning_ar, credit_sales, ending_total_ar, ending_current_ar, months=1):
    """Collection effectiveness index as a fraction (format as %); months=3 is "CEI, 3 months (CRF)". Example: =AR_CEI(6200, 10890, 6340, 3590, 3)"""
    total = cellio.number(ending_total_ar, "ending_total_ar")
    current = cellio.number(ending_current_ar, "ending_current_ar")
    if current > total:
        raise XlArError(
            f"ending_current_ar ({plain_number(current)}) is larger than "
            f"ending_total_ar ({plain_number(total)})"
        )
    return cei(
        cellio.number(beginning_ar, "beginning_ar"), cellio.number(credit_sales, "credit_sales"),
        total, current, 1 if months is None or months == "" else cellio.number(months, "months"),
    )  # fmt: skip


@udf.func(category=CATEGORY)
@udf.arg("credit_sales", doc="Credit sales of the period.")
@udf.arg("beginning_ar", doc="AR at the start of the period.")
@udf.arg("ending_ar", doc="AR at the end of the period.")
@udf.arg("day_basis", doc="360 (default, Indonesian textbooks) or 365.")
@udf.arg("output", doc='"rto" (default), "acp" (average collection period) or "both".')
@one_line_errors
def AR_RTO(credit_sales, beginning_ar, ending_ar, day_basis=360, output="rto"):
    """Receivable turnover (times) or average collection period (days). Example: =AR_RTO(6205000, 300000, 370000)"""
    how = choose(output, ("rto", "acp", "both"), "output", "rto")
    args = (
        cellio.number(credit_sales, "credit_sales"), cellio.number(beginning_ar, "beginning_ar"),
        cellio.number(ending_ar, "ending_ar"),
    )  # fmt: skip
    basis = 360 if day_basis is None or day_basis == "" else day_basis
    rto = receivable_turnover(*args)
    acp = average_collection_period(*args, day_basis=basis)
    if how == "both":
        return [["RTO", rto], ["ACP", acp]]
    return rto if how == "rto" else acp


@udf.func(category=CATEGORY)
@udf.arg("arrears", doc="Past-due (unpaid) balance.")
@udf.arg("credit_sales", doc="Credit sales of the period.")
@one_line_errors
def AR_ARREARS_RATIO(arrears, credit_sales):
    """Arrears ratio (rasio tunggakan): past-due balance / credit sales, as a fraction. Example: =AR_ARREARS_RATIO(50000, 1000000)"""
    return arrears_ratio(
        cellio.number(arrears, "arrears"), cellio.number(credit_sales, "credit_sales")
    )


@udf.func(category=CATEGORY)
@udf.arg("collected", doc="Amount collected.")
@udf.arg("billed", doc="Amount billed (total receivables to collect).")
@one_line_errors
def AR_COLLECTION_RATIO(collected, billed):
    """Collection ratio (rasio penagihan): collected / billed, as a fraction. Example: =AR_COLLECTION_RATIO(850000, 1000000)"""
    return collection_ratio(cellio.number(collected, "collected"), cellio.number(billed, "billed"))


@udf.func(category=CATEGORY)
@udf.arg("bad_debts", doc="Bad debts written off in the period.")
@udf.arg("credit_sales", doc="Credit sales of the period (or total sales, if that is your policy).")
@one_line_errors
def AR_BAD_DEBT_RATIO(bad_debts, credit_sales):
    """Bad-debt ratio: bad debts written off / credit sales, as a fraction. Example: =AR_BAD_DEBT_RATIO(20000, 1000000)"""
    return bad_debt_ratio(
        cellio.number(bad_debts, "bad_debts"), cellio.number(credit_sales, "credit_sales")
    )


errors_as_text(globals())  # every argument: error cells as text
