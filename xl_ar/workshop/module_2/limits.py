"""The credit limit sheet: every limit method worked for the case, then the applicant's limit."""

from __future__ import annotations

from xl_ar.core import C_NAMES, METHODS, LimitResult, rupiah
from xl_ar.workshop.book import Book, Sheet, a1
from xl_ar.workshop.layout import ask, formula_rows, header_row, paragraph, titled_sheet
from xl_ar.workshop.module_2.cases import APPLICANT, Case
from xl_ar.workshop.module_2.common import CHECK_SHEET, DECISIONS, LINE, POLICY, SECTIONS, T
from xl_ar.workshop.module_2.policy import GRADE_COLUMNS, PolicyRefs, method_name
from xl_ar.workshop.module_2.scorecard import ScoreRefs, case_heading

__all__ = ["add_limit_sheet"]


def _profile(
    book: Book, sh: Sheet, row: int, case: Case, scores: dict[str, str] | None
) -> dict[str, str]:
    """The label | value profile range at B:C from ``row``; returns cell refs by key.

    With ``scores`` (C → scorecard cell) the five C rows link to the scorecard; without, the
    profile leaves them out (the trainee's grade comes from the scorecard).
    """
    header_row(sh, (row, 1), [("Label", "Label"), ("Nilai", "Value")], height=LINE)
    keys = ["customer", *(C_NAMES if scores else ()), "net_worth", "working_capital",
            "annual_sales", "purchases", "terms", "collateral_value", "type"]  # fmt: skip
    keys += ["size"] if case.size is not None else []
    keys += ["exposure"] if case.exposure is not None else []
    keys += ["requested"]
    refs = {}
    rows = case.profile(book.lang, scores=scores is not None)
    for i, (key, (label, value, style)) in enumerate(zip(keys, rows, strict=True)):
        r = row + 1 + i
        sh.write((r, 1), label)
        if scores and key in scores:
            sh.formula((r, 2), f"={scores[key]}", expected=value, style=style)
        else:
            sh.write((r, 2), value, style)
        refs[key] = a1(r, 2)
    refs["range"] = f"{a1(row, 1)}:{a1(row + len(keys), 2)}"
    refs["next"] = str(row + len(keys) + 1)
    return refs


_BASES: dict[str, tuple[str, str]] = {
    "net_worth": ("net_worth", "net_worth"),
    "working_capital": ("working_capital", "working_capital"),
    "annual_sales": ("annual_sales", "annual_sales"),
    "needs_based": ("purchases", "monthly_purchases"),
    "collateral": ("collateral_value", "collateral_value"),
}
"""The base of each limit method (the policy maximum aside): profile key, :class:`Case` field."""


def _method_bases(prof: dict[str, str], pol: PolicyRefs) -> dict[str, str]:
    """The base formula of every limit method: a profile cell, or the policy's maximum."""
    bases = {key: f"={prof[field]}" for key, (field, _) in _BASES.items()}
    return {**bases, "policy_max": f"={pol.params['max_limit']}"}


def _method_factors(prof: dict[str, str], pol: PolicyRefs, grade: str) -> dict[str, str]:
    """The % / factor formula of every limit method but the policy maximum (worked example)."""
    p = pol.params
    factors = {
        key: f"=VLOOKUP({grade},{pol.grades},{GRADE_COLUMNS[key]},FALSE)"
        for key in ("net_worth", "working_capital", "annual_sales")
    }
    factors["needs_based"] = f"=({prof['terms']}+{p['grace_days']})/30*(1+{p['ppn_rate']})"
    factors["collateral"] = f"={p['collateral_advance_rate']}"
    return factors


def _base_value(case: Case, key: str) -> float:
    """The base of limit method ``key`` for ``case`` (what its base formula gives)."""
    return POLICY.max_limit if key == "policy_max" else float(getattr(case, _BASES[key][1]))


NOT_APPLICABLE: T = ("tidak berlaku", "not applicable")


def _method_row(
    book: Book, sh: Sheet, r: int, key: str, case: Case, base: str, res: LimitResult
) -> str:
    """Method name (B) and base (C) on row ``r``; the policy maximum's limit (E) is its base.

    A method whose input is missing (no collateral value) shows *not applicable* as its limit.
    """
    name = method_name(key, book.lang)
    sh.write((r, 1), name, "bold")
    sh.formula((r, 2), base, expected=_base_value(case, key), style="money")
    if key == "policy_max":
        sh.formula((r, 4), f"={a1(r, 2)}", expected=float(res.methods.loc[key, "limit"]),
                   style="money")  # fmt: skip
    elif not res.methods.loc[key, "applicable"]:
        sh.write((r, 4), book.t(NOT_APPLICABLE), "note")
    return name


def _method_header(book: Book, sh: Sheet, row: int, last: T) -> None:
    header_row(
        sh,
        (row, 1),
        [("Metode", "Method"), ("Dasar (Rp)", "Base (Rp)"), ("% / faktor", "% / factor"), last],
    )


