"""Module 2 workbook (credit policy): the answer key against hand and pandas recomputations.

The cases are credible and follow the scoring guide: the applicant's measures (average days
late of three references, net margin, DER) and the scores the guide gives them are recomputed
by hand; its limits from the default policy's percentages. The worked example (an existing
customer's annual review) takes its payment history and exposure from the shared ledger,
recomputed here with pandas; its bank guarantee caps the limit. The limit review is recomputed
from the sheet-shaped ledger and customer master as SUMIF/COUNTIFS would. The profile ranges
written on the sheets are fed to ``AR_CREDIT_LIMIT`` the way Excel would.
"""

from __future__ import annotations

import re

import openpyxl
import pandas as pd
import pytest
from workshop_fixtures import answer, built_fixture, key_fixture
from workshop_tools import answer_rows, formula_cells

from xl_ar.core.credit.credit_limit import credit_limit
from xl_ar.core.credit.credit_policy import DEFAULT_POLICY as P
from xl_ar.testing import excel_call
from xl_ar.workshop.data import AS_OF, customers_frame, ledger_frame
from xl_ar.workshop.module_2 import (
    APPLICANT,
    GUIDE,
    WORKED,
    build,
    collateral_score,
    discount_cost,
    worked_case,
)
from xl_ar.workshop.module_2.guide import NEGATIVE_EQUITY
from xl_ar.workshop.terms import ORDER_HOLD_DPD

built = built_fixture("module_2")
key = key_fixture()  # the English answer key
NAME = APPLICANT.customer


def test_sheets_and_exercise_counts(built, key):
    names = openpyxl.load_workbook(built["en"]).sheetnames
    assert names[:8] == [
        "Instructions", "Policy", "Application Form", "5C Scorecard", "Credit Limit",
        "Limit Review", "Data", "Check with xl-ar",
    ]  # fmt: skip
    counts = {s: sum(r["sheet"] == s for r in key) for s in names}
    assert counts["Policy"] == 1 and counts["5C Scorecard"] == 10
    assert counts["Credit Limit"] == 8 and counts["Limit Review"] == 7
    assert counts["Application Form"] == 0, "the form is a template without checks"
    assert [r["cell"] for r in answer_rows(built["id"])] == [r["cell"] for r in key]
    assert openpyxl.load_workbook(built["id"]).sheetnames[-3:-1] == ["Data", "Cek dengan xl-ar"]


def test_discount_cost_answer(key):
    expected = 0.01 / (1 - 0.01) * 365 / (45 - 15)
    assert answer(key, "Annual cost of the discount 1/15 net 45") == pytest.approx(expected)
    assert discount_cost(0.02, 10, 30) == pytest.approx(0.372449, abs=1e-6)


def test_scoring_guide_lookups():
    """The guide's bounds work like VLOOKUP(..., TRUE): a bound belongs to the level it starts."""
    days = GUIDE["character"]
    assert [days.score(x) for x in (0, 4.9, 5, 10, 19.9, 20, 30, 90)] == [5, 5, 4, 3, 3, 2, 1, 1]
    margin = GUIDE["capacity"]
    assert [margin.score(x) for x in (-0.2, 0, 0.019, 0.02, 0.05, 0.08)] == [1, 2, 2, 3, 4, 5]
    der = GUIDE["capital"]
    assert [der.score(x) for x in (0.2, 0.5, 1.2, 2, 3.5)] == [5, 4, 3, 2, 1]
    assert [der.score(x) for x in (-0.01, -4.0, -1e6)] == [1, 1, 1]  # negative equity
    assert collateral_score(0, 1e8, personal_guarantee=False) == 1
    assert collateral_score(0, 1e8, personal_guarantee=True) == 2
    assert collateral_score(20e6, 1e8, personal_guarantee=False) == 2
    assert collateral_score(60e6, 1e8, personal_guarantee=False) == 4
    assert collateral_score(1e8, 1e8, personal_guarantee=False) == 5
    with pytest.raises(ValueError):
        GUIDE["conditions"].score(1.0)


