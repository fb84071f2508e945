"""Issue 15 (9): an overpayment within the tolerance stays open for the customer unless asked
to write it off; a customer's payables-side statement is detected and flipped."""

from __future__ import annotations

import pytest

from xl_ar.core.cash_application.reconcile import reconcile
from xl_ar.errors import OptionError

LEDGER = [["Customer", "Invoice", "Invoice Date", "Terms", "Amount", "Paid"],
          ["PT A", "INV-001", "2024-01-05", 30, 1_000_000, 0],
          ["PT A", "INV-002", "2024-01-20", 30, 2_500_000, 500_000],
          ["PT A", "INV-003", "2024-01-25", 30, 800_000, 0]]  # fmt: skip
PAYMENTS = [["Payment", "Date", "Amount", "Customer"], ["P1", "2024-02-10", 1_004_000, "PT A"]]


def rows(table):
    cols = ["payment", "invoice", "applied", "difference", "remaining", "status"]
    return [[None if v != v else v for v in r] for r in table[cols].to_numpy().tolist()]


def test_overpayment_within_tolerance_stays_open_for_the_customer():
    got = reconcile(LEDGER, PAYMENTS, tolerance=5000)
    assert rows(got.table)[:2] == [
        ["P1", "INV-001", 1_000_000.0, 0.0, 0.0, "matched"],
        ["P1", None, 0.0, 0.0, 4000.0, "unapplied"],  # the customer's money, open on account
    ]
    s = got.summary
    assert (s["written_off_over"], s["unapplied_amount"], s["applied_amount"]) == (
        0.0,
        4000.0,
        1_000_000.0,
    )


def test_overpayment_written_off_only_when_asked():
    got = reconcile(LEDGER, PAYMENTS, tolerance=5000, write_off_overpayments=True)
    assert rows(got.table)[0] == ["P1", "INV-001", 1_004_000.0, -4000.0, 0.0, "overpaid"]
    assert (got.summary["written_off_over"], got.summary["unapplied_amount"]) == (4000.0, 0.0)
    with pytest.raises(OptionError, match="^write_off_overpayments must be true or false"):
        reconcile(LEDGER, PAYMENTS, write_off_overpayments="yes")


#: PT A's own payables ledger: our invoices as credits (negative), its payment as a debit.
THEIR_BOOKS = [["Doc No", "Date", "Amount"], ["inv 1", "2024-01-05", -1_000_000],
               ["INV 2", "2024-01-20", -2_000_000], ["INV 3", "2024-01-25", -800_000]]  # fmt: skip


def statement_rows(table):
    return table[["document", "ours", "theirs", "difference", "status"]].to_numpy().tolist()


def test_payables_side_statement_is_detected_and_flipped_with_a_note():
    got = reconcile(LEDGER, THEIR_BOOKS, mode="statement")
    assert statement_rows(got.table) == [
        ["INV-001", 1_000_000.0, 1_000_000.0, 0.0, "matched"],
        ["INV-002", 2_000_000.0, 2_000_000.0, 0.0, "matched"],
        ["INV-003", 800_000.0, 800_000.0, 0.0, "matched"],
    ]
    assert got.summary["their_balance"] == 3_800_000.0
    assert got.summary["balance_difference"] == 0.0
    assert got.summary["statement_sign"] == (
        "theirs: every line naming one of our documents was exactly opposite, so the statement "
        "(the customer's payables ledger) was flipped"
    )


def test_statement_sign_can_be_given():
    ours = reconcile(LEDGER, THEIR_BOOKS, mode="statement", statement_sign="ours")
    assert statement_rows(ours.table)[0] == [  # the old result: every line differs by double
        "INV-001", 1_000_000.0, -1_000_000.0, 2_000_000.0, "amount_differs"
    ]  # fmt: skip
    assert ours.summary["statement_sign"] == "ours: invoices positive, as we keep them"
    theirs = reconcile(LEDGER, THEIR_BOOKS, mode="statement", statement_sign="Theirs")
    assert theirs.summary["statement_sign"] == (
        "theirs: the statement's amounts were flipped (our invoices listed as credits)"
    )
    assert theirs.summary["balance_difference"] == 0.0
    with pytest.raises(OptionError, match=r"^statement sign must be one of 'auto', 'ours', "):
        reconcile(LEDGER, THEIR_BOOKS, mode="statement", statement_sign="minus")


def test_auto_keeps_a_normal_statement_and_a_mixed_one():
    normal = [["Doc No", "Amount"], ["INV-001", 1_000_000], ["INV-002", 2_000_000]]
    got = reconcile(LEDGER, normal, mode="statement")
    assert got.summary["statement_sign"] == "ours: invoices positive, as we keep them (detected)"
    mixed = [["Doc No", "Amount"], ["INV-001", -1_000_000], ["INV-002", 2_000_000]]
    got = reconcile(LEDGER, mixed, mode="statement")  # one line opposite, one not: not flipped
    assert got.summary["statement_sign"].startswith("ours:")
    assert [r[0] for r in statement_rows(got.table) if r[-1] == "amount_differs"] == ["INV-001"]
