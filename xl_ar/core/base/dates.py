"""Turn spreadsheet date cells into dates, and say what is wrong with the ones that are not.

A date column read from a workbook or a CSV holds a mix of things: real dates
(``datetime``, ``date``, ``pandas.Timestamp``, ``numpy.datetime64``), Excel serial numbers
(``45657`` is 2024-12-31), text dates in a local order (``31/12/2024``, ``31 Des 2024``,
``12/31/2024``), blanks and junk. :func:`parse_dates` reads all of them into a
``datetime64[ns]`` column normalised to midnight, and explains every cell it could not read.

Everything is vectorised over the *distinct* cell values: a column is factorised first, each
distinct value is parsed once (text with pandas ``.str`` regular expressions, serials and
datetimes with numpy), and the results are spread back over the cells. Text dates are read
only with explicit patterns in the order the caller names; the order is never guessed per cell.

Two-digit years are read in Excel's window: 2000-2029 for ``00``-``29`` and 1930-1999 for
``30``-``99`` (:data:`TWO_DIGIT_YEAR_CUTOFF`).
"""

from __future__ import annotations

import datetime as _dt
import decimal
import numbers
import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base.schema import ParsedColumn
from xl_ar.errors import OptionError

__all__ = [
    "KIND_BLANK",
    "KIND_BOOL",
    "KIND_DATETIME",
    "KIND_NUMBER",
    "KIND_OTHER",
    "KIND_TEXT",
    "Cells",
    "DATE_ORDERS",
    "DATE_RANGE",
    "FIRST_DAY",
    "LAST_DAY",
    "MAX_SERIES_PERIODS",
    "MAX_SERIES_YEARS",
    "MONTHS",
    "OUTSIDE_RANGE",
    "TWO_DIGIT_YEAR_CUTOFF",
    "AUTO_ORDER",
    "check_series_span",
    "classify_cells",
    "decide_date_order",
    "day_numbers",
    "datetime_to_excel_serial",
    "excel_serial_to_datetime",
    "parse_dates",
    "serial_days",
]

# --------------------------------------------------------------------------------------
# Options and vocabulary
# --------------------------------------------------------------------------------------

DATE_ORDERS = ("dmy", "mdy", "ymd")
_ORDER_ALIASES = {
    "dmy": "dmy",
    "mdy": "mdy",
    "ymd": "ymd",
    "dayfirst": "dmy",
    "monthfirst": "mdy",
    "auto": "auto",
}
#: The date order decided from the data (:func:`decide_date_order`); ``dmy`` when the
#: text dates read either way.
AUTO_ORDER = "auto"

#: Month names and abbreviations (Indonesian and English, lower case) -> month number.
MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "januari january jan",
        "februari pebruari february feb peb",
        "maret march mar mrt",
        "april apr",
        "mei may",
        "juni june jun",
        "juli july jul",
        "agustus august aug agu agt ags",
        "september sept sep",
        "oktober october okt oct",
        "november nopember nov nop",
        "desember december des dec",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number
del _number, _names, _name

#: The dates xl-ar handles, for every date it accepts (ledger cells and date options alike).
#: Excel's own dates run to 9999-12-31, but pandas keeps dates as nanoseconds, which end on
#: 2262-04-11: the range stops well before, so that due dates (invoice date + terms) and
#: forecast periods after the last date still fit, and no date is ever silently wrapped.
FIRST_DAY = np.datetime64("1900-01-01", "D")
LAST_DAY = np.datetime64("2199-12-31", "D")
DATE_RANGE = f"{FIRST_DAY} to {LAST_DAY}"
#: A period series (KPI periods, loss-rate month ends) spans at most this many years and
#: holds at most this many periods (100 years of months; each period costs a pass over the
#: ledger).
MAX_SERIES_YEARS = 100
MAX_SERIES_PERIODS = 1200

NOT_A_DATE = "is not a date"
NOT_PLAUSIBLE = "is not a plausible date"
OUTSIDE_RANGE = f"is outside the dates xl-ar handles ({DATE_RANGE})"
FICTITIOUS_1900_02_29 = "is Excel's non-existent date 1900-02-29"

_MAX_SERIAL = 2958465  # 9999-12-31, the last day Excel knows
_MS_PER_DAY = 86_400_000
_EPOCH_1899_12_30_MS = np.datetime64("1899-12-30", "ms")
_NS_MIN = np.datetime64("1677-09-22", "ms")  # whole days datetime64[ns] can hold
_NS_MAX = np.datetime64("2262-04-11", "ms")
_NAT_D = np.datetime64("NaT", "D")


def _check_date_order(date_order: object) -> str:
    key = date_order.strip().lower() if isinstance(date_order, str) else None
    if key not in _ORDER_ALIASES:
        raise OptionError(f"date_order must be 'dmy', 'mdy' or 'ymd', not {date_order!r}")
    return _ORDER_ALIASES[key]


# --------------------------------------------------------------------------------------
# Cell classification, shared with xl_ar.core.base.amounts
# --------------------------------------------------------------------------------------

KIND_BLANK, KIND_TEXT, KIND_NUMBER, KIND_BOOL, KIND_DATETIME, KIND_OTHER = range(6)
_KIND_BY_TYPE: dict[type, int] = {}


def _kind_of_type(tp: type) -> int:
    kind = _KIND_BY_TYPE.get(tp)
    if kind is None:
        if issubclass(tp, str):
            kind = KIND_TEXT
        elif issubclass(tp, (bool, np.bool_)):
            kind = KIND_BOOL
        elif issubclass(tp, (_dt.date, np.datetime64)):  # datetime, Timestamp are dates
            kind = KIND_DATETIME
        elif issubclass(tp, (np.timedelta64, _dt.timedelta)):
            kind = KIND_OTHER
        elif issubclass(tp, (numbers.Real, decimal.Decimal)):
            kind = KIND_NUMBER
        else:
            kind = KIND_OTHER
        _KIND_BY_TYPE[tp] = kind
    return kind


