"""The collection activity log (issue 16): reading it, and what it changes in the worklist
and the letters. Numbers are worked by hand from tests/support/activity_samples.py."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from activity_samples import AS_OF, LEDGER, LOG

from xl_ar.core import XL_AR_LOG_HEADER, collector_productivity, letter_text, read_activity
from xl_ar.core.collections.activity import ACTIVITY_COLUMNS, customer_activity
from xl_ar.core.collections.worklist import ACTIVITY_WORKLIST_COLUMNS, WORKLIST_COLUMNS, worklist
from xl_ar.errors import XlArError


def test_reads_indonesian_and_xl_ar_logs_together(tmp_path):
    own = tmp_path / "xl_ar_activity.csv"
    own.write_text(
        ",".join(XL_AR_LOG_HEADER) + "\n"
        "2024-12-20,PT Maju,F-1,email,sent,,,xl-ar,,letter:escalation; surat_pt-maju.pdf\n",
        encoding="utf-8",
    )
    log = read_activity(LOG, own)
    assert list(log.columns[:10]) == list(ACTIVITY_COLUMNS)
    assert len(log) == 8
    assert log["action"].tolist() == [
        "letter", "promise", "email", "call", "call", "visit", "email", "call",
    ]  # fmt: skip
    last = log[log["where"] == "xl_ar_activity.csv row 2"].iloc[0]
    assert (last["kind"], last["stage"], last["invoice"]) == ("letter", "escalation", "F-1")
    assert log.loc[0, "stage"] == "reminder_1" and pd.isna(log.loc[0, "invoice"])
    assert log["promise_amount"].sum() == 1_500_000.0


def test_english_headers_and_words():
    log = read_activity(
        [["Date", "Customer", "Invoice", "Action", "Promise Date", "Promise Amount", "Collector"],
         ["2024-12-02", "PT Maju", "all", "WA", "2024-12-09", "1,000", "Rina"],
         ["2024-12-03", "PT Maju", "", "Visit", "", "", ""]]
    )  # fmt: skip
    assert log["action"].tolist() == ["whatsapp", "visit"]
    assert log["invoice"].isna().all() and log.loc[0, "promise_amount"] == 1000.0
    one = read_activity([["Tanggal", "Pelanggan", "Tindakan", "Jumlah Janji"],
                         ["02/12/2024", "PT Maju", "janji", "500.000"]])  # fmt: skip
    assert one.loc[0, "promise_amount"] == 500_000.0


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["Tanggal", "Pelanggan"], ["01/12/2024", "A"]],
         "activity log: no action column; headers found: 'Tanggal', 'Pelanggan'"),
        ([["Tanggal", "Pelanggan", "Tindakan"], ["", "A", "telepon"]],
         "activity log row 2 'Tanggal' is blank: give the date"),
        ([["Tanggal", "Pelanggan", "Tindakan"], ["kemarin", "A", "telepon"]],
         "activity log row 2 'Tanggal': 'kemarin' is not a date"),
        ([["Tanggal", "Pelanggan", "Tindakan"], ["01/12/2024", "", "telepon"]],
         "activity log row 2 has no customer"),
    ],
)  # fmt: skip
def test_bad_logs_say_where(rows, message):
    with pytest.raises(XlArError) as err:
        read_activity(rows)
    assert str(err.value) == message


def test_worklist_columns_from_the_log():
    wl = worklist(LEDGER, AS_OF, activity=LOG, lang="en")
    assert list(wl.columns) == [*WORKLIST_COLUMNS, *ACTIVITY_WORKLIST_COLUMNS]
    got = wl.set_index("customer")
    assert got.loc["PT Maju", "last_contact"] == pd.Timestamp("2024-11-26")
    assert got.loc["PT Maju", "last_action"] == "e-mail"
    assert got.loc["PT Maju", "follow_up_date"] == pd.Timestamp("2024-12-05")
    assert got.loc["PT Maju", "follow_up"] == "overdue"
    assert got.loc["PT Maju", "stage_history"] == "reminder_1 12/11 → reminder_2 26/11"
    assert got.loc["CV Baru", ["last_action", "follow_up"]].tolist() == ["visit", "due"]
    assert got.loc["UD Sejahtera", ["last_action", "follow_up", "stage_history"]].tolist() == [
        "",
        "",
        "",
    ]
    assert got["broken_promises"].to_dict() == {"CV Baru": 1.0, "UD Sejahtera": 0.0,
                                                "PT Maju": 0.0}  # fmt: skip
    notes = [en for _, en in wl.attrs["notes"]]
    assert notes == [
        "Activity log: 1 row dated after 2024-12-31 left out (first: row 8)",
        "Activity log: 1 row for 1 customer not in the ledger, not counted: 'PT Hantu'",
    ]
    wl_id = worklist(LEDGER, AS_OF, activity=LOG, lang="id").set_index("customer")
    assert wl_id.loc["PT Maju", ["last_action", "follow_up"]].tolist() == ["surel", "terlambat"]
    assert wl_id.loc["CV Baru", ["last_action", "follow_up"]].tolist() == ["kunjungan", "hari ini"]


def test_the_log_changes_promises_risk_and_priority():
    """Without the log CV Baru has no promise (risk 0.5, priority 53.3); the log's promise of
    1,000,000 by 10/12, of which 800,000 came, is broken: risk 1, priority 83.3, act today.
    PT Maju's logged promise (500,000 by 20/11 for F-2) was kept: F-1 still open does not
    break it."""
    cols = ["customer", "risk", "promise", "promise_date", "action_date", "priority"]
    before = worklist(LEDGER, AS_OF, lang="en")[cols]
    assert before.values.tolist() == [
        ["CV Baru", 0.5, "", pd.NaT, pd.Timestamp("2025-01-02"), 53.3],
        ["UD Sejahtera", 0.5, "", pd.NaT, pd.Timestamp("2025-01-03"), 40.1],
        ["PT Maju", 0.0, "", pd.NaT, pd.Timestamp("2025-01-03"), 23.4],
    ]
    after = worklist(LEDGER, AS_OF, activity=LOG, lang="en")
    assert after[cols].values.tolist() == [
        ["CV Baru", 1.0, "broken", pd.Timestamp("2024-12-10"), pd.Timestamp("2024-12-31"), 83.3],
        ["UD Sejahtera", 0.5, "", pd.NaT, pd.Timestamp("2025-01-03"), 40.1],
        ["PT Maju", 0.0, "kept", pd.Timestamp("2024-11-20"), pd.Timestamp("2025-01-03"), 23.4],
    ]
    assert after.loc[0, "next_action"].startswith("Promise to pay of 2024-12-10 broken: ")


def test_a_future_promise_in_the_log_pauses():
    log = [*LOG, ["20/12/2024", "CV Baru", "semua", "janji", "", "15/01/2025", "", "Budi", "", ""]]
    wl = worklist(LEDGER, AS_OF, activity=log)
    assert wl["customer"].tolist() == ["UD Sejahtera", "PT Maju"]


def test_promise_paid_in_full_is_kept_and_counted_once_with_the_table():
    """The same promise in the promises table and the log counts once; paid in full: kept."""
    led = [*LEDGER[:3], ["CV Baru", "F-3", "2024-11-01", "2024-12-01", 2000000, 1000000,
                         "2024-12-10"], LEDGER[4]]  # fmt: skip
    table = [["Pelanggan", "Tanggal Janji", "Jumlah"], ["CV Baru", "10/12/2024", "1.000.000"]]
    wl = worklist(led, AS_OF, activity=LOG, promises=table).set_index("customer")
    assert wl.loc["CV Baru", ["promise", "broken_promises"]].tolist() == ["kept", 0.0]
    short = [["Pelanggan", "Tanggal Janji", "Jumlah"], ["UD Sejahtera", "01/12/2024", 300000]]
    wl = worklist(LEDGER, AS_OF, activity=LOG, promises=short).set_index("customer")
    assert wl.loc["UD Sejahtera", "broken_promises"] == 1.0  # the table's promise, unpaid


def test_promise_without_amount_covers_its_invoice():
    log = [["Tanggal", "Pelanggan", "Faktur", "Tindakan", "Tanggal Janji"],
           ["15/11/2024", "PT Maju", "F-2", "janji", "20/11/2024"],
           ["15/11/2024", "PT Maju", "", "janji", "25/11/2024"]]  # fmt: skip
    wl = worklist(LEDGER, AS_OF, activity=log).set_index("customer")
    # F-2 was settled on 20/11 (kept); "every invoice" by 25/11 leaves F-1 open (broken)
    assert wl.loc["PT Maju", ["promise", "broken_promises"]].tolist() == ["broken", 1.0]


REMINDER_ID = "Surat ini menindaklanjuti pengingat kami tanggal 26 November 2024."
REMINDER_EN = "This letter follows our reminder of 26 November 2024."


def test_letter_quotes_the_logged_reminder():
    assert REMINDER_ID in letter_text(LEDGER, "PT Maju", AS_OF, activity=LOG)
    assert REMINDER_EN in letter_text(LEDGER, "PT Maju", AS_OF, activity=LOG, lang="en")
    plain = letter_text(LEDGER, "PT Maju", AS_OF)
    assert "menindaklanjuti" not in plain and "pengingat" not in plain
    # a promise kept is not quoted as broken
    assert "berjanji" not in letter_text(LEDGER, "PT Maju", AS_OF, activity=LOG)


@pytest.mark.parametrize(
    "row",
    [
        ["20/12/2024", "PT Maju", "", "telepon", ""],  # a call is no written reminder
        ["31/12/2024", "PT Maju", "", "surat", "letter:escalation; x.pdf"],  # as_of: this letter
        ["20/12/2024", "PT Maju", "", "email", "statement:2024-11; rk.pdf"],  # a statement
        ["20/12/2024", "CV Baru", "", "surat", ""],  # another customer
    ],
)
def test_no_reminder_sentence_without_a_written_reminder(row):
    log = [["Tanggal", "Pelanggan", "Faktur", "Tindakan", "Catatan"], row]
    text = letter_text(LEDGER, "PT Maju", AS_OF, activity=log, lang="en")
    assert "reminder" not in text


def test_whatsapp_and_the_old_reminder_column_both_count_latest_wins():
    log = [["Tanggal", "Pelanggan", "Tindakan"], ["03/12/2024", "PT Maju", "WA"]]
    old = [["Pelanggan", "Tanggal Janji", "Tanggal Pengingat"], ["PT Maju", "", "10/12/2024"]]
    text = letter_text(LEDGER, "PT Maju", AS_OF, activity=log, lang="en")
    assert "This letter follows our reminder of 3 December 2024." in text
    text = letter_text(LEDGER, "PT Maju", AS_OF, activity=log, promises=old, lang="en")
    assert "This letter follows our reminder of 10 December 2024." in text


def test_stage_history_keeps_order_and_drops_repeats():
    log = [["Date", "Customer", "Action", "Note"],
           ["2024-11-26", "PT Maju", "email", "letter:overdue; a.pdf"],
           ["2024-11-26", "PT Maju", "letter", "letter:overdue; a.pdf"],
           ["2024-11-12", "PT Maju", "letter", "letter:early; b.pdf"],
           ["2024-12-20", "PT Maju", "email", "letter:escalation; c.pdf"]]  # fmt: skip
    view = customer_activity(log, ["PT Maju"], AS_OF)
    assert view.customers.loc[0, "stage_history"] == (
        "early 12/11 → overdue 26/11 → escalation 20/12"
    )


def test_collector_productivity_golden():
    got = collector_productivity(LOG, LEDGER, "2024-11-01", AS_OF)
    assert got["collector"].tolist() == ["Budi", "Rina"]
    cols = ["call", "visit", "email", "letter", "promise", "actions", "customers",
            "promises_made", "promises_due", "promises_kept", "kept_share", "collected"]  # fmt: skip
    assert got[cols].values.tolist() == [
        [1, 1, 0, 0, 0, 2, 1, 1, 1, 0, 0.0, 800_000.0],  # PT Hantu's call: in no count
        [0, 0, 1, 1, 1, 3, 1, 1, 1, 1, 1.0, 500_000.0],
    ]
    # 4 days: Rina's last contact before the 20/11 receipt is the 15/11 promise (5 days);
    # Budi's 02/12 call is 8 days before the 10/12 receipt
    short = collector_productivity(LOG, LEDGER, "2024-11-01", AS_OF, window_days=4)
    assert short["collected"].tolist() == [0.0, 0.0]
    december = collector_productivity(LOG, LEDGER, "2024-12-01", AS_OF)
    assert december["collector"].tolist() == ["Budi"]
    assert np.isnan(collector_productivity(LOG, LEDGER, "2024-11-01", "2024-11-19")
                    .set_index("collector").loc["Rina", "kept_share"])  # fmt: skip
