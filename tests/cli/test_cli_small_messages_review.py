"""Review 16 #19 (CLI parts): `send --send` without an SMTP server names --conf FILE;
`confirmations --largest N` giving fewer says why."""

from __future__ import annotations

import csv

import pytest
from document_samples import LEDGER

from xl_ar.cli import main
from xl_ar.documents.send import _connect
from xl_ar.documents.settings import DocumentSettings
from xl_ar.errors import XlArError


def test_send_without_server_names_the_conf_option():
    with pytest.raises(XlArError) as got:
        _connect(DocumentSettings())
    assert str(got.value) == (
        "sending needs an SMTP server: SmtpHost in the settings file given with --conf FILE "
        "(or --smtp-host HOST)"
    )


def test_largest_with_fewer_results_says_why(tmp_path, capsys):
    ledger = tmp_path / "ledger.csv"
    with open(ledger, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(LEDGER)
    code = main(["confirmations", str(ledger), "--as-of", "2024-12-31", "--company", "PT Sinar", "--auditor", "KAP A", "--largest", "2",
                 "--customer", "CV Baru", "--out", str(tmp_path / "k")])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 0, err
    assert (
        "xl-ar confirmations: note: --largest 2 gave 1: only 1 customer(s) among the 1 "
        "customer(s) named with --customer\n"
    ) in err
    code = main(["confirmations", str(ledger), "--as-of", "2024-12-31", "--company", "PT Sinar", "--auditor", "KAP A", "--largest", "5",
                 "--out", str(tmp_path / "k5")])  # fmt: skip
    err = capsys.readouterr().err
    assert "note: --largest 5 gave 3: only 3 customer(s) with an open balance\n" in err
