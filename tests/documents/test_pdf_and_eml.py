"""PDFs (LibreOffice, one call per batch) carry the same text as the Word document; without
LibreOffice one line says so and the .docx stay; .eml drafts parse with the standard library
and carry the attachment byte for byte; a customer without an e-mail is listed."""

from __future__ import annotations

import subprocess
from email import policy
from email.parser import BytesParser

import pytest
from document_samples import HOSTILE, LEDGER, MASTER, SETTINGS, docx_text

import xl_ar.documents.pdf as pdf_module
from xl_ar.documents.batch import write_documents
from xl_ar.documents.context import letter_documents
from xl_ar.documents.settings import DocumentSettings
from xl_ar.errors import XlArError

AS_OF = "2024-12-31"


def _docs():
    return letter_documents(LEDGER, AS_OF, settings=SETTINGS, master=MASTER)[0]


def _parse(path):
    return BytesParser(policy=policy.default).parsebytes(path.read_bytes())


def test_eml_drafts_parse_and_carry_the_docx(tmp_path):
    run = write_documents(_docs(), tmp_path, eml=True, settings=SETTINGS)
    assert [p.name for p in run.drafts] == [
        "surat_PT_Maju_x_if_2024-12-31.eml", "letter_CV_Baru_2024-12-31.eml",
    ]  # fmt: skip
    assert run.no_email == [("UD Tanpa Surel", "no e-mail address in the customer master")]
    msg = _parse(run.drafts[0])
    assert msg["From"] == "ar@sinar.example"
    assert msg["To"] == "ar@maju.example, fin@maju.example"
    assert msg["Subject"] == "Surat Peringatan Terakhir – " + " ".join(HOSTILE.split())
    assert msg["X-Unsent"] == "1"
    assert msg["X-XL-AR-Customer"] == HOSTILE
    assert msg["X-XL-AR-Document"] == "letter:escalation"
    assert msg["Message-ID"].endswith("@sinar.example>")
    assert msg.get_body(("plain",)).get_content().startswith("Yth. Budi,\n\nBersama e-mail ini")
    (part,) = list(msg.iter_attachments())
    assert part.get_filename() == "surat_PT_Maju_x_if_2024-12-31.docx"
    assert part.get_content() == (tmp_path / part.get_filename()).read_bytes()
    english = _parse(run.drafts[1])
    assert english["Subject"] == "Payment reminder - invoices past due – CV Baru"
    assert english.get_body(("plain",)).get_content().startswith("Dear Jane,\n\nPlease find")


def test_drafts_need_a_sender_before_anything_is_written(tmp_path):
    with pytest.raises(XlArError, match=r"^e-mail drafts need a sender: SmtpFrom in xl_ar.conf"):
        write_documents(_docs(), tmp_path / "out", eml=True, settings=DocumentSettings())
    assert not (tmp_path / "out").exists()


def test_without_libreoffice_one_line_and_the_docx_stay(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_module, "soffice_path", lambda: None)
    run = write_documents(_docs(), tmp_path, formats=["pdf"], eml=True, settings=SETTINGS)
    assert run.notes == [pdf_module.NO_LIBREOFFICE]
    assert run.notes[0].startswith("PDF needs LibreOffice (soffice)")
    assert sorted(p.suffix for p in run.paths) == [".docx"] * 3 + [".eml"] * 2
    assert list(_parse(run.drafts[0]).iter_attachments())[0].get_filename().endswith(".docx")


@pytest.mark.libreoffice
def test_pdfs_in_one_libreoffice_call_with_the_same_text(tmp_path, monkeypatch):
    from libreoffice import require_soffice

    require_soffice()
    calls = []
    real = subprocess.run

    def counting(cmd, *args, **kwargs):
        calls.append(cmd)
        return real(cmd, *args, **kwargs)

    monkeypatch.setattr(pdf_module.subprocess, "run", counting)
    run = write_documents(_docs(), tmp_path, formats=["docx", "pdf"], eml=True, settings=SETTINGS)
    assert len(calls) == 1  # one soffice call for the whole batch
    assert sum(str(a).endswith(".docx") for a in calls[0]) == 3
    assert any(a.startswith("-env:UserInstallation=file://") for a in calls[0])
    pdfs = [p for p in run.paths if p.suffix == ".pdf"]
    assert [p.name for p in pdfs] == [
        "surat_PT_Maju_x_if_2024-12-31.pdf", "surat_UD_Tanpa_Surel_2024-12-31.pdf",
        "letter_CV_Baru_2024-12-31.pdf",
    ]  # fmt: skip
    for pdf in pdfs:
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout  # fmt: skip
        words = " ".join(text.split())
        for paragraph in docx_text(pdf.with_suffix(".docx")).splitlines():
            for cell in paragraph.split(" | "):
                if cell.strip():
                    assert " ".join(cell.split()) in words or all(
                        w in words for w in cell.split()
                    ), (pdf.name, cell)
    first = " ".join(subprocess.run(["pdftotext", "-layout", str(pdfs[0]), "-"],
                                    capture_output=True, text=True).stdout.split())  # fmt: skip
    assert "F-101" in first and "Rp 1.500.000" in first and "F-102" in first
    assert "Rp 725.500" in first and HOSTILE in first
    msg = _parse(run.drafts[0])
    (part,) = list(msg.iter_attachments())
    assert part.get_filename() == "surat_PT_Maju_x_if_2024-12-31.pdf"
    assert part.get_content_type() == "application/pdf"
    assert part.get_content() == pdfs[0].read_bytes()
