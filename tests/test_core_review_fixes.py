"""Review findings on the core's reading of ledgers: money beyond whole cents, two columns of
one role, strict ISO dates, Excel's two-digit-year window, messages that quote the user's text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from xl_ar.cli import main
from xl_ar.core import aging as aging_mod
from xl_ar.core.aging import aging
from xl_ar.core.amounts import MAX_CENTS_AMOUNT, TOO_LARGE
from xl_ar.core.forecast import forecast
from xl_ar.core.kpi_series import kpi_series
from xl_ar.core.ledger import health_check, read_ledger
from xl_ar.core.open_items import open_items
from xl_ar.errors import LedgerError, XlArError
from xl_ar.testing import excel_call

D = dt.datetime
HEADER = ["Customer", "Invoice", "Invoice Date", "Terms", "Amount"]
BIG = "row 2 'Amount': '1e+308' is larger than 1,000,000,000,000,000"


# --- a. money beyond 10**15 is a data problem, never inf/NaN --------------------------------


def test_the_bound_is_the_whole_cents_one():
    assert MAX_CENTS_AMOUNT == 1e15
    assert TOO_LARGE == "is larger than 1,000,000,000,000,000"


@pytest.fixture
def big_xlsx(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(["A", "1", "2024-01-01", 30, 1e308])  # number cells, not text
    ws.append(["B", "2", "2024-01-01", 30, 1e308])
    path = tmp_path / "big.xlsx"
    wb.save(path)
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("measure", ["amount", "percent"])
def test_cli_aging_refuses_amounts_beyond_the_bound(capsys, big_xlsx, measure):
    code, out, err = run(
        capsys, "aging", str(big_xlsx), "--as-of", "2024-06-30", "--measure", measure
    )
    assert (code, out) == (2, "")
    assert err == f"xl-ar aging: {BIG}; row 3 'Amount': '1e+308' {TOO_LARGE}\n"


def test_cli_check_reports_them_by_row_and_column(capsys, big_xlsx):
    code, out, err = run(capsys, "check", str(big_xlsx))
    assert code == 1
    assert out.splitlines() == [
        " row column  value                              problem",
        "   2 Amount 1e+308 is larger than 1,000,000,000,000,000",
        "   3 Amount 1e+308 is larger than 1,000,000,000,000,000",
    ]
    assert "inf" not in out + err and "NaN" not in out + err


def test_udfs_refuse_them_and_check_lists_them():
    rows = [HEADER, ["A", "1", D(2024, 1, 1), 30.0, 1e308], ["B", "2", D(2024, 1, 1), 30.0, 5.0]]
    assert excel_call("AR_AGING", rows, D(2024, 6, 30)) == f"AR_AGING: {BIG}"
    assert excel_call("AR_CHECK", rows) == [
        ["row", "column", "value", "problem"],
        [2.0, "Amount", "1e+308", TOO_LARGE],
    ]


def test_paid_balance_and_text_amounts_are_bounded_too():
    header = ["Customer", "Invoice Date", "Terms", "Amount", "Paid", "Balance"]
    rows = [
        header,
        ["A", "2024-01-01", 30, 100.0, -2e15, 100.0],
        ["B", "2024-01-01", 30, "Rp 2.000.000.000.000.000", 0.0, 1e16],
        ["C", "2024-01-01", 30, 1e15, 0.0, 1e15],  # the bound itself is money
    ]
    got = health_check(rows)
    assert got.values.tolist() == [
        [2, "Paid", "-2000000000000000", TOO_LARGE],
        [3, "Amount", "Rp 2.000.000.000.000.000", TOO_LARGE],
        [3, "Balance", "1e+16", TOO_LARGE],
    ]


def test_a_hand_built_ledger_beyond_the_bound_is_refused():
    led = read_ledger([HEADER, ["A", "1", "2024-01-01", 30, 5.0], ["B", "2", "2024-01-01", 30, 7]])
    bad = led.assign(paid=[0.0, -np.inf])
    for call in (
        lambda: aging(bad, "2024-06-30"),
        lambda: open_items(bad, "2024-06-30"),
        lambda: kpi_series(bad, "2024-01-01", "2024-06-30"),
        lambda: forecast(bad, "2024-06-30", loss_rates=0),
    ):
        with pytest.raises(LedgerError) as info:
            call()
        assert str(info.value) == "row 3 'paid': '-inf' is larger than 1,000,000,000,000,000"


@pytest.mark.filterwarnings("ignore:overflow encountered")
def test_the_last_guard_turns_an_infinite_total_into_an_error(monkeypatch):
    led = read_ledger([HEADER, ["A", "1", "2024-01-01", 30, 5.0], ["B", "2", "2024-01-01", 30, 7]])
    bad = led.assign(amount=[1e308, 1e308])
    monkeypatch.setattr(aging_mod, "ensure_ledger", lambda obj: obj)  # past the reader's bound
    for measure in ("amount", "percent"):
        with pytest.raises(XlArError, match=r"^the result is too large \(overflow\)$"):
            aging(bad, "2024-06-30", measure=measure)
    assert aging(led, "2024-06-30", by="total").values.tolist() == [
        [0.0, 0.0, 0.0, 0.0, 12.0, 12.0]
    ]
