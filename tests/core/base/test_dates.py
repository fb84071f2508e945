"""Tests for xl_ar.core.base.dates: parse_dates and the Excel serial helpers."""

from __future__ import annotations

import datetime as dt
import decimal

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xl_ar.core.base.dates import (
    datetime_to_excel_serial,
    excel_serial_to_datetime,
    parse_dates,
)
from xl_ar.core.base.schema import ParsedColumn
from xl_ar.errors import OptionError

D = pd.Timestamp
NOT_A_DATE = "is not a date"
NOT_PLAUSIBLE = "is not a plausible date"
OUTSIDE = "is outside the dates xl-ar handles (1900-01-01 to 2199-12-31)"
FICTITIOUS = "is Excel's non-existent date 1900-02-29"
DMY_BUT_MDY = "is not a valid dmy date (it would be valid as mdy: check the date order)"
MDY_BUT_DMY = "is not a valid mdy date (it would be valid as dmy: check the date order)"

ID_MONTHS = [
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
]
EN_ABBR = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

dates_1900_2199 = st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2199, 12, 31))


def one(value, **options):
    """Parse a single cell; return (Timestamp or NaT, problem)."""
    parsed = parse_dates([value], **options)
    return parsed.values.iloc[0], parsed.problems.iloc[0]


# --------------------------------------------------------------------------------------
# result shape and inputs
# --------------------------------------------------------------------------------------


def test_returns_parsed_column_with_documented_dtypes():
    parsed = parse_dates(["31/12/2024", "abc", None])
    assert isinstance(parsed, ParsedColumn)
    assert parsed.values.dtype == np.dtype("datetime64[ns]")
    assert parsed.problems.dtype == object
    assert parsed.problems.tolist() == [None, NOT_A_DATE, None]
    assert parsed.bad.tolist() == [False, True, False]


def test_series_index_and_name_are_kept():
    index = pd.Index([17, 5, 17, 99], name="row")
    cells = pd.Series(["31/12/2024", "x", 45657, None], index=index, name="Due Date", dtype=object)
    parsed = parse_dates(cells)
    assert parsed.values.index.equals(index)
    assert parsed.problems.index.equals(index)
    assert parsed.values.name == "Due Date"
    assert parsed.values.tolist()[0] == D("2024-12-31")
    assert parsed.values.tolist()[2] == D("2024-12-31")
    assert parsed.problems.loc[5] == NOT_A_DATE


def test_list_input_gets_range_index():
    parsed = parse_dates(["2024-01-05", dt.date(2024, 1, 6)])
    assert isinstance(parsed.values.index, pd.RangeIndex)
    assert parsed.values.tolist() == [D("2024-01-05"), D("2024-01-06")]


def test_tuple_and_generator_input():
    assert parse_dates(("31/12/2024",)).values.iloc[0] == D("2024-12-31")
    assert parse_dates(x for x in [45657]).values.iloc[0] == D("2024-12-31")


def test_numpy_float_array_of_serials():
    parsed = parse_dates(np.array([45657.0, np.nan, 41276.5, 60.0]))
    assert parsed.values.tolist()[0] == D("2024-12-31")
    assert pd.isna(parsed.values.iloc[1])
    assert parsed.values.iloc[2] == D("2013-01-02")
    assert parsed.problems.tolist() == [None, None, None, FICTITIOUS]


def test_numpy_int_array_and_nullable_int_series():
    assert parse_dates(np.array([45657, 1], dtype=np.int64)).values.tolist() == [
        D("2024-12-31"),
        D("1900-01-01"),
    ]
    parsed = parse_dates(pd.Series([45657, None], dtype="Int64"))
    assert parsed.values.iloc[0] == D("2024-12-31")
    assert pd.isna(parsed.values.iloc[1]) and parsed.problems.iloc[1] is None


def test_object_series_of_mixed_cells():
    cells = pd.Series(
        [dt.datetime(2024, 3, 4, 15, 30), "05/03/2024", 45357, pd.NA, "junk"], dtype=object
    )
    parsed = parse_dates(cells)
    assert parsed.values.tolist()[:3] == [D("2024-03-04"), D("2024-03-05"), D("2024-03-06")]
    assert parsed.problems.tolist() == [None, None, None, None, NOT_A_DATE]


