"""The main job end to end: `xl-ar demo` writes the ledger and a report LibreOffice opens."""

from __future__ import annotations

import shutil
import subprocess

import openpyxl
import pandas as pd
import pytest
from libreoffice import TIMEOUT, recalc_to_xlsx, require_soffice

from xl_ar.cli import main
from xl_ar.core.ledger.ledger import read_ledger
from xl_ar.core.metrics.summary import kpi_summary
from xl_ar.core.position.aging import aging
from xl_ar.sample_data import SAMPLE_AS_OF

ERRORS = ("#VALUE!", "#NAME?", "#REF!", "#DIV/0!", "#N/A", "#NUM!", "Err:")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    return out


def test_demo_prints_kpis_and_writes_files(demo, capsys):
    assert main(["demo", "--out", str(demo)]) == 0
    printed = capsys.readouterr().out
    for name in ("sample_ledger.xlsx", "sample_ledger.csv", "ar_report.xlsx"):
        assert (demo / name).stat().st_size > 5000
    ledger = read_ledger(demo / "sample_ledger.xlsx")
    from_csv = read_ledger(demo / "sample_ledger.csv")
    pd.testing.assert_series_equal(ledger["balance"], from_csv["balance"])
    summary = kpi_summary(ledger, SAMPLE_AS_OF)
    rupiah = "Rp " + f"{summary['total_ar']:,.0f}".replace(",", ".")
    assert rupiah in printed
    assert "2,040 rows, 0 data problems" in printed
    assert printed.splitlines()[-1] == (
        'Your own ledger: xl-ar check FILE, and "Your own export" in the README'
    )
    assert f"{summary['dso']:,.1f} days" in printed
    assert summary["total_ar"] == pytest.approx(ledger["balance"].sum())


def test_demo_report_opens_in_libreoffice_without_errors(demo, tmp_path):
    require_soffice()
    report = demo / "ar_report.xlsx"
    if not report.exists():
        main(["demo", "--out", str(demo)])
    converted = recalc_to_xlsx(report, tmp_path)
    book = openpyxl.load_workbook(converted, data_only=True)
    bad = [
        f"{ws.title}!{c.coordinate}"
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value.startswith(ERRORS)
    ]
    assert bad == []
    expected = aging(read_ledger(demo / "sample_ledger.xlsx"), SAMPLE_AS_OF)
    sheet = book["Umur Piutang"]
    totals = [r for r in sheet.iter_rows(values_only=True) if r and r[0] == "Total"]
    assert len(totals) == 1
    assert totals[0][len(expected.columns) - 1] == pytest.approx(
        expected["Total"].iloc[-1], abs=0.5
    )
    open_ar = expected["Total"].iloc[-1]
    assert book.sheetnames == [
        "Umur Piutang", "Dasbor KPI", "Daftar Penagihan", "Surat Penagihan", "Rekonsiliasi",
        "Cadangan ECL",
        "Proyeksi Kas", "Tinjauan Kredit", "Kesehatan Data", "Tentang Laporan",
    ]  # fmt: skip
    rec = [r for r in book["Rekonsiliasi"].iter_rows(values_only=True) if r and r[0]]
    rules = {r[13] for r in rec[3:] if isinstance(r[13], str)}  # after withheld, type, fee
    assert {"reference", "exact", "combination", "fifo"} <= rules  # every pass is exercised
    for title, col in (("Proyeksi Kas", 3), ("Cadangan ECL", 1)):
        rows = [r for r in book[title].iter_rows(values_only=True) if r and r[0] == "Total"]
        assert rows[0][col] == pytest.approx(open_ar, abs=0.5), title


def test_demo_report_renders_every_sheet_to_pdf(demo, tmp_path):
    exe = require_soffice()
    report = demo / "ar_report.xlsx"
    if not report.exists():
        main(["demo", "--out", str(demo)])
    profile = tmp_path / "profile"
    (profile / "user").mkdir(parents=True)
    done = subprocess.run(
        [exe, "--headless", "--norestore", "--nolockcheck",
         f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(report)],
        capture_output=True, text=True, timeout=TIMEOUT, check=False,
    )  # fmt: skip
    pdf = tmp_path / "ar_report.pdf"
    assert done.returncode == 0 and pdf.stat().st_size > 10_000, done.stderr
    if shutil.which("pdftotext") is None:
        return
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    book = openpyxl.load_workbook(report, read_only=True)
    for ws in book.worksheets:  # each sheet's title (A1) is printed
        assert ws["A1"].value in text, ws.title
        assert f"{ws.title}\n" in text or ws.title in text  # footer names the sheet
    assert not any(e in text for e in ERRORS)
