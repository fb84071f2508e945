"""AR_FORECAST's refusal to estimate loss rates names how to give them (issue 15, case 4)."""

from __future__ import annotations

import datetime as dt

from xl_ar.testing import excel_call

D = dt.datetime
NO_HISTORY = [
    ["Customer", "Invoice Date", "Due Date", "Amount"],
    ["A", D(2024, 1, 1), D(2024, 1, 31), 100.0],
]


def test_forecast_refusal_names_its_loss_rates_argument_and_the_rates_work():
    got = excel_call("AR_FORECAST", NO_HISTORY, D(2024, 3, 31))
    assert got == (
        "AR_FORECAST: loss rates cannot be estimated: no roll rate for '31-60', '61-90', '>90': "
        "no invoice there at the month ends 2023-03-31..2024-02-29 (or none left the last "
        "bucket); use a longer history or give loss rates as the 6th argument, loss_rates"
    )
    rates = [[0.01], [0.02], [0.1], [0.3], [0.8]]
    table = excel_call("AR_FORECAST", NO_HISTORY, D(2024, 3, 31), None, None, None, rates)
    loss = next(row for row in table if row[0] == "Expected loss")
    assert loss[3] == 10.0  # 100 in 31-60 at 10 %
