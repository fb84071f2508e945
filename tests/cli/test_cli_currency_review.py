"""Review of issue 15, currency findings on the command line: ``--measure percent`` on a
mixed-currency ledger, letters and reconciliation with converted amounts, symbols as
``--currency``, an assumed currency noted, Indonesian-format rates, converted amounts noted on
every report sheet."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from xl_ar.cli import main

MIXED = (
    "Customer,Invoice,Invoice Date,Due Date,Amount,Currency\n"
    "PT A,I1,2024-01-10,2024-02-09,1000000,IDR\n"
    "PT B,I2,2024-01-15,2024-02-14,1000,USD\n"
    "PT A,I3,2024-02-01,2024-03-02,500,usd\n"
)
RATES = "currency,rate\nUSD,15500\n"


@pytest.fixture
def files(tmp_path):
    (tmp_path / "mixed.csv").write_text(MIXED, encoding="utf-8")
    (tmp_path / "rates.csv").write_text(RATES, encoding="utf-8")
    return tmp_path


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("by", ["customer", "total"])
def test_aging_percent_keeps_the_currency_column_as_text(capsys, files, by):
    code, out, _ = run(capsys, "aging", files / "mixed.csv", "--as-of", "2024-03-31",
                       "--measure", "percent", "--by", by, "--format", "csv")  # fmt: skip
    assert code == 0
    table = pd.read_csv(io.StringIO(out))
    totals = table[table["customer"] == "Total"] if by == "customer" else table
    assert totals[["currency", "1-30", "31-60", "Total"]].values.tolist() == [
        ["IDR", 0.0, 1.0, 1.0], ["USD", 1 / 3, 2 / 3, 1.0],
    ]  # fmt: skip


def test_aging_percent_text_output(capsys, files):
    code, out, _ = run(capsys, "aging", files / "mixed.csv", "--as-of", "2024-03-31",
                       "--measure", "percent", "--by", "total")  # fmt: skip
    assert code == 0
    assert out.splitlines() == [
        "currency Current  1-30  31-60 61-90  >90  Total",
        "     IDR    0.0%  0.0% 100.0%  0.0% 0.0% 100.0%",
        "     USD    0.0% 33.3%  66.7%  0.0% 0.0% 100.0%",
    ]


def test_letters_refuse_converted_amounts_and_name_only_currency(capsys, files):
    out_dir = files / "letters"
    code, out, err = run(capsys, "letters", files / "mixed.csv", "--as-of", "2024-03-31",
                         "--rates", files / "rates.csv", "--lang", "en", "--out", out_dir)  # fmt: skip
    assert (code, out) == (2, "") and not out_dir.exists()
    assert err == (
        "xl-ar letters: letters state each invoice in its own currency, never amounts converted "
        "with --rates: write them one currency at a time with --only-currency CODE\n"
    )
    code, out, _ = run(capsys, "letters", files / "mixed.csv", "--as-of", "2024-03-31",
                       "--only-currency", "USD", "--lang", "en", "--out", out_dir)  # fmt: skip
    assert code == 0 and out == f"wrote 2 letters to {out_dir}\n"
    texts = "".join(p.read_text(encoding="utf-8") for p in sorted(out_dir.glob("*.txt")))
    assert "Please pay USD 1,000.00 by" in texts and "Please pay USD 500.00 by" in texts
    assert "Rp" not in texts


def test_reconcile_refuses_a_payment_in_another_currency(capsys, files):
    (files / "pay.csv").write_text(
        "Payment,Date,Amount,Customer,Memo,Currency\nP1,2024-04-02,1000,PT B,I2,USD\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "reconcile", files / "mixed.csv", files / "pay.csv",
                         "--rates", files / "rates.csv")  # fmt: skip
    assert (code, out) == (2, "")
    assert err == (
        "xl-ar reconcile: payment 'P1' (row 2) is in USD, the ledger in IDR: a payment is "
        "applied only to invoices in its currency; reconcile one currency at a time\n"
    )
    code, out, _ = run(capsys, "reconcile", files / "mixed.csv", files / "pay.csv",
                       "--only-currency", "USD")  # fmt: skip
    assert code == 0 and "matched" in out


def test_a_rupee_ledger_is_noted_and_read_with_the_symbol(capsys, tmp_path):
    (tmp_path / "inr.csv").write_text(
        "Customer,Invoice Date,Due Date,Amount (₹)\nA,2024-01-01,2024-01-31,100\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "check", tmp_path / "inr.csv")
    assert code == 0 and out.splitlines()[0] == (
        "no currency column: amounts read as Rupiah (IDR), but the header 'Amount (₹)' shows "
        "INR; --currency CODE to say otherwise"
    )
    code, out, err = run(capsys, "aging", tmp_path / "inr.csv", "--currency", "₹",
                         "--as-of", "2024-03-31", "--format", "csv")  # fmt: skip
    assert code == 0 and "currency" not in err
    assert pd.read_csv(io.StringIO(out))["Total"].tolist() == [100.0, 100.0]


def test_an_indonesian_format_rate_with_number_format_id(capsys, files):
    (files / "rates_id.csv").write_text("currency,rate\nUSD,15.500\n", encoding="utf-8")
    args = ("aging", files / "mixed.csv", "--as-of", "2024-03-31", "--rates",
            files / "rates_id.csv", "--by", "total", "--format", "csv")  # fmt: skip
    code, out, err = run(capsys, *args)
    assert (code, out) == (2, "") and "'15.500' is ambiguous" in err
    code, out, err = run(capsys, *args, "--number-format", "id")
    assert code == 0
    assert pd.read_csv(io.StringIO(out))["Total"].tolist() == [24_250_000.0]


def test_every_report_sheet_states_the_conversion(capsys, files):
    import openpyxl

    out_file = files / "mx.xlsx"
    code, _, _ = run(capsys, "report", files / "mixed.csv", "--as-of", "2024-03-31",
                     "--rates", files / "rates.csv", "--lang", "en", "-o", out_file)  # fmt: skip
    assert code == 0
    book = openpyxl.load_workbook(out_file)
    note = "Amounts in Rupiah (IDR), converted at USD 1 = IDR 15,500 (undated rate)"
    assert book["Aging"]["A2"].value == note
    money_sheets = [ws for ws in book if ws.title not in ("Data Health", "About")]
    assert len(money_sheets) >= 4 and all(ws["A2"].value == note for ws in money_sheets)
    assert "Dunning Letters" not in book.sheetnames
    about = {r[0]: r[1] for r in book["About"].iter_rows(values_only=True) if r[0]}
    assert about["dunning letters"].startswith(
        "left out: letters state each invoice in its own currency"
    )