def _worked_limit(
    book: Book, sh: Sheet, row: int, pol: PolicyRefs, sc: ScoreRefs, case: Case
) -> int:
    t = book.t
    res = case.limit()
    case_heading(
        sh, row, case, ("pelanggan lama, usaha besar", "existing, large business"), worked=True
    )
    prof = _profile(book, sh, row + 1, case, sc.worked_scores)
    r = int(prof["next"])
    sh.write(
        (r, 1), t(("Peringkat (dari sheet Skor 5C)", "Grade (from the 5C Scorecard sheet)")), "bold"
    )
    sh.formula((r, 2), f"={sc.worked_grade}", expected=res.score.grade, style="bold")
    grade = a1(r, 2, absolute=True)
    r = _policy_links(book, sh, r + 1, pol) + 1
    _method_header(book, sh, r, ("Limit (Rp)", "Limit (Rp)"))
    first = r + 1
    bases, factors = _method_bases(prof, pol), _method_factors(prof, pol, grade)
    for i, key in enumerate(METHODS):
        rr = first + i
        _method_row(book, sh, rr, key, case, bases[key], res)
        if key in factors and res.methods.loc[key, "applicable"]:
            limit = float(res.methods.loc[key, "limit"])
            base = _base_value(case, key)
            sh.formula((rr, 3), factors[key], expected=limit / base, style="pct")
            sh.formula((rr, 4), f"={a1(rr, 2)}*{a1(rr, 3)}", expected=limit, style="money")
    last = first + len(METHODS) - 1
    limits = f"{a1(first, 4, absolute=True)}:{a1(last, 4, absolute=True)}"
    names = f"{a1(first, 1, absolute=True)}:{a1(last, 1, absolute=True)}"
    r = last + 1
    p = pol.params
    new, small = t(("Baru", "New")), t(("Kecil", "Small"))
    large = t(("Besar", "Large"))
    size = prof.get("size", '""')
    factor = (
        f'=IF({prof["type"]}="{new}",{p["new_customer_factor"]},1)*IF({size}="{small}",'
        f'{p["size_factor_small"]},IF({size}="{large}",{p["size_factor_large"]},1))'
    )
    lines = [
        (("Limit terendah", "Lowest limit"), f"=MIN({limits})", res.raw_limit, "money"),
        (
            ("Metode penentu", "Binding method"),
            f"=INDEX({names},MATCH({a1(r, 4)},{limits},0))",
            method_name(res.binding_method, book.lang),
            "bold",
        ),
        (
            ("Faktor penyesuaian (baru x ukuran)", "Adjustment factor (new x size)"),
            factor,
            _factor(res),
            "ratio",
        ),
        (
            ("Limit setelah penyesuaian", "Adjusted limit"),
            f"={a1(r, 4)}*{a1(r + 2, 4)}",
            res.adjusted_limit,
            "money",
        ),
        (
            ("Limit direkomendasikan (dibulatkan ke bawah)", "Recommended limit (rounded down)"),
            f"=ROUNDDOWN({a1(r + 3, 4)}/{p['rounding']},0)*{p['rounding']}",
            res.recommended_limit,
            "total_rp",
        ),
        (
            ("Sisa limit = rekomendasi - eksposur", "Available = recommended - exposure"),
            f"={a1(r + 4, 4)}-{prof['exposure']}",
            res.available,
            "money",
        ),
    ]
    formula_rows(sh, r, lines, label=(1, 1), at=4, label_style="bold")
    sh.write((r + 4, 5), t(("Add-in:", "Add-in:")), "bold")
    sh.formula(
        (r + 4, 6),
        f"=AR_CREDIT_LIMIT({prof['range']})",
        expected=res.recommended_limit,
        style="rp",
    )
    r += len(lines)
    sh.write((r, 1), t(("Keputusan", "Decision")), "bold")
    sh.write((r, 4), t(DECISIONS[res.decision]), "bold")
    note = t(DECISION_NOTES[res.decision]).format(
        req=rupiah(case.requested, book.lang), rec=rupiah(res.recommended_limit, book.lang)
    )
    paragraph(sh, (r + 1, 1), 7, note, "wrap")
    return r + 3


def _policy_links(book: Book, sh: Sheet, row: int, pol: PolicyRefs) -> int:
    """Grace days and PPN rate under a profile, linked to the policy sheet; returns next row."""
    links = [
        (("Hari tenggang (kebijakan)", "Grace days (policy)"), "grace_days", "int"),
        (("Tarif PPN (kebijakan)", "PPN rate (policy)"), "ppn_rate", "pct"),
    ]
    rows = [(label, f"={pol.params[key]}", getattr(POLICY, key), st) for label, key, st in links]
    return row + len(formula_rows(sh, row, rows, label=(1, 1), at=2))


