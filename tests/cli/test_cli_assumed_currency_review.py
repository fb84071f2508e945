"""Review 16 #16: documents for customers never go out in an assumed currency. A ledger with no
currency column whose header shows another currency is refused by statements, letters and
confirmations until --currency; the other commands keep reading it (with their note)."""

from __future__ import annotations

import pytest

from xl_ar.cli import main

LEDGER = """Customer,Invoice,Invoice Date,Due Date,InvoiceAmount (in thousands USD)
Acme,F-1,2024-10-01,2024-10-31,64.44
Beta,F-2,2024-11-01,2024-11-30,12.5
"""


@pytest.mark.parametrize(
    ("command", "date"), [("statements", "--to"), ("letters", "--as-of"),
                          ("confirmations", "--as-of")],
)  # fmt: skip
def test_customer_documents_refuse_an_assumed_currency(tmp_path, capsys, command, date):
    ledger = tmp_path / "ar.csv"
    ledger.write_text(LEDGER, encoding="utf-8")
    out = tmp_path / "out"
    code = main([command, str(ledger), date, "2024-12-31", "--out", str(out)])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err == (
        f"xl-ar {command}: ar.csv names no currency, but the header 'InvoiceAmount (in thousands "
        f"U…' shows USD: {command} go to customers, never in an assumed currency: give "
        "--currency CODE (--currency IDR if it is Rupiah)"
    )
    assert not out.exists() or not any(out.iterdir())
    settings = ["--company", "PT Sinar"] + (["--auditor", "KAP A"] * (command == "confirmations"))
    code = main([command, str(ledger), date, "2024-12-31", "--currency", "USD", *settings,
                 "--out", str(out)])  # fmt: skip
    assert code == 0, capsys.readouterr().err


def test_aging_keeps_reading_it_with_a_note(tmp_path, capsys):
    ledger = tmp_path / "ar.csv"
    ledger.write_text(LEDGER, encoding="utf-8")
    assert main(["aging", str(ledger), "--as-of", "2024-12-31"]) == 0
    assert "amounts read as Rupiah (IDR), but the header" in capsys.readouterr().err
