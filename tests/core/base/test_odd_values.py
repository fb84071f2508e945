"""Odd values at the edges of worksheet functions: non-number text, overflows, huge cells.

* "nan", "inf", "Infinity" ... are text, never numbers;
* no AR_* function returns an infinity or NaN: an overflow is one line;
* bucket edges, tolerances and money are bounded with a clear line;
* a failure that is not foreseen shows no exception text; a line is at most 255 characters
  and quotes a cut excerpt of a huge cell;
* 32,767-character cells (an Excel cell's maximum) cost linear time.
"""

from __future__ import annotations

import datetime as dt
import math
import time

import pytest
from cell_errors import assert_one_line_error
from hypothesis import given
from hypothesis import strategies as st

from xl_ar.core.base.amounts import to_cents
from xl_ar.core.base.cells import number_from_text, quote_excerpt
from xl_ar.core.base.options import as_buckets
from xl_ar.core.ledger.problems import format_problem
from xl_ar.errors import OptionError, XlArError
from xl_ar.testing import MISSING, excel_call, udf_functions
from xl_ar.udfs.support import cell_line, one_line_errors

D = dt.datetime
AS_OF = D(2024, 6, 30)
HEADER = ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"]
LEDGER = [
    HEADER,
    ["PT Maju", "F-1", D(2024, 1, 1), D(2024, 1, 31), 1000.0],
    ["CV Baru", "F-2", D(2024, 6, 10), D(2024, 7, 10), 250.0],
]
PAYMENTS = [["Ref", "Tanggal", "Jumlah", "Pelanggan"], ["BB-1", D(2024, 2, 11), 250.0, "CV Baru"]]
NON_NUMBERS = ["inf", "-inf", "+inf", "Infinity", "-Infinity", "nan", "NaN", "-nan", "1e400",
               "1_000", "0x10", "∞"]  # fmt: skip
CELL_MAX = 32767  # characters an Excel cell holds


# --- text is never a non-finite number ---------------------------------------------------------
@pytest.mark.parametrize("text", NON_NUMBERS)
def test_number_from_text_refuses_other_spellings(text):
    assert number_from_text(text) is None


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_number_from_text_reads_every_finite_float_exactly(x):
    assert number_from_text(f" {x!r} ") == x


@given(st.text(max_size=30))
def test_number_from_text_is_finite_or_none(text):
    got = number_from_text(text)
    assert got is None or math.isfinite(got)


@pytest.mark.parametrize("text", NON_NUMBERS)
def test_ar_bucket_of_non_number_text_is_an_error(text):
    assert excel_call("AR_BUCKET", text) == (
        f"AR_BUCKET: days_past_due: {quote_excerpt(text)} is not a number"
    )


def test_the_issue_examples_of_number_text():
    assert excel_call("AR_BUCKET", "inf") == "AR_BUCKET: days_past_due: 'inf' is not a number"
    assert excel_call("AR_BUCKET", "nan") == "AR_BUCKET: days_past_due: 'nan' is not a number"
    assert excel_call("AR_INTEREST", [["Sisa"], ["nan"], [100.0]], 0.1, 15.0) == (
        "AR_INTEREST: outstanding (cell 2): 'nan' is not a number"
    )
    assert excel_call("AR_INTEREST", 100.0, 0.1, 15.0, MISSING, "nan") == (
        "AR_INTEREST: fee must be a number (e.g. 50000), not 'nan'"
    )
    assert excel_call("AR_AGING", LEDGER, AS_OF, "inf") == (
        "AR_AGING: buckets: 'inf' is not a number of days"
    )
    # real number text still reads
    assert excel_call("AR_BUCKET", " 45 ") == "31-60"
    assert excel_call("AR_INTEREST", "36500", "10%", "30") == pytest.approx(300.0)


@given(st.floats(-1e6, 1e6, allow_nan=False))
def test_number_text_gives_what_the_number_gives(x):
    assert excel_call("AR_BUCKET", repr(x)) == excel_call("AR_BUCKET", x)


# --- overflow: one line, never inf or NaN -------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("AR_DSO", (9.99e307, 1e-300)),
        ("AR_DSO", ([[9.99e307], [9.99e307]], 1.0, 365.0, "average")),
        ("AR_BPDSO", (9.99e307, 1e-300)),
        ("AR_ADD", (9.99e307, -9.99e307, 1.0)),
        ("AR_CEI", (9.99e307, 9.99e307, 0.0, 0.0)),
        ("AR_RTO", (9.99e307, 1e-300, 1e-300)),
        ("AR_ARREARS_RATIO", (9.99e307, 1e-300)),
        ("AR_COLLECTION_RATIO", (9.99e307, 1e-300)),
        ("AR_BAD_DEBT_RATIO", (9.99e307, 1e-300)),
    ],
)
def test_an_overflow_is_one_line(name, args):
    assert excel_call(name, *args) == f"{name}: the result is too large (overflow)"