DECISION_NOTES: dict[str, T] = {
    "approve": (
        "Diajukan {req} ≤ rekomendasi {rec}: disetujui sesuai pengajuan.",
        "Requested {req} ≤ recommended {rec}: approved as requested.",
    ),
    "approve reduced": (
        "Diajukan {req} > rekomendasi {rec} (tetapi dalam rasio rujuk): disetujui dengan limit "
        "lebih rendah, sebesar rekomendasi {rec}; eksposur saat ini masih di bawahnya.",
        "Requested {req} > recommended {rec} (within the refer ratio): approved with a lower "
        "limit, the recommended {rec}; the current exposure is below it.",
    ),
    "refer": (
        "Dirujuk ke komite kredit (lihat aturan keputusan).",
        "Referred to the credit committee (see the decision rules).",
    ),
    "decline": ("Ditolak (lihat aturan keputusan).", "Declined (see the decision rules)."),
}


def _factor(res: LimitResult) -> float:
    out = 1.0
    for _, f in res.adjustments:
        out *= f
    return out


def _applicant_limit(book: Book, sh: Sheet, row: int, pol: PolicyRefs) -> None:
    t = book.t
    case = APPLICANT
    res = case.limit()
    case_heading(
        sh, row, case, ("pemohon baru, usaha kecil", "new applicant, small business"), worked=False
    )
    paragraph(
        sh,
        (row + 1, 1),
        7,
        (
            "Pakai peringkat yang Anda hitung di sheet Skor 5C (bagian B) dan persentase/"
            "parameter di sheet Kebijakan. Isi sel kuning; kolom '% / faktor' boleh Anda "
            "isi sendiri. Metode tanpa data (tidak berlaku) tidak ikut dalam limit terendah.",
            "Use the grade you computed on the 5C Scorecard sheet (part B) and the "
            "percentages/parameters of the Policy sheet. Fill the yellow cells; fill the "
            "'% / factor' column yourself if you like. A method without its input (not "
            "applicable) is left out of the lowest limit.",
        ),
    )
    prof = _profile(book, sh, row + 2, case, None)
    r = _policy_links(book, sh, int(prof["next"]), pol) + 1
    _method_header(book, sh, r, ("Limit (isian)", "Limit (your answer)"))
    bases = _method_bases(prof, pol)
    for i, key in enumerate(METHODS):
        rr = r + 1 + i
        name = _method_row(book, sh, rr, key, case, bases[key], res)
        if key != "policy_max" and res.methods.loc[key, "applicable"]:
            limit = float(res.methods.loc[key, "limit"])
            sh.exercise((rr, 4), limit, kind="money", question=f"{case.customer}: {name}")
    r += 1 + len(METHODS) + 1
    choices = " / ".join(t(v) for v in DECISIONS.values())
    questions = [
        (("Limit terendah", "Lowest limit"), res.raw_limit, "money", "MIN"),
        (
            ("Metode penentu (ketik nama metode dari kolom B)", "Binding method (type the method name from column B)"),
            method_name(res.binding_method, book.lang),
            "text",
            "INDEX/MATCH",
        ),
        (
            ("Limit direkomendasikan (faktor baru & ukuran, dibulatkan ke bawah)", "Recommended limit (new & size factors, rounded down)"),
            res.recommended_limit,
            "money",
            "ROUNDDOWN",
        ),
        (
            (f"Keputusan ({choices})", f"Decision ({choices})"),
            t(DECISIONS[res.decision]),
            "text",
            (f"sheet Kebijakan bagian {SECTIONS['rules']}", f"Policy sheet section {SECTIONS['rules']}"),
        ),
    ]  # fmt: skip
    for i, (label, answer, kind, hint) in enumerate(questions):
        question = f"{case.customer}: {t(label)}"
        ask(sh, r + i, question, answer, kind, hint, q=(1, 1), at=4, h=(6, 7), label=label)
    paragraph(
        sh,
        (r + len(questions) + 1, 1),
        7,
        (
            f"Setelah selesai: sheet '{CHECK_SHEET[0]}' menghitung skor dan limit pemohon ini "
            "dengan add-in xl-ar (AR_CREDIT_SCORE, AR_CREDIT_LIMIT).",
            f"When done: the '{CHECK_SHEET[1]}' sheet computes this applicant's score and limit "
            "with the xl-ar add-in (AR_CREDIT_SCORE, AR_CREDIT_LIMIT).",
        ),
    )


def add_limit_sheet(book: Book, pol: PolicyRefs, sc: ScoreRefs, worked: Case) -> None:
    """The credit limit sheet: the worked case (A), then the applicant (B)."""
    sh = titled_sheet(
        book,
        ("Batas Kredit", "Credit Limit"),
        ("Menetapkan batas kredit", "Setting the credit limit"),
        widths=[4, 46, 18, 14, 18, 10, 18, 18],
        intro=(
            "Setiap metode hanya berlaku bila datanya ada; limit terendah menentukan. "
            "Profil di kolom B:C adalah rentang label | nilai yang dibaca AR_CREDIT_LIMIT.",
            "Each method applies only when its inputs are given; the lowest limit binds. "
            "The profile in columns B:C is the label | value range AR_CREDIT_LIMIT reads.",
        ),
    )
    row = _worked_limit(book, sh, 3, pol, sc, worked)
    _applicant_limit(book, sh, row + 1, pol)
