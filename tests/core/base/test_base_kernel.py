"""The shared kernel in xl_ar.core.base: text, labels, header lookup, tables, options."""

from __future__ import annotations

import ast
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from xl_ar.core.base.columns import header_lookup
from xl_ar.core.base.labels import label, lang_index, pick
from xl_ar.core.base.options import (
    DAY_BASES,
    Tolerance,
    as_day_basis,
    as_number,
    as_numbers,
    as_positive,
    parse_tolerance,
)
from xl_ar.core.base.tables import file_rows, is_blank_source, is_table_file, table_rows
from xl_ar.core.base.text import (
    day_text,
    grouped_number,
    money_text,
    percent_text,
    plain_number,
    rupiah,
    value_text,
)
from xl_ar.errors import OptionError, XlArError

PACKAGE = Path(__file__).resolve().parents[3] / "xl_ar"


# --------------------------------------------------------------------------- text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (2000000000.0, "2000000000"),
        (0.125, "0.125"),
        (-2.5, "-2.5"),
        (3, "3"),
        (np.int64(7), "7"),
        (1e20, "1e+20"),
        (9999999999999998.0, "9999999999999998"),
        (1 / 3, "0.3333333333"),
        (1234567.5, "1234567.5"),
        (float("nan"), "nan"),
        (float("-inf"), "-inf"),
        (-0.0, "0"),
    ],
)
def test_plain_number(value, text):
    assert plain_number(value) == text


@pytest.mark.parametrize(
    ("args", "text"),
    [
        ((1234567.5, 2), "1,234,567.50"),
        ((1234567.5, 2, "id"), "1.234.567,50"),
        ((1234567.5,), "1,234,568"),
        ((1234567.5, 0, "id"), "1.234.568"),
        ((-1234.5, 2), "-1,234.50"),
        ((0.0, 2, "id"), "0,00"),
        ((20.5, 1), "20.5"),
    ],
)
def test_grouped_number(args, text):
    assert grouped_number(*args) == text


def test_grouped_number_trim():
    assert grouped_number(1234.5, 2, trim=True) == "1,234.5"
    assert grouped_number(1200.0, 2, trim=True) == "1,200"
    assert grouped_number(1200.0, 2, "id", trim=True) == "1.200"
    assert grouped_number(1200.0, 0, trim=True) == "1,200"  # no decimals: nothing trimmed


@pytest.mark.parametrize(
    ("args", "kwargs", "text"),
    [
        ((1234567,), {}, "Rp 1.234.567"),
        ((1234567.5,), {}, "Rp 1.234.567,50"),
        ((-5000, "en"), {}, "-Rp 5,000"),
        ((1234.5, "en", "USD"), {}, "USD 1,234.50"),
        ((1234, "en", "usd"), {}, "USD 1,234.00"),
        ((1234, "id", " rp "), {}, "Rp 1.234"),
        ((1234,), {"cents": True}, "Rp 1.234,00"),
        ((1500000.4,), {"cents": False}, "Rp 1.500.000"),
        ((-0.004,), {}, "Rp 0"),
        ((-0.2,), {"cents": False}, "Rp 0"),
        ((0.006,), {}, "Rp 0,01"),
    ],
)
def test_money_text(args, kwargs, text):
    assert money_text(*args, **kwargs) == text


def test_rupiah_is_whole_rupiah():
    assert rupiah(150_000_000) == "Rp 150.000.000"
    assert rupiah(150_000_000, "en") == "Rp 150,000,000"
    assert rupiah(-5) == "-Rp 5"


@pytest.mark.parametrize(
    ("fraction", "lang", "text"),
    [(0.125, "en", "12.5%"), (0.125, "id", "12,5%"), (0.12, "en", "12%"), (1 / 3, "en", "33.33%")],
)
def test_percent_text(fraction, lang, text):
    assert percent_text(fraction, lang) == text


