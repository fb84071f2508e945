"""Tests of the XlsxWriter AR report (xl_ar.report.xlsx_report).

The report only renders: its inputs are fabricated here in the shapes the engine produces.
"""

from __future__ import annotations

import datetime as dt
import math
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from libreoffice import recalc_to_xlsx, require_soffice

from xl_ar.core.base.labels import LABELS, label
from xl_ar.report import write_ar_report
from xl_ar.report.xlsx_report import SHEET_AGING, SHEET_KPI, SHEET_PROBLEMS, SHEET_SUMMARY
from xl_ar.sample_data import COMPANY, SAMPLE_AS_OF, make_sample_ledger

SHEETS = [SHEET_SUMMARY, SHEET_AGING, SHEET_KPI, SHEET_PROBLEMS]
BUCKETS = ["Current", "1-30", "31-60", "61-90", ">90"]
TRICKY = ["=1+1", "@SUM(A1)", "+62 21 555", "-", '=HYPERLINK("http://x.test","klik")']
ERRORS = ("#VALUE!", "#NAME?", "#REF!", "#DIV/0!", "#N/A", "#NUM!", "#NULL!", "Err:")


# --------------------------------------------------------------------------- fabricated inputs


def make_aging(customers: list[str], rng: np.random.Generator) -> pd.DataFrame:
    """An aging table: customer, buckets, Total, and a last row 'Total'."""
    values = np.round(rng.uniform(-2e6, 9e7, size=(len(customers), len(BUCKETS))))
    body = pd.DataFrame(values, columns=BUCKETS)
    body.insert(0, "customer", customers)
    body["Total"] = body[BUCKETS].sum(axis=1)
    total = pd.DataFrame([{"customer": "Total", **body[[*BUCKETS, "Total"]].sum().to_dict()}])
    return pd.concat([body, total], ignore_index=True)


