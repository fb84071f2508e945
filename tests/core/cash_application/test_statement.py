"""Statement reconciliation (``AR_RECONCILE`` mode ``statement``)."""

from __future__ import annotations

import random

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xl_ar.core.cash_application.payments import read_statement
from xl_ar.core.cash_application.reconcile import reconcile
from xl_ar.core.cash_application.statement import (
    STATEMENT_RESULT_COLUMNS,
    STATEMENT_STATUSES,
    reconcile_statement,
)
from xl_ar.core.ledger.ledger import read_ledger
from xl_ar.errors import LedgerError, OptionError

HEADER = ["Customer", "Invoice", "Type", "Invoice Date", "Terms", "Amount", "Paid"]
A, B = "PT Alpha", "PT Beta"


def ledger(*items):
    """Items: (customer, number, date, amount, paid[, type])."""
    rows = [HEADER]
    for customer, number, date, amount, paid, *kind in items:
        rows.append([customer, number, kind[0] if kind else "Invoice", date, 30, amount, paid])
    return rows


def statement(*lines):
    return [["Doc No", "Date", "Amount"], *map(list, lines)]


def rows_of(table):
    return table[["document", "ours", "theirs", "difference", "status"]].to_numpy().tolist()


def test_the_four_categories_and_the_proof():
    led = ledger(
        (A, "INV-001", "2024-01-05", 100, 0),
        (A, "INV-002", "2024-01-20", 250, 50),
        (A, "INV-003", "2024-01-25", 80, 0),
        (A, "INV-004", "2024-01-02", 60, 60),  # settled, not listed: left out
        (A, "CN-001", "2024-01-26", 15, 0, "Credit Note"),
        (B, "INV-009", "2024-01-05", 999, 0),  # another customer: ignored
    )
    st_rows = statement(
        ("inv 1", "2024-01-05", 100),
        ("INV 2", "2024-01-20", 250),
        ("TRF-9", "2024-01-31", -30),
        ("INV-777", "2024-01-30", 45),
    )
    table, total = reconcile_statement(led, st_rows, customer="pt alpha")
    assert tuple(table.columns) == STATEMENT_RESULT_COLUMNS
    assert rows_of(table) == [
        ["INV-001", 100.0, 100.0, 0.0, "matched"],
        ["INV-002", 200.0, 250.0, -50.0, "amount_differs"],
        ["INV-003", 80.0, 0.0, 80.0, "only_ours"],
        ["CN-001", -15.0, 0.0, -15.0, "only_ours"],
        ["INV-777", 0.0, 45.0, -45.0, "only_theirs"],
        ["TRF-9", 0.0, -30.0, 30.0, "only_theirs"],
    ]
    assert pd.isna(table["note"].iloc[0])
    assert table["note"].tolist()[1:] == [
        "their amount is our full amount: we recorded 50.00 paid or credited",
        "not on their statement: invoice not yet recorded by them?",
        "not on their statement: credit not yet recorded by them?",
        "not in our books: a document we have not recorded?",
        "not in our books: payment or credit in transit?",
    ]
    assert table["our_date"].iloc[0] == pd.Timestamp("2024-01-05")
    assert table["their_date"].iloc[5] == pd.Timestamp("2024-01-31")
    assert pd.isna(table["our_date"].iloc[4]) and pd.isna(table["their_date"].iloc[2])
    assert total == {
        "customer": A,
        "our_balance": 365.0,
        "their_balance": 365.0,
        "balance_difference": 0.0,
        "matched_count": 1,
        "matched_difference": 0.0,
        "amount_differs_count": 1,
        "amount_differs_difference": -50.0,
        "only_ours_count": 2,
        "only_ours_difference": 65.0,
        "only_theirs_count": 2,
        "only_theirs_difference": -15.0,
        "explained_difference": 0.0,
        "unexplained_difference": 0.0,
        "statement_sign": "ours: invoices positive, as we keep them (detected)",  # issue 15
    }


