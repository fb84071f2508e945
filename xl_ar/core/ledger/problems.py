"""The problem table shared by loading, the health check and error messages.

A problem table has the columns ``row`` (row number as the user sees it; NA for findings
about a whole column), ``column`` (the user's header), ``value`` (the cell as text) and
``problem`` (a phrase that reads after the value).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base.cells import EXCEL_ERROR_PROBLEM, cell_text, excel_errors, quote_excerpt
from xl_ar.core.base.schema import PROBLEM_COLUMNS

__all__ = [
    "DESCRIBE_WIDTH",
    "ProblemLog",
    "describe",
    "empty_problems",
    "format_problem",
]


class ProblemLog:
    """Collects problems column by column, then hands them over as one sorted table."""

    def __init__(self) -> None:
        self._parts: list[pd.DataFrame] = []
        self._error_cells: list[pd.DataFrame] = []  # (row, column) of Excel error values

    def take_excel_errors(self, body: pd.DataFrame, columns: Mapping[int, object]) -> pd.DataFrame:
        """Log the Excel error values (``#N/A`` ...) of ``columns`` and blank them out.

        ``columns`` maps positions of ``body`` to the user's headers. Each error cell is one
        problem ``is an Excel error value``; the returned copy of ``body`` holds ``None``
        there, and :meth:`table` drops the other problems later found in those cells (such
        as ``is blank``), so a ``#N/A`` customer is reported once and never read as a name.

        Examples
        --------
        >>> log = ProblemLog()
        >>> body = pd.DataFrame({0: ["PT A", "#N/A"]}, index=pd.RangeIndex(2, 4, name="row"))
        >>> log.take_excel_errors(body, {0: "Customer"})[0].tolist()
        ['PT A', None]
        >>> log.add([3], "Customer", [None], "is blank")
        >>> log.table().values.tolist()
        [[3, 'Customer', '#N/A', 'is an Excel error value']]
        """
        out = body
        for pos, header in columns.items():
            errors = excel_errors(body[pos])
            is_error = pd.notna(errors)
            if not is_error.any():
                continue
            if out is body:
                out = body.copy()
            rows = body.index[is_error]
            self.add(rows, header, errors[is_error], EXCEL_ERROR_PROBLEM)
            self._error_cells.append(pd.DataFrame({"row": rows.to_numpy(), "column": str(header)}))
            column = out[pos].astype(object)
            column[is_error] = None
            out[pos] = column
        return out

    def add(
        self,
        rows: Sequence[int] | np.ndarray | pd.Index,
        column: object,
        values: Sequence[object] | np.ndarray | pd.Series,
        problem: str | Sequence[str] | np.ndarray | pd.Series,
    ) -> None:
        """Record problems for ``rows`` of ``column``; ``values`` are the raw cells."""
        rows = np.asarray(rows)
        if len(rows) == 0:
            return
        raw = np.asarray(values, dtype=object)
        texts = [_value_text(v) for v in raw]
        part = pd.DataFrame(
            {
                "row": pd.array(rows, dtype="Int64"),
                "column": str(column),
                "value": ["" if t is None else t for t in texts],
                "problem": np.asarray(problem, dtype=object)
                if not isinstance(problem, str)
                else problem,
            }
        )
        self._parts.append(part)

    def add_note(self, column: object, note: str | None) -> None:
        """Record a finding about a whole column (no row)."""
        if note:
            self._parts.append(
                pd.DataFrame(
                    {
                        "row": pd.array([pd.NA], dtype="Int64"),
                        "column": [str(column)],
                        "value": [""],
                        "problem": [note],
                    }
                )
            )

    def table(self) -> pd.DataFrame:
        """All problems, column findings first, then by row; a fresh RangeIndex."""
        if not self._parts:
            return empty_problems()
        out = pd.concat(self._parts, ignore_index=True)
        if self._error_cells:  # an error cell is reported as that, not as what follows from it
            cells = pd.concat(self._error_cells, ignore_index=True)
            keys = pd.MultiIndex.from_frame(cells.astype({"row": "int64"}))
            at = pd.MultiIndex.from_arrays([out["row"].fillna(-1).astype("int64"), out["column"]])
            out = out[~at.isin(keys) | (out["problem"] == EXCEL_ERROR_PROBLEM)]
        out["_note"] = out["row"].isna()
        out = out.sort_values(["_note", "row"], ascending=[False, True], kind="stable")
        return out.drop(columns="_note").reset_index(drop=True)


def _value_text(value: object) -> str | None:
    """A cell as a problem shows it: huge numbers as ``1e+308``, not 309 digits."""
    if isinstance(value, (float, np.floating)) and not abs(float(value)) < 1e16:
        return f"{float(value):.15g}"
    return cell_text(value)


def empty_problems() -> pd.DataFrame:
    """A problem table with no rows."""
    return pd.DataFrame(
        {
            "row": pd.array([], dtype="Int64"),
            "column": pd.Series([], dtype=object),
            "value": pd.Series([], dtype=object),
            "problem": pd.Series([], dtype=object),
        },
        columns=list(PROBLEM_COLUMNS),
    )


def format_problem(row: Any, column: object, value: object, problem: object) -> str:
    """One problem as one line.

    Examples
    --------
    >>> format_problem(17, "Due Date", "abc", "is not a date")
    "row 17 'Due Date': 'abc' is not a date"
    >>> format_problem(None, "InvoiceDate", "", "mixes date cells with text dates")
    "'InvoiceDate': mixes date cells with text dates"
    """
    head = quote_excerpt(str(column))
    where = head if row is None or pd.isna(row) else f"row {int(row)} {head}"
    if row is None or pd.isna(row):
        return f"{where}: {problem}"
    shown = "(blank)" if value in (None, "") else quote_excerpt(value)
    return f"{where}: {shown} {problem}"


#: Characters of a :func:`describe` line: it leaves room for what the edge puts before it
#: (``AR_CREDIT_REVIEW: ``, ``xl-ar report: ledger.xlsx: ``) within a 255-character line.
DESCRIBE_WIDTH = 200


def describe(problems: pd.DataFrame, limit: int = 3, width: int = DESCRIBE_WIDTH) -> str:
    """The first ``limit`` problems on one line of at most ``width`` characters.

    As many problems as fit are listed whole, then how many more there are; a first problem
    longer than the line on its own is cut with ``…``.

    Examples
    --------
    >>> t = pd.DataFrame({"row": [5, 9], "column": ["Jumlah"] * 2, "value": ["x", "y"],
    ...                   "problem": ["is not an amount"] * 2})
    >>> describe(t, limit=1)
    "row 5 'Jumlah': 'x' is not an amount (and 1 more problem)"
    >>> describe(t, width=50)
    "row 5 'Jumlah': 'x' is not a… (and 1 more problem)"
    """
    total = len(problems)
    lines: list[str] = []
    used = 0
    for problem in problems.head(limit).itertuples(index=False):
        line = format_problem(*problem)
        extra = len(line) + (2 if lines else 0)  # "; " between problems
        if lines and used + extra + len(_more(total - len(lines) - 1)) > width:
            break
        lines.append(line)
        used += extra
    text, more = "; ".join(lines), _more(total - len(lines))
    if len(text) + len(more) <= width:
        return text + more
    return text[: width - len(more) - 1] + "…" + more  # one problem longer than the line


def _more(count: int) -> str:
    return f" (and {count} more problem{'s' if count > 1 else ''})" if count > 0 else ""
