"""The house style of every workbook xl-ar writes: one home for formats, cells and sheet names.

Used by both report renderers (:mod:`xl_ar.reports.render_file`, :mod:`xl_ar.reports.render_live`),
the workshop workbooks (:mod:`xl_ar.workshop.render`), the demo and the benchmarks:

* :data:`WORKBOOK_OPTIONS`: XlsxWriter options that keep user text as text;
* :data:`NUMBER_FORMATS`: named number format → Excel code (the only such table);
* :data:`CELL_STYLES` and :data:`HIGHLIGHT_STYLES`: XlsxWriter cell properties of titles,
  headers, totals and the conditional formats;
* :func:`is_missing` and :func:`write_cell`: one cell by the Python type of its value;
* :func:`column_format`: the named format of a report column that does not name one;
* :func:`sheet_name` and :func:`unique_sheet_name`: valid, distinct Excel sheet names.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import re
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "CELL_STYLES",
    "HIGHLIGHT_STYLES",
    "MAX_SHEET_NAME",
    "NUMBER_FORMATS",
    "WORKBOOK_OPTIONS",
    "YES_NO",
    "column_format",
    "number_formats",
    "is_missing",
    "link_target",
    "sheet_name",
    "unique_sheet_name",
    "write_cell",
]

WORKBOOK_OPTIONS: dict[str, bool] = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
    "nan_inf_to_errors": False,
    "remove_timezone": True,
}
"""XlsxWriter options: user text is never turned into formulas, links or numbers."""

#: Named number formats → Excel codes. Report columns use the first ten names
#: (:data:`xl_ar.reports.model.ColumnFormat`); the workshop also uses ``rp``, ``pct2`` and
#: ``number``. Whole numbers and money both have thousands separators.
NUMBER_FORMATS: dict[str, str] = {
    "money": "#,##0",
    "money2": "#,##0.00",
    "pct": "0.0%",
    "days": "0.0",
    "int": "#,##0",
    "date": "dd/mm/yyyy",
    "text": "@",
    "ratio": "0.00",
    "general": "General",
    "url": "@",
    "rp": '"Rp "#,##0;-"Rp "#,##0',
    "pct2": "0.00%",
    "number": "0.00",
}


def number_formats(currency: str | None = None) -> dict[str, str]:
    """:data:`NUMBER_FORMATS` for a report in ``currency``: Rupiah as they are; another
    currency's money with 2 decimals and its code (``"USD "#,##0.00``).

    Examples
    --------
    >>> number_formats()["money"], number_formats("USD")["money"]
    ('#,##0', '"USD "#,##0.00;-"USD "#,##0.00')
    """
    code = (currency or "IDR").upper()
    if code == "IDR" or not code.isalpha():
        return NUMBER_FORMATS
    money = f'"{code} "#,##0.00;-"{code} "#,##0.00'
    return {**NUMBER_FORMATS, "money": money}


#: House cell styles (XlsxWriter format properties) of the report files.
CELL_STYLES: dict[str, dict[str, Any]] = {
    "title": {"bold": True, "font_size": 14},
    "note": {"italic": True, "font_color": "#595959"},
    "header": {
        "bold": True,
        "text_wrap": True,
        "valign": "top",
        "bottom": 1,
        "bg_color": "#DDEBF7",
    },
    "bold": {"bold": True},
    "total": {"bold": True, "top": 1, "bottom": 6},
    "wrap": {"text_wrap": True, "valign": "top"},
}

#: Conditional formats of :attr:`xl_ar.reports.model.Table.highlight` rules (both renderers).
HIGHLIGHT_STYLES: dict[str, dict[str, str]] = {
    "overdue": {"bg_color": "#FFC7CE", "font_color": "#9C0006"},  # > 0: light red fill
    "flag": {"bg_color": "#FFEB9C", "font_color": "#9C5700"},  # Ya/Yes: amber fill
    "negative": {"font_color": "#C00000"},  # < 0: red text
}

#: How report flags (True/False) are shown, as text: Ya/Tidak or Yes/No. (Text, not Excel's
#: TRUE/FALSE: LibreOffice's PDF export crashes on some conditional formats over booleans.)
YES_NO: dict[str, tuple[str, str]] = {"id": ("Ya", "Tidak"), "en": ("Yes", "No")}

MAX_SHEET_NAME = 31
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


#: Longest link Excel keeps (characters).
MAX_LINK = 2079


def link_target(value: Any) -> str | None:
    """The link a ``url`` cell points to: an ``https://`` text without spaces or quotes of
    at most :data:`MAX_LINK` characters; None for anything else (written as plain text).

    Examples
    --------
    >>> link_target("https://wa.me/62812?text=Halo%20PT"), link_target("=HYPERLINK(1)")
    ('https://wa.me/62812?text=Halo%20PT', None)
    """
    if not isinstance(value, str) or not value.startswith("https://") or len(value) > MAX_LINK:
        return None
    return None if any(c.isspace() or c in "\"'<>" for c in value) else value


def is_missing(value: Any) -> bool:
    """True for None, NaN, NaT, pd.NA and infinite numbers (written as blank cells).

    Examples
    --------
    >>> [is_missing(v) for v in (None, float("nan"), float("inf"), pd.NaT, 0, "", False)]
    [True, True, True, True, False, False, False]
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_):
        return not math.isfinite(float(value))
    if isinstance(value, np.datetime64):
        return bool(np.isnat(value))
    return False


