"""The report catalog: every sheet's numbers are the core's numbers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from xl_ar.core.collections.letters import letter_text
from xl_ar.core.collections.worklist import worklist
from xl_ar.core.ledger.ledger import load_ledger, read_ledger
from xl_ar.core.metrics.kpi_series import kpi_series
from xl_ar.core.metrics.summary import kpi_summary
from xl_ar.core.position.aging import aging
from xl_ar.core.provisioning.ecl import ecl_from_ledger
from xl_ar.demo import demo_customers
from xl_ar.errors import OptionError, XlArError
from xl_ar.reports.catalog import FULL_REPORT, build_report, parse_reports
from xl_ar.reports.model import Report, Sheet
from xl_ar.sample_data import SAMPLE_AS_OF, make_sample_ledger, make_sample_payments

AS_OF = pd.Timestamp(SAMPLE_AS_OF)


@pytest.fixture(scope="module")
def ledger():
    return read_ledger(make_sample_ledger(2024))


@pytest.fixture(scope="module")
def report(ledger):
    payments = make_sample_payments(make_sample_ledger())
    return build_report(
        ledger, AS_OF, customers=demo_customers(ledger, 24), payments=payments, source="sample"
    )


def sheet(report: Report, key: str) -> Sheet:
    return next(s for s in report.sheets if s.key == key)


def table(report: Report, key: str, name: str) -> pd.DataFrame:
    return next(t for t in sheet(report, key).tables if t.name == name).frame


def test_all_reports_in_catalog_order(report):
    assert [s.key for s in report.sheets] == list(FULL_REPORT)
    assert report.as_of == AS_OF and report.source == "sample"
    for s in report.sheets:
        assert all(len(n) <= 31 for n in s.name)
        for t in s.tables:
            assert set(map(str, t.frame.columns)) <= set(t.headers), (s.key, t.name)


def test_aging_ties_to_core(report, ledger):
    got = table(report, "aging", "aging")
    pd.testing.assert_frame_equal(got.reset_index(drop=True), aging(ledger, AS_OF))
    total = kpi_summary(ledger, AS_OF)["total_ar"]
    assert got["Total"].iloc[-1] == pytest.approx(total)
    share = table(report, "aging", "aging_share")
    assert share["Total"].iloc[0] == pytest.approx(1.0)
    top = table(report, "aging", "top_overdue")
    assert len(top) == 20 and (top["days"] > 0).all()
    assert top["outstanding"].is_monotonic_decreasing


def test_dashboard_rows_are_kpi_series(report, ledger):
    got = table(report, "dashboard", "kpis")
    expected = kpi_series(ledger, "2023-01-01", AS_OF)
    assert len(got) == 24
    for col in ("period", "credit_sales", "collections", "ending_ar", "dso", "bpdso", "add", "cei"):
        pd.testing.assert_series_equal(got[col], expected[col], check_names=False)
    headline = table(report, "dashboard", "headline").iloc[0]
    summary = kpi_summary(ledger, AS_OF)
    for key in ("total_ar", "dso", "cei", "current_pct"):
        assert headline[key] == pytest.approx(summary[key])
    top = table(report, "dashboard", "top_overdue_customers")
    assert len(top) == 10 and top["total_overdue"].is_monotonic_decreasing
    assert {c.kind for c in sheet(report, "dashboard").charts} == {"line", "column", "bar_stacked"}


def test_forecast_and_ecl_tie_to_open_ar(report, ledger):
    open_ar = aging(ledger, AS_OF, by="total")["Total"].iloc[0]
    fc = table(report, "forecast", "forecast")
    assert fc["amount"].iloc[:-1].sum() == pytest.approx(open_ar, abs=0.01)
    assert fc["amount"].iloc[-1] == pytest.approx(open_ar, abs=0.01)
    ecl = table(report, "allowance", "ecl")
    rates = table(report, "allowance", "loss_rates")["loss_rate"].to_numpy()
    expected = ecl_from_ledger(ledger, AS_OF, rates, write_off_after_days=180)
    assert ecl["gross_balance"].iloc[-1] == pytest.approx(open_ar)
    np.testing.assert_allclose(ecl["ecl"], expected["ecl"])
    entry = table(report, "allowance", "entry")
    assert entry["value"].iloc[1] == pytest.approx(ecl["ecl"].iloc[-1])  # required allowance
    loss_line = fc["amount"].iloc[-2]
    assert loss_line == pytest.approx(ecl["ecl"].iloc[-1], abs=1.0)


def test_worklist_and_letters(report, ledger):
    wl = table(report, "worklist", "worklist")
    core = worklist(ledger, AS_OF)
    pd.testing.assert_series_equal(wl["customer"], core["customer"])
    assert wl["next_action"].tolist() == list(  # (Indonesian, English): the renderer picks
        zip(core["next_action"], worklist(ledger, AS_OF, lang="en")["next_action"], strict=True)
    )
    letters = table(report, "letters", "letters")
    # issue 15: the worklist's letters first, then every overdue customer without one and why
    # (review 17: a dispute row of the worklist is one of those, with the reason)
    ranked = core[core["stage"] != "dispute"]
    assert letters["customer"].tolist()[: len(ranked)] == ranked["customer"].tolist()
    assert letters["letter"].iloc[len(ranked) :].str.startswith("Tidak ada surat: ").all()
    disputes = set(core.loc[core["stage"] == "dispute", "customer"])
    assert disputes and disputes <= set(letters["customer"].iloc[len(ranked) :])
    first = letters.iloc[0]
    assert first["letter"] == letter_text(ledger, first["customer"], AS_OF)
    en = build_report(ledger, AS_OF, reports="letters", lang="en")
    assert "Dear" in table(en, "letters", "letters")["letter"].iloc[0]


def test_credit_review_only_with_customers(report, ledger):
    review = table(report, "credit_review", "credit_review")
    assert review["open_ar"].sum() == pytest.approx(kpi_summary(ledger, AS_OF)["total_ar"])
    without = build_report(ledger, AS_OF, reports="aging,credit_review")
    assert [s.key for s in without.sheets] == ["aging"]
    assert "credit review" in without.conventions


def test_data_health_from_lenient_load():
    rows = [
        ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"],
        ["PT A", "F-1", "2024-01-01", "2024-01-31", 100],
        ["PT B", "F-2", "not a date", "2024-02-28", 50],
    ]
    with pytest.raises(XlArError, match="^row 3 'Invoice Date': 'not a date' is not a date$"):
        build_report(rows, "2024-03-31", reports="aging,data_health")  # strict, as xl-ar aging
    got = build_report(rows, "2024-03-31", reports="aging,data_health", lenient=True)
    problems = table(got, "data_health", "problems")
    assert len(problems) == len(load_ledger(rows).problems) >= 1
    clean = build_report(rows[:2], "2024-03-31", reports="data_health")
    assert sheet(clean, "data_health").tables == ()


def test_default_as_of_is_latest_ledger_date():
    rows = [
        ["Customer", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"],
        ["A", "2024-01-01", "2024-01-31", 100, 100, "2024-04-15"],
        ["B", "2024-03-01", "2024-03-31", 50, None, None],
    ]
    got = build_report(rows, reports="aging")
    assert got.as_of == pd.Timestamp("2024-04-15")
    assert got.conventions["as-of date"].startswith("latest")


def test_options_and_report_names():
    assert parse_reports("Data-Health, aging") == ("aging", "data_health")
    with pytest.raises(OptionError, match="unknown report 'nope'"):
        parse_reports("aging,nope")
    rows = [
        ["Customer", "Invoice Date", "Due Date", "Amount"],
        ["A", "2024-01-01", "2024-01-31", 1],
    ]
    with pytest.raises(OptionError, match="unknown report option"):
        build_report(rows, reports="aging", options={"colour": "red"})
    got = build_report(rows, "2024-03-31", reports="aging", options={"buckets": "15,45"})
    assert list(table(got, "aging", "aging").columns) == ["customer", "Current", "1-15", "16-45",
                                                         ">45", "Total"]  # fmt: skip
    withheld = build_report(rows, "2024-03-31", reports="allowance")  # no history: no rates
    assert (
        table(withheld, "allowance", "entry")["value"]
        .iloc[-1]
        .startswith(
            "tidak dapat diestimasi: tingkat kerugian tidak dapat diestimasi dari buku piutang: "
        )
    )
    given = build_report(rows, "2024-03-31", reports="allowance", options={"loss_rates": 0.1})
    assert table(given, "allowance", "ecl")["ecl"].iloc[-1] == pytest.approx(0.1)


def test_reconciliation_sheet_ties_to_the_core(report, ledger):
    from xl_ar.core.cash_application.reconcile import reconcile

    expected = reconcile(ledger, make_sample_payments(make_sample_ledger()))
    got = table(report, "reconciliation", "reconciliation")
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected.table.reset_index(drop=True))
    assert set(got["rule"].dropna()) == {"reference", "exact", "combination", "fifo"}


def test_reconciliation_is_left_out_without_payments(ledger):
    got = build_report(ledger, AS_OF, reports="aging,reconciliation")
    assert [s.key for s in got.sheets] == ["aging"]
    assert "no payments" in got.conventions["reconciliation"]