def test_day_text():
    assert day_text(pd.Timestamp("2024-12-31 15:00")) == "2024-12-31"
    assert day_text(np.datetime64("2024-02-29")) == "2024-02-29"
    assert day_text(None) == "blank"
    assert day_text(pd.NaT, blank="-") == "-"
    assert day_text(float("nan")) == "blank"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.0, "0"),
        (60.0, "60"),
        (0.5, "0.5"),
        (np.float64(-2.5), "-2.5"),
        (float("nan"), "nan"),
        (float("inf"), "inf"),
        ("abc", "'abc'"),
        (None, "(blank)"),
        (pd.NA, "(blank)"),
        (True, "TRUE"),
        (np.bool_(False), "FALSE"),
        ("x" * 60, "'" + "x" * 39 + "…'"),
    ],
)
def test_value_text(value, text):
    assert value_text(value) == text


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15))
def test_grouped_number_languages_swap_the_separators(x):
    en, idn = grouped_number(x, 2), grouped_number(x, 2, "id")
    assert idn == en.replace(",", "_").replace(".", ",").replace("_", ".")
    assert float(en.replace(",", "")) == pytest.approx(round(x, 2), abs=0.006)


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12))
@example(703687441777.0549)  # x * 100 rounded up to ...705.5: once rounded twice to .06
def test_money_text_reads_back(x):
    text = money_text(x, "en")
    sign = -1 if text.startswith("-") else 1
    number = float(text.lstrip("-").removeprefix("Rp ").replace(",", ""))
    assert sign * number == pytest.approx(x, abs=0.0051)
    assert not text.startswith("-") or x < 0


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_plain_number_of_whole_numbers_is_the_integer(n):
    assert plain_number(float(n)) == str(n)


# --------------------------------------------------------------------------- labels


def test_pick_and_label_share_one_rule():
    assert pick(("Skor", "Score"), "id") == "Skor"
    assert pick(("Skor", "Score"), "en") == "Score"
    assert pick(("Skor", "Score")) == "Skor / Score"
    assert pick(("Total", "Total"), "both") == "Total"
    assert label("customer") == "Pelanggan / Customer"
    assert (lang_index("id"), lang_index("en")) == (0, 1)
    with pytest.raises(ValueError, match=r"^lang must be one of id, en, both; got 'jv'$"):
        pick(("a", "b"), "jv")
    with pytest.raises(ValueError, match=r"^lang must be one of id, en; got 'both'$"):
        lang_index("both")


# --------------------------------------------------------------------------- header lookup


def test_header_lookup_includes_the_key_and_refuses_a_double_claim():
    table = {"credit_limit": ("Limit Kredit", "Plafon"), "customer": ("Pelanggan",)}
    assert header_lookup(table) == {
        "creditlimit": "credit_limit",
        "limitkredit": "credit_limit",
        "plafon": "credit_limit",
        "customer": "customer",
        "pelanggan": "customer",
    }
    with pytest.raises(ValueError, match="label 'Plafon' is claimed by 'a' and 'b'"):
        header_lookup({"a": ("plafon",), "b": ("Plafon",)})
    assert header_lookup({"a": ("plafon",), "b": ("Plafon",)}, strict=False)["plafon"] == "a"


def test_header_lookup_with_another_normalisation():
    got = header_lookup({"min_amount": ("Min amount (Rp)",)}, normalize=str.lower)
    assert got == {"min_amount": "min_amount", "min amount (rp)": "min_amount"}


# --------------------------------------------------------------------------- tables


def test_table_rows_of_ranges_and_frames():
    frame = pd.DataFrame({"Stage": ["early", "late"], "Max DPD": [30.0, np.nan]})
    assert table_rows(frame, hint="?") == [["Stage", "Max DPD"], ["early", 30.0], ["late", None]]
    assert table_rows(np.array([["a", 1]], dtype=object), hint="?") == [["a", 1]]
    assert table_rows(("x", ["y", 2]), hint="?") == [["x"], ["y", 2]]
    with pytest.raises(XlArError, match="^customers: give a table$"):
        table_rows([], hint="customers: give a table")
    with pytest.raises(XlArError, match="^give rows$"):
        table_rows(5, hint="give rows")


