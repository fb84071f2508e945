"""Cash application (``AR_RECONCILE``, mode ``payments``): passes, tie-breaks, tolerance,
credit notes, customers, determinism, invariants (hypothesis), bad input and the report."""

from __future__ import annotations

import random
from collections import defaultdict

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xl_ar.core.cash_application.payments import read_payments
from xl_ar.core.cash_application.reconcile import (
    CONFIDENCE,
    RESULT_COLUMNS,
    STATUSES,
    ReconcileResult,
    Tolerance,
    apply_payments,
    parse_tolerance,
    reconcile,
    summary,
)
from xl_ar.core.ledger.ledger import read_ledger
from xl_ar.errors import LedgerError, MissingColumnError, OptionError, XlArError

LEDGER_HEADER = ["Customer", "Invoice", "Type", "Invoice Date", "Due Date", "Amount", "Disputed"]
PAYMENT_HEADER = ["Payment", "Date", "Amount", "Customer", "Memo"]


def ledger_rows(*items):
    """Items: (customer, number, date, amount[, type[, disputed]])."""
    rows = [LEDGER_HEADER]
    for customer, number, date, amount, *rest in items:
        kind = rest[0] if rest else "Invoice"
        disputed = rest[1] if len(rest) > 1 else "No"
        rows.append([customer, number, kind, date, date, amount, disputed])
    return rows


def payment_rows(*items):
    """Items: (id, date, amount[, customer[, memo]])."""
    return [PAYMENT_HEADER, *[[*it, *[None] * (5 - len(it))] for it in items]]


def run(ledger, payments, **options):
    return apply_payments(read_ledger(ledger), read_payments(payments), **options)


def applications(table):
    """{(payment, invoice): (applied, difference, rule, status)} of the application rows."""
    rows = table[table["rule"].notna()]
    return {
        (p, i): (a, d, r, st)
        for p, i, a, d, r, st in rows[
            ["payment", "invoice", "applied", "difference", "rule", "status"]
        ].itertuples(index=False)
    }


def remainder(table, payment):
    rows = table[(table["payment"] == payment) & table["invoice"].isna()]
    return (float(rows["remaining"].iloc[0]), rows["status"].iloc[0]) if len(rows) else (0.0, None)


def still_open(table):
    rows = table[table["status"] == "open"]
    return dict(zip(rows["invoice"], rows["remaining"], strict=True))


A, B = "PT Alpha", "PT Beta"


# --------------------------------------------------------------------------- tolerance option


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2%", Tolerance(relative=0.02)),
        (" 2 % ", Tolerance(relative=0.02)),
        ("0,5%", Tolerance(relative=0.005)),
        ("0.5%", Tolerance(relative=0.005)),
        (2500, Tolerance(absolute=2500.0)),
        (0.01, Tolerance(absolute=0.01)),
        ("Rp 1.000,00", Tolerance(absolute=1000.0)),
        ("10", Tolerance(absolute=10.0)),
        (None, Tolerance(absolute=0.005)),
        ("", Tolerance(absolute=0.005)),
        (Tolerance(relative=0.1), Tolerance(relative=0.1)),
    ],
)
def test_parse_tolerance(text, expected):
    assert parse_tolerance(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("-1", "must not be negative"),
        (-0.5, "must not be negative"),
        ("abc", "is not an amount or a percentage"),
        ("abc%", "is not an amount or a percentage"),
        ("100%", "below 100%"),
        (True, "must be an amount or a percentage"),
        (float("inf"), "finite"),
        ([1], "must be an amount or a percentage"),
    ],
)
def test_parse_tolerance_rejects(text, message):
    with pytest.raises(OptionError, match=message):
        parse_tolerance(text)


def test_parse_tolerance_reads_text_amounts_like_the_ledger():
    assert parse_tolerance("Rp 1.000", number_format="id") == Tolerance(absolute=1000.0)
    with pytest.raises(OptionError, match=r"tolerance: 'Rp 1.000' is ambiguous"):
        parse_tolerance("Rp 1.000")


def test_tolerance_compares_to_the_cent():
    t = Tolerance(absolute=2.0)
    assert t.within(2.0, 100) and t.within(-2.0, 100) and not t.within(2.01, 100)
    assert t.within(100.1 - 98.1, 100.1)  # float noise does not push 2.00 outside
    p = Tolerance(relative=0.02)
    assert p.allowed(100.10) == 2.0 and p.within(2.0, 100.0) and not p.within(2.01, 100.0)
    assert Tolerance(absolute=0.005).within(0.004, 1) and not Tolerance(absolute=0.005).within(
        0.01, 1
    )


# --------------------------------------------------------------------------- pass 1: reference


@pytest.mark.parametrize(
    "memo",
    ["INV-00012", "inv 12", "No.12", "Pembayaran faktur #0012", "INV/00012 lunas", "inv-12."],
)
def test_reference_beats_an_exact_amount_elsewhere(memo):
    led = ledger_rows((A, "INV-00011", "2024-01-01", 100), (A, "INV-00012", "2024-01-02", 100))
    table = run(led, payment_rows(("P1", "2024-02-01", 100, A, memo)))
    assert applications(table) == {("P1", "INV-00012"): (100.0, 0.0, "reference", "matched")}
    assert still_open(table) == {"INV-00011": 100.0}
    assert table.loc[0, "confidence"] == CONFIDENCE["reference"] == 1.0


