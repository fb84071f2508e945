"""Render computed AR results into a formatted Excel workbook (XlsxWriter).

This module only lays out numbers the engine already computed; the one exception is the aging
sheet's *Total* and *% of total* rows, written as ``SUM`` formulas (with the engine's totals
as cached values) so that the sheet ties out visibly and keeps doing so if a trainee edits it.

Sheets
------
``Ringkasan``
    Title (company, as-of date) and the summary KPIs with bilingual labels.
``Umur Piutang``
    Aging by customer: one column per bucket, a bold Total row and a % of total row.
``KPI``
    The monthly KPI series with a line chart (DSO, BPDSO, ADD) and a stacked column chart
    (ending AR: current vs past due).
``Masalah Data``
    The data-problem table, or a line saying there are none.

Every string is written as text (``=1+1``, ``+62 21 555``, ``@foo`` stay text), numbers as
numbers, dates as real Excel dates (``dd/mm/yyyy``); missing and non-finite numbers
(NaN, NaT, None, inf) are blank cells. Rupiah use ``#,##0`` (negatives with a minus sign).
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.workbook import Format, Workbook
from xlsxwriter.worksheet import Worksheet

from xl_ar.core.base.labels import LABELS, label

__all__ = [
    "SHEET_AGING",
    "SHEET_KPI",
    "SHEET_PROBLEMS",
    "SHEET_SUMMARY",
    "WORKBOOK_OPTIONS",
    "write_ar_report",
]

SHEET_SUMMARY = "Ringkasan"
SHEET_AGING = "Umur Piutang"
SHEET_KPI = "KPI"
SHEET_PROBLEMS = "Masalah Data"

WORKBOOK_OPTIONS: dict[str, bool] = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
    "nan_inf_to_errors": False,
    "remove_timezone": True,
}
"""XlsxWriter options: user text is never turned into formulas, links or numbers."""

MONEY = "#,##0"
DAYS = "0.0"
PCT = "0.0%"
COUNT = "#,##0"
INTEGER = "0"
DATE = "dd/mm/yyyy"

# number format of summary keys; a key not listed is formatted by its suffix, else as money
PCT_KEYS = frozenset(
    {
        "current_pct",
        "past_due_pct",
        "over_90_pct",
        "cei",
        "arrears_ratio",
        "collection_ratio",
        "bad_debt_ratio",
    }
)
DAY_KEYS = frozenset({"dso", "bpdso", "add", "wadp", "wadl", "acp", "days"})
RATIO_KEYS = frozenset({"rto"})
COUNT_KEYS = frozenset({"customers", "open_invoices", "invoices", "disputed"})

# monthly KPI columns in display order, with their number format
KPI_FORMATS: dict[str, str | None] = {
    "period": None,
    "period_start": DATE,
    "period_end": DATE,
    "days": INTEGER,
    "credit_sales": MONEY,
    "collections": MONEY,
    "beginning_ar": MONEY,
    "ending_ar": MONEY,
    "current_ar": MONEY,
    "past_due_ar": MONEY,
    "dso": DAYS,
    "bpdso": DAYS,
    "add": DAYS,
    "cei": PCT,
}
KPI_WIDTHS = {"period": 10, "period_start": 12, "period_end": 12, "days": 7}

PROBLEM_WIDTHS = {"row": 9, "column": 22, "value": 30, "problem": 60}

_BUCKET_RANGE = re.compile(r"^\s*(\d+\s*[-–]\s*\d+|[<>]=?\s*\d+|\d+\s*\+)\s*$")


def write_ar_report(
    path: str | Path,
    *,
    as_of: Any,
    aging: pd.DataFrame,
    kpis: pd.DataFrame,
    summary: Mapping[str, float],
    problems: pd.DataFrame | None = None,
    company: str | None = None,
) -> Path:
    """Write the AR report workbook.

    Parameters
    ----------
    path : str or pathlib.Path
        Target ``.xlsx`` file (overwritten).
    as_of : date-like
        Data date shown in the titles (str, date, datetime or Timestamp).
    aging : pandas.DataFrame
        Columns ``customer``, one column per bucket (every column between ``customer`` and
        ``Total``), then ``Total``; the last row is the total row (``customer == "Total"``).
    kpis : pandas.DataFrame
        One row per period with some or all of the columns of :data:`KPI_FORMATS`
        (``cei`` as a fraction); other columns are shown after them unformatted.
    summary : Mapping[str, float]
        Ordered KPI key → value, e.g. ``{"total_ar": 4.2e9, "current_pct": 0.61}``. Keys are
        shown through :func:`xl_ar.core.base.labels.label` (the raw key when it has no label);
        ``*_pct`` and ratio keys get ``0.0%``, day keys ``0.0``, counts and money ``#,##0``.
    problems : pandas.DataFrame or None
        Columns ``row``, ``column``, ``value``, ``problem``; None or empty → "no problems".
    company : str or None
        Company name for the summary title.

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    ValueError
        ``aging`` lacks the ``customer`` or ``Total`` column, or ``Total`` comes before
        ``customer``.

    Examples
    --------
    >>> import tempfile
    >>> aging = pd.DataFrame({"customer": ["PT A", "Total"], "Current": [100.0, 100.0],
    ...                       ">90": [50.0, 50.0], "Total": [150.0, 150.0]})
    >>> kpis = pd.DataFrame({"period": ["2024-12"], "dso": [41.5], "cei": [0.85]})
    >>> out = Path(tempfile.mkdtemp()) / "ar.xlsx"
    >>> write_ar_report(out, as_of="2024-12-31", aging=aging, kpis=kpis,
    ...                 summary={"total_ar": 150.0, "current_pct": 2 / 3}).name
    'ar.xlsx'
    """
    path = Path(path)
    buckets = _bucket_columns(aging)
    as_of_dt = pd.Timestamp(as_of).to_pydatetime()
    with xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS) as wb:
        wb.set_properties({"title": label("report_title"), "company": company or ""})
        fmt = _formats(wb)
        _summary_sheet(wb.add_worksheet(SHEET_SUMMARY), fmt, as_of_dt, summary, company)
        _aging_sheet(wb.add_worksheet(SHEET_AGING), fmt, as_of_dt, aging, buckets)
        _kpi_sheet(wb, wb.add_worksheet(SHEET_KPI), fmt, kpis)
        _problems_sheet(wb.add_worksheet(SHEET_PROBLEMS), fmt, problems)
        for ws in wb.worksheets():
            _print_setup(ws)
    return path


def _print_setup(ws: Worksheet) -> None:
    """Printable as finance teams print: landscape A4, one page wide, header rows repeated."""
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    ws.set_footer("&L&A&R&P / &N")


# --------------------------------------------------------------------------- helpers


def _bucket_columns(aging: pd.DataFrame) -> list[str]:
    """Names of the bucket columns: everything between ``customer`` and ``Total``."""
    cols = [str(c) for c in aging.columns]
    missing = [c for c in ("customer", "Total") if c not in cols]
    if missing:
        raise ValueError(
            f"aging table needs columns 'customer' and 'Total'; missing {missing}, found {cols}"
        )
    first, last = cols.index("customer"), cols.index("Total")
    if last < first:
        raise ValueError("aging table: 'Total' must come after 'customer' and the buckets")
    return cols[first + 1 : last]


#: House cell formats (XlsxWriter properties) shared by every file renderer.
FORMAT_SPEC: dict[str, dict[str, Any]] = {
    "title": {"bold": True, "font_size": 14},
    "subtitle": {"bold": True, "font_size": 11},
    "note": {"italic": True, "font_color": "#595959"},
    "header": {
        "bold": True,
        "text_wrap": True,
        "valign": "top",
        "bottom": 1,
        "bg_color": "#DDEBF7",
    },
    "text": {},
    "bold": {"bold": True},
    "date": {"num_format": DATE, "align": "left"},
    "money": {"num_format": MONEY},
    "days": {"num_format": DAYS},
    "pct": {"num_format": PCT},
    "count": {"num_format": COUNT},
    "int": {"num_format": INTEGER},
    "ratio": {"num_format": "0.00"},
    "total_text": {"bold": True, "top": 1, "bottom": 6},
    "total_money": {"bold": True, "num_format": MONEY, "top": 1, "bottom": 6},
    "total_pct": {"italic": True, "num_format": PCT},
    "pct_text": {"italic": True},
}


def add_formats(wb: Workbook) -> dict[str, Format]:
    """The house formats (:data:`FORMAT_SPEC`) added to ``wb``, by name."""
    return {name: wb.add_format(props) for name, props in FORMAT_SPEC.items()}


_formats = add_formats


def is_missing(value: Any) -> bool:
    """True for None, NaN, NaT, pd.NA and infinite numbers (written as blank cells)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_):
        return not math.isfinite(float(value))
    if isinstance(value, np.datetime64):
        return bool(np.isnat(value))
    return False


