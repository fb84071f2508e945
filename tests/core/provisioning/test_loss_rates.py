"""Roll rates and loss rates on a constructed ledger whose month-end agings are worked by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from loss_rate_rows import ROWS

from xl_ar.core.ledger.ledger import read_ledger
from xl_ar.core.position.aging import aging
from xl_ar.core.provisioning.ecl import ecl_from_ledger
from xl_ar.core.provisioning.loss_rates import check_defined, loss_rates, month_ends
from xl_ar.errors import OptionError, XlArError
from xl_ar.sample_data import SAMPLE_AS_OF, make_sample_ledger

# Days past due at each month end, by hand (">90" stops at 180 days; beyond is written off):
#        31 Dec 23     31 Jan 24     29 Feb 24     31 Mar 24      30 Apr 24
# A      11  1-30      paid 15 Jan
# B      -4  Current   27  1-30      paid 20 Feb
# C      47  31-60     78  61-90     107 >90       138 >90 (2000)  168 >90 (2000)
# D      183 w/o       w/o           w/o           w/o             w/o
# E      113 >90       144 >90       173 >90       204 w/o         w/o
# F      -             -8  Current   20  1-30      51  31-60(1000) 81  61-90 (1000)
# H      -             -             -2  Current   29  1-30        paid 25 Apr
# I      0   Current   31  31-60     60  31-60     91  >90         121 >90
# J      -59 Current   paid 30 Jan
# K      -40 Current   -8  Current   paid 25 Feb
# (the credit note G is not an invoice: no credit risk, not in the snapshots)
SNAPSHOTS = {
    #              Current  1-30   31-60  61-90  >90    w/o    Total
    "2023-12-31": [4500.0, 1000.0, 3000.0, 0.0, 800.0, 500.0, 9800.0],
    "2024-01-31": [4700.0, 2000.0, 600.0, 3000.0, 800.0, 500.0, 11600.0],
    "2024-02-29": [1500.0, 4000.0, 600.0, 0.0, 3800.0, 500.0, 10400.0],
    "2024-03-31": [0.0, 1500.0, 1000.0, 0.0, 2600.0, 1300.0, 6400.0],
    "2024-04-30": [0.0, 0.0, 0.0, 1000.0, 2600.0, 1300.0, 4900.0],
}
NAN = np.nan
# Roll rates per period (moved to a later bucket at the next month end / bucket balance):
ROLLS = {
    "Current": [2600 / 4500, 4000 / 4700, 1500 / 1500, NAN],  # B, I moved (I skipped to 31-60)
    "1-30": [0 / 1000, 0 / 2000, 1000 / 4000, 0 / 1500],  # only F's unpaid 1000 rolled
    "31-60": [3000 / 3000, 0 / 600, 600 / 600, 1000 / 1000],  # I stayed in Feb, then skipped
    "61-90": [NAN, 3000 / 3000, NAN, NAN],
    # last bucket: w / (1 - s); Jan, Feb, Apr: everything stayed (s = 1) -> undefined
    ">90": [NAN, NAN, (800 / 3800) / (1 - 2000 / 3800), NAN],
}
# Pooled (balance-weighted) averages:
WEIGHTED = [
    (2600 + 4000 + 1500) / (4500 + 4700 + 1500),
    1000 / (1000 + 2000 + 4000 + 1500),
    (3000 + 600 + 1000) / (3000 + 600 + 600 + 1000),
    3000 / 3000,
    (800 / 8000) / (1 - (800 + 800 + 2000 + 2600) / 8000),  # W = 0.1, S = 0.775 -> 4/9
]
SIMPLE = [
    (2600 / 4500 + 4000 / 4700 + 1.0) / 3,
    0.25 / 4,
    3 / 4,
    1.0,
    4 / 9,
]


def product_to_write_off(rolls):
    return [float(np.prod(rolls[k:])) for k in range(len(rolls))]


@pytest.fixture(scope="module")
def ledger():
    return read_ledger(ROWS)


@pytest.fixture(scope="module")
def rates(ledger):
    return loss_rates(ledger, "2024-01-01", "2024-04-30")


def test_month_end_snapshots_match_the_hand_aging(rates):
    snap = rates.snapshots
    assert list(snap.columns) == ["month_end", "Current", "1-30", "31-60", "61-90", ">90",
                                  "written off (>180)", "Total"]  # fmt: skip
    assert [str(d.date()) for d in snap["month_end"]] == list(SNAPSHOTS)
    assert snap.iloc[:, 1:].to_numpy().tolist() == list(SNAPSHOTS.values())
    assert rates.periods == ["2024-01", "2024-02", "2024-03", "2024-04"]


def test_snapshots_tie_to_the_aging_of_invoices(ledger, rates):
    invoices_only = ledger[ledger["doc_type"] == "invoice"]
    for end, row in zip(rates.snapshots["month_end"], rates.snapshots["Total"], strict=True):
        assert aging(invoices_only, end, by="total")["Total"].iloc[0] == pytest.approx(row)


def test_roll_rates_per_period(rates):
    got = rates.rolls
    assert list(got.index) == list(ROLLS)
    for bucket, expected in ROLLS.items():
        assert got.loc[bucket].tolist() == pytest.approx(expected, nan_ok=True), bucket


def test_weighted_average_and_loss_rates(rates):
    assert rates.average == "weighted"
    assert rates.roll_rates.tolist() == pytest.approx(WEIGHTED)
    assert rates.loss_rates.tolist() == pytest.approx(product_to_write_off(WEIGHTED))
    assert rates.loss_rates[">90"] == pytest.approx(4 / 9)
    assert rates.loss_rates["Current"] == pytest.approx(
        8100 / 10700 * 1000 / 8500 * 4600 / 5200 * 1.0 * 4 / 9
    )


def test_simple_average(ledger):
    got = loss_rates(ledger, "2024-01-01", "2024-04-30", average="Simple")
    assert got.roll_rates.tolist() == pytest.approx(SIMPLE)
    assert got.loss_rates.tolist() == pytest.approx(product_to_write_off(SIMPLE))


def test_table_has_the_periods_used(rates):
    table = rates.table()
    assert list(table.columns) == ["bucket", "2024-01", "2024-02", "2024-03", "2024-04",
                                   "roll_rate", "loss_rate"]  # fmt: skip
    assert table["loss_rate"].tolist() == pytest.approx(product_to_write_off(WEIGHTED))


def test_write_off_threshold_moves_amounts(ledger):
    # written off after 150 days: E is written off by 29 Feb (173 days), C by 30 Apr (168)
    got = loss_rates(ledger, "2024-01-01", "2024-04-30", write_off_after_days=150)
    assert got.snapshots["written off (>150)"].tolist() == [500.0, 500.0, 1300.0, 1300.0, 3300.0]
    # Jan: E stayed (undefined); Feb: E (800 of 800) written off; Mar: C (3000) was partly
    # paid, 2000 stayed, nothing written off; Apr: C (2000 of 2600) written off, I (600) stayed
    w, s = 2000 / 2600, 600 / 2600
    assert got.rolls.loc[">90"].tolist() == pytest.approx([NAN, 1.0, 0.0, w / (1 - s)], nan_ok=True)


def test_disclosure_at_to_date_ties_to_the_aging(ledger, rates):
    m = ecl_from_ledger(ledger, "2024-04-30", rates)
    age = aging(ledger, "2024-04-30", by="total")
    assert m["gross_balance"].tolist() == age.iloc[0].tolist()  # credit note G included
    r = 4 / 9
    # 61-90: F 1000 at 4/9; >90: C 2000 + I 600 + G -300 at 4/9, D 500 + E 800 written off
    assert m["ecl"].tolist() == pytest.approx(
        [0, 0, 0, 1000 * r, 2300 * r + 1300, 1000 * r + 2300 * r + 1300]
    )
    assert rates.disclosure(ledger, "2024-04-30")["ecl"].tolist() == m["ecl"].tolist()


def test_month_end_window():
    assert [str(d.date()) for d in month_ends("2024-01-01", "2024-12-31")][::12] == [
        "2023-12-31",
        "2024-12-31",
    ]
    assert len(month_ends("2024-01-01", "2024-12-31")) == 13
    assert [str(d.date()) for d in month_ends(45306.0, "2024-03-15")] == [
        "2023-12-31",
        "2024-01-31",
        "2024-02-29",
    ]


def test_undefined_rates_are_nan_and_reported(ledger):
    got = loss_rates(ledger, "2024-04-01", "2024-04-30")  # one period: Apr
    assert np.isnan(got.roll_rates["Current"]) and np.isnan(got.loss_rates["Current"])
    message = (
        r"no roll rate for 'Current', '61-90', '>90': no invoice there at the month end "
        r"2024-03-31 \(or none left the last bucket\)"
    )
    with pytest.raises(XlArError, match=message):
        check_defined(got)
    with pytest.raises(XlArError, match="loss rates cannot be estimated"):
        ecl_from_ledger(ledger, "2024-04-30", got)


def test_other_buckets(ledger):
    got = loss_rates(ledger, "2024-01-01", "2024-04-30", buckets="60", write_off_after_days=120)
    assert got.labels == ["Current", "1-60", ">60"]
    assert got.snapshots.iloc[0, 1:].tolist() == [4500.0, 4000.0, 800.0, 500.0, 9800.0]


def test_demo_ledger_rates_are_plausible_and_fast():
    led = read_ledger(make_sample_ledger())
    got = loss_rates(led, "2024-01-01", SAMPLE_AS_OF)
    loss = got.loss_rates.to_numpy()
    assert len(got.periods) == 12
    assert (np.diff(loss) > 0).all()  # older buckets are more likely to be lost
    assert 0 < loss[0] < 0.02 and 0.1 < loss[-1] < 0.6
    snap = got.snapshots.set_index("month_end")
    invoices = led[led["doc_type"] == "invoice"]
    assert snap.loc[pd.Timestamp(SAMPLE_AS_OF), "Total"] == pytest.approx(
        aging(invoices, SAMPLE_AS_OF, by="total")["Total"].iloc[0]
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"from_date": "2024-06-01", "to_date": "2024-01-01"}, "to_date 2024-01-01 is before from_date"),
        ({"from_date": "2024-04-02", "to_date": "2024-04-29"}, "holds no whole month"),
        ({"write_off_after_days": 90}, "write_off_after_days must be a whole number of days above the last bucket edge 90, not 90"),
        ({"write_off_after_days": "lama"}, "write_off_after_days: 'lama' is not a number of days"),
        ({"average": "median"}, "average must be one of 'weighted', 'simple'"),
        ({"to_date": "kemarin"}, "to_date: 'kemarin' is not a date"),
    ],
)  # fmt: skip
def test_bad_options(ledger, kwargs, message):
    args = {"from_date": "2024-01-01", "to_date": "2024-04-30", **kwargs}
    with pytest.raises((OptionError, XlArError)) as err:
        loss_rates(ledger, args.pop("from_date"), args.pop("to_date"), **args)
    assert message in str(err.value)