def test_reference_several_numbers_in_one_memo_oldest_first():
    led = ledger_rows(
        (A, "INV-1", "2024-01-01", 100), (A, "INV-2", "2024-01-02", 50),
        (A, "INV-3", "2024-01-03", 70), (A, "INV-4", "2024-01-04", 10),
    )  # fmt: skip
    table = run(led, payment_rows(("P1", "2024-02-01", 180, A, "inv 3, INV-1 & no.4")))
    got = applications(table)
    assert list(got) == [("P1", "INV-1"), ("P1", "INV-3"), ("P1", "INV-4")]  # by age
    assert [v[0] for v in got.values()] == [100.0, 70.0, 10.0]
    assert still_open(table) == {"INV-2": 50.0}


def test_reference_short_payment_is_partial_and_surplus_stays_unapplied():
    led = ledger_rows((A, "INV-1", "2024-01-01", 100), (A, "INV-2", "2024-01-02", 50))
    table = run(
        led,
        payment_rows(("P1", "2024-02-01", 60, A, "INV-1"), ("P2", "2024-02-02", 150, A, "INV-2")),
    )
    got = applications(table)
    assert got[("P1", "INV-1")] == (60.0, 0.0, "reference", "partial")
    assert got[("P2", "INV-2")] == (50.0, 0.0, "reference", "matched")
    assert remainder(table, "P2") == (100.0, "unapplied")  # overpayment: not pushed to INV-1
    assert still_open(table) == {"INV-1": 40.0}


def test_two_payments_naming_the_same_invoice():
    led = ledger_rows((A, "INV-1", "2024-01-01", 100))
    table = run(
        led,
        payment_rows(("P2", "2024-02-02", 40, A, "INV-1"), ("P1", "2024-02-01", 60, A, "INV-1 dp")),
    )
    got = applications(table)
    assert got[("P1", "INV-1")] == (60.0, 0.0, "reference", "partial")
    assert got[("P2", "INV-1")] == (40.0, 0.0, "reference", "matched")
    assert list(table["payment"].iloc[:2]) == ["P1", "P2"]  # payment order: by date


def test_reference_to_a_closed_invoice_identifies_the_customer_and_falls_through():
    led = [
        [*LEDGER_HEADER, "Paid"],
        [A, "INV-1", "Invoice", "2024-01-01", "2024-01-01", 100, "No", 100],
        [A, "INV-2", "Invoice", "2024-01-02", "2024-01-02", 80, "No", 0],
    ]
    table = run(led, payment_rows(("P1", "2024-02-01", 80, None, "INV-1 again")))
    assert applications(table) == {("P1", "INV-2"): (80.0, 0.0, "exact", "matched")}


def test_unknown_reference_is_ignored():
    led = ledger_rows((A, "INV-1", "2024-01-01", 100))
    table = run(led, payment_rows(("P1", "2024-02-01", 100, A, "INV-999 PO 1")))
    assert applications(table) == {("P1", "INV-1"): (100.0, 0.0, "exact", "matched")}


def test_ambiguous_number_is_resolved_by_the_payment_customer_else_ignored():
    led = ledger_rows((A, "12", "2024-01-01", 100), (B, "INV-0012", "2024-01-01", 100))
    table = run(
        led,
        payment_rows(
            ("P1", "2024-02-01", 100, "pt beta", "no 12"), ("P2", "2024-02-02", 30, None, "12")
        ),
    )
    assert applications(table) == {("P1", "INV-0012"): (100.0, 0.0, "reference", "matched")}
    assert remainder(table, "P2") == (30.0, "unmatched")


def test_a_unique_reference_identifies_the_customer_for_an_ambiguous_one():
    led = ledger_rows(
        (A, "12", "2024-01-01", 100), (B, "INV-0012", "2024-01-01", 100), (B, "INV-7", "2024-01-02", 5)
    )  # fmt: skip
    table = run(led, payment_rows(("P1", "2024-02-01", 105, None, "inv 12 + inv 7")))
    assert set(applications(table)) == {("P1", "INV-0012"), ("P1", "INV-7")}


# --------------------------------------------------------------------------- pass 2: exact


def test_exact_ties_go_to_the_oldest_and_follow_payment_order():
    led = ledger_rows(
        (A, "INV-2", "2024-02-01", 100),
        (A, "INV-1", "2024-01-01", 100),
        (A, "INV-3", "2024-03-01", 100),
    )
    table = run(
        led, payment_rows(("P-late", "2024-04-02", 100, A), ("P-early", "2024-04-01", 100, A))
    )
    got = applications(table)
    assert got[("P-early", "INV-1")][2:] == ("exact", "matched")
    assert got[("P-late", "INV-2")][2:] == ("exact", "matched")
    assert still_open(table) == {"INV-3": 100.0}
    assert table["confidence"].iloc[0] == 0.95


