"""``xl-ar reconcile`` with a bank statement: --out-dir (journal, receipt list, tax withheld),
--conf accounts, -o report; ``xl-ar withholding`` (the slip tracker). Issue 17.

The runs on the demo's BCA statement need the statement readers, payers and withholding rules
of helpers A, B and C: they are skipped until those are merged.
"""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from xl_ar.cli import main
from xl_ar.demo import MONTHS, START, write_desk_samples
from xl_ar.sample_data import make_sample_ledger, write_sample_ledger

HEADER = "Date,Customer,Invoice,Receipt,Type,Base,Rate,Amount,Slip No"
LEDGER = """Customer,Invoice,Invoice Date,Terms,Amount
PT Maju,INV-001,2024-11-02,30,11100000
PT Maju,INV-002,2024-11-20,30,5000000
CV Sinar,INV-003,2024-11-05,30,2000000
"""
PAYMENTS = """Payment,Date,Amount,Customer,Memo
BB-01,2024-12-03,11100000,PT Maju,INV-001
BB-02,2024-12-10,2500000,CV Sinar,
"""


def files(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "ledger.csv").write_text(LEDGER, encoding="utf-8")
    (tmp_path / "payments.csv").write_text(PAYMENTS, encoding="utf-8")
    return tmp_path / "ledger.csv", tmp_path / "payments.csv"


def read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def balanced(journal: pd.DataFrame, voucher: str, debit: str, credit: str) -> bool:
    money = journal.assign(d=pd.to_numeric(journal[debit]), c=pd.to_numeric(journal[credit]))
    sums = money.groupby(voucher)[["d", "c"]].sum()
    return bool((sums["d"].round(2) == sums["c"].round(2)).all())


