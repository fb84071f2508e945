"""The 5 C's scorecard: the worked case scored from its evidence, then the applicant's exercise."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from xl_ar.core import C_NAMES
from xl_ar.workshop.book import Book, Sheet, a1, pick, sheet_ref
from xl_ar.workshop.layout import (
    ask,
    formula_rows,
    header_row,
    label_values,
    paragraph,
    put,
    titled_sheet,
)
from xl_ar.workshop.module_2.cases import APPLICANT, Case
from xl_ar.workshop.module_2.common import C_LABELS, DECISIONS, POLICY, SECTIONS, T, as_typed
from xl_ar.workshop.module_2.guide import GUIDE, LOOKUP_CS, TRAINEE_CS
from xl_ar.workshop.module_2.policy import GRADE_COLUMNS, PolicyRefs

__all__ = ["ScoreRefs", "add_score_sheet", "case_heading"]

SC_WIDTHS = [4, 12, 34, 16, 4, 9, 11, 4, 13, 30]
"""Scorecard columns: No, C, measure, measured value, ✓, weight, score, ✓, points, notes."""
SC_MEASURE, SC_WEIGHT, SC_SCORE, SC_POINTS, SC_NOTE = 3, 5, 6, 8, 9


@dataclass
class ScoreRefs:
    """Cells of the scorecard sheet the credit limit sheet links to."""

    worked_scores: dict[str, str]
    worked_grade: str


def case_heading(sh: Sheet, row: int, case: Case, what: T, *, worked: bool) -> None:
    """``A. Contoh: <customer> (<what>)`` for the worked example, ``B. Latihan: ...`` otherwise."""
    t = sh.book.t
    part = ("A. Contoh", "A. Worked example") if worked else ("B. Latihan", "B. Exercise")
    sh.write((row, 0), f"{t(part)}: {case.customer} ({t(what)})", "h1")


def _evidence_rows(case: Case) -> list[tuple[str, T, Any, str]]:
    """``(key, label, value, style)`` rows of a case's evidence block."""
    e = case.evidence
    if e.history:
        days = [
            (
                "days_0",
                (
                    "Rata-rata tertimbang hari terlambat 2024 (riwayat bayar kita, sheet Data)",
                    "Weighted average days paid late in 2024 (our payment history, Data sheet)",
                ),
                e.days_late[0],
                "days",
            )
        ]
    else:
        days = [
            (
                f"days_{i}",
                (
                    f"Referensi pemasok {i + 1}: rata-rata hari terlambat",
                    f"Supplier reference {i + 1}: average days paid late",
                ),
                value,
                "days",
            )
            for i, value in enumerate(e.days_late)
        ]
    guarantee = (
        ("Bank garansi / deposito ditawarkan", "Bank guarantee / deposit offered")
        if e.guarantee > 0
        else ("Bank garansi / deposito (tidak ada)", "Bank guarantee / deposit (none)")
    )
    return [
        *days,
        ("sales", ("Penjualan tahunan", "Annual sales"), e.annual_sales, "money"),
        ("profit", ("Laba bersih", "Net profit"), e.net_profit, "money"),
        ("liabilities", ("Total utang (liabilitas)", "Total liabilities"), e.liabilities, "money"),
        ("equity", ("Ekuitas", "Equity"), e.equity, "money"),
        ("guarantee", guarantee, e.guarantee, "money"),
        ("requested", ("Limit diajukan", "Limit requested"), case.requested, "money"),
    ]


def _evidence(book: Book, sh: Sheet, row: int, case: Case) -> tuple[int, dict[str, str]]:
    """The facts paragraph and the evidence label | value block; returns (next row, cells)."""
    t = book.t
    for i, fact in enumerate(case.facts):
        paragraph(sh, (row + i, 1), SC_NOTE, fact, "wrap")
    row += len(case.facts)
    rows = _evidence_rows(case)
    cells = label_values(
        sh, row, [(label, value, style) for _, label, value, style in rows], label=(1, 2)
    )
    refs = {key: cell for (key, *_), cell in zip(rows, cells, strict=True)}
    r = row + len(rows)
    e = case.evidence
    collateral = (
        ("Bank garansi dari bank umum, berlaku 12 bulan.", "A commercial bank's guarantee, valid 12 months.")
        if e.guarantee > 0
        else ("Jaminan pribadi direktur saja.", "The director's personal guarantee only.")
        if e.personal_guarantee
        else ("Tanpa jaminan.", "No security.")
    )  # fmt: skip
    for label, text in (
        (("Jaminan", "Security"), collateral),
        (("Kondisi sektor & wilayah", "Sector & region"), e.conditions),
    ):
        put(sh, r, (1, 2), t(label), None)
        paragraph(sh, (r, 3), SC_NOTE, text, "wrap")
        r += 1
    return r + 1, refs


