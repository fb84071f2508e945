"""Module 1 workbook (AR foundations): the answer key against independent recomputations.

The ledger answers are recomputed from the sheet-shaped ledger with pandas (as a trainee's
SUMIF/COUNTIFS would) and from core functions other than the ones the module calls; the O2C
exercise must be a permutation of the cycle; the glossary answers must be glossary terms; no
answer is printed on the sheet that asks for it (``AR_*`` cells that give one are on the last
sheet); the shared terms (buckets, write-off, order hold) are the term list's.
"""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest
from workshop_fixtures import built_fixture, key_fixture
from workshop_tools import answer_rows, formula_cells

from xl_ar.core.metrics.summary import kpi_summary
from xl_ar.core.position.open_items import open_items
from xl_ar.workshop.book import Book, pick
from xl_ar.workshop.data import AS_OF, core_ledger, ledger_frame, payments_frame
from xl_ar.workshop.layout import autofit_rows
from xl_ar.workshop.module_1 import GLOSSARY, NAMED_CUSTOMER, O2C_STAGES, build
from xl_ar.workshop.terms import ALLOWANCE, BUCKETS, ORDER_HOLD_DPD, STAGES, WRITE_OFF

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
    assert names[:8] == [
        "Instructions", "O2C Cycle", "Glossary", "Data", "Customers", "Payments", "Practice",
        "Check with xl-ar",
    ]  # fmt: skip
    per_sheet = pd.Series([r["sheet"] for r in key]).value_counts().to_dict()
    assert per_sheet == {"Practice": 11, "O2C Cycle": 5, "Glossary": 3}
    id_rows = answer_rows(built["id"])
    assert [r["cell"] for r in id_rows] == [r["cell"] for r in key]
    assert openpyxl.load_workbook(built["id"]).sheetnames[:8] == [
        "Petunjuk", "Siklus O2C", "Glosarium", "Data", "Pelanggan", "Pembayaran", "Latihan",
        "Cek dengan xl-ar",
    ]  # fmt: skip


def test_ledger_totals_as_sumif_would_give_them(key, sheet_ledger):
    led = sheet_ledger
    invoices = led[led["Type"] == "Invoice"]
    credit_notes = led[led["Type"] == "Credit Note"]
    assert practice(key, 1) == pytest.approx(invoices["Amount"].sum())
    assert practice(key, 2) == len(invoices) == 80
    assert practice(key, 3) == pytest.approx(credit_notes["Amount"].sum())
    assert practice(key, 3) < 0
    # cash = Paid over ALL rows: an applied credit note's row is negative (it is not cash)
    assert practice(key, 4) == pytest.approx(led["Paid"].sum()) == 1_655_535_800
    assert practice(key, 4) == pytest.approx(payments_frame("en")["Amount"].sum())
    applied_notes = credit_notes["Paid"].sum()
    assert applied_notes < 0
    assert practice(key, 4) == pytest.approx(invoices["Paid"].sum() + applied_notes)
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


def test_o2c_and_glossary_use_the_course_terms(built):
    """The collection stage names module 3's worklist sheet; the allowance its PSAK 71 name."""
    for lang, o2c, glossary in (("id", "Siklus O2C", "Glosarium"), ("en", "O2C Cycle", "Glossary")):
        wb = openpyxl.load_workbook(built[lang])
        assert wb[o2c]["F5"].value == pick(
            ("Strategi penagihan berjenjang & Daftar Tagih harian",
             "Tiered strategy and a daily worklist"),
            lang,
        )  # fmt: skip
        definitions = [row[3].value or "" for row in wb[glossary].iter_rows()]
        assert any(pick(ALLOWANCE, lang).lower() in d.lower() for d in definitions)


