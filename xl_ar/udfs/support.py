"""What every worksheet function shares: the category, argument docs, error lines, ledger ranges.

Excel's rule for error values is "an error in, an error out". Each topic module ends with
:func:`errors_as_text`, which makes xlwings hand every argument's error cells over as text
(``"#N/A"``) instead of ``None`` (which would silently become the default), and
:func:`one_line_errors` turns an error value in an argument into one line naming it.
"""

from __future__ import annotations

import functools
import inspect
import math
import re
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core import (
    OVERFLOW,
    LedgerLoad,
    check_snapshot_as_of,
    cut_text,
    excel_error,
    finite_number,
    is_blank_value,
    load_ledger,
    split_mapping_row,
)
from xl_ar.errors import MissingColumnError, XlArError
from xl_ar.udfs import cellio

__all__ = [
    "AS_OF_DOC",
    "CATEGORY",
    "COULD_NOT",
    "LEDGER_ARGUMENTS",
    "LEDGER_DOC",
    "MASTER_DOC",
    "MAX_CELL_LINE",
    "aged_ledger",
    "cell_line",
    "errors_as_text",
    "finite_result",
    "is_blank_argument",
    "ledger_arg",
    "ledger_load",
    "one_line_errors",
    "optional_range",
]

CATEGORY = "AR Tools"
LEDGER_DOC = "Ledger range with its header row (Customer/Pelanggan, Invoice Date, Due Date or Terms, Amount ...). To map a column, add a row above the headers with its role (balance, invoice, due_date, ignore ...) over it."
MASTER_DOC = "Customer master with its header row (Customer/Pelanggan, Region/Wilayah, Sales, Collector/Kolektor, Group/Grup, Email, Phone/HP ...): needed to group by its columns."
AS_OF_DOC = "Date to age at: a date cell, DATE(2024,12,31) or an Excel serial."

MAX_CELL_LINE = 255  # characters of a whole error line in a cell (Excel's text limit for help)
COULD_NOT = "could not compute this input"
# The last resort: a safe hint by the kind of failure, never the exception's own text.
_HINTS: tuple[tuple[type[BaseException], str], ...] = (
    (OverflowError, "a number is too large (overflow)"),
    (FloatingPointError, "a number is too large (overflow)"),
    (MemoryError, "the input is too large"),
    (RecursionError, "the input is nested too deeply"),
)