def test_datetime64_series_is_floored_to_midnight():
    cells = pd.Series(pd.to_datetime(["2024-12-31 23:59:59", None, "1899-06-01 00:00:00"]))
    parsed = parse_dates(cells)
    assert parsed.values.iloc[0] == D("2024-12-31")
    assert pd.isna(parsed.values.iloc[1]) and parsed.problems.iloc[1] is None
    assert parsed.problems.iloc[2] == OUTSIDE


def test_tz_aware_series_keeps_wall_time_date():
    cells = pd.Series(pd.to_datetime(["2024-01-01 23:30"]).tz_localize("Asia/Jakarta"))
    assert parse_dates(cells).values.iloc[0] == D("2024-01-01")


def test_str_dtype_and_categorical_series():
    strings = pd.Series(["31/12/2024", None, "1/2/2013"], dtype="str")
    assert parse_dates(strings).values.tolist()[::2] == [D("2024-12-31"), D("2013-02-01")]
    categories = pd.Series(["31/12/2024", "31/12/2024", "x"], dtype="category")
    parsed = parse_dates(categories)
    assert parsed.values.tolist()[:2] == [D("2024-12-31")] * 2
    assert parsed.problems.iloc[2] == NOT_A_DATE


def test_bool_series_is_not_dates():
    parsed = parse_dates(pd.Series([True, False, None], dtype="boolean"))
    assert parsed.problems.tolist() == [NOT_A_DATE, NOT_A_DATE, None]
    assert parsed.values.isna().all()


def test_empty_input():
    parsed = parse_dates([])
    assert len(parsed.values) == 0 and parsed.values.dtype == np.dtype("datetime64[ns]")
    assert parsed.note is None


def test_rejects_two_dimensional_and_scalar_input():
    with pytest.raises(ValueError):
        parse_dates(np.zeros((2, 2)))
    with pytest.raises(TypeError):
        parse_dates("31/12/2024")
    with pytest.raises(TypeError):
        parse_dates(pd.DataFrame({"a": [1]}))


def test_one_million_datetimes_parse():
    base = dt.datetime(2023, 1, 1, 9, 15)
    pool = [base + dt.timedelta(days=i) for i in range(730)]
    cells = [pool[i % 730] for i in range(1_048_576)]
    parsed = parse_dates(cells)
    assert len(parsed.values) == 1_048_576
    assert parsed.values.iloc[0] == D("2023-01-01")
    assert parsed.values.iloc[1_048_575] == D("2023-01-01") + pd.Timedelta(days=1_048_575 % 730)
    assert not parsed.bad.any() and parsed.note is None


# --------------------------------------------------------------------------------------
# blanks, objects, serials
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "blank", [None, np.nan, float("nan"), pd.NaT, pd.NA, np.datetime64("NaT"), "", "   ", "\xa0\t"]
)
def test_blank_cells_are_nat_without_problem(blank):
    value, problem = one(blank)
    assert pd.isna(value)
    assert problem is None


def test_blank_decimal_nan():
    value, problem = one(decimal.Decimal("NaN"))
    assert pd.isna(value) and problem is None


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (dt.datetime(2024, 12, 31, 18, 45), "2024-12-31"),
        (dt.date(2024, 2, 29), "2024-02-29"),
        (pd.Timestamp("2013-01-02 00:00:01"), "2013-01-02"),
        (np.datetime64("2020-05-17T23:59:59.999"), "2020-05-17"),
        (np.datetime64("2020-05-17", "D"), "2020-05-17"),
        (pd.Timestamp("2024-06-30 23:00", tz="Asia/Jakarta"), "2024-06-30"),
        (dt.datetime(1900, 1, 1), "1900-01-01"),
        (dt.datetime(2199, 12, 31, 23, 59), "2199-12-31"),
    ],
)
def test_date_objects(cell, expected):
    assert one(cell) == (D(expected), None)


