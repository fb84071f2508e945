"""Names the module 1 sheets share: the book title, the check sheet, the named customer."""

from __future__ import annotations

__all__ = ["CHECK_SHEET", "NAMED_CUSTOMER", "TITLE", "T", "as_typed"]

T = tuple[str, str]
"""A bilingual text ``(id, en)``."""

NAMED_CUSTOMER = "UD Duta Utama"
CHECK_SHEET = ("Cek dengan xl-ar", "Check with xl-ar")
TITLE = (
    "Modul 1 — Fondasi Manajemen Piutang & Model Operasi",
    "Module 1 — AR Foundations & Operating Model",
)


def as_typed(formula: str, lang: str) -> str:
    """A formula as the book's language types it (``;`` between arguments in Indonesian)."""
    return formula.replace(",", ";") if lang == "id" else formula
