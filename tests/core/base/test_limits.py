"""Values at Excel's limits: dates 1900..9999, terms of 100,000 days, a negative Paid, long series.

xl-ar handles dates from 1900-01-01 to 2199-12-31 (pandas keeps dates as nanoseconds, which
end on 2262-04-11). Every date it is given, in a ledger cell or as an option, in any form
(date cell, ``DATE()`` serial, ISO text), is inside that range or refused in one line that
names the argument or the row: never wrapped into a wrong number.

Worksheet functions are called through :func:`xl_ar.testing.excel_call`, with values shaped
as Excel sends them: numbers as float, ``DATE(y,m,d)`` typed in a formula as its float
serial, date-formatted cells as ``datetime``. Every call is timed: none may take 5 s.
"""

from __future__ import annotations

import datetime as dt
import time

import numpy as np
import pandas as pd
import pytest
from cell_errors import assert_one_line_error
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xl_ar.core.base.dates import parse_dates
from xl_ar.core.base.options import as_date
from xl_ar.core.cashflow.forecast import forecast, forecast_items
from xl_ar.core.ledger.ledger import MAX_TERMS_DAYS, load_ledger, read_ledger
from xl_ar.core.ledger.sufficiency import snapshot_date
from xl_ar.core.metrics.kpi_series import kpi_series
from xl_ar.core.position.aging import aging
from xl_ar.core.position.open_items import day_numbers, days_between, outstanding_at
from xl_ar.core.provisioning.loss_rates import loss_rates
from xl_ar.errors import LedgerError, OptionError, XlArError
from xl_ar.testing import MISSING, excel_call

D = dt.datetime
OUTSIDE = "is outside the dates xl-ar handles (1900-01-01 to 2199-12-31)"
BUDGET = 5.0  # seconds a single call may take

#: ``DATE(y, m, d)`` typed in a formula: the float serial Excel passes.
SERIAL = {
    (1900, 1, 1): 1.0,
    (1900, 3, 1): 61.0,
    (2024, 1, 1): 45292.0,
    (2024, 2, 1): 45323.0,
    (2024, 6, 30): 45473.0,
    (2199, 12, 31): 109574.0,
    (2262, 4, 11): 132320.0,
    (2263, 1, 1): 132585.0,
    (2300, 1, 1): 146099.0,
    (9999, 12, 31): 2958465.0,
}


def DATE(y: int, m: int, d: int) -> float:  # Excel's name
    return SERIAL[(y, m, d)]


def timed(*args, **kwargs):
    """``excel_call`` that must answer within the budget."""
    start = time.perf_counter()
    got = excel_call(*args, **kwargs)
    elapsed = time.perf_counter() - start
    assert elapsed < BUDGET, f"{args[0]} took {elapsed:.1f} s"
    return got


def total_of(table) -> float:
    """The grand total of ``AR_AGING(..., by="total")`` (header row, then one row)."""
    assert isinstance(table, list) and table[0][-1] == "Total", table
    return table[1][-1]


# The open AR of this ledger is 24,920 from 2024-05-20 on: 10,000 + (8,000 - 3,080) + 10,000.
HEADER = ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"]
LEDGER = [
    HEADER,
    ["PT Maju", "F-1", D(2024, 1, 15), D(2024, 2, 14), 10000.0, 0.0, None],
    ["PT Maju", "F-2", D(2024, 3, 1), D(2024, 3, 31), 8000.0, 3080.0, D(2024, 4, 10)],
    ["CV Baru", "F-3", D(2024, 5, 20), D(2024, 6, 19), 10000.0, None, None],
]
OPEN_AR = 24920.0
# One more invoice on the first day xl-ar handles: 80, of which 30 paid on 1900-03-01.
EARLY = ["PT Lama", "F-0", D(1900, 1, 1), D(1900, 1, 31), 80.0, 30.0, D(1900, 3, 1)]
WITH_EARLY = [*LEDGER, EARLY]