def test_exact_same_date_ties_broken_by_due_date_then_number():
    led = [
        LEDGER_HEADER,
        [A, "INV-9", "Invoice", "2024-01-01", "2024-01-31", 100, "No"],
        [A, "INV-8", "Invoice", "2024-01-01", "2024-02-28", 100, "No"],
        [A, "INV-7", "Invoice", "2024-01-01", "2024-02-28", 100, "No"],
    ]
    table = run(led, payment_rows(*[(f"P{i}", "2024-03-01", 100, A) for i in range(3)]))
    assert [i for _, i in applications(table)] == ["INV-9", "INV-7", "INV-8"]


def test_exact_to_the_cent_before_the_closest_within_tolerance_before_the_oldest():
    led = ledger_rows(
        (A, "INV-1", "2024-01-01", 99), (A, "INV-2", "2024-01-02", 100.5),
        (A, "INV-3", "2024-01-03", 100),
    )  # fmt: skip
    table = run(led, payment_rows(("P1", "2024-02-01", 100, A)), tolerance=2)
    assert list(applications(table)) == [("P1", "INV-3")]
    led = ledger_rows((A, "INV-1", "2024-01-01", 98.5), (A, "INV-2", "2024-01-02", 99.5))
    table = run(
        led, payment_rows(("P1", "2024-02-01", 100, A)), tolerance=2, write_off_overpayments=True
    )  # issue 15: a write-off only when asked
    assert applications(table) == {("P1", "INV-2"): (100.0, -0.5, "within_tolerance", "overpaid")}
    led = ledger_rows((A, "INV-1", "2024-01-01", 99), (A, "INV-2", "2024-01-02", 101))
    table = run(led, payment_rows(("P1", "2024-02-01", 100, A)), tolerance=2)
    assert list(applications(table)) == [("P1", "INV-1")]  # equally close: the oldest


# --------------------------------------------------------------------------- pass 3: combination


def test_combination_fewest_invoices_first():
    led = ledger_rows(
        (A, "INV-1", "2024-01-01", 10), (A, "INV-2", "2024-01-02", 20),
        (A, "INV-3", "2024-01-03", 30), (A, "INV-4", "2024-01-04", 40),
    )  # fmt: skip
    table = run(led, payment_rows(("P1", "2024-02-01", 60, A)))  # 20+40 beats 10+20+30
    got = applications(table)
    assert list(got) == [("P1", "INV-2"), ("P1", "INV-4")]
    assert {v[2] for v in got.values()} == {"combination"}
    assert table["confidence"].iloc[0] == 0.8


def test_combination_same_size_goes_to_the_oldest():
    led = ledger_rows(
        (A, "INV-1", "2024-01-01", 10), (A, "INV-2", "2024-01-02", 20),
        (A, "INV-3", "2024-01-03", 30), (A, "INV-4", "2024-01-04", 40),
    )  # fmt: skip
    table = run(led, payment_rows(("P1", "2024-02-01", 50, A)))  # 10+40 and 20+30: INV-1 is oldest
    assert list(applications(table)) == [("P1", "INV-1"), ("P1", "INV-4")]


def test_combination_closest_sum_within_tolerance_then_oldest():
    led = ledger_rows(
        (A, "INV-1", "2024-01-01", 49), (A, "INV-2", "2024-01-02", 50),
        (A, "INV-3", "2024-01-03", 50.5), (A, "INV-4", "2024-01-04", 50),
    )  # fmt: skip
    table = run(led, payment_rows(("P1", "2024-02-01", 100.5, A)), tolerance=2)
    # 49+50.5 = 99.5 (1.0 off), 50+50 = 100 (0.5 off), 50+50.5 = 100.5 (exact)
    got = applications(table)
    assert set(got) == {("P1", "INV-2"), ("P1", "INV-3")}
    assert all(v[3] == "matched" for v in got.values())


def test_combination_with_a_short_payment_writes_the_difference_off():
    led = ledger_rows((A, "INV-1", "2024-01-01", 600), (A, "INV-2", "2024-01-02", 400))
    table = run(led, payment_rows(("P1", "2024-02-01", 980, A)), tolerance="2%")
    got = applications(table)
    assert got[("P1", "INV-1")] == (600.0, 0.0, "combination", "matched")
    assert got[("P1", "INV-2")] == (380.0, 20.0, "combination", "short_paid_written_off")
    assert still_open(table) == {}


def test_combination_k_and_budget_bound_the_search_deterministically():
    # 10, 20, 40, 80, 160, 320: every subset has its own sum; 210 needs 10 + 40 + 160
    led = ledger_rows(*[(A, f"INV-{i}", f"2024-01-{i + 1:02d}", 10 * 2**i) for i in range(6)])
    pays = payment_rows(("P1", "2024-02-01", 210, A))

    def rules(**options):
        return {v[2] for v in applications(run(led, pays, **options)).values()}

    assert rules() == {"combination"}
    assert rules(k=2) == rules(k=1) == {"fifo"}
    # 5 candidates (320 is above the payment): 10 pairs, then 10 triples
    assert rules(max_subsets=19) == {"fifo"}  # the triples do not fit what is left
    assert rules(max_subsets=20) == {"combination"}


