"""Worksheet function for cash application and statement reconciliation (re-exported by xl_ar.udfs)."""

from __future__ import annotations

import xlwings as xw

from xl_ar import cellio
from xl_ar.core.cash_application.reconcile import reconcile
from xl_ar.udf_support import CATEGORY, LEDGER_DOC, errors_as_text, one_line_errors


@xw.func(category=CATEGORY)
@xw.arg("invoices", ndim=2, err_to_str=True, doc=LEDGER_DOC)
@xw.arg(
    "payments",
    ndim=2,
    err_to_str=True,
    doc="Payments with a header row: payment id/reference, date, amount, optional customer and memo; or the customer's statement (mode statement).",
)
@xw.arg(
    "tolerance",
    doc='Write-off tolerance: an amount (default 0.005) or a percentage typed as text, e.g. "2%".',
)
@xw.arg(
    "mode",
    doc='"payments" (default: cash application) or "statement" (customer statement reconciliation).',
)
@one_line_errors
def AR_RECONCILE(invoices, payments, tolerance=0.005, mode="payments"):
    """Match payments to open invoices (reference, exact, combination, FIFO) with the rule for every match. Example: =AR_RECONCILE(A1:H500, Bank!A1:E200, "1%")"""
    tol = 0.005 if tolerance is None or tolerance == "" else tolerance
    result = reconcile(invoices, payments, tolerance=tol, mode=mode or "payments")
    return cellio.table(result.table)


errors_as_text(globals())  # every argument: error cells as text (see xl_ar.udf_support)
