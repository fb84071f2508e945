"""Place a :class:`~xl_ar.reports.model.Report` into the open workbook through xlwings.

Rules (the user's workbook is theirs):

* **New sheets only.** A sheet is replaced only if xl-ar created it: it carries the
  sheet-scoped, hidden defined name ``xl_ar_generated`` (:data:`GENERATED_MARK`) whose value is
  the text constant ``"xl_ar|<sheet key>|<sheet name>"``. Defined names are saved with the file,
  so the mark survives save and reopen; a copied or renamed sheet no longer matches its mark
  (the name differs) and is treated as the user's. User sheets never carry it. Sheets of an
  ``.xlsx`` written by :mod:`xl_ar.reports.render_file` (mark value ``="<key>"``) count as
  generated too, so a live re-run replaces them.
* **Build fully, then place.** Every sheet's cells, number formats and charts are planned in
  memory first (:func:`plan_report`); nothing touches Excel until the whole plan exists. New
  sheets are written under temporary names; only when all are written are the old generated
  sheets of the same keys deleted and the new ones renamed and marked. If writing fails, the
  new sheets are deleted again and the old ones are still there.
* **Text stays text.** Every text cell (text columns, titles, headers, and any string starting
  with ``=``, ``+``, ``-`` or ``@``) gets the number format ``@`` *before* its value is written,
  so Excel stores ``=HYPERLINK("http://x","y")`` or ``+62 21 555`` as the literal string (no
  apostrophe is added to the value).
* Progress goes to Excel's status bar (``xl-ar: <sheet> 2/5``), reset at the end; screen
  updating is off while placing and restored in ``finally``.

Named formats map to Excel codes in :data:`xl_ar.reports.style.NUMBER_FORMATS` (the same codes
as the file renderer); chart kinds to xlwings chart types in :data:`CHART_TYPES`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core import pick
from xl_ar.reports.model import GENERATED_MARK, Report, Sheet, Table, cells_in
from xl_ar.reports.style import (
    HIGHLIGHT_STYLES,
    NUMBER_FORMATS,
    YES_NO,
    column_format,
    is_missing,
    link_target,
    number_formats,
    sheet_name,
    unique_sheet_name,
)

__all__ = [
    "CHART_TYPES",
    "ChartPlan",
    "SheetPlan",
    "generated_key",
    "is_generated",
    "mark_text",
    "plan_report",
    "plan_sheet",
    "render_live",
]

CHART_TYPES: dict[str, str] = {
    "line": "line",
    "column": "column_clustered",
    "column_stacked": "column_stacked",
    "bar_stacked": "bar_stacked",
    "pie": "pie",
}
ABOUT_KEY = "about"  # the same key as xl_ar.reports.render_file's About sheet
MARK_PREFIX = "xl_ar"
TEXT = "@"
RISKY_START = ("=", "+", "-", "@")
MAX_ADDRESS = 255  # Excel's Range("A1:A3,C1:C3") takes at most 255 characters
CHART_ROWS = 18  # rows of sheet one chart takes, charts stacked beside the tables

Box = tuple[int, int, int, int]  # first row, first column, last row, last column (1-based)


@dataclass
class ChartPlan:
    """One chart: its xlwings type, title, data address (header row included) and anchor."""

    chart_type: str
    title: str
    source: str
    anchor: tuple[int, int]


@dataclass
class SheetPlan:
    """Everything one sheet will receive, computed before Excel is touched."""

    key: str
    name: str
    grid: list[list[Any]]  # values from A1, rectangular, empty cells None
    formats: list[tuple[Box, str]] = field(default_factory=list)
    bold: list[Box] = field(default_factory=list)
    freeze_row: int | None = None  # first table's header row (panes frozen below it)
    filter_box: Box | None = None  # first table's header + body (autofilter)
    charts: list[ChartPlan] = field(default_factory=list)
    highlights: list[tuple[Box, str]] = field(default_factory=list)  # conditional formats
    links: list[tuple[tuple[int, int], str]] = field(default_factory=list)  # (row, col), url


# --------------------------------------------------------------------------- marking


def mark_text(key: str, name: str) -> str:
    """The formula of the ``xl_ar_generated`` name on a generated sheet.

    >>> mark_text("aging", "Umur Piutang")
    '="xl_ar|aging|Umur Piutang"'
    """
    value = f"{MARK_PREFIX}|{key}|{name}".replace('"', '""')
    return f'="{value}"'


def _read_mark(refers_to: object) -> tuple[str, str | None] | None:
    """(key, sheet name) of a live mark; (key, None) of a file-renderer mark (``="aging"``)."""
    text = str(refers_to or "").strip()
    if not (text.startswith('="') and text.endswith('"')):
        return None
    value = text[2:-1].replace('""', '"')
    if re.fullmatch(r"[a-z][a-z0-9_]*", value):  # written by xl_ar.reports.render_file
        return value, None
    parts = value.split("|", 2)
    if len(parts) != 3 or parts[0] != MARK_PREFIX:
        return None
    return parts[1], parts[2]


def generated_key(sheet: Any) -> str | None:
    """The report-sheet key of a sheet xl-ar generated, or ``None`` for any other sheet."""
    for name in sheet.names:
        if str(name.name).rsplit("!", 1)[-1] != GENERATED_MARK:
            continue
        mark = _read_mark(name.refers_to)
        if mark is not None and mark[1] in (None, sheet.name):
            return mark[0]
    return None


def is_generated(sheet: Any) -> bool:
    """Whether the sheet carries xl-ar's mark for its current name."""
    return generated_key(sheet) is not None