@dataclass(frozen=True)
class Cells:
    """A column split into *entries* to parse once each.

    ``data`` holds the entries: the distinct values of an object column (then ``codes``
    maps every cell to its entry, ``-1`` for a missing cell), or the whole typed column
    (``codes`` is ``None``: one entry per cell). ``kinds`` says what each entry is and
    ``numbers`` holds the ``float64`` value of the ``KIND_NUMBER`` entries (NaN elsewhere).
    """

    index: pd.Index
    name: Hashable
    data: np.ndarray
    kinds: np.ndarray
    numbers: np.ndarray
    codes: np.ndarray | None

    def expand(self, per_entry: np.ndarray, fill: Any) -> np.ndarray:
        """Spread one result per entry over the cells (``fill`` for missing cells)."""
        if self.codes is None:
            return per_entry
        extended = np.empty(len(per_entry) + 1, dtype=per_entry.dtype)
        extended[:-1] = per_entry
        extended[-1] = fill
        return extended.take(self.codes)  # code -1 picks the fill at the end

    def counts(self) -> np.ndarray:
        """Number of cells behind each entry."""
        if self.codes is None:
            return np.ones(len(self.data), dtype=np.int64)
        return np.bincount(self.codes + 1, minlength=len(self.data) + 1)[1:]


def _as_series(values: object) -> pd.Series:
    if isinstance(values, pd.Series):
        return values
    if isinstance(values, pd.DataFrame):
        raise TypeError("expected one column (a Series or a sequence), got a DataFrame")
    if isinstance(values, pd.Index | pd.api.extensions.ExtensionArray):
        return pd.Series(values, index=pd.RangeIndex(len(values)), copy=False)
    if isinstance(values, np.ndarray):
        if values.ndim != 1:
            raise ValueError(f"expected a 1-dimensional column, got shape {values.shape}")
        return pd.Series(values, copy=False)
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise TypeError(f"expected a Series or a sequence of cells, got {type(values).__name__}")
    items = values if isinstance(values, list | tuple) else list(values)
    # np.fromiter keeps every cell as the Python object it is (no type inference).
    return pd.Series(np.fromiter(items, dtype=object, count=len(items)), dtype=object)


# infer_dtype answers (one C pass) that settle the kind of every distinct value at once
_KIND_BY_INFERRED = {
    "string": KIND_TEXT,
    "floating": KIND_NUMBER,
    "integer": KIND_NUMBER,
    "mixed-integer-float": KIND_NUMBER,
    "decimal": KIND_NUMBER,
    "boolean": KIND_BOOL,
    "datetime": KIND_DATETIME,
    "datetime64": KIND_DATETIME,
    "date": KIND_DATETIME,
}


def _objects_as_float(objects: np.ndarray) -> np.ndarray:
    try:
        return objects.astype(np.float64)
    except OverflowError:  # a Python int beyond float range
        return np.array([_float_or_inf(x) for x in objects], dtype=np.float64)