@pytest.mark.parametrize(
    "cell",
    [dt.datetime(1899, 12, 31), dt.date(2200, 1, 1), dt.datetime(1, 1, 1), dt.date(9999, 12, 31)],
)
def test_date_objects_out_of_range(cell):
    value, problem = one(cell)
    assert pd.isna(value) and problem == OUTSIDE


def test_mixed_time_zones_and_naive_in_one_column():
    cells = [
        pd.Timestamp("2024-01-01 23:00", tz="UTC"),
        pd.Timestamp("2024-01-02 01:00", tz="Asia/Jakarta"),
        dt.datetime(2024, 1, 3, 12),
    ]
    assert parse_dates(cells).values.tolist() == [D("2024-01-01"), D("2024-01-02"), D("2024-01-03")]


@pytest.mark.parametrize(
    ("serial", "expected"),
    [
        (1, "1900-01-01"),
        (2, "1900-01-02"),
        (59, "1900-02-28"),
        (61, "1900-03-01"),
        (45657, "2024-12-31"),
        (41276, "2013-01-02"),
        (45657.999, "2024-12-31"),
        (45657.5, "2024-12-31"),
        (np.int32(45657), "2024-12-31"),
        (np.float32(45657), "2024-12-31"),
        (decimal.Decimal("45657.25"), "2024-12-31"),
        (109574, "2199-12-31"),
    ],
)
def test_serials(serial, expected):
    assert one(serial) == (D(expected), None)


@pytest.mark.parametrize("serial", [60, 60.5, np.float64(60)])
def test_serial_60_is_excels_fictitious_leap_day(serial):
    value, problem = one(serial)
    assert pd.isna(value) and problem == FICTITIOUS


@pytest.mark.parametrize("serial", [0, -1, 0.5, 2958466, 1e300, float("inf"), -float("inf")])
def test_implausible_serials(serial):
    value, problem = one(serial)
    assert pd.isna(value) and problem == NOT_PLAUSIBLE


@pytest.mark.parametrize("serial", [109575, 2958465, "109575"])
def test_serials_of_days_outside_the_range(serial):
    value, problem = one(serial)  # 2200-01-01 and 9999-12-31: Excel dates xl-ar refuses
    assert pd.isna(value) and problem == OUTSIDE


@pytest.mark.parametrize("cell", [True, False, np.True_, np.False_])
def test_bool_is_not_a_date(cell):
    value, problem = one(cell)
    assert pd.isna(value) and problem == NOT_A_DATE


def test_bool_and_equal_numbers_in_one_column_stay_apart():
    # Python hashes True == 1 and False == 0: they must not share a result.
    cells = [1, True, 1.0, False, 0, np.True_, decimal.Decimal(1), 2]
    parsed = parse_dates(cells)
    assert parsed.problems.tolist() == [
        None,
        NOT_A_DATE,
        None,
        NOT_A_DATE,
        NOT_PLAUSIBLE,
        NOT_A_DATE,
        None,
        None,
    ]
    assert parsed.values.iloc[0] == D("1900-01-01")
    assert parsed.values.iloc[2] == D("1900-01-01")
    assert parsed.values.iloc[6] == D("1900-01-01")
    assert parsed.values.iloc[7] == D("1900-01-02")


def test_bool_first_then_one():
    parsed = parse_dates([True, 1, 1])
    assert parsed.problems.tolist() == [NOT_A_DATE, None, None]
    assert parsed.values.tolist()[1:] == [D("1900-01-01")] * 2


@pytest.mark.parametrize("cell", [object(), dt.timedelta(days=3), 3 + 4j, b"2024-01-01"])
def test_other_objects_are_not_dates(cell):
    value, problem = one(cell)
    assert pd.isna(value) and problem == NOT_A_DATE


@pytest.mark.parametrize(
    ("text", "expected", "problem"),
    [
        ("45657", "2024-12-31", None),
        ("45657.0", "2024-12-31", None),
        (" 41276 ", "2013-01-02", None),
        ("60", None, FICTITIOUS),
        ("0", None, NOT_PLAUSIBLE),
        ("-3", None, NOT_PLAUSIBLE),
        ("20241231", None, NOT_PLAUSIBLE),
    ],
)
def test_text_serials(text, expected, problem):
    # text that is a plain number is an Excel serial, as a number cell would be
    value, found = one(text)
    assert found == problem
    assert (pd.isna(value) and expected is None) or value == D(expected)


