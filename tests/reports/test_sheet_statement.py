"""The statements report sheet (catalog key ``statements``) and the .xlsx per customer."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

from xl_ar.cli import main
from xl_ar.core import account_statements, read_ledger
from xl_ar.reports.catalog import FULL_REPORT, build_report
from xl_ar.reports.model import cells_in
from xl_ar.reports.render_file import render_file
from xl_ar.reports.statement_book import book_names, write_statement_books
from xl_ar.sample_data import make_sample_ledger

HEADER = ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"]
ROWS = [
    HEADER,
    ["PT Maju", "F-1", "2024-11-20", "2024-12-20", 1000.0, 1000.0, "2024-12-05"],
    ["PT Maju", "F-2", "2024-12-03", "2025-01-02", 500.0, 200.0, "2024-12-20"],
    ["CV Baru", "F-3", "2024-10-01", "2024-10-31", 300.0, 0.0, None],
    ["UD Lama", "F-4", "2024-01-01", "2024-01-31", 50.0, 50.0, "2024-02-01"],
]
SETTINGS = {"bank": "Bank Mandiri", "bank_account": "070-000-1234", "account_name": "PT Sinar"}
MASTER = pd.DataFrame({"customer": ["pt. maju", "CV Baru"], "virtual_account": ["8808 01", None]})


def test_not_in_the_full_report():
    assert "statements" not in FULL_REPORT


def test_sheet_period_defaults_to_the_as_of_month_and_blocks_per_customer():
    report = build_report(ROWS, "2024-12-31", reports="statements", master=MASTER,
                          options=SETTINGS)  # fmt: skip
    sheet = report.sheets[0]
    assert (sheet.key, sheet.name) == ("statements", ("Rekening Koran", "Statements"))
    assert sheet.notes[0] == ("Periode: 01/12/2024 - 31/12/2024", "Period: 01/12/2024 - 31/12/2024")
    names = [t.name for t in sheet.tables]
    assert names == [
        "statement_1",
        "statement_1_lines",
        "statement_1_aging",
        "statement_2",
        "statement_2_lines",
        "statement_2_aging",
    ]  # UD Lama: nothing
    head = cells_in(sheet.tables[3].frame, "en")
    assert sheet.tables[3].headers["value"] == ("PT Maju", "PT Maju")
    assert head.values.tolist() == [
        ["Period", "01/12/2024 - 31/12/2024"], ["Bank", "Bank Mandiri"],
        ["Account No.", "070-000-1234"], ["Account Name", "PT Sinar"],
        ["Virtual Account", "8808 01"]]  # fmt: skip
    lines = cells_in(sheet.tables[4].frame, "id")
    assert lines["kind"].tolist() == ["Saldo Awal", "Faktur", "Pembayaran", "Pembayaran",
                                      "Saldo Akhir"]  # fmt: skip
    assert lines["balance"].tolist() == [1000.0, 1500.0, 500.0, 300.0, 300.0]
    assert sheet.tables[4].total_row
    assert sheet.tables[5].frame.to_dict("records") == [
        {"Current": 300.0, "1-30": 0.0, "31-60": 0.0, "61-90": 0.0, ">90": 0.0, "total": 300.0}
    ]
    customer_b = cells_in(sheet.tables[0].frame, "en")
    assert "Virtual Account" not in customer_b["label"].tolist()  # none in the master


def test_the_period_from_the_settings_and_the_cli_report(capsys, tmp_path):
    report = build_report(
        ROWS,
        "2024-12-31",
        reports="statements",
        options={"statement_from": "2024-10-01", "statement_to": "2024-11-30"},
    )
    sheet = report.sheets[0]
    assert sheet.notes[0][1] == "Period: 01/10/2024 - 30/11/2024"
    ledger = tmp_path / "l.csv"
    pd.DataFrame(ROWS[1:], columns=ROWS[0]).to_csv(ledger, index=False)
    out = tmp_path / "r.xlsx"
    code = main(
        [
            "report",
            str(ledger),
            "--reports",
            "statements",
            "--as-of",
            "2024-12-31",
            "--from",
            "2024-10-01",
            "--to",
            "2024-11-30",
            "--lang",
            "en",
            "-o",
            str(out),
        ]
    )
    assert code == 0, capsys.readouterr().err
    ws = openpyxl.load_workbook(out)["Statements"]
    values = [list(r) for r in ws.iter_rows(values_only=True)]
    assert values[1][0] == "Period: 01/10/2024 - 30/11/2024"
    closing = [r for r in values if r[1] == "Closing Balance"]
    assert [r[7] for r in closing] == [300.0, 1000.0]  # CV Baru; PT Maju (F-1 open at 30 Nov)


def test_an_empty_period_says_so():
    report = build_report(ROWS, "2024-03-31", reports="statements",
                          options={"statement_from": "2024-03-01"})  # fmt: skip
    table = report.sheets[0].tables[0]
    assert cells_in(table.frame, "en")["note"].tolist() == [
        "No customer has a balance or a movement in the period"
    ]


def test_rendered_in_indonesian_has_no_english_label(tmp_path):
    report = build_report(ROWS, "2024-12-31", reports="statements", master=MASTER,
                          options=SETTINGS)  # fmt: skip
    path = render_file(report, tmp_path / "r.xlsx", lang="id")
    ws = openpyxl.load_workbook(path)["Rekening Koran"]
    text = {v for r in ws.iter_rows(values_only=True) for v in r if isinstance(v, str)}
    assert {"Saldo Awal", "Saldo Akhir", "Belum Jatuh Tempo", "Rekening", "Atas Nama"} <= text
    assert not text & {"Opening Balance", "Closing Balance", "Current", "Payment", "Invoice"}


def test_book_names_are_predictable_and_distinct():
    led = read_ledger(
        [
            [*HEADER, "Currency"],
            ["Toko Ümit", "F-1", "2024-12-01", "2024-12-31", 1.0, 0.0, None, "IDR"],
            ["Toko Ämit", "F-2", "2024-12-01", "2024-12-31", 1.0, 0.0, None, "IDR"],
            ["Toko Ämit", "F-3", "2024-12-01", "2024-12-31", 1.0, 0.0, None, "USD"],
            ["Toko Ömit", "F-4", "2024-12-01", "2024-12-31", 1.0, 0.0, None, "IDR"],
            ["Toko Omit", "F-5", "2024-12-01", "2024-12-31", 1.0, 0.0, None, "IDR"],
        ]
    )
    sts = account_statements(led, "2024-12-01", "2024-12-31")
    assert [s.customer for s in sts] == [
        "Toko Omit", "Toko Ämit", "Toko Ämit", "Toko Ömit", "Toko Ümit"
    ]  # fmt: skip
    assert book_names(sts, "id") == [
        "rekening_Toko_Omit_2024-12-31.xlsx",
        "rekening_Toko_Amit_IDR_2024-12-31.xlsx",
        "rekening_Toko_Amit_USD_2024-12-31.xlsx",
        "rekening_Toko_Omit_2024-12-31_2.xlsx",
        "rekening_Toko_Umit_2024-12-31.xlsx",
    ]  # one customer in two currencies; another whose name gives the same slug


def test_books_of_the_demo_ledger(tmp_path):
    led = read_ledger(make_sample_ledger())
    sts = account_statements(led, "2024-11-01", "2024-11-30")[:3]
    paths = write_statement_books(sts, tmp_path, lang="en", settings=SETTINGS)
    for st, path in zip(sts, paths, strict=True):
        ws = openpyxl.load_workbook(path)["Statements"]
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        assert next(r[1] for r in rows if r[0] == "Customer") == st.customer
        assert next(r[7] for r in rows if r[1] == "Closing Balance") == pytest.approx(st.closing)
        assert next(r[1] for r in rows if r[0] == "Bank") == "Bank Mandiri"
