"""The hotel case's workbook: the cover and the sheet order."""

from __future__ import annotations

from xl_ar.workshop.book import Book, pick
from xl_ar.workshop.case_hotel.checks import check_sheet
from xl_ar.workshop.case_hotel.data_sheet import hotel_data_sheet
from xl_ar.workshop.case_hotel.questions import questions_sheet
from xl_ar.workshop.case_hotel.segments import segment_sheet
from xl_ar.workshop.case_hotel.summary import summary_sheet
from xl_ar.workshop.case_hotel.targets import target_sheet
from xl_ar.workshop.cover import add_cover
from xl_ar.workshop.hotel_data import HOTEL
from xl_ar.workshop.terms import CHECK_SHEET


def _cover(book: Book) -> None:
    add_cover(
        book,
        ("Studi Kasus: Piutang Hotel", "Case Study: Hotel Receivables"),
        [
            (
                "Membaca buku besar piutang hotel dan menyusun ringkasan tahunan dengan SUMIFS",
                "Read a hotel's AR ledger and build an annual summary with SUMIFS",
            ),
            (
                "Menghitung RTO, ACP (360 hari), rasio tunggakan, rasio penagihan dan rasio "
                "piutang tak tertagih per tahun",
                "Compute RTO, ACP (360 days), arrears, collection and bad-debt ratios per year",
            ),
            (
                "Membandingkan kinerja dengan target dan antar segmen pelanggan",
                "Compare performance with targets and across customer segments",
            ),
        ],
        [
            (
                "Data: faktur kredit 2020–2024 (korporat, travel agent, pemerintah). Baca "
                "catatan tentang penghapusan piutang.",
                "Data: credit invoices 2020–2024 (corporate, travel agent, government). Read "
                "the note on write-offs.",
            ),
            ("Target: target rasio hotel.", "Targets: the hotel's ratio targets."),
            (
                "Ringkasan Tahunan: pelajari rumus SUMIFS-nya (contoh kerja).",
                "Annual Summary: study its SUMIFS formulas (worked example).",
            ),
            (
                "Pertanyaan: isi sel kuning — rasio per tahun, YA/TIDAK untuk target, analisis.",
                "Questions: fill the yellow cells — ratios per year, YES/NO for targets, analysis.",
            ),
            (
                "Analisis Segmen: contoh kerja per segmen 2024; isi ACP tiap segmen.",
                "Segment Analysis: worked 2024 figures per segment; fill in each segment's ACP.",
            ),
            (
                f"{CHECK_SHEET[0]}: buka setelah Anda selesai — jawaban rasio dihitung ulang "
                "dengan AR_RTO dan kawan-kawan (perlu add-in).",
                f"{CHECK_SHEET[1]}: open it after you finish — the ratio answers recomputed "
                "with AR_RTO & co. (needs the add-in).",
            ),
        ],
        company=HOTEL,
    )


def build(lang: str) -> Book:
    """Build the hotel case-study workbook in ``lang`` (``"id"`` or ``"en"``).

    Parameters
    ----------
    lang : {'id', 'en'}
        Language of every label and sheet name; the numbers are the same in both.

    Returns
    -------
    Book
        Cover, Data, Targets, Annual Summary, Questions, Segment Analysis and, last, the
        "Check with xl-ar" sheet.
    """
    book = Book(
        "case_hotel",
        lang,
        pick(("Studi Kasus: Piutang Hotel", "Case Study: Hotel Receivables"), lang),
    )
    _cover(book)
    data = hotel_data_sheet(book)
    targets = target_sheet(book)
    summary = summary_sheet(book, data)
    questions_sheet(book, summary, targets)
    segments = segment_sheet(book, data, targets)
    check_sheet(book, summary, segments)
    return book
