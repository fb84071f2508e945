"""Module 3 workbook (collections): the answer key against independent recomputations.

Each answer of the built workbook is recomputed here from the ledger with pandas, from the
golden example of the domain notes, or from the core function the module is about (worklist,
letters), and compared with the answer key the renderer wrote.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from workshop_fixtures import answer, built_fixture, key_fixture
from workshop_tools import answer_rows, formula_cells

from xl_ar.core.letters import letter_text
from xl_ar.core.strategy import stage_key
from xl_ar.core.worklist import worklist
from xl_ar.workshop.data import AS_OF, COMPANY, core_ledger
from xl_ar.workshop.module_3 import CONTACT

built = built_fixture("module_3")
key = key_fixture()  # the English answer key


@pytest.fixture(scope="module")
def ledger() -> pd.DataFrame:
    led = core_ledger("en")
    return led.assign(dpd=(AS_OF - led["due_date"]).dt.days)


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
    row = ledger[ledger["invoice"] == "INV/2024/07/0006"].iloc[0]
    assert row["dpd"] == 104
    assert answer(key, "Days past due at") == 104
    assert answer(key, "Late interest (Rp)") == pytest.approx(9_431_100 * 0.12 / 365 * 104)
    cells = formula_cells(built["en"])
    ar = [v for (s, _), v in cells.items() if s == "Interest" and "AR_INTEREST" in v[0]]
    assert len(ar) == 1
    # CV Makmur Teknik INV/2024/09/0001: Rp 14,552,100, 74 days, 12 % p.a. (escalation), no fee
    assert ar[0][1] == pytest.approx(14_552_100 * 0.12 / 365 * 74)


def test_segmentation_answers(key, ledger):
    open_ = ledger[ledger["balance"].abs() > 0.005]
    assert answer(key, "Open balance more than 60") == pytest.approx(
        open_.loc[open_["dpd"] > 60, "balance"].sum()
    )
    assert answer(key, "Share of the open balance that is past due") == pytest.approx(
        open_.loc[open_["dpd"] >= 1, "balance"].sum() / open_["balance"].sum()
    )
    assert answer(key, "Number of past-due items of Rp 10 m") == 4
    buckets = pd.cut(
        open_["dpd"], [0, 30, 60, 90, np.inf], labels=["1-30", "31-60", "61-90", ">90"]
    )
    assert (
        answer(key, "Past-due age bucket")
        == open_.groupby(buckets, observed=True)["balance"].sum().idxmax()
    )


def test_payment_profile(key, ledger):
    settled = ledger[
        (ledger["doc_type"] == "invoice")
        & ledger["payment_date"].notna()
        & (ledger["balance"] == 0)
    ]
    late = (settled["payment_date"] - settled["due_date"]).dt.days.clip(lower=0)
    average = late.groupby(settled["customer"]).mean()
    assert average.idxmax() == "UD Duta Utama" and average.max() > 30
    assert answer(key, "Payment profile with the largest") == "Chronic late"


def test_strategy_stages_follow_the_default_strategy(built, key):
    # default strategy: early 1-15, overdue 16-45, escalation 46-90, legal 91-180 (min Rp 5 m),
    # write-off 181+; 120 days with only Rp 3 m overdue stays at escalation
    expected = ["early", "overdue", "escalation", "write_off", "escalation"]
    for lang in ("id", "en"):
        rows = [r for r in answer_rows(built[lang]) if r["sheet"] in ("Strategi", "Strategy")]
        assert [stage_key(r["answer"]) for r in rows] == expected


def test_worklist_answers(key, ledger):
    wl = worklist(core_ledger("en"), AS_OF, lang="en")
    assert answer(key, "Customer with the highest priority") == wl["customer"].iloc[0]
    assert answer(key, "Customers at the Escalation stage") == 3
    soon = ledger[(ledger["dpd"] >= -7) & (ledger["dpd"] <= 0) & ~ledger["disputed"]]
    due_soon = soon.loc[soon["balance"] > 0, "balance"].sum()
    assert due_soon == 123_940_400
    assert answer(key, "Undisputed invoices falling due") == pytest.approx(due_soon)
    overdue = wl.loc[wl["action_date"] <= AS_OF + pd.Timedelta(days=7), "overdue"].sum()
    assert answer(key, "This week's collection target") == pytest.approx(overdue + due_soon)
    assert answer(key, "Share of the overdue amount") == pytest.approx(
        wl["overdue"].iloc[0] / wl["overdue"].sum()
    )


def shown(value: float, lang: str) -> str:
    """Rupiah as the letters write it: Rp 1.234.567 (id) or Rp 1,234,567 (en)."""
    text = f"Rp {value:,.0f}"
    return text.replace(",", ".") if lang == "id" else text


def test_letter_numbers_are_the_letters(built):
    for lang in ("id", "en"):
        rows = answer_rows(built[lang])
        interest, payable, pay_by = (
            r["answer"] for r in rows if r["sheet"] in ("Surat", "Letters")
        )
        contact = {k: v[0] if lang == "id" else v[1] for k, v in CONTACT.items()}
        text = letter_text(
            core_ledger(lang), "UD Duta Utama", AS_OF, lang=lang, company=COMPANY, contact=contact
        )
        assert shown(interest, lang) in text and shown(payable, lang) in text
        assert pay_by == pd.Timestamp("2025-01-07")
        # three overdue invoices, interest 12 % p.a. rounded per invoice
        assert interest == 322_466 + 64_026 + 236_893
        assert payable == 30_245_300 + interest
