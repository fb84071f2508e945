"""Tests of xl_ar.core.metrics.dso: golden worked examples (ar-domain.md "Metrics"), validation, properties."""

from __future__ import annotations

import datetime as dt
import doctest
import math
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from xl_ar.core.metrics import dso as dso_module
from xl_ar.core.metrics.dso import (
    DSO_METHODS,
    add_from_balances,
    average_days_delinquent,
    best_possible_dso,
    dso,
    dso_average,
    dso_countback,
    dso_simple,
    period_days_from_ends,
)
from xl_ar.errors import OptionError, XlArError

# money in cents up to 10 million, as floats
money = st.integers(min_value=1, max_value=1_000_000_000).map(lambda c: c / 100)
sales_or_zero = st.one_of(st.just(0.0), money)
period_len = st.integers(min_value=1, max_value=92).map(float)


# --------------------------------------------------------------------------------------------
# golden worked examples
# --------------------------------------------------------------------------------------------


def test_dso_simple_worked_example():
    assert dso_simple(200_000, 2_000_000, 365) == pytest.approx(36.5, rel=1e-12)
    assert dso_simple(200_000, 2_000_000) == pytest.approx(36.5, rel=1e-12)  # default 365


def test_dso_average_worked_example():
    assert dso_average(16_000, 20_000, 20_000, 30) == pytest.approx(27.0, rel=1e-12)
    assert dso_average(18_000, 18_000, 20_000, 30) == pytest.approx(27.0, rel=1e-12)


def test_dso_countback_worked_example():
    # sales oldest -> newest 70,000, 80,000, 100,000: 30 + 30 + 32,000/70,000 x 30
    expected = 30 + 30 + 32_000 / 70_000 * 30
    got = dso_countback(212_000, [70_000, 80_000, 100_000], 30)
    assert got == pytest.approx(expected, rel=1e-12)
    assert got == pytest.approx(73.714, abs=1e-3)
    assert dso_countback(212_000, [70_000, 80_000, 100_000]) == pytest.approx(expected)


def test_dso_countback_order_is_oldest_first():
    # newest-first input would walk 70,000 then 80,000 and give a different answer
    reversed_order = dso_countback(212_000, [100_000, 80_000, 70_000], 30)
    assert reversed_order != pytest.approx(73.714, abs=1e-3)
    assert reversed_order == pytest.approx(30 + 30 + 62_000 / 100_000 * 30)


def test_dso_countback_per_period_calendar_days():
    # Jan 31, Feb 29, Mar 31 (newest): 31 + 29 + 32,000/70,000 x 31
    got = dso_countback(212_000, [70_000, 80_000, 100_000], [31, 29, 31])
    assert got == pytest.approx(31 + 29 + 32_000 / 70_000 * 31, rel=1e-12)


def test_dso_countback_accepts_series_and_arrays():
    expected = dso_countback(212_000, [70_000, 80_000, 100_000], 30)
    assert dso_countback(212_000, pd.Series([70_000, 80_000, 100_000]), 30) == expected
    assert dso_countback(np.float64(212_000), np.array([70_000, 80_000, 100_000]), 30) == expected
    assert dso_countback(212_000, (70_000, 80_000, 100_000), np.array([30, 30, 30])) == expected


def test_dso_countback_overflow_extrapolates_at_oldest_rate():
    # AR 300,000 > total sales 250,000: 90 days + 50,000 at the oldest rate 70,000 / 30 days
    got = dso_countback(300_000, [70_000, 80_000, 100_000], 30)
    assert got == pytest.approx(90 + 50_000 / 70_000 * 30, rel=1e-12)
    # the oldest period's own days matter, not the newest's
    got = dso_countback(300_000, [70_000, 80_000, 100_000], [28, 31, 30])
    assert got == pytest.approx(89 + 50_000 / 70_000 * 28, rel=1e-12)


def test_dso_countback_overflow_uses_oldest_period_with_sales():
    # oldest period has no sales: its days count, the rate comes from 70,000 / 30
    got = dso_countback(300_000, [0, 70_000, 80_000, 100_000], [31, 30, 30, 30])
    assert got == pytest.approx(121 + 50_000 / 70_000 * 30, rel=1e-12)