def one_line_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Return errors as one cell line ``NAME: message`` instead of raising.

    Before the call, an Excel error value (``#N/A`` ...) given as an argument (one cell)
    gives ``NAME: argument is #N/A``. Expected errors (:class:`~xl_ar.errors.XlArError`)
    show their own first line; anything else shows ``could not compute this input`` with at
    most a safe hint, never exception text. A result that is not a finite number (an
    overflow) is refused too. The line is at most :data:`MAX_CELL_LINE` characters.
    """
    names = tuple(inspect.signature(func).parameters)

    @functools.wraps(func)
    def wrapper(*args: Any) -> Any:
        try:
            _refuse_error_arguments(args, names)
            return finite_result(func(*args))
        except XlArError as exc:
            return cell_line(func.__name__, str(exc))
        except Exception as exc:  # the cell must never show a traceback
            hint = next((text for kind, text in _HINTS if isinstance(exc, kind)), None)
            return cell_line(func.__name__, COULD_NOT + (f": {hint}" if hint else ""))

    return wrapper


def cell_line(name: str, message: str) -> str:
    """``NAME: message`` as one line of at most :data:`MAX_CELL_LINE` characters.

    Examples
    --------
    >>> cell_line("AR_DSO", "days is #REF!\\nmore")
    'AR_DSO: days is #REF!'
    >>> len(cell_line("AR_X", "x" * 400))
    255
    """
    text = message.strip()
    line = f"{name}: {text.splitlines()[0] if text else COULD_NOT}"
    return cut_text(line, MAX_CELL_LINE)


#: Arguments read as a ledger: error values in them are data problems with a row and a column
#: (``AR_CHECK`` lists them), not refused here.
LEDGER_ARGUMENTS = frozenset({"ledger", "invoices"})


def _refuse_error_arguments(args: tuple[Any, ...], names: tuple[str, ...]) -> None:
    """Raise naming the first argument that is or holds an Excel error value.

    One cell (or a 1x1 range) gives ``days is #REF!``; a cell of a range gives
    ``days_past_due (cell 3) is #N/A`` or ``payments (row 2, column 3) is #N/A`` (counted
    from the range's first row, its header). Ledger ranges are left to the ledger reader.
    """
    for name, value in zip(names, args, strict=False):
        cell = value
        while isinstance(cell, (list, tuple)) and len(cell) == 1:
            cell = cell[0]
        error = excel_error(cell)
        if error is not None:
            raise XlArError(f"{name} is {error}")
        if isinstance(cell, (list, tuple)) and name not in LEDGER_ARGUMENTS:
            _refuse_error_cells(value, name)


def _refuse_error_cells(rows: list | tuple, name: str) -> None:
    """Raise for the first error value of a range, naming its cell."""
    grid = [r if isinstance(r, (list, tuple)) else (r,) for r in rows]
    line = len(grid) == 1 or all(len(r) == 1 for r in grid)
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            error = excel_error(value)
            if error is not None:
                where = f"cell {r + c + 1}" if line else f"row {r + 1}, column {c + 1}"
                raise XlArError(f"{name} ({where}) is {error}")


def finite_result(result: Any) -> Any:
    """``result`` unchanged if it holds no infinite number (and is not a lone NaN).

    A spilled table may hold NaN (an empty cell); an infinity anywhere is an overflow.

    Examples
    --------
    >>> finite_result([["DSO", 36.5]])
    [['DSO', 36.5]]
    >>> finite_result(float("inf"))
    Traceback (most recent call last):
    ...
    xl_ar.errors.XlArError: the result is too large (overflow)
    """
    if isinstance(result, (float, np.floating)):
        return finite_number(result)
    if isinstance(result, (list, tuple)):
        isinf = math.isinf
        for row in result:
            cells = row if isinstance(row, (list, tuple)) else (row,)
            if any(isinf(v) for v in cells if isinstance(v, float)):
                raise XlArError(OVERFLOW)
    return result


def errors_as_text(namespace: Mapping[str, Any]) -> None:
    """Make xlwings pass error cells as text (``err_to_str``) to every argument of every UDF.

    Call it at the end of a UDF module with ``globals()``: it sets the option on each
    ``AR_*`` function declared with :func:`xl_ar.udfs.registry.func`.
    """
    for name, obj in namespace.items():
        info = getattr(obj, "__xlfunc__", None)
        if name.startswith("AR_") and info is not None:
            for arg in info["args"]:
                arg["options"]["err_to_str"] = True


def is_blank_argument(value: Any) -> bool:
    """An omitted argument, or a range whose every cell is empty or only spaces.

    Examples
    --------
    >>> is_blank_argument(None), is_blank_argument([[None, " "]]), is_blank_argument(0.0)
    (True, True, False)
    """
    return all(map(is_blank_value, cellio.iter_cells(value)))


def optional_range(value: Any) -> Any:
    """``None`` for an omitted argument or an all-blank range, else the range unchanged."""
    return None if is_blank_argument(value) else value


def ledger_load(rows: Any, name: str = "ledger") -> LedgerLoad:
    """A ledger range read leniently, with range-level checks and its mapping row.

    A first row of roles over the header row (``balance`` over ``Open Balance``) maps those
    columns (:func:`xl_ar.core.split_mapping_row`); row numbers stay the sheet's rows.
    """
    if is_blank_argument(rows):  # stops at the first filled cell
        raise XlArError(f"{name} is empty: select the table with its header row")
    if not isinstance(rows, list) or len(rows) < 2:
        raise XlArError(f"{name} needs a header row and at least one row of data")
    columns, rest = split_mapping_row(rows)
    try:
        return load_ledger(rest, columns=columns or None, first_row=1 + len(rows) - len(rest))
    except MissingColumnError as exc:  # the sheet's way out instead of the CLI's --map
        hint = _CLI_MAP_HINT.search(str(exc))
        if hint is None:
            raise
        text = str(exc)[: hint.start()]
        where = "its header" if hint[1] == "Header" else f"'{hint[1]}'"  # no header could hold it
        raise MissingColumnError(f"{text}; map it: {hint[2]} in a row above {where}") from None


_CLI_MAP_HINT = re.compile(r'; to use one: --map "(.*)=(\w+)"$')


def ledger_arg(rows: Any, name: str = "ledger") -> pd.DataFrame:
    """A ledger range (row lists with the header row) read strictly, with range-level checks."""
    return ledger_load(rows, name).strict()


def aged_ledger(rows: Any, as_of: Any, name: str = "ledger") -> pd.DataFrame:
    """:func:`ledger_arg`, refusing an open-items snapshot aged before its own date
    (:func:`~xl_ar.core.check_snapshot_as_of`: the invoices paid since are missing)."""
    got = ledger_load(rows, name)
    led = got.strict()
    check_snapshot_as_of(led, as_of, got.as_of)
    return led
