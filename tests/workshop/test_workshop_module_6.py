"""Module 6 workbook (control & action plan): the answer key against independent recomputations.

The compliance answers are recounted from the statuses written on the built checklist sheet; the
business case is recomputed from the workshop ledger with pandas and checked against the core's
DSO and the golden DSO example of the domain notes.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from workshop_fixtures import answer, built_fixture
from workshop_tools import answer_rows, formula_cells

from xl_ar.core.metrics.dso import dso
from xl_ar.workshop.book import pick
from xl_ar.workshop.data import ledger_frame
from xl_ar.workshop.module_6 import AREA_TARGET
from xl_ar.workshop.terms import ALLOWANCE, ORDER_HOLD_DPD

SCORES = {"Ya": 1.0, "Sebagian": 0.5, "Tidak": 0.0, "Yes": 1.0, "Partly": 0.5, "No": 0.0}


built = built_fixture("module_6")


def checklist(path: Path, sheet: str) -> pd.DataFrame:
    """Area and status of every control, as written on the checklist sheet."""
    ws = openpyxl.load_workbook(path)[sheet]
    rows = []
    for r in range(5, ws.max_row + 1):
        number, area, status = ws.cell(r, 1).value, ws.cell(r, 2).value, ws.cell(r, 7).value
        if not isinstance(number, (int, float)) or status not in SCORES:
            break
        rows.append({"area": area, "status": status, "score": SCORES[status]})
    return pd.DataFrame(rows)


@pytest.mark.parametrize(
    ("lang", "sheet", "no"),
    [("id", "Kontrol Internal", "Tidak"), ("en", "Internal Controls", "No")],
)
def test_compliance_answers_recount_the_checklist(built, lang, sheet, no):
    table = checklist(built[lang], sheet)
    assert len(table) >= 15 and table["area"].nunique() == 10
    rows = answer_rows(built[lang])
    first = [r for r in rows if r["sheet"] == sheet]
    compliance, missing, credit, below, weakest = (r["answer"] for r in first)
    assert compliance == pytest.approx(table["score"].mean())
    assert missing == (table["status"] == no).sum()
    by_area = table.groupby("area", sort=False)["score"].mean()
    assert credit == pytest.approx(by_area.iloc[1])  # the second area: credit approval
    assert below == (by_area < AREA_TARGET).sum()
    assert weakest == by_area.idxmin() and (by_area == by_area.min()).sum() == 1


def test_example_company_scores(built):
    rows = answer_rows(built["en"])
    # 8 Yes, 6 Partly, 3 No of 17 → (8 + 3) / 17
    assert answer(rows, "Overall compliance") == pytest.approx(11 / 17)
    # credit approval: Yes, Partly, Partly → 2 / 3; six areas below 60 %
    assert answer(rows, "Compliance of the Credit approval area") == pytest.approx(2 / 3)
    assert answer(rows, "Number of areas with compliance below 60%") == 6
    assert answer(rows, "Area with the lowest") == "Master-data changes"


def test_no_total_on_the_checklist_sheet_gives_an_answer_away(built):
    """Only the per-control scores and the first area of the working table are formulas."""
    for lang, sheet in (("id", "Kontrol Internal"), ("en", "Internal Controls")):
        cells = {c: v for (s, c), v in formula_cells(built[lang]).items() if s == sheet}
        cached = {round(float(v), 6) for f, v in cells.values() if "ISBLANK" not in f}
        answers = [r["answer"] for r in answer_rows(built[lang]) if r["sheet"] == sheet]
        numbers = [round(float(a), 6) for a in answers if not isinstance(a, str)]
        assert numbers and not set(numbers) & cached
        assert len([c for c in cells if c.startswith("H")]) == 17


def test_business_case_from_the_ledger(built):
    assert dso(200_000, 2_000_000, 365) == 36.5  # golden simple DSO (ar-domain.md)
    led = ledger_frame("id")
    period = (led["Tanggal Faktur"] >= "2024-10-01") & (led["Tanggal Faktur"] <= "2024-12-31")
    sales = led.loc[period, "Jumlah"].sum()  # net: the December credit note reduces it
    receivables = led["Sisa"].sum()
    current = receivables / sales * 92
    for lang in ("id", "en"):
        rows = [
            r for r in answer_rows(built[lang]) if r["sheet"] in ("Rencana Aksi", "Action Plan")
        ]
        now, target, per_day, released = (r["answer"] for r in rows)
        assert now == pytest.approx(current) and round(now, 1) == 78.0
        assert target == pytest.approx(current - 10)
        assert per_day == pytest.approx(sales / 92)
        assert released == pytest.approx(10 * sales / 92)
        assert released == pytest.approx(receivables - target * per_day)


def test_add_in_dso_cell_is_on_the_last_sheet(built):
    """``AR_DSO`` on the check sheet (last) reads the business case: AR, sales and days."""
    led = ledger_frame("en")
    period = (led["Invoice Date"] >= "2024-10-01") & (led["Invoice Date"] <= "2024-12-31")
    current = led["Balance"].sum() / led.loc[period, "Amount"].sum() * 92
    book = openpyxl.load_workbook(built["en"], data_only=True)
    cells = {k: v for k, v in formula_cells(built["en"]).items() if "AR_DSO" in v[0]}
    assert len(cells) == 1
    (sheet, _), (formula, cached) = next(iter(cells.items()))
    visible = [ws.title for ws in book.worksheets if ws.sheet_state == "visible"]
    assert sheet == "Check with xl-ar" == visible[-1]
    refs = formula.removeprefix("=AR_DSO(").removesuffix(")").split(",")
    ar, sales, days = (book["Action Plan"][r.split("!")[1]].value for r in refs)
    assert all(r.startswith("'Action Plan'!") for r in refs)
    assert days == 92 and ar == pytest.approx(led["Balance"].sum())
    assert cached == pytest.approx(current) == pytest.approx(ar / sales * 92)
    ar_on_plan = [f for (s, _), (f, _) in formula_cells(built["en"]).items() if s == "Action Plan"]
    assert not any("AR_" in f for f in ar_on_plan)


def test_action_plan_has_examples_and_empty_rows(built):
    ws = openpyxl.load_workbook(built["en"])["Action Plan"]
    header = [ws.cell(4, c).value for c in range(1, 9)]
    assert header[1].startswith("Objective") and header[-1] == "Status"
    filled = [ws.cell(r, 2).value for r in range(5, 8)]
    assert all(filled) and filled[0] == "Cut DSO by 10 days"
    shown = " ".join(str(ws.cell(r, c).value) for r in range(5, 8) for c in range(2, 9))
    assert "78" not in shown and "68" not in shown  # the DSO answers stay hidden
    assert all(ws.cell(r, 2).value is None for r in range(8, 13))
    assert len(answer_rows(built["en"])) >= 6


def test_order_hold_follows_the_strategy(built):
    ws = openpyxl.load_workbook(built["en"])["Internal Controls"]
    text = " ".join(str(ws.cell(r, 3).value) for r in range(5, 22))
    assert f"items {ORDER_HOLD_DPD} or more days past due (the Escalation stage)" in text
    assert "60 days overdue" not in text


def test_terms_and_hints_of_the_review(built):
    """Billing owns invoicing, the allowance has the term list's name, no hint is a formula and
    the id edition says "analisis manfaat (business case)"."""
    for lang, names in (
        ("id", ("Kontrol Internal", "Rencana Aksi", "Review Berkala", "Petunjuk")),
        ("en", ("Internal Controls", "Action Plan", "Periodic Review", "Instructions")),
    ):
        wb = openpyxl.load_workbook(built[lang])
        controls, plan, reviews, cover = (wb[n] for n in names)
        assert controls["F10"].value == pick(("Supervisor Billing", "Billing supervisor"), lang)
        assert pick(ALLOWANCE, lang).lower() in controls["C20"].value.lower()
        assert reviews["B10"].value == pick(ALLOWANCE, lang)
        hints = [plan.cell(r, 6).value for r in range(24, 28)]
        assert all(h and "/" not in h and not h.startswith("=") for h in hints[:3])
        if lang == "id":
            for cell in (cover["B11"], cover["B15"], plan["B14"]):
                assert "analisis manfaat (business case)" in cell.value.lower()
            text = " ".join(
                str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
            )
            assert "ECL" not in text and "PSAK 109" not in text
            text = text.lower().replace("analisis manfaat (business case)", "")
            assert "business case" not in text
