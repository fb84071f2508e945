"""Worksheet function for cash application and customer statement reconciliation."""

from __future__ import annotations

from xl_ar.core import (
    choose,
    quote_excerpt,
    read_posting_settings,
    reconcile,
    split_mapping_row,
)
from xl_ar.errors import OptionError
from xl_ar.udfs import cellio
from xl_ar.udfs import registry as udf
from xl_ar.udfs.support import (
    CATEGORY,
    LEDGER_DOC,
    errors_as_text,
    one_line_errors,
    optional_range,
)

__all__ = ["AR_RECONCILE"]


def _flag(value: object, name: str) -> bool:
    """TRUE/FALSE (or 1/0) from a cell; blank is FALSE."""
    if value is None or value == "":
        return False
    if isinstance(value, bool) or value in (0, 1):
        return bool(value)
    raise OptionError(f"{name} must be TRUE or FALSE, not {quote_excerpt(value)}")


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
@udf.arg(
    "statement_sign",
    doc='Statement mode: "auto" (default: flipped when every matched line is exactly opposite), '
    '"ours" (invoices positive) or "theirs" (the customer\'s payables ledger, flipped).',
)
@udf.arg(
    "write_off_overpayments",
    doc="TRUE writes off an overpayment within the tolerance; FALSE (default) leaves it open "
    "for the customer as unapplied cash.",
)
@udf.arg(
    "bank",
    doc='"auto" (default: a bank statement range, title block included, is detected), "bca", '
    '"mandiri", "bri", "bni", "generic", or "payments" (read payments as a payments table).',
)
@udf.arg(
    "customers",
    ndim=2,
    err_to_str=True,
    doc="Optional customer master with its header row: virtual accounts (VA / Virtual Account) "
    "name the payer of a VA receipt, the Withholding column (PPh 23, PPh 22, WAPU, "
    "WAPU + PPh 22) settles invoices paid net of the tax withheld.",
)
@one_line_errors
def AR_RECONCILE(
    invoices, payments, tolerance=0.005, mode="payments", statement_sign="auto",
    write_off_overpayments=False, bank="auto", customers=None,
):  # fmt: skip
    """Match payments (or a bank statement's receipts) to open invoices (reference, exact, combination, FIFO) with the rule for every match. Example: =AR_RECONCILE(A1:H500, 'Mutasi Bank'!A1:E200, "1%", , , , , Customers!A1:F80)"""
    tol = 0.005 if tolerance is None or tolerance == "" else tolerance
    columns, rows = split_mapping_row(invoices) if isinstance(invoices, list) else ({}, invoices)
    chosen = _bank(bank)
    master = optional_range(customers)
    mode = mode or "payments"
    extra: dict = {} if chosen == "auto" else {"bank": chosen}
    if master is not None:
        extra["master"] = master
    if mode != "statement":  # the withholding and fee rules, as the command line's
        extra["tax"] = read_posting_settings().tax_rules(master)
    result = reconcile(
        rows, payments, tolerance=tol, mode=mode, columns=columns or None,
        first_row=2 if columns else 1, statement_sign=statement_sign or "auto",
        write_off_overpayments=_flag(write_off_overpayments, "write_off_overpayments"),
        **extra,
    )  # fmt: skip
    return cellio.table(result.table)


#: The ``bank`` argument's values (the statement readers' banks, auto and payments).
BANK_CHOICES = ("auto", "bca", "mandiri", "bri", "bni", "generic", "payments")


def _bank(value: object) -> str:
    """The ``bank`` argument: blank is ``auto``; anything else one of :data:`BANK_CHOICES`."""
    return choose(value, BANK_CHOICES, "bank", default="auto")


errors_as_text(globals())  # every argument: error cells as text
