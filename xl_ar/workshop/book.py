"""Workbook specification for the workshop: sheets, cells, exercises (pure Python, no writer).

A :class:`Book` is built by a module's ``build(lang)`` function and written by
:func:`xl_ar.workshop.render.render_book`. Every formula cell carries the value the core
computed for it (``expected``): the writer stores it as the cell's cached value, and the tests
recalculate the file with LibreOffice and compare. Every exercise carries the core's answer
(written on the hidden answer-key sheet) and gets a native ✓/✗ check cell.

Examples
--------
>>> book = Book("demo", "en", "Demo")
>>> sh = book.sheet("Practice")
>>> sh.write("A1", "Total sales")
>>> sh.formula("B1", "=SUM(C1:C2)", expected=30.0, style="money")
>>> sh.write("C1", 10.0); sh.write("C2", 20.0)
>>> ex = sh.exercise("B3", 30.0, kind="money", question="Total of C1:C2")
>>> ex.check, book.exercises[0].key
('C3', 'Practice!B3')
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from xlsxwriter.utility import xl_cell_to_rowcol, xl_rowcol_to_cell

from xl_ar.core import lang_index

__all__ = [
    "KIND_STYLES",
    "TOLERANCES",
    "Book",
    "Cell",
    "Exercise",
    "Sheet",
    "a1",
    "col_range",
    "pick",
    "rowcol",
    "sheet_ref",
]

TOLERANCES: dict[str, float] = {
    "money": 1.0,  # one Rupiah
    "count": 0.0,
    "days": 0.1,  # days, one decimal
    "pct": 0.0005,  # a fraction: 0.05 percentage points
    "ratio": 0.01,  # "times", e.g. turnover
    "number": 0.01,
    "date": 0.0,  # Excel serial number
    "text": 0.0,
}
"""Default tolerance of an exercise's check, by kind of answer."""

KIND_STYLES: dict[str, str] = {
    "money": "rp",
    "count": "int",
    "days": "days",
    "pct": "pct",
    "ratio": "ratio",
    "number": "number",
    "date": "date",
    "text": "text",
}
"""Number style of an exercise's input cell, by kind of answer."""

STYLES = frozenset(
    {
        "title",  # big bold title
        "h1",  # section heading
        "header",  # table header (bold, filled, wrapped)
        "text",
        "bold",
        "note",  # grey italic explanation
        "wrap",  # wrapped text
        "mono",  # fixed-width font (letters with aligned invoice tables)
        "money",  # #,##0
        "rp",  # "Rp "#,##0
        "int",
        "days",  # 0.0
        "pct",  # 0.0%
        "pct2",  # 0.00%
        "ratio",  # 0.00
        "number",  # 0.00
        "date",  # dd/mm/yyyy
        "check",  # the ✓/✗ cell
        "total_money",  # bold #,##0 with top border
        "total_rp",
    }
)


def pick(text: str | tuple[str, str] | dict[str, str], lang: str) -> str:
    """Pick the ``lang`` text of a bilingual pair ``(id, en)`` (plain strings pass through).

    Examples
    --------
    >>> pick(("Piutang", "Receivables"), "en"), pick("DSO", "id")
    ('Receivables', 'DSO')
    """
    if isinstance(text, str):
        return text
    if isinstance(text, dict):
        return text[lang]
    return text[lang_index(lang)]


def a1(row: int, col: int, *, absolute: bool = False) -> str:
    """A1 address of a zero-based ``(row, col)``.

    Examples
    --------
    >>> a1(0, 0), a1(4, 27, absolute=True)
    ('A1', '$AB$5')
    """
    return xl_rowcol_to_cell(row, col, row_abs=absolute, col_abs=absolute)


def sheet_ref(sheet: str, cell: str) -> str:
    """A cell reference on another sheet, quoted when needed.

    Examples
    --------
    >>> sheet_ref("Data", "$A$2"), sheet_ref("Kunci Jawaban", "E5")
    ('Data!$A$2', "'Kunci Jawaban'!E5")
    """
    plain = sheet.replace("_", "").isalnum() and not sheet[0].isdigit()
    name = sheet if plain else "'" + sheet.replace("'", "''") + "'"
    return f"{name}!{cell}"


