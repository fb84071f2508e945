"""Issue 15, item 1 on the command line: aging per currency, check names the currencies, other
commands refuse several currencies in one line with the options that fix it."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from xl_ar.cli import main

MIXED = (
    "Customer,Invoice Date,Due Date,Amount,Currency\n"
    "PT A,2024-01-01,2024-01-31,1000000,IDR\n"
    "PT B,2024-01-01,2024-01-31,1000,USD\n"
    "PT A,2024-01-01,2024-01-31,500,USD\n"
)
RATES = "Currency,Rate,Date\nUSD,15000,2024-02-29\nUSD,15500,2024-03-31\n"
NOTE = (
    "2 currencies (open: IDR 1,000,000 in 1 row; USD 1,500 in 2 rows): aged per currency, never "
    "added; other figures need a rate table or one currency"
)


@pytest.fixture
def files(tmp_path):
    (tmp_path / "mixed.csv").write_text(MIXED, encoding="utf-8")
    (tmp_path / "rates.csv").write_text(RATES, encoding="utf-8")
    return tmp_path


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_aging_prints_one_block_per_currency(capsys, files):
    code, out, err = run(capsys, "aging", files / "mixed.csv", "--as-of", "2024-03-31",
                         "--format", "csv")  # fmt: skip
    assert code == 0 and err == f"xl-ar aging: note: {NOTE}\n"
    table = pd.read_csv(io.StringIO(out))
    assert table[["customer", "currency", "Total"]].values.tolist() == [
        ["PT A", "IDR", 1_000_000.0], ["Total", "IDR", 1_000_000.0],
        ["PT A", "USD", 500.0], ["PT B", "USD", 1_000.0], ["Total", "USD", 1_500.0],
    ]  # fmt: skip


def test_check_does_not_say_no_problems_silently(capsys, files):
    code, out, err = run(capsys, "check", files / "mixed.csv")
    assert code == 0 and err == ""
    assert out == (
        f"{NOTE}\nmixed.csv: 3 rows, no problems found, but 2 currencies (IDR, USD): never added "
        "(see the note)\n"
    )


def test_a_money_figure_refuses_with_the_way_out(capsys, files):
    code, out, err = run(capsys, "worklist", files / "mixed.csv", "--as-of", "2024-03-31")
    assert code == 2 and out == ""
    assert err.splitlines()[-1] == (
        "xl-ar worklist: the ledger is in several currencies (open: IDR 1,000,000; USD 1,500): "
        "the collections worklist would add them up; convert them with a rate table, or keep one "
        "currency (--rates FILE [--report-currency CODE], or --only-currency CODE)"
    )


def test_rates_convert_at_the_rate_of_the_as_of_date(capsys, files):
    code, out, err = run(capsys, "aging", files / "mixed.csv", "--as-of", "2024-03-01",
                         "--rates", files / "rates.csv", "--format", "csv")  # fmt: skip
    assert code == 0
    assert (
        err
        == "xl-ar aging: note: amounts in IDR; converted at USD 1 = IDR 15,000 (rate of 2024-02-29)\n"
    )
    table = pd.read_csv(io.StringIO(out))
    assert table[["customer", "Total"]].values.tolist() == [
        ["PT A", 8_500_000.0], ["PT B", 15_000_000.0], ["Total", 23_500_000.0],
    ]  # fmt: skip


def test_only_currency_and_currency_options(capsys, files):
    code, out, err = run(capsys, "aging", files / "mixed.csv", "--as-of", "2024-03-31",
                         "--only-currency", "usd", "--format", "csv")  # fmt: skip
    assert code == 0 and "only USD: 1 row in other currencies left out (IDR 1,000,000)" in err
    assert pd.read_csv(io.StringIO(out))["Total"].tolist() == [500.0, 1_000.0, 1_500.0]
    code, out, err = run(capsys, "aging", files / "mixed.csv", "--currency", "dollars")
    assert (code, out) == (2, "")
    assert err.endswith(
        "currency must be a 3-letter code such as IDR or USD (or Rp, $, €, £, ₹, ¥, S$), "
        "not 'dollars'\n"
    )


def test_a_missing_rate_file_is_one_line(capsys, files):
    code, _, err = run(capsys, "aging", files / "mixed.csv", "--rates", files / "none.csv")
    assert code == 2 and err.count("\n") == 1 and "none.csv" in err
