"""Roll rates and loss rates from month-end aging snapshots of the ledger itself.

Method (the roll-rate, or migration, approach to a provision matrix):

1. **Snapshots.** The ledger is aged at every month end from the end of the month before
   ``from_date``'s month to the last month end on or before ``to_date`` (``from_date =
   2024-01-01``, ``to_date = 2024-12-31``: 31 Dec 2023, 31 Jan 2024, ..., 31 Dec 2024). Each
   pair of consecutive snapshots is one *period*, named by its later month (``2024-01`` is
   31 Dec 2023 -> 31 Jan 2024). Only invoices take part (credit notes and unapplied cash carry
   no credit risk); an invoice's state at a snapshot is its aging bucket (due-date basis, as
   :func:`xl_ar.core.position.aging.aging`), or *written off*, or closed.
2. **Written off.** The ledger has no write-off column, so an amount counts as written off
   once it is still open more than ``write_off_after_days`` past due (default 180: the
   "macet" threshold of Indonesian credit-quality rules). In the snapshots the last bucket
   (``>90``) therefore holds 91-180 days and the written-off amounts stand apart.
3. **Roll rate of bucket k** (every bucket but the last), per period = the balance at the later
   month end of the invoices that were in bucket k at the earlier one and have moved on to a
   later bucket (k + 1 or beyond: a 31-day month can carry an item two buckets on, or straight
   into written off), divided by bucket k's balance at the earlier month end. Amounts paid in
   the month, and amounts still in bucket k (Current invoices not yet due), do not roll.
4. **Last bucket.** It spans several months, so a one-month roll into written off would
   understate its loss. Of the last bucket's balance at a month end, a share ``w`` is written
   off by the next month end and a share ``s`` is still in the last bucket (still open, not yet
   written off); the roll rate to write-off is the share that is eventually written off,
   ``w / (1 - s)`` (what stays behaves the same way next month: ``w + s w + s^2 w + ...``).
5. **Average over the periods**: ``'weighted'`` (default) pools the periods, sum of rolled
   amounts / sum of bucket balances (for the last bucket ``W / (1 - S)`` with the pooled ``W``
   and ``S``), so a month with a tiny bucket balance cannot swing the rate; ``'simple'`` takes
   the plain mean of the periods' rates (periods where the bucket was empty are skipped).
6. **Loss rate of bucket k** = the product of the average roll rates from k to write-off.

A roll rate is NaN where the bucket never had a balance at a month end of the window; the loss
rates that need it are NaN too (a wider window, or explicit rates, is then needed).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.cells import number_value, quote_excerpt
from xl_ar.core.base.dates import check_series_span
from xl_ar.core.base.options import as_buckets, as_date, choose
from xl_ar.core.base.text import value_text
from xl_ar.core.ledger.currency import require_one_currency
from xl_ar.core.ledger.ledger import ensure_ledger
from xl_ar.core.position.aging import assign_buckets, bucket_labels
from xl_ar.core.position.open_items import DEFAULT_TOLERANCE, day_numbers, outstanding_on
from xl_ar.core.provisioning.ecl import ecl_from_ledger
from xl_ar.errors import OptionError, XlArError

__all__ = [
    "AVERAGES",
    "DEFAULT_WRITE_OFF_DAYS",
    "LossRates",
    "check_defined",
    "loss_rates",
    "month_ends",
    "write_off_days",
    "written_off_label",
]

DEFAULT_WRITE_OFF_DAYS = 180
AVERAGES = ("weighted", "simple")
TOTAL = "Total"


def written_off_label(days: int) -> str:
    """Name of the written-off state in the snapshot table.

    Examples
    --------
    >>> written_off_label(180)
    'written off (>180)'
    """
    return f"written off (>{days})"


@dataclass(frozen=True)
class LossRates:
    """Roll rates and loss rates estimated from month-end snapshots.

    Attributes
    ----------
    labels : list of str
        Aging bucket labels (due-date basis).
    edges : tuple of int
        Bucket edges.
    write_off_after_days : int
        Days past due after which an open amount counts as written off.
    average : str
        ``'weighted'`` or ``'simple'``.
    snapshots : pandas.DataFrame
        One row per month end (column ``month_end``): invoice balance per bucket (the last
        bucket stops at ``write_off_after_days``), written off, and Total.
    rolls : pandas.DataFrame
        Roll rate per bucket (rows, index = labels) and period (columns ``'2024-01'`` ...).
    roll_rates, loss_rates : pandas.Series
        Averaged roll rate and loss rate per bucket (index = labels).
    """

    labels: list[str]
    edges: tuple[int, ...]
    write_off_after_days: int
    average: str
    snapshots: pd.DataFrame
    rolls: pd.DataFrame
    roll_rates: pd.Series
    loss_rates: pd.Series

    @property
    def periods(self) -> list[str]:
        """The periods used (``'2024-01'`` = previous month end -> 31 Jan 2024)."""
        return [str(c) for c in self.rolls.columns]

    def table(self) -> pd.DataFrame:
        """One row per bucket: roll rate per period, average roll rate, loss rate.

        Examples
        --------
        >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount"],
        ...         ["A", "2024-01-01", "2024-01-31", 100.0]]
        >>> lr = loss_rates(rows, "2024-02-01", "2024-03-31")
        >>> lr.table()[["bucket", "2024-02", "2024-03", "roll_rate"]].head(2)
            bucket  2024-02  2024-03  roll_rate
        0  Current      1.0      NaN        1.0
        1     1-30      NaN      1.0        1.0
        """
        out = self.rolls.copy()
        out.insert(0, "bucket", self.labels)
        out["roll_rate"] = self.roll_rates.to_numpy()
        out["loss_rate"] = self.loss_rates.to_numpy()
        return out.reset_index(drop=True)

    def check_defined(self) -> None:
        """Raise a one-line error when a loss rate could not be estimated."""
        why = self.reason()
        if why is not None:
            raise XlArError(why[1])

    def reason(self) -> tuple[str, str] | None:
        """Why the loss rates cannot be estimated (Indonesian, English), or ``None``.

        Examples
        --------
        >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount"],
        ...         ["A", "2024-01-01", "2024-01-31", 100.0]]
        >>> loss_rates(rows, "2024-02-01", "2024-03-31").reason()[0][:60]
        'tingkat kerugian tidak dapat diestimasi: tidak ada roll rate'
        """
        empty = np.flatnonzero(np.isnan(self.roll_rates.to_numpy()))
        if not empty.size:
            return None
        shown = [quote_excerpt(self.labels[int(i)], 12) for i in empty[:3]]
        more = (f" dan {empty.size - 3} lainnya", f" and {empty.size - 3} more")
        names = [", ".join(shown) + (m if empty.size > 3 else "") for m in more]
        ends = self.snapshots["month_end"]
        first, last = ends.iloc[0].date(), ends.iloc[-2].date()
        when = (
            (f"akhir bulan {first}", f"the month end {first}")
            if first == last
            else (f"akhir bulan {first}..{last}", f"the month ends {first}..{last}")
        )
        return (
            f"tingkat kerugian tidak dapat diestimasi: tidak ada roll rate untuk {names[0]}: "
            f"tidak ada faktur di sana pada {when[0]} (atau tidak ada yang keluar dari kelompok "
            "terakhir); gunakan riwayat lebih panjang atau berikan tingkat kerugian",
            f"loss rates cannot be estimated: no roll rate for {names[1]}: no invoice there at "
            f"{when[1]} (or none left the last bucket); use a longer history or give loss rates",
        )

    def disclosure(self, ledger: Any, as_of: Any, *, forward_factor: Any = 1.0) -> pd.DataFrame:
        """Provision matrix of the ledger at ``as_of`` with these rates (see ``ecl_from_ledger``)."""
        return ecl_from_ledger(ledger, as_of, self, forward_factor=forward_factor)


def month_ends(from_date: Any, to_date: Any) -> list[pd.Timestamp]:
    """Snapshot dates: the month end before ``from_date``'s month up to ``to_date``.

    Examples
    --------
    >>> [str(d.date()) for d in month_ends("2024-01-15", "2024-03-30")]
    ['2023-12-31', '2024-01-31', '2024-02-29']
    """
    first = as_date(from_date, "from_date")
    last = as_date(to_date, "to_date")
    check_series_span(first, last, "from_date", "to_date", "M")
    start = (first.to_period("M") - 1).end_time.normalize()
    ends = pd.date_range(start, last, freq="ME")
    if len(ends) < 2:
        raise OptionError(
            f"from_date {first.date()} to to_date {last.date()} holds no whole month: roll "
            "rates need at least one month end to month end period"
        )
    return list(ends)


def write_off_days(value: Any, edges: tuple[int, ...]) -> int:
    """Validate ``write_off_after_days``: a whole number above the last bucket edge.

    Examples
    --------
    >>> write_off_days(None, (30, 60, 90)), write_off_days(365.0, (30, 60, 90))
    (180, 365)
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return DEFAULT_WRITE_OFF_DAYS
    number = number_value(value)
    if number is None:
        raise OptionError(f"write_off_after_days: {value_text(value)} is not a number of days")
    if not number.is_integer() or number <= edges[-1]:
        raise OptionError(
            f"write_off_after_days must be a whole number of days above the last bucket edge "
            f"{edges[-1]}, not {value_text(value)}"
        )
    return int(number)


