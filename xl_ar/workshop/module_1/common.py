"""Names the module 1 sheets share: the book title, the check sheet, the named customer."""

from __future__ import annotations

from xl_ar.workshop.cover import typed_formula as as_typed

__all__ = ["CHECK_SHEET", "NAMED_CUSTOMER", "TITLE", "T", "as_typed"]

T = tuple[str, str]
"""A bilingual text ``(id, en)``."""

NAMED_CUSTOMER = "UD Duta Utama"
CHECK_SHEET = ("Cek dengan xl-ar", "Check with xl-ar")
TITLE = (
    "Modul 1 — Fondasi Manajemen Piutang & Model Operasi",
    "Module 1 — AR Foundations & Operating Model",
)
