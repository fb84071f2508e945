"""Real third-party ledgers from ../shared/data (not redistributed; skipped when absent).

Ground truth is the files' own columns: IBM's ``DaysLate`` (= max(0, settled − due)) and an
independent count of invoices open at a date (invoice date ≤ as_of < settled date).
"""

from __future__ import annotations

import csv
import datetime as dt

import numpy as np
import pandas as pd
import pytest
from shared_data import shared_file

from xl_ar.core.ledger.ledger import health_check, load_ledger, read_ledger
from xl_ar.core.metrics.payment_behaviour import days_late, days_to_pay
from xl_ar.core.position.aging import aging
from xl_ar.core.position.open_items import open_items
from xl_ar.errors import LedgerError

pytestmark = pytest.mark.shared_data

IBM_CSV = ("ibm_watson_ar", "WA_Fn-UseC_-Accounts-Receivable.csv")
IBM_XLSX = ("excel_workbooks", "zikramuddeen_financial_dashboard", "Accounts_Receivable.xlsx")
IBM_SWAPPED = ("excel_workbooks", "khushijonpurii_ar_ap_dashboard", "Accounts_Receivable.xlsx")
AS_OF_DATES = ["2012-01-02", "2012-02-29", "2012-06-30", "2012-12-31", "2013-03-15",
               "2013-09-30", "2013-12-31", "2014-01-09"]  # fmt: skip


def _mdy(text: str) -> dt.date:
    m, d, y = map(int, text.split("/"))
    return dt.date(y, m, d)


@pytest.fixture(scope="module")
def ibm_raw():
    with shared_file(*IBM_CSV).open(newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def ibm():
    return read_ledger(shared_file(*IBM_CSV), date_order="mdy")


def test_ibm_csv_loads_with_its_own_headers(ibm, ibm_raw):
    assert len(ibm) == len(ibm_raw) == 2466
    assert ibm["customer"].nunique() == 100
    assert ibm["amount"].sum() == pytest.approx(147_703.18, abs=0.005)
    assert ibm["invoice"].iloc[0] == ibm_raw[0]["invoiceNumber"] == "0000611365"
    assert ibm["invoice"].str.len().eq(10).all()
    assert int(ibm["disputed"].sum()) == 561
    assert (ibm["terms_days"] == 30).all()
    # unknown columns are kept under their own headers
    assert {"countryCode", "PaperlessDate", "PaperlessBill", "DaysToSettle", "DaysLate"} <= set(
        ibm.columns
    )
    assert (ibm["payment_date"].dt.date == [_mdy(r["SettledDate"]) for r in ibm_raw]).all()


def test_ibm_days_late_equal_its_own_column_for_every_row(ibm):
    expected = ibm["DaysLate"].astype(int).to_numpy()
    got = days_late(ibm).to_numpy()
    assert not np.isnan(got).any()
    assert (got == expected).all()
    assert (got > 0).sum() == 877
    assert (days_to_pay(ibm).to_numpy() == ibm["DaysToSettle"].astype(int).to_numpy()).all()


def test_ibm_leap_day_dates(ibm, ibm_raw):
    leap = sum(
        v == "2/29/2012"
        for r in ibm_raw
        for v in (r["InvoiceDate"], r["DueDate"], r["SettledDate"])
    )
    got = sum((ibm[c] == pd.Timestamp("2012-02-29")).sum()
              for c in ("invoice_date", "due_date", "payment_date"))  # fmt: skip
    assert got == leap > 0


@pytest.mark.parametrize("as_of", AS_OF_DATES)
def test_ibm_as_of_aging_equals_an_independent_count(ibm, ibm_raw, as_of):
    day = dt.date.fromisoformat(as_of)
    open_rows = [r for r in ibm_raw if _mdy(r["InvoiceDate"]) <= day < _mdy(r["SettledDate"])]
    expected_amount = sum(float(r["InvoiceAmount"]) for r in open_rows)
    expected_over_30 = sum(
        float(r["InvoiceAmount"]) for r in open_rows if (day - _mdy(r["DueDate"])).days > 30
    )
    count = aging(ibm, as_of, by="total", measure="count")
    amount = aging(ibm, as_of, by="total")
    assert count["Total"].iloc[0] == len(open_rows)
    assert amount["Total"].iloc[0] == pytest.approx(expected_amount, abs=1e-6)
    over_30 = amount[["31-60", "61-90", ">90"]].to_numpy().sum()
    assert over_30 == pytest.approx(expected_over_30, abs=1e-6)


def test_ibm_excel_copy_gives_identical_results(ibm):
    xlsx = read_ledger(shared_file(*IBM_XLSX))
    key = ["customer", "invoice_date", "due_date", "payment_date", "amount"]
    a = ibm.assign(invoice=ibm["invoice"].str.lstrip("0")).sort_values(["invoice", *key])
    b = xlsx.sort_values(["invoice", *key])
    assert a["invoice"].tolist() == b["invoice"].tolist()
    for col in key + ["disputed", "terms_days"]:
        assert a[col].tolist() == b[col].tolist(), col
    assert (days_late(xlsx).to_numpy() == xlsx["DaysLate"].to_numpy()).all()
    for as_of in AS_OF_DATES:
        pd.testing.assert_frame_equal(aging(ibm, as_of), aging(xlsx, as_of))


@pytest.mark.parametrize("date_order", ["dmy", "mdy"])
def test_ibm_copy_corrupted_by_locale_swapping_is_reported(date_order):
    path = shared_file(*IBM_SWAPPED)
    got = load_ledger(path, date_order=date_order)
    probs = got.problems
    notes = probs[probs["row"].isna()]
    assert {"InvoiceDate", "DueDate", "SettledDate"} <= set(notes["column"])
    assert notes["problem"].str.contains("mixes").all()
    due_before = probs[probs["problem"].str.startswith("is before the invoice date")]
    assert len(due_before) > 100
    with pytest.raises(LedgerError):
        read_ledger(path, date_order=date_order)
    if date_order == "dmy":  # text cells like 1/15/2013 only make sense month-first
        assert probs["problem"].str.contains("valid as mdy").sum() > 1000


def test_ar_aging_report_with_title_row_matches_its_own_days_overdue():
    """adilwali648 workbook: title row above the header, as-of 2026-04-01 (cached TODAY())."""
    path = shared_file("excel_workbooks", "adilwali648_ar_report", "AR_Aging_Report.xlsx")
    got = load_ledger(path, sheet="Invoice Data")
    led = got.ledger
    assert led.index[0] == 3  # header on row 2 under a title row
    items = open_items(led, "2026-04-01")
    open_rows = led[led["balance"] > 0]
    assert items.index.tolist() == open_rows.index.tolist()
    expected = open_rows["Days Overdue"].astype(float).to_numpy()
    assert (np.maximum(items["days_past_due"].to_numpy(), 0) == expected).all()
    labels = aging(led, "2026-04-01", by="invoice")["bucket"].str.replace(">90", "90+ Days")
    theirs = open_rows["Aging Bucket"].str.replace(" Days", "").str.replace("90+", "90+ Days")
    theirs = theirs.replace({"Current (Not Due)": "Current"})
    assert labels.tolist() == theirs.tolist()


def test_ibm_health_check_is_clean(ibm):
    assert health_check(shared_file(*IBM_CSV), date_order="mdy").empty
