"""Data sufficiency: the kind of ledger and, per metric, OK or the reason (issue 15, case 2)."""

from __future__ import annotations

import pandas as pd
import pytest
from shared_data import shared_file
from sufficiency_samples import AS_OF, SNAPSHOT, WHY

from xl_ar.core import data_sufficiency
from xl_ar.core.ledger.ledger import load_ledger
from xl_ar.core.ledger.sufficiency import METRICS, ledger_facts
from xl_ar.core.provisioning.loss_rates import loss_rates

HEAD = ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"]


def history(months: int = 24, late: int = 5) -> list[list]:
    """One invoice a month per customer, each paid ``late`` days after its due date."""
    rows = [["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"]]
    start = pd.Timestamp("2024-12-31") - pd.DateOffset(months=months)
    for m in range(months):
        day = (start + pd.DateOffset(months=m)).normalize()
        for c, name in enumerate(("PT A", "PT B", "PT C")):
            due = day + pd.Timedelta(days=30)
            paid_on = due + pd.Timedelta(days=late + c)
            paid = paid_on <= pd.Timestamp(AS_OF)
            rows.append([name, f"F-{m}-{c}", day.date().isoformat(), due.date().isoformat(),
                         1000.0 * (c + 1), 1000.0 * (c + 1) if paid else 0.0,
                         paid_on.date().isoformat() if paid else None])  # fmt: skip
    return rows


def test_a_snapshot_supports_no_estimate_and_says_why():
    got = data_sufficiency(SNAPSHOT, AS_OF)
    f = got.facts
    assert (f.kind, f.invoices, f.paid_invoices, f.payment_dates) == ("snapshot", 4, 0, 0)
    assert (f.months_covered, f.longest_past_due) == (12, 321.0)
    assert f.kind_text() == ("daftar saldo terbuka per 31/12/2024",
                             "open-items snapshot as of 31/12/2024")  # fmt: skip
    assert [m for m in METRICS if got.ok(m)] == []
    assert got.reason("ecl") == (
        f"loss rates cannot be estimated from the ledger: {WHY}; give loss rates "
        "(--loss-rates, or LossRates in xl_ar.conf)"
    )
    assert got.text("cei") == f"not estimable: collections per period are unknown: {WHY}"
    assert got.text("dso") == f"not estimable: credit sales of the period are incomplete: {WHY}"
    assert got.text("forecast") == f"not estimable: when customers pay is unknown: {WHY}"
    assert got.text("cei", "id") == (
        "tidak dapat diestimasi: penerimaan kas per periode tidak diketahui: buku piutang "
        "hanya berisi faktur terbuka per 31/12/2024, tanpa tanggal bayar"
    )


def test_given_loss_rates_make_the_allowance_estimable_not_the_forecast():
    got = data_sufficiency(SNAPSHOT, AS_OF, loss_rates_given=True)
    assert got.ok("ecl") and not got.ok("loss_rates") and not got.ok("forecast")


def test_a_full_history_supports_everything():
    got = data_sufficiency(history(), AS_OF)
    assert got.facts.kind == "history" and got.facts.undated_payments == 0
    assert got.facts.kind_text()[1] == "full history"
    assert all(got.ok(m) for m in METRICS)


def test_a_short_history_cannot_reach_the_write_off_horizon():
    got = data_sufficiency(history(months=5), AS_OF)
    assert got.ok("cei") and got.ok("dso") and got.ok("payment_behaviour")
    assert got.reason("loss_rates") == (
        "loss rates cannot be estimated from the ledger: the ledger covers 6 months: no invoice "
        "can be more than 180 days past due (the write-off horizon); give loss rates "
        "(--loss-rates, or LossRates in xl_ar.conf)"
    )
    assert got.reason("forecast") == got.reason("loss_rates")


def test_withhold_adds_the_roll_rate_reason_to_the_allowance_and_forecast():
    rows = history()
    got = data_sufficiency(rows, AS_OF)
    estimated = loss_rates(rows, "2024-01-01", AS_OF)
    why = estimated.reason()  # paid 5-7 days late: 31-60 and later never hold a balance
    assert why[1].startswith("loss rates cannot be estimated: no roll rate for '31-60'")
    withheld = got.withhold("loss_rates", why)
    assert withheld.reason("ecl") == withheld.reason("forecast") == why[1]
    assert withheld.ok("cei")
    given = data_sufficiency(rows, AS_OF, loss_rates_given=True).withhold("loss_rates", why)
    assert given.ok("ecl") and given.ok("forecast")


@pytest.mark.shared_data
def test_undated_partial_payments_withhold_collections_and_cei():
    """The AR tracker: paid amounts without payment dates (partial ones among them)."""
    path = shared_file("excel_workbooks", "adilwali648_ar_report", "AR_Aging_Report.xlsx")
    led = load_ledger(path, sheet="Invoice Data").strict()
    got = data_sufficiency(led, "2026-04-01")
    f = got.facts
    assert (f.kind, f.paid_invoices, f.undated_payments, f.undated_partial) == (
        "undated",
        10,
        10,
        4,
    )
    assert f.undated_amount == 704_000.0  # 85,000 + 120,000 + ... + 54,000
    assert f.kind_text()[1] == "invoice list without payment dates as of 01/04/2026"
    assert got.text("collections") == (
        "not estimable: collections per period are unknown: the ledger has no payment dates"
    )
    assert got.ok("dso") and not got.ok("cei") and not got.ok("ecl")


def test_a_history_with_some_undated_payments():
    rows = history()
    rows[5][6] = None  # paid, no date
    got = data_sufficiency(rows, AS_OF)
    assert got.facts.kind == "history" and got.facts.undated_payments == 1
    assert (
        got.reason("cei")
        == "collections per period are unknown: 1 payment has no payment date (2,000)"
    )
    assert got.reason("cei", "id") == (
        "penerimaan kas per periode tidak diketahui: 1 pembayaran tanpa tanggal bayar (2.000)"
    )
    assert got.reason("loss_rates").endswith(
        "1 payment has no payment date (2,000); give loss rates (--loss-rates, or LossRates in "
        "xl_ar.conf)"
    )


def test_unknown_metric_and_facts_without_invoices():
    with pytest.raises(ValueError, match="unknown metric 'nps'"):
        data_sufficiency(SNAPSHOT, AS_OF).ok("nps")
    f = ledger_facts(SNAPSHOT, "2023-12-31")  # nothing issued yet
    assert (f.invoices, f.months_covered) == (0, 1)
    assert f.longest_past_due != f.longest_past_due  # NaN: no invoice
