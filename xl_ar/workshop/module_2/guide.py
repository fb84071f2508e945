"""The 5 C's scoring guide: what each score means, its lookup bounds, and its policy section."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from xl_ar.core import C_NAMES
from xl_ar.workshop.book import Book, Sheet
from xl_ar.workshop.layout import header_row, paragraph, put
from xl_ar.workshop.module_2.common import C_LABELS, T, section_heading, span_ref

__all__ = [
    "GUIDE",
    "LOOKUP_CS",
    "NEGATIVE_EQUITY",
    "TRAINEE_CS",
    "Guide",
    "add_guide_section",
    "collateral_score",
]


NEGATIVE_EQUITY = -1e9
"""First lower bound of the capital table: a negative DER (negative equity) scores 1, and
``VLOOKUP(..., TRUE)`` finds a row instead of returning #N/A."""


@dataclass(frozen=True)
class Guide:
    """How one C is scored: what is measured, what each score 1-5 means, the lookup bounds.

    ``bounds`` are the ascending lower bounds of the measure and ``scores`` the score from each
    bound on: the score of a measure is that of the last bound not above it (what
    ``VLOOKUP(measure, table, 2, TRUE)`` returns). Without bounds the C is scored by judgement
    from the level descriptions.
    """

    measure: T
    source: T
    levels: tuple[T, T, T, T, T]  # what scores 1, 2, 3, 4, 5 mean
    bounds: tuple[float, ...] = ()
    scores: tuple[int, ...] = ()
    style: str = "number"  # number style of the measure on the sheets

    def score(self, value: float) -> int:
        """The guide's score of a measured ``value``.

        Examples
        --------
        >>> GUIDE["capital"].score(1.2), GUIDE["character"].score(4.9)
        (3, 5)
        """
        if not self.bounds:
            raise ValueError("this C is scored by judgement, not from a measure")
        i = bisect_right(self.bounds, value) - 1
        if i < 0:
            raise ValueError(f"{value!r} is below the guide's lowest bound {self.bounds[0]!r}")
        return self.scores[i]


GUIDE: dict[str, Guide] = {
    "character": Guide(
        ("Rata-rata hari terlambat membayar", "Average days paid late"),
        (
            "Riwayat bayar kita (pelanggan lama) atau referensi pemasok (pemohon baru)",
            "Our payment history (existing customer) or supplier references (new applicant)",
        ),
        (
            ("30 hari atau lebih", "30 days or more"),
            ("20 s.d. di bawah 30 hari", "20 to under 30 days"),
            ("10 s.d. di bawah 20 hari", "10 to under 20 days"),
            ("5 s.d. di bawah 10 hari", "5 to under 10 days"),
            ("di bawah 5 hari", "under 5 days"),
        ),
        bounds=(0.0, 5.0, 10.0, 20.0, 30.0),
        scores=(5, 4, 3, 2, 1),
        style="days",
    ),
    "capacity": Guide(
        ("Margin laba bersih = laba bersih / penjualan", "Net margin = net profit / sales"),
        ("Laporan keuangan terakhir", "Latest financial statements"),
        (
            ("rugi (di bawah 0%)", "a loss (under 0%)"),
            ("0% s.d. di bawah 2%", "0% to under 2%"),
            ("2% s.d. di bawah 5%", "2% to under 5%"),
            ("5% s.d. di bawah 8%", "5% to under 8%"),
            ("8% atau lebih", "8% or more"),
        ),
        bounds=(-1.0, 0.0, 0.02, 0.05, 0.08),
        scores=(1, 2, 3, 4, 5),
        style="pct",
    ),
    "capital": Guide(
        ("Rasio utang / ekuitas (DER)", "Debt-to-equity ratio (DER)"),
        (
            "Laporan keuangan: total utang / ekuitas",
            "Financial statements: total liabilities / equity",
        ),
        (
            ("3 atau lebih, atau ekuitas negatif", "3 or more, or negative equity"),
            ("2 s.d. di bawah 3", "2 to under 3"),
            ("1 s.d. di bawah 2", "1 to under 2"),
            ("0,5 s.d. di bawah 1", "0.5 to under 1"),
            ("di bawah 0,5", "under 0.5"),
        ),
        bounds=(NEGATIVE_EQUITY, 0.0, 0.5, 1.0, 2.0, 3.0),
        scores=(1, 5, 4, 3, 2, 1),
        style="ratio",
    ),
    "collateral": Guide(
        ("Bank garansi / deposito ÷ limit diajukan", "Bank guarantee / deposit ÷ limit requested"),
        (
            "Bank garansi, SKBDN, deposito; jaminan pribadi",
            "Bank guarantee, letter of credit, deposit; personal guarantee",
        ),
        (
            ("tanpa jaminan apa pun", "no security at all"),
            ("jaminan pribadi saja, atau di bawah 25%", "personal guarantee only, or under 25%"),
            ("25% s.d. di bawah 50%", "25% to under 50%"),
            ("50% s.d. di bawah 100%", "50% to under 100%"),
            ("100% atau lebih", "100% or more"),
        ),
        bounds=(0.0, 0.25, 0.5, 1.0),
        scores=(2, 3, 4, 5),
        style="pct",
    ),
    "conditions": Guide(
        ("Prospek sektor & wilayah", "Outlook of sector and region"),
        (
            "Data industri, berita, kunjungan sales",
            "Industry data, news, the salesperson's visit",
        ),
        (
            ("krisis", "in crisis"),
            ("menurun", "declining"),
            ("stabil", "stable"),
            ("tumbuh", "growing"),
            ("tumbuh kuat", "growing strongly"),
        ),
    ),
}
"""The scoring guide of the policy: one :class:`Guide` per C (``C_NAMES`` order)."""

