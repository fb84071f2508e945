"""AR_CHECK shows the reading notes (merged customer spellings) under its answer."""

from __future__ import annotations

import datetime as dt

from xl_ar.testing import excel_call

HEADER = ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"]
OCT1, OCT31 = dt.datetime(2024, 10, 1), dt.datetime(2024, 10, 31)
NOTE = "note: 2 spellings of one customer read as 'PT Maju': 'pt. maju'"


def test_ok_with_the_merge_note_below():
    rows = [HEADER, ["PT Maju", "A1", OCT1, OCT31, 100.0], ["pt. maju", "A2", OCT1, OCT31, 50.0]]
    assert excel_call("AR_CHECK", rows) == [["OK"], [NOTE]]


def test_problems_then_the_note_in_the_problem_column():
    rows = [HEADER, ["PT Maju", "A1", OCT1, OCT31, 100.0], ["pt. maju", "A2", "abc", OCT31, 50.0]]
    assert excel_call("AR_CHECK", rows) == [
        ["row", "column", "value", "problem"],
        [3.0, "Invoice Date", "abc", "is not a date"],
        ["", "", "", NOTE],
    ]


def test_plain_ok_without_notes():
    assert excel_call("AR_CHECK", [HEADER, ["PT Maju", "A1", OCT1, OCT31, 100.0]]) == "OK"
