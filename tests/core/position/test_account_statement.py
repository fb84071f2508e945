"""Statements of account: a golden statement, the demo ledger tied to the aging, properties."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xl_ar.core import AccountStatement, account_statement, account_statements
from xl_ar.core.ledger.ledger import read_ledger
from xl_ar.core.position.aging import aging
from xl_ar.errors import CurrencyError, OptionError, XlArError
from xl_ar.sample_data import make_sample_ledger

HEADER = ["Customer", "Invoice", "Type", "Invoice Date", "Due Date", "Amount", "Paid",
          "Payment Date"]  # fmt: skip


def row(customer, number, date, due, amount, paid=0.0, paid_on=None, kind="Invoice"):
    return [customer, number, kind, date, due, amount, paid, paid_on]


GOLDEN = read_ledger([HEADER,
    row("PT Maju", "F-000", "2024-03-01", "2024-03-31", 500_000, 500_000, "2024-04-10"),
    row("PT Maju", "F-001", "2024-05-10", "2024-06-09", 1_000_000, 1_000_000, "2024-06-05"),
    row("PT Maju", "F-003", "2024-04-15", "2024-05-15", 750_000, 750_000, "2024-07-05"),
    row("PT Maju", "F-002", "2024-06-03", "2024-07-03", 2_500_000, 1_000_000, "2024-06-20"),
    row("PT Maju", "NK-001", "2024-06-12", "2024-06-12", 300_000, kind="Credit Note"),
    row("PT Maju", "F-005", "2024-06-20", "2024-07-20", 100_000),
    row("PT Maju", "PAY-9", "2024-06-25", "2024-06-25", 200_000, kind="Payment"),
    row("PT Maju", "F-004", "2024-07-02", "2024-08-01", 400_000),
    row("CV Baru", "F-100", "2024-06-01", "2024-07-01", 90_000),
])  # fmt: skip


def test_golden_statement_opening_lines_running_balance_closing_and_aging_strip():
    got = account_statement(GOLDEN, "p.t. maju", "2024-06-01", "2024-06-30")
    assert isinstance(got, AccountStatement)
    assert (got.customer, got.currency, got.kind) == ("PT Maju", None, "history")
    assert (got.start, got.end) == (pd.Timestamp("2024-06-01"), pd.Timestamp("2024-06-30"))
    assert got.opening == 1_750_000  # F-001 and F-003 open on 31 May
    lines = got.lines
    assert lines.columns.tolist() == ["date", "kind", "document", "description", "due_date",
                                      "debit", "credit", "balance"]  # fmt: skip
    expected = [
        ("2024-06-03", "invoice", "F-002", 2_500_000, 0, 4_250_000),
        ("2024-06-05", "payment", "F-001", 0, 1_000_000, 3_250_000),
        ("2024-06-12", "credit_note", "NK-001", 0, 300_000, 2_950_000),
        ("2024-06-20", "invoice", "F-005", 100_000, 0, 3_050_000),  # documents before payments
        ("2024-06-20", "payment", "F-002", 0, 1_000_000, 2_050_000),
        ("2024-06-25", "unapplied", "PAY-9", 0, 200_000, 1_850_000),
    ]
    shown = [(d.date().isoformat(), k, n, a, b, c) for d, k, n, a, b, c in zip(
        lines["date"], lines["kind"], lines["document"], lines["debit"], lines["credit"],
        lines["balance"], strict=True)]  # fmt: skip
    assert shown == expected
    assert lines["description"].tolist()[:3] == [
        ("Faktur F-002", "Invoice F-002"),
        ("Pembayaran faktur F-001", "Payment of invoice F-001"),
        ("Nota kredit NK-001", "Credit note NK-001"),
    ]
    assert lines["due_date"].iloc[0] == pd.Timestamp("2024-07-03")
    assert pd.isna(lines["due_date"].iloc[1])  # a payment has no due date
    assert got.closing == 1_850_000 == lines["balance"].iloc[-1]
    assert got.debit == 2_600_000 and got.credit == 2_500_000
    assert got.aging.to_dict("records") == [{
        "Current": 1_600_000.0, "1-30": -500_000.0, "31-60": 750_000.0, "61-90": 0.0,
        ">90": 0.0, "total": 1_850_000.0}]  # fmt: skip
    items = got.open_items
    assert items.columns.tolist() == ["document", "date", "due_date", "amount", "open",
                                      "days_overdue"]  # fmt: skip
    assert items["document"].tolist() == ["F-003", "F-002", "NK-001", "F-005", "PAY-9"]
    assert items["open"].tolist() == [750_000, 1_500_000, -300_000, 100_000, -200_000]
    assert items["days_overdue"].tolist() == [46, -3, 18, -20, 5]
    assert got.notes == ()  # F-004, dated after the period, is simply not in it


def test_a_customer_with_nothing_in_the_period_still_gets_a_statement_when_named():
    got = account_statement(GOLDEN, "CV Baru", "2024-01-01", "2024-03-31")
    assert (got.opening, got.closing, len(got.lines)) == (0.0, 0.0, 0)
    assert got.aging["total"].tolist() == [0.0]
    assert account_statements(GOLDEN, "2024-01-01", "2024-02-29") == []  # nobody: nothing to show


def test_unknown_customer_is_one_line_suggesting_close_names():
    with pytest.raises(XlArError, match=r"^customer 'PT Maja' is not in the ledger \(did you "
                       r"mean 'PT Maju'\?\)$"):  # fmt: skip
        account_statement(GOLDEN, "PT Maja", "2024-06-01", "2024-06-30")
    with pytest.raises(XlArError, match="customer is blank"):
        account_statement(GOLDEN, "  ", "2024-06-01", "2024-06-30")
    with pytest.raises(XlArError, match="'Nobody' is not in the ledger$"):
        account_statements(GOLDEN, "2024-06-01", "2024-06-30", customers=["PT Maju", "Nobody"])


def test_start_after_end_is_refused():
    with pytest.raises(OptionError, match="^the statement starts on 2024-07-01 after it ends on "
                       "2024-06-30: give a start on or before the end$"):  # fmt: skip
        account_statement(GOLDEN, "PT Maju", "2024-07-01", "2024-06-30")


def test_several_currencies_one_statement_per_currency_never_added():
    led = read_ledger([
        [*HEADER, "Currency"],
        [*row("PT Maju", "F-1", "2024-06-01", "2024-07-01", 100), "USD"],
        [*row("PT Maju", "F-2", "2024-06-02", "2024-07-02", 5_000_000), "IDR"],
        [*row("CV Baru", "F-3", "2024-06-03", "2024-07-03", 70), "USD"],
    ])  # fmt: skip
    got = account_statements(led, "2024-06-01", "2024-06-30")
    assert [(s.customer, s.currency, s.closing) for s in got] == [
        ("CV Baru", "USD", 70.0),
        ("PT Maju", "IDR", 5_000_000.0),
        ("PT Maju", "USD", 100.0),
    ]
    with pytest.raises(
        CurrencyError,
        match=r"^customer 'PT Maju' owes in several currencies "
        r"\(IDR, USD\): one statement per currency; give the currency$",
    ):
        account_statement(led, "PT Maju", "2024-06-01", "2024-06-30")
    usd = account_statement(led, "PT Maju", "2024-06-01", "2024-06-30", currency="usd")
    assert (usd.currency, usd.closing, usd.lines["document"].tolist()) == ("USD", 100.0, ["F-1"])
    with pytest.raises(CurrencyError, match=r"has no item in EUR \(found: IDR, USD\)"):
        account_statement(led, "PT Maju", "2024-06-01", "2024-06-30", currency="EUR")


def test_payment_without_a_date_is_shown_on_the_document_date_and_said():
    led = read_ledger([HEADER,
        row("A", "F-1", "2024-06-10", "2024-07-10", 1000, 400, None),
        row("A", "F-2", "2024-05-02", "2024-06-01", 300, 300, "2024-06-15"),
    ])  # fmt: skip
    got = account_statement(led, "A", "2024-06-01", "2024-06-30")
    assert got.opening == 300
    undated = got.lines[got.lines["document"].eq("F-1") & got.lines["kind"].eq("payment")]
    assert undated["date"].tolist() == [pd.Timestamp("2024-06-10")]  # the invoice's date
    assert undated["credit"].tolist() == [400.0]
    assert undated["description"].iloc[0][1] == (
        "Payment of invoice F-1 (payment date unknown: counted from the document date)"
    )
    assert got.closing == 600 == aging(led, "2024-06-30")["Total"].iloc[-1]
    assert got.notes[0][1] == ("1 payment without a date (Rp 400) counted from the document date, "
                               "as the aging counts them: balances before the real payment dates "
                               "may be understated")  # fmt: skip


def test_payment_dated_before_its_document_counts_from_the_document_date():
    rows = [HEADER, row("A", "F-1", "2024-06-10", "2024-07-10", 1000, 1000, "2024-05-20")]
    led = read_ledger(rows, strict=False)  # a data problem: read leniently, as a lenient report
    before = account_statement(led, "A", "2024-05-01", "2024-05-31")
    assert (before.closing, len(before.lines)) == (0.0, 0)
    got = account_statement(led, "A", "2024-06-01", "2024-06-30")
    assert got.lines["date"].tolist() == [pd.Timestamp("2024-06-10")] * 2
    assert "paid before the document date" in got.lines["description"].iloc[1][1]


def test_applied_credit_note_is_a_debit_when_used_up():
    led = read_ledger([HEADER,
        row("A", "F-1", "2024-06-01", "2024-07-01", 1000, 1000, "2024-06-20"),
        row("A", "NK-1", "2024-06-05", "2024-06-05", 200, 200, "2024-06-20", kind="Credit Note"),
    ])  # fmt: skip
    got = account_statement(led, "A", "2024-06-01", "2024-06-30")
    assert got.lines[["kind", "document", "debit", "credit"]].values.tolist() == [
        ["invoice", "F-1", 1000.0, 0.0], ["credit_note", "NK-1", 0.0, 200.0],
        ["payment", "F-1", 0.0, 1000.0], ["payment", "NK-1", 200.0, 0.0]]  # fmt: skip
    assert got.lines["description"].iloc[3] == (
        "Nota kredit NK-1 dipakai",
        "Credit note NK-1 applied",
    )
    assert got.closing == 0.0 and got.lines["balance"].iloc[-1] == 0.0


def test_snapshot_ledger_gives_an_open_items_statement_with_the_opening_not_known():
    led = read_ledger([["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"],
                       ["A", "F-1", "2024-03-01", "2024-03-31", 500],
                       ["A", "F-2", "2024-06-10", "2024-07-10", 250],
                       ["B", "F-3", "2024-06-11", "2024-07-11", 99]])  # fmt: skip
    got = account_statement(led, "A", "2024-06-01", "2024-06-30")
    assert got.kind == "snapshot" and math.isnan(got.opening) and not got.opening_known
    assert got.lines[["document", "debit", "balance"]].values.tolist() == [
        ["F-1", 500.0, 500.0],
        ["F-2", 250.0, 750.0],
    ]  # every open item, none invented
    assert got.closing == 750.0 == got.aging["total"].iloc[0]
    assert got.notes[0][1].startswith("opening balance not known: the ledger lists only open "
                                      "items, with no payment history")  # fmt: skip


# --- the demo ledger: closing balances tie to the aging, to the rupiah -------------------------
@pytest.fixture(scope="module")
def demo():
    return read_ledger(make_sample_ledger())


@pytest.mark.parametrize("end", ["2023-06-30", "2024-02-29", "2024-09-15", "2024-12-31"])
def test_demo_statements_close_at_the_aging_total_of_every_customer(demo, end):
    start = pd.Timestamp(end).replace(day=1)
    statements = account_statements(demo, start, end)
    table = aging(demo, end)
    totals = dict(zip(table["customer"].iloc[:-1], table["Total"].iloc[:-1], strict=True))
    closing = {s.customer: s.closing for s in statements if s.closing}
    assert closing.keys() == {c for c, t in totals.items() if t}
    for customer, total in totals.items():
        assert round(closing.get(customer, 0.0)) == round(total)  # to the rupiah
        assert closing.get(customer, 0.0) == pytest.approx(total, abs=0.005)
    opening = aging(demo, start - pd.Timedelta(days=1))
    before = dict(zip(opening["customer"].iloc[:-1], opening["Total"].iloc[:-1], strict=True))
    for s in statements:
        assert s.opening == pytest.approx(before.get(s.customer, 0.0), abs=0.005)
        assert s.opening + s.debit - s.credit == pytest.approx(s.closing, abs=0.01)
        assert s.aging["total"].iloc[0] == s.closing
        if len(s.lines):
            assert s.lines["balance"].iloc[-1] == pytest.approx(s.closing, abs=0.01)
    kinds = {k for s in statements for k in s.lines["kind"]}
    assert {"invoice", "payment"} <= kinds


def test_demo_statements_cover_every_customer_with_a_movement(demo):
    statements = account_statements(demo, "2024-12-01", "2024-12-31")
    assert len(statements) == 59
    assert sum(s.closing for s in statements) == pytest.approx(
        aging(demo, "2024-12-31")["Total"].iloc[-1], abs=0.01
    )


# --- properties -------------------------------------------------------------------------------
BASE = pd.Timestamp("2024-01-01")


@st.composite
def ledgers(draw):
    body = []
    for i in range(draw(st.integers(1, 30))):
        day = BASE + pd.Timedelta(days=draw(st.integers(0, 200)))
        kind = draw(st.sampled_from(["Invoice"] * 4 + ["Credit Note", "Payment"]))
        amount = draw(st.integers(1, 10_000_000)) / 100
        terms = 0 if kind != "Invoice" else draw(st.sampled_from([0, 14, 30, 60]))
        part = draw(st.sampled_from([0.0, 0.3, 1.0]))
        paid = round(amount * part, 2)
        when = draw(st.sampled_from(["dated", "dated", "future", "undated"]))
        paid_on = None
        if part and when != "undated":
            later = draw(st.integers(0, 150)) + (400 if when == "future" else 0)
            paid_on = day + pd.Timedelta(days=later)
        body.append(row(f"C{draw(st.integers(0, 3))}", f"D{i:03d}", day,
                        day + pd.Timedelta(days=terms), amount, paid, paid_on, kind))  # fmt: skip
    return read_ledger([HEADER, *body])


days = st.integers(-20, 420)


@settings(max_examples=60)
@given(led=ledgers(), a=days, gap1=st.integers(0, 120), gap2=st.integers(0, 120))
def test_statement_properties(led, a, gap1, gap2):
    start = BASE + pd.Timedelta(days=a)
    middle = start + pd.Timedelta(days=gap1)
    end = middle + pd.Timedelta(days=1 + gap2)
    whole = account_statements(led, start, end)
    first = {(s.customer, s.currency): s for s in account_statements(led, start, middle)}
    second = {(s.customer, s.currency): s for s in account_statements(
        led, middle + pd.Timedelta(days=1), end)}  # fmt: skip
    table = aging(led, end)
    totals = dict(zip(table["customer"].iloc[:-1], table["Total"].iloc[:-1], strict=True))
    for s in whole:
        if s.kind == "snapshot":  # no payment at all: the open items, the opening not known
            assert math.isnan(s.opening) and s.debit - s.credit == pytest.approx(s.closing)
            continue
        assert s.opening + s.debit - s.credit == pytest.approx(s.closing, abs=1e-6)
        assert s.closing == pytest.approx(totals.get(s.customer, 0.0), abs=1e-9)
        assert s.aging["total"].iloc[0] == s.closing
        if len(s.lines):
            assert np.allclose(
                s.lines["balance"], s.opening + np.cumsum(s.lines["debit"] - s.lines["credit"])
            )
        a_part, b_part = first.get((s.customer, s.currency)), second.get((s.customer, s.currency))
        a_lines = a_part.lines if a_part else s.lines.iloc[:0]
        b_lines = b_part.lines if b_part else s.lines.iloc[:0]
        if a_part is not None:
            assert a_part.opening == pytest.approx(s.opening, abs=1e-9)
        if a_part is not None and b_part is not None:
            assert b_part.opening == pytest.approx(a_part.closing, abs=1e-6)
        joined = pd.concat([a_lines, b_lines], ignore_index=True)
        cols = ["date", "kind", "document", "debit", "credit"]
        pd.testing.assert_frame_equal(joined[cols], s.lines[cols])
        assert np.allclose(joined["balance"], s.lines["balance"])
    assert {s.customer for s in whole if s.closing} == {c for c, t in totals.items() if t}


def test_an_old_undated_payment_is_not_said_where_it_changes_nothing():
    led = read_ledger([HEADER,
        row("A", "F-1", "2023-01-10", "2023-02-09", 1000, 1000, None),  # settled long ago
        row("A", "F-2", "2024-06-10", "2024-07-10", 500, 100, "2024-06-20"),
    ])  # fmt: skip
    got = account_statement(led, "A", "2024-06-01", "2024-06-30")
    assert (got.opening, got.closing, got.notes) == (0.0, 400.0, ())
    partly = read_ledger([HEADER, row("A", "F-1", "2023-01-10", "2023-02-09", 1000, 300, None)])
    said = account_statement(partly, "A", "2024-06-01", "2024-06-30")  # still open: said
    assert said.opening == 700.0 and said.notes[0][1].startswith("1 payment without a date")
