"""Days sales outstanding (DSO) and its relatives: best possible DSO, average days delinquent.

Every function takes plain numbers (``int``, ``float``, numpy scalars) or, where stated,
sequences of them (lists, tuples, numpy arrays, pandas Series; a lone number counts as a
sequence of one, which is what a one-cell Excel range arrives as) and returns a Python
``float``.

Conventions
-----------
* **Days** default to 365 for the annual formulas and to 30 per period for the countback.
  Pass the calendar days of real periods when you have them
  (:func:`period_days_from_ends` computes them from period-end dates).
* **Countback**: ``period_sales`` are listed **oldest first** by default (chronological, as
  :func:`~xl_ar.core.metrics.kpi_series.kpi_series` rows and :func:`period_days_from_ends`
  dates are); ``order="newest_first"`` reads them latest first (the worksheet function
  ``AR_DSO``'s default: people list the newest month first). With period-end dates
  (:func:`dso_countback_dated`) the order does not matter. The walk starts at the newest
  period. Periods with zero sales are walked past (their days
  count in full). When ending AR exceeds the sales of every period, the excess is
  extrapolated at the daily sales rate of the oldest period that has sales.
* A denominator that is zero or negative, a non-positive number of days, or a blank/NaN input
  raises :class:`xl_ar.errors.XlArError` with a one-line message naming the argument; an
  unknown ``method`` raises :class:`xl_ar.errors.OptionError`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

import numpy as np
import pandas as pd

from xl_ar.core.base.cells import finite_number, quote_excerpt
from xl_ar.core.base.dates import parse_dates
from xl_ar.core.base.options import as_date, as_number, as_numbers, as_positive
from xl_ar.core.base.text import value_text
from xl_ar.errors import OptionError, XlArError

__all__ = [
    "COUNTBACK_ORDERS",
    "DSO_METHODS",
    "add_from_balances",
    "average_days_delinquent",
    "best_possible_dso",
    "countback_order",
    "dso",
    "dso_average",
    "dso_countback",
    "dso_countback_dated",
    "dso_simple",
    "period_days_from_ends",
]

DSO_METHODS = ("simple", "average", "countback")
"""Accepted values of :func:`dso`'s ``method`` (case-insensitive)."""

COUNTBACK_ORDERS = ("oldest_first", "newest_first")
"""Accepted values of :func:`dso_countback`'s ``order`` (``"newest first"``, ``"Newest-First"``
and plain ``"newest"`` / ``"oldest"`` are read too)."""

# A countback remainder at or below this fraction of the total sales is treated as zero, so that
# AR equal to the sum of the newest periods' sales stops exactly there despite float rounding.
# (Relative to the sales, not to the AR, so the result stays monotone in the AR.)
_COUNTBACK_REL_TOL = 1e-12


def _option(value: Any, name: str, accepted: Sequence[str]) -> str:
    """Normalise a case-insensitive text option or raise :class:`OptionError`."""
    listed = ", ".join(repr(a) for a in accepted)
    if not isinstance(value, str):
        raise OptionError(f"{name} must be one of {listed}, not {value_text(value)}")
    key = value.strip().lower().replace("-", "").replace("_", "").replace(" ", "")
    if key not in accepted:
        raise OptionError(f"{name} must be one of {listed}, not {quote_excerpt(value)}")
    return key


# --------------------------------------------------------------------------------------------
# DSO
# --------------------------------------------------------------------------------------------


def dso_simple(receivables: float, credit_sales: float, days: float = 365) -> float:
    """Days sales outstanding from the ending balance: ``receivables / credit_sales × days``.

    Parameters
    ----------
    receivables : float
        Accounts receivable at the end of the period (may be negative for a net credit).
    credit_sales : float
        Credit sales of the period; must be greater than 0.
    days : float, default 365
        Calendar days in the period; must be greater than 0.

    Returns
    -------
    float
        DSO in days.

    Raises
    ------
    XlArError
        If ``credit_sales`` or ``days`` is not greater than 0, or an input is blank/NaN.

    Examples
    --------
    >>> dso_simple(200_000, 2_000_000, 365)
    36.5
    """
    ar = as_number(receivables, "receivables")
    sales = as_positive(credit_sales, "credit_sales")
    d = as_positive(days, "days")
    return finite_number(ar * d / sales)


