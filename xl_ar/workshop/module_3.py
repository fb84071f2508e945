"""Workshop module 3 (placeholder: cover sheet only)."""

from __future__ import annotations

from xl_ar.workshop.book import Book
from xl_ar.workshop.cover import add_cover

__all__ = ["build"]


def build(lang: str) -> Book:
    """Build the module 3 workbook in ``lang`` (``"id"`` or ``"en"``)."""
    book = Book("module_3", lang, "Modul 3")
    add_cover(book, ("Modul 3", "Module 3"), [], [])
    return book
