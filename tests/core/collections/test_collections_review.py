"""Issue 15 review, collections (findings 11, 14, 17, 18, 20, 21, 24): disputed overdue money
keeps an owner and a true reason, the worklist's next actions claim no earlier reminder, a
final demand obeys the legal stage's minimum amount, English says "Formal demand letter"."""

from __future__ import annotations

import datetime as dt
import tempfile

import pandas as pd
import pytest

from xl_ar.core.collections.letters import LetterWriter, letter_run, letter_text
from xl_ar.core.collections.strategy import (
    DEFAULT_STRATEGY,
    default_strategy,
    final_demand_minimum,
    strategy_table,
)
from xl_ar.core.collections.worklist import assess, worklist
from xl_ar.errors import XlArError

AS_OF = "2024-12-31"
HEAD = ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Disputed"]
# the review's stages.csv: one customer per stage, a small write-off, an all-disputed one
STAGES = [
    HEAD,
    ["PT Pre", "P1", "2024-12-01", "2025-01-03", 1_000_000.0, "No"],
    ["PT Early", "E1", "2024-11-20", "2024-12-20", 2_000_000.0, "No"],
    ["PT Over", "O1", "2024-10-20", "2024-11-20", 3_000_000.0, "No"],
    ["PT Esc", "S1", "2024-09-01", "2024-10-01", 4_000_000.0, "No"],
    ["PT Legal", "L1", "2024-07-01", "2024-08-01", 6_000_000.0, "No"],
    ["PT LegalSmall", "LS1", "2024-07-01", "2024-08-01", 1_000_000.0, "No"],
    ["PT WriteOff", "W1", "2023-01-01", "2023-02-01", 500_000_000.0, "No"],
    ["PT WOsmall", "W2", "2023-06-01", "2023-07-01", 10_000.0, "No"],
    ["PT Disp", "D1", "2024-01-01", "2024-02-01", 7_000_000.0, "Yes"],
    ["PT Mixed", "M1", "2024-01-01", "2024-02-01", 7_000_000.0, "Yes"],
    ["PT Mixed", "M2", "2024-11-01", "2024-12-01", 1_000_000.0, "No"],
]


# ---------------------------------------------------------------- 17: disputes keep an owner


def test_all_disputed_customer_is_a_worklist_row_with_the_dispute_as_next_action():
    for lang, channel, owner, action in (
        ("en", "Phone + meeting", "AR manager",
         "Resolve the dispute: every overdue invoice is disputed"),
        ("id", "Telepon + pertemuan", "Manajer AR",
         "Selesaikan sengketa: semua faktur lewat jatuh tempo disengketakan"),
    ):  # fmt: skip
        wl = worklist(STAGES, AS_OF, lang=lang)
        assert wl["customer"].tolist()[-1] == "PT Disp" and len(wl) == 10
        disp = wl.iloc[-1]
        assert (disp["open"], disp["overdue"], disp["disputed"], disp["oldest_dpd"]) == (
            7_000_000.0, 0.0, 7_000_000.0, 334.0,
        )  # fmt: skip
        assert (disp["stage"], disp["channel"], disp["owner"], disp["next_action"]) == (
            "dispute", channel, owner, action,
        )  # fmt: skip
        assert disp["action_date"] == pd.Timestamp(AS_OF) and pd.isna(disp["priority"])
        # a customer with undisputed overdue money too stays in its dunning stage
        mixed = wl.set_index("customer").loc["PT Mixed"]
        assert (mixed["stage"], mixed["overdue"], mixed["disputed"]) == (
            "overdue", 1_000_000.0, 7_000_000.0,
        )  # fmt: skip


