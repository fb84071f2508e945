"""Worksheet functions for collections: worklist, dunning interest, letters, strategy.

* ``AR_WORKLIST`` spills one row per customer needing action, highest priority first;
* ``AR_INTEREST`` is late interest plus the fixed fee (the dunning amount) of one amount or
  of a column of amounts;
* ``AR_LETTER`` returns a whole letter in one cell, lines separated by line feeds: turn on
  *Wrap Text* (and widen the column, with a fixed-width font such as Consolas for the
  invoice table) to read it in the sheet, or copy the cell into a document;
* ``AR_STRATEGY`` spills the default strategy (or checks and normalises yours) as a table
  to copy to a sheet and edit.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from xl_ar.core import (
    as_day_basis,
    as_fee,
    as_rate,
    cell_text,
    choose,
    dunning_charges,
    letter_text,
    read_strategy,
    worklist,
)
from xl_ar.errors import XlArError
from xl_ar.udfs import cellio
from xl_ar.udfs import registry as udf
from xl_ar.udfs.support import (
    AS_OF_DOC,
    CATEGORY,
    LEDGER_DOC,
    aged_ledger,
    errors_as_text,
    one_line_errors,
    optional_range,
)

__all__ = ["AR_INTEREST", "AR_LETTER", "AR_STRATEGY", "AR_WORKLIST"]

STRATEGY_DOC = (
    "Optional strategy range with headers Stage, Min DPD, Max DPD, Min Amount, Channel, Owner, "
    "Action (ID), Action (EN), Days to Act, Annual Rate, Fee. Default: see AR_STRATEGY()."
)
PROMISES_DOC = (
    "Optional promises range: Customer | Promise Date [| Amount] (or Pelanggan | Tanggal Janji)."
    " A ledger column 'Promise Date'/'Janji Bayar' also counts."
)
LANG_DOC = 'Language of the text: "id" (default, Bahasa Indonesia) or "en".'
EXCEL_CELL_LIMIT = 32767  # characters a cell can hold


def _lang(value: Any) -> str:
    return choose(value, ("id", "en"), "lang", "id")


@udf.func(category=CATEGORY)
@udf.arg("ledger", ndim=2, err_to_str=True, doc=LEDGER_DOC)
@udf.arg("as_of", doc=AS_OF_DOC)
@udf.arg("strategy", ndim=2, err_to_str=True, doc=STRATEGY_DOC)
@udf.arg("promises", ndim=2, err_to_str=True, doc=PROMISES_DOC)
@udf.arg("lang", doc=LANG_DOC)
@one_line_errors
def AR_WORKLIST(ledger, as_of, strategy=None, promises=None, lang="id"):
    """Collection worklist: one row per customer needing action (overdue, stage, next action, action date, priority), most urgent first. Example: =AR_WORKLIST(A1:H500, DATE(2024,12,31))"""
    table = worklist(
        aged_ledger(ledger, as_of), as_of, strategy=optional_range(strategy),
        promises=optional_range(promises), lang=_lang(lang),
    )  # fmt: skip
    return cellio.table(table)


@udf.func(category=CATEGORY)
@udf.arg("outstanding", doc="Amount overdue: a number or a column of amounts.")
@udf.arg("annual_rate", doc="Annual interest rate as a fraction: 10% or 0.1.")
@udf.arg("days_overdue", doc="Days past due: a number or a column (0 or less: not due, no charge).")
@udf.arg("day_basis", doc="Days in the interest year: 365 (default) or 360.")
@udf.arg("fee", doc="Fixed fee added to each overdue amount (default 0).")
@one_line_errors
def AR_INTEREST(outstanding, annual_rate, days_overdue, day_basis=365, fee=0):
    """Dunning amount: late interest (outstanding x rate / 365 x days overdue) plus a fixed fee. Example: =AR_INTEREST(100, 10%, 15, 365, 10) gives 10.41"""
    rate = as_rate(annual_rate)
    basis = as_day_basis(day_basis)
    fixed = as_fee(None if fee == "" else fee)
    amounts, head_a = cellio.number_cells(outstanding, "outstanding")
    days, head_d = cellio.number_cells(days_overdue, "days_overdue")
    if len(amounts) > 1 and len(days) > 1 and len(amounts) != len(days):
        raise XlArError(
            f"outstanding and days_overdue must have the same number of cells "
            f"({len(amounts)} and {len(days)}), or one of them a single cell"
        )
    if len(amounts) == 1:
        amounts = np.full(len(days), amounts[0])
    if len(days) == 1:
        days = np.full(len(amounts), days[0])
    result: list[Any] = list(
        dunning_charges(amounts, rate, days, day_basis=basis, fee=fixed).dunning_amount
    )
    if head_a or head_d:
        result[0] = "dunning_amount"
    shape = outstanding if len(cellio.flatten(outstanding)) == len(result) else days_overdue
    return cellio.reshape_like(result, shape)


@udf.func(category=CATEGORY)
@udf.arg("ledger", ndim=2, err_to_str=True, doc=LEDGER_DOC)
@udf.arg("customer", doc="Customer name as in the ledger (case and extra spaces ignored).")
@udf.arg("as_of", doc="Letter date: a date cell, DATE(2024,12,31) or an Excel serial.")
@udf.arg(
    "stage",
    doc="Stage of the letter: preventive, early, overdue, escalation, legal. Default: the "
    "customer's stage in AR_WORKLIST.",
)
@udf.arg("lang", doc=LANG_DOC)
@udf.arg(
    "contact",
    ndim=2,
    err_to_str=True,
    doc="Optional label/value range: Name/Nama, Title/Jabatan, Company/Perusahaan, "
    "Phone/Telepon, Email, Bank/Rekening.",
)
@udf.arg("strategy", ndim=2, err_to_str=True, doc=STRATEGY_DOC)
@udf.arg("promises", ndim=2, err_to_str=True, doc=PROMISES_DOC)
@udf.arg(
    "interest_rate",
    doc="Your contract's late-interest rate a year, e.g. 12%, for every stage. Default: none "
    "(or the strategy's Annual Rate): no interest in the letter.",
)
@one_line_errors
def AR_LETTER(
    ledger,
    customer,
    as_of,
    stage=None,
    lang="id",
    contact=None,
    strategy=None,
    promises=None,
    interest_rate=None,
):
    """Dunning letter of one customer as text in one cell (turn on Wrap Text): invoices, totals, interest if a rate is given, contact. Example: =AR_LETTER(A1:H500, "PT Maju", DATE(2024,12,31), , "en")"""
    rate = None if interest_rate in (None, "") else as_rate(interest_rate, "interest_rate")
    text = letter_text(
        aged_ledger(ledger, as_of), cell_text(customer), as_of, stage=cell_text(stage),
        lang=_lang(lang), strategy=optional_range(strategy),
        promises=optional_range(promises), contact=optional_range(contact), interest_rate=rate,
    )  # fmt: skip
    if len(text) > EXCEL_CELL_LIMIT:
        raise XlArError(
            f"the letter has {len(text):,} characters, more than a cell holds ({EXCEL_CELL_LIMIT:,}):"
            " write the letters to files with the ribbon or the command line"
        )
    return text


@udf.func(category=CATEGORY)
@udf.arg(
    "strategy",
    ndim=2,
    err_to_str=True,
    doc="Optional strategy range to check; omitted: the default strategy.",
)
@one_line_errors
def AR_STRATEGY(strategy=None):
    """Collection strategy table (stages by days past due and amount, channel, owner, actions): the default, or yours checked. Copy it to a sheet to edit. Example: =AR_STRATEGY()"""
    return cellio.table(read_strategy(optional_range(strategy)))


errors_as_text(globals())  # every argument: error cells as text
