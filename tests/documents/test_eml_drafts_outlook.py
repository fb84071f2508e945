""".eml drafts open as editable drafts in Outlook (``X-Unsent: 1``) and name the customer in
the subject (review 16, finding 18)."""

from __future__ import annotations

from email import policy
from email.parser import BytesParser

from document_samples import LEDGER, MASTER, SETTINGS

from xl_ar.core import account_statements
from xl_ar.documents.batch import write_documents
from xl_ar.documents.context import confirmation_documents, statement_documents

PAID = [[*LEDGER[0], "Paid", "Payment Date"], *[[*r, 100.0, "2024-12-02"] for r in LEDGER[1:]]]


def _parse(path):
    return BytesParser(policy=policy.default).parsebytes(path.read_bytes())


def test_statement_drafts_are_unsent_and_name_the_customer(tmp_path):
    statements = account_statements(PAID, "2024-12-01", "2024-12-31")
    docs = statement_documents(statements, lang="id", settings=SETTINGS, master=MASTER)
    run = write_documents(docs, tmp_path, eml=True, settings=SETTINGS)
    subjects = {_parse(p)["X-XL-AR-Customer"]: _parse(p)["Subject"] for p in run.drafts}
    assert subjects["CV Baru"] == "Statement of account CV Baru 1 December 2024 – 31 December 2024"
    assert [_parse(p)["X-Unsent"] for p in run.drafts] == ["1", "1"]
    assert [len(list(_parse(p).iter_attachments())) for p in run.drafts] == [1, 1]


def test_confirmation_subject_names_the_customer():
    (doc,) = confirmation_documents(LEDGER, "2024-12-31", customers=["UD Tanpa Surel"],
                                    settings=SETTINGS)  # fmt: skip
    assert doc.subject == "Konfirmasi saldo piutang UD Tanpa Surel per 31 Desember 2024"
