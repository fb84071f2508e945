"""Canonical ledger columns and the result type shared by the cell parsers.

A *canonical ledger* is the DataFrame :func:`xl_ar.core.ledger.ledger.read_ledger` returns. Its index is
named ``row`` and holds the row number as the user sees it (header on row 1 means the first
invoice is row 2). It always has these columns, whatever the source called them:

===============  =================  ==========================================================
column           dtype              meaning
===============  =================  ==========================================================
customer         str                customer name or id (text, leading zeros kept)
invoice          str / NA           document number (text), NA when the source has none
doc_type         str                ``invoice`` | ``credit_note`` | ``payment`` (unapplied cash)
invoice_date     datetime64[ns]     document date
due_date         datetime64[ns]     due date (given, or invoice_date + terms)
terms_days       float64            payment terms in days (given, or due − invoice date)
amount           float64            signed amount: credit notes and unapplied cash are negative
paid             float64            signed amount paid/applied so far (0 when unknown)
payment_date     datetime64[ns]     date of the (last) payment; NaT when unpaid or undated
balance          float64            amount − paid at the ledger's own date
disputed         bool               the customer disputes the invoice
currency         str / NA           currency code when the source has one
===============  =================  ==========================================================

Unknown source columns are kept after these, under their original headers.

Optional columns, present only when the source has them (:data:`TAX_COLUMNS`; code reading
them treats an absent column as NaN):

===============  =================  ==========================================================
tax_base         float64            the tax base (DPP): the price before PPN, NaN where blank
vat              float64            the PPN (VAT) on the invoice, NaN where blank
===============  =================  ==========================================================
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

__all__ = [
    "AMOUNT",
    "BALANCE",
    "CANONICAL",
    "CURRENCY",
    "CUSTOMER",
    "DATE_COLUMNS",
    "DISPUTED",
    "DOC_CREDIT_NOTE",
    "DOC_INVOICE",
    "DOC_PAYMENT",
    "DOC_TYPE",
    "DUE_DATE",
    "HEADERS_ATTR",
    "INVOICE",
    "INVOICE_DATE",
    "MONEY_COLUMNS",
    "PAID",
    "PAYMENT_DATE",
    "PROBLEM_COLUMNS",
    "ROW",
    "TAX_BASE",
    "TAX_COLUMNS",
    "TERMS",
    "VAT",
    "ParsedColumn",
]

CUSTOMER = "customer"
INVOICE = "invoice"
DOC_TYPE = "doc_type"
INVOICE_DATE = "invoice_date"
DUE_DATE = "due_date"
TERMS = "terms_days"
AMOUNT = "amount"
PAID = "paid"
PAYMENT_DATE = "payment_date"
BALANCE = "balance"
DISPUTED = "disputed"
CURRENCY = "currency"

CANONICAL = (
    CUSTOMER,
    INVOICE,
    DOC_TYPE,
    INVOICE_DATE,
    DUE_DATE,
    TERMS,
    AMOUNT,
    PAID,
    PAYMENT_DATE,
    BALANCE,
    DISPUTED,
    CURRENCY,
)
#: Optional columns (not in :data:`CANONICAL`: a ledger without them is still canonical).
TAX_BASE = "tax_base"
VAT = "vat"
TAX_COLUMNS = (TAX_BASE, VAT)
DATE_COLUMNS = (INVOICE_DATE, DUE_DATE, PAYMENT_DATE)
MONEY_COLUMNS = (AMOUNT, PAID, BALANCE)

DOC_INVOICE = "invoice"
DOC_CREDIT_NOTE = "credit_note"
DOC_PAYMENT = "payment"

ROW = "row"  # index name: row number as the user numbers it
#: ``ledger.attrs`` key of a read ledger: canonical column -> the header the source gave it
#: (only the columns found), so a message can say "the 'No Faktur' column is empty".
HEADERS_ATTR = "xl_ar_headers"

PROBLEM_COLUMNS = ("row", "column", "value", "problem")


@dataclass(frozen=True)
class ParsedColumn:
    """A column of cells turned into typed values, with what went wrong per cell.

    Attributes
    ----------
    values : pandas.Series
        ``datetime64[ns]`` (dates) or ``float64`` (numbers), same index as the input;
        NaT/NaN where the cell was blank or could not be parsed.
    problems : pandas.Series
        ``object`` Series, same index: ``None`` where the cell is fine or blank, else a short
        phrase that reads after the cell value, e.g. ``"is not a date"``.
    note : str or None
        A finding about the column as a whole (e.g. it mixes real dates with text dates),
        or ``None``.
    """

    values: pd.Series
    problems: pd.Series
    note: str | None = None

    @property
    def bad(self) -> pd.Series:
        """Boolean mask of cells with a problem."""
        return self.problems.notna()
