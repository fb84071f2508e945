"""Workshop module 2 — credit policy and credit assessment (syllabus Modul 2).

Sheets: the cover; the default credit policy of the core (objectives, terms, an early-payment
discount, the 5 C's weights, the grade table with its limit percentages, the limit parameters,
methods and decision rules: every number read from :data:`~xl_ar.core.credit_policy.DEFAULT_POLICY`);
a credit application form template; a 5 C's scorecard (a worked example with native SUMPRODUCT
and grade lookup beside ``AR_CREDIT_SCORE``, then an applicant the trainee scores); and the
credit limit (a worked example of every limit method beside ``AR_CREDIT_LIMIT``, then the
applicant's limit computed by the trainee). Answers come from
:func:`~xl_ar.core.credit_score.credit_score` and :func:`~xl_ar.core.credit_limit.credit_limit`.

Examples
--------
>>> book = build("en")
>>> [s.name for s in book.sheets]
['Instructions', 'Policy', 'Application Form', '5C Scorecard', 'Credit Limit']
>>> len(book.exercises) >= 8
True
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from xl_ar.core import schema as s
from xl_ar.core.aging import TOTAL, aging
from xl_ar.core.credit_limit import METHODS, LimitResult, credit_limit
from xl_ar.core.credit_policy import (
    C_NAMES,
    DEFAULT_POLICY,
    GRADES,
    SETTINGS,
    grade_table,
)
from xl_ar.core.credit_score import ScoreResult, credit_score
from xl_ar.workshop.book import Book, Sheet, a1, pick, sheet_ref
from xl_ar.workshop.cover import add_cover
from xl_ar.workshop.data import AS_OF, COMPANY, core_ledger, customers_frame
from xl_ar.workshop.layout import (
    ask,
    autofit_book,
    formula_rows,
    paragraph,
    titled_sheet,
)

__all__ = [
    "APPLICANT",
    "DECISIONS",
    "DISCOUNT_EXAMPLE",
    "DISCOUNT_EXERCISE",
    "WORKED",
    "Case",
    "build",
    "discount_cost",
    "worked_case",
]

T = tuple[str, str]
POLICY = DEFAULT_POLICY

TITLE = (
    "Modul 2 — Merancang Kebijakan Kredit & Prosedur Penilaian",
    "Module 2 — Credit Policy & Assessment",
)

DECISIONS: dict[str, T] = {
    "approve": ("setujui", "approve"),
    "approve reduced": ("setujui dikurangi", "approve reduced"),
    "refer": ("rujuk", "refer"),
    "decline": ("tolak", "decline"),
}
"""The core's decisions (:func:`~xl_ar.core.credit_limit.credit_limit`) as trainees type them."""

C_LABELS: dict[str, T] = {
    "character": ("Karakter", "Character"),
    "capacity": ("Kapasitas", "Capacity"),
    "capital": ("Modal", "Capital"),
    "collateral": ("Jaminan", "Collateral"),
    "conditions": ("Kondisi", "Conditions"),
}
C_QUESTIONS: dict[str, T] = {
    "character": (
        "Apakah pelanggan mau membayar? Riwayat bayar, reputasi, referensi, SLIK OJK.",
        "Is the customer willing to pay? Payment history, reputation, references, credit bureau.",
    ),
    "capacity": (
        "Apakah arus kasnya cukup untuk membayar tepat waktu? Omzet, margin, umur usaha.",
        "Is its cash flow enough to pay on time? Turnover, margins, years in business.",
    ),
    "capital": (
        "Seberapa kuat ekuitas & modal kerja sebagai penyangga bila arus kas terganggu?",
        "How strong are equity and working capital as a buffer when cash flow fails?",
    ),
    "collateral": (
        "Adakah jaminan: bank garansi, SKBDN, jaminan pribadi, deposit, sertifikat?",
        "Is there security: bank guarantee, letter of credit, personal guarantee, deposit?",
    ),
    "conditions": (
        "Bagaimana kondisi sektor, wilayah dan ekonomi pelanggan?",
        "How are the customer's sector, region and the economy doing?",
    ),
}
SCORE_GUIDE: dict[str, tuple[T, T, T]] = {
    "character": (
        ("Sering menunggak, referensi buruk", "Often in arrears, bad references"),
        ("Kadang terlambat < 15 hari", "Sometimes late < 15 days"),
        ("Selalu tepat waktu, referensi baik", "Always on time, good references"),
    ),
    "capacity": (
        ("Rugi / arus kas negatif", "Losses / negative cash flow"),
        ("Laba tipis, arus kas cukup", "Thin profit, enough cash flow"),
        ("Laba & arus kas kuat dan stabil", "Strong, stable profit and cash flow"),
    ),
    "capital": (
        ("Ekuitas negatif / modal kerja negatif", "Negative equity or working capital"),
        ("Ekuitas memadai", "Adequate equity"),
        ("Ekuitas besar, utang rendah", "High equity, low debt"),
    ),
    "collateral": (
        ("Tanpa jaminan", "No security"),
        ("Jaminan pribadi / sebagian", "Personal or partial guarantee"),
        ("Bank garansi penuh", "Full bank guarantee"),
    ),
    "conditions": (
        ("Sektor menurun, wilayah berisiko", "Declining sector, risky region"),
        ("Sektor stabil", "Stable sector"),
        ("Sektor tumbuh, permintaan kuat", "Growing sector, strong demand"),
    ),
}

DISCOUNT_EXAMPLE = (0.02, 10, 30)
"""Early-payment discount of the worked example: 2/10 net 30 (rate, discount days, net days)."""
DISCOUNT_EXERCISE = (0.01, 15, 45)
"""The discount the trainee prices: 1/15 net 45."""


def discount_cost(rate: float, discount_days: float, net_days: float) -> float:
    """Annualised cost of an early-payment discount ``rate/discount_days net net_days``.

    cost = rate / (1 − rate) × 365 / (net_days − discount_days): what the seller pays, per
    year, to be paid ``net_days − discount_days`` days sooner (the core's policy has no
    discount, so this is plain arithmetic).

    Examples
    --------
    >>> round(discount_cost(0.02, 10, 30), 4)
    0.3724
    """
    return rate / (1.0 - rate) * 365.0 / (net_days - discount_days)