def test_disputes_follow_the_ranked_rows_largest_first_and_a_paused_one_stays_out():
    rows = [
        HEAD,
        ["PT Kecil", "K1", "2024-06-01", "2024-07-01", 100.0, "Yes"],
        ["PT Besar", "B1", "2024-10-01", "2024-11-01", 900.0, "Yes"],
        ["PT Janji", "J1", "2024-06-01", "2024-07-01", 500.0, "Yes"],
        ["PT Biasa", "X1", "2024-11-01", "2024-12-01", 50.0, "No"],
    ]
    promises = [["Customer", "Promise Date"], ["PT Janji", dt.datetime(2025, 1, 10)]]
    wl = worklist(rows, AS_OF, promises=promises, lang="en")
    assert wl["customer"].tolist() == ["PT Biasa", "PT Besar", "PT Kecil"]
    assert wl["oldest_dpd"].tolist() == [30.0, 60.0, 183.0]
    assert wl["stage"].tolist() == ["overdue", "dispute", "dispute"]
    only = worklist(rows[:2], AS_OF, lang="en")  # nothing to dun: the dispute alone
    assert only[["customer", "stage", "disputed"]].values.tolist() == [
        ["PT Kecil", "dispute", 100.0]
    ]


# ---------------------------------------------------------------- 11: letters plan amount


def test_letter_plan_shows_the_disputed_overdue_amount_with_the_reason():
    writer = LetterWriter(assess(STAGES, AS_OF), "en", None, None, None, 7)
    plan = writer.plan().set_index("customer")
    assert plan.loc["PT Disp", ["overdue", "reason"]].tolist() == [
        7_000_000.0,
        "every overdue invoice is disputed",
    ]
    plan_id = writer.plan("id").set_index("customer")
    assert plan_id.loc["PT Disp", "reason"] == (
        "semua faktur lewat jatuh tempo sedang disengketakan"
    )


# ---------------------------------------------------------------- 14: AR_LETTER's reason


def test_letter_of_an_all_disputed_customer_says_so():
    with pytest.raises(XlArError) as err:
        letter_text(STAGES, "PT Disp", AS_OF, lang="en")
    assert str(err.value) == (
        "customer 'PT Disp' needs no letter on 2024-12-31 (every overdue invoice is disputed: "
        "Rp 7,000,000): resolve the dispute first"
    )


def test_letter_of_a_customer_below_every_minimum_says_so():
    strategy = [["Stage", "Min DPD", "Max DPD", "Min Amount"], ["early", 1, 30, 1_000],
                ["overdue", 31, None, 1_000]]  # fmt: skip
    rows = [HEAD, ["PT Kecil", "K1", "2024-11-01", "2024-12-01", 10.0, "No"]]
    with pytest.raises(XlArError) as err:
        letter_text(rows, "PT Kecil", AS_OF, strategy=strategy, lang="en")
    assert str(err.value) == (
        "customer 'PT Kecil' needs no letter on 2024-12-31 (overdue amount below the minimum "
        "amount of every stage): give a stage to write one anyway"
    )


# ---------------------------------------------------------------- 20: final demand minimum


def test_final_demand_minimum_is_the_legal_stages_unless_write_off_has_its_own():
    assert final_demand_minimum(DEFAULT_STRATEGY) == 5_000_000.0
    own = default_strategy()
    own.loc[own["stage"] == "write_off", "min_amount"] = 250.0
    assert final_demand_minimum(own) == 250.0
    assert final_demand_minimum(default_strategy()[lambda f: f["stage"] != "legal"]) == 0.0


