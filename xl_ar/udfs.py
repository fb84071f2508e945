"""Worksheet functions (xlwings UDFs): thin wrappers over :mod:`xl_ar.core`.

Each function converts its arguments, calls one core function and returns a value or a 2-D
list that spills in Excel 365. Errors never reach the cell as a traceback: every failure is
returned as one line that starts with the function name, e.g.
``AR_AGING: row 17 'Due Date': 'abc' is not a date``.

Conventions for the worksheet API:

* ranges include their header row; row numbers in messages count the header row as row 1;
* dates may be date-formatted cells or Excel serial numbers;
* omitted optional arguments take the documented defaults; text options ignore case;
* ratios are fractions (format the cell as %);
* an Excel error value (``#N/A`` ...) in an argument gives a line naming it, never the
  default; inside a ledger it is a data problem (``AR_CHECK`` lists it);
* no function returns an infinity or NaN: an overflow is a line.

The Python names are the Excel names (xlwings registers ``__name__``), and the function
signatures carry no type hints on purpose: xlwings reads hints as converters. Each docstring
is the Function Wizard description (≤ 255 characters).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import xlwings as xw

from xl_ar import cellio
from xl_ar.core.base.options import as_buckets, choose
from xl_ar.core.base.text import plain_number
from xl_ar.core.ledger.ledger import load_ledger
from xl_ar.core.metrics import dso as dso_mod
from xl_ar.core.metrics import ratios
from xl_ar.core.metrics.kpi_series import kpi_series
from xl_ar.core.metrics.payment_behaviour import weighted_average_days_to_pay
from xl_ar.core.position.aging import aging, assign_buckets, bucket_labels
from xl_ar.core.position.open_items import days_between
from xl_ar.errors import XlArError
from xl_ar.udf_support import (
    AS_OF_DOC,
    CATEGORY,
    LEDGER_DOC,
    errors_as_text,
    ledger_arg,
    one_line_errors,
)


# --- tables --------------------------------------------------------------------------------
@xw.func(category=CATEGORY)
@xw.arg("ledger", ndim=2, err_to_str=True, doc=LEDGER_DOC)
@xw.arg("as_of", doc=AS_OF_DOC)
@xw.arg("buckets", doc='Bucket edges in days: "30,60,90" (default) or a range of numbers.')
@xw.arg("basis", doc='"due" (default: days past due date) or "invoice" (days since invoice).')
@xw.arg("by", doc='"customer" (default, with a Total row), "total" or "invoice".')
@xw.arg("measure", doc='"amount" (default), "count" or "percent" (share of the total).')
@one_line_errors
def AR_AGING(ledger, as_of, buckets=None, basis="due", by="customer", measure="amount"):
    """Aged receivables at a date, per customer (Current, 1-30, 31-60, 61-90, >90, Total). Example: =AR_AGING(A1:H500, DATE(2024,12,31))"""
    table = aging(
        ledger_arg(ledger), as_of, buckets=buckets, basis=basis or "due", by=by or "customer",
        measure=measure or "amount",
    )  # fmt: skip
    return cellio.table(table)


@xw.func(category=CATEGORY)
@xw.arg("ledger", ndim=2, err_to_str=True, doc=LEDGER_DOC)
@xw.arg("as_of", doc=AS_OF_DOC)
@one_line_errors
def AR_OPEN(ledger, as_of):
    """Open items at a date: customer, invoice, dates, outstanding, days past due and bucket. Example: =AR_OPEN(A1:H500, DATE(2024,12,31))"""
    items = aging(ledger_arg(ledger), as_of, by="invoice")
    items = items.rename(columns={"days": "days_past_due"}).reset_index()
    return cellio.table(items)


@xw.func(category=CATEGORY)
@xw.arg("ledger", ndim=2, err_to_str=True, doc=LEDGER_DOC)
@one_line_errors
def AR_CHECK(ledger):
    """Data-health check of a ledger: one row per problem (row, column, value, problem), or OK. Example: =AR_CHECK(A1:H500)"""
    if not isinstance(ledger, list) or len(ledger) < 2:
        ledger_arg(ledger)
    problems = load_ledger(ledger).problems
    if problems.empty:
        return "OK"
    return cellio.table(problems)


@xw.func(category=CATEGORY)
@xw.arg("ledger", ndim=2, err_to_str=True, doc=LEDGER_DOC)
@xw.arg("from_date", doc="First day of the first period.")
@xw.arg("to_date", doc="A day in the last period.")
@xw.arg("period", doc='"month" (default), "week" or "quarter".')
@one_line_errors
def AR_KPI(ledger, from_date, to_date, period="month"):
    """KPI series per period: credit sales, collections, AR, current AR, DSO, BPDSO, ADD, CEI. Example: =AR_KPI(A1:H500, DATE(2024,1,1), DATE(2024,12,31))"""
    series = kpi_series(ledger_arg(ledger), from_date, to_date, freq=period or "month")
    return cellio.table(series)


@xw.func(category=CATEGORY)
@xw.arg("ledger", ndim=2, err_to_str=True, doc=LEDGER_DOC)
@xw.arg("measure", doc='"days_to_pay" (default: payment date - invoice date) or "days_late".')
@one_line_errors
def AR_WADP(ledger, measure="days_to_pay"):
    """Amount-weighted average days to pay (or days late) of the invoices paid in full. Example: =AR_WADP(A1:H500)"""
    return weighted_average_days_to_pay(ledger_arg(ledger), measure=measure or "days_to_pay")


# --- days and buckets ------------------------------------------------------------------------
@xw.func(category=CATEGORY)
@xw.arg("due_date", doc="A due date, or a column of due dates.")
@xw.arg("as_of", doc=AS_OF_DOC)
@one_line_errors
def AR_DPD(due_date, as_of):
    """Days past due (as_of - due date; 0 = due today, negative = not yet due) of a date or a column. Example: =AR_DPD(D2, DATE(2024,12,31))"""
    stamps, header = cellio.date_cells(due_date, "due_date")
    days: list[Any] = list(days_between(stamps, as_of))
    if header:
        days[0] = "days_past_due"
    return cellio.reshape_like(days, due_date)


@xw.func(category=CATEGORY)
@xw.arg("days_past_due", doc="Days past due: a number or a column of numbers.")
@xw.arg("buckets", doc='Bucket edges in days: "30,60,90" (default) or a range of numbers.')
@one_line_errors
def AR_BUCKET(days_past_due, buckets=None):
    """Aging bucket label (Current, 1-30, 31-60, 61-90, >90) of days past due. Example: =AR_BUCKET(E2)"""
    edges = as_buckets(buckets)
    days, header = cellio.number_cells(days_past_due, "days_past_due")
    labels = np.asarray(bucket_labels(edges), dtype=object)[assign_buckets(days, edges)]
    labels[np.isnan(days)] = ""
    if header:
        labels[0] = "bucket"
    return cellio.reshape_like(list(labels), days_past_due)


# --- DSO family --------------------------------------------------------------------------------
@xw.func(category=CATEGORY)
@xw.arg("receivables", doc='Ending AR; for "average" two cells: beginning and ending AR.')
@xw.arg(
    "credit_sales",
    doc='Credit sales of the period; "countback": a column of period sales (oldest first), or two columns: period-end date and sales.',
)
@xw.arg(
    "days",
    doc='Days in the period (default 365); "countback": days per period (default 30) or a column.',
)
@xw.arg("method", doc='"simple" (default), "average" or "countback".')
@one_line_errors
def AR_DSO(receivables, credit_sales, days=None, method="simple"):
    """Days sales outstanding: simple, average-balance or countback. Example: =AR_DSO(200000, 2000000, 365)"""
    how = choose(method, dso_mod.DSO_METHODS, "method", "simple")
    if how == "average":
        pair = cellio.numbers(receivables, "receivables", header=False)
        if len(pair) != 2:
            raise XlArError('receivables must be two cells (beginning and ending AR) for "average"')
        sales = cellio.number(credit_sales, "credit_sales")
        return dso_mod.dso_average(pair[0], pair[1], sales, _days(days, 365))
    if how == "countback":
        return _countback(cellio.number(receivables, "receivables"), credit_sales, days)
    sales = cellio.number(credit_sales, "credit_sales")
    return dso_mod.dso_simple(cellio.number(receivables, "receivables"), sales, _days(days, 365))


def _days(days: Any, default: float) -> float:
    return default if days is None or days == "" else cellio.number(days, "days")


def _countback(ending_ar: float, credit_sales: Any, days: Any) -> float:
    two_columns = (
        isinstance(credit_sales, list)
        and credit_sales
        and isinstance(credit_sales[0], list)
        and len(credit_sales[0]) == 2
    )
    if two_columns:
        ends = cellio.dates([r[0] for r in credit_sales], "credit_sales period-end dates")
        sales = cellio.numbers([r[1] for r in credit_sales], "credit_sales")
        if len(ends) != len(sales):
            raise XlArError("credit_sales: every period needs a period-end date and sales")
        return dso_mod.dso_countback(ending_ar, sales, dso_mod.period_days_from_ends(ends))
    sales = cellio.numbers(credit_sales, "credit_sales")
    if days is None or days == "":
        return dso_mod.dso_countback(ending_ar, sales, 30)
    per = cellio.numbers(days, "days")
    return dso_mod.dso_countback(ending_ar, sales, per[0] if len(per) == 1 else per)


@xw.func(category=CATEGORY)
@xw.arg("current_ar", doc="AR not yet due at the end of the period.")
@xw.arg("credit_sales", doc="Credit sales of the period.")
@xw.arg("days", doc="Days in the period (default 365).")
@one_line_errors
def AR_BPDSO(current_ar, credit_sales, days=None):
    """Best possible DSO: current (not yet due) AR / credit sales x days. Example: =AR_BPDSO(120000, 2000000, 365)"""
    return dso_mod.best_possible_dso(
        cellio.number(current_ar, "current_ar"), cellio.number(credit_sales, "credit_sales"),
        _days(days, 365),
    )  # fmt: skip


@xw.func(category=CATEGORY)
@xw.arg("receivables", doc="Ending AR.")
@xw.arg("current_ar", doc="AR not yet due at the end of the period.")
@xw.arg("credit_sales", doc="Credit sales of the period.")
@xw.arg("days", doc="Days in the period (default 365).")
@one_line_errors
def AR_ADD(receivables, current_ar, credit_sales, days=None):
    """Average days delinquent: DSO - best possible DSO. Example: =AR_ADD(200000, 120000, 2000000, 365)"""
    return dso_mod.add_from_balances(
        cellio.number(receivables, "receivables"), cellio.number(current_ar, "current_ar"),
        cellio.number(credit_sales, "credit_sales"), _days(days, 365),
    )  # fmt: skip


# --- ratios ------------------------------------------------------------------------------------
@xw.func(category=CATEGORY)
@xw.arg("beginning_ar", doc="AR at the start of the period.")
@xw.arg("credit_sales", doc="Credit sales of the period.")
@xw.arg("ending_total_ar", doc="Total AR at the end of the period.")
@xw.arg("ending_current_ar", doc="Current (not yet due) AR at the end of the period.")
@xw.arg("months", doc="Months in the period (default 1); sales are divided by it (CRF).")
@one_line_errors
def AR_CEI(beginning_ar, credit_sales, ending_total_ar, ending_current_ar, months=1):
    """Collection effectiveness index as a fraction (format as %). Example: =AR_CEI(6200, 10890, 6340, 3590, 3)"""
    total = cellio.number(ending_total_ar, "ending_total_ar")
    current = cellio.number(ending_current_ar, "ending_current_ar")
    if current > total:
        raise XlArError(
            f"ending_current_ar ({plain_number(current)}) is larger than ending_total_ar ({plain_number(total)})"
        )
    return ratios.cei(
        cellio.number(beginning_ar, "beginning_ar"), cellio.number(credit_sales, "credit_sales"),
        total, current, 1 if months is None or months == "" else cellio.number(months, "months"),
    )  # fmt: skip


@xw.func(category=CATEGORY)
@xw.arg("credit_sales", doc="Credit sales of the period.")
@xw.arg("beginning_ar", doc="AR at the start of the period.")
@xw.arg("ending_ar", doc="AR at the end of the period.")
@xw.arg("day_basis", doc="360 (default, Indonesian textbooks) or 365.")
@xw.arg("output", doc='"rto" (default), "acp" (average collection period) or "both".')
@one_line_errors
def AR_RTO(credit_sales, beginning_ar, ending_ar, day_basis=360, output="rto"):
    """Receivable turnover (times) or average collection period (days). Example: =AR_RTO(6205000, 300000, 370000)"""
    how = choose(output, ("rto", "acp", "both"), "output", "rto")
    args = (
        cellio.number(credit_sales, "credit_sales"), cellio.number(beginning_ar, "beginning_ar"),
        cellio.number(ending_ar, "ending_ar"),
    )  # fmt: skip
    basis = 360 if day_basis is None or day_basis == "" else day_basis
    rto = ratios.receivable_turnover(*args)
    acp = ratios.average_collection_period(*args, day_basis=basis)
    if how == "both":
        return [["RTO", rto], ["ACP", acp]]
    return rto if how == "rto" else acp


@xw.func(category=CATEGORY)
@xw.arg("arrears", doc="Past-due (unpaid) balance.")
@xw.arg("credit_sales", doc="Credit sales of the period.")
@one_line_errors
def AR_ARREARS_RATIO(arrears, credit_sales):
    """Arrears ratio (rasio tunggakan): past-due balance / credit sales, as a fraction. Example: =AR_ARREARS_RATIO(50000, 1000000)"""
    return ratios.arrears_ratio(
        cellio.number(arrears, "arrears"), cellio.number(credit_sales, "credit_sales")
    )


@xw.func(category=CATEGORY)
@xw.arg("collected", doc="Amount collected.")
@xw.arg("billed", doc="Amount billed (total receivables to collect).")
@one_line_errors
def AR_COLLECTION_RATIO(collected, billed):
    """Collection ratio (rasio penagihan): collected / billed, as a fraction. Example: =AR_COLLECTION_RATIO(850000, 1000000)"""
    return ratios.collection_ratio(
        cellio.number(collected, "collected"), cellio.number(billed, "billed")
    )


@xw.func(category=CATEGORY)
@xw.arg("bad_debts", doc="Bad debts written off in the period.")
@xw.arg("credit_sales", doc="Credit sales of the period (or total sales, if that is your policy).")
@one_line_errors
def AR_BAD_DEBT_RATIO(bad_debts, credit_sales):
    """Bad-debt ratio: bad debts written off / credit sales, as a fraction. Example: =AR_BAD_DEBT_RATIO(20000, 1000000)"""
    return ratios.bad_debt_ratio(
        cellio.number(bad_debts, "bad_debts"), cellio.number(credit_sales, "credit_sales")
    )


# --- functions by topic, registered under this module (xlwings lists dir(xl_ar.udfs)) --------
from xl_ar.udfs_collections import (  # noqa: E402,F401
    AR_INTEREST,
    AR_LETTER,
    AR_STRATEGY,
    AR_WORKLIST,
)
from xl_ar.udfs_credit import AR_CREDIT_LIMIT, AR_CREDIT_REVIEW, AR_CREDIT_SCORE  # noqa: E402,F401
from xl_ar.udfs_provision import (  # noqa: E402,F401
    AR_ALLOWANCE,
    AR_ECL,
    AR_FACTORING,
    AR_FORECAST,
    AR_LOSS_RATES,
)
from xl_ar.udfs_reconcile import AR_RECONCILE  # noqa: E402,F401

__all__ = [name for name in dir() if name.startswith("AR_")]
errors_as_text(globals())  # every argument: error cells as text (see xl_ar.udf_support)
