"""What a report is, independent of how it is rendered.

:func:`xl_ar.reports.catalog.build_report` computes a :class:`Report`; renderers only render
it: :mod:`xl_ar.reports.render_file` writes an ``.xlsx`` with XlsxWriter, and
:mod:`xl_ar.reports.render_live` places the same sheets into the open workbook through
xlwings. Nothing here imports xlwings or XlsxWriter.

Column formats are named, not Excel codes; both renderers map them to the same codes,
:data:`xl_ar.reports.style.NUMBER_FORMATS`:

=============  ==========================================
``money``      Rupiah with thousands separators, no decimals
``money2``     money with 2 decimals
``pct``        fraction shown as a percentage (0.0 %)
``days``       day counts (0.0)
``int``        whole numbers with thousands separators
``date``       dates (dd/mm/yyyy)
``text``       text, always written as a string (never a formula)
``ratio``      plain decimal (0.00)
``general``    each value as it is: numbers as numbers, text as text
``url``        an ``https://`` link written as a hyperlink (never a formula); other text as text
=============  ==========================================
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

__all__ = [
    "GENERATED_MARK",
    "Chart",
    "ChartKind",
    "ColumnFormat",
    "Report",
    "Sheet",
    "Table",
    "cells_in",
]

ColumnFormat = Literal[
    "money", "money2", "pct", "days", "int", "date", "text", "ratio", "general", "url"
]
ChartKind = Literal["line", "column", "column_stacked", "bar_stacked", "pie"]

#: Marker every renderer leaves on what it creates (sheet-level), so a re-run replaces only
#: its own sheets and never touches the user's.
GENERATED_MARK = "xl_ar_generated"


@dataclass(frozen=True)
class Table:
    """A block of cells: a DataFrame written with a header row.

    Attributes
    ----------
    name : str
        Identifier, unique within the sheet (used by charts and as the Excel table name).
    frame : pandas.DataFrame
        The values; written without its index. Column labels are the *keys* of ``headers``.
        A text cell may be an ``(Indonesian, English)`` pair: the renderer writes the text of
        its language (:func:`cells_in`).
    headers : Mapping[str, tuple[str, str]]
        Column key → (Indonesian, English) header text.
    formats : Mapping[str, ColumnFormat]
        Column key → named format; an unlisted column's format is inferred from its values
        (:func:`xl_ar.reports.style.column_format`: dates ``date``, flags and text ``text``,
        other numbers ``money``).
    total_row : bool
        The last row is a total (rendered bold).
    highlight : Mapping[str, str]
        Conditional formatting: column key → rule name (``"overdue"``: red fill when > 0 in
        past-due bucket columns; ``"flag"``: amber fill when True; ``"negative"``: red text).
    """

    name: str
    frame: pd.DataFrame
    headers: Mapping[str, tuple[str, str]]
    formats: Mapping[str, ColumnFormat] = field(default_factory=dict)
    total_row: bool = False
    highlight: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Chart:
    """A native chart drawn from one table of the same sheet.

    ``categories`` is the column key of the x axis; ``series`` the column keys plotted.
    ``rows`` limits the data rows used (e.g. exclude a total row): ``None`` = all.
    """

    kind: ChartKind
    title: tuple[str, str]
    table: str
    categories: str
    series: Sequence[str]
    y_title: tuple[str, str] = ("", "")
    rows: slice | None = None


@dataclass(frozen=True)
class Sheet:
    """One worksheet of a report: a title, tables one below the other, charts beside them."""

    key: str
    name: tuple[str, str]  # sheet name (Indonesian, English), ≤ 31 characters each
    title: tuple[str, str]
    tables: Sequence[Table]
    charts: Sequence[Chart] = ()
    notes: Sequence[tuple[str, str]] = ()  # lines under the title (Indonesian, English)


@dataclass(frozen=True)
class Report:
    """A whole report: its sheets and the "About this report" facts."""

    sheets: Sequence[Sheet]
    as_of: pd.Timestamp | None  # None: a report that reads no ledger (the credit policy)
    source: str
    conventions: Mapping[str, str]  # e.g. {"buckets": "30,60,90", "day basis": "365"}
    version: str
    company: str | None = None
    currency: str | None = None  # the ledger's currency (money formats); None: Rupiah


def cells_in(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``frame`` with every ``(Indonesian, English)`` pair cell replaced by its ``lang`` text.

    Only text (object) columns holding a pair are copied; other frames are returned as they are.

    Examples
    --------
    >>> f = pd.DataFrame({"label": [("Jumlah", "Amount"), "Total"], "value": [1.0, 2.0]})
    >>> cells_in(f, "en")["label"].tolist(), cells_in(f, "id")["label"].tolist()
    (['Amount', 'Total'], ['Jumlah', 'Total'])
    """
    index = 1 if lang == "en" else 0
    out = frame
    for i in range(frame.shape[1]):
        column = frame.iloc[:, i]
        if column.dtype != object:
            continue
        pairs = column.map(lambda v: isinstance(v, tuple) and len(v) == 2)
        if pairs.any():
            if out is frame:
                out = frame.copy()
            out.isetitem(i, column.where(~pairs, column[pairs].map(lambda v: v[index])))
    return out
