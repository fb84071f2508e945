"""Excel error values (#N/A, #REF! ...) given to worksheet functions: an error in, an error out.

Every argument of every registered AR_* function is tried with every error code xlwings knows,
through xl_ar.testing.excel_call: the cell must show one line naming the function and the
argument, never the default result. Error values inside ranges are refused naming the cell;
inside a ledger they are data problems (AR_CHECK lists them).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xl_ar.core.ledger.ledger import load_ledger
from xl_ar.testing import MISSING, excel_call, excel_error_code, udf_functions

D = dt.datetime
AS_OF = D(2024, 6, 30)
ERRORS = ("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!")
UDF_MODULES = (
    "xl_ar.udfs",
    "xl_ar.udfs.position",
    "xl_ar.udfs.metrics",
    "xl_ar.udfs.provisioning",
    "xl_ar.udfs.cashflow",
    "xl_ar.udfs.cash_application",
    "xl_ar.udfs.credit",
    "xl_ar.udfs.collections",
)
HEADER = ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"]
LEDGER = [
    HEADER,
    ["PT Maju", "F-1", D(2024, 1, 1), D(2024, 1, 31), 1000.0, 0.0, None],
    ["PT Maju", "F-2", D(2024, 5, 1), D(2024, 5, 31), 400.0, 100.0, D(2024, 6, 1)],
    ["CV Baru", "F-3", D(2024, 6, 10), D(2024, 7, 10), 250.0, 0.0, None],
    ["CV Baru", "F-4", D(2024, 3, 1), D(2024, 3, 31), 80.0, 80.0, D(2024, 5, 20)],
]
SCORES = [["Karakter", 4.0], ["Kapasitas", 4.0], ["Modal", 3.0], ["Jaminan", 2.0],
          ["Kondisi", 4.0]]  # fmt: skip
PROFILE = [["Label", "Nilai"], *SCORES, ["Ekuitas Bersih", 2.5e9], ["Modal Kerja", 1.2e9],
           ["Penjualan Tahunan", 1.8e10], ["customer_type", "new"], ["size", "large"],
           ["current_exposure", 1e8]]  # fmt: skip
BALANCES = [["Saldo"], [103000.0], [97500.0], [39500.0], [10000.0]]
RATES = [["Tarif"], [0.01], [0.05], [0.15], [0.95]]
WEIGHTS = [["character", 0.2], ["capacity", 0.2], ["capital", 0.2], ["collateral", 0.2],
           ["conditions", 0.2]]  # fmt: skip
PAYMENTS = [["Ref", "Tanggal", "Jumlah", "Pelanggan", "Berita"],
            ["BB-2", D(2024, 2, 11), 300.0, "CV Baru", None]]  # fmt: skip
PROMISES = [["Customer", "Promise Date"], ["CV Baru", D(2024, 7, 5)]]

#: A good call of every function with every argument given (ranges where a range is optional).
GOOD = {
    "AR_ADD": (200000.0, 120000.0, 2000000.0, 365.0),
    "AR_AGING": (LEDGER, AS_OF, "30,60,90", "due", "customer", "amount"),
    "AR_ALLOWANCE": (BALANCES, RATES, 5000.0),
    "AR_ARREARS_RATIO": (50000.0, 1000000.0),
    "AR_BAD_DEBT_RATIO": (20000.0, 1000000.0),
    "AR_BPDSO": (120000.0, 2000000.0, 365.0),
    "AR_BUCKET": (45.0, "30,60,90"),
    "AR_CEI": (6200.0, 10890.0, 6340.0, 3590.0, 3.0),
    "AR_CHECK": (LEDGER,),
    "AR_COLLECTION_RATIO": (850000.0, 1000000.0),
    "AR_CREDIT_LIMIT": (PROFILE, [["max_limit", 1e8]], "limit"),
    "AR_CREDIT_REVIEW": ([["Customer", "Credit Limit"], ["PT Maju", 2000.0]], LEDGER, AS_OF),
    "AR_CREDIT_SCORE": (SCORES, WEIGHTS),
    "AR_DISCOUNT_COST": (2.0, 10.0, 30.0, 365.0, "effective"),
    "AR_DPD": (D(2024, 5, 31), AS_OF),
    "AR_DSO": (200000.0, 2000000.0, 365.0, "simple"),
    "AR_ECL": (BALANCES, RATES, 1.1),
    "AR_FACTORING": (1e8, 0.8, 0.02, 60.0, 0.12, 365.0),
    "AR_FORECAST": (
        LEDGER,
        AS_OF,
        3.0,
        "month",
        [["Invoice", "Promise Date"], ["F-1", D(2024, 7, 10)]],
        [[0.0]],
    ),
    "AR_INTEREST": (100.0, 0.1, 15.0, 365.0, 10.0),
    "AR_KPI": (LEDGER, D(2024, 1, 1), AS_OF, "month"),
    "AR_LETTER": (
        LEDGER,
        "PT Maju",
        AS_OF,
        "overdue",
        "en",
        [["Name", "Rina"]],
        MISSING,
        PROMISES,
    ),
    # to 30 September: F-1 can pass the 180-day write-off horizon (else not estimable)
    "AR_LOSS_RATES": (LEDGER, D(2024, 1, 1), D(2024, 9, 30), "30,60,90", 180.0, "rates"),
    "AR_OPEN": (LEDGER, AS_OF),
    "AR_RECONCILE": (LEDGER, PAYMENTS, 0.005, "payments"),
    "AR_RTO": (6205000.0, 300000.0, 370000.0, 360.0, "rto"),
    "AR_STATEMENT": (LEDGER, "PT Maju", D(2024, 6, 1), AS_OF, "en", "30,60,90", "IDR"),
    "AR_STRATEGY": (MISSING,),
    "AR_WADP": (LEDGER, "days_to_pay"),
    "AR_WORKLIST": (LEDGER, AS_OF, MISSING, PROMISES, "en"),
}
FUNCTIONS = udf_functions()
POSITIONS = [
    (name, i, arg["name"])
    for name in sorted(FUNCTIONS)
    for i, arg in enumerate(FUNCTIONS[name].__xlfunc__["args"])
]
_results: dict[tuple, object] = {}


def full_call(name: str) -> list:
    """The good call with every trailing argument spelled out (MISSING where omitted)."""
    n = len(FUNCTIONS[name].__xlfunc__["args"])
    return list(GOOD[name]) + [MISSING] * (n - len(GOOD[name]))


def result(name: str, args: list) -> object:
    key = (name, repr(args))
    if key not in _results:
        _results[key] = excel_call(name, *args)
    return _results[key]


def is_error_line(name: str, got: object) -> bool:
    return isinstance(got, str) and got.startswith(f"{name}: ")


# --- registration ---------------------------------------------------------------------------
def test_every_function_has_a_good_call_that_gives_a_value():
    assert set(GOOD) == set(FUNCTIONS)  # a new function needs a good call here
    for name in FUNCTIONS:
        assert not is_error_line(name, result(name, full_call(name))), name


@pytest.mark.parametrize("module", UDF_MODULES)
def test_every_argument_receives_error_cells_as_text(module):
    functions = udf_functions(module)
    assert functions
    for name, func in functions.items():
        for arg in func.__xlfunc__["args"]:
            assert arg["options"].get("err_to_str") is True, (module, name, arg["name"])


# --- an error value in any argument ---------------------------------------------------------
@pytest.mark.parametrize(("name", "position", "arg"), POSITIONS,
                         ids=[f"{n}-{a}" for n, _, a in POSITIONS])  # fmt: skip
def test_error_value_in_any_argument_names_it_and_is_never_the_default(name, position, arg):
    without = full_call(name)
    without[position] = MISSING
    omitted = result(name, without) if "optional" in FUNCTIONS[name].__xlfunc__["args"][
        position] else None  # fmt: skip
    for error in ERRORS:
        call = full_call(name)
        call[position] = excel_error_code(error)
        got = excel_call(name, *call)
        assert got == f"{name}: {arg} is {error}"
        assert got != omitted


def test_the_issue_examples():
    na, ref = excel_error_code("#N/A"), excel_error_code("#REF!")
    assert excel_call("AR_INTEREST", 100.0, na, 15.0) == "AR_INTEREST: annual_rate is #N/A"
    assert excel_call("AR_CEI", 6200.0, 10890.0, 6340.0, 3590.0, na) == "AR_CEI: months is #N/A"
    assert excel_call("AR_DSO", 200000.0, 2000000.0, ref) == "AR_DSO: days is #REF!"
    # omitted is still the default
    assert excel_call("AR_DSO", 200000.0, 2000000.0) == pytest.approx(36.5)
    assert excel_call("AR_INTEREST", 100.0, MISSING, 15.0) == 0.0


def test_newer_excel_errors_arriving_as_com_codes_are_refused_too():
    """#SPILL!, #CALC! ... are not in xlwings' table: COM hands them over as ints."""
    spill, calc = -2146826243, -2146826238  # 0x800A0000 + 2045 / 2050
    dso = FUNCTIONS["AR_DSO"]
    assert dso(200000.0, 2000000.0, spill) == "AR_DSO: days is #SPILL!"
    assert dso(200000.0, calc) == "AR_DSO: credit_sales is #CALC!"
    assert (
        FUNCTIONS["AR_BUCKET"]([[10.0], [spill]]) == "AR_BUCKET: days_past_due (cell 2) is #SPILL!"
    )


