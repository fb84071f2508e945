"""Data sufficiency beyond the report (review of issue 15, findings 7, 9, 10): a snapshot aged
before its own date is refused, a headline CEI over a window the ledger starts inside is
withheld, and a series starts at the ledger's first period."""

from __future__ import annotations

import pandas as pd
import pytest
from sufficiency_samples import BACK_DATED, OPEN_ITEMS, STARTS_INSIDE

from xl_ar.core import (
    check_snapshot_as_of,
    covered_start,
    data_sufficiency,
    kpi_summary,
    require_estimable,
    snapshot_date,
)
from xl_ar.errors import NotEstimableError, XlArError


# --- finding 7: a snapshot aged before its own date ------------------------------------------
def test_a_snapshot_is_dated_by_its_title_else_its_latest_document():
    assert snapshot_date(OPEN_ITEMS) == pd.Timestamp("2024-06-01")
    assert snapshot_date(OPEN_ITEMS, "2024-06-30") == pd.Timestamp("2024-06-30")
    assert snapshot_date(STARTS_INSIDE) is None  # a history has no snapshot date


def test_a_snapshot_aged_before_its_date_is_refused_in_one_line():
    with pytest.raises(NotEstimableError) as got:
        check_snapshot_as_of(OPEN_ITEMS, "2024-03-31")
    assert str(got.value) == BACK_DATED
    assert isinstance(got.value, XlArError)
    assert got.value.reason[0].startswith("buku piutang adalah daftar saldo terbuka per 01/06/2024")
    check_snapshot_as_of(OPEN_ITEMS, "2024-06-01")  # its own date, or later: aged
    check_snapshot_as_of(OPEN_ITEMS, "2024-12-31")
    with pytest.raises(NotEstimableError, match="as of 30/06/2024: .* at 30/06/2024 or later"):
        check_snapshot_as_of(OPEN_ITEMS, "2024-06-15", title_date="2024-06-30")


def test_a_history_is_aged_at_any_date():
    check_snapshot_as_of(STARTS_INSIDE, "2024-01-31")  # the history knows what was paid when


# --- the report's rule at the edges: require_estimable ---------------------------------------
def test_require_estimable_gives_the_reports_reason_and_the_callers_way_to_give_rates():
    with pytest.raises(NotEstimableError) as got:
        require_estimable(OPEN_ITEMS, "2024-06-30", "loss_rates", give="the 6th argument")
    assert str(got.value) == (
        "not estimable: loss rates cannot be estimated from the ledger: the ledger lists only "
        "open invoices as of 30/06/2024, with no payment dates; give loss rates (the 6th argument)"
    )
    with pytest.raises(NotEstimableError, match="^not estimable: when customers pay is unknown"):
        require_estimable(OPEN_ITEMS, "2024-06-30", "forecast", loss_rates_given=True)
    assert require_estimable(STARTS_INSIDE, "2024-03-31", "collections").ok("collections")


# --- finding 9: the headline CEI over a window the ledger starts inside ----------------------
def test_the_headline_cei_of_a_ledger_starting_inside_its_window_is_withheld():
    assert kpi_summary(STARTS_INSIDE, "2024-03-31", months=3)["cei"] == -2.0  # -200 %: wrong
    got = data_sufficiency(STARTS_INSIDE, "2024-03-31", window_months=3)
    assert got.text("cei") == (
        "not estimable: the ledger starts on 15/01/2024, inside the 3-month window"
    )
    assert got.text("cei", "id") == (
        "tidak dapat diestimasi: buku piutang dimulai 15/01/2024, di dalam jendela 3 bulan"
    )
    assert got.ok("collections")
    # DSO over the window: 2.5 months of sales over the window's 91 days (too high)
    assert got.text("dso") == (
        "not estimable: credit sales of the period are incomplete: the ledger starts on "
        "15/01/2024, inside the 3-month window"
    )
    first_day = [STARTS_INSIDE[0], ["PT A", "I1", "2024-01-01", "2024-01-31", 1000.0, 1000.0,
                                    "2024-03-10"], *STARTS_INSIDE[2:]]  # fmt: skip
    on_first = data_sufficiency(first_day, "2024-03-31", window_months=3)
    assert on_first.ok("dso") and not on_first.ok(
        "cei"
    )  # all the window's sales; no AR at its start
    assert data_sufficiency(STARTS_INSIDE, "2024-03-31").ok("cei")  # no window: no rule
    assert data_sufficiency(STARTS_INSIDE, "2024-04-15", window_months=3).ok("cei")


# --- finding 10: no period before the ledger starts ------------------------------------------
def test_covered_start_is_the_first_period_of_the_ledger():
    assert covered_start(STARTS_INSIDE, "2023-07-01") == pd.Timestamp("2024-01-01")
    assert covered_start(STARTS_INSIDE, "2023-07-01", "quarter") == pd.Timestamp("2024-01-01")
    assert covered_start(STARTS_INSIDE, "2023-07-01", "week") == pd.Timestamp("2024-01-15")
    assert covered_start(STARTS_INSIDE, "2024-02-01") == pd.Timestamp("2024-02-01")
