"""Reconciliation and credit policy as report builders, and reports declaring their inputs.

``xl-ar reconcile -o`` and ``xl-ar policy -o`` render through the reports pipeline (the
assertions of the removed reconciliation writer are kept, on the new layout); a new report
needs only its catalog entry: build_report, the ribbon macros and the CLI take it as it is.
"""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest
import xlwings as xw

from xl_ar.cli import main
from xl_ar.core.cash_application.reconcile import reconcile
from xl_ar.reports import catalog
from xl_ar.reports.catalog import CATALOG, ReportSpec, build_report, input_names
from xl_ar.reports.inputs import INPUTS, Input
from xl_ar.reports.model import Sheet, Table
from xl_ar.reports.sheet_reconcile import format_summary

LEDGER = [
    ["Customer", "Invoice", "Type", "Invoice Date", "Due Date", "Amount"],
    ["=1+1", "INV-1", "invoice", "2024-01-01", "2024-01-31", 100],
    ["@evil", "INV-2", "invoice", "2024-01-02", "2024-02-01", 50],
]
PAYMENTS = [["Payment", "Date", "Amount", "Customer", "Memo"],
            ["P1", "2024-02-01", 120, "=1+1", "+62 21 555"]]  # fmt: skip


def write_csv(path, rows):
    pd.DataFrame(rows[1:], columns=rows[0]).to_csv(path, index=False)
    return path


def values_of(ws) -> list[tuple]:
    return [r for r in ws.iter_rows(values_only=True) if any(v is not None for v in r)]


def test_reconcile_o_writes_the_result_summary_and_legend(tmp_path, capsys):
    ledger = write_csv(tmp_path / "ledger.csv", LEDGER)
    payments = write_csv(tmp_path / "payments.csv", PAYMENTS)
    out = tmp_path / "r.xlsx"
    assert (
        main(["reconcile", str(ledger), str(payments), "--date-order", "ymd", "-o", str(out)]) == 0
    )
    assert capsys.readouterr().out == f"wrote {out}\n"
    got = reconcile(LEDGER, PAYMENTS, date_order="ymd")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Rekonsiliasi", "Tentang Laporan"]
    ws = book["Rekonsiliasi"]
    rows = values_of(ws)
    assert rows[0][0] == "Alokasi Pembayaran ke Faktur"
    header_at = next(i for i, r in enumerate(rows) if r[0] == "Pembayaran")
    body = rows[header_at + 1 : header_at + 1 + len(got.table)]
    assert body[0][3] == "=1+1" and body[0][4] == "INV-1" and body[0][7] == 100
    assert body[-1][3] == "@evil" and body[-1][0] is None  # the open row: no payment
    first = next(r for r in ws.iter_rows() if r[0].value == "P1")
    assert first[3].data_type == "s"  # user text stays text
    assert first[1].number_format == "dd/mm/yyyy" and first[7].number_format == "#,##0"
    summary = {r[0]: r[1] for r in rows if isinstance(r[0], str)}  # in the report's language
    assert summary["Total Dialokasikan"] == 100  # 20 unapplied: INV-2 is @evil's
    assert summary["Jumlah Transaksi Pembayaran"] == 1
    assert "Total Dialokasikan / Applied" not in summary
    assert "matched" in [r[0] for r in rows]  # the status legend
    about = {r[0]: r[1] for r in values_of(book["Tentang Laporan"])}
    assert about["Sumber data"] == "payments.csv" and "Per tanggal" not in about


def test_reconcile_o_in_statement_mode(tmp_path):
    ledger = write_csv(
        tmp_path / "l.csv",
        [["Customer", "Invoice", "Invoice Date", "Terms", "Amount"],
         ["PT Alpha", "INV-1", "2024-01-05", 30, 1000],
         ["PT Alpha", "INV-2", "2024-01-06", 30, 500]],
    )  # fmt: skip
    statement = write_csv(
        tmp_path / "s.csv",
        [["No Faktur", "Tanggal", "Debit", "Kredit"], ["INV-1", "05/01/2024", 1000, None],
         ["BB-3", "31/01/2024", None, 300]],
    )  # fmt: skip
    out = tmp_path / "s.xlsx"
    argv = ["reconcile", str(ledger), str(statement), "--mode", "statement", "-o", str(out)]
    assert main(argv) == 0
    rows = values_of(openpyxl.load_workbook(out)["Rekonsiliasi"])
    assert rows[0][0] == "Rekonsiliasi Laporan Pelanggan"
    assert "Pelanggan: PT Alpha" in [r[0] for r in rows]
    header = next(r for r in rows if r[0] == "Dokumen")
    assert header[1:3] == ("Tanggal Menurut Kami", "Tanggal Menurut Pelanggan")
    values = {r[0]: r[1] for r in rows if isinstance(r[0], str)}
    assert values["Selisih Saldo"] == 800
    assert values["Selisih Tak Terjelaskan"] == 0
    assert {"amount_differs", "only_theirs"} <= {r[0] for r in rows}


