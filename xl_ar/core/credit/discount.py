"""The annualised cost of an early-payment discount ("2/10 net 30").

A customer offered ``d`` off for paying within ``discount_days`` instead of in full at
``net_days`` gives up ``d`` to keep ``1 − d`` for ``net_days − discount_days`` more days: the
seller pays ``d / (1 − d)`` for that many days of money. Per year of ``day_basis`` days:

* **simple** (the textbook rate): ``d / (1 − d) × day_basis / (net_days − discount_days)``;
* **effective** (compounded): ``(1 + d / (1 − d)) ^ (day_basis / (net_days − discount_days)) − 1``.

2/10 net 30: simple 2/98 × 360/20 = 36.73 % (37.24 % on 365 days); effective
(1 + 2/98)^(360/20) − 1 = 43.86 % (44.59 % on 365). A label always names the convention
(``simple, 360 days``), because the four figures differ.
"""

from __future__ import annotations

import math
from typing import Any

from xl_ar.core.base.cells import number_value, quote_excerpt
from xl_ar.core.base.options import choose
from xl_ar.core.base.text import plain_number
from xl_ar.errors import OptionError

__all__ = [
    "DAY_BASES",
    "DISCOUNT_METHODS",
    "as_discount",
    "discount_cost",
    "discount_cost_label",
]

DISCOUNT_METHODS = ("simple", "effective")
DAY_BASES = (360, 365)
_METHOD_NAMES = {"simple": ("sederhana", "simple"), "effective": ("efektif", "effective")}


def as_discount(value: Any, name: str = "discount") -> float:
    """A discount as a fraction: ``2``, ``"2%"`` and ``0.02`` are all 2 %.

    The rule: a number of 1 or more is a percentage (``2`` is 2 %, ``1`` is 1 %), one below
    0.5 a fraction (``0.02``); text may end in ``%`` (``"0.5%"``). A bare number from 0.5 to
    below 1 is refused as ambiguous: ``0.5`` could be ½ % or 50 %. 100 % or more, negative or
    not a number: one line.

    Examples
    --------
    >>> as_discount(2), as_discount("2%"), as_discount(0.02), as_discount("1,5 %")
    (0.02, 0.02, 0.02, 0.015)
    >>> as_discount("0.5%")
    0.005
    >>> as_discount(0.5)
    Traceback (most recent call last):
    ...
    xl_ar.errors.OptionError: discount 0.5 is ambiguous (0.5% or 50%?): write "0.5%" or 0.005 for 0.5%
    >>> as_discount(100)
    Traceback (most recent call last):
    ...
    xl_ar.errors.OptionError: discount must be below 100% (2, 2% or 0.02 = 2%), not 100
    """
    percent = isinstance(value, str) and value.strip().endswith("%")
    text = value.strip().rstrip("%").strip().replace(",", ".") if isinstance(value, str) else value
    number = None if isinstance(value, bool) else number_value(text)
    if number is None or not math.isfinite(number):
        raise OptionError(
            f"{name} must be a number such as 2, 2% or 0.02, not {quote_excerpt(value)}"
        )
    if number < 0:
        raise OptionError(f"{name} must be 0 or more, not {quote_excerpt(value)}")
    if not percent and 0.5 <= number < 1:
        shown = plain_number(number)
        raise OptionError(
            f"{name} {shown} is ambiguous ({shown}% or {plain_number(number * 100)}%?): "
            f'write "{shown}%" or {plain_number(number / 100)} for {shown}%'
        )
    fraction = number / 100.0 if percent or number >= 1 else number
    if fraction >= 1:
        raise OptionError(
            f"{name} must be below 100% (2, 2% or 0.02 = 2%), not {quote_excerpt(value)}"
        )
    return round(fraction, 12)  # 2 / 100 is 0.02, not 0.020000000000000004


def _days(value: Any, name: str) -> float:
    number = None if isinstance(value, bool) else number_value(value)
    if number is None or not math.isfinite(number):
        raise OptionError(f"{name} must be a number of days, not {quote_excerpt(value)}")
    if number < 0:
        raise OptionError(f"{name} must be 0 or more days, not {plain_number(number)}")
    return float(number)


def discount_cost(
    discount: Any,
    discount_days: Any,
    net_days: Any,
    day_basis: Any = 360,
    method: str = "simple",
) -> float:
    """Annualised cost (a fraction) of the discount term ``discount/discount_days net net_days``.

    Parameters
    ----------
    discount : number or text
        2, ``"2%"`` or 0.02 (:func:`as_discount`).
    discount_days, net_days : number
        Days to pay with the discount, days to pay in full; ``discount_days < net_days``.
    day_basis : {360, 365}, default 360
    method : {'simple', 'effective'}, default 'simple'

    Examples
    --------
    >>> round(discount_cost(2, 10, 30), 4), round(discount_cost("2%", 10, 30, 365), 4)
    (0.3673, 0.3724)
    >>> round(discount_cost(0.02, 10, 30, 360, "effective"), 4)
    0.4386
    >>> discount_cost(2, 30, 30)
    Traceback (most recent call last):
    ...
    xl_ar.errors.OptionError: discount_days (30) must be fewer than net_days (30)
    """
    rate = as_discount(discount)
    early = _days(discount_days, "discount_days")
    net = _days(net_days, "net_days")
    if early >= net:
        raise OptionError(
            f"discount_days ({plain_number(early)}) must be fewer than net_days ({plain_number(net)})"
        )
    basis = _day_basis(day_basis)
    how = choose(method, DISCOUNT_METHODS, "method", "simple")
    per_period = rate / (1.0 - rate)
    periods = basis / (net - early)
    if how == "simple":
        return per_period * periods
    return math.expm1(periods * math.log1p(per_period))


def _day_basis(value: Any) -> int:
    if value is None or (isinstance(value, str) and not value.strip()):
        return 360
    number = None if isinstance(value, bool) else number_value(value)
    if number not in DAY_BASES:
        raise OptionError(f"day_basis must be 360 or 365, not {quote_excerpt(value)}")
    return int(number)


def discount_cost_label(method: str = "simple", day_basis: Any = 360, lang: str = "en") -> str:
    """The convention of a discount cost in words: ``simple, 360 days``.

    Examples
    --------
    >>> discount_cost_label(), discount_cost_label("effective", 365, "id")
    ('simple, 360 days', 'efektif, 365 hari')
    """
    how = choose(method, DISCOUNT_METHODS, "method", "simple")
    basis = _day_basis(day_basis)
    word = _METHOD_NAMES[how][lang == "en"]
    return f"{word}, {basis} {'days' if lang == 'en' else 'hari'}"
