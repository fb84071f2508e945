"""The policy sheet's scoring sections: the 5 C's weights and the grade table with its limits."""

from __future__ import annotations

from xl_ar.core import C_NAMES, GRADES, grade_table
from xl_ar.workshop.book import Book, Sheet, a1
from xl_ar.workshop.layout import header_row, paragraph, put
from xl_ar.workshop.module_2.common import (
    C_LABELS,
    C_QUESTIONS,
    DECISIONS,
    POLICY,
    cell_ref,
    section_heading,
    span_ref,
)

__all__ = ["add_grades_section", "add_weights_section"]


def add_weights_section(book: Book, sh: Sheet, row: int) -> tuple[int, dict[str, str], str, str]:
    """Policy section: the 5 C's weights and score scale; returns (next row, cells)."""
    t = book.t
    section_heading(
        book, sh, row, "weights", ("Bobot 5C & skala skor", "The 5 C's weights & score scale")
    )
    header_row(sh, (row + 1, 1), [("Unsur 5C", "C"), ("Bobot", "Weight")])
    put(sh, row + 1, (3, 7), t(("Pertanyaan kunci", "Key question")), "header")
    weights = {}
    for i, c in enumerate(C_NAMES):
        r = row + 2 + i
        sh.write((r, 1), t(C_LABELS[c]), "bold")
        sh.write((r, 2), POLICY.weight(c), "pct")
        paragraph(sh, (r, 3), 7, C_QUESTIONS[c], "wrap")
        weights[c] = cell_ref(sh, r, 2)
    r = row + 2 + len(C_NAMES)
    sh.write((r, 1), t(("Jumlah bobot", "Total weight")), "bold")
    sh.formula(
        (r, 2),
        f"=SUM({a1(row + 2, 2)}:{a1(r - 1, 2)})",
        expected=float(sum(POLICY.weights)),
        style="pct",
    )
    sh.write((r + 1, 1), t(("Skor terendah (terburuk)", "Lowest (worst) score")), "bold")
    sh.write((r + 1, 2), POLICY.scale_min, "number")
    sh.write((r + 2, 1), t(("Skor tertinggi (terbaik)", "Highest (best) score")), "bold")
    sh.write((r + 2, 2), POLICY.scale_max, "number")
    return r + 4, weights, cell_ref(sh, r + 1, 2), cell_ref(sh, r + 2, 2)


def add_grades_section(book: Book, sh: Sheet, row: int) -> tuple[int, str, str]:
    """Policy section: grade table and VLOOKUP helper table; returns (next row, ranges)."""
    t = book.t
    section_heading(
        book, sh, row, "grades", ("Peringkat & persentase limit", "Grades & limit percentages")
    )
    header = [
        ("Peringkat", "Grade"),
        ("Skor min (0-100)", "Min score (0-100)"),
        ("Skor min (1-5)", "Min score (1-5)"),
        ("% ekuitas bersih", "% of net worth"),
        ("% modal kerja", "% of working capital"),
        ("% penjualan tahunan", "% of annual sales"),
        ("Keputusan menurut peringkat", "Decision by grade"),
    ]
    header_row(sh, (row + 1, 1), header)
    table = grade_table(POLICY)
    styles = ["bold", "number", "number", "pct", "pct", "pct", "text"]
    first = row + 2
    for i, g in enumerate(table.itertuples(index=False)):
        sh.row(
            (first + i, 1),
            [
                g.grade,
                None if g.grade == GRADES[-1] else g.min_score_100,
                None if g.grade == GRADES[-1] else g.min_score,
                g.pct_net_worth,
                g.pct_working_capital,
                g.pct_annual_sales,
                t(DECISIONS[g.decision]),
            ],
            styles,
        )
    last = first + len(table) - 1
    grades = span_ref(sh, first, 1, last, 7)
    r = last + 2
    sh.write(
        (r, 1),
        t(("Tabel bantu VLOOKUP (urut naik)", "VLOOKUP helper table (ascending)")),
        "bold",
    )
    header_row(sh, (r + 1, 1), [("Skor min (0-100)", "Min score (0-100)"), ("Peringkat", "Grade")])
    lows = [0.0, *reversed(POLICY.grade_min)]
    for i, (low, grade) in enumerate(zip(lows, reversed(GRADES), strict=True)):
        sh.row((r + 2 + i, 1), [low, grade], ["number", "bold"])
    lookup = span_ref(sh, r + 2, 1, r + 1 + len(GRADES), 2)
    sh.merge(
        f"D{r + 3}:H{r + 4}",
        t(
            (
                "Peringkat = VLOOKUP(skor 0-100; tabel ini; 2; TRUE): baris terakhir yang skor "
                "minimumnya tidak melebihi skor.",
                "Grade = VLOOKUP(score 0-100, this table, 2, TRUE): the last row whose minimum "
                "does not exceed the score.",
            )
        ),
        "note",
    )
    return r + 3 + len(GRADES), grades, lookup
