"""The cover sheet every workshop workbook opens on: module, objectives, steps, legend, score."""

from __future__ import annotations

from collections.abc import Sequence

from xl_ar.workshop.book import Book, Sheet
from xl_ar.workshop.data import AS_OF, COMPANY

__all__ = ["COVER_SHEET", "SEPARATOR_NOTE", "add_cover", "typed_formula"]

COVER_SHEET = ("Petunjuk", "Instructions")
SEPARATOR_NOTE = (
    "Contoh rumus di buku ini memakai titik koma (;) seperti Excel berbahasa Indonesia; "
    "jika Excel Anda memakai koma (,), ketik koma.",
    "Formula examples use commas (,); if your Excel uses semicolons (;), type semicolons.",
)
"""How formula hints are written: ``;`` in the Indonesian edition, ``,`` in the English one."""


def typed_formula(formula: str, lang: str) -> str:
    """A formula shown as text the way the edition types it (see :data:`SEPARATOR_NOTE`).

    ``;`` between arguments in the Indonesian edition, ``,`` in the English one; commas
    inside quoted texts stay.

    Examples
    --------
    >>> typed_formula('=SUMIFS(A:A,B:B,"a,b")', "id"), typed_formula("=MAX(0,B4)", "en")
    ('=SUMIFS(A:A;B:B;"a,b")', '=MAX(0,B4)')
    """
    if lang != "id":
        return formula
    out, quoted = [], False
    for ch in formula:
        if ch == '"':
            quoted = not quoted
        out.append(";" if ch == "," and not quoted else ch)
    return "".join(out)


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
    # A: margin; B: labels, bullets and running text (overflows to the right); C: values
    sh.width(0, [2, 30, 14, 70])
    sh.write("B1", t(COURSE), "text")
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
        sh.write((row, 1), f"•  {t(text)}", "text")
    row += 2
    sh.write((row, 1), t(("Langkah kerja", "Steps")), "h1")
    for i, text in enumerate(steps, start=1):
        row += 1
        sh.write((row, 1), f"{i}.  {t(text)}", "text")
    row += 2
    sh.write((row, 1), t(("Keterangan", "Legend")), "h1")
    legend = [
        ("input_text", (
            "Sel kuning = isian Anda (ketik angka atau rumus)",
            "Yellow cell = your input (type a number or a formula)",
        )),
        ("check", (
            "✓ = jawaban benar (dalam toleransi), ✗ = periksa kembali; kosong = belum diisi",
            "✓ = correct (within tolerance), ✗ = check again; blank = not answered yet",
        )),
        (None, (
            "Angka uang dalam Rupiah; hari cukup 1 desimal, persen 2 desimal.",
            "Money in Rupiah; days to 1 decimal and percentages to 2 decimals are enough.",
        )),
        (None, SEPARATOR_NOTE),
    ]  # fmt: skip
    for style, text in legend:
        row += 1
        if style == "input_text":
            sh.write((row, 2), None, style)
        elif style == "check":
            sh.write((row, 2), "✓ / ✗", style)
        sh.write((row, 3), t(text), "text")
    return sh
