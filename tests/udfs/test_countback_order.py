"""Countback DSO: the order of the monthly sales is never guessed (issue 15, item 6).

``AR_DSO(600, {500;400;300}, 30, "countback")`` gave 52.5 (read oldest first) while people list
the newest month first (37.5). Now ``AR_DSO`` reads a sales column newest first by default,
says so in its argument help, takes ``order`` ("newest first" / "oldest first"), and with
period-end dates beside the sales the order does not matter.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xl_ar.core.metrics.dso import dso_countback, dso_countback_dated
from xl_ar.errors import OptionError, XlArError
from xl_ar.testing import MISSING, excel_call
from xl_ar.udfs.metrics import AR_DSO

D = dt.datetime
NEWEST_FIRST = [[500.0], [400.0], [300.0]]


def test_issue_case_reads_the_newest_month_first():
    # 500 (newest) is used up: 30 days; 100 of the 400 before: 100 / 400 x 30 = 7.5
    assert excel_call("AR_DSO", 600.0, NEWEST_FIRST, 30.0, "countback") == 37.5
    assert excel_call("AR_DSO", 600.0, NEWEST_FIRST, 30.0, "countback", "Newest first") == 37.5
    assert excel_call("AR_DSO", 600.0, NEWEST_FIRST, 30.0, "countback", MISSING) == 37.5
    # the same months listed the other way round, said so: the same number
    oldest = NEWEST_FIRST[::-1]
    assert excel_call("AR_DSO", 600.0, oldest, 30.0, "countback", "oldest first") == 37.5
    # and said wrongly, the other number (300 newest: 30 + 300 / 400 x 30)
    assert excel_call("AR_DSO", 600.0, NEWEST_FIRST, 30.0, "countback", "oldest first") == 52.5


def test_help_says_which_order():
    args = AR_DSO.__xlfunc__["argmap"]
    assert "NEWEST FIRST" in args["credit_sales"]["doc"]
    assert "any order" in args["credit_sales"]["doc"]  # with period-end dates
    assert args["order"]["doc"] == (
        '"countback" without dates: "newest first" (default: the latest month on top) or '
        '"oldest first"; with dates leave it empty (the dates decide).'
    )
    assert args["order"]["optional"] is None  # empty: newest first, or the dates decide


def test_errors_name_the_order():
    got = excel_call("AR_DSO", 600.0, [[500.0], [-400.0], [300.0]], 30.0, "countback")
    assert got == (
        "AR_DSO: period_sales[1] must not be negative, not -400 (periods listed newest first)"
    )
    got = excel_call("AR_DSO", 600.0, NEWEST_FIRST, [[31.0], [30.0]], "countback")
    assert got == (
        "AR_DSO: period_days must have one value per period (3), not 2 "
        "(periods listed newest first)"
    )
    got = excel_call("AR_DSO", 600.0, NEWEST_FIRST, 30.0, "countback", "latest")
    assert got == "AR_DSO: order must be 'newest first' or 'oldest first', not 'latest'"
    # a wrong order word is an error whatever the method (never silently ignored text)
    assert excel_call("AR_DSO", 100.0, 1000.0, 365.0, "simple", "nan").startswith("AR_DSO: order")


DATED = [(D(2024, 10, 31), 300.0), (D(2024, 11, 30), 400.0), (D(2024, 12, 31), 500.0)]


@pytest.mark.parametrize("rows", list(itertools.permutations(DATED)))
def test_with_dates_any_order_gives_the_same_number(rows):
    cells = [["Period end", "Sales"], *[[d, s] for d, s in rows]]
    # December (31 days) used up, then 100 / 400 of November's 30 days
    got = excel_call("AR_DSO", 600.0, cells, MISSING, "countback")
    assert got == pytest.approx(31 + 100 / 400 * 30, rel=1e-12)
    # an order given beside the dates must be theirs (never silently overridden)
    said = excel_call("AR_DSO", 600.0, cells, MISSING, "countback", "oldest first")
    assert said == got if list(rows) == DATED else said.startswith("AR_DSO: order says")


def test_core_orders_and_dates():
    assert dso_countback(600, [300, 400, 500], 30) == 37.5  # the core's default: oldest first
    assert dso_countback(600, [500, 400, 300], 30, order="newest_first") == 37.5
    ends = ["2024-12-31", "2024-10-31", "2024-11-30"]
    assert dso_countback_dated(600, ends, [500, 300, 400]) == pytest.approx(38.5)
    with pytest.raises(OptionError, match="order must be 'newest first' or 'oldest first'"):
        dso_countback(600, [500], 30, order="sideways")
    with pytest.raises(XlArError, match="2 date\\(s\\), 3 sales value\\(s\\)"):
        dso_countback_dated(600, ends[:2], [500, 300, 400])


@settings(max_examples=60, deadline=None)
@given(
    ar=st.floats(0, 5e6, allow_nan=False),
    sales=st.lists(st.just(0.0) | st.floats(1, 1e6), min_size=1, max_size=8).filter(
        lambda s: any(v > 0 for v in s)
    ),
    data=st.data(),
)
def test_reversed_with_its_order_is_the_same_countback(ar, sales, data):
    days = [float(d) for d in data.draw(st.lists(st.integers(28, 31), min_size=len(sales),
                                                 max_size=len(sales)))]  # fmt: skip
    oldest = dso_countback(ar, sales, days)
    assert dso_countback(ar, sales[::-1], days[::-1], order="newest first") == oldest
    # dated periods (month ends), shuffled: the dates decide
    ends = [(f"{2020 + (i // 12)}-{i % 12 + 1:02d}-28") for i in range(len(sales))]
    perm = data.draw(st.permutations(range(len(sales))))
    got = dso_countback_dated(ar, [ends[i] for i in perm], [sales[i] for i in perm], 28)
    assert got == pytest.approx(dso_countback_dated(ar, ends, sales, 28), rel=1e-12, abs=1e-12)
