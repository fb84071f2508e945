"""Send the ``.eml`` drafts of a folder over SMTP — only when asked, never twice.

``send_folder(folder, settings)`` is a dry run: it lists what would be sent and sends
nothing. With ``send=True`` each draft is sent with :mod:`smtplib` (``SmtpHost``,
``SmtpPort``, ``SmtpUser``/``SmtpPassword`` when given, STARTTLS when ``SmtpTls``), and
every attempt is recorded in the folder's send log ``xl_ar_send_log.csv`` (``When, Customer,
To, Subject, Document, Document SHA256, Message ID, Result``). A document already logged as
sent to the same recipients (same attachment SHA-256, same addresses) is not sent again
unless ``resend=True``; nor is the same document generated again: the same customer, the
same document kind and date (read from the document's file name ``surat_<customer>_<date>``)
to the same addresses. The send log is the folder's own, or the one file given as ``log``
(``--log FILE``): keep one log for every run so that letters written again into a new folder
are recognised as sent. Each sending gets a fresh Message-ID (mail programs drop a message
whose ID they have seen). Every message sent is also one row of the folder's
``xl_ar_activity.csv`` (the collection activity log xl-ar keeps: Action ``email``, Outcome
``sent``, Note ``letter:overdue; surat_PT_Maju_2024-12-31.pdf``). Both files are xl-ar's
own: it never writes to a user's file.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import re
import smtplib
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import make_msgid, parseaddr
from pathlib import Path

import pandas as pd

from xl_ar.core import customer_key, neutralise, quote_excerpt, safe_output
from xl_ar.documents.eml import CUSTOMER_HEADER, DOCUMENT_HEADER, addresses
from xl_ar.documents.settings import DocumentSettings
from xl_ar.errors import XlArError

__all__ = [
    "ACTIVITY_FILE",
    "ACTIVITY_HEADER",
    "SEND_LOG",
    "SEND_LOG_HEADER",
    "Outgoing",
    "SendRun",
    "append_rows",
    "document_key",
    "read_drafts",
    "send_folder",
]

SEND_LOG = "xl_ar_send_log.csv"
SEND_LOG_HEADER = ["When", "Customer", "To", "Subject", "Document", "Document SHA256",
                   "Message ID", "Result"]  # fmt: skip
ACTIVITY_FILE = "xl_ar_activity.csv"
ACTIVITY_HEADER = ["Date", "Customer", "Invoice", "Action", "Outcome", "Promise Date",
                   "Promise Amount", "Collector", "Next Action Date", "Note"]  # fmt: skip
TIMEOUT = 60  # seconds for the SMTP connection


@dataclass(frozen=True)
class Outgoing:
    """One draft: its file, the message, recipients, attachment name and SHA-256."""

    path: Path
    message: EmailMessage
    customer: str
    to: tuple[str, ...]
    subject: str
    document: str
    sha256: str
    note: str


@dataclass
class SendRun:
    """What a send run did: ``sent``, ``skipped`` (already sent), ``failed`` (with the
    reason), ``would_send`` (a dry run)."""

    sent: list[Outgoing] = field(default_factory=list)
    skipped: list[Outgoing] = field(default_factory=list)
    failed: list[tuple[Outgoing, str]] = field(default_factory=list)
    would_send: list[Outgoing] = field(default_factory=list)
    dry: bool = True

    def summary(self) -> str:
        """The run in English, one line per message and a count."""
        lines = [
            f"would send {o.document} to {', '.join(o.to)}: {o.subject}" for o in self.would_send
        ]
        lines += [f"sent {o.document} to {', '.join(o.to)}" for o in self.sent]
        lines += [f"not sent again (already sent): {o.document} to {', '.join(o.to)}"
                  for o in self.skipped]  # fmt: skip
        lines += [f"FAILED {o.document} to {', '.join(o.to)}: {why}" for o, why in self.failed]
        if self.dry:
            lines.append(
                f"dry run: {len(self.would_send)} message(s) would be sent; nothing was sent "
                "(add --send to send)"
            )
        else:
            lines.append(
                f"{len(self.sent)} sent, {len(self.skipped)} already sent, {len(self.failed)} failed"
            )
        return "\n".join(lines)


def _parse(path: Path) -> Outgoing:
    try:
        msg = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    except OSError as exc:
        raise XlArError(f"cannot read {path.name}: {exc.strerror or 'refused'}") from None
    if not isinstance(msg, EmailMessage):  # pragma: no cover - policy.default gives these
        raise XlArError(f"{path.name} is not an e-mail message")
    to = tuple(addresses(", ".join(str(v) for v in msg.get_all("To", []))))
    if not to:
        raise XlArError(f"{quote_excerpt(path.name)} has no recipient (To)")
    if not msg["From"]:
        raise XlArError(f"{quote_excerpt(path.name)} has no sender (From)")
    files = [p for p in msg.iter_attachments() if p.get_filename()]
    if not files:
        raise XlArError(f"{quote_excerpt(path.name)} has no attached document")
    data = files[0].get_content()
    data = data.encode() if isinstance(data, str) else bytes(data)
    return Outgoing(
        path, msg, str(msg[CUSTOMER_HEADER] or ""), to, str(msg["Subject"] or ""),
        str(files[0].get_filename()), hashlib.sha256(data).hexdigest(),
        str(msg[DOCUMENT_HEADER] or "document"),
    )  # fmt: skip


def read_drafts(folder: str | Path) -> list[Outgoing]:
    """The ``.eml`` drafts of ``folder`` (name order), each parsed and checked."""
    where = Path(folder)
    if not where.is_dir():
        raise XlArError(f"{quote_excerpt(str(folder))} is not a folder")
    return [_parse(p) for p in sorted(where.glob("*.eml")) if p.is_file()]


#: A document's file name: ``<kind word>_<customer slug>_<YYYY-MM-DD>[-N].<ext>``.
_DOCUMENT_NAME = re.compile(
    r"(surat|letter|rekening|statement|konfirmasi|confirmation)_.*_(\d{4}-\d{2}-\d{2})(?:-\d+)?"
    r"\.[A-Za-z]+"
)
_KIND = {"surat": "letter", "letter": "letter", "rekening": "statement",
         "statement": "statement", "konfirmasi": "confirmation", "confirmation": "confirmation"}  # fmt: skip


def document_key(customer: str, document: str, to: str) -> tuple[str, str, str, str] | None:
    """(customer, kind, date, recipients) of a document sent, ``None`` when its file name is
    not one xl-ar gives.

    Examples
    --------
    >>> document_key("P.T. Maju", "surat_PT_Maju_2024-12-31-2.pdf", "B@x.id; a@x.id")
    ('pt maju', 'letter', '2024-12-31', 'a@x.id,b@x.id')
    >>> document_key("PT Maju", "notes.pdf", "a@x.id") is None
    True
    """
    found = _DOCUMENT_NAME.fullmatch(str(document))
    key = customer_key(customer)
    if found is None or key is None:
        return None
    return key, _KIND[found[1]], found[2], _recipients(to)


def _sent_before(log: Path) -> tuple[set[tuple[str, str]], set[tuple[str, str, str, str]]]:
    """(sha256, recipients) and :func:`document_key` of every document ``log`` records as
    sent."""
    if not log.is_file():
        return set(), set()
    try:
        table = pd.read_csv(log, dtype=str, keep_default_na=False)
    except (OSError, ValueError, pd.errors.ParserError):
        raise XlArError(
            f"cannot read the send log {quote_excerpt(log.name)}; move it away to start a new one"
        ) from None
    if not {"Customer", "Document", "Document SHA256", "To", "Result"} <= set(table.columns):
        raise XlArError(f"{quote_excerpt(log.name)} is not xl-ar's send log (its columns differ)")
    done = table[table["Result"].str.strip().str.lower() == "sent"]
    hashes = {(h, _recipients(to))
              for h, to in zip(done["Document SHA256"], done["To"], strict=True)}  # fmt: skip
    keys = {document_key(c, d, to) for c, d, to in
            zip(done["Customer"], done["Document"], done["To"], strict=True)}  # fmt: skip
    return hashes, {k for k in keys if k is not None}


def _fresh_id(message: EmailMessage) -> EmailMessage:
    """A copy of ``message`` as it goes out: a new Message-ID (one per sending) and without
    the draft's ``X-Unsent`` header (which makes Outlook open a message as a draft)."""
    out = copy.deepcopy(message)
    del out["X-Unsent"]
    domain = parseaddr(str(out["From"] or ""))[1].rpartition("@")[2] or None
    del out["Message-ID"]
    out["Message-ID"] = make_msgid("xl-ar", domain=domain)
    return out


