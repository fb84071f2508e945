"""Month-over-month aging: how the aging moved between two dates, and why.

Between a ``previous`` and a ``current`` date (``previous`` before ``current``):

* **per bucket** — the amount at each date (the aging's totals, :func:`~xl_ar.core.position.aging.aging`)
  and the movement (current − previous);
* **the bridge** — previous total + new invoices (documents with a positive amount dated in
  the period) + credits (credit notes and unapplied cash dated in the period, negative)
  − collected (the paid amounts applied in the period: a payment counts from its date, or the
  document's date when it was paid before it or has no date) = current total, to the cent;
* **overdue** — overdue at previous; *cured*: overdue then, and paid or no longer overdue now
  (at the amount they had then); *partly collected*: still overdue, the reduction; *new
  overdue*: overdue now and not then (at today's amount, new invoices included); overdue at
  current. Overdue at previous − cured − partly collected + new overdue = overdue at current.

Amounts within the tolerance of zero are settled, as in the aging; if that rounds anything
away, a ``settled within tolerance`` line says how much (it is 0 on ledgers in cents).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.options import as_buckets, as_date, choose
from xl_ar.core.ledger.currency import require_one_currency
from xl_ar.core.ledger.ledger import ensure_ledger
from xl_ar.core.position.aging import BASES, TOTAL, assign_buckets, bucket_labels
from xl_ar.core.position.open_items import DEFAULT_TOLERANCE, days_between, open_mask
from xl_ar.errors import OptionError

__all__ = ["BRIDGE_LINES", "OVERDUE_LINES", "AgingMovement", "aging_movement"]

#: Lines of the bridge, in order.
BRIDGE_LINES = (
    "previous total", "new invoices", "credits", "collected", "settled within tolerance",
    "current total",
)  # fmt: skip
#: Lines of the overdue walk, in order.
OVERDUE_LINES = (
    "overdue at previous", "cured", "partly collected", "new overdue", "overdue at current",
)  # fmt: skip


@dataclass(frozen=True)
class AgingMovement:
    """The aging at two dates and what moved it (see the module).

    Attributes
    ----------
    previous, current : pandas.Timestamp
    buckets : pandas.DataFrame
        ``bucket, previous, current, movement``: one row per bucket label and a ``Total`` row.
    bridge : pandas.DataFrame
        ``line, amount`` over :data:`BRIDGE_LINES` (credits and collected signed as they act:
        credits negative, collected subtracted: shown negative).
    overdue : pandas.DataFrame
        ``line, amount, items`` over :data:`OVERDUE_LINES` (cured and partly collected
        shown negative).
    """

    previous: pd.Timestamp
    current: pd.Timestamp
    buckets: pd.DataFrame
    bridge: pd.DataFrame
    overdue: pd.DataFrame

    def line(self, name: str) -> float:
        """The amount of a bridge or overdue line.

        Examples
        --------
        >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount"], ["A", "2024-01-10", "2024-02-09", 300]]
        >>> aging_movement(rows, "2024-01-31", "2024-02-29").line("new overdue")
        300.0
        """
        for table in (self.bridge, self.overdue):
            hit = table.loc[table["line"] == name, "amount"]
            if len(hit):
                return float(hit.iloc[0])
        raise KeyError(name)


def aging_movement(
    ledger: Any,
    previous: Any,
    current: Any,
    *,
    buckets: Any = None,
    basis: str = "due",
    tolerance: float = DEFAULT_TOLERANCE,
) -> AgingMovement:
    """How the aging moved from ``previous`` to ``current`` (see the module).

    Examples
    --------
    >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"],
    ...         ["A", "2024-01-05", "2024-01-20", 100, 100, "2024-02-10"],
    ...         ["B", "2024-02-05", "2024-02-20", 40, 0, None]]
    >>> m = aging_movement(rows, "2024-01-31", "2024-02-29")
    >>> m.bridge.values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['previous total', 100.0], ['new invoices', 40.0], ['credits', 0.0], ['collected', -100.0],
     ['settled within tolerance', 0.0], ['current total', 40.0]]
    >>> m.overdue[["line", "amount"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['overdue at previous', 100.0], ['cured', -100.0], ['partly collected', 0.0],
     ['new overdue', 40.0], ['overdue at current', 40.0]]
    """
    led = ensure_ledger(ledger)
    require_one_currency(led, "the aging movement")
    before, after = as_date(previous, "previous"), as_date(current, "current")
    if not before < after:
        raise OptionError(
            f"the previous date ({before.date()}) must be before the current date ({after.date()})"
        )
    edges = as_buckets(buckets)
    basis = choose(basis, BASES, "basis", "due")
    labels = bucket_labels(edges, basis)
    keep_p, out_p = open_mask(led, before, tolerance=tolerance)
    keep_c, out_c = open_mask(led, after, tolerance=tolerance)
    out_p, out_c = np.where(keep_p, out_p, 0.0), np.where(keep_c, out_c, 0.0)
    dated = led[s.DUE_DATE if basis == "due" else s.INVOICE_DATE]
    days_p, days_c = days_between(dated, before), days_between(dated, after)
    table = pd.DataFrame(
        {
            "bucket": [*labels, TOTAL],
            "previous": _per_bucket(out_p, keep_p, days_p, edges, basis, len(labels)),
            "current": _per_bucket(out_c, keep_c, days_c, edges, basis, len(labels)),
        }
    )
    table["movement"] = table["current"] - table["previous"]
    return AgingMovement(
        before, after, table, _bridge(led, before, after, out_p, out_c),
        _overdue(out_p, out_c, keep_p & (days_p > 0), keep_c & (days_c > 0)),
    )  # fmt: skip


def _per_bucket(
    out: np.ndarray, keep: np.ndarray, days: np.ndarray, edges: Any, basis: str, n: int
) -> np.ndarray:
    bucket = assign_buckets(np.where(np.isnan(days), 0.0, days), edges, basis)
    sums = np.bincount(bucket[keep], weights=out[keep], minlength=n)
    return np.append(sums, sums.sum())


def _bridge(
    led: pd.DataFrame, before: pd.Timestamp, after: pd.Timestamp, out_p: np.ndarray,
    out_c: np.ndarray,
) -> pd.DataFrame:  # fmt: skip
    lo, hi = before.to_datetime64(), after.to_datetime64()
    inv = led[s.INVOICE_DATE].to_numpy()
    pay = led[s.PAYMENT_DATE].to_numpy()
    amount = led[s.AMOUNT].to_numpy(dtype=float)
    paid = led[s.PAID].to_numpy(dtype=float)
    new = (inv > lo) & (inv <= hi)
    applied = np.where(np.isnat(pay) | (pay < inv), inv, pay)  # when the paid amount counts
    in_period = (applied > lo) & (applied <= hi) & (inv <= hi)
    new_invoices = float(amount[new & (amount > 0)].sum())
    credits = float(amount[new & (amount <= 0)].sum())
    collected = float(paid[in_period].sum())
    start, end = float(out_p.sum()), float(out_c.sum())
    settled = end - (start + new_invoices + credits - collected)
    settled = 0.0 if abs(settled) < 5e-7 else settled  # float noise is not a line
    values = [start, new_invoices, credits, -collected, settled, end]
    return pd.DataFrame({"line": list(BRIDGE_LINES), "amount": values})


def _overdue(
    out_p: np.ndarray, out_c: np.ndarray, late_p: np.ndarray, late_c: np.ndarray
) -> pd.DataFrame:
    cured = late_p & ~late_c
    still = late_p & late_c
    new = late_c & ~late_p
    amounts = [
        out_p[late_p].sum(), -out_p[cured].sum(), (out_c[still] - out_p[still]).sum(),
        out_c[new].sum(), out_c[late_c].sum(),
    ]  # fmt: skip
    items = [late_p.sum(), cured.sum(), still.sum(), new.sum(), late_c.sum()]
    return pd.DataFrame(
        {"line": list(OVERDUE_LINES), "amount": np.asarray(amounts, dtype=float),
         "items": np.asarray(items, dtype=np.int64)}
    )  # fmt: skip