@dataclass(frozen=True)
class Case:
    """A credit case: customer, 5 C scores and the profile inputs (``None`` = not given)."""

    customer: str
    scores: tuple[float, float, float, float, float]
    net_worth: float
    working_capital: float
    annual_sales: float
    monthly_purchases: float
    terms: float
    collateral_value: float
    new: bool
    size: str | None  # "small" | "large" | None
    requested: float
    exposure: float | None = None

    def profile(self, lang: str) -> list[tuple[str, Any, str]]:
        """``(label, value, style)`` rows of the profile range ``AR_CREDIT_LIMIT`` reads."""
        rows: list[tuple[str, Any, str]] = [
            (pick(("Pelanggan", "Customer"), lang), self.customer, "bold")
        ]
        for c, score in zip(C_NAMES, self.scores, strict=True):
            rows.append((pick(C_LABELS[c], lang), score, "number"))
        rows += [
            (pick(("Ekuitas Bersih", "Tangible net worth"), lang), self.net_worth, "money"),
            (pick(("Modal Kerja", "Working capital"), lang), self.working_capital, "money"),
            (pick(("Penjualan Tahunan", "Annual sales"), lang), self.annual_sales, "money"),
            (
                pick(("Perkiraan Pembelian Bulanan", "Expected monthly purchases"), lang),
                self.monthly_purchases,
                "money",
            ),
            (pick(("Termin", "Payment terms"), lang), self.terms, "int"),
            (pick(("Nilai Jaminan", "Collateral value"), lang), self.collateral_value, "money"),
            (
                pick(("Jenis Pelanggan", "Customer type"), lang),
                pick(("Baru", "New") if self.new else ("Lama", "Existing"), lang),
                "text",
            ),
        ]
        if self.size is not None:
            size = ("Kecil", "Small") if self.size == "small" else ("Besar", "Large")
            rows.append((pick(("Ukuran Usaha", "Size"), lang), pick(size, lang), "text"))
        if self.exposure is not None:
            rows.append(
                (pick(("Eksposur Saat Ini", "Current exposure"), lang), self.exposure, "money")
            )
        rows.append((pick(("Limit Diajukan", "Requested limit"), lang), self.requested, "money"))
        return rows

    def score(self) -> ScoreResult:
        """The core's scorecard of this case (default policy)."""
        return credit_score(dict(zip(C_NAMES, self.scores, strict=True)), policy=POLICY)

    def limit(self) -> LimitResult:
        """The core's limit recommendation of this case (default policy)."""
        return credit_limit([[label, value] for label, value, _ in self.profile("en")], POLICY)


WORKED = Case(
    customer="PT Berkah Abadi",
    scores=(4.0, 4.0, 3.0, 2.0, 4.0),
    net_worth=2_500_000_000.0,
    working_capital=1_200_000_000.0,
    annual_sales=18_000_000_000.0,
    monthly_purchases=100_000_000.0,
    terms=30.0,
    collateral_value=500_000_000.0,
    new=False,
    size="large",
    requested=150_000_000.0,
)
"""The worked example: an existing customer's annual review (its exposure: :func:`worked_case`)."""

APPLICANT = Case(
    customer="PT Cahaya Mandiri Sejahtera",
    scores=(3.0, 4.0, 3.0, 2.0, 3.0),
    net_worth=3_200_000_000.0,
    working_capital=850_000_000.0,
    annual_sales=9_600_000_000.0,
    monthly_purchases=85_000_000.0,
    terms=45.0,
    collateral_value=250_000_000.0,
    new=True,
    size="small",
    requested=90_000_000.0,
)
"""The applicant the trainee scores and gives a limit."""


def worked_case() -> Case:
    """The worked example with its current exposure: the customer's open AR in the ledger.

    The exposure is read from the shared ledger at :data:`~xl_ar.workshop.data.AS_OF` with
    the core's aging when a book is built (not when the module is imported).
    """
    table = aging(core_ledger("id"), AS_OF, by="customer").set_index(s.CUSTOMER)
    return replace(WORKED, exposure=float(table.loc[WORKED.customer, TOTAL]))


APPLICANT_FACTS: tuple[T, ...] = (
    (
        "Karakter: 2 referensi pemasok baik, 1 menyebut kadang terlambat ±10 hari.",
        "Character: 2 good supplier references, 1 says sometimes about 10 days late.",
    ),
    (
        "Kapasitas: penjualan Rp 9,6 miliar/tahun, laba bersih stabil 3 tahun terakhir.",
        "Capacity: sales Rp 9.6 billion a year, stable net profit over the last 3 years.",
    ),
    (
        "Modal: ekuitas Rp 3,2 miliar, tetapi modal kerja hanya Rp 850 juta.",
        "Capital: equity Rp 3.2 billion, but working capital only Rp 850 million.",
    ),
    (
        "Jaminan: bank garansi Rp 250 juta (sebagian dari limit yang diajukan).",
        "Collateral: a Rp 250 million bank guarantee (part of the limit requested).",
    ),
    (
        "Kondisi: ritel bahan bangunan di Jawa Tengah, permintaan stabil.",
        "Conditions: building-materials retail in Central Java, stable demand.",
    ),
)


# --------------------------------------------------------------------------- policy sheet


@dataclass
class PolicyRefs:
    """Sheet-qualified absolute references to the policy cells other sheets use."""

    weights: dict[str, str]
    scale_min: str
    scale_max: str
    grades: str  # grade table B:H (grade, min 0-100, min 1-5, % nw, % wc, % sales, decision)
    lookup: str  # ascending min score (0-100) → grade
    params: dict[str, str]


GRADE_COLUMNS = {"net_worth": 4, "working_capital": 5, "annual_sales": 6, "decision": 7}
"""VLOOKUP column of each item in the grade table (grade is column 1)."""

PARAMS = (
    "grace_days",
    "late_tolerance_days",
    "ppn_rate",
    "invoices_include_ppn",
    "collateral_advance_rate",
    "max_limit",
    "new_customer_factor",
    "size_factor_small",
    "size_factor_large",
    "rounding",
    "refer_ratio",
    "refer_grade",
    "decline_grade",
)
_KIND_STYLE = {"fraction": "pct", "money": "rp", "days": "int", "ratio": "ratio"}


def _ref(sh: Sheet, r: int, c: int) -> str:
    return sheet_ref(sh.name, a1(r, c, absolute=True))


def _span(sh: Sheet, r0: int, c0: int, r1: int, c1: int) -> str:
    return sheet_ref(sh.name, f"{a1(r0, c0, absolute=True)}:{a1(r1, c1, absolute=True)}")


def _param_value(key: str, lang: str) -> Any:
    setting = next(x for x in SETTINGS if x.key == key)
    value = getattr(POLICY, setting.attr)
    if setting.kind == "flag":
        return pick(("ya", "yes") if value else ("tidak", "no"), lang)
    if setting.kind == "grade":
        return pick(("tidak ada", "none"), lang) if value is None else value
    return value