def test_reconcile_summary_for_the_terminal():
    got = reconcile(LEDGER, [PAYMENTS[0], ["P1", "2024-02-01", 40, "=1+1", None]])
    text = format_summary(got.summary)
    assert "Applied Oldest First" in text and "40.00" in text and "100.0%" in text
    assert format_summary(got.summary, "id").startswith("Jumlah Transaksi Pembayaran")


def test_policy_is_a_report_taking_no_ledger():
    report = build_report(reports="credit_policy")
    assert [s.key for s in report.sheets] == ["credit_policy"] and report.as_of is None
    assert report.conventions == {}
    grades = report.sheets[0].tables[1].frame
    assert grades["grade"].tolist() == ["A", "B", "C", "D", "E"]
    with pytest.raises(Exception, match="the aging report needs a ledger"):
        build_report(reports="aging,credit_policy")
    custom = build_report(reports="credit_policy", policy=[["max_limit", 7e9]])
    frame = custom.sheets[0].tables[0].frame
    assert frame.loc[frame["label"] == "max_limit", "value"].item() == 7e9


def test_report_inputs_are_declared():
    assert input_names(["aging"]) == ("ledger", "customers")  # the customer master, optional
    assert input_names(["reconciliation"]) == ("ledger", "payments")
    assert input_names(["allowance"], given=False) == ("ledger", "as_of", "rates")
    for spec in CATALOG.values():
        assert set(spec.inputs) <= set(INPUTS), spec.key


@pytest.fixture
def new_report(monkeypatch):
    """A report the code has never heard of: a builder, an input and a catalog entry."""

    def deposits_sheet(ledger, as_of, settings, deposits):
        frame = pd.DataFrame({"customer": [r[0] for r in deposits[1:]],
                              "deposit": [float(r[1]) for r in deposits[1:]]})  # fmt: skip
        return Sheet("deposits", ("Deposit", "Deposits"), ("Deposit", "Deposits"),
                     (Table("deposits", frame, {}),))  # fmt: skip

    spec = ReportSpec("deposits", ("Deposit", "Deposits"), deposits_sheet,
                      ("ledger", "as_of", "deposits"), full=False)  # fmt: skip
    monkeypatch.setitem(catalog.CATALOG, "deposits", spec)
    monkeypatch.setattr(catalog, "REPORT_KEYS", (*catalog.REPORT_KEYS, "deposits"))
    monkeypatch.setitem(INPUTS, "deposits", Input(("tabel deposit", "deposits table"),
                                                 ("pelanggan, deposit", "customer, deposit")))  # fmt: skip
    from xl_ar.macros import workbook_source

    monkeypatch.setitem(workbook_source.INPUT_SHEETS, "deposits", ("Deposit",))
    return spec


def test_a_new_report_needs_only_its_catalog_entry(new_report, tmp_path, capsys, monkeypatch):
    rows = [
        ["Customer", "Invoice Date", "Due Date", "Amount"],
        ["A", "2024-01-01", "2024-01-31", 1],
    ]
    deposits = [["Customer", "Deposit"], ["A", 5]]
    got = build_report(rows, reports="deposits", deposits=None)
    assert (
        got.sheets == () and got.conventions["deposits"] == "left out: no deposits table was given"
    )
    got = build_report(rows, reports="deposits", deposits=deposits)
    assert got.sheets[0].tables[0].frame["deposit"].tolist() == [5.0]
    # the command line grows a --deposits option from the catalog
    ledger = write_csv(tmp_path / "l.csv", rows)
    dep = write_csv(tmp_path / "d.csv", deposits)
    out = tmp_path / "r.xlsx"
    argv = ["report", str(ledger), "--reports", "deposits", "--deposits", str(dep), "-o", str(out)]
    assert main(argv) == 0, capsys.readouterr().err
    assert openpyxl.load_workbook(out).sheetnames == ["Deposit", "Tentang Laporan"]
    # the ribbon macro finds the table by its sheet name, or says which sheet it needs
    from book_model import sheet_from_rows, workbook

    from xl_ar import macros

    model, book = workbook()
    monkeypatch.setattr(xw.Book, "caller", lambda: book)
    macros.run_report(("deposits",))
    assert model.alerts == [("Deposit butuh sheet 'Deposit' (pelanggan, deposit)", "xl-ar")]
    model, book = workbook(macros_ledger(), sheet_from_rows("Deposit", deposits))
    monkeypatch.setattr(xw.Book, "caller", lambda: book)
    names = macros.run_report(("deposits",))
    assert names == ["Deposit (2)", "Tentang Laporan"]  # the input sheet "Deposit" is the user's
    assert model.alerts == []


def macros_ledger() -> pd.DataFrame:
    from book_model import LEDGER as SAMPLE

    return SAMPLE
