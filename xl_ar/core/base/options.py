"""Validation of the options every core function shares (``as_of``, ``buckets``, choices).

Options arrive from Python callers, from the command line and from worksheet cells, so they
are accepted in the forms those give (text, numbers, Excel serial dates) and rejected with a
one-line :class:`~xl_ar.errors.OptionError` otherwise.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base.amounts import parse_amounts
from xl_ar.core.base.cells import excel_error, is_blank_value, number_value, quote_excerpt
from xl_ar.core.base.dates import (
    FICTITIOUS_1900_02_29,
    FIRST_DAY,
    LAST_DAY,
    OUTSIDE_RANGE,
    serial_days,
)
from xl_ar.core.base.text import value_text
from xl_ar.errors import OptionError, XlArError

__all__ = [
    "DAY_BASES",
    "DEFAULT_BUCKETS",
    "DEFAULT_TOLERANCE",
    "MAX_ACTION_DAYS",
    "MAX_BUCKET_DAYS",
    "MAX_TOLERANCE",
    "Tolerance",
    "as_buckets",
    "as_date",
    "as_day_basis",
    "as_number",
    "as_numbers",
    "as_positive",
    "choose",
    "parse_tolerance",
]

DEFAULT_BUCKETS: tuple[int, ...] = (30, 60, 90)
MAX_BUCKET_DAYS = 36_500  # 100 years: a longer edge is a typo, and would print a huge label
#: Days from ``as_of`` to an action or a payment deadline (a strategy's days_to_act, a
#: letter's pay_within_days): 10 years, as the ledger's terms; a longer span is a typo.
MAX_ACTION_DAYS = 3650
#: Tolerance of payment matching when none is given: exact to the cent.
DEFAULT_TOLERANCE = 0.005
MAX_TOLERANCE = 1e15  # an amount; in cents it must stay far inside int64
#: Accepted day bases (days in the interest or ratio year); a blank gives the default 365.
DAY_BASES = (360, 365)


def choose(value: object, allowed: Sequence[str], name: str, default: str | None = None) -> str:
    """Return ``value`` as one of ``allowed`` (case-insensitive), else raise ``OptionError``.

    ``None`` and blank text give ``default`` when one is set.

    Examples
    --------
    >>> choose("Due", ("due", "invoice"), "basis")
    'due'
    """
    if (value is None or (isinstance(value, str) and not value.strip())) and default is not None:
        return default
    text = str(value).strip().lower()
    if text in allowed:
        return text
    listed = ", ".join(f"'{a}'" for a in allowed)
    raise OptionError(f"{name} must be one of {listed}, not {quote_excerpt(value)}")


# An ISO day, alone or with a midnight time part ("2024-12-31T00:00:00", "2024-12-31 00:00").
_ISO_DAY = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[T ]00:00(?::00(?:\.0+)?)?)?")


def as_date(value: object, name: str = "as_of") -> pd.Timestamp:  # noqa: C901
    """Turn one date option into a midnight ``Timestamp`` within the dates xl-ar handles.

    Accepts ``datetime``, ``date``, ``Timestamp``, ``numpy.datetime64`` (time-zone aware
    values keep their wall time, as date cells do), ISO text (``"2024-12-31"``) and Excel
    serial numbers (``45657`` → 2024-12-31, 1900 system, as number or text). Every form must
    fall in :data:`xl_ar.core.base.dates.DATE_RANGE` (1900-01-01 to 2199-12-31, the range of
    ledger date cells too): a date outside is refused, never wrapped.

    Raises
    ------
    OptionError
        One line naming the option: blank, not a date, or outside the range.

    Examples
    --------
    >>> as_date(45657), as_date("2024-12-31")
    (Timestamp('2024-12-31 00:00:00'), Timestamp('2024-12-31 00:00:00'))
    >>> as_date("2024-12-31T00:00:00"), as_date("2024-12-31 00:00")
    (Timestamp('2024-12-31 00:00:00'), Timestamp('2024-12-31 00:00:00'))
    >>> as_date("2024-12-31x")
    Traceback (most recent call last):
    ...
    xl_ar.errors.OptionError: as_of: '2024-12-31x' is not a date (use YYYY-MM-DD or an Excel date)
    >>> as_date("9999-12-31", "to_date")
    Traceback (most recent call last):
    ...
    xl_ar.errors.OptionError: to_date: 9999-12-31 is outside the dates xl-ar handles \
