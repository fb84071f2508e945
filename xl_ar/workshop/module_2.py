"""Workshop module 2 (placeholder: cover sheet only)."""

from __future__ import annotations

from xl_ar.workshop.book import Book
from xl_ar.workshop.cover import add_cover

__all__ = ["build"]


def build(lang: str) -> Book:
    """Build the module 2 workbook in ``lang`` (``"id"`` or ``"en"``)."""
    book = Book("module_2", lang, "Modul 2")
    add_cover(book, ("Modul 2", "Module 2"), [], [])
    return book