def write_cell(
    ws: Worksheet,
    row: int,
    col: int,
    value: Any,
    cell_format: Format,
    *,
    date_format: Format | None = None,
    booleans: tuple[str, str] | None = None,
) -> None:
    """Write one cell by the Python type of ``value``; text stays text, missing → blank.

    ``booleans`` = (text for True, text for False) writes flags as words instead of
    TRUE/FALSE; ``date_format`` formats dates when given (else ``cell_format``).
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


def _write_series(
    ws: Worksheet, row0: int, col: int, values: pd.Series, formats: dict[str, Format], kind: str
) -> None:
    """Write a column of values from ``row0`` down with the format called ``kind``.

    Dates take the date format whatever ``kind`` is (a date in a mixed ``value`` column).
    """
    cell_format, date_format = formats[kind], formats["date"]
    for r, value in enumerate(values.tolist(), start=row0):
        is_date = isinstance(value, dt.date | np.datetime64)
        write_cell(ws, r, col, value, date_format if is_date else cell_format)


def _write_header(ws: Worksheet, row: int, headers: list[str], formats: dict[str, Format]) -> None:
    """Write a bold, wrapped header row."""
    for c, text in enumerate(headers):
        ws.write_string(row, c, text, formats["header"])
    ws.set_row(row, 30)


def _key_label(key: str) -> str:
    """Bilingual label of ``key``, or the key itself when it has none."""
    return label(key) if key in LABELS else key


def _summary_format(key: str) -> str:
    """Format name (see :func:`_formats`) for a summary value, chosen by its key."""
    if key in PCT_KEYS or key.endswith(("_pct", "_ratio", "_rate")):
        return "pct"
    if key in DAY_KEYS or key.endswith("_days"):
        return "days"
    if key in RATIO_KEYS:
        return "ratio"
    if key in COUNT_KEYS or key.startswith("n_") or key.endswith("_count"):
        return "count"
    return "money"


def _bucket_header(bucket: str) -> str:
    """Bilingual header of an aging bucket: ``Current`` and day ranges are translated."""
    if bucket.strip().lower() == "current":
        return label("current")
    if _BUCKET_RANGE.match(bucket):
        return f"{bucket} {label('days_unit', 'id')} / {bucket} {label('days_unit', 'en')}"
    return bucket


def _title_block(
    ws: Worksheet, formats: dict[str, Format], title_key: str, as_of: dt.datetime
) -> None:
    """Rows 1-2: sheet title and the as-of date (a real date cell)."""
    ws.write_string(0, 0, label(title_key), formats["title"])
    ws.write_string(1, 0, label("as_of"), formats["bold"])
    ws.write_datetime(1, 1, as_of, formats["date"])


# --------------------------------------------------------------------------- sheets


def _summary_sheet(
    ws: Worksheet,
    formats: dict[str, Format],
    as_of: dt.datetime,
    summary: Mapping[str, float],
    company: str | None,
) -> None:
    """Sheet ``Ringkasan``: company, title, as-of date and one line per summary KPI."""
    row = 0
    if company:
        ws.write_string(row, 0, company, formats["title"])
        row += 1
    ws.write_string(row, 0, label("summary_title"), formats["title" if row == 0 else "subtitle"])
    ws.write_string(row + 1, 0, label("as_of"), formats["bold"])
    ws.write_datetime(row + 1, 1, as_of, formats["date"])
    ws.write_string(row + 2, 0, label("amounts_note"), formats["note"])
    row += 4
    ws.write_string(row, 0, label("indicator"), formats["header"])
    ws.write_string(row, 1, label("value"), formats["header"])
    for i, (key, value) in enumerate(summary.items(), start=row + 1):
        ws.write_string(i, 0, _key_label(str(key)))
        write_cell(ws, i, 1, value, formats[_summary_format(str(key))])
    ws.set_column(0, 0, 58)
    ws.set_column(1, 1, 20)


def _aging_sheet(
    ws: Worksheet,
    formats: dict[str, Format],
    as_of: dt.datetime,
    aging: pd.DataFrame,
    buckets: list[str],
) -> None:
    """Sheet ``Umur Piutang``: aging by customer, SUM total row, % of total row."""
    _title_block(ws, formats, "aging_title", as_of)
    ws.write_string(2, 0, label("amounts_note"), formats["note"])
    header_row, first = 3, 4
    amount_cols = [*buckets, "Total"]
    headers = [label("customer")] + [_bucket_header(b) for b in buckets] + [label("total")]
    _write_header(ws, header_row, headers, formats)

    is_total = aging["customer"].astype(str).eq("Total").to_numpy()
    has_total_row = len(aging) > 0 and bool(is_total[-1])
    body = aging.iloc[:-1] if has_total_row else aging
    last = first + len(body) - 1  # last customer row (0-based)
    names = body["customer"].astype(object)
    names = names.map(lambda v: v if is_missing(v) or isinstance(v, str) else str(v))
    _write_series(ws, first, 0, names, formats, "text")
    for c, name in enumerate(amount_cols, start=1):
        _write_series(ws, first, c, body[name], formats, "money")
    ws.autofilter(header_row, 0, max(last, header_row), len(amount_cols))

    if has_total_row:
        _aging_total_rows(ws, formats, aging.iloc[-1], amount_cols, first, last)
    ws.freeze_panes(first, 1)
    ws.set_column(0, 0, max(24, min(50, _text_width(body["customer"]))))
    ws.set_column(1, len(amount_cols), 17)


def _aging_total_rows(
    ws: Worksheet,
    formats: dict[str, Format],
    totals: pd.Series,
    amount_cols: list[str],
    first: int,
    last: int,
) -> None:
    """The bold Total row (SUM formulas, cached with the engine's totals) and % of total."""
    total_row, pct_row = last + 1, last + 2
    ws.write_string(total_row, 0, label("total"), formats["total_text"])
    ws.write_string(pct_row, 0, label("pct_of_total"), formats["pct_text"])
    grand = xl_rowcol_to_cell(total_row, len(amount_cols), row_abs=True, col_abs=True)
    for c, name in enumerate(amount_cols, start=1):
        value = totals[name]
        cached = 0.0 if is_missing(value) else float(value)
        if last >= first:
            top, bottom = xl_rowcol_to_cell(first, c), xl_rowcol_to_cell(last, c)
            ws.write_formula(total_row, c, f"=SUM({top}:{bottom})", formats["total_money"], cached)
        else:
            write_cell(ws, total_row, c, value, formats["total_money"])
        cell = xl_rowcol_to_cell(total_row, c)
        share = (
            "" if cached == 0 or is_missing(totals["Total"]) else cached / float(totals["Total"])
        )
        ws.write_formula(
            pct_row, c, f'=IF({grand}=0,"",{cell}/{grand})', formats["total_pct"], share
        )


def _text_width(values: pd.Series) -> int:
    """A column width that fits most of ``values`` (95th percentile of lengths, plus 2)."""
    lengths = values.astype(str).str.len()
    return int(lengths.quantile(0.95)) + 2 if len(lengths) else 0


def _kpi_sheet(wb: Workbook, ws: Worksheet, formats: dict[str, Format], kpis: pd.DataFrame) -> None:
    """Sheet ``KPI``: the monthly series and two charts to its right."""
    ws.write_string(0, 0, label("kpi_title"), formats["title"])
    ws.write_string(1, 0, label("amounts_note"), formats["note"])
    header_row, first = 2, 3
    known = [c for c in KPI_FORMATS if c in kpis.columns]
    columns = known + [c for c in kpis.columns if c not in KPI_FORMATS]
    _write_header(ws, header_row, [_key_label(str(c)) for c in columns], formats)
    kinds = {MONEY: "money", DAYS: "days", PCT: "pct", INTEGER: "int", DATE: "date", None: "text"}
    for c, name in enumerate(columns):
        _write_series(ws, first, c, kpis[name], formats, kinds[KPI_FORMATS.get(str(name))])
        ws.set_column(c, c, KPI_WIDTHS.get(str(name), 16))
    if len(kpis):
        ws.autofilter(header_row, 0, first + len(kpis) - 1, len(columns) - 1)
    ws.freeze_panes(first, 1)
    if len(kpis) and "period" in columns:
        where = {name: columns.index(name) for name in columns}
        anchor = len(columns) + 1
        last = first + len(kpis) - 1
        _days_chart(wb, ws, where, first, last, anchor)
        _ar_chart(wb, ws, where, first, last, anchor)


def _series(col: int, first: int, last: int, cats: int, name: str) -> dict[str, Any]:
    """XlsxWriter chart series over rows ``first..last`` of column ``col`` of sheet KPI."""
    return {
        "name": name,
        "categories": [SHEET_KPI, first, cats, last, cats],
        "values": [SHEET_KPI, first, col, last, col],
    }


def _days_chart(
    wb: Workbook, ws: Worksheet, where: dict[str, int], first: int, last: int, anchor: int
) -> None:
    """Line chart of DSO, BPDSO and ADD by period."""
    names = {"dso": "DSO", "bpdso": "BPDSO", "add": "ADD"}
    present = [k for k in names if k in where]
    if not present:
        return
    chart = wb.add_chart({"type": "line"})
    for key in present:
        spec = _series(where[key], first, last, where["period"], names[key])
        chart.add_series({**spec, "marker": {"type": "circle", "size": 4}})
    chart.set_title({"name": label("chart_days_title")})
    chart.set_x_axis({"name": label("period")})
    chart.set_y_axis({"name": label("days_unit"), "num_format": "0"})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 720, "height": 340})
    ws.insert_chart(1, anchor, chart)


