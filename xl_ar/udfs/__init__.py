"""Worksheet functions (xlwings UDFs): thin wrappers over :mod:`xl_ar.core`.

Each function converts its arguments, calls one core function and returns a value or a 2-D
list that spills in Excel 365. Errors never reach the cell as a traceback: every failure is
returned as one line that starts with the function name, e.g.
``AR_AGING: row 17 'Due Date': 'abc' is not a date``.

Conventions for the worksheet API:

* ranges include their header row; row numbers in messages count the header row as row 1;
* dates may be date-formatted cells or Excel serial numbers;
* omitted optional arguments take the documented defaults; text options ignore case;
* ratios are fractions (format the cell as %);
* an Excel error value (``#N/A`` ...) in an argument gives a line naming it, never the
  default; inside a ledger it is a data problem (``AR_CHECK`` lists it);
* no function returns an infinity or NaN: an overflow is a line.

The Python names are the Excel names (xlwings registers ``__name__``), and the function
signatures carry no type hints on purpose: xlwings reads hints as converters. Each docstring
is the Function Wizard description (≤ 255 characters).

The functions live in one module per topic, named like the core's sub-packages
(:mod:`~xl_ar.udfs.position`, :mod:`~xl_ar.udfs.metrics`, :mod:`~xl_ar.udfs.provisioning`,
:mod:`~xl_ar.udfs.cashflow`, :mod:`~xl_ar.udfs.cash_application`, :mod:`~xl_ar.udfs.credit`,
:mod:`~xl_ar.udfs.collections`); argument handling is in :mod:`~xl_ar.udfs.cellio` and
:mod:`~xl_ar.udfs.support`, the declaration decorators and the VBA text in
:mod:`~xl_ar.udfs.registry`. This package imports every function: Excel calls
``xl_ar.udfs.AR_...`` (the VBA and the add-in's ``UDF Modules`` setting name this module) and
xlwings finds the functions in ``dir(xl_ar.udfs)``.
"""

from xl_ar.udfs.cash_application import AR_RECONCILE
from xl_ar.udfs.cashflow import AR_FACTORING, AR_FORECAST
from xl_ar.udfs.collections import AR_INTEREST, AR_LETTER, AR_STRATEGY, AR_WORKLIST
from xl_ar.udfs.credit import (
    AR_CREDIT_LIMIT,
    AR_CREDIT_REVIEW,
    AR_CREDIT_SCORE,
    AR_DISCOUNT_COST,
)
from xl_ar.udfs.metrics import (
    AR_ADD,
    AR_ARREARS_RATIO,
    AR_BAD_DEBT_RATIO,
    AR_BPDSO,
    AR_CEI,
    AR_COLLECTION_RATIO,
    AR_DSO,
    AR_KPI,
    AR_RTO,
    AR_WADP,
)
from xl_ar.udfs.position import AR_AGING, AR_BUCKET, AR_CHECK, AR_DPD, AR_OPEN, AR_STATEMENT
from xl_ar.udfs.provisioning import AR_ALLOWANCE, AR_ECL, AR_LOSS_RATES

__all__ = [
    "AR_ADD",
    "AR_AGING",
    "AR_ALLOWANCE",
    "AR_ARREARS_RATIO",
    "AR_BAD_DEBT_RATIO",
    "AR_BPDSO",
    "AR_BUCKET",
    "AR_CEI",
    "AR_CHECK",
    "AR_COLLECTION_RATIO",
    "AR_CREDIT_LIMIT",
    "AR_CREDIT_REVIEW",
    "AR_CREDIT_SCORE",
    "AR_DISCOUNT_COST",
    "AR_DPD",
    "AR_DSO",
    "AR_ECL",
    "AR_FACTORING",
    "AR_FORECAST",
    "AR_INTEREST",
    "AR_KPI",
    "AR_LETTER",
    "AR_LOSS_RATES",
    "AR_OPEN",
    "AR_RECONCILE",
    "AR_RTO",
    "AR_STATEMENT",
    "AR_STRATEGY",
    "AR_WADP",
    "AR_WORKLIST",
]