# --------------------------------------------------------------------------------------
# text dates
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-12-31", "2024-12-31"),
        ("2024-12-31 10:30:00", "2024-12-31"),
        ("2024-12-31T23:59:59", "2024-12-31"),
        ("2024-12-31T23:59:59.123456Z", "2024-12-31"),
        ("2024-12-31T10:30:00+07:00", "2024-12-31"),
        ("2024/12/31", "2024-12-31"),
        ("2024.1.5", "2024-01-05"),
        ("2024-Des-31", "2024-12-31"),
    ],
)
@pytest.mark.parametrize("order", ["dmy", "mdy", "ymd"])
def test_iso_forms_under_every_order(text, expected, order):
    assert one(text, date_order=order) == (D(expected), None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31/12/2024", "2024-12-31"),
        ("31-12-2024", "2024-12-31"),
        ("31.12.2024", "2024-12-31"),
        ("1/2/2013", "2013-02-01"),
        ("01/02/2013", "2013-02-01"),
        ("31/12/24", "2024-12-31"),
        ("31 Des 2024", "2024-12-31"),
        ("31-Des-24", "2024-12-31"),
        ("31 Desember 2024", "2024-12-31"),
        ("31 DESEMBER 2024", "2024-12-31"),
        ("31 Dec 2024", "2024-12-31"),
        ("15-Jan-16", "2016-01-15"),
        ("15-jan-2016", "2016-01-15"),
        ("31des2024", "2024-12-31"),
        ("31-12-2024 10:30", "2024-12-31"),
        ("31/12/2024 10:30:15", "2024-12-31"),
        ("31/12/2024 11:30 pm", "2024-12-31"),
        ("  31/12/2024  ", "2024-12-31"),
        ("31\xa0Des\xa02024", "2024-12-31"),
        ("Sabtu, 31 Desember 2024", "2024-12-31"),
        ("1st Jan 2024", "2024-01-01"),
        ("29/02/2024", "2024-02-29"),
        # a month name fixes the order, so the other position reads too
        ("Dec 31, 2024", "2024-12-31"),
    ],
)
def test_dmy_text(text, expected):
    assert one(text) == (D(expected), None)
    assert one(text, date_order="dmy") == (D(expected), None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12/31/2024", "2024-12-31"),
        ("1/15/2013", "2013-01-15"),
        ("1/2/2013", "2013-01-02"),
        ("12-31-2024", "2024-12-31"),
        ("12.31.2024", "2024-12-31"),
        ("12/31/24", "2024-12-31"),
        ("Dec 31, 2024", "2024-12-31"),
        ("Dec 31 2024", "2024-12-31"),
        ("December 31,2024", "2024-12-31"),
        ("dec-31-24", "2024-12-31"),
        ("Mon, Dec 30, 2024", "2024-12-30"),
        ("12/31/2024 10:30 AM", "2024-12-31"),
        ("31 Dec 2024", "2024-12-31"),
    ],
)
def test_mdy_text(text, expected):
    assert one(text, date_order="mdy") == (D(expected), None)


