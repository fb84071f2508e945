"""Tests for xl_ar.core.base.amounts.parse_amounts."""

from __future__ import annotations

import datetime as dt
import decimal
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from xl_ar.core.base.amounts import parse_amounts
from xl_ar.core.base.schema import ParsedColumn
from xl_ar.errors import OptionError

NOT_AN_AMOUNT = "is not an amount"


def one(value, **options):
    """Parse a single cell; return (float, problem)."""
    parsed = parse_amounts([value], **options)
    return parsed.values.iloc[0], parsed.problems.iloc[0]


def same(got: float, expected: float | None) -> bool:
    if expected is None:
        return math.isnan(got)
    return got == pytest.approx(expected, rel=1e-12, abs=0)


def id_style(cents: int) -> str:
    """1234567.5 -> '1.234.567,50'."""
    text = f"{abs(cents) // 100:,}".replace(",", ".") + f",{abs(cents) % 100:02d}"
    return "-" + text if cents < 0 else text


def en_style(cents: int) -> str:
    """1234567.5 -> '1,234,567.50'."""
    text = f"{abs(cents) // 100:,}" + f".{abs(cents) % 100:02d}"
    return "-" + text if cents < 0 else text


# --------------------------------------------------------------------------------------
# result shape and inputs
# --------------------------------------------------------------------------------------


def test_returns_parsed_column_with_documented_dtypes():
    parsed = parse_amounts(["1.234,50", "abc", None])
    assert isinstance(parsed, ParsedColumn)
    assert parsed.values.dtype == np.float64
    assert parsed.problems.dtype == object
    assert parsed.values.iloc[0] == 1234.5
    assert parsed.problems.iloc[0] is None and parsed.problems.iloc[2] is None
    assert parsed.problems.iloc[1].startswith(NOT_AN_AMOUNT)


def test_series_index_and_name_are_kept():
    index = pd.Index(["a", "b", "a"], name="row")
    cells = pd.Series(["Rp 1.000", 5, "x"], index=index, name="Amount", dtype=object)
    parsed = parse_amounts(cells, number_format="id")
    assert parsed.values.index.equals(index) and parsed.problems.index.equals(index)
    assert parsed.values.name == "Amount"
    assert parsed.values.tolist()[:2] == [1000.0, 5.0]
    assert parsed.problems.tolist() == [None, None, "is not an amount (number format 'id')"]


def test_list_and_numpy_inputs():
    assert parse_amounts([1, 2.5]).values.tolist() == [1.0, 2.5]
    assert isinstance(parse_amounts([1]).values.index, pd.RangeIndex)
    floats = np.array([1.5, np.nan, -3.0])
    parsed = parse_amounts(floats)
    assert parsed.values.tolist()[0] == 1.5 and parsed.values.tolist()[2] == -3.0
    assert math.isnan(parsed.values.iloc[1]) and parsed.problems.iloc[1] is None
    assert parse_amounts(np.array([7, 8], dtype=np.int16)).values.tolist() == [7.0, 8.0]


def test_nullable_and_string_dtypes():
    assert parse_amounts(pd.Series([1, None], dtype="Int64")).values.tolist()[0] == 1.0
    strings = pd.Series(["1.234,5", None, "2.000"], dtype="str")
    parsed = parse_amounts(strings)
    assert parsed.values.tolist()[0] == 1234.5 and parsed.values.tolist()[2] == 2000.0
    assert parsed.problems.isna().all()


def test_bool_dtype_series():
    parsed = parse_amounts(pd.Series([True, None], dtype="boolean"))
    assert parsed.problems.tolist() == [NOT_AN_AMOUNT, None]


def test_empty_input():
    parsed = parse_amounts([])
    assert len(parsed.values) == 0 and parsed.values.dtype == np.float64 and parsed.note is None