def _policy_intro(book: Book, sh: Sheet, row: int) -> int:
    t = book.t
    sh.write((row, 1), t(("1. Tujuan & elemen kunci", "1. Objectives & key elements")), "h1")
    terms = "/".join(str(int(x)) for x in sorted(customers_frame("en")["Terms (days)"].unique()))
    grace = f"{POLICY.grace_days:g}"
    new, small = f"{POLICY.new_customer_factor:.0%}", f"{POLICY.size_factor_small:.0%}"
    lines = [
        (
            "Tujuan: mendukung penjualan sambil mengelola risiko — kredit hanya untuk pelanggan "
            "yang layak, dengan limit dan termin sesuai profilnya.",
            "Objective: support sales while managing risk — credit only for creditworthy "
            "customers, with limits and terms that fit their profile.",
        ),
        (
            f"Jangka waktu (termin): {terms} hari sesuai segmen; tenggang {grace} hari dalam "
            "perhitungan kebutuhan.",
            f"Terms: {terms} days by segment; {grace} grace days in the needs-based method.",
        ),
        (
            "Diskon: kebijakan default tanpa diskon; bila ditawarkan, hitung dulu biaya "
            "tahunannya (bagian 3).",
            "Discounts: none in the default policy; if offered, price its annual cost first "
            "(section 3).",
        ),
        (
            "Batas kredit: dari skor 5C (peringkat A-E) dan metode limit (bagian 5-7).",
            "Credit limits: from the 5 C's score (grade A-E) and the limit methods (sections 5-7).",
        ),
        (
            "Persyaratan: formulir aplikasi + dokumen legal + referensi (sheet Formulir Aplikasi); "
            f"pelanggan baru {new} limit, usaha kecil {small}.",
            "Requirements: application form + legal documents + references (Application Form "
            f"sheet); new customers {new} of the limit, small businesses {small}.",
        ),
    ]
    for i, line in enumerate(lines):
        sh.merge(f"B{row + 2 + i}:H{row + 2 + i}", t(line), "wrap")
    return row + len(lines) + 2


def _policy_terms(book: Book, sh: Sheet, row: int, params: dict[str, str]) -> int:
    t = book.t
    sh.write((row, 1), t(("2. Termin pembayaran", "2. Payment terms")), "h1")
    frame = customers_frame(book.lang)
    terms_col, name_col = frame.columns[3], frame.columns[0]
    groups = frame.groupby(terms_col, sort=True)[name_col]
    header = [
        t(("Termin (hari)", "Terms (days)")),
        t(("Jumlah pelanggan", "Customers")),
        t(("Pelanggan (master pelanggan)", "Customers (customer master)")),
    ]
    sh.row((row + 1, 1), header[:2], "header")
    sh.merge(f"D{row + 2}:H{row + 2}", header[2], "header")
    last = row + 1
    for terms, names in groups:
        last += 1
        sh.row((last, 1), [int(terms), len(names)], "int")
        sh.merge(f"D{last + 1}:H{last + 1}", ", ".join(names), "wrap")
    r = last + 2
    for key in ("grace_days", "late_tolerance_days"):
        r = _param_row(book, sh, r, key, params)
    return r + 1


def _param_row(book: Book, sh: Sheet, r: int, key: str, params: dict[str, str]) -> int:
    setting = next(x for x in SETTINGS if x.key == key)
    sh.write((r, 1), key, "bold")
    sh.write((r, 2), _param_value(key, book.lang), _KIND_STYLE.get(setting.kind, "text"))
    sh.merge(f"D{r + 1}:H{r + 1}", book.t((setting.desc_id, setting.desc_en)), "wrap")
    params[key] = _ref(sh, r, 2)
    return r + 1


def _policy_discount(book: Book, sh: Sheet, row: int) -> int:
    t = book.t
    sh.write((row, 1), t(("3. Diskon pembayaran cepat", "3. Early-payment discount")), "h1")
    paragraph(
        sh,
        (row + 1, 1),
        7,
        (
            "'2/10 net 30' = diskon 2% bila dibayar dalam 10 hari, selain itu penuh dalam 30 "
            "hari. Biaya tahunan = diskon / (1 - diskon) x 365 / (hari net - hari diskon).",
            "'2/10 net 30' = 2% off if paid within 10 days, otherwise the full amount within "
            "30 days. Annual cost = discount / (1 - discount) x 365 / (net days - discount days).",
        ),
    )
    header = [
        "",
        t(("Diskon", "Discount")),
        t(("Hari diskon", "Discount days")),
        t(("Hari net", "Net days")),
        t(("Biaya tahunan", "Annual cost")),
    ]
    sh.row((row + 2, 1), header, "header")
    for i, (label, terms) in enumerate(
        (
            (("Contoh 2/10 net 30", "Example 2/10 net 30"), DISCOUNT_EXAMPLE),
            (("Latihan 1/15 net 45", "Exercise 1/15 net 45"), DISCOUNT_EXERCISE),
        )
    ):
        r = row + 3 + i
        rate, days, net = terms
        sh.row((r, 1), [t(label), rate, days, net], ["bold", "pct", "int", "int"])
        cells = [a1(r, c) for c in (2, 3, 4)]
        if i == 0:
            sh.formula(
                (r, 5),
                f"={cells[0]}/(1-{cells[0]})*365/({cells[2]}-{cells[1]})",
                expected=discount_cost(*terms),
                style="pct2",
            )
        else:
            sh.exercise(
                (r, 5),
                discount_cost(*terms),
                kind="pct",
                question=t(
                    (
                        "Biaya tahunan diskon 1/15 net 45 (rumus seperti baris contoh)",
                        "Annual cost of the discount 1/15 net 45 (formula as in the example row)",
                    )
                ),
            )
    return row + 6


def _policy_weights(book: Book, sh: Sheet, row: int) -> tuple[int, dict[str, str], str, str]:
    t = book.t
    sh.write((row, 1), t(("4. Bobot 5C & skala skor", "4. The 5 C's weights & score scale")), "h1")
    sh.row((row + 1, 1), [t(("Unsur 5C", "C")), t(("Bobot", "Weight"))], "header")
    sh.merge(f"D{row + 2}:H{row + 2}", t(("Pertanyaan kunci", "Key question")), "header")
    weights = {}
    for i, c in enumerate(C_NAMES):
        r = row + 2 + i
        sh.write((r, 1), f"{t(C_LABELS[c])} ({C_LABELS[c][1]})" if book.lang == "id" else c.title())
        sh.write((r, 2), POLICY.weight(c), "pct")
        sh.merge(f"D{r + 1}:H{r + 1}", t(C_QUESTIONS[c]), "wrap")
        weights[c] = _ref(sh, r, 2)
    r = row + 2 + len(C_NAMES)
    sh.write((r, 1), t(("Jumlah bobot", "Total weight")), "bold")
    sh.formula(
        (r, 2),
        f"=SUM({a1(row + 2, 2)}:{a1(r - 1, 2)})",
        expected=float(sum(POLICY.weights)),
        style="pct",
    )
    sh.write((r + 1, 1), "scale_min", "bold")
    sh.write((r + 1, 2), POLICY.scale_min, "number")
    sh.write((r + 1, 3), t(("Skor terendah (terburuk)", "Lowest (worst) score")))
    sh.write((r + 2, 1), "scale_max", "bold")
    sh.write((r + 2, 2), POLICY.scale_max, "number")
    sh.write((r + 2, 3), t(("Skor tertinggi (terbaik)", "Highest (best) score")))
    return r + 4, weights, _ref(sh, r + 1, 2), _ref(sh, r + 2, 2)


