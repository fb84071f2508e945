"""Shapes between worksheet values and the core: ranges in, 2-D cell lists out.

Excel hands a UDF a range as row lists (header row first, ``None`` for empty cells, ``float``
for numbers, ``datetime`` for date-formatted cells, float serials otherwise) and shows a 2-D
list as a spilled block. This module does that shaping; it does not import xlwings.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers as numbers_module
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core import excel_error, is_blank_value, number_from_text, parse_dates, quote_excerpt
from xl_ar.errors import XlArError

__all__ = [
    "NUMBER_TYPES",
    "cell_value",
    "date_cells",
    "dates",
    "flatten",
    "iter_cells",
    "number",
    "number_cells",
    "numbers",
    "reshape_like",
    "table",
]

#: Cell numbers: Excel sends float, and ``Decimal`` for currency-formatted cells (xlwings).
NUMBER_TYPES = (numbers_module.Real, Decimal)


def flatten(value: Any) -> list[Any]:
    """A cell, a row, a column or a block as one flat list (row by row).

    Examples
    --------
    >>> flatten(5.0), flatten([[1.0], [2.0]]), flatten([[1.0, 2.0]])
    ([5.0], [1.0, 2.0], [1.0, 2.0])
    """
    if isinstance(value, (list, tuple)):
        return [v for item in value for v in flatten(item)]
    if isinstance(value, np.ndarray):
        return value.ravel().tolist()
    return [value]


def iter_cells(value: Any) -> Iterator[Any]:
    """The cells of a value, a row or a block, lazily (row by row).

    Examples
    --------
    >>> list(iter_cells([[1.0, None], [2.0, 3.0]]))
    [1.0, None, 2.0, 3.0]
    """
    if isinstance(value, (list, tuple, np.ndarray)):
        for item in value:
            yield from iter_cells(item)
    else:
        yield value


def numbers(value: Any, name: str, *, header: bool = True) -> list[float]:
    """Numeric cells of a range, blanks dropped; a leading text cell is taken as a header.

    Raises ``XlArError`` naming ``name`` for any other non-number.

    Examples
    --------
    >>> numbers([["Sales"], [70000.0], [None], [80000.0]], "credit_sales")
    [70000.0, 80000.0]
    """
    cells = [v for v in flatten(value) if not is_blank_value(v)]
    if header and cells and _is_header(cells[0]):
        cells = cells[1:]
    out = []
    for i, v in enumerate(cells, start=1):
        number = _number(v)
        if number is None:
            error = excel_error(v)
            if error is not None:
                raise XlArError(f"{name}: value {i} is {error}")
            raise XlArError(f"{name}: value {i} ({quote_excerpt(v)}) is not a number")
        if not math.isfinite(number):
            raise XlArError(f"{name}: value {i} is not a finite number")
        out.append(number)
    if not out:
        raise XlArError(f"{name} is empty: give a number or a range of numbers")
    return out


def number(value: Any, name: str) -> float:
    """Exactly one number (a single cell).

    Examples
    --------
    >>> number([[12.5]], "days")
    12.5
    """
    got = numbers(value, name, header=False)
    if len(got) != 1:
        raise XlArError(f"{name} must be one number, not {len(got)} cells")
    return got[0]


def dates(value: Any, name: str) -> list[pd.Timestamp]:
    """Date cells of a range (datetime or serial), blanks dropped, a text header skipped.

    Examples
    --------
    >>> [str(d.date()) for d in dates([["Period end"], [45322.0], [None]], "ends")]
    ['2024-01-31']
    """
    stamps, _ = date_cells(value, name)
    return [pd.Timestamp(d) for d in stamps if not np.isnat(d)]


def date_cells(value: Any, name: str) -> tuple[np.ndarray, bool]:
    """Every cell of a range as ``datetime64[ns]`` in place (NaT for blanks and the header).

    Returns the array and whether the first cell was a text header. Any other cell that is
    not a date raises ``XlArError`` naming it.
    """
    cells = flatten(value)
    _raise_excel_error(cells, name)
    parsed = parse_dates(cells)
    problems = parsed.problems.to_numpy().copy()
    header = len(cells) > 1 and isinstance(cells[0], str) and problems[0] is not None
    if header:
        problems[0] = None
    _raise_first(cells, problems, name)
    return parsed.values.to_numpy(dtype="datetime64[ns]"), header


def number_cells(value: Any, name: str) -> tuple[np.ndarray, bool]:
    """Every cell of a range as float in place (NaN for blanks and a text header).

    Examples
    --------
    >>> number_cells([["DPD"], [12.0], [None], ["3"]], "days")[0].tolist()
    [nan, 12.0, nan, 3.0]
    """
    cells = flatten(value)
    _raise_excel_error(cells, name)
    out = np.full(len(cells), np.nan)
    problems: list[str | None] = [None] * len(cells)
    for i, v in enumerate(cells):
        if is_blank_value(v):
            continue
        number = _number(v)
        if number is None:
            problems[i] = "is not a number"
        elif not math.isfinite(number):
            problems[i] = "is not a finite number"
        else:
            out[i] = number
    header = len(cells) > 1 and _is_header(cells[0])
    if header:
        problems[0] = None
    _raise_first(cells, problems, name)
    return out, header


def _number(value: Any) -> float | None:
    """A number cell, or number text, as float (possibly not finite); else ``None``."""
    if isinstance(value, str):
        return number_from_text(value)
    if isinstance(value, bool) or not isinstance(value, NUMBER_TYPES) or excel_error(value):
        return None
    return float(value)


def _is_header(cell: Any) -> bool:
    """A leading text cell that is no number and no error value is a column header."""
    return isinstance(cell, str) and number_from_text(cell) is None and not excel_error(cell)


def _raise_excel_error(cells: list[Any], name: str) -> None:
    """Refuse the first error value (``#N/A`` ...) of a range, naming the argument and cell."""
    for i, cell in enumerate(cells):
        error = excel_error(cell)
        if error is not None:
            where = f" (cell {i + 1})" if len(cells) > 1 else ""
            raise XlArError(f"{name}{where} is {error}")


def _raise_first(cells: list[Any], problems: Sequence[str | None], name: str) -> None:
    for i, problem in enumerate(problems):
        if problem is not None:
            where = f" (cell {i + 1})" if len(cells) > 1 else ""
            raise XlArError(f"{name}{where}: {quote_excerpt(cells[i])} {problem}")


def reshape_like(values: Sequence[Any], like: Any) -> Any:
    """Results in the shape of the input range: a scalar for one cell, else rows × columns.

    Examples
    --------
    >>> reshape_like([1.0], 7.0), reshape_like([1.0, float("nan")], [[1.0], [None]])
    (1.0, [[1.0], ['']])
    """
    flat = [cell_value(v) for v in values]
    if not isinstance(like, (list, tuple)):
        return flat[0]
    rows = len(like)
    cols = len(like[0]) if rows and isinstance(like[0], (list, tuple)) else 1
    if cols == 1:
        return [[v] for v in flat]
    return [flat[r * cols : (r + 1) * cols] for r in range(rows)]


def cell_value(value: Any) -> Any:
    """One Python value as a worksheet cell takes it (NaN/NaT/None → empty text).

    An infinity stays a float: :func:`xl_ar.udfs.support.finite_result` refuses it as an
    overflow instead of showing an empty cell.
    """
    if value is None or value is pd.NaT or value is pd.NA:
        return ""
    if isinstance(value, (float, np.floating)):
        return "" if math.isnan(float(value)) else float(value)
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, NUMBER_TYPES):  # int, numpy ints, Decimal
        return float(value)
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, np.datetime64):
        return pd.Timestamp(value).to_pydatetime() if not np.isnat(value) else ""
    if isinstance(value, (dt.datetime, dt.date, str)):
        return value
    return str(value)


def table(frame: pd.DataFrame, *, header: Sequence[str] | None = None) -> list[list[Any]]:
    """A DataFrame as a 2-D cell list with its header row (the index is not written).

    Examples
    --------
    >>> table(pd.DataFrame({"customer": ["A"], "Total": [np.nan]}))
    [['customer', 'Total'], ['A', '']]
    """
    head = list(header) if header is not None else [str(c) for c in frame.columns]
    body = [[cell_value(v) for v in row] for row in frame.itertuples(index=False, name=None)]
    return [head, *body]