def dso_average(
    beginning_ar: float, ending_ar: float, credit_sales: float, days: float = 365
) -> float:
    """DSO from the average balance: ``(beginning_ar + ending_ar) / 2 / credit_sales × days``.

    Parameters
    ----------
    beginning_ar, ending_ar : float
        Accounts receivable at the start and at the end of the period.
    credit_sales : float
        Credit sales of the period; must be greater than 0.
    days : float, default 365
        Calendar days in the period; must be greater than 0.

    Returns
    -------
    float
        DSO in days.

    Raises
    ------
    XlArError
        If ``credit_sales`` or ``days`` is not greater than 0, or an input is blank/NaN.

    Examples
    --------
    Average AR 18,000 on sales of 20,000 over 30 days:

    >>> dso_average(16_000, 20_000, 20_000, 30)
    27.0
    """
    beg = as_number(beginning_ar, "beginning_ar")
    end = as_number(ending_ar, "ending_ar")
    sales = as_positive(credit_sales, "credit_sales")
    d = as_positive(days, "days")
    return finite_number((beg + end) / 2 * d / sales)


def countback_order(value: Any) -> str:
    """``"oldest_first"`` or ``"newest_first"`` from an order option (case, spaces, ``-`` and
    ``_`` ignored; ``"newest"``/``"oldest"`` alone are enough); ``OptionError`` otherwise.

    Examples
    --------
    >>> countback_order("Newest first"), countback_order("oldest")
    ('newest_first', 'oldest_first')
    """
    if isinstance(value, str):
        key = value.strip().lower().replace("-", "").replace("_", "").replace(" ", "")
        found = {"newest": "newest_first", "newestfirst": "newest_first",
                 "oldest": "oldest_first", "oldestfirst": "oldest_first"}.get(key)  # fmt: skip
        if found:
            return found
    shown = quote_excerpt(value) if isinstance(value, str) else value_text(value)
    raise OptionError(f"order must be 'newest first' or 'oldest first', not {shown}")


def dso_countback(  # noqa: C901
    ending_ar: float,
    period_sales: Sequence[float],
    period_days: float | Sequence[float] = 30,
    *,
    order: str = "oldest_first",
) -> float:
    """Countback DSO: how many days of the most recent sales the ending AR represents.

    Starting at the newest period, each period's sales are subtracted from the ending AR and
    its days added, until the remaining AR is smaller than a period's sales; that period then
    contributes ``remaining / sales × days``.

    Parameters
    ----------
    ending_ar : float
        Accounts receivable at the end of the newest period. ``ending_ar <= 0`` gives ``0.0``.
    period_sales : sequence of float
        Credit sales per period, **oldest first** unless ``order`` says otherwise. Must be
        non-negative; at least one period is required.
    period_days : float or sequence of float, default 30
        Days of every period (one number) or of each period (same length and order as
        ``period_sales``); each must be greater than 0.
    order : {"oldest_first", "newest_first"}, default "oldest_first"
        The order of ``period_sales`` (and ``period_days``): chronological, or the latest
        period first. Error messages name positions as given, with the order.

    Returns
    -------
    float
        DSO in days.

    Raises
    ------
    XlArError
        If there are no periods, a value is blank/NaN or negative, a period has no days, the
        lengths differ, or ``ending_ar > 0`` while every period has zero sales.

    Notes
    -----
    * **Zero-sales periods** are walked past: their days count in full and the walk moves on
      to the next older period.
    * **AR larger than all sales**: every period's days are counted and the excess is
      extrapolated at the daily rate of the oldest period with sales, i.e. it adds
      ``excess / sales_k × days_k`` for that period ``k`` (the same formula as the fractional
      step, allowed to go beyond one period).
    * A remainder within ``1e-12 × sum(period_sales)`` of zero is treated as zero, so AR equal
      to the sales of the newest ``k`` periods gives exactly the sum of their days despite
      float rounding. The result is non-decreasing in ``ending_ar``.

    Examples
    --------
    AR 212,000; sales oldest → newest 70,000, 80,000, 100,000; 30-day periods:
    30 + 30 + 32,000 / 70,000 × 30.

    >>> round(dso_countback(212_000, [70_000, 80_000, 100_000], 30), 3)
    73.714
    >>> round(dso_countback(212_000, [100_000, 80_000, 70_000], 30, order="newest first"), 3)
    73.714
    """
    how = countback_order(order)
    listed = f"(periods listed {how.replace('_', ' ')})"
    ar = as_number(ending_ar, "ending_ar")
    sales = as_numbers(period_sales, "period_sales", allow_nan=True)
    if np.isnan(sales).any():  # never dropped: the older periods would shift by one
        i = int(np.flatnonzero(np.isnan(sales))[0])
        raise XlArError(f"period_sales[{i}] is blank {listed}: give 0 for a period without sales")
    n = sales.shape[0]
    if n == 0:
        raise XlArError("period_sales must hold at least one period, not none")
    if (sales < 0).any():
        i = int(np.flatnonzero(sales < 0)[0])
        raise XlArError(
            f"period_sales[{i}] must not be negative, not {value_text(sales[i])} {listed}"
        )
    if np.ndim(period_days) == 0 and not isinstance(period_days, pd.Series | pd.Index):
        days = np.full(n, as_positive(period_days, "period_days"))
    else:
        days = as_numbers(period_days, "period_days")
        if days.shape[0] != n:
            raise XlArError(
                f"period_days must have one value per period ({n}), not {days.shape[0]} {listed}"
            )
        if (days <= 0).any():
            i = int(np.flatnonzero(days <= 0)[0])
            raise XlArError(
                f"period_days[{i}] must be greater than 0, not {value_text(days[i])} {listed}"
            )
    if how == "newest_first":  # the walk below reads them oldest first
        sales, days = sales[::-1], days[::-1]
    if ar <= 0:
        return 0.0
    if not (sales > 0).any():
        raise XlArError(
            "period_sales must have a period with sales greater than 0 when ending_ar is "
            f"greater than 0 ({value_text(ar)})"
        )

    tol = _COUNTBACK_REL_TOL * float(sales.sum())
    remaining = ar
    total = 0.0
    oldest_with_sales = -1
    for i in range(n - 1, -1, -1):  # newest first
        s, d = sales[i], days[i]
        if s == 0:
            total += d
            continue
        oldest_with_sales = i
        if remaining <= s:
            if s - remaining <= tol:  # the period is used up but for rounding
                return finite_number(total + d)
            return finite_number(total + (remaining / s) * d)  # (remaining / s) <= 1 exactly
        total += d
        remaining -= s
        if remaining <= tol:
            return finite_number(total)
    # AR exceeds all sales: extrapolate the excess at the oldest selling period's daily rate.
    k = oldest_with_sales
    return finite_number(total + (remaining / sales[k]) * days[k])


