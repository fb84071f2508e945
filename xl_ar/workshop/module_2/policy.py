"""The credit policy sheet: objectives, terms, parameters, limit methods and decision rules.

The scoring sections come from :mod:`~xl_ar.workshop.module_2.discount`,
:mod:`~xl_ar.workshop.module_2.grades` and :mod:`~xl_ar.workshop.module_2.guide`;
:class:`PolicyRefs` carries the cells the other sheets link to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from xl_ar.core import METHODS, SETTINGS, plain_number
from xl_ar.workshop.book import Book, Sheet, pick
from xl_ar.workshop.data import COMPANY, customers_frame
from xl_ar.workshop.layout import header_row, paragraph, put, titled_sheet
from xl_ar.workshop.module_2.common import DECISIONS, POLICY, SECTIONS, T, cell_ref, section_heading
from xl_ar.workshop.module_2.discount import add_discount_section
from xl_ar.workshop.module_2.grades import add_grades_section, add_weights_section
from xl_ar.workshop.module_2.guide import add_guide_section
from xl_ar.workshop.terms import ORDER_HOLD_DPD, STAGES

__all__ = [
    "GRADE_COLUMNS",
    "LIMIT_PARAMS",
    "PARAM_LABELS",
    "PARAM_NOTES",
    "PolicyRefs",
    "add_policy_sheet",
    "method_name",
]


@dataclass
class PolicyRefs:
    """Sheet-qualified absolute references to the policy cells other sheets use."""

    weights: dict[str, str]
    scale_min: str
    scale_max: str
    grades: str  # grade table B:H (grade, min 0-100, min 1-5, % nw, % wc, % sales, decision)
    lookup: str  # ascending min score (0-100) → grade
    guide: dict[str, str]  # C → its VLOOKUP table (lower bound → score)
    params: dict[str, str]


GRADE_COLUMNS = {"net_worth": 4, "working_capital": 5, "annual_sales": 6, "decision": 7}
"""VLOOKUP column of each item in the grade table (grade is column 1)."""

PARAM_LABELS: dict[str, T] = {
    "grace_days": ("Hari tenggang", "Grace days"),
    "late_tolerance_days": ("Toleransi terlambat (hari)", "Late tolerance (days)"),
    "ppn_rate": ("Tarif PPN", "PPN (VAT) rate"),
    "invoices_include_ppn": ("Faktur termasuk PPN", "Invoices include PPN"),
    "collateral_advance_rate": ("Porsi jaminan yang diakui", "Collateral advance rate"),
    "max_limit": ("Limit maksimum", "Maximum limit"),
    "new_customer_factor": ("Faktor pelanggan baru", "New-customer factor"),
    "size_factor_small": ("Faktor usaha kecil", "Small-business factor"),
    "size_factor_large": ("Faktor usaha besar", "Large-business factor"),
    "rounding": ("Pembulatan limit ke bawah", "Limit rounded down to"),
    "refer_ratio": ("Rasio rujuk", "Refer ratio"),
    "refer_grade": ("Peringkat dirujuk", "Refer grade"),
    "decline_grade": ("Peringkat ditolak", "Decline grade"),
}
"""Display names of the policy parameters shown on the policy sheet (no code names)."""
LIMIT_PARAMS = tuple(PARAM_LABELS)[2:]
PARAM_NOTES: dict[str, T] = {
    "late_tolerance_days": (
        "Hari setelah jatuh tempo sebelum pembayaran dihitung terlambat (tinjauan kredit)",
        "Days after the due date before a payment counts as late (credit review)",
    ),
}
"""Descriptions that replace the core's own (:data:`~xl_ar.core.credit.credit_policy.SETTINGS`)."""
_KIND_STYLE = {"fraction": "pct", "money": "rp", "days": "int", "ratio": "ratio"}


def _param_value(key: str, lang: str) -> Any:
    setting = next(x for x in SETTINGS if x.key == key)
    value = getattr(POLICY, setting.attr)
    if setting.kind == "flag":
        return pick(("ya", "yes") if value else ("tidak", "no"), lang)
    if setting.kind == "grade":
        return pick(("tidak ada", "none"), lang) if value is None else value
    return value