# --- error values inside ranges of numbers or dates -------------------------------------------
@pytest.mark.parametrize(
    ("name", "args", "expected"),
    [
        ("AR_BUCKET", ([["DPD"], [10.0], ["#N/A"]],), "AR_BUCKET: days_past_due (cell 3) is #N/A"),
        ("AR_DPD", ([[D(2024, 1, 1)], ["#DIV/0!"]], AS_OF), "AR_DPD: due_date (cell 2) is #DIV/0!"),
        ("AR_INTEREST", ([[100.0], ["#VALUE!"]], 0.1, 15.0),
         "AR_INTEREST: outstanding (cell 2) is #VALUE!"),
        ("AR_INTEREST", (100.0, 0.1, [[15.0], ["#NUM!"]]),
         "AR_INTEREST: days_overdue (cell 2) is #NUM!"),
        ("AR_DSO", (212000.0, [[70000.0], ["#N/A"], [100000.0]], 30.0, "countback"),
         "AR_DSO: credit_sales (cell 2) is #N/A"),
        ("AR_DSO", ([[100.0], ["#REF!"]], 1000.0, MISSING, "average"),
         "AR_DSO: receivables (cell 2) is #REF!"),
        ("AR_AGING", (LEDGER, AS_OF, [[30.0], ["#N/A"]]), "AR_AGING: buckets (cell 2) is #N/A"),
        ("AR_ECL", ([[1.0], ["#N/A"]], [[0.1], [0.2]]), "AR_ECL: balances (cell 2) is #N/A"),
        ("AR_ALLOWANCE", ([["#NAME?"], [1.0]], [[0.1]]), "AR_ALLOWANCE: balances (cell 1) is #NAME?"),
        ("AR_RECONCILE", (LEDGER, [PAYMENTS[0], ["#N/A", *PAYMENTS[1][1:]]]),
         "AR_RECONCILE: payments (row 2, column 1) is #N/A"),
        ("AR_CREDIT_REVIEW", ([["Customer", "Credit Limit"], ["#REF!", 10.0]], LEDGER, AS_OF),
         "AR_CREDIT_REVIEW: customers (row 2, column 1) is #REF!"),
        ("AR_LETTER", (LEDGER, "PT Maju", AS_OF, MISSING, MISSING, [["Name", "#N/A"]]),
         "AR_LETTER: contact (cell 2) is #N/A"),
        ("AR_CREDIT_SCORE", ([*SCORES[:4], ["Kondisi", "#DIV/0!"]],),
         "AR_CREDIT_SCORE: scores (row 5, column 2) is #DIV/0!"),
    ],
)  # fmt: skip
def test_error_value_inside_a_range_names_the_argument_and_cell(name, args, expected):
    args = tuple(_as_codes(a) for a in args)
    assert excel_call(name, *args) == expected


