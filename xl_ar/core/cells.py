"""Vectorised conversions of raw cells into text, flags and display strings.

Every function works on the distinct values of a column (``pandas.factorize``) so that a
1,048,576-row column with a few thousand distinct values costs a few thousand conversions.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

import numpy as np
import pandas as pd


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
    series: pd.Series, func: Callable[[object], object], *, dtype: object = object, na_value=None
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