def _float_or_inf(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except OverflowError:
        return np.inf if value > 0 else -np.inf  # type: ignore[operator]


def _typed(index: pd.Index, name: Hashable, data: np.ndarray, kinds: np.ndarray) -> Cells:
    numbers = data if data.dtype == np.float64 else np.full(len(data), np.nan)
    return Cells(index, name, data, kinds.astype(np.int8), numbers, None)


def classify_cells(values: object, *, blank_text: bool = True) -> Cells:  # noqa: C901
    """Factorise a column (or take a typed one as it is) and type its entries.

    The one reading of what a cell is (blank, text, number, TRUE/FALSE, date, other),
    shared by the date and amount parsers. With ``blank_text=False`` white-space-only text
    stays ``KIND_TEXT``: the caller finds it.

    Examples
    --------
    >>> cells = classify_cells(["a", 2.0, None, True])  # code -1: a missing cell
    >>> cells.codes.tolist(), cells.kinds.tolist() == [KIND_TEXT, KIND_NUMBER, KIND_BOOL]
    ([0, 1, -1, 2], True)
    """
    series = _as_series(values)
    dtype = series.dtype
    index, name = series.index, series.name
    if isinstance(dtype, pd.DatetimeTZDtype):
        data = series.dt.tz_localize(None).to_numpy()
        return _typed(index, name, data, np.where(np.isnat(data), KIND_BLANK, KIND_DATETIME))
    if dtype.kind == "M":
        data = series.to_numpy()
        return _typed(index, name, data, np.where(np.isnat(data), KIND_BLANK, KIND_DATETIME))
    if pd.api.types.is_bool_dtype(dtype):
        data = series.isna().to_numpy()
        return _typed(index, name, data, np.where(data, KIND_BLANK, KIND_BOOL))
    if pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_complex_dtype(dtype):
        data = series.to_numpy(dtype=np.float64, na_value=np.nan)
        return _typed(index, name, data, np.where(np.isnan(data), KIND_BLANK, KIND_NUMBER))

    cells = series.to_numpy(dtype=object)
    looks_numeric = any(_kind_of_type(type(cell)) == KIND_NUMBER for cell in cells[:8])
    if looks_numeric and _KIND_BY_INFERRED.get(pd.api.types.infer_dtype(cells, skipna=True)) == (
        KIND_NUMBER
    ):
        # only numbers and blanks (no bool: that infers as "boolean" or "mixed-integer")
        try:
            data = series.to_numpy(dtype=np.float64, na_value=np.nan)
        except OverflowError:  # a Python int beyond float range
            data = _objects_as_float(np.where(pd.isna(cells), np.nan, cells))
        return _typed(index, name, data, np.where(np.isnan(data), KIND_BLANK, KIND_NUMBER))
    codes, uniques = pd.factorize(cells)  # None, NaN, NaT, pd.NA -> code -1
    uniques = np.asarray(uniques, dtype=object)
    codes = codes.astype(np.intp, copy=False)
    kind = _KIND_BY_INFERRED.get(pd.api.types.infer_dtype(uniques, skipna=False))
    if kind is not None:
        kinds = np.full(len(uniques), kind, dtype=np.int8)
    else:  # mixed types: one look per distinct value
        cache = _KIND_BY_TYPE
        kinds = np.fromiter(
            (cache[tp] if tp in cache else _kind_of_type(tp) for tp in map(type, uniques)),
            dtype=np.int8,
            count=len(uniques),
        )
    numbers = np.full(len(uniques), np.nan)
    is_number = kinds == KIND_NUMBER
    if is_number.any():
        numbers[is_number] = _objects_as_float(uniques[is_number])

    # Python hashes True like 1 and False like 0, so factorize puts them in one entry.
    # Split such entries by looking at the (few) cells behind them.
    merged = np.flatnonzero((kinds == KIND_BOOL) | (is_number & ((numbers == 0) | (numbers == 1))))
    new_uniques: list[object] = []
    new_kinds: list[int] = []
    for k in merged:
        where = np.flatnonzero(codes == k)
        is_bool = np.fromiter(
            (isinstance(x, bool | np.bool_) for x in cells[where]), dtype=bool, count=len(where)
        )
        odd = where[is_bool != (kinds[k] == KIND_BOOL)]
        if len(odd):
            codes[odd] = len(uniques) + len(new_uniques)
            new_uniques.append(cells[odd[0]])
            new_kinds.append(KIND_NUMBER if kinds[k] == KIND_BOOL else KIND_BOOL)
    if new_uniques:
        extra = np.empty(len(new_uniques), dtype=object)
        extra[:] = new_uniques
        uniques = np.concatenate([uniques, extra])
        new_kinds_array = np.asarray(new_kinds, dtype=np.int8)
        kinds = np.concatenate([kinds, new_kinds_array])
        numbers = np.concatenate(
            [numbers, np.where(new_kinds_array == KIND_NUMBER, _objects_as_float(extra), np.nan)]
        )

    is_text = kinds == KIND_TEXT
    if blank_text and is_text.any():
        stripped = pd.Series(uniques[is_text], dtype=object).str.strip()
        blank = np.zeros(len(uniques), dtype=bool)
        blank[is_text] = (stripped == "").to_numpy()
        kinds[blank] = KIND_BLANK
    # Decimal('NaN') and the like, which factorize keeps, are blank cells too.
    kinds[(kinds == KIND_NUMBER) & np.isnan(numbers)] = KIND_BLANK
    return Cells(index, name, uniques, kinds, numbers, codes)


# --------------------------------------------------------------------------------------
# Excel serial numbers
# --------------------------------------------------------------------------------------


def _serial_parts(serial: object) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (ms since 1899-12-30 as int64, whole day number, in-range mask)."""
    s = np.asarray(serial, dtype=np.float64)
    finite = np.isfinite(s) & (s > 0) & (s < _MAX_SERIAL + 1)
    ms = np.where(finite, np.round(np.where(finite, s, 0.0) * _MS_PER_DAY), 0.0).astype(np.int64)
    day = ms // _MS_PER_DAY
    in_range = finite & (day >= 1) & (day <= _MAX_SERIAL)
    return ms, day, in_range


def excel_serial_to_datetime(serial: np.ndarray) -> np.ndarray:
    """Convert Excel serial numbers (1900 date system) to ``datetime64[ns]``.

    Serial 1 is 1900-01-01; Excel counts a day 60 for the non-existent 1900-02-29, so
    serials from 61 on are days since 1899-12-30. The fraction is the time of day (rounded
    to the millisecond, as Excel does).

    Parameters
    ----------
    serial : numpy.ndarray
        Serial numbers (anything ``numpy.asarray(serial, dtype=float)`` accepts).

    Returns
    -------
    numpy.ndarray
        ``datetime64[ns]`` of the same shape; ``NaT`` for NaN, serials below 1, serial 60
        (1900-02-29), serials past 2958465 (9999-12-31) and dates ``datetime64[ns]`` cannot
        hold (after 2262-04-11).

    Examples
    --------
    >>> excel_serial_to_datetime(np.array([1, 45657, 45657.75, 60]))
    array(['1900-01-01T00:00:00.000000000', '2024-12-31T00:00:00.000000000',
           '2024-12-31T18:00:00.000000000',                           'NaT'],
          dtype='datetime64[ns]')
    """
    ms, day, ok = _serial_parts(serial)
    ok &= day != 60
    # Before 1900-03-01 Excel counts from 1899-12-31 (its day 60 does not exist).
    ms = ms + np.where(day < 60, _MS_PER_DAY, 0)
    stamp = _EPOCH_1899_12_30_MS + ms.astype("timedelta64[ms]")
    ok &= (stamp >= _NS_MIN) & (stamp <= _NS_MAX)
    return np.where(ok, stamp, np.datetime64("NaT", "ms")).astype("datetime64[ns]")


def _to_datetime64(dates: Any) -> np.ndarray:
    """Any array-like of datetimes as a naive ``datetime64`` array (wall time kept)."""
    if isinstance(dates, np.ndarray) and dates.dtype.kind == "M":
        return dates
    if not isinstance(dates, pd.Series | pd.Index):
        items = [dates] if isinstance(dates, _dt.date | np.datetime64 | str) else dates
        dates = pd.DatetimeIndex(pd.to_datetime(np.asarray(items, dtype=object)))
    if isinstance(dates.dtype, pd.DatetimeTZDtype):
        dates = (
            dates.dt.tz_localize(None) if isinstance(dates, pd.Series) else dates.tz_localize(None)
        )
    if dates.dtype.kind != "M":
        dates = pd.to_datetime(dates)
    return np.asarray(dates.to_numpy())


def datetime_to_excel_serial(dates: object) -> np.ndarray:
    """Convert dates to Excel serial numbers (1900 date system), the inverse of
    :func:`excel_serial_to_datetime`.

    Parameters
    ----------
    dates : array-like of datetimes
        ``numpy.datetime64`` array, ``DatetimeIndex``, datetime Series or a sequence of
        ``datetime``/``Timestamp`` objects. Time zones are dropped (wall time is kept).

    Returns
    -------
    numpy.ndarray
        ``float64`` serials, the time of day as the fraction; NaN for ``NaT`` and for dates
        before 1900-01-01 (Excel has no serial for them).

    Examples
    --------
    >>> stamps = np.array(["1900-01-01", "2024-12-31T18:00", "NaT"], dtype="datetime64[ns]")
    >>> datetime_to_excel_serial(stamps).tolist()
    [1.0, 45657.75, nan]
    >>> datetime_to_excel_serial(pd.to_datetime(["2013-01-02"])).tolist()
    [41276.0]
    """
    stamps = _to_datetime64(dates).astype("datetime64[ms]")
    days = (stamps - _EPOCH_1899_12_30_MS) / np.timedelta64(_MS_PER_DAY, "ms")
    days = np.where(days < 61, days - 1, days)  # Excel's extra day 60 (1900-02-29)
    return np.where(days >= 1, days, np.nan)


def serial_days(serial: object) -> tuple[np.ndarray, np.ndarray]:
    """Excel serials (1900 system) -> (``datetime64[D]`` day, or NaT, and problem phrase).

    Every day Excel knows (serials 1 to 2958465, 1900-01-01 to 9999-12-31) is converted,
    also those outside :data:`DATE_RANGE`; the phrase says what is wrong: ``None``,
    :data:`OUTSIDE_RANGE`, Excel's 1900-02-29, or ``"is not a plausible date"`` for numbers
    that are no Excel date at all (0, negatives, beyond 9999-12-31, NaN, infinity).

    Examples
    --------
    >>> days, problems = serial_days([45657.5, 109575, 60, -1])
    >>> days.astype(str).tolist(), problems.tolist()  # doctest: +NORMALIZE_WHITESPACE
    (['2024-12-31', '2200-01-01', 'NaT', 'NaT'],
     [None, 'is outside the dates xl-ar handles (1900-01-01 to 2199-12-31)',
      "is Excel's non-existent date 1900-02-29", 'is not a plausible date'])
    """
    _ms, day, ok = _serial_parts(serial)
    fictitious = ok & (day == 60)
    since_1900 = np.where(day < 60, day - 1, day - 2)  # days since 1900-01-01
    dates = np.where(ok & ~fictitious, FIRST_DAY + since_1900.astype("timedelta64[D]"), _NAT_D)
    problems = np.full(len(dates), None, dtype=object)
    problems[~ok] = NOT_PLAUSIBLE
    problems[ok & ((dates < FIRST_DAY) | (dates > LAST_DAY))] = OUTSIDE_RANGE
    problems[fictitious] = FICTITIOUS_1900_02_29
    return dates, problems


def _dates_from_serials(serial: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Serials -> (``datetime64[D]`` floored to the day within the range, problem or None)."""
    dates, problems = serial_days(serial)
    return np.where(pd.isna(problems), dates, _NAT_D), problems


def day_numbers(dates: pd.Series | np.ndarray) -> np.ndarray:
    """Dates as whole days since 1970-01-01, as float64 (NaN for NaT): day arithmetic.

    Dates of any unit are floored to the day directly (never through nanoseconds, which end
    in 2262), so a day difference cannot overflow.

    Examples
    --------
    >>> day_numbers(np.array(["1970-01-02", "NaT"], dtype="datetime64[ns]")).tolist()
    [1.0, nan]
    >>> day_numbers(np.array(["9999-12-31"], dtype="datetime64[s]")).tolist()
    [2932896.0]
    """
    days = np.asarray(dates)
    if days.dtype.kind != "M":
        days = np.asarray(dates, dtype="datetime64[ns]")
    days = days.astype("datetime64[D]")
    out = days.astype(np.int64).astype(np.float64)
    out[np.isnat(days)] = np.nan
    return out


def check_series_span(
    first: pd.Timestamp,
    last: pd.Timestamp,
    first_name: str,
    last_name: str,
    freq: str | None = None,
) -> None:
    """Refuse a period series from ``first`` to ``last`` that is too long to build.

    A series may span at most :data:`MAX_SERIES_YEARS` years and hold at most
    :data:`MAX_SERIES_PERIODS` periods of ``freq`` (a pandas period alias such as ``"M"``,
    ``"W-SUN"``, ``"Q"``; counted without building them). Called before a series is built,
    so a typo in a year (``2099`` for ``2029``) costs nothing.

    Raises
    ------
    OptionError
        If ``last`` is before ``first``, more than ``MAX_SERIES_YEARS`` years after it, or
        the series would hold more than ``MAX_SERIES_PERIODS`` periods.

    Examples
    --------
    >>> check_series_span(pd.Timestamp("2024-01-01"), pd.Timestamp("2124-01-01"), "from", "to")
    >>> check_series_span(pd.Timestamp("1900-01-01"), pd.Timestamp("2024-12-31"), "from", "to")
    Traceback (most recent call last):
    ...
    xl_ar.errors.OptionError: from 1900-01-01 to to 2024-12-31 spans more than 100 years: \
give a shorter range
    >>> check_series_span(pd.Timestamp("2000-01-01"), pd.Timestamp("2029-12-31"), "start",
    ...                   "end", "W-SUN")
    Traceback (most recent call last):
    ...
    xl_ar.errors.OptionError: start 2000-01-01 to end 2029-12-31 holds 1,567 periods: a series \
has at most 1,200; give a shorter range or longer periods
    """
    if last < first:
        raise OptionError(f"{last_name} {last.date()} is before {first_name} {first.date()}")
    limit = (first.year + MAX_SERIES_YEARS, first.month, first.day)
    if (last.year, last.month, last.day) > limit:
        raise OptionError(
            f"{first_name} {first.date()} to {last_name} {last.date()} spans more than "
            f"{MAX_SERIES_YEARS} years: give a shorter range"
        )
    if freq is None:
        return
    count = pd.Period(last, freq=freq).ordinal - pd.Period(first, freq=freq).ordinal + 1
    if count > MAX_SERIES_PERIODS:
        raise OptionError(
            f"{first_name} {first.date()} to {last_name} {last.date()} holds {count:,} periods: "
            f"a series has at most {MAX_SERIES_PERIODS:,}; give a shorter range or longer periods"
        )


# --------------------------------------------------------------------------------------
# datetime-like objects
# --------------------------------------------------------------------------------------


def _one_day(value: object) -> np.datetime64:
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError):
        return _NAT_D
    if stamp is pd.NaT:
        return _NAT_D
    if stamp.tz is not None:
        stamp = stamp.tz_localize(None)
    return np.datetime64(stamp.to_datetime64(), "D")


