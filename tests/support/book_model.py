"""In-memory workbooks behind autospec'd xlwings doubles.

What the live renderer and the ribbon macros are tested against.

Every double is ``unittest.mock.create_autospec(<real xlwings.main class>, instance=True,
spec_set=True)``; the model behaves like Excel where it matters (a string starting with ``=``,
``+``, ``-`` or ``@`` in a cell not formatted ``@`` becomes a formula).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any
from unittest import mock

import pandas as pd
import xlwings.main as xm

from xl_ar.sample_data import make_sample_ledger, make_sample_payments

RISKY = ("=", "+", "-", "@")


@dataclass
class SheetModel:
    name: str
    cells: dict[tuple[int, int], Any] = field(default_factory=dict)  # value or Formula
    formats: dict[tuple[int, int], str] = field(default_factory=dict)
    bold: set[tuple[int, int]] = field(default_factory=set)
    names: dict[str, str] = field(default_factory=dict)  # sheet-scoped defined names
    tables: list[tuple[str, str]] = field(default_factory=list)  # ListObjects: (name, address)
    charts: list[dict[str, Any]] = field(default_factory=list)
    deleted: bool = False
    writes: int = 0


@dataclass(frozen=True)
class Formula:
    text: str


@dataclass
class BookModel:
    sheets: list[SheetModel]
    names: dict[str, str] = field(default_factory=dict)
    active: int = 0
    selection: tuple[str, str] | None = None  # (sheet, address)
    fullname: str = "Book1"
    alerts: list[tuple[str, str | None]] = field(default_factory=list)
    status: list[Any] = field(default_factory=list)
    screen_updating: bool = True
    screen_log: list[bool] = field(default_factory=list)
    fail_on_write: str | None = None  # raise when a value block containing this is written
    doubles: dict[int, Any] = field(default_factory=dict)  # one Sheet double per SheetModel

    def sheet(self, name: str) -> SheetModel:
        return next(s for s in self.sheets if s.name == name)

    def snapshot(self, name: str) -> dict[str, Any]:
        """Values, formulas, formats and names of one sheet: the "byte-identical" check."""
        s = self.sheet(name)
        return {
            "cells": dict(s.cells),
            "formats": dict(s.formats),
            "bold": set(s.bold),
            "names": dict(s.names),
            "tables": list(s.tables),
            "charts": [dict(c) for c in s.charts],
        }


def parse_cell(ref: str) -> tuple[int, int]:
    m = re.fullmatch(r"\$?([A-Z]+)\$?(\d+)", ref.strip().upper())
    assert m, ref
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def col_letter(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def box_of(cell1: Any, cell2: Any = None) -> tuple[int, int, int, int]:
    def one(c: Any) -> tuple[int, int, int, int]:
        if isinstance(c, tuple):
            return c[0], c[1], c[0], c[1]
        parts = c.split(":")
        r1, c1 = parse_cell(parts[0])
        r2, c2 = parse_cell(parts[-1])
        return r1, c1, r2, c2

    a = one(cell1)
    if cell2 is None:
        return a
    b = one(cell2)
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


FAKE_METHODS: dict[tuple[type, str], Any] = {}


FAKE_PROPERTIES: set[tuple[type, str, bool]] = set()  # (class, property, written)


def double(cls: type, methods: dict[str, Any], props: dict[str, Any]) -> Any:
    """An autospec'd instance of a real xlwings class, members served by the given fakes."""
    m = mock.create_autospec(cls, instance=True, spec_set=True)
    for name, fn in methods.items():
        FAKE_METHODS[(cls, name)] = fn
        getattr(m, name).side_effect = fn
    for name, spec in props.items():
        getter, setter = spec if isinstance(spec, tuple) else (spec, None)
        FAKE_PROPERTIES.add((cls, name, setter is not None))

        def serve(*value: Any, getter: Any = getter, setter: Any = setter, name: str = name) -> Any:
            if value:
                if setter is None:
                    raise AttributeError(f"{cls.__name__}.{name} is read-only here")
                return setter(value[0])
            return getter()

        setattr(type(m), name, mock.PropertyMock(side_effect=serve))
    return m


