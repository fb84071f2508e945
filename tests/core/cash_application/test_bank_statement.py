"""Reading banks' statement exports: each bank's layout, balances, left-out lines, errors."""

from __future__ import annotations

import datetime as dt
import time

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support import bank_fixtures as bf
from xl_ar.core import (
    BANKS,
    BankStatement,
    detect_bank,
    ensure_payments,
    ensure_receipts,
    read_bank_statement,
)
from xl_ar.errors import LedgerError, MissingColumnError, OptionError, XlArError

T = pd.Timestamp

#: bank → (rows builder, expected bank, payment ids are the bank references)
LAYOUTS = {
    "bca": (bf.bca_rows, "bca", False),
    "bca_split_mark": (lambda: bf.bca_rows(split_mark=True), "bca", False),
    "bca_indonesian": (bf.bca_indonesian, "bca", False),
    "mandiri": (bf.mandiri_rows, "mandiri", True),
    "bri_cms": (bf.bri_rows, "bri", False),
    "brimo": (bf.brimo_rows, "bri", False),
    "bni": (bf.bni_rows, "bni", True),
    "generic": (bf.generic_rows, "generic", False),
}

LEFT_OUT = [
    ("BIAYA TRANSFER ANTAR BANK", 2_500.00, "debit"),
    ("TRSF E-BANKING CR 1012/FTSCY/WS95070 PT SALAH KIRIM", 2_000_000.00, "reversed"),
    ("KOREKSI TRSF E-BANKING 1012/FTSCY/WS95070 PT SALAH KIRIM", 2_000_000.00, "reversal"),
    ("TRSF E-BANKING DB 1612/FTSCY/WS95088 PT PEMASOK BAHAN", 4_125_000.00, "debit"),
    ("BIAYA ADM", 15_000.00, "debit"),
    ("PAJAK BUNGA", 3_000.00, "debit"),
]


def _mandiri_description(text: str) -> str:
    return text.split(" JATUH TEMPO")[0]


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_each_bank_reads_to_the_rupiah(layout: str) -> None:
    build, bank, by_reference = LAYOUTS[layout]
    statement = read_bank_statement(build())
    assert statement.bank == bank
    assert detect_bank(build()) == bank
    receipts = statement.receipts
    assert receipts.amount.tolist() == [r[0] for r in bf.RECEIPTS]
    assert receipts.date.tolist() == [T(r[1]) for r in bf.RECEIPTS]
    assert receipts.effective_date.isna().tolist() == [True, True, True, False, True]
    assert receipts.effective_date.iloc[3] == T(2025, 1, 15)
    assert all(m.startswith(r[3]) for m, r in zip(receipts.memo, bf.RECEIPTS, strict=True))
    assert receipts.customer.isna().all()
    if by_reference:
        assert receipts.payment.tolist() == [
            "FT24120200311", "VA24120300077", "FT24120500444", "BG778812", "FT24121801011"
        ]  # fmt: skip
    else:
        assert receipts.payment.tolist() == [f"row {r}" for r in receipts.index]
    expected = [(_mandiri_description(d), a, r) for d, a, r in LEFT_OUT]
    pending = bank == "bca"
    if pending:
        expected.append(("TRSF E-BANKING CR 3112/FTSCY/WS95120 CV MENUNGGU", 1e6, "pending"))
    got = list(statement.left_out[["description", "amount", "reason"]].itertuples(index=False))
    assert [tuple(g) for g in got] == expected
    assert statement.opening == 25_000_000.00
    assert statement.closing == (66_689_500.00 if pending else 65_689_500.00)
    assert statement.balance_difference == 0.0
    assert not any("do not add up" in n or "does not follow" in n for n in statement.notes)
    lines = statement.lines
    assert lines.credit.sum() - lines.debit.sum() == statement.closing - statement.opening
    assert set(lines.status) <= {"receipt", "debit", "pending", "reversed", "reversal"}


