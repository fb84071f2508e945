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

from xl_ar.core.dso import dso
from xl_ar.workshop.data import ledger_frame

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
    compliance, missing, to_fix, weakest = (r["answer"] for r in first)
    assert compliance == pytest.approx(table["score"].mean())
    assert missing == (table["status"] == no).sum()
    assert to_fix == (table["score"] < 1).sum()
    by_area = table.groupby("area")["score"].mean()
    assert weakest == by_area.idxmin() and (by_area == by_area.min()).sum() == 1


def test_example_company_scores(built):
    rows = answer_rows(built["en"])
    # 8 Yes, 6 Partly, 3 No of 17 → (8 + 3) / 17
    assert answer(rows, "Overall compliance") == pytest.approx(11 / 17)
    assert answer(rows, "Area with the lowest") == "Master-data changes"


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


def test_add_in_dso_cell_reads_the_business_case_inputs(built):
    """``AR_DSO`` beside the business case: AR, sales and days cells, cached = the DSO."""
    led = ledger_frame("en")
    period = (led["Invoice Date"] >= "2024-10-01") & (led["Invoice Date"] <= "2024-12-31")
    current = led["Balance"].sum() / led.loc[period, "Amount"].sum() * 92
    cells = {k: v for k, v in formula_cells(built["en"]).items() if "AR_DSO" in v[0]}
    assert len(cells) == 1
    (sheet, cell), (formula, cached) = next(iter(cells.items()))
    ws = openpyxl.load_workbook(built["en"], data_only=True)[sheet]
    ar, sales, days = formula.removeprefix("=AR_DSO(").removesuffix(")").split(",")
    assert ws[days].value == 92 and ws[ar].value == pytest.approx(led["Balance"].sum())
    assert cached == pytest.approx(current) == pytest.approx(ws[ar].value / ws[sales].value * 92)
    assert not any("AR_DSO" in f or cell in f for f, _ in formula_cells(built["en"]).values()
                   if not f.startswith("=AR_"))  # fmt: skip


def test_action_plan_has_examples_and_empty_rows(built):
    ws = openpyxl.load_workbook(built["en"])["Action Plan"]
    header = [ws.cell(4, c).value for c in range(1, 9)]
    assert header[1].startswith("Objective") and header[-1] == "Status"
    filled = [ws.cell(r, 2).value for r in range(5, 8)]
    assert all(filled) and filled[0] == "Cut DSO from 78 to 68 days"
    assert all(ws.cell(r, 2).value is None for r in range(8, 13))
    assert len(answer_rows(built["en"])) >= 6
