"""Module 3 workbook (collections): the answer key against independent recomputations.

Each answer of the built workbook is recomputed here from the ledger with pandas, from the
golden example of the domain notes, or from the core function the module is about (worklist,
credit review, letters), and compared with the answer key the renderer wrote. Further tests
check that no sheet prints the answers it asks for, and that the letters sheet shows no raw
template syntax.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import openpyxl
import pandas as pd
import pytest
from workshop_fixtures import answer, built_fixture, key_fixture
from workshop_tools import answer_rows, formula_cells

from xl_ar.core.collections.letters import format_money, letter_text, long_date
from xl_ar.core.collections.worklist import worklist
from xl_ar.core.credit.credit_review import credit_review
from xl_ar.workshop.data import AS_OF, COMPANY, core_ledger
from xl_ar.workshop.module_3 import letter_contact
from xl_ar.workshop.module_3.context import course_strategy
from xl_ar.workshop.terms import RATINGS, STAGES

built = built_fixture("module_3")
key = key_fixture()  # the English answer key

SHEETS = {"id": ("Segmentasi", "Daftar Tagih", "Bunga", "Surat"),
          "en": ("Segmentation", "Worklist", "Interest", "Letters")}  # fmt: skip


@pytest.fixture(scope="module")
def ledger() -> pd.DataFrame:
    led = core_ledger("en")
    return led.assign(dpd=(AS_OF - led["due_date"]).dt.days)


def sheet_values(path, sheet: str) -> list[object]:
    """Every value a sheet shows: constants and the cached values of its formulas."""
    ws = openpyxl.load_workbook(path, data_only=True)[sheet]
    return [c.value for row in ws.iter_rows() for c in row if c.value not in (None, "")]


def test_enough_exercises_on_every_sheet(built, key):
    sheets = {r["sheet"] for r in key}
    assert {"Segmentation", "Strategy", "Worklist", "Interest", "Letters"} <= sheets
    assert len(key) >= 8
    id_rows = answer_rows(built["id"])
    assert [r["cell"] for r in id_rows] == [r["cell"] for r in key]


def test_golden_dunning_interest(key):
    # ar-domain.md: invoice 100, 15 days overdue, 10 % p.a., fee 10 → 0.41 / 10.41 / 110.41
    assert round(answer(key, "Late interest (textbook"), 2) == 0.41
    assert round(answer(key, "Dunning amount (interest + fee) (textbook"), 2) == 10.41
    assert round(answer(key, "Total the customer owes (textbook"), 2) == 110.41


def test_rupiah_interest_and_add_in_cell(built, key, ledger):
    # the exercise: UD Duta Utama's newest past-due invoice (its oldest, 104 days, is on the
    # worklist), at the Legal stage's 12 % p.a.
    row = ledger[ledger["invoice"] == "INV/2024/09/0005"].iloc[0]
    assert row["customer"] == "UD Duta Utama" and row["dpd"] == 43
    assert answer(key, "Days past due at") == 43
    assert answer(key, "Late interest (Rp)") == pytest.approx(16_757_000 * 0.12 / 365 * 43)
    cells = formula_cells(built["en"])
    ar = [v for (s, _), v in cells.items() if s == "Interest" and "AR_INTEREST" in v[0]]
    assert len(ar) == 1
    # worked example: CV Makmur Teknik INV/2024/09/0001: Rp 14,552,100, 74 days, 12 % p.a.
    assert ar[0][1] == pytest.approx(14_552_100 * 0.12 / 365 * 74)


def test_segmentation_answers(key, ledger):
    open_ = ledger[ledger["balance"].abs() > 0.005]
    old = open_[(open_["dpd"] > 60) & ~open_["disputed"]]
    assert answer(key, "Open balance more than 60") == pytest.approx(old["balance"].sum())
    assert answer(key, "Open balance more than 60") == 9_431_100 + 14_552_100
    big = open_[(open_["dpd"] >= 1) & (open_["balance"] >= 10_000_000)]
    assert answer(key, "Number of open invoices past due") == len(big) == 4
    chased = open_[(open_["dpd"] >= 1) & ~open_["disputed"] & (open_["balance"] > 0)]
    weighted = (chased["dpd"] * chased["balance"]).sum() / chased["balance"].sum()
    assert answer(key, "Balance-weighted average days past due") == pytest.approx(weighted)
    assert round(weighted, 1) == 56.7
    poor = ["UD Duta Utama", "CV Makmur Teknik"]
    poor_chased = chased.loc[chased["customer"].isin(poor), "balance"].sum()
    poor_open = open_.loc[open_["customer"].isin(poor), "balance"].sum()
    assert poor_chased == 14_552_100 + 30_245_300 and poor_open == 14_552_100 + 43_233_400
    assert answer(key, "Share of the open balance of the customers rated Poor") == (
        pytest.approx(poor_chased / poor_open)
    )


def test_weighted_and_simple_days_late(key, ledger):
    settled = ledger[
        (ledger["doc_type"] == "invoice")
        & ledger["payment_date"].notna()
        & (ledger["balance"] == 0)
    ]
    late = (settled["payment_date"] - settled["due_date"]).dt.days.clip(lower=0)
    mine = settled["customer"] == "UD Duta Utama"
    simple = late[mine].mean()
    weighted = (late[mine] * settled.loc[mine, "amount"]).sum() / settled.loc[mine, "amount"].sum()
    assert answer(key, "Simple (unweighted) average days late of UD Duta Utama") == (
        pytest.approx(simple)
    )
    assert round(simple, 1) == 81.1 and round(weighted, 1) == 85.5


@pytest.mark.parametrize("lang", ["id", "en"])
def test_segmentation_ratings_are_the_worklist_ratings(built, lang):
    """Column G of table C (a native formula) caches the core's rating, as the worklist shows it."""
    segmentation, worklist_sheet = SHEETS[lang][0], SHEETS[lang][1]
    book = openpyxl.load_workbook(built[lang], data_only=True)
    ws = book[segmentation]
    shown = {}
    for r in range(1, ws.max_row + 1):
        rating = ws.cell(r, 7).value
        if ws.cell(r, 1).value and rating in {
            v[0 if lang == "id" else 1] for v in RATINGS.values()
        }:
            shown[ws.cell(r, 1).value] = rating
    review = credit_review([["Customer", "Credit Limit"]], core_ledger(lang), AS_OF)
    names = {k: v[0 if lang == "id" else 1] for k, v in RATINGS.items()}
    assert shown == dict(zip(review["customer"], review["payer_rating"].map(names), strict=True))
    wl = book[worklist_sheet]
    for r in range(5, 10):
        assert wl.cell(r, 5).value == shown[wl.cell(r, 1).value]