def test_results_are_checked_in_the_shared_wrapper():
    @one_line_errors
    def AR_FAKE(kind):
        return {"inf": math.inf, "nan": math.nan, "table": [["x", 1.0], ["y", -math.inf]],
                "blank": [["x", math.nan]]}[kind]  # fmt: skip

    assert AR_FAKE("inf") == AR_FAKE("nan") == "AR_FAKE: the result is too large (overflow)"
    assert AR_FAKE("table") == "AR_FAKE: the result is too large (overflow)"
    got = AR_FAKE("blank")  # NaN in a table is an empty cell, as before
    assert got[0][0] == "x" and math.isnan(got[0][1])


# --- bounded options and money ------------------------------------------------------------------
def test_bucket_edges_are_bounded():
    assert excel_call("AR_AGING", LEDGER, AS_OF, "1e300") == (
        "AR_AGING: buckets: '1e300' is more than 36,500 days (100 years)"
    )
    assert excel_call("AR_AGING", LEDGER, AS_OF, 36501.0) == (
        "AR_AGING: buckets: 36501 is more than 36,500 days (100 years)"
    )
    assert excel_call("AR_AGING", LEDGER, AS_OF, "30,36500")[0] == [
        "customer", "Current", "1-30", "31-36500", ">36500", "Total"]  # fmt: skip
    with pytest.raises(OptionError, match="value 2 is #N/A"):
        as_buckets([[30.0], ["#N/A"]])
    with pytest.raises(OptionError, match="TRUE is not a number of days"):
        as_buckets([True])


def test_factoring_over_too_few_days_is_one_line():
    expected = (
        "AR_FACTORING: days (1e-12) is too short to annualise the cost: the effective annual "
        "cost is too large (overflow)"
    )
    assert excel_call("AR_FACTORING", 1e8, 0.8, 0.02, 1e-12, 0.12) == expected
    assert excel_call("AR_FACTORING", 1e8, 0.8, 0.02, 1e-12) == expected
    got = dict(map(tuple, excel_call("AR_FACTORING", 1e8, 0.8, 0.02, 0.5)))  # half a day: fine
    assert got["Biaya efektif per tahun (sederhana) / Effective annual cost (simple)"] == (
        pytest.approx(0.02 / 0.78 * 365 / 0.5)
    )


def test_reconcile_tolerance_and_amounts_are_bounded():
    assert excel_call("AR_RECONCILE", LEDGER, PAYMENTS, 9.99e307) == (
        "AR_RECONCILE: tolerance must be an amount up to 1,000,000,000,000,000 or a percentage "
        "such as '2%', not 9.99e+307"
    )
    got = excel_call("AR_RECONCILE", LEDGER, PAYMENTS, 1e15)
    assert got[0][:2] == ["payment", "payment_date"]
    huge = [LEDGER[0], LEDGER[1], ["CV Baru", "F-2", D(2024, 6, 10), D(2024, 7, 10), 9.99e307]]
    assert excel_call("AR_RECONCILE", huge, PAYMENTS) == (
        "AR_RECONCILE: invoices: row 3 'Amount': '9.99e+307' is larger than 1,000,000,000,000,000"
    )  # the ledger reader bounds money, before whole cents are taken
    with pytest.raises(XlArError, match="an amount of 1e\\+16 is too large"):
        to_cents([1.0, 1e16], "payments")
    assert to_cents([1e15, -0.004, float("nan")], "payments").tolist() == [10**17, 0, 0]


def test_letter_edge_cases():
    blank_rows = [HEADER, [None] * 5, [None] * 5]
    assert excel_call("AR_LETTER", blank_rows, "PT Maju", AS_OF) == (
        "AR_LETTER: customer 'PT Maju' is not in the ledger"
    )
    huge = [HEADER, ["PT Maju", "F-1", D(2024, 1, 1), D(2024, 1, 31), 9.99e307]]
    assert excel_call("AR_LETTER", huge, "PT Maju", AS_OF) == (
        "AR_LETTER: row 2 'Amount': '9.99e+307' is larger than 1,000,000,000,000,000"
    )


# --- lines: no internals, at most 255 characters, cut excerpts -----------------------------------
def test_unforeseen_failures_show_no_exception_text():
    @one_line_errors
    def AR_FAKE(kind):
        raise {"value": ValueError("ufunc 'add' did not contain a loop with signature"),
               "overflow": OverflowError("(34, 'Numerical result out of range')"),
               "key": KeyError("customer")}[kind]  # fmt: skip

    assert AR_FAKE("value") == "AR_FAKE: could not compute this input"
    assert AR_FAKE("key") == "AR_FAKE: could not compute this input"
    assert AR_FAKE("overflow") == (
        "AR_FAKE: could not compute this input: a number is too large (overflow)"
    )


def test_a_cell_line_is_one_line_of_at_most_255_characters():
    line = cell_line("AR_AGING", "x" * 1000 + "\nsecond line")
    assert len(line) == 255 and line.endswith("…") and "\n" not in line
    assert cell_line("AR_DSO", "days is #REF!") == "AR_DSO: days is #REF!"


