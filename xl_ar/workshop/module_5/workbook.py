"""Module 5's workbook: the cover and the sheet order."""

from __future__ import annotations

from xl_ar.workshop.book import Book
from xl_ar.workshop.cover import add_cover
from xl_ar.workshop.data import write_ledger
from xl_ar.workshop.module_5.context import SHEETS
from xl_ar.workshop.module_5.metrics import metrics_sheet
from xl_ar.workshop.module_5.monthly import monthly_sheet
from xl_ar.workshop.module_5.pivot import pivot_sheet
from xl_ar.workshop.module_5.practice import practice_sheet
from xl_ar.workshop.module_5.reconciliation import recon_365_sheet, reconciliation_sheet


def _cover(book: Book) -> None:
    """The cover sheet: objectives (syllabus sessions 5.2 and 5.3) and the steps."""
    t = book.t
    objectives = [
        (
            "Memilih dan menghitung metrik kunci: DSO (sederhana, rata-rata, countback), BPDSO, "
            "ADD, CEI, perputaran piutang, periode penagihan, rasio tunggakan/penagihan/"
            "piutang tak tertagih",
            "Choose and compute the key metrics: DSO (simple, average, countback), BPDSO, ADD, "
            "CEI, receivable turnover, collection period, arrears/collection/bad-debt ratios",
        ),
        (
            "Membaca tren bulanan piutang dan kinerja penagihan (dasar dashboard)",
            "Read the monthly trend of receivables and collections (the basis of a dashboard)",
        ),
        (
            "Rekonsiliasi penerimaan bank otomatis dengan VLOOKUP, INDEX/MATCH dan XLOOKUP",
            "Automate the reconciliation of bank receipts with VLOOKUP, INDEX/MATCH and XLOOKUP",
        ),
        (
            "Menyiapkan data untuk PivotTable dan otomatisasi umur piutang (aging) dengan fungsi "
            "tanggal",
            "Prepare data for a PivotTable and automate aging with date functions",
        ),
    ]
    steps = [
        (
            "Sheet Data: buku besar piutang (sama dengan modul 1, 3, 4). Jangan diubah.",
            "Data sheet: the AR ledger (as in modules 1, 3, 4). Do not change it.",
        ),
        (
            "Sheet Bulanan: pelajari rumus SUMIFS dengan kriteria tanggal per bulan (metrik "
            "mulai April: baca catatannya).",
            "Monthly sheet: study the SUMIFS formulas with date criteria per month (metrics "
            "start in April: read the note).",
        ),
        (
            "Sheet Metrik: bandingkan rumus Excel dengan fungsi xl-ar (add-in) untuk Q4 2024.",
            "Metrics sheet: compare the Excel formulas with the xl-ar functions for Q4 2024.",
        ),
        (
            "Sheet Latihan Metrik: isi sel kuning (contoh buku teks, lalu data perusahaan).",
            "Metrics Practice sheet: fill the yellow cells (textbook cases, then company data).",
        ),
        (
            "Sheet Rekonsiliasi: cocokkan mutasi bank dengan faktur, lalu jawab pertanyaannya.",
            "Reconciliation sheet: match the bank receipts to invoices, then answer.",
        ),
        (
            "Sheet Rekon XLOOKUP (Excel 365): versi XLOOKUP dari rekonsiliasi yang sama.",
            "Recon XLOOKUP (Excel 365) sheet: the XLOOKUP version of the same reconciliation.",
        ),
        (
            "Sheet Tabel Pivot: sisipkan PivotTable dari tblPiutang dan jawab pertanyaannya.",
            "Pivot Table sheet: insert a PivotTable from tblPiutang and answer the questions.",
        ),
    ]
    add_cover(
        book,
        (
            "Modul 5 — Teknologi, Data & Otomatisasi dalam Manajemen Piutang",
            "Module 5 — Technology, Data & Automation in Receivables Management",
        ),
        [t(o) for o in objectives],
        [t(s) for s in steps],
    )


def build(lang: str) -> Book:
    """Build the module 5 workbook in ``lang`` (``"id"`` or ``"en"``).

    Parameters
    ----------
    lang : {"id", "en"}
        Language of every label and sheet name; the numbers are the same in both.

    Returns
    -------
    Book
        The workbook specification (render it with :func:`xl_ar.workshop.render.render_book`).
    """
    book = Book("module_5", lang, book_title(lang))
    _cover(book)
    data = book.sheet(book.t(SHEETS["data"]))
    refs = write_ledger(book, data)
    mon = monthly_sheet(book, refs)
    metrics_sheet(book, mon)
    practice_sheet(book)
    reconciliation_sheet(book, refs)
    recon_365_sheet(book, refs)
    pivot_sheet(book)
    return book


def book_title(lang: str) -> str:
    """The workbook title (file properties)."""
    return "Modul 5 — Metrik & Otomatisasi" if lang == "id" else "Module 5 — Metrics & Automation"
