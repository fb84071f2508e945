"""Issue 15 review (14, 17, 20): AR_LETTER gives the true reason a customer gets no letter;
AR_WORKLIST keeps a customer whose every overdue invoice is disputed."""

from __future__ import annotations

import datetime as dt

from xl_ar.testing import MISSING, excel_call

D = dt.datetime
HEAD = ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Disputed"]
ROWS = [
    HEAD,
    ["PT Early", "E1", D(2024, 11, 20), D(2024, 12, 20), 2_000_000.0, "No"],
    ["PT WOsmall", "W2", D(2023, 6, 1), D(2023, 7, 1), 10_000.0, "No"],
    ["PT Disp", "D1", D(2024, 1, 1), D(2024, 2, 1), 7_000_000.0, "Yes"],
]
AS_OF = D(2024, 12, 31)


def test_letter_of_an_all_disputed_customer_gives_the_true_reason():
    assert excel_call("AR_LETTER", ROWS, "PT Disp", AS_OF, MISSING, "en") == (
        "AR_LETTER: customer 'PT Disp' needs no letter on 2024-12-31 (every overdue invoice is "
        "disputed: Rp 7,000,000): resolve the dispute first"
    )


def test_letter_of_a_small_write_off_balance_is_no_final_demand():
    assert excel_call("AR_LETTER", ROWS, "PT WOsmall", AS_OF, MISSING, "en") == (
        "AR_LETTER: customer 'PT WOsmall' gets no final demand on 2024-12-31: overdue Rp 10,000 "
        "is below the minimum amount for a final demand (Rp 5,000,000): give a stage to write a "
        "letter anyway"
    )
    text = excel_call("AR_LETTER", ROWS, "PT WOsmall", AS_OF, "write_off", "en")
    assert "Subject: Final demand before legal action" in text


def test_worklist_spills_the_dispute_row_last_with_an_empty_priority():
    got = excel_call("AR_WORKLIST", ROWS, AS_OF, MISSING, MISSING, "en")
    head = got[0]
    last = dict(zip(head, got[-1], strict=True))
    assert [r[0] for r in got[1:]] == ["PT Early", "PT WOsmall", "PT Disp"]
    assert (last["stage"], last["disputed"], last["oldest_dpd"], last["priority"]) == (
        "dispute", 7_000_000.0, 334.0, "",
    )  # fmt: skip
    assert last["next_action"] == "Resolve the dispute: every overdue invoice is disputed"
