"""Balance confirmations (*konfirmasi piutang*): each chosen customer's open balance at a date
and the open items behind it, as an auditor's confirmation letter states them.

The balance is the open AR at ``as_of`` computed with the same open-items function the aging
uses (:func:`~xl_ar.core.position.open_items.open_items`, disputed items included: the
customer is asked to confirm what the books say), so a customer's balance equals its aging
total. Customers are chosen by name through
:func:`~xl_ar.core.base.customers.customer_key` (``"pt maju"`` finds ``PT. Maju``); by
default every customer with a balance other than zero; ``largest=N`` keeps the N largest
balances, as an auditor samples. The letters themselves (positive: the customer replies to
the auditor, agreeing or stating differences; negative: the customer replies only when it
disagrees) are Word documents made by :mod:`xl_ar.documents`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.cells import cell_text, quote_excerpt
from xl_ar.core.base.customers import customer_key, customer_keys
from xl_ar.core.base.options import as_date
from xl_ar.core.ledger.ledger import ensure_ledger
from xl_ar.core.position.open_items import DEFAULT_TOLERANCE, open_items
from xl_ar.errors import OptionError, XlArError

__all__ = ["CONFIRMATION_FORMS", "Confirmation", "balance_confirmations"]

#: The two forms auditors use.
CONFIRMATION_FORMS = ("positive", "negative")

_ITEM_COLUMNS = ["document", "kind", "date", "due_date", "amount", "open"]


@dataclass(frozen=True)
class Confirmation:
    """One customer's balance at ``as_of``: ``customer`` (ledger spelling), ``balance`` (open
    AR, as the aging total), ``currency`` (None: the ledger has none) and ``items`` (the open
    documents: ``document, kind, date, due_date, amount, open``, oldest first)."""

    customer: str
    as_of: pd.Timestamp
    balance: float
    currency: str | None
    items: pd.DataFrame


def _chosen(keys: np.ndarray, names: pd.Series, customers: Iterable[Any]) -> list[str]:
    """The keys of the customers asked for, in the order given; an unknown name raises."""
    known = {k: n for k, n in zip(keys, names, strict=True) if k is not None}
    out: list[str] = []
    for name in customers:
        text = cell_text(name)
        key = customer_key(text) if text else None
        if key is None:
            raise XlArError("a customer to confirm is blank: give names as in the ledger")
        if key not in known:
            close = difflib.get_close_matches(text, sorted(set(known.values())), n=1)
            hint = f" (did you mean {quote_excerpt(close[0])}?)" if close else ""
            raise XlArError(
                f"customer {quote_excerpt(text)} has no open balance in the ledger{hint}"
            )
        if key not in out:
            out.append(key)
    return out


def balance_confirmations(
    ledger: Any,
    as_of: Any,
    *,
    customers: Iterable[Any] | None = None,
    largest: int | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
) -> list[Confirmation]:
    """The balance to confirm, and its open items, for each chosen customer at ``as_of``.

    Parameters
    ----------
    ledger : canonical ledger or anything :func:`~xl_ar.core.ledger.ledger.read_ledger` reads
    as_of : date-like
        The confirmation date (usually the audited year-end).
    customers : iterable of str, optional
        Names as in the ledger (matched by customer key); default every customer whose
        balance is not zero.
    largest : int, optional
        Keep the ``largest`` customers by balance (largest first).
    tolerance : float
        Outstanding amounts within this of zero are settled.

    Returns
    -------
    list of Confirmation
        Largest balance first (or in the order ``customers`` names them).

    Examples
    --------
    >>> led = [["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"],
    ...        ["PT Maju", "F-1", "2024-10-01", "2024-10-31", 1500000.0],
    ...        ["PT Maju", "F-2", "2024-11-01", "2024-12-01", 500000.0],
    ...        ["CV Baru", "F-3", "2024-12-01", "2024-12-27", 250000.0]]
    >>> [(c.customer, c.balance) for c in balance_confirmations(led, "2024-12-31")]
    [('PT Maju', 2000000.0), ('CV Baru', 250000.0)]
    >>> got = balance_confirmations(led, "2024-12-31", customers=["cv baru"])
    >>> got[0].items[["document", "open"]].values.tolist()
    [['F-3', 250000.0]]
    >>> [c.customer for c in balance_confirmations(led, "2024-12-31", largest=1)]
    ['PT Maju']
    """
    if largest is not None and (
        isinstance(largest, bool) or not isinstance(largest, int | np.integer) or largest < 1
    ):
        raise OptionError(f"largest must be a whole number of customers from 1, not {largest!r}")
    led = ensure_ledger(ledger)
    day = as_date(as_of, "as_of")
    items = open_items(led, day, include_disputed=True, tolerance=tolerance)
    keys = customer_keys(items[s.CUSTOMER])
    items = items.assign(_key=keys)[pd.notna(keys)]
    totals = items.groupby("_key", sort=False)["outstanding"].sum()
    names = items.groupby("_key", sort=False)[s.CUSTOMER].first()
    if customers is not None:
        order = _chosen(names.index.to_numpy(), names, customers)
    else:
        keep = totals[totals.abs() > tolerance]
        order = keep.sort_values(ascending=False, kind="mergesort").index.tolist()
    if largest is not None:
        order = sorted(order, key=lambda k: -float(totals[k]))[:largest]
    out = []
    for key in order:
        mine = items[items["_key"] == key].sort_values(
            [s.INVOICE_DATE, s.DUE_DATE], kind="mergesort"
        )
        currencies = sorted({c for c in mine[s.CURRENCY] if isinstance(c, str) and c})
        if len(currencies) > 1:
            raise XlArError(
                f"customer {quote_excerpt(names[key])} owes in several currencies "
                f"({', '.join(currencies)}): a confirmation states one balance"
            )
        table = pd.DataFrame(
            {
                "document": mine[s.INVOICE].astype(object).to_numpy(),
                "kind": mine[s.DOC_TYPE].astype(object).to_numpy(),
                "date": mine[s.INVOICE_DATE].to_numpy(),
                "due_date": mine[s.DUE_DATE].to_numpy(),
                "amount": mine[s.AMOUNT].to_numpy(dtype=float),
                "open": mine["outstanding"].to_numpy(dtype=float),
            },
            columns=_ITEM_COLUMNS,
        )
        balance = round(float(totals[key]), 2)
        out.append(
            Confirmation(
                str(names[key]), day, balance, currencies[0] if currencies else None, table
            )
        )
    return out