def _score_header(book: Book, sh: Sheet, row: int, *, worked: bool) -> None:
    check = "" if worked else "✓"
    header_row(
        sh,
        (row, 0),
        ["No", ("Unsur 5C", "C"), ("Ukuran (panduan skor)", "Measure (scoring guide)"),
         ("Nilai ukuran", "Measured value"), check, ("Bobot", "Weight"),
         ("Skor (1-5)", "Score (1-5)"), check, ("Poin = bobot x skor", "Points = weight x score"),
         ("Dengan add-in xl-ar", "With the xl-ar add-in") if worked else ("Petunjuk", "Hint")],
    )  # fmt: skip


def _measure_formula(case: Case, c: str, ev: dict[str, str]) -> str:
    """Native formula of a C's measure from the evidence cells (character .. collateral)."""
    if c == "character":
        days = [ev[k] for k in ev if k.startswith("days_")]
        return f"={days[0]}" if len(days) == 1 else f"=AVERAGE({days[0]}:{days[-1]})"
    return {
        "capacity": f"={ev['profit']}/{ev['sales']}",
        "capital": f"={ev['liabilities']}/{ev['equity']}",
        "collateral": f"={ev['guarantee']}/{ev['requested']}",
    }[c]


def _level(case: Case, c: str, lang: str) -> str:
    """The guide level (text) a judged C's score stands for."""
    score = int(case.scores[C_NAMES.index(c)])
    return pick(GUIDE[c].levels[score - 1], lang)