# --------------------------------------------------------------------------- planning


def plan_report(report: Report, lang: str = "id") -> list[SheetPlan]:
    """All sheets of a report (plus its "About" sheet) as :class:`SheetPlan` objects."""
    plans = [plan_sheet(sheet, lang, report.currency) for sheet in report.sheets]
    plans.append(_plan_about(report, lang))
    keys = [p.key for p in plans]
    if len(set(keys)) != len(keys):
        raise ValueError(f"duplicate sheet keys in report: {keys}")
    return plans


def plan_sheet(sheet: Sheet, lang: str = "id", currency: str | None = None) -> SheetPlan:
    """One report sheet laid out from A1: title, notes, then each table under the last."""
    name = sheet_name(pick(sheet.name, lang))
    rows: list[list[Any]] = [[pick(sheet.title, lang)]]
    plan = SheetPlan(sheet.key, name, rows)
    plan.formats.append(((1, 1, 1, 1), TEXT))
    plan.bold.append((1, 1, 1, 1))
    rows.extend([pick(note, lang)] for note in sheet.notes)
    if sheet.notes:
        plan.formats.append(((2, 1, 1 + len(sheet.notes), 1), TEXT))
    placed: dict[str, tuple[int, list[str], int]] = {}  # table → (header row, keys, body rows)
    for table in sheet.tables:
        rows.append([])
        top = len(rows) + 1
        keys = [str(k) for k in table.frame.columns]
        placed[table.name] = (top, keys, len(table.frame))
        _plan_table(plan, table, keys, lang, number_formats(currency))
        if plan.freeze_row is None:
            plan.freeze_row = top
            plan.filter_box = (top, 1, top + len(table.frame), max(len(keys), 1))
    width = max((len(r) for r in rows), default=1)
    for row in rows:
        row.extend([None] * (width - len(row)))
    for number, chart in enumerate(sheet.charts):
        if chart.table not in placed:
            raise ValueError(f"chart {chart.title[1]!r}: no table {chart.table!r} on {name!r}")
        top, keys, body = placed[chart.table]
        plan.charts.append(_plan_chart(chart, top, keys, body, width, number, lang))
    return plan


def _plan_table(
    plan: SheetPlan,
    table: Table,
    keys: list[str],
    lang: str,
    codes: dict[str, str] = NUMBER_FORMATS,
) -> None:
    rows = plan.grid
    top = len(rows) + 1
    rows.append([pick(table.headers.get(k, (k, k)), lang) for k in keys])
    if keys:
        plan.formats.append(((top, 1, top, len(keys)), TEXT))
        plan.bold.append((top, 1, top, len(keys)))
    frame = cells_in(table.frame, lang)
    formats = [column_format(frame.iloc[:, i], table.formats.get(k)) for i, k in enumerate(keys)]
    body_rows = list(frame.itertuples(index=False, name=None))
    for row in body_rows:
        rows.append([_cell(v, fmt, lang) for v, fmt in zip(row, formats, strict=True)])
    last = top + len(body_rows)
    for col, fmt in enumerate(formats, start=1):
        if body_rows:
            plan.formats.append(((top + 1, col, last, col), codes[fmt]))
        if fmt == "url":  # written as text ('@'), then made a hyperlink
            _plan_links(plan, top + 1, last, col)
        if fmt == "text":
            continue
        for r in range(top + 1, last + 1):  # a formula-looking string in a number column
            value = rows[r - 1][col - 1]
            if isinstance(value, str):
                plan.formats.append(((r, col, r, col), TEXT))
    if table.total_row and body_rows and keys:
        plan.bold.append((last, 1, last, len(keys)))
    data_last = last - 1 if table.total_row else last
    for key, rule in table.highlight.items():
        if key in keys and data_last > top and rule in HIGHLIGHTS:
            col = keys.index(key) + 1
            plan.highlights.append(((top + 1, col, data_last, col), rule))