def _as_codes(value):
    if isinstance(value, list):
        return [_as_codes(v) for v in value]
    return excel_error_code(value) if isinstance(value, str) and value in ERRORS else value


@given(
    values=st.lists(st.floats(-1000, 1000, allow_nan=False), min_size=1, max_size=8),
    data=st.data(),
)
def test_any_error_cell_in_a_column_of_days_is_named(values, data):
    position = data.draw(st.integers(0, len(values)))
    error = data.draw(st.sampled_from(ERRORS))
    column = [[v] for v in values]
    column.insert(position, [excel_error_code(error)])
    got = excel_call("AR_BUCKET", column)
    assert got == f"AR_BUCKET: days_past_due (cell {position + 1}) is {error}"


@given(
    name_position=st.sampled_from([(n, i) for n, i, _ in POSITIONS]),
    error=st.sampled_from(ERRORS),
)
def test_any_error_in_any_position_is_one_line_naming_the_argument(name_position, error):
    name, position = name_position
    arg = FUNCTIONS[name].__xlfunc__["args"][position]["name"]
    call = full_call(name)
    call[position] = [[excel_error_code(error)]]  # a one-cell range: the same
    got = excel_call(name, *call)
    assert is_error_line(name, got) and f" {arg} " in got and len(got) <= 255
    assert got != result(name, full_call(name))