def test_dso_countback_zero_sales_periods_are_walked_past():
    # newest period has no sales: its 30 days count, then 100,000 / 80,000 / part of 70,000
    got = dso_countback(212_000, [70_000, 80_000, 100_000, 0], 30)
    assert got == pytest.approx(30 + 73.714285714285714, rel=1e-12)
    # a zero-sales period in the middle counts its days in full
    got = dso_countback(212_000, [70_000, 0, 80_000, 100_000], [30, 31, 30, 30])
    assert got == pytest.approx(30 + 30 + 31 + 32_000 / 70_000 * 30, rel=1e-12)


def test_dso_countback_exact_boundary_does_not_walk_into_zero_period():
    # AR == newest two periods' sales; the older zero-sales period must not be added
    assert dso_countback(180_000, [0, 80_000, 100_000], 30) == pytest.approx(60.0, rel=1e-12)
    # float sums that are not exact still stop at the boundary
    assert dso_countback(0.1 + 0.2, [0, 0.1, 0.2], 30) == pytest.approx(60.0, rel=1e-12)


def test_dso_countback_non_positive_ar_is_zero():
    assert dso_countback(0, [70_000, 80_000, 100_000]) == 0.0
    assert dso_countback(-5_000, [70_000, 80_000, 100_000]) == 0.0
    assert dso_countback(0, [0, 0]) == 0.0  # nothing to count, no rate needed


def test_dso_countback_single_period_scalar_sales():
    assert dso_countback(50_000, 100_000, 30) == pytest.approx(15.0)


def test_best_possible_dso_and_add():
    assert best_possible_dso(120_000, 2_000_000, 365) == pytest.approx(21.9, rel=1e-12)
    assert average_days_delinquent(36.5, 21.9) == pytest.approx(14.6, rel=1e-12)
    assert add_from_balances(200_000, 120_000, 2_000_000, 365) == pytest.approx(14.6, rel=1e-12)
    assert add_from_balances(200_000, 120_000, 2_000_000) == pytest.approx(14.6, rel=1e-12)


# --------------------------------------------------------------------------------------------
# dispatcher
# --------------------------------------------------------------------------------------------


def test_dso_dispatcher_each_method():
    assert dso(200_000, 2_000_000) == pytest.approx(36.5)
    assert dso(200_000, 2_000_000, 365, method="simple") == pytest.approx(36.5)
    assert dso((16_000, 20_000), 20_000, 30, method="average") == pytest.approx(27.0)
    assert dso([16_000, 20_000], 20_000, 30, method="average") == pytest.approx(27.0)
    assert dso(212_000, [70_000, 80_000, 100_000], method="countback") == pytest.approx(
        73.714, abs=1e-3
    )
    assert dso(212_000, [70_000, 80_000, 100_000], [30, 30, 30], "countback") == pytest.approx(
        73.714, abs=1e-3
    )


def test_dso_dispatcher_default_days_per_method():
    # simple/average default to a 365-day year, countback to 30-day periods
    assert dso(1, 1) == pytest.approx(365.0)
    assert dso((1, 1), 1, method="average") == pytest.approx(365.0)
    assert dso(1, [1], method="countback") == pytest.approx(30.0)


@pytest.mark.parametrize(
    "text", ["SIMPLE", " Simple ", "Average", "AVERAGE", "CountBack", "count-back", "count back"]
)
def test_dso_method_case_insensitive(text):
    receivables = (16_000, 20_000) if text.strip().lower() == "average" else 212_000
    sales = [70_000, 80_000, 100_000] if "back" in text.lower() else 20_000
    assert math.isfinite(dso(receivables, sales, method=text))


@pytest.mark.parametrize("bad", ["median", "", "simpl", None, 1])
def test_dso_unknown_method_lists_accepted_values(bad):
    with pytest.raises(OptionError) as info:
        dso(1, 1, method=bad)
    message = str(info.value)
    assert message.startswith("method must be one of")
    for accepted in DSO_METHODS:
        assert repr(accepted) in message
    assert "\n" not in message