def test_tolerance_absolute_and_percentage():
    led = ledger((A, "INV-1", "2024-01-05", 1000, 0), (A, "INV-2", "2024-01-06", 1000, 0))
    lines = statement(("INV-1", None, 990), ("INV-2", None, 1010.01))
    table, _ = reconcile_statement(led, lines, tolerance=10)
    assert table["status"].tolist() == ["matched", "amount_differs"]
    assert table["note"].tolist() == ["within the tolerance", "differs by -10.01"]
    table, total = reconcile_statement(led, lines, tolerance="1%")
    assert table["status"].tolist() == ["matched", "amount_differs"]
    assert total["matched_difference"] == 10.0 and total["unexplained_difference"] == 0.0
    table, _ = reconcile_statement(led, lines)
    assert table["status"].tolist() == ["amount_differs", "amount_differs"]


def test_their_lines_with_the_same_number_net_out():
    led = ledger((A, "INV-1", "2024-01-05", 1000, 400))
    lines = statement(("INV-1", "2024-01-05", 1000), ("inv 1", "2024-01-20", -400))
    table, total = reconcile_statement(led, lines)
    assert rows_of(table) == [["INV-1", 600.0, 600.0, 0.0, "matched"]]
    assert table["their_date"].iloc[0] == pd.Timestamp("2024-01-05")
    assert total["balance_difference"] == 0.0


def test_settled_on_our_side_but_open_on_theirs_and_both_settled():
    led = ledger((A, "INV-1", "2024-01-05", 100, 100), (A, "INV-2", "2024-01-06", 50, 50))
    table, _ = reconcile_statement(led, statement(("INV-1", None, 100), ("INV-2", None, 0)))
    assert rows_of(table) == [
        ["INV-2", 0.0, 0.0, 0.0, "matched"],
        ["INV-1", 0.0, 100.0, -100.0, "amount_differs"],
    ]


def test_lines_without_numbers_stand_alone():
    led = ledger((A, None, "2024-01-05", 70, 0), (A, "INV-2", "2024-01-06", 50, 0))
    table, total = reconcile_statement(
        led, statement((None, "2024-01-31", -20), (None, "2024-02-01", -5), ("INV-2", None, 50))
    )
    assert rows_of(table) == [
        ["INV-2", 50.0, 50.0, 0.0, "matched"],
        ["row 2", 70.0, 0.0, 70.0, "only_ours"],
        ["row 2", 0.0, -20.0, 20.0, "only_theirs"],
        ["row 3", 0.0, -5.0, 5.0, "only_theirs"],
    ]
    assert total["explained_difference"] == total["balance_difference"] == 95.0


def test_a_statement_number_their_way_still_matches():
    led = ledger((A, "FJ/2024/00017", "2024-01-05", 10, 0), (A, "SI-0009", "2024-01-05", 20, 0))
    table, _ = reconcile_statement(led, statement(("FJ 2024 17", None, 10), ("si9", None, 20)))
    assert table["status"].tolist() == ["matched", "matched"]


# --------------------------------------------------------------------------- customer


def test_customer_is_chosen_or_found():
    led = ledger((A, "INV-1", "2024-01-05", 100, 0), (B, "INV-2", "2024-01-05", 50, 0))
    _, total = reconcile_statement(led, statement(("INV-2", None, 50)))
    assert total["customer"] == B  # the statement names only PT Beta's documents
    _, total = reconcile_statement(led, statement(("X-9", None, 50)), customer="PT. BETA")
    assert total["customer"] == B
    with_customer = [["Customer", "Document", "Amount"], ["pt alpha", "Z-1", 5]]
    assert reconcile_statement(led, with_customer)[1]["customer"] == A
    single = ledger((A, "INV-1", "2024-01-05", 100, 0))
    assert reconcile_statement(single, statement(("Q", None, 1)))[1]["customer"] == A
    with pytest.raises(OptionError, match=r"^the ledger holds 2 customers: give the customer"):
        reconcile_statement(led, statement(("INV-1 INV-2", None, 1), ("X", None, 1)))
    with pytest.raises(
        OptionError,
        match=r"^customer 'PT Gamma' is not in the ledger \(customers: 'PT Alpha', 'PT Beta'\)",
    ):
        reconcile_statement(led, statement(("INV-1", None, 1)), customer="PT Gamma")