def test_capital_table_scores_negative_equity(built):
    """The DER VLOOKUP table the scorecard reads starts with a very negative bound: a negative
    ratio (negative equity) scores 1 instead of #N/A."""
    wb = openpyxl.load_workbook(built["en"])
    formula = wb["5C Scorecard"]["G19"].value
    assert formula.startswith("=VLOOKUP(D19,Policy!") and formula.endswith(",2,TRUE)")
    span = formula.split("Policy!")[1].split(",")[0].replace("$", "")
    table = [(low.value, score.value) for low, score in wb["Policy"][span]]
    assert table[0] == (NEGATIVE_EQUITY, 1) and NEGATIVE_EQUITY <= -1e9
    assert [low for low, _ in table] == sorted(low for low, _ in table)

    def vlookup(x: float) -> int:  # VLOOKUP(x, table, 2, TRUE) on an ascending table
        return [score for low, score in table if low <= x][-1]

    assert [vlookup(x) for x in (-1e6, -3.0, -0.01, 0, 0.4, 0.5, 1.2, 2, 3.5)] == [
        1, 1, 1, 5, 5, 4, 3, 2, 1,
    ]  # fmt: skip


def test_limit_review_hints_name_functions_not_formulas(built):
    """Tinjauan Limit / Limit Review: the hints name a function and a column, never a formula,
    and the note does not tell trainees to copy the worked row down."""
    for lang, sheet in (("id", "Tinjauan Limit"), ("en", "Limit Review")):
        ws = openpyxl.load_workbook(built[lang])[sheet]
        hints = [ws.cell(r, 9).value for r in range(19, 26)]
        for h in hints:  # no formula, no call with arguments, no cell reference
            assert h and not h.startswith("=") and not re.search(r"[A-Z]\(|\$?\b[A-Z]\$?\d", h)
        assert hints[0].startswith("COUNTIF") and hints[2].startswith("INDEX")
        note = ws["J8"].value.lower()
        assert "salin" not in note and "copy" not in note


def test_applicant_scorecard_by_hand(key):
    """Average days late 34/3 → 3, margin 6% → 4, DER 1.2 → 3; personal guarantee 2, stable 3."""
    days = (6 + 12 + 16) / 3
    margin = 576_000_000 / 9_600_000_000
    der = 3_840_000_000 / 3_200_000_000
    assert answer(key, f"{NAME}: Character —") == pytest.approx(days)
    assert answer(key, f"{NAME}: Capacity —") == pytest.approx(margin) == pytest.approx(0.06)
    assert answer(key, f"{NAME}: Capital —") == pytest.approx(der) == pytest.approx(1.2)
    assert answer(key, f"{NAME}: Score Character") == 3  # 10 to under 20 days
    assert answer(key, f"{NAME}: Score Capacity") == 4  # 5% to under 8%
    assert answer(key, f"{NAME}: Score Capital") == 3  # 1 to under 2
    assert APPLICANT.scores == (3, 4, 3, 2, 3)
    score = 0.30 * 3 + 0.25 * 4 + 0.20 * 3 + 0.10 * 2 + 0.15 * 3
    assert answer(key, f"{NAME}: Weighted score") == pytest.approx(score) == pytest.approx(3.15)
    assert answer(key, f"{NAME}: Score 0-100") == pytest.approx((score - 1) / 4 * 100)
    assert answer(key, f"{NAME}: Grade") == "C"  # 53.75 is at least 50, below 65
    assert answer(key, f"{NAME}: Decision by grade") == "approve"


def test_applicant_limits_by_hand(key, built):
    """Needs-based binds; new (50%) × small (75%) → Rp 37 million; 100 > 1.5 × 37 → refer."""
    c = APPLICANT
    by_hand = {
        "% of tangible net worth": 0.10 * 3_200_000_000,
        "% of working capital": 0.20 * 850_000_000,
        "% of annual sales": 0.05 * 9_600_000_000,
        "needs-based": 60_000_000 * (30 + 15) / 30 * 1.11,
    }
    for method, value in by_hand.items():
        assert answer(key, f"{NAME}: {method}") == pytest.approx(value)
    assert not [r for r in key if r["question"] == f"{NAME}: collateral cover"], "no collateral"
    assert c.collateral_value == 0 and c.requested == pytest.approx(by_hand["needs-based"], 0.01)
    assert answer(key, f"{NAME}: Lowest limit") == pytest.approx(99_900_000)
    assert answer(key, f"{NAME}: Binding method") == "needs-based"
    assert answer(key, f"{NAME}: Recommended limit") == 37_000_000  # 99.9M × 0.375 ↓ 1M
    assert answer(key, f"{NAME}: Decision (") == "refer"  # 100M > 1.5 × 37M
    id_rows = answer_rows(built["id"])
    id_texts = {r["answer"] for r in id_rows if isinstance(r["answer"], str)}
    assert {"berbasis kebutuhan", "dirujuk", "C", "disetujui"} <= id_texts


