"""AR_FORECAST's refusal to estimate loss rates names how to give them (issue 15, case 4)."""

from __future__ import annotations

import datetime as dt

from xl_ar.testing import excel_call

D = dt.datetime
# a history (one invoice paid, with its date) of three months: no invoice can reach the
# 180-day write-off horizon, so the loss rates cannot be estimated from it
SHORT_HISTORY = [
    ["Customer", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"],
    ["A", D(2024, 1, 1), D(2024, 1, 31), 100.0, None, None],
    ["B", D(2024, 1, 5), D(2024, 2, 4), 50.0, 50.0, D(2024, 2, 1)],
]


def test_forecast_refusal_names_its_loss_rates_argument_and_the_rates_work():
    got = excel_call("AR_FORECAST", SHORT_HISTORY, D(2024, 3, 31))
    assert got == (
        "AR_FORECAST: not estimable: loss rates cannot be estimated from the ledger: the ledger "
        "covers 3 months: no invoice can be more than 180 days past due (the write-off horizon); "
        "give loss rates (the 6th argument, loss_rates)"
    )
    rates = [[0.01], [0.02], [0.1], [0.3], [0.8]]
    table = excel_call("AR_FORECAST", SHORT_HISTORY, D(2024, 3, 31), None, None, None, rates)
    loss = next(row for row in table if row[0] == "Expected loss")
    assert loss[3] == 10.0  # 100 in 31-60 at 10 %
