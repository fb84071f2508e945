"""Issue 15 (8): letters claim no reminder that is not on record, add no interest unless a
rate is set, reach the write-off stage, and every run says who got no letter and why."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.support.overdue_twelve import AS_OF, TWELVE, WORST_TOTAL, twelve_rows
from xl_ar.core.collections.letters import letter_run, letter_text
from xl_ar.core.collections.worklist import assess, read_promises, worklist
from xl_ar.errors import XlArError

D = dt.datetime
#: Wording that claims an earlier reminder (the shipped templates before issue 15).
CLAIMS = re.compile(
    r"remind(ed)? you|repeated reminders|previous reminders|earlier reminder|second reminder"
    r"|telah kami ingatkan|beberapa kali mengingatkan|menindaklanjuti pengingat|tagihan kedua",
    re.IGNORECASE,
)


def test_the_twelve_customer_fixture():
    worst = [t for t in TWELVE if t[1] > 180]
    assert len(TWELVE) == 12 and len(worst) == 7
    assert sum(t[2] for t in worst) == WORST_TOTAL == 1_430_000_000.0
    wl = worklist(twelve_rows(), AS_OF).set_index("customer")
    assert {name: wl.loc[name, "stage"] for name, *_ in TWELVE} == {t[0]: t[3] for t in TWELVE}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_twelve_overdue_customers_get_twelve_letters(tmp_path, lang):
    run = letter_run(twelve_rows(), AS_OF, tmp_path, lang=lang)
    assert len(run.paths) == 12  # was 5: the 7 worst (write-off stage) got nothing, silently
    assert run.summary() == "12 customers overdue: 12 letters written"
    worst = sorted(p.name for p in run.paths if "_write_off_" in p.name)
    assert len(worst) == 7
    subject = {"id": "Perihal: Tagihan Terakhir sebelum Tindakan Hukum",
               "en": "Subject: Final demand before legal action"}[lang]  # fmt: skip
    for path in run.paths:
        text = path.read_text(encoding="utf-8")
        assert not CLAIMS.search(text), (path.name, CLAIMS.search(text))
        assert ("_write_off_" in path.name) == (subject in text)
        assert "bunga" not in text.lower() and "interest" not in text.lower()  # no rate set
        assert "{" not in text


def test_write_off_letter_is_a_factual_final_demand():
    text = letter_text(twelve_rows(), "PT Sebelas", AS_OF, lang="en")
    flat = " ".join(text.split())
    assert "Subject: Final demand before legal action" in text
    assert (
        "As of 31 December 2024, the following invoices of PT Sebelas have been overdue since "
        "27 November 2023 and remain unpaid:" in flat
    )
    assert (
        "This is our final demand for payment of Rp 230,000,000, to be made by 7 January 2025."
        in flat
    )
    assert (
        "we will hand this claim over to a collection agency or our lawyers for legal action"
        in flat
    )


def test_no_interest_by_default_and_the_contract_rate_when_given():
    plain = letter_text(twelve_rows(), "UD Empat", AS_OF, lang="en")  # escalation: was 12 %
    assert "interest" not in plain.lower()
    assert "Interest" not in plain.splitlines()[plain.splitlines().index("") + 1]
    rated = letter_text(twelve_rows(), "UD Empat", AS_OF, lang="en", interest_rate="12%")
    # 40,000,000 x 12 % / 365 x 60 days = 789,041.10 -> Rp 789,041
    flat = " ".join(rated.split())
    assert "Under our payment terms, late interest of 12% a year applies: Rp 789,041." in flat
    assert "Please pay Rp 40,789,041 by 7 January 2025." in flat
    early = letter_text(twelve_rows(), "CV Awal", AS_OF, lang="en", interest_rate=0.12)
    # the rate applies to every stage: 15,000,000 x 0.12 / 365 x 10 = 49,315.07
    assert "late interest of 12% a year applies: Rp 49,315." in " ".join(early.split())
    with pytest.raises(XlArError, match=r"^interest_rate must be a fraction from 0 to 1"):
        letter_text(twelve_rows(), "CV Awal", AS_OF, interest_rate=12)


def test_a_reminder_on_record_is_quoted_with_its_date_and_only_then():
    promises = [
        ["Customer", "Promise Date", "Reminder Date"],
        ["PT Dua", None, D(2024, 12, 2)],
        ["PT Dua", None, D(2024, 11, 20)],  # older: the latest counts
        ["PT Tiga", None, D(2025, 1, 5)],
    ]  # after the letter date: not yet sent
    # fmt: skip
    got = assess(twelve_rows(), AS_OF, promises=promises).customers.set_index("customer")
    assert got.loc["PT Dua", "reminder_date"] == pd_ts("2024-12-02")
    assert got.loc["PT Tiga", "reminder_date"] is pd_nat()
    en = letter_text(twelve_rows(), "PT Dua", AS_OF, lang="en", promises=promises)
    assert "This letter follows our reminder of 2 December 2024." in en
    ind = letter_text(twelve_rows(), "PT Dua", AS_OF, promises=promises)
    assert "Surat ini menindaklanjuti pengingat kami tanggal 2 Desember 2024." in ind
    other = letter_text(twelve_rows(), "PT Tiga", AS_OF, lang="en", promises=promises)
    assert "reminder" not in other.lower()
    assert read_promises(promises)["reminder_date"].notna().all()
    with pytest.raises(XlArError, match=r"^promises: row 2 'Promise Date' is blank"):
        read_promises([["Customer", "Promise Date"], ["PT Dua", None]])


def pd_ts(text):
    import pandas as pd

    return pd.Timestamp(text)


def pd_nat():
    import pandas as pd

    return pd.NaT


def test_every_customer_without_a_letter_is_listed_with_the_reason(tmp_path):
    rows = twelve_rows()
    rows.append(["PT Sengketa", "F-99", D(2024, 10, 1), D(2024, 10, 31), 9_000_000.0])
    rows[0] = [*rows[0], "Disputed"]
    rows = [rows[0]] + [[*r, "yes" if r[0] == "PT Sengketa" else "no"] for r in rows[1:]]
    promises = [["Customer", "Promise Date"], ["PT Lima", D(2025, 1, 15)]]
    templates = tmp_path / "tpl"
    templates.mkdir()
    (templates / "en.txt").write_text(
        "[early]\nPay {total_payable}.\n[overdue]\nPay.\n[escalation]\nPay.\n[legal]\nPay.\n",
        encoding="utf-8",
    )
    strategy = [["Stage", "Min DPD", "Max DPD", "Min Amount"], ["early", 1, 15, 20_000_000],
                ["overdue", 16, 180, 0], ["write_off", 181, None, 0]]  # fmt: skip
    run = letter_run(rows, AS_OF, tmp_path / "out", lang="en", promises=promises,
                     templates=templates, strategy=strategy)  # fmt: skip
    names = sorted(p.name[4:] for p in run.paths)
    assert names == ["PT_Dua_overdue_en.txt", "PT_Tiga_overdue_en.txt", "UD_Empat_overdue_en.txt"]
    assert run.summary() == (
        "13 customers overdue: 3 letters written; 10 got no letter:\n"
        + "\n".join(
            f"  {name} (no en letter template for stage 'write_off')"
            for name in [
                "PT Sebelas",
                "PT Sembilan",
                "PT Tujuh",
                "PT Duabelas",
                "PT Enam",
                "PT Delapan",
                "PT Sepuluh",
            ]  # worklist (priority) order
        )
        + "\n  PT Lima (paused by a promise to pay by 2025-01-15)"
        + "\n  CV Awal (overdue amount below the minimum amount of every stage)"
        + "\n  PT Sengketa (every overdue invoice is disputed)"
    )