def _worked_score(
    book: Book, sh: Sheet, row: int, pol: PolicyRefs, case: Case
) -> tuple[int, dict[str, str], str]:
    t = book.t
    result = case.score()
    case_heading(
        sh, row, case, ("pelanggan lama, tinjauan tahunan", "existing customer, annual review"),
        worked=True,
    )  # fmt: skip
    row, ev = _evidence(book, sh, row + 1, case)
    _score_header(book, sh, row, worked=True)
    measures = case.measures()
    scores = {}
    first = row + 1
    for i, c in enumerate(C_NAMES):
        r = first + i
        score = case.scores[i]
        sh.write((r, 0), i + 1, "int")
        sh.write((r, 1), t(C_LABELS[c]), "bold")
        sh.write((r, 2), t(GUIDE[c].measure), "wrap")
        sh.formula((r, SC_WEIGHT), f"={pol.weights[c]}", expected=POLICY.weight(c), style="pct")
        measured = c in LOOKUP_CS and (c != "collateral" or case.collateral_value > 0)
        if measured:
            sh.formula((r, SC_MEASURE), _measure_formula(case, c, ev), expected=measures[c],
                       style=GUIDE[c].style)  # fmt: skip
            sh.formula((r, SC_SCORE), f"=VLOOKUP({a1(r, SC_MEASURE)},{pol.guide[c]},2,TRUE)",
                       expected=score, style="int")  # fmt: skip
        else:
            sh.write((r, SC_MEASURE), _level(case, c, book.lang), "wrap")
            sh.write((r, SC_SCORE), score, "int")
        sh.formula(
            (r, SC_POINTS),
            f"={a1(r, SC_WEIGHT)}*{a1(r, SC_SCORE)}",
            expected=POLICY.weight(c) * score,
            style="number",
        )
        scores[c] = sheet_ref(sh.name, a1(r, SC_SCORE, absolute=True))
    last = first + len(C_NAMES) - 1
    weights = f"{a1(first, SC_WEIGHT)}:{a1(last, SC_WEIGHT)}"
    values = f"{a1(first, SC_SCORE)}:{a1(last, SC_SCORE)}"
    r = last + 1
    score, score100, grade = (a1(r + k, SC_SCORE) for k in range(3))
    lines = [
        (
            ("Skor tertimbang (1-5)", "Weighted score (1-5)"),
            f"=SUMPRODUCT({weights},{values})",
            result.score,
            "number",
        ),
        (
            ("Skor 0-100 = (skor - min) / (max - min) x 100", "Score 0-100 = (score - min) / (max - min) x 100"),
            f"=({score}-{pol.scale_min})/({pol.scale_max}-{pol.scale_min})*100",
            result.score_100,
            "number",
        ),
        (
            ("Peringkat (VLOOKUP ke tabel bantu di sheet Kebijakan)", "Grade (VLOOKUP on the helper table of the Policy sheet)"),
            f"=VLOOKUP(ROUND({score100},9),{pol.lookup},2,TRUE)",
            result.grade,
            "bold",
        ),
        (
            ("Keputusan menurut peringkat", "Decision by grade"),
            f"=VLOOKUP({grade},{pol.grades},{GRADE_COLUMNS['decision']},FALSE)",
            t(DECISIONS[_grade_decision(result.grade)]),
            "bold",
        ),
    ]  # fmt: skip
    formula_rows(sh, r, lines, label=(2, 5), at=SC_SCORE, label_style="bold")
    sh.formula(
        (r, SC_NOTE), f"=INDEX(AR_CREDIT_SCORE({values}),1,2)", expected=round(result.score, 9),
        style="number",
    )  # fmt: skip
    sh.formula(
        (r + 2, SC_NOTE), f"=INDEX(AR_CREDIT_SCORE({values}),2,2)", expected=result.grade,
        style="bold",
    )  # fmt: skip
    shown = as_typed(f"=AR_CREDIT_SCORE({values})", book.lang)
    sh.merge(
        f"{a1(first, SC_NOTE)}:{a1(last, SC_NOTE)}",
        t(
            (
                f"{shown} mengembalikan skor dan peringkat; INDEX memilih satu nilai "
                "(Excel 2013). Kolom Skor: VLOOKUP(nilai ukuran; tabel unsurnya di sheet "
                "Kebijakan; 2; TRUE).",
                f"{shown} returns the score and the grade; INDEX picks one value (Excel 2013). "
                "Score column: VLOOKUP(measured value, the C's table on the Policy sheet, 2, "
                "TRUE).",
            )
        ),
        "note",
    )
    return r + len(lines) + 1, scores, sheet_ref(sh.name, a1(r + 2, SC_SCORE, absolute=True))


def _grade_decision(grade: str) -> str:
    return "decline" if POLICY.declines(grade) else "refer" if POLICY.refers(grade) else "approve"


MEASURE_HINTS: dict[str, T] = {
    "character": (
        "AVERAGE 3 referensi; skor = VLOOKUP(nilai; tabel Karakter; 2; TRUE)",
        "AVERAGE of the 3 references; score = VLOOKUP(value, Character table, 2, TRUE)",
    ),
    "capacity": (
        "laba bersih / penjualan; skor = VLOOKUP(nilai; tabel Kapasitas; 2; TRUE)",
        "net profit / sales; score = VLOOKUP(value, Capacity table, 2, TRUE)",
    ),
    "capital": (
        "total utang / ekuitas; skor = VLOOKUP(nilai; tabel Modal; 2; TRUE)",
        "total liabilities / equity; score = VLOOKUP(value, Capital table, 2, TRUE)",
    ),
}
MEASURE_KINDS = {"character": "days", "capacity": "pct", "capital": "ratio"}


