"""`xl-ar statements`: one .xlsx per customer, a line per file and the totals; never over a
user's file."""

from __future__ import annotations

import openpyxl
import pytest

from xl_ar.cli import main
from xl_ar.core import aging, read_ledger
from xl_ar.sample_data import make_sample_ledger, write_sample_ledger

LEDGER_CSV = """Pelanggan,No Faktur,Jenis,Tanggal Faktur,Jatuh Tempo,Jumlah,Dibayar,Tanggal Bayar
PT Maju,F-001,Faktur,2024-05-10,2024-06-09,1000000,1000000,2024-06-05
PT Maju,F-003,Faktur,2024-04-15,2024-05-15,750000,750000,2024-07-05
PT Maju,F-002,Faktur,2024-06-03,2024-07-03,2500000,1000000,2024-06-20
PT Maju,NK-001,Nota Kredit,2024-06-12,2024-06-12,300000,0,
CV Baru,F-100,Faktur,2024-06-01,2024-07-01,90000,0,
UD Lunas,F-200,Faktur,2024-01-01,2024-01-31,5000,5000,2024-02-01
"""


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def ledger(tmp_path):
    path = tmp_path / "piutang.csv"
    path.write_text(LEDGER_CSV, encoding="utf-8")
    return path


def cells(path):
    ws = openpyxl.load_workbook(path).worksheets[0]
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_one_book_per_customer_with_the_numbers_and_a_summary(capsys, tmp_path, ledger):
    out_dir = tmp_path / "out"
    code, out, err = run(capsys, "statements", str(ledger), "--from", "2024-06-01", "--to",
                         "2024-06-30", "--out", str(out_dir), "--lang", "en", "--bank", "BCA",
                         "--bank-account", "123-456", "--account-name", "PT Sinar")  # fmt: skip
    assert code == 0 and err == ""
    assert out.splitlines() == [
        f"{out_dir.as_posix()}/statement_CV_Baru_2024-06-30.xlsx: CV Baru: opening 0.00, "
        "debit 90,000.00, credit 0.00, closing 90,000.00 IDR (1 line)",
        f"{out_dir.as_posix()}/statement_PT_Maju_2024-06-30.xlsx: PT Maju: opening "
        "1,750,000.00, debit 2,500,000.00, credit 2,300,000.00, closing 1,950,000.00 IDR "
        "(4 lines)",
        f"2 statements from 2024-06-01 to 2024-06-30 written to {out_dir.as_posix()}/: closing "
        "balances 2,040,000.00 IDR",
    ]  # UD Lunas: nothing open, nothing moved: no statement
    rows = cells(out_dir / "statement_PT_Maju_2024-06-30.xlsx")
    assert rows[0][0] == "Statement of Account"
    heads = {r[0]: r[1] for r in rows if r[0] in ("Customer", "Bank", "Account No.",
                                                   "Account Name")}  # fmt: skip
    assert heads == {"Customer": "PT Maju", "Bank": "BCA", "Account No.": "123-456",
                     "Account Name": "PT Sinar"}  # fmt: skip
    start = next(i for i, r in enumerate(rows) if r[1] == "Opening Balance")
    body = rows[start : start + 6]
    assert [r[1] for r in body] == ["Opening Balance", "Invoice", "Payment", "Credit Note",
                                    "Payment", "Closing Balance"]  # fmt: skip
    assert [r[7] for r in body] == [1_750_000, 4_250_000, 3_250_000, 2_950_000, 1_950_000,
                                    1_950_000]  # fmt: skip
    assert body[-1][5:8] == [2_500_000, 2_300_000, 1_950_000]
    strip = rows[start + 7 : start + 9]
    assert strip[0][:6] == ["Current", "1-30 days", "31-60 days", "61-90 days", ">90 days",
                            "Total"]  # fmt: skip
    assert strip[1][:6] == [1_500_000, -300_000, 750_000, 0, 0, 1_950_000]


