"""Word documents: letters, confirmations and statements open with python-docx and hold the
customer's table (exact numbers and amounts); user text stays literal; templates are
generated, editable, and a broken one is one line; documents are never overwritten."""

from __future__ import annotations

import zipfile
from types import SimpleNamespace

import pandas as pd
import pytest
from document_samples import HOSTILE, LEDGER, MASTER, SETTINGS, docx_tables, docx_text
from docx import Document as open_docx

from xl_ar.documents.batch import write_documents
from xl_ar.documents.context import (
    confirmation_documents,
    letter_documents,
    statement_documents,
)
from xl_ar.documents.render import render_docx
from xl_ar.documents.templates import TEMPLATE_KEYS, default_template, write_default_templates
from xl_ar.errors import XlArError

AS_OF = "2024-12-31"


def _letters(tmp_path, **kw):
    docs, plan = letter_documents(LEDGER, AS_OF, settings=SETTINGS, master=MASTER)
    run = write_documents(docs, tmp_path, settings=SETTINGS, **kw)
    return docs, plan, run


def test_letters_as_docx_hold_the_invoice_table(tmp_path):
    docs, plan, run = _letters(tmp_path)
    assert [p.name for p in run.paths] == [
        "surat_PT_Maju_x_if_2024-12-31.docx",
        "surat_UD_Tanpa_Surel_2024-12-31.docx",
        "letter_CV_Baru_2024-12-31.docx",  # CV Baru's master language is English
    ]
    tables = docx_tables(run.paths[0])
    assert tables[0] == [
        ["No Faktur", "Tgl Faktur", "Jatuh Tempo", "Hari Lewat", "Sisa Tagihan"],
        ["F-101", "1 Okt 2024", "31 Okt 2024", "61", "Rp 1.500.000"],
        ["F-102", "1 Nov 2024", "30 Nov 2024", "31", "Rp 725.500"],
        ["Total", "", "", "", "Rp 2.225.500"],
    ]
    english = docx_tables(run.paths[2])[0]
    assert english[1] == ["F-201", "1 Dec 2024", "27 Dec 2024", "4", "Rp 250,000"]
    text = docx_text(run.paths[0])
    assert "Perihal: Surat Peringatan Terakhir" in text
    assert "Up. Budi" in text and "Virtual Account: 8808 1234 5678" in text
    assert "Pembayaran ke: BCA 123-456-789 a.n. PT Sinar Niaga" in text
    assert text.count("Hormat kami,") == 1
    assert "Rina Wati" in text and "Manajer Keuangan" in text
    assert "Jumlah yang harus dibayar: Rp 2.225.500" in text
    assert "Dear Sir or Madam," in docx_text(run.paths[2])


def test_user_text_stays_literal_never_markup_or_a_field(tmp_path):
    _, _, run = _letters(tmp_path)
    text = docx_text(run.paths[0])
    assert HOSTILE in text  # rendered as written: no Jinja, no XML, no formula prefix removed
    with zipfile.ZipFile(run.paths[0]) as z:
        xml = z.read("word/document.xml").decode()
    assert "&lt;Maju&gt; &amp; {{ x }} {% if %}" in xml
    assert "fldSimple" not in xml and "instrText" not in xml


def test_confirmations_positive_and_negative(tmp_path):
    pos = confirmation_documents(LEDGER, AS_OF, settings=SETTINGS, master=MASTER,
                                 customers=["pt <maju> & {{ x }} {% if %}"])  # fmt: skip
    neg = confirmation_documents(LEDGER, AS_OF, form="negative", settings=SETTINGS,
                                 master=MASTER, largest=2)  # fmt: skip
    assert [d.customer for d in neg] == [HOSTILE, "CV Baru"]
    run = write_documents(pos + neg[1:], tmp_path, settings=SETTINGS)
    assert [p.name for p in run.paths] == [
        "konfirmasi_PT_Maju_x_if_2024-12-31.docx", "confirmation_CV_Baru_2024-12-31.docx",
    ]  # fmt: skip
    slip = docx_tables(run.paths[0])[0]
    assert slip[1:] == [
        ["F-101", "Faktur", "1 Okt 2024", "31 Okt 2024", "Rp 1.500.000"],
        ["F-102", "Faktur", "1 Nov 2024", "30 Nov 2024", "Rp 725.500"],
        ["Total", "", "", "", "Rp 2.225.500"],
    ]
    text = docx_text(run.paths[0])
    assert "menurut catatan PT Sinar Niaga: Rp 2.225.500" in text
    assert "☐ Saldo tersebut SESUAI" in text and "☐ Saldo tersebut TIDAK SESUAI" in text
    assert "KAP Budi & Rekan, Jakarta" in text
    english = docx_text(run.paths[1])
    assert "If the balance agrees with your records, no reply is needed." in english
    assert "AGREES" not in english and "DOES NOT AGREE" in english  # negative: one box