@pytest.mark.parametrize(
    ("names", "month"),
    [
        (["januari", "jan", "january"], 1),
        (["februari", "feb", "pebruari", "february"], 2),
        (["maret", "mar", "march"], 3),
        (["april", "apr"], 4),
        (["mei", "may"], 5),
        (["juni", "jun", "june"], 6),
        (["juli", "jul", "july"], 7),
        (["agustus", "agu", "agt", "ags", "aug", "august"], 8),
        (["september", "sep", "sept"], 9),
        (["oktober", "okt", "oct", "october"], 10),
        (["november", "nov", "nop"], 11),
        (["desember", "des", "dec", "december"], 12),
    ],
)
def test_month_names(names, month):
    for name in names:
        for spelled in (name, name.upper(), name.title()):
            assert one(f"7 {spelled} 2021") == (D(2021, month, 7), None)
            assert one(f"07-{spelled}-21") == (D(2021, month, 7), None)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("1/1/00", 2000),
        ("1/1/29", 2029),
        ("1/1/30", 1930),
        ("1/1/68", 1968),
        ("1/1/99", 1999),
        ("1 Jan 45", 1945),
        ("1 Jan 29", 2029),
    ],  # Excel's window: 1930-2029
)
def test_two_digit_year_pivot(text, year):
    assert one(text) == (D(year, 1, 1), None)


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "31/02/2024",
        "29/02/2023",
        "32/01/2024",
        "2024-13-01",
        "2024-31-12",
        "31 Foo 2024",
        "31/12/024",
        "31/12/2024 25:00",
        "31/12/2024 10:61",
        "31/12/2024 13:00 pm",
        "31/12-2024",
        "Des 2024",
        "12.5.",
        "1.2.",
    ],
)
def test_not_a_date(text):
    value, problem = one(text)
    assert pd.isna(value) and problem == NOT_A_DATE


@pytest.mark.parametrize(
    "text",
    [
        "31/12/202410:30",  # no separator before the time
        "45657 10:30",  # a serial with a time is neither
        "10:30",
        "abc:def",
        "31/12/2024 :30",
        "31/12/2024 10:30 xyz",
        "10:30 31/12/2024",
        "31/12/2024 10:30:99",
        "31/12/2024 0:30 am",
    ],
)
def test_bad_times_make_the_text_not_a_date(text):
    value, problem = one(text)
    assert pd.isna(value) and problem == NOT_A_DATE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31/12/2024   7:05", "2024-12-31"),
        ("31/12/2024\xa010:30", "2024-12-31"),
        ("2024-12-31T10:30:00.5", "2024-12-31"),
        ("31 Des 2024 23:59:59", "2024-12-31"),
        ("31/12/2024 12:00 AM", "2024-12-31"),
        ("31/12/2024 12:00 p.m.", "2024-12-31"),
    ],
)
def test_times_are_dropped(text, expected):
    assert one(text) == (D(expected), None)


@pytest.mark.parametrize(
    ("core", "expected"),
    [
        ("31/12/2024 10:30", (D("2024-12-31"), None)),
        ("31/12/2024", (D("2024-12-31"), None)),
        ("31/12/2024 25:30", (pd.NaT, NOT_A_DATE)),
        ("31/12/202410:30", (pd.NaT, NOT_A_DATE)),
        ("1/15/2013 10:30", (pd.NaT, DMY_BUT_MDY)),
        ("abc:def", (pd.NaT, NOT_A_DATE)),
    ],
)
def test_long_texts_read_like_short_texts(core, expected):
    padded = " " * 40 + core + " " * 40  # past the character-matrix width
    assert one(core) == expected
    assert one(padded) == expected
    column = parse_dates([core, padded, core])
    assert column.problems.tolist() == [expected[1]] * 3


def test_timestamps_that_all_differ():
    texts = [
        f"{day:02d}/01/2024 {hour:02d}:{minute:02d}"
        for day in (5, 6)
        for hour in range(24)
        for minute in range(60)
    ]
    parsed = parse_dates(texts)
    assert not parsed.bad.any()
    assert parsed.values.iloc[0] == D("2024-01-05") and parsed.values.iloc[-1] == D("2024-01-06")
    assert (parsed.values.iloc[:1440] == D("2024-01-05")).all()


@pytest.mark.parametrize("text", ["31/12/1899", "01/01/2200", "1 Jan 1850", "1850-01-01"])
def test_text_dates_out_of_range(text):
    value, problem = one(text)
    assert pd.isna(value) and problem == OUTSIDE


def test_other_order_hint_dmy():
    assert one("1/15/2013") == (pd.NaT, DMY_BUT_MDY)
    assert one("12/31/2024 10:00", date_order="dmy") == (pd.NaT, DMY_BUT_MDY)