def test_indonesian_names_a_customer_and_the_master_virtual_account(capsys, tmp_path, ledger):
    master = tmp_path / "pelanggan.csv"
    master.write_text("Pelanggan,Nomor VA\npt. maju,8808 1234 5678\n", encoding="utf-8")
    out_dir = tmp_path / "rekening"
    code, out, err = run(capsys, "statements", str(ledger), "--to", "2024-06-30",
                         "--customer", "PT MAJU", "--customers", str(master), "--out",
                         str(out_dir))  # fmt: skip
    assert code == 0, err
    assert [p.name for p in out_dir.iterdir()] == ["rekening_PT_Maju_2024-06-30.xlsx"]
    rows = cells(out_dir / "rekening_PT_Maju_2024-06-30.xlsx")
    assert rows[0][0] == "Rekening Koran Piutang"
    assert ["Virtual Account", "8808 1234 5678"] == rows[next(
        i for i, r in enumerate(rows) if r[0] == "Virtual Account")][:2]  # fmt: skip
    assert any(r[1] == "Saldo Akhir" and r[7] == 1_950_000 for r in rows)


def test_never_over_a_file_xl_ar_did_not_write_but_over_its_own(capsys, tmp_path, ledger):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    mine = out_dir / "rekening_PT_Maju_2024-06-30.xlsx"
    mine.write_bytes(b"my own notes")
    code, out, err = run(capsys, "statements", str(ledger), "--to", "2024-06-30", "--out",
                         str(out_dir))  # fmt: skip
    assert code == 2 and out == ""
    assert err == (f"xl-ar statements: will not overwrite {mine}: xl-ar did not write it; move "
                   "it away or use another folder\n")  # fmt: skip
    assert mine.read_bytes() == b"my own notes" and len(list(out_dir.iterdir())) == 1
    mine.unlink()
    assert run(capsys, "statements", str(ledger), "--to", "2024-06-30", "--out",
               str(out_dir))[0] == 0  # fmt: skip
    assert run(capsys, "statements", str(ledger), "--to", "2024-06-30", "--out",
               str(out_dir))[0] == 0  # its own files: replaced  # fmt: skip
    assert len(list(out_dir.iterdir())) == 2


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--customer", "PT Maja"),
         "xl-ar statements: customer 'PT Maja' is not in the ledger (did you mean 'PT Maju'?)"),
        (("--from", "2024-07-01", "--to", "2024-06-30"),
         "xl-ar statements: the statement starts on 2024-07-01 after it ends on 2024-06-30: "
         "give a start on or before the end"),
        (("--from", "kemarin"), "xl-ar statements: --from: 'kemarin' is not a date"),
    ],
)  # fmt: skip
def test_errors_are_one_line(capsys, tmp_path, ledger, argv, message):
    code, out, err = run(capsys, "statements", str(ledger), "--out", str(tmp_path / "o"), *argv)
    assert code == 2 and out == ""
    assert err.splitlines()[-1].startswith(message)
    assert not (tmp_path / "o").exists() or not list((tmp_path / "o").iterdir())


def test_demo_ledger_books_close_at_the_aging_totals(capsys, tmp_path):
    raw = make_sample_ledger()
    path = write_sample_ledger(raw, tmp_path / "demo.xlsx")
    code, out, _ = run(capsys, "statements", str(path), "--to", "2024-09-30", "--out",
                       str(tmp_path / "st"), "--lang", "en")  # fmt: skip
    assert code == 0
    table = aging(read_ledger(raw), "2024-09-30")
    totals = dict(zip(table["customer"], table["Total"], strict=True))
    books = sorted((tmp_path / "st").glob("*.xlsx"))
    assert len(books) == len(out.splitlines()) - 1
    for book in books[:8]:
        rows = cells(book)
        customer = next(r[1] for r in rows if r[0] == "Customer")
        closing = next(r[7] for r in rows if r[1] == "Closing Balance")
        assert closing == pytest.approx(totals.get(customer, 0.0), abs=0.005)
    assert out.splitlines()[-1].endswith(f"closing balances {totals['Total']:,.2f} IDR")
