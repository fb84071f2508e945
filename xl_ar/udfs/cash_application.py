"""Worksheet function for cash application and customer statement reconciliation."""

from __future__ import annotations

from xl_ar.core import reconcile, split_mapping_row
from xl_ar.udfs import cellio
from xl_ar.udfs import registry as udf
from xl_ar.udfs.support import CATEGORY, LEDGER_DOC, errors_as_text, one_line_errors

__all__ = ["AR_RECONCILE"]


@udf.func(category=CATEGORY)
@udf.arg("invoices", ndim=2, err_to_str=True, doc=LEDGER_DOC)
@udf.arg(
    "payments",
    ndim=2,
    err_to_str=True,
    doc="Payments with a header row: payment id/reference, date, amount, optional customer and memo; or the customer's statement (mode statement).",
)
@udf.arg(
    "tolerance",
    doc='Write-off tolerance: an amount (default 0.005) or a percentage typed as text, e.g. "2%".',
)
@udf.arg(
    "mode",
    doc='"payments" (default: cash application) or "statement" (customer statement reconciliation).',
)
@one_line_errors
def AR_RECONCILE(invoices, payments, tolerance=0.005, mode="payments"):
    """Match payments to open invoices (reference, exact, combination, FIFO) with the rule for every match. Example: =AR_RECONCILE(A1:H500, Bank!A1:E200, "1%")"""
    tol = 0.005 if tolerance is None or tolerance == "" else tolerance
    columns, rows = split_mapping_row(invoices) if isinstance(invoices, list) else ({}, invoices)
    result = reconcile(
        rows, payments, tolerance=tol, mode=mode or "payments", columns=columns or None,
        first_row=2 if columns else 1,
    )  # fmt: skip
    return cellio.table(result.table)


errors_as_text(globals())  # every argument: error cells as text