def col_range(sheet: str | None, col: int, first_row: int, last_row: int) -> str:
    """Absolute reference to rows ``first_row..last_row`` (zero-based) of one column.

    Examples
    --------
    >>> col_range("Data", 2, 1, 60), col_range(None, 0, 4, 9)
    ('Data!$C$2:$C$61', '$A$5:$A$10')
    """
    ref = f"{a1(first_row, col, absolute=True)}:{a1(last_row, col, absolute=True)}"
    return sheet_ref(sheet, ref) if sheet else ref


def rowcol(ref: str | tuple[int, int]) -> tuple[int, int]:
    """Zero-based ``(row, col)`` of an A1 address (``$`` allowed) or of a tuple.

    Examples
    --------
    >>> rowcol("$C$5"), rowcol((1, 2))
    ((4, 2), (1, 2))
    """
    if isinstance(ref, tuple):
        return ref
    return xl_cell_to_rowcol(ref.replace("$", ""))


@dataclass
class Cell:
    """One cell: a constant ``value`` or a ``formula`` with the core's ``expected`` value."""

    value: Any = None
    formula: str | None = None
    expected: Any = None
    style: str | None = None
    tol: float | None = None  # tolerance when a recalculated formula is compared

    @property
    def is_formula(self) -> bool:
        return self.formula is not None


@dataclass
class Exercise:
    """An input cell the trainee fills, the core's answer and the check cell beside it."""

    sheet: str
    cell: str
    answer: Any
    kind: str
    tol: float
    question: str
    check: str

    @property
    def key(self) -> str:
        return f"{self.sheet}!{self.cell}"