# --- the cases of the issue ------------------------------------------------------------------
@pytest.mark.parametrize("as_of", [DATE(2263, 1, 1), D(2263, 1, 1), "2263-01-01"])
def test_aging_after_2262_is_refused_not_zero(as_of):
    got = timed("AR_AGING", LEDGER, as_of, MISSING, MISSING, "total")
    shown = "132585 (2263-01-01)" if isinstance(as_of, float) else "2263-01-01"
    assert got == f"AR_AGING: as_of: {shown} {OUTSIDE}"


def test_aging_up_to_the_last_date_is_the_open_ar():
    for as_of in (DATE(2199, 12, 31), D(2199, 12, 31), D(2199, 12, 31, 23, 59), "2199-12-31"):
        assert total_of(timed("AR_AGING", LEDGER, as_of, MISSING, MISSING, "total")) == OPEN_AR


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (DATE(2300, 1, 1), f"AR_DPD: as_of: 146099 (2300-01-01) {OUTSIDE}"),
        (D(2300, 1, 1), f"AR_DPD: as_of: 2300-01-01 {OUTSIDE}"),
    ],
)
def test_days_past_due_far_ahead_is_refused(as_of, expected):
    assert timed("AR_DPD", DATE(2024, 1, 1), as_of) == expected
    assert timed("AR_DPD", D(2024, 1, 1), as_of) == expected


def test_days_past_due_at_the_last_date_is_exact():
    days = (dt.date(2199, 12, 31) - dt.date(2024, 1, 1)).days
    assert days == 64282
    assert timed("AR_DPD", DATE(2024, 1, 1), DATE(2199, 12, 31)) == float(days)
    assert timed("AR_DPD", D(2024, 1, 1), D(2199, 12, 31)) == float(days)
    assert timed("AR_DPD", DATE(2199, 12, 31), DATE(1900, 1, 1)) == -float(
        (dt.date(2199, 12, 31) - dt.date(1900, 1, 1)).days
    )


def test_due_dates_outside_the_range_are_named_by_cell():
    got = timed("AR_DPD", [["Due Date"], [D(2024, 1, 1)], [D(9999, 12, 31)]], DATE(2024, 1, 1))
    assert_one_line_error("AR_DPD", got, "due_date (cell 3)")
    assert got.endswith(OUTSIDE)


# --- every boundary date, as a date cell and as DATE() ------------------------------------------
BOUNDARIES = [
    # (y, m, d), open AR of WITH_EARLY at that date, or None when refused
    ((1900, 1, 1), 80.0),
    ((1900, 3, 1), 50.0),  # 30 paid that day
    ((2199, 12, 31), OPEN_AR + 50.0),
    ((2262, 4, 11), None),
    ((2263, 1, 1), None),
    ((9999, 12, 31), None),
]


@pytest.mark.parametrize(("ymd", "expected"), BOUNDARIES, ids=[str(b[0]) for b in BOUNDARIES])
@pytest.mark.parametrize("form", ["serial", "date cell", "text"])
def test_boundary_as_of_gives_the_number_or_one_line(ymd, expected, form):
    as_of = {"serial": DATE(*ymd), "date cell": D(*ymd), "text": dt.date(*ymd).isoformat()}[form]
    got = timed("AR_AGING", WITH_EARLY, as_of, MISSING, MISSING, "total")
    if expected is not None:
        assert total_of(got) == expected
        return
    shown = f"{int(DATE(*ymd))} ({dt.date(*ymd)})" if form == "serial" else str(dt.date(*ymd))
    assert got == f"AR_AGING: as_of: {shown} {OUTSIDE}"


@pytest.mark.parametrize("ymd", [b[0] for b in BOUNDARIES])
def test_boundary_ledger_dates_are_read_or_reported_by_row(ymd):
    rows = [HEADER, ["PT Maju", "F-9", D(1900, 1, 1), D(*ymd), 100.0, 0.0, None]]
    got = timed("AR_CHECK", rows)
    if ymd <= (2199, 12, 31):
        assert got == "OK"
        assert load_ledger(rows).ledger["due_date"].iloc[0] == pd.Timestamp(*ymd)
    else:
        assert got == [
            ["row", "column", "value", "problem"],
            [2.0, "Due Date", dt.date(*ymd).isoformat(), OUTSIDE],
        ]
        got = timed("AR_AGING", rows, DATE(2024, 1, 1))
        assert got == f"AR_AGING: row 2 'Due Date': '{dt.date(*ymd)}' {OUTSIDE}"