def _weighted_days_late(led: pd.DataFrame, customer: str) -> float:
    """Σ amount × max(0, payment − due) / Σ amount over the customer's invoices paid in full."""
    inv = led[(led["Customer"] == customer) & (led["Type"] == "Invoice")]
    paid = inv[(inv["Balance"].abs() < 0.005) & (inv["Payment Date"] <= AS_OF)]
    late = (paid["Payment Date"] - paid["Due Date"]).dt.days.clip(lower=0)
    return float((paid["Amount"] * late).sum() / paid["Amount"].sum())


def test_worked_case_from_the_ledger_and_the_guide(built):
    led = ledger_frame("en")
    case = worked_case()
    assert case.evidence.days_late == (pytest.approx(_weighted_days_late(led, WORKED.customer)),)
    exposure = led.loc[led["Customer"] == WORKED.customer, "Balance"].sum()
    assert case.exposure == pytest.approx(exposure) == 108_232_800
    # 13.0 days → 3, margin 6.5% → 4, DER 0.8 → 4, guarantee 175/150 → 5, growing → 4
    assert case.scores == (3, 4, 4, 5, 4)
    cells = formula_cells(built["en"])
    sc = {f: v for (s, _), (f, v) in cells.items() if s == "5C Scorecard"}
    assert [v for f, v in sc.items() if f.startswith("=SUMPRODUCT(")] == [pytest.approx(3.8)]
    assert [v for f, v in sc.items() if "AR_CREDIT_SCORE" in f and f.endswith(",2,2)")] == ["B"]
    lookups = sorted(v for f, v in sc.items() if f.startswith("=VLOOKUP(D"))
    assert lookups == [3, 4, 4, 5]


def test_worked_limit_is_capped_by_the_guarantee(built):
    """Grade B; needs Rp 90M × 45/30 × 1.11 = 149.85M; 80% of the Rp 175M guarantee = 140M binds."""
    cells = formula_cells(built["en"])
    limit = [(f, v) for (s, _), (f, v) in cells.items() if s == "Credit Limit"]
    assert [v for f, v in limit if f.startswith("=MIN(")] == [pytest.approx(140_000_000)]
    assert [v for f, v in limit if f.startswith("=ROUNDDOWN(")] == [140_000_000]
    assert [v for f, v in limit if f.startswith("=INDEX(")] == ["collateral cover"]
    assert pytest.approx(90_000_000 * 45 / 30 * 1.11) in [v for _, v in limit]
    assert [v for f, v in limit if "AR_CREDIT_LIMIT" in f] == [140_000_000]
    res = worked_case().limit()
    assert res.decision == "approve reduced"  # 150M requested: above 140M, below 1.5 × 140M
    assert pytest.approx(140_000_000 - 108_232_800) in [v for _, v in limit]
    ws = openpyxl.load_workbook(built["en"])["Credit Limit"]
    shown = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "approve with a lower limit" in shown


@pytest.mark.parametrize("lang", ["id", "en"])
def test_profile_ranges_read_by_ar_credit_limit(built, lang):
    """The label | value ranges on the sheets (both languages) give the core's limits."""
    wb = openpyxl.load_workbook(built[lang], data_only=True)
    ranges = {
        s: f.split("(")[1].rstrip(")")
        for (s, _), (f, _) in formula_cells(built[lang]).items()
        if f.startswith("=AR_CREDIT_LIMIT(")
    }
    worked_sheet = "Batas Kredit" if lang == "id" else "Credit Limit"
    check_sheet = "Cek dengan xl-ar" if lang == "id" else "Check with xl-ar"
    for sheet, expected, binding in (
        (worked_sheet, 140_000_000, "collateral"),
        (check_sheet, 37_000_000, "needs_based"),
    ):
        first, last = ranges[sheet].split(":")
        rows = [[c.value for c in row] for row in wb[sheet][first:last]]
        rows = [[label, float(v) if isinstance(v, int) else v] for label, v in rows]
        assert excel_call("AR_CREDIT_LIMIT", rows) == expected
        assert credit_limit(rows).binding_method == binding


def _review_by_hand() -> pd.DataFrame:
    led, master = ledger_frame("en"), customers_frame("en")
    table = master.set_index("Customer")[["Credit Limit"]]
    table["open"] = led.groupby("Customer")["Balance"].sum()
    table["excess"] = table["open"] - table["Credit Limit"]
    cutoff = AS_OF - pd.Timedelta(days=ORDER_HOLD_DPD)
    late = led[(led["Balance"] > 0) & (led["Disputed"] == "No") & (led["Due Date"] <= cutoff)]
    table["late"] = late.groupby("Customer").size()
    return table.fillna({"late": 0})