def _days_from_datetimes(data: np.ndarray) -> np.ndarray:
    """Datetime-likes -> ``datetime64[D]`` (floored to the day, wall time of aware values)."""
    if data.dtype.kind == "M":
        return data.astype("datetime64[D]")
    try:
        converted = pd.to_datetime(data)
    except (ValueError, TypeError, OverflowError):
        # mixed time zones, aware with naive, out of bounds: one distinct value at a time
        return np.array([_one_day(value) for value in data], dtype="datetime64[D]")
    if converted.tz is not None:
        converted = converted.tz_localize(None)
    return converted.to_numpy().astype("datetime64[D]")


# --------------------------------------------------------------------------------------
# Text dates
# --------------------------------------------------------------------------------------

_WEEKDAYS = (
    "monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|"
    "saturday|sat|sunday|sun|senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad"
)
_ORDINAL = r"(?:st|nd|rd|th)?"
_TEXT_DATE_RE = re.compile(
    rf"^(?:(?:{_WEEKDAYS})\.?,?\s+)?"
    r"(?:"
    # 31/12/2024, 12-31-24, 2024.12.31 ...
    r"(?P<a>\d{1,4})\s*(?P<sep>[/.-])\s*(?P<b>\d{1,2})\s*(?P=sep)\s*(?P<c>\d{1,4})"
    # 31 Des 2024, 31-dec-24, 31desember2024
    rf"|(?P<d2>\d{{1,2}}){_ORDINAL}[\s./-]*(?P<m2>[a-z]+)\.?[\s./,-]*(?P<y2>\d{{4}}|\d{{2}})"
    # Dec 31, 2024, dec 31 2024
    rf"|(?P<m3>[a-z]+)\.?[\s./-]*(?P<d3>\d{{1,2}}){_ORDINAL}(?:\s*,\s*|[\s./-]+)"
    r"(?P<y3>\d{4}|\d{2})"
    # 2024-Dec-31, 2024 des 31
    r"|(?P<y4>\d{4})[\s./-]*(?P<m4>[a-z]+)\.?[\s./-]*(?P<d4>\d{1,2})"
    r")$"
)
# time of day after the date: 10:30, 10:30:00.123, 10:30 pm, 10:30:00Z, 10:30+07:00
_TIME_RE = re.compile(
    r"^(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,]\d{1,9})?)?"
    r"\s*(?P<ap>[ap]\.?m\.?)?\s*(?:z|[+-]\d{2}(?::?\d{2})?)?\s*$",
    re.IGNORECASE,
)
_MATRIX_WIDTH = 64  # texts up to this long are split through a numpy character matrix
_CHUNK = 1 << 17  # rows of such a matrix at a time
# the date and the time are separated by white space or a "T"
_TIME_SEPARATORS = np.array(
    [ord(c) for c in map(chr, range(0x3001)) if c.isspace()] + [ord("t"), ord("T")],
    dtype=np.uint32,
)
_PLAIN_NUMBER_RE = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"


