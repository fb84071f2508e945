"""Review finding 26 (issue 15): a loss-rates table in the report's own words, and errors that
fit what was typed.

A file with the English report's bucket labels ("1-30 days"), the Indonesian report's ("Belum
jatuh tempo", "1-30 hari"), or listing the oldest bucket first was refused; it is now matched by
label. ``--loss-rates "2,5,20,50,100"`` said "rates are fractions (1.6 % is 0.016)" and ``150%``
was shown as "value 5 (1.5)"; the error now shows the value both ways and how to type a rate.
"""

from __future__ import annotations

import pandas as pd
import pytest

from xl_ar.cli import main
from xl_ar.core.provisioning.ecl import resolve_rates
from xl_ar.errors import XlArError

WANT = [0.01, 0.05, 0.2, 0.5, 1.0]


@pytest.mark.parametrize(
    "labels",
    [
        ["Current", "1-30 days", "31-60 days", "61-90 days", ">90 days"],
        ["Belum jatuh tempo", "1-30 hari", "31-60 hari", "61-90 hari", "> 90 hari"],
        ["current", "1-30", "31-60", "61-90", ">90"],
    ],
)
def test_the_reports_bucket_labels_are_read(labels):
    rows = [["Bucket", "Rate"], *([a, r] for a, r in zip(labels, WANT, strict=True))]
    assert resolve_rates(rows)[0].tolist() == WANT
    # listed oldest first: matched by label, not by position
    assert resolve_rates([rows[0], *rows[:0:-1]])[0].tolist() == WANT


def test_a_label_that_is_no_bucket_is_quoted():
    rows = [["Current", 0.01], ["1-30", 0.05], ["31-60", 0.2], ["61-90", 0.5], ["91-120", 1.0]]
    with pytest.raises(XlArError) as err:
        resolve_rates(rows)
    assert str(err.value) == (
        "loss_rates: bucket '91-120' is not one of the aging's buckets (Current, 1-30, 31-60, "
        "61-90, >90; 'days' or 'hari' may follow), each once"
    )
    with pytest.raises(XlArError, match="bucket '1-30 days' is not one of"):
        resolve_rates([["Current", 0.01], ["1-30", 0.05], ["1-30 days", 0.2], ["61-90", 0.5],
                       [">90", 1.0]])  # fmt: skip


def test_cli_file_with_report_labels_and_errors_as_typed(tmp_path, capsys):
    ledger = tmp_path / "l.csv"
    pd.DataFrame(
        [["PT A", "INV-1", "2024-11-01", "2024-12-01", 1000000]],
        columns=["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"],
    ).to_csv(ledger, index=False)
    rates = tmp_path / "rates.csv"
    pd.DataFrame({"bucket": [">90 days", "61-90 days", "31-60 days", "1-30 days", "Current"],
                  "rate": ["100%", "50%", "20%", "5%", "1%"]}).to_csv(rates, index=False)  # fmt: skip
    out = tmp_path / "r.xlsx"
    base = ["report", str(ledger), "--as-of", "2024-12-31", "--reports", "allowance"]
    assert main([*base, "--loss-rates", str(rates), "-o", str(out)]) == 0
    capsys.readouterr()
    assert main([*base, "--loss-rates", "2,5,20,50,100", "-o", str(out)]) == 2
    assert capsys.readouterr().err.strip() == (
        "xl-ar report: loss_rates: value 1 is 2 = 200%, not between 0% and 100%: type a rate as "
        "a percentage (2%) or a fraction (0.02)"
    )
    assert main([*base, "--loss-rates", "1%,5%,20%,50%,150%", "-o", str(out)]) == 2
    assert "value 5 is 1.5 = 150%, not between" in capsys.readouterr().err


def test_a_huge_rate_is_quoted_without_an_overflowing_percentage():
    import warnings

    import numpy as np

    from xl_ar.core.provisioning.ecl import check_rates
    from xl_ar.errors import XlArError

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no overflow warning on the way to the message
        with pytest.raises(XlArError) as got:
            check_rates(np.array([0.01, 1e308]))
    assert str(got.value).startswith("loss_rates: value 2 is 1e+308, not between 0% and 100%")
