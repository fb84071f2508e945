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
from xl_ar.workshop.terms import BUCKETS

BUCKETS_EN = [en for _, en in BUCKETS.values()]
CHECK = "Check with xl-ar"


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
    assert book.sheetnames == [
        "Instructions",
        "Data",
        "Worked Example",
        "Aging Exercise",
        "Cash Projection",
        "Allowance",
        "Provision Matrix",
        "Factoring",
        CHECK,
        "Answer Key",
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
    assert answers["Adjusting entry if this method were booked (required − existing)"] == (
        pytest.approx(required - m4.EXISTING_ALLOWANCE)
    )
    net = answers["Net receivables under this method (total − allowance)"]
    assert net == pytest.approx(sum(totals) - required)
    assert answers["Allowance for bucket 61-90 days"] == pytest.approx(totals[3] * 0.25)


def test_provision_matrix_exercise(answers):
    totals = _bucket_totals()
    rates = [min(r * m4.FORWARD_FACTOR, 1.0) for r in m4.HISTORICAL_RATES]
    ecl = sum(b * r for b, r in zip(totals, rates, strict=True))
    booked = "Total expected credit loss allowance (PSAK 71), booked (total ECL)"
    assert answers[booked] == pytest.approx(ecl)
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


def test_cash_projection_follows_the_stated_method(answers, cached):
    items = _expected_dates()
    disputed = items["Sengketa"] == "Ya"
    for item in items[~disputed].itertuples():
        got = answers[f"Expected payment date of {item[items.columns.get_loc('No Faktur') + 1]}"]
        assert got == item.expected.to_pydatetime()
    # the disputed invoice is not projected: no expected-date input
    assert not [q for q in answers if q.endswith(items.loc[disputed, "No Faktur"].iloc[0])]
    # each item net of its bucket's loss rate (the Allowance sheet's rates)
    rate = items["bucket"].map(dict(zip(BUCKETS_EN, m4.LEDGER_RATES, strict=True))).astype(float)
    collect = items["Sisa"] * (1 - rate)
    normal = ~disputed
    # an expected date already past (on or before AS_OF) counts in the first month
    month = items["expected"].dt.to_period("M")
    assert (normal & (items["expected"] <= AS_OF)).sum() == 4
    jan = float(collect[normal & (month <= pd.Period("2025-01"))].sum())
    feb = float(collect[normal & (month == pd.Period("2025-02"))].sum())
    mar = float(collect[normal & (month == pd.Period("2025-03"))].sum())
    beyond = float(collect[normal & (month > pd.Period("2025-03"))].sum())
    loss = float((items["Sisa"] * rate).sum())
    assert answers["Month 2025-01"] == pytest.approx(jan)
    assert answers["Month 2025-02"] == pytest.approx(feb)
    assert answers["Month 2025-03"] == pytest.approx(mar)
    assert answers["Beyond 3 months"] == pytest.approx(beyond)
    disputed_net = 23_687_000.0 * 0.5
    assert cached[("Cash Projection", "B55")][1] == disputed_net  # worked, not an exercise
    assert answers["Not expected to be collected (aging-method rates)"] == pytest.approx(loss)
    berkah = normal & (items["Pelanggan"] == "PT Berkah Abadi") & (month <= pd.Period("2025-01"))
    assert berkah.sum() == 3  # two invoices and the credit note
    assert answers["Expected cash in month 2025-01 from PT Berkah Abadi (net of losses)"] == (
        pytest.approx(float(collect[berkah].sum()))
    )
    assert loss == pytest.approx(answers["Total required allowance"])  # same rates, same ECL
    # the legal-stage invoice (UD Duta Utama, 104 days) is projected at half in January
    legal = items[items["No Faktur"] == "INV/2024/07/0006"].iloc[0]
    assert legal["dpd"] == 104 and legal["expected"] < AS_OF
    assert collect[items["No Faktur"] == "INV/2024/07/0006"].iloc[0] == 9_431_100.0 * 0.5
    total = jan + feb + mar + beyond + disputed_net
    assert total + loss == pytest.approx(304_831_600.0)
    share = answers["% of receivables collected within 3 months"]
    assert share == pytest.approx((jan + feb + mar) / 304_831_600.0)


def test_cash_projection_sheet_labels_and_hints(built):
    for lang, weighted, not_projected in (
        ("en", "Amount-weighted average days late", "not projected"),
        ("id", "Rata-rata hari terlambat, tertimbang jumlah", "tidak diproyeksikan"),
    ):
        sh = openpyxl.load_workbook(built[lang]).worksheets[4]
        assert sh["B7"].value == weighted
        # the disputed invoice: grey text instead of a yellow input
        row = next(r for r in range(1, sh.max_row) if sh[f"B{r}"].value == "INV/2024/07/0001")
        assert sh[f"E{row}"].value in ("Yes", "Ya") and sh[f"I{row}"].value == not_projected
        assert sh[f"I{row}"].fill.fgColor.rgb != "FFFFF2CC"
        assert sh[f"I{row + 1}"].fill.fgColor.rgb == "FFFFF2CC"
        # hints name the function and the columns, never the answer formula
        hints = [c.value for c in sh["D"] if c.data_type == "s" and c.value.startswith("SUM")]
        assert len(hints) == 5 and all("column" in h or "kolom" in h for h in hints)
        assert not [c.value for c in sh["D"] if c.data_type == "s" and c.value.startswith("=")]
        rates = "aging-method rates" if lang == "en" else "metode persentase umur"
        assert rates in sh["A2"].value and "PSAK 71" in sh["A2"].value


def test_factoring(answers, cached):
    items = _expected_dates()
    mine = items[(items["Pelanggan"] == m4.FACTOR_CUSTOMER) & (items["Jatuh Tempo"].dt.month == 2)]
    amount = float(mine["Sisa"].sum())
    assert cached[("Factoring", "B5")][1] == amount == 22_918_600.0 + 15_973_600.0
    # not an answer of the aging grid (the customer's Current bucket holds January's too)
    assert amount != answers[f"Aging {m4.FACTOR_CUSTOMER} — Current"]
    days = round(float(((mine["expected"] - AS_OF).dt.days * mine["Sisa"]).sum() / amount))
    assert days == 53
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
    assert not [k for k, v in cached.items() if k[0] == "Factoring" and "AR_" in v[0]]


def test_add_in_cells_that_repeat_answers_are_on_the_last_sheet(built, cached):
    """AR_* cells beside exercises only on worked examples; the rest on 'Check with xl-ar'."""
    ar = {k: v for k, v in cached.items() if "AR_" in v[0]}
    beside = sorted(k for k in ar if k[0] != CHECK)
    assert beside == [("Allowance", "H6"), ("Allowance", "H7"), ("Provision Matrix", "J6")]
    key = {(r["sheet"], r["cell"]): r["answer"] for r in answer_rows(built["en"])}
    sheet = openpyxl.load_workbook(built["en"])[CHECK]
    compared = []
    for row in range(5, sheet.max_row + 1):
        formula, target = sheet[f"B{row}"].value, sheet[f"D{row}"].value
        if formula is None:
            continue
        where, cell = target.rsplit("!", 1)
        assert cached[(CHECK, f"B{row}")][1] == pytest.approx(key[(where, cell)])
        compared.append(formula.split("(")[1])
    assert compared.count("AR_AGING") == 6 and len(compared) == 12
    assert {"AR_FORECAST", "AR_ALLOWANCE", "AR_ECL", "AR_FACTORING"} <= set(compared)


def test_allowance_rows_and_bucket_names(built):
    en = openpyxl.load_workbook(built["en"])
    sh = en["Allowance"]
    # the total row shows the total balance (B) and the required allowance (D): label Total
    assert (sh["A10"].value, sh["B10"].value, sh["D10"].value) == (
        "Total",
        "=SUM(B6:B9)",
        "=SUMPRODUCT(B6:B9,C6:C9)",
    )
    assert sh["A25"].value == "Total" and sh["B25"].value.startswith("=SUM(")
    assert sh["D5"].value == sh["D19"].value == "Required allowance (balance × rate)"
    assert sh["A31"].value.startswith("Write-off:")
    ind = openpyxl.load_workbook(built["id"])
    assert [ind["Latihan Aging"].cell(7, c).value for c in range(2, 7)] == [
        "Belum jatuh tempo", "1-30 hari", "31-60 hari", "61-90 hari", "Di atas 90 hari",
    ]  # fmt: skip
    assert ind["Cadangan"]["A31"].value.startswith("Penghapusan piutang:")
    # the aging exercise does not send the trainee to the later sheet's bucket balances
    assert "Cadangan" not in ind["Latihan Aging"]["A2"].value
    assert "Allowance" not in en["Aging Exercise"]["A2"].value
    # one booked allowance: the CKPN of the provision matrix; the aging method compares
    assert (
        "pembanding" in ind["Cadangan"]["A1"].value
        and "CKPN (PSAK 71)" in ind["Cadangan"]["A2"].value
    )
    assert "CKPN (PSAK 71)" in ind["Matriks Provisi"]["A1"].value
    texts = [c.value for ws in ind.worksheets for row in ws.iter_rows() for c in row]
    assert not [v for v in texts if isinstance(v, str) and "Lancar" in v]


def test_languages_share_the_numbers(built):
    id_rows, en_rows = answer_rows(built["id"]), answer_rows(built["en"])
    assert [r["cell"] for r in id_rows] == [r["cell"] for r in en_rows]
    for a, b in zip(id_rows, en_rows, strict=True):
        if isinstance(a["answer"], (int, float)):
            assert a["answer"] == pytest.approx(b["answer"])
        elif isinstance(a["answer"], dt.datetime):
            assert a["answer"] == b["answer"]
    book = openpyxl.load_workbook(built["id"])
    assert book.sheetnames[1:9] == [
        "Data",
        "Contoh",
        "Latihan Aging",
        "Proyeksi Kas",
        "Cadangan",
        "Matriks Provisi",
        "Faktoring",
        "Cek dengan xl-ar",
    ]
