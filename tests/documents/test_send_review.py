"""Review 16 #10: the same document is not sent twice when it is generated again into another
folder (one send log for every run: --log FILE; the check is keyed on customer, document kind,
document date and recipients besides the SHA-256), and each sending gets a fresh Message-ID.
Against a real local SMTP server (aiosmtpd on 127.0.0.1)."""

from __future__ import annotations

import csv
import socket
from email import policy
from email.parser import BytesParser

import pytest
from aiosmtpd.controller import Controller
from document_samples import LEDGER, MASTER, SETTINGS

from xl_ar.cli import main
from xl_ar.documents.batch import write_documents
from xl_ar.documents.context import letter_documents


class Inbox:
    def __init__(self) -> None:
        self.messages: list[bytes] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope.content)
        return "250 OK"


@pytest.fixture
def smtp():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def _drafts(folder):
    docs = letter_documents(LEDGER, "2024-12-31", settings=SETTINGS, master=MASTER)[0]
    write_documents(docs, folder, eml=True, settings=SETTINGS)


def _ids(inbox):
    return [BytesParser(policy=policy.default).parsebytes(m)["Message-ID"] for m in inbox.messages]


def test_letters_written_again_elsewhere_are_not_sent_twice(tmp_path, smtp, capsys):
    inbox, port = smtp
    log = tmp_path / "kirim.csv"
    first, second = tmp_path / "surat", tmp_path / "surat_b"
    _drafts(first)
    _drafts(second)  # the same letters generated again: other bytes (new Message-ID, docx)
    server = ["--smtp-host", "127.0.0.1", "--smtp-port", str(port), "--log", str(log)]
    assert main(["send", str(first), "--send", *server]) == 0
    assert "2 sent, 0 already sent, 0 failed" in capsys.readouterr().out
    assert main(["send", str(second), "--send", *server]) == 0
    out = capsys.readouterr().out
    assert "0 sent, 2 already sent, 0 failed" in out
    assert (
        "not sent again (already sent): letter_CV_Baru_2024-12-31.docx to jane@baru.example" in out
    )
    assert len(inbox.messages) == 2
    with open(log, encoding="utf-8", newline="") as f:
        assert len(list(csv.reader(f))) == 3  # header + the 2 sent
    assert not (first / "xl_ar_send_log.csv").exists()  # the one log given

    assert main(["send", str(second), "--send", "--resend", *server]) == 0
    assert "2 sent, 0 already sent" in capsys.readouterr().out
    ids = _ids(inbox)
    assert len(ids) == 4 and len(set(ids)) == 4  # every sending its own Message-ID
    drafted = {BytesParser(policy=policy.default).parsebytes(p.read_bytes())["Message-ID"]
               for p in [*first.glob("*.eml"), *second.glob("*.eml")]}  # fmt: skip
    assert drafted.isdisjoint(ids)


def test_resend_from_the_same_folder_uses_a_fresh_message_id(tmp_path, smtp, capsys):
    inbox, port = smtp
    _drafts(tmp_path)
    args = ["send", str(tmp_path), "--send", "--smtp-host", "127.0.0.1", "--smtp-port", str(port)]
    assert main(args) == 0
    assert main([*args, "--resend"]) == 0
    capsys.readouterr()
    ids = _ids(inbox)
    assert len(ids) == 4 and len(set(ids)) == 4
    with open(tmp_path / "xl_ar_send_log.csv", encoding="utf-8", newline="") as f:
        logged = [r[6] for r in list(csv.reader(f))[1:]]
    assert sorted(logged) == sorted(ids)
