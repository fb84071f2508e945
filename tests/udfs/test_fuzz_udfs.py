"""Hostile input to every worksheet function, driven through xlwings' own conversion code.

The contract every ``AR_*`` function keeps, whatever a cell holds:

* the cell gets a value, or ONE line that starts with the function name, at most 255
  characters, with no Python internals (no traceback, no exception class, no numpy text);
* an Excel error value in an argument never turns into the default: it gives an error line;
* ``"nan"``/``"inf"`` text is never read as a number, and no result is a non-finite number;
* the arguments are never mutated, every call finishes within the time budget, and a good
  call after a bad one still gives the right answer.

The catalogue of good calls below covers every registered function (a test fails when a new
function has none), so a new ``AR_*`` function is fuzzed from the day it is added.
"""

from __future__ import annotations

import copy
import math
import re
import time
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from udf_calls import (
    AS_OF,
    GOOD_CALLS,
    LEDGER,
    NAMES,
    D,
    arg_dims,
    arg_names,
    cells_of,
    replace_cell,
    with_arg,
)

from xl_ar.testing import MISSING, excel_call, excel_error_code

BUDGET_SECONDS = 5.0
MAX_LINE = 255
ERRORS = ("#N/A", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!")


#: One good call per registered function: the reference the fuzzed calls are measured against.

INTERNALS = re.compile(
    r"Traceback|\bFile \"|(?<![A-Za-z])[A-Z][A-Za-z]*(Error|Exception)\b|numpy|pandas|ufunc|"
    r"int64|float64|dtype|NoneType|object of type|unsupported operand|out of bounds "
    r"nanosecond|OutOfBounds|not supported between|Numerical result|could not convert"
)


def _position_ids(positions: list[tuple[str, int]]) -> list[str]:
    return [f"{name}-{arg_names(name)[i]}" for name, i in positions]


def _is_error_line(name: str, got: Any) -> bool:
    return isinstance(got, str) and got.startswith(f"{name}: ")


def _timed_call(name: str, args: tuple[Any, ...]) -> Any:
    """Call as Excel would; assert the contract that holds for every input."""
    before = copy.deepcopy(args)
    start = time.perf_counter()
    got = excel_call(name, *args)
    took = time.perf_counter() - start
    assert took < BUDGET_SECONDS, f"{name} took {took:.1f} s"
    assert args == before, f"{name} mutated its arguments"
    if isinstance(got, str):
        if _is_error_line(name, got) or re.match(r"^[A-Za-z]\w*(Error|Exception)\b", got):
            assert "\n" not in got and "\r" not in got, f"{name}: more than one line: {got!r}"
            assert len(got) <= MAX_LINE, f"{name}: {len(got)} characters: {got[:80]!r}..."
            assert not INTERNALS.search(got), f"{name}: Python internals in {got!r}"
    for cell in cells_of(got):
        if isinstance(cell, str):
            assert not cell.startswith("Traceback"), f"{name}: traceback in a cell"
            assert not INTERNALS.search(cell) or not _is_error_line(name, cell), cell
        if isinstance(cell, float):
            assert math.isfinite(cell), f"{name}: non-finite number {cell!r} in the result"
    return got


@pytest.fixture(scope="module")
def references() -> dict[str, Any]:
    return {name: excel_call(name, *args) for name, args in GOOD_CALLS.items()}


def test_every_function_has_a_good_call_and_it_is_a_value(references):
    assert set(GOOD_CALLS) == set(NAMES), "give every AR_* function a good call here"
    for name, got in references.items():
        assert not _is_error_line(name, got), got
        assert got not in ("", None), name


def _good_again(name: str, references: dict[str, Any]) -> None:
    assert excel_call(name, *GOOD_CALLS[name]) == references[name], (
        f"{name}: a good call after a bad one changed"
    )


# --- Excel error values: an error in, an error out -------------------------------------------
SCALAR_POSITIONS = [
    (name, i) for name in NAMES for i, nd in enumerate(arg_dims(name)) if nd is None
]
RANGE_POSITIONS = [
    (name, i) for name in NAMES for i, nd in enumerate(arg_dims(name)) if nd is not None
]


@pytest.mark.parametrize("error", ERRORS)
@pytest.mark.parametrize(
    ("name", "position"),
    SCALAR_POSITIONS,
    ids=_position_ids(SCALAR_POSITIONS),
)
def test_error_value_in_a_scalar_argument_is_an_error_line(name, position, error, references):
    got = _timed_call(name, with_arg(name, position, excel_error_code(error)))
    assert _is_error_line(name, got) or got == error, f"{name}({error}) -> {got!r}"
    assert arg_names(name)[position] in got or got == error, got
    _good_again(name, references)


@pytest.mark.parametrize(
    ("name", "position"),
    RANGE_POSITIONS,
    ids=_position_ids(RANGE_POSITIONS),
)
def test_error_value_inside_a_range_is_never_read_as_data(name, position, references):
    good = GOOD_CALLS[name]
    if position >= len(good) or good[position] is MISSING:
        pytest.skip("optional range not given in the good call")
    block = good[position]
    code = excel_error_code("#N/A")
    for r in range(1, len(block)):
        for c in range(len(block[r])):
            if block[r][c] is None:
                continue
            args = with_arg(name, position, replace_cell(block, r, c, code))
            got = _timed_call(name, args)
            if name == "AR_CHECK":
                assert got != "OK" and "#N/A" in str(got), f"AR_CHECK missed #N/A at {r},{c}"
            else:
                assert _is_error_line(name, got) or got != references[name], (
                    f"{name}: #N/A at row {r + 1} column {c + 1} read as data: {got!r}"
                )
    _good_again(name, references)


# --- odd values in scalar arguments ------------------------------------------------------
NOT_NUMBERS = ["nan", "NaN", "inf", "-inf", "Infinity", "-Infinity", "+inf", " inf "]


@pytest.mark.parametrize("text", NOT_NUMBERS)
@pytest.mark.parametrize(
    ("name", "position"),
    SCALAR_POSITIONS,
    ids=_position_ids(SCALAR_POSITIONS),
)
def test_nan_and_inf_text_is_never_a_number(name, position, text, references):
    got = _timed_call(name, with_arg(name, position, text))
    if name == "AR_LETTER" and arg_names(name)[position] == "customer":
        assert _is_error_line(name, got), got  # no customer of that name
        return
    assert _is_error_line(name, got), f"{name}({arg_names(name)[position]}={text!r}) -> {got!r}"


HOSTILE_SCALARS = st.sampled_from(
    [
        None,
        "",
        "   ",
        True,
        False,
        0.0,
        -0.0,
        -1.0,
        1e-300,
        -1e-300,
        1e308,
        -1e308,
        9.99e307,
        1.5,
        36500.0,
        2958465.0,
        2958466.0,
        1.0,
        60.0,
        61.0,
        1e15,
        Decimal("1e30"),
        Decimal("-0.01"),
        D(1900, 1, 1),
        D(1900, 3, 1),
        D(2262, 4, 12),
        D(2263, 1, 1),
        D(9999, 12, 31),
        '=HYPERLINK("http://x","y")',
        "@SUM(1)",
        "abc",
        "A" * 32767,
        "2024-13-45",
        "31/02/2024",
        "1e300",
        "12,5",
        "1.234.567,89",
        "½",
        "٣",
        "\x00",
        "'; DROP TABLE x; --",
        "%",
        "200%",
        "-5%",
        *NOT_NUMBERS,
        *[excel_error_code(e) for e in ERRORS],
    ]
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.sampled_from(NAMES),
    data=st.data(),
)
def test_hostile_arguments_keep_the_contract(name, data, references):
    ndims = arg_dims(name)
    args = list(GOOD_CALLS[name]) + [MISSING] * (len(ndims) - len(GOOD_CALLS[name]))
    for i in data.draw(st.sets(st.integers(0, len(ndims) - 1), min_size=1, max_size=2)):
        value = data.draw(HOSTILE_SCALARS)
        if ndims[i] is None or args[i] is MISSING or data.draw(st.booleans()):
            args[i] = value
        else:
            block = args[i]
            r = data.draw(st.integers(0, len(block) - 1))
            c = data.draw(st.integers(0, len(block[r]) - 1))
            args[i] = replace_cell(block, r, c, value)
    got = _timed_call(name, tuple(args))
    uncaught = isinstance(got, str) and re.match(r"^[A-Za-z]\w*(Error|Exception)\b", got)
    assert not uncaught, f"{name}: an exception reached the cell: {got[:120]!r}"
    _good_again(name, references)


# --- values at Excel's limits ------------------------------------------------------------------
def test_long_customer_names_are_linear():
    long_rows = [LEDGER[0]] + [
        [f"{i:03d}" + "A" * 32764, f"F-{i}", D(2024, 1, 1), D(2024, 1, 31), 10.0, 0.0, None]
        for i in range(300)
    ]
    for name in ("AR_AGING", "AR_OPEN", "AR_CHECK", "AR_WORKLIST"):
        got = _timed_call(name, GOOD_CALLS[name][:0] + (long_rows,) + GOOD_CALLS[name][1:])
        assert not _is_error_line(name, got), got[:200]


def test_huge_header_cell_is_fast():
    rows = [["A" * 32767] * len(LEDGER[0]), *LEDGER]
    got = _timed_call("AR_AGING", (rows, AS_OF, MISSING, MISSING, "total"))
    assert not _is_error_line("AR_AGING", got), got
