"""Module 2 workbook (credit policy): the answer key against golden and recomputed numbers.

The worked example is the golden 5 C's case of the domain notes (scores 4, 4, 3, 2, 4 → 3.6,
grade B; needs-based Rp 100,000,000 × 45 / 30 × 1.11 = Rp 166,500,000 binds). The applicant's
limits are recomputed by hand from the default policy and checked against the core; the
profile ranges written on the sheet are fed to ``AR_CREDIT_LIMIT`` the way Excel would.
"""

from __future__ import annotations

import openpyxl
import pytest
from workshop_fixtures import answer, built_fixture, key_fixture
from workshop_tools import answer_rows, formula_cells

from xl_ar.core.credit_limit import credit_limit
from xl_ar.core.credit_policy import DEFAULT_POLICY as P
from xl_ar.core.open_items import open_items
from xl_ar.testing import excel_call
from xl_ar.workshop.data import AS_OF, core_ledger
from xl_ar.workshop.module_2 import APPLICANT, discount_cost, worked_case

built = built_fixture("module_2")
key = key_fixture()  # the English answer key


def test_sheets_and_exercise_counts(built, key):
    names = openpyxl.load_workbook(built["en"]).sheetnames
    assert names[:5] == [
        "Instructions",
        "Policy",
        "Application Form",
        "5C Scorecard",
        "Credit Limit",
    ]
    counts = {s: sum(r["sheet"] == s for r in key) for s in names}
    assert counts["Policy"] == 1 and counts["5C Scorecard"] == 4 and counts["Credit Limit"] == 9
    assert counts["Application Form"] == 0, "the form is a template without checks"
    assert [r["cell"] for r in answer_rows(built["id"])] == [r["cell"] for r in key]


def test_discount_cost_answer(key):
    expected = 0.01 / (1 - 0.01) * 365 / (45 - 15)
    assert answer(key, "Annual cost of the discount 1/15 net 45") == pytest.approx(expected)
    assert discount_cost(0.02, 10, 30) == pytest.approx(0.372449, abs=1e-6)


def test_applicant_scorecard_by_hand(key):
    weights = (0.30, 0.25, 0.20, 0.10, 0.15)
    score = sum(w * s for w, s in zip(weights, APPLICANT.scores, strict=True))
    assert score == pytest.approx(3.15)
    name = APPLICANT.customer
    assert answer(key, f"{name}: Weighted score") == pytest.approx(score)
    assert answer(key, f"{name}: Score 0-100") == pytest.approx((score - 1) / 4 * 100)
    assert answer(key, f"{name}: Grade") == "C"  # 53.75 is at least 50, below 65
    assert answer(key, f"{name}: Decision by grade") == "approve"


def test_applicant_limits_by_hand(key, built):
    name = APPLICANT.customer
    c = APPLICANT
    by_hand = {
        "% of tangible net worth": 0.10 * c.net_worth,
        "% of working capital": 0.20 * c.working_capital,
        "% of annual sales": 0.05 * c.annual_sales,
        "needs-based": c.monthly_purchases * (c.terms + 15) / 30 * 1.11,
        "collateral cover": 0.80 * c.collateral_value,
    }
    for method, value in by_hand.items():
        assert answer(key, f"{name}: {method}") == pytest.approx(value)
    lowest = min(by_hand.values())
    assert answer(key, f"{name}: Lowest limit") == pytest.approx(lowest) == 170_000_000
    assert answer(key, f"{name}: Binding method") == "% of working capital"
    assert answer(key, f"{name}: Recommended limit") == 63_000_000  # 170M × 0.5 × 0.75 ↓ 1M
    assert answer(key, f"{name}: Decision (") == "approve reduced"  # 90M ≤ 1.5 × 63M
    id_rows = answer_rows(built["id"])
    id_texts = {r["answer"] for r in id_rows if isinstance(r["answer"], str)}
    assert {"% modal kerja", "setujui dikurangi", "C", "setujui"} <= id_texts


def test_worked_example_is_the_golden_case(built):
    cells = formula_cells(built["en"])
    score = {c: v for (s, c), (f, v) in cells.items() if s == "5C Scorecard" and "SUMPRODUCT" in f}
    assert list(score.values()) == [pytest.approx(3.6)]
    ar = {f: v for (s, _), (f, v) in cells.items() if "AR_CREDIT" in f}
    assert sorted(v for f, v in ar.items() if "AR_CREDIT_SCORE" in f and ",2,2)" in f) == ["B"]
    assert [v for f, v in ar.items() if "AR_CREDIT_LIMIT" in f] == [166_000_000]
    limit = [(f, v) for (s, _), (f, v) in cells.items() if s == "Credit Limit"]
    assert [v for f, v in limit if f.startswith("=MIN(")] == [pytest.approx(166_500_000)]
    assert [v for f, v in limit if f.startswith("=ROUNDDOWN(")] == [166_000_000]
    assert [v for f, v in limit if f.startswith("=INDEX(")] == ["needs-based"]
    exposure = open_items(core_ledger("en"), AS_OF).query("customer == 'PT Berkah Abadi'")
    worked = worked_case()
    assert worked.exposure == pytest.approx(exposure["outstanding"].sum())
    assert pytest.approx(166_000_000 - worked.exposure) in [v for _, v in limit]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_profile_ranges_read_by_ar_credit_limit(built, lang):
    """The label | value ranges on the sheet (both languages) give the core's limits."""
    wb = openpyxl.load_workbook(built[lang], data_only=True)
    ws = wb["Batas Kredit" if lang == "id" else "Credit Limit"]
    ranges = [f for f, _ in formula_cells(built[lang]).values() if "AR_CREDIT_LIMIT" in f]
    worked_range = ranges[0].split("(")[1].rstrip(")")
    first, last = worked_range.split(":")
    rows = [[c.value for c in row] for row in ws[first:last]]
    rows = [[label, float(v) if isinstance(v, int) else v] for label, v in rows]
    assert excel_call("AR_CREDIT_LIMIT", rows) == 166_000_000
    assert credit_limit(rows).binding_method == "needs_based"
    # the applicant's profile sits in the same two columns further down
    start = next(
        r
        for r in range(int(last[1:]) + 1, ws.max_row + 1)
        if ws.cell(r, 3).value == APPLICANT.customer
    )
    app = []
    for r in range(start, ws.max_row + 1):
        label, value = ws.cell(r, 2).value, ws.cell(r, 3).value
        if label is None:
            break
        app.append([label, float(value) if isinstance(value, int) else value])
    app = app[: len(APPLICANT.profile(lang))]
    assert excel_call("AR_CREDIT_LIMIT", [["Label", "Value"], *app]) == 63_000_000


def test_policy_sheet_shows_the_core_policy(built):
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
    assert labels["max_limit"] == P.max_limit == 5_000_000_000
    assert labels["grace_days"] == P.grace_days == 15
    assert labels["ppn_rate"] == P.ppn_rate == 0.11
    assert labels["new_customer_factor"] == 0.5 and labels["size_factor_small"] == 0.75
