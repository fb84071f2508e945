"""The command line: demo, aging, check; one-line errors and exit codes."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from xl_ar.cli import main

LEDGER = [
    "Pelanggan;No Faktur;Tanggal Faktur;Termin;Jumlah;Dibayar",
    "PT Maju;F-1;01/03/2024;30;1.000.000;0",
    "PT Maju;F-2;15/05/2024;30;500.000;200.000",
    "CV Baru;F-3;20/06/2024;14;250.000,50;0",
]


@pytest.fixture
def ledger_csv(tmp_path: Path) -> Path:
    path = tmp_path / "ledger.csv"
    path.write_text("\n".join(LEDGER) + "\n", encoding="utf-8")
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_aging_csv_output(capsys, ledger_csv):
    code, out, err = run(capsys, "aging", str(ledger_csv), "--as-of", "2024-06-30",
                         "--format", "csv")  # fmt: skip
    assert code == 0 and err == ""
    table = pd.read_csv(io.StringIO(out))
    assert table.columns.tolist() == ["customer", "Current", "1-30", "31-60", "61-90", ">90",
                                      "Total"]  # fmt: skip
    rows = table.set_index("customer")
    assert rows.loc["PT Maju", ">90"] == 1_000_000  # due 2024-03-31: 91 days past due
    assert rows.loc["PT Maju", "1-30"] == 300_000
    assert rows.loc["CV Baru", "Current"] == 250_000.5
    assert rows.loc["Total", "Total"] == 1_550_000.5


def test_aging_table_by_invoice_and_options(capsys, ledger_csv):
    code, out, _ = run(capsys, "aging", str(ledger_csv), "--as-of", "2024-06-30", "--by",
                       "invoice", "--buckets", "15,45")  # fmt: skip
    assert code == 0
    assert "F-1" in out and ">45" in out


def test_bad_option_is_one_line_and_exit_2(capsys, ledger_csv):
    code, out, err = run(capsys, "aging", str(ledger_csv), "--as-of", "2024-06-30", "--basis", "x")
    assert code == 2 and out == ""
    assert err.strip() == "xl-ar aging: basis must be one of 'due', 'invoice', not 'x'"


def test_missing_file_is_one_line(capsys, tmp_path):
    code, _, err = run(capsys, "check", str(tmp_path / "nope.csv"))
    assert code == 2 and err.count("\n") == 1 and "file not found" in err


def test_check_clean_and_dirty(capsys, ledger_csv, tmp_path):
    code, out, _ = run(capsys, "check", str(ledger_csv))
    assert code == 0 and "no problems" in out
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join([*LEDGER, "CV Baru;F-3;31/02/2024;14;abc;0"]) + "\n")
    code, out, err = run(capsys, "check", str(bad), "--format", "csv")
    assert code == 1
    table = pd.read_csv(io.StringIO(out))
    assert set(table["problem"]) >= {"is not a date", "repeats the number of row 4"}
    assert table.loc[table["column"] == "Jumlah", "row"].tolist() == [5]


def test_strict_aging_refuses_a_bad_ledger(capsys, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join([*LEDGER, "CV Baru;F-9;31/02/2024;14;10;0"]) + "\n")
    code, _, err = run(capsys, "aging", str(bad), "--as-of", "2024-06-30")
    assert code == 2
    assert err.strip() == "xl-ar aging: row 5 'Tanggal Faktur': '31/02/2024' is not a date"


def test_console_script_is_installed():
    done = subprocess.run(
        [sys.executable, "-m", "xl_ar.cli", "--help"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and "demo" in done.stdout and "aging" in done.stdout


def test_worklist_and_letters_commands(capsys, tmp_path):
    from xl_ar.sample_data import make_sample_ledger, write_sample_ledger

    ledger = write_sample_ledger(make_sample_ledger(), tmp_path / "ledger.xlsx")
    code, out, err = run(capsys, "worklist", str(ledger), "--as-of", "2024-12-31", "--lang",
                         "en", "--format", "csv")  # fmt: skip
    assert code == 0 and err == ""
    table = pd.read_csv(io.StringIO(out))
    ranked = table["priority"].dropna()  # review 17: disputes follow, unranked
    assert ranked.is_monotonic_decreasing and len(ranked) > 10
    code, out, _ = run(capsys, "letters", str(ledger), "--as-of", "2024-12-31", "--out",
                       str(tmp_path / "letters"))  # fmt: skip
    written = sorted((tmp_path / "letters").glob("*.txt"))
    assert code == 0 and out.strip() == f"wrote {len(written)} letters to {tmp_path / 'letters'}"
    assert written and written[0].name.startswith("001_")
    assert table["customer"].iloc[0].replace(" ", "_") in written[0].name


def test_addin_build_install_uninstall(capsys, tmp_path):
    out = tmp_path / "xl_ar.xlam"
    code, printed, err = run(capsys, "addin", "build", str(out))
    assert code == 0 and err == "" and printed.strip() == f"wrote {out}"
    target = tmp_path / "XLSTART"
    code, printed, _ = run(capsys, "addin", "install", "--file", str(out), "--dir", str(target))
    assert code == 0 and (target / "xl_ar.xlam").read_bytes() == out.read_bytes()
    code, printed, _ = run(capsys, "addin", "uninstall", "--dir", str(target))
    assert code == 0 and not (target / "xl_ar.xlam").exists()