def _applicant_score(book: Book, sh: Sheet, row: int, pol: PolicyRefs, case: Case) -> None:
    t = book.t
    result = case.score()
    case_heading(sh, row, case, ("pemohon baru", "new applicant"), worked=False)
    paragraph(
        sh,
        (row + 1, 1),
        SC_NOTE,
        (
            "Ukur dan beri skor karakter, kapasitas dan modal dari bukti di bawah dengan "
            f"panduan skor (sheet Kebijakan bagian {SECTIONS['guide']}); jaminan dan kondisi "
            "sudah dinilai. Lalu hitung skor tertimbang, skor 0-100, peringkat dan keputusannya.",
            "Measure and score character, capacity and capital from the evidence below with "
            f"the scoring guide (Policy sheet, section {SECTIONS['guide']}); collateral and "
            "conditions are scored already. Then compute the weighted score, the 0-100 score, "
            "the grade and its decision.",
        ),
    )
    row, _ = _evidence(book, sh, row + 2, case)
    _score_header(book, sh, row, worked=False)
    measures = case.measures()
    for i, c in enumerate(C_NAMES):
        r = row + 1 + i
        label = t(C_LABELS[c])
        sh.write((r, 0), i + 1, "int")
        sh.write((r, 1), label, "bold")
        sh.write((r, 2), t(GUIDE[c].measure), "wrap")
        sh.formula((r, SC_WEIGHT), f"={pol.weights[c]}", expected=POLICY.weight(c), style="pct")
        if c in TRAINEE_CS:
            sh.exercise((r, SC_MEASURE), measures[c], kind=MEASURE_KINDS[c],
                        question=f"{case.customer}: {label} — {t(GUIDE[c].measure)}")  # fmt: skip
            sh.exercise((r, SC_SCORE), int(case.scores[i]), kind="count",
                        question=f"{case.customer}: {t(('Skor', 'Score'))} {label} (1-5)")  # fmt: skip
            put(sh, r, (SC_NOTE, SC_NOTE), t(MEASURE_HINTS[c]), "note")
        else:
            sh.write((r, SC_MEASURE), _level(case, c, book.lang), "wrap")
            sh.write((r, SC_SCORE), int(case.scores[i]), "int")
    r = row + 1 + len(C_NAMES)
    sh.write((r, SC_POINTS), t(("(boleh diisi)", "(optional)")), "note")
    questions = [
        (("Skor tertimbang (1-5)", "Weighted score (1-5)"), result.score, "number", "SUMPRODUCT"),
        (
            ("Skor 0-100", "Score 0-100"),
            result.score_100,
            "number",
            ("(skor - 1) / (5 - 1) x 100", "(score - 1) / (5 - 1) x 100"),
        ),
        (
            ("Peringkat (A-E)", "Grade (A-E)"),
            result.grade,
            "text",
            ("VLOOKUP(skor 0-100; tabel bantu; 2; TRUE)", "VLOOKUP(score 0-100, helper table, 2, TRUE)"),
        ),
        (
            (
                f"Keputusan menurut peringkat ({_choices(('approve', 'refer', 'decline'), 'id')})",
                f"Decision by grade ({_choices(('approve', 'refer', 'decline'), 'en')})",
            ),
            t(DECISIONS[_grade_decision(result.grade)]),
            "text",
            ("VLOOKUP(peringkat; tabel peringkat; 7; FALSE)", "VLOOKUP(grade, grade table, 7, FALSE)"),
        ),
    ]  # fmt: skip
    for i, (label, answer, kind, hint) in enumerate(questions):
        question = f"{case.customer}: {t(label)}"
        ask(sh, r + 1 + i, question, answer, kind, hint, q=(2, 5), at=SC_SCORE,
            h=(SC_POINTS, SC_NOTE), label=label, style="bold")  # fmt: skip


def _choices(keys: tuple[str, ...], lang: str) -> str:
    """The decisions a trainee may type, ``a / b / c``."""
    return " / ".join(pick(DECISIONS[k], lang) for k in keys)


def add_score_sheet(book: Book, pol: PolicyRefs, worked: Case) -> ScoreRefs:
    """The 5 C's scorecard: the worked case (A), then the applicant (B)."""
    sh = titled_sheet(
        book,
        ("Skor 5C", "5C Scorecard"),
        ("Penilaian kredit 5C", "The 5 C's credit assessment"),
        widths=SC_WIDTHS,
        intro=(
            "Skor setiap unsur 1-5 (5 terbaik) menurut panduan skor x bobot kebijakan = skor "
            "tertimbang; skor 0-100 menentukan peringkat A-E dan persentase limit (sheet "
            "Kebijakan).",
            "Score each C from 1 to 5 (5 best) by the scoring guide x the policy weight = "
            "weighted score; the 0-100 score sets the grade A-E and the limit percentages "
            "(Policy sheet).",
        ),
        last_col=SC_NOTE,
    )
    row, worked_scores, worked_grade = _worked_score(book, sh, 3, pol, worked)
    _applicant_score(book, sh, row + 1, pol, APPLICANT)
    return ScoreRefs(worked_scores, worked_grade)
