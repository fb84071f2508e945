"""Read what users have (a range's row lists, a DataFrame, a CSV or Excel file) into a raw grid.

A *raw grid* is the header row plus the body as an ``object`` DataFrame whose index is the row
number as the user sees it (the spreadsheet row, or the CSV line). Nothing is converted yet:
that is :mod:`xl_ar.core.ledger`'s job.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from xl_ar.core.columns import header_score
from xl_ar.errors import XlArError

#: How many leading rows are searched for the header row (title rows may sit above it).
HEADER_SEARCH_ROWS = 30


@dataclass(frozen=True)
class RawGrid:
    """Header row and untouched body cells of a table.

    Attributes
    ----------
    headers : list
        Header cells as found; empty header cells become ``"column N"``.
    body : pandas.DataFrame
        ``object`` columns by position (0..n-1); index = user row numbers, named ``row``.
    """

    headers: list[object]
    body: pd.DataFrame


def read_grid(source: object, *, sheet: str | int | None = None, first_row: int = 1) -> RawGrid:
    """Read a table from row lists, a DataFrame, or a ``.csv``/``.xlsx``/``.xlsm``/``.xls`` path.

    Parameters
    ----------
    source : list of lists, pandas.DataFrame, str or pathlib.Path
        Row lists include the header row (as Excel hands a range over).
    sheet : str or int, optional
        Worksheet of an Excel file; by default the first sheet with a ledger-like header.
    first_row : int, default 1
        Spreadsheet row number of the first row of ``source`` when it is row lists, so that
        problems name rows as the user sees them.

    Examples
    --------
    >>> g = read_grid([["Customer", "Amount"], ["PT A", 100.0]], first_row=4)
    >>> g.headers, list(g.body.index)
    (['Customer', 'Amount'], [5])
    """
    if isinstance(source, pd.DataFrame):
        return _from_frame(source)
    if isinstance(source, (str, Path)):
        return _from_file(Path(source), sheet)
    if isinstance(source, Sequence) or isinstance(source, np.ndarray):
        return _from_rows(list(source), first_row)
    raise XlArError(
        f"cannot read a ledger from {type(source).__name__}: give a range, a table or a file path"
    )


def _from_frame(frame: pd.DataFrame) -> RawGrid:
    body = frame.copy()
    headers = list(body.columns)
    body.columns = range(body.shape[1])
    if body.index.name != "row":
        body.index = pd.RangeIndex(2, 2 + len(body), name="row")
    return RawGrid(_name_empty_headers(headers), body)


def _from_rows(rows: list, first_row: int) -> RawGrid:
    if not rows:
        raise XlArError("the range is empty: it needs a header row and at least one row of data")
    rows = [r if isinstance(r, (list, tuple)) else [r] for r in rows]
    at = _find_header(rows)
    body = pd.DataFrame(rows[at + 1 :], dtype=object)
    return _assemble(list(rows[at]), body, first_row + at + 1)


def _from_file(path: Path, sheet: str | int | None) -> RawGrid:
    if not path.exists():
        raise XlArError(f"file not found: {path}")
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        grid = _read_csv(path)
        rows_head = grid.head(HEADER_SEARCH_ROWS).to_numpy().tolist()
        at = _find_header(rows_head)
        return _assemble(list(grid.iloc[at]), grid.iloc[at + 1 :].reset_index(drop=True), at + 2)
    if suffix in (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"):
        rows = _read_excel_rows(path, sheet)
        at = _find_header(rows)
        return _assemble(list(rows[at]), pd.DataFrame(rows[at + 1 :], dtype=object), at + 2)
    raise XlArError(f"cannot read {path.name}: use a .csv, .xlsx or .xlsm file")


def _read_csv(path: Path) -> pd.DataFrame:
    with path.open("r", encoding="utf-8-sig", errors="replace") as fh:
        sample = fh.read(65536)
    try:
        sep = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        sep = ","
    return pd.read_csv(
        path,
        sep=sep,
        header=None,
        dtype=object,
        keep_default_na=False,
        encoding="utf-8-sig",
        skip_blank_lines=False,
    )


def _read_excel_rows(path: Path, sheet: str | int | None) -> list[list]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error types
        raise XlArError(f"cannot open {path.name}: {exc}") from None
    names = book.sheet_names
    if sheet is not None:
        if isinstance(sheet, int):
            if not 0 <= sheet < len(names):
                raise XlArError(f"{path.name} has no sheet number {sheet}")
            return book.get_sheet_by_index(sheet).to_python(skip_empty_area=False)
        if sheet not in names:
            raise XlArError(f"{path.name} has no sheet {sheet!r}; sheets: {', '.join(names)}")
        return book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    first: list[list] | None = None
    for name in names:
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        first = rows if first is None else first
        if max((header_score(r) for r in rows[:HEADER_SEARCH_ROWS]), default=0) >= 3:
            return rows
    return first or []


def _find_header(rows: list) -> int:
    """Index of the row among the first ones that looks most like a ledger header."""
    scores = [header_score(r) for r in rows[:HEADER_SEARCH_ROWS]]
    best = max(range(len(scores)), key=lambda i: (scores[i], -i)) if scores else 0
    return best if scores and scores[best] >= 2 else 0


def _assemble(headers: list, body: pd.DataFrame, first_data_row: int) -> RawGrid:
    width = max(len(headers), body.shape[1])
    headers = headers + [None] * (width - len(headers))
    body = body.reindex(columns=range(width))
    body.index = pd.RangeIndex(first_data_row, first_data_row + len(body), name="row")
    return RawGrid(_name_empty_headers(headers), body)


def _name_empty_headers(headers: list) -> list[object]:
    out: list[object] = []
    for i, h in enumerate(headers):
        blank = h is None or (isinstance(h, float) and np.isnan(h)) or str(h).strip() == ""
        out.append(f"column {i + 1}" if blank else h)
    return out
