"""Property: every number on the report's aging, dashboard headline, allowance and forecast sheets
is the core function's number for the same convention, or is replaced by a stated reason
("not estimable: ..."), for random small ledgers: full histories and open-items snapshots."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from hypothesis import event, given, settings
from hypothesis import strategies as st

from xl_ar.core import (
    FIRST_DAY,
    aging,
    allowance,
    data_sufficiency,
    ecl_from_ledger,
    forecast,
    kpi_series,
    kpi_summary,
    loss_rates,
    read_ledger,
)
from xl_ar.reports.catalog import build_report
from xl_ar.reports.model import cells_in
from xl_ar.reports.sheets import HEADLINE, HEADLINE_METRICS

AS_OF = pd.Timestamp("2024-12-31")
DAY0 = pd.Timestamp("2023-01-01")
RATES = [0.01, 0.03, 0.1, 0.3, 0.7]
CUSTOMERS = ("PT Alpha", "PT Beta", "CV Gamma")

invoice = st.tuples(
    st.sampled_from(CUSTOMERS),
    st.integers(0, (AS_OF - DAY0).days),  # invoice day
    st.sampled_from([0, 14, 30, 45, 60]),  # terms
    st.integers(1, 5000).map(lambda v: v * 100.0),  # amount
    st.integers(-1, 240),  # days from invoice to payment (-1: unpaid)
)


@st.composite
def ledgers(draw) -> tuple[pd.DataFrame, bool]:
    """A canonical ledger: a full history (paid invoices dated) or a snapshot (open items only)."""
    snapshot = draw(st.booleans())
    items = draw(st.lists(invoice, min_size=1, max_size=14))
    head = ["Customer", "Invoice", "Invoice Date", "Terms", "Amount"]
    rows = [head if snapshot else [*head, "Paid", "Payment Date"]]
    for n, (name, day, terms, amount, pay) in enumerate(items):
        date = DAY0 + pd.Timedelta(days=day)
        row = [name, f"F-{n}", date.date().isoformat(), terms, amount]
        if not snapshot:
            paid_on = date + pd.Timedelta(days=pay)
            paid = pay >= 0 and paid_on <= AS_OF
            row += [amount if paid else 0.0, paid_on.date().isoformat() if paid else None]
        rows.append(row)
    return read_ledger(rows), snapshot


def same(shown, expected) -> bool:
    if isinstance(expected, float) and math.isnan(expected):
        return shown is None or (isinstance(shown, float) and math.isnan(shown))
    return math.isclose(float(shown), float(expected), rel_tol=1e-12, abs_tol=1e-9)


def table(report, key: str, name: str) -> pd.DataFrame:
    sheet = next(s for s in report.sheets if s.key == key)
    return next(t for t in sheet.tables if t.name == name).frame


@settings(max_examples=40, deadline=None)
@given(ledgers(), st.booleans())
def test_report_numbers_are_the_core_numbers_or_a_stated_reason(drawn, give_rates):
    led, snapshot = drawn
    options = {"loss_rates": RATES} if give_rates else None
    report = build_report(
        led, AS_OF, reports="aging,dashboard,allowance,forecast", lang="en", options=options
    )
    suff = data_sufficiency(led, AS_OF, loss_rates_given=give_rates, window_months=3)
    assert suff.facts.kind == ("snapshot" if snapshot else suff.facts.kind)

    # aging: always the core's aging
    pd.testing.assert_frame_equal(
        table(report, "aging", "aging").reset_index(drop=True),
        aging(led, AS_OF)[list(table(report, "aging", "aging").columns)].reset_index(drop=True),
    )

    # dashboard headline: kpi_summary, or the reason of the metric it belongs to
    head = table(report, "dashboard", "headline").iloc[0]
    kpis = kpi_summary(led, AS_OF, months=3)
    for key in HEADLINE:
        metric = HEADLINE_METRICS.get(key)
        if metric is not None and not suff.ok(metric):
            assert head[key] == suff.text(metric, "en")
        else:
            assert same(head[key], kpis[key]), key
    first = suff.facts.first_date  # a ledger starting inside the window: no headline CEI
    inside = first is not None and first >= AS_OF + pd.Timedelta(days=1) - pd.DateOffset(months=3)
    event(f"headline CEI {'withheld' if not suff.ok('cei') else 'shown'}")
    assert suff.ok("cei") == (suff.ok("collections") and not inside)

    # monthly series: the core's series from the ledger's first month (no month before it),
    # or none at all without collections per period
    sheet = next(s for s in report.sheets if s.key == "dashboard")
    series = [t.frame for t in sheet.tables if t.name == "kpis"]
    assert bool(series) == suff.ok("collections")
    if series:
        since = max(first.to_period("M").start_time, pd.Timestamp("2023-01-01"))  # 24 months
        expected = kpi_series(led, since, AS_OF)
        assert series[0]["period"].tolist() == expected["period"].tolist()
        assert np.allclose(series[0]["collections"], expected["collections"])

    # allowance: the core's provision matrix and entry, or the reason and no entry
    rates = RATES if give_rates else None
    if rates is None and suff.ok("loss_rates"):
        start = max(
            AS_OF - pd.DateOffset(months=12) + pd.Timedelta(days=1), pd.Timestamp(FIRST_DAY)
        )
        estimated = loss_rates(led, start, AS_OF)
        rates = estimated if estimated.reason() is None else None
    ecl = table(report, "allowance", "ecl")
    entry = table(report, "allowance", "entry")
    event(f"{suff.facts.kind}, allowance {'withheld' if rates is None else 'shown'}")
    if rates is None:
        reason = ecl["ecl"].iloc[-1]
        assert reason.startswith("not estimable: loss rates cannot be estimated")
        assert entry["value"].tolist() == [reason]  # no journal entry
        assert ecl["gross_balance"].tolist() == aging(led, AS_OF, by="total").iloc[0, :].tolist()
    else:
        expected = ecl_from_ledger(led, AS_OF, rates)
        pd.testing.assert_frame_equal(ecl.reset_index(drop=True), expected)
        body = expected.iloc[:-1]
        result = allowance(body["gross_balance"].to_numpy(), body["loss_rate"].to_numpy())
        for lang in ("id", "en"):  # each language shows the core's lines in that language
            assert cells_in(entry, lang).values.tolist() == result.lines(lang)

    # forecast: the core's forecast, or the open AR and the reason (never 0 cash)
    frame = table(report, "forecast", "forecast")
    event(f"forecast {'withheld' if 'label' in frame.columns else 'shown'}")
    if "label" in frame.columns:
        assert not (suff.ok("payment_behaviour") and rates is not None)
        assert same(frame["value"].iloc[0], aging(led, AS_OF, by="total")["Total"].iloc[0])
        assert frame["value"].iloc[1].startswith("not estimable: ")
    else:
        assert suff.ok("payment_behaviour") and rates is not None
        expected = forecast(led, AS_OF, loss_rates=rates)
        shown = cells_in(frame, "en").reset_index(drop=True)  # its lines are language pairs
        shown["period"] = shown["period"].astype(expected["period"].dtype)
        pd.testing.assert_frame_equal(shown, expected)
        assert np.isclose(frame["amount"].iloc[-1], kpis["total_ar"])
