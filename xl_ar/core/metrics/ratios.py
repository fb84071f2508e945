"""Collection ratios: CEI, receivable turnover, average collection period, and friends.

Ratios are returned as **fractions** (``0.5593``), never multiplied by 100: Excel shows
them as 55.93 % with a percent number format. Inputs are plain numbers (``int``, ``float``,
numpy scalars) or, where stated, sequences of them; the result is a Python ``float``.

A zero or negative denominator, or a blank/NaN input, raises
:class:`xl_ar.errors.XlArError` with a one-line message naming the argument; an unaccepted
option value (``day_basis``) raises :class:`xl_ar.errors.OptionError`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from xl_ar.core.base.cells import finite_number
from xl_ar.core.base.options import DAY_BASES, as_day_basis, as_number, as_numbers, as_positive
from xl_ar.core.base.text import value_text
from xl_ar.errors import XlArError

__all__ = [
    "DAY_BASES",
    "arrears_ratio",
    "average_collection_period",
    "bad_debt_ratio",
    "cei",
    "collection_ratio",
    "receivable_turnover",
    "weighted_average_days",
]


def _months(value: Any) -> int:
    """Return ``value`` as a positive whole number of months (``3`` or ``3.0``)."""
    number = as_number(value, "months")
    if not number.is_integer() or number < 1:
        raise XlArError(f"months must be a whole number of at least 1, not {value_text(number)}")
    return int(number)


def cei(
    beginning_ar: float,
    credit_sales: float,
    ending_total_ar: float,
    ending_current_ar: float,
    months: int = 1,
) -> float:
    """Collection effectiveness index (Credit Research Foundation), as a fraction.

    ``CEI = (B + S − ET) / (B + S − EC)`` with ``S = credit_sales / months``: what was
    collected over what could have been collected (everything except what is not yet due).

    Parameters
    ----------
    beginning_ar : float
        ``B``: total AR at the start of the period.
    credit_sales : float
        Credit sales of the whole period.
    ending_total_ar : float
        ``ET``: total AR at the end of the period.
    ending_current_ar : float
        ``EC``: the part of ``ET`` not yet due.
    months : int, default 1
        Number of months ``N`` the period spans; ``S`` is the average monthly sales
        ``credit_sales / N`` (Credit Research Foundation). ``months=1`` gives the
        "whole-period sales" convention many sites use. Whole number ≥ 1 (``3.0`` is fine).

    Returns
    -------
    float
        CEI as a fraction; 1.0 means everything collectable was collected. It exceeds 1 only
        if ``ending_total_ar < ending_current_ar``.

    Raises
    ------
    XlArError
        If ``months`` is not a whole number ≥ 1, ``B + S − EC`` is not greater than 0, or an
        input is blank/NaN.

    Examples
    --------
    Beginning 6,200; sales 10,890 over 3 months; ending total 6,340; ending current 3,590:

    >>> round(cei(6_200, 10_890, 6_340, 3_590, months=3), 4)
    0.5593
    >>> round(cei(6_200, 10_890, 6_340, 3_590), 4)
    0.7963
    """
    b = as_number(beginning_ar, "beginning_ar")
    sales = as_number(credit_sales, "credit_sales")
    et = as_number(ending_total_ar, "ending_total_ar")
    ec = as_number(ending_current_ar, "ending_current_ar")
    n = _months(months)
    s = sales / n
    denominator = b + s - ec
    if denominator <= 0:
        raise XlArError(
            "CEI is undefined: beginning_ar + credit_sales / months - ending_current_ar must be "
            f"greater than 0, not {value_text(denominator)}"
        )
    return finite_number((b + s - et) / denominator)


def _average_ar(beginning_ar: Any, ending_ar: Any) -> float:
    beg = as_number(beginning_ar, "beginning_ar")
    end = as_number(ending_ar, "ending_ar")
    average = (beg + end) / 2
    if average <= 0:
        raise XlArError(
            "average receivables (beginning_ar + ending_ar) / 2 must be greater than 0, "
            f"not {value_text(average)}"
        )
    return average


def receivable_turnover(credit_sales: float, beginning_ar: float, ending_ar: float) -> float:
    """Receivable turnover (RTO): ``credit_sales / ((beginning_ar + ending_ar) / 2)``.

    Parameters
    ----------
    credit_sales : float
        Credit sales of the period.
    beginning_ar, ending_ar : float
        AR at the start and at the end of the period; their average must be greater than 0.

    Returns
    -------
    float
        Times the average receivables balance was collected in the period.

    Raises
    ------
    XlArError
        If the average AR is not greater than 0, or an input is blank/NaN.

    Examples
    --------
    Credit sales 6,205,000; average AR 335,000:

    >>> round(receivable_turnover(6_205_000, 300_000, 370_000), 4)
    18.5224
    """
    sales = as_number(credit_sales, "credit_sales")
    return finite_number(sales / _average_ar(beginning_ar, ending_ar))


def average_collection_period(
    credit_sales: float, beginning_ar: float, ending_ar: float, day_basis: int | str = 360
) -> float:
    """Average collection period (ACP): ``day_basis / receivable_turnover``, in days.

    Computed as ``day_basis × average AR / credit_sales``.

    Parameters
    ----------
    credit_sales : float
        Credit sales of the period; must be greater than 0.
    beginning_ar, ending_ar : float
        AR at the start and at the end of the period; their average must be greater than 0.
    day_basis : {360, 365}, default 360
        Days in the year: 360 as in Indonesian textbooks (Sutrisno, Kasmir), 365 as in
        CFA-style texts. ``"360"``/``"365"`` text and ``360.0`` are accepted too; a blank
        (``None``, ``""``) is the default 360.

    Returns
    -------
    float
        Days.

    Raises
    ------
    OptionError
        If ``day_basis`` is not 360 or 365.
    XlArError
        If ``credit_sales`` or the average AR is not greater than 0, or an input is blank/NaN.

    Examples
    --------
    >>> round(average_collection_period(6_205_000, 335_000, 335_000), 3)
    19.436
    >>> round(average_collection_period(6_205_000, 335_000, 335_000, day_basis=365), 3)
    19.706
    """
    basis = as_day_basis(day_basis, default=360)
    sales = as_positive(credit_sales, "credit_sales")
    return finite_number(basis * _average_ar(beginning_ar, ending_ar) / sales)


def arrears_ratio(past_due_ar: float, credit_sales: float) -> float:
    """Arrears ratio (rasio tunggakan): ``past_due_ar / credit_sales``, as a fraction.

    Parameters
    ----------
    past_due_ar : float
        Outstanding balance that is past due (unpaid after its due date).
    credit_sales : float
        Denominator: credit sales of the period; must be greater than 0.

    Returns
    -------
    float
        Fraction (0.05 = 5 %).

    Raises
    ------
    XlArError
        If ``credit_sales`` is not greater than 0, or an input is blank/NaN.

    Examples
    --------
    >>> arrears_ratio(50_000, 1_000_000)
    0.05
    """
    return finite_number(
        as_number(past_due_ar, "past_due_ar") / as_positive(credit_sales, "credit_sales")
    )


def collection_ratio(collected: float, billed: float) -> float:
    """Collection ratio (rasio penagihan): ``collected / billed``, as a fraction.

    Parameters
    ----------
    collected : float
        Amount collected in the period.
    billed : float
        Denominator: amount billed, i.e. the total receivables to be collected; must be
        greater than 0.

    Returns
    -------
    float
        Fraction (0.8 = 80 %).

    Raises
    ------
    XlArError
        If ``billed`` is not greater than 0, or an input is blank/NaN.

    Examples
    --------
    >>> collection_ratio(800_000, 1_000_000)
    0.8
    """
    return finite_number(as_number(collected, "collected") / as_positive(billed, "billed"))


def bad_debt_ratio(bad_debts: float, credit_sales: float) -> float:
    """Bad-debt ratio: ``bad_debts / credit_sales``, as a fraction.

    Parameters
    ----------
    bad_debts : float
        Bad debts written off in the period.
    credit_sales : float
        Denominator: credit sales of the period (the usual convention). Some analysts divide
        by **total** sales instead: pass total sales here to get that variant. Must be
        greater than 0.

    Returns
    -------
    float
        Fraction (0.02 = 2 %).

    Raises
    ------
    XlArError
        If ``credit_sales`` is not greater than 0, or an input is blank/NaN.

    Examples
    --------
    >>> bad_debt_ratio(20_000, 1_000_000)
    0.02
    """
    return finite_number(
        as_number(bad_debts, "bad_debts") / as_positive(credit_sales, "credit_sales")
    )


def weighted_average_days(amounts: Sequence[float], days: Sequence[float]) -> float:
    """Amount-weighted average of days: ``Σ(amount × days) / Σ amount``.

    Typical use: average days to pay (payment date − invoice date) or days late
    (payment date − due date), weighted by the amounts paid.

    Parameters
    ----------
    amounts : sequence of float
        Weights (e.g. amounts paid). Individual negatives (credit notes) are allowed, but the
        total must be greater than 0.
    days : sequence of float
        Days per amount, same length and order as ``amounts``.

    Returns
    -------
    float
        Weighted average days.

    Raises
    ------
    XlArError
        If the lengths differ, a value is text or infinite, or the amounts that remain sum
        to 0 or less.

    Notes
    -----
    A pair is ignored when either its amount or its days is blank/NaN.

    Examples
    --------
    1,000 paid after 15 days, 3,000 after 30, 2,000 after 45 (the simple mean is 30):

    >>> weighted_average_days([1_000, 3_000, 2_000], [15, 30, 45])
    32.5
    """
    a = as_numbers(amounts, "amounts", allow_nan=True)
    d = as_numbers(days, "days", allow_nan=True)
    if a.shape[0] != d.shape[0]:
        raise XlArError(
            f"amounts and days must have the same length, not {a.shape[0]} and {d.shape[0]}"
        )
    keep = ~(np.isnan(a) | np.isnan(d))
    a, d = a[keep], d[keep]
    total = float(a.sum())
    if total <= 0:
        raise XlArError(
            f"amounts must sum to more than 0 (pairs with a blank are ignored), not {value_text(total)}"
        )
    return finite_number(np.dot(a, d) / total)
