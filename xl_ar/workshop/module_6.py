"""Workshop module 6 (placeholder: cover sheet only)."""

from __future__ import annotations

from xl_ar.workshop.book import Book
from xl_ar.workshop.cover import add_cover

__all__ = ["build"]


def build(lang: str) -> Book:
    """Build the module 6 workbook in ``lang`` (``"id"`` or ``"en"``)."""
    book = Book("module_6", lang, "Modul 6")
    add_cover(book, ("Modul 6", "Module 6"), [], [])
    return book