LOOKUP_CS = ("character", "capacity", "capital", "collateral")
"""The C's with a VLOOKUP table on the policy sheet (the others are scored by judgement)."""
TRAINEE_CS = ("character", "capacity", "capital")
"""The C's the trainee measures and scores for the applicant."""


def collateral_score(guarantee: float, requested: float, personal_guarantee: bool) -> int:
    """Collateral score by the guide: bank guarantee or deposit cover of the limit requested.

    Without a guarantee or deposit the score is 2 with a personal guarantee and 1 without any
    security; otherwise the cover ``guarantee / requested`` is looked up in the guide.

    Examples
    --------
    >>> collateral_score(0, 1e8, True), collateral_score(175e6, 150e6, False)
    (2, 5)
    """
    if guarantee <= 0:
        return 2 if personal_guarantee else 1
    return GUIDE["collateral"].score(guarantee / requested)


def add_guide_section(book: Book, sh: Sheet, row: int) -> tuple[int, dict[str, str]]:
    """The scoring guide (what each score means) and the VLOOKUP tables of the measured C's."""
    t = book.t
    section_heading(book, sh, row, "guide", ("Panduan skor 5C", "The 5 C's scoring guide"))
    paragraph(
        sh,
        (row + 1, 1),
        7,
        (
            "Skor setiap unsur 1-5 menurut ukuran di bawah (5 = terbaik). Karakter, kapasitas, "
            "modal dan jaminan diukur dengan angka: skor = VLOOKUP(ukuran; tabel unsurnya; 2; "
            "TRUE). Kondisi dinilai dari fakta sektor & wilayah.",
            "Score each C from 1 to 5 by the measures below (5 = best). Character, capacity, "
            "capital and collateral are measured with numbers: score = VLOOKUP(measure, the C's "
            "table, 2, TRUE). Conditions are judged from the facts on sector and region.",
        ),
    )
    header_row(sh, (row + 2, 1), [("Unsur: ukuran", "C: measure"),
                                  *((f"{i}", f"{i}") for i in range(1, 6)),
                                  ("Sumber data", "Source")])  # fmt: skip
    for i, c in enumerate(C_NAMES):
        r = row + 3 + i
        g = GUIDE[c]
        sh.write((r, 1), f"{t(C_LABELS[c])}: {t(g.measure)}", "wrap")
        sh.row((r, 2), [t(level) for level in g.levels], "wrap")
        sh.write((r, 7), t(g.source), "note")
    r = row + 3 + len(C_NAMES) + 1
    sh.write((r, 1), t(("Tabel VLOOKUP (batas bawah → skor)", "VLOOKUP tables (lower bound → score)")),
             "bold")  # fmt: skip
    tables = {}
    for j, c in enumerate(LOOKUP_CS):
        g = GUIDE[c]
        col = 2 + (j % 3) * 2 if j < 3 else 2
        top = r + 1 if j < 3 else r + 1 + len(GUIDE["character"].bounds) + 3
        put(sh, top, (col, col + 1), t(C_LABELS[c]), "header")
        header_row(sh, (top + 1, col), [("Batas bawah", "Lower bound"), ("Skor", "Score")])
        for k, (low, score) in enumerate(zip(g.bounds, g.scores, strict=True)):
            sh.row((top + 2 + k, col), [low, score], [g.style, "int"])
        tables[c] = span_ref(sh, top + 2, col, top + 1 + len(g.bounds), col + 1)
    top = r + 1 + len(GUIDE["character"].bounds) + 3  # the collateral table's header row
    sh.merge(
        f"E{top + 1}:H{top + 6}",
        t(
            (
                "Jaminan tanpa bank garansi/deposito: jaminan pribadi saja = 2, tanpa jaminan "
                "apa pun = 1 (tabel jaminan hanya untuk bank garansi/deposito). Kapasitas: "
                "batas -100% menampung rugi. Modal: batas -1000000000 menampung ekuitas "
                "negatif (DER negatif = skor 1).",
                "Collateral without a bank guarantee or deposit: a personal guarantee only = 2, "
                "no security at all = 1 (the collateral table is for guarantees and deposits). "
                "Capacity: the -100% bound takes in losses. Capital: the -1000000000 bound takes "
                "in negative equity (a negative DER scores 1).",
            )
        ),
        "note",
    )
    return top + 3 + len(GUIDE["collateral"].bounds), tables
