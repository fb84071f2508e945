"""Dunning interest: late interest on overdue amounts plus a fixed fee per dunning level.

The convention (``ar-domain`` notes, "Collections and reconciliation")::

    interest        = outstanding x annual_rate / day_basis x days_overdue
    dunning_amount  = interest + fee
    total           = outstanding + dunning_amount

with ``day_basis`` 365 by default (360 is accepted). Only money that is actually overdue
earns interest and a fee: an item that is not yet due (``days_overdue <= 0``) or that is not a
positive amount (a credit note, a settled item) gets 0 interest **and** no fee, so a column of
days past due straight from ``AR_DPD`` can be used as it is.

Nothing is rounded here (round only for display); the letters round interest to whole
Rupiah (:mod:`xl_ar.core.collections.letters`).

Worked example: invoice 100, 15 days overdue, 10 % p.a., fee 10 → interest 0.41, dunning
amount 10.41, total 110.41.

>>> c = dunning_charges(100, 0.10, 15, fee=10)
>>> round(c.interest, 2), round(c.dunning_amount, 2), round(c.total, 2)
(0.41, 10.41, 110.41)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from xl_ar.core.base.cells import number_from_text, quote_excerpt
from xl_ar.core.base.options import DAY_BASES, as_day_basis
from xl_ar.errors import OptionError, XlArError

__all__ = [
    "DAY_BASES",
    "DunningCharges",
    "as_day_basis",
    "as_fee",
    "as_rate",
    "dunning_charges",
    "late_interest",
]


def as_rate(value: Any, name: str = "annual_rate") -> float:
    """An annual rate as a fraction from 0 to 1: ``0.1``, ``"10%"`` or ``"0.1"``; blank is 0.

    Examples
    --------
    >>> as_rate(0.12), as_rate("12%"), as_rate(None)
    (0.12, 0.12, 0.0)
    >>> as_rate(12)
    Traceback (most recent call last):
    ...
    xl_ar.errors.OptionError: annual_rate must be a fraction from 0 to 1 (10% = 0.1), not 12
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0.0
    if isinstance(value, float) and math.isnan(value):
        return 0.0
    number: float | None = None
    if isinstance(value, str):
        text = value.strip().replace(",", ".")
        percent = text.endswith("%")
        number = number_from_text(text.rstrip("%"))
        if number is not None and percent:
            number /= 100.0
    elif not isinstance(value, bool | np.bool_):
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = None
    if number is None or not math.isfinite(number):
        raise OptionError(
            f"{name} must be a fraction such as 0.1 or 10%, not {quote_excerpt(value)}"
        )
    if not 0.0 <= number <= 1.0:
        raise OptionError(
            f"{name} must be a fraction from 0 to 1 (10% = 0.1), not {quote_excerpt(number)}"
        )
    return number


def as_fee(value: Any, name: str = "fee") -> float:
    """A fixed fee: a number 0 or more (blank is 0).

    Examples
    --------
    >>> as_fee(10.0), as_fee(None)
    (10.0, 0.0)
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0.0
    if isinstance(value, bool | np.bool_):
        raise XlArError(f"{name} must be a number, not {quote_excerpt(value)}")
    try:
        number = float(value) if not isinstance(value, str) else number_from_text(value)
    except (TypeError, ValueError):
        number = None
    if number is None:
        raise XlArError(f"{name} must be a number (e.g. 50000), not {quote_excerpt(value)}")
    if math.isnan(number):
        return 0.0
    if not math.isfinite(number) or number < 0:
        raise XlArError(f"{name} must be 0 or more, not {quote_excerpt(number)}")
    return number


def _values(value: Any, name: str) -> np.ndarray:
    try:
        arr = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise XlArError(f"{name} must be a number or numbers, not {quote_excerpt(value)}") from None
    if np.isinf(arr).any():
        raise XlArError(f"{name} must be finite numbers")
    return arr


def _out(arr: np.ndarray) -> Any:
    return float(arr) if arr.ndim == 0 else arr


def late_interest(
    outstanding: Any, annual_rate: Any, days_overdue: Any, *, day_basis: Any = 365
) -> float | np.ndarray:
    """Late interest ``outstanding x annual_rate / day_basis x days_overdue``.

    Parameters
    ----------
    outstanding : float or array-like
        Amounts still owed. Only positive amounts earn interest.
    annual_rate : float or str
        Annual rate as a fraction (``0.1``) or text (``"10%"``).
    days_overdue : float or array-like
        Days past due; 0 or negative (not yet due) earns nothing. Same shape as
        ``outstanding`` or a single number.
    day_basis : {365, 360}, default 365

    Returns
    -------
    float or numpy.ndarray
        A float for scalar inputs, else an array (NaN where an input is NaN).

    Examples
    --------
    >>> round(late_interest(100, 0.10, 15), 4)
    0.411
    >>> late_interest([1000.0, 1000.0, -50.0], "12%", [30, -3, 30], day_basis=360).tolist()
    [10.0, 0.0, 0.0]
    """
    rate = as_rate(annual_rate)
    basis = as_day_basis(day_basis)
    amount = _values(outstanding, "outstanding")
    days = _values(days_overdue, "days_overdue")
    interest = np.maximum(amount, 0.0) * rate / basis * np.maximum(days, 0.0)
    return _out(interest + 0.0)


@dataclass(frozen=True)
class DunningCharges:
    """Interest, fee, their sum (the dunning amount) and the new total owed.

    Each attribute is a float for scalar inputs, else an array of the broadcast shape.
    """

    interest: Any
    fee: Any
    dunning_amount: Any
    total: Any


def dunning_charges(
    outstanding: Any,
    annual_rate: Any,
    days_overdue: Any,
    *,
    day_basis: Any = 365,
    fee: Any = 0.0,
) -> DunningCharges:
    """Late interest plus a fixed fee on overdue amounts (see the module docstring).

    The fee is charged once per overdue item (per call for a single amount); items that are
    not overdue or not positive get neither interest nor fee. For a letter covering several
    invoices the fee is charged once per letter: sum the interest and add the fee yourself
    (:mod:`xl_ar.core.collections.letters` does).

    Examples
    --------
    >>> c = dunning_charges(100, 0.10, 15, fee=10)
    >>> round(c.interest, 2), c.fee, round(c.dunning_amount, 2), round(c.total, 2)
    (0.41, 10.0, 10.41, 110.41)
    >>> dunning_charges([100.0, 100.0], 0.1, [0, 36.5], fee=1).fee.tolist()
    [0.0, 1.0]
    """
    interest = np.asarray(
        late_interest(outstanding, annual_rate, days_overdue, day_basis=day_basis)
    )
    fixed = as_fee(fee)
    amount = _values(outstanding, "outstanding")
    days = _values(days_overdue, "days_overdue")
    charged = (amount > 0) & (days > 0)
    fees = np.where(charged, fixed, 0.0)
    fees = np.where(np.isnan(amount) | np.isnan(days), np.nan, fees)
    dunning = interest + fees
    return DunningCharges(_out(interest), _out(fees), _out(dunning), _out(amount + dunning))