def test_bca_title_block_and_lines() -> None:
    statement = read_bank_statement(bf.bca_rows())
    assert (statement.account, statement.account_name, statement.currency) == (
        "0123456789",
        "PT CONTOH DISTRIBUSI",
        "IDR",
    )
    assert (statement.period_start, statement.period_end) == (T(2024, 12, 1), T(2024, 12, 31))
    first = statement.receipts.iloc[0]
    assert statement.receipts.index[0] == 8  # the spreadsheet row: 6 title rows, the header
    assert first.memo == "TRSF E-BANKING CR 0212/FTSCY/WS95031 17325000.00 PT MAJU JAYA"
    assert first.currency == "IDR"
    assert (
        statement.notes[0]
        == "dates without a year completed from the period 01/12/2024 - 31/12/2024"
    )
    pend = statement.lines.loc[19]
    assert pd.isna(pend.date) and pend.status == "pending" and pend.credit == 1_000_000.00
    assert statement.lines.index.name == "row"
    assert list(statement.lines.columns) == [
        "date", "effective_date", "description", "reference", "debit", "credit", "balance",
        "status",
    ]  # fmt: skip
    assert list(statement.receipts.columns) == [
        "payment", "date", "amount", "customer", "memo", "effective_date", "currency"
    ]  # fmt: skip
    assert list(statement.left_out.columns) == ["date", "description", "amount", "reason"]


def test_mandiri_reference_joins_the_memo_and_value_date_is_the_effective_date() -> None:
    statement = read_bank_statement(bf.mandiri_rows())
    giro = statement.receipts.loc[statement.receipts.payment == "BG778812"].iloc[0]
    assert giro.memo == "SETORAN KLIRING BG 778812 PT GIRO LANCAR | BG778812"
    assert (giro.date, giro.effective_date) == (T(2024, 12, 9), T(2025, 1, 15))
    assert statement.account == "1230009876543"
    # a value date equal to the posting date is no effective date
    assert statement.lines.effective_date.notna().sum() == 1


@pytest.mark.parametrize(
    ("name", "build", "writer"),
    [
        ("bca.csv", bf.bca_rows, bf.write_csv),
        ("bca.xlsx", bf.bca_rows, bf.write_xlsx),
        ("mandiri.csv", bf.mandiri_rows, bf.write_csv),
        ("mandiri.xlsx", bf.mandiri_rows, bf.write_xlsx),
        ("bri.csv", bf.bri_rows, bf.write_csv),
        ("bni.csv", bf.bni_rows, bf.write_csv),
        ("generic.csv", bf.generic_rows, bf.write_csv),
    ],
)
def test_files_read_as_the_range(tmp_path, name, build, writer) -> None:
    path = writer(build(), tmp_path / name)
    before = path.read_bytes()
    from_file = read_bank_statement(path)
    from_range = read_bank_statement(build())
    assert from_file.bank == from_range.bank
    pd.testing.assert_frame_equal(from_file.receipts, from_range.receipts)
    pd.testing.assert_frame_equal(from_file.left_out, from_range.left_out)
    assert from_file.balance_difference == 0.0
    assert path.read_bytes() == before  # the user's file is never modified


def test_dataframe_source_with_its_header() -> None:
    rows = bf.generic_rows()
    frame = pd.DataFrame(rows[1:], columns=rows[0])
    statement = read_bank_statement(frame)
    assert statement.bank == "generic"
    assert statement.receipts.amount.sum() == 44_835_000.00
    assert statement.receipts.index.tolist() == [2, 3, 5, 6, 10]


def test_a_line_missing_is_a_difference_and_named_notes() -> None:
    statement = read_bank_statement(bf.bca_missing_line())
    assert statement.balance_difference == -15_000.00
    assert statement.closing == 66_689_500.00
    assert "row 17: the running balance 65,689,500.00 does not follow from the line before it " \
        "(expected 65,704,500.00)" in statement.notes  # fmt: skip
    assert "the footer's total of debits 6,145,500.00 differs from the lines' 6,130,500.00" in (
        statement.notes
    )
    assert (
        "the balances do not add up: opening 25,000,000.00 + credits 47,835,000.00 − debits "
        "6,130,500.00 = 66,704,500.00, but the closing balance is 66,689,500.00 (difference "
        "-15,000.00): a line may be missing or doubled"
    ) in statement.notes


