"""Issue 15 review (16, 17, 20): `xl-ar worklist` and `xl-ar letters` note the invoices dated
after the as-of date that they leave out, as `aging` does; the worklist keeps a customer whose
every overdue invoice is disputed; a small write-off balance gets no final demand."""

from __future__ import annotations

import io

import pandas as pd

from xl_ar.cli import main

# a history (one paid invoice): a snapshot aged before its latest invoice would be refused
LEDGER = """Customer,Invoice,Invoice Date,Due Date,Amount,Disputed,Paid,Payment Date
PT Early,E1,2024-11-20,2024-12-20,2000000,No,0,
PT WOsmall,W2,2023-06-01,2023-07-01,10000,No,0,
PT Disp,D1,2024-01-01,2024-02-01,7000000,Yes,0,
PT Early,F1,2025-02-01,2025-03-01,999000,No,0,
PT Paid,P1,2024-10-01,2024-10-31,500000,No,500000,2024-10-30
"""
NOTE = "note: 1 invoice dated after the as-of date left out (999,000)\n"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_worklist_notes_the_future_invoice_and_lists_the_dispute(capsys, tmp_path):
    ledger = tmp_path / "fut.csv"
    ledger.write_text(LEDGER, encoding="utf-8")
    code, out, err = run(capsys, "worklist", str(ledger), "--as-of", "2024-12-31", "--lang",
                         "en", "--format", "csv")  # fmt: skip
    assert code == 0 and err == f"xl-ar worklist: {NOTE}"
    table = pd.read_csv(io.StringIO(out), keep_default_na=False)
    assert table["customer"].tolist() == ["PT Early", "PT WOsmall", "PT Disp"]
    disp = table.iloc[-1]
    assert (disp["stage"], disp["disputed"], disp["oldest_dpd"], disp["priority"]) == (
        "dispute", 7_000_000.0, 334.0, "",
    )  # fmt: skip
    assert disp["next_action"] == "Resolve the dispute: every overdue invoice is disputed"
    assert table.iloc[0]["open"] == 2_000_000.0  # the future invoice is not in it


def test_letters_note_the_future_invoice_and_list_who_got_none(capsys, tmp_path):
    ledger = tmp_path / "fut.csv"
    ledger.write_text(LEDGER, encoding="utf-8")
    out_dir = tmp_path / "letters"
    code, out, err = run(capsys, "letters", str(ledger), "--as-of", "2024-12-31", "--lang",
                         "en", "--out", str(out_dir))  # fmt: skip
    assert code == 0 and out == f"wrote 1 letters to {out_dir}\n"
    assert err == (
        f"xl-ar letters: {NOTE}"
        "3 customers overdue: 1 letter written; 2 got no letter:\n"
        "  PT WOsmall (below the minimum amount for a final demand: Rp 5,000,000)\n"
        "  PT Disp (every overdue invoice is disputed)\n"
    )
    assert [p.name for p in out_dir.glob("*.txt")] == ["001_PT_Early_early_en.txt"]


def test_worklist_without_as_of_notes_against_the_default_date(capsys, tmp_path):
    ledger = tmp_path / "fut.csv"
    ledger.write_text(LEDGER, encoding="utf-8")
    code, _, err = run(capsys, "worklist", str(ledger), "--format", "csv")
    assert code == 0 and "left out" not in err  # the default date is the latest: nothing later