def test_combination_candidates_are_the_oldest_within_the_amount():
    led = ledger_rows(
        (A, "INV-0", "2024-01-01", 500),  # above the payment: never a candidate
        *[(A, f"INV-{i}", f"2024-01-{i + 1:02d}", 7) for i in range(1, 4)],
        (A, "INV-9", "2024-02-01", 5),
    )
    pays = payment_rows(("P1", "2024-03-01", 12, A))
    got = applications(run(led, pays, max_candidates=3))  # INV-9 is not among the 3 oldest
    assert {v[2] for v in got.values()} == {"fifo"}
    got = applications(run(led, pays, max_candidates=4))
    assert list(got) == [("P1", "INV-1"), ("P1", "INV-9")]


# --------------------------------------------------------------------------- pass 4: fifo


def test_fifo_oldest_first_last_partially_skipping_disputed():
    led = ledger_rows(
        (A, "INV-1", "2024-01-01", 100), (A, "INV-2", "2024-01-02", 100, "Invoice", "Yes"),
        (A, "INV-3", "2024-01-03", 100), (A, "INV-4", "2024-01-04", 100),
    )  # fmt: skip
    table = run(led, payment_rows(("P1", "2024-02-01", 150, A)))
    assert applications(table) == {
        ("P1", "INV-1"): (100.0, 0.0, "fifo", "matched"),
        ("P1", "INV-3"): (50.0, 0.0, "fifo", "partial"),
    }
    assert still_open(table) == {"INV-2": 100.0, "INV-3": 50.0, "INV-4": 100.0}
    assert table["confidence"].iloc[0] == 0.6


def test_fifo_leftover_is_unapplied_and_unknown_customer_is_unmatched():
    led = ledger_rows((A, "INV-1", "2024-01-01", 100), (A, "INV-2", "2024-01-02", 60))
    table = run(
        led,
        payment_rows(
            ("P1", "2024-02-01", 170, A), ("P2", "2024-02-02", 10, A),
            ("P3", "2024-02-03", 25, "PT Nobody"), ("P4", "2024-02-04", 5),
        ),
    )  # fmt: skip
    assert remainder(table, "P1") == (10.0, "unapplied")
    assert remainder(table, "P2") == (10.0, "unapplied")  # nothing left open for PT Alpha
    assert remainder(table, "P3") == (25.0, "unmatched")
    assert remainder(table, "P4") == (5.0, "unmatched")
    row = table[table["payment"] == "P3"].iloc[0]
    assert row["customer"] == "PT Nobody" and pd.isna(row["rule"]) and pd.isna(row["confidence"])


def test_fifo_closes_the_last_invoice_when_the_rest_is_within_tolerance():
    led = ledger_rows((A, "INV-1", "2024-01-01", 100), (A, "INV-2", "2024-01-02", 1000))
    table = run(led, payment_rows(("P1", "2024-02-01", 1085, A)), tolerance="2%", k=1)
    # no exact match; fifo: INV-2 gets 985, its remaining 15 is within 2% of 1000: written off
    assert applications(table)[("P1", "INV-2")] == (985.0, 15.0, "fifo", "short_paid_written_off")


# --------------------------------------------------------------------------- tolerance both ways


@pytest.mark.parametrize(
    ("tolerance", "paid", "expected"),
    [
        (2, 98.0, ("within_tolerance", 2.0, "short_paid_written_off")),  # just inside
        (2, 97.99, ("fifo", 0.0, "partial")),  # just outside
        (2, 102.0, ("within_tolerance", -2.0, "overpaid")),
        (2, 102.01, ("fifo", 0.0, "matched")),
        ("2%", 98.0, ("within_tolerance", 2.0, "short_paid_written_off")),
        ("2%", 97.99, ("fifo", 0.0, "partial")),
        ("2%", 102.0, ("within_tolerance", -2.0, "overpaid")),
        ("2%", 102.01, ("fifo", 0.0, "matched")),
        (0.005, 99.99, ("fifo", 0.0, "partial")),  # default: exact to the cent
    ],
)
def test_tolerance_just_inside_and_just_outside(tolerance, paid, expected):
    led = ledger_rows((A, "INV-1", "2024-01-01", 100))
    table = run(
        led,
        payment_rows(("P1", "2024-02-01", paid, A)),
        tolerance=tolerance,
        write_off_overpayments=True,
    )  # issue 15: the default keeps the excess open
    applied, diff, rule, status = applications(table)[("P1", "INV-1")]
    assert (rule, diff, status) == expected
    if status == "overpaid":
        assert applied == paid and remainder(table, "P1") == (0.0, None)
    if rule == "fifo" and paid > 100:
        assert applied == 100.0 and remainder(table, "P1") == (round(paid - 100, 2), "unapplied")


def test_overpayment_within_tolerance_of_several_named_invoices_goes_on_the_last():
    led = ledger_rows((A, "INV-0004", "2024-01-01", 13.15), (B, "INV-0001", "2024-01-02", 2.5))
    pays = payment_rows(("P0", "2024-02-01", 16.17, None, "INV-0001 INV-0004"))
    table = run(led, pays, tolerance="5%", write_off_overpayments=True)  # 0.52 over 15.65
    assert applications(table) == {  # within 5% (0.78) of the total: written off when asked
        ("P0", "INV-0004"): (13.15, 0.0, "reference", "matched"),
        ("P0", "INV-0001"): (3.02, -0.52, "reference", "overpaid"),
    }
    table = run(led, pays, tolerance="3%")  # 3% of 15.65 is 0.46: the 0.52 stays unapplied
    assert remainder(table, "P0") == (0.52, "unapplied")