def _as_timestamp(value: Any, name: str) -> pd.Timestamp:
    """Parse one date-like value (date, datetime, Timestamp, datetime64, ISO text).

    The day must be in the range every xl-ar date keeps (:func:`xl_ar.core.base.options.as_date`).
    """
    if value is None or isinstance(value, bool | np.bool_ | int | float | np.number):
        raise XlArError(f"{name} is not a date: {value_text(value)}")
    if isinstance(value, str):  # xl-ar's own text dates (day first, Excel's year window)
        try:
            return as_date(value, name)
        except OptionError:
            read = parse_dates([value])
            if pd.notna(read.problems.iloc[0]) or pd.isna(read.values.iloc[0]):
                raise
            return as_date(read.values.iloc[0], name)
    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError, OverflowError):
        raise XlArError(f"{name} is not a date: {value_text(value)}") from None
    if ts is pd.NaT or pd.isna(ts):
        raise XlArError(f"{name} is blank or not a date: {value_text(value)}")
    if ts.tzinfo is not None:
        ts = ts.tz_localize(None)
    return as_date(ts, name)


def period_days_from_ends(
    period_ends: Sequence[Any], first_period_days: float | None = None
) -> np.ndarray:
    """Calendar days of each period from its period-end date (oldest first).

    Parameters
    ----------
    period_ends : sequence of date-like
        Period-end dates, oldest first, strictly increasing: ``datetime.date``,
        ``datetime.datetime``, ``pandas.Timestamp``, ``numpy.datetime64`` or ISO text
        (``"2024-01-31"``). Times of day and time zones are dropped. Excel serial numbers are
        not accepted: convert them first.
    first_period_days : float, optional
        Length of the first period. By default it is the number of days in the calendar
        month of the first end date (right for month-end periods; pass e.g. 91 or 92 for a
        quarter).

    Returns
    -------
    numpy.ndarray
        ``int64`` days per period (``float64`` when ``first_period_days`` is not whole),
        same order as ``period_ends``; empty for no dates.

    Raises
    ------
    XlArError
        If a value is not a date or the dates are not strictly increasing.

    Notes
    -----
    Later periods are the difference between consecutive period ends, so February gets 28 or
    29 days and a 31-day month 31, ready for :func:`dso_countback`'s ``period_days``.

    Examples
    --------
    >>> period_days_from_ends(["2024-01-31", "2024-02-29", "2024-03-31"]).tolist()
    [31, 29, 31]
    """
    if isinstance(period_ends, str | bytes) or np.ndim(period_ends) == 0:
        period_ends = [period_ends]
    if isinstance(period_ends, pd.Series | pd.Index):
        items = list(period_ends.array)
    else:
        items = list(period_ends)  # numpy datetime64 elements stay datetime64
    stamps = [_as_timestamp(v, f"period_ends[{i}]") for i, v in enumerate(items)]
    if not stamps:
        return np.zeros(0, dtype=np.int64)
    diffs = [(b - a).days for a, b in zip(stamps[:-1], stamps[1:], strict=True)]
    for i, gap in enumerate(diffs, start=1):
        if gap <= 0:
            raise XlArError(
                f"period_ends must be strictly increasing (oldest first): period_ends[{i}] "
                f"{stamps[i].date()} is not after {stamps[i - 1].date()}"
            )
    if first_period_days is None:
        first: float = stamps[0].days_in_month
    else:
        first = as_positive(first_period_days, "first_period_days")
    out = np.array([first, *diffs], dtype=np.float64)
    if float(first).is_integer():
        return out.astype(np.int64)
    return out


