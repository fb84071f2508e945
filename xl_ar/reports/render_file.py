"""Render a :class:`~xl_ar.reports.model.Report` to an ``.xlsx`` file with XlsxWriter.

Layout of each sheet: title (row 1), notes, then the tables one below another (a blank row
between them), each with a header row in the chosen language; native charts to the right of
the tables. The first table's header row is frozen and carries the autofilter. Named column
formats become Excel formats (:data:`xl_ar.reports.style.NUMBER_FORMATS`); a table's total row
is bold; its ``highlight`` rules become conditional formats over the data rows.

Every string is written with ``write_string`` (``=HYPERLINK(...)``, ``+62 21 555`` stay
text), numbers as numbers, dates as dates; NaN/NaT/None/inf are blank cells.

Generated sheets are marked: the workbook custom property :data:`GENERATED_MARK` lists their
names (``|``-separated), and each sheet has a hidden sheet-level defined name
``GENERATED_MARK`` whose value is the report key (``="aging"``). The file is reproducible: the
workbook's created date is the report's as-of date, and no timestamp is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.workbook import Format, Workbook
from xlsxwriter.worksheet import Worksheet

from xl_ar.core import pick, safe_output
from xl_ar.reports.model import GENERATED_MARK, Chart, Report, Sheet, Table, cells_in
from xl_ar.reports.style import (
    CELL_STYLES,
    HIGHLIGHT_STYLES,
    NUMBER_FORMATS,
    WORKBOOK_OPTIONS,
    YES_NO,
    column_format,
    is_missing,
    link_target,
    number_formats,
    unique_sheet_name,
    write_cell,
)

__all__ = ["ABOUT_NAME", "render_file"]

#: Named formats written without a number format (values keep their own type).
_UNFORMATTED = frozenset({"text", "general", "url"})

ABOUT_NAME = ("Tentang Laporan", "About")
ABOUT_TITLE = ("Tentang laporan ini", "About this report")
ABOUT_LABELS = {
    "company": ("Perusahaan", "Company"),
    "as_of": ("Per tanggal", "As of"),
    "source": ("Sumber data", "Source"),
    "version": ("Versi xl-ar", "xl-ar version"),
    "sheets": ("Lembar", "Sheets"),
    "conventions": ("Konvensi", "Conventions"),
}

CHART_TYPES: dict[str, dict[str, str]] = {
    "line": {"type": "line"},
    "column": {"type": "column"},
    "column_stacked": {"type": "column", "subtype": "stacked"},
    "bar_stacked": {"type": "bar", "subtype": "stacked"},
    "pie": {"type": "pie"},
}
CHART_SIZE = (640, 300)
CHART_ROWS = 16  # rows between stacked charts
MAX_WIDTH = 60
LONG_TEXT_WIDTH = 92  # letters are wrapped at 90 characters


def render_file(
    report: Report,
    path: str | Path,
    *,
    lang: str = "id",
    inputs: Iterable[str | Path | None] = (),
    what: str = "the report",
) -> Path:
    """Write ``report`` to ``path`` (replaced only once complete) and return the path.

    Parameters
    ----------
    report : Report
    path : str or pathlib.Path
        An ``.xlsx`` file; see :func:`xl_ar.core.base.outputs.safe_output` for what is refused.
    lang : {'id', 'en'}, default 'id'
        Language of sheet names, titles, headers and the About sheet.
    inputs : iterable of paths
        The files the report was made from: ``path`` may not be one of them.
    what : str, default 'the report'
        What the file is, in messages (``the reconciliation``).

    Examples
    --------
    >>> import tempfile
    >>> from xl_ar.reports.catalog import build_report
    >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount"],
    ...         ["=HYPERLINK(\\"http://x\\",\\"y\\")", "2024-01-01", "2024-01-31", 100]]
    >>> out = render_file(build_report(rows, "2024-03-31", reports="aging"),
    ...                   Path(tempfile.mkdtemp()) / "r.xlsx", lang="en")
    >>> import openpyxl
    >>> ws = openpyxl.load_workbook(out)["Aging"]
    >>> ws["A5"].value, ws["A5"].data_type
    ('=HYPERLINK("http://x","y")', 's')
    """
    if lang not in ("id", "en"):
        raise ValueError(f"lang must be 'id' or 'en', not {lang!r}")
    path = Path(path)
    with (
        safe_output(path, inputs=inputs, suffixes=(".xlsx",), what=what) as temp,
        xlsxwriter.Workbook(str(temp), WORKBOOK_OPTIONS) as wb,
    ):
        properties = {
            "title": pick(("Laporan Piutang Usaha", "Accounts Receivable Report"), lang),
            "company": report.company or "",
            "comments": f"xl-ar {report.version}",
        }
        if report.as_of is not None:  # reproducible: the file's date is the data's date
            properties["created"] = pd.Timestamp(report.as_of).to_pydatetime().replace(tzinfo=None)
        wb.set_properties(properties)
        fmt = _formats(wb, report.currency)
        names = []
        for sheet in report.sheets:
            name = unique_sheet_name(pick(sheet.name, lang), names)
            names.append(name)
            ws = wb.add_worksheet(name)
            _render_sheet(wb, ws, name, sheet, fmt, lang)
            _mark(wb, name, sheet.key)
        about = unique_sheet_name(pick(ABOUT_NAME, lang), names)
        ws = wb.add_worksheet(about)
        _about_sheet(ws, report, names, fmt, lang)
        _mark(wb, about, "about")
        wb.set_custom_property(GENERATED_MARK, "|".join([*names, about]))
        for w in wb.worksheets():
            _print_setup(w)
    return path


def _mark(wb: Workbook, sheet_name: str, key: str) -> None:
    """Hidden sheet-level defined name ``GENERATED_MARK`` = the report key."""
    quoted = "'" + sheet_name.replace("'", "''") + "'"
    wb.define_name(f"{quoted}!{GENERATED_MARK}", f'="{key}"')
    wb.defined_names[-1][3] = True  # hidden (XlsxWriter's internal flag)


def _print_setup(ws: Worksheet) -> None:
    """Printable as finance teams print: landscape A4, one page wide, page x / n footer."""
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    ws.set_footer("&L&A&R&P / &N")


def _formats(wb: Workbook, currency: str | None = None) -> dict[str, Format]:
    spec: dict[str, dict[str, Any]] = {
        **{k: CELL_STYLES[k] for k in ("title", "note", "header", "bold")},
        **{f"highlight_{k}": v for k, v in HIGHLIGHT_STYLES.items()},
    }
    out = {name: wb.add_format(props) for name, props in spec.items()}
    for name, code in number_formats(currency).items():
        base: dict[str, Any] = {} if name in _UNFORMATTED else {"num_format": code}
        if name == "date":
            base["align"] = "left"
        out[name] = wb.add_format(base)
        out[f"total_{name}"] = wb.add_format({**base, **CELL_STYLES["total"]})
    out["long_text"] = wb.add_format(CELL_STYLES["wrap"])
    return out


def _write(
    ws: Worksheet, row: int, col: int, value: Any, cell: Format, date: Format, lang: str = "id"
) -> None:
    """One cell by the Python type of ``value``; flags as Ya/Tidak (Yes/No) words."""
    write_cell(ws, row, col, value, cell, date_format=date, booleans=YES_NO[lang])


def _width(values: pd.Series, header: str, kind: str) -> float:
    """Column width from the header and the 95th percentile of the shown text lengths."""
    if kind == "date":
        body = 11
    elif kind in _UNFORMATTED:
        lengths = values.astype(object).map(
            lambda v: 0 if is_missing(v) else max(map(len, str(v).split("\n")))
        )
        body = int(lengths.quantile(0.95)) if len(lengths) else 0
        multiline = values.astype(object).map(lambda v: isinstance(v, str) and "\n" in v)
        if len(lengths) and (lengths.max() > MAX_WIDTH or multiline.any()):
            return LONG_TEXT_WIDTH  # wrapped (long texts, letters)
    else:
        numeric = pd.to_numeric(values, errors="coerce").abs()
        top = float(numeric.max()) if numeric.notna().any() else 0.0
        body = len(f"{top:,.0f}") + (3 if kind in ("money2", "days", "ratio", "pct") else 0)
    head = max((len(w) for w in header.split()), default=0)
    return float(min(MAX_WIDTH, max(8, body + 2, min(len(header), 18), head + 1)))


def _render_sheet(
    wb: Workbook, ws: Worksheet, name: str, sheet: Sheet, fmt: dict[str, Format], lang: str
) -> None:
    ws.write_string(0, 0, pick(sheet.title, lang), fmt["title"])
    row = 1
    for note in sheet.notes:
        ws.write_string(row, 0, pick(note, lang), fmt["note"])
        row += 1
    row += 1
    where: dict[str, tuple[int, list[str]]] = {}  # table → (header row, columns)
    widths: dict[int, float] = {}
    for i, table in enumerate(sheet.tables):
        row = _render_table(ws, table, row, fmt, lang, widths, first=i == 0)
        where[table.name] = (row[1], list(map(str, table.frame.columns)))
        row = row[0] + 1
    for col, width in widths.items():
        ws.set_column(col, col, width, fmt["long_text"] if width >= LONG_TEXT_WIDTH else None)
    right = max(widths, default=0) + 2
    for n, chart in enumerate(sheet.charts):
        _chart(wb, ws, name, chart, sheet, where, right, 1 + n * CHART_ROWS, lang)


def _render_table(
    ws: Worksheet,
    table: Table,
    top: int,
    fmt: dict[str, Format],
    lang: str,
    widths: dict[int, float],
    *,
    first: bool,
) -> tuple[int, int]:
    """Write ``table`` with its header at row ``top``; return (next free row, header row)."""
    frame = cells_in(table.frame, lang)
    cols = [str(c) for c in frame.columns]
    headers = [pick(table.headers[c], lang) if c in table.headers else c for c in cols]
    for c, text in enumerate(headers):
        ws.write_string(top, c, text, fmt["header"])
    ws.set_row(top, 30)
    n = len(frame)
    first_row, last_row = top + 1, top + n
    body_last = last_row - 1 if table.total_row and n else last_row
    kinds = [column_format(frame.iloc[:, i], table.formats.get(c)) for i, c in enumerate(cols)]
    date = fmt["date"]
    for c, (key, kind) in enumerate(zip(cols, kinds, strict=True)):
        values = frame.iloc[:, c].tolist()
        width = _width(frame.iloc[:, c], headers[c], kind)
        widths[c] = max(widths.get(c, 0), width)
        cell = fmt["long_text" if kind == "text" and width >= LONG_TEXT_WIDTH else kind]
        for r, value in enumerate(values[: body_last - top], start=first_row):
            link = link_target(value) if kind == "url" else None
            if link is not None:  # a hyperlink cell (Excel's own link style), never a formula
                ws.write_url(r, c, link, None, string=link)
            else:
                _write(ws, r, c, value, cell, date, lang)
        if table.total_row and n:
            _write(ws, last_row, c, values[-1], fmt[f"total_{kind}"], fmt["total_date"], lang)
        rule = table.highlight.get(key)
        if rule and body_last >= first_row:
            _highlight(ws, rule, first_row, body_last, c, fmt, lang)
    if any(k == "text" for k in kinds) and n:
        _long_rows(ws, frame, cols, kinds, first_row)
    if first:
        ws.freeze_panes(top + 1, 0)
        ws.autofilter(top, 0, max(top, body_last), len(cols) - 1)
        ws.repeat_rows(top)
    return last_row + 1, top


def _long_rows(ws: Worksheet, frame: pd.DataFrame, cols, kinds, first_row: int) -> None:
    """Rows holding multi-line text (letters) get a height for their lines (max 409 pt)."""
    for c, kind in enumerate(kinds):
        if kind != "text":
            continue
        lines = frame.iloc[:, c].map(lambda v: str(v).count("\n") + 1 if isinstance(v, str) else 1)
        for r in np.flatnonzero(lines.to_numpy() > 1):
            ws.set_row(first_row + int(r), min(409.0, 15.0 * int(lines.iloc[r])))


def _highlight(
    ws: Worksheet, rule: str, r0: int, r1: int, c: int, fmt: dict[str, Format], lang: str
) -> None:
    if rule == "overdue":
        spec = {"type": "cell", "criteria": ">", "value": 0, "format": fmt["highlight_overdue"]}
    elif rule == "flag":
        first = xl_rowcol_to_cell(r0, c, col_abs=True)
        yes = YES_NO[lang][0]
        spec = {"type": "formula", "criteria": f'={first}="{yes}"', "format": fmt["highlight_flag"]}
    elif rule == "negative":
        spec = {"type": "cell", "criteria": "<", "value": 0, "format": fmt["highlight_negative"]}
    else:
        raise ValueError(f"unknown highlight rule {rule!r}: overdue, flag or negative")
    ws.conditional_format(r0, c, r1, c, spec)


def _chart(
    wb: Workbook,
    ws: Worksheet,
    sheet_name: str,
    chart: Chart,
    sheet: Sheet,
    where: dict[str, tuple[int, list[str]]],
    col: int,
    row: int,
    lang: str,
) -> None:
    table = next(t for t in sheet.tables if t.name == chart.table)
    header, cols = where[chart.table]
    n = len(table.frame) - (1 if table.total_row else 0)
    idx = range(n)[chart.rows] if chart.rows is not None else range(n)
    if not len(idx):
        return
    r0, r1 = header + 1 + idx[0], header + 1 + idx[-1]
    cat = cols.index(chart.categories)
    out = wb.add_chart(dict(CHART_TYPES[chart.kind]))
    for key in chart.series:
        c = cols.index(key)
        out.add_series(
            {
                "name": [sheet_name, header, c],
                "categories": [sheet_name, r0, cat, r1, cat],
                "values": [sheet_name, r0, c, r1, c],
                **({"marker": {"type": "circle", "size": 4}} if chart.kind == "line" else {}),
                **(
                    {"gap": 60} if chart.kind in ("column", "column_stacked", "bar_stacked") else {}
                ),
            }
        )
    out.set_title({"name": pick(chart.title, lang), "name_font": {"size": 11}})
    if chart.kind != "pie":
        y = pick(chart.y_title, lang)
        kind = table.formats.get(chart.series[0], "money")
        axis = {"num_format": "General" if kind in _UNFORMATTED else NUMBER_FORMATS[kind]}
        if y:
            axis["name"] = y
        if chart.kind == "bar_stacked":
            out.set_x_axis(axis)
            out.set_y_axis({"reverse": True, "interval_unit": 1})
        else:
            out.set_y_axis(axis)
    out.set_legend({"position": "bottom"})
    out.set_size({"width": CHART_SIZE[0], "height": CHART_SIZE[1]})
    ws.insert_chart(row, col, out)


def _about_sheet(
    ws: Worksheet, report: Report, names: list[str], fmt: dict[str, Format], lang: str
) -> None:
    ws.write_string(0, 0, pick(ABOUT_TITLE, lang), fmt["title"])
    row = 2
    as_of = None if report.as_of is None else pd.Timestamp(report.as_of).to_pydatetime()
    lines: list[tuple[str, Any]] = []
    if report.company:
        lines.append(("company", report.company))
    if as_of is not None:
        lines.append(("as_of", as_of))
    lines += [
        ("source", report.source or "-"),
        ("version", report.version),
        ("sheets", ", ".join(names)),
    ]
    for key, value in lines:
        ws.write_string(row, 0, pick(ABOUT_LABELS[key], lang), fmt["bold"])
        _write(ws, row, 1, value, fmt["text"], fmt["date"], lang)
        row += 1
    row += 1
    ws.write_string(row, 0, pick(ABOUT_LABELS["conventions"], lang), fmt["header"])
    ws.write_string(row, 1, "", fmt["header"])
    for key, value in report.conventions.items():
        row += 1
        ws.write_string(row, 0, str(key), fmt["bold"])
        ws.write_string(row, 1, str(value))
    ws.set_column(0, 0, 28)
    ws.set_column(1, 1, 90)
