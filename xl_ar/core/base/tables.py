"""Generic table reading: a worksheet range, a DataFrame or a table file as lists of rows.

The one home of "give me the rows of this table" for every reader of a small table (a
strategy, promises, contacts, customers). Header synonyms are matched with
:func:`xl_ar.core.base.columns.header_lookup`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base.cells import is_blank_value
from xl_ar.core.base.sources import check_row_widths, read_table_file
from xl_ar.errors import XlArError

__all__ = ["file_rows", "is_blank_source", "is_table_file", "table_rows"]

_FILE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls")


def is_table_file(source: Any) -> bool:
    """Whether ``source`` names a table file (a path ending in .csv/.txt/.tsv/.xlsx/.xlsm/.xls)."""
    return isinstance(source, str | Path) and str(source).lower().endswith(_FILE_SUFFIXES)


def file_rows(path: str | Path) -> list[list[Any]]:
    """The cells of a ``.csv`` file or of an Excel file's first sheet, as row lists.

    Empty cells are ``None``; CSV cells are text. The file goes through
    :func:`xl_ar.core.base.sources.read_table_file` (encoding and separator detected, broken
    files refused in one line), and short rows are padded to the longest.
    Used to read a strategy, promises, contact or customer table saved as a file.

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = os.path.join(d, "s.csv")
    ...     _ = open(p, "w").write("Stage;Min DPD;Max DPD\\nearly;1;\\n")
    ...     file_rows(p)
    [['Stage', 'Min DPD', 'Max DPD'], ['early', '1', None]]
    """
    table = read_table_file(path)
    rows = [[None if is_blank_value(c) else c for c in row] for row in table.rows()]
    if table.text:  # the header: the first row of two or more cells (titles have one)
        filled = (sum(c is not None for c in r) for r in rows)
        check_row_widths(table, next((i for i, n in enumerate(filled) if n >= 2), 0))
    return rows


def table_rows(source: Any, *, hint: str) -> list[list[Any]]:
    """A range, DataFrame or .csv/.xlsx path as row lists; ``hint`` is the error otherwise.

    Blank DataFrame cells become ``None``; a lone value or a flat list gives one-cell rows.

    Examples
    --------
    >>> table_rows(pd.DataFrame({"Stage": ["early"], "Min DPD": [None]}), hint="?")
    [['Stage', 'Min DPD'], ['early', None]]
    >>> table_rows([["a", 1], "b"], hint="?")
    [['a', 1], ['b']]
    """
    if is_table_file(source):
        return file_rows(source)
    if isinstance(source, pd.DataFrame):
        body = source.astype(object).where(source.notna(), None).to_numpy().tolist()
        return [list(source.columns), *body]
    if isinstance(source, np.ndarray):
        source = source.tolist()
    if not isinstance(source, list | tuple) or not source:
        raise XlArError(hint)
    return [list(r) if isinstance(r, list | tuple) else [r] for r in source]


def is_blank_source(source: Any) -> bool:
    """True for no table at all: None, blank text, an empty DataFrame or a range of blanks."""
    if source is None:
        return True
    if isinstance(source, str):
        return not source.strip()
    if isinstance(source, pd.DataFrame):
        return source.empty
    if isinstance(source, list | tuple | np.ndarray):
        cells = np.asarray(source, dtype=object).ravel()
        return all(is_blank_value(c) for c in cells)
    return False
