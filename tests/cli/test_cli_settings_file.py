"""The settings file (--conf) of the document commands: misspelt keys are named, Language sets
the run's language unless --lang is given."""

from __future__ import annotations

from xl_ar.cli import main

LEDGER = """Pelanggan,No Faktur,Tanggal Faktur,Jatuh Tempo,Jumlah
PT Maju,F-1,2024-10-01,2024-10-31,1500000
"""


def _files(tmp_path, conf):
    (tmp_path / "piutang.csv").write_text(LEDGER, encoding="utf-8")
    (tmp_path / "conf.csv").write_text(conf, encoding="utf-8")


def test_misspelt_keys_are_named_and_language_is_the_default(tmp_path, capsys):
    _files(tmp_path, "Key,Value\nCompany,PT Sinar\nSignatori,Rina\nLanguage,en\n")
    code = main(["statements", str(tmp_path / "piutang.csv"), "--to", "2024-12-31", "--conf",
                 str(tmp_path / "conf.csv"), "--out", str(tmp_path / "a")])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 0, err
    assert ("xl-ar statements: note: conf.csv has keys xl-ar does not know, ignored: "
            "'Signatori' (see the README's settings file)") in err  # fmt: skip
    assert [p.name for p in (tmp_path / "a").iterdir()] == ["statement_PT_Maju_2024-12-31.xlsx"]
    code = main(["statements", str(tmp_path / "piutang.csv"), "--to", "2024-12-31", "--conf",
                 str(tmp_path / "conf.csv"), "--lang", "id", "--out", str(tmp_path / "b")])  # fmt: skip
    capsys.readouterr()
    assert code == 0
    assert [p.name for p in (tmp_path / "b").iterdir()] == ["rekening_PT_Maju_2024-12-31.xlsx"]


def test_without_a_settings_file_indonesian_as_before(tmp_path, capsys):
    _files(tmp_path, "Key,Value\n")
    code = main(["letters", str(tmp_path / "piutang.csv"), "--as-of", "2024-12-31", "--out",
                 str(tmp_path / "s")])  # fmt: skip
    capsys.readouterr()
    assert code == 0
    assert all(p.name.endswith("_id.txt") for p in (tmp_path / "s").iterdir())
