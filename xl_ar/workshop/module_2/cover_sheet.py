"""The module 2 cover: objectives and the steps through the workbook."""

from __future__ import annotations

from xl_ar.workshop.book import Book
from xl_ar.workshop.cover import add_cover
from xl_ar.workshop.module_2.common import CHECK_SHEET, TITLE

__all__ = ["add_cover_sheet"]


def add_cover_sheet(book: Book) -> None:
    """The cover sheet (first tab): objectives, steps and the score cell."""
    add_cover(
        book,
        TITLE,
        [
            (
                "Merumuskan elemen kunci kebijakan kredit: termin, diskon, limit, persyaratan",
                "Set the key elements of a credit policy: terms, discounts, limits, requirements",
            ),
            (
                "Menyusun formulir aplikasi kredit dan klausul perjanjian",
                "Draft a credit application form and the agreement's clauses",
            ),
            (
                "Menilai pelanggan dengan 5C dari bukti (panduan skor, skor tertimbang, peringkat)",
                "Assess a customer with the 5 C's from evidence (guide, weighted score, grade)",
            ),
            (
                "Menetapkan batas kredit dengan beberapa metode dan memilih yang menentukan",
                "Set a credit limit with several methods and find the binding one",
            ),
            (
                "Meninjau pemakaian limit dan menahan pesanan sesuai kebijakan",
                "Review limit utilisation and hold orders by the policy",
            ),
        ],
        [
            (
                "Sheet 'Kebijakan': pelajari kebijakan dan panduan skor; hitung biaya diskon "
                "(1 latihan).",
                "Sheet 'Policy': study the policy and the scoring guide; price a discount "
                "(1 exercise).",
            ),
            (
                "Sheet 'Formulir Aplikasi': template untuk diskusi (tanpa cek jawaban).",
                "Sheet 'Application Form': a template to discuss (no answer checks).",
            ),
            (
                "Sheet 'Skor 5C': pelajari contoh A, lalu ukur dan beri skor pemohon B.",
                "Sheet '5C Scorecard': study example A, then measure and score applicant B.",
            ),
            (
                "Sheet 'Batas Kredit': pelajari contoh A, lalu hitung setiap metode untuk B.",
                "Sheet 'Credit Limit': study example A, then compute every method for B.",
            ),
            (
                "Sheet 'Tinjauan Limit': bandingkan saldo setiap pelanggan (sheet Data) dengan "
                "limitnya.",
                "Sheet 'Limit Review': compare each customer's balance (Data sheet) with its "
                "limit.",
            ),
            (
                f"Sheet '{CHECK_SHEET[0]}' (terakhir): buka setelah selesai untuk memeriksa "
                "dengan add-in.",
                f"Sheet '{CHECK_SHEET[1]}' (the last one): open it when you finish to check "
                "with the add-in.",
            ),
            ("Skor Anda (jumlah ✓) tampil di atas.", "Your score (number of ✓) shows above."),
        ],
    )