@pytest.mark.parametrize(
    "cell", [D(9999, 12, 31), "31/12/9999", 2958465.0, "2958465", np.datetime64("2263-01-01")]
)
def test_ledger_cell_at_excels_last_day_is_a_data_problem(cell):
    parsed = parse_dates([cell])
    assert pd.isna(parsed.values.iloc[0]) and parsed.problems.iloc[0] == OUTSIDE


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (D(2262, 4, 11), f"as_of: 2262-04-11 {OUTSIDE}"),
        (np.datetime64("2263-01-01"), f"as_of: 2263-01-01 {OUTSIDE}"),
        (pd.Timestamp("2300-01-01"), f"as_of: 2300-01-01 {OUTSIDE}"),
        (dt.date(1, 1, 1), f"as_of: 0001-01-01 {OUTSIDE}"),
        (D(1899, 12, 31), f"as_of: 1899-12-31 {OUTSIDE}"),
        ("9999-12-31", f"as_of: 9999-12-31 {OUTSIDE}"),
        (2958465, f"as_of: 2958465 (9999-12-31) {OUTSIDE}"),
        (2958466, "as_of: 2958466 is not a plausible Excel date serial"),
        (60, "as_of: 60 is Excel's non-existent date 1900-02-29"),
        (0.5, "as_of: 0.5 is not a plausible Excel date serial"),
        (10**400, "as_of: " + "1" + "0" * 38 + "… is not a plausible Excel date serial"),
        ("x" * 32767, "as_of: '" + "x" * 39 + "…' is not a date (use YYYY-MM-DD or an Excel date)"),
    ],
)
def test_date_options_outside_the_range_are_one_line(value, message):
    with pytest.raises(OptionError) as err:
        as_date(value)
    assert str(err.value) == message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1, "1900-01-01"),
        (59.9, "1900-02-28"),
        (61, "1900-03-01"),
        (109574.99, "2199-12-31"),
        (D(2199, 12, 31, 23, 59), "2199-12-31"),
        (pd.Timestamp("2024-12-31 23:30", tz="America/New_York"), "2024-12-31"),
        (pd.Timestamp("2024-12-31 06:00", tz="Asia/Jakarta"), "2024-12-31"),
        (np.datetime64("2024-12-31T23:59:59.999999999"), "2024-12-31"),
    ],
)
def test_date_options_in_the_range_keep_their_day(value, expected):
    got = as_date(value)
    assert got == pd.Timestamp(expected) and got.tz is None and got.unit == "ns"


def test_as_of_with_a_time_zone_ages_on_its_own_calendar_day():
    led = read_ledger(LEDGER)
    # 2024-05-20 06:00 in Jakarta is still 2024-05-19 in UTC: F-3 is dated 2024-05-20
    jakarta = pd.Timestamp("2024-05-20 06:00", tz="Asia/Jakarta")
    assert outstanding_at(led, jakarta).sum() == OPEN_AR


def test_day_arithmetic_does_not_go_through_nanoseconds():
    far = np.array(["9999-12-31", "1000-01-01", "NaT"], dtype="datetime64[s]")
    epoch = dt.date(1970, 1, 1)
    expected = [(dt.date(9999, 12, 31) - epoch).days, (dt.date(1000, 1, 1) - epoch).days]
    assert day_numbers(far)[:2].tolist() == expected == [2932896, -354285]
    assert np.isnan(day_numbers(far)[2])
    to_last = (dt.date(2199, 12, 31) - dt.date(9999, 12, 31)).days
    assert days_between(far[:1], "2199-12-31").tolist() == [to_last]
    # 300 years between an invoice and its due date: no overflow in the terms either
    rows = [HEADER, ["A", "F-1", D(1900, 1, 1), D(2199, 12, 31), 1.0, 0.0, None]]
    assert read_ledger(rows)["terms_days"].tolist() == [
        (dt.date(2199, 12, 31) - dt.date(1900, 1, 1)).days
    ]