def native() -> mock.MagicMock:
    """The ``.api`` object: anything goes (it is pywin32's COM object in Excel)."""
    return mock.MagicMock(name="api")


def make_range(book: BookModel, sm: SheetModel, box: tuple[int, int, int, int], source: str = ""):  # noqa: C901
    """A Range double; ``source`` is a union address ("A1:A3,C1:C3"): formats go to every area."""
    r1, c1, r2, c2 = box
    areas = [box_of(a) for a in source.split(",")] if source else [box]
    assert len(source) <= 255, "Excel's Range() takes at most 255 characters"

    def cells() -> list[tuple[int, int]]:
        return [
            (r, c) for a1, b1, a2, b2 in areas for r in range(a1, a2 + 1) for c in range(b1, b2 + 1)
        ]

    def read(ndim: int | None = None) -> Any:
        rows = [[_value(sm, r, c) for c in range(c1, c2 + 1)] for r in range(r1, r2 + 1)]
        if ndim == 2:
            return rows
        if len(rows) == 1 and len(rows[0]) == 1:
            return rows[0][0]
        if len(rows) == 1:
            return rows[0]
        if all(len(r) == 1 for r in rows):
            return [r[0] for r in rows]
        return rows

    def write(data: Any) -> None:
        assert not sm.deleted, "write to a deleted sheet"
        grid = data if isinstance(data, list) and data and isinstance(data[0], list) else [[data]]
        if book.fail_on_write is not None and any(book.fail_on_write == v for r in grid for v in r):
            raise RuntimeError("Excel refused the write")
        sm.writes += 1
        for i, row in enumerate(grid):
            for j, v in enumerate(row):
                at = (r1 + i, c1 + j)
                text_format = sm.formats.get(at) == "@"
                if isinstance(v, str) and v.startswith(RISKY) and not text_format:
                    sm.cells[at] = Formula(v)
                elif v is None or v == "":
                    sm.cells.pop(at, None)
                else:
                    sm.cells[at] = v

    def set_format(code: str) -> None:
        sm.writes += 1
        for at in cells():
            sm.formats[at] = code

    def set_bold(value: bool) -> None:
        sm.writes += 1
        for at in cells():
            (sm.bold.add if value else sm.bold.discard)(at)

    def options(convert: Any = None, **options: Any) -> Any:
        ndim = options.get("ndim")
        return double(xm.Range, {}, {"value": (lambda: read(ndim), write)})

    def font() -> Any:
        return double(xm.Font, {}, {"bold": (lambda: None, set_bold)})

    address = source or (
        f"${col_letter(c1)}${r1}" + ("" if (r1, c1) == (r2, c2) else f":${col_letter(c2)}${r2}")
    )
    api = native()
    return double(
        xm.Range,
        {"options": options},
        {
            "value": (read, write),
            "number_format": (lambda: sm.formats.get((r1, c1), "General"), set_format),
            "font": font,
            "address": lambda: address,
            "row": lambda: r1,
            "column": lambda: c1,
            "shape": lambda: (r2 - r1 + 1, c2 - c1 + 1),
            "count": lambda: (r2 - r1 + 1) * (c2 - c1 + 1),
            "sheet": lambda: make_sheet(book, sm),
            "api": lambda: api,
        },
    )


def _value(sm: SheetModel, r: int, c: int) -> Any:
    v = sm.cells.get((r, c))
    return v.text if isinstance(v, Formula) else v


def make_names(scope: dict[str, str], prefix: Any = str) -> Any:
    def make_name(key: str) -> Any:
        def set_refers(value: str) -> None:
            scope[key] = value

        return double(
            xm.Name,
            {"delete": lambda: scope.pop(key)},
            {
                "name": lambda: prefix() + key,
                "refers_to": (lambda: scope[key], set_refers),
                "api": native,
            },
        )

    def add(name: str, refers_to: str) -> Any:
        assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", name), name
        scope[name] = refers_to
        return make_name(name)

    def contains(name_or_index: int | str) -> bool:
        return name_or_index in scope

    names = double(
        xm.Names,
        {"add": add, "contains": contains},
        {"count": lambda: len(scope), "api": native},
    )
    names.__iter__.side_effect = lambda: iter([make_name(k) for k in list(scope)])
    names.__len__.side_effect = lambda: len(scope)
    names.__contains__.side_effect = lambda item: item in scope
    names.__getitem__.side_effect = lambda item: make_name(item)
    return names