def test_dso_dispatcher_shape_errors():
    with pytest.raises(XlArError, match=r"receivables must be a \(beginning_ar, ending_ar\) pair"):
        dso((1, 2, 3), 10, method="average")
    with pytest.raises(XlArError, match="receivables must be one number for method 'simple'"):
        dso((1, 2), 10)
    with pytest.raises(XlArError, match="days must be one number"):
        dso(1, 10, [30, 30])


# --------------------------------------------------------------------------------------------
# input validation and messages
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: dso_simple(1, 0), "credit_sales must be greater than 0, not 0"),
        (lambda: dso_simple(1, -2.5), "credit_sales must be greater than 0, not -2.5"),
        (lambda: dso_simple(1, 10, 0), "days must be greater than 0, not 0"),
        (lambda: dso_simple(1, 10, -30), "days must be greater than 0, not -30"),
        (lambda: dso_simple(float("nan"), 10), "receivables must be a finite number, not nan"),
        (lambda: dso_simple(1, float("inf")), "credit_sales must be a finite number, not inf"),
        (lambda: dso_simple(None, 10), "receivables must be a number, not (blank)"),
        (lambda: dso_simple("abc", 10), "receivables must be a number, not 'abc'"),
        (lambda: dso_simple(True, 10), "receivables must be a number, not TRUE"),
        (lambda: dso_simple(pd.NA, 10), "receivables must be a number, not (blank)"),
        (lambda: dso_average(1, 2, 0), "credit_sales must be greater than 0, not 0"),
        (lambda: dso_average(np.nan, 2, 10), "beginning_ar must be a finite number, not nan"),
        (lambda: dso_average(1, None, 10), "ending_ar must be a number, not (blank)"),
        (lambda: dso_average(1, 2, 10, 0), "days must be greater than 0, not 0"),
        (lambda: best_possible_dso(1, 0), "credit_sales must be greater than 0, not 0"),
        (lambda: best_possible_dso(np.nan, 1), "current_ar must be a finite number, not nan"),
        (lambda: average_days_delinquent(np.nan, 1), "dso_value must be a finite number"),
        (lambda: average_days_delinquent(1, "x"), "bpdso_value must be a number, not 'x'"),
        (lambda: add_from_balances(1, 1, 0), "credit_sales must be greater than 0, not 0"),
        (lambda: add_from_balances(1, 1, 1, -1), "days must be greater than 0, not -1"),
    ],
)
def test_impossible_scalar_inputs(call, message):
    with pytest.raises(XlArError) as info:
        call()
    assert not isinstance(info.value, OptionError)
    assert str(info.value).startswith(message)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((1, []), "period_sales must hold at least one period"),
        ((0, []), "period_sales must hold at least one period"),
        ((1, [1, np.nan]), "period_sales[1] is blank (periods listed oldest first)"),
        ((1, [1, None]), "period_sales[1] is blank (periods listed oldest first)"),
        ((1, [1, -1]), "period_sales[1] must not be negative, not -1"),
        ((1, [1, "x"]), "period_sales[1] must be a number, not 'x'"),
        ((1, [1, np.inf]), "period_sales[1] must be a finite number, not inf"),
        ((1, [[1, 2], [3, 4]]), "period_sales must be one row or one column"),
        ((1, [1, 2], 0), "period_days must be greater than 0, not 0"),
        ((1, [1, 2], [30]), "period_days must have one value per period (2), not 1"),
        ((1, [1, 2], [30, 0]), "period_days[1] must be greater than 0, not 0"),
        ((1, [1, 2], [30, np.nan]), "period_days[1] is blank or not a number"),
        ((np.nan, [1, 2]), "ending_ar must be a finite number, not nan"),
        ((1, [0, 0]), "period_sales must have a period with sales greater than 0"),
    ],
)
def test_countback_impossible_inputs(args, message):
    with pytest.raises(XlArError) as info:
        dso_countback(*args)
    assert str(info.value).startswith(message)


def test_results_are_python_floats():
    assert type(dso_simple(np.int64(1), np.float32(2))) is float
    assert type(dso_countback(np.float64(5), np.array([1.0, 2.0]))) is float
    assert type(dso_countback(0, [1.0])) is float


# --------------------------------------------------------------------------------------------
# period_days_from_ends
# --------------------------------------------------------------------------------------------


