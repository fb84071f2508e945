"""``xl-ar reconcile`` output text (review 17): a statement without a title block, unmatched
cash apart from unapplied, readable summary labels, a bounced giro not posted, receipts named
by the bank's reference instead of ``row 8``."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from xl_ar.cli import main

LEDGER = """Customer,Invoice,Invoice Date,Terms,Amount
PT Maju Jaya,INV-001,2024-11-02,30,11100000
CV Sinar,INV-003,2024-11-05,30,2000000
PT Sumber Makmur,10246,2024-11-20,30,8880000
"""
GENERIC = """Date,Description,Debit,Credit
02/12/2024,TRSF CR 0212/FTSCY/WS95031 INV-001 MAJU JAYA,,11100000
10/12/2024,SETORAN TUNAI TANPA KETERANGAN,,750000
31/12/2024,BIAYA ADM,15000,
"""
MANDIRI = """Laporan Mutasi Rekening
Nomor Rekening,1230009876543
Nama,PT DISTRIBUSI NUSANTARA
Periode,01/12/2024 - 31/12/2024
Mata Uang,IDR

Tgl.,Tgl. Val.,Rincian Transaksi,No. Referensi,Debit,Kredit,Saldo
19/12/2024,19/12/2024,SETORAN KLIRING BG 556677 SUMBER MAKMUR 10246,REF4,"0,00","8.880.000,00","108.880.000,00"
20/12/2024,20/12/2024,TOLAKAN KLIRING BG 556677 SUMBER MAKMUR,REF5,"8.880.000,00","0,00","100.000.000,00"
Saldo Awal,"100.000.000,00"
Saldo Akhir,"100.000.000,00"
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_generic_statement_without_title_says_what_it_knows(tmp_path: Path, capsys) -> None:
    ledger = _write(tmp_path, "ledger.csv", LEDGER)
    stmt = _write(tmp_path, "stmt.csv", GENERIC)
    assert main(["reconcile", str(ledger), str(stmt)]) == 0
    out = capsys.readouterr().out.splitlines()
    head = out.index("GENERIC statement, lines 02/12/2024 - 31/12/2024 (no period in the file)")
    assert out[head + 1 :] == [
        "balances not checked: the statement gives no opening or closing balance",
        "receipts        2  11,850,000.00",
        "applied            11,100,000.00",
        "withheld                    0.00",
        "fees                        0.00",
        "unapplied                   0.00",
        "unmatched             750,000.00",
        "giro in hand                0.00",
        "proposed                    0.00",
        "left-out lines  1",
    ]
    assert not [line for line in out if line.startswith(("giro_in_hand_", "proposed_"))]
    assert any(line.startswith("Giro in Hand Receipts ") for line in out)
    assert any(line.startswith("Proposed Receipts ") for line in out)


def test_bounced_giro_is_not_applied_nor_posted(tmp_path: Path, capsys) -> None:
    ledger = _write(tmp_path, "ledger.csv", LEDGER)
    stmt = _write(tmp_path, "mandiri.csv", MANDIRI)
    out_dir = tmp_path / "out"
    assert main(["reconcile", str(ledger), str(stmt), "--out-dir", str(out_dir)]) == 0
    printed = capsys.readouterr().out
    assert "receipts        0  0.00" in printed
    assert "left-out lines  2" in printed
    journal = pd.read_csv(out_dir / "jurnal_mandiri_2024-12.csv", dtype=str)
    assert journal.empty


def test_journal_and_receipt_list_name_the_bank_reference(tmp_path: Path, capsys) -> None:
    ledger = _write(tmp_path, "ledger.csv", LEDGER)
    stmt = _write(tmp_path, "stmt.csv", GENERIC)
    out_dir = tmp_path / "out"
    assert main(["reconcile", str(ledger), str(stmt), "--out-dir", str(out_dir)]) == 0
    capsys.readouterr()
    journal = pd.read_csv(out_dir / "jurnal_generic_2024-12.csv", dtype=str)
    assert journal["Description"].tolist()[:2] == [
        "Penerimaan 0212/FTSCY/WS95031 02/12/2024 dari PT Maju Jaya",
        "Pelunasan INV-001 PT Maju Jaya",
    ]
    assert "Uang muka pelanggan tidak dikenal dari SETORAN TUNAI TANPA 10/12/2024" in set(
        journal["Description"]
    )
    receipts = pd.read_csv(out_dir / "penerimaan_2024-12.csv", dtype=str)
    assert sorted(receipts["Receipt"]) == [
        "0212/FTSCY/WS95031 02/12/2024 (row 2)",
        "SETORAN TUNAI TANPA 10/12/2024 (row 3)",
    ]
