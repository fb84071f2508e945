"""Vectorised conversions of raw cells into text, flags and display strings.

Every function works on the distinct values of a column (``pandas.factorize``) so that a
1,048,576-row column with a few thousand distinct values costs a few thousand conversions.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable
from decimal import Decimal

import numpy as np
import pandas as pd
from numpy.typing import DTypeLike

from xl_ar.errors import XlArError

__all__ = [
    "EXCEL_ERRORS",
    "EXCEL_ERROR_PROBLEM",
    "OVERFLOW",
    "blank_mask",
    "cell_text",
    "cut_text",
    "excel_error",
    "excel_errors",
    "finite_money",
    "finite_number",
    "flag_value",
    "is_blank_value",
    "map_unique",
    "number_from_text",
    "number_value",
    "quote_excerpt",
    "to_text",
]

#: The texts Excel shows for error values (what ``err_to_str`` hands a UDF, what openpyxl reads
#: from an error cell and what Excel writes into a CSV for one).
EXCEL_ERRORS: frozenset[str] = frozenset(
    {
        "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
        "#SPILL!", "#CONNECT!", "#BLOCKED!", "#UNKNOWN!", "#FIELD!", "#CALC!", "#BUSY!",
    }
)  # fmt: skip
EXCEL_ERROR_PROBLEM = "is an Excel error value"
# COM hands an error cell over as the int 0x800A0000 + Excel's error number (xlErrNA = 2042);
# xlwings turns the first seven into text, the newer ones arrive as these ints.
_COM_ERROR_BASE = -2146828288
_COM_ERRORS = {
    _COM_ERROR_BASE + number: text
    for number, text in (
        (2000, "#NULL!"), (2007, "#DIV/0!"), (2015, "#VALUE!"), (2023, "#REF!"),
        (2029, "#NAME?"), (2036, "#NUM!"), (2042, "#N/A"), (2043, "#GETTING_DATA"),
        (2045, "#SPILL!"), (2046, "#CONNECT!"), (2047, "#BLOCKED!"), (2048, "#UNKNOWN!"),
        (2049, "#FIELD!"), (2050, "#CALC!"), (2051, "#BUSY!"),
    )
}  # fmt: skip
# A decimal number written out in ASCII digits: no "inf", "nan", "1_000", hex, non-ASCII digits
# or other spellings float() takes.
_NUMBER_TEXT = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


OVERFLOW = "the result is too large (overflow)"


def finite_number(value: float) -> float:
    """``value`` as a float if it is finite; an overflow raises ``XlArError``.

    From finite inputs a NaN only comes out of an overflowed step (``inf - inf``), so it is
    reported as an overflow too.

    Examples
    --------
    >>> finite_number(36.5)
    36.5
    >>> finite_number(9.99e307 * 10)
    Traceback (most recent call last):
    ...
    xl_ar.errors.XlArError: the result is too large (overflow)
    """
    number = float(value)
    if not math.isfinite(number):
        raise XlArError(OVERFLOW)
    return number


def finite_money(frame: pd.DataFrame, columns: Iterable[str]) -> pd.DataFrame:
    """``frame`` unchanged if its money ``columns`` hold no infinity or NaN; else an overflow.

    The last guard of a function that sums money: the reader bounds every amount, so a
    non-finite sum only comes from a ledger built past it, and is an error, never a result.

    Examples
    --------
    >>> finite_money(pd.DataFrame({"Total": [1.0, 2.0]}), ["Total"]).Total.tolist()
    [1.0, 2.0]
    >>> finite_money(pd.DataFrame({"Total": [1e308 * 10]}), ["Total"])
    Traceback (most recent call last):
    ...
    xl_ar.errors.XlArError: the result is too large (overflow)
    """
    values = frame[list(columns)].to_numpy(dtype=np.float64)
    if not np.isfinite(values).all():
        raise XlArError(OVERFLOW)
    return frame


def excel_error(value: object) -> str | None:
    """The Excel error a cell holds (``"#N/A"`` ...), or ``None`` for any other value.

    Examples
    --------
    >>> excel_error("#N/A"), excel_error(-2146826243), excel_error("N/A"), excel_error(30.0)
    ('#N/A', '#SPILL!', None, None)
    """
    if isinstance(value, str):
        return value if value in EXCEL_ERRORS else None
    if type(value) is int:  # never bool, never a float number
        return _COM_ERRORS.get(value)
    return None


#: Every value :func:`excel_error` recognises: a hash prefilter for whole columns.
_ERROR_VALUES = [*EXCEL_ERRORS, *_COM_ERRORS]


def excel_errors(series: pd.Series) -> np.ndarray:
    """:func:`excel_error` of every cell of a column (``None`` elsewhere), without a Python
    call per cell: a hash lookup finds the few candidates, which are then checked exactly.

    Examples
    --------
    >>> cells = pd.Series(["PT A", "#N/A", -2146826246.0, -2146826246, None], dtype=object)
    >>> excel_errors(cells).tolist()
    [None, '#N/A', None, '#N/A', None]
    """
    out = np.full(len(series), None, dtype=object)
    candidates = np.asarray(series.isin(_ERROR_VALUES))
    if candidates.any():
        out[candidates] = [excel_error(v) for v in series.to_numpy()[candidates]]
    return out


def number_from_text(text: str) -> float | None:
    """A decimal number written as text (``" 12.5 "``, ``"-3e2"``), else ``None``.

    ``inf``, ``nan``, ``Infinity``, ``1_000``, ``0x10``, digits other than ASCII ``0-9`` and
    numbers too large for a float are not numbers here (``float()`` would take all of them).

    Examples
    --------
    >>> number_from_text(" 12.5 "), number_from_text("-3e2"), number_from_text("inf")
    (12.5, -300.0, None)
    >>> number_from_text("nan"), number_from_text("1e400"), number_from_text("1_000")
    (None, None, None)
    >>> number_from_text("0x10"), number_from_text("\u0663"), number_from_text("1 000")
    (None, None, None)
    """
    stripped = text.strip()
    if len(stripped) > 400 or not _NUMBER_TEXT.fullmatch(stripped):
        return None
    number = float(stripped)
    return number if math.isfinite(number) else None


def number_value(value: object) -> float | None:
    """A finite number from a number cell or plain number text; ``None`` for anything else.

    TRUE/FALSE, blanks, error values, infinities and text :func:`number_from_text` refuses
    (``"1_0"``, ``"nan"``, ``"0x10"``) are not numbers.

    Examples
    --------
    >>> number_value(30.0), number_value(" 30 "), number_value(Decimal("2.5"))
    (30.0, 30.0, 2.5)
    >>> number_value("1_0"), number_value(True), number_value(float("inf")), number_value(None)
    (None, None, None, None)
    """
    if isinstance(value, str):
        return number_from_text(value)
    if isinstance(value, (bool, np.bool_)) or excel_error(value) is not None:
        return None
    if not isinstance(value, (int, float, Decimal, np.integer, np.floating)):
        return None
    try:
        number = float(value)
    except (OverflowError, ValueError):  # an int beyond float range, Decimal("sNaN")
        return None
    return number if math.isfinite(number) else None


def cut_text(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, an ellipsis marking the cut.

    Examples
    --------
    >>> cut_text("PT Maju Bersama", 8), cut_text("PT A", 8)
    ('PT Maju…', 'PT A')
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quote_excerpt(value: object, limit: int = 40) -> str:
    """A user's value as a message quotes it: short text in quotes, cut to ``limit`` characters.

    Text is quoted like ``repr`` (line breaks escaped, so a message stays one line); numbers,
    dates and TRUE/FALSE are written as a user reads them; a blank is ``(blank)``.

    Examples
    --------
    >>> quote_excerpt("PT Maju Bersama Sejahtera Abadi Sentosa Makmur", limit=12)
    "'PT Maju Ber…'"
    >>> quote_excerpt(1e300), quote_excerpt(True), quote_excerpt(dt.datetime(2024, 1, 31))
    ('1e+300', 'TRUE', '2024-01-31')
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return "(blank)" if value is None else repr(value[:limit])
    if isinstance(value, str):
        return repr(cut_text(value, limit))
    if isinstance(value, (bool, np.bool_)):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, np.integer)) and excel_error(value) is None:
        text = str(int(value))
    elif isinstance(value, (float, np.floating)):
        text = f"{float(value):.15g}"
    elif isinstance(value, (dt.date, pd.Timestamp)):
        text = cell_text(value) or "(blank)"
    else:
        return quote_excerpt(excel_error(value) or str(value), limit)
    return cut_text(text, limit)


