"""Workshop module 4: receivables analysis and risk management (aging, cash, allowance, ECL).

Syllabus Modul 4 — *Analisis Piutang & Manajemen Risiko*: the aging schedule built with native
formulas (sessions 4.1), the cash projection from open receivables (4.2), the allowance for
doubtful accounts (aging method, for comparison), the provision matrix of the booked
CKPN (PSAK 71), factoring and receivable insurance (4.3).

Sheets: cover, Data (the shared ledger with two helper columns for the trainee), a worked
example, the aging exercise, the cash projection, the allowance, the provision matrix,
factoring and, last, "Cek dengan xl-ar" (the ``AR_*`` cells that reproduce exercise answers:
open it after finishing). Every answer and every expected value comes from :mod:`xl_ar.core`
at build time. Formula hints are written with ``;`` in the Indonesian edition and ``,`` in the
English one (:func:`hint`), as the cover says.

The package has one file per sheet (:mod:`.example`, :mod:`.aging`, :mod:`.cash`,
:mod:`.allowance`, :mod:`.matrix`, :mod:`.factoring`, :mod:`.checks`), the build context in
:mod:`.context` and the cover and sheet order in :mod:`.workbook`; this module re-exports
:func:`build` and the constants the tests use.

Examples
--------
>>> book = build("en")
>>> [s.name for s in book.sheets][:4], book.sheets[-1].name
(['Instructions', 'Data', 'Worked Example', 'Aging Exercise'], 'Check with xl-ar')
>>> len(book.exercises) >= 40
True
"""

from __future__ import annotations

from xl_ar.workshop.module_4.allowance import EXISTING_ALLOWANCE
from xl_ar.workshop.module_4.context import LEDGER_RATES, hint
from xl_ar.workshop.module_4.example import EXAMPLE_ITEMS
from xl_ar.workshop.module_4.factoring import BANK_RATE, FACTOR_CUSTOMER
from xl_ar.workshop.module_4.matrix import FORWARD_FACTOR, HISTORICAL_RATES
from xl_ar.workshop.module_4.workbook import book_title, build

__all__ = [
    "BANK_RATE",
    "EXAMPLE_ITEMS",
    "EXISTING_ALLOWANCE",
    "FACTOR_CUSTOMER",
    "FORWARD_FACTOR",
    "HISTORICAL_RATES",
    "LEDGER_RATES",
    "book_title",
    "build",
    "hint",
]