def test_quote_excerpt():
    assert quote_excerpt("PT Maju") == "'PT Maju'"
    assert quote_excerpt("X" * CELL_MAX) == "'" + "X" * 39 + "…'"
    assert quote_excerpt("a\nb") == "'a\\nb'"
    assert quote_excerpt(None) == "(blank)"
    assert quote_excerpt(1e300) == "1e+300" and quote_excerpt(30.0) == "30"
    assert quote_excerpt(False) == "FALSE" and quote_excerpt(D(2024, 1, 31)) == "2024-01-31"
    assert format_problem(7, "X" * 500, "Y" * CELL_MAX, "is not a date") == (
        f"row 7 '{'X' * 39}…': '{'Y' * 39}…' is not a date"
    )


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("AR_AGING", ([HEADER, ["PT A", "1", D(2024, 1, 1), "X" * CELL_MAX, 1.0]], AS_OF)),
        ("AR_DPD", ("X" * CELL_MAX, AS_OF)),
        ("AR_BUCKET", ([["DPD"], ["X" * CELL_MAX]],)),
        ("AR_DSO", ("X" * CELL_MAX, 100.0)),
        ("AR_INTEREST", (100.0, "X" * CELL_MAX, 15.0)),
        ("AR_LETTER", (LEDGER, "X" * CELL_MAX, AS_OF)),
        ("AR_LETTER", (LEDGER, "PT Maju", AS_OF, "X" * CELL_MAX)),
        ("AR_RECONCILE", (LEDGER, PAYMENTS, "X" * CELL_MAX)),
        ("AR_ECL", ([[1.0], ["X" * CELL_MAX]], [[0.1], [0.2]])),
        ("AR_CREDIT_SCORE", ([["Karakter", "X" * CELL_MAX], *[[c, 3.0] for c in
                              ("Kapasitas", "Modal", "Jaminan", "Kondisi")]],)),
        ("AR_WORKLIST", (LEDGER, AS_OF, MISSING, [["Customer", "Promise Date"],
                                                  ["CV Baru", "X" * CELL_MAX]])),
    ],
)  # fmt: skip
def test_a_huge_cell_is_quoted_as_a_short_excerpt(name, args):
    got = excel_call(name, *args)
    assert_one_line_error(name, got, "X" * 39 + "…")
    assert "X" * 41 not in got


# --- long text in linear time ---------------------------------------------------------------------
@pytest.mark.parametrize("letter", ["X", "x", "("])
def test_ar_aging_on_300_customer_names_of_32767_characters_is_fast(letter):
    rows = [HEADER] + [
        [f"PT {i} " + letter * (CELL_MAX - 10), f"F-{i}", D(2024, 1, 1), D(2024, 1, 31), 10.0]
        for i in range(300)
    ]
    timings = []
    for _ in range(2):
        start = time.perf_counter()
        got = excel_call("AR_AGING", rows, AS_OF, MISSING, MISSING, "total")
        timings.append(time.perf_counter() - start)
    assert got == [["Current", "1-30", "31-60", "61-90", ">90", "Total"],
                   [0.0, 0.0, 0.0, 0.0, 3000.0, 3000.0]]  # fmt: skip
    assert min(timings) < 1.0, timings


# --- any numbers in the scalar functions: a finite value or one clean line -----------------------
SCALAR_FUNCTIONS = ["AR_DSO", "AR_BPDSO", "AR_ADD", "AR_CEI", "AR_RTO", "AR_ARREARS_RATIO",
                    "AR_COLLECTION_RATIO", "AR_BAD_DEBT_RATIO", "AR_FACTORING", "AR_INTEREST",
                    "AR_BUCKET"]  # fmt: skip
ODD_CELLS = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([0.0, 1e-300, -1e-300, 9.99e307, -9.99e307, 1e-12, 365.0, 360.0, 0.5]),
    st.sampled_from(["inf", "nan", "1e300", "10%", "", "abc", "-0", "1e-320"]),
    st.none(),
    st.booleans(),
)


@given(name=st.sampled_from(SCALAR_FUNCTIONS), data=st.data())
def test_odd_numbers_give_a_finite_value_or_one_clean_line(name, data):
    n = len(udf_functions()[name].__xlfunc__["args"])
    args = [data.draw(ODD_CELLS) for _ in range(n)]
    got = excel_call(name, *args)
    cells = [got] if not isinstance(got, list) else [v for row in got for v in row]
    for value in cells:
        if isinstance(value, float):
            assert math.isfinite(value), (args, got)
    if isinstance(got, str) and got.startswith(f"{name}: "):
        assert "could not compute" not in got and len(got) <= 255, (args, got)
    elif isinstance(got, str):  # a bucket label, or blank for blank input
        assert name in ("AR_BUCKET", "AR_INTEREST") and ":" not in got, (args, got)