def dso_countback_dated(
    ending_ar: float,
    period_ends: Sequence[Any],
    period_sales: Sequence[float],
    first_period_days: float | None = None,
) -> float:
    """Countback DSO from period-end dates and sales, in any order: the dates decide.

    The periods are sorted by their end date; their days are the calendar days between
    consecutive ends (:func:`period_days_from_ends`), then :func:`dso_countback` walks back
    from the latest.

    Parameters
    ----------
    ending_ar : float
        Accounts receivable at the end of the latest period.
    period_ends : sequence of date-like
        The end date of each period, in any order; no date twice.
    period_sales : sequence of float
        Credit sales of each period, in the order of ``period_ends``.
    first_period_days : float, optional
        Days of the earliest period (default: the days of its end date's calendar month).

    Returns
    -------
    float
        DSO in days.

    Raises
    ------
    XlArError
        The lengths differ, a date is not a date or is given twice, or as
        :func:`dso_countback`.

    Examples
    --------
    >>> ends = ["2024-03-31", "2024-02-29", "2024-01-31"]
    >>> round(dso_countback_dated(212_000, ends, [100_000, 80_000, 70_000]), 3)
    74.171
    >>> round(dso_countback_dated(212_000, ends[::-1], [70_000, 80_000, 100_000]), 3)
    74.171
    """
    if isinstance(period_ends, str | bytes) or np.ndim(period_ends) == 0:
        period_ends = [period_ends]
    items = (
        list(period_ends.array)
        if isinstance(period_ends, pd.Series | pd.Index)
        else list(period_ends)
    )
    stamps = [_as_timestamp(v, f"period_ends[{i}]") for i, v in enumerate(items)]
    sales = as_numbers(period_sales, "period_sales")
    if len(stamps) != sales.shape[0]:
        raise XlArError(
            f"every period needs an end date and sales: {len(stamps)} date(s), "
            f"{sales.shape[0]} sales value(s)"
        )
    order = sorted(range(len(stamps)), key=lambda i: stamps[i])
    for a, b in zip(order[:-1], order[1:], strict=True):
        if stamps[a] == stamps[b]:
            raise XlArError(
                f"period_ends[{a}] and period_ends[{b}] are the same date "
                f"{stamps[a].date()}: one end date per period"
            )
    ends = [stamps[i] for i in order]
    days = period_days_from_ends(ends, first_period_days)
    return dso_countback(ending_ar, cast(Sequence[float], sales[order]), cast(Any, days))