#: Excel's window for two-digit years (Windows' default "2029"): ``00``-``29`` are 2000-2029,
#: ``30``-``99`` are 1930-1999. Every text date read from a cell or an option uses it.
TWO_DIGIT_YEAR_CUTOFF = 29


def _ints(column: pd.Series) -> np.ndarray:
    return pd.to_numeric(column, errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)


def _year(column: pd.Series) -> np.ndarray:
    year = _ints(column)
    two_digits = (column.str.len() == 2).to_numpy(dtype=bool, na_value=False)
    return np.where(two_digits, year + np.where(year <= TWO_DIGIT_YEAR_CUTOFF, 2000, 1900), year)


def _calendar_dates(year: np.ndarray, month: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Build ``datetime64[D]`` from float arrays; NaT where (y, m, d) is not a real day."""
    ok = (year >= 1) & (year <= 9999) & (month >= 1) & (month <= 12) & (day >= 1) & (day <= 31)
    months = np.where(ok, (year - 1970) * 12 + (month - 1), 0).astype(np.int64)
    first = months.astype("datetime64[M]").astype("datetime64[D]")
    dates = first + np.where(ok, day - 1, 0).astype("timedelta64[D]")
    ok &= dates.astype("datetime64[M]") == months.astype("datetime64[M]")  # 31 Feb -> 3 Mar
    return np.where(ok, dates, _NAT_D)


@dataclass(frozen=True)
class _TextDates:
    dates: np.ndarray  # datetime64[D], NaT where no date under the chosen order
    problems: np.ndarray  # object: None or phrase
    is_date: np.ndarray  # bool: a date under some order (chosen or not)
    valid_as: dict[str, np.ndarray]  # other order -> bool: a date under it, not the chosen

    @property
    def other_only(self) -> np.ndarray:
        """A date only under another order than the chosen one."""
        return np.logical_or.reduce(list(self.valid_as.values()))


def _parse_date_parts(texts: np.ndarray, order: str) -> tuple[_TextDates, np.ndarray]:
    """Read distinct date texts (no time of day); also say which were Excel serials."""
    n = len(texts)
    text = (
        pd.Series(texts, dtype=object).str.lower().str.replace(r"\s+", " ", regex=True).str.strip()
    )
    dates = np.full(n, _NAT_D)
    problems = np.full(n, NOT_A_DATE, dtype=object)
    is_date = np.zeros(n, dtype=bool)

    # A plain number is an Excel serial.
    serial = text.str.fullmatch(_PLAIN_NUMBER_RE).to_numpy(dtype=bool, na_value=False)
    if serial.any():
        dates[serial], problems[serial] = _dates_from_serials(_ints(text[serial]))

    parts = text.str.extract(_TEXT_DATE_RE)

    a_text, c_text = parts["a"], parts["c"]
    a, b, c = _ints(a_text), _ints(parts["b"]), _ints(c_text)
    a_len = a_text.str.len().to_numpy(dtype=np.float64, na_value=0)
    c_len = c_text.str.len().to_numpy(dtype=np.float64, na_value=0)
    year_first = (a_len == 4) & (c_len <= 2) & (c_len > 0)
    day_month = (a_len <= 2) & (a_len > 0) & ((c_len == 2) | (c_len == 4))
    c_year = _year(c_text)

    month_name = parts["m2"].fillna(parts["m3"]).fillna(parts["m4"])
    name_month = month_name.map(MONTHS).to_numpy(dtype=np.float64, na_value=np.nan)
    name_day = _ints(parts["d2"].fillna(parts["d3"]))
    name_year = np.where(parts["y2"].notna(), _year(parts["y2"]), _year(parts["y3"]))
    day_name = parts["m2"].notna().to_numpy() | parts["m3"].notna().to_numpy()
    year_name = parts["m4"].notna().to_numpy()

    # (year, month, day) under each order; NaN where the order has no reading of the text.
    readings: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
    for o in DATE_ORDERS:
        y = np.full(n, np.nan)
        m = np.full(n, np.nan)
        d = np.full(n, np.nan)
        # Year-first forms (ISO) read the same under every order.
        y[year_first], m[year_first], d[year_first] = a[year_first], b[year_first], c[year_first]
        y[year_name], m[year_name], d[year_name] = (
            _ints(parts["y4"])[year_name],
            name_month[year_name],
            _ints(parts["d4"])[year_name],
        )
        if o != "ymd":
            # A month name fixes the order: 31 Des 2024 and Dec 31, 2024 read the same.
            y[day_name], m[day_name], d[day_name] = (
                name_year[day_name],
                name_month[day_name],
                name_day[day_name],
            )
            month_, day_ = (b, a) if o == "dmy" else (a, b)
            y[day_month], m[day_month], d[day_month] = (
                c_year[day_month],
                month_[day_month],
                day_[day_month],
            )
        readings[o] = (y, m, d)

    valid = {o: _calendar_dates(*readings[o]) for o in DATE_ORDERS}
    mine = valid[order]
    has_mine = ~np.isnat(mine) & ~serial
    plausible = has_mine & (mine >= FIRST_DAY) & (mine <= LAST_DAY)
    dates[has_mine] = np.where(plausible[has_mine], mine[has_mine], _NAT_D)
    problems[has_mine] = np.where(plausible[has_mine], None, OUTSIDE_RANGE)  # type: ignore[call-overload]
    is_date |= has_mine

    others = [o for o in DATE_ORDERS if o != order]
    # read under another order: only a plausible date there earns the hint
    other_valid = {
        o: (valid[o] >= FIRST_DAY) & (valid[o] <= LAST_DAY) & ~has_mine & ~serial for o in others
    }
    other_only = other_valid[others[0]] | other_valid[others[1]]
    first, second = (other_valid[o] for o in others)
    for mask, names in (
        (first & ~second, others[0]),
        (second & ~first, others[1]),
        (first & second, f"{others[0]} or {others[1]}"),
    ):
        problems[mask] = (
            f"is not a valid {order} date (it would be valid as {names}: check the date order)"
        )
    is_date |= other_only
    return _TextDates(dates, problems, is_date, other_valid), serial


def _valid_times(times: np.ndarray) -> np.ndarray:
    """Which distinct time texts are a real time of day."""
    parts = pd.Series(times, dtype=object).str.extract(_TIME_RE)
    hour, minute, second = _ints(parts["h"]), _ints(parts["mi"]), _ints(parts["s"])
    twelve = parts["ap"].notna().to_numpy()
    return (
        np.where(twelve, (hour >= 1) & (hour <= 12), hour <= 23)
        & (minute <= 59)
        & (np.isnan(second) | (second <= 59))
    )


def _split_time(texts: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Split texts at the time of day: (date part, time part or "", separator ok).

    The time starts at the one or two digits before the first ``:``; it must follow white
    space or a ``T``, which belongs to neither part. Texts without ``:`` have no time.
    Short texts go through a numpy character matrix in chunks, long ones through a regex.
    """
    n = len(texts)
    date_part = np.empty(n, dtype=object)
    time_part = np.full(n, "", dtype=object)
    separated = np.zeros(n, dtype=bool)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    short = np.flatnonzero(lengths <= _MATRIX_WIDTH)
    width = max(int(lengths[short].max()), 2) if len(short) else 2
    columns = np.arange(width)
    for begin in range(0, len(short), _CHUNK):
        rows = short[begin : begin + _CHUNK]
        chars = texts[rows].astype(f"U{width}").view(np.uint32).reshape(len(rows), width)
        is_colon = chars == ord(":")
        has_time = is_colon.any(axis=1)
        colon = np.where(has_time, is_colon.argmax(axis=1), width)
        is_digit = (chars >= ord("0")) & (chars <= ord("9"))
        pick = np.arange(len(rows))
        digit_before = has_time & (colon >= 1) & is_digit[pick, np.clip(colon - 1, 0, width - 1)]
        two_before = digit_before & (colon >= 2) & is_digit[pick, np.clip(colon - 2, 0, width - 1)]
        start = np.where(two_before, colon - 2, np.where(digit_before, colon - 1, colon))
        before = chars[pick, np.clip(start - 1, 0, width - 1)]
        sep = has_time & (start >= 1) & np.isin(before, _TIME_SEPARATORS)
        date_end = np.where(sep, start - 1, start)  # the separator belongs to neither part
        date_chars = np.where(columns < date_end[:, None], chars, 0).astype(np.uint32)
        date_part[rows] = date_chars.view(f"U{width}").ravel().astype(object)
        shifted = columns + start[:, None]
        time_chars = np.where(
            shifted < width, np.take_along_axis(chars, np.minimum(shifted, width - 1), 1), 0
        ).astype(np.uint32)
        time_part[rows] = time_chars.view(f"U{width}").ravel().astype(object)
        separated[rows] = sep
    long = np.flatnonzero(lengths > _MATRIX_WIDTH)
    if len(long):
        parts = pd.Series(texts[long], dtype=object).str.extract(
            r"^(?P<date>[^:]*?)(?P<sep>\s|t)?(?P<time>\d{1,2}:.*)?$", flags=re.DOTALL | re.I
        )
        has_time = parts["time"].notna().to_numpy()
        no_digits = ~has_time & pd.Series(texts[long]).str.contains(":", regex=False).to_numpy(
            dtype=bool
        )
        date_part[long] = parts["date"].fillna("").to_numpy(dtype=object)
        time_part[long] = np.where(has_time, parts["time"].to_numpy(dtype=object), "")
        time_part[long[no_digits]] = ":"  # a colon with no digits before it: not a time
        separated[long] = parts["sep"].notna().to_numpy()
    return date_part, time_part, separated


def _parse_text_dates(texts: np.ndarray, order: str) -> _TextDates:
    """Read distinct texts as dates under ``order``.

    The time of day is split off first, so the date grammar runs once per distinct date
    part and the time grammar once per distinct time (a column of timestamps has few of
    each even when every text differs).
    """
    date_part, time_part, separated = _split_time(np.asarray(texts, dtype=object))
    codes, uniques = pd.factorize(date_part)
    by_date, serial = _parse_date_parts(np.asarray(uniques, dtype=object), order)
    time_ok = np.ones(len(texts), dtype=bool)
    timed = np.flatnonzero(time_part != "")
    if len(timed):
        time_codes, times = pd.factorize(time_part[timed])
        time_ok[timed] = (
            _valid_times(np.asarray(times, dtype=object))[time_codes]
            & separated[timed]
            & ~serial[codes[timed]]  # "45657 10:30" is neither a serial nor a date
        )
    return _TextDates(
        dates=np.where(time_ok, by_date.dates[codes], _NAT_D),
        problems=np.where(time_ok, by_date.problems[codes], NOT_A_DATE),
        is_date=by_date.is_date[codes] & time_ok,
        valid_as={o: mask[codes] & time_ok for o, mask in by_date.valid_as.items()},
    )


# --------------------------------------------------------------------------------------
# The column parser
# --------------------------------------------------------------------------------------


def _plural(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


def _only_one_order(values: object) -> dict[str, tuple[int, object]]:
    """Text cells only one of ``dmy``/``mdy`` reads: order -> (cells, an example)."""
    cells = classify_cells(values)
    text = cells.kinds == KIND_TEXT
    if not text.any():
        return {}
    texts = cells.data[text]
    parsed = _parse_text_dates(texts, "ymd")  # year-first reads alike: the rest is evidence
    counts = cells.counts()[text]
    dmy, mdy = parsed.valid_as["dmy"], parsed.valid_as["mdy"]
    out = {}
    for order, only in (("dmy", dmy & ~mdy), ("mdy", mdy & ~dmy)):
        if only.any():
            out[order] = (int(counts[only].sum()), texts[np.flatnonzero(only)[0]])
    return out


def decide_date_order(columns: dict[str, object]) -> tuple[str, str | None]:
    """The day/month order of a table's text dates, decided once from the cells themselves.

    A text date such as ``13/1/2013`` reads only month-first, ``31/12/2024`` only
    day-first; ``1/2/2024`` reads both ways and decides nothing. The order is the one the
    decisive cells agree on (``dmy`` when none decides). When a column reads only one way
    and another column only the other way, the table contradicts itself and is refused;
    within one column the larger count wins and the other cells stay problems.

    Parameters
    ----------
    columns : dict
        Header -> the column's cells.

    Returns
    -------
    tuple
        ``(order, note)``: the note says why ``mdy`` was chosen (``None`` for ``dmy``).

    Raises
    ------
    OptionError
        Columns contradict each other; the message names ``--date-order``.

    Examples
    --------
    >>> decide_date_order({"Invoice Date": ["1/2/2013", "1/13/2013"], "Due Date": ["2/1/2013"]})
    ('mdy', "text dates read month first (mdy): 'Invoice Date' has '1/13/2013', a date only \
that order reads")
    >>> decide_date_order({"Date": ["01/02/2024"]})
    ('dmy', None)
    >>> decide_date_order({"Date": ["31/01/2024"], "Due": ["01/31/2024"]})
    Traceback (most recent call last):
    ...
    xl_ar.errors.OptionError: 'Date' has day-first dates ('31/01/2024') and 'Due' month-first \
ones ('01/31/2024'): set the date order (--date-order dmy or mdy; date_order in a function)
    """
    evidence = {name: _only_one_order(values) for name, values in columns.items()}
    verdicts = {n: next(iter(e)) for n, e in evidence.items() if len(e) == 1}
    if set(verdicts.values()) == {"dmy", "mdy"}:
        first = next(n for n, v in verdicts.items() if v == "dmy")
        second = next(n for n, v in verdicts.items() if v == "mdy")
        raise OptionError(
            f"{_quoted(first)} has day-first dates ({_quoted(evidence[first]['dmy'][1])}) and "
            f"{_quoted(second)} month-first ones ({_quoted(evidence[second]['mdy'][1])}): set "
            "the date order (--date-order dmy or mdy; date_order in a function)"
        )
    if verdicts:
        order = next(iter(verdicts.values()))
    else:
        totals = {o: sum(e.get(o, (0,))[0] for e in evidence.values()) for o in ("dmy", "mdy")}
        order = "mdy" if totals["mdy"] > totals["dmy"] else "dmy"
    if order == "dmy":
        return order, None
    name = next(n for n, e in evidence.items() if "mdy" in e)
    where = f"{_quoted(name)} has " if name else "it has "
    return order, (
        f"text dates read month first (mdy): {where}{_quoted(evidence[name]['mdy'][1])}, "
        "a date only that order reads"
    )


def _quoted(text: object) -> str:
    return repr(str(text)[:40])


def parse_dates(values: object, *, date_order: str = "dmy") -> ParsedColumn:
    """Read a column of date cells into dates, with a problem phrase for each bad cell.

    Parameters
    ----------
    values : pandas.Series or sequence
        The cells, of any dtype. A Series keeps its index; any other sequence or 1-d array
        gets a ``RangeIndex``. Cells may be:

        * blank: ``None``, NaN, ``NaT``, ``pd.NA``, ``""`` or white space -> ``NaT``, no
          problem;
        * ``datetime.datetime``, ``datetime.date``, ``pandas.Timestamp``,
          ``numpy.datetime64`` (time-zone aware values keep their wall time);
        * Excel serial numbers of the 1900 date system, as numbers or as text
          (``45657`` and ``"45657.0"`` are 2024-12-31; serial 60, Excel's 1900-02-29, is a
          problem). ``bool`` is not a date;
        * text dates: ISO ``2024-12-31`` / ``2024/12/31`` (with an optional time, also
          ``T``-separated) in every order, and under ``date_order``:

          - ``"dmy"``: ``31/12/2024``, ``31-12-24``, ``31.12.2024``, ``31 Des 2024``,
            ``31-Dec-24``, ``31 Desember 2024``;
          - ``"mdy"``: ``12/31/2024``, ``1/15/2013``, ``12-31-24``;
          - both ``"dmy"`` and ``"mdy"`` also read month-name forms in either position
            (``31 Dec 2024``, ``Dec 31, 2024``): a month name leaves no doubt;
          - ``"ymd"``: only year-first forms (``2024-12-31``, ``2024/12/31``,
            ``2024-Des-31``).

          Month names are Indonesian or English, full or abbreviated, any case. Two-digit
          years ``00``-``29`` are 2000-2029 and ``30``-``99`` are 1930-1999. A trailing time
          (``10:30``, ``10:30:15``, ``10:30 pm``) and a leading weekday are allowed.
    date_order : {"dmy", "mdy", "ymd", "auto"}, default "dmy"
        Order of day and month in numeric text dates, for the whole column (never guessed
        per cell). Case-insensitive; ``"dayfirst"`` and ``"monthfirst"`` are aliases;
        ``"auto"`` decides it once for the column (:func:`decide_date_order`).

    Returns
    -------
    ParsedColumn
        ``values``: ``datetime64[ns]`` at midnight (the time of day is dropped), ``NaT``
        where blank or bad. ``problems``: ``None`` or a phrase that reads after the cell
        value: ``"is not a date"``, ``"is outside the dates xl-ar handles (1900-01-01 to
        2199-12-31)"`` (a real date before or after :data:`DATE_RANGE`, whatever its form:
        date object, serial or text), ``"is not a plausible date"`` (serials <= 0 or
        > 2958465, Excel's last day), ``"is Excel's non-existent date 1900-02-29"`` or
        ``"is not a valid dmy date (it would be valid as mdy: check the date order)"``.
        ``note``: a finding about the whole column or ``None``: it mixes real dates/serials
        with text dates (typical of a CSV opened under another locale), and/or some text
        dates are valid only under another order; both are joined with ``"; "``.

    Raises
    ------
    OptionError
        If ``date_order`` is not one of the accepted values.

    Examples
    --------
    >>> parsed = parse_dates(["31/12/2024", "31 Des 2024", 45657, None, "1/15/2013"])
    >>> parsed.values.dt.strftime("%Y-%m-%d").tolist()
    ['2024-12-31', '2024-12-31', '2024-12-31', nan, nan]
    >>> parsed.problems.iloc[4]
    'is not a valid dmy date (it would be valid as mdy: check the date order)'
    >>> parsed.note
    'mixes 1 date/serial cell with 3 text dates (often a CSV opened under another locale: check day/month order); 1 text date is valid only as mdy: the column may use another date order'
    >>> parse_dates(["12/31/2024"], date_order="mdy").values.iloc[0]
    Timestamp('2024-12-31 00:00:00')
    """
    order = _check_date_order(date_order)
    if order == AUTO_ORDER:
        order, _ = decide_date_order({"": values})
    cells = classify_cells(values)
    kinds = cells.kinds
    n_entries = len(kinds)
    days = np.full(n_entries, _NAT_D)
    problems = np.full(n_entries, None, dtype=object)
    problems[(kinds == KIND_BOOL) | (kinds == KIND_OTHER)] = NOT_A_DATE

    number = kinds == KIND_NUMBER
    if number.any():
        days[number], problems[number] = _dates_from_serials(cells.numbers[number])

    real = kinds == KIND_DATETIME
    if real.any():
        found = _days_from_datetimes(cells.data[real])
        plausible = (found >= FIRST_DAY) & (found <= LAST_DAY)
        days[real] = np.where(plausible, found, _NAT_D)
        problems[real] = np.where(  # type: ignore[call-overload]
            plausible, None, np.where(np.isnat(found), NOT_A_DATE, OUTSIDE_RANGE)
        )

    text = kinds == KIND_TEXT
    notes = []
    if text.any():
        parsed = _parse_text_dates(cells.data[text], order)
        days[text], problems[text] = parsed.dates, parsed.problems
        counts = cells.counts()
        text_counts = counts[text]
        n_real = int(counts[number | real].sum())
        n_text = int(text_counts[parsed.is_date].sum())
        if n_real and n_text:
            notes.append(
                f"mixes {_plural(n_real, 'date/serial cell', 'date/serial cells')} with "
                f"{_plural(n_text, 'text date', 'text dates')} (often a CSV opened under "
                "another locale: check day/month order)"
            )
        n_other = int(text_counts[parsed.other_only].sum())
        if n_other:
            others = [o for o, mask in parsed.valid_as.items() if mask.any()]
            verb = "is" if n_other == 1 else "are"
            notes.append(
                f"{_plural(n_other, 'text date', 'text dates')} {verb} valid only as "
                f"{' or '.join(others)}: the column may use another date order"
            )

    return ParsedColumn(
        values=pd.Series(
            cells.expand(days, _NAT_D).astype("datetime64[ns]"), index=cells.index, name=cells.name
        ),
        problems=pd.Series(
            cells.expand(problems, None), index=cells.index, name=cells.name, dtype=object
        ),
        note="; ".join(notes) or None,
    )
