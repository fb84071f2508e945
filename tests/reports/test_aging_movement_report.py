"""The aging movement sheet, the aging by column, master notes, the policy's discount (issue 16)."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.support.by_column_samples import (
    AS_OF,
    LEDGER,
    MASTER,
    MOVEMENT_CURRENT,
    MOVEMENT_LEDGER,
)
from xl_ar.reports.catalog import build_report
from xl_ar.reports.model import cells_in
from xl_ar.reports.sheet_aging_movement import previous_date
from xl_ar.reports.sheet_policy import credit_policy_sheet


def sheet(report, key):
    return next(s for s in report.sheets if s.key == key)


def table(s, name, lang="en"):
    return cells_in(next(t for t in s.tables if t.name == name).frame, lang)


def test_the_movement_sheet_golden_in_both_languages():
    report = build_report(MOVEMENT_LEDGER, MOVEMENT_CURRENT, reports="aging_movement")
    s = sheet(report, "aging_movement")
    assert s.notes[1] == ("Dibandingkan: 31/05/2024 dengan 30/06/2024",
                          "Compared: 31/05/2024 with 30/06/2024")  # fmt: skip
    assert table(s, "aging_movement").values.tolist() == [
        ["Current", 600.0, 300.0, -300.0], ["1-30 days", 1000.0, 350.0, -650.0],
        ["31-60 days", 0.0, 0.0, 0.0], ["61-90 days", 1000.0, 0.0, -1000.0],
        [">90 days", 0.0, 700.0, 700.0], ["Total", 2600.0, 1350.0, -1250.0],
    ]  # fmt: skip
    assert table(s, "aging_bridge").values.tolist() == [
        ["Previous total", 2600.0], ["New invoices", 400.0],
        ["Credit notes and unapplied cash", -100.0], ["Collected", -1550.0],
        ["Current total", 1350.0],
    ]  # fmt: skip
    assert table(s, "overdue_movement", "id").values.tolist() == [
        ["Lewat jatuh tempo, awal", 2000.0, 3],
        ["Pulih (lunas atau tidak lagi lewat tempo)", -1000.0, 1],
        ["Tertagih sebagian, masih lewat tempo", -300.0, 2],
        ["Baru lewat jatuh tempo", 350.0, 1], ["Lewat jatuh tempo, akhir", 1050.0, 3],
    ]  # fmt: skip
    assert table(s, "aging_movement", "id")["bucket"].tolist()[:2] == ["Belum jatuh tempo",
                                                                       "1-30 hari"]  # fmt: skip


def test_compare_to_and_its_default():
    report = build_report(MOVEMENT_LEDGER, MOVEMENT_CURRENT, reports="aging_movement",
                          options={"compare_to": pd.Timestamp("2024-04-30")})  # fmt: skip
    frame = table(sheet(report, "aging_movement"), "aging_movement")
    assert frame["previous"].iloc[-1] == 2000.0  # F1 1000, F3 800, F5 200 open at 30/04
    assert str(previous_date(pd.Timestamp("2024-01-15")).date()) == "2023-12-31"
    assert str(previous_date(pd.Timestamp("2024-03-31"), "2024-03-01").date()) == "2024-03-01"


def test_a_snapshot_shows_the_current_aging_and_why_there_is_no_movement():
    rows = [
        ["Customer", "Invoice Date", "Due Date", "Amount"],
        ["A", "2024-05-01", "2024-05-31", 100.0],
        ["B", "2024-06-20", "2024-07-20", 50.0],
    ]
    s = sheet(build_report(rows, "2024-06-30", reports="aging_movement"), "aging_movement")
    assert s.notes[1][1].startswith("Movement: not estimable: collections per period are unknown")
    assert table(s, "aging_movement").values.tolist() == [
        ["Current", 50.0], ["1-30 days", 100.0], ["31-60 days", 0.0], ["61-90 days", 0.0],
        [">90 days", 0.0], ["Total", 150.0],
    ]  # fmt: skip


def test_the_aging_sheet_grouped_by_region_golden():
    report = build_report(LEDGER, AS_OF, reports="aging", customers=MASTER,
                          options={"by": "master:region"})  # fmt: skip
    s = sheet(report, "aging")
    t = next(t for t in s.tables if t.name == "aging_by")
    assert t.headers["region"] == ("Wilayah", "Region") and t.total_row
    assert cells_in(t.frame, "id").values.tolist()[2] == [
        "(tidak ada di master pelanggan)",
        0.0,
        120.25,
        0.0,
        0.0,
        0.0,
        120.25,
    ]
    assert cells_in(t.frame, "en")["Total"].tolist() == [250.5, 1700.0, 120.25, 2070.75]
    plain = build_report(LEDGER, AS_OF, reports="aging")  # no --by: as before
    assert [t.name for t in sheet(plain, "aging").tables] == ["aging", "aging_share",
                                                              "top_overdue"]  # fmt: skip


def test_by_a_master_column_without_the_master_is_one_line():
    with pytest.raises(Exception, match="by 'salesperson' is a customer-master column"):
        build_report(LEDGER, AS_OF, reports="aging", options={"by": "salesperson"})


def test_data_health_lists_the_master_problems_and_unmatched_names():
    s = sheet(build_report(LEDGER, AS_OF, reports="data_health", customers=MASTER), "data_health")
    english = [n[1] for n in s.notes]
    assert "customer master: row 3 'Email': 'baru.co.id' is not an e-mail address (no @)" in english
    assert "1 ledger customer with open items is not in the customer master: 'Toko X'" in english
    indonesian = [n[0] for n in s.notes]
    assert "1 pelanggan master tidak ada di buku piutang: 'PT Hantu'" in indonesian
    without = sheet(build_report(LEDGER, AS_OF, reports="data_health"), "data_health")
    assert not any("customer master" in n[1] for n in without.notes)


def test_the_policy_sheet_prices_a_discount_term_in_both_conventions():
    s = credit_policy_sheet([["label", "value"], ["discount", "2%"], ["discount_days", 10],
                             ["net_days", 30]])  # fmt: skip
    frame = table(s, "discount_cost")
    assert [(label, round(cost, 4)) for label, cost in frame.values.tolist()] == [
        ("2/10 net 30: simple, 360 days", 0.3673), ("2/10 net 30: simple, 365 days", 0.3724),
        ("2/10 net 30: effective, 360 days", 0.4386), ("2/10 net 30: effective, 365 days", 0.4459),
    ]  # fmt: skip
    assert table(s, "discount_cost", "id")["label"].iloc[2] == "2/10 net 30: efektif, 360 hari"
    assert [t.name for t in credit_policy_sheet().tables] == ["policy", "grades"]  # no discount