def aging_from_ledger(ledger: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """A real aging of the sample ledger (test-side stand-in for the engine)."""
    open_items = ledger[ledger["Sisa"] != 0]
    days = (as_of - open_items["Jatuh Tempo"]).dt.days
    bucket = pd.cut(days, [-np.inf, 0, 30, 60, 90, np.inf], labels=BUCKETS)
    table = open_items.pivot_table(
        index="Pelanggan", columns=bucket, values="Sisa", aggfunc="sum", observed=False
    ).reindex(columns=BUCKETS)
    table = table.fillna(0.0)
    table.columns = [str(c) for c in table.columns]
    table["Total"] = table.sum(axis=1)
    table = table.rename_axis("customer").reset_index()
    total = {"customer": "Total", **table[[*BUCKETS, "Total"]].sum().to_dict()}
    return pd.concat([table, pd.DataFrame([total])], ignore_index=True)


def make_kpis(n: int = 12) -> pd.DataFrame:
    """A monthly KPI series like the engine's."""
    starts = pd.date_range("2024-01-01", periods=n, freq="MS")
    ends = starts + pd.offsets.MonthEnd(0)
    rng = np.random.default_rng(3)
    ending = rng.uniform(3e9, 5e9, n)
    current = ending * rng.uniform(0.55, 0.8, n)
    sales = rng.uniform(1.8e9, 2.6e9, n)
    days = (ends - starts).days + 1
    dso = ending / sales * days
    bpdso = current / sales * days
    return pd.DataFrame(
        {
            "period": starts.strftime("%Y-%m"),
            "period_start": starts,
            "period_end": ends,
            "days": days.astype(int),
            "credit_sales": sales,
            "collections": sales * 0.97,
            "beginning_ar": np.r_[4e9, ending[:-1]],
            "ending_ar": ending,
            "current_ar": current,
            "past_due_ar": ending - current,
            "dso": dso,
            "bpdso": bpdso,
            "add": dso - bpdso,
            "cei": rng.uniform(0.7, 0.95, n),
        }
    )


SUMMARY = {
    "total_ar": 4_262_992_600.0,
    "current_pct": 0.6123,
    "past_due_pct": 0.3877,
    "over_90_pct": 0.0571,
    "dso": 58.34,
    "bpdso": 40.1,
    "add": 18.24,
    "cei": 0.853,
    "wadp": 47.5,
    "customers": 60,
    "open_invoices": 214,
    "mystery_metric": 1.5,
    "rto": float("nan"),
}

PROBLEMS = pd.DataFrame(
    {
        "row": [17, 23, np.nan, 40],
        "column": ["Tanggal Faktur", "Jumlah", "Jatuh Tempo", "Pelanggan"],
        "value": ["abc", 12.5, dt.datetime(2024, 2, 29), '=HYPERLINK("http://x","y")'],
        "problem": ["is not a date", "is negative", "mixes text and dates", "looks like a formula"],
    }
)


@pytest.fixture(scope="module")
def aging() -> pd.DataFrame:
    names = [*TRICKY, "PT Maju Jaya", "CV Sinar Abadi", "Toko Berkah", "UD 0012"]
    table = make_aging(names, np.random.default_rng(11))
    table.loc[1, "31-60"] = np.nan  # a missing amount renders blank
    return table


@pytest.fixture(scope="module")
def report(tmp_path_factory, aging: pd.DataFrame) -> Path:
    out = tmp_path_factory.mktemp("report") / "ar_report.xlsx"
    return write_ar_report(
        out,
        as_of=SAMPLE_AS_OF,
        aging=aging,
        kpis=make_kpis(),
        summary=SUMMARY,
        problems=PROBLEMS,
        company=COMPANY,
    )


@pytest.fixture(scope="module")
def wb(report: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(report)


def find_row(ws, text: str, col: int = 1) -> int:
    """1-based row whose column ``col`` holds ``text``."""
    for row in range(1, ws.max_row + 1):
        if ws.cell(row, col).value == text:
            return row
    raise AssertionError(f"{text!r} not found in {ws.title}")


# --------------------------------------------------------------------------- labels


def test_labels() -> None:
    assert label("customer", "id") == "Pelanggan"
    assert label("customer", "en") == "Customer"
    assert label("customer") == "Pelanggan / Customer"
    assert label("total") == "Total"
    for key in ("invoice", "current", "amount", "aging_title", "kpi_title", "credit_sales"):
        assert " / " in label(key)
    for key in SUMMARY:
        if key != "mystery_metric":
            assert key in LABELS, key
    with pytest.raises(KeyError, match="no label for 'nope'"):
        label("nope")
    with pytest.raises(ValueError, match="lang"):
        label("customer", "fr")


# --------------------------------------------------------------------------- structure


def test_sheets(wb: openpyxl.Workbook) -> None:
    assert wb.sheetnames == SHEETS


def test_charts(report: Path) -> None:
    with zipfile.ZipFile(report) as z:
        charts = sorted(n for n in z.namelist() if n.startswith("xl/charts/chart"))
        assert charts == ["xl/charts/chart1.xml", "xl/charts/chart2.xml"]
        line, column = (z.read(n).decode() for n in charts)
    assert "<c:lineChart>" in line and line.count("<c:ser>") == 3
    assert "<c:barChart>" in column and 'val="stacked"' in column
    assert "KPI!$K$4:$K$15" in line  # DSO values
    assert "KPI!$A$4:$A$15" in column  # periods as categories


def test_summary_sheet(wb: openpyxl.Workbook) -> None:
    ws = wb[SHEET_SUMMARY]
    assert ws["A1"].value == COMPANY
    assert ws["A2"].value == label("summary_title")
    assert ws["A3"].value == label("as_of")
    assert ws["B3"].value == dt.datetime(2024, 12, 31) and ws["B3"].number_format == "dd/mm/yyyy"
    expected = {
        "total_ar": "#,##0",
        "current_pct": "0.0%",
        "over_90_pct": "0.0%",
        "cei": "0.0%",
        "dso": "0.0",
        "add": "0.0",
        "wadp": "0.0",
        "customers": "#,##0",
    }
    for key, num_format in expected.items():
        cell = ws.cell(find_row(ws, label(key)), 2)
        assert cell.value == pytest.approx(SUMMARY[key]), key
        assert cell.number_format == num_format, key
        assert cell.data_type == "n"
    assert ws.cell(find_row(ws, "mystery_metric"), 2).value == 1.5  # no label: raw key
    assert ws.cell(find_row(ws, label("rto")), 2).value is None  # NaN → blank


def test_aging_sheet(wb: openpyxl.Workbook, aging: pd.DataFrame) -> None:
    ws = wb[SHEET_AGING]
    assert ws["A1"].value == label("aging_title")
    assert ws["B2"].is_date and ws["B2"].number_format == "dd/mm/yyyy"
    header = [c.value for c in ws[4]]
    assert header == [
        "Pelanggan / Customer",
        "Belum jatuh tempo / Current",
        "1-30 hari / 1-30 days",
        "31-60 hari / 31-60 days",
        "61-90 hari / 61-90 days",
        ">90 hari / >90 days",
        "Total",
    ]
    n = len(aging) - 1
    assert ws.freeze_panes == "B5"
    assert ws.auto_filter.ref == f"A4:G{4 + n}"
    for i in range(n):
        name = ws.cell(5 + i, 1)
        assert name.value == aging.loc[i, "customer"] and name.data_type == "s"
        for j, col in enumerate([*BUCKETS, "Total"], start=2):
            cell, want = ws.cell(5 + i, j), aging.loc[i, col]
            if pd.isna(want):
                assert cell.value is None
            else:
                assert cell.value == want and cell.number_format == "#,##0"
    total_row = 5 + n
    assert ws.cell(total_row, 1).value == "Total" and ws.cell(total_row, 1).font.b
    assert ws.cell(total_row, 7).value == f"=SUM(G5:G{total_row - 1})"
    assert ws.cell(total_row, 7).font.b and ws.cell(total_row, 7).number_format == "#,##0"
    assert ws.cell(total_row + 1, 1).value == label("pct_of_total")
    assert ws.cell(total_row + 1, 2).number_format == "0.0%"
    assert ws.column_dimensions["A"].width >= 24


def test_aging_cached_totals(report: Path, aging: pd.DataFrame) -> None:
    """Before any recalculation the formulas carry the engine's totals as cached values."""
    ws = openpyxl.load_workbook(report, data_only=True)[SHEET_AGING]
    total_row = 4 + len(aging)
    for j, col in enumerate([*BUCKETS, "Total"], start=2):
        assert ws.cell(total_row, j).value == pytest.approx(aging.iloc[-1][col])
    share = ws.cell(total_row + 1, 2).value
    assert share == pytest.approx(aging.iloc[-1]["Current"] / aging.iloc[-1]["Total"])


def test_kpi_sheet(wb: openpyxl.Workbook) -> None:
    ws = wb[SHEET_KPI]
    kpis = make_kpis()
    assert ws["A1"].value == label("kpi_title")
    header = [c.value for c in ws[3]][: len(kpis.columns)]
    assert header == [label(c) for c in kpis.columns]
    assert ws.freeze_panes == "B4"
    row = ws[4]
    assert row[0].value == "2024-01" and row[0].data_type == "s"
    assert row[1].value == dt.datetime(2024, 1, 1) and row[1].number_format == "dd/mm/yyyy"
    assert row[2].value == dt.datetime(2024, 1, 31)
    assert row[3].value == 31 and row[3].number_format == "0"
    assert row[4].value == pytest.approx(kpis.loc[0, "credit_sales"])
    assert row[4].number_format == "#,##0"
    assert row[10].value == pytest.approx(kpis.loc[0, "dso"]) and row[10].number_format == "0.0"
    assert row[13].value == pytest.approx(kpis.loc[0, "cei"]) and row[13].number_format == "0.0%"
    assert ws.max_row == 3 + len(kpis)


def test_problems_sheet(wb: openpyxl.Workbook) -> None:
    ws = wb[SHEET_PROBLEMS]
    assert [c.value for c in ws[3]] == [
        "Baris / Row",
        "Kolom / Column",
        "Nilai / Value",
        "Masalah / Problem",
    ]
    assert ws["A4"].value == 17 and ws["A4"].data_type == "n"
    assert ws["C4"].value == "abc"
    assert ws["C5"].value == 12.5
    assert ws["A6"].value is None  # NaN row number
    assert ws["C6"].is_date and ws["C6"].number_format == "dd/mm/yyyy"
    assert ws["C7"].value == PROBLEMS.loc[3, "value"] and ws["C7"].data_type == "s"
    assert ws["D7"].value == "looks like a formula"


@pytest.mark.parametrize("problems", [None, PROBLEMS.iloc[0:0]])
def test_no_problems(tmp_path, aging: pd.DataFrame, problems) -> None:
    out = write_ar_report(
        tmp_path / "r.xlsx",
        as_of="2024-12-31",
        aging=aging,
        kpis=make_kpis(3),
        summary={"total_ar": 1.0},
        problems=problems,
    )
    ws = openpyxl.load_workbook(out)[SHEET_PROBLEMS]
    assert ws["A3"].value == label("no_problems")
    wb = openpyxl.load_workbook(out)
    assert wb[SHEET_SUMMARY]["A1"].value == label("summary_title")  # no company line


def test_strings_stay_text(tmp_path) -> None:
    """User strings that look like formulas, numbers or links are stored as text."""
    aging = make_aging(TRICKY, np.random.default_rng(0))
    problems = pd.DataFrame(
        {
            "row": [2, 3, 4],
            "column": ["A", "B", "C"],
            "value": ["+62 21 555", "-", "@foo"],
            "problem": ["=1+1", "http://x.test", "123"],
        }
    )
    out = write_ar_report(
        tmp_path / "tricky.xlsx",
        as_of=dt.date(2024, 12, 31),
        aging=aging,
        kpis=make_kpis(2),
        summary={},
        problems=problems,
        company='=HYPERLINK("x")',
    )
    wb = openpyxl.load_workbook(out)
    ws = wb[SHEET_AGING]
    for i, text in enumerate(TRICKY, start=5):
        assert ws.cell(i, 1).value == text and ws.cell(i, 1).data_type == "s"
    ws = wb[SHEET_PROBLEMS]
    for r in range(4, 7):
        for c in (3, 4):
            assert ws.cell(r, c).data_type == "s"
    assert ws["D6"].value == "123"
    assert not ws._hyperlinks
    assert wb[SHEET_SUMMARY]["A1"].data_type == "s"


def test_empty_kpis_and_only_total_row(tmp_path) -> None:
    aging = pd.DataFrame({"customer": ["Total"], "Current": [0.0], "Total": [0.0]})
    out = write_ar_report(
        tmp_path / "empty.xlsx",
        as_of="2024-12-31",
        aging=aging,
        kpis=pd.DataFrame(columns=list(make_kpis(1).columns)),
        summary={"total_ar": 0.0},
    )
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == SHEETS
    ws = wb[SHEET_AGING]
    assert ws["A5"].value == "Total" and ws["B5"].value == 0
    with zipfile.ZipFile(out) as z:
        assert not [n for n in z.namelist() if n.startswith("xl/charts/")]


def test_aging_validation(tmp_path) -> None:
    bad = pd.DataFrame({"customer": ["A"], "Current": [1.0]})
    with pytest.raises(ValueError, match="'Total'"):
        write_ar_report(
            tmp_path / "x.xlsx", as_of="2024-12-31", aging=bad, kpis=make_kpis(1), summary={}
        )


# --------------------------------------------------------------------------- LibreOffice


def error_cells(path: Path) -> list[str]:
    """Cells of any sheet whose value is a spreadsheet error."""
    found = []
    for ws in openpyxl.load_workbook(path, data_only=True):
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(ERRORS):
                    found.append(f"{ws.title}!{cell.coordinate}={cell.value}")
    return found


@pytest.mark.libreoffice
def test_libreoffice_recalc(tmp_path) -> None:
    require_soffice()
    ledger = make_sample_ledger()
    aging = aging_from_ledger(ledger, SAMPLE_AS_OF)
    (tmp_path / "src").mkdir()
    src = write_ar_report(
        tmp_path / "src" / "sample_report.xlsx",
        as_of=SAMPLE_AS_OF,
        aging=aging,
        kpis=make_kpis(),
        summary=SUMMARY,
        problems=PROBLEMS,
        company=COMPANY,
    )
    out = recalc_to_xlsx(src, tmp_path / "out")
    assert out.is_file() and out != src
    assert error_cells(out) == []
    ws = openpyxl.load_workbook(out, data_only=True)[SHEET_AGING]
    total_row = 4 + len(aging)
    assert ws.cell(total_row, 1).value == "Total"
    for j, col in enumerate([*BUCKETS, "Total"], start=2):
        want = aging.iloc[-1][col]
        assert ws.cell(total_row, j).value == pytest.approx(want, abs=0.5), col
    assert ws.cell(total_row, 7).value == pytest.approx(ledger["Sisa"].sum(), abs=0.5)
    shares = [ws.cell(total_row + 1, j).value for j in range(2, 8)]
    assert math.isclose(sum(shares[:-1]), 1.0) and shares[-1] == pytest.approx(1.0)


@pytest.mark.libreoffice
def test_libreoffice_recalculates_stale_cache(tmp_path, aging: pd.DataFrame) -> None:
    """A wrong cached total must be replaced by LibreOffice (proves recalc mode 0 works)."""
    require_soffice()
    stale = aging.copy()
    stale.loc[stale.index[-1], "Total"] = 1.0  # engine total deliberately wrong in the cache
    src = write_ar_report(
        tmp_path / "stale.xlsx", as_of="2024-12-31", aging=stale, kpis=make_kpis(2), summary={}
    )
    out = recalc_to_xlsx(src, tmp_path / "out")
    ws = openpyxl.load_workbook(out, data_only=True)[SHEET_AGING]
    got = ws.cell(4 + len(aging), 7).value
    assert got == pytest.approx(aging.iloc[:-1]["Total"].sum())
    assert got != 1.0