def make_sheet(book: BookModel, sm: SheetModel) -> Any:
    if id(sm) not in book.doubles:
        book.doubles[id(sm)] = _make_sheet(book, sm)
    return book.doubles[id(sm)]


def _make_sheet(book: BookModel, sm: SheetModel) -> Any:  # noqa: C901
    def rng(cell1: Any, cell2: Any = None) -> Any:
        if isinstance(cell1, str) and "," in cell1:  # a union (chart source, formats)
            first = cell1.split(",")[0]
            return make_range(book, sm, box_of(first), source=cell1)
        return make_range(book, sm, box_of(cell1, cell2))

    def used() -> Any:
        if not sm.cells:
            return make_range(book, sm, (1, 1, 1, 1))
        rows = [r for r, _ in sm.cells]
        cols = [c for _, c in sm.cells]
        return make_range(book, sm, (min(rows), min(cols), max(rows), max(cols)))

    def set_name(value: str) -> None:
        others = [s.name.casefold() for s in book.sheets if s is not sm]
        assert value.casefold() not in others, f"duplicate sheet name {value}"
        assert len(value) <= 31 and not re.search(r"[\[\]:*?/\\]", value), value
        sm.name = value

    def delete() -> None:
        assert len(book.sheets) > 1, "Excel keeps at least one sheet"
        sm.deleted = True
        index = book.sheets.index(sm)
        book.sheets.remove(sm)
        book.active = min(book.active, len(book.sheets) - 1) if book.active != index else 0

    def activate() -> None:
        book.active = book.sheets.index(sm)

    def autofit(axis: str | None = None) -> None:
        assert axis in (None, "columns", "c", "rows", "r")

    def tables() -> list[Any]:
        out = []
        for name, address in sm.tables:
            t = double(
                xm.Table,
                {},
                {"name": lambda name=name: name, "range": lambda a=address: rng(a)},
            )
            out.append(t)
        return out

    def add_chart(
        left: float = 0,
        top: float = 0,
        width: float = 355,
        height: float = 211,
        chart_type: str | None = None,
        source: Any = None,
        plot_by: Any = None,
        name: str | None = None,
        anchor: Any = None,
        style: int | None = 227,
    ) -> Any:
        record: dict[str, Any] = {"anchor": anchor.address if anchor is not None else None}
        sm.charts.append(record)

        def set_source(source: Any, plot_by: Any = None) -> None:
            record["source"], record["plot_by"] = source.address, plot_by

        return double(
            xm.Chart,
            {"set_source_data": set_source},
            {
                "chart_type": (lambda: record.get("type"), lambda v: record.update(type=v)),
                "title": (lambda: record.get("title"), lambda v: record.update(title=v)),
                "api": native,
            },
        )

    charts = double(xm.Charts, {"add": add_chart}, {"count": lambda: len(sm.charts)})
    names = make_names(sm.names, prefix=lambda: f"'{sm.name}'!")
    api = native()
    return double(
        xm.Sheet,
        {"range": rng, "delete": delete, "activate": activate, "autofit": autofit},
        {
            "name": (lambda: sm.name, set_name),
            "names": lambda: names,
            "used_range": used,
            "tables": tables,
            "charts": lambda: charts,
            "index": lambda: book.sheets.index(sm) + 1,
            "api": lambda: api,
        },
    )