# --- terms ------------------------------------------------------------------------------------
TERMS_HEADER = ["Customer", "Invoice", "Invoice Date", "Terms", "Amount", "Paid"]


def terms_ledger(terms, invoice_date=None):
    invoice_date = invoice_date or D(2024, 1, 1)
    return [TERMS_HEADER, ["PT Maju", "F-1", invoice_date, terms, 100.0, 0.0]]


LIMITS = [["Customer", "Credit Limit"], ["PT Maju", 1000.0]]
PAYMENTS = [["Customer", "Date", "Amount"], ["PT Maju", DATE(2024, 2, 1), 100.0]]
LONG_TERMS = "is more than 3650 days (10 years): give a due date instead"
LEDGER_CALLS = [
    ("AR_AGING", lambda led: (led, DATE(2024, 6, 30))),
    ("AR_OPEN", lambda led: (led, DATE(2024, 6, 30))),
    ("AR_KPI", lambda led: (led, DATE(2024, 1, 1), DATE(2024, 6, 30))),
    ("AR_WADP", lambda led: (led,)),
    ("AR_WORKLIST", lambda led: (led, DATE(2024, 6, 30))),
    ("AR_LETTER", lambda led: (led, "PT Maju", DATE(2024, 6, 30))),
    ("AR_CREDIT_REVIEW", lambda led: (LIMITS, led, DATE(2024, 6, 30))),
    ("AR_LOSS_RATES", lambda led: (led, DATE(2024, 1, 1), DATE(2024, 6, 30))),
    ("AR_FORECAST", lambda led: (led, DATE(2024, 6, 30))),
    ("AR_RECONCILE", lambda led: (led, PAYMENTS)),
]


def test_terms_of_100000_days_are_reported_by_check():
    got = timed("AR_CHECK", terms_ledger(100000.0))
    assert got == [["row", "column", "value", "problem"], [2.0, "Terms", "100000", LONG_TERMS]]


@pytest.mark.parametrize(("name", "args"), LEDGER_CALLS, ids=[c[0] for c in LEDGER_CALLS])
@pytest.mark.parametrize("terms", [100000.0, 3651.0, "100000 hari"])
def test_terms_of_100000_days_are_one_line_in_every_ledger_function(name, args, terms):
    got = timed(name, *args(terms_ledger(terms)))
    assert_one_line_error(name, got, "row 2 'Terms': ")
    assert "could not compute" not in got and "Overflow" not in got
    assert LONG_TERMS in got


@pytest.mark.parametrize("terms", [1e300, 2.0**63, 1e15])
def test_terms_beyond_any_date_are_a_problem_not_an_overflow(terms):
    got = load_ledger(terms_ledger(terms))
    assert got.problems[["row", "column", "problem"]].values.tolist() == [[2, "Terms", LONG_TERMS]]
    assert pd.isna(got.ledger["due_date"].iloc[0])


def test_terms_up_to_ten_years_are_read():
    led = read_ledger(terms_ledger(float(MAX_TERMS_DAYS)))
    assert led["due_date"].iloc[0] == pd.Timestamp("2024-01-01") + pd.Timedelta(days=3650)
    table = timed("AR_AGING", terms_ledger(3650.0), DATE(2199, 12, 31), MISSING, MISSING, "total")
    assert total_of(table) == 100.0


def test_terms_past_the_last_date_are_reported_not_wrapped():
    rows = terms_ledger(60.0, D(2199, 12, 1))
    got = load_ledger(rows)
    assert got.problems.problem.tolist() == [
        "gives a due date of 2200-01-30, outside the dates xl-ar handles (1900-01-01 to 2199-12-31)"
    ]
    assert pd.isna(got.ledger["due_date"].iloc[0])
    assert_one_line_error("AR_AGING", timed("AR_AGING", rows, DATE(2199, 12, 31)), "2200-01-30")


def test_a_bad_terms_cell_is_one_problem_not_two():
    rows = [["Customer", "Invoice Date", "Terms", "Amount"], ["A", D(2024, 1, 1), -5.0, 1.0],
            ["B", D(2024, 1, 1), None, 1.0]]  # fmt: skip
    assert load_ledger(rows).problems[["row", "problem"]].values.tolist() == [
        [2, "is negative: terms are days after the invoice"],
        [3, "is blank: without a due-date column every item needs terms"],
    ]


