"""Write a workshop :class:`~xl_ar.workshop.book.Book` to ``.xlsx`` with XlsxWriter.

Besides the book's own sheets the writer adds the hidden answer-key sheet (one row per
exercise: sheet, input cell, question, the core's answer, tolerance, status, check cell) and
writes every exercise's check cell as a native formula that shows ✓ or ✗ once the input cell is
filled. Formula cells get the core's value as their cached value; the file is byte-for-byte
reproducible (fixed created date, cells in address order).
"""

from __future__ import annotations

import datetime as dt
import numbers
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import xlsxwriter
from xlsxwriter.utility import xl_cell_to_rowcol
from xlsxwriter.workbook import Format, Workbook

from xl_ar.reports.style import NUMBER_FORMATS, WORKBOOK_OPTIONS
from xl_ar.workshop.book import Book, Cell, Exercise, Sheet, a1, pick, rowcol, sheet_ref

__all__ = [
    "ANSWER_HEADER",
    "ANSWER_SHEET",
    "CHECK_MARK",
    "CROSS_MARK",
    "check_formula",
    "excel_serial",
    "render_book",
]

CHECK_MARK = "✓"
CROSS_MARK = "✗"
ANSWER_SHEET = ("Kunci Jawaban", "Answer Key")
ANSWER_HEADER = (
    ("No", "No"),
    ("Sheet", "Sheet"),
    ("Sel isian", "Input cell"),
    ("Pertanyaan", "Question"),
    ("Jawaban", "Answer"),
    ("Toleransi", "Tolerance"),
    ("Status", "Status"),
    ("Sel cek", "Check cell"),
)
"""Columns A:H of the answer-key sheet (row 1 is the header)."""

INPUT_FILL = "#FFF2CC"
TITLE_ROW_HEIGHT = 24.0  # points: the least height of a row holding a 16-point title
HEADER_FILL = "#DDEBF7"

#: The cell styles with a number format (:data:`xl_ar.reports.style.NUMBER_FORMATS`), in the
#: order the formats are added (the committed workbooks depend on it); ``total_*`` are bold.
_NUMBER_STYLES = ("money", "rp", "int", "days", "pct", "pct2", "ratio", "number", "date", "text",
                  "total_money", "total_rp")  # fmt: skip
_EPOCH = dt.datetime(1899, 12, 30)


def excel_serial(value: Any) -> float:
    """Excel serial number (1900 system) of a date-like value.

    Examples
    --------
    >>> excel_serial(dt.date(2024, 12, 31))
    45657.0
    """
    ts = pd.Timestamp(value)
    return float((ts.to_pydatetime().replace(tzinfo=None) - _EPOCH) / dt.timedelta(days=1))


def _formats(wb: Workbook) -> dict[str, Format]:
    base = {"font_name": "Calibri", "font_size": 11, "valign": "top"}
    spec: dict[str, dict[str, Any]] = {
        "title": {"bold": True, "font_size": 16, "font_color": "#1F4E78"},
        "h1": {"bold": True, "font_size": 12, "font_color": "#1F4E78"},
        "header": {
            "bold": True,
            "bg_color": HEADER_FILL,
            "border": 1,
            "text_wrap": True,
            "valign": "vcenter",
        },
        "text": {},
        "bold": {"bold": True},
        "note": {"italic": True, "font_color": "#595959", "text_wrap": True},
        "wrap": {"text_wrap": True},
        "mono": {"font_name": "Consolas", "font_size": 10},
        "check": {"bold": True, "align": "center", "font_size": 12},
    }
    for key in _NUMBER_STYLES:
        num = NUMBER_FORMATS[key.removeprefix("total_")]
        spec.setdefault(key, {})
        spec[key] = {**spec[key], "num_format": num}
        if key.startswith("total_"):
            spec[key] |= {"bold": True, "top": 1}
        if key in ("money", "rp", "int", "days", "pct", "pct2", "ratio", "number", "date"):
            spec[f"input_{key}"] = {
                "num_format": num,
                "bg_color": INPUT_FILL,
                "border": 1,
                "locked": False,
            }
    spec["input_text"] = {"bg_color": INPUT_FILL, "border": 1, "locked": False}
    spec["text"] = {}
    return {k: wb.add_format(base | v) for k, v in spec.items()}


def _cached(value: Any) -> Any:
    """The cached value XlsxWriter stores for a formula's core result."""
    if isinstance(value, (dt.date, pd.Timestamp, np.datetime64)):
        return excel_serial(value)
    if isinstance(value, (bool, np.bool_)):
        raise TypeError("write booleans as text (YA/TIDAK): engines differ on cached booleans")
    if isinstance(value, numbers.Number):
        return float(value)
    return value