def make_book(book: BookModel) -> Any:
    app_api = native()

    def status(value: Any) -> None:
        book.status.append(value)

    def screen(value: bool) -> None:
        book.screen_updating = value
        book.screen_log.append(value)

    def alert(
        prompt: str,
        title: str | None = None,
        buttons: str = "ok",
        mode: str | None = None,
        callback: str | None = None,
    ) -> str:
        book.alerts.append((prompt, title))
        return "ok"

    app = double(
        xm.App,
        {"alert": alert},
        {
            "status_bar": (lambda: book.status[-1] if book.status else False, status),
            "screen_updating": (lambda: book.screen_updating, screen),
            "api": lambda: app_api,
        },
    )

    def sheets_list() -> list[Any]:
        return [make_sheet(book, s) for s in book.sheets]

    def getitem(key: int | str) -> Any:
        if isinstance(key, int):
            return make_sheet(book, book.sheets[key])
        return make_sheet(book, next(s for s in book.sheets if s.name.casefold() == key.casefold()))

    def add(name: str | None = None, before: Any = None, after: Any = None) -> Any:
        assert name is not None
        assert name.casefold() not in (s.name.casefold() for s in book.sheets), name
        sm = SheetModel(name)
        at = (
            len(book.sheets)
            if after is None
            else [s.name for s in book.sheets].index(after.name) + 1
        )
        book.sheets.insert(at, sm)
        book.active = at
        return make_sheet(book, sm)

    sheets = double(
        xm.Sheets,
        {"add": add},
        {
            "active": lambda: make_sheet(book, book.sheets[book.active]),
            "count": lambda: len(book.sheets),
        },
    )
    sheets.__iter__.side_effect = lambda: iter(sheets_list())
    sheets.__len__.side_effect = lambda: len(book.sheets)
    sheets.__getitem__.side_effect = getitem
    sheets.__contains__.side_effect = lambda k: any(s.name == k for s in book.sheets)
    names = make_names(book.names)

    def selection() -> Any:
        if book.selection is None:
            return None
        sheet_name, address = book.selection
        return make_sheet(book, book.sheet(sheet_name)).range(address)

    return double(
        xm.Book,
        {},
        {
            "sheets": lambda: sheets,
            "names": lambda: names,
            "app": lambda: app,
            "selection": selection,
            "fullname": lambda: book.fullname,
            "name": lambda: book.fullname,
            "api": native,
        },
    )


def user_sheet() -> SheetModel:
    """A user's sheet with a value, a formula, a text-formatted cell and a name."""
    sm = SheetModel("Catatan")
    sm.cells.update({(1, 1): "Catatan saya", (2, 1): 5.0, (3, 1): Formula("=A2*2")})
    sm.formats[(4, 1)] = "@"
    sm.cells[(4, 1)] = "=tetap teks"
    sm.names["Tarif"] = "=Catatan!$A$2"
    return sm


NASTY = ['=HYPERLINK("http://x","y")', "+62 21 555", "-5 hari", "@here"]


LEDGER = make_sample_ledger()


def excel_rows(frame: pd.DataFrame) -> list[list[Any]]:
    """A frame as Excel hands a range over: header row, floats, datetimes, None for empty."""

    def cell(v: Any) -> Any:
        if v is None or v is pd.NaT or (isinstance(v, float) and math.isnan(v)) or v is pd.NA:
            return None
        if isinstance(v, pd.Timestamp):
            return v.to_pydatetime()
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return float(v)
        return v if isinstance(v, (str, dt.datetime)) else str(v)

    body = [[cell(v) for v in row] for row in frame.astype(object).itertuples(index=False)]
    return [list(frame.columns), *body]


def sheet_from_rows(name: str, rows: list[list[Any]], top: int = 1, left: int = 1) -> SheetModel:
    sm = SheetModel(name)
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v is not None:
                sm.cells[(top + r, left + c)] = v
    return sm


def customers_sheet(frame: pd.DataFrame) -> SheetModel:
    names = sorted(frame["Pelanggan"].unique())
    rows = [["Pelanggan", "Limit Kredit"], *[[n, 250_000_000.0] for n in names]]
    return sheet_from_rows("Limit", rows)


def payments_sheet(frame: pd.DataFrame) -> SheetModel:
    return sheet_from_rows("Pembayaran", excel_rows(make_sample_payments(frame)))


def workbook(frame: pd.DataFrame = LEDGER, *extra: SheetModel) -> tuple[BookModel, Any]:
    sheets = [user_sheet(), sheet_from_rows("Piutang", excel_rows(frame)), *extra]
    model = BookModel(sheets)
    return model, make_book(model)
