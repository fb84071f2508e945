"""Bank statement exports built from source: one realistic statement per bank, and hostile variants.

Every statement holds the same month (December 2024) of an Indonesian distributor's current
account: receipts naming customers, a virtual-account receipt, a giro (*bilyet giro*) receipt
with its due date, a transfer that is reversed (``KOREKSI``), debits (a supplier payment,
transfer fee, admin fee, tax), and for BCA a pending (``PEND``) line; the balances add up.
The layouts are the *typical* ones of :mod:`xl_ar.core.cash_application.bank_layouts` (the
banks publish no column-by-column specification: see the sources there).

:func:`bca_rows`, :func:`mandiri_rows`, :func:`bri_rows`, :func:`bni_rows`, :func:`generic_rows`
return row lists (title block, header, lines, footer) as a range hands them over;
:func:`write_csv` / :func:`write_xlsx` write them into a folder (``tmp_path``).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import openpyxl

D = dt.date


@dataclass(frozen=True)
class Line:
    """One movement of the statement (amounts in rupiah, ≥ 0)."""

    day: dt.date | None  # None: pending (BCA ``PEND``)
    description: str
    debit: float = 0.0
    credit: float = 0.0
    reference: str = ""
    value_day: dt.date | None = None  # a later value date (Mandiri/BNI/BRI value-date column)


OPENING = 25_000_000.00
ACCOUNT = "0123456789"
ACCOUNT_NAME = "PT CONTOH DISTRIBUSI"

#: The month's movements (BCA adds :data:`PENDING`).
LINES: tuple[Line, ...] = (
    Line(D(2024, 12, 2), "TRSF E-BANKING CR 0212/FTSCY/WS95031 17325000.00 PT MAJU JAYA",
         credit=17_325_000.00, reference="FT24120200311"),
    Line(D(2024, 12, 3), "VA 8808 0012 3456 7890 CV SINAR ABADI", credit=5_550_000.00,
         reference="VA24120300077"),
    Line(D(2024, 12, 4), "BIAYA TRANSFER ANTAR BANK", debit=2_500.00, reference="FE24120400001"),
    Line(D(2024, 12, 5), "TRSF E-BANKING CR 0512/FTSCY/WS95044 PT KARYA UTAMA TBK INV-2024-0117",
         credit=10_890_000.00, reference="FT24120500444"),
    Line(D(2024, 12, 9), "SETORAN KLIRING BG 778812 PT GIRO LANCAR JATUH TEMPO 15/01/2025",
         credit=3_300_000.00, reference="BG778812"),
    Line(D(2024, 12, 10), "TRSF E-BANKING CR 1012/FTSCY/WS95070 PT SALAH KIRIM",
         credit=2_000_000.00, reference="FT24121000702"),
    Line(D(2024, 12, 11), "KOREKSI TRSF E-BANKING 1012/FTSCY/WS95070 PT SALAH KIRIM",
         debit=2_000_000.00, reference="KR24121100019"),
    Line(D(2024, 12, 16), "TRSF E-BANKING DB 1612/FTSCY/WS95088 PT PEMASOK BAHAN",
         debit=4_125_000.00, reference="FT24121600888"),
    Line(D(2024, 12, 18), "TRSF E-BANKING CR 1812/FTSCY/WS95101 7770000.00 PT MAJU JAYA",
         credit=7_770_000.00, reference="FT24121801011"),
    Line(D(2024, 12, 31), "BIAYA ADM", debit=15_000.00, reference="AD24123100001"),
    Line(D(2024, 12, 31), "PAJAK BUNGA", debit=3_000.00, reference="TX24123100001"),
)  # fmt: skip
#: BCA's pending line, last.
PENDING = Line(None, "TRSF E-BANKING CR 3112/FTSCY/WS95120 CV MENUNGGU", credit=1_000_000.00)

#: Receipts every bank's statement gives (amount, date, effective date or None, memo start).
RECEIPTS = (
    (17_325_000.00, D(2024, 12, 2), None, "TRSF E-BANKING CR 0212/FTSCY/WS95031"),
    (5_550_000.00, D(2024, 12, 3), None, "VA 8808 0012 3456 7890 CV SINAR ABADI"),
    (10_890_000.00, D(2024, 12, 5), None, "TRSF E-BANKING CR 0512/FTSCY/WS95044"),
    (3_300_000.00, D(2024, 12, 9), D(2025, 1, 15), "SETORAN KLIRING BG 778812"),
    (7_770_000.00, D(2024, 12, 18), None, "TRSF E-BANKING CR 1812/FTSCY/WS95101"),
)
CREDITS = 46_835_000.00  # Σ credit of LINES
DEBITS = 6_145_500.00  # Σ debit of LINES
CLOSING = OPENING + CREDITS - DEBITS  # 65,689,500.00 (BCA: + the pending 1,000,000.00)


def en(value: float) -> str:
    """``17,325,000.00``."""
    return f"{value:,.2f}"


def indonesian(value: float) -> str:
    """``17.325.000,00``."""
    return en(value).replace(",", "_").replace(".", ",").replace("_", ".")


def plain(value: float) -> str:
    """``17325000.00``."""
    return f"{value:.2f}"


def balances(lines: Sequence[Line], opening: float = OPENING) -> list[float]:
    """The running balance after each line."""
    out, running = [], opening
    for line in lines:
        running = round(running + line.credit - line.debit, 2)
        out.append(running)
    return out


def bca_lines(pending: bool = True) -> list[Line]:
    return [*LINES, PENDING] if pending else list(LINES)


def bca_rows(
    lines: Sequence[Line] | None = None,
    *,
    period: tuple[dt.date, dt.date] | None = (D(2024, 12, 1), D(2024, 12, 31)),
    money=en,
    split_mark: bool = False,
    opening: float = OPENING,
    footer: bool = True,
    footer_lines: Sequence[Line] | None = None,
) -> list[list[object]]:
    """KlikBCA Bisnis: title block, ``dd/mm`` dates (``PEND``), ``Jumlah`` with ``CR``/``DB``.

    ``footer_lines``: the lines the footer totals are computed from (default ``lines``), so
    a variant may drop a line and keep the footer the bank printed.
    """
    lines = bca_lines() if lines is None else list(lines)
    title: list[list[object]] = [
        ["Mutasi Rekening - KlikBCA Bisnis"],
        ["No. rekening", ":", ACCOUNT],
        ["Nama", ":", ACCOUNT_NAME],
    ]
    if period is not None:
        title.append(["Periode", ":", f"{period[0]:%d/%m/%Y} - {period[1]:%d/%m/%Y}"])
    title += [["Kode Mata Uang", ":", "Rp"], []]
    header = ["Tanggal Transaksi", "Keterangan", "Cabang", "Jumlah"]
    header += ["", "Saldo"] if split_mark else ["Saldo"]
    rows: list[list[object]] = [*title, header]
    printed = list(footer_lines) if footer_lines is not None else lines
    running = dict(zip(map(id, printed), balances(printed, opening), strict=True))
    for line in lines:
        day = "PEND" if line.day is None else f"{line.day:%d/%m}"
        amount = line.credit or line.debit
        mark = "CR" if line.credit else "DB"
        money_cells = [money(amount), mark] if split_mark else [f"{money(amount)} {mark}"]
        rows.append([day, line.description, "0000", *money_cells, money(running[id(line)])])
    if footer:
        credits = sum(x.credit for x in printed)
        debits = sum(x.debit for x in printed)
        rows += [
            ["Saldo Awal", ":", money(opening)],
            ["Mutasi Kredit", ":", money(credits), str(sum(1 for x in printed if x.credit))],
            ["Mutasi Debet", ":", money(debits), str(sum(1 for x in printed if x.debit))],
            ["Saldo Akhir", ":", money(round(opening + credits - debits, 2))],
        ]
    return rows


def mandiri_rows(lines: Sequence[Line] | None = None, *, money=en) -> list[list[object]]:
    """Mandiri MCM: title block with the opening balance, value dates, reference numbers.

    The giro line carries its due date in the ``Val. Date`` column (not in the description).
    """
    lines = [_giro_by_value_date(x) for x in (LINES if lines is None else lines)]
    rows: list[list[object]] = [
        ["Bank Mandiri - Mandiri Cash Management"],
        ["Account No", ":", "1230009876543"],
        ["Account Name", ":", ACCOUNT_NAME],
        ["Period", ":", "01/12/2024 - 31/12/2024"],
        ["Currency", ":", "IDR"],
        ["Opening Balance", ":", money(OPENING)],
        [],
        ["Account No", "Date", "Val. Date", "Description", "Reference No.", "Debit", "Credit",
         "Balance"],
    ]  # fmt: skip
    running = balances(lines)
    for line, balance in zip(lines, running, strict=True):
        value_day = line.value_day or line.day
        rows.append(
            ["1230009876543", f"{line.day:%d/%m/%Y}", f"{value_day:%d/%m/%Y}", line.description,
             line.reference, money(line.debit), money(line.credit), money(balance)]
        )  # fmt: skip
    rows.append(["Closing Balance", ":", money(running[-1])])
    return rows


def _giro_by_value_date(line: Line) -> Line:
    if "JATUH TEMPO" not in line.description:
        return line
    text = line.description.split(" JATUH TEMPO")[0]
    return replace(line, description=text, value_day=D(2025, 1, 15))


def bri_rows(lines: Sequence[Line] | None = None) -> list[list[object]]:
    """BRI CMS: a flat table, ``TGL_TRAN`` … ``SALDO_AKHIR_MUTASI``, plain numbers, no title."""
    lines = list(LINES if lines is None else lines)
    rows: list[list[object]] = [
        ["NOREK", "TGL_TRAN", "TGL_EFEKTIF", "JAM_TRAN", "DESK_TRAN", "SALDO_AWAL_MUTASI",
         "MUTASI_DEBET", "MUTASI_KREDIT", "SALDO_AKHIR_MUTASI"],
    ]  # fmt: skip
    before = OPENING
    for i, (line, after) in enumerate(zip(lines, balances(lines), strict=True)):
        rows.append(
            ["034101000123307", f"{line.day:%Y-%m-%d}", f"{line.day:%Y-%m-%d}",
             f"{8 + i % 9:02d}:{(7 * i) % 60:02d}:00", line.description, plain(before),
             plain(line.debit), plain(line.credit), plain(after)]
        )  # fmt: skip
        before = after
    return rows


def brimo_rows(lines: Sequence[Line] | None = None) -> list[list[object]]:
    """BRImo in Indonesian with Indonesian numbers (``17.325.000,00``)."""
    lines = list(LINES if lines is None else lines)
    rows: list[list[object]] = [
        ["Mutasi Rekening BRImo"],
        ["Nomor Rekening : 034101000123307"],
        ["Periode : 01/12/2024 - 31/12/2024"],
        ["Saldo Awal : " + indonesian(OPENING)],
        ["Tanggal Transaksi", "Uraian Transaksi", "Debet", "Kredit", "Saldo"],
    ]
    for line, after in zip(lines, balances(lines), strict=True):
        rows.append(
            [f"{line.day:%d/%m/%Y}", line.description, indonesian(line.debit),
             indonesian(line.credit), indonesian(after)]
        )  # fmt: skip
    return rows


def bni_rows(lines: Sequence[Line] | None = None) -> list[list[object]]:
    """BNIDirect: ``Post Date``, ``Value Date``, ``Journal No.``, ``Amount`` + ``Db/Cr``."""
    lines = list(LINES if lines is None else lines)
    running = balances(lines)
    rows: list[list[object]] = [
        ["BNIDirect - Account Statement"],
        ["Account Number : 0987654321"],
        ["Period : 01/12/2024 - 31/12/2024"],
        ["Post Date", "Value Date", "Branch", "Journal No.", "Description", "Amount", "Db/Cr",
         "Balance"],
    ]  # fmt: skip
    for line, balance in zip(lines, running, strict=True):
        rows.append(
            [f"{line.day:%d/%m/%Y} 08:15:01", f"{line.day:%d/%m/%Y}", "0259", line.reference,
             line.description, en(line.credit or line.debit), "C" if line.credit else "D",
             en(balance)]
        )  # fmt: skip
    rows += [["Beginning Balance", en(OPENING)], ["Ending Balance", en(running[-1])]]
    return rows


def generic_rows(lines: Sequence[Line] | None = None) -> list[list[object]]:
    """A generic export: ISO dates, one signed amount, a running balance."""
    lines = list(LINES if lines is None else lines)
    rows: list[list[object]] = [["Date", "Description", "Amount", "Balance"]]
    for line, balance in zip(lines, balances(lines), strict=True):
        signed = line.credit - line.debit
        rows.append([f"{line.day:%Y-%m-%d}", line.description, plain(signed), plain(balance)])
    return rows


# --------------------------------------------------------------------------- hostile variants


def bca_missing_line() -> list[list[object]]:
    """The bank printed 15,000.00 of admin fee (``BIAYA ADM``) that the export lost.

    The footer and the running balances are the bank's; the lines lack the fee, so the
    balances miss by −15,000.00 and the next line's running balance does not follow.
    """
    printed = bca_lines()
    kept = [x for x in printed if x.description != "BIAYA ADM"]
    return bca_rows(kept, footer_lines=printed)


def bca_year_end() -> list[list[object]]:
    """A period crossing the year end: 15/12/2024 - 15/01/2025, lines ``28/12`` and ``02/01``."""
    lines = [
        Line(D(2024, 12, 28), "TRSF E-BANKING CR 2812/FTSCY/WS96001 PT MAJU JAYA",
             credit=4_400_000.00),
        Line(D(2025, 1, 2), "TRSF E-BANKING CR 0201/FTSCY/WS96002 CV SINAR ABADI",
             credit=1_100_000.00),
        Line(D(2025, 1, 2), "BIAYA ADM", debit=10_000.00),
    ]  # fmt: skip
    return bca_rows(lines, period=(D(2024, 12, 15), D(2025, 1, 15)))


def bca_no_period() -> list[list[object]]:
    """Year-less dates and no ``Periode`` line: the year cannot be known."""
    return bca_rows(period=None)


def bca_indonesian() -> list[list[object]]:
    """Amounts in the Indonesian number format: ``17.325.000,00 CR``."""
    return bca_rows(money=indonesian)


# --------------------------------------------------------------------------- files


def write_csv(rows: Sequence[Sequence[object]], path: Path, delimiter: str = ",") -> Path:
    """Write rows as a csv file (text cells as they are)."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        for row in rows:
            writer.writerow(["" if c is None else c for c in row])
    return path


def write_xlsx(rows: Sequence[Sequence[object]], path: Path) -> Path:
    """Write rows into the first sheet of a workbook (text cells stay text)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Mutasi"
    for row in rows:
        sheet.append([None if c == "" else c for c in row])
    book.save(path)
    return path