def test_period_days_from_ends_month_ends():
    got = period_days_from_ends(["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"])
    assert isinstance(got, np.ndarray)
    assert got.dtype == np.int64
    assert got.tolist() == [31, 29, 31, 30]


def test_period_days_from_ends_first_period_is_its_calendar_month():
    assert period_days_from_ends(["2023-02-28"]).tolist() == [28]
    assert period_days_from_ends(["2024-02-29"]).tolist() == [29]
    assert period_days_from_ends(["2024-02-15", "2024-03-15"]).tolist() == [29, 29]
    # quarters: the first period needs the override
    assert period_days_from_ends(["2024-03-31", "2024-06-30"]).tolist() == [31, 91]
    assert period_days_from_ends(["2024-03-31", "2024-06-30"], first_period_days=91).tolist() == [
        91,
        91,
    ]


def test_period_days_from_ends_mixed_types():
    ends = [
        dt.date(2024, 1, 31),
        dt.datetime(2024, 2, 29, 17, 45),  # time of day dropped
        pd.Timestamp("2024-03-31", tz="Asia/Jakarta"),  # zone dropped, wall date kept
        np.datetime64("2024-04-30"),
        " 2024-05-31 ",
    ]
    assert period_days_from_ends(ends).tolist() == [31, 29, 31, 30, 31]
    series = pd.Series(pd.to_datetime(["2024-01-31", "2024-02-29"]))
    assert period_days_from_ends(series).tolist() == [31, 29]
    arr = np.array(["2024-01-31", "2024-02-29"], dtype="datetime64[ns]")
    assert period_days_from_ends(arr).tolist() == [31, 29]
    assert period_days_from_ends("2024-04-30").tolist() == [30]
    assert period_days_from_ends([]).tolist() == []


def test_period_days_from_ends_feeds_countback():
    days = period_days_from_ends(["2024-01-31", "2024-02-29", "2024-03-31"])
    got = dso_countback(212_000, [70_000, 80_000, 100_000], days)
    assert got == pytest.approx(31 + 29 + 32_000 / 70_000 * 31, rel=1e-12)


@pytest.mark.parametrize(
    ("ends", "message"),
    [
        (["2024-01-31", "abc"], "period_ends[1]: 'abc' is not a date (use YYYY-MM-DD or an"),
        (["2024-01-31", "31/02/2024"], "period_ends[1]: '31/02/2024' is not a date (use YYYY"),
        (["2024-01-31", None], "period_ends[1] is not a date: (blank)"),
        ([45_322], "period_ends[0] is not a date: 45322"),
        (["2024-01-31", pd.NaT], "period_ends[1] is blank or not a date"),
        (["2024-02-29", "2024-01-31"], "period_ends must be strictly increasing"),
        (["2024-01-31", "2024-01-31"], "period_ends must be strictly increasing"),
    ],
)
def test_period_days_from_ends_errors(ends, message):
    with pytest.raises(XlArError) as info:
        period_days_from_ends(ends)
    assert str(info.value).startswith(message)


def test_period_days_from_ends_bad_first_period_days():
    with pytest.raises(XlArError, match="first_period_days must be greater than 0, not 0"):
        period_days_from_ends(["2024-01-31"], first_period_days=0)


@given(
    start=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 1, 1)),
    gaps=st.lists(st.integers(min_value=1, max_value=400), max_size=12),
)
def test_period_days_from_ends_sum_property(start, gaps):
    ends = [start]
    for gap in gaps:
        ends.append(ends[-1] + dt.timedelta(days=gap))
    got = period_days_from_ends(ends)
    assert got.tolist()[1:] == gaps
    assert got[0] == pd.Timestamp(start).days_in_month
    assert int(got.sum()) == (ends[-1] - ends[0]).days + pd.Timestamp(start).days_in_month


# --------------------------------------------------------------------------------------------
# properties
# --------------------------------------------------------------------------------------------


@given(
    ar=money,
    sales=money,
    days=period_len,
    k=st.integers(min_value=1, max_value=12).map(float),
)
def test_dso_simple_scales_linearly_with_days(ar, sales, days, k):
    assert dso_simple(ar, sales, k * days) == pytest.approx(k * dso_simple(ar, sales, days))