(1900-01-01 to 2199-12-31)
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        raise OptionError(f"{name} is required (a date such as 2024-12-31)")
    if isinstance(value, (bool, np.bool_)):
        raise OptionError(f"{name} must be a date, not {quote_excerpt(value)}")
    if isinstance(value, (dt.date, np.datetime64)):
        return _day_in_range(_calendar_day(value), name, None)
    if isinstance(value, (int, float, Decimal, np.integer, np.floating)):
        try:
            serial = float(value)
        except (OverflowError, ValueError):  # an int beyond float range, Decimal("sNaN")
            serial = math.inf
        days, problems = serial_days(np.array([serial]))
        if problems[0] is None or problems[0] == OUTSIDE_RANGE:
            return _day_in_range(days[0], name, quote_excerpt(serial))
        if problems[0] == FICTITIOUS_1900_02_29:
            raise OptionError(f"{name}: {quote_excerpt(serial)} {problems[0]}")
        shown = quote_excerpt(serial) if math.isfinite(serial) else quote_excerpt(value)
        raise OptionError(f"{name}: {shown} is not a plausible Excel date serial")
    if isinstance(value, str):
        text = value.strip()
        if text.isascii() and text.replace(".", "", 1).isdigit():  # never "²" or "1_0"
            return as_date(float(text), name)
        iso = _ISO_DAY.fullmatch(text)  # the whole text: never "2024-12-31x" as 2024-12-31
        if iso:
            try:
                day = np.datetime64(dt.date.fromisoformat(iso.group(1)), "D")
            except ValueError:  # 2024-02-30
                pass
            else:
                return _day_in_range(day, name, None)
    raise OptionError(
        f"{name}: {quote_excerpt(value)} is not a date (use YYYY-MM-DD or an Excel date)"
    )


def _calendar_day(value: dt.date | np.datetime64) -> np.datetime64:
    """The day of a date-like, at any distance from 1970 (its wall time; NaT stays NaT)."""
    if isinstance(value, np.datetime64):
        return value.astype("datetime64[D]")
    return np.datetime64(dt.date(value.year, value.month, value.day), "D")


def _day_in_range(day: np.datetime64, name: str, serial: str | None) -> pd.Timestamp:
    """``day`` as a nanosecond ``Timestamp``, or the one-line error when outside the range."""
    if np.isnat(day):
        raise OptionError(f"{name} is required (a date such as 2024-12-31)")
    if not FIRST_DAY <= day <= LAST_DAY:
        shown = str(day) if serial is None else f"{serial} ({day})"
        raise OptionError(f"{name}: {shown} {OUTSIDE_RANGE}")
    return pd.Timestamp(day.astype("datetime64[ns]"))


