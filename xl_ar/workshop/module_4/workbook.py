"""Module 4's workbook: the cover, the Data sheet's helper columns and the sheet order."""

from __future__ import annotations

from xl_ar.workshop.book import Book, Sheet
from xl_ar.workshop.cover import add_cover
from xl_ar.workshop.data import LEDGER_COLUMNS, LedgerRefs, core_ledger, write_ledger
from xl_ar.workshop.layout import autofit_book
from xl_ar.workshop.module_4.aging import aging_sheet
from xl_ar.workshop.module_4.allowance import allowance_sheet
from xl_ar.workshop.module_4.cash import cash_sheet
from xl_ar.workshop.module_4.checks import check_sheet
from xl_ar.workshop.module_4.context import ALLOWANCE_IN_TEXT, SHEETS, Ctx, top_aligned
from xl_ar.workshop.module_4.example import example_sheet
from xl_ar.workshop.module_4.factoring import factoring_sheet
from xl_ar.workshop.module_4.matrix import matrix_sheet
from xl_ar.workshop.terms import CHECK_SHEET


def build(lang: str) -> Book:
    """Build the module 4 workbook in ``lang`` (``"id"`` or ``"en"``).

    Parameters
    ----------
    lang : {'id', 'en'}

    Returns
    -------
    Book
        Cover, Data, worked example, aging exercise, cash projection, allowance, provision
        matrix, factoring and the final add-in check sheet, with every answer computed by the
        core.
    """
    book = Book("module_4", lang, book_title(lang))
    _cover(book)
    data = book.sheet(book.t(SHEETS["data"]))
    refs = write_ledger(book, data)
    _helper_columns(book, data, refs)
    ctx = Ctx(book, refs, core_ledger(lang))
    example_sheet(ctx)
    aging_sheet(ctx)
    cash_sheet(ctx)
    bucket_cells = allowance_sheet(ctx)
    matrix_sheet(ctx, bucket_cells)
    factoring_sheet(ctx)
    check_sheet(ctx)
    autofit_book(book)
    for sh in book.sheets[2:]:
        top_aligned(sh)
    return book


def book_title(lang: str) -> str:
    """The workbook title in ``lang``."""
    return "Modul 4" if lang == "id" else "Module 4"


def _cover(book: Book) -> None:
    add_cover(
        book,
        (
            "Modul 4 — Analisis Piutang & Manajemen Risiko",
            "Module 4 — Receivables Analysis & Risk Management",
        ),
        [
            (
                "Membuat laporan aging piutang di Excel dengan rumus (IF bertingkat, SUMIFS)",
                "Build an AR aging report in Excel with formulas (nested IF, SUMIFS)",
            ),
            (
                "Membaca aging: pelanggan dan faktur berisiko, nota kredit, pembayaran sebagian",
                "Read the aging: risky customers and invoices, credit notes, partial payments",
            ),
            (
                "Memproyeksikan penerimaan kas 3 bulan dari piutang terbuka",
                "Project 3 months of cash receipts from the open receivables",
            ),
            (
                "Menghitung cadangan metode persentase umur (tradisional, pembanding) dan jurnalnya",
                "Compute the aging-method allowance (traditional, for comparison) and its entry",
            ),
            (
                f"Menyusun matriks provisi untuk {ALLOWANCE_IN_TEXT[0]} yang dibukukan, dengan faktor "
                "forward-looking",
                f"Build the provision matrix of the booked {ALLOWANCE_IN_TEXT[1]}, with a "
                "forward-looking factor",
            ),
            (
                "Menilai biaya faktoring dan peran asuransi piutang",
                "Assess the cost of factoring and the role of receivable insurance",
            ),
        ],
        [
            (
                "Sheet Data: isi kolom kuning 'Hari Lewat Jatuh Tempo' dan 'Kelompok Umur' "
                "(kolom bantu, tidak dinilai).",
                "Data sheet: fill the yellow helper columns 'Days Past Due' and 'Aging Bucket' "
                "(working columns, not scored).",
            ),
            (
                "Sheet Contoh: pelajari rumus aging pada 8 faktur kecil.",
                "Worked Example sheet: study the aging formulas on 8 small invoices.",
            ),
            (
                "Sheet Latihan Aging: susun aging per pelanggan dengan SUMIFS.",
                "Aging Exercise sheet: build the aging per customer with SUMIFS.",
            ),
            (
                "Sheet Proyeksi Kas: tanggal perkiraan bayar tiap faktur, lalu kas per bulan "
                "setelah perkiraan tidak tertagih.",
                "Cash Projection sheet: expected payment date of each item, then cash per month "
                "net of expected losses.",
            ),
            (
                f"Sheet Cadangan (metode umur, pembanding) dan Matriks Provisi ({ALLOWANCE_IN_TEXT[0]} "
                "yang dibukukan): cadangan, jurnal penyesuaian, KKE.",
                f"Allowance (aging method, for comparison) and Provision Matrix (the booked "
                f"{ALLOWANCE_IN_TEXT[1]}) sheets: allowance, adjusting entry, ECL.",
            ),
            (
                "Sheet Faktoring: hitung kas bersih dan biaya efektif faktoring.",
                "Factoring sheet: compute the net proceeds and effective cost of factoring.",
            ),
            (
                f"Setelah selesai: buka sheet terakhir '{CHECK_SHEET[0]}' dan bandingkan hasil "
                "add-in dengan jawaban Anda. Sel AR_* memerlukan add-in xl-ar; tanpa add-in sel "
                "itu menampilkan #NAME?.",
                f"When you have finished: open the last sheet '{CHECK_SHEET[1]}' and compare the "
                "add-in's results with your answers. AR_* cells need the xl-ar add-in; without "
                "it they show #NAME?.",
            ),
        ],
    )


def _helper_columns(book: Book, sh: Sheet, refs: LedgerRefs) -> None:
    """Two empty yellow working columns right of the ledger (not scored)."""
    days_col = refs.left + len(LEDGER_COLUMNS)
    bucket_col = days_col + 1
    sh.write(
        (refs.header_row - 1, days_col),
        book.t(
            (
                "Kolom bantu (tidak dinilai): isi rumus di baris pertama lalu salin ke bawah",
                "Helper columns (not scored): type the formula in the first row, copy it down",
            )
        ),
        "text",
    )
    sh.write(
        (refs.header_row, days_col),
        book.t(("Hari Lewat Jatuh Tempo", "Days Past Due")),
        "header",
    )
    sh.write((refs.header_row, bucket_col), book.t(("Kelompok Umur", "Aging Bucket")), "header")
    for r in range(refs.first, refs.last + 1):
        sh.write((r, days_col), None, "input_int")
        sh.write((r, bucket_col), None, "input_text")
    sh.width(days_col, [14, 16])
