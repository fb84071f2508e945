"""Every ledger command reads an export's layout the same way (issue 14, defects 2, 3, 4, 8):
title block and footers skipped, total rows left out and proven, group headings filled down,
the report date of the title used as the default as-of date, and a note saying so."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from export_samples import ACCURATE_CSV_PRINTED
from openpyxl import load_workbook

from xl_ar.cli import main

EXPORT = ACCURATE_CSV_PRINTED
NOTES = [
    "read as an Accurate Rincian Umur Piutang export (number format id; negative credit-note)",
    "3 title lines above the header skipped: 'PT Sumber Makmur', 'Rincian Umur Piutang', "
    "'Per Tanggal 31 Des 2024'",
    "report date in the title: 2024-12-31 ('Per Tanggal 31 Des 2024')",
    "2 customer headings filled down onto the rows below: 'PT Andalas Jaya', 'CV Borneo'",
    "1 footer line below the data left out: 'Dicetak 02/01/2025 10:31'",
    "3 total rows left out: row 9 'Total PT Andalas Jaya' 15,500,000; row 12 'Total CV Borneo' "
    "2,000,000; row 13 'Jumlah Total' 17,500,000",
]


@pytest.fixture
def export(tmp_path):
    path = tmp_path / "rincian_umur_piutang.csv"
    path.write_text(EXPORT, encoding="utf-8")
    return path


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_check_shows_what_the_reader_did(capsys, export):
    code, out, err = run(capsys, "check", export)
    assert code == 0 and err == ""
    assert out.splitlines() == [*NOTES, "rincian_umur_piutang.csv: 3 rows, no problems found"]


def test_aging_reads_the_export_with_only_the_as_of_date(capsys, export):
    code, out, err = run(capsys, "aging", export, "--as-of", "2024-12-31", "--format", "csv")
    assert code == 0
    table = pd.read_csv(io.StringIO(out)).set_index("customer")
    assert table["Total"].to_dict() == {
        "CV Borneo": 2_000_000.0, "PT Andalas Jaya": 15_500_000.0, "Total": 17_500_000.0,
    }  # fmt: skip
    assert table.loc["CV Borneo", "61-90"] == 2_000_000  # due 20 Oct: 72 days past due
    assert err.splitlines() == [
        *(f"xl-ar aging: note: {n}" for n in NOTES[:5]),
        "xl-ar aging: note: 1 more note; xl-ar check lists them all",
    ]


def test_without_as_of_the_title_date_is_used_and_said(capsys, export):
    code, out, err = run(capsys, "aging", export, "--by", "total", "--format", "csv")
    assert code == 0
    assert err.splitlines()[-1] == (
        "xl-ar aging: note: as of 2024-12-31: the report date in the title "
        "('Per Tanggal 31 Des 2024')"
    )
    assert pd.read_csv(io.StringIO(out))["Total"].tolist() == [17_500_000.0]


def test_a_given_as_of_other_than_the_title_is_said(capsys, export):
    code, _, err = run(capsys, "aging", export, "--as-of", "2025-01-15")
    assert code == 0
    assert err.splitlines()[-1] == (
        "xl-ar aging: note: as of 2025-01-15 (given); the title of rincian_umur_piutang.csv "
        "says 2024-12-31 ('Per Tanggal 31 Des 2024')"
    )
    # earlier than the title: the open-items snapshot misses what was paid since (review 7)
    code, _, err = run(capsys, "aging", export, "--as-of", "2024-12-30")
    assert code == 2
    assert err.splitlines()[-1] == (
        "xl-ar aging: the ledger is an open-items snapshot as of 31/12/2024: an aging at an "
        "earlier date would miss the invoices paid since; age it at 31/12/2024 or later"
    )


def test_without_a_title_the_latest_date_is_used_and_said(capsys, tmp_path):
    path = tmp_path / "plain.csv"
    path.write_text(
        "Customer,Invoice Date,Due Date,Amount\nPT A,2024-12-28,2025-01-27,100\n", "utf-8"
    )
    code, _, err = run(capsys, "aging", path)
    assert code == 0 and err == (
        "xl-ar aging: note: as of 2024-12-28: the latest invoice or payment date in the ledger\n"
    )


def test_worklist_letters_and_report_read_the_same_rows(capsys, export, tmp_path):
    code, out, err = run(capsys, "worklist", export, "--as-of", "2024-12-31", "--format", "csv")
    assert code == 0, err
    assert sorted(pd.read_csv(io.StringIO(out))["customer"]) == ["CV Borneo", "PT Andalas Jaya"]
    code, out, err = run(capsys, "letters", export, "--as-of", "2024-12-31", "--out",
                         tmp_path / "letters")  # fmt: skip
    assert code == 0, err
    code, out, err = run(capsys, "report", export, "--reports", "aging,data_health", "--lang",
                         "en", "-o", tmp_path / "r.xlsx")  # fmt: skip
    assert code == 0, err
    assert err.splitlines()[:5] == [f"xl-ar report: note: {n}" for n in NOTES[:5]]
    book = load_workbook(tmp_path / "r.xlsx", read_only=True)
    cells = [str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True)
             for c in row if c is not None]  # fmt: skip
    assert "the report date in the title ('Per Tanggal 31 Des 2024')" in cells
    assert any("3 total rows left out" in c for c in cells)


def test_a_total_that_does_not_add_up_refuses_in_one_line(capsys, tmp_path):
    path = tmp_path / "off.csv"
    path.write_text(EXPORT.replace('Jumlah Total,,,"17.500.000","17.500.000"',
                                   'Jumlah Total,,,"17.500.000","17.600.000"'), "utf-8")  # fmt: skip
    code, _, err = run(capsys, "aging", path, "--as-of", "2024-12-31")
    assert code == 2
    assert err.splitlines()[-1] == (
        "xl-ar aging: row 13 'Sisa Piutang': '17.600.000' is a total row (left out) but the rows "
        "it totals add up to 17,500,000"
    )
    code, out, err = run(capsys, "check", path)
    assert code == 1 and "17,500,000" in out and "Traceback" not in err


def test_a_title_block_alone_is_one_line_exit_2(capsys, tmp_path):
    path = tmp_path / "judul.csv"
    path.write_text("PT Sumber Makmur\nPer Tanggal 31 Des 2024\n\nHalaman 1\n", "utf-8")
    code, out, err = run(capsys, "aging", path, "--as-of", "2024-12-31")
    assert code == 2 and out == "" and err.count("\n") == 1 and "Traceback" not in err
