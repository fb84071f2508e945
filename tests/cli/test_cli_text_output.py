"""The command line's text output: no pandas words, percentages as percentages (issue 15, 10).

``xl-ar aging --measure percent`` printed shares as ``0.16``; days as ``147.00``; nullable and
object columns could print ``<NA>`` or ``2024-01-05 00:00:00``. CSV keeps plain numbers (a
machine reads it) but never writes ``NaN``.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from xl_ar.cli import _print_table, main

#: What pandas prints for a missing value or a date held as an object (whole words only:
#: "pesanan" is Indonesian for "order").
PANDAS_WORDS = re.compile(r"\b(NaN|NaT|None|nan|inf)\b|<NA>|00:00:00")

# No invoice numbers, a partly paid invoice, one not yet due: blanks in several columns.
LEDGER = (
    "Customer,Invoice Date,Due Date,Amount,Paid,Payment Date\n"
    "PT A,2024-01-10,2024-02-09,1000000,0,\n"
    "PT B,2024-03-01,2024-03-31,500000,200000,2024-04-10\n"
    "PT C,2024-06-01,2024-07-01,250000,0,\n"
    "PT A,2024-05-01,2024-05-31,300000,,\n"
)
PAYMENTS = "Payment,Date,Amount,Customer\nP1,2024-06-20,300000,PT B\nP2,2024-06-21,999,Nobody\n"


@pytest.fixture
def files(tmp_path):
    ledger = tmp_path / "ledger.csv"
    ledger.write_text(LEDGER, encoding="utf-8")
    payments = tmp_path / "payments.csv"
    payments.write_text(PAYMENTS, encoding="utf-8")
    return ledger, payments


def run(capsys, *args) -> str:
    assert main([str(a) for a in args]) == 0
    out = capsys.readouterr().out
    assert PANDAS_WORDS.search(out) is None, out
    return out


def test_percent_aging_prints_percentages(files, capsys):
    ledger, _ = files
    out = run(capsys, "aging", ledger, "--as-of", "2024-06-30", "--measure", "percent")
    assert out.splitlines() == [
        "customer Current  1-30 31-60 61-90   >90  Total",
        "    PT A    0.0% 16.2%  0.0%  0.0% 54.1%  70.3%",
        "    PT B    0.0%  0.0%  0.0%  0.0% 16.2%  16.2%",
        "    PT C   13.5%  0.0%  0.0%  0.0%  0.0%  13.5%",
        "   Total   13.5% 16.2%  0.0%  0.0% 70.3% 100.0%",
    ]
    csv = run(capsys, "aging", ledger, "--as-of", "2024-06-30", "--measure", "percent",
              "--format", "csv")  # fmt: skip
    assert csv.splitlines()[4] == "Total,0.13513513513513514,0.16216216216216217,0.0,0.0,"\
        "0.7027027027027027,1.0"  # fmt: skip


def test_counts_and_days_are_whole_money_grouped(files, capsys):
    ledger, _ = files
    out = run(capsys, "aging", ledger, "--as-of", "2024-06-30", "--measure", "count")
    assert out.splitlines()[1].split() == ["PT", "A", "0", "1", "0", "0", "1", "2"]
    out = run(capsys, "aging", ledger, "--as-of", "2024-06-30", "--by", "invoice")
    assert out.splitlines()[1:3] == [
        "    PT A           2024-01-10 2024-02-09 1,000,000.00  142     >90",
        "    PT B           2024-03-01 2024-03-31   300,000.00   91     >90",
    ]
    csv = run(capsys, "aging", ledger, "--as-of", "2024-06-30", "--by", "invoice", "--format",
              "csv")  # fmt: skip
    assert csv.splitlines()[1] == "PT A,,2024-01-10,2024-02-09,1000000.0,142.0,>90"


def test_worklist_and_reconcile_show_blanks(files, capsys):
    ledger, payments = files
    out = run(capsys, "worklist", ledger, "--as-of", "2024-06-30", "--lang", "en")
    assert out.splitlines()[1].split()[-2:] == ["2024-07-03", "65.80"]  # promise blank
    assert run(capsys, "worklist", ledger, "--as-of", "2024-06-30", "--format", "csv")
    out = run(capsys, "reconcile", ledger, payments)
    assert out.splitlines()[2].split() == [
        "P2", "2024-06-21", "999.00", "Nobody", "0.00", "0.00", "0.00", "0.00", "999.00",
        "unmatched", "customer_column", "1.00",
    ]  # fmt: skip
    assert "% Applied                         99.7%" in out


def test_every_kind_of_missing_value_is_blank(capsys):
    frame = pd.DataFrame(
        {
            "text": pd.array(["a", None], dtype="str"),
            "object": ["x", None],
            "date": pd.to_datetime(["2024-01-05", None]),
            "money": [1234.5, np.nan],
            "count": pd.array([3, None], dtype="Int64"),
            "flag": pd.array([True, None], dtype="boolean"),
            "day_object": pd.Series([pd.Timestamp("2024-01-05"), pd.NaT], dtype=object),
            "days": [3.0, np.nan],
        }
    )
    _print_table(frame, "table", percent=["share"])
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "text object       date    money count flag day_object days",
        "   a      x 2024-01-05 1,234.50     3 True 2024-01-05    3",
        "                                                          ",
    ]
    _print_table(frame, "csv")
    assert capsys.readouterr().out.splitlines() == [
        "text,object,date,money,count,flag,day_object,days",
        "a,x,2024-01-05,1234.5,3,True,2024-01-05,3.0",
        ",,,,,,,",
    ]