def test_strategy_stages_follow_the_default_strategy(built):
    # default strategy: early 1-15, overdue 16-45, escalation 46-90, legal 91-180 (min Rp 5 m),
    # write-off 181+; 120 days with only Rp 3 m overdue stays at escalation
    expected = ["early", "overdue", "escalation", "write_off", "escalation"]
    for i, lang in enumerate(("id", "en")):
        key_of = {names[0][i]: k for k, names in STAGES.items()}
        rows = [r for r in answer_rows(built[lang]) if r["sheet"] in ("Strategi", "Strategy")]
        assert [key_of[r["answer"]] for r in rows] == expected


def test_strategy_table_uses_the_term_list(built):
    ws = openpyxl.load_workbook(built["en"])["Strategy"]
    names = [ws.cell(r, 1).value for r in range(5, 11)]
    assert names == [v[0][1] for v in STAGES.values()]
    owners = [ws.cell(r, 5).value for r in range(5, 11)]
    assert owners == [v[2][1] for v in STAGES.values()]
    rates = [ws.cell(r, 8) for r in range(5, 11)]
    assert [c.value for c in rates] == [0, 0, 0, 0.12, 0.12, 0]
    assert all(c.number_format == "0.0%" for c in rates)
    shown = " ".join(str(v) for v in sheet_values(built["en"], "Strategy"))
    assert "write_off" not in shown and "preventive" not in shown and " / phone" not in shown