def test_percentage_is_relative_to_the_open_amount_being_settled():
    led = ledger_rows((A, "INV-1", "2024-01-01", 10_000), (A, "INV-2", "2024-01-02", 50))
    # 2% of 50 is 1: a payment of 48 is not within it ...
    table = run(led, payment_rows(("P1", "2024-02-01", 48, A, "INV-2")), tolerance="2%")
    assert applications(table)[("P1", "INV-2")][3] == "partial"
    # ... while 2% of 10,000 is 200
    table = run(led, payment_rows(("P1", "2024-02-01", 9_800, A, "INV-1")), tolerance="2%")
    assert applications(table)[("P1", "INV-1")] == (
        9800.0,
        200.0,
        "reference",
        "short_paid_written_off",
    )


# --------------------------------------------------------------------------- customers


def test_a_payment_never_covers_two_customers_without_a_memo():
    led = ledger_rows((A, "INV-1", "2024-01-01", 100), (B, "INV-2", "2024-01-01", 50))
    table = run(led, payment_rows(("P1", "2024-02-01", 150, A)))
    assert applications(table) == {("P1", "INV-1"): (100.0, 0.0, "fifo", "matched")}
    assert remainder(table, "P1") == (50.0, "unapplied")
    assert still_open(table) == {"INV-2": 50.0}


def test_a_memo_naming_both_invoices_pays_two_customers():
    led = ledger_rows((A, "INV-1", "2024-01-01", 100), (B, "INV-2", "2024-01-01", 50))
    table = run(led, payment_rows(("P1", "2024-02-01", 150, A, "INV-1 + INV-2 (PT Beta)")))
    got = table[table["rule"].notna()]
    assert got[["invoice", "customer", "applied", "status"]].to_numpy().tolist() == [
        ["INV-1", A, 100.0, "matched"],
        ["INV-2", B, 50.0, "matched"],
    ]
    assert still_open(table) == {}


def test_payment_customer_is_matched_ignoring_case_and_punctuation():
    led = ledger_rows(("PT. Maju Jaya", "INV-1", "2024-01-01", 100))
    table = run(led, payment_rows(("P1", "2024-02-01", 100, "pt maju  jaya")))
    assert table.loc[0, ["customer", "status"]].tolist() == ["PT. Maju Jaya", "matched"]


# --------------------------------------------------------------------------- credit notes


def test_fifo_nets_open_credits_first_so_invoice_minus_credit_closes_both():
    led = ledger_rows(
        (A, "INV-1", "2024-01-01", 100), (A, "CN-1", "2024-01-05", 20, "Credit Note"),
        (A, "INV-2", "2024-01-10", 300),
    )  # fmt: skip
    table = run(led, payment_rows(("P1", "2024-02-01", 80, A)), k=1)
    assert applications(table) == {
        ("P1", "CN-1"): (-20.0, 0.0, "fifo", "matched"),
        ("P1", "INV-1"): (100.0, 0.0, "fifo", "matched"),
    }
    assert still_open(table) == {"INV-2": 300.0}


def test_combination_may_net_a_credit_note():
    led = ledger_rows(
        (A, "INV-1", "2024-01-01", 100), (A, "CN-1", "2024-01-05", 20, "Credit Note"),
        (A, "INV-2", "2024-01-10", 300),
    )  # fmt: skip
    table = run(led, payment_rows(("P1", "2024-02-01", 80, A)))
    assert applications(table) == {
        ("P1", "INV-1"): (100.0, 0.0, "combination", "matched"),
        ("P1", "CN-1"): (-20.0, 0.0, "combination", "matched"),
    }


def test_reference_naming_an_invoice_and_a_credit_note():
    led = ledger_rows(
        (A, "INV-1", "2024-01-01", 100), (A, "CN-7", "2024-01-05", 30, "Credit Note"),
        (A, "INV-2", "2024-01-10", 70),
    )  # fmt: skip
    table = run(led, payment_rows(("P1", "2024-02-01", 70, A, "INV-1 less CN-7")))
    got = applications(table)
    assert got[("P1", "CN-7")] == (-30.0, 0.0, "reference", "matched")
    assert got[("P1", "INV-1")] == (100.0, 0.0, "reference", "matched")
    assert still_open(table) == {"INV-2": 70.0}


def test_fifo_leaves_disputed_credits_alone():
    led = ledger_rows(
        (A, "INV-1", "2024-01-01", 50), (A, "CN-1", "2024-01-02", 20, "Credit Note", "Yes"),
    )  # fmt: skip
    table = run(led, payment_rows(("P1", "2024-02-01", 30, A)), k=1)
    assert applications(table) == {("P1", "INV-1"): (30.0, 0.0, "fifo", "partial")}


def test_fifo_uses_credits_only_as_far_as_the_invoices_need_them():
    led = ledger_rows(
        (A, "INV-1", "2024-01-01", 50), (A, "CN-1", "2024-01-02", 80, "Credit Note"),
    )  # fmt: skip
    table = run(led, payment_rows(("P1", "2024-02-01", 10, A)))
    got = applications(table)
    assert got[("P1", "CN-1")] == (-50.0, 0.0, "fifo", "partial")
    assert got[("P1", "INV-1")] == (50.0, 0.0, "fifo", "matched")
    assert remainder(table, "P1") == (10.0, "unapplied")
    assert still_open(table) == {"CN-1": -30.0}


