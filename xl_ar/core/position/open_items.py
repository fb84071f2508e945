"""Open items: what each customer owes at a date, invoice by invoice.

An item is open at ``as_of`` when its document date is on or before ``as_of`` and its
outstanding amount there is not zero. Outstanding = amount − payments dated on or before
``as_of`` (payments without a date count as received before any ``as_of``). An invoice paid
after ``as_of`` is therefore still open at ``as_of``: back-dated aging ties to the balance
sheet of that date.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.cells import finite_money
from xl_ar.core.base.dates import day_numbers
from xl_ar.core.base.options import as_date
from xl_ar.core.ledger.ledger import ensure_ledger

__all__ = [
    "DEFAULT_TOLERANCE",
    "days_between",
    "open_items",
    "open_mask",
    "outstanding_at",
    "outstanding_on",
]

#: Money below this (half a unit of 2-decimal currencies) counts as zero.
DEFAULT_TOLERANCE = 0.005


def outstanding_at(ledger: pd.DataFrame, as_of: Any) -> np.ndarray:
    """Outstanding amount of every ledger row at ``as_of`` (0 for documents dated later).

    Parameters
    ----------
    ledger : pandas.DataFrame
        A canonical ledger (:func:`xl_ar.core.ledger.ledger.read_ledger`).
    as_of : date-like
        The date the balance is taken at (:func:`~xl_ar.core.base.options.as_date`).

    Returns
    -------
    numpy.ndarray
        float64, one value per row, signed like ``amount``.

    Examples
    --------
    >>> from xl_ar.core.ledger.ledger import read_ledger
    >>> led = read_ledger([["Customer", "Invoice Date", "Terms", "Amount", "Paid", "Payment Date"],
    ...                    ["A", "2024-01-10", 30, 100, 100, "2024-02-20"]])
    >>> outstanding_at(led, "2024-01-31"), outstanding_at(led, "2024-02-20")
    (array([100.]), array([0.]))
    """
    return outstanding_on(ledger, as_date(as_of))


def outstanding_on(ledger: pd.DataFrame, day: pd.Timestamp | np.datetime64) -> np.ndarray:
    """:func:`outstanding_at` for a day the caller computed (no option parsing, no range check).

    For dates derived from checked options, which may lie just outside the dates users give:
    the day before a period that starts on 1900-01-01, the end of the week holding
    2199-12-31. ``day`` must be a nanosecond ``Timestamp`` or a ``datetime64``.

    Examples
    --------
    >>> from xl_ar.core.ledger.ledger import read_ledger
    >>> led = read_ledger([["Customer", "Invoice Date", "Terms", "Amount"],
    ...                    ["A", "1900-01-01", 30, 100]])
    >>> before, after = pd.Timestamp("1899-12-31"), pd.Timestamp("2200-01-05")
    >>> outstanding_on(led, before), outstanding_on(led, after)
    (array([0.]), array([100.]))
    """
    day = pd.Timestamp(day).as_unit("ns").to_datetime64()
    inv = ledger[s.INVOICE_DATE].to_numpy()
    pay = ledger[s.PAYMENT_DATE].to_numpy()
    amount = ledger[s.AMOUNT].to_numpy(dtype="float64")
    paid = ledger[s.PAID].to_numpy(dtype="float64")
    applied = np.isnat(pay) | (pay <= day)
    out = amount - np.where(applied, paid, 0.0)
    return np.where(inv <= day, out, 0.0)


def open_items(
    ledger: Any,
    as_of: Any,
    *,
    include_disputed: bool = True,
    tolerance: float = DEFAULT_TOLERANCE,
) -> pd.DataFrame:
    """The items open at ``as_of`` with their outstanding amount and ages.

    Parameters
    ----------
    ledger : canonical ledger or anything :func:`~xl_ar.core.ledger.ledger.read_ledger` reads
    as_of : date-like
        ``datetime``, ``date``, ISO text or Excel serial.
    include_disputed : bool, default True
        Disputed invoices stay in analytics; pass ``False`` for a dunning run.
    tolerance : float, default 0.005
        Outstanding amounts within this of zero are settled.

    Returns
    -------
    pandas.DataFrame
        The open rows of the ledger (index = user row) plus ``outstanding``,
        ``days_past_due`` (``as_of − due_date``; due today is 0 = current) and ``age_days``
        (``as_of − invoice_date``).

    Examples
    --------
    >>> from xl_ar.core.ledger.ledger import read_ledger
    >>> led = read_ledger([["Customer", "Invoice Date", "Due Date", "Amount"],
    ...                    ["A", "2024-01-01", "2024-01-31", 100]])
    >>> open_items(led, "2024-03-01")[["outstanding", "days_past_due", "age_days"]].values.tolist()
    [[100.0, 30.0, 60.0]]
    """
    led = ensure_ledger(ledger)
    day = as_date(as_of)
    keep, outstanding = open_mask(led, day, include_disputed=include_disputed, tolerance=tolerance)
    items = led[keep].copy()
    items["outstanding"] = outstanding[keep]
    items["days_past_due"] = days_between(items[s.DUE_DATE], day)
    items["age_days"] = days_between(items[s.INVOICE_DATE], day)
    return finite_money(items, ["outstanding"])


def open_mask(
    ledger: pd.DataFrame,
    as_of: Any,
    *,
    include_disputed: bool = True,
    tolerance: float = DEFAULT_TOLERANCE,
) -> tuple[np.ndarray, np.ndarray]:
    """Which rows of a canonical ledger are open at ``as_of``, and every row's outstanding.

    The array form of :func:`open_items` for hot paths (no copy of the ledger).
    """
    outstanding = outstanding_at(ledger, as_of)
    keep = np.abs(outstanding) > tolerance
    if not include_disputed:
        keep &= ~ledger[s.DISPUTED].to_numpy(dtype=bool)
    return keep, outstanding


def days_between(dates: pd.Series | np.ndarray, as_of: Any) -> np.ndarray:
    """Whole days from each date to ``as_of`` (positive when the date is earlier; NaN for NaT).

    Examples
    --------
    >>> days_between(np.array(["2024-06-01", "2024-07-05"], "datetime64[ns]"), "2024-06-30")
    array([29., -5.])
    """
    today = day_numbers(np.array([as_date(as_of).to_datetime64()]))[0]
    return today - day_numbers(dates)