def test_worklist_answers(key, ledger):
    wl = worklist(core_ledger("en"), AS_OF, lang="en")
    assert list(wl["customer"][:2]) == ["UD Duta Utama", "CV Makmur Teknik"]
    assert answer(key, "Priority points of CV Makmur Teknik") == pytest.approx(
        20 * 14_552_100 / 30_245_300
    )
    chased = ledger[~ledger["disputed"] & (ledger["balance"] > 0)]
    held = chased[chased["dpd"] >= 46]
    assert answer(key, "Undisputed invoices 46 or more days past due") == len(held) == 4
    soon = ledger[(ledger["dpd"] >= -7) & (ledger["dpd"] <= 0) & ~ledger["disputed"]]
    due_soon = soon.loc[soon["balance"] > 0, "balance"].sum()
    assert due_soon == 123_940_400
    assert answer(key, "Undisputed invoices falling due") == pytest.approx(due_soon)
    overdue = wl.loc[wl["action_date"] <= AS_OF + pd.Timedelta(days=7), "overdue"].sum()
    assert answer(key, "This week's collection target") == pytest.approx(overdue + due_soon)
    duta = chased[chased["customer"] == "UD Duta Utama"]
    old = duta.loc[duta["dpd"] > 90, "balance"].sum()
    assert old == 9_431_100
    assert answer(key, "Share of UD Duta Utama's overdue amount") == pytest.approx(
        old / wl["overdue"].iloc[0]
    )


def test_hints_name_functions_not_answer_formulas(built):
    for lang in ("id", "en"):
        book = openpyxl.load_workbook(built[lang])
        worklist_sheet, interest = book[SHEETS[lang][1]], book[SHEETS[lang][2]]
        assert not worklist_sheet["F19"].value.startswith("=")
        assert "MAX" in worklist_sheet["F19"].value
        assert not interest["D11"].value.startswith("=")


def test_worklist_priority_is_a_formula_on_its_inputs(built):
    """Priority = 60 × risk + 20 × overdue / max + 20 × min(DPD, 180) / 180, from the columns."""
    wl = worklist(core_ledger("en"), AS_OF, lang="en")
    wl = wl[wl["stage"] != "dispute"]  # issue 15 review 17: the exercise ranks the dunned rows
    cells = formula_cells(built["en"])
    book = openpyxl.load_workbook(built["en"], data_only=True)["Worklist"]
    for i, rec in enumerate(wl.itertuples(index=False)):
        r = 5 + i
        formula, cached = cells[("Worklist", f"K{r}")]
        assert formula.startswith(f"=ROUND(60*F{r}+20*C{r}/MAX(")
        assert cached == rec.priority
        risk, overdue, dpd = (book.cell(r, c).value for c in (6, 3, 4))
        assert overdue == rec.overdue and dpd == rec.oldest_dpd
        score = 60 * risk + 20 * overdue / wl["overdue"].max() + 20 * min(max(dpd, 0), 180) / 180
        assert round(score, 1) == rec.priority


def test_disputed_invoices_are_listed_apart(built):
    values = sheet_values(built["en"], "Worklist")
    assert "Disputed invoices (out of the dunning run)" in values
    assert "INV/2024/07/0001" in values  # PT Agung Sentosa, Rp 23,687,000, not in the worklist
    assert "PT Agung Sentosa" in values


def shown(value: float, lang: str) -> str:
    """Rupiah as the letters write it: Rp 1.234.567 (id) or Rp 1,234,567 (en)."""
    return format_money(value, lang)


