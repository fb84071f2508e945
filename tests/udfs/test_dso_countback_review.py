"""Countback DSO review findings 6 and 30 (issue 15).

6: ``AR_DSO(600, {500; blank; 300}, 30, "countback")`` gave 40.0: the blank month was dropped and
January's 300 was read as February. A blank before the last value is now an error naming its
position in the order read; blank cells after the last value (spare rows of the range) are fine.
30: dated sales without ``method`` said "value 1 (2024-03-31) is not a number"; an ``order``
that contradicted the dates was silently ignored.
"""

from __future__ import annotations

import datetime as dt

import pytest

from xl_ar.core.metrics.dso import dso_countback
from xl_ar.errors import XlArError
from xl_ar.testing import MISSING, excel_call

D = dt.datetime
DATED_NEWEST = [[D(2024, 3, 31), 500.0], [D(2024, 2, 29), 400.0], [D(2024, 1, 31), 300.0]]


def test_a_blank_month_inside_the_list_is_an_error_naming_it():
    got = excel_call("AR_DSO", 600.0, [[500.0], [None], [300.0]], 30.0, "countback")
    assert got == (
        "AR_DSO: credit_sales: period 2 (newest first) is blank; enter 0 for a period without sales"
    )
    got = excel_call("AR_DSO", 600.0, [[300.0], [None], [500.0]], 30.0, "countback", "oldest first")
    assert got == (
        "AR_DSO: credit_sales: period 2 (oldest first) is blank; enter 0 for a period without sales"
    )
    # a blank newest month is a missing month too, not a range that starts lower
    got = excel_call("AR_DSO", 600.0, [["Sales"], [None], [500.0], [300.0]], 30.0, "countback")
    assert got.startswith("AR_DSO: credit_sales: period 1 (newest first) is blank")
    got = excel_call("AR_DSO", 600.0, [[500.0], [400.0], [300.0]], [[30.0], [None], [31.0]],
                     "countback")  # fmt: skip
    assert got == "AR_DSO: days: period 2 (newest first) is blank; fill it in"


def test_zero_for_the_blank_month_and_spare_rows_give_the_numbers():
    # 0 sales in February: 30 (March) + 30 (February, walked past) + 100 / 300 x 30 = 70
    assert excel_call("AR_DSO", 600.0, [[500.0], [0.0], [300.0]], 30.0, "countback") == 70.0
    # a header and blank rows below the last month: 30 + 100 / 400 x 30
    cells = [["Sales"], [500.0], [400.0], [300.0], [None], [None]]
    assert excel_call("AR_DSO", 600.0, cells, 30.0, "countback") == 37.5


def test_core_names_the_blank_with_the_order():
    with pytest.raises(XlArError) as err:
        dso_countback(600, [500, None, 300], 30, order="newest first")
    assert str(err.value) == (
        "period_sales[1] is blank (periods listed newest first): give 0 for a period without sales"
    )


def test_dated_sales_without_countback_say_which_method():
    want = (
        'AR_DSO: credit_sales must be one number for method "simple"; for sales per period '
        '(or period-end dates and sales) give method "countback"'
    )
    assert excel_call("AR_DSO", 600.0, DATED_NEWEST) == want
    assert excel_call("AR_DSO", 600.0, [[500.0], [400.0]], 30.0) == want
    got = excel_call("AR_DSO", [[100.0], [600.0]], DATED_NEWEST, MISSING, "average")
    assert got == want.replace('"simple"', '"average"')
    assert excel_call("AR_DSO", 200000.0, [[2000000.0]], 365.0) == 36.5  # one cell is fine


def test_an_order_that_contradicts_the_dates_is_an_error():
    got = excel_call("AR_DSO", 600.0, DATED_NEWEST, MISSING, "countback", "oldest first")
    assert got == (
        "AR_DSO: order says 'oldest first' but the period-end dates are not listed oldest first; "
        "with dates leave order empty: the dates decide"
    )
    # March (31 days) used up, then 100 / 400 of February's 29 days
    want = 31 + 100 / 400 * 29
    assert excel_call("AR_DSO", 600.0, DATED_NEWEST, MISSING, "countback") == pytest.approx(want)
    got = excel_call("AR_DSO", 600.0, DATED_NEWEST, MISSING, "countback", "newest first")
    assert got == pytest.approx(want)
    got = excel_call("AR_DSO", 600.0, DATED_NEWEST[::-1], MISSING, "countback", "oldest first")
    assert got == pytest.approx(want)
