"""What every worksheet function shares: the category, argument docs, error lines, ledger ranges.

Kept apart from :mod:`xl_ar.udfs` so that UDF modules by topic (``udfs_*``) can use it and
``xl_ar.udfs`` can re-export their functions (xlwings registers what ``dir(xl_ar.udfs)`` lists).
This module does not import xlwings.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import pandas as pd

from xl_ar import cellio
from xl_ar.core.cells import is_blank_value
from xl_ar.core.ledger import read_ledger
from xl_ar.errors import XlArError

CATEGORY = "AR Tools"
LEDGER_DOC = "Ledger range with its header row (Customer/Pelanggan, Invoice Date, Due Date or Terms, Amount ...)."
AS_OF_DOC = "Date to age at: a date cell, DATE(2024,12,31) or an Excel serial."


def one_line_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Return errors as one cell line ``NAME: message`` instead of raising.

    Expected errors (:class:`~xl_ar.errors.XlArError`) show their own message; anything
    else shows its first line, never a traceback or an exception class name.
    """

    @functools.wraps(func)
    def wrapper(*args: Any) -> Any:
        try:
            return func(*args)
        except XlArError as exc:
            return f"{func.__name__}: {_first_line(str(exc))}"
        except Exception as exc:  # the cell must never show a traceback
            detail = _first_line(str(exc)) or "unexpected input"
            return f"{func.__name__}: could not compute ({detail})"

    return wrapper


MAX_MESSAGE = 250  # characters of an error message shown in a cell


def _first_line(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= MAX_MESSAGE else line[: MAX_MESSAGE - 1] + "…"


def ledger_arg(rows: Any, name: str = "ledger") -> pd.DataFrame:
    """A ledger range (row lists with the header row) read strictly, with range-level checks."""
    if all(map(is_blank_value, cellio.iter_cells(rows))):  # stops at the first filled cell
        raise XlArError(f"{name} is empty: select the table with its header row")
    if not isinstance(rows, list) or len(rows) < 2:
        raise XlArError(f"{name} needs a header row and at least one row of data")
    return read_ledger(rows)
