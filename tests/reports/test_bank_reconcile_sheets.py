"""The month-end bank reconciliation sheets: statement check, receipt list, tax withheld and
the receipts journal, from a hand-built bank result (issue 17)."""

from __future__ import annotations

import openpyxl
import pytest

from tests.support.bank_reconcile_samples import bank_result
from xl_ar.core import read_posting_settings
from xl_ar.reports.catalog import build_report
from xl_ar.reports.render_file import render_file
from xl_ar.reports.sheet_bank_reconcile import (
    bank_statement_sheet,
    journal_sheet,
    left_out_reason,
    receipts_sheet,
)
from xl_ar.reports.sheets import Settings

KEYS = "reconciliation,bank_statement,receipts,withholding,journal"


def frame(sheet, name):
    return next(t.frame for t in sheet.tables if t.name == name)


def test_statement_check_balances_and_left_out_lines():
    sheet = bank_statement_sheet(bank_result(), Settings())
    assert sheet.name == ("Cek Mutasi Bank", "Bank Statement Check")
    balances = frame(sheet, "bank_balances")
    assert balances["value"].tolist() == [
        50_000_000.0,
        42_597_500.0,
        15_000.0,
        92_582_500.0,
        92_582_500.0,
        0.0,
    ]
    assert sheet.notes[1] == (
        "Saldo cocok: saldo awal + kredit - debet = saldo akhir",
        "Balances agree: opening + credits - debits = closing",
    )
    left = frame(sheet, "bank_left_out")
    assert left["amount"].tolist() == [15_000.0, 250_000.0]
    assert left["reason"].tolist() == [
        ("debet (uang keluar)", "debit (money out)"),
        ("tertunda (PEND)", "pending (PEND)"),
    ]
    assert frame(sheet, "bank_account")["value"].tolist() == [
        "BCA",
        "1234567890",
        "PT CONTOH JAYA",
        "IDR",
        "01/12/2024 - 31/12/2024",
    ]


def test_balance_mismatch_is_loud():
    sheet = bank_statement_sheet(bank_result(balance_difference=-100_000.0), Settings())
    assert sheet.notes[1][1] == (
        "BALANCES DO NOT AGREE: difference -100,000.00; look for missing or doubled lines"
    )
    assert frame(sheet, "bank_balances")["value"].iloc[-1] == -100_000.0


def test_journal_sheet_balances_and_uses_the_settings_accounts():
    posting = read_posting_settings([["AccountBank", "1-10003"]])
    sheet = journal_sheet(bank_result(), Settings(posting=posting, lang="en"))
    lines = frame(sheet, "journal")
    total = lines.iloc[-1]
    assert total["voucher"] == ("Total", "Total")
    assert total["debit"] == total["credit"] == 38_301_000.0
    assert lines["account_code"].iloc[0] == "1-10003"
    held = frame(sheet, "journal_not_posted")
    assert held[["receipt", "amount"]].to_numpy().tolist() == [["R4", 7_000_000.0]]


def test_receipt_sheet_totals():
    got = frame(receipts_sheet(bank_result(), Settings()), "receipts")
    assert got["amount"].iloc[-1] == 42_597_500.0
    assert got["withheld"].iloc[-1] == 2_700_000.0
    assert got["held"].iloc[-1] == 7_000_000.0


def test_left_out_reasons():
    result = bank_result()
    plain = type(result)(result.table, result.summary, "payments", None)
    assert (
        left_out_reason("bank_statement", plain) == "left out: the payments are no bank statement"
    )
    assert left_out_reason("journal", plain) is None
    no_tax = type(result)(result.table.assign(withheld=0.0), {}, "bank", result.statement)
    assert left_out_reason("withholding", no_tax) == "left out: no tax was withheld"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_report_file_has_the_bank_sheets(tmp_path, lang):
    report = build_report(reports=KEYS, reconciliation=bank_result(), lang=lang)
    assert [s.key for s in report.sheets] == [
        "reconciliation",
        "bank_statement",
        "receipts",
        "withholding",
        "journal",
    ]
    out = render_file(report, tmp_path / "rekon.xlsx", lang=lang)
    book = openpyxl.load_workbook(out)
    names = {
        "id": ["Cek Mutasi Bank", "Daftar Penerimaan", "Potongan Pajak", "Jurnal Penerimaan"],
        "en": ["Bank Statement Check", "Receipt List", "Tax Withheld", "Receipts Journal"],
    }[lang]
    for name in names:
        assert name in book.sheetnames
    cells = [c for r in book[names[1]].iter_rows(values_only=True) for c in r]
    assert 42_597_500 in cells