def test_other_order_hint_mdy():
    assert one("15/1/2013", date_order="mdy") == (pd.NaT, MDY_BUT_DMY)
    assert one("31.12.2024", date_order="mdy") == (pd.NaT, MDY_BUT_DMY)


def test_other_order_hint_ymd():
    assert one("31/12/2024", date_order="ymd") == (
        pd.NaT,
        "is not a valid ymd date (it would be valid as dmy: check the date order)",
    )
    assert one("1/2/2013", date_order="ymd") == (
        pd.NaT,
        "is not a valid ymd date (it would be valid as dmy or mdy: check the date order)",
    )
    assert one("31 Des 2024", date_order="ymd")[1] == (
        "is not a valid ymd date (it would be valid as dmy or mdy: check the date order)"
    )


def test_hint_needs_a_plausible_reading():
    assert one("12/31/1899")[1] == NOT_A_DATE


# --------------------------------------------------------------------------------------
# options
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "expected"),
    [
        ("DMY", "2013-02-01"),
        (" Dmy ", "2013-02-01"),
        ("dayfirst", "2013-02-01"),
        ("MDY", "2013-01-02"),
        ("monthfirst", "2013-01-02"),
        ("MonthFirst", "2013-01-02"),
    ],
)
def test_date_order_aliases(option, expected):
    assert one("1/2/2013", date_order=option) == (D(expected), None)


@pytest.mark.parametrize("option", ["x", "", "dym", None, 1, "day"])
def test_bad_date_order(option):
    with pytest.raises(OptionError) as info:
        parse_dates(["1/2/2013"], date_order=option)
    assert str(info.value) == f"date_order must be 'dmy', 'mdy' or 'ymd', not {option!r}"


def test_bad_date_order_message_example():
    with pytest.raises(OptionError, match=r"^date_order must be 'dmy', 'mdy' or 'ymd', not 'x'$"):
        parse_dates([], date_order="x")


def test_option_error_is_a_value_error():
    with pytest.raises(ValueError):
        parse_dates([], date_order="x")


# --------------------------------------------------------------------------------------
# column notes
# --------------------------------------------------------------------------------------


def test_note_mixed_real_and_text_dates():
    cells = [dt.datetime(2024, 1, 5)] * 944 + ["13/01/2024"] * 1000 + ["14 Jan 2024"] * 522
    parsed = parse_dates(cells)
    assert parsed.note == (
        "mixes 944 date/serial cells with 1522 text dates "
        "(often a CSV opened under another locale: check day/month order)"
    )
    assert not parsed.bad.any()


def test_note_counts_serials_as_real_dates_and_singular():
    parsed = parse_dates([45657, "31/12/2024", None, "junk"])
    assert parsed.note == (
        "mixes 1 date/serial cell with 1 text date "
        "(often a CSV opened under another locale: check day/month order)"
    )


def test_note_valid_only_under_other_order():
    cells = ["1/15/2013"] * 37 + ["1/2/2013", "3/4/2013"]
    parsed = parse_dates(cells)
    assert (
        parsed.note == "37 text dates are valid only as mdy: the column may use another date order"
    )
    assert parsed.problems.iloc[0] == DMY_BUT_MDY
    assert parsed.values.iloc[37] == D("2013-02-01")


def test_note_valid_only_singular_and_ymd():
    assert parse_dates(["15/1/2013"], date_order="mdy").note == (
        "1 text date is valid only as dmy: the column may use another date order"
    )
    assert parse_dates(["15/1/2013", "1/2/2013"], date_order="ymd").note == (
        "2 text dates are valid only as dmy or mdy: the column may use another date order"
    )


def test_both_notes_joined():
    cells = [dt.date(2013, 1, 2), "1/15/2013", "2/1/2013"]
    assert parse_dates(cells).note == (
        "mixes 1 date/serial cell with 2 text dates "
        "(often a CSV opened under another locale: check day/month order); "
        "1 text date is valid only as mdy: the column may use another date order"
    )