def test_period_across_the_year_end_completes_each_year() -> None:
    statement = read_bank_statement(bf.bca_year_end())
    assert statement.lines.date.tolist() == [T(2024, 12, 28), T(2025, 1, 2), T(2025, 1, 2)]
    assert statement.receipts.amount.tolist() == [4_400_000.00, 1_100_000.00]
    assert statement.balance_difference == 0.0
    assert "period 15/12/2024 - 15/01/2025" in statement.notes[0]


def test_year_less_dates_without_a_period_ask_for_it() -> None:
    with pytest.raises(XlArError) as err:
        read_bank_statement(bf.bca_no_period())
    assert str(err.value) == (
        "dates without a year (e.g. '02/12') need the statement period: add the title line "
        "'Periode : 01/12/2024 - 31/12/2024' above the header"
    )


def test_forcing_a_bank() -> None:
    assert read_bank_statement(bf.bca_rows(), bank="BCA").bank == "bca"
    assert read_bank_statement(bf.bca_rows(), bank="generic").bank == "generic"
    assert read_bank_statement(bf.generic_rows(), bank="mandiri").bank == "mandiri"
    with pytest.raises(OptionError) as err:
        read_bank_statement(bf.bca_rows(), bank="bri")
    assert str(err.value) == (
        "bank 'bri': this looks like a BCA statement, not BRI (headers 'Tanggal Transaksi', "
        "'Keterangan', 'Cabang', 'Jumlah', 'Saldo'): use bank='bca' or 'auto'"
    )
    with pytest.raises(OptionError, match=r"^bank must be one of auto, bca, mandiri, bri, bni, "):
        read_bank_statement(bf.bca_rows(), bank="bcaa")


@pytest.mark.parametrize(
    ("rows", "error", "message"),
    [
        (
            [["Customer", "Invoice"], ["PT A", "F-1"]],
            MissingColumnError,
            "no bank statement header (a date column and a debit/credit or amount column, e.g. "
            "'Tanggal', 'Keterangan', 'Jumlah'); first row: 'Customer', 'Invoice'",
        ),
        ([["Tanggal", "Keterangan", "Jumlah"]], XlArError, "no statement lines below the header "
         "row: the range has no data"),
        ([], XlArError, "the range is empty: it needs a statement's header row and its lines"),
    ],
)  # fmt: skip
def test_errors_are_one_line(rows, error, message) -> None:
    with pytest.raises(error) as err:
        read_bank_statement(rows, bank="generic")
    assert str(err.value) == message


@pytest.mark.parametrize(
    ("cell", "col", "message"),
    [
        (
            "abc CR",
            3,
            "row 9 'Jumlah': 'abc CR' is not an amount (number format 'auto' chose 'en')",
        ),
        ("31/02", 0, "row 9 'Tanggal Transaksi': '31/02' is not a date"),
    ],
)
def test_bad_cells_are_named(cell, col, message) -> None:
    rows = bf.bca_rows()
    rows[8][col] = cell
    with pytest.raises(LedgerError) as err:
        read_bank_statement(rows)
    assert str(err.value) == message
    assert "\n" not in str(err.value) and len(str(err.value)) <= 255


def test_bad_direction_mark_is_named() -> None:
    rows = bf.bca_rows(split_mark=True)
    rows[8][4] = "XX"
    with pytest.raises(LedgerError) as err:
        read_bank_statement(rows)
    assert str(err.value) == "row 9 'column 5': 'XX' is not a debit/credit mark (CR/DB, C/D, K/D)"


