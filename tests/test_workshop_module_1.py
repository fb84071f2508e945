"""Module 1 workbook (AR foundations): the answer key against independent recomputations.

The ledger answers are recomputed from the sheet-shaped ledger with pandas (as a trainee's
SUMIF/COUNTIFS would) and from core functions other than the ones the module calls; the O2C
exercise must be a permutation of the cycle; the glossary answers must be glossary terms.
"""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest
from workshop_fixtures import built_fixture, key_fixture
from workshop_tools import answer_rows, formula_cells

from xl_ar.core.open_items import open_items
from xl_ar.core.summary import kpi_summary
from xl_ar.workshop.book import Book
from xl_ar.workshop.data import AS_OF, core_ledger, ledger_frame
from xl_ar.workshop.layout import autofit_rows
from xl_ar.workshop.module_1 import GLOSSARY, NAMED_CUSTOMER, O2C_STAGES

built = built_fixture("module_1")
key = key_fixture()  # the English answer key


def practice(rows: list[dict], number: int) -> object:
    """Answer of practice question ``number`` (1-based, in sheet order)."""
    return [r["answer"] for r in rows if r["sheet"] == "Practice"][number - 1]


@pytest.fixture(scope="module")
def sheet_ledger() -> pd.DataFrame:
    """The ledger exactly as the Data sheet shows it (English headers)."""
    return ledger_frame("en")


def test_sheets_and_exercise_counts(built, key):
    names = openpyxl.load_workbook(built["en"]).sheetnames
    assert names[:7] == [
        "Instructions", "O2C Cycle", "Glossary", "Data", "Customers", "Payments", "Practice",
    ]  # fmt: skip
    per_sheet = pd.Series([r["sheet"] for r in key]).value_counts().to_dict()
    assert per_sheet == {"Practice": 11, "O2C Cycle": 5, "Glossary": 3}
    id_rows = answer_rows(built["id"])
    assert [r["cell"] for r in id_rows] == [r["cell"] for r in key]
    assert openpyxl.load_workbook(built["id"]).sheetnames[:4] == [
        "Petunjuk", "Siklus O2C", "Glosarium", "Data",
    ]  # fmt: skip


def test_ledger_totals_as_sumif_would_give_them(key, sheet_ledger):
    led = sheet_ledger
    invoices = led[led["Type"] == "Invoice"]
    credit_notes = led[led["Type"] == "Credit Note"]
    assert practice(key, 1) == pytest.approx(invoices["Amount"].sum())
    assert practice(key, 2) == len(invoices) == 80
    assert practice(key, 3) == pytest.approx(credit_notes["Amount"].sum())
    assert practice(key, 3) < 0
    assert practice(key, 4) == pytest.approx(invoices["Paid"].sum())
    assert practice(key, 5) == pytest.approx(304_831_600.0)  # the data module's golden total
    assert practice(key, 6) == int((led["Balance"] != 0).sum()) == 17


def test_overdue_and_customer_answers(key, sheet_ledger):
    led = sheet_ledger
    overdue = led[(led["Due Date"] < AS_OF) & (led["Balance"] > 0)]
    assert practice(key, 7) == len(overdue)
    by_customer = led.groupby("Customer")["Balance"].sum()
    assert practice(key, 8) == pytest.approx(by_customer[NAMED_CUSTOMER])
    assert practice(key, 9) == by_customer.idxmax() == "PT Berkah Abadi"
    assert practice(key, 10) == pytest.approx(led.loc[led["Disputed"] == "Yes", "Balance"].sum())


def test_disputed_and_past_due_share_from_other_core_paths(key):
    led = core_ledger("en")
    with_disputes = open_items(led, AS_OF)["outstanding"].sum()
    without = open_items(led, AS_OF, include_disputed=False)["outstanding"].sum()
    assert practice(key, 10) == pytest.approx(with_disputes - without)
    share = kpi_summary(led, AS_OF)["past_due_pct"]
    assert practice(key, 11) == pytest.approx(share)
    assert 0 < practice(key, 11) < 1