@pytest.mark.parametrize(
    "cells",
    [
        [dt.datetime(2024, 1, 1), 45657, np.datetime64("2024-05-01")],
        ["31/12/2024", "1/2/2013", "3/4/2013", "2024-01-01"],
        ["1/2/2013", "3/4/2013"],  # ambiguous but fine under the chosen order
        [dt.datetime(2024, 1, 1), "abc", "45657"],  # junk and text serials are not text dates
        [None, "", np.nan],
    ],
)
def test_no_note(cells):
    assert parse_dates(cells).note is None


# --------------------------------------------------------------------------------------
# Excel serial helpers
# --------------------------------------------------------------------------------------


def test_excel_serial_to_datetime_known_values():
    got = excel_serial_to_datetime(np.array([1, 59, 61, 45657, 41276, 45657.75, 45657.5 / 1]))
    assert got.dtype == np.dtype("datetime64[ns]")
    assert [pd.Timestamp(x) for x in got] == [
        D("1900-01-01"),
        D("1900-02-28"),
        D("1900-03-01"),
        D("2024-12-31"),
        D("2013-01-02"),
        D("2024-12-31 18:00"),
        D("2024-12-31 12:00"),
    ]


def test_excel_serial_to_datetime_out_of_range_is_nat():
    got = excel_serial_to_datetime(np.array([60, 0, -1, 0.5, np.nan, np.inf, 2958466, 2958465]))
    assert np.isnat(got).all()  # 2958465 (9999-12-31) is beyond datetime64[ns]


def test_excel_serial_to_datetime_keeps_shape_and_accepts_lists():
    assert excel_serial_to_datetime([45657, 45658]).tolist() == [
        pd.Timestamp("2024-12-31").value,
        pd.Timestamp("2025-01-01").value,
    ]
    assert excel_serial_to_datetime(np.array([[1.0, 2.0]])).shape == (1, 2)


def test_excel_serial_rounds_to_the_millisecond():
    got = excel_serial_to_datetime(45657 + np.array([0.6, 0.4, 1000.4]) / 86_400_000)
    assert [pd.Timestamp(x) for x in got] == [
        D("2024-12-31 00:00:00.001"),
        D("2024-12-31"),
        D("2024-12-31 00:00:01"),
    ]


def test_datetime_to_excel_serial_known_values():
    stamps = pd.DatetimeIndex(
        [
            D("1900-01-01"),
            D("1900-02-28 12:00"),
            D("1900-03-01"),
            D("2024-12-31 18:00"),
            D("2013-01-02"),
            pd.NaT,
        ]
    )
    got = datetime_to_excel_serial(stamps)
    assert got.dtype == np.float64
    assert got[:5].tolist() == [1.0, 59.5, 61.0, 45657.75, 41276.0]
    assert np.isnan(got[5])


def test_datetime_to_excel_serial_inputs():
    assert datetime_to_excel_serial(
        [dt.datetime(2024, 12, 31), pd.Timestamp("2013-01-02")]
    ).tolist() == [
        45657.0,
        41276.0,
    ]
    tz_series = pd.Series(pd.to_datetime(["2024-12-31 06:00"]).tz_localize("Asia/Jakarta"))
    assert datetime_to_excel_serial(tz_series).tolist() == [45657.25]
    assert np.isnan(datetime_to_excel_serial(np.array(["1899-12-31"], "datetime64[D]"))[0])
    assert datetime_to_excel_serial(np.array(["9999-12-31"], "datetime64[D]")).tolist() == [
        2958465.0
    ]


# --------------------------------------------------------------------------------------
# properties
# --------------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(dates_1900_2199)
def test_dmy_numeric_round_trip(day):
    stamp = D(day)
    texts = [day.strftime("%d/%m/%Y"), day.strftime("%d-%m-%Y"), day.strftime("%d.%m.%Y")]
    texts.append(f"{day.day}/{day.month}/{day.year}")
    parsed = parse_dates(texts)
    assert parsed.values.tolist() == [stamp] * 4
    assert not parsed.bad.any()


