"""The cover sheet every workshop workbook opens on: module, objectives, steps, legend, score."""

from __future__ import annotations

from collections.abc import Sequence

from xl_ar.workshop.book import Book, Sheet
from xl_ar.workshop.data import AS_OF, COMPANY

__all__ = ["COVER_SHEET", "add_cover"]

COVER_SHEET = ("Petunjuk", "Instructions")
COURSE = (
    "Pelatihan: Developing Accounts Receivable Management Model",
    "Course: Developing Accounts Receivable Management Model",
)


def add_cover(
    book: Book,
    heading: str | tuple[str, str],
    objectives: Sequence[str | tuple[str, str]],
    steps: Sequence[str | tuple[str, str]],
    *,
    company: str = COMPANY,
) -> Sheet:
    """Add the cover sheet (first tab) and place the score cell on it.

    Parameters
    ----------
    book : Book
        The workbook; its language picks the texts.
    heading : str or (id, en)
        E.g. ``("Modul 4 — Analisis Piutang & Manajemen Risiko", "Module 4 — ...")``.
    objectives : sequence of str or (id, en)
        What the trainee learns (the syllabus sessions).
    steps : sequence of str or (id, en)
        Numbered instructions: which sheet to open, what to fill.

    Examples
    --------
    >>> book = Book("x", "en", "X")
    >>> sh = add_cover(book, ("Modul", "Module"), [("a", "learn")], [("b", "do")])
    >>> sh.name, book.score_at
    ('Instructions', ('Instructions', 'C6'))
    """
    t = book.t
    sh = book.sheet(t(COVER_SHEET))
    sh.width(0, [4, 30, 14, 60])
    sh.write("B1", t(COURSE), "note")
    sh.write("B2", t(heading), "title")
    sh.write("B3", company, "bold")
    sh.write("B4", t(("Data per tanggal", "Data as of")))
    sh.write("C4", AS_OF, "date")
    sh.write("B6", t(("Skor Anda (jumlah ✓)", "Your score (number of ✓)")), "bold")
    book.score_at = (sh.name, "C6")
    row = 7
    sh.write((row, 1), t(("Tujuan", "Objectives")), "h1")
    for text in objectives:
        row += 1
        sh.write((row, 1), "•")
        sh.write((row, 2), t(text), "text")
    row += 2
    sh.write((row, 1), t(("Langkah kerja", "Steps")), "h1")
    for i, text in enumerate(steps, start=1):
        row += 1
        sh.write((row, 1), f"{i}.")
        sh.write((row, 2), t(text), "text")
    row += 2
    sh.write((row, 1), t(("Keterangan", "Legend")), "h1")
    row += 1
    sh.write((row, 1), None, "input_text")
    sh.write(
        (row, 2),
        t(
            (
                "Sel kuning = isian Anda (ketik angka atau rumus)",
                "Yellow cell = your input (type a number or a formula)",
            )
        ),
    )
    row += 1
    sh.write((row, 1), "✓ / ✗", "check")
    sh.write(
        (row, 2),
        t(
            (
                "✓ = jawaban benar (dalam toleransi), ✗ = periksa kembali; kosong = belum diisi",
                "✓ = correct (within tolerance), ✗ = check again; blank = not answered yet",
            )
        ),
    )
    row += 1
    sh.write(
        (row, 2),
        t(
            (
                "Angka uang dalam Rupiah; hari dibulatkan 1 desimal, persen 2 desimal cukup.",
                "Money in Rupiah; days to 1 decimal and percentages to 2 decimals are enough.",
            )
        ),
        "text",
    )
    return sh
