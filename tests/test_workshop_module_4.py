"""Module 4 workbook (aging, cash projection, allowance, ECL, factoring): spot checks.

Key answers are recomputed here independently of the module (pandas on the shared ledger, the
golden examples of ar-domain.md, the factoring definitions) and compared with the answer key
and the cached formula values of the built workbook.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import openpyxl
import pandas as pd
import pytest
from workshop_fixtures import built_fixture
from workshop_tools import answer_rows, formula_cells

from xl_ar.workshop import module_4 as m4
from xl_ar.workshop.data import AS_OF, workshop_ledger

BUCKETS_EN = [en for _, en in m4.BUCKETS]


built = built_fixture("module_4")


@pytest.fixture(scope="module")
def answers(built) -> dict[str, float | str | dt.datetime]:
    """English answer key by question."""
    rows = answer_rows(built["en"])
    got = {r["question"]: r["answer"] for r in rows}
    assert len(got) == len(rows), "questions are unique"
    return got


@pytest.fixture(scope="module")
def cached(built) -> dict[tuple[str, str], tuple[str, object]]:
    return formula_cells(built["en"])


def _open_items() -> pd.DataFrame:
    led = workshop_ledger()
    items = led[led["Sisa"] != 0].copy()
    items["dpd"] = (AS_OF - items["Jatuh Tempo"]).dt.days
    edges = [-np.inf, 0, 30, 60, 90, np.inf]
    items["bucket"] = pd.cut(items["dpd"], edges, labels=BUCKETS_EN, right=True)
    return items


def _bucket_totals() -> list[float]:
    items = _open_items()
    return [float(items.loc[items["bucket"] == b, "Sisa"].sum()) for b in BUCKETS_EN]


def test_sheets_and_exercise_count(built):
    book = openpyxl.load_workbook(built["en"])
    assert book.sheetnames[:8] == [
        "Instructions",
        "Data",
        "Worked Example",
        "Aging Exercise",
        "Cash Projection",
        "Allowance",
        "Provision Matrix",
        "Factoring",
    ]
    rows = answer_rows(built["en"])
    assert len(rows) >= 40
    assert not [r for r in rows if r["sheet"] == "Data"], "helper columns are not scored"
    data = book["Data"]
    assert (data["P4"].value, data["Q4"].value) == ("Days Past Due", "Aging Bucket")
    assert data["P5"].value is None and data["Q87"].value is None
    assert data["P5"].fill.fgColor.rgb.endswith("FFF2CC")


def test_aging_grid_equals_an_independent_aging(answers):
    items = _open_items()
    grid = items.pivot_table(
        index="Pelanggan", columns="bucket", values="Sisa", aggfunc="sum", observed=False
    ).fillna(0.0)
    grid = grid[grid.abs().sum(axis=1) > 0]
    assert len(grid) == 7  # every customer with an open balance
    for customer, row in grid.iterrows():
        for bucket in BUCKETS_EN:
            assert answers[f"Aging {customer} — {bucket}"] == pytest.approx(row[bucket], abs=0.5)
        assert answers[f"Aging {customer} — Total"] == pytest.approx(row.sum(), abs=0.5)
    # the domain traps: a disputed invoice stays (>90), a credit note is negative (1-30),
    # a partly paid invoice keeps its residual in its own bucket (61-90)
    assert answers["Aging PT Agung Sentosa — Over 90 days"] == 23_687_000.0
    assert answers["Aging PT Berkah Abadi — 1-30 days"] == -2_500_000.0
    assert answers["Aging CV Makmur Teknik — 61-90 days"] == 29_824_100.0 - 15_272_000.0
    assert answers["Total of bucket Total"] == 304_831_600.0
    totals = _bucket_totals()
    for bucket, total in zip(BUCKETS_EN, totals, strict=True):
        assert answers[f"Total of bucket {bucket}"] == pytest.approx(total)
        assert answers[f"% of receivables in bucket {bucket}"] == pytest.approx(total / sum(totals))


def test_worked_example_formulas_follow_the_conventions(cached):
    sheet = "Worked Example"
    rows = dict(enumerate(m4.EXAMPLE_ITEMS, start=7))
    got = {rows[i][1]: (cached[(sheet, f"I{i}")][1], cached[(sheet, f"J{i}")][1]) for i in rows}
    assert got["INV-102"] == (0, "Current")  # due today: current
    assert got["INV-088"] == (30, "1-30 days")  # an edge falls in the bucket ending there
    assert got["INV-079"] == (31, "31-60 days")
    assert got["INV-061"] == (90, "61-90 days")
    assert got["INV-055"] == (91, "Over 90 days")
    assert got["NK-011"] == (16, "1-30 days")
    assert cached[(sheet, "H10")][1] == 6_000_000  # partial payment: the residual
    assert cached[(sheet, "B25")][1] == pytest.approx(sum(a - p for *_, a, p in m4.EXAMPLE_ITEMS))


def test_golden_allowance_and_provision_matrix(cached):
    assert cached[("Allowance", "D10")] == ("=SUMPRODUCT(B6:B9,C6:C9)", 21_330)
    assert cached[("Allowance", "D12")][1] == 16_330
    assert cached[("Provision Matrix", "D11")] == ("=SUMPRODUCT(B6:B10,C6:C10)", 580_000)
    assert cached[("Allowance", "H6")][1] == 21_330  # AR_ALLOWANCE beside
    assert cached[("Provision Matrix", "J6")][1] == 580_000  # AR_ECL beside


def test_allowance_exercise(answers):
    totals = _bucket_totals()
    required = sum(b * r for b, r in zip(totals, m4.LEDGER_RATES, strict=True))
    assert answers["Total required allowance"] == pytest.approx(required)
    assert answers["Adjusting entry (required − existing)"] == pytest.approx(
        required - m4.EXISTING_ALLOWANCE
    )
    assert answers["Net receivables (total − allowance)"] == pytest.approx(sum(totals) - required)
    assert answers["Allowance for bucket 61-90 days"] == pytest.approx(totals[3] * 0.25)


def test_provision_matrix_exercise(answers):
    totals = _bucket_totals()
    rates = [min(r * m4.FORWARD_FACTOR, 1.0) for r in m4.HISTORICAL_RATES]
    ecl = sum(b * r for b, r in zip(totals, rates, strict=True))
    assert answers["Total ECL (loss allowance)"] == pytest.approx(ecl)
    assert answers["Adjusted rate Over 90 days"] == pytest.approx(0.44)
    assert answers["Weighted ECL rate (ECL / balance)"] == pytest.approx(ecl / sum(totals))


def _expected_dates() -> pd.DataFrame:
    """Due date + customer's amount-weighted days late (invoices paid in full by AS_OF)."""
    led = workshop_ledger()
    paid = led[(led["Jenis"] == "Faktur") & (led["Sisa"] == 0) & (led["Tanggal Bayar"] <= AS_OF)]
    late = (paid["Tanggal Bayar"] - paid["Jatuh Tempo"]).dt.days.clip(lower=0)
    weighted = (late * paid["Jumlah"]).groupby(paid["Pelanggan"]).sum()
    days_late = weighted / paid.groupby("Pelanggan")["Jumlah"].sum()
    items = _open_items()
    shift = items["Pelanggan"].map(np.floor(days_late + 0.5))
    items["expected"] = items["Jatuh Tempo"] + pd.to_timedelta(shift, unit="D")
    return items


