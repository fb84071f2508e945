"""Giro / cheques in hand in the cash forecast: their own line, on their date, counted once."""

from __future__ import annotations

import pytest

from xl_ar.core import forecast, read_giro
from xl_ar.errors import XlArError

ROWS = [
    ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Disputed"],
    ["PT A", "F-1", "2024-12-01", "2024-12-20", 100.0, "no"],
    ["PT A", "F-2", "2024-12-10", "2025-01-09", 200.0, "no"],
    ["PT B", "F-3", "2024-12-10", "2025-03-10", 50.0, "no"],
    ["PT B", "F-4", "2024-11-01", "2024-12-01", 30.0, "yes"],
]
GIRO = [["Tanggal Efektif", "Pelanggan", "Nilai"], ["10/01/2025", "p.t. a", 150.0],
        ["01/06/2025", "PT B", 20.0]]  # fmt: skip


def lines(frame):
    return [[p, a, i] for p, a, i in zip(frame["period"], frame["amount"], frame["items"],
                                         strict=True)]  # fmt: skip


def test_giro_gets_its_own_line_in_its_period_and_the_total_ties():
    without = forecast(ROWS, "2024-12-31", horizon=2, loss_rates=0)
    got = forecast(ROWS, "2024-12-31", horizon=2, loss_rates=0, giro=GIRO)
    assert lines(without)[:3] == [["W01", 100.0, 1.0], ["W02", 200.0, 1.0],
                                  ["Beyond horizon", 50.0, 1.0]]  # fmt: skip
    # 150 of giro from PT A is taken off its oldest items: F-1 (100, W01) then 50 of F-2 (W02)
    assert lines(got)[:6] == [
        ["W01", 0.0, 1.0],
        ["W02", 150.0, 1.0],
        ["Giro in hand", 150.0, 1.0],
        ["Beyond horizon", 30.0, 1.0],
        ["Giro in hand", 20.0, 1.0],
        ["Disputed", 30.0, 1.0],
    ]
    assert got["period"].tolist()[6:] == ["Expected loss", "Total"]
    body = got[got["period"].ne("Total")]
    assert body["amount"].sum() == got["amount"].iloc[-1] == 380.0
    giro_w02 = got.iloc[2]
    assert (str(giro_w02["start"].date()), str(giro_w02["end"].date())) == (
        "2025-01-08",
        "2025-01-14",
    )


def test_indonesian_label_and_giro_before_as_of_in_the_first_period():
    giro = [["Date", "Customer", "Amount"], ["2024-12-28", "PT A", 40.0]]
    got = forecast(ROWS, "2024-12-31", horizon=2, loss_rates=0, giro=giro, lang="id")
    assert got["period"].tolist()[:3] == ["W01", "Giro mundur di tangan", "W02"]
    assert got["amount"].tolist()[:3] == [60.0, 40.0, 200.0]


def test_giro_that_the_ledger_does_not_hold_is_refused():
    unknown = [["Date", "Customer", "Amount"], ["2025-01-10", "PT Z", 10.0]]
    with pytest.raises(XlArError, match="^giro: 'PT Z' has no open items at as_of$"):
        forecast(ROWS, "2024-12-31", horizon=2, loss_rates=0, giro=unknown)
    too_much = [["Date", "Customer", "Amount"], ["2025-01-10", "PT B", 60.0]]
    with pytest.raises(XlArError, match=r"^giro: 'PT B' has 60.00 in giro, more than the 50.00"):
        forecast(ROWS, "2024-12-31", horizon=2, loss_rates=0, giro=too_much)
    with pytest.raises(XlArError, match="^giro: no amount column"):
        read_giro([["Date", "Customer"], ["2025-01-10", "PT B"]])
    with pytest.raises(XlArError, match=r"^giro: row 2: a giro amount must be more than 0$"):
        read_giro([["Date", "Customer", "Amount"], ["2025-01-10", "PT B", -5]])
    with pytest.raises(XlArError, match=r"^giro: row 2 'Date': 'abc' is not a date"):
        read_giro([["Date", "Customer", "Amount"], ["abc", "PT B", 1]])