def _recipients(text: str) -> str:
    return ",".join(
        sorted(a.strip().lower() for a in str(text).replace(";", ",").split(",") if a.strip())
    )


def append_rows(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """Append ``rows`` to xl-ar's own CSV ``path`` (created with ``header``), rewritten whole
    through a temporary file; text a spreadsheet would evaluate gets a leading ``'``."""
    if not rows:
        return
    old = ""
    if path.is_file():
        old = path.read_text(encoding="utf-8-sig")
        first = old.splitlines()[0] if old.strip() else ""
        if first and next(csv.reader([first])) != header:
            raise XlArError(f"{path.name} is not xl-ar's file (its header differs); move it away")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if not old.strip():
        writer.writerow(header)
    writer.writerows([[str(neutralise(c)) for c in row] for row in rows])
    text = (old if old.endswith("\n") or not old else old + "\n") + buffer.getvalue()
    with safe_output(path, suffixes=(".csv",), what=path.name) as tmp:
        tmp.write_text(text, encoding="utf-8")


def _connect(settings: DocumentSettings) -> smtplib.SMTP:
    if not settings.smtp_host:
        raise XlArError(
            "sending needs an SMTP server: SmtpHost in the settings file given with --conf FILE "
            "(or --smtp-host HOST)"
        )
    try:
        server = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=TIMEOUT)
        if settings.smtp_tls:
            server.starttls()
        if settings.smtp_user:
            server.login(settings.smtp_user, settings.smtp_password)
    except smtplib.SMTPAuthenticationError:
        raise XlArError("the SMTP server refused the user name or password") from None
    except (OSError, smtplib.SMTPException) as exc:
        why = getattr(exc, "strerror", None) or str(exc) or "refused"
        raise XlArError(
            f"cannot connect to the SMTP server {settings.smtp_host}:{settings.smtp_port} "
            f"({str(why)[:80]})"
        ) from None
    return server