def _policy_intro(book: Book, sh: Sheet, row: int) -> int:
    section_heading(book, sh, row, "1", ("Tujuan & elemen kunci", "Objectives & key elements"))
    terms = "/".join(str(int(x)) for x in sorted(customers_frame("en")["Terms (days)"].unique()))
    grace = plain_number(POLICY.grace_days)
    new, small = f"{POLICY.new_customer_factor:.0%}", f"{POLICY.size_factor_small:.0%}"
    sec = SECTIONS
    lines = [
        (
            "Tujuan: mendukung penjualan sambil mengelola risiko — kredit hanya untuk pelanggan "
            "yang layak, dengan limit dan termin sesuai profilnya.",
            "Objective: support sales while managing risk — credit only for creditworthy "
            "customers, with limits and terms that fit their profile.",
        ),
        (
            f"Jangka waktu (termin): {terms} hari sesuai segmen; {grace} hari tenggang dalam "
            "perhitungan kebutuhan.",
            f"Terms: {terms} days by segment; {grace} grace days in the needs-based method.",
        ),
        (
            "Diskon: kebijakan ini tanpa diskon; bila ditawarkan, hitung dulu biaya "
            f"tahunannya (bagian {sec['discount']}).",
            "Discounts: none in this policy; if offered, price its annual cost first "
            f"(section {sec['discount']}).",
        ),
        (
            f"Batas kredit: dari skor 5C (bagian {sec['weights']}-{sec['guide']}, peringkat "
            f"A-E) dan metode limit (bagian {sec['grades']}-{sec['methods']}).",
            f"Credit limits: from the 5 C's score (sections {sec['weights']}-{sec['guide']}, "
            f"grade A-E) and the limit methods (sections {sec['grades']}-{sec['methods']}).",
        ),
        (
            "Persyaratan: formulir aplikasi + dokumen legal + referensi (sheet Formulir Aplikasi); "
            f"pelanggan baru {new} limit, usaha kecil {small}.",
            "Requirements: application form + legal documents + references (Application Form "
            f"sheet); new customers {new} of the limit, small businesses {small}.",
        ),
    ]
    for i, line in enumerate(lines):
        paragraph(sh, (row + 1 + i, 1), 7, line, "wrap")
    return row + len(lines) + 2


def _policy_terms(book: Book, sh: Sheet, row: int, params: dict[str, str]) -> int:
    t = book.t
    section_heading(book, sh, row, "2", ("Termin pembayaran", "Payment terms"))
    frame = customers_frame(book.lang)
    terms_col, name_col = frame.columns[3], frame.columns[0]
    groups = frame.groupby(terms_col, sort=True)[name_col]
    header_row(
        sh, (row + 1, 1), [("Termin (hari)", "Terms (days)"), ("Jumlah pelanggan", "Customers")]
    )
    put(
        sh,
        row + 1,
        (3, 7),
        t(("Pelanggan (master pelanggan)", "Customers (customer master)")),
        "header",
    )
    last = row + 1
    for terms, names in groups:
        last += 1
        sh.row((last, 1), [int(terms), len(names)], "int")
        paragraph(sh, (last, 3), 7, ", ".join(names), "wrap")
    r = last + 2
    for key in ("grace_days", "late_tolerance_days"):
        r = _param_row(book, sh, r, key, params)
    return r + 1


def _param_row(book: Book, sh: Sheet, r: int, key: str, params: dict[str, str]) -> int:
    setting = next(x for x in SETTINGS if x.key == key)
    sh.write((r, 1), book.t(PARAM_LABELS[key]), "bold")
    sh.write((r, 2), _param_value(key, book.lang), _KIND_STYLE.get(setting.kind, "text"))
    paragraph(sh, (r, 3), 7, PARAM_NOTES.get(key, (setting.desc_id, setting.desc_en)), "wrap")
    params[key] = cell_ref(sh, r, 2)
    return r + 1


def _policy_params(book: Book, sh: Sheet, row: int, params: dict[str, str]) -> int:
    section_heading(book, sh, row, "params", ("Parameter batas kredit", "Credit limit parameters"))
    header_row(sh, (row + 1, 1), [("Parameter", "Parameter"), ("Nilai", "Value")])
    put(sh, row + 1, (3, 7), book.t(("Keterangan", "Meaning")), "header")
    r = row + 2
    for key in LIMIT_PARAMS:
        r = _param_row(book, sh, r, key, params)
    return r + 1


def _policy_methods(book: Book, sh: Sheet, row: int) -> int:
    t = book.t
    section_heading(book, sh, row, "methods", ("Metode batas kredit", "Credit limit methods"))
    header_row(sh, (row + 1, 1), [("Metode", "Method")])
    put(sh, row + 1, (2, 7), t(("Rumus", "Formula")), "header")
    advance = t(PARAM_LABELS["collateral_advance_rate"]).lower()
    texts = {
        "net_worth": ("% peringkat x ekuitas bersih", "grade % x tangible net worth"),
        "working_capital": ("% peringkat x modal kerja", "grade % x working capital"),
        "annual_sales": ("% peringkat x penjualan tahunan", "grade % x annual sales"),
        "needs_based": (
            "pembelian bulanan x (termin + hari tenggang) / 30 x (1 + PPN)",
            "monthly purchases x (terms + grace days) / 30 x (1 + PPN)",
        ),
        "collateral": (
            f"nilai bank garansi/deposito x {advance} (tanpa nilai jaminan: tidak berlaku)",
            f"bank guarantee/deposit value x {advance} (no collateral value: not applicable)",
        ),
        "policy_max": (
            f"{t(PARAM_LABELS['max_limit']).lower()} (selalu berlaku)",
            f"{t(PARAM_LABELS['max_limit']).lower()} (always applies)",
        ),
    }
    for i, key in enumerate(METHODS):
        r = row + 2 + i
        sh.write((r, 1), method_name(key, book.lang), "bold")
        paragraph(sh, (r, 2), 7, texts[key], "wrap")
    r = row + 2 + len(METHODS)
    paragraph(
        sh,
        (r, 1),
        7,
        (
            "Limit terendah dari metode yang datanya tersedia = metode penentu; dikalikan "
            "faktor pelanggan baru / ukuran usaha, lalu dibulatkan ke bawah ke kelipatan "
            "pembulatan.",
            "The lowest limit of the methods whose inputs are given is the binding method; "
            "it is multiplied by the new-customer / size factors and rounded down to the "
            "rounding step.",
        ),
    )
    return r + 2


