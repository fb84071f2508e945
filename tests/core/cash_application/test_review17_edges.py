"""Review 17 edges of the statement reader: bounced giro / returned transfer, BRI merged title."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from xl_ar.core import read_bank_statement

MANDIRI_HEAD = """Laporan Mutasi Rekening
Nomor Rekening,1230009876543
Nama,PT DISTRIBUSI NUSANTARA
Periode,15/12/2024 - 15/01/2025
Mata Uang,IDR

Tgl.,Tgl. Val.,Rincian Transaksi,No. Referensi,Debit,Kredit,Saldo
"""
MANDIRI_FOOT = 'Saldo Awal,"100.000.000,00"\nSaldo Akhir,"{closing}"\n'


def _mandiri(tmp_path: Path, lines: list[str], closing: str) -> Path:
    path = tmp_path / "mandiri.csv"
    text = MANDIRI_HEAD + "\n".join(lines) + "\n" + MANDIRI_FOOT.format(closing=closing)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "words", ["TOLAKAN KLIRING BG 556677", "RETUR BG 556677", "RETURN TRANSFER", "BG DITOLAK"]
)
def test_a_bounced_giro_takes_its_deposit_out(tmp_path: Path, words: str) -> None:
    path = _mandiri(
        tmp_path,
        [
            '19/12/2024,19/12/2024,SETORAN KLIRING BG 556677 SUMBER MAKMUR 10246,REF4,"0,00",'
            '"8.880.000,00","108.880.000,00"',
            f'20/12/2024,20/12/2024,{words} SUMBER MAKMUR,REF5,"8.880.000,00","0,00",'
            '"100.000.000,00"',
        ],
        "100.000.000,00",
    )
    st = read_bank_statement(path)
    assert st.bank == "mandiri"
    assert st.receipts.empty
    assert st.left_out["reason"].tolist() == ["reversed", "reversal"]
    assert st.left_out["amount"].tolist() == [8_880_000.0, 8_880_000.0]
    assert st.balance_difference == 0.0


def test_the_bounce_pairs_with_the_deposit_of_its_own_giro_number(tmp_path: Path) -> None:
    # two giros of the same amount; the one of BG 556677 bounces, the other (BG 112233) stands
    path = _mandiri(
        tmp_path,
        [
            '18/12/2024,18/12/2024,SETORAN KLIRING BG 556677 SUMBER MAKMUR 10246,REF3,"0,00",'
            '"8.880.000,00","108.880.000,00"',
            '19/12/2024,19/12/2024,SETORAN KLIRING BG 112233 MAJU JAYA 10247,REF4,"0,00",'
            '"8.880.000,00","117.760.000,00"',
            "20/12/2024,20/12/2024,TOLAKAN KLIRING BG 556677 SUMBER MAKMUR,REF5,"
            '"8.880.000,00","0,00","108.880.000,00"',
        ],
        "108.880.000,00",
    )
    st = read_bank_statement(path)
    assert st.receipts["payment"].tolist() == ["REF4"]
    assert st.receipts["memo"].str.contains("BG 112233").all()
    assert st.lines["status"].tolist() == ["reversed", "receipt", "reversal"]


def test_a_refund_debit_does_not_undo_the_receipt(tmp_path: Path) -> None:
    path = _mandiri(
        tmp_path,
        [
            '19/12/2024,19/12/2024,TRANSFER SUMBER MAKMUR 10246,REF4,"0,00","500.000,00",'
            '"100.500.000,00"',
            '20/12/2024,20/12/2024,REFUND KELEBIHAN BAYAR SUMBER MAKMUR,REF5,"500.000,00",'
            '"0,00","100.000.000,00"',
        ],
        "100.000.000,00",
    )
    st = read_bank_statement(path)
    assert st.receipts["amount"].tolist() == [500_000.0]
    assert st.left_out["reason"].tolist() == ["debit"]


def test_a_credit_that_mentions_a_return_is_still_a_receipt(tmp_path: Path) -> None:
    path = _mandiri(
        tmp_path,
        [
            '18/12/2024,18/12/2024,BIAYA PENGIRIMAN,REF3,"700.000,00","0,00","99.300.000,00"',
            '19/12/2024,19/12/2024,TRF SUMBER MAKMUR 10246 POTONG RETUR,REF4,"0,00",'
            '"700.000,00","100.000.000,00"',
        ],
        "100.000.000,00",
    )
    st = read_bank_statement(path)
    assert st.receipts["amount"].tolist() == [700_000.0]


def test_bca_returned_transfer(tmp_path: Path) -> None:
    path = tmp_path / "bca.csv"
    path.write_text(
        "Informasi Rekening - Mutasi Rekening\n"
        "No. rekening : 1234567890\n"
        "Nama : PT DISTRIBUSI NUSANTARA\n"
        "Periode : 01/12/2024 - 31/12/2024\n"
        "Kode Mata Uang : IDR\n"
        "\n"
        "Tanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo\n"
        "'02/12,TRSF E-BANKING CR 0212/FTSCY/WS95011 INV-2024-1201 MAJU JAYA,'0000,"
        '"10,900,000.00",CR,"110,900,000.00"\n'
        "'03/12,TRSF E-BANKING CR 0312/FTSCY/WS95012 INV-2024-1202 SINAR,'0000,"
        '"3,000,000.00",CR,"113,900,000.00"\n'
        "'04/12,RETUR TRSF 0212/FTSCY/WS95011 REK TUTUP,'0000,"
        '"10,900,000.00",DB,"103,000,000.00"\n'
        'Saldo Awal,"100,000,000.00"\n'
        'Saldo Akhir,"103,000,000.00"\n',
        encoding="utf-8",
    )
    st = read_bank_statement(path)
    assert st.bank == "bca"
    assert st.receipts["amount"].tolist() == [3_000_000.0]
    assert st.left_out["reason"].tolist() == ["reversed", "reversal"]
    assert st.balance_difference == 0.0


def test_bri_title_block_in_merged_cells(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws["A1"] = "LAPORAN TRANSAKSI REKENING"
    ws["A2"] = "No. Rekening : 0123-01-000456-30-1"
    ws["A3"] = "Nama : PT DISTRIBUSI NUSANTARA"
    ws["A4"] = "Periode Transaksi"  # the label merged over two cells, the dates beside it
    ws["C4"] = ": 15/12/2024 - 15/01/2025"
    ws["A5"] = "Mata Uang : IDR"
    for cells in ("A1:F1", "A2:F2", "A3:F3", "A4:B4", "C4:F4", "A5:F5"):
        ws.merge_cells(cells)
    ws.append([])
    ws.append(["Tanggal Transaksi", "Uraian Transaksi", "Teller", "Debet", "Kredit", "Saldo"])
    ws.append(["16/12/24", "TRSF E-BANKING CR 1612 MAJU JAYA", "8888888", 0, 10900000, 110900000])
    ws.append(["14/01/25", "BIAYA ADM", "8888888", 15000, 0, 110885000])
    path = tmp_path / "bri.xlsx"
    book.save(path)
    st = read_bank_statement(path)
    assert (st.bank, st.account, st.account_name, st.currency) == (
        "bri",
        "012301000456301",
        "PT DISTRIBUSI NUSANTARA",
        "IDR",
    )
    assert (st.period_start, st.period_end) == (
        pd.Timestamp("2024-12-15"),
        pd.Timestamp("2025-01-15"),
    )
    assert st.receipts["amount"].tolist() == [10_900_000.0]
