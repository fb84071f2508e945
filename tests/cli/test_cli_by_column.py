"""xl-ar aging --by COLUMN --customers FILE; report --by, --compare-to (issue 16)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from tests.support.by_column_samples import AS_OF, BY_REGION, LABELS, LEDGER, MASTER
from tests.support.shared_data import shared_file
from xl_ar.cli import main


def write_csv(path: Path, rows: list[list]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([["" if c is None else c for c in r] for r in rows])
    return path


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    return write_csv(tmp_path / "ledger.csv", LEDGER), write_csv(tmp_path / "master.csv", MASTER)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_aging_by_region_with_the_master(capsys, files):
    ledger, master = files
    code, out, err = run(capsys, "aging", str(ledger), "--as-of", AS_OF, "--by", "master:region",
                         "--customers", str(master), "--format", "csv")  # fmt: skip
    assert code == 0
    table = pd.read_csv(io.StringIO(out))
    assert list(table.columns) == ["region", *LABELS]
    assert table.values.tolist() == BY_REGION
    assert err.splitlines() == [
        "xl-ar aging: note: 1 ledger customer with open items is not in the customer master: "
        "'Toko X'",
        "xl-ar aging: note: 1 customer of the customer master has no ledger rows: 'PT Hantu'",
        "xl-ar aging: note: customer master: row 3 'Email': 'baru.co.id' is not an e-mail "
        "address (no @)",
    ]


def test_aging_by_a_ledger_column_and_the_table_format(capsys, files):
    ledger, _ = files
    code, out, err = run(capsys, "aging", str(ledger), "--as-of", AS_OF, "--by", "kota")
    assert code == 0 and err == ""
    assert out.splitlines()[0].split() == ["Kota", *LABELS]
    assert out.splitlines()[-1].split() == ["Total", "250.50", "420.25", "400.00", "0.00",
                                            "1,000.00", "2,070.75"]  # fmt: skip


@pytest.mark.parametrize(("extra", "message"), [
    (("--by", "sales"), "xl-ar aging: by 'sales' is a customer-master column (salesperson): give "
                         "the customer master to group by it (customers: --customers FILE, a "
                         "Pelanggan sheet)"),
    (("--by", "regoin", "--customers", "MASTER"), "xl-ar aging: by: no column 'regoin' in the "
                                                   "customer master (email, phone, salesperson"),
    (("--by", "region", "--customers", "missing.csv"), "xl-ar aging: "),
])  # fmt: skip
def test_by_errors_are_one_line(capsys, files, extra, message):
    ledger, master = files
    extra = tuple(str(master) if e == "MASTER" else e for e in extra)
    code, out, err = run(capsys, "aging", str(ledger), "--as-of", AS_OF, *extra)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith(message)


def test_report_by_region_and_compare_to(capsys, files, tmp_path):
    ledger, master = files
    out_file = tmp_path / "r.xlsx"
    code, out, err = run(capsys, "report", str(ledger), "--as-of", AS_OF, "--customers",
                         str(master), "--by", "master:Wilayah", "--compare-to", "2024-05-31",
                         "--lang", "en", "-o", str(out_file))  # fmt: skip
    assert code == 0, err
    book = openpyxl.load_workbook(out_file)
    assert "Aging Movement" in book.sheetnames and "Credit Review" in book.sheetnames
    rows = [[c for c in r if c is not None] for r in book["Aging"].iter_rows(values_only=True)]
    at = rows.index(["Region", "Current", "1-30 days", "31-60 days", "61-90 days", ">90 days",
                     "Total"])  # fmt: skip
    assert rows[at + 1 : at + 5] == BY_REGION
    moved = [
        [c for c in r if c is not None] for r in book["Aging Movement"].iter_rows(values_only=True)
    ]
    assert ["Compared: 31/05/2024 with 30/06/2024"] in moved


def test_report_with_a_master_without_credit_limits_leaves_the_review_out(capsys, files, tmp_path):
    ledger, _ = files
    master = write_csv(tmp_path / "m.csv", [["Customer", "Region"], ["PT Maju", "North"]])
    out_file = tmp_path / "r.xlsx"
    code, _, err = run(capsys, "report", str(ledger), "--as-of", AS_OF, "--customers", str(master),
                       "--by", "region", "--lang", "en", "-o", str(out_file))  # fmt: skip
    assert code == 0, err
    book = openpyxl.load_workbook(out_file)
    assert "Credit Review" not in book.sheetnames and "Aging Movement" not in book.sheetnames
    about = {r[0]: r[1] for r in book["About"].iter_rows(values_only=True) if r[0]}
    assert about["credit review"] == (
        "left out: the customers table has no credit limit column (Credit Limit / Limit Kredit)"
    )


def test_real_export_by_country_and_a_small_master(capsys, tmp_path):
    """The IBM sample as a new user would: its countryCode column, then a master of regions."""
    path = shared_file("ibm_watson_ar", "WA_Fn-UseC_-Accounts-Receivable.csv")
    code, out, _ = run(capsys, "aging", str(path), "--as-of", "2013-06-30", "--by", "country code",
                       "--format", "csv")  # fmt: skip
    assert code == 0
    by_country = pd.read_csv(io.StringIO(out))
    assert by_country["countryCode"].astype(str).tolist() == ["391", "406", "770", "818", "897",
                                                               "Total"]  # fmt: skip
    assert round(by_country["Total"].iloc[-1], 2) == 5119.85
    master = write_csv(tmp_path / "m.csv", [["Pelanggan", "Wilayah"], ["0379-NEVHP", "Jawa"],
                                             ["8976-amjeo", "Bali"]])  # fmt: skip
    code, out, err = run(capsys, "aging", str(path), "--as-of", "2013-06-30", "--by", "wilayah",
                         "--customers", str(master), "--format", "csv")  # fmt: skip
    assert code == 0
    by_region = pd.read_csv(io.StringIO(out)).set_index("region")["Total"].round(2)
    assert by_region.to_dict() == {"Bali": 288.03, "Jawa": 61.66,
                                   "(not in customer master)": 4770.16, "Total": 5119.85}  # fmt: skip
    assert "ledger customers with open items are not in the customer master" in err