def test_giro_due_date_in_the_description() -> None:
    rows = [
        ["Date", "Description", "Debit", "Credit"],
        ["2024-12-09", "SETORAN CEK 5512 PT A JATUH TEMPO 20/12/2024", "", "1,000,000.00"],
        ["2024-12-09", "SETORAN BG 5513 PT B JT TEMPO 01/12/2024", "", "2,000,000.00"],
        ["2024-12-09", "TRANSFER PT C JATUH TEMPO 31/12/2024", "", "3,000,000.00"],
    ]
    statement = read_bank_statement(rows)
    # a due date before the posting date, or without giro/cheque words, is no effective date
    assert statement.receipts.effective_date.tolist()[0] == T(2024, 12, 20)
    assert statement.receipts.effective_date.isna().tolist() == [False, True, True]
    assert statement.balance_difference is None  # no balances in the file
    assert statement.opening is None and statement.closing is None


def test_a_correction_credit_reverses_an_earlier_debit() -> None:
    rows = [
        ["Tanggal", "Keterangan", "Debet", "Kredit", "Saldo"],
        ["02/12/2024", "BIAYA ADM", "15.000,00", "0,00", "985.000,00"],
        ["03/12/2024", "KOREKSI BIAYA ADM", "0,00", "15.000,00", "1.000.000,00"],
        ["04/12/2024", "KOREKSI TRANSFER", "0,00", "50.000,00", "1.050.000,00"],
    ]
    statement = read_bank_statement(rows)
    assert statement.lines.status.tolist() == ["reversed", "reversal", "receipt"]
    assert statement.receipts.amount.tolist() == [50_000.00]
    assert (
        "row 4: a correction with no earlier line of the same amount: kept as a receipt, check it"
    ) in statement.notes
    assert statement.opening == 1_000_000.00 and statement.balance_difference == 0.0


def test_detect_bank_and_payments_tables() -> None:
    payments = [["No Bukti", "Tanggal", "Jumlah", "Pelanggan"], ["BB-1", "02/12/2024", 100, "A"]]
    assert detect_bank(payments) is None
    assert detect_bank([["Penerimaan via BCA"], *payments]) is None
    assert detect_bank([["Tanggal", "Keterangan", "Jumlah"], ["02/12/2024", "X", 5]]) is None
    assert detect_bank([["Date", "Description", "Debit", "Credit"]]) == "generic"
    assert detect_bank([["Date", "Amount"], ["2024-12-02", "1,000.00 CR"]]) == "generic"
    assert detect_bank([["Laporan Bank Mandiri"], ["Date", "Description", "Amount"]]) == "mandiri"
    assert detect_bank([["Cover page"]]) is None
    statement = read_bank_statement(bf.bni_rows())
    assert detect_bank(statement) == "bni"
    assert BANKS == ("bca", "mandiri", "bri", "bni", "generic")


def test_ensure_receipts() -> None:
    payments = [["No Bukti", "Tanggal", "Jumlah", "Pelanggan"], ["BB-1", "02/12/2024", 100, "A"]]
    table, statement = ensure_receipts(payments)
    assert statement is None and table.payment.tolist() == ["BB-1"]
    assert ensure_receipts(table)[0] is table
    receipts, statement = ensure_receipts(bf.bca_rows())
    assert isinstance(statement, BankStatement) and statement.bank == "bca"
    assert receipts.amount.sum() == 44_835_000.00
    assert ensure_payments(receipts) is receipts  # reconcile() takes it as a payments table
    assert ensure_receipts(statement)[0] is statement.receipts
    with pytest.raises(LedgerError, match=r"^row 4 'Amount': '-2500.00' is negative: a payment"):
        ensure_receipts(bf.generic_rows(), bank="payments")  # forced: read as a payments table
    with pytest.raises(OptionError, match=r"payments, not 'x'$"):
        ensure_receipts(payments, bank="x")