def as_buckets(value: object = None) -> tuple[int, ...]:
    """Parse aging bucket edges: text ``"30,60,90"``, a sequence or a 2-D range of numbers.

    Edges are whole days, positive, at most :data:`MAX_BUCKET_DAYS` and strictly increasing.
    ``None`` or blank gives ``(30, 60, 90)``.

    Examples
    --------
    >>> as_buckets("30, 60, 90"), as_buckets([[15.0], [45.0]])
    ((30, 60, 90), (15, 45))
    >>> as_buckets("1e300")
    Traceback (most recent call last):
    ...
    xl_ar.errors.OptionError: buckets: '1e300' is more than 36,500 days (100 years)
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return DEFAULT_BUCKETS
    if isinstance(value, str) and excel_error(value) is None:
        parts: Sequence[object] = [p for p in value.replace(";", ",").split(",") if p.strip()]
    elif isinstance(value, (str, int, float, np.integer, np.floating)):
        parts = [value]
    else:
        parts = [v for v in np.asarray(value, dtype=object).ravel() if not is_blank_value(v)]
    edges: list[int] = []
    for i, part in enumerate(parts, start=1):
        error = excel_error(part)
        if error is not None:
            raise OptionError(
                f"buckets: value {i} is {error}" if len(parts) > 1 else f"buckets is {error}"
            )
        number = number_value(part)
        if number is None:
            raise OptionError(f"buckets: {quote_excerpt(part)} is not a number of days")
        if not number.is_integer() or number <= 0:
            raise OptionError(
                f"buckets: {quote_excerpt(part)} is not a whole number of days above 0"
            )
        if number > MAX_BUCKET_DAYS:
            raise OptionError(
                f"buckets: {quote_excerpt(part.strip() if isinstance(part, str) else part)} is "
                f"more than {MAX_BUCKET_DAYS:,} days (100 years)"
            )
        edges.append(int(number))
    if not edges:
        return DEFAULT_BUCKETS
    if any(b <= a for a, b in zip(edges, edges[1:], strict=False)):
        raise OptionError(f"buckets must increase, got {', '.join(map(str, edges))}")
    return tuple(edges)


def as_day_basis(value: object = 365, default: int = 365) -> int:
    """Days in the year of an interest or ratio formula: 360 or 365; blank gives ``default``.

    A blank is an omitted optional argument, as in Excel, so it takes the function's default
    (365 unless the caller's formula documents 360). Text that reads as 360 or 365 is
    accepted (``"365"``, ``" 360 "``).

    Parameters
    ----------
    value : object
        ``360``, ``365.0``, ``"365"``, ``None`` or a blank text.
    default : {365, 360}
        What a blank gives.

    Returns
    -------
    int

    Raises
    ------
    OptionError
        Anything else, quoting the value.

    Examples
    --------
    >>> as_day_basis(360.0), as_day_basis(None), as_day_basis(" 365 "), as_day_basis("", 360)
    (360, 365, 365, 360)
    >>> as_day_basis(366)
    Traceback (most recent call last):
    ...
    xl_ar.errors.OptionError: day_basis must be 360 or 365, not 366
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    number = number_value(value)
    if number is None or number not in DAY_BASES:
        shown = value if number is None else number
        raise OptionError(f"day_basis must be 360 or 365, not {quote_excerpt(shown)}")
    return int(number)


# --------------------------------------------------------------------------- numbers


def as_number(value: Any, name: str) -> float:
    """``value`` as a finite float, or :class:`XlArError` naming ``name``.

    Examples
    --------
    >>> as_number(np.int64(3), "months"), as_number(2.5, "days")
    (3.0, 2.5)
    >>> as_number(None, "months")
    Traceback (most recent call last):
    ...
    xl_ar.errors.XlArError: months must be a number, not (blank)
    """
    if isinstance(value, bool | np.bool_ | str | bytes) or value is None:
        raise XlArError(f"{name} must be a number, not {value_text(value)}")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise XlArError(f"{name} must be a number, not {value_text(value)}") from None
    if not math.isfinite(number):
        raise XlArError(f"{name} must be a finite number, not {value_text(number)}")
    return number


def as_positive(value: Any, name: str) -> float:
    """``value`` as a float greater than 0, or :class:`XlArError` naming ``name``.

    Examples
    --------
    >>> as_positive(30, "days")
    30.0
    """
    number = as_number(value, name)
    if number <= 0:
        raise XlArError(f"{name} must be greater than 0, not {value_text(number)}")
    return number


def as_numbers(values: Any, name: str, *, allow_nan: bool = False) -> np.ndarray:
    """Return ``values`` as a 1-D float64 array; a lone number becomes an array of one.

    Blanks (``None``, ``NaN``, ``pd.NA``) become ``NaN`` and raise unless ``allow_nan``;
    text, booleans and infinities always raise :class:`XlArError` naming the position.

    Examples
    --------
    >>> as_numbers([1, 2.5], "sales").tolist(), as_numbers(7, "sales").tolist()
    ([1.0, 2.5], [7.0])
    """
    if isinstance(values, pd.Series | pd.Index):
        values = values.to_numpy(dtype=object)
    if isinstance(values, str | bytes):
        raise XlArError(f"{name} must hold numbers, not {value_text(values)}")
    arr = np.asarray(values, dtype=object)
    if arr.ndim == 0:
        arr = arr.reshape(1)
    if arr.ndim != 1:
        raise XlArError(f"{name} must be one row or one column of numbers, not shape {arr.shape}")
    out = np.empty(arr.shape[0], dtype=np.float64)
    for i, item in enumerate(arr):
        if item is None or item is pd.NA or item is pd.NaT:
            out[i] = np.nan
            continue
        if isinstance(item, bool | np.bool_ | str | bytes):
            raise XlArError(f"{name}[{i}] must be a number, not {value_text(item)}")
        try:
            out[i] = float(item)
        except (TypeError, ValueError):
            raise XlArError(f"{name}[{i}] must be a number, not {value_text(item)}") from None
    if not allow_nan and np.isnan(out).any():
        i = int(np.flatnonzero(np.isnan(out))[0])
        raise XlArError(f"{name}[{i}] is blank or not a number")
    if np.isinf(out).any():
        i = int(np.flatnonzero(np.isinf(out))[0])
        raise XlArError(f"{name}[{i}] must be a finite number, not {value_text(out[i])}")
    return out


# --------------------------------------------------------------------------- tolerance


@dataclass(frozen=True)
class Tolerance:
    """How far a payment may be from the open amount it settles.

    Attributes
    ----------
    absolute : float or None
        An amount (``2.5`` means up to 2.50 either way).
    relative : float or None
        A fraction of the open amount being settled (``0.02`` for 2 %).

    With both set the larger allowance applies; with neither, amounts must agree to the cent.

    Examples
    --------
    >>> t = parse_tolerance("2%")
    >>> t.allowed(1000.0), t.within(-20.0, 1000.0), t.within(20.01, 1000.0)
    (20.0, True, False)
    """

    absolute: float | None = None
    relative: float | None = None

    def allowed_cents(self, open_cents: int) -> int:
        """Whole cents allowed for an open amount given in cents."""
        out = 0
        if self.absolute is not None:
            out = max(out, math.floor(self.absolute * 100 + 1e-6))
        if self.relative is not None:
            out = max(out, math.floor(self.relative * abs(open_cents) + 1e-6))
        return out

    def allowed_cents_array(self, open_cents: np.ndarray) -> np.ndarray:
        """:meth:`allowed_cents` of many open amounts at once."""
        out = np.zeros(len(open_cents), dtype=np.int64)
        if self.absolute is not None:
            out[:] = math.floor(self.absolute * 100 + 1e-6)
        if self.relative is not None:
            rel = np.floor(self.relative * np.abs(open_cents) + 1e-6).astype(np.int64)
            out = np.maximum(out, rel)
        return out

    def window_cents(self, pay_cents: int) -> tuple[int, int]:
        """Open amounts (cents) that may match a payment: a superset, checked one by one."""
        lo = hi = pay_cents
        if self.absolute is not None:
            a = math.floor(self.absolute * 100 + 1e-6)
            lo, hi = min(lo, pay_cents - a), max(hi, pay_cents + a)
        if self.relative is not None:
            lo = min(lo, math.floor(pay_cents / (1 + self.relative)) - 1)
            top = pay_cents / (1 - self.relative) if self.relative < 1 else math.inf
            hi = max(hi, math.ceil(top) + 1 if math.isfinite(top) else 2**62)
        return lo, hi

    @property
    def is_exact(self) -> bool:
        """Whether nothing but an exact match (to the cent) is allowed."""
        return self.allowed_cents(0) == 0 and not self.relative

    def allowed(self, open_amount: float) -> float:
        """The difference allowed when settling ``open_amount`` (to the cent)."""
        return self.allowed_cents(_cents(open_amount)) / 100

    def within(self, difference: float, open_amount: float) -> bool:
        """Whether ``difference`` (to the cent) is allowed when settling ``open_amount``."""
        return abs(_cents(difference)) <= self.allowed_cents(_cents(open_amount))


def _cents(value: float) -> int:
    return round(float(value) * 100)


def parse_tolerance(value: object = DEFAULT_TOLERANCE, *, number_format: str = "auto") -> Tolerance:
    """Read a tolerance: an amount (number or text) or a percentage text such as ``"2%"``.

    A number is always an amount: write a percentage as text (a cell formatted as % holds
    the fraction, 0.02, which would be read as 0.02 of a currency unit). Blank gives the
    default, exact to the cent. Text amounts are read like ledger amounts under
    ``number_format`` (``"Rp 1.000"`` needs ``number_format="id"``: alone it is ambiguous).

    Examples
    --------
    >>> parse_tolerance("2%")
    Tolerance(absolute=None, relative=0.02)
    >>> parse_tolerance(5000), parse_tolerance("0,5 %").relative
    (Tolerance(absolute=5000.0, relative=None), 0.005)
    >>> parse_tolerance("-1")
    Traceback (most recent call last):
    ...
    xl_ar.errors.OptionError: tolerance must not be negative, not '-1'
    """
    if isinstance(value, Tolerance):
        return value
    if value is None or is_blank_value(value):
        return Tolerance(absolute=DEFAULT_TOLERANCE)
    if isinstance(value, bool | np.bool_):
        raise OptionError(
            f"tolerance must be an amount or a percentage such as '2%', not {quote_excerpt(value)}"
        )
    percent = False
    if isinstance(value, str):
        text = value.strip()
        percent = text.endswith("%")
        number = _number_text(text[:-1] if percent else text, value, number_format)
    elif isinstance(value, int | float | np.integer | np.floating):
        number = float(value)
    else:
        raise OptionError(
            f"tolerance must be an amount or a percentage such as '2%', not {quote_excerpt(value)}"
        )
    if not math.isfinite(number):
        raise OptionError(f"tolerance must be a finite amount, not {quote_excerpt(value)}")
    if number < 0:
        raise OptionError(f"tolerance must not be negative, not {quote_excerpt(value)}")
    if not percent and number > MAX_TOLERANCE:
        raise OptionError(
            f"tolerance must be an amount up to {MAX_TOLERANCE:,.0f} or a percentage such as "
            f"'2%', not {quote_excerpt(value)}"
        )
    if percent:
        if number >= 100:
            raise OptionError(f"tolerance must be below 100%, not {quote_excerpt(value)}")
        return Tolerance(relative=number / 100)
    return Tolerance(absolute=number)


def _number_text(text: str, original: object, number_format: str) -> float:
    parsed = parse_amounts([text.strip()], number_format=number_format)
    found, problem = parsed.values.iloc[0], parsed.problems.iloc[0]
    if problem is not None and "ambiguous" in problem:
        raise OptionError(f"tolerance: {quote_excerpt(original)} {problem}")
    if problem is not None or pd.isna(found):
        raise OptionError(
            f"tolerance: {quote_excerpt(original)} is not an amount or a percentage such as '2%'"
        )
    return float(found)
