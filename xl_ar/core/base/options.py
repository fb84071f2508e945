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
from decimal import Decimal

import numpy as np
import pandas as pd

from xl_ar.core.base.cells import excel_error, is_blank_value, number_value, quote_excerpt
from xl_ar.core.base.dates import (
    FICTITIOUS_1900_02_29,
    FIRST_DAY,
    LAST_DAY,
    OUTSIDE_RANGE,
    serial_days,
)
from xl_ar.errors import OptionError

DEFAULT_BUCKETS: tuple[int, ...] = (30, 60, 90)
MAX_BUCKET_DAYS = 36_500  # 100 years: a longer edge is a typo, and would print a huge label
#: Days from ``as_of`` to an action or a payment deadline (a strategy's days_to_act, a
#: letter's pay_within_days): 10 years, as the ledger's terms; a longer span is a typo.
MAX_ACTION_DAYS = 3650


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
            return _day_in_range(days[0], name, _shown_number(serial))
        if problems[0] == FICTITIOUS_1900_02_29:
            raise OptionError(f"{name}: {_shown_number(serial)} {problems[0]}")
        shown = _shown_number(serial) if math.isfinite(serial) else quote_excerpt(value)
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


def _shown_number(number: float) -> str:
    """A serial as a message shows it: ``45657``, ``45657.5``, ``1e+300`` (never 301 digits)."""
    return quote_excerpt(number)


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