def _ar_chart(
    wb: Workbook, ws: Worksheet, where: dict[str, int], first: int, last: int, anchor: int
) -> None:
    """Stacked column chart of ending AR split into current and past due."""
    if "current_ar" not in where or "past_due_ar" not in where:
        return
    chart = wb.add_chart({"type": "column", "subtype": "stacked"})
    for key, name, color in (
        ("current_ar", label("current"), "#5B9BD5"),
        ("past_due_ar", label("past_due"), "#ED7D31"),
    ):
        spec = _series(where[key], first, last, where["period"], name)
        chart.add_series({**spec, "fill": {"color": color}, "gap": 60})
    chart.set_title({"name": label("chart_ar_title")})
    chart.set_x_axis({"name": label("period")})
    chart.set_y_axis({"name": "Rp", "num_format": MONEY})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 720, "height": 340})
    ws.insert_chart(19, anchor, chart)


def _problems_sheet(
    ws: Worksheet, formats: dict[str, Format], problems: pd.DataFrame | None
) -> None:
    """Sheet ``Masalah Data``: the problem table, or a line saying there are none."""
    ws.write_string(0, 0, label("problems_title"), formats["title"])
    if problems is None or len(problems) == 0:
        ws.write_string(2, 0, label("no_problems"), formats["bold"])
        ws.set_column(0, 0, 40)
        return
    header_row, first = 2, 3
    known = [c for c in PROBLEM_WIDTHS if c in problems.columns]
    columns = known + [c for c in problems.columns if c not in PROBLEM_WIDTHS]
    _write_header(ws, header_row, [_key_label(str(c)) for c in columns], formats)
    for c, name in enumerate(columns):
        kind = "int" if name == "row" else "text"
        _write_series(ws, first, c, problems[name].astype(object), formats, kind)
        ws.set_column(c, c, PROBLEM_WIDTHS.get(str(name), 20))
    ws.autofilter(header_row, 0, first + len(problems) - 1, len(columns) - 1)
    ws.freeze_panes(first, 0)
