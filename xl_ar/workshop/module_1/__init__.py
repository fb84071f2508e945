"""Workshop module 1 — AR foundations and the operating model (syllabus Modul 1).

Sheets: the cover; the Order-to-Cash cycle (stages, departments, documents, risk points and an
ordering exercise, plus the four pillars of an AR model); a glossary of AR terms and metrics with
three "which term is this" exercises; the shared ledger (an Excel table), the customer master and
the cash receipts; and a practice sheet of ledger questions (SUMIF, COUNTIFS, SUMIFS ...) after a
block of worked native formulas; a last sheet of ``AR_*`` cells that recompute some answers
(open it at the end). Every answer comes from the core at build time
(:mod:`xl_ar.core.position.open_items`, :mod:`xl_ar.core.position.aging`,
:func:`xl_ar.core.metrics.payment_behaviour.past_due_shares`) or from plain sums of the core's ledger.

One submodule per concern: :mod:`~xl_ar.workshop.module_1.o2c`,
:mod:`~xl_ar.workshop.module_1.glossary`, :mod:`~xl_ar.workshop.module_1.data_sheets`,
:mod:`~xl_ar.workshop.module_1.practice` (with :func:`ledger_answers`),
:mod:`~xl_ar.workshop.module_1.checks` (the ``AR_*`` cells), the cover in
:mod:`~xl_ar.workshop.module_1.cover_sheet` and shared names in
:mod:`~xl_ar.workshop.module_1.common`; :func:`build` puts them together.

Examples
--------
>>> book = build("en")
>>> [s.name for s in book.sheets]  # doctest: +NORMALIZE_WHITESPACE
['Instructions', 'O2C Cycle', 'Glossary', 'Data', 'Customers', 'Payments', 'Practice',
 'Check with xl-ar']
>>> len(book.exercises) >= 8
True
"""

from __future__ import annotations

from xl_ar.workshop.book import Book, pick
from xl_ar.workshop.layout import autofit_book
from xl_ar.workshop.module_1.checks import add_check_sheet
from xl_ar.workshop.module_1.common import NAMED_CUSTOMER, TITLE
from xl_ar.workshop.module_1.cover_sheet import add_cover_sheet
from xl_ar.workshop.module_1.data_sheets import add_data_sheets
from xl_ar.workshop.module_1.glossary import GLOSSARY, add_glossary_sheet
from xl_ar.workshop.module_1.o2c import O2C_STAGES, add_o2c_sheet
from xl_ar.workshop.module_1.practice import LedgerAnswers, add_practice_sheet, ledger_answers

__all__ = [
    "GLOSSARY",
    "NAMED_CUSTOMER",
    "O2C_STAGES",
    "LedgerAnswers",
    "build",
    "ledger_answers",
]


def build(lang: str) -> Book:
    """Build the module 1 workbook in ``lang`` (``"id"`` or ``"en"``).

    Parameters
    ----------
    lang : {"id", "en"}

    Returns
    -------
    Book
        Cover, O2C cycle, glossary, ledger, customers, payments and practice sheets.
    """
    book = Book("module_1", lang, pick(TITLE, lang))
    add_cover_sheet(book)
    add_o2c_sheet(book)
    add_glossary_sheet(book)
    refs = add_data_sheets(book)
    add_practice_sheet(book, refs)
    add_check_sheet(book, refs)
    autofit_book(book)
    return book
