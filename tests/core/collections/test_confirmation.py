"""Balance confirmations: each customer's balance equals its aging total, customers are chosen
by the customer key, the largest N sampled, unknown names refused in one line."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xl_ar.core import aging, balance_confirmations
from xl_ar.core.base.customers import customer_key
from xl_ar.errors import OptionError, XlArError
from xl_ar.sample_data import make_sample_ledger

LEDGER = [
    ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid"],
    ["PT. Maju", "F-1", "2024-10-01", "2024-10-31", 1_500_000.0, 0.0],
    ["PT Maju", "F-2", "2024-11-01", "2024-12-01", 500_000.0, 200_000.0],
    ["CV Baru", "F-3", "2024-12-01", "2024-12-27", 250_000.0, 0.0],
    ["UD Lunas", "F-4", "2024-09-01", "2024-09-30", 90_000.0, 90_000.0],
]


def test_balances_open_items_and_order():
    got = balance_confirmations(LEDGER, "2024-12-31")
    assert [(c.customer, c.balance) for c in got] == [
        ("PT. Maju", 1_800_000.0),
        ("CV Baru", 250_000.0),
    ]
    maju = got[0]
    assert maju.items["document"].tolist() == ["F-1", "F-2"]
    assert maju.items["open"].tolist() == [1_500_000.0, 300_000.0]
    assert maju.items["amount"].tolist() == [1_500_000.0, 500_000.0]
    assert maju.as_of == pd.Timestamp("2024-12-31")


def test_customers_by_key_largest_and_unknown():
    got = balance_confirmations(LEDGER, "2024-12-31", customers=["cv  baru", "P.T. Maju"])
    assert [c.customer for c in got] == ["CV Baru", "PT. Maju"]
    assert [c.customer for c in balance_confirmations(LEDGER, "2024-12-31", largest=1)] == [
        "PT. Maju"
    ]
    with pytest.raises(
        XlArError,
        match=r"^customer 'CV Baruu' has no open balance in the ledger \(did you mean 'CV Baru'\?\)$",
    ):
        balance_confirmations(LEDGER, "2024-12-31", customers=["CV Baruu"])
    with pytest.raises(OptionError, match="largest must be a whole number"):
        balance_confirmations(LEDGER, "2024-12-31", largest=0)


def test_sample_ledger_balances_equal_the_aging_totals_to_the_rupiah():
    ledger = make_sample_ledger()
    as_of = "2024-12-31"
    got = balance_confirmations(ledger, as_of)
    table = aging(ledger, as_of, by="customer")
    totals = {customer_key(n): t for n, t in zip(table["customer"], table["Total"], strict=True)}
    assert len(got) > 20
    for conf in got:
        assert round(conf.balance) == round(totals[customer_key(conf.customer)])
        assert round(conf.items["open"].sum(), 2) == conf.balance


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["PT A", "pt a", "CV B", "UD C"]),
                          st.integers(1, 10_000_000), st.integers(0, 100)), min_size=1, max_size=12))  # fmt: skip
def test_the_balances_add_up_to_the_open_ar(rows):
    ledger = [["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid"]] + [
        [name, f"F-{i}", "2024-06-01", "2024-07-01", float(amount), float(amount * paid // 100)]
        for i, (name, amount, paid) in enumerate(rows)
    ]
    got = balance_confirmations(ledger, "2024-12-31")
    expected = sum(a - a * p // 100 for _, a, p in rows)
    assert round(sum(c.balance for c in got), 2) == float(expected)
    assert len({customer_key(c.customer) for c in got}) == len(got)