@given(ar=money, sales=money, days=period_len)
def test_dso_simple_equals_average_with_equal_balances(ar, sales, days):
    assert dso_average(ar, ar, sales, days) == pytest.approx(dso_simple(ar, sales, days))
    assert dso(ar, sales, days) == dso_simple(ar, sales, days)


@given(total=money, current=money, sales=money, days=period_len)
def test_add_is_past_due_share_in_days(total, current, sales, days):
    got = add_from_balances(total, current, sales, days)
    assert got == pytest.approx((total - current) / sales * days, rel=1e-9, abs=1e-9)
    assert got == pytest.approx(
        average_days_delinquent(
            dso_simple(total, sales, days), best_possible_dso(current, sales, days)
        ),
        rel=1e-12,
        abs=1e-12,
    )


@st.composite
def periods(draw, min_size=1):
    n = draw(st.integers(min_value=min_size, max_value=8))
    sales = draw(st.lists(sales_or_zero, min_size=n, max_size=n))
    days = draw(st.lists(period_len, min_size=n, max_size=n))
    return sales, days


@st.composite
def newest_window(draw):
    """Periods and a window of the newest k, the oldest of which has sales (no filtering)."""
    sales, days = draw(periods())
    k = draw(st.integers(min_value=1, max_value=len(sales)))
    sales = list(sales)
    if sales[len(sales) - k] <= 0:  # the walk must end on a period with sales
        sales[len(sales) - k] = draw(money)
    return (sales, days), k


@given(case=newest_window())
def test_countback_ar_equal_to_newest_sales_gives_their_days(case):
    (sales, days), k = case
    n = len(sales)
    window = range(n - 1, n - 1 - k, -1)  # newest k, newest first
    ar = sum(sales[i] for i in window)
    expected = sum(days[i] for i in window)
    assert dso_countback(ar, sales, days) == pytest.approx(expected, rel=1e-9)


@given(data=periods(), a=money, b=money)
def test_countback_monotone_in_ending_ar(data, a, b):
    sales, days = data
    assume(any(s > 0 for s in sales))
    low, high = min(a, b), max(a, b)
    assert dso_countback(low, sales, days) <= dso_countback(high, sales, days)


@given(data=periods(), ar=money)
def test_countback_bounded_by_days_when_ar_within_sales(data, ar):
    sales, days = data
    assume(any(s > 0 for s in sales))
    got = dso_countback(ar, sales, days)
    assert got > 0
    if ar <= sum(sales):
        assert got <= sum(days) * (1 + 1e-12)
    else:
        assert got > sum(days) * (1 - 1e-12)


@given(
    ar=money,
    sale=money,
    days=period_len,
    n=st.integers(min_value=1, max_value=8),
)
def test_countback_constant_sales_is_simple_dso_per_period(ar, sale, days, n):
    # constant periods: countback (with overflow extrapolation) equals AR / daily sales
    got = dso_countback(ar, [sale] * n, days)
    assert got == pytest.approx(dso_simple(ar, sale, days), rel=1e-9)


@given(data=periods(min_size=2), ar=money)
def test_countback_ignores_periods_older_than_reached(data, ar):
    sales, days = data
    assume(0 < ar < sales[-1])  # covered by the newest period alone
    assert dso_countback(ar, sales, days) == pytest.approx(ar / sales[-1] * days[-1], rel=1e-12)
    assert dso_countback(ar, sales[-1:], days[-1:]) == dso_countback(ar, sales, days)


# --------------------------------------------------------------------------------------------
# docs and layering
# --------------------------------------------------------------------------------------------


def test_docstring_examples_run():
    result = doctest.testmod(dso_module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 8
    assert result.failed == 0


def test_public_functions_have_examples():
    for name in dso_module.__all__:
        obj = getattr(dso_module, name)
        if callable(obj):
            assert obj.__doc__ and "Examples\n    --------" in obj.__doc__, name


def test_core_metrics_do_not_import_xlwings():
    code = (
        "import sys, xl_ar.core.metrics.dso, xl_ar.core.metrics.ratios; "
        "sys.exit(1 if 'xlwings' in sys.modules else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