def _policy_rules(book: Book, sh: Sheet, row: int) -> int:
    t = book.t
    p = POLICY
    d = {k: (f"'{v[0]}'", f"'{v[1]}'") for k, v in DECISIONS.items()}
    section_heading(book, sh, row, "rules", ("Aturan keputusan", "Decision rules"))
    rules = [
        (
            f"Peringkat {p.decline_grade} → {d['decline'][0]}.",
            f"Grade {p.decline_grade} → {d['decline'][1]}.",
        ),
        (
            f"Eksposur saat ini di atas limit rekomendasi → {d['refer'][0]} (tahan pesanan baru).",
            f"Current exposure above the recommended limit → {d['refer'][1]} (hold new orders).",
        ),
        (
            f"Peringkat {p.refer_grade} → {d['refer'][0]} ke komite kredit.",
            f"Grade {p.refer_grade} → {d['refer'][1]} to the credit committee.",
        ),
        (
            f"Limit diajukan > {plain_number(p.refer_ratio).replace('.', ',')} x rekomendasi → "
            f"{d['refer'][0]}.",
            f"Requested limit > {plain_number(p.refer_ratio)} x recommended → {d['refer'][1]}.",
        ),
        (
            f"Limit diajukan > rekomendasi (tetapi dalam rasio di atas) → "
            f"{d['approve reduced'][0]} (sebesar rekomendasi).",
            f"Requested limit > recommended (within the ratio above) → "
            f"{d['approve reduced'][1]} (the recommended one).",
        ),
        (f"Selain itu → {d['approve'][0]}.", f"Otherwise → {d['approve'][1]}."),
    ]
    for i, rule in enumerate(rules):
        sh.write((row + 1 + i, 1), f"{i + 1}.", "text")
        paragraph(sh, (row + 1 + i, 2), 7, rule, "wrap")
    r = row + 2 + len(rules)
    escalation = STAGES["escalation"][0]
    sh.write((r, 1), t(("Penahanan pesanan", "Order hold")), "bold")
    paragraph(
        sh,
        (r, 2),
        7,
        (
            "Pesanan baru ditahan bila saldo terbuka pelanggan melebihi batas kreditnya, atau "
            f"ada faktur (bukan sengketa) ≥ {ORDER_HOLD_DPD} hari lewat jatuh tempo (tahap "
            f"penagihan '{escalation[0]}'), sampai dibayar atau disetujui Manajer Kredit.",
            "New orders are held when the customer's open balance is above its credit limit, "
            f"or an invoice (not disputed) is {ORDER_HOLD_DPD} or more days past due (the "
            f"'{escalation[1]}' collection stage), until paid or released by the credit manager.",
        ),
        "wrap",
    )
    return r + 2


def add_policy_sheet(book: Book) -> PolicyRefs:
    """The policy sheet; returns the references the other sheets link to."""
    sh = titled_sheet(
        book,
        ("Kebijakan", "Policy"),
        (f"Kebijakan kredit {COMPANY}", f"Credit policy of {COMPANY}"),
        widths=[3, 30, 16, 16, 16, 16, 16, 26],
        intro=(
            "Parameter kebijakan yang dipakai sheet Skor 5C, Batas Kredit dan Tinjauan Limit. "
            "Angkanya sama dengan kebijakan bawaan add-in xl-ar, sehingga AR_CREDIT_SCORE dan "
            "AR_CREDIT_LIMIT memberi hasil yang sama.",
            "The policy parameters the 5C Scorecard, Credit Limit and Limit Review sheets use. "
            "They equal the xl-ar add-in's built-in policy, so AR_CREDIT_SCORE and "
            "AR_CREDIT_LIMIT give the same results.",
        ),
        col=1,
    )
    params: dict[str, str] = {}
    row = _policy_intro(book, sh, 3)
    row = _policy_terms(book, sh, row, params)
    row = add_discount_section(book, sh, row)
    row, weights, scale_min, scale_max = add_weights_section(book, sh, row)
    row, guide = add_guide_section(book, sh, row)
    row, grades, lookup = add_grades_section(book, sh, row)
    row = _policy_params(book, sh, row, params)
    row = _policy_methods(book, sh, row)
    _policy_rules(book, sh, row)
    return PolicyRefs(weights, scale_min, scale_max, grades, lookup, guide, params)


def method_name(key: str, lang: str) -> str:
    """A limit method's display name in ``lang`` (:data:`~xl_ar.core.credit.credit_limit.METHODS`)."""
    en, idn = METHODS[key]
    return pick((idn, en), lang)
