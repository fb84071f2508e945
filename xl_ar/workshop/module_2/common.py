"""Names the module 2 sheets share: policy, title, decisions, the 5 C's, small text helpers."""

from __future__ import annotations

from xl_ar.core import DEFAULT_POLICY
from xl_ar.workshop.book import Book, Sheet, a1, sheet_ref
from xl_ar.workshop.cover import typed_formula as as_typed

__all__ = [
    "CHECK_SHEET",
    "C_LABELS",
    "C_QUESTIONS",
    "DECISIONS",
    "LINE",
    "POLICY",
    "SECTIONS",
    "TITLE",
    "T",
    "cell_ref",
    "section_heading",
    "as_typed",
    "span_ref",
]

T = tuple[str, str]
POLICY = DEFAULT_POLICY

TITLE = (
    "Modul 2 — Merancang Kebijakan Kredit & Prosedur Penilaian",
    "Module 2 — Credit Policy & Assessment",
)
CHECK_SHEET = ("Cek dengan xl-ar", "Check with xl-ar")
LINE = 15.0  # points: one line of text (header rows of one line)

DECISIONS: dict[str, T] = {
    "approve": ("disetujui", "approve"),
    "approve reduced": ("disetujui dengan limit lebih rendah", "approve with a lower limit"),
    "refer": ("dirujuk", "refer"),
    "decline": ("ditolak", "decline"),
}
"""The core's decisions (:func:`~xl_ar.core.credit.credit_limit.credit_limit`) as trainees type them."""

SECTIONS = {
    "discount": 3,
    "weights": 4,
    "guide": 5,
    "grades": 6,
    "params": 7,
    "methods": 8,
    "rules": 9,
}
"""Section numbers of the policy sheet (other sheets refer to them)."""

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
        "Adakah jaminan: bank garansi, SKBDN, deposito, jaminan pribadi?",
        "Is there security: bank guarantee, letter of credit, deposit, personal guarantee?",
    ),
    "conditions": (
        "Bagaimana kondisi sektor, wilayah dan ekonomi pelanggan?",
        "How are the customer's sector, region and the economy doing?",
    ),
}


def cell_ref(sh: Sheet, r: int, c: int) -> str:
    """Sheet-qualified absolute reference of cell ``(r, c)`` of ``sh``."""
    return sheet_ref(sh.name, a1(r, c, absolute=True))


def span_ref(sh: Sheet, r0: int, c0: int, r1: int, c1: int) -> str:
    """Sheet-qualified absolute reference of the range ``(r0, c0):(r1, c1)`` of ``sh``."""
    return sheet_ref(sh.name, f"{a1(r0, c0, absolute=True)}:{a1(r1, c1, absolute=True)}")


def section_heading(book: Book, sh: Sheet, row: int, key: str, title: T) -> None:
    """A numbered policy-sheet heading (``SECTIONS[key]``) in column B."""
    sh.write((row, 1), f"{SECTIONS[key] if key in SECTIONS else key}. {book.t(title)}", "h1")