def test_file_rows_and_file_detection(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("Customer;Limit\nPT A;100\nPT B\n", encoding="utf-8")
    assert is_table_file(str(path)) and is_table_file(path) and not is_table_file("PT A")
    assert file_rows(path) == [["Customer", "Limit"], ["PT A", "100"], ["PT B", None]]
    assert table_rows(str(path), hint="?") == file_rows(path)


def test_is_blank_source():
    assert is_blank_source(None) and is_blank_source("  ") and is_blank_source(pd.DataFrame())
    assert is_blank_source([[None, ""], [None, " "]])
    assert not is_blank_source([[None, "x"]]) and not is_blank_source(0)


# --------------------------------------------------------------------------- options


@pytest.mark.parametrize(
    ("value", "basis"),
    [(360, 360), (365.0, 365), ("360", 360), (" 365 ", 365), (np.int64(360), 360), (None, 365)],
)
def test_day_basis(value, basis):
    assert as_day_basis(value) == basis


def test_blank_day_basis_is_the_callers_default():
    assert as_day_basis("", default=360) == 360
    assert as_day_basis(None) == 365 and DAY_BASES == (360, 365)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (366, "day_basis must be 360 or 365, not 366"),
        ("actual", "day_basis must be 360 or 365, not 'actual'"),
        (True, "day_basis must be 360 or 365, not TRUE"),
        (360.5, "day_basis must be 360 or 365, not 360.5"),
    ],
)
def test_day_basis_refused(value, message):
    with pytest.raises(OptionError) as info:
        as_day_basis(value)
    assert str(info.value) == message


def test_the_two_day_basis_users_agree():
    from xl_ar.core.collections.interest import as_day_basis as interest_basis
    from xl_ar.core.collections.interest import late_interest
    from xl_ar.core.metrics.ratios import average_collection_period

    assert interest_basis is as_day_basis
    assert late_interest(36_500, 0.1, 1, day_basis=None) == pytest.approx(10.0)
    assert average_collection_period(360, 1, 1, day_basis="") == pytest.approx(1.0)  # its 360
    assert average_collection_period(365, 1, 1, day_basis="365") == pytest.approx(1.0)


def test_tolerance_parsing():
    assert parse_tolerance("2%") == Tolerance(relative=0.02)
    assert parse_tolerance(5000) == Tolerance(absolute=5000.0)
    assert parse_tolerance(None) == Tolerance(absolute=0.005)
    assert parse_tolerance("Rp 1.000", number_format="id") == Tolerance(absolute=1000.0)
    with pytest.raises(OptionError, match=r"^tolerance must be below 100%, not '100%'$"):
        parse_tolerance("100%")


def test_number_arguments():
    assert as_number(np.float32(2.5), "x") == 2.5
    assert as_positive(1e3, "x") == 1000.0
    assert math.isnan(as_numbers([1, None], "x", allow_nan=True)[1])
    with pytest.raises(XlArError, match=r"^x must be greater than 0, not -1$"):
        as_positive(-1, "x")
    with pytest.raises(XlArError, match=r"^x\[1\] must be a number, not 'a'$"):
        as_numbers([1, "a"], "x")
    with pytest.raises(XlArError, match=r"^x must be a finite number, not inf$"):
        as_number(float("inf"), "x")


# --------------------------------------------------------------------------- structure


def _imports(path: Path) -> list[ast.ImportFrom]:
    return [n for n in ast.walk(ast.parse(path.read_text())) if isinstance(n, ast.ImportFrom)]


def test_no_private_name_is_imported_across_modules():
    found = [
        f"{path.relative_to(PACKAGE)}: {node.module}.{alias.name}"
        for path in PACKAGE.rglob("*.py")
        for node in _imports(path)
        if node.module and node.module.startswith("xl_ar")
        for alias in node.names
        if alias.name.startswith("_") and alias.name != "__version__"
    ]
    assert found == []


def test_cash_application_has_no_import_cycle():
    statement = PACKAGE / "core" / "cash_application" / "statement.py"
    modules = {node.module for node in _imports(statement)}
    assert "xl_ar.core.cash_application.reconcile" not in modules
    assert "xl_ar.core.base.options" in modules