# --- error values inside a ledger: data problems ------------------------------------------------
def _ledger_with(row: int, column: str, error: str) -> list[list]:
    rows = [list(r) for r in LEDGER]
    rows[row - 1][HEADER.index(column)] = excel_error_code(error)
    return rows


@pytest.mark.parametrize("column", HEADER)
def test_ar_check_lists_an_error_cell_once(column):
    got = excel_call("AR_CHECK", _ledger_with(3, column, "#N/A"))
    assert got == [["row", "column", "value", "problem"],
                   [3.0, column, "#N/A", "is an Excel error value"]]  # fmt: skip


@pytest.mark.parametrize("name", ["AR_AGING", "AR_OPEN", "AR_WORKLIST", "AR_CREDIT_REVIEW"])
def test_strict_ledger_functions_refuse_an_error_cell(name):
    rows = _ledger_with(4, "Amount", "#DIV/0!")
    args = {"AR_CREDIT_REVIEW": (GOOD[name][0], rows, AS_OF)}.get(name, (rows, AS_OF))
    assert excel_call(name, *args) == f"{name}: row 4 'Amount': '#DIV/0!' is an Excel error value"


def test_a_customer_named_by_an_error_is_never_aged():
    rows = _ledger_with(2, "Customer", "#N/A")
    assert excel_call("AR_AGING", rows, AS_OF) == (
        "AR_AGING: row 2 'Customer': '#N/A' is an Excel error value"
    )
    rows[1][0] = "#N/A"  # the same text from a csv file or openpyxl
    got = load_ledger(rows)
    assert got.problems.values.tolist() == [[2, "Customer", "#N/A", "is an Excel error value"]]
    assert got.ledger["customer"].isna().tolist() == [True, False, False, False]
    assert "#N/A" not in set(got.ledger["customer"].dropna())


def test_error_text_in_an_unread_column_is_left_alone():
    rows = [[*HEADER, "Notes"]] + [[*r, "#N/A"] for r in LEDGER[1:]]
    assert excel_call("AR_CHECK", rows) == "OK"