def test_small_write_off_balance_gets_no_final_demand_and_is_listed():
    with tempfile.TemporaryDirectory() as folder:
        run = letter_run(STAGES, AS_OF, folder, lang="en")
        names = [p.name for p in run.paths]
    assert "002_PT_WOsmall_write_off_en.txt" not in names and len(names) == 8
    assert run.summary() == (
        "9 customers overdue: 7 letters written, and 1 pre-due reminder; 2 got no letter:\n"
        "  PT WOsmall (below the minimum amount for a final demand: Rp 5,000,000)\n"
        "  PT Disp (every overdue invoice is disputed)"
    )
    writer = LetterWriter(assess(STAGES, AS_OF), "id", None, None, None, 7)
    assert writer.plan().set_index("customer").loc["PT WOsmall", "reason"] == (
        "di bawah jumlah minimal untuk tagihan terakhir: Rp 5.000.000"
    )
    with pytest.raises(XlArError) as err:
        letter_text(STAGES, "PT WOsmall", AS_OF, lang="en")
    assert str(err.value) == (
        "customer 'PT WOsmall' gets no final demand on 2024-12-31: overdue Rp 10,000 is below "
        "the minimum amount for a final demand (Rp 5,000,000): give a stage to write a letter "
        "anyway"
    )
    chosen = letter_text(STAGES, "PT WOsmall", AS_OF, stage="write_off", lang="en")
    assert "Subject: Final demand before legal action" in chosen  # a stage given: written


def test_small_write_off_balance_worklist_action_is_the_review_only():
    en = worklist(STAGES, AS_OF, lang="en").set_index("customer")
    ind = worklist(STAGES, AS_OF, lang="id").set_index("customer")
    assert en.loc["PT WOsmall", "next_action"] == (
        "Review for write-off and the loss allowance (below the minimum amount for a final demand)"
    )
    assert ind.loc["PT WOsmall", "next_action"] == (
        "Tinjau untuk penghapusan piutang dan cadangan kerugian (di bawah jumlah minimal untuk "
        "tagihan terakhir)"
    )
    assert en.loc["PT WriteOff", "next_action"] == (
        "Send a final demand before legal action; review for write-off and the loss allowance"
    )


# ---------------------------------------------------------------- 18, 24: neutral actions


def test_default_next_actions_claim_no_earlier_reminder_in_either_language():
    en = strategy_table(lang="en")
    ind = strategy_table(lang="id")
    assert en["Action"].tolist()[1:5] == [
        "Send a payment reminder letter and call the customer",
        "Call and send a payment reminder letter; ask for a promise to pay",
        "Send a payment demand letter; consider holding new orders; visit the customer",
        "Hand over to a lawyer or collection agency; send a formal demand letter",
    ]
    assert ind["Tindakan"].tolist()[1:5] == [
        "Kirim surat pengingat pembayaran dan telepon pelanggan",
        "Telepon dan kirim surat tagihan; minta janji bayar",
        "Kirim surat tagihan pembayaran; pertimbangkan menahan pesanan baru; kunjungi pelanggan",
        "Serahkan ke kuasa hukum atau agen penagihan; kirim somasi",
    ]
    words = " ".join(en["Action"]).lower() + " " + " ".join(ind["Tindakan"]).lower()
    for claim in ("second", "kedua", "first reminder", "pertama", "final warning"):
        assert claim not in words
    assert en["Channel"].iloc[4] == "Formal demand letter; third party / collection agency"
    assert "somasi" not in " ".join(en.astype(str).to_numpy().ravel()).lower()


# ---------------------------------------------------------------- 21, 24: letter wording


def test_escalation_letter_says_orders_may_be_held_not_that_they_are():
    en = " ".join(letter_text(STAGES, "PT Esc", AS_OF, lang="en").split())
    ind = " ".join(letter_text(STAGES, "PT Esc", AS_OF, lang="id").split())
    assert "Please note that further orders from PT Esc may be put on hold until this balance " \
        "is settled." in en  # fmt: skip
    assert "are on hold" not in en
    assert ("Mohon diperhatikan bahwa pengiriman pesanan berikutnya untuk PT Esc dapat kami "
            "tangguhkan sampai tagihan ini dilunasi.") in ind  # fmt: skip


def test_english_formal_demand_has_no_indonesian_word():
    en = letter_text(STAGES, "PT Legal", AS_OF, lang="en")
    assert "Subject: Formal demand for payment\n" in en and "somasi" not in en.lower()
    ind = letter_text(STAGES, "PT Legal", AS_OF, lang="id")
    assert "Perihal: Somasi - Teguran untuk Melunasi Kewajiban Pembayaran" in ind