def test_a_credit_note_named_alone_is_not_a_reference_match():
    led = ledger_rows((A, "INV-1", "2024-01-01", 100), (A, "CN-1", "2024-01-02", 20, "Credit Note"))
    table = run(led, payment_rows(("P1", "2024-02-01", 100, A, "CN-1")))
    assert applications(table) == {("P1", "INV-1"): (100.0, 0.0, "exact", "matched")}


# --------------------------------------------------------------------------- pass order


def test_passes_run_over_all_payments_in_order_so_references_are_not_stolen():
    led = ledger_rows((A, "INV-1", "2024-01-01", 100), (A, "INV-2", "2024-01-02", 100))
    # P1 comes first but has no memo; P2 names INV-1. Reference runs first for every payment.
    table = run(
        led,
        payment_rows(("P1", "2024-02-01", 100, A), ("P2", "2024-02-02", 100, A, "INV-1")),
    )
    got = applications(table)
    assert got[("P2", "INV-1")][2] == "reference"
    assert got[("P1", "INV-2")][2] == "exact"


# --------------------------------------------------------------------------- output


def test_output_columns_dtypes_and_order():
    led = ledger_rows((A, None, "2024-01-01", 100), (B, "INV-2", "2024-01-01", 50))
    table = run(led, payment_rows(("P1", "2024-02-01", 30, A), ("P0", "2024-01-15", 5, "X")))
    assert tuple(table.columns) == RESULT_COLUMNS
    assert list(table.index) == list(range(len(table)))
    assert table["payment_date"].dtype == "datetime64[ns]"
    assert table["invoice_date"].dtype == "datetime64[ns]"
    for col in (
        "payment_amount",
        "open_amount",
        "applied",
        "difference",
        "remaining",
        "confidence",
    ):
        assert table[col].dtype == np.float64
    assert set(table["status"]) <= set(STATUSES)
    assert table["payment"].tolist()[:2] == ["P0", "P1"]  # by payment date
    assert table["invoice"].isna().tolist() == [True, False, False, False]
    assert table["invoice"].tolist()[1:] == ["row 2", "row 2", "INV-2"]  # no number: its row
    assert table["status"].tolist() == ["unmatched", "partial", "open", "open"]


def test_identities_hold_on_every_row():
    led = ledger_rows(
        (A, "INV-1", "2024-01-01", 100.10), (A, "CN-1", "2024-01-02", 10, "Credit Note"),
        (A, "INV-2", "2024-01-03", 33.33), (B, "INV-3", "2024-01-03", 66.67),
    )  # fmt: skip
    pays = payment_rows(
        ("P1", "2024-02-01", 50, A), ("P2", "2024-02-01", 99.99, B, "INV-3 & INV-1"),
        ("P3", "2024-02-02", 500, A),
    )  # fmt: skip
    table = run(led, pays, tolerance="1%")
    _check_invariants(table, read_ledger(led), read_payments(pays), Tolerance(relative=0.01))


def test_summary_of_a_run():
    led = ledger_rows(
        (A, "INV-1", "2024-01-01", 100),
        (A, "INV-2", "2024-01-02", 100),
        (A, "INV-3", "2024-01-03", 50),
    )
    got = reconcile(
        led,
        payment_rows(
            ("P1", "2024-02-01", 98, A, "INV-1"), ("P2", "2024-02-02", 30, A),
            ("P3", "2024-02-03", 7, "Z"),
        ),
        tolerance=2,
    )  # fmt: skip
    assert isinstance(got, ReconcileResult) and got.mode == "payments"
    assert got.summary == summary(got.table)
    s = got.summary
    assert (s["payments"], s["payments_amount"], s["applied_amount"]) == (3, 135.0, 128.0)
    assert (s["reference_payments"], s["reference_amount"]) == (1, 98.0)
    assert (s["fifo_payments"], s["fifo_amount"], s["exact_payments"]) == (1, 30.0, 0)
    assert (s["written_off_short"], s["written_off_over"]) == (2.0, 0.0)
    assert (s["unmatched_payments"], s["unmatched_amount"]) == (1, 7.0)
    assert (s["invoices_closed"], s["invoices_partial"]) == (1, 1)
    assert (s["open_items"], s["open_items_amount"]) == (2, 120.0)
    assert s["applied_pct"] == pytest.approx(128 / 135)


# --------------------------------------------------------------------------- determinism


def _shuffled(rows, seed):
    body = rows[1:]
    random.Random(seed).shuffle(body)
    return [rows[0], *body]


def test_same_result_whatever_the_row_order():
    led = ledger_rows(
        *[(c, f"INV-{c[3]}{i}", f"2024-01-{1 + i % 3:02d}", 10 * (1 + i % 4)) for c in (A, B) for i in range(8)],
        (A, "CN-1", "2024-01-02", 15, "Credit Note"),
    )  # fmt: skip
    pays = payment_rows(
        *[(f"P{i}", f"2024-02-{1 + i % 2:02d}", 10 * (1 + i % 5), (A, B, None)[i % 3], f"INV-A{i}" if i % 4 == 0 else None)
          for i in range(12)]
    )  # fmt: skip
    first = run(led, pays, tolerance="5%")
    for seed in range(5):
        again = run(_shuffled(led, seed), _shuffled(pays, seed + 10), tolerance="5%")
        pd.testing.assert_frame_equal(first, again)
    assert first.equals(run(led, pays, tolerance="5%"))


