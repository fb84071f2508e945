"""The file renderer: formats, charts, highlights, About block, text safety, reproducibility."""

from __future__ import annotations

import re
import zipfile

import openpyxl
import pandas as pd
import pytest

import xl_ar
from xl_ar.core.ledger.ledger import read_ledger
from xl_ar.core.position.aging import aging
from xl_ar.demo import demo_customers
from xl_ar.reports.catalog import build_report
from xl_ar.reports.model import GENERATED_MARK, Chart, Report, Sheet, Table
from xl_ar.reports.render_file import render_file
from xl_ar.sample_data import SAMPLE_AS_OF, make_sample_ledger

AS_OF = pd.Timestamp(SAMPLE_AS_OF)
EVIL = ['=HYPERLINK("http://x","y")', "+62 21 555", "@SUM(A1)", "-1+2", "=1+1"]


@pytest.fixture(scope="module")
def ledger():
    raw = make_sample_ledger(2024)
    names = sorted(raw["Pelanggan"].unique())
    # the largest debtors get formula-looking names so they appear on every sheet
    biggest = raw.groupby("Pelanggan")["Sisa"].sum().sort_values(ascending=False).index
    renames = dict(zip(biggest[: len(EVIL)], EVIL, strict=True))
    assert len(names) > len(EVIL)
    raw["Pelanggan"] = raw["Pelanggan"].replace(renames)
    return read_ledger(raw)


@pytest.fixture(scope="module")
def report(ledger):
    return build_report(
        ledger, AS_OF, customers=demo_customers(ledger, 24), source="=cmd|' /C calc'!A0"
    )


@pytest.fixture(scope="module")
def files(report, tmp_path_factory):
    out = tmp_path_factory.mktemp("render")
    return {
        "id": render_file(report, out / "id.xlsx"),
        "id2": render_file(report, out / "id2.xlsx"),
        "en": render_file(report, out / "en.xlsx", lang="en"),
    }


def test_user_text_stays_text_on_every_sheet(files):
    book = openpyxl.load_workbook(files["id"])
    seen: dict[str, set[str]] = {}
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", f"{ws.title}!{c.coordinate} is a formula: {c.value!r}"
                if c.value in EVIL or (isinstance(c.value, str) and c.value.startswith("=cmd")):
                    assert c.data_type == "s"
                    seen.setdefault(ws.title, set()).add(c.value)
    for title in ("Umur Piutang", "Daftar Penagihan", "Surat Penagihan", "Tinjauan Kredit"):
        assert seen.get(title, set()) >= set(EVIL), title
    assert "=cmd|' /C calc'!A0" in seen["Tentang Laporan"]
    with zipfile.ZipFile(files["id"]) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any("<f>" in z.read(n).decode() for n in sheets)


def test_layout_formats_and_totals(files, ledger):
    book = openpyxl.load_workbook(files["id"])
    assert book.sheetnames == [
        "Umur Piutang", "Dasbor KPI", "Daftar Penagihan", "Surat Penagihan", "Cadangan ECL",
        "Proyeksi Kas", "Tinjauan Kredit", "Kesehatan Data", "Tentang Laporan",
    ]  # fmt: skip
    ws = book["Umur Piutang"]
    assert ws.freeze_panes == "A5" and ws.auto_filter.ref.startswith("A4:G")
    assert [c.value for c in ws[4]][:3] == ["Pelanggan", "Belum jatuh tempo", "1-30 hari"]
    total = next(r for r in ws.iter_rows(min_row=5) if r[0].value == "Total")
    assert total[0].font.b and total[6].number_format == "#,##0"
    assert total[6].value == pytest.approx(aging(ledger, AS_OF)["Total"].iloc[-1])
    assert ws["B5"].number_format == "#,##0"
    assert ws.column_dimensions["A"].width >= 15
    dash = book["Dasbor KPI"]
    formats = {c.number_format for c in dash[6]}
    assert {"#,##0", "0.0%", "0.0"} <= formats
    fc = book["Proyeksi Kas"]
    assert fc["B6"].is_date and fc["B6"].number_format == "dd/mm/yyyy"
    letters = book["Surat Penagihan"]
    assert letters["D5"].alignment.wrap_text and "\n" in letters["D5"].value


