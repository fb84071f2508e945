"""Aging and open items: bucket edges, as-of dates, partial payments, credit notes, properties."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xl_ar.core.ledger.ledger import read_ledger
from xl_ar.core.position.aging import aging, assign_buckets, bucket_labels
from xl_ar.core.position.open_items import open_items
from xl_ar.errors import OptionError

AS_OF = "2024-06-30"
HEADER = ["Customer", "Invoice", "Type", "Invoice Date", "Due Date", "Amount", "Paid",
          "Payment Date"]  # fmt: skip


def ledger(*body):
    return read_ledger([HEADER, *map(list, body)])


def inv(customer, number, due, amount, paid=0.0, paid_on=None, invoice_date="2024-01-01",
        kind="Invoice"):  # fmt: skip
    return [customer, number, kind, invoice_date, due, amount, paid, paid_on]


def test_bucket_edges_of_a_due_date_aging():
    # days past due at 2024-06-30: due 06-30 → 0 (due today: current), 07-05 → -5 (not yet due),
    # 05-31 → 30, 05-30 → 31, 04-01 → 90, 03-31 → 91
    led = ledger(
        inv("A", "today", "2024-06-30", 1), inv("A", "future", "2024-07-05", 2),
        inv("A", "d30", "2024-05-31", 4), inv("A", "d31", "2024-05-30", 8),
        inv("A", "d90", "2024-04-01", 16), inv("A", "d91", "2024-03-31", 32),
    )  # fmt: skip
    table = aging(led, AS_OF, by="invoice").set_index("invoice")
    assert table["days"].to_dict() == {"today": 0, "future": -5, "d30": 30, "d31": 31,
                                       "d90": 90, "d91": 91}  # fmt: skip
    assert table["bucket"].to_dict() == {"today": "Current", "future": "Current", "d30": "1-30",
                                         "d31": "31-60", "d90": "61-90", "d91": ">90"}  # fmt: skip
    row = aging(led, AS_OF, by="total").iloc[0].to_dict()
    assert row == {"Current": 3, "1-30": 4, "31-60": 8, "61-90": 16, ">90": 32, "Total": 63}


def test_assign_buckets_age_zero_and_edges():
    assert assign_buckets(np.array([0, 1, 30, 31, 60, 61, 90, 91])).tolist() == [
        0, 1, 1, 2, 2, 3, 3, 4]  # fmt: skip
    assert assign_buckets(np.array([0, 30, 31, 91]), basis="invoice").tolist() == [0, 0, 1, 3]


def test_labels_follow_the_edges():
    assert bucket_labels("15,45,75,120") == ["Current", "1-15", "16-45", "46-75", "76-120", ">120"]
    assert bucket_labels([30, 60, 90], "invoice") == ["0-30", "31-60", "61-90", ">90"]


def test_invoice_paid_after_as_of_is_still_open_at_as_of():
    led = ledger(inv("A", "1", "2024-05-31", 100, 100, "2024-07-15"))
    assert aging(led, AS_OF, by="total")["Total"].iloc[0] == 100
    assert aging(led, "2024-07-15", by="total")["Total"].iloc[0] == 0
    assert aging(led, "2024-07-14", by="total")["Total"].iloc[0] == 100


def test_invoice_dated_after_as_of_is_not_a_receivable_yet():
    led = ledger(inv("A", "1", "2024-08-31", 100, invoice_date="2024-07-01"))
    table = aging(led, AS_OF)
    assert table["customer"].tolist() == ["Total"]
    assert table["Total"].iloc[0] == 0


def test_partial_payment_stays_in_the_invoices_own_bucket():
    led = ledger(inv("A", "1", "2024-04-15", 1000, 400, "2024-06-01"))
    row = aging(led, AS_OF, by="total").iloc[0]
    assert row["61-90"] == 600 and row["Total"] == 600
    assert aging(led, "2024-05-31", by="total").iloc[0]["31-60"] == 1000


def test_credit_notes_and_unapplied_cash_reduce_the_balance():
    led = ledger(
        inv("A", "1", "2024-06-15", 1000),
        inv("A", "CN1", "2024-06-10", 200, invoice_date="2024-06-10", kind="Credit Note"),
        inv("A", "PAY1", "2024-05-01", 50, invoice_date="2024-05-01", kind="Payment"),
    )
    table = aging(led, AS_OF).set_index("customer")
    assert table.loc["A", "1-30"] == 800  # the invoice (15 days) less the credit note
    assert table.loc["A", "31-60"] == -50
    assert table.loc["A", "Total"] == 750


def test_by_customer_has_a_total_row_sorted_customers_and_row_sums():
    led = ledger(inv("Zeta", "1", "2024-06-01", 10), inv("Alpha", "2", "2024-03-01", 5),
                 inv("Alpha", "3", "2024-07-01", 1))  # fmt: skip
    table = aging(led, AS_OF)
    assert table["customer"].tolist() == ["Alpha", "Zeta", "Total"]
    assert table.columns.tolist() == ["customer", "Current", "1-30", "31-60", "61-90", ">90",
                                      "Total"]  # fmt: skip
    assert table.set_index("customer").loc["Total"].tolist() == [1, 10, 0, 0, 5, 16]


def test_measures_count_and_percent():
    led = ledger(inv("A", "1", "2024-06-01", 30), inv("A", "2", "2024-06-02", 10),
                 inv("B", "3", "2024-07-01", 60))  # fmt: skip
    count = aging(led, AS_OF, measure="count").set_index("customer")
    assert count.loc["A", "1-30"] == 2 and count.loc["Total", "Total"] == 3
    pct = aging(led, AS_OF, measure="percent").set_index("customer")
    assert pct.loc["A", "1-30"] == pytest.approx(0.4)
    assert pct.loc["Total", "Total"] == pytest.approx(1.0)


def test_invoice_basis_ages_from_the_invoice_date():
    led = ledger(inv("A", "1", "2024-07-30", 10, invoice_date="2024-05-31"),
                 inv("A", "2", "2024-07-30", 5, invoice_date="2024-05-30"))  # fmt: skip
    row = aging(led, AS_OF, basis="invoice", by="total").iloc[0]
    assert row["0-30"] == 10 and row["31-60"] == 5 and "Current" not in row.index


def test_disputed_can_be_left_out():
    body = [HEADER + ["Disputed"], inv("A", "1", "2024-06-01", 10) + ["Yes"],
            inv("A", "2", "2024-06-01", 5) + ["No"]]  # fmt: skip
    assert aging(body, AS_OF, by="total")["Total"].iloc[0] == 15
    assert aging(body, AS_OF, by="total", include_disputed=False)["Total"].iloc[0] == 5


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"basis": "posting"}, "basis must be one of 'due', 'invoice'"),
        ({"by": "nowhere"}, "by: no column .nowhere. in the ledger"),
        ({"measure": "sum"}, "measure must be one of"),
        ({"buckets": "60,30"}, "buckets must increase"),
        ({"buckets": "30,abc"}, "'abc' is not a number of days"),
        ({"by": "invoice", "measure": "count"}, "measure must be 'amount'"),
    ],
)
def test_bad_options_give_one_line(kwargs, message):
    led = ledger(inv("A", "1", "2024-06-01", 10))
    with pytest.raises(OptionError, match=message):
        aging(led, AS_OF, **kwargs)


def test_as_of_accepts_excel_serials_and_dates():
    led = ledger(inv("A", "1", "2024-06-01", 10))
    a = aging(led, 45473)  # 2024-06-30
    b = aging(led, pd.Timestamp(AS_OF).to_pydatetime())
    pd.testing.assert_frame_equal(a, b)
    with pytest.raises(OptionError, match="as_of"):
        aging(led, "30/06/2024x")


def test_open_items_ages():
    led = ledger(inv("A", "1", "2024-06-01", 10, invoice_date="2024-05-01"))
    item = open_items(led, AS_OF).iloc[0]
    assert (item["outstanding"], item["days_past_due"], item["age_days"]) == (10, 29, 60)


# --- properties -----------------------------------------------------------------------------------
BASE = pd.Timestamp("2024-01-01")


@st.composite
def ledgers(draw):
    n = draw(st.integers(1, 40))
    body = []
    for i in range(n):
        offset = draw(st.integers(0, 200))
        terms = draw(st.sampled_from([0, 14, 30, 45, 60]))
        amount = draw(st.integers(1, 10_000_000)) / 100
        paid_part = draw(st.sampled_from([0.0, 0.25, 1.0]))
        pay_after = draw(st.integers(0, 150))
        day = BASE + pd.Timedelta(days=offset)
        paid_on = day + pd.Timedelta(days=pay_after) if paid_part else None
        body.append([f"C{draw(st.integers(0, 5))}", str(i), "Invoice", day,
                     day + pd.Timedelta(days=terms), amount, round(amount * paid_part, 2), paid_on])  # fmt: skip
    return read_ledger([HEADER, *body])


as_of_days = st.integers(-10, 400).map(lambda d: BASE + pd.Timedelta(days=d))
edges = st.lists(st.integers(1, 200), min_size=1, max_size=5, unique=True).map(sorted)


@settings(max_examples=60, deadline=None)
@given(led=ledgers(), as_of=as_of_days, buckets=edges, basis=st.sampled_from(["due", "invoice"]))
def test_buckets_sum_to_total_open(led, as_of, buckets, basis):
    table = aging(led, as_of, buckets=buckets, basis=basis)
    labels = bucket_labels(buckets, basis)
    open_total = open_items(led, as_of)["outstanding"].sum()
    assert table[labels].to_numpy().sum() / 2 == pytest.approx(open_total, abs=1e-6)
    assert table["Total"].iloc[-1] == pytest.approx(open_total, abs=1e-6)
    body = table.iloc[:-1]
    assert np.allclose(body[labels].sum(axis=1), body["Total"])


@settings(max_examples=40, deadline=None)
@given(led=ledgers(), as_of=as_of_days, seed=st.integers(0, 2**32 - 1))
def test_shuffling_rows_changes_nothing(led, as_of, seed):
    shuffled = led.sample(frac=1.0, random_state=np.random.RandomState(seed))
    pd.testing.assert_frame_equal(aging(led, as_of), aging(shuffled, as_of))


@settings(max_examples=30, deadline=None)
@given(led=ledgers(), days_before=st.integers(1, 1000))
def test_aging_before_every_invoice_is_empty(led, days_before):
    as_of = led["invoice_date"].min() - pd.Timedelta(days=days_before)
    table = aging(led, as_of)
    assert table["customer"].tolist() == ["Total"]
    assert (table.drop(columns="customer").to_numpy() == 0).all()
    assert aging(led, as_of, by="invoice").empty