# --------------------------------------------------------------------------- invariants


def _check_invariants(table, ledger, payments, tol):
    """The identities of the module docstring, in cents, plus bounds and customer mixing."""

    def c(x):
        return int(round(float(x) * 100))

    # every application row: open − applied − difference = remaining
    done = table[table["rule"].notna()]
    for o, a, d, r in done[["open_amount", "applied", "difference", "remaining"]].itertuples(
        index=False
    ):
        assert c(o) - c(a) - c(d) == c(r)
    # per payment: Σ applied + unapplied = amount, Σ applied ≤ amount
    amounts = dict(zip(payments["payment"], payments["amount"], strict=True))
    on_payments = table[table["payment"].notna()]
    assert set(on_payments["payment"]) <= set(amounts)
    for pid, amount in amounts.items():
        rows = on_payments[on_payments["payment"] == pid]
        rest = rows[rows["invoice"].isna()]
        assert len(rest) <= 1
        applied = sum(c(a) for a in rows["applied"])
        assert applied + sum(c(x) for x in rest["remaining"]) == c(amount)
        assert applied <= c(amount)
        assert all(c(x) > 0 for x in rest["remaining"])
    # per item: Σ (applied + difference) + remaining = ledger balance; settled within bounds
    balance = {}
    for (customer, number, row), value in zip(
        zip(ledger["customer"], ledger["invoice"], ledger.index, strict=True),
        ledger["balance"],
        strict=True,
    ):
        label = number if isinstance(number, str) else f"row {row}"
        balance[(customer, label)] = c(value)
    settled = defaultdict(int)
    matches = table[table["rule"].notna()]
    for key, a, d, o in zip(
        zip(matches["customer"], matches["invoice"], strict=True), matches["applied"],
        matches["difference"], matches["open_amount"], strict=True,
    ):  # fmt: skip
        settled[key] += c(a) + c(d)
        if c(o) > 0:
            assert 0 <= c(a) + c(d) <= c(o)  # settled never exceeds the open amount
        else:
            assert c(o) <= c(a) + c(d) <= 0 and c(d) == 0
    # write-offs stay within the tolerance of what the payment settles on invoices
    for _, rows in matches.groupby("payment"):
        positive = rows[rows["open_amount"] > 0]
        base = sum(
            c(a) + c(d) for a, d in zip(positive["applied"], positive["difference"], strict=True)
        )
        diffs = [c(d) for d in rows["difference"]]
        assert sum(d for d in diffs if d > 0) <= tol.allowed_cents(base)
        assert -sum(d for d in diffs if d < 0) <= tol.allowed_cents(base)
        assert not (any(d > 0 for d in diffs) and any(d < 0 for d in diffs))
    open_rows = table[table["status"] == "open"]
    left = {
        k: c(r)
        for k, r in zip(
            zip(open_rows["customer"], open_rows["invoice"], strict=True),
            open_rows["remaining"],
            strict=True,
        )
    }
    assert len(left) == len(open_rows)
    for key, value in balance.items():
        if abs(value) > 0:
            assert settled[key] + left.get(key, 0) == value, key
        else:
            assert key not in settled and key not in left
    assert all(v != 0 for v in left.values())
    # statuses agree with the numbers
    for status, r, d in matches[["status", "remaining", "difference"]].itertuples(index=False):
        expected = (
            "partial"
            if c(r)
            else "short_paid_written_off"
            if c(d) > 0
            else "overpaid"
            if c(d) < 0
            else "matched"
        )
        assert status == expected
    assert matches["confidence"].tolist() == [CONFIDENCE[r] for r in matches["rule"]]


customers = st.sampled_from([A, B, "PT Gamma"])