def test_out_dir_writes_journal_receipts_and_withholding(tmp_path, capsys):
    ledger, payments = files(tmp_path)
    conf = tmp_path / "conf.csv"
    conf.write_text("Key,Value\nAkunBank,1-10003\nAkunUangMuka,2-21000\nAkunBnak,x\n", "utf-8")
    code = main(["reconcile", str(ledger), str(payments), "--out-dir", str(tmp_path / "out"),
                 "--journal", "jurnal", "--conf", str(conf)])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.splitlines() == [
        f"wrote {(tmp_path / 'out' / name).as_posix()}"
        for name in ("jurnal_payments_2024-12.csv", "penerimaan_2024-12.csv",
                     "withholding_2024-12.csv")
    ]  # fmt: skip
    assert "has keys xl-ar does not know, ignored: 'AkunBnak'" in err
    journal = read(tmp_path / "out" / "jurnal_payments_2024-12.csv")
    assert list(journal.columns) == [
        "*Transaction Date", "*Transaction No", "*Account Code", "Description", "*Debit",
        "*Credit", "Memo", "Tags",
    ]  # fmt: skip
    assert journal[["*Transaction Date", "*Transaction No", "*Account Code", "*Debit",
                    "*Credit"]].to_numpy().tolist() == [
        ["03/12/2024", "BKM-2412-0001", "1-10003", "11100000", "0"],
        ["03/12/2024", "BKM-2412-0001", "1-10100", "0", "11100000"],
        ["10/12/2024", "BKM-2412-0002", "1-10003", "2500000", "0"],
        ["10/12/2024", "BKM-2412-0002", "1-10100", "0", "2000000"],
        ["10/12/2024", "BKM-2412-0002", "2-21000", "0", "500000"],
    ]  # fmt: skip
    assert balanced(journal, "*Transaction No", "*Debit", "*Credit")
    receipts = read(tmp_path / "out" / "penerimaan_2024-12.csv")
    assert receipts[["Customer", "Receipt", "Invoices", "Amount", "Applied", "Unapplied",
                     "Status"]].to_numpy().tolist() == [
        ["CV Sinar", "BB-02", "INV-003", "2500000", "2000000", "500000", "posted"],
        ["PT Maju", "BB-01", "INV-001", "11100000", "11100000", "0", "posted"],
    ]  # fmt: skip
    text = (tmp_path / "out" / "withholding_2024-12.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == HEADER


def test_accurate_and_generic_layouts(tmp_path, capsys):
    ledger, payments = files(tmp_path)
    for layout, first in (("accurate", "No Bukti,Tanggal,Keterangan,No Akun,Debit,Kredit,Catatan"),
                          ("generic", "Voucher,Date,Account,Description,Debit,Credit,Receipt,"
                                      "Customer,Invoice,Role")):  # fmt: skip
        folder = tmp_path / layout
        assert main(["reconcile", str(ledger), str(payments), "--out-dir", str(folder),
                     "--journal", layout]) == 0  # fmt: skip
        lines = (folder / "jurnal_payments_2024-12.csv").read_text("utf-8").splitlines()
        assert lines[0] == first
    capsys.readouterr()


def test_never_writes_onto_an_input(tmp_path, capsys):
    ledger, payments = files(tmp_path)
    assert main(["reconcile", str(ledger), str(payments), "--out-dir", str(ledger)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "will not write to" in err and "ledger.csv" in err
    assert ledger.read_text(encoding="utf-8") == LEDGER


def test_unknown_bank_and_journal_are_usage_errors(tmp_path, capsys):
    ledger, payments = files(tmp_path)
    assert main(["reconcile", str(ledger), str(payments), "--bank", "citibank"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("xl-ar reconcile: argument --bank: invalid choice: 'citibank'")
    assert err.count("\n") == 1
    assert main(["reconcile", str(ledger), str(payments), "--journal", "sap"]) == 2
    assert "argument --journal: invalid choice" in capsys.readouterr().err


def test_bad_rate_in_conf_is_one_line(tmp_path, capsys):
    ledger, payments = files(tmp_path)
    conf = tmp_path / "conf.csv"
    conf.write_text("Key,Value\nTarifPPh23,2\n", encoding="utf-8")
    assert main(["reconcile", str(ledger), str(payments), "--conf", str(conf)]) == 2
    assert capsys.readouterr().err == (
        "xl-ar reconcile: PPh23Rate must be a fraction below 1 or a percentage such as '2%', not "
        "'2'\n"
    )


# --------------------------------------------------------------------------- the demo statement


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """The demo's files: sample ledger, customer master, settings and December BCA statement."""
    folder = tmp_path_factory.mktemp("demo")
    sample = make_sample_ledger(2024, start=START, months=MONTHS)
    write_sample_ledger(sample, folder / "sample_ledger.csv")
    write_desk_samples(sample, folder)
    return folder


def test_demo_statement_is_a_bca_export(demo):
    rows = list(csv.reader((demo / "sample_mutasi_bca.csv").open(encoding="utf-8")))
    assert rows[3] == ["Periode", ":", "01/12/2024 - 31/12/2024"]
    assert rows[6] == ["Tanggal Transaksi", "Keterangan", "Cabang", "Jumlah", "Saldo"]
    body = rows[7:-4]
    assert [r[0] for r in body] == ["02/12", "03/12", "04/12", "09/12", "16/12", "18/12",
                                    "31/12", "PEND"]  # fmt: skip
    money = [float(r[3].split()[0].replace(",", "")) * (1 if r[3].endswith("CR") else -1)
             for r in body]  # fmt: skip
    opening = float(rows[-4][2].replace(",", ""))
    closing = float(rows[-1][2].replace(",", ""))
    assert round(opening + sum(money), 2) == closing == 405_974_595.00
    master = read(demo / "sample_customers.csv")
    assert sorted(master.loc[master["Withholding"] != "", "Pelanggan"]) == [
        "CV Agung Mandiri", "CV Bintang Santosa"
    ]  # fmt: skip


def test_demo_month_end_bank_reconciliation(demo, capsys):
    out = demo / "desember"
    code = main(["reconcile", str(demo / "sample_ledger.csv"), str(demo / "sample_mutasi_bca.csv"),
                 "--customers", str(demo / "sample_customers.csv"), "--conf",
                 str(demo / "xl_ar_conf.csv"), "--journal", "jurnal", "--out-dir", str(out)])  # fmt: skip
    printed, err = capsys.readouterr()
    assert code == 0, err
    assert printed.splitlines()[4:] == [
        "BCA account 1234567890 (PT SINAR NIAGA DISTRIBUSI), IDR, 01/12/2024 - 31/12/2024",
        "balances agree: opening 250,000,000.00 + credits 155,996,095.00 - debits 21,500.00 "
        "= closing 405,974,595.00",
        "receipts        5  137,692,895.00",
        "applied            102,342,295.00",
        "withheld               896,805.00",
        "fees                     2,500.00",
        "unapplied                    0.00",
        "unmatched                    0.00",
        "giro in hand        35,350,600.00",
        "proposed                     0.00",
        "left-out lines  3",
    ]
    journal = read(out / "jurnal_bca_2024-12.csv")
    assert balanced(journal, "*Transaction No", "*Debit", "*Credit")
    assert journal["*Transaction No"].nunique() == 4  # the giro is not posted
    tax = journal[journal["*Account Code"] == "1-10502"]
    assert tax["*Debit"].tolist() == ["456205", "440600"]
    fee = journal[journal["*Account Code"] == "8-80999"]
    assert fee["*Debit"].tolist() == ["2500"]
    withheld = read(out / "withholding_2024-12.csv")
    assert ",".join(withheld.columns) == HEADER
    assert withheld[["Customer", "Type", "Amount"]].to_numpy().tolist() == [
        ["CV Agung Mandiri", "PPh 23", "456205"], ["CV Bintang Santosa", "PPh 23", "440600"]
    ]  # fmt: skip
    assert main(["withholding", str(out / "withholding_2024-12.csv"), "--as-of",
                 "2025-01-31"]) == 0  # fmt: skip
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == "2 withheld amounts without a slip as of 2025-01-31: 896,805.00"


def test_demo_report_and_balance_mismatch(demo, tmp_path, capsys):
    statement = tmp_path / "mutasi.csv"
    rows = list(csv.reader((demo / "sample_mutasi_bca.csv").open(encoding="utf-8")))
    rows[-1][2] = "405,874,595.00"  # the bank's closing balance 100,000 lower
    with statement.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    report = tmp_path / "rekonsiliasi.xlsx"
    code = main(["reconcile", str(demo / "sample_ledger.csv"), str(statement), "--customers",
                 str(demo / "sample_customers.csv"), "-o", str(report)])  # fmt: skip
    printed, err = capsys.readouterr()
    assert code == 0, err
    assert "BALANCES DO NOT AGREE" in printed
    assert "xl-ar reconcile: WARNING: mutasi.csv: BALANCES DO NOT AGREE" in err
    book = openpyxl.load_workbook(report)
    assert book.sheetnames[:5] == [
        "Rekonsiliasi", "Cek Mutasi Bank", "Daftar Penerimaan", "Potongan Pajak", "Jurnal Penerimaan"
    ]  # fmt: skip