def _plan_links(plan: SheetPlan, first: int, last: int, col: int) -> None:
    """The hyperlinks of a ``url`` column (rows ``first``..``last``, 1-based)."""
    for r in range(first, last + 1):
        if (link := link_target(plan.grid[r - 1][col - 1])) is not None:
            plan.links.append(((r, col), link))


def _plan_chart(
    chart: Any, top: int, keys: list[str], body: int, width: int, number: int, lang: str
) -> ChartPlan:
    rows = range(body)[chart.rows] if chart.rows is not None else range(body)
    if len(rows) == 0:
        raise ValueError(f"chart {chart.title[1]!r} has no rows")
    first, last = top + 1 + rows[0], top + 1 + rows[-1]
    columns = [chart.categories, *chart.series]
    missing = [c for c in columns if c not in keys]
    if missing:
        raise ValueError(f"chart {chart.title[1]!r}: no column {missing[0]!r}")
    areas: list[list[int]] = []  # [first column, last column] of adjacent columns
    for col in (keys.index(key) + 1 for key in columns):
        if areas and col == areas[-1][1] + 1:
            areas[-1][1] = col
        else:
            areas.append([col, col])
    rows_text = (
        [f"{top}:{{}}{last}"] if first == top + 1 else [f"{top}:{{}}{top}", f"{first}:{{}}{last}"]
    )
    source = ",".join(
        _column_letter(a) + part.format(_column_letter(b)) for a, b in areas for part in rows_text
    )
    anchor = (top + number * CHART_ROWS, width + 2)
    return ChartPlan(CHART_TYPES[chart.kind], pick(chart.title, lang), source, anchor)


def _plan_about(report: Report, lang: str) -> SheetPlan:
    en = lang != "id"
    rows: list[list[Any]] = [["About this report" if en else "Tentang laporan ini", None]]
    if report.as_of is not None:
        rows.append(["Data date" if en else "Tanggal data", _cell(report.as_of, "date")])
    rows += [
        ["Source" if en else "Sumber", str(report.source)],
        ["xl-ar version" if en else "Versi xl-ar", str(report.version)],
    ]
    if report.company:
        rows.append(["Company" if en else "Perusahaan", str(report.company)])
    rows.extend([str(k), str(v)] for k, v in report.conventions.items())
    last = len(rows)
    plan = SheetPlan(ABOUT_KEY, "About" if en else "Tentang Laporan", rows)
    dated = 1 if report.as_of is None else 2  # the row of the data date
    plan.formats += [((1, 1, last, 1), TEXT), ((dated + 1, 2, last, 2), TEXT)]
    if report.as_of is not None:
        plan.formats.append(((2, 2, 2, 2), NUMBER_FORMATS["date"]))
    plan.bold.append((1, 1, 1, 1))
    return plan


def _cell(value: Any, fmt: str, lang: str = "id") -> Any:
    """One value as it is written: None for empty, str for text, float/bool/datetime else.

    In text columns flags become the words the file renderer writes (Ya/Tidak, Yes/No).
    """
    if is_missing(value):
        return None
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
    if fmt == "text":
        if isinstance(value, (bool, np.bool_)):
            return YES_NO[lang][0 if value else 1]
        if isinstance(value, pd.Timestamp | dt.date):
            return value.strftime("%d/%m/%Y")
        if isinstance(value, (float, np.floating)) and float(value).is_integer():
            return str(int(value))
        return str(value)
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, (dt.datetime, dt.date, str)):
        return value
    if isinstance(value, (int, float, np.integer, np.floating)):
        return float(value)
    return str(value)


