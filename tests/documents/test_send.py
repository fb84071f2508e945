"""Sending the drafts against a real local SMTP server (aiosmtpd on 127.0.0.1, a free port):
each message arrives once and is logged once, a second run sends nothing, --resend sends
again, a dry run sends nothing; each sent message is one row of xl_ar_activity.csv."""

from __future__ import annotations

import csv
import hashlib
import socket
from email import policy
from email.parser import BytesParser

import pytest
from aiosmtpd.controller import Controller
from document_samples import HOSTILE, LEDGER, MASTER, SETTINGS

from xl_ar.cli import main
from xl_ar.documents.batch import write_documents
from xl_ar.documents.context import letter_documents
from xl_ar.documents.send import ACTIVITY_HEADER, SEND_LOG_HEADER, send_folder
from xl_ar.documents.settings import DocumentSettings
from xl_ar.errors import XlArError


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        yield inbox, controller.port
    finally:
        controller.stop()


@pytest.fixture
def drafts(tmp_path):
    docs = letter_documents(LEDGER, "2024-12-31", settings=SETTINGS, master=MASTER)[0]
    return write_documents(docs, tmp_path, eml=True, settings=SETTINGS)


def _rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def test_send_once_log_once_then_nothing_then_resend(tmp_path, smtp, drafts):
    inbox, port = smtp
    conf = DocumentSettings(smtp_host="127.0.0.1", smtp_port=port)
    dry = send_folder(tmp_path, conf)
    assert [o.document for o in dry.would_send] == [
        "letter_CV_Baru_2024-12-31.docx", "surat_PT_Maju_x_if_2024-12-31.docx",
    ]  # fmt: skip
    assert inbox.messages == [] and not (tmp_path / "xl_ar_send_log.csv").exists()

    run = send_folder(tmp_path, conf, send=True)
    assert len(run.sent) == 2 and run.failed == [] and run.skipped == []
    assert sorted(tuple(r) for r, _ in inbox.messages) == [
        ("ar@maju.example", "fin@maju.example"), ("jane@baru.example",),
    ]  # fmt: skip
    received = {BytesParser(policy=policy.default).parsebytes(c)["Subject"]: c
                for _, c in inbox.messages}  # fmt: skip
    maju = BytesParser(policy=policy.default).parsebytes(
        received["Surat Peringatan Terakhir – " + HOSTILE]
    )
    attached = next(maju.iter_attachments()).get_content()
    assert attached == (tmp_path / "surat_PT_Maju_x_if_2024-12-31.docx").read_bytes()
    draft = BytesParser(policy=policy.default).parsebytes(
        (tmp_path / "surat_PT_Maju_x_if_2024-12-31.eml").read_bytes()
    )
    assert draft["X-Unsent"] == "1" and maju["X-Unsent"] is None  # a draft; sent, it is mail

    log = _rows(tmp_path / "xl_ar_send_log.csv")
    assert log[0] == SEND_LOG_HEADER and len(log) == 3
    row = next(r for r in log[1:] if r[4] == "surat_PT_Maju_x_if_2024-12-31.docx")
    assert row[1] == "'" + HOSTILE  # formula-like text neutralised in xl-ar's CSV
    assert row[2] == "ar@maju.example, fin@maju.example"
    assert row[5] == hashlib.sha256(attached).hexdigest()
    assert row[6] == maju["Message-ID"] and row[7] == "sent"

    activity = _rows(tmp_path / "xl_ar_activity.csv")
    assert activity[0] == ACTIVITY_HEADER == ["Date", "Customer", "Invoice", "Action",
        "Outcome", "Promise Date", "Promise Amount", "Collector", "Next Action Date", "Note"]  # fmt: skip
    notes = sorted(r[9] for r in activity[1:])
    assert notes == ["letter:early; letter_CV_Baru_2024-12-31.docx",
                     "letter:escalation; surat_PT_Maju_x_if_2024-12-31.docx"]  # fmt: skip
    assert {(r[3], r[4]) for r in activity[1:]} == {("email", "sent")}

    again = send_folder(tmp_path, conf, send=True)
    assert again.sent == [] and len(again.skipped) == 2
    assert len(inbox.messages) == 2 and len(_rows(tmp_path / "xl_ar_send_log.csv")) == 3
    assert send_folder(tmp_path, conf).would_send == []  # a dry run lists nothing new

    resent = send_folder(tmp_path, conf, send=True, resend=True)
    assert len(resent.sent) == 2 and len(inbox.messages) == 4
    assert len(_rows(tmp_path / "xl_ar_send_log.csv")) == 5
    assert len(_rows(tmp_path / "xl_ar_activity.csv")) == 5


def test_cli_send_is_a_dry_run_unless_asked(tmp_path, smtp, drafts, capsys):
    inbox, port = smtp
    assert main(["send", str(tmp_path), "--smtp-host", "127.0.0.1", "--smtp-port", str(port)]) == 0
    out = capsys.readouterr().out
    assert "dry run: 2 message(s) would be sent; nothing was sent (add --send to send)" in out
    assert inbox.messages == []
    args = ["send", str(tmp_path), "--smtp-host", "127.0.0.1", "--smtp-port", str(port), "--send"]
    assert main(args) == 0
    assert "2 sent, 0 already sent, 0 failed" in capsys.readouterr().out
    assert main(args) == 0
    assert "0 sent, 2 already sent, 0 failed" in capsys.readouterr().out
    assert len(inbox.messages) == 2
    assert main([*args, "--resend"]) == 0
    assert len(inbox.messages) == 4


def test_no_server_is_one_line(tmp_path, drafts, capsys):
    port = _free_port()  # nobody listens there
    assert main(["send", str(tmp_path), "--send", "--smtp-host", "127.0.0.1",
                 "--smtp-port", str(port)]) == 2  # fmt: skip
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"xl-ar send: cannot connect to the SMTP server 127.0.0.1:{port}")
    assert "\n" not in err
    with pytest.raises(XlArError, match="sending needs an SMTP server: SmtpHost"):
        send_folder(tmp_path, DocumentSettings(), send=True)
    assert not (tmp_path / "xl_ar_send_log.csv").exists()