# --- a negative Paid ----------------------------------------------------------------------------
NEGATIVE_PAID = "is negative: paid is the amount received (0 or more)"


def paid_ledger(paid, *, with_type):
    header = ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid"]
    row = ["PT Maju", "F-1", D(2024, 1, 1), D(2024, 1, 31), 100.0, paid]
    if with_type:
        return [[*header, "Type"], [*row, "Invoice"]]
    return [header, row]


@pytest.mark.parametrize("with_type", [False, True], ids=["no type column", "type column"])
def test_a_negative_paid_is_a_problem_in_both_layouts(with_type):
    rows = paid_ledger(-50.0, with_type=with_type)
    assert timed("AR_CHECK", rows) == [
        ["row", "column", "value", "problem"],
        [2.0, "Paid", "-50", NEGATIVE_PAID],
    ]
    got = load_ledger(rows)  # lenient: read as nothing paid, the same in both layouts
    assert got.ledger[["amount", "paid", "balance"]].values.tolist() == [[100.0, 0.0, 100.0]]
    with pytest.raises(LedgerError, match="row 2 'Paid': '-50' is negative"):
        read_ledger(rows)
    assert timed("AR_AGING", rows, DATE(2024, 6, 30)) == (
        f"AR_AGING: row 2 'Paid': '-50' {NEGATIVE_PAID}"
    )


def test_both_layouts_agree_on_good_and_bad_paid():
    for paid in (-50.0, -0.001, 0.0, 50.0, 100.0, None):
        plain = load_ledger(paid_ledger(paid, with_type=False))
        typed = load_ledger(paid_ledger(paid, with_type=True))
        columns = ["amount", "paid", "balance"]
        assert plain.ledger[columns].equals(typed.ledger[columns]), paid
        assert plain.problems.equals(typed.problems), paid


def test_credit_notes_take_paid_with_either_sign():
    header = ["Customer", "Type", "Invoice Date", "Due Date", "Amount", "Paid"]
    rows = [header, ["A", "Credit Note", D(2024, 1, 1), D(2024, 1, 1), 100.0, -40.0],
            ["A", "Credit Note", D(2024, 1, 1), D(2024, 1, 1), -100.0, 40.0]]  # fmt: skip
    got = load_ledger(rows)
    assert got.ok
    assert got.ledger["balance"].tolist() == [-60.0, -60.0]


def test_a_balance_above_the_amount_is_reported_like_a_negative_paid():
    for with_type in (False, True):
        header = ["Customer", "Invoice Date", "Due Date", "Amount", "Balance"]
        row = ["A", D(2024, 1, 1), D(2024, 1, 31), 100.0, 150.0]
        rows = [[*header, "Type"], [*row, "Invoice"]] if with_type else [header, row]
        got = load_ledger(rows)
        assert got.problems[["column", "problem"]].values.tolist() == [
            ["Balance", "is more than the amount 100"]
        ]
        assert got.ledger["balance"].tolist() == [100.0]


# --- series: bounded before they are built -------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "args", "expected"),
    [
        ("AR_KPI", (DATE(2024, 1, 1), D(9999, 12, 31)), f"AR_KPI: end: 9999-12-31 {OUTSIDE}"),
        ("AR_KPI", (DATE(1900, 1, 1), DATE(2199, 12, 31)),
         "AR_KPI: start 1900-01-01 to end 2199-12-31 spans more than 100 years: "
         "give a shorter range"),
        ("AR_KPI", (DATE(2024, 1, 1), DATE(2199, 12, 31), "week"),
         "AR_KPI: start 2024-01-01 to end 2199-12-31 spans more than 100 years: "
         "give a shorter range"),
        ("AR_LOSS_RATES", (DATE(2024, 1, 1), DATE(9999, 12, 31)),
         f"AR_LOSS_RATES: to_date: 2958465 (9999-12-31) {OUTSIDE}"),
        ("AR_LOSS_RATES", (D(1900, 1, 1), D(2199, 12, 31)),
         "AR_LOSS_RATES: from_date 1900-01-01 to to_date 2199-12-31 spans more than 100 years: "
         "give a shorter range"),
    ],
)  # fmt: skip
def test_long_series_are_refused_at_once(name, args, expected):
    start = time.perf_counter()
    assert excel_call(name, LEDGER, *args) == expected
    assert time.perf_counter() - start < 0.5  # refused before anything is built