def _write_value(ws: Any, r: int, c: int, value: Any, fmt: Format | None) -> None:
    if value is None:
        if fmt is not None:
            ws.write_blank(r, c, None, fmt)
    elif isinstance(value, str):
        ws.write_string(r, c, value, fmt)  # never a formula, link or number
    elif isinstance(value, (dt.date, pd.Timestamp, np.datetime64)):
        ws.write_datetime(r, c, pd.Timestamp(value).to_pydatetime().replace(tzinfo=None), fmt)
    elif isinstance(value, (bool, np.bool_)):
        raise TypeError(f"r{r}c{c}: write booleans as text")
    elif isinstance(value, numbers.Number):
        ws.write_number(r, c, float(value), fmt)
    else:
        raise TypeError(f"r{r}c{c}: cannot write {type(value).__name__}")


def check_formula(ex: Exercise, answer_row: int, lang: str) -> str:
    """The native ✓/✗ formula of an exercise whose answer sits on ``answer_row`` (zero-based).

    Examples
    --------
    >>> from xl_ar.workshop.book import Exercise
    >>> ex = Exercise("Latihan", "D5", 10.0, "money", 1.0, "q", "E5")
    >>> check_formula(ex, 1, "id")
    '=IF(ISBLANK(D5),"",IF(ISNUMBER(D5),IF(ABS(D5-\\'Kunci Jawaban\\'!$E$2)<=\\'Kunci Jawaban\\'!$F$2,"✓","✗"),"✗"))'
    """
    key = pick(ANSWER_SHEET, lang)
    answer = sheet_ref(key, a1(answer_row, 4, absolute=True))
    tol = sheet_ref(key, a1(answer_row, 5, absolute=True))
    cell = ex.cell
    ok, bad = f'"{CHECK_MARK}"', f'"{CROSS_MARK}"'
    if ex.kind == "text":
        test = f"UPPER(TRIM({cell}))=UPPER(TRIM({answer}))"
        return f'=IF(ISBLANK({cell}),"",IF({test},{ok},{bad}))'
    test = f"ABS({cell}-{answer})<={tol}"
    return f'=IF(ISBLANK({cell}),"",IF(ISNUMBER({cell}),IF({test},{ok},{bad}),{bad}))'


def _write_sheet(  # noqa: C901
    wb: Workbook, sh: Sheet, fmt: dict[str, Format], extra: dict[tuple[int, int], Cell]
) -> Any:
    ws = wb.add_worksheet(sh.name)
    cells = {**sh.cells, **extra}
    merged_firsts = set()
    for span, style in sh.merges:
        first, last = span.split(":")
        r0, c0 = xl_cell_to_rowcol(first)
        r1, c1 = xl_cell_to_rowcol(last)
        cell = cells.get((r0, c0))
        value = cell.value if cell is not None else None
        ws.merge_range(r0, c0, r1, c1, "", fmt[style])
        if value is not None:
            _write_value(ws, r0, c0, value, fmt[style])
        merged_firsts.add((r0, c0))
    for (r, c), cell in sorted(cells.items()):
        if (r, c) in merged_firsts:
            continue
        f = fmt[cell.style] if cell.style else None
        if cell.is_formula:
            ws.write_formula(r, c, cell.formula, f, _cached(cell.expected))
        else:
            _write_value(ws, r, c, cell.value, f)
    for col, width in sorted(sh.widths.items()):
        ws.set_column(col, col, width)
    heights = dict(sh.row_heights)
    for (r, _), cell in cells.items():  # a 16-point title needs a 24-point row
        if cell.style == "title":
            heights[r] = max(heights.get(r, 0.0), TITLE_ROW_HEIGHT)
    for row, height in sorted(heights.items()):
        ws.set_row(row, height)
    for span, name, columns in sh.tables:
        ws.add_table(
            span,
            {
                "name": name,
                "style": "Table Style Light 9",
                "columns": [{"header": h} for h in columns],
            },
        )
    if sh.freeze:
        ws.freeze_panes(*sh.freeze)
    if sh.hidden:
        ws.hide()
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    return ws


def _answer_sheet(wb: Workbook, book: Book, fmt: dict[str, Format], *, answers: bool) -> None:
    lang = book.lang
    ws = wb.add_worksheet(pick(ANSWER_SHEET, lang))
    for c, head in enumerate(ANSWER_HEADER):
        ws.write_string(0, c, pick(head, lang), fmt["header"])
    for i, ex in enumerate(book.exercises):
        r = i + 1
        ws.write_number(r, 0, i + 1)
        ws.write_string(r, 1, ex.sheet)
        ws.write_string(r, 2, ex.cell)
        ws.write_string(r, 3, ex.question, fmt["wrap"])
        style = (
            "text" if ex.kind == "text" else {"money": "rp", "count": "int"}.get(ex.kind, ex.kind)
        )
        _write_value(ws, r, 4, ex.answer, fmt[style])
        ws.write_number(r, 5, ex.tol)
        status = CHECK_MARK if answers else ""
        ws.write_formula(r, 6, "=" + sheet_ref(ex.sheet, ex.check), fmt["check"], status)
        ws.write_string(r, 7, ex.check)
    ws.set_column(0, 0, 5)
    ws.set_column(1, 2, 16)
    ws.set_column(3, 3, 60)
    ws.set_column(4, 5, 16)
    ws.set_column(6, 7, 10)
    ws.freeze_panes(1, 0)
    if not answers:
        ws.very_hidden()  # the trainer's copy (answers=True) shows it