def test_limit_review_as_sumif_and_countifs_would_give_it(key):
    t = _review_by_hand()
    over = t[t["excess"] > 0]
    assert answer(key, "How many customers have an open balance above") == len(over) == 3
    assert answer(key, "The largest excess") == pytest.approx(over["excess"].max()) == 28_845_800
    assert answer(key, "The customer with the largest excess") == over["excess"].idxmax()
    assert answer(key, "Total excess") == pytest.approx(over["excess"].sum())
    assert answer(key, "How many customers have an invoice") == int((t["late"] > 0).sum()) == 3
    held = (t["excess"] > 0) | (t["late"] > 0)
    assert answer(key, "How many customers must have their new orders held") == held.sum() == 4
    berkah = t.loc["PT Berkah Abadi"]
    assert answer(key, "Limit utilisation of PT Berkah Abadi") == pytest.approx(
        berkah["open"] / berkah["Credit Limit"]
    )
    # CV Mitra Abadi's oldest open invoice is exactly 46 days past due: it counts
    assert t.loc["CV Mitra Abadi", "late"] == 1


def test_review_worked_row_and_the_check_sheet(built):
    cells = formula_cells(built["en"])
    t = _review_by_hand()
    first = t.index[0]
    review = {c: v for (s, c), (_, v) in cells.items() if s == "Limit Review"}
    assert review["D8"] == pytest.approx(t.loc[first, "open"])
    assert review["E8"] == pytest.approx(-t.loc[first, "excess"])
    assert review["G8"] == "NO" and review["H8"] == t.loc[first, "late"] == 0
    check = {f: v for (s, _), (f, v) in cells.items() if s == "Check with xl-ar"}
    names = [v for f, v in check.items() if "AR_CREDIT_REVIEW" in f and f.endswith(",1)")]
    assert sorted(names) == sorted(t.index)
    available = [v for f, v in check.items() if "AR_CREDIT_REVIEW" in f and f.endswith(",7)")]
    assert sorted(available) == pytest.approx(sorted(-t["excess"]))
    assert [v for f, v in check.items() if f.startswith("=AR_CREDIT_LIMIT(")] == [37_000_000]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_answer_is_shown_on_the_sheet_that_asks_for_it(built, lang):
    """The numbers asked for appear nowhere else on their sheet: the worked examples use other
    cases. (Text answers are picked from lists on the sheet on purpose: customers, methods,
    grades and decisions.)"""
    rows = answer_rows(built[lang])
    wb = openpyxl.load_workbook(built[lang], data_only=True)
    checked = 0
    for r in rows:
        answer_, ws = r["answer"], wb[r["sheet"]]
        if isinstance(answer_, str) or abs(answer_) < 10:
            continue  # scores 1-5 and counts recur as plain labels
        checked += 1
        for row in ws.iter_rows():
            for cell in row:
                v = cell.value
                if cell.coordinate == r["cell"] or isinstance(v, bool):
                    continue
                if isinstance(v, (int, float)):
                    assert v != pytest.approx(answer_, abs=r["tol"] or 1e-9), (r["question"], cell)
    assert checked >= 10


def test_policy_sheet_shows_the_core_policy_without_code_names(built):
    ws = openpyxl.load_workbook(built["en"])["Policy"]
    values = {}
    for row in ws.iter_rows(min_col=2, max_col=8):
        if row[0].value in ("A", "B", "C", "D", "E") and isinstance(row[3].value, (int, float)):
            values[row[0].value] = (row[3].value, row[4].value, row[5].value)
    for i, grade in enumerate("ABCDE"):
        assert values[grade] == (
            P.pct_net_worth[i], P.pct_working_capital[i], P.pct_annual_sales[i],
        )  # fmt: skip
    labels = {row[0].value: row[1].value for row in ws.iter_rows(min_col=2, max_col=3)}
    assert labels["Maximum limit"] == P.max_limit == 5_000_000_000
    assert labels["Grace days"] == P.grace_days == 15
    assert labels["PPN (VAT) rate"] == P.ppn_rate == 0.11
    assert labels["New-customer factor"] == 0.5 and labels["Small-business factor"] == 0.75
    for lang in ("id", "en"):
        sh = build(lang).sheets[1]
        texts = [c.value for c in sh.cells.values() if isinstance(c.value, str)]
        codes = ("grace_days", "max_limit", "scale_min", "setujui dikurangi")
        codes += ("advance rate", "Character") if lang == "id" else ()
        assert not [t for t in texts if any(code in t for code in codes)]
        assert not [t for t in texts if "default" in t.lower()]
        if lang == "id":
            assert not [t for t in texts if "approve" in t]
