"""The module 1 cover: objectives and the steps through the workbook."""

from __future__ import annotations

from xl_ar.workshop.book import Book
from xl_ar.workshop.cover import add_cover
from xl_ar.workshop.module_1.common import TITLE

__all__ = ["add_cover_sheet"]


def add_cover_sheet(book: Book) -> None:
    """The cover sheet (first tab): objectives, steps and the score cell."""
    add_cover(
        book,
        TITLE,
        [
            (
                "Memahami piutang usaha sebagai aset dan sumber risiko",
                "Understand receivables as an asset and a source of risk",
            ),
            (
                "Memetakan siklus Order-to-Cash (O2C) dan titik rawannya",
                "Map the Order-to-Cash (O2C) cycle and its risk points",
            ),
            (
                "Menguasai istilah dan metrik kunci piutang",
                "Master the key AR terms and metrics",
            ),
            (
                "Membaca buku besar piutang dengan SUMIF, COUNTIFS dan SUMIFS",
                "Read an AR ledger with SUMIF, COUNTIFS and SUMIFS",
            ),
        ],
        [
            (
                "Sheet 'Siklus O2C': isi urutan tahap (1-7) pada sel kuning.",
                "Sheet 'O2C Cycle': type each stage's position (1-7) in the yellow cells.",
            ),
            (
                "Sheet 'Glosarium': baca istilahnya, lalu jawab 3 pertanyaan di bawah tabel.",
                "Sheet 'Glossary': read the terms, then answer the 3 questions below the table.",
            ),
            (
                "Sheet 'Data', 'Pelanggan', 'Pembayaran': data contoh per 31/12/2024.",
                "Sheets 'Data', 'Customers', 'Payments': the sample data as of 31/12/2024.",
            ),
            (
                "Sheet 'Latihan': pelajari blok Contoh, lalu jawab dengan rumus Excel "
                "(lihat kolom Petunjuk).",
                "Sheet 'Practice': study the Example block, then answer with Excel formulas "
                "(see the Hint column).",
            ),
            (
                "Sheet 'Cek dengan xl-ar' (terakhir): buka setelah selesai untuk memeriksa "
                "jawaban dengan add-in.",
                "Sheet 'Check with xl-ar' (the last one): open it when you finish to check "
                "answers with the add-in.",
            ),
            (
                "Skor Anda (jumlah ✓) tampil di atas.",
                "Your score (number of ✓) shows above.",
            ),
        ],
    )