def test_statement_documents_from_an_account_statement_shaped_object(tmp_path):
    lines = pd.DataFrame({
        "date": pd.to_datetime(["2024-12-02", "2024-12-10", "2024-12-20"]),
        "kind": ["invoice", "payment", "credit_note"],
        "document": ["F-9", "PAY-1", "CN-2"], "description": ["", "Transfer BCA", ""],
        "due_date": pd.to_datetime(["2025-01-01", None, None]),
        "debit": [500_000.0, 0.0, 0.0], "credit": [0.0, 300_000.0, 50_000.0],
        "balance": [600_000.0, 300_000.0, 250_000.0],
    })  # fmt: skip
    stmt = SimpleNamespace(
        customer="CV Baru", start=pd.Timestamp("2024-12-01"), end=pd.Timestamp("2024-12-31"),
        currency="IDR", opening=100_000.0, closing=250_000.0, lines=lines,
        aging=pd.DataFrame({"Current": [200_000.0], "1-30": [50_000.0], "total": [250_000.0]}),
        open_items=pd.DataFrame({"document": ["F-9"], "date": [pd.Timestamp("2024-12-02")],
                                 "due_date": [pd.Timestamp("2025-01-01")], "amount": [500_000.0],
                                 "open": [250_000.0], "days_overdue": [0]}),
    )  # fmt: skip
    docs = statement_documents([stmt], settings=SETTINGS, master=MASTER)
    assert docs[0].lang == "en" and docs[0].note == "statement"
    run = write_documents(docs, tmp_path, settings=SETTINGS)
    assert run.paths[0].name == "statement_CV_Baru_2024-12-31.docx"
    body, strip = docx_tables(run.paths[0])
    assert body[1:] == [
        ["2 Dec 2024", "Invoice", "F-9", "Invoice", "1 Jan 2025", "Rp 500,000", "", "Rp 600,000"],
        ["10 Dec 2024", "Payment", "PAY-1", "Transfer BCA", "", "", "Rp 300,000", "Rp 300,000"],
        ["20 Dec 2024", "Credit note", "CN-2", "Credit note", "", "", "Rp 50,000", "Rp 250,000"],
        ["Total", "", "", "", "", "Rp 500,000", "Rp 350,000", "Rp 250,000"],
    ]
    assert strip[1:] == [["Current", "Rp 200,000"], ["1-30 days", "Rp 50,000"],
                         ["Total", "Rp 250,000"]]  # fmt: skip
    text = docx_text(run.paths[0])
    assert "Opening balance at 30 November 2024: Rp 100,000" in text
    assert "Period: 1 December 2024 – 31 December 2024" in text


def test_existing_documents_are_never_overwritten(tmp_path):
    _, _, run = _letters(tmp_path)
    before = {p: p.read_bytes() for p in run.paths}
    with pytest.raises(XlArError, match="already holds 3 of these documents .*never overwrites"):
        _letters(tmp_path)
    assert {p: p.read_bytes() for p in run.paths} == before


def test_default_templates_are_generated_and_editable(tmp_path):
    paths = write_default_templates(tmp_path)
    assert len(paths) == 8 == 2 * len(TEMPLATE_KEYS)
    xml = zipfile.ZipFile(paths[0]).read("word/document.xml").decode()
    assert "{%tr for row in rows %}" in xml and "{{ customer.name }}" in xml
    # a user edits the template in Word (here: python-docx) and uses it
    doc = open_docx(str(paths[0]))
    doc.paragraphs[0].text = "KOP SURAT {{ company.name }} / {{ customer.name }}"
    mine = tmp_path / "mine.docx"
    doc.save(str(mine))
    docs, _ = letter_documents(LEDGER, AS_OF, settings=SETTINGS, master=MASTER)
    run = write_documents(docs[:1], tmp_path / "out", settings=SETTINGS, templates={"letter": mine})
    assert f"KOP SURAT PT Sinar Niaga / {HOSTILE}" in docx_text(run.paths[0])
    with pytest.raises(XlArError, match="already holds 8"):
        write_default_templates(tmp_path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "{{ custmer.name }}",
            "template 'mine.docx': unknown placeholder {{ custmer }} (did you mean {{ customer }}?)",
        ),
        (
            "{{ customer.nam }}",
            "template 'mine.docx': unknown placeholder {{ customer.nam }} (did you mean "
            "{{ customer.name }}?)",
        ),
        ("{% for x in %}", "template 'mine.docx': a placeholder or {% %} tag is broken ("),
        ("{{ customer.name }", "template 'mine.docx': a placeholder or {% %} tag is broken ("),
    ],
)
def test_a_broken_template_is_one_line(tmp_path, text, message):
    doc = open_docx(__import__("io").BytesIO(default_template("letter", "id")))
    doc.add_paragraph(text)
    mine = tmp_path / "mine.docx"
    doc.save(str(mine))
    docs, _ = letter_documents(LEDGER, AS_OF, settings=SETTINGS, master=MASTER)
    with pytest.raises(XlArError) as err:
        write_documents(docs, tmp_path / "out", settings=SETTINGS, templates={"letter": mine})
    assert str(err.value).startswith(message)
    assert "\n" not in str(err.value) and "Error" not in str(err.value)
    assert len(str(err.value)) <= 255
    assert not list((tmp_path / "out").iterdir())  # nothing written


def test_not_a_word_file_is_one_line(tmp_path):
    bad = tmp_path / "letter.docx"
    bad.write_text("not a zip")
    docs, _ = letter_documents(LEDGER, AS_OF, settings=SETTINGS, master=MASTER)
    with pytest.raises(XlArError, match=r"^template 'letter.docx' is not a Word document"):
        write_documents(docs, tmp_path / "out", settings=SETTINGS, templates={"letter": bad})
    with pytest.raises(XlArError, match=r"unknown placeholder \{\{ company \}\}"):
        render_docx(default_template("statement", "en"), {"date": "x"}, "s")