# --------------------------------------------------------------------------------------
# blanks and numbers
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "blank",
    [
        None,
        np.nan,
        float("nan"),
        pd.NA,
        pd.NaT,
        "",
        "   ",
        "\xa0",
        "\u202f\t",
        decimal.Decimal("NaN"),
    ],
)
def test_blank_cells(blank):
    value, problem = one(blank)
    assert math.isnan(value) and problem is None


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (5, 5.0),
        (-2.25, -2.25),
        (np.int64(7), 7.0),
        (np.float32(0.5), 0.5),
        (decimal.Decimal("1234.56"), 1234.56),
        (10**20, 1e20),
        (0, 0.0),
        (1, 1.0),
    ],
)
def test_numbers_pass_through(cell, expected):
    assert one(cell) == (expected, None)


@pytest.mark.parametrize(
    "cell",
    [
        True,
        False,
        np.True_,
        float("inf"),
        -np.inf,
        10**400,
        dt.date(2024, 1, 1),
        pd.Timestamp("2024-01-01"),
        object(),
    ],
)
def test_not_amounts(cell):
    value, problem = one(cell)
    assert math.isnan(value) and problem == NOT_AN_AMOUNT


def test_bool_and_equal_numbers_in_one_column_stay_apart():
    cells = [1, True, 0, False, 1.0, np.False_, 2]
    parsed = parse_amounts(cells)
    assert parsed.problems.tolist() == [
        None,
        NOT_AN_AMOUNT,
        None,
        NOT_AN_AMOUNT,
        None,
        NOT_AN_AMOUNT,
        None,
    ]
    assert parsed.values.iloc[[0, 2, 4, 6]].tolist() == [1.0, 0.0, 1.0, 2.0]


def test_datetime_series_is_not_amounts():
    parsed = parse_amounts(pd.Series(pd.to_datetime(["2024-01-01", None])))
    assert parsed.problems.tolist() == [NOT_AN_AMOUNT, None]


# --------------------------------------------------------------------------------------
# text under explicit formats
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rp 1.234.567,50", 1234567.5),
        ("1.234", 1234.0),
        ("12,5", 12.5),
        ("1234", 1234.0),
        ("1234,56", 1234.56),
        (",5", 0.5),
        ("0,05", 0.05),
        ("1.000.000", 1e6),
        ("1 234 567,50", 1234567.5),
        ("1\xa0234\xa0567,5", 1234567.5),
        ("1\u202f234,5", 1234.5),
        ("Rp 50.000,-", 50000.0),
        ("Rp50.000,--", 50000.0),
        ("Rp. 1.000", 1000.0),
        ("rp1.000", 1000.0),
        ("RP 1.000", 1000.0),
        ("IDR 2.500,75", 2500.75),
        ("2.500,75 IDR", 2500.75),
        ("EUR 3,5", 3.5),
        ("€3,50", 3.5),
        ("(1.234,50)", -1234.5),
        ("(Rp 1.234,50)", -1234.5),
        ("Rp (1.234,50)", -1234.5),
        ("-Rp 1.234", -1234.0),
        ("Rp -1.234", -1234.0),
        ("1.234-", -1234.0),
        ("1.234,50 -", -1234.5),
        ("\u22121.234", -1234.0),
        ("+1.234", 1234.0),
        ("  \xa0Rp 1.234,50\xa0 ", 1234.5),
        ("007", 7.0),
    ],
)
def test_id_format(text, expected):
    value, problem = one(text, number_format="id")
    assert problem is None
    assert same(value, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,234,567.50", 1234567.5),
        ("55.94", 55.94),
        ("1,234", 1234.0),
        ("1.234", 1.234),
        (".5", 0.5),
        ("$1,234.50", 1234.5),
        ("USD 1,234.50", 1234.5),
        ("usd 12", 12.0),
        ("£3.50", 3.5),
        ("₹1,000", 1000.0),
        ("SGD 10.25", 10.25),
        ("1,234.50 USD", 1234.5),
        ("-$1,234.50", -1234.5),
        ("$-1,234.50", -1234.5),
        ("($1,234.50)", -1234.5),
        ("1,234.50-", -1234.5),
        ("1 234.5", 1234.5),
        ("50.-", 50.0),
    ],
)
def test_en_format(text, expected):
    value, problem = one(text, number_format="en")
    assert problem is None
    assert same(value, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1234567.50", 1234567.5), ("1.234", 1.234), ("-12", -12.0), ("(5.5)", -5.5), ("$ 3", 3.0)],
)
def test_plain_format(text, expected):
    value, problem = one(text, number_format="plain")
    assert problem is None
    assert same(value, expected)


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("1.23.4", "id"),
        ("12.34.567", "id"),
        ("1.2345", "id"),
        ("1234.567", "id"),
        ("1.234,5,6", "id"),
        ("1.234.", "id"),
        ("1,234.50", "id"),
        ("1,23,456", "en"),
        ("1,2345", "en"),
        ("1.234,50", "en"),
        ("1,234", "plain"),
        ("1 234", "plain"),
        ("abc", "id"),
        ("12%", "id"),
        ("1e5", "en"),
        ("-", "id"),
        ("Rp", "id"),
        ("--5", "id"),
        ("-(5)", "id"),
        ("(5", "id"),
        ("5)", "id"),
        ("((5))", "id"),
        ("- 5 -", "id"),
        ("Rp 5 USD", "id"),
        ("Rp 50.000,-", "en"),
        ("Rp 50.000,50-,", "id"),
        ("5 5", "id"),
        ("٣", "id"),
        ("1" * 400, "plain"),
    ],
)
def test_invalid_under_explicit_format(text, fmt):
    value, problem = one(text, number_format=fmt)
    assert math.isnan(value)
    assert problem.startswith(NOT_AN_AMOUNT)
    if len(text) < 400:
        assert f"(number format '{fmt}'" in problem