def render_book(book: Book, path: str | Path, *, answers: bool = False) -> Path:
    """Write ``book`` (plus its answer key and check cells) to ``path``.

    Parameters
    ----------
    book : Book
        The workbook specification.
    path : str or pathlib.Path
        Target ``.xlsx`` (folders are created).
    answers : bool
        ``False`` (trainee edition): input cells empty, the answer key *very hidden*.
        ``True`` (trainer's key): every input cell holds the core's answer, every check
        shows ✓ and the answer key is a visible sheet.

    Examples
    --------
    >>> import tempfile, openpyxl
    >>> book = Book("t", "en", "Test")
    >>> sh = book.sheet("Practice")
    >>> sh.write("A1", "=1+1")  # user text stays text
    >>> _ = sh.exercise("B2", 3.0, kind="number", question="1+2")
    >>> out = render_book(book, Path(tempfile.mkdtemp()) / "t.xlsx")
    >>> wb = openpyxl.load_workbook(out)
    >>> wb.sheetnames, wb["Practice"]["A1"].data_type, wb["Answer Key"]["E2"].value
    (['Practice', 'Answer Key'], 's', 3)
    >>> wb["Practice"]["C2"].value[:22], wb["Answer Key"].sheet_state
    ('=IF(ISBLANK(B2),"",IF(', 'veryHidden')
    >>> key = openpyxl.load_workbook(render_book(book, out.with_name("k.xlsx"), answers=True))
    >>> key["Practice"]["B2"].value, key["Answer Key"].sheet_state
    (3, 'visible')
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    status = CHECK_MARK if answers else ""
    extra: dict[str, dict[tuple[int, int], Cell]] = {}
    for i, ex in enumerate(book.exercises):
        sh = next(s for s in book.sheets if s.name == ex.sheet)
        rc = rowcol(ex.check)
        if rc in sh.cells and sh.cells[rc].value is not None:
            raise ValueError(f"{ex.sheet}!{ex.check}: check cell would overwrite a value")
        cells = extra.setdefault(ex.sheet, {})
        cells[rc] = Cell(
            formula=check_formula(ex, i + 1, book.lang), expected=status, style="check"
        )
        if answers:
            source = rowcol(ex.cell)
            cells[source] = Cell(value=ex.answer, style=sh.cells[source].style)
    # future functions (DAYS, XLOOKUP ...) need their _xlfn. prefix or Excel shows #NAME?
    options = {**WORKBOOK_OPTIONS, "use_future_functions": True}
    with xlsxwriter.Workbook(str(path), options) as wb:
        wb.set_properties(
            {
                "title": book.title,
                "author": "xl-ar",
                "company": "xl-ar",
                "created": book.created,
                "comments": "Generated by `xl-ar workbooks build`: do not edit by hand.",
            }
        )
        fmt = _formats(wb)
        marks = {
            mark: wb.add_format({"font_color": colour, "bold": True})
            for mark, colour in ((CHECK_MARK, "#00803C"), (CROSS_MARK, "#C00000"))
        }
        for sh in book.sheets:
            ws = _write_sheet(wb, sh, fmt, extra.get(sh.name, {}))
            for rc, cell in extra.get(sh.name, {}).items():
                if cell.style != "check":
                    continue
                for text, mark_fmt in marks.items():
                    ws.conditional_format(
                        *rc,
                        *rc,
                        {
                            "type": "cell",
                            "criteria": "==",
                            "value": f'"{text}"',
                            "format": mark_fmt,
                        },
                    )
            if book.score_at and book.score_at[0] == sh.name:
                n = len(book.exercises)
                key = pick(ANSWER_SHEET, book.lang)
                status = sheet_ref(key, f"$G$2:$G${max(n, 1) + 1}")
                r, c = rowcol(book.score_at[1])
                score = n if answers else 0
                ws.write_formula(r, c, f'=COUNTIF({status},"{CHECK_MARK}")', fmt["int"], score)
                ws.write_string(r, c + 1, f"/ {n}", fmt["bold"])
        _answer_sheet(wb, book, fmt, answers=answers)
    return path
