"""Issue 16 review, finding 1: a statement or a balance confirmation xl-ar sent is a contact,
not a reminder to pay. Of xl-ar's own log (``xl_ar_activity.csv``) only the rows of kind
``letter`` make the letters say "Surat ini menindaklanjuti pengingat kami ..."."""

from __future__ import annotations

import pandas as pd

from xl_ar.core import XL_AR_LOG_HEADER, letter_text, read_activity
from xl_ar.core.collections.activity import customer_activity
from xl_ar.sample_data import make_sample_ledger

AS_OF = "2024-12-31"
HEAD = ",".join(XL_AR_LOG_HEADER)
# the reviewer's act_stmt.csv: the send log of statements, moved to 15/12/2024
STATEMENTS = (
    "2024-12-15,CV Karya Jaya,,email,sent,,,,,statement; rekening_CV_Karya_Jaya_2024-12-31.pdf\n"
    "2024-12-15,PT Mega Sakti,,email,sent,,,,,statement; rekening_PT_Mega_Sakti_2024-12-31.pdf\n"
    "2024-12-15,UD Bintang Agung,,email,sent,,,,,confirmation:positive; konfirmasi_UD.pdf\n"
)
LETTER = "2024-12-15,CV Karya Jaya,,email,sent,,,,,letter:overdue; surat_CV_Karya_Jaya.pdf\n"
FOLLOWS = "Surat ini menindaklanjuti pengingat kami tanggal 15 Desember 2024."


def _own(tmp_path, body: str, name: str = "act_stmt.csv"):
    path = tmp_path / name
    path.write_text(HEAD + "\n" + body, encoding="utf-8")
    return path


def test_a_statement_or_confirmation_sent_is_no_reminder(tmp_path):
    led = make_sample_ledger()
    log = _own(tmp_path, STATEMENTS)
    for customer in ("CV Karya Jaya", "PT Mega Sakti", "UD Bintang Agung"):
        text = letter_text(led, customer, AS_OF, activity=log)
        assert "menindaklanjuti" not in text and "pengingat" not in text
        assert text == letter_text(led, customer, AS_OF)
    view = customer_activity(read_activity(log), ["CV Karya Jaya", "UD Bintang Agung"], AS_OF)
    # still the last contact
    assert view.customers["last_contact"].tolist() == [pd.Timestamp("2024-12-15")] * 2
    assert view.customers["reminder_date"].isna().all()
    assert read_activity(log)["kind"].tolist() == ["statement", "statement", "confirmation"]


def test_a_letter_sent_by_xl_ar_is_a_reminder(tmp_path):
    led = make_sample_ledger()
    log = _own(tmp_path, STATEMENTS + LETTER, "xl_ar_activity.csv")
    text = letter_text(led, "CV Karya Jaya", AS_OF, activity=log)
    assert text.count(FOLLOWS) == 1
    assert FOLLOWS not in letter_text(led, "PT Mega Sakti", AS_OF, activity=log)


def test_an_own_row_without_a_kind_is_no_reminder_a_users_e_mail_is(tmp_path):
    led = make_sample_ledger()
    own = _own(tmp_path, "2024-12-15,CV Karya Jaya,,email,sent,,,,,\n")
    assert FOLLOWS not in letter_text(led, "CV Karya Jaya", AS_OF, activity=own)
    users = [["Tanggal", "Pelanggan", "Tindakan", "Catatan"],
             ["15/12/2024", "CV Karya Jaya", "email", "kirim rekening koran"]]  # fmt: skip
    assert FOLLOWS in letter_text(led, "CV Karya Jaya", AS_OF, activity=users)
