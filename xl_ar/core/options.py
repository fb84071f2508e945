"""Validation of the options every core function shares (``as_of``, ``buckets``, choices).

Options arrive from Python callers, from the command line and from worksheet cells, so they
are accepted in the forms those give (text, numbers, Excel serial dates) and rejected with a
one-line :class:`~xl_ar.errors.OptionError` otherwise.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from xl_ar.core.cells import excel_error, is_blank_value, number_from_text, quote_excerpt
from xl_ar.errors import OptionError

DEFAULT_BUCKETS: tuple[int, ...] = (30, 60, 90)
MAX_BUCKET_DAYS = 36_500  # 100 years: a longer edge is a typo, and would print a huge label


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


def as_date(value: object, name: str = "as_of") -> pd.Timestamp:
    """Turn one date option into a midnight ``Timestamp``.

    Accepts ``datetime``, ``date``, ``Timestamp``, ``numpy.datetime64``, ISO text
    (``"2024-12-31"``) and Excel serial numbers (``45657`` → 2024-12-31, 1900 system).

    Examples
    --------
    >>> as_date(45657), as_date("2024-12-31")
    (Timestamp('2024-12-31 00:00:00'), Timestamp('2024-12-31 00:00:00'))
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        raise OptionError(f"{name} is required (a date such as 2024-12-31)")
    if isinstance(value, bool):
        raise OptionError(f"{name} must be a date, not {value!r}")
    if isinstance(value, (dt.datetime, dt.date, np.datetime64)):
        return pd.Timestamp(value).normalize()
    if isinstance(value, (int, float, np.integer, np.floating)):
        serial = float(value)
        if not 61 <= serial <= 109574:  # 1900-03-01 .. 2199-12-31
            raise OptionError(f"{name}: {value!r} is not a plausible Excel date serial")
        return (pd.Timestamp("1899-12-30") + pd.Timedelta(days=math.floor(serial))).normalize()
    if isinstance(value, str):
        text = value.strip()
        try:
            if text.replace(".", "", 1).isdigit():
                return as_date(float(text), name)
            return pd.Timestamp(dt.date.fromisoformat(text[:10]))
        except ValueError:
            pass
    raise OptionError(f"{name}: {value!r} is not a date (use YYYY-MM-DD or an Excel date)")


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
        parts: Iterable[object] = [p for p in value.replace(";", ",").split(",") if p.strip()]
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
        number = _days_number(part)
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


def _days_number(part: object) -> float | None:
    """A finite number from a number cell or number text; ``None`` otherwise (bool included)."""
    if isinstance(part, str):
        return number_from_text(part)
    if isinstance(part, bool) or not isinstance(part, (int, float, np.integer, np.floating)):
        return None
    number = float(part)
    return number if math.isfinite(number) else None
