"""Workshop module 3: effective, tiered collections (segmentation, strategy, worklist, letters).

Sheets (Indonesian / English names):

* **Petunjuk / Instructions** — the cover;
* **Data** — the shared workshop ledger (:func:`xl_ar.workshop.data.write_ledger`);
* **Segmentasi / Segmentation** — open items by age bucket (core :func:`~xl_ar.core.position.aging.aging`,
  bucket names from :mod:`xl_ar.workshop.terms`), by amount class (small < Rp 10 jt, medium
  Rp 10-50 jt, large > Rp 50 jt) and by the core's payer rating
  (:func:`~xl_ar.core.credit.credit_review.credit_review`, the rating the worklist shows): native
  COUNTIFS/SUMIFS/SUMPRODUCT reproduce the amount-weighted days late, the share paid late and
  the rating. No summary row answers an exercise: each needs its own calculation;
* **Strategi / Strategy** — the core default strategy (names, channels and owners from the term
  list, interest as a number) and the stage of a number of days past due (VLOOKUP /
  INDEX-MATCH; answers from the core's :func:`~xl_ar.core.collections.strategy.assign_stages`, minimum
  amounts included);
* **Daftar Tagih / Worklist** — the core worklist at :data:`~xl_ar.workshop.data.AS_OF` with the
  columns of its priority (risk, overdue, oldest days past due) and the priority as a native
  formula; the disputed invoices listed apart (out of the dunning run, tracked to resolution);
* **Bunga / Interest** — dunning interest: the golden example of the domain notes (100, 15 days,
  10 % p.a., fee 10 → 0.41 / 10.41 / 110.41), a Rupiah example from the ledger with native
  formulas and ``AR_INTEREST`` beside, and a Rupiah exercise on an invoice no sheet prints;
* **Surat / Letters** — a worked letter (core :func:`~xl_ar.core.collections.letters.letter_text`, another
  customer than the exercises), exercises on a letter that is not printed, and every stage's
  template with readable field markers and their legend.

The layout (exercise rows, notes, headers) comes from :mod:`xl_ar.workshop.layout`.

The package has one file per sheet (:mod:`.segmentation`, :mod:`.strategy`, :mod:`.worklist`,
:mod:`.interest`, :mod:`.letters` with :mod:`.templates`), the shared pieces in :mod:`.context`
and the sheet order in :mod:`.workbook`; this module re-exports :func:`build` and the constants.
"""

from __future__ import annotations

from xl_ar.workshop.module_3.letters import CONTACT, letter_contact
from xl_ar.workshop.module_3.segmentation import LARGE_LIMIT, SMALL_LIMIT
from xl_ar.workshop.module_3.strategy import CASE_AMOUNT, SMALL_CASE_AMOUNT
from xl_ar.workshop.module_3.templates import MARKERS
from xl_ar.workshop.module_3.workbook import build

__all__ = [
    "CASE_AMOUNT",
    "CONTACT",
    "LARGE_LIMIT",
    "MARKERS",
    "SMALL_CASE_AMOUNT",
    "SMALL_LIMIT",
    "build",
    "letter_contact",
]