def send_folder(
    folder: str | Path,
    settings: DocumentSettings,
    *,
    send: bool = False,
    resend: bool = False,
    when: pd.Timestamp | None = None,
    log: str | Path | None = None,
) -> SendRun:
    """Send (``send=True``) or list (dry run) the drafts of ``folder``; see the module.

    ``log``: the send log to check and append to (default: ``folder/xl_ar_send_log.csv``).
    """
    where = Path(folder)
    log_path = Path(log) if log is not None else where / SEND_LOG
    drafts = read_drafts(where)
    hashes, keys = _sent_before(log_path)
    run = SendRun()
    todo = []
    for out in drafts:
        to = ",".join(out.to)
        seen = (out.sha256, _recipients(to)) in hashes or (
            document_key(out.customer, out.document, to) in keys
        )
        if not resend and seen:
            run.skipped.append(out)
        else:
            todo.append(out)
    if not send:
        run.would_send = todo
        return run
    run.dry = False
    if not todo:
        return run
    server = _connect(settings)
    rows: list[list[str]] = []
    activity: list[list[str]] = []
    try:
        for out in todo:
            stamp = (when or pd.Timestamp.now()).floor("s")
            message = _fresh_id(out.message)
            try:
                server.send_message(message, to_addrs=list(out.to))
            except (OSError, smtplib.SMTPException) as exc:
                reason = f"failed: {str(exc)[:120]}"
                run.failed.append((out, reason))
            else:
                reason = "sent"
                run.sent.append(out)
                activity.append([stamp.date().isoformat(), out.customer, "", "email", "sent",
                                 "", "", "", "", f"{out.note}; {out.document}"])  # fmt: skip
            rows.append([stamp.isoformat(), out.customer, ", ".join(out.to), out.subject,
                        out.document, out.sha256, str(message["Message-ID"] or ""),
                        reason])  # fmt: skip
    finally:
        try:
            server.quit()
        except (OSError, smtplib.SMTPException):
            pass
        append_rows(log_path, SEND_LOG_HEADER, rows)
        append_rows(where / ACTIVITY_FILE, ACTIVITY_HEADER, activity)
    return run