def loss_rates(
    ledger: Any,
    from_date: Any,
    to_date: Any,
    *,
    buckets: Any = None,
    write_off_after_days: Any = None,
    average: str = "weighted",
    tolerance: float = DEFAULT_TOLERANCE,
) -> LossRates:
    """Roll rates between consecutive month-end agings and the loss rate per bucket.

    Parameters
    ----------
    ledger : canonical ledger, or anything :func:`~xl_ar.core.ledger.ledger.read_ledger` reads
    from_date, to_date : date-like
        The window: month ends from the one before ``from_date``'s month to ``to_date``; at
        most 100 years apart (:func:`~xl_ar.core.base.dates.check_series_span`).
    buckets : edges, default (30, 60, 90)
    write_off_after_days : int, default 180
        An amount still open this many days past due (and more) counts as written off.
    average : {'weighted', 'simple'}, default 'weighted'
        Pooled (balance-weighted) or plain mean of the periods' roll rates.
    tolerance : float, default 0.005

    Returns
    -------
    LossRates

    Examples
    --------
    One invoice of 100 due 31 Jan, 60 paid on 10 Mar, the rest never:

    >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"],
    ...         ["A", "2024-01-01", "2024-01-31", 100.0, 60.0, "2024-03-10"]]
    >>> lr = loss_rates(rows, "2024-01-01", "2024-05-31", buckets="30,60",
    ...                 write_off_after_days=100)
    >>> lr.snapshots
       month_end  Current   1-30  31-60   >60  written off (>100)  Total
    0 2023-12-31      0.0    0.0    0.0   0.0                 0.0    0.0
    1 2024-01-31    100.0    0.0    0.0   0.0                 0.0  100.0
    2 2024-02-29      0.0  100.0    0.0   0.0                 0.0  100.0
    3 2024-03-31      0.0    0.0   40.0   0.0                 0.0   40.0
    4 2024-04-30      0.0    0.0    0.0  40.0                 0.0   40.0
    5 2024-05-31      0.0    0.0    0.0   0.0                40.0   40.0
    >>> lr.roll_rates.tolist(), lr.loss_rates.tolist()
    ([1.0, 0.4, 1.0, 1.0], [0.4, 0.4, 1.0, 1.0])
    """
    edges = as_buckets(buckets)
    write_off = write_off_days(write_off_after_days, edges)
    how = choose(average, AVERAGES, "average", "weighted")
    ends = month_ends(from_date, to_date)
    led = ensure_ledger(ledger)
    require_one_currency(led, "the loss rates")
    labels = bucket_labels(edges)
    n = len(labels)  # states 0..n-1 are buckets, n is written off, -1 closed / not yet issued

    invoices = led[s.DOC_TYPE].eq(s.DOC_INVOICE).to_numpy()
    sub = led[invoices]
    due_days = day_numbers(sub[s.DUE_DATE])
    states, amounts = [], []
    for end in ends:  # a loop over months, never over rows
        amount = outstanding_on(sub, end)
        dpd = day_numbers(np.array([end.to_datetime64()]))[0] - due_days
        state = assign_buckets(dpd, edges)
        state = np.where(dpd > write_off, n, state)
        state = np.where(np.abs(amount) > tolerance, state, -1)
        states.append(state)
        amounts.append(np.where(state >= 0, amount, 0.0))

    snap = np.array([np.bincount(st[st >= 0], weights=a[st >= 0], minlength=n + 1)
                     for st, a in zip(states, amounts, strict=True)])  # fmt: skip
    snapshots = pd.DataFrame(snap, columns=[*labels, written_off_label(write_off)])
    snapshots[TOTAL] = snap.sum(axis=1)
    snapshots.insert(0, "month_end", pd.DatetimeIndex(ends))

    periods = [str(e.to_period("M")) for e in ends[1:]]
    balance = np.zeros((len(periods), n))
    moved = np.zeros((len(periods), n))
    stayed = np.zeros((len(periods), n))
    for p in range(len(periods)):
        before, after, value = states[p], states[p + 1], amounts[p + 1]
        live = (before >= 0) & (before < n)
        balance[p] = np.bincount(before[live], weights=amounts[p][live], minlength=n + 1)[:n]
        up = live & (after > before)
        same = live & (after == before)
        moved[p] = np.bincount(before[up], weights=value[up], minlength=n + 1)[:n]
        stayed[p] = np.bincount(before[same], weights=value[same], minlength=n + 1)[:n]

    per_period = _rates(moved, stayed, balance)  # periods x buckets
    if how == "weighted":
        pooled = _rates(
            moved.sum(axis=0)[None], stayed.sum(axis=0)[None], balance.sum(axis=0)[None]
        )
        average_rates = pooled[0]
    else:
        with np.errstate(all="ignore"):
            defined = ~np.isnan(per_period)
            counts = defined.sum(axis=0)
            sums = np.where(defined, per_period, 0.0).sum(axis=0)
            average_rates = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
    loss = np.cumprod(average_rates[::-1])[::-1]
    rolls = pd.DataFrame(per_period.T, index=labels, columns=periods)
    return LossRates(
        labels=labels,
        edges=edges,
        write_off_after_days=write_off,
        average=how,
        snapshots=snapshots,
        rolls=rolls,
        roll_rates=pd.Series(average_rates, index=labels, name="roll_rate"),
        loss_rates=pd.Series(loss, index=labels, name="loss_rate"),
    )


def _rates(moved: np.ndarray, stayed: np.ndarray, balance: np.ndarray) -> np.ndarray:
    """Roll rates per row: moved / balance; the last column w / (1 - s) (NaN if undefined)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(balance > 0, moved / balance, np.nan)
        w = out[:, -1]
        stay = np.where(balance[:, -1] > 0, stayed[:, -1] / balance[:, -1], np.nan)
        leaving = 1.0 - stay
        out[:, -1] = np.where(leaving > 1e-12, w / leaving, np.nan)
    return np.clip(out, 0.0, 1.0, where=~np.isnan(out), out=out)


def check_defined(rates: LossRates) -> None:
    """Raise a one-line error when a loss rate could not be estimated.

    Examples
    --------
    >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount"],
    ...         ["A", "2024-01-01", "2024-01-31", 100.0]]
    >>> check_defined(loss_rates(rows, "2024-02-01", "2024-03-31"))
    Traceback (most recent call last):
    ...
    xl_ar.errors.XlArError: loss rates cannot be estimated: no roll rate for '31-60', '61-90', \
'>90': no invoice there at the month ends 2024-01-31..2024-02-29 (or none left the last bucket); \
use a longer history or give loss rates
    """
    rates.check_defined()