@st.composite
def scenarios(draw):
    n_items = draw(st.integers(0, 8))
    items = []
    for i in range(n_items):
        credit = draw(st.integers(0, 9)) == 0
        items.append(
            (
                draw(customers),
                f"{'CN' if credit else 'INV'}-{i:04d}",
                f"2024-01-{draw(st.integers(1, 28)):02d}",
                draw(st.integers(1, 30_000)) / 100,
                "Credit Note" if credit else "Invoice",
                "Yes" if draw(st.integers(0, 9)) == 0 else "No",
            )
        )
    n_pays = draw(st.integers(1, 6))
    pays = []
    for j in range(n_pays):
        memo = None
        if items and draw(st.booleans()):
            named = draw(st.lists(st.integers(0, n_items - 1), min_size=1, max_size=2))
            style = draw(st.sampled_from(["{}", "inv {n}", "No.{n}", "{} dan {}"]))
            numbers = [items[i][1] for i in named]
            memo = " ".join(style.format(num, num, n=int(num.split("-")[1])) for num in numbers)
        who = draw(st.one_of(customers, st.none(), st.just("PT Nobody")))
        amount = draw(st.integers(1, 60_000)) / 100
        pays.append((f"P{j}", f"2024-02-{draw(st.integers(1, 28)):02d}", amount, who, memo))
    tolerance = draw(st.sampled_from([0.005, 1.0, "1%", "5%", 50]))
    k = draw(st.integers(1, 5))
    return ledger_rows(*items) if items else None, payment_rows(*pays), tolerance, k


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_invariants_hold_for_any_input(scenario):
    led_rows, pay_rows, tolerance, k = scenario
    if led_rows is None:  # a ledger without items: one settled invoice
        led_rows = [
            [*LEDGER_HEADER, "Paid"],
            [A, "INV-X", "Invoice", "2024-01-01", "2024-01-01", 5, "No", 5],
        ]
    ledger, payments = read_ledger(led_rows), read_payments(pay_rows)
    table = apply_payments(ledger, payments, tolerance=tolerance, k=k)
    _check_invariants(table, ledger, payments, parse_tolerance(tolerance))
    # no customer mixing outside references
    by_payment = dict(zip(payments["payment"], payments["customer"], strict=True))
    known = {str(c).casefold() for c in ledger["customer"]}
    for pid, customer, rule in table[["payment", "customer", "rule"]].itertuples(index=False):
        given_customer = by_payment.get(pid)
        if rule in ("exact", "combination", "fifo") and isinstance(given_customer, str):
            if given_customer.casefold() in known:
                assert customer.casefold() == given_customer.casefold()
    # the same input in another order gives the same table
    again = apply_payments(
        read_ledger(_shuffled(led_rows, 1)),
        read_payments(_shuffled(pay_rows, 2)),
        tolerance=tolerance,
        k=k,
    )
    pd.testing.assert_frame_equal(table, again)


# --------------------------------------------------------------------------- bad input


GOOD_LEDGER = ledger_rows((A, "INV-1", "2024-01-01", 100))


@pytest.mark.parametrize(
    ("payments", "error", "message"),
    [
        (
            [["Payment", "Date", "Customer"], ["P1", "2024-02-01", A]],
            MissingColumnError,
            "payments: no 'amount' column (e.g. 'Amount', 'Jumlah'); headers found: 'Payment', 'Date', 'Customer'",
        ),
        (
            [
                ["No Bukti", "Tanggal", "Jumlah"],
                ["P1", "2024-02-01", 5],
                ["P2", "2024-02-01", "abc"],
            ],
            LedgerError,
            "payments: row 3 'Jumlah': 'abc' is not an amount (number format 'auto')",
        ),
        (
            payment_rows(("P1", "2024-02-01", 5), ("P1", "2024-02-02", 6)),
            LedgerError,
            "payments: row 3 'Payment': 'P1' repeats the payment id of row 2",
        ),
        (
            payment_rows(("P1", "2024-02-01", -5)),
            LedgerError,
            "payments: row 2 'Amount': '-5' is negative: a payment must be above zero",
        ),
        ([], XlArError, "payments: the range is empty"),
        ([PAYMENT_HEADER], XlArError, "payments: no payments below the header row"),
        (
            [PAYMENT_HEADER, [None] * 5, [None] * 5],
            XlArError,
            "payments: no payments below the header row",
        ),
    ],
)
def test_bad_payments_give_one_line(payments, error, message):
    with pytest.raises(error) as caught:
        reconcile(GOOD_LEDGER, payments)
    text = str(caught.value)
    assert text.startswith(message) and "\n" not in text


def test_bad_ledger_and_options_give_one_line():
    pays = payment_rows(("P1", "2024-02-01", 5, A))
    with pytest.raises(XlArError, match=r"^invoices: the ledger has no rows"):
        reconcile([LEDGER_HEADER], pays)
    with pytest.raises(XlArError, match=r"^invoices: the range is empty"):
        reconcile([], pays)
    with pytest.raises(MissingColumnError, match=r"^invoices: no 'customer' column"):
        reconcile([["Invoice Date", "Terms", "Amount"], ["2024-01-01", 30, 5]], pays)
    with pytest.raises(LedgerError, match=r"^invoices: row 2 'Amount': 'x' is not an amount"):
        reconcile(ledger_rows((A, "INV-1", "2024-01-01", "x")), pays)
    with pytest.raises(OptionError, match="mode must be one of 'payments', 'statement'"):
        reconcile(GOOD_LEDGER, pays, mode="cash")
    with pytest.raises(OptionError, match="k must be a whole number from 1 to 5"):
        reconcile(GOOD_LEDGER, pays, k=6)
    with pytest.raises(OptionError, match="k must be a whole number"):
        reconcile(GOOD_LEDGER, pays, k=2.5)
    with pytest.raises(OptionError, match="tolerance"):
        reconcile(GOOD_LEDGER, pays, tolerance="lots")
    assert reconcile(GOOD_LEDGER, pays, mode=" Payments ", k=2.0).mode == "payments"


def test_inputs_already_read_are_used_as_they_are():
    led, pays = read_ledger(GOOD_LEDGER), read_payments(payment_rows(("P1", "2024-02-01", 100, A)))
    assert reconcile(led, pays).table.equals(
        reconcile(GOOD_LEDGER, payment_rows(("P1", "2024-02-01", 100, A))).table
    )
