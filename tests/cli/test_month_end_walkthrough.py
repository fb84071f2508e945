"""The README's month-end walkthrough, run literally on the demo's files: every step exits 0,
the statements close at the aging total, the drafts go to a real local SMTP server once."""

from __future__ import annotations

import csv
import re
import shlex
import socket
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from xl_ar.cli import main
from xl_ar.demo import DESK_FILES, run_demo

README = Path(__file__).resolve().parents[2] / "README.md"


def walkthrough() -> list[list[str]]:
    """The ``xl-ar`` commands of the README's month-end block, one argv each."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## A month-end run: from the ledger to sent statements", 1)[1]
    block = section.split("```bash\n", 1)[1].split("```", 1)[0]
    joined = block.replace("\\\n", " ")
    out = []
    for line in joined.splitlines():
        words = shlex.split(line, comments=True)
        if words and words[0] == "xl-ar":
            out.append(words[1:])
    return out


class Inbox:
    def __init__(self) -> None:
        self.messages: list[list[str]] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(list(envelope.rcpt_tos))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_walkthrough_has_the_nine_steps():
    commands = [argv[0] for argv in walkthrough()]
    assert commands == ["check", "aging", "worklist", "statements", "letters", "confirmations",
                        "send", "send", "report"]  # fmt: skip


@pytest.mark.libreoffice
def test_the_month_end_run_works_as_written(tmp_path, monkeypatch, capsys):
    from libreoffice import require_soffice

    require_soffice()
    run_demo(tmp_path)
    assert all((tmp_path / name).is_file() for name in DESK_FILES)
    conf = tmp_path / "xl_ar_conf.csv"  # the sample's SMTP port -> this test's own server
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    conf.write_text(
        re.sub(r"SmtpPort,\d+", f"SmtpPort,{controller.port}", conf.read_text("utf-8")), "utf-8"
    )
    monkeypatch.chdir(tmp_path)
    controller.start()
    outs = []
    try:
        for argv in walkthrough():
            code = main(argv)
            out, err = capsys.readouterr()
            assert code == 0, (argv, err)
            outs.append(out)
        assert main(["send", "bulan-2024-12", "--conf", "xl_ar_conf.csv", "--send"]) == 0
        again = capsys.readouterr().out
    finally:
        controller.stop()
    assert outs[3].splitlines()[-1] == (
        "59 statements from 2024-12-01 to 2024-12-31 written to bulan-2024-12/: closing "
        "balances 4,404,389,500.00 IDR"
    )
    assert outs[1].splitlines()[-1].split()[-1] == "4,404,389,500.00"  # the aging total
    assert "dry run: 54 message(s) would be sent" in outs[6]
    assert len(inbox.messages) == 54  # each draft once, the second --send sent nothing
    assert "0 sent, 54 already sent, 0 failed" in again
    with open(tmp_path / "bulan-2024-12" / "xl_ar_send_log.csv", encoding="utf-8") as f:
        log = list(csv.reader(f))
    assert len(log) == 55 and {row[-1] for row in log[1:]} == {"sent"}
    assert (tmp_path / "ar-2024-12.xlsx").is_file()
