"""Workshop module 5 (placeholder: cover sheet only)."""

from __future__ import annotations

from xl_ar.workshop.book import Book
from xl_ar.workshop.cover import add_cover

__all__ = ["build"]


def build(lang: str) -> Book:
    """Build the module 5 workbook in ``lang`` (``"id"`` or ``"en"``)."""
    book = Book("module_5", lang, "Modul 5")
    add_cover(book, ("Modul 5", "Module 5"), [], [])
    return book