def test_ten_thousand_lines_read_fast() -> None:
    rng = np.random.default_rng(7)
    credit = rng.random(10_000) < 0.7
    amounts = np.round(rng.uniform(1e4, 5e7, 10_000), 2)
    lines = [
        bf.Line(dt.date(2024, 12, 1 + i * 30 // 10_000), f"TRSF E-BANKING CR {i} PT CUSTOMER {i}",
                credit=float(a) if c else 0.0, debit=0.0 if c else float(a))
        for i, (a, c) in enumerate(zip(amounts, credit, strict=True))
    ]  # fmt: skip
    rows = bf.bca_rows(lines)
    best = min(_timed(rows) for _ in range(3))
    statement = read_bank_statement(rows)
    assert len(statement.receipts) == int(credit.sum())
    assert statement.balance_difference == 0.0
    assert best < 1.0  # about 0.15 s alone; the bound leaves room for a busy machine


def _timed(rows) -> float:
    start = time.perf_counter()
    read_bank_statement(rows)
    return time.perf_counter() - start


# --------------------------------------------------------------------------- property

WORDS = ("TRSF E-BANKING CR", "VA 8808 0012", "BIAYA ADM", "KOREKSI", "SETORAN TUNAI", "PAJAK")


@st.composite
def statements(draw):
    n = draw(st.integers(1, 25))
    lines = []
    for i in range(n):
        cents = draw(st.integers(1, 10**11))
        credit = draw(st.booleans())
        word = draw(st.sampled_from(WORDS))
        day = dt.date(2024, 12, draw(st.integers(1, 31)))
        amount = cents / 100
        lines.append(
            bf.Line(day, f"{word} {i}", credit=amount if credit else 0.0,
                    debit=0.0 if credit else amount)
        )  # fmt: skip
    opening = draw(st.integers(0, 10**11)) / 100
    layout = draw(st.sampled_from(["bca", "mandiri", "generic"]))
    return lines, opening, layout


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(statements())
def test_property_balances_and_receipts_add_up(drawn) -> None:
    lines, opening, layout = drawn
    if layout == "bca":
        rows = bf.bca_rows(lines, opening=opening)
    elif layout == "mandiri":
        rows = [["Laporan Mutasi Rekening Mandiri"], ["Saldo Awal : " + bf.en(opening)]]
        rows.append(["Tanggal", "Keterangan", "Debet", "Kredit", "Saldo"])
        for x, balance in zip(lines, bf.balances(lines, opening), strict=True):
            rows.append(
                [f"{x.day:%d/%m/%Y}", x.description, bf.en(x.debit), bf.en(x.credit),
                 bf.en(balance)]
            )  # fmt: skip
    else:
        rows = [["Date", "Description", "Debit", "Credit"]] + [
            [f"{x.day:%Y-%m-%d}", x.description, bf.plain(x.debit), bf.plain(x.credit)]
            for x in lines
        ]
    statement = read_bank_statement(rows)
    got = statement.lines
    cents = lambda s: int(np.rint(np.asarray(s) * 100).sum())  # noqa: E731
    assert cents(got.credit) == cents([x.credit for x in lines])
    assert cents(got.debit) == cents([x.debit for x in lines])
    if layout != "generic":
        assert statement.balance_difference == 0.0
        movement = cents(got.credit) - cents(got.debit)
        assert round(statement.closing * 100) - round(statement.opening * 100) == movement
    left = statement.left_out
    left_credits = left.loc[got.loc[left.index, "credit"] > 0, "amount"]
    assert cents(statement.receipts.amount) + cents(left_credits) == cents(got.credit)
    assert len(statement.receipts) + len(left) == len(got)
    assert statement.receipts.payment.is_unique


def test_newest_first_lines_are_read_by_their_running_balance() -> None:
    rows = bf.mandiri_rows()
    header_at = 7
    body = rows[header_at + 1 : -1]
    rows = rows[: header_at + 1] + body[::-1] + rows[-1:]
    statement = read_bank_statement(rows)
    assert "the lines are listed newest first (so their running balances say)" in statement.notes
    assert (statement.opening, statement.closing) == (25_000_000.00, 65_689_500.00)
    assert statement.balance_difference == 0.0
    assert not any("does not follow" in n for n in statement.notes)
    # the reversal still pairs with the credit it reverses (the earlier one in time)
    assert sorted(statement.left_out.reason.tolist()).count("reversed") == 1


def test_klikbca_csv_as_downloaded(tmp_path) -> None:
    """Apostrophes before dates and numbers, ``CR``/``DB`` in their own unnamed column."""
    text = (
        "No. rekening : ,'0123456789\n"
        "Nama : ,PT CONTOH DISTRIBUSI\n"
        "Periode : ,15/12/2024 - 15/01/2025\n"
        "Kode Mata Uang : ,Rp\n"
        "\n"
        "Tanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo\n"
        "'28/12,'TRSF E-BANKING CR 2812/FTSCY/WS96001 4400000.00 PT MAJU JAYA,'0000,"
        "4400000.00,CR,29400000.00\n"
        "'02/01,'BIAYA ADM,'0000,10000.00,DB,29390000.00\n"
        "'PEND,'SWITCHING CR TRF DARI CV BARU,'0998,250000.00,CR,29640000.00\n"
        "\n"
        "Saldo Awal : ,25000000.00\n"
        "Mutasi Kredit : ,4650000.00,2\n"
        "Mutasi Debet : ,10000.00,1\n"
        "Saldo Akhir : ,29640000.00\n"
    )
    path = tmp_path / "mutasi.csv"
    path.write_text(text, encoding="utf-8")
    statement = read_bank_statement(path)
    assert statement.bank == "bca"  # by its 'Cabang' column: the title does not name the bank
    assert statement.account == "0123456789" and statement.currency == "IDR"
    assert statement.lines.date.tolist()[:2] == [T(2024, 12, 28), T(2025, 1, 2)]
    assert statement.receipts.amount.tolist() == [4_400_000.00]
    assert statement.receipts.memo.tolist() == [
        "TRSF E-BANKING CR 2812/FTSCY/WS96001 4400000.00 PT MAJU JAYA"
    ]
    assert statement.left_out.reason.tolist() == ["debit", "pending"]
    assert (statement.opening, statement.closing, statement.balance_difference) == (
        25_000_000.00,
        29_640_000.00,
        0.0,
    )
    assert not any("footer" in n or "does not" in n for n in statement.notes)


def test_lines_outside_the_period_are_noted() -> None:
    rows = bf.mandiri_rows()
    rows[8][1] = "30/11/2024"
    statement = read_bank_statement(rows)
    assert "1 line is dated outside the period 01/12/2024 - 31/12/2024 (first: row 9)" in (
        statement.notes
    )


@pytest.mark.parametrize(
    ("cells", "debit", "credit"),
    [
        (["17,325,000.00 CR", "6,500.00 DB"], 6_500.00, 17_325_000.00),
        (["17.325.000,00 CR", "6.500,00 DB"], 6_500.00, 17_325_000.00),
        (["Rp 17.325.000,00 K", "Rp 6.500,00 D"], 6_500.00, 17_325_000.00),
        (["17,325,000.00CR", "6,500.00DR"], 6_500.00, 17_325_000.00),
        (["17325000", "-6500"], 6_500.00, 17_325_000.00),
    ],
)
def test_amount_texts(cells, debit, credit) -> None:
    rows = [["Tanggal", "Keterangan", "Mutasi", "Saldo"]]
    rows += [["02/12/2024", "TRSF PT A", cells[0], None], ["03/12/2024", "BIAYA", cells[1], None]]
    statement = read_bank_statement(rows)
    assert statement.lines.credit.tolist() == [credit, 0.0]
    assert statement.lines.debit.tolist() == [0.0, debit]


def test_workbook_with_real_dates_and_numbers(tmp_path) -> None:
    rows = bf.mandiri_rows()
    for row in rows[8:-1]:
        row[1] = dt.datetime.strptime(row[1], "%d/%m/%Y")
        row[2] = dt.datetime.strptime(row[2], "%d/%m/%Y")
        row[5:8] = [float(c.replace(",", "")) for c in row[5:8]]
    path = bf.write_xlsx(rows, tmp_path / "mcm.xlsx")
    statement = read_bank_statement(path)
    assert statement.bank == "mandiri"
    assert statement.receipts.amount.tolist() == [r[0] for r in bf.RECEIPTS]
    assert statement.receipts.effective_date.iloc[3] == T(2025, 1, 15)
    assert statement.balance_difference == 0.0
