"""AR_RECONCILE's ``customers`` range (review 17, finding 4): virtual accounts name the payer,
the master's Withholding column settles an invoice paid net of PPh 23; without it the note
hints at the tax, as the command line does. Through xlwings' own conversion code."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from xl_ar.testing import MISSING, excel_call

D = dt.datetime
LEDGER = [
    ["Customer", "Invoice", "Invoice Date", "Due Date", "DPP", "PPN", "Amount"],
    ["PT Maju Jaya Abadi", "INV-0012", D(2024, 11, 5), D(2024, 12, 5), 10_000_000.0,
     1_100_000.0, 11_100_000.0],
    ["PT Sumber Makmur", "INV-0013", D(2024, 11, 20), D(2024, 12, 20), 4_500_000.0,
     495_000.0, 4_995_000.0],
]  # fmt: skip
MASTER = [
    ["Pelanggan", "Nomor VA", "Withholding"],
    ["PT Maju Jaya Abadi", "88080000001", "PPh 23"],
    ["PT Sumber Makmur", "88080000003", None],
]


def pad(rows: list[list[object]], width: int = 5) -> list[list[object]]:
    return [[*r, *([None] * (width - len(r)))] for r in rows]


STATEMENT = pad([
    ["Mutasi Rekening - KlikBCA Bisnis"],
    ["No. rekening", ":", "0123456789"],
    ["Nama", ":", "PT CONTOH DISTRIBUSI"],
    ["Periode", ":", "01/12/2024 - 31/12/2024"],
    ["Kode Mata Uang", ":", "Rp"],
    [],
    ["Tanggal Transaksi", "Keterangan", "Cabang", "Jumlah", "Saldo"],
    ["02/12", "TRSF E-BANKING CR 0212/FTSCY/WS95031 INV-0012 MAJU JAYA ABADI PT", "0000",
     "10,900,000.00 CR", "35,900,000.00"],
    ["05/12", "TRSF VA 88080000003 0512/FTVA/WS20011", "0000",
     "4,995,000.00 CR", "40,895,000.00"],
    ["Saldo Awal", ":", "25,000,000.00"],
    ["Saldo Akhir", ":", "40,895,000.00"],
])  # fmt: skip


def table_of(got: list[list[object]]) -> pd.DataFrame:
    assert isinstance(got, list), got
    return pd.DataFrame(got[1:], columns=got[0])


def _call(*customers: object) -> pd.DataFrame:
    args = [LEDGER, STATEMENT, MISSING, MISSING, MISSING, MISSING, MISSING, *customers]
    return table_of(excel_call("AR_RECONCILE", *args))


def test_customers_range_settles_pph23_and_names_the_va_payer() -> None:
    t = _call(MASTER)
    pph = t[t["invoice"] == "INV-0012"].iloc[0]
    assert (pph["status"], pph["applied"], pph["withheld"], pph["remaining"]) == (
        "matched",
        10_900_000.0,
        200_000.0,
        0.0,
    )
    assert pph["withholding_type"] == "PPh 23"
    va = t[t["invoice"] == "INV-0013"].iloc[0]
    assert (va["customer"], va["status"], va["applied"], va["payer_rule"]) == (
        "PT Sumber Makmur",
        "matched",
        4_995_000.0,
        "virtual_account",
    )


def test_without_customers_the_note_hints_at_the_tax() -> None:
    t = _call()
    pph = t[t["invoice"] == "INV-0012"].iloc[0]
    assert (pph["status"], pph["remaining"]) == ("partial", 200_000.0)
    assert pph["note"] == (
        "short by 200,000, the PPh 23 on this invoice: if the customer withholds, list it as a "
        "withholder (not applied as withholding)"
    )
    va = t[t["payment"] == "row 9"].iloc[0]
    assert (va["status"], va["remaining"]) == ("unmatched", 4_995_000.0)


def test_a_blank_customers_range_is_no_master() -> None:
    blank = [[None, None, None], [None, None, None]]
    assert _call(blank).equals(_call())