def test_cash_projection_follows_the_stated_method(answers):
    items = _expected_dates()
    for item in items.itertuples():
        got = answers[f"Expected payment date of {item[items.columns.get_loc('No Faktur') + 1]}"]
        assert got == item.expected.to_pydatetime()
    normal = items[items["Sengketa"] == "Tidak"]
    month = normal["expected"].dt.to_period("M")
    jan = float(normal.loc[month <= pd.Period("2025-01"), "Sisa"].sum())
    feb = float(normal.loc[month == pd.Period("2025-02"), "Sisa"].sum())
    mar = float(normal.loc[month == pd.Period("2025-03"), "Sisa"].sum())
    beyond = float(normal.loc[month > pd.Period("2025-03"), "Sisa"].sum())
    disputed = float(items.loc[items["Sengketa"] == "Ya", "Sisa"].sum())
    assert answers["Month 2025-01"] == pytest.approx(jan)
    assert answers["Month 2025-02"] == pytest.approx(feb)
    assert answers["Month 2025-03"] == pytest.approx(mar)
    assert answers["Beyond 3 months"] == pytest.approx(beyond)
    assert answers["Disputed (not projected)"] == 23_687_000.0
    assert jan + feb + mar + beyond + disputed == pytest.approx(304_831_600.0)
    share = answers["% of receivables collected within 3 months"]
    assert share == pytest.approx((jan + feb + mar) / 304_831_600.0)


def test_factoring(answers, cached):
    items = _expected_dates()
    mine = items[(items["Pelanggan"] == m4.FACTOR_CUSTOMER) & (items["dpd"] <= 0)]
    amount = float(mine["Sisa"].sum())
    assert cached[("Factoring", "B5")][1] == amount == 58_489_900.0
    days = round(float(((mine["expected"] - AS_OF).dt.days * mine["Sisa"]).sum() / amount))
    assert days == 47
    advance = amount * 0.8
    fee = amount * 0.015
    interest = advance * 0.14 * days / 365
    net = advance - fee - interest
    assert answers["Advance"] == pytest.approx(advance)
    assert answers["Reserve (held back)"] == pytest.approx(amount - advance)
    assert answers["Factoring fee"] == pytest.approx(fee)
    assert answers["Interest on the advance"] == pytest.approx(interest)
    assert answers["Net proceeds today"] == pytest.approx(net)
    cost = (fee + interest) / net * 365 / days
    assert answers["Effective annual cost (simple)"] == pytest.approx(cost)
    assert cost > m4.BANK_RATE and answers["Cheaper? Type BANK or FACTOR"] == "BANK"
    assert cached[("Factoring", "F5")][1] == pytest.approx(net)  # AR_FACTORING beside


def test_languages_share_the_numbers(built):
    id_rows, en_rows = answer_rows(built["id"]), answer_rows(built["en"])
    assert [r["cell"] for r in id_rows] == [r["cell"] for r in en_rows]
    for a, b in zip(id_rows, en_rows, strict=True):
        if isinstance(a["answer"], (int, float)):
            assert a["answer"] == pytest.approx(b["answer"])
        elif isinstance(a["answer"], dt.datetime):
            assert a["answer"] == b["answer"]
    book = openpyxl.load_workbook(built["id"])
    assert book.sheetnames[1:8] == [
        "Data",
        "Contoh",
        "Latihan Aging",
        "Proyeksi Kas",
        "Cadangan",
        "Matriks Provisi",
        "Faktoring",
    ]