def write_cell(
    ws: Any,
    row: int,
    col: int,
    value: Any,
    cell_format: Any = None,
    *,
    date_format: Any = None,
    booleans: tuple[str, str] | None = None,
) -> None:
    """Write one cell of an XlsxWriter worksheet by the Python type of ``value``.

    Text stays text (``=1+1`` is never a formula), numbers are numbers, dates are dates
    (formatted with ``date_format`` when given, else ``cell_format``); missing values
    (:func:`is_missing`) are blank cells. ``booleans`` = (text for True, text for False)
    writes flags as words instead of TRUE/FALSE.

    Examples
    --------
    >>> import io, xlsxwriter, openpyxl
    >>> buf = io.BytesIO()
    >>> with xlsxwriter.Workbook(buf, WORKBOOK_OPTIONS) as wb:
    ...     ws = wb.add_worksheet()
    ...     for c, v in enumerate(["=1+1", 2.5, float("nan"), True]):
    ...         write_cell(ws, 0, c, v, booleans=("Ya", "Tidak"))
    >>> [(c.value, c.data_type) for c in openpyxl.load_workbook(buf).active[1]]
    [('=1+1', 's'), (2.5, 'n'), (None, 'n'), ('Ya', 's')]
    """
    if is_missing(value):
        ws.write_blank(row, col, None, cell_format)
    elif isinstance(value, str):
        ws.write_string(row, col, value, cell_format)
    elif isinstance(value, bool | np.bool_):
        if booleans is None:
            ws.write_boolean(row, col, bool(value), cell_format)
        else:
            ws.write_string(row, col, booleans[0] if value else booleans[1], cell_format)
    elif isinstance(value, numbers.Real):
        ws.write_number(row, col, float(value), cell_format)
    elif isinstance(value, dt.datetime | dt.date | np.datetime64):
        stamp = pd.Timestamp(value).to_pydatetime()
        ws.write_datetime(row, col, stamp, date_format or cell_format)
    else:
        ws.write_string(row, col, str(value), cell_format)


def column_format(column: pd.Series, given: str | None = None) -> str:
    """The named format of a report column: ``given``, else inferred from its values.

    Dates → ``date``; flags, text and mixed columns → ``text``; other numbers → ``money``.

    Examples
    --------
    >>> column_format(pd.Series([1.5])), column_format(pd.Series(["a"])), column_format(
    ...     pd.Series(pd.to_datetime(["2024-01-31"]))), column_format(pd.Series([True]))
    ('money', 'text', 'date', 'text')
    >>> column_format(pd.Series([1.5]), "pct")
    'pct'
    >>> column_format(pd.Series([1]), "colour")
    Traceback (most recent call last):
    ...
    ValueError: unknown column format 'colour'
    """
    if given is not None:
        if given not in NUMBER_FORMATS:
            raise ValueError(f"unknown column format {given!r}")
        return given
    dtype = column.dtype
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "date"
    if pd.api.types.is_bool_dtype(dtype) or not pd.api.types.is_numeric_dtype(dtype):
        return "text"
    return "money"


def sheet_name(name: str) -> str:
    """A valid Excel sheet name: ``[]:*?/\\`` become ``-``, no edge spaces or apostrophes, ≤ 31.

    Examples
    --------
    >>> sheet_name("A/R: [2024]"), sheet_name("'  '"), len(sheet_name("x" * 40))
    ('A-R- -2024-', 'xl-ar', 31)
    """
    clean = _BAD_SHEET_CHARS.sub("-", str(name)).strip().strip("'").strip() or "xl-ar"
    return clean[:MAX_SHEET_NAME]


def unique_sheet_name(wanted: str, taken: Iterable[str]) -> str:
    """``wanted`` (cleaned by :func:`sheet_name`), numbered `` (2)``, `` (3)`` ... while taken.

    Names compare as Excel compares them: ignoring case.

    Examples
    --------
    >>> unique_sheet_name("Aging", ["aging", "Aging (2)"])
    'Aging (3)'
    """
    base = sheet_name(wanted)
    used = {t.casefold() for t in taken}
    name, number = base, 1
    while name.casefold() in used:
        number += 1
        suffix = f" ({number})"
        name = base[: MAX_SHEET_NAME - len(suffix)] + suffix
    return name
