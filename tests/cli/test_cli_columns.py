"""Issue 14 in the CLI: ``--map``, ``--negative`` and the text-date order on every ledger
command; the IBM csv ages with no options; a bad map is one line, exit 2."""

from __future__ import annotations

import re

import pytest
from shared_data import shared_file

from xl_ar.cli import main

LEDGER_COMMANDS = ("aging", "check", "worklist", "report", "letters", "reconcile")
OPEN_INVOICES = (
    "Klien,Num,Tgl,Tgl Jatuh Tempo,Invoice Total,Saldo Terbuka\n"
    "PT A,F-1,2024-10-01,2024-10-31,1000,1000\n"
    "PT A,F-2,2024-11-01,2024-12-01,2500,1200\n"
    "PT B,F-3,2024-12-01,2024-12-31,870,300\n"
)
MAP = "Klien=customer,Tgl=invoice_date,Tgl Jatuh Tempo=due_date,Saldo Terbuka=balance"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def ledger(tmp_path):
    path = tmp_path / "open_invoices.csv"
    path.write_text(OPEN_INVOICES, encoding="utf-8")
    return path


def test_every_ledger_command_takes_map_and_negative(capsys):
    for command in LEDGER_COMMANDS:
        code, text, _ = run(capsys, command, "--help")
        assert code == 0 and "--map" in text and "--negative" in text, command


def test_map_reads_an_export_the_synonyms_do_not_know(capsys, ledger):
    code, _, err = run(capsys, "aging", str(ledger), "--as-of", "2024-12-31", "--by", "total")
    assert code == 2
    assert err.startswith("xl-ar aging: no 'customer' column (e.g. 'Customer', 'Pelanggan'); ")
    assert err.rstrip().endswith('to use one: --map "Klien=customer"')
    assert len(err.splitlines()) == 1 and len(err.rstrip()) <= 255
    args = ("aging", str(ledger), "--as-of", "2024-12-31", "--by", "total", "--map", MAP)
    code, out, err = run(capsys, *args)
    assert code == 0, err
    assert out.split("\n")[1].split() == ["300.00", "1,200.00", "0.00", "1,000.00", "0.00",
                                          "2,500.00"]  # fmt: skip
    code, out, _ = run(capsys, "check", str(ledger), "--map", MAP)
    assert (code, out.strip()) == (0, "open_invoices.csv: 3 rows, no problems found")


def test_check_flags_an_open_balance_that_contradicts_amount_and_paid(capsys, tmp_path):
    path = tmp_path / "oi.csv"
    path.write_text(
        "Customer,Invoice,Invoice Date,Due Date,Amount,Paid,Open Balance\n"
        "PT A,F-1,2024-11-01,2024-12-01,1000,500,400\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "check", str(path))
    assert code == 1
    assert "is not amount − paid (500)" in out
    assert err.strip() == "1 problem(s) in oi.csv"


def test_negative_credit_note_is_a_choice_and_said(capsys, tmp_path):
    path = tmp_path / "neg.csv"
    path.write_text(
        "Customer,Invoice,Invoice Date,Due Date,Amount\n"
        "PT A,F-1,2024-11-01,2024-12-01,1000\nPT A,CN-1,2024-11-20,2024-11-20,-250\n",
        encoding="utf-8",
    )
    args = ("aging", str(path), "--as-of", "2024-12-31", "--by", "total")
    code, _, err = run(capsys, *args)
    assert code == 2 and "is negative but not marked as a credit note" in err
    code, out, err = run(capsys, *args, "--negative", "credit-note")
    assert code == 0
    assert err.strip() == (
        "xl-ar aging: note: 1 negative line without a type read as credit note "
        "(negative = credit-note)"
    )
    assert out.split("\n")[1].split()[-1] == "750.00"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("--map", "Klien"), "xl-ar aging: column map: 'Klien' is not 'Header=role'"),
        (("--map", "Klien=nobody"), "xl-ar aging: column map: 'nobody' is not a ledger column"),
        (("--map", "X" * 5000 + "=customer"), "xl-ar aging: column map: longer than 2000"),
        (("--map", "Nope=customer"), "xl-ar aging: column map: no header 'nope' in the ledger"),
        (("--negative", "maybe"), "xl-ar aging: argument --negative: invalid choice: 'maybe'"),
        (
            ("--map", MAP, "--date-order", "dym"),
            "xl-ar aging: date_order must be 'dmy', 'mdy' or 'ymd'",
        ),
    ],
)
def test_bad_reading_options_are_one_line_exit_2(capsys, ledger, extra, message):
    code, out, err = run(capsys, "aging", str(ledger), "--as-of", "2024-12-31", *extra)
    assert code == 2 and out == ""
    assert err.startswith(message)
    assert len(err.splitlines()) == 1 and len(err.rstrip()) <= 255
    assert not re.search(r"Traceback|Error\b|pandas|numpy", err)


def test_contradicting_date_columns_name_the_option(capsys, tmp_path):
    path = tmp_path / "dates.csv"
    path.write_text(
        "Customer,Invoice,Invoice Date,Due Date,Amount\nPT A,F-1,31/01/2024,02/29/2024,10\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "aging", str(path), "--as-of", "2024-12-31")
    assert code == 2
    assert "--date-order dmy or mdy" in err and len(err.splitlines()) == 1


@pytest.mark.shared_data
def test_the_ibm_csv_ages_with_no_options(capsys):
    path = shared_file("ibm_watson_ar", "WA_Fn-UseC_-Accounts-Receivable.csv")
    code, out, err = run(capsys, "aging", str(path), "--as-of", "2013-06-30", "--by", "total")
    assert code == 0, err
    assert out.split("\n")[1].split() == ["4,284.29", "835.56", "0.00", "0.00", "0.00",
                                          "5,119.85"]  # fmt: skip
    assert err.strip() == (
        "xl-ar aging: note: text dates read month first (mdy): 'InvoiceDate' has "
        "'1/26/2013', a date only that order reads\n"
        "xl-ar aging: note: 536 invoices dated after the as-of date left out (32,258.59)"
    )
    code, out, _ = run(capsys, "check", str(path))
    assert code == 0 and out.strip().endswith("2466 rows, no problems found")