def test_invalid_phrases_name_the_format_and_the_alternatives():
    assert one("1.23.4", number_format="id")[1] == "is not an amount (number format 'id')"
    assert one("1,234.50", number_format="id")[1] == (
        "is not an amount (number format 'id'; it would be valid as 'en')"
    )
    assert one("12.5", number_format="id")[1] == (
        "is not an amount (number format 'id'; it would be valid as 'en' or 'plain')"
    )
    assert one("12,5", number_format="en")[1] == (
        "is not an amount (number format 'en'; it would be valid as 'id')"
    )
    assert one("1,234.5", number_format="plain")[1] == (
        "is not an amount (number format 'plain'; it would be valid as 'en')"
    )


@pytest.mark.parametrize(
    ("text", "fmt", "exact"),
    [
        ("180.143.985.095,18433", "id", "180143985095.18433"),
        ("99.999.999.999.999.999,99", "id", "99999999999999999.99"),
        ("1,234,567,890,123,456,789.5", "en", "1234567890123456789.5"),
        ("0,0000000000000000000000001", "id", "1e-25"),
        ("123456789012345.67", "plain", "123456789012345.67"),
    ],
)
def test_many_digits_are_correctly_rounded(text, fmt, exact):
    assert one(text, number_format=fmt) == (float(exact), None)


def test_long_text_reads_like_short_text():
    padded = " " * 30 + "Rp 1.234.567,50" + " " * 30
    parsed = parse_amounts([padded, "Rp 1.234.567,50", " " * 60, padded + "x"], number_format="id")
    assert parsed.values.tolist()[:2] == [1234567.5, 1234567.5]
    assert parsed.problems.tolist()[:3] == [None, None, None]
    assert parsed.problems.iloc[3] == "is not an amount (number format 'id')"


def test_explicit_format_has_no_note():
    assert parse_amounts(["1.234,50"], number_format="id").note is None


# --------------------------------------------------------------------------------------
# number_format="auto"
# --------------------------------------------------------------------------------------


