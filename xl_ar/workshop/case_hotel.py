"""Hotel case study (placeholder: cover sheet only)."""

from __future__ import annotations

from xl_ar.workshop.book import Book
from xl_ar.workshop.cover import add_cover

__all__ = ["build"]


def build(lang: str) -> Book:
    """Build the case-study workbook in ``lang`` (``"id"`` or ``"en"``)."""
    book = Book("case_hotel", lang, "Modul 1")
    add_cover(book, ("Modul 1", "Module 1"), [], [])
    return book
