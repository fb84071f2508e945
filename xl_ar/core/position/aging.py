"""Aging: open items spread over day buckets, per customer, in total or per invoice.

Bucket edges ``(30, 60, 90)`` on the due-date basis give Current (not yet due, or due today),
1-30, 31-60, 61-90 and >90 days past due; an age equal to an edge falls in the bucket that ends
there (30 → 1-30, 31 → 31-60). On the invoice-date basis there is no Current: 0-30, 31-60,
61-90, >90 days since the invoice.

Amounts in different currencies are never added: a ledger of several currencies is aged per
currency, with a ``currency`` column after the customer (first in ``by='total'``), customers
and a ``Total`` row per currency (currencies in code order); a single-currency ledger gives the
table without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.cells import finite_money
from xl_ar.core.base.options import as_buckets, choose
from xl_ar.core.ledger.currency import ledger_currencies
from xl_ar.core.ledger.customer_master import (
    BLANK_GROUP,
    BY_NOTE_ATTR,
    NOT_IN_MASTER,
    choose_by_column,
    group_labels,
)
from xl_ar.core.ledger.ledger import ensure_ledger
from xl_ar.core.ledger.problems import describe
from xl_ar.core.position.open_items import DEFAULT_TOLERANCE, days_between, open_items, open_mask
from xl_ar.errors import LedgerError, OptionError

__all__ = [
    "BASES",
    "GROUPINGS",
    "MEASURES",
    "TOTAL",
    "aging",
    "assign_buckets",
    "bucket_labels",
    "column_groups",
    "customer_codes",
]

BASES = ("due", "invoice")
GROUPINGS = ("customer", "total", "invoice")
MEASURES = ("amount", "count", "percent")
TOTAL = "Total"


def bucket_labels(buckets: Sequence[int] = (30, 60, 90), basis: str = "due") -> list[str]:
    """Column labels of the buckets.

    Examples
    --------
    >>> bucket_labels()
    ['Current', '1-30', '31-60', '61-90', '>90']
    >>> bucket_labels((15, 45), basis="invoice")
    ['0-15', '16-45', '>45']
    """
    edges = as_buckets(buckets)
    basis = choose(basis, BASES, "basis", "due")
    starts = [1, *(e + 1 for e in edges[:-1])]
    if basis == "invoice":
        starts[0] = 0
    labels = [f"{a}-{b}" for a, b in zip(starts, edges, strict=True)] + [f">{edges[-1]}"]
    return ["Current", *labels] if basis == "due" else labels


def assign_buckets(days: np.ndarray, buckets: Sequence[int] = (30, 60, 90), basis: str = "due"):
    """Bucket number of each age in days (0 = first label of :func:`bucket_labels`).

    Examples
    --------
    >>> assign_buckets(np.array([-5, 0, 1, 30, 31, 90, 91])).tolist()
    [0, 0, 1, 1, 2, 3, 4]
    >>> assign_buckets(np.array([0, 30, 31, 91]), basis="invoice").tolist()
    [0, 0, 1, 3]
    """
    edges = np.asarray(as_buckets(buckets), dtype=np.float64)
    days = np.asarray(days, dtype=np.float64)
    index = np.searchsorted(edges, days, side="left")
    if choose(basis, BASES, "basis", "due") == "due":
        index = np.where(days <= 0, 0, index + 1)
    return index.astype(np.int64)


def aging(
    ledger: Any,
    as_of: Any,
    *,
    buckets: Any = None,
    basis: str = "due",
    by: str = "customer",
    measure: str = "amount",
    include_disputed: bool = True,
    tolerance: float = DEFAULT_TOLERANCE,
    customers: Any = None,
) -> pd.DataFrame:
    """Age the receivables open at ``as_of``.

    Parameters
    ----------
    ledger : canonical ledger, or anything :func:`~xl_ar.core.ledger.ledger.read_ledger` reads
    as_of : date-like
    buckets : edges, default (30, 60, 90)
        Text ``"30,60,90"`` or numbers; whole days, increasing.
    basis : {'due', 'invoice'}, default 'due'
        Days past the due date, or days since the invoice date.
    by : {'customer', 'total', 'invoice'} or a column name, default 'customer'
        One row per customer (sorted by name) and a final ``Total`` row; one ``Total`` row;
        or one row per open item with its days and bucket. Any other text names a column
        to group by, as :func:`~xl_ar.core.ledger.customer_master.group_labels` reads it: a
        ledger column (``currency``, or a source column under its header, case and spaces
        ignored) or a customer-master column (``region``, ``salesperson``, ``collector``,
        ``group`` ... with ``customers``): one row per value (sorted; ``(blank)`` and
        ``(not in customer master)`` last, never dropped) and a ``Total`` row, the first
        column named after the column.
    measure : {'amount', 'count', 'percent'}, default 'amount'
        Outstanding amount, number of open items, or share of the total outstanding amount
        (a fraction; every cell divided by the grand total). ``by='invoice'`` takes 'amount'.
    include_disputed : bool, default True
    tolerance : float, default 0.005
    customers : customer master, optional
        The table :func:`~xl_ar.core.ledger.customer_master.read_customer_master` reads;
        needed to group by one of its columns.

    Returns
    -------
    pandas.DataFrame
        ``by='customer'``: columns ``customer``, one per bucket label, ``Total``.
        ``by='total'``: the bucket columns and ``Total``, one row.
        ``by='invoice'``: ``customer, invoice, invoice_date, due_date, outstanding, days``
        (days past due, or age on the invoice basis) and ``bucket``; index = ledger row.
        A ledger of several currencies adds a ``currency`` column and ages each currency
        on its own: per customer and currency, a ``Total`` row per currency, no total
        across currencies (``percent``: shares of the currency's total).

    Examples
    --------
    >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount"],
    ...         ["A", "2024-01-01", "2024-01-31", 100], ["B", "2024-03-01", "2024-03-31", 50]]
    >>> aging(rows, "2024-03-31")
      customer  Current  1-30  31-60  61-90  >90  Total
    0        A      0.0   0.0  100.0    0.0  0.0  100.0
    1        B     50.0   0.0    0.0    0.0  0.0   50.0
    2    Total     50.0   0.0  100.0    0.0  0.0  150.0
    >>> aging(rows, "2024-03-31", by="region", buckets="30", customers=[["Customer", "Region"],
    ...       ["a", "North"]])
                         region  Current  1-30    >30  Total
    0                     North      0.0   0.0  100.0  100.0
    1  (not in customer master)     50.0   0.0    0.0   50.0
    2                     Total     50.0   0.0  100.0  150.0
    """
    edges = as_buckets(buckets)
    basis = choose(basis, BASES, "basis", "due")
    measure = choose(measure, MEASURES, "measure", "amount")
    led = ensure_ledger(ledger)
    groups, note = None, None
    if by is not None and str(by).strip().lower() not in ("", *GROUPINGS):
        groups = column_groups(led, by, customers)
        note = choose_by_column(led, by, customers).note
        by = "total" if groups[2] == s.CURRENCY and len(ledger_currencies(led)) > 1 else "column"
    else:
        by = choose(by, GROUPINGS, "by", "customer")
    labels = bucket_labels(edges, basis)
    if by == "invoice":
        if measure != "amount":
            raise OptionError("measure must be 'amount' when by is 'invoice'")
        items = open_items(led, as_of, include_disputed=include_disputed, tolerance=tolerance)
        days = items["days_past_due" if basis == "due" else "age_days"].to_numpy()
        _require_dates(items.index, days, basis)
        bucket = assign_buckets(days, edges, basis)
        out = _by_invoice(items, days, np.asarray(labels, dtype=object)[bucket])
        if len(ledger_currencies(led)) > 1:
            out.insert(1, s.CURRENCY, _currency_labels(items[s.CURRENCY]))
        return out
    keep, outstanding = open_mask(
        led, as_of, include_disputed=include_disputed, tolerance=tolerance
    )
    dates = led[s.DUE_DATE if basis == "due" else s.INVOICE_DATE].to_numpy()[keep]
    days = days_between(dates, as_of)
    _require_dates(led.index[keep], days, basis)
    bucket = assign_buckets(days, edges, basis)
    values = outstanding[keep] if measure != "count" else np.ones(int(keep.sum()))
    if groups is None:
        codes, names = customer_codes(led[s.CUSTOMER])
        groups = (codes, names, s.CUSTOMER)
    if len(ledger_currencies(led)) > 1:
        out = _per_currency(led, keep, bucket, values, labels, by, measure, groups)
        return _with_note(out, note)
    if by == "total":
        table = _spread(np.zeros(len(values), dtype=np.int64), bucket, values, 1, len(labels))
        out = pd.DataFrame(table, columns=labels)
    else:
        codes, names, head = groups
        table = _spread(codes[keep], bucket, values, len(names), len(labels))
        seen = np.bincount(codes[keep], minlength=len(names)) > 0
        table = table[seen]
        table = np.vstack([table, table.sum(axis=0)])
        out = pd.DataFrame(table, columns=labels)
        out.insert(0, head, [*np.asarray(names, dtype=object)[seen], TOTAL])
    out[TOTAL] = out[labels].sum(axis=1)
    finite_money(out, [*labels, TOTAL])  # before percent: inf / inf would hide as NaN
    if measure == "percent":
        grand = float(values.sum())
        cols = [*labels, TOTAL]
        out[cols] = out[cols] / grand if grand else 0.0
    if measure == "count":
        out[[*labels, TOTAL]] = out[[*labels, TOTAL]].astype(np.int64)
    return _with_note(out, note)


def _with_note(out: pd.DataFrame, note: tuple[str, str] | None) -> pd.DataFrame:
    """``out`` with the (Indonesian, English) note on the grouping column in its attrs."""
    if note is not None:
        out.attrs[BY_NOTE_ATTR] = note
    return out


#: Groups shown after the others, in this order.
_LAST_GROUPS = (BLANK_GROUP[1], NOT_IN_MASTER[1])


def column_groups(
    led: pd.DataFrame, by: object, customers: Any
) -> tuple[np.ndarray, pd.Index, str]:
    """Codes per ledger row, group names (sorted, the special groups last) and the column."""
    column, labels = group_labels(led, by, customers)
    uniques = pd.unique(labels.to_numpy(dtype=object))
    order = sorted(uniques, key=lambda v: (v in _LAST_GROUPS, _LAST_GROUPS.index(v)
                                           if v in _LAST_GROUPS else 0, str(v).casefold(), v))  # fmt: skip
    names = pd.Index(order, dtype=object)
    return names.get_indexer(labels.to_numpy(dtype=object)).astype(np.int64), names, column


def _currency_labels(codes: pd.Series) -> np.ndarray:
    """Currency codes as text; a row without one (read leniently) shows ``unknown``."""
    return codes.astype(object).where(codes.notna(), "unknown").to_numpy(dtype=object)


def _per_currency(
    led: pd.DataFrame, keep: np.ndarray, bucket: np.ndarray, values: np.ndarray,
    labels: list[str], by: str, measure: str, groups: tuple[np.ndarray, pd.Index, str],
) -> pd.DataFrame:  # fmt: skip
    """The aging of a ledger in several currencies: each currency on its own, never added."""
    cur_codes, currencies = pd.factorize(_currency_labels(led[s.CURRENCY]), sort=True)
    cur = cur_codes.astype(np.int64)[keep]
    ncur, ncols = len(currencies), len(labels)
    if by == "total":
        table = _spread(cur, bucket, values, ncur, ncols)
        out = pd.DataFrame(table, columns=labels)
        out.insert(0, s.CURRENCY, np.asarray(currencies, dtype=object))
    else:
        codes, customers, head = groups
        ncust = len(customers)
        grid = _spread(cur * ncust + codes[keep], bucket, values, ncur * ncust, ncols)
        seen = np.bincount(cur * ncust + codes[keep], minlength=ncur * ncust) > 0
        names = np.asarray(customers, dtype=object)
        blocks, rows_customer, rows_currency = [], [], []
        for k, code in enumerate(currencies):  # one block per currency (a handful)
            part = slice(k * ncust, (k + 1) * ncust)
            block = grid[part][seen[part]]
            blocks += [block, block.sum(axis=0, keepdims=True)]
            rows_customer += [*names[seen[part]], TOTAL]
            rows_currency += [code] * (len(block) + 1)
        out = pd.DataFrame(np.vstack(blocks), columns=labels)
        out.insert(0, head, rows_customer)
        out.insert(1, s.CURRENCY, rows_currency)
    out[TOTAL] = out[labels].sum(axis=1)
    finite_money(out, [*labels, TOTAL])
    cols = [*labels, TOTAL]
    if measure == "percent":
        grand = pd.Series(np.bincount(cur, weights=values, minlength=ncur), index=currencies)
        per_row = out[s.CURRENCY].map(grand).to_numpy(dtype=float)
        safe = np.where(per_row != 0, per_row, 1.0)
        out[cols] = np.where(per_row[:, None] != 0, out[cols].to_numpy() / safe[:, None], 0.0)
    if measure == "count":
        out[cols] = out[cols].astype(np.int64)
    return out


def _spread(codes: np.ndarray, bucket: np.ndarray, values: np.ndarray, rows: int, cols: int):
    """Sum ``values`` into a rows × cols grid (one bincount, no Python loop)."""
    flat = np.bincount(codes * cols + bucket, weights=values, minlength=rows * cols)
    return flat.reshape(rows, cols)


def _by_invoice(items: pd.DataFrame, days: np.ndarray, labels: np.ndarray) -> pd.DataFrame:
    out = items[[s.CUSTOMER, s.INVOICE, s.INVOICE_DATE, s.DUE_DATE, "outstanding"]].copy()
    out["days"] = days
    out["bucket"] = labels
    return out


def customer_codes(customers: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Integer code per row and the sorted customer names (free for a categorical column)."""
    if isinstance(customers.dtype, pd.CategoricalDtype) and customers.cat.ordered is False:
        cats = customers.cat.categories
        if cats.is_monotonic_increasing:
            return customers.cat.codes.to_numpy(dtype=np.int64), cats
    codes, uniques = pd.factorize(customers, sort=True)
    return codes.astype(np.int64), pd.Index(uniques)


def _require_dates(index: pd.Index, days: np.ndarray, basis: str) -> None:
    missing = np.isnan(days)
    if missing.any():
        column = s.DUE_DATE if basis == "due" else s.INVOICE_DATE
        rows = index[missing]
        problems = pd.DataFrame(
            {"row": rows, "column": column, "value": "", "problem": "is needed to age this item"}
        )
        raise LedgerError(describe(problems), problems)
