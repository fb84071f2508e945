"""Documents the shipped templates cannot write without a setting are refused in one line
naming it; unknown keys of a settings file are listed; Language/Bahasa is read (review 16,
finding 13)."""

from __future__ import annotations

import pytest
from document_samples import LEDGER, SETTINGS

from xl_ar.cli import main
from xl_ar.documents.context import confirmation_documents, letter_documents
from xl_ar.documents.settings import OTHER_CONF_KEYS, DocumentSettings, read_settings
from xl_ar.errors import OptionError, XlArError


def test_confirmations_need_company_and_auditor():
    with pytest.raises(XlArError) as got:
        confirmation_documents(LEDGER, "2024-12-31", settings=DocumentSettings())
    assert str(got.value) == (
        "balance confirmations need the company's name and the auditor's name: Company and "
        "Auditor in xl_ar.conf (--conf FILE) or --company NAME / --auditor NAME"
    )
    with pytest.raises(XlArError, match=r"^balance confirmations need the auditor's name: "
                                        r"Auditor in xl_ar.conf \(--conf FILE\) or --auditor NAME$"):  # fmt: skip
        confirmation_documents(LEDGER, "2024-12-31", settings=DocumentSettings(company="PT A"))
    assert len(confirmation_documents(LEDGER, "2024-12-31", settings=SETTINGS)) == 3


def test_word_letters_need_the_company_unless_the_contact_file_names_it():
    with pytest.raises(XlArError, match=r"^Word/PDF letters need the company's name: Company in "
                                        r"xl_ar.conf \(--conf FILE\) or --company NAME$"):  # fmt: skip
        letter_documents(LEDGER, "2024-12-31", settings=DocumentSettings())
    docs, _ = letter_documents(LEDGER, "2024-12-31", settings=DocumentSettings(),
                               contact={"company": "PT Kontak"})  # fmt: skip
    assert {d.context["company"]["name"] for d in docs} == {"PT Kontak"}


def test_cli_confirmations_without_auditor_write_nothing(tmp_path, capsys):
    ledger = tmp_path / "piutang.csv"
    ledger.write_text("\n".join(",".join(map(str, r)) for r in LEDGER), encoding="utf-8")
    code = main(["confirmations", str(ledger), "--as-of", "2024-12-31", "--company", "PT A",
                 "--out", str(tmp_path / "konf")])  # fmt: skip
    assert code == 2
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        "xl-ar confirmations: balance confirmations need the auditor's name: Auditor in "
        "xl_ar.conf (--conf FILE) or --auditor NAME"
    )
    assert not (tmp_path / "konf").exists() or not any((tmp_path / "konf").iterdir())


def test_unknown_keys_and_language():
    rows = [["Key", "Value"], ["Company", "PT A"], ["Signatori", "Rina"], ["Auditr", "KAP"],
            ["Language", "en"], ["AsOf", "2024-12-31"], ["Buckets", "30,60"]]  # fmt: skip
    got = read_settings(rows, environ={})
    assert got.unknown_keys == ("Signatori", "Auditr")
    assert got.language == "en" and got.company == "PT A" and got.auditor == ""
    assert read_settings([["Bahasa", "Indonesia"]], environ={}).language == "id"
    with pytest.raises(OptionError, match=r"^Language must be id or en, not 'jawa'$"):
        read_settings([["Bahasa", "jawa"]], environ={})


def test_the_workbook_keys_are_known():
    from xl_ar.macros import _OPTION_KEYS, _READ_KEYS

    assert set(_READ_KEYS) | set(_OPTION_KEYS) <= OTHER_CONF_KEYS | {
        "company", "bank", "bankaccount", "rekening", "accountname", "atasnama",
    }  # fmt: skip