@dataclass
class Sheet:
    """A worksheet specification; cells are addressed in A1 or zero-based ``(row, col)``."""

    name: str
    book: Book
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    widths: dict[int, float] = field(default_factory=dict)
    freeze: tuple[int, int] | None = None
    hidden: bool = False
    excel365: bool = False  # may use functions outside the Excel 2013 list (tested elsewhere)
    tables: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (range, name, cols)
    merges: list[tuple[str, str]] = field(default_factory=list)  # (range, style)
    row_heights: dict[int, float] = field(default_factory=dict)

    def _put(self, ref: str | tuple[int, int], cell: Cell) -> tuple[int, int]:
        rc = rowcol(ref)
        if cell.style is not None and cell.style not in STYLES:
            raise ValueError(f"unknown style {cell.style!r}")
        self.cells[rc] = cell
        return rc

    def write(self, ref: str | tuple[int, int], value: Any, style: str | None = None) -> None:
        """A constant: text (always text, never a formula), number, date or ``None``."""
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"{self.name}!{ref}: non-finite number {value!r}")
        self._put(ref, Cell(value=value, style=style))

    def formula(
        self,
        ref: str | tuple[int, int],
        formula: str,
        *,
        expected: Any,
        style: str | None = None,
        tol: float | None = None,
    ) -> None:
        """A native (or ``AR_*``) formula and the value the core computed for it."""
        if not formula.startswith("="):
            raise ValueError(f"{self.name}!{ref}: formula must start with '=': {formula!r}")
        if expected is None:
            raise ValueError(f"{self.name}!{ref}: formula {formula} needs the core's value")
        if isinstance(expected, float) and not math.isfinite(expected):
            raise ValueError(f"{self.name}!{ref}: expected value {expected!r} is not finite")
        self._put(ref, Cell(formula=formula, expected=expected, style=style, tol=tol))

    def row(
        self,
        ref: str | tuple[int, int],
        values: Sequence[Any],
        styles: Sequence[str | None] | str | None = None,
    ) -> None:
        """Constants left to right from ``ref``."""
        r, c = rowcol(ref)
        for i, v in enumerate(values):
            st = styles if isinstance(styles, str) or styles is None else styles[i]
            if v is not None or st is not None:
                self.write((r, c + i), v, st)

    def table(
        self,
        ref: str | tuple[int, int],
        header: Sequence[str],
        rows: Sequence[Sequence[Any]],
        styles: Sequence[str | None] | None = None,
        *,
        name: str | None = None,
    ) -> tuple[int, int]:
        """A header row and data rows of constants; returns zero-based (first, last) data row.

        ``name`` makes it an Excel table (ListObject), ready for a PivotTable.
        """
        r, c = rowcol(ref)
        self.row((r, c), list(header), "header")
        for i, values in enumerate(rows):
            self.row((r + 1 + i, c), list(values), list(styles) if styles else None)
        last = r + max(len(rows), 1)
        if name:
            span = f"{a1(r, c)}:{a1(last, c + len(header) - 1)}"
            self.tables.append((span, name, list(header)))
        return r + 1, last

    def merge(self, span: str, value: Any, style: str | None = None) -> None:
        """A merged range holding one constant (e.g. a wrapped instruction paragraph)."""
        first = span.split(":")[0]
        self.write(first, value, style)
        self.merges.append((span, style or "wrap"))

    def exercise(
        self,
        ref: str | tuple[int, int],
        answer: Any,
        *,
        kind: str,
        question: str,
        tol: float | None = None,
        check: str | tuple[int, int] | None = None,
    ) -> Exercise:
        """An input cell (left empty) checked against ``answer``; the check goes right of it.

        ``kind`` is one of :data:`TOLERANCES` (``money``, ``days``, ``pct`` ...); ``answer``
        is the core's value (a float, an int, a date or a text for ``kind="text"``).
        """
        if kind not in TOLERANCES:
            raise ValueError(f"unknown exercise kind {kind!r}")
        if answer is None or (isinstance(answer, float) and not math.isfinite(answer)):
            raise ValueError(f"{self.name}!{ref}: exercise needs a finite answer, not {answer!r}")
        if kind == "text" and not isinstance(answer, str):
            raise ValueError(f"{self.name}!{ref}: a text exercise needs a text answer")
        if kind == "date" and isinstance(answer, dt.date):
            answer = dt.datetime(answer.year, answer.month, answer.day)
        r, c = rowcol(ref)
        cr, cc = rowcol(check) if check is not None else (r, c + 1)
        ex = Exercise(
            sheet=self.name,
            cell=a1(r, c),
            answer=answer,
            kind=kind,
            tol=TOLERANCES[kind] if tol is None else float(tol),
            question=question,
            check=a1(cr, cc),
        )
        self.book.exercises.append(ex)
        self._put((r, c), Cell(value=None, style=f"input_{KIND_STYLES[kind]}"))
        return ex

    def width(self, first: int, widths: Sequence[float] | float, last: int | None = None) -> None:
        """Column widths from column ``first`` (zero-based): one per column, or one for a span."""
        if isinstance(widths, (int, float)):
            for col in range(first, (last if last is not None else first) + 1):
                self.widths[col] = float(widths)
        else:
            for i, w in enumerate(widths):
                self.widths[first + i] = float(w)


# input styles are "input_" + a number style; allowed on cells created by Sheet.exercise
STYLES = STYLES | {f"input_{s}" for s in KIND_STYLES.values()}


@dataclass
class Book:
    """A workshop workbook: file stem, language, title and its sheets in tab order."""

    stem: str
    lang: str
    title: str
    sheets: list[Sheet] = field(default_factory=list)
    exercises: list[Exercise] = field(default_factory=list)
    created: dt.datetime = dt.datetime(2024, 12, 31)  # fixed: builds are reproducible
    score_at: tuple[str, str] | None = None  # (sheet, cell) that shows "✓ count / exercises"

    def sheet(self, name: str, **options: Any) -> Sheet:
        """Add a sheet (31 characters at most, unique) and return it."""
        if len(name) > 31 or any(ch in name for ch in "[]:*?/\\"):
            raise ValueError(f"invalid sheet name {name!r}")
        if any(s.name.lower() == name.lower() for s in self.sheets):
            raise ValueError(f"duplicate sheet name {name!r}")
        sh = Sheet(name=name, book=self, **options)
        self.sheets.append(sh)
        return sh

    def t(self, text: str | tuple[str, str]) -> str:
        """Shorthand for :func:`pick` in this book's language."""
        return pick(text, self.lang)
