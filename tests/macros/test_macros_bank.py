"""The reconcile button with a bank statement pasted into a ``Mutasi Bank`` sheet (issue 17):
the statement check, receipt list, tax withheld and journal sheets, the conf's accounts."""

from __future__ import annotations

import pandas as pd
import xlwings as xw
from book_model import LEDGER, make_book, sheet_from_rows, workbook

from xl_ar import macros
from xl_ar.macros.workbook_source import INPUT_SHEETS
from xl_ar.reports.render_live import generated_key
from xl_ar.sample_data import make_sample_bank_statement, make_sample_master


def test_a_mutasi_bank_sheet_is_read_as_the_payments():
    assert INPUT_SHEETS["payments"] == (
        "Pembayaran", "Payments", "Mutasi Bank", "Mutasi Rekening", "Bank Statement"
    )  # fmt: skip


def master_rows(frame: pd.DataFrame) -> list[list[object]]:
    master = make_sample_master(frame)
    return [list(master.columns), *master.astype(object).to_numpy().tolist()]


def test_reconcile_button_with_a_bank_statement_sheet(monkeypatch):
    statement = sheet_from_rows("Mutasi Bank", make_sample_bank_statement(LEDGER))
    customers = sheet_from_rows("Pelanggan", master_rows(LEDGER))
    conf = sheet_from_rows("xl_ar.conf", [["Key", "Value"], ["AkunBank", "1-10003"]])
    model, book = workbook(LEDGER, statement, customers, conf)
    monkeypatch.setattr(xw.Book, "caller", lambda: book)
    macros.reconcile_report()
    assert model.alerts == []
    made = {s.name: generated_key(make_book(model).sheets[s.name]) for s in model.sheets[5:]}
    assert {"reconciliation", "bank_statement", "receipts", "withholding", "journal"} <= set(
        made.values()
    )
    assert "Mutasi Bank" in [s.name for s in model.sheets[:5]]  # the user's sheet, untouched
    journal = next(s for s in model.sheets if made.get(s.name) == "journal")
    values = set(journal.cells.values())
    assert "1-10003" in values and "1-10502" in values  # the conf's bank; PPh 23 prepaid
