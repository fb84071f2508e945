"""The house style (xl_ar.reports.style): number formats, cells, format inference, sheet names.

Ported from the tests of the removed single-report writer (``write_ar_report``): number formats,
user text that stays text, missing values as blank cells, dates as dates, bilingual labels;
plus the agreement of the two renderers on every named format.
"""

from __future__ import annotations

import datetime as dt
import io

import numpy as np
import openpyxl
import pandas as pd
import pytest
import xlsxwriter
from hypothesis import given
from hypothesis import strategies as st

from xl_ar.core.base.labels import LABELS, label
from xl_ar.reports.model import Report, Sheet, Table
from xl_ar.reports.render_file import render_file
from xl_ar.reports.render_live import plan_report
from xl_ar.reports.style import (
    MAX_SHEET_NAME,
    NUMBER_FORMATS,
    WORKBOOK_OPTIONS,
    column_format,
    is_missing,
    sheet_name,
    unique_sheet_name,
    write_cell,
)

TRICKY = ["=1+1", "@SUM(A1)", "+62 21 555", "-", '=HYPERLINK("http://x.test","klik")', "-1+2"]
AS_OF = pd.Timestamp("2024-12-31")


def written(values: list, **kwargs) -> list[openpyxl.cell.Cell]:
    """``values`` written in row 1 by :func:`write_cell`, read back with openpyxl."""
    buf = io.BytesIO()
    with xlsxwriter.Workbook(buf, WORKBOOK_OPTIONS) as wb:
        ws = wb.add_worksheet()
        date = wb.add_format({"num_format": NUMBER_FORMATS["date"]})
        money = wb.add_format({"num_format": NUMBER_FORMATS["money"]})
        for c, value in enumerate(values):
            write_cell(ws, 0, c, value, money, date_format=date, **kwargs)
    return list(openpyxl.load_workbook(buf).active.iter_rows(max_col=len(values)))[0]


def test_number_formats_are_the_house_codes():
    assert NUMBER_FORMATS["money"] == NUMBER_FORMATS["int"] == "#,##0"
    assert (NUMBER_FORMATS["pct"], NUMBER_FORMATS["days"], NUMBER_FORMATS["date"]) == (
        "0.0%", "0.0", "dd/mm/yyyy",
    )  # fmt: skip
    assert NUMBER_FORMATS["money2"] == "#,##0.00" and NUMBER_FORMATS["text"] == "@"


def test_user_text_stays_text_and_makes_no_link():
    cells = written(TRICKY)
    assert [c.value for c in cells] == TRICKY
    assert {c.data_type for c in cells} == {"s"}


def test_missing_values_are_blank_cells_and_numbers_and_dates_keep_their_type():
    values = [np.nan, None, pd.NaT, np.inf, -np.inf, pd.NA, np.datetime64("NaT"), 12.5,
              np.int64(7), dt.date(2024, 2, 29), pd.Timestamp("2024-12-31"), True]  # fmt: skip
    cells = written(values)
    assert [c.value for c in cells[:7]] == [None] * 7
    assert (cells[7].value, cells[7].number_format) == (12.5, "#,##0")
    assert cells[8].value == 7 and cells[8].data_type == "n"
    assert cells[9].value == dt.datetime(2024, 2, 29) and cells[9].number_format == "dd/mm/yyyy"
    assert cells[10].is_date and cells[11].value is True
    assert written([True, False], booleans=("Ya", "Tidak"))[1].value == "Tidak"


@given(st.one_of(st.floats(allow_nan=True), st.integers(-(2**53), 2**53), st.text(max_size=20)))
def test_is_missing_only_for_blank_values(value):
    expected = isinstance(value, float) and not np.isfinite(value)
    assert is_missing(value) is expected


def test_one_format_inference_for_both_renderers():
    frame = pd.DataFrame(
        {
            "name": ["a"],
            "n": [1.5],
            "i": [3],
            "d": pd.to_datetime(["2024-01-31"]),
            "f": [True],
            "mixed": pd.Series([1.0], dtype=object),
        }  # fmt: skip
    )
    got = {c: column_format(frame[c]) for c in frame.columns}
    assert got == {"name": "text", "n": "money", "i": "money", "d": "date", "f": "text",
                   "mixed": "text"}  # fmt: skip
    with pytest.raises(ValueError, match="unknown column format 'colour'"):
        column_format(frame["n"], "colour")


def test_both_renderers_give_every_named_format_the_same_code(tmp_path):
    kinds = ["money", "money2", "pct", "days", "int", "date", "ratio"]
    frame = pd.DataFrame({k: [pd.Timestamp("2024-01-31") if k == "date" else 1234.5]
                          for k in kinds})  # fmt: skip
    table = Table("t", frame, {}, dict(zip(kinds, kinds, strict=True)))
    report = Report([Sheet("x", ("X", "X"), ("T", "T"), [table])], AS_OF, "", {}, "0")
    ws = openpyxl.load_workbook(render_file(report, tmp_path / "f.xlsx"))["X"]
    in_file = {k: ws.cell(4, i + 1).number_format for i, k in enumerate(kinds)}
    plan = plan_report(report)[0]
    live = {kinds[box[1] - 1]: code for box, code in plan.formats if box[0] == 4}
    assert in_file == live == {k: NUMBER_FORMATS[k] for k in kinds}
    assert in_file["int"] == "#,##0"  # whole numbers: thousands separators in both


def test_one_sheet_name_rule():
    assert sheet_name("A/R: [2024]") == "A-R- -2024-"
    assert sheet_name("'Piutang'") == "Piutang" and sheet_name(" * ") == "-"
    assert sheet_name("") == "xl-ar" and len(sheet_name("x" * 40)) == MAX_SHEET_NAME
    assert unique_sheet_name("Aging", ["AGING"]) == "Aging (2)"
    long = unique_sheet_name("y" * 40, ["y" * 31])
    assert long == "y" * 27 + " (2)" and len(long) == MAX_SHEET_NAME


def test_bilingual_labels():
    assert label("customer", "id") == "Pelanggan"
    assert label("customer", "en") == "Customer"
    assert label("customer") == "Pelanggan / Customer"
    assert label("total") == "Total"
    for key in ("invoice", "current", "amount", "aging_title", "kpi_title", "credit_sales"):
        assert " / " in label(key)
    for key in ("total_ar", "current_pct", "dso", "bpdso", "add", "cei", "customers"):
        assert key in LABELS, key
    with pytest.raises(KeyError, match="no label for 'nope'"):
        label("nope")
    with pytest.raises(ValueError, match="lang"):
        label("customer", "fr")
