"""Issue 15 (10): the worklist in English shows no Indonesian channel or owner."""

from __future__ import annotations

from tests.support.overdue_twelve import AS_OF, twelve_rows
from xl_ar.core.collections.strategy import read_strategy, strategy_table
from xl_ar.core.collections.worklist import worklist


def test_english_worklist_has_english_channel_and_owner():
    en = worklist(twelve_rows(), AS_OF, lang="en").set_index("customer")
    ind = worklist(twelve_rows(), AS_OF, lang="id").set_index("customer")
    assert en.loc["CV Awal", ["channel", "owner"]].tolist() == ["Email + phone", "AR staff"]
    assert ind.loc["CV Awal", ["channel", "owner"]].tolist() == ["Email + telepon", "Staf AR"]
    assert en.loc["PT Lima", ["channel", "owner"]].tolist() == [
        "Formal demand letter; third party / collection agency",
        "Finance manager + legal",
    ]
    assert en.loc["PT Enam", ["channel", "owner"]].tolist() == [
        "Letter + internal",
        "Finance director",
    ]
    text = " ".join(en[["channel", "owner", "next_action"]].to_numpy().ravel())
    for word in ("Staf", "Somasi", "Kolektor", "Manajer", "Direktur", "telepon", "surat"):
        assert word not in text, word
    assert strategy_table(lang="en")["Owner"].tolist() == [
        "AR staff", "AR staff", "Collector", "AR manager", "Finance manager + legal",
        "Finance director",
    ]  # fmt: skip


def test_a_user_strategy_with_one_language_shows_it_in_both():
    one = read_strategy([["Stage", "Min DPD", "Max DPD", "PIC"], ["early", 1, 30, "Rina"],
                         ["overdue", 31, None, "Budi"]])  # fmt: skip
    assert one[["owner", "owner_en"]].to_numpy().tolist() == [["Rina", "Rina"], ["Budi", "Budi"]]
    two = read_strategy([["Stage", "Min DPD", "Max DPD", "Saluran", "Channel (EN)"],
                         ["early", 1, None, "Telepon", "Phone"]])  # fmt: skip
    assert two[["channel", "channel_en"]].to_numpy().tolist() == [["Telepon", "Phone"]]
    wl = worklist(twelve_rows(), AS_OF, strategy=two, lang="en")
    assert set(wl["channel"]) == {"Phone"}
