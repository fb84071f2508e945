"""E-mail drafts (``.eml``) any mail client opens: one per document, From the settings'
``SmtpFrom``, To the customer master's ``email`` (several addresses), Subject and a short
body in the document's language (the customer's), the PDF (else the Word document)
attached, a Message-ID. A customer without an e-mail address gets no draft and is listed
with the reason.

``X-Unsent: 1`` makes Outlook open the file as an editable draft; the subject carries the
customer's name. Two headers tell :mod:`xl_ar.documents.send` what a draft is:
``X-XL-AR-Customer`` (the customer as in the ledger) and ``X-XL-AR-Document``
(``letter:overdue``, ``statement``, ``confirmation:positive``).
"""

from __future__ import annotations

import re
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from pathlib import Path

import pandas as pd

from xl_ar.documents.context import Document
from xl_ar.documents.settings import DocumentSettings
from xl_ar.errors import XlArError

__all__ = [
    "CUSTOMER_HEADER",
    "DOCUMENT_HEADER",
    "addresses",
    "mail_subject",
    "make_draft",
    "sender",
]

CUSTOMER_HEADER = "X-XL-AR-Customer"
DOCUMENT_HEADER = "X-XL-AR-Document"

_MIME = {
    ".pdf": ("application", "pdf"),
    ".docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
}
_ADDRESS = re.compile(r"^[^@\s<>\"(),;:]+@[^@\s<>\"(),;:]+\.[^@\s<>\"(),;:]+$")
_BODY = {
    "id": {
        "letter": "Bersama e-mail ini kami sampaikan surat kami perihal {subject} "
                  "(terlampir).",
        "statement": "Bersama e-mail ini kami sampaikan rekening koran piutang Bapak/Ibu "
                     "(terlampir). Mohon diperiksa dan kabari kami bila ada perbedaan.",
        "confirmation": "Bersama e-mail ini kami sampaikan surat konfirmasi saldo piutang "
                        "untuk keperluan audit (terlampir). Mohon ikuti petunjuk di dalamnya.",
        "greeting": "Yth. {name},",
        "closing": "Hormat kami,",
    },
    "en": {
        "letter": "Please find attached our letter: {subject}.",
        "statement": "Please find attached your statement of account. Please check it and "
                     "tell us of any difference.",
        "confirmation": "Please find attached our request to confirm your account balance "
                        "for our auditors, and follow its instructions.",
        "greeting": "Dear {name},",
        "closing": "Yours faithfully,",
    },
}  # fmt: skip


def addresses(text: str) -> list[str]:
    """The e-mail addresses in a master cell (separated by ``;``, ``,`` or spaces).

    Raises when one is not an address.

    Examples
    --------
    >>> addresses("ar@maju.co.id; Budi <budi@maju.co.id>, ")
    ['ar@maju.co.id', 'budi@maju.co.id']
    """
    out = []
    for part in re.split(r"[;,]", text or ""):
        part = part.strip()
        if not part:
            continue
        address = parseaddr(part)[1] if "<" in part else part
        if not _ADDRESS.match(address):
            raise XlArError(f"not an e-mail address: {part[:60]!r}")
        if address.lower() not in (a.lower() for a in out):
            out.append(address)
    return out


def mail_subject(doc: Document) -> str:
    """The draft's subject: the document's, with the customer's name when it lacks it.

    Examples
    --------
    >>> doc = Document("letter", "letter", "PT  Maju", "id", pd.Timestamp("2024-12-31"), {},
    ...                "Surat Peringatan Terakhir", "letter:escalation", "")
    >>> mail_subject(doc)
    'Surat Peringatan Terakhir – PT Maju'
    """
    name = " ".join(str(doc.customer).split())
    subject = " ".join(str(doc.subject).split())
    if not name or name.casefold() in subject.casefold():
        return subject
    return f"{subject} – {name}" if subject else name


def sender(settings: DocumentSettings) -> str:
    """The From address (``SmtpFrom``); raises when it is missing or not an address."""
    if not settings.smtp_from:
        raise XlArError(
            "e-mail drafts need a sender: SmtpFrom in xl_ar.conf (or --smtp-from ADDRESS)"
        )
    addresses(settings.smtp_from)
    return settings.smtp_from


def make_draft(
    doc: Document, attachment: Path, settings: DocumentSettings, *, when: pd.Timestamp | None = None
) -> EmailMessage:
    """The draft of ``doc`` with ``attachment`` (raises when the customer has no valid
    address: the caller lists it instead).

    Examples
    --------
    >>> import tempfile
    >>> doc = Document("statement", "statement", "PT A", "en", pd.Timestamp("2024-12-31"),
    ...                {"company": {"name": "PT B"}, "signatory": {"name": "Rina"},
    ...                 "customer": {"pic": ""}}, "Statement", "statement", "a@x.id")
    >>> with tempfile.TemporaryDirectory() as d:
    ...     pdf = Path(d) / "statement_PT_A_2024-12-31.pdf"
    ...     _ = pdf.write_bytes(b"%PDF-1.4 demo")
    ...     msg = make_draft(doc, pdf, DocumentSettings(smtp_from="ar@b.id"))
    >>> msg["To"], msg["Subject"], msg[DOCUMENT_HEADER], msg["X-Unsent"]
    ('a@x.id', 'Statement – PT A', 'statement', '1')
    >>> [p.get_filename() for p in msg.iter_attachments()]
    ['statement_PT_A_2024-12-31.pdf']
    """
    to = addresses(doc.email)
    if not to:
        raise XlArError("no e-mail address")
    origin = sender(settings)
    words = _BODY[doc.lang]
    name = doc.context["customer"].get("pic") or doc.customer
    company = doc.context["company"].get("name", "")
    sign = doc.context["signatory"].get("name", "")
    body = "\n\n".join(
        [
            words["greeting"].format(name=name),
            words[doc.kind].format(subject=doc.subject),
            "\n".join(line for line in (words["closing"], sign, company) if line),
        ]
    )
    msg = EmailMessage()
    msg["From"] = origin
    msg["To"] = ", ".join(to)
    msg["Subject"] = mail_subject(doc)
    stamp = (when or pd.Timestamp.now(tz="UTC")).to_pydatetime()
    msg["Date"] = format_datetime(stamp if stamp.tzinfo else stamp.astimezone())
    domain = addresses(origin)[0].rsplit("@", 1)[1]
    msg["Message-ID"] = make_msgid("xl-ar", domain=domain)
    msg[CUSTOMER_HEADER] = doc.customer
    msg[DOCUMENT_HEADER] = doc.note
    msg["X-Unsent"] = "1"  # Outlook opens the .eml as an editable draft, not as received mail
    msg.set_content(body + "\n")
    main, sub = _MIME[attachment.suffix.lower()]
    msg.add_attachment(
        attachment.read_bytes(), maintype=main, subtype=sub, filename=attachment.name
    )
    return msg