def _column_letter(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _address(box: Box) -> str:
    r1, c1, r2, c2 = box
    return f"{_column_letter(c1)}{r1}:{_column_letter(c2)}{r2}"


# --------------------------------------------------------------------------- placing


def render_live(report: Report, book: Any, *, lang: str = "id", app: Any = None) -> list[str]:
    """Write the report's sheets into ``book`` (an ``xlwings.Book``); return their names.

    Builds every sheet in memory first, then places them at the end of the workbook,
    replacing only sheets xl-ar generated before for the same report sheets.
    """
    plans = plan_report(report, lang)
    app = book.app if app is None else app
    updating = app.screen_updating
    app.screen_updating = False
    try:
        return _place(plans, book, app)
    finally:
        app.status_bar = False
        app.screen_updating = updating


def _place(plans: Sequence[SheetPlan], book: Any, app: Any) -> list[str]:
    keys = {p.key for p in plans}
    existing = list(book.sheets)
    old = [s for s in existing if generated_key(s) in keys]
    old_names = {s.name.casefold() for s in old}
    taken = {s.name.casefold() for s in existing} - old_names
    new: list[Any] = []
    try:
        for number, plan in enumerate(plans, start=1):
            app.status_bar = f"xl-ar: {plan.name} {number}/{len(plans)}"
            temp = unique_sheet_name(f"~xl-ar {number}", [s.name for s in book.sheets])
            sheet = book.sheets.add(temp, after=book.sheets[-1])
            new.append(sheet)
            _write(sheet, plan, app)
    except BaseException:
        for sheet in new:
            sheet.delete()
        raise
    for sheet in old:
        sheet.delete()
    names = []
    for sheet, plan in zip(new, plans, strict=True):
        final = unique_sheet_name(plan.name, taken)
        taken.add(final.casefold())
        sheet.name = final
        mark = sheet.names.add(GENERATED_MARK, mark_text(plan.key, final))
        _try(lambda m=mark: setattr(m.api, "Visible", False))
        names.append(final)
    if new:
        new[0].activate()
    return names


def _write(sheet: Any, plan: SheetPlan, app: Any) -> None:
    by_code: dict[str, list[Box]] = {}
    for box, code in plan.formats:  # later boxes win: keep their order within one code
        by_code.setdefault(code, []).append(box)
    text = by_code.pop(TEXT, [])
    for code, boxes in [*by_code.items(), (TEXT, text)]:  # '@' last: it overrides
        for union in _unions(boxes):  # before the values: '@' makes Excel keep text as text
            sheet.range(union).number_format = code
    rows, cols = len(plan.grid), len(plan.grid[0]) if plan.grid else 0
    if rows and cols:
        sheet.range((1, 1), (rows, cols)).value = plan.grid
    for union in _unions(plan.bold):
        sheet.range(union).font.bold = True
    for at, link in plan.links:
        _try(lambda at=at, link=link: sheet.range(at).add_hyperlink(link, link))
    for chart in plan.charts:
        anchor = sheet.range(chart.anchor)
        drawn = sheet.charts.add(anchor=anchor)
        drawn.set_source_data(sheet.range(chart.source), plot_by="columns")
        drawn.chart_type = chart.chart_type
        drawn.title = chart.title
    sheet.autofit("columns")
    if plan.filter_box is not None:
        _try(lambda: sheet.range(_address(plan.filter_box)).api.AutoFilter())
    if plan.freeze_row is not None:
        _try(lambda: _freeze(sheet, app, plan.freeze_row))
    for box, rule in plan.highlights:
        _try(lambda b=box, r=rule: _highlight(sheet.range(_address(b)).api, b, r))


def _bgr(colour: str) -> int:
    """Excel's colour number (blue-green-red) of ``#RRGGBB``.

    >>> hex(_bgr("#FFC7CE"))
    '0xcec7ff'
    """
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return blue << 16 | green << 8 | red


#: Conditional formats (Excel COM ``FormatConditions``) per ``Table.highlight`` rule, in the
#: colours of :data:`xl_ar.reports.style.HIGHLIGHT_STYLES` (as the file renderer):
#: (type, operator, formula, attribute, colour as Excel's BGR number).
HIGHLIGHTS: dict[str, tuple[int, int | None, str, str, int]] = {
    "overdue": (1, 5, "=0", "Interior", _bgr(HIGHLIGHT_STYLES["overdue"]["bg_color"])),  # > 0
    "negative": (1, 6, "=0", "Font", _bgr(HIGHLIGHT_STYLES["negative"]["font_color"])),  # < 0
    "flag": (2, None, '=OR({cell}="Ya",{cell}="Yes",{cell}=TRUE)', "Interior",
             _bgr(HIGHLIGHT_STYLES["flag"]["bg_color"])),
}  # fmt: skip


def _highlight(api: Any, box: Box, rule: str) -> None:
    """Add one conditional format through COM (Windows); skipped by ``_try`` elsewhere."""
    kind, operator, formula, target, colour = HIGHLIGHTS[rule]
    formula = formula.format(cell=f"{_column_letter(box[1])}{box[0]}")  # relative to top-left
    if operator is None:
        condition = api.FormatConditions.Add(Type=kind, Formula1=formula)
    else:
        condition = api.FormatConditions.Add(Type=kind, Operator=operator, Formula1=formula)
    getattr(condition, target).Color = colour


def _unions(boxes: Sequence[Box]) -> list[str]:
    """Boxes as comma-joined addresses, each string within Excel's 255-character limit."""
    out: list[str] = []
    for address in (_address(b) for b in boxes):
        if out and len(out[-1]) + 1 + len(address) <= MAX_ADDRESS:
            out[-1] += "," + address
        else:
            out.append(address)
    return out


def _freeze(sheet: Any, app: Any, header_row: int) -> None:
    sheet.activate()
    window = app.api.ActiveWindow
    window.SplitColumn = 0
    window.SplitRow = header_row
    window.FreezePanes = True


def _try(action: Any) -> None:
    """Cosmetics through the native object (``.api``): skipped where the engine lacks them."""
    try:
        action()
    except Exception:  # cosmetic only: the data is already written
        pass
