"""The dispute log (issue 16): open disputes leave dunning but stay in the analysis; the
dispute report's numbers, worked by hand from tests/support/activity_samples.py."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from activity_samples import AS_OF, DISPUTES, LEDGER

from xl_ar.core import aging, dispute_report, letter_run, read_disputes, worklist
from xl_ar.core.collections.disputes import disputed_rows, open_disputes
from xl_ar.core.ledger.ledger import read_ledger
from xl_ar.errors import XlArError


def test_reads_the_indonesian_log():
    d = read_disputes(DISPUTES)
    assert d["reason"].tolist() == [
        "price", "not_received", "tax_invoice", "duplicate_billing", "quality",
    ]  # fmt: skip
    assert d["invoices"].tolist() == [("F-1",), ("F-3",), ("F-4", "F-99"), ("F-2",), ("F-3",)]
    assert d["amount"].fillna(-1).tolist() == [-1, 1_200_000.0, -1, 500_000.0, 200_000.0]
    assert open_disputes(d, AS_OF).tolist() == [True, False, True, False, False]
    assert open_disputes(d, "2024-12-15").tolist() == [True, True, True, False, False]


@pytest.mark.parametrize(
    ("words", "reason"),
    [("kuantitas", "quantity"), ("Jumlah barang kurang", "quantity"), ("e-Faktur", "tax_invoice"),
     ("Barang belum diterima", "not_received"), ("Duplicate billing", "duplicate_billing"),
     ("Lainnya", "other"), ("salah alamat", "other"), ("Quality", "quality")],
)  # fmt: skip
def test_reasons_in_both_languages(words, reason):
    d = read_disputes([["Pelanggan", "Alasan", "Dibuka"], ["A", words, "01/12/2024"]])
    assert d.loc[0, "reason"] == reason


def test_resolved_before_opened_is_refused():
    with pytest.raises(XlArError) as err:
        read_disputes([["Pelanggan", "Dibuka", "Selesai"], ["A", "05/12/2024", "01/12/2024"]])
    assert str(err.value) == "dispute log row 2: resolved before it was opened"


def test_unknown_invoice_is_a_reported_problem():
    led = read_ledger(LEDGER)
    mask, notes = disputed_rows(led, DISPUTES, AS_OF)
    assert mask.tolist() == [True, False, False, True]  # F-1 (S-1) and F-4 (S-3)
    assert notes == (
        ("Log sengketa: S-3 (baris 4) menyebut faktur 'F-99', tidak ada di buku piutang untuk "
         "'UD Sejahtera'",
         "Dispute log: S-3 (row 4) names invoice 'F-99', not in the ledger for 'UD Sejahtera'"),
    )  # fmt: skip


def test_open_disputes_leave_dunning():
    before = worklist(LEDGER, AS_OF, lang="en")
    after = worklist(LEDGER, AS_OF, disputes=DISPUTES, lang="en")
    cols = ["customer", "open", "overdue", "disputed", "stage"]
    assert before[cols].values.tolist() == [
        ["CV Baru", 1_200_000.0, 1_200_000.0, 0.0, "overdue"],
        ["UD Sejahtera", 300_000.0, 300_000.0, 0.0, "escalation"],
        ["PT Maju", 1_000_000.0, 1_000_000.0, 0.0, "escalation"],
    ]
    assert after[cols].values.tolist() == [
        ["CV Baru", 1_200_000.0, 1_200_000.0, 0.0, "overdue"],
        ["PT Maju", 1_000_000.0, 0.0, 1_000_000.0, "dispute"],
        ["UD Sejahtera", 300_000.0, 0.0, 300_000.0, "dispute"],
    ]
    assert after.attrs["notes"][0][1].startswith("Dispute log: S-3 (row 4) names invoice 'F-99'")
    # at 15/12 S-2 was open too: CV Baru's F-3 left the dunning run then
    mid = worklist(LEDGER, "2024-12-15", disputes=DISPUTES, lang="en")
    assert mid["stage"].tolist() == ["dispute", "dispute", "dispute"]


def test_open_disputes_leave_the_letters(tmp_path):
    run = letter_run(LEDGER, AS_OF, tmp_path, disputes=DISPUTES, lang="en")
    assert [p.name for p in run.paths] == ["001_CV_Baru_overdue_en.txt"]
    assert run.summary() == (
        "3 customers overdue: 1 letter written; 2 got no letter:\n"
        "  PT Maju (every overdue invoice is disputed)\n"
        "  UD Sejahtera (every overdue invoice is disputed)"
    )


def test_disputes_stay_in_the_worklists_open_column():
    """The worklist's open AR keeps the disputed invoices, as the aging does (the reports
    test that the aging and the dashboard do not change with a dispute log)."""
    table = aging(LEDGER, AS_OF).set_index("customer")
    assert table.loc["Total", "Total"] == 2_500_000.0
    wl = worklist(LEDGER, AS_OF, disputes=DISPUTES).set_index("customer")
    assert wl["open"].to_dict() == table["Total"].drop("Total").to_dict()


def test_dispute_report_golden():
    got = dispute_report(DISPUTES, LEDGER, AS_OF)
    assert got.open[["dispute_id", "days_open", "age", "amount"]].values.tolist() == [
        ["S-3", 77, "61-90", 300_000.0],
        ["S-1", 30, "0-30", 1_000_000.0],
    ]
    assert got.by_age.values.tolist() == [
        ["0-30", 1, 1_000_000.0], ["31-60", 0, 0.0], ["61-90", 1, 300_000.0], [">90", 0, 0.0],
    ]  # fmt: skip
    assert got.pareto.values.tolist() == [
        ["not_received", 1, 1_200_000.0, 0.375, 0.375],
        ["price", 1, 1_000_000.0, 0.3125, 0.6875],
        ["duplicate_billing", 1, 500_000.0, 0.15625, 0.84375],
        ["tax_invoice", 1, 300_000.0, 0.09375, 0.9375],
        ["quality", 1, 200_000.0, 0.0625, 1.0],
    ]
    assert got.resolution["resolved"] == 3
    assert got.resolution["median_days"] == 7.0  # 30 (S-2), 4 (S-4), 7 (S-5)
    assert math.isclose(got.resolution["mean_days"], 41 / 3)
    assert got.tied_up == 1_300_000.0


def test_dispute_report_before_anything_was_opened():
    got = dispute_report(DISPUTES, LEDGER, "2024-10-01")
    assert got.open.empty and got.pareto.empty and got.tied_up == 0.0
    assert math.isnan(got.resolution["median_days"])
    assert got.by_age["count"].tolist() == [0, 0, 0, 0]


def test_a_dispute_of_an_unknown_customer_is_reported():
    log = [["No", "Pelanggan", "Faktur", "Dibuka"], ["S-9", "PT Hantu", "F-1", "01/12/2024"]]
    wl = worklist(LEDGER, AS_OF, disputes=log, lang="en")
    assert wl.attrs["notes"] == (
        ("Log sengketa: S-9 (baris 2) pelanggan 'PT Hantu' tidak ada di buku piutang",
         "Dispute log: S-9 (row 2) customer 'PT Hantu' is not in the ledger"),
    )  # fmt: skip
    assert wl["overdue"].sum() == 2_500_000.0
    assert pd.isna(read_disputes(log).loc[0, "amount"])