def test_too_many_weeks_are_refused_before_they_are_built():
    got = timed("AR_KPI", LEDGER, DATE(2024, 1, 1), DATE(2199, 12, 31) - 150 * 365.0, "week")
    assert got == (
        "AR_KPI: start 2024-01-01 to end 2050-02-05 holds 1,362 periods: a series has at most "
        "1,200; give a shorter range or longer periods"
    )
    with pytest.raises(OptionError, match="holds 1,201 periods"):
        kpi_series(LEDGER, "2024-01-01", "2124-01-01")


def test_the_longest_series_are_built_in_time():
    got = timed("AR_KPI", WITH_EARLY, D(2024, 1, 1), D(2123, 12, 31))
    assert len(got) == 1 + 1200
    assert got[-1][0] == "2123-12" and got[-1][7] == OPEN_AR + 50.0  # ending_ar
    weeks = timed("AR_KPI", WITH_EARLY, D(2100, 1, 1), D(2122, 12, 24), "week")
    assert len(weeks) == 1 + 1200
    quarters = timed("AR_KPI", WITH_EARLY, D(1900, 1, 1), D(2000, 1, 1), "quarter")
    assert quarters[1][0] == "1900Q1" and quarters[1][6] == 0.0 and quarters[1][7] == 50.0
    rates = timed("AR_LOSS_RATES", LEDGER, D(2024, 1, 1), D(2123, 12, 31), MISSING,
                  MISSING, "balances")  # fmt: skip
    assert len(rates) == 1 + 1201 and rates[-1][-1] == OPEN_AR


def test_series_at_the_edges_of_the_range():
    # the day before the first period (1899-12-31) and the end of the week holding
    # 2199-12-31 (2200-01-05) are computed, though no one may give them
    first = kpi_series(WITH_EARLY, "1900-01-01", "1900-03-31")
    assert first[["beginning_ar", "ending_ar"]].values.tolist() == [
        [0.0, 80.0], [80.0, 80.0], [80.0, 50.0]
    ]  # fmt: skip
    last = kpi_series(WITH_EARLY, "2199-12-01", "2199-12-31", freq="week")
    assert str(last["period_end"].iloc[-1].date()) == "2200-01-05"
    assert last["ending_ar"].iloc[-1] == OPEN_AR + 50.0
    rates = loss_rates(WITH_EARLY, "1900-01-01", "1900-03-31")
    assert str(rates.snapshots["month_end"].iloc[0].date()) == "1899-12-31"
    assert rates.snapshots["Total"].tolist() == [0.0, 80.0, 80.0, 50.0]


# --- forecast ---------------------------------------------------------------------------------
def test_forecast_at_excels_last_day_is_one_line():
    got = timed("AR_FORECAST", LEDGER, D(9999, 12, 31))
    assert got == f"AR_FORECAST: as_of: 9999-12-31 {OUTSIDE}"
    got = timed("AR_FORECAST", LEDGER, DATE(9999, 12, 31), 60.0, "month", MISSING, 0.0)
    assert got == f"AR_FORECAST: as_of: 2958465 (9999-12-31) {OUTSIDE}"


@pytest.mark.parametrize(
    ("horizon", "period", "last_end"),
    [(260.0, "week", D(2204, 12, 25)), (60.0, "month", D(2204, 12, 31))],
)
def test_forecast_at_the_last_date_runs_past_it(horizon, period, last_end):
    got = timed("AR_FORECAST", LEDGER, DATE(2199, 12, 31), horizon, period, MISSING, 0.0)
    assert got[-1][0] == "Total" and got[-1][3] == OPEN_AR
    assert got[1][1] == D(2200, 1, 1)
    assert got[int(horizon)][2] == last_end  # 2200-01-01 + 260 weeks - 1 day; Dec 2204
    assert D(2200, 1, 1) + dt.timedelta(weeks=260, days=-1) == D(2204, 12, 25)