def test_letter_numbers_are_the_letters(built):
    for lang in ("id", "en"):
        rows = [r for r in answer_rows(built[lang]) if r["sheet"] in ("Surat", "Letters")]
        count, interest, payable, pay_by = (r["answer"] for r in rows)
        legal = letter_text(
            core_ledger(lang), "UD Duta Utama", AS_OF, lang=lang, company=COMPANY,
            contact=letter_contact("legal", lang), strategy=course_strategy(),
        )  # fmt: skip  # issue 15: the course contract's 12 % (the core default is none)
        assert shown(interest, lang) in legal and shown(payable, lang) in legal
        assert legal.count("INV/2024/") == count == 3
        # three overdue invoices, interest 12 % p.a. rounded per invoice
        assert interest == 322_466 + 64_026 + 236_893
        assert payable == 30_245_300 + interest
        reminder = letter_text(core_ledger(lang), "PT Berkah Abadi", AS_OF, lang=lang)
        assert pay_by == dt.datetime(2025, 1, 1)
        assert long_date(pay_by, lang) in reminder


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_sheet_prints_its_own_answers(built, lang):
    """No number, amount or date an exercise asks for shows on the sheet that asks it."""
    rows = answer_rows(built[lang])
    for sheet in SHEETS[lang]:
        values = sheet_values(built[lang], sheet)
        numbers = np.array([float(v) for v in values if isinstance(v, (int, float))])
        texts = " ".join(v for v in values if isinstance(v, str))
        for row in (r for r in rows if r["sheet"] == sheet):
            got = row["answer"]
            if isinstance(got, dt.datetime):
                assert long_date(got, lang) not in texts, (sheet, row["question"])
            elif isinstance(got, (int, float)) and (not float(got).is_integer() or got > 10):
                hit = np.isclose(numbers, float(got), rtol=0, atol=row["tol"])
                assert not hit.any(), (sheet, row["question"])
                if row["tol"] == 1.0:  # money: nor written in a letter or a note
                    assert shown(round(float(got)), lang) not in texts, (sheet, row["question"])


def test_interest_exercise_is_not_printed_anywhere(built):
    for lang in ("id", "en"):
        rows = answer_rows(built[lang])
        interest = next(r["answer"] for r in rows if r["cell"] == "B31")
        assert interest == pytest.approx(16_757_000 * 0.12 / 365 * 43)
        for sheet in SHEETS[lang]:
            text = " ".join(str(v) for v in sheet_values(built[lang], sheet))
            assert shown(round(interest), lang) not in text
        letters = " ".join(str(v) for v in sheet_values(built[lang], SHEETS[lang][3]))
        assert "INV/2024/09/0005" not in letters


@pytest.mark.parametrize("lang", ["id", "en"])
def test_letters_show_no_template_syntax_and_use_a_fixed_width_font(built, lang):
    ws = openpyxl.load_workbook(built[lang])[SHEETS[lang][3]]
    texts = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    joined = " ".join(c.value for c in texts)
    assert "{" not in joined and "}" not in joined
    assert not any(f"[{k}]" in joined for k in STAGES)
    assert "«" in joined  # readable field markers, explained in the legend
    table = [c for c in texts if c.value.startswith(("INV/2024/09/0001", "----"))]
    assert table and all(c.font.name == "Consolas" for c in table)
    # the amount is said once: no "Rp 354.035, Rp 354.035" / "Rp 354,035, Rp 354,035 in total"
    money = shown(354_035, lang)
    assert f"{money}, {money}" not in joined and f"menjadi {money}" not in joined
    # the worked letter is signed by the escalation stage's owner; the somasi by its owner
    i = 0 if lang == "id" else 1
    owner = STAGES["escalation"][2][i]
    assert any(c.value.lower() == owner.lower() for c in texts)
    signature = ("Tanda tangan", "Signature")[i]
    assert f"«{signature}: {STAGES['legal'][2][i]}»" in joined
