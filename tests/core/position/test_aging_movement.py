"""Month-over-month aging movement: golden numbers and the conservation law (issue 16).

The golden ledger (tests/support/by_column_samples.py), previous 2024-05-31, current 2024-06-30:

* F1 A 1000, due 01/05, paid in full 10/06: 1-30 (30 days) at previous, gone at current: cured;
* F2 A 600, due 09/06, 250 paid 25/06: Current at previous, 350 in 1-30 (21 days): new overdue;
* F3 B 800, due 31/03, 300 paid 15/06: 61-90 (61) → >90 (91) at 500: partly collected −300;
* F4 B 400 invoiced 05/06: a new invoice, Current; CN1 B credit note 100 of 12/06, Current;
* F5 C 200, due 02/03: 61-90 (90) → >90 (120), untouched.

Previous 2600 + new invoices 400 + credits −100 − collected 1550 (1000 + 250 + 300) = 1350.
Overdue 2000 (F1, F3, F5) − cured 1000 − partly collected 300 + new overdue 350 = 1050.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.by_column_samples import (
    MOVEMENT_CURRENT,
    MOVEMENT_LEDGER,
    MOVEMENT_PREVIOUS,
)
from xl_ar.core import aging, aging_movement, read_ledger
from xl_ar.errors import OptionError


def test_golden_movement_per_bucket():
    got = aging_movement(MOVEMENT_LEDGER, MOVEMENT_PREVIOUS, MOVEMENT_CURRENT)
    assert got.buckets.values.tolist() == [
        ["Current", 600.0, 300.0, -300.0],
        ["1-30", 1000.0, 350.0, -650.0],
        ["31-60", 0.0, 0.0, 0.0],
        ["61-90", 1000.0, 0.0, -1000.0],
        [">90", 0.0, 700.0, 700.0],
        ["Total", 2600.0, 1350.0, -1250.0],
    ]
    assert (str(got.previous.date()), str(got.current.date())) == ("2024-05-31", "2024-06-30")


def test_golden_bridge_and_overdue_walk():
    got = aging_movement(MOVEMENT_LEDGER, MOVEMENT_PREVIOUS, MOVEMENT_CURRENT)
    assert got.bridge.values.tolist() == [
        ["previous total", 2600.0], ["new invoices", 400.0], ["credits", -100.0],
        ["collected", -1550.0], ["settled within tolerance", 0.0], ["current total", 1350.0],
    ]  # fmt: skip
    assert got.overdue.values.tolist() == [
        ["overdue at previous", 2000.0, 3], ["cured", -1000.0, 1],
        ["partly collected", -300.0, 2], ["new overdue", 350.0, 1],
        ["overdue at current", 1050.0, 3],
    ]  # fmt: skip
    assert got.line("new overdue") == 350.0 and got.line("cured") == -1000.0


def test_the_buckets_are_the_agings_at_both_dates():
    got = aging_movement(MOVEMENT_LEDGER, MOVEMENT_PREVIOUS, MOVEMENT_CURRENT, buckets="15,45")
    for date, column in ((MOVEMENT_PREVIOUS, "previous"), (MOVEMENT_CURRENT, "current")):
        table = aging(MOVEMENT_LEDGER, date, buckets="15,45", by="total")
        assert got.buckets[column].tolist() == table.iloc[0].tolist()


@pytest.mark.parametrize(("previous", "current", "message"), [
    ("2024-06-30", "2024-06-30", r"the previous date \(2024-06-30\) must be before the current "
                                 r"date \(2024-06-30\)"),
    ("2024-07-31", "2024-06-30", "must be before the current date"),
    ("soon", "2024-06-30", "previous"),
])  # fmt: skip
def test_bad_dates_are_one_line(previous, current, message):
    with pytest.raises(OptionError, match=message):
        aging_movement(MOVEMENT_LEDGER, previous, current)


BASE = pd.Timestamp("2024-01-01")


@st.composite
def ledgers(draw):
    body = []
    for i in range(draw(st.integers(1, 30))):
        day = BASE + pd.Timedelta(days=draw(st.integers(0, 240)))
        kind = draw(st.sampled_from(["Invoice", "Invoice", "Invoice", "Credit Note", "Payment"]))
        amount = draw(st.integers(1, 5_000_000)) / 100
        part = draw(st.sampled_from([0.0, 0.3, 1.0])) if kind == "Invoice" else 0.0
        paid = round(amount * part, 2)
        dated = draw(st.booleans())  # an undated payment counts from the document's date
        on = day + pd.Timedelta(days=draw(st.integers(0, 120))) if paid and dated else None
        due = day + pd.Timedelta(days=draw(st.sampled_from([0, 14, 30, 60])))
        body.append([f"C{draw(st.integers(0, 4))}", f"D{i}", kind, day, due, amount, paid, on])
    return read_ledger([["Customer", "Invoice", "Type", "Invoice Date", "Due Date", "Amount",
                         "Paid", "Payment Date"], *body])  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(led=ledgers(), start=st.integers(-10, 300), length=st.integers(1, 120))
def test_previous_plus_new_minus_collected_is_current_to_the_cent(led, start, length):
    before = BASE + pd.Timedelta(days=start)
    after = before + pd.Timedelta(days=length)
    got = aging_movement(led, before, after)
    line = dict(got.bridge.values.tolist())
    cents = lambda v: int(np.round(v * 100))  # noqa: E731
    assert line["settled within tolerance"] == 0.0  # amounts in cents: nothing is rounded away
    assert cents(line["previous total"] + line["new invoices"] + line["credits"]
                 + line["collected"]) == cents(line["current total"])  # fmt: skip
    assert cents(line["previous total"]) == cents(aging(led, before, by="total")["Total"].iloc[0])
    assert cents(line["current total"]) == cents(aging(led, after, by="total")["Total"].iloc[0])
    walk = dict((r[0], r[1]) for r in got.overdue.values.tolist())
    assert cents(walk["overdue at previous"] + walk["cured"] + walk["partly collected"]
                 + walk["new overdue"]) == cents(walk["overdue at current"])  # fmt: skip
    overdue_now = got.buckets["current"].iloc[1:-1].sum()
    assert cents(walk["overdue at current"]) == cents(overdue_now)