@settings(max_examples=200, deadline=None)
@given(dates_1900_2199, st.sampled_from([str.lower, str.upper, str.title]))
def test_dmy_month_name_round_trip(day, case):
    texts = [
        f"{day.day} {case(ID_MONTHS[day.month - 1])} {day.year}",
        f"{day.day:02d}-{case(EN_ABBR[day.month - 1])}-{day.year}",
        f"{case(EN_ABBR[day.month - 1])} {day.day}, {day.year}",
    ]
    parsed = parse_dates(texts)
    assert parsed.values.tolist() == [D(day)] * 3
    assert not parsed.bad.any()


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2029, 12, 31)))
def test_two_digit_year_round_trip(day):
    dmy = parse_dates([day.strftime("%d/%m/%y"), f"{day.day}-{EN_ABBR[day.month - 1]}-{day:%y}"])
    assert dmy.values.tolist() == [D(day)] * 2
    mdy = parse_dates([day.strftime("%m/%d/%y")], date_order="mdy")
    assert mdy.values.tolist() == [D(day)]


@settings(max_examples=200, deadline=None)
@given(dates_1900_2199)
def test_mdy_and_iso_round_trip(day):
    mdy = parse_dates(
        [f"{day.month}/{day.day}/{day.year}", day.strftime("%m-%d-%Y")], date_order="mdy"
    )
    assert mdy.values.tolist() == [D(day)] * 2
    for order in ("dmy", "mdy", "ymd"):
        iso = parse_dates([day.isoformat(), f"{day.isoformat()}T12:34:56"], date_order=order)
        assert iso.values.tolist() == [D(day)] * 2


@settings(max_examples=200, deadline=None)
@given(dates_1900_2199)
def test_wrong_order_is_never_silently_accepted(day):
    # a dmy text read as mdy is either the same day (day == month), the swapped day
    # (ambiguous, valid both ways) or flagged with the other-order hint
    parsed = parse_dates([day.strftime("%d/%m/%Y")], date_order="mdy")
    value, problem = parsed.values.iloc[0], parsed.problems.iloc[0]
    if day.day > 12:
        assert pd.isna(value) and problem == MDY_BUT_DMY
    else:
        assert value == D(day.year, day.day, day.month) and problem is None


@settings(max_examples=300, deadline=None)
@given(
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2199, 12, 31, 23, 59))
    .map(lambda x: x.replace(microsecond=x.microsecond // 1000 * 1000))
    .filter(lambda x: not (x.year == 1900 and x.month == 2 and x.day == 29))
)
def test_serial_round_trip(stamp):
    serial = datetime_to_excel_serial([stamp])
    back = excel_serial_to_datetime(serial)
    assert pd.Timestamp(back[0]) == pd.Timestamp(stamp)
    # and parse_dates reads the serial as the day
    assert parse_dates(serial).values.iloc[0] == pd.Timestamp(stamp).normalize()


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=109574).filter(lambda s: s != 60))
def test_integer_serials_are_whole_days(serial):
    back = pd.Timestamp(excel_serial_to_datetime(np.array([serial]))[0])
    assert back == back.normalize()
    assert datetime_to_excel_serial([back]).tolist() == [float(serial)]


POOL = [
    None,
    "",
    " ",
    "31/12/2024",
    "1/2/2013",
    "1/15/2013",
    "abc",
    "45657",
    "60",
    45657,
    45657.5,
    60,
    0,
    1,
    True,
    False,
    dt.date(2024, 1, 1),
    dt.datetime(2024, 1, 1, 12),
    pd.Timestamp("2023-05-06"),
    np.datetime64("2022-02-02"),
    dt.datetime(1850, 1, 1),
    np.nan,
    "31 Des 2024",
    "Dec 31, 2024",
    "31/12/2024 10:30",
    "31/12/2024 25:30",
    "1/15/2013 10:30",
    " " * 70 + "1/2/2013 10:30",
    "2024-12-31T10:30:00Z",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(POOL), max_size=40), st.sampled_from(["dmy", "mdy", "ymd"]))
def test_column_equals_cell_by_cell(cells, order):
    column = parse_dates(cells, date_order=order)
    for position, cell in enumerate(cells):
        value, problem = one(cell, date_order=order)
        assert column.problems.iloc[position] == problem
        got = column.values.iloc[position]
        assert (pd.isna(got) and pd.isna(value)) or got == value