def test_auto_chooses_id():
    parsed = parse_amounts(["Rp 1.234.567,50", "1.234", "2.500", "12"])
    assert parsed.values.tolist() == [1234567.5, 1234.0, 2500.0, 12.0]
    assert not parsed.bad.any()
    assert parsed.note == "text amounts read as 'id' (1.234,50)"


def test_auto_chooses_en():
    parsed = parse_amounts(["1,234,567.50", "55.94", "1.234", 7.5])
    assert parsed.values.tolist() == [1234567.5, 55.94, 1.234, 7.5]
    assert parsed.note == "text amounts read as 'en' (1,234.50)"


def test_auto_decides_once_per_column_not_per_cell():
    parsed = parse_amounts(["1.234,50", "2.000,00", "3,5", "12.5"])
    assert parsed.values.tolist()[:3] == [1234.5, 2000.0, 3.5]
    assert math.isnan(parsed.values.iloc[3])
    assert parsed.problems.iloc[3] == (
        "is not an amount (number format 'auto' chose 'id'; it would be valid as 'en' or 'plain')"
    )
    assert parse_amounts(["abc", "1,5"]).problems.iloc[0] == (
        "is not an amount (number format 'auto' chose 'id')"
    )


def test_auto_ambiguous_column_is_not_guessed():
    parsed = parse_amounts(["1.234", "2.500", "1234", "12", "1.234"])
    assert parsed.problems.tolist() == [
        "is ambiguous: 1234 as 'id' or 1.234 as 'en' (set number_format)",
        "is ambiguous: 2500 as 'id' or 2.5 as 'en' (set number_format)",
        None,
        None,
        "is ambiguous: 1234 as 'id' or 1.234 as 'en' (set number_format)",
    ]
    assert math.isnan(parsed.values.iloc[0]) and math.isnan(parsed.values.iloc[1])
    assert parsed.values.tolist()[2:4] == [1234.0, 12.0]
    assert parsed.note == "3 text amounts are ambiguous between 'id' and 'en': set number_format"


def test_auto_ambiguous_negative_and_single():
    parsed = parse_amounts(["(1.500)"])
    assert parsed.problems.iloc[0] == (
        "is ambiguous: -1500 as 'id' or -1.5 as 'en' (set number_format)"
    )
    assert parsed.note == "1 text amount is ambiguous between 'id' and 'en': set number_format"


def test_auto_same_value_under_both_is_fine():
    parsed = parse_amounts(["1234", "12", "Rp 5", "1 000", "(7)"])
    assert parsed.values.tolist() == [1234.0, 12.0, 5.0, 1000.0, -7.0]
    assert not parsed.bad.any() and parsed.note is None


def test_auto_tie_does_not_choose():
    parsed = parse_amounts(["1,5", "1.5", "1.234", "7", "x"])
    could_not = (
        "is not an amount (number format 'auto' could not choose between 'id' and 'en': "
        "set number_format)"
    )
    assert parsed.problems.tolist() == [
        could_not,
        could_not,
        "is ambiguous: 1234 as 'id' or 1.234 as 'en' (set number_format)",
        None,
        "is not an amount (number format 'auto')",
    ]
    assert parsed.values.iloc[3] == 7.0
    assert parsed.note == (
        "text amounts mix 'id' (1.234,50) and 'en' (1,234.50): set number_format; "
        "1 text amount is ambiguous between 'id' and 'en': set number_format"
    )


def test_auto_weighs_cells_not_distinct_texts():
    # one id-only text in 5 cells beats two en-only texts in one cell each
    parsed = parse_amounts(["1,5"] * 5 + ["1.5", "2.5"])
    assert parsed.note == "text amounts read as 'id' (1.234,50)"
    assert parsed.values.tolist()[:5] == [1.5] * 5
    assert parsed.bad.tolist() == [False] * 5 + [True, True]


