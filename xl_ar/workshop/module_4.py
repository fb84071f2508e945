"""Workshop module 4 (placeholder: cover sheet only)."""

from __future__ import annotations

from xl_ar.workshop.book import Book
from xl_ar.workshop.cover import add_cover

__all__ = ["build"]


def build(lang: str) -> Book:
    """Build the module 4 workbook in ``lang`` (``"id"`` or ``"en"``)."""
    book = Book("module_4", lang, "Modul 4")
    add_cover(book, ("Modul 4", "Module 4"), [], [])
    return book