def is_blank_value(value: object) -> bool:
    """``True`` for ``None``, NaN/NaT/NA and whitespace-only text."""
    if value is None or value is pd.NaT or value is pd.NA:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def blank_mask(series: pd.Series) -> np.ndarray:
    """Boolean array: which cells are blank (see :func:`is_blank_value`).

    Examples
    --------
    >>> blank_mask(pd.Series(["a", " ", None, 0.0], dtype=object)).tolist()
    [False, True, True, False]
    """
    return map_unique(series, is_blank_value, dtype=bool, na_value=True)


def map_unique(
    series: pd.Series, func: Callable[[object], object], *, dtype: DTypeLike = object, na_value=None
) -> np.ndarray:
    """Apply ``func`` once per distinct value and spread the results back (an ndarray)."""
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    mapped = np.array([func(u) for u in uniques] + [na_value], dtype=dtype)
    return mapped[codes]  # code -1 picks the trailing na_value


def cell_text(value: object) -> str | None:
    """A cell as the text a user reads: integral numbers without ``.0``, dates in ISO form.

    Examples
    --------
    >>> cell_text(180192586.0), cell_text(" PT Maju "), cell_text(dt.date(2024, 12, 31))
    ('180192586', 'PT Maju', '2024-12-31')
    """
    if is_blank_value(value):
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, pd.Timestamp)):
        stamp = pd.Timestamp(value)
        return stamp.date().isoformat() if stamp == stamp.normalize() else stamp.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def to_text(series: pd.Series) -> pd.Series:
    """Column of cells → pandas ``str`` column (NaN for blanks), leading zeros of text kept."""
    if pd.api.types.infer_dtype(series, skipna=True) == "string":
        stripped = series.str.strip()
        return stripped.where(stripped != "").astype("str")
    return pd.Series(map_unique(series, cell_text), index=series.index).astype("str")


_TRUE = {"yes", "y", "ya", "true", "1", "x", "disputed", "sengketa", "dispute", "benar", "v"}
_FALSE = {"no", "n", "tidak", "tdk", "t", "false", "0", "-", "none", "bukan", "salah"}


def flag_value(value: object) -> bool | None:
    """Interpret a yes/no cell (English or Indonesian); ``None`` when it is neither.

    Examples
    --------
    >>> flag_value("Ya"), flag_value("No"), flag_value(1.0), flag_value(None), flag_value("?")
    (True, False, True, False, None)
    """
    if is_blank_value(value):
        return False
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, float, np.integer, np.floating)):
        return bool(value) if value in (0, 1) else None
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return None