def test_charts_and_conditional_formats(files, report):
    expected = sum(len(s.charts) for s in report.sheets)
    with zipfile.ZipFile(files["id"]) as z:
        charts = [n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
        assert len(charts) == expected == 5
        xml = "".join(z.read(n).decode() for n in charts)
    assert xml.count("<c:lineChart>") == 2 and xml.count("<c:barChart>") == 3
    assert '<c:grouping val="stacked"/>' in xml
    book = openpyxl.load_workbook(files["id"])
    for title, rule_count in (("Umur Piutang", 5), ("Daftar Penagihan", 1), ("Tinjauan Kredit", 2)):
        rules = [r for cf in book[title].conditional_formatting for r in cf.rules]
        assert len(rules) == rule_count, title


def test_about_block(files, report):
    ws = openpyxl.load_workbook(files["en"])["About"]
    cells = {r[0]: r[1] for r in ws.iter_rows(values_only=True) if r and r[0]}
    assert cells["As of"] == AS_OF.to_pydatetime()
    assert cells["xl-ar version"] == xl_ar.__version__
    assert cells["Sheets"].startswith("Aging, KPI Dashboard")
    assert "30,60,90" in cells["aging buckets"]
    assert cells["CEI months"].startswith("3")
    assert "loss rates" in cells and "day basis" in cells
    assert ws["A1"].value == "About this report"


def test_reproducible_and_marked(files):
    assert files["id"].read_bytes() == files["id2"].read_bytes()
    with zipfile.ZipFile(files["id"]) as z:
        custom = z.read("docProps/custom.xml").decode()
        workbook = z.read("xl/workbook.xml").decode()
    assert GENERATED_MARK in custom and "Umur Piutang|Dasbor KPI" in custom
    marks = re.findall(
        rf'<definedName name="{GENERATED_MARK}" localSheetId="\d+" hidden="1">', workbook
    )
    assert len(marks) == 9


def test_language_switch(files):
    en = openpyxl.load_workbook(files["en"])
    assert en.sheetnames[:3] == ["Aging", "KPI Dashboard", "Collection Worklist"]
    assert en["Aging"]["A4"].value == "Customer" and en["Aging"]["B4"].value == "Current"
    assert en["Aging"]["A1"].value == "Accounts Receivable Aging by Customer"


def test_renderer_edge_cases(tmp_path):
    frame = pd.DataFrame({"name": ["a", "b"], "n": [1.0, float("nan")], "f": [True, False]})
    sheets = [
        Sheet("x", ("Lembar: [1]/2", "Sheet"), ("T", "T"), (Table("t", frame, {}),)),
        Sheet("y", ("Lembar: [1]/2", "Sheet"), ("T", "T"), (), notes=(("n", "n"),)),
        Sheet(
            "z", ("Z" * 40, "Z"), ("T", "T"),
            (Table("t", frame.iloc[:0], {"name": ("Nama", "Name")}),),
            charts=(Chart("pie", ("P", "P"), "t", "name", ["n"]),),
        ),
    ]  # fmt: skip
    report = Report(sheets, AS_OF, "", {}, "0")
    book = openpyxl.load_workbook(render_file(report, tmp_path / "e.xlsx"))
    # one rule with the live renderer: bad characters become "-", duplicates are numbered
    assert book.sheetnames == ["Lembar- -1--2", "Lembar- -1--2 (2)", "Z" * 31, "Tentang Laporan"]
    ws = book["Lembar- -1--2"]
    assert ws["B5"].value is None and ws["C4"].value == "Ya"
    with pytest.raises(ValueError, match="lang"):
        render_file(report, tmp_path / "f.xlsx", lang="fr")


def test_cli_report(tmp_path, capsys):
    from xl_ar.cli import main
    from xl_ar.sample_data import write_sample_ledger

    ledger = tmp_path / "ledger.csv"
    write_sample_ledger(make_sample_ledger(2024), ledger)
    out = tmp_path / "r.xlsx"
    args = ["report", str(ledger), "--lang", "en", "--reports", "dashboard,aging", "-o", str(out)]
    assert main(args) == 0
    assert capsys.readouterr().out.strip() == f"wrote {out}"
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Aging", "KPI Dashboard", "About"]
    about = {r[0]: r[1] for r in book["About"].iter_rows(values_only=True) if r and r[0]}
    assert about["As of"] == AS_OF.to_pydatetime() and about["Source"] == "ledger.csv"
    assert main(["report", str(ledger), "--reports", "aging,nope", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("xl-ar report: unknown report 'nope'") and err.count("\n") == 1
