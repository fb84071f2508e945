"""Worksheet functions for the position at a date: aging, open items, data check, days past due."""

from __future__ import annotations

from typing import Any

import numpy as np

from xl_ar.core import (
    account_statement,
    aging,
    as_buckets,
    assign_buckets,
    bucket_labels,
    cell_text,
    choose,
    days_between,
    ledger_currencies,
    statement_rows,
)
from xl_ar.udfs import cellio
from xl_ar.udfs import registry as udf
from xl_ar.udfs.support import (
    AS_OF_DOC,
    CATEGORY,
    LEDGER_DOC,
    MASTER_DOC,
    aged_ledger,
    errors_as_text,
    ledger_load,
    one_line_errors,
    optional_range,
)

__all__ = ["AR_AGING", "AR_BUCKET", "AR_CHECK", "AR_DPD", "AR_OPEN", "AR_STATEMENT"]


# --- tables --------------------------------------------------------------------------------
@udf.func(category=CATEGORY)
@udf.arg("ledger", ndim=2, err_to_str=True, doc=LEDGER_DOC)
@udf.arg("as_of", doc=AS_OF_DOC)
@udf.arg("buckets", doc='Bucket edges in days: "30,60,90" (default) or a range of numbers.')
@udf.arg("basis", doc='"due" (default: days past due date) or "invoice" (days since invoice).')
@udf.arg(
    "by",
    doc='"customer" (default, with a Total row), "total", "invoice", or any column: of the ledger (its header) or of the customer master (region, salesperson, collector, group ...).',
)
@udf.arg("measure", doc='"amount" (default), "count" or "percent" (share of the total).')
@udf.arg("customers", ndim=2, err_to_str=True, doc=MASTER_DOC)
@one_line_errors
def AR_AGING(
    ledger, as_of, buckets=None, basis="due", by="customer", measure="amount", customers=None
):
    """Aged receivables at a date, per customer or any column (Current, 1-30, 31-60, 61-90, >90, Total). Example: =AR_AGING(A1:H500, DATE(2024,12,31), , , "region", , Pelanggan!A1:F80)"""
    table = aging(
        aged_ledger(ledger, as_of), as_of, buckets=buckets, basis=basis or "due", by=by or "customer",
        measure=measure or "amount", customers=optional_range(customers),
    )  # fmt: skip
    return cellio.table(table)


@udf.func(category=CATEGORY)
@udf.arg("ledger", ndim=2, err_to_str=True, doc=LEDGER_DOC)
@udf.arg("as_of", doc=AS_OF_DOC)
@one_line_errors
def AR_OPEN(ledger, as_of):
    """Open items at a date: customer, invoice, dates, outstanding, days past due and bucket. Example: =AR_OPEN(A1:H500, DATE(2024,12,31))"""
    items = aging(aged_ledger(ledger, as_of), as_of, by="invoice")
    items = items.rename(columns={"days": "days_past_due"}).reset_index()
    return cellio.table(items)


@udf.func(category=CATEGORY)
@udf.arg("ledger", ndim=2, err_to_str=True, doc=LEDGER_DOC)
@one_line_errors
def AR_CHECK(ledger):
    """Data-health check of a ledger: one row per problem (row, column, value, problem), or OK (or the currencies, when several); reading notes (e.g. customer spellings merged) below. Example: =AR_CHECK(A1:H500)"""
    got = ledger_load(ledger)
    notes = [f"note: {note}" for note in got.notes]
    if got.problems.empty:
        found = ledger_currencies(got.ledger)  # several currencies: never a plain OK
        first = f"{len(found)} currencies ({', '.join(found)}): see the note" if found[1:] else "OK"
        return [[first], *([note] for note in notes)] if notes else first
    table = cellio.table(got.problems)
    return [*table, *([None] * (len(table[0]) - 1) + [note] for note in notes)]


# --- days and buckets ------------------------------------------------------------------------
@udf.func(category=CATEGORY)
@udf.arg("due_date", doc="A due date, or a column of due dates.")
@udf.arg("as_of", doc=AS_OF_DOC)
@one_line_errors
def AR_DPD(due_date, as_of):
    """Days past due (as_of - due date; 0 = due today, negative = not yet due) of a date or a column. Example: =AR_DPD(D2, DATE(2024,12,31))"""
    stamps, header = cellio.date_cells(due_date, "due_date")
    days: list[Any] = list(days_between(stamps, as_of))
    if header:
        days[0] = "days_past_due"
    return cellio.reshape_like(days, due_date)


@udf.func(category=CATEGORY)
@udf.arg("days_past_due", doc="Days past due: a number or a column of numbers.")
@udf.arg("buckets", doc='Bucket edges in days: "30,60,90" (default) or a range of numbers.')
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


# --- statement of account ---------------------------------------------------------------------
@udf.func(category=CATEGORY)
@udf.arg("ledger", ndim=2, err_to_str=True, doc=LEDGER_DOC)
@udf.arg("customer", doc="Customer name as in the ledger (case, dots and extra spaces ignored).")
@udf.arg("from_date", doc="First day of the period: a date cell, DATE(2024,12,1) or a serial.")
@udf.arg("to_date", doc="Last day of the period (the closing balance and aging date).")
@udf.arg("lang", doc='Language of the labels: "id" (default, Bahasa Indonesia) or "en".')
@udf.arg("buckets", doc='Aging strip bucket edges in days: "30,60,90" (default).')
@udf.arg("currency", doc="Currency code, for a customer owing in several currencies.")
@one_line_errors
def AR_STATEMENT(ledger, customer, from_date, to_date, lang="id", buckets=None, currency=None):
    """Statement of account of one customer: opening balance, invoices, credit notes and payments in date order with a running balance, closing balance, aging strip. Example: =AR_STATEMENT(A1:H500, "PT Maju", DATE(2024,12,1), DATE(2024,12,31))"""
    language = choose(lang, ("id", "en"), "lang", "id")
    statement = account_statement(
        aged_ledger(ledger, to_date), cell_text(customer), from_date, to_date,
        buckets=buckets, currency=cell_text(currency),
    )  # fmt: skip
    return [[cellio.cell_value(v) for v in row] for row in statement_rows(statement, language)]


errors_as_text(globals())  # every argument: error cells as text