def test_o2c_positions_complete_the_cycle(built, key):
    rows = [r for r in key if r["sheet"] == "O2C Cycle"]
    ws = openpyxl.load_workbook(built["en"])["O2C Cycle"]
    given = [
        ws.cell(r, 7).value
        for r in range(5, 5 + len(O2C_STAGES))
        if isinstance(ws.cell(r, 7).value, (int, float))
    ]
    positions = sorted([*given, *(r["answer"] for r in rows)])
    assert positions == list(range(1, len(O2C_STAGES) + 1))
    for r in rows:  # the question names the stage at that position of the cycle
        stage = O2C_STAGES[int(r["answer"]) - 1][0][1]
        assert f"'{stage}'" in r["question"]


def test_glossary_answers_are_glossary_terms(built, key):
    assert len(GLOSSARY) >= 15
    en_terms = {en for _, en, _ in GLOSSARY}
    id_terms = {idn for idn, _, _ in GLOSSARY}
    assert {r["answer"] for r in key if r["sheet"] == "Glossary"} <= en_terms
    id_rows = answer_rows(built["id"])
    assert {r["answer"] for r in id_rows if r["sheet"] == "Glosarium"} <= id_terms
    assert {"CEI", "Credit note", "Write-off"} == {
        r["answer"] for r in key if r["sheet"] == "Glossary"
    }


def test_worked_examples_carry_core_values(built, sheet_ledger):
    cells = formula_cells(built["en"])
    practice_cells = {c: v for (s, c), v in cells.items() if s == "Practice"}
    by_function = {f.split("(")[0]: cached for f, cached in practice_cells.values()}
    assert by_function["=SUMPRODUCT"] == sheet_ledger["Customer"].nunique() == 8
    assert by_function["=COUNTA"] == len(sheet_ledger)
    december = sheet_ledger[
        (sheet_ledger["Type"] == "Invoice") & (sheet_ledger["Invoice Date"] >= "2024-12-01")
    ]
    assert by_function["=SUMIFS"] == pytest.approx(december["Amount"].sum())


def test_add_in_examples_give_the_open_balance_and_a_clean_data_check(built, sheet_ledger):
    """The ``AR_*`` worked examples: the Total cell of ``AR_AGING`` and ``AR_CHECK`` = OK."""
    cells = {f: v for (s, _), (f, v) in formula_cells(built["en"]).items() if s == "Practice"}
    aging = [v for f, v in cells.items() if f.startswith("=INDEX(AR_AGING(")]
    assert aging == [pytest.approx(sheet_ledger["Balance"].sum())] == [304_831_600.0]
    # header + one row per customer with an open balance + Total; Total is the 7th column
    owing = sheet_ledger.loc[sheet_ledger["Balance"] != 0, "Customer"].nunique()
    assert any(f.endswith(f",{owing + 2},7)") for f in cells if "AR_AGING" in f)
    assert [v for f, v in cells.items() if f.startswith("=AR_CHECK(")] == ["OK"]


def test_data_sheet_is_an_excel_table(built):
    wb = openpyxl.load_workbook(built["id"])
    assert "tblPiutang" in wb["Data"].tables
    assert "tblPelanggan" in wb["Pelanggan"].tables
    assert "tblPembayaran" in wb["Pembayaran"].tables


def test_autofit_rows_grows_wrapped_rows_only():
    book = Book("x", "en", "X")
    sh = book.sheet("S")
    sh.width(0, [10, 40])
    sh.write("A1", "short", "wrap")
    sh.write("A2", "a longer text that needs three lines", "wrap")
    sh.write("A3", "a longer text that is not wrapped at all", "text")
    sh.merge("A4:B4", "x" * 60, "note")
    autofit_rows(sh)
    assert sh.row_heights == {1: 60.0, 3: 30.0}