# --------------------------------------------------------------------------- through reconcile


def test_statement_mode_of_reconcile_with_debit_credit_columns():
    led = ledger((A, "INV-1", "2024-01-05", 1000, 0), (A, "INV-2", "2024-01-06", 500, 0))
    lines = [
        ["No Faktur", "Tanggal", "Debit", "Kredit"],
        ["INV-1", "05/01/2024", "1.000", None],
        ["BB-3", "31/01/2024", None, "300"],
    ]
    got = reconcile(led, lines, mode="statement", number_format="id")
    assert got.mode == "statement"
    assert rows_of(got.table) == [
        ["INV-1", 1000.0, 1000.0, 0.0, "matched"],
        ["INV-2", 500.0, 0.0, 500.0, "only_ours"],
        ["BB-3", 0.0, -300.0, 300.0, "only_theirs"],
    ]
    assert got.summary["balance_difference"] == 800.0 == got.summary["explained_difference"]


def test_statement_errors_name_the_statement():
    led = ledger((A, "INV-1", "2024-01-05", 1000, 0))
    with pytest.raises(LedgerError, match=r"^statement: row 2 'Amount': 'x' is not an amount"):
        reconcile(led, statement(("INV-1", None, "x")), mode="statement")
    with pytest.raises(OptionError, match="customer 'Z' is not in the ledger"):
        reconcile(led, statement(("INV-1", None, 1)), mode="statement", customer="Z")


def test_same_result_whatever_the_row_order():
    led = ledger(
        *[(A, f"INV-{i}", f"2024-01-{1 + i % 5:02d}", 10 * (i + 1), i % 3) for i in range(12)]
    )
    lines = statement(
        *[(f"inv {i}", None, 10 * (i + 1) - (i % 2)) for i in range(3, 15)], (None, None, -7)
    )
    first, total = reconcile_statement(led, lines)
    for seed in range(4):
        body_l, body_s = led[1:], lines[1:]
        random.Random(seed).shuffle(body_l)
        random.Random(seed + 1).shuffle(body_s)
        again, again_total = reconcile_statement([led[0], *body_l], [lines[0], *body_s])
        pd.testing.assert_frame_equal(
            first.drop(columns="document"), again.drop(columns="document")
        )
        assert again_total == total
    assert set(first["status"]) <= set(STATEMENT_STATUSES)


# --------------------------------------------------------------------------- the proof, always


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.integers(0, 6), st.integers(1, 10**7), st.integers(0, 3), st.booleans()),
        min_size=1,
        max_size=8,
    ),
    st.lists(
        st.tuples(st.one_of(st.none(), st.integers(0, 9)), st.integers(-(10**7), 10**7)), max_size=8
    ),
    st.sampled_from([0.005, 1.0, "1%", "10%"]),
)
def test_our_balance_minus_theirs_is_the_sum_of_the_differences(ours, theirs, tolerance):
    led = ledger(
        *[
            (A, f"INV-{n}" if not credit else f"CN-{n}", "2024-01-05", cents / 100, (cents // 2) / 100 if paid == 1 else 0,
             "Credit Note" if credit else "Invoice")
            for i, (n, cents, paid, credit) in enumerate(ours)
            if not any(o[0] == n and o[3] == credit for o in ours[:i])
        ]
    )  # fmt: skip
    lines = statement(
        *[(None if n is None else f"inv {n}", None, cents / 100) for n, cents in theirs]
        or [("x", None, 0)]
    )
    table, total = reconcile_statement(led, lines, tolerance=tolerance)
    cents = [round(v * 100) for v in table["difference"]]
    our = round(read_ledger(led)["balance"].sum() * 100)
    their = round(read_statement(lines)["amount"].sum() * 100)
    assert our - their == sum(cents)
    assert total["unexplained_difference"] == 0.0
    assert total["balance_difference"] == total["explained_difference"] == (our - their) / 100
    for o, t, d in table[["ours", "theirs", "difference"]].itertuples(index=False):
        assert round(o * 100) - round(t * 100) == round(d * 100)
