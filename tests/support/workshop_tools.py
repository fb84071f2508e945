"""Helpers for the workshop-workbook tests (not a test module).

They read built workbooks the way a checker would: formulas and cached values with openpyxl,
function names with openpyxl's formula tokenizer, recalculated values from LibreOffice, and
the answer key to fill the trainee's input cells.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.formula.tokenizer import Token, Tokenizer

from xl_ar.workshop.render import ANSWER_SHEET, CHECK_MARK, CROSS_MARK, excel_serial

__all__ = [
    "ALLOWED_FUNCTIONS",
    "EXCEL365_FUNCTIONS",
    "answer_rows",
    "compare_cells",
    "error_cells",
    "fill_answers",
    "formula_cells",
    "functions_in",
    "is_ar_formula",
    "is_error",
    "is_excel365_sheet",
    "values",
    "wrong_answer",
]

ALLOWED_FUNCTIONS = frozenset(
    """
    ABS AND AVERAGE AVERAGEIF AVERAGEIFS CHOOSE COUNT COUNTA COUNTBLANK COUNTIF COUNTIFS DATE
    DAY DAYS EDATE EOMONTH EXACT HLOOKUP IF IFERROR INDEX INT ISBLANK ISERROR ISNA ISNUMBER
    ISTEXT LARGE LEFT LEN LOWER MATCH MAX MIN MOD MONTH NETWORKDAYS NOT OR RANK ROUND
    ROUNDDOWN ROUNDUP SMALL SUM SUMIF SUMIFS SUMPRODUCT TEXT TRIM UPPER VALUE VLOOKUP
    YEAR YEARFRAC
    """.split()
)
"""Functions Excel 2013 and LibreOffice 7.4 both evaluate the same way (see the notes, §3).

No XLOOKUP, LET, UNIQUE, FILTER, SORT, IFS/MAXIFS (Excel 2019+), no dynamic arrays; no TODAY/NOW
(every exercise has a fixed data date, and the answers must not change with the calendar)."""

EXCEL365_FUNCTIONS = frozenset({"XLOOKUP", "XMATCH", "LET", "FILTER", "UNIQUE", "SORT"})
"""Extra functions allowed on a sheet marked "Excel 365" (evaluated by another engine)."""


def is_excel365_sheet(name: str) -> bool:
    """A sheet whose name says it needs Excel 365."""
    return "365" in name


def is_ar_formula(formula: str) -> bool:
    """A formula that calls an ``AR_*`` worksheet function (evaluated through xl_ar.testing)."""
    return any(f.startswith("AR_") for f in functions_in(formula))


def functions_in(formula: str) -> set[str]:
    """Names of the functions a formula calls (upper case, ``_xlfn.`` prefix removed).

    >>> sorted(functions_in('=IF(ISBLANK(A1),"SUM(x)",SUMIFS(B:B,C:C,"a"))'))
    ['IF', 'ISBLANK', 'SUMIFS']
    """
    names = set()
    for token in Tokenizer(formula).items:
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            name = token.value[:-1].upper()
            names.add(name.removeprefix("_XLFN.").removeprefix("_XLWS."))
    return names


def formula_cells(path: Path) -> dict[tuple[str, str], tuple[str, Any]]:
    """``(sheet, cell) → (formula, cached value)`` for every formula cell of a workbook."""
    with_formulas = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    out = {}
    for ws in with_formulas.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    # dynamic-array formulas (XLOOKUP on "Excel 365" sheets) come as objects
                    text = getattr(cell.value, "text", cell.value)
                    out[(ws.title, cell.coordinate)] = (
                        str(text),
                        cached[ws.title][cell.coordinate].value,
                    )
    return out


def values(path: Path, cells: Iterable[tuple[str, str]]) -> dict[tuple[str, str], Any]:
    """Values (as saved, e.g. recalculated by LibreOffice) of the given cells."""
    wb = openpyxl.load_workbook(path, data_only=True)
    return {(s, c): wb[s][c].value for s, c in cells}


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return excel_serial(value)
    return None


def is_error(value: Any) -> bool:
    """An Excel error value as openpyxl reads it (``#NAME?``, ``#VALUE!`` ...)."""
    return isinstance(value, str) and value.startswith("#") and value.rstrip("!?0/").isupper()


def same(expected: Any, got: Any, *, rel: float = 1e-9, abs_tol: float = 1e-6) -> bool:
    """Equal as a spreadsheet shows it: numbers within a tolerance, blanks ≡ empty text."""
    if expected in (None, "") and got in (None, ""):
        return True
    a, b = _number(expected), _number(got)
    if a is not None and b is not None:
        return math.isclose(a, b, rel_tol=rel, abs_tol=abs_tol)
    return expected == got


def compare_cells(
    original: Path, recalculated: Path, *, skip_ar: bool = True
) -> tuple[list[str], int]:
    """Mismatches between cached (core) values and recalculated values; and cells compared.

    Skips ``AR_*`` cells (LibreOffice cannot call them) and sheets marked Excel 365.
    """
    cells = {
        k: v
        for k, v in formula_cells(original).items()
        if not is_excel365_sheet(k[0]) and not (skip_ar and is_ar_formula(v[0]))
    }
    got = values(recalculated, cells)
    bad = []
    for key, (formula, expected) in cells.items():
        value = got[key]
        if is_error(value) or not same(expected, value):
            bad.append(f"{key[0]}!{key[1]} {formula}: core {expected!r}, recalculated {value!r}")
    return bad, len(cells)


def error_cells(original: Path, recalculated: Path) -> list[str]:
    """Formula cells (not ``AR_*``, not on Excel 365 sheets) that recalculated to an error."""
    cells = {
        k: v
        for k, v in formula_cells(original).items()
        if not is_excel365_sheet(k[0]) and not is_ar_formula(v[0])
    }
    got = values(recalculated, cells)
    return [f"{s}!{c} {cells[(s, c)][0]}: {v}" for (s, c), v in got.items() if is_error(v)]


def answer_rows(path: Path) -> list[dict[str, Any]]:
    """The answer key: sheet, input cell, answer, tolerance, check cell of every exercise."""
    wb = openpyxl.load_workbook(path)
    key = next(ws for ws in wb.worksheets if ws.title in ANSWER_SHEET)
    rows = []
    for r in range(2, key.max_row + 1):
        if key.cell(r, 1).value is None:
            continue
        rows.append(
            {
                "sheet": key.cell(r, 2).value,
                "cell": key.cell(r, 3).value,
                "question": key.cell(r, 4).value,
                "answer": key.cell(r, 5).value,
                "tol": key.cell(r, 6).value,
                "check": key.cell(r, 8).value,
            }
        )
    return rows


def wrong_answer(answer: Any, tol: float) -> Any:
    """A value that must fail the check: off by more than the tolerance, or another text."""
    if isinstance(answer, str):
        return answer + " X"
    number = _number(answer)
    if number is None:
        raise ValueError(f"answer {answer!r} is neither text nor a number")
    return number + max(10 * tol, abs(number) * 0.01, 1.0)


def fill_answers(path: Path, out: Path, *, wrong: bool = False) -> list[dict[str, Any]]:
    """Copy ``path`` to ``out`` with every input cell holding its key answer (or a wrong one)."""
    rows = answer_rows(path)
    wb = openpyxl.load_workbook(path)
    for row in rows:
        value = wrong_answer(row["answer"], row["tol"]) if wrong else row["answer"]
        wb[row["sheet"]][row["cell"]].value = value
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return rows


MARKS = (CHECK_MARK, CROSS_MARK)