def test_auto_ignores_real_numbers_and_blanks():
    parsed = parse_amounts([1.5, 2.5, None, "", "1.234"])
    assert parsed.problems.iloc[4] == (
        "is ambiguous: 1234 as 'id' or 1.234 as 'en' (set number_format)"
    )
    assert parsed.values.tolist()[:2] == [1.5, 2.5]


def test_auto_with_only_numbers_has_no_note():
    assert parse_amounts([1.0, 2.0]).note is None


# --------------------------------------------------------------------------------------
# options
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("option", ["ID", " En ", "PLAIN", "Auto"])
def test_number_format_is_case_insensitive(option):
    assert one("12", number_format=option) == (12.0, None)


@pytest.mark.parametrize("option", ["x", "", "de", None, 2])
def test_bad_number_format(option):
    with pytest.raises(OptionError) as info:
        parse_amounts(["1"], number_format=option)
    assert str(info.value) == (
        f"number_format must be 'auto', 'id', 'en' or 'plain', not {option!r}"
    )


# --------------------------------------------------------------------------------------
# properties
# --------------------------------------------------------------------------------------

cents = st.integers(min_value=-(10**15), max_value=10**15)
decorations = st.sampled_from(["{}", "Rp {}", "Rp. {}", "IDR {}", "{} IDR", "  {}  "])


@settings(max_examples=300, deadline=None)
@given(cents, decorations)
def test_id_round_trip(amount, decoration):
    text = decoration.format(id_style(amount))
    value, problem = one(text, number_format="id")
    assert problem is None
    assert value == pytest.approx(amount / 100, rel=1e-9, abs=1e-12)
    assert value == float(decimal.Decimal(amount).scaleb(-2))  # correctly rounded, too


@settings(max_examples=300, deadline=None)
@given(cents, st.sampled_from(["{}", "${}", "USD {}", "{} USD", "€{}"]))
def test_en_round_trip(amount, decoration):
    text = decoration.format(en_style(amount))
    value, problem = one(text, number_format="en")
    assert problem is None
    assert value == pytest.approx(amount / 100, rel=1e-9, abs=1e-12)


@settings(max_examples=300, deadline=None)
@given(cents)
def test_accounting_parentheses_round_trip(amount):
    assume(amount > 0)
    value, problem = one(f"({id_style(amount)})", number_format="id")
    assert problem is None and value == pytest.approx(-amount / 100, rel=1e-9)


@settings(max_examples=300, deadline=None)
@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_plain_round_trip_is_exact(number):
    text = repr(number)
    assume("e" not in text)
    value, problem = one(text, number_format="plain")
    assert problem is None
    assert value == float(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(cents.filter(lambda c: c % 100 != 0), min_size=1, max_size=20))
def test_auto_reads_an_id_column_as_id(amounts):
    # every text has ",dd" decimals, which only 'id' accepts
    parsed = parse_amounts([id_style(a) for a in amounts])
    assert parsed.note == "text amounts read as 'id' (1.234,50)"
    assert parsed.values.tolist() == pytest.approx([a / 100 for a in amounts], rel=1e-9)


POOL = [
    None,
    "",
    "1.234",
    "1,234",
    "1.234,50",
    "1,234.50",
    "Rp 50.000,-",
    "(1.000)",
    "12",
    "abc",
    "12.5",
    12.5,
    0,
    1,
    True,
    False,
    np.nan,
    decimal.Decimal("3.25"),
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(POOL), max_size=40), st.sampled_from(["id", "en", "plain"]))
def test_explicit_format_column_equals_cell_by_cell(cells, fmt):
    column = parse_amounts(cells, number_format=fmt)
    for position, cell in enumerate(cells):
        value, problem = one(cell, number_format=fmt)
        assert column.problems.iloc[position] == problem
        got = column.values.iloc[position]
        assert (math.isnan(got) and math.isnan(value)) or got == value