def test_glossary_answers_are_glossary_terms(built, key):
    assert len(GLOSSARY) >= 15
    en_terms = {en for _, en, _ in GLOSSARY}
    id_terms = {idn for idn, _, _ in GLOSSARY}
    assert {r["answer"] for r in key if r["sheet"] == "Glossary"} <= en_terms
    id_rows = answer_rows(built["id"])
    assert {r["answer"] for r in id_rows if r["sheet"] == "Glosarium"} <= id_terms
    assert {"CEI", "Credit note", WRITE_OFF[1]} == {
        r["answer"] for r in key if r["sheet"] == "Glossary"
    }
    assert {r["answer"] for r in id_rows if r["sheet"] == "Glosarium"} == {
        "CEI", "Nota kredit", "Penghapusan piutang",
    }  # fmt: skip


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


def test_add_in_cells_give_the_aging_and_a_clean_data_check(built, sheet_ledger):
    """``AR_*`` cells: the worked example reads the over-90 total (no exercise asks for it);
    the total open balance and the named customer's balance are on the last sheet."""
    cells = formula_cells(built["en"])
    practice_cells = {f: v for (s, _), (f, v) in cells.items() if s == "Practice"}
    led = sheet_ledger
    days = (AS_OF - led["Due Date"]).dt.days
    over_90 = led.loc[days > 90, "Balance"].sum()
    aging = [v for f, v in practice_cells.items() if f.startswith("=INDEX(AR_AGING(")]
    assert aging == [pytest.approx(over_90)]
    assert [v for f, v in practice_cells.items() if f.startswith("=AR_CHECK(")] == ["OK"]
    check = {f: v for (s, _), (f, v) in cells.items() if s == "Check with xl-ar"}
    # header + one row per customer with an open balance + Total; Total is the 7th column
    owing = led.loc[led["Balance"] != 0, "Customer"].nunique()
    total = [v for f, v in check.items() if f.endswith(f",{owing + 2},7)")]
    assert total == [pytest.approx(led["Balance"].sum())] == [304_831_600.0]
    named = led.loc[led["Customer"] == NAMED_CUSTOMER, "Balance"].sum()
    assert pytest.approx(named) in list(check.values())
    assert openpyxl.load_workbook(built["en"]).sheetnames[-2] == "Check with xl-ar"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_answer_is_shown_on_the_sheet_that_asks_for_it(built, lang):
    """Numbers and names the exercises ask for appear nowhere else on their sheet."""
    rows = answer_rows(built[lang])
    wb = openpyxl.load_workbook(built[lang], data_only=True)
    for r in rows:
        answer = r["answer"]
        if isinstance(answer, str) or abs(answer) < 100:
            continue  # small counts and positions (1-7) recur as plain labels
        ws = wb[r["sheet"]]
        for row in ws.iter_rows():
            for cell in row:
                if cell.coordinate == r["cell"] or isinstance(cell.value, bool):
                    continue
                if isinstance(cell.value, (int, float)):
                    assert cell.value != pytest.approx(answer, abs=r["tol"] or 1e-9), (
                        r["question"],
                        cell.coordinate,
                    )


@pytest.mark.parametrize("lang", ["id", "en"])
def test_shared_terms(lang):
    """Bucket names, the write-off term and the order-hold threshold come from the term list."""
    book = build(lang)
    texts = [c.value for s in book.sheets for c in s.cells.values() if isinstance(c.value, str)]
    aging = next(t for t in texts if pick(BUCKETS["Current"], lang) in t and "61-90" in t)
    assert all(pick(name, lang) in aging for name in BUCKETS.values())
    assert not any("Lancar" in t for t in texts)
    credit_check = pick(O2C_STAGES[1][4], lang)
    assert str(ORDER_HOLD_DPD) in credit_check
    assert pick(STAGES["escalation"][0], lang) in credit_check
    assert pick(WRITE_OFF, lang) in texts
    cei = pick(next(d for idn, _, d in GLOSSARY if idn == "CEI"), lang)
    assert cei.count("(") >= 2 and "/" in cei  # the definition gives the formula


def test_o2c_stage_names_fit_their_column():
    """The stage names are bold, unwrapped text: column B is wide enough for the longest."""
    for lang in ("id", "en"):
        sh = build(lang).sheets[1]
        longest = max(len(pick(stage[0], lang)) for stage in O2C_STAGES)
        assert sh.widths[1] >= longest * 1.05


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
