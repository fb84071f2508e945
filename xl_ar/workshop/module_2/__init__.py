"""Workshop module 2 — credit policy, credit assessment and limit review (syllabus Modul 2).

Sheets: the cover; the credit policy (objectives, terms, an early-payment discount, the 5 C's
weights and scoring guide, the grade table with its limit percentages, the limit parameters,
methods, decision rules and the order-hold rule: every number read from
:data:`~xl_ar.core.credit.credit_policy.DEFAULT_POLICY`, the scoring guide from :data:`GUIDE`); a credit
application form template; the 5 C's scorecard (a worked example scored from its evidence with
VLOOKUP on the guide, beside ``AR_CREDIT_SCORE``; then an applicant the trainee scores from its
evidence); the credit limit (every limit method worked beside ``AR_CREDIT_LIMIT``, then the
applicant's limit computed by the trainee); the limit review (each customer's open balance at
the data date against its credit limit, with the order-hold rule); the shared ledger; and a last
sheet of ``AR_*`` cells that recompute the answers (open it at the end).

Answers come from :func:`~xl_ar.core.credit.credit_score.credit_score`,
:func:`~xl_ar.core.credit.credit_limit.credit_limit`, :func:`~xl_ar.core.credit.credit_review.credit_review`
and :func:`~xl_ar.core.position.open_items.open_items`; the guide scores follow :data:`GUIDE` (the core
has no scoring guide: the policy starts from the scores).

One submodule per concern: the policy sheet (:mod:`~xl_ar.workshop.module_2.policy` with its
sections in :mod:`~xl_ar.workshop.module_2.discount`, :mod:`~xl_ar.workshop.module_2.grades`
and :mod:`~xl_ar.workshop.module_2.guide`), the cases (:mod:`~xl_ar.workshop.module_2.cases`),
:mod:`~xl_ar.workshop.module_2.form`, :mod:`~xl_ar.workshop.module_2.scorecard`,
:mod:`~xl_ar.workshop.module_2.limits`, :mod:`~xl_ar.workshop.module_2.review`,
:mod:`~xl_ar.workshop.module_2.data_sheet`, :mod:`~xl_ar.workshop.module_2.checks`, the cover
in :mod:`~xl_ar.workshop.module_2.cover_sheet` and shared names in
:mod:`~xl_ar.workshop.module_2.common`; :func:`build` puts them together.

Examples
--------
>>> book = build("en")
>>> [s.name for s in book.sheets]  # doctest: +NORMALIZE_WHITESPACE
['Instructions', 'Policy', 'Application Form', '5C Scorecard', 'Credit Limit', 'Limit Review',
 'Data', 'Check with xl-ar']
>>> APPLICANT.scores, APPLICANT.score().grade
((3.0, 4.0, 3.0, 2.0, 3.0), 'C')
"""

from __future__ import annotations

from xl_ar.workshop.book import Book, pick, sheet_ref
from xl_ar.workshop.layout import autofit_book
from xl_ar.workshop.module_2.cases import APPLICANT, WORKED, Case, Evidence, worked_case
from xl_ar.workshop.module_2.checks import add_check_sheet
from xl_ar.workshop.module_2.common import DECISIONS, TITLE
from xl_ar.workshop.module_2.cover_sheet import add_cover_sheet
from xl_ar.workshop.module_2.data_sheet import add_data_sheet
from xl_ar.workshop.module_2.discount import DISCOUNT_EXAMPLE, DISCOUNT_EXERCISE, discount_cost
from xl_ar.workshop.module_2.form import add_form_sheet
from xl_ar.workshop.module_2.guide import GUIDE, Guide, collateral_score
from xl_ar.workshop.module_2.limits import add_limit_sheet
from xl_ar.workshop.module_2.policy import add_policy_sheet
from xl_ar.workshop.module_2.review import (
    REVIEW_CUSTOMER,
    ReviewAnswers,
    add_review_sheet,
    review_answers,
)
from xl_ar.workshop.module_2.scorecard import add_score_sheet

__all__ = [
    "APPLICANT",
    "DECISIONS",
    "DISCOUNT_EXAMPLE",
    "DISCOUNT_EXERCISE",
    "GUIDE",
    "REVIEW_CUSTOMER",
    "WORKED",
    "Case",
    "Evidence",
    "Guide",
    "ReviewAnswers",
    "build",
    "collateral_score",
    "discount_cost",
    "review_answers",
    "worked_case",
]


def build(lang: str) -> Book:
    """Build the module 2 workbook in ``lang`` (``"id"`` or ``"en"``).

    Parameters
    ----------
    lang : {"id", "en"}

    Returns
    -------
    Book
        Cover, policy, application form, 5 C's scorecard, credit limit, limit review, ledger
        and check sheets.
    """
    book = Book("module_2", lang, pick(TITLE, lang))
    add_cover_sheet(book)
    worked = worked_case()
    pol = add_policy_sheet(book)
    add_form_sheet(book)
    sc = add_score_sheet(book, pol, worked)
    add_limit_sheet(book, pol, sc, worked)
    refs = add_data_sheet(book)
    customers = add_review_sheet(book, refs)
    book.sheets.append(book.sheets.pop(-2))  # the ledger after the review that reads it
    add_check_sheet(book, refs, sheet_ref(book.t(("Tinjauan Limit", "Limit Review")), customers))
    autofit_book(book)
    return book