def dso(
    receivables: Any,
    credit_sales: Any,
    days: float | Sequence[float] | None = None,
    method: str = "simple",
) -> float:
    """DSO by the chosen ``method``: one entry point for the three formulas.

    Parameters
    ----------
    receivables : float or pair of float
        ``"simple"``: ending AR. ``"average"``: a ``(beginning_ar, ending_ar)`` pair.
        ``"countback"``: ending AR.
    credit_sales : float or sequence of float
        Credit sales of the period; for ``"countback"`` the sales per period, oldest first
        (:func:`dso_countback` reads other orders).
    days : float or sequence of float, optional
        Days in the period; default 365 for ``"simple"`` and ``"average"``. For
        ``"countback"`` the days per period (one number or one per period), default 30.
    method : {"simple", "average", "countback"}, default "simple"
        Case-insensitive; ``"count-back"`` / ``"count back"`` are accepted too.

    Returns
    -------
    float
        DSO in days.

    Raises
    ------
    OptionError
        If ``method`` is not one of the accepted values.
    XlArError
        For impossible inputs, as in :func:`dso_simple`, :func:`dso_average`,
        :func:`dso_countback`.

    Examples
    --------
    >>> dso(200_000, 2_000_000)
    36.5
    >>> dso((16_000, 20_000), 20_000, 30, method="Average")
    27.0
    >>> round(dso(212_000, [70_000, 80_000, 100_000], 30, method="countback"), 3)
    73.714
    """
    how = _option(method, "method", DSO_METHODS)
    if how == "countback":
        return dso_countback(receivables, credit_sales, 30 if days is None else days)
    d = 365 if days is None else days
    if np.ndim(d) != 0:
        raise XlArError(f"days must be one number for method {how!r}, not a sequence")
    if how == "average":
        pair = as_numbers(receivables, "receivables")
        if pair.shape[0] != 2:
            raise XlArError(
                "receivables must be a (beginning_ar, ending_ar) pair for method 'average', "
                f"not {pair.shape[0]} value(s)"
            )
        return dso_average(pair[0], pair[1], credit_sales, cast(float, d))
    if np.ndim(receivables) != 0:
        raise XlArError(f"receivables must be one number for method {how!r}, not a sequence")
    return dso_simple(receivables, credit_sales, cast(float, d))


# --------------------------------------------------------------------------------------------
# best possible DSO, average days delinquent
# --------------------------------------------------------------------------------------------


def best_possible_dso(current_ar: float, credit_sales: float, days: float = 365) -> float:
    """Best possible DSO: ``current_ar / credit_sales × days``, current = not yet due.

    The DSO the book would have if every customer paid exactly on terms.

    Parameters
    ----------
    current_ar : float
        Receivables not yet due at the end of the period.
    credit_sales : float
        Credit sales of the period; must be greater than 0.
    days : float, default 365
        Calendar days in the period; must be greater than 0.

    Returns
    -------
    float
        Best possible DSO in days.

    Raises
    ------
    XlArError
        If ``credit_sales`` or ``days`` is not greater than 0, or an input is blank/NaN.

    Examples
    --------
    >>> best_possible_dso(120_000, 2_000_000, 365)
    21.9
    """
    cur = as_number(current_ar, "current_ar")
    sales = as_positive(credit_sales, "credit_sales")
    d = as_positive(days, "days")
    return finite_number(cur * d / sales)


def average_days_delinquent(dso_value: float, bpdso_value: float) -> float:
    """Average days delinquent (ADD): ``dso_value − bpdso_value``.

    Parameters
    ----------
    dso_value : float
        DSO (normally :func:`dso_simple`) of the period.
    bpdso_value : float
        Best possible DSO of the same period, same days and sales.

    Returns
    -------
    float
        Days; negative only if the inputs are inconsistent (current AR above total AR).

    Examples
    --------
    >>> average_days_delinquent(36.5, 21.5)
    15.0
    """
    return as_number(dso_value, "dso_value") - as_number(bpdso_value, "bpdso_value")


def add_from_balances(
    receivables: float, current_ar: float, credit_sales: float, days: float = 365
) -> float:
    """Average days delinquent from balances: DSO − best possible DSO.

    Equals ``(receivables − current_ar) / credit_sales × days``: the past-due AR expressed
    in days of sales.

    Parameters
    ----------
    receivables : float
        Total AR at the end of the period.
    current_ar : float
        The part of it not yet due.
    credit_sales : float
        Credit sales of the period; must be greater than 0.
    days : float, default 365
        Calendar days in the period; must be greater than 0.

    Returns
    -------
    float
        Average days delinquent.

    Raises
    ------
    XlArError
        If ``credit_sales`` or ``days`` is not greater than 0, or an input is blank/NaN.

    Examples
    --------
    AR 200,000 of which 120,000 current; sales 2,000,000 over 365 days (36.5 − 21.9):

    >>> round(add_from_balances(200_000, 120_000, 2_000_000, 365), 9)
    14.6
    """
    return finite_number(
        dso_simple(receivables, credit_sales, days)
        - best_possible_dso(current_ar, credit_sales, days)
    )
