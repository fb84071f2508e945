"""What an aging at a date leaves out, with count and amount: nothing disappears without a note.

An aging at ``as_of`` (:func:`xl_ar.core.position.aging.aging`) takes the items open at that
date. Rows of the ledger it cannot take are left out, and :func:`left_out` says which, so the
command line, the worksheet functions and the report's data-health sheet can say so:

* documents **dated after** ``as_of`` (invoices, credit notes, unapplied cash: each its own
  line): not yet issued at that date;
* rows **without a document date** or **without an amount** (only in a ledger read leniently:
  a strict read refuses them).

Subtotal and total rows are left out while reading (a reading note of
:mod:`xl_ar.core.ledger.layout` lists them); the aging's numbers do not change.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.options import as_date
from xl_ar.core.base.text import amount_text
from xl_ar.core.ledger.ledger import ensure_ledger

__all__ = ["LEFT_OUT_COLUMNS", "left_out", "left_out_notes", "unread_rows"]

LEFT_OUT_COLUMNS = ("what", "rows", "count", "amount", "note_id", "note_en")

#: doc_type → (Indonesian singular, English singular, English plural).
_DOCS = {
    s.DOC_INVOICE: ("faktur", "invoice", "invoices"),
    s.DOC_CREDIT_NOTE: ("nota kredit", "credit note", "credit notes"),
    s.DOC_PAYMENT: ("pembayaran belum dialokasikan", "unapplied payment", "unapplied payments"),
}


def left_out(ledger: Any, as_of: Any) -> pd.DataFrame:
    """The rows an aging at ``as_of`` leaves out, one line per reason, with count and amount.

    Parameters
    ----------
    ledger : canonical ledger, or anything :func:`~xl_ar.core.ledger.ledger.read_ledger` reads
    as_of : date-like

    Returns
    -------
    pandas.DataFrame
        Columns ``what`` (``'after_as_of'``, ``'no_date'``, ``'no_amount'``), ``rows`` (the
        ledger's row numbers), ``count``, ``amount`` (signed sum, NaN for rows without an
        amount), ``note_id`` and ``note_en`` (one line each). Empty when nothing is left out.

    Examples
    --------
    >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount"],
    ...         ["A", "2024-03-01", "2024-03-31", 100], ["B", "2024-04-13", "2024-05-13", 50]]
    >>> got = left_out(rows, "2024-03-31")
    >>> got["note_en"].tolist(), got["rows"].tolist()
    (['1 invoice dated after the as-of date left out (50)'], [[3]])
    >>> got["note_id"].iloc[0]
    '1 faktur bertanggal setelah tanggal laporan tidak dihitung (50)'
    """
    led = ensure_ledger(ledger)
    day = as_date(as_of).to_datetime64()
    date = led[s.INVOICE_DATE].to_numpy()
    amount = led[s.AMOUNT].to_numpy(dtype="float64")
    kind = led[s.DOC_TYPE].to_numpy(dtype=object)
    no_amount = np.isnan(amount)
    no_date = np.isnat(date) & ~no_amount
    later = ~np.isnat(date) & (date > day) & ~no_amount
    lines = []
    for doc, (word_id, one, many) in _DOCS.items():
        mask = later & (kind == doc)
        if mask.any():
            n = int(mask.sum())
            total = float(amount[mask].sum())
            lines.append(_line("after_as_of", led.index[mask], total, (
                f"{n} {word_id} bertanggal setelah tanggal laporan tidak dihitung",
                f"{n} {one if n == 1 else many} dated after the as-of date left out",
            )))  # fmt: skip
    return pd.DataFrame([*lines, *_unread(led, no_date, no_amount)], columns=list(LEFT_OUT_COLUMNS))


def unread_rows(ledger: Any) -> pd.DataFrame:
    """The rows no aging can take, at any date: no document date, or no amount.

    Only a ledger read leniently has them; the lines are :func:`left_out`'s.

    Examples
    --------
    >>> from xl_ar.core.ledger.ledger import load_ledger
    >>> got = load_ledger([["Customer", "Invoice Date", "Due Date", "Amount"],
    ...                    ["A", "2024-03-01", "2024-03-31", None]]).ledger
    >>> unread_rows(got)[["rows", "note_en"]].values.tolist()
    [[[2], '1 row without an amount left out']]
    """
    led = ensure_ledger(ledger)
    no_amount = np.isnan(led[s.AMOUNT].to_numpy(dtype="float64"))
    no_date = np.isnat(led[s.INVOICE_DATE].to_numpy()) & ~no_amount
    return pd.DataFrame(_unread(led, no_date, no_amount), columns=list(LEFT_OUT_COLUMNS))


def _unread(led: pd.DataFrame, no_date: np.ndarray, no_amount: np.ndarray) -> list[dict]:
    lines = []
    amount = led[s.AMOUNT].to_numpy(dtype="float64")
    if no_date.any():
        n = int(no_date.sum())
        lines.append(_line("no_date", led.index[no_date], float(amount[no_date].sum()), (
            f"{n} baris tanpa tanggal dokumen tidak dihitung",
            f"{n} row{'s' if n != 1 else ''} without a document date left out",
        )))  # fmt: skip
    if no_amount.any():
        n = int(no_amount.sum())
        lines.append(_line("no_amount", led.index[no_amount], float("nan"), (
            f"{n} baris tanpa jumlah tidak dihitung",
            f"{n} row{'s' if n != 1 else ''} without an amount left out",
        )))  # fmt: skip
    return lines


def left_out_notes(ledger: Any, as_of: Any, lang: str = "en") -> list[str]:
    """The lines of :func:`left_out` in one language (``"en"`` or ``"id"``).

    Examples
    --------
    >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount"],
    ...         ["A", "2024-03-01", "2024-03-31", 100], ["B", "2024-04-13", "2024-05-13", 50]]
    >>> left_out_notes(rows, "2024-03-31", "id"), left_out_notes(rows, "2024-04-30")
    (['1 faktur bertanggal setelah tanggal laporan tidak dihitung (50)'], [])
    """
    got = left_out(ledger, as_of)
    return got["note_en" if lang == "en" else "note_id"].tolist()


def _line(what: str, rows: pd.Index, total: float, notes: tuple[str, str]) -> dict[str, Any]:
    count = len(rows)
    if np.isnan(total):
        shown = notes
    else:
        shown = (f"{notes[0]} ({amount_text(total, 'id')})", f"{notes[1]} ({amount_text(total)})")
    return {"what": what, "rows": [int(r) for r in rows], "count": count, "amount": total,
            "note_id": shown[0], "note_en": shown[1]}  # fmt: skip
