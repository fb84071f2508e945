"""Bad input to worksheet functions: one short line naming the function, never a traceback.

Every case goes through xl_ar.testing.excel_call, with values shaped as Excel sends them.
"""

from __future__ import annotations

import datetime as dt

import pytest
from cell_errors import assert_one_line_error

from xl_ar.testing import MISSING, excel_call

D = dt.datetime
NA_ERROR = -2146826246  # what COM hands over for a #N/A cell
HEADER = ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"]
GOOD = ["PT Maju", "F-1", D(2024, 1, 1), D(2024, 1, 31), 100.0]


def ledger(*rows):
    return [HEADER, GOOD, *rows]


def replace(col, value):
    row = list(GOOD)
    row[HEADER.index(col)] = value
    return [HEADER, GOOD, row]


AS_OF = D(2024, 6, 30)
PAID_ROWS = [["Customer", "Invoice Date", "Terms", "Amount", "Settled Date"],
             ["A", D(2024, 1, 1), 30.0, 100.0, None]]  # fmt: skip

CASES = [
    # (id, function, args, expected fragment)
    ("text-amount", "AR_AGING", (replace("Amount", "seratus"), AS_OF),
     "row 3 'Amount': 'seratus' is not an amount"),
    ("impossible-date", "AR_AGING", (replace("Due Date", "31/02/2024"), AS_OF),
     "row 3 'Due Date': '31/02/2024' is not a date"),
    ("blank-invoice-date", "AR_AGING", (replace("Invoice Date", None), AS_OF),
     "row 3 'Invoice Date': (blank) is blank"),
    ("serial-60", "AR_AGING", (replace("Invoice Date", 60.0), AS_OF), "non-existent date"),
    ("error-cell", "AR_AGING", (replace("Due Date", NA_ERROR), AS_OF),
     "row 3 'Due Date': '#N/A' is an Excel error value"),
    ("missing-column", "AR_AGING", ([["Customer", "Invoice Date", "Due Date"], ["A", 45000.0,
     45030.0]], AS_OF), "no 'amount' or 'balance' column"),
    ("missing-due-and-terms", "AR_AGING", ([["Customer", "Invoice Date", "Amount"],
     ["A", 45000.0, 1.0]], AS_OF), "headers found: 'Customer', 'Invoice Date', 'Amount'"),
    ("empty-range", "AR_AGING", (None, AS_OF), "ledger is empty"),
    ("single-cell", "AR_AGING", ("Customer", AS_OF), "needs a header row"),
    ("header-only", "AR_AGING", ([HEADER], AS_OF), "needs a header row and at least one row"),
    ("duplicate-headers", "AR_AGING", ([["Customer", "Customer", "Invoice Date", "Terms",
     "Amount"], ["A", "B", 45000.0, 30.0, 1.0]], AS_OF), "both look like 'customer'"),
    ("negative-amount", "AR_AGING", (replace("Amount", -5.0), AS_OF),
     "is negative but not marked as a credit note"),
    # issue 14: a due date before the invoice date ages by the due date (a note), no error
    ("duplicate-invoice", "AR_AGING", (ledger(list(GOOD)), AS_OF),
     "row 3 'Invoice': 'F-1' repeats the number of row 2"),
    ("wrong-basis", "AR_AGING", (ledger(), AS_OF, MISSING, "posting"),
     "basis must be one of 'due', 'invoice', not 'posting'"),
    ("wrong-by", "AR_AGING", (ledger(), AS_OF, MISSING, MISSING, "nowhere"), "by: no column"),
    ("wrong-measure", "AR_AGING", (ledger(), AS_OF, MISSING, MISSING, MISSING, "sum"),
     "measure must be one of"),
    ("bad-buckets", "AR_AGING", (ledger(), AS_OF, "30,abc"), "'abc' is not a number of days"),
    ("decreasing-buckets", "AR_AGING", (ledger(), AS_OF, "60,30"), "buckets must increase"),
    ("negative-bucket", "AR_AGING", (ledger(), AS_OF, -30.0), "whole number of days above 0"),
    ("as-of-text", "AR_AGING", (ledger(), "tomorrow"), "as_of: 'tomorrow' is not a date"),
    ("as-of-blank", "AR_AGING", (ledger(), None), "as_of is required"),
    ("open-bad-date", "AR_OPEN", (replace("Due Date", "abc"), AS_OF), "'abc' is not a date"),
    ("check-header-only", "AR_CHECK", ([HEADER],), "needs a header row"),
    ("kpi-end-before-start", "AR_KPI", (ledger(), D(2024, 6, 1), D(2024, 1, 1)),
     "end 2024-01-01 is before start 2024-06-01"),
    ("kpi-period-word", "AR_KPI", (ledger(), D(2024, 1, 1), D(2024, 6, 1), "day"),
     "freq must be one of 'month', 'week', 'quarter'"),
    ("wadp-nothing-paid", "AR_WADP", (PAID_ROWS,), "AR_WADP: "),
    ("wadp-measure", "AR_WADP", (PAID_ROWS, "days"), "measure must be one of"),
    ("dso-zero-sales", "AR_DSO", (100.0, 0.0), "credit_sales must be greater than 0, not 0"),
    ("dso-negative-days", "AR_DSO", (100.0, 1000.0, -30.0), "days must be greater than 0"),
    ("dso-method", "AR_DSO", (100.0, 1000.0, MISSING, "median"),
     "method must be one of 'simple', 'average', 'countback'"),
    ("dso-average-one-cell", "AR_DSO", (100.0, 1000.0, 30.0, "average"),
     "receivables must be two cells"),
    ("dso-text-sales", "AR_DSO", (100.0, "banyak"), "credit_sales: value 1 ('banyak') is not a number"),
    ("dso-countback-empty", "AR_DSO", (100.0, [[None], [None]], MISSING, "countback"),
     "credit_sales is empty"),
    ("dso-countback-dates-twice", "AR_DSO",
     (100.0, [[D(2024, 2, 29), 5.0], [D(2024, 2, 29), 5.0]], MISSING, "countback"),
     "period_ends[0] and period_ends[1] are the same date 2024-02-29: one end date per period"),
    ("dso-countback-order-word", "AR_DSO", (100.0, [[5.0], [5.0]], MISSING, "countback", "up"),
     "order must be 'newest first' or 'oldest first', not 'up'"),
    ("bpdso-zero-sales", "AR_BPDSO", (10.0, 0.0), "credit_sales must be greater than 0"),
    ("cei-current-above-total", "AR_CEI", (6200.0, 10890.0, 1000.0, 1200.0),
     "ending_current_ar (1200) is larger than ending_total_ar (1000)"),
    ("cei-months-zero", "AR_CEI", (6200.0, 10890.0, 6340.0, 3590.0, 0.0), "months"),
    ("cei-zero-denominator", "AR_CEI", (0.0, 0.0, 0.0, 0.0), "AR_CEI: "),
    ("rto-day-basis", "AR_RTO", (1000.0, 100.0, 100.0, 300.0), "day_basis must be 360 or 365"),
    ("rto-output-word", "AR_RTO", (1000.0, 100.0, 100.0, MISSING, "dso"),
     "output must be one of 'rto', 'acp', 'both'"),
    ("rto-zero-ar", "AR_RTO", (1000.0, 0.0, 0.0), "AR_RTO: "),
    ("dpd-text", "AR_DPD", ("besok", AS_OF), "due_date: 'besok' is not a date"),
    ("dpd-bool", "AR_DPD", (True, AS_OF), "due_date: TRUE is not a date"),
    ("bucket-text", "AR_BUCKET", ([[1.0], ["lama"]],), "days_past_due (cell 2): 'lama' is not a number"),
    ("collection-zero-billed", "AR_COLLECTION_RATIO", (5.0, 0.0), "billed must be greater than 0"),
    ("arrears-text", "AR_ARREARS_RATIO", ("x", 10.0), "arrears: value 1 ('x') is not a number"),
    ("bad-debt-nan-sales", "AR_BAD_DEBT_RATIO", (1.0, None), "credit_sales is empty"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "args", "fragment"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_bad_input_gives_one_line_naming_the_function(name, args, fragment):
    assert_one_line_error(name, excel_call(name, *args), fragment)


def test_there_are_at_least_30_cases():
    assert len(CASES) >= 30
    assert len({c[0] for c in CASES}) == len(CASES)
