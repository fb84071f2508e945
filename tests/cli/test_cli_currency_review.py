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
