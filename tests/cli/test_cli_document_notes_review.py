"""Review 16 #14: letters, statements and confirmations print the input notes aging and
worklist print (customer master, dispute log, activity log), and a malformed e-mail address
is reported as malformed, not as missing."""

from __future__ import annotations

import csv

from document_samples import LEDGER

from xl_ar.cli import main

MASTER = "Pelanggan,Surel,No HP\nUD Tanpa Surel,sari(at)tanpa.id,08123\nCV Baru,jane@baru.id,\n"
ACTIVITY = (
    "Date,Customer,Invoice,Action,Outcome,Promise Date,Promise Amount,Collector,"
    "Next Action Date,Note\n"
    "2024-12-05,CV Baru,,call,reached,,,Eko,,\n"
    "2025-01-05,CV Baru,,call,reached,,,Eko,,\n"
    "2024-12-06,PT Tidak Dikenal,,call,reached,,,Eko,,\n"
)
DISPUTES = (
    "ID,Customer,Invoice,Amount,Reason,Opened\nD6,PT Tidak Dikenal,X-1,1000,price,2024-12-01\n"
)


def _files(tmp_path):
    ledger = tmp_path / "ledger.csv"
    with open(ledger, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(LEDGER)
    for name, text in (("master.csv", MASTER), ("act.csv", ACTIVITY), ("disp.csv", DISPUTES)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return ledger


def _notes(err: str) -> list[str]:
    return [line for line in err.splitlines() if ": note: " in line]


MASTER_NOTES = [
    "note: 1 ledger customer with open items is not in the customer master:",
    "note: customer master: row 2 'Surel': 'sari(at)tanpa.id' is not an e-mail address (no @)",
    "note: customer master: row 2 'No HP': '08123' is not a phone number (8 to 15 digits)",
]


def test_letters_print_master_and_log_notes(tmp_path, capsys):
    ledger = _files(tmp_path)
    code = main(["letters", str(ledger), "--as-of", "2024-12-31", "--company", "PT Sinar", "--format", "docx", "--eml",
                 "--smtp-from", "ar@x.id", "--customers", str(tmp_path / "master.csv"),
                 "--activity", str(tmp_path / "act.csv"), "--disputes", str(tmp_path / "disp.csv"),
                 "--out", str(tmp_path / "surat")])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 0, err
    notes = "\n".join(_notes(err))
    for part in MASTER_NOTES:
        assert part in notes
    assert (
        "xl-ar letters: note: Dispute log: D6 (row 2) customer 'PT Tidak Dikenal' is not in "
        "the ledger" in notes
    )
    assert "xl-ar letters: note: Activity log: 1 row dated after 2024-12-31 left out" in notes
    assert (
        "Activity log: 1 row for 1 customer not in the ledger, not counted: "
        "'PT Tidak Dikenal'" in notes
    )
    assert (
        "  UD Tanpa Surel (the e-mail address in the customer master is malformed: "
        "'sari(at)tanpa.id' is not an e-mail address (no @))"
    ) in err.splitlines()


def test_statements_and_confirmations_print_master_notes(tmp_path, capsys):
    ledger = _files(tmp_path)
    master = str(tmp_path / "master.csv")
    code = main(["statements", str(ledger), "--to", "2024-12-31", "--customers", master,
                 "--out", str(tmp_path / "st")])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 0, err
    notes = "\n".join(_notes(err))
    assert notes.count("xl-ar statements: note: customer master: row 2") == 2
    code = main(["confirmations", str(ledger), "--as-of", "2024-12-31", "--company", "PT Sinar", "--auditor", "KAP A", "--customers", master,
                 "--out", str(tmp_path / "k")])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 0, err
    notes = "\n".join(_notes(err))
    for part in MASTER_NOTES:
        assert part in notes
