"""Issue 15 (9): AR_RECONCILE exposes the statement sign and the overpayment write-off;
AR_LETTER takes the contract's interest rate (default none)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from tests.support.cell_errors import assert_one_line_error
from tests.support.overdue_twelve import AS_OF, twelve_rows
from xl_ar.testing import MISSING, excel_call

D = dt.datetime
LEDGER = [
    ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"],
    ["PT Maju", "INV-0012", D(2024, 1, 5), D(2024, 2, 4), 1000.0],
    ["PT Maju", "INV-0013", D(2024, 1, 20), D(2024, 2, 19), 500.0],
]
PAYMENTS = [["Ref", "Tanggal", "Jumlah", "Pelanggan"], ["BB-1", D(2024, 2, 10), 1003.0, "PT Maju"]]
THEIR_BOOKS = [["Doc No", "Date", "Amount"], ["INV-0012", D(2024, 1, 5), -1000.0],
               ["INV-0013", D(2024, 1, 20), -500.0]]  # fmt: skip


def rows_of(table):
    return pd.DataFrame(table[1:], columns=table[0])


def test_overpayment_stays_open_unless_write_off_is_true():
    got = rows_of(excel_call("AR_RECONCILE", LEDGER, PAYMENTS, 5.0))
    assert got[["invoice", "applied", "difference", "remaining", "status"]].iloc[
        :2
    ].to_numpy().tolist() == [
        ["INV-0012", 1000.0, 0.0, 0.0, "matched"],
        ["", 0.0, 0.0, 3.0, "unapplied"],
    ]
    off = rows_of(excel_call("AR_RECONCILE", LEDGER, PAYMENTS, 5.0, MISSING, MISSING, True))
    assert off[["invoice", "applied", "difference", "status"]].iloc[0].tolist() == [
        "INV-0012", 1003.0, -3.0, "overpaid"
    ]  # fmt: skip


def test_statement_sign_auto_ours_theirs():
    auto = rows_of(excel_call("AR_RECONCILE", LEDGER, THEIR_BOOKS, MISSING, "statement"))
    assert auto["status"].tolist() == ["matched", "matched"]
    assert auto["theirs"].tolist() == [1000.0, 500.0]
    ours = rows_of(excel_call("AR_RECONCILE", LEDGER, THEIR_BOOKS, MISSING, "statement", "ours"))
    assert ours["difference"].tolist() == [2000.0, 1000.0]  # every line off by double
    assert ours["status"].tolist() == ["amount_differs", "amount_differs"]
    theirs = excel_call("AR_RECONCILE", LEDGER, THEIR_BOOKS, MISSING, "statement", "theirs")
    assert rows_of(theirs)["status"].tolist() == ["matched", "matched"]


def test_bad_sign_and_flag_are_one_line():
    got = excel_call("AR_RECONCILE", LEDGER, THEIR_BOOKS, MISSING, "statement", "minus")
    assert_one_line_error(
        "AR_RECONCILE", got, "statement sign must be one of 'auto', 'ours', 'theirs', not 'minus'"
    )
    got = excel_call("AR_RECONCILE", LEDGER, PAYMENTS, MISSING, MISSING, MISSING, "maybe")
    assert_one_line_error(
        "AR_RECONCILE", got, "write_off_overpayments must be TRUE or FALSE, not 'maybe'"
    )


def test_ar_letter_interest_rate_argument():
    led = twelve_rows()
    plain = excel_call("AR_LETTER", led, "UD Empat", AS_OF, MISSING, "en")
    assert "interest" not in plain.lower()
    args = (MISSING, "en", MISSING, MISSING, MISSING)
    rated = excel_call("AR_LETTER", led, "UD Empat", AS_OF, *args, 0.12)
    assert "late interest of 12% a year applies: Rp 789,041." in " ".join(rated.split())
    assert excel_call("AR_LETTER", led, "UD Empat", AS_OF, *args, "12%") == rated