def _policy_grades(book: Book, sh: Sheet, row: int) -> tuple[int, str, str]:
    t = book.t
    sh.write(
        (row, 1), t(("5. Peringkat & persentase limit", "5. Grades & limit percentages")), "h1"
    )
    header = [
        t(("Peringkat", "Grade")),
        t(("Skor min (0-100)", "Min score (0-100)")),
        t(("Skor min (1-5)", "Min score (1-5)")),
        t(("% ekuitas bersih", "% of net worth")),
        t(("% modal kerja", "% of working capital")),
        t(("% penjualan tahunan", "% of annual sales")),
        t(("Keputusan", "Decision")),
    ]
    table = grade_table(POLICY)
    rows = [
        [
            g.grade,
            None if g.grade == GRADES[-1] else g.min_score_100,
            None if g.grade == GRADES[-1] else g.min_score,
            g.pct_net_worth,
            g.pct_working_capital,
            g.pct_annual_sales,
            t(DECISIONS[g.decision]),
        ]
        for g in table.itertuples(index=False)
    ]
    styles = ["bold", "number", "number", "pct", "pct", "pct", "text"]
    first, last = sh.table((row + 1, 1), header, rows, styles)
    grades = _span(sh, first, 1, last, 7)
    r = last + 2
    sh.write(
        (r, 1),
        t(("Tabel bantu VLOOKUP (urut naik)", "VLOOKUP helper table (ascending)")),
        "bold",
    )
    sh.row(
        (r + 1, 1),
        [t(("Skor min (0-100)", "Min score (0-100)")), t(("Peringkat", "Grade"))],
        "header",
    )
    lows = [0.0, *reversed(POLICY.grade_min)]
    for i, (low, grade) in enumerate(zip(lows, reversed(GRADES), strict=True)):
        sh.row((r + 2 + i, 1), [low, grade], ["number", "bold"])
    lookup = _span(sh, r + 2, 1, r + 1 + len(GRADES), 2)
    sh.merge(
        f"D{r + 2}:H{r + 3}",
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


def _policy_params(book: Book, sh: Sheet, row: int, params: dict[str, str]) -> int:
    t = book.t
    sh.write((row, 1), t(("6. Parameter batas kredit", "6. Credit limit parameters")), "h1")
    sh.row(
        (row + 1, 1),
        [t(("Label", "Label")), t(("Nilai", "Value")), t(("Keterangan", "Meaning"))],
        "header",
    )
    r = row + 2
    for key in PARAMS[2:]:
        r = _param_row(book, sh, r, key, params)
    return r + 1


def _policy_methods(book: Book, sh: Sheet, row: int) -> int:
    t = book.t
    sh.write((row, 1), t(("7. Metode batas kredit", "7. Credit limit methods")), "h1")
    sh.row((row + 1, 1), [t(("Metode", "Method")), t(("Rumus", "Formula"))], "header")
    texts = {
        "net_worth": ("% peringkat x ekuitas bersih", "grade % x tangible net worth"),
        "working_capital": ("% peringkat x modal kerja", "grade % x working capital"),
        "annual_sales": ("% peringkat x penjualan tahunan", "grade % x annual sales"),
        "needs_based": (
            "pembelian bulanan x (termin + tenggang) / 30 x (1 + PPN)",
            "monthly purchases x (terms + grace days) / 30 x (1 + PPN)",
        ),
        "collateral": ("nilai jaminan x advance rate", "collateral value x advance rate"),
        "policy_max": ("max_limit", "max_limit"),
    }
    for i, key in enumerate(METHODS):
        r = row + 2 + i
        sh.write((r, 1), _method_name(key, book.lang), "bold")
        sh.merge(f"C{r + 1}:H{r + 1}", t(texts[key]), "text")
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
    sh.write((row, 1), t(("8. Aturan keputusan", "8. Decision rules")), "h1")
    rules = [
        (f"Peringkat {p.decline_grade} → tolak.", f"Grade {p.decline_grade} → decline."),
        (
            "Eksposur saat ini di atas limit rekomendasi → rujuk (tahan pesanan baru).",
            "Current exposure above the recommended limit → refer (hold new orders).",
        ),
        (f"Peringkat {p.refer_grade} → rujuk ke komite kredit.", f"Grade {p.refer_grade} → refer."),
        (
            f"Limit diajukan > {p.refer_ratio:g} x rekomendasi → rujuk.",
            f"Requested limit > {p.refer_ratio:g} x recommended → refer.",
        ),
        (
            "Limit diajukan > rekomendasi (tetapi dalam batas di atas) → setujui dikurangi.",
            "Requested limit > recommended (within the ratio above) → approve reduced.",
        ),
        ("Selain itu → setujui.", "Otherwise → approve."),
    ]
    for i, rule in enumerate(rules):
        sh.write((row + 1 + i, 1), f"{i + 1}.", "text")
        sh.merge(f"C{row + 2 + i}:H{row + 2 + i}", t(rule), "text")
    return row + 2 + len(rules)


def _policy_sheet(book: Book) -> PolicyRefs:
    sh = titled_sheet(
        book,
        ("Kebijakan", "Policy"),
        ("Kebijakan kredit (default xl-ar)", "Credit policy (xl-ar default)"),
        widths=[3, 30, 16, 16, 16, 16, 16, 22],
        intro=(
            f"Kebijakan kredit {COMPANY}. Angka-angka ini dibaca langsung dari kebijakan "
            "default xl-ar dan dipakai oleh sheet Skor 5C dan Batas Kredit.",
            f"Credit policy of {COMPANY}. These numbers are read from the xl-ar default "
            "policy and used by the 5C Scorecard and Credit Limit sheets.",
        ),
        col=1,
    )
    params: dict[str, str] = {}
    row = _policy_intro(book, sh, 3)
    row = _policy_terms(book, sh, row, params)
    row = _policy_discount(book, sh, row)
    row, weights, scale_min, scale_max = _policy_weights(book, sh, row)
    row, grades, lookup = _policy_grades(book, sh, row)
    row = _policy_params(book, sh, row, params)
    row = _policy_methods(book, sh, row)
    _policy_rules(book, sh, row)
    return PolicyRefs(weights, scale_min, scale_max, grades, lookup, params)


def _method_name(key: str, lang: str) -> str:
    en, idn = METHODS[key]
    return pick((idn, en), lang)


# --------------------------------------------------------------------------- application form


def _field_rows(sh: Sheet, row: int, labels: list[T], lang: str, style: str = "input_text") -> int:
    for i, label in enumerate(labels):
        r = row + i
        sh.write((r, 1), pick(label, lang))
        sh.merge(f"C{r + 1}:F{r + 1}", None, style)
    return row + len(labels)


def _grid(sh: Sheet, row: int, header: list[str], n: int) -> int:
    sh.row((row, 1), header, "header")
    for r in range(row + 1, row + 1 + n):
        for c in range(1, 1 + len(header)):
            sh.write((r, c), None, "input_text")
    return row + 1 + n


FORM_COMPANY: tuple[T, ...] = (
    ("Nama perusahaan", "Company name"),
    ("Bentuk badan usaha (PT/CV/UD/perorangan)", "Legal form (PT/CV/UD/sole trader)"),
    ("Alamat kantor", "Office address"),
    ("Alamat pengiriman", "Delivery address"),
    ("NPWP perusahaan", "Tax ID (NPWP)"),
    ("NIB (OSS)", "Business ID (NIB)"),
    ("Tahun berdiri", "Year established"),
    ("Bidang usaha", "Line of business"),
    ("Nama pemilik / direktur", "Owner / director"),
    ("Kontak keuangan (nama, jabatan)", "Finance contact (name, title)"),
    ("Telepon / WhatsApp", "Phone / WhatsApp"),
    ("Email penerima faktur", "Invoice e-mail"),
)
FORM_DOCUMENTS: tuple[T, ...] = (
    ("Akta pendirian & perubahan terakhir", "Deed of establishment & latest amendment"),
    ("SK Kemenkumham", "Ministry of Law approval (SK Kemenkumham)"),
    ("NIB / izin usaha (OSS)", "Business ID / licence (OSS)"),
    ("NPWP perusahaan & SPPKP", "Company tax ID & VAT registration (SPPKP)"),
    ("KTP & NPWP direktur / pemilik", "Director's / owner's ID card & tax ID"),
    ("Laporan keuangan 2 tahun (audit bila ada)", "Financial statements, 2 years (audited)"),
    ("Rekening koran 3 bulan terakhir", "Bank statements, last 3 months"),
    ("Foto tempat usaha / gudang", "Photos of the premises / warehouse"),
)
FORM_REQUEST: tuple[T, ...] = (
    ("Limit kredit yang diajukan (Rp)", "Credit limit requested (Rp)"),
    ("Termin yang diajukan (hari)", "Payment terms requested (days)"),
    ("Perkiraan pembelian per bulan (Rp)", "Expected monthly purchases (Rp)"),
    ("Jaminan yang ditawarkan (jenis)", "Security offered (type)"),
    ("Nilai jaminan (Rp)", "Value of the security (Rp)"),
    ("Cara pembayaran (transfer / giro / VA)", "Payment method (transfer / giro / VA)"),
)
FORM_INTERNAL: tuple[T, ...] = (
    ("Sales pengusul", "Proposing salesperson"),
    ("Skor 5C & peringkat (credit analyst)", "5 C's score & grade (credit analyst)"),
    ("Limit direkomendasikan (Rp)", "Recommended limit (Rp)"),
    ("Limit & termin disetujui", "Approved limit & terms"),
    ("Disetujui oleh (Credit Manager / Dir. Keuangan)", "Approved by (credit manager / CFO)"),
    ("Tanggal persetujuan & tanggal review berikutnya", "Approval date & next review date"),
)
CLAUSES: tuple[tuple[T, T], ...] = (
    (
        ("Retensi hak milik", "Retention of title"),
        (
            "Barang tetap milik penjual sampai dibayar lunas.",
            "Goods remain the seller's property until paid in full.",
        ),
    ),
    (
        ("Bunga keterlambatan & biaya penagihan", "Late interest & collection costs"),
        (
            "Bunga per tahun atas tunggakan dan biaya penagihan ditanggung pembeli.",
            "Annual interest on overdue amounts; collection costs borne by the buyer.",
        ),
    ),
    (
        ("Hak menghentikan pengiriman", "Right to stop deliveries"),
        (
            "Pengiriman ditahan bila ada tunggakan atau limit terlampaui.",
            "Deliveries are held when payments are overdue or the limit is exceeded.",
        ),
    ),
    (
        ("Batas waktu keberatan", "Dispute window"),
        (
            "Keberatan atas barang/faktur diajukan paling lambat 7 hari setelah diterima.",
            "Claims on goods or invoices within 7 days of receipt.",
        ),
    ),
    (
        ("Perubahan limit", "Limit changes"),
        (
            "Penjual dapat meninjau dan mengubah limit & termin sewaktu-waktu.",
            "The seller may review and change the limit and terms at any time.",
        ),
    ),
    (
        ("Jaminan pribadi", "Personal guarantee"),
        (
            "Pemilik/direktur menjamin secara pribadi kewajiban perusahaan (bila disyaratkan).",
            "The owner/director personally guarantees the company's debts (when required).",
        ),
    ),
    (
        ("Domisili hukum", "Jurisdiction"),
        (
            "Sengketa diselesaikan musyawarah, lalu di pengadilan negeri yang disepakati.",
            "Disputes settled amicably first, then in the agreed district court.",
        ),
    ),
)


def _form_sheet(book: Book) -> None:
    t, lang = book.t, book.lang
    sh = titled_sheet(
        book,
        ("Formulir Aplikasi", "Application Form"),
        ("Formulir Aplikasi Kredit Pelanggan", "Customer Credit Application"),
        widths=[3, 44, 22, 22, 22, 22],
        col=1,
    )
    sh.write("B2", COMPANY, "bold")
    paragraph(
        sh,
        "B3",
        5,
        (
            "Template: bagian A-F diisi calon pelanggan, bagian G oleh tim kredit. Sel kuning "
            "= isian (tanpa cek jawaban).",
            "Template: sections A-F are filled in by the applicant, section G by the credit "
            "team. Yellow cells = fields (no answer checks).",
        ),
    )
    row = 4
    sh.write((row, 1), t(("A. Data perusahaan", "A. Company details")), "h1")
    row = _field_rows(sh, row + 1, list(FORM_COMPANY), lang) + 1
    sh.write((row, 1), t(("B. Dokumen legal (checklist)", "B. Legal documents (checklist)")), "h1")
    sh.row(
        (row + 1, 1),
        [
            t(("Dokumen", "Document")),
            t(("Dilampirkan (Ya/Tidak)", "Attached (Yes/No)")),
            t(("Keterangan", "Notes")),
        ],
        "header",
    )
    for i, doc in enumerate(FORM_DOCUMENTS):
        r = row + 2 + i
        sh.write((r, 1), t(doc))
        sh.write((r, 2), None, "input_text")
        sh.merge(f"D{r + 1}:F{r + 1}", None, "input_text")
    row += 2 + len(FORM_DOCUMENTS) + 1
    sh.write((row, 1), t(("C. Referensi bank & pemasok", "C. Bank & supplier references")), "h1")
    row = _grid(
        sh,
        row + 1,
        [
            t(("Bank", "Bank")),
            t(("Cabang", "Branch")),
            t(("No. rekening", "Account no.")),
            t(("Nasabah sejak", "Customer since")),
            t(("Fasilitas kredit", "Credit facility")),
        ],
        2,
    )
    row = _grid(
        sh,
        row + 1,
        [
            t(("Pemasok", "Supplier")),
            t(("Kontak & telepon", "Contact & phone")),
            t(("Limit kredit (Rp)", "Credit limit (Rp)")),
            t(("Termin (hari)", "Terms (days)")),
            t(("Pengalaman bayar", "Payment record")),
        ],
        3,
    )
    row += 1
    sh.write(
        (row, 1), t(("D. Data keuangan tahun terakhir (Rp)", "D. Latest financials (Rp)")), "h1"
    )
    labels = [
        ("Penjualan tahunan", "Annual sales"),
        ("Laba bersih", "Net profit"),
        ("Total aset", "Total assets"),
        ("Aset lancar", "Current assets"),
        ("Utang lancar", "Current liabilities"),
        ("Total ekuitas", "Total equity"),
        ("Aset tak berwujud", "Intangible assets"),
    ]
    first = row + 1
    for i, label in enumerate(labels):
        sh.write((first + i, 1), t(label))
        sh.write((first + i, 2), None, "input_rp")
    cell = {
        k: a1(first + i, 2) for i, k in enumerate(("sales", "np", "ta", "ca", "cl", "eq", "ia"))
    }
    derived = [
        (("Modal kerja = aset lancar - utang lancar", "Working capital = current assets - current liabilities"), "ca", "cl"),
        (("Ekuitas bersih berwujud = ekuitas - aset tak berwujud", "Tangible net worth = equity - intangibles"), "eq", "ia"),
    ]  # fmt: skip
    for i, (label, plus, minus) in enumerate(derived):
        r = first + len(labels) + i
        sh.write((r, 1), t(label), "bold")
        x, y = cell[plus], cell[minus]
        sh.formula((r, 2), f'=IF(OR({x}="",{y}=""),"-",{x}-{y})', expected="-", style="money")
    row = first + len(labels) + len(derived) + 1
    sh.write((row, 1), t(("E. Permohonan kredit", "E. Credit request")), "h1")
    row = _field_rows(sh, row + 1, list(FORM_REQUEST), lang) + 1
    sh.write((row, 1), t(("F. Pernyataan & tanda tangan", "F. Declaration & signature")), "h1")
    sh.merge(
        f"B{row + 2}:F{row + 4}",
        t(
            (
                "Kami menyatakan data di atas benar, memberi kuasa kepada "
                f"{COMPANY} untuk memeriksa referensi bank/pemasok dan SLIK OJK, serta "
                "menyetujui syarat & ketentuan penjualan kredit (termasuk klausul di bagian H).",
                "We declare the information above is true, authorise "
                f"{COMPANY} to check our bank and supplier references and credit bureau "
                "records, and accept the credit terms and conditions (including the clauses in "
                "section H).",
            )
        ),
        "wrap",
    )
    row = _field_rows(
        sh,
        row + 5,
        [
            ("Nama & jabatan penandatangan", "Signatory name & title"),
            ("Tanda tangan & cap perusahaan", "Signature & company stamp"),
            ("Tempat, tanggal", "Place, date"),
        ],
        lang,
    )
    row += 1
    sh.write((row, 1), t(("G. Diisi oleh tim kredit", "G. Credit team use only")), "h1")
    row = _field_rows(sh, row + 1, list(FORM_INTERNAL), lang) + 1
    sh.write(
        (row, 1),
        t(("H. Klausul penting perjanjian kredit", "H. Key clauses of the credit agreement")),
        "h1",
    )
    for i, (name, text) in enumerate(CLAUSES):
        r = row + 1 + i
        sh.write((r, 1), t(name), "bold")
        sh.merge(f"C{r + 1}:F{r + 1}", t(text), "wrap")


# --------------------------------------------------------------------------- scorecard


@dataclass
class ScoreRefs:
    """Cells of the scorecard sheet the credit limit sheet links to."""

    worked_scores: dict[str, str]
    worked_grade: str
    applicant_scores: dict[str, str]


def _case_heading(sh: Sheet, row: int, case: Case, what: T, *, worked: bool) -> None:
    """``A. Contoh: <customer> (<what>)`` for the worked example, ``B. Latihan: ...`` otherwise."""
    t = sh.book.t
    part = ("A. Contoh", "A. Worked example") if worked else ("B. Latihan", "B. Exercise")
    sh.write((row, 0), f"{t(part)}: {case.customer} ({t(what)})", "h1")


def _score_table(book: Book, sh: Sheet, row: int, case: Case, pol: PolicyRefs, worked: bool):
    """Header + five C rows (weight linked to the policy, score, points); returns refs."""
    t = book.t
    header = [
        "No",
        t(("Unsur 5C", "C")),
        t(("Pertanyaan kunci", "Key question")),
        t(("Bobot", "Weight")),
        t(("Skor (1-5)", "Score (1-5)")),
        t(("Poin = bobot x skor", "Points = weight x score")),
    ]
    sh.row((row, 0), header, "header")
    scores = {}
    for i, c in enumerate(C_NAMES):
        r = row + 1 + i
        sh.write((r, 0), i + 1, "int")
        sh.write((r, 1), t(C_LABELS[c]), "bold")
        sh.write((r, 2), t(C_QUESTIONS[c]), "wrap")
        sh.formula((r, 3), f"={pol.weights[c]}", expected=POLICY.weight(c), style="pct")
        sh.write((r, 4), case.scores[i], "number")
        scores[c] = sheet_ref(sh.name, a1(r, 4, absolute=True))
        if worked:
            sh.formula(
                (r, 5),
                f"={a1(r, 3)}*{a1(r, 4)}",
                expected=POLICY.weight(c) * case.scores[i],
                style="number",
            )
    return scores


def _worked_score(
    book: Book, sh: Sheet, row: int, pol: PolicyRefs, case: Case
) -> tuple[int, dict, str]:
    t = book.t
    result = case.score()
    _case_heading(
        sh, row, case, ("pelanggan lama, review tahunan", "existing customer, annual review"),
        worked=True,
    )  # fmt: skip
    scores = _score_table(book, sh, row + 1, case, pol, worked=True)
    first, last = row + 2, row + 6
    weights = f"{a1(first, 3)}:{a1(last, 3)}"
    values = f"{a1(first, 4)}:{a1(last, 4)}"
    r = last + 1
    score, score100, grade = a1(r, 5), a1(r + 1, 5), a1(r + 2, 5)
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
    formula_rows(sh, r, lines, label=(2, 2), at=5, label_style="bold")
    sh.write((row + 1, 7), t(("Dengan add-in xl-ar", "With the xl-ar add-in")), "header")
    sh.formula(
        (r, 7), f"=INDEX(AR_CREDIT_SCORE({values}),1,2)", expected=round(result.score, 9),
        style="number",
    )  # fmt: skip
    sh.formula(
        (r + 2, 7), f"=INDEX(AR_CREDIT_SCORE({values}),2,2)", expected=result.grade, style="bold"
    )
    sh.merge(
        f"H{first + 1}:H{last + 1}",
        t(
            (
                f"=AR_CREDIT_SCORE({values}) mengembalikan skor dan peringkat; INDEX memilih "
                "satu nilai (Excel 2013).",
                f"=AR_CREDIT_SCORE({values}) returns the score and the grade; INDEX picks one "
                "value (Excel 2013).",
            )
        ),
        "note",
    )
    return r + len(lines) + 1, scores, sheet_ref(sh.name, a1(r + 2, 5, absolute=True))


def _grade_decision(grade: str) -> str:
    return "decline" if POLICY.declines(grade) else "refer" if POLICY.refers(grade) else "approve"


def _score_guide(book: Book, sh: Sheet, row: int) -> int:
    t = book.t
    sh.write((row, 0), t(("Panduan skor", "Scoring guide")), "h1")
    header = [
        t(("Unsur", "C")),
        t(("1 = lemah", "1 = weak")),
        t(("3 = cukup", "3 = fair")),
        t(("5 = kuat", "5 = strong")),
    ]
    lines = [header, *([t(C_LABELS[c]), *(t(x) for x in SCORE_GUIDE[c])] for c in C_NAMES)]
    for i, (name, weak, fair, strong) in enumerate(lines):
        r = row + 1 + i
        style = "header" if i == 0 else "wrap"
        sh.write((r, 1), name, "header" if i == 0 else "bold")
        sh.write((r, 2), weak, style)
        sh.merge(f"D{r + 1}:F{r + 1}", fair, style)
        sh.merge(f"G{r + 1}:H{r + 1}", strong, style)
    return row + 2 + len(C_NAMES) + 1


def _applicant_score(book: Book, sh: Sheet, row: int, pol: PolicyRefs) -> dict[str, str]:
    t = book.t
    result = APPLICANT.score()
    _case_heading(sh, row, APPLICANT, ("pemohon baru", "new applicant"), worked=False)
    for i, fact in enumerate(APPLICANT_FACTS):
        sh.merge(f"B{row + 2 + i}:F{row + 2 + i}", t(fact), "text")
    row += 1 + len(APPLICANT_FACTS) + 1
    scores = _score_table(book, sh, row, APPLICANT, pol, worked=False)
    sh.write(
        (row + 1, 7),
        t(("Kolom Poin boleh Anda isi sendiri.", "Fill the Points column yourself if you like.")),
        "note",
    )
    r = row + 6
    questions = [
        (("Skor tertimbang (1-5)", "Weighted score (1-5)"), result.score, "number", "SUMPRODUCT"),
        (("Skor 0-100", "Score 0-100"), result.score_100, "number", "(skor-1)/(5-1)*100"),
        (("Peringkat (A-E)", "Grade (A-E)"), result.grade, "text", "VLOOKUP ... TRUE"),
        (
            ("Keputusan menurut peringkat (setujui / rujuk / tolak)", "Decision by grade (approve / refer / decline)"),
            t(DECISIONS[_grade_decision(result.grade)]),
            "text",
            "VLOOKUP ... FALSE",
        ),
    ]  # fmt: skip
    for i, (label, answer, kind, hint) in enumerate(questions):
        question = f"{APPLICANT.customer}: {t(label)}"
        ask(sh, r + i, question, answer, kind, hint, q=(2, 2), at=5, h=(4, 4), label=label,
            style="bold")  # fmt: skip
    return scores


def _score_sheet(book: Book, pol: PolicyRefs, worked: Case) -> ScoreRefs:
    sh = titled_sheet(
        book,
        ("Skor 5C", "5C Scorecard"),
        ("Penilaian kredit 5C", "The 5 C's credit assessment"),
        widths=[4, 14, 52, 10, 16, 18, 4, 22],
        intro=(
            "Skor setiap unsur 1-5 (5 terbaik) x bobot kebijakan = skor tertimbang; skor "
            "0-100 menentukan peringkat A-E dan persentase limit (sheet Kebijakan).",
            "Score each C from 1 to 5 (5 best) x the policy weight = weighted score; the 0-100 "
            "score sets the grade A-E and the limit percentages (Policy sheet).",
        ),
        last_col=5,
    )
    row, worked_scores, worked_grade = _worked_score(book, sh, 3, pol, worked)
    row = _score_guide(book, sh, row)
    applicant_scores = _applicant_score(book, sh, row, pol)
    return ScoreRefs(worked_scores, worked_grade, applicant_scores)


# --------------------------------------------------------------------------- credit limit


def _profile(book: Book, sh: Sheet, row: int, case: Case, scores: dict[str, str]) -> dict[str, str]:
    """The label | value profile range at B:C from ``row``; returns cell refs by key."""
    t = book.t
    sh.row((row, 1), [t(("Label", "Label")), t(("Nilai", "Value"))], "header")
    keys = ["customer", *C_NAMES, "net_worth", "working_capital", "annual_sales", "purchases",
            "terms", "collateral_value", "type"]  # fmt: skip
    keys += ["size"] if case.size is not None else []
    keys += ["exposure"] if case.exposure is not None else []
    keys += ["requested"]
    refs = {}
    for i, (key, (label, value, style)) in enumerate(
        zip(keys, case.profile(book.lang), strict=True)
    ):
        r = row + 1 + i
        sh.write((r, 1), label)
        if key in scores:
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


def _method_row(
    book: Book, sh: Sheet, r: int, key: str, case: Case, base: str, limit: float
) -> str:
    """Method name (B) and base (C) on row ``r``; the policy maximum's limit (E) is its base."""
    name = _method_name(key, book.lang)
    sh.write((r, 1), name, "bold")
    sh.formula((r, 2), base, expected=_base_value(case, key), style="money")
    if key == "policy_max":
        sh.formula((r, 4), f"={a1(r, 2)}", expected=limit, style="money")
    return name


def _method_header(book: Book, sh: Sheet, row: int, last: str) -> None:
    t = book.t
    sh.row(
        (row, 1),
        [
            t(("Metode", "Method")),
            t(("Dasar (Rp)", "Base (Rp)")),
            t(("% / faktor", "% / factor")),
            last,
        ],
        "header",
    )


def _worked_limit(
    book: Book, sh: Sheet, row: int, pol: PolicyRefs, sc: ScoreRefs, case: Case
) -> int:
    t = book.t
    res = case.limit()
    _case_heading(
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
    _method_header(book, sh, r, t(("Limit (Rp)", "Limit (Rp)")))
    first = r + 1
    bases, factors = _method_bases(prof, pol), _method_factors(prof, pol, grade)
    for i, key in enumerate(METHODS):
        rr = first + i
        limit = float(res.methods.loc[key, "limit"])
        _method_row(book, sh, rr, key, case, bases[key], limit)
        if key in factors:
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
            _method_name(res.binding_method, book.lang),
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
        req=_rp(case.requested, book.lang), rec=_rp(res.recommended_limit, book.lang)
    )
    paragraph(sh, (r, 5), 7, note)
    return r + 2


def _rp(value: float, lang: str) -> str:
    """Rupiah as the book's language writes it (``Rp 150.000.000`` / ``Rp 150,000,000``)."""
    text = f"Rp {value:,.0f}"
    return text.replace(",", ".") if lang == "id" else text


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
        "Diajukan {req} > rekomendasi {rec}: disetujui sebesar rekomendasi.",
        "Requested {req} > recommended {rec}: approved at the recommended limit.",
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


def _applicant_limit(book: Book, sh: Sheet, row: int, pol: PolicyRefs, sc: ScoreRefs) -> None:
    t = book.t
    res = APPLICANT.limit()
    case = APPLICANT
    _case_heading(
        sh, row, case, ("pemohon baru, usaha kecil", "new applicant, small business"), worked=False
    )
    paragraph(
        sh,
        (row + 1, 1),
        7,
        (
            "Pakai peringkat yang Anda hitung di sheet Skor 5C (bagian B) dan persentase/"
            "parameter di sheet Kebijakan. Isi sel kuning; kolom '% / faktor' boleh Anda "
            "isi sendiri.",
            "Use the grade you computed on the 5C Scorecard sheet (part B) and the "
            "percentages/parameters of the Policy sheet. Fill the yellow cells; fill the "
            "'% / factor' column yourself if you like.",
        ),
    )
    prof = _profile(book, sh, row + 2, case, sc.applicant_scores)
    r = _policy_links(book, sh, int(prof["next"]), pol) + 1
    _method_header(book, sh, r, t(("Limit (isian)", "Limit (your answer)")))
    bases = _method_bases(prof, pol)
    for i, key in enumerate(METHODS):
        rr = r + 1 + i
        limit = float(res.methods.loc[key, "limit"])
        name = _method_row(book, sh, rr, key, case, bases[key], limit)
        if key != "policy_max":
            sh.exercise((rr, 4), limit, kind="money", question=f"{case.customer}: {name}")
    r += 1 + len(METHODS) + 1
    choices = " / ".join(t(v) for v in DECISIONS.values())
    questions = [
        (("Limit terendah", "Lowest limit"), res.raw_limit, "money", "MIN"),
        (
            ("Metode penentu (ketik nama metode dari kolom B)", "Binding method (type the method name from column B)"),
            _method_name(res.binding_method, book.lang),
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
            t(("sheet Kebijakan bagian 8", "Policy sheet section 8")),
        ),
    ]  # fmt: skip
    for i, (label, answer, kind, hint) in enumerate(questions):
        question = f"{case.customer}: {t(label)}"
        ask(sh, r + i, question, answer, kind, hint, q=(1, 1), at=4, h=(3, 3), label=label,
            style="bold")  # fmt: skip
    paragraph(
        sh,
        (r + len(questions) + 1, 1),
        7,
        (
            f"Setelah selesai: ketik =AR_CREDIT_LIMIT({prof['range']}) di sel kosong untuk "
            "memeriksa limit Anda dengan add-in xl-ar.",
            f"When done: type =AR_CREDIT_LIMIT({prof['range']}) in an empty cell to check "
            "your limit with the xl-ar add-in.",
        ),
    )


def _limit_sheet(book: Book, pol: PolicyRefs, sc: ScoreRefs, worked: Case) -> None:
    sh = titled_sheet(
        book,
        ("Batas Kredit", "Credit Limit"),
        ("Menetapkan batas kredit", "Setting the credit limit"),
        widths=[4, 44, 18, 14, 18, 10, 18, 18],
        intro=(
            "Setiap metode hanya berlaku bila datanya ada; limit terendah menentukan. "
            "Profil di kolom B:C adalah rentang label | nilai yang dibaca AR_CREDIT_LIMIT.",
            "Each method applies only when its inputs are given; the lowest limit binds. "
            "The profile in columns B:C is the label | value range AR_CREDIT_LIMIT reads.",
        ),
    )
    row = _worked_limit(book, sh, 3, pol, sc, worked)
    _applicant_limit(book, sh, row + 1, pol, sc)


# --------------------------------------------------------------------------- build


def _cover(book: Book) -> None:
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
                "Menilai pelanggan dengan 5C (skor tertimbang dan peringkat)",
                "Assess a customer with the 5 C's (weighted score and grade)",
            ),
            (
                "Menetapkan batas kredit dengan beberapa metode dan memilih yang menentukan",
                "Set a credit limit with several methods and find the binding one",
            ),
        ],
        [
            (
                "Sheet 'Kebijakan': pelajari kebijakan default; hitung biaya diskon (1 latihan).",
                "Sheet 'Policy': study the default policy; price a discount (1 exercise).",
            ),
            (
                "Sheet 'Formulir Aplikasi': template untuk diskusi (tanpa cek jawaban).",
                "Sheet 'Application Form': a template to discuss (no answer checks).",
            ),
            (
                "Sheet 'Skor 5C': pelajari contoh A, lalu hitung skor & peringkat pemohon B.",
                "Sheet '5C Scorecard': study example A, then score applicant B.",
            ),
            (
                "Sheet 'Batas Kredit': pelajari contoh A, lalu hitung setiap metode untuk B.",
                "Sheet 'Credit Limit': study example A, then compute every method for B.",
            ),
            ("Skor Anda (jumlah ✓) tampil di atas.", "Your score (number of ✓) shows above."),
        ],
    )


def build(lang: str) -> Book:
    """Build the module 2 workbook in ``lang`` (``"id"`` or ``"en"``).

    Parameters
    ----------
    lang : {"id", "en"}

    Returns
    -------
    Book
        Cover, policy, application form, 5 C's scorecard and credit limit sheets.
    """
    book = Book("module_2", lang, pick(TITLE, lang))
    _cover(book)
    worked = worked_case()
    pol = _policy_sheet(book)
    _form_sheet(book)
    sc = _score_sheet(book, pol, worked)
    _limit_sheet(book, pol, sc, worked)
    autofit_book(book)
    return book