def test_forecast_with_estimated_rates_at_the_first_dates():
    # the 12 months of history start at 1900-01-01, not in 1899 (no date there is given)
    rows = WITH_EARLY[:1] + WITH_EARLY[-1:]
    with pytest.raises(XlArError) as err:
        forecast(rows, "1900-01-31")
    assert str(err.value).startswith("loss rates cannot be estimated: no roll rate for")
    assert "the month end 1899-12-31" in str(err.value)
    assert forecast(rows, "1900-01-31", loss_rates=0)["amount"].iloc[-1] == 80.0


def test_a_customer_centuries_late_is_beyond_the_horizon_not_wrapped():
    rows = [HEADER, ["A", "F-1", D(1900, 1, 1), D(1900, 1, 31), 100.0, 100.0, D(2199, 12, 1)],
            ["A", "F-2", D(2199, 12, 1), D(2199, 12, 31), 50.0, 0.0, None]]  # fmt: skip
    items = forecast_items(rows, "2199-12-31", loss_rates=0)
    assert items["days_late"].tolist() == [(dt.date(2199, 12, 1) - dt.date(1900, 1, 31)).days]
    assert pd.isna(items["expected_date"].iloc[0])  # after 2262-04-11: blank, not 1933
    assert items["line"].tolist() == ["Beyond horizon"]


# --- conservation at any date in the range ---------------------------------------------------------
day_in_range = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2199, 12, 31))


@st.composite
def ledgers(draw):
    n = draw(st.integers(1, 6))
    rows = [["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"]]
    for i in range(n):
        invoice = draw(day_in_range)
        due = min(invoice + dt.timedelta(days=draw(st.integers(0, 3650))), dt.date(2199, 12, 31))
        amount = draw(st.integers(1, 10**9)) / 100.0
        paid = draw(st.integers(0, int(amount * 100))) / 100.0
        payment = draw(st.one_of(st.none(), st.dates(min_value=invoice,
                                                     max_value=dt.date(2199, 12, 31))))  # fmt: skip
        rows.append([draw(st.sampled_from(["A", "B", "C"])), f"F-{i}", D(*invoice.timetuple()[:3]),
                     D(*due.timetuple()[:3]), amount, paid,
                     None if payment is None else D(*payment.timetuple()[:3])])  # fmt: skip
    return rows


def open_amount(rows, as_of: dt.date) -> float:
    """What is open at ``as_of``, computed with Python dates only."""
    total = 0.0
    for _c, _i, invoice, _due, amount, paid, payment in rows[1:]:
        if invoice.date() > as_of:
            continue
        applied = payment is None or payment.date() <= as_of
        left = amount - (paid if applied else 0.0)
        total += left if abs(left) > 0.005 else 0.0
    return total


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers(), day_in_range, st.sampled_from(["serial", "date cell", "text"]))
def test_aging_total_is_what_is_open_at_any_date_in_the_range(rows, as_of, form):
    serial = float((as_of - dt.date(1899, 12, 30)).days + (as_of < dt.date(1900, 3, 1)))
    value = {"serial": serial, "date cell": D(*as_of.timetuple()[:3]), "text": as_of.isoformat()}
    got = timed("AR_AGING", rows, value[form], MISSING, MISSING, "total")
    expected = open_amount(rows, as_of)
    own = snapshot_date(read_ledger(rows))  # an open-items snapshot: aged from its date on
    if own is not None and pd.Timestamp(as_of) < own:
        assert got.startswith("AR_AGING: the ledger is an open-items snapshot as of "), got
    else:
        assert total_of(got) == pytest.approx(expected, rel=1e-12, abs=1e-6)
        assert (total_of(got) != 0) == (expected != 0)  # never silently 0
    by_customer = aging(rows, as_of)  # the core ages any ledger at any date
    assert by_customer["Total"].iloc[-1] == pytest.approx(expected, rel=1e-12, abs=1e-6)
