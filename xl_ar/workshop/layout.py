"""Layout building blocks shared by the workshop builders (modules 1-6 and the hotel case).

A builder describes *what* a sheet says; these helpers decide *how* it is laid out, the same
way on every sheet: a titled sheet with its intro paragraph, wrapped paragraphs tall enough to
read, table headers, exercise rows (question, yellow input, ✓/✗ check, hint), label | value
blocks, worked label | formula blocks, and row heights estimated from the text (neither Excel
nor LibreOffice grows a row for wrapped text written by XlsxWriter).

Texts are bilingual pairs ``(id, en)`` or plain strings; every helper picks the sheet's
language with :meth:`~xl_ar.workshop.book.Book.t`.

Examples
--------
>>> book = Book("x", "en", "X")
>>> sh = titled_sheet(book, ("Latihan", "Practice"), ("Judul", "Title"), widths=[30, 14, 5, 40])
>>> _ = ask(sh, 2, ("Berapa?", "How much?"), 12.0, "money", ("SUM", "SUM"), q=(0, 0), at=1)
>>> sh.name, sh.cells[(0, 0)].value, book.exercises[0].key, sh.cells[(2, 3)].value
('Practice', 'Title', 'Practice!B3', 'SUM')
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from xl_ar.workshop.book import Book, Exercise, Sheet, a1, pick, rowcol
from xl_ar.workshop.cover import add_cover

__all__ = [
    "CHARS_PER_WIDTH",
    "DEFAULT_WIDTH",
    "LINE_HEIGHT",
    "WRAP_STYLES",
    "Text",
    "ask",
    "autofit_book",
    "autofit_rows",
    "exercise_header",
    "formula_rows",
    "grow_row",
    "header_row",
    "label_values",
    "new_book",
    "paragraph",
    "put",
    "span_width",
    "tall_rows",
    "text_lines",
    "titled_sheet",
]

Text = str | tuple[str, str]
"""A text: a bilingual pair ``(id, en)`` or a plain string (the same in both languages)."""

DEFAULT_WIDTH = 8.43
"""Width of a column whose width was not set (Excel's default, in characters)."""
LINE_HEIGHT = 15.0
"""Height of one line of 11-point Calibri, in points."""
CHARS_PER_WIDTH = 1.05
"""Characters of 11-point Calibri that fit in one unit of column width."""
WRAP_STYLES = frozenset({"wrap", "note", "header"})
"""Styles that wrap text (see :func:`xl_ar.workshop.render._formats`)."""


# --------------------------------------------------------------------------- row heights


def span_width(sheet: Sheet, first: int, last: int) -> float:
    """Total width of the columns ``first..last`` (zero-based) of ``sheet``.

    Examples
    --------
    >>> sh = Book("x", "en", "X").sheet("S")
    >>> sh.width(0, [10, 20])
    >>> span_width(sh, 0, 2)
    38.43
    """
    return sum(sheet.widths.get(c, DEFAULT_WIDTH) for c in range(first, last + 1))


def text_lines(text: str, width: float, *, chars_per_width: float = CHARS_PER_WIDTH) -> int:
    """Lines a wrapped ``text`` needs in a cell (or merged span) ``width`` characters wide.

    Examples
    --------
    >>> text_lines("word " * 10, 10), text_lines("a\\nb", 40)
    (5, 2)
    """
    per_line = max(width * chars_per_width, 1.0)
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def grow_row(sheet: Sheet, row: int, height: float) -> None:
    """Make row ``row`` at least ``height`` points tall (explicit heights only grow)."""
    sheet.row_heights[row] = max(sheet.row_heights.get(row, LINE_HEIGHT), height)


def _fit(sheet: Sheet, row: int, text: str, cols: tuple[int, int], style: str | None) -> None:
    """Grow ``row`` so that ``text`` wrapped over ``cols`` shows whole (wrapping styles only)."""
    if style not in WRAP_STYLES or not text:
        return
    lines = text_lines(text, span_width(sheet, *cols))
    if lines > 1:
        grow_row(sheet, row, lines * LINE_HEIGHT)


def tall_rows(sheet: Sheet, rows: Iterable[int], height: float = 2 * LINE_HEIGHT) -> None:
    """Give every row of ``rows`` the height ``height`` (default: two lines)."""
    for r in rows:
        sheet.row_heights[r] = height


def autofit_rows(sheet: Sheet, *, chars_per_width: float = CHARS_PER_WIDTH) -> None:
    """Give rows with wrapped text the height their longest text needs.

    The height is estimated from the text length and the (merged) column width: one line
    holds about ``width × chars_per_width`` characters of 11-point Calibri. Merges over
    several rows are left alone; explicit heights only grow.

    Examples
    --------
    >>> book = Book("x", "en", "X")
    >>> sh = book.sheet("S")
    >>> sh.width(0, 10)
    >>> sh.write("A1", "word " * 10, "wrap")
    >>> autofit_rows(sh)
    >>> sh.row_heights
    {0: 75.0}
    """
    spans: dict[tuple[int, int], tuple[float, str] | None] = {}
    for span, style in sheet.merges:
        (r0, c0), (r1, c1) = (rowcol(x) for x in span.split(":"))
        spans[(r0, c0)] = (span_width(sheet, c0, c1), style) if r0 == r1 else None
    for (r, c), cell in sheet.cells.items():
        if not isinstance(cell.value, str) or not cell.value:
            continue
        if (r, c) in spans:
            merged = spans[(r, c)]
            if merged is None:
                continue
            room, style = merged
        else:
            room, style = span_width(sheet, c, c), cell.style or ""
        if style not in WRAP_STYLES:
            continue
        lines = text_lines(cell.value, room, chars_per_width=chars_per_width)
        if lines > 1:
            grow_row(sheet, r, lines * LINE_HEIGHT)


def autofit_book(book: Book) -> None:
    """:func:`autofit_rows` on every sheet but the cover (the first, which keeps its layout)."""
    for sheet in book.sheets[1:]:
        autofit_rows(sheet)


# --------------------------------------------------------------------------- texts


def put(sheet: Sheet, row: int, cols: tuple[int, int], value: Any, style: str | None) -> None:
    """Write ``value`` in column ``cols[0]``, merged over ``cols`` when they are several.

    A merge without a style wraps its text (see :meth:`~xl_ar.workshop.book.Sheet.merge`).
    """
    if cols[0] == cols[1]:
        sheet.write((row, cols[0]), value, style)
    else:
        sheet.merge(f"{a1(row, cols[0])}:{a1(row, cols[1])}", value, style)


def paragraph(
    sheet: Sheet, ref: str | tuple[int, int], last_col: int, text: Text, style: str = "note"
) -> None:
    """A wrapped paragraph from ``ref`` to column ``last_col`` of its row, tall enough to read.

    Set the sheet's column widths first: the row height follows the merged width.

    Examples
    --------
    >>> sh = Book("x", "en", "X").sheet("S")
    >>> sh.width(0, [20, 20])
    >>> paragraph(sh, "A2", 1, ("Catatan", "A note " * 12))
    >>> sh.merges, sh.row_heights
    ([('A2:B2', 'note')], {1: 30.0})
    """
    r, c = rowcol(ref)
    shown = sheet.book.t(text)
    put(sheet, r, (c, last_col), shown, style)
    _fit(sheet, r, shown, (c, last_col), style)


def header_row(
    sheet: Sheet,
    ref: str | tuple[int, int],
    values: Sequence[Text | None],
    height: float = 2 * LINE_HEIGHT,
) -> None:
    """A table header row (wrapped, bold, filled), ``height`` points tall (two lines)."""
    r, c = rowcol(ref)
    t = sheet.book.t
    sheet.row((r, c), [None if v is None else t(v) for v in values], "header")
    grow_row(sheet, r, height)


def titled_sheet(
    book: Book,
    name: Text,
    title: Text,
    *,
    widths: Sequence[float] | None = None,
    intro: Text | None = None,
    last_col: int | None = None,
    col: int = 0,
    **options: Any,
) -> Sheet:
    """A new sheet with its column widths, a title in row 1 and an intro paragraph in row 2.

    Parameters
    ----------
    book : Book
        The workbook; the sheet is appended to its tabs.
    name, title : (id, en) or str
        Sheet (tab) name and the title written at column ``col`` of row 1.
    widths : sequence of float, optional
        Column widths from column A.
    intro : (id, en) or str, optional
        A note paragraph in row 2, merged from column ``col`` to ``last_col`` (default: the
        last column with a width).
    col : int, default 0
        Column of the title and of the intro's start.
    **options
        Passed to :meth:`~xl_ar.workshop.book.Book.sheet` (``excel365=True`` ...).

    Returns
    -------
    Sheet
    """
    sh = book.sheet(book.t(name), **options)
    if widths is not None:
        sh.width(0, widths)
    sh.write((0, col), book.t(title), "title")
    if intro is not None:
        last = last_col if last_col is not None else max(len(widths or ()) - 1, col)
        paragraph(sh, (1, col), last, intro)
    return sh


# --------------------------------------------------------------------------- exercises


def exercise_header(
    sheet: Sheet, row: int, q: tuple[int, int], at: int, h: tuple[int, int]
) -> None:
    """Header of an exercise block: question over ``q``, answer at ``at``, ✓/✗, hint over ``h``."""
    t = sheet.book.t
    put(sheet, row, q, t(("Latihan", "Exercise")), "header")
    sheet.write((row, at), t(("Jawaban Anda", "Your answer")), "header")
    sheet.write((row, at + 1), "✓/✗", "header")
    put(sheet, row, h, t(("Petunjuk", "Hint")), "header")


def ask(
    sheet: Sheet,
    row: int,
    question: Text,
    answer: Any,
    kind: str,
    hint: Text = "",
    *,
    q: tuple[int, int] = (0, 0),
    at: int | None = None,
    h: tuple[int, int] | None = None,
    label: Text | None = None,
    style: str | None = "wrap",
) -> Exercise:
    """One exercise row: question (over ``q``), yellow input, ✓/✗ check and a hint (over ``h``).

    Parameters
    ----------
    sheet : Sheet
        The sheet; set its column widths first (they size the row height).
    row : int
        Zero-based row.
    question : (id, en) or str
        The question, shown on the sheet and written to the answer key.
    answer : float, int, str or date
        The core's answer.
    kind : str
        Exercise kind (``money``, ``count``, ``days``, ``pct``, ``number``, ``date``, ``text`` ...).
    hint : (id, en) or str, optional
        A short note on how to compute it (a grey note); left out when empty.
    q : (first, last) columns, default (0, 0)
        Columns of the question (merged when several).
    at : int, optional
        Column of the input cell (default: right of the question); the check goes right of it.
    h : (first, last) columns, optional
        Columns of the hint (default: the column right of the check).
    label : (id, en) or str, optional
        A shorter text shown on the sheet instead of the question (the key keeps the question).
    style : str or None, default "wrap"
        Style of the shown question.

    Returns
    -------
    Exercise
    """
    t = sheet.book.t
    col = q[1] + 1 if at is None else at
    shown = t(question if label is None else label)
    put(sheet, row, q, shown, style)
    ex = sheet.exercise((row, col), answer, kind=kind, question=t(question))
    _fit(sheet, row, shown, q, style)
    if hint:
        hint_cols = (col + 2, col + 2) if h is None else h
        put(sheet, row, hint_cols, t(hint), "note")
        _fit(sheet, row, t(hint), hint_cols, "note")
    return ex


# --------------------------------------------------------------------------- blocks


def label_values(
    sheet: Sheet,
    top: int,
    rows: Sequence[tuple[Text, Any, str | None]],
    *,
    label: tuple[int, int] = (0, 0),
    label_style: str | None = None,
) -> list[str]:
    """A label | value block: ``(label, value, style)`` rows from ``top``; returns value cells.

    Labels go over the columns ``label`` (merged when several), constants in the column right
    of them; the A1 addresses of the values are returned in order (for the formulas that use
    them).

    Examples
    --------
    >>> sh = Book("x", "en", "X").sheet("S")
    >>> label_values(sh, 3, [(("Hari", "Days"), 15.0, "int"), ("Rate", 0.1, "pct")])
    ['B4', 'B5']
    """
    t = sheet.book.t
    at = label[1] + 1
    cells = []
    for i, (text, value, style) in enumerate(rows):
        put(sheet, top + i, label, t(text), label_style)
        sheet.write((top + i, at), value, style)
        cells.append(a1(top + i, at))
    return cells


def formula_rows(
    sheet: Sheet,
    top: int,
    rows: Sequence[tuple[Text, str, Any, str | None]],
    *,
    label: tuple[int, int] = (0, 0),
    at: int = 1,
    label_style: str | None = None,
) -> list[str]:
    """A worked label | formula block: ``(label, formula, expected, style)`` rows from ``top``.

    Each label goes over the columns ``label`` (merged when several), its formula (native or
    ``AR_*``, with the core's ``expected`` value) in column ``at``. Returns the formula cells.

    Examples
    --------
    >>> sh = Book("x", "en", "X").sheet("S")
    >>> formula_rows(sh, 0, [(("Total", "Total"), "=SUM(C1:C2)", 3.0, "money")])
    ['B1']
    >>> sh.cells[(0, 1)].expected
    3.0
    """
    t = sheet.book.t
    cells = []
    for i, (text, formula, expected, style) in enumerate(rows):
        put(sheet, top + i, label, t(text), label_style)
        sheet.formula((top + i, at), formula, expected=expected, style=style)
        cells.append(a1(top + i, at))
    return cells


def new_book(
    stem: str,
    lang: str,
    heading: tuple[str, str],
    objectives: Sequence[Text],
    steps: Sequence[Text],
    *,
    title: str | None = None,
    **cover: Any,
) -> Book:
    """A workbook that opens on its cover sheet (:func:`~xl_ar.workshop.cover.add_cover`).

    ``title`` (the file's title property) defaults to ``heading`` in ``lang``; ``cover``
    options (``company=``) go to :func:`~xl_ar.workshop.cover.add_cover`.
    """
    book = Book(stem, lang, title if title is not None else pick(heading, lang))
    add_cover(book, heading, objectives, steps, **cover)
    return book
