"""Cash application: match payments to open invoices, pass by pass, with reason codes.

:func:`reconcile` is the entry point of ``AR_RECONCILE`` and ``xl-ar reconcile``. In mode
``"payments"`` (default) it applies a payments table to the open items of a ledger
(:func:`apply_payments`); in mode ``"statement"`` it compares the ledger of one customer with
the customer's statement (:func:`xl_ar.core.cash_application.statement.reconcile_statement`).

Open items
----------
Every ledger row whose ``balance`` (amount − paid) is not zero: invoices positive, credit
notes and unapplied cash negative (*credits*). Money is handled in whole cents: amounts are
taken to the cent, so every identity below holds exactly.

Passes
------
Each pass runs over all payments still waiting, in payment order (date, then payment id); a
payment is settled by the first pass that finds something for it and goes no further.

1. ``reference`` — invoice numbers named in the memo (:mod:`xl_ar.core.cash_application.references`:
   ``INV-00012``, ``inv 12``, ``No.12`` …, several per memo). A number naming invoices of
   several customers is resolved to the payment's customer, else ignored. A named invoice
   of *another* customer is applied all the same: the memo says so (that is how one payment
   pays two customers). Named credit notes are netted first. A surplus stays *unapplied*
   (the customer said what it pays); a payment whose named items are all closed goes on to
   the next passes.
2. ``exact`` — one open invoice of the payment's customer whose open amount equals the
   payment to the cent, for all payments (the n-th payment of a customer and amount takes
   the n-th oldest invoice of that amount: a merge on customer, amount and rank); then
   ``within_tolerance`` — one open invoice whose open amount is within the tolerance of the
   payment: the closest amount first, then the oldest.
3. ``combination`` — 2 to ``k`` open items of the customer (``k`` ≤ 5) whose open amounts
   add up to the payment within the tolerance: fewest items first, then the closest sum,
   then the oldest (the combination holding the oldest item, then the next oldest …). The
   candidates are the customer's ``max_candidates`` oldest open invoices not above the
   payment (plus its 5 oldest open credits), among its 10 × ``max_candidates`` oldest
   (``max_candidates`` from 2 to 25, default 20); the search stops before a size whose
   combinations would exceed ``max_subsets`` in all (default 100,000). Both bounds count
   steps, not seconds, so the result never depends on the machine.
4. ``fifo`` — the customer's oldest open invoices, the last one partially; the customer's
   open credits are used first, as far as those invoices need them. Disputed items (ledger
   column *Disputed*) are left alone by this pass.
5. What is left of a payment is ``unapplied`` (customer known: cash on account) or
   ``unmatched`` (the customer is neither in the payment's customer column nor given by a
   named invoice).

The payment's customer is its customer column matched to the ledger's customers by key
(case, spacing, punctuation and legal-form spelling ignored: ``P.T. Maju`` = ``pt maju``,
see :mod:`xl_ar.core.base.customers`); else the customer of the invoices
its memo names; else unknown. Customers never mix except through a memo.

Tolerance
---------
An absolute amount (``10000``) or a percentage text (``"2%"``) of the open amount being
settled (the invoice, or the net total of the items a payment targets). Passes 1-3 close
their items when the payment is short by no more than the tolerance (the shortfall is
written off: ``difference`` > 0) or over by no more than it. The excess of an overpayment is
the customer's money: by default it stays open for the customer as an ``unapplied`` remainder
of the payment (cash on account, to refund or use later, as Odoo leaves it); with
``write_off_overpayments=True`` it is written off instead (``difference`` < 0, status
``overpaid``). ``fifo`` closes its last, partly paid invoice when what remains of it is
within the tolerance of its open amount. The default, 0.005, means exact to the cent.

Output table
------------
One row per application, one per payment remainder and one per item left open; payments in
payment order (their applications in the order made, the remainder last), then open items
by customer and age.

===============  ===============  ============================================================
column           dtype            meaning
===============  ===============  ============================================================
payment          str / NA         payment id (NA on ``open`` rows)
payment_date     datetime64[ns]   payment date
payment_amount   float64          the payment's amount
customer         str              the item's customer (a remainder: the payment's customer)
invoice          str / NA         invoice number (``row N`` when the ledger has none)
invoice_date     datetime64[ns]   the item's date
open_amount      float64          the item's open amount before this application (``open``
                                  rows: the ledger balance)
applied          float64          cash of the payment applied to the item; negative on a credit
                                  note the payment nets
withheld         float64          tax the customer withheld on the item (``tax`` rules: PPh 23,
                                  PPh 22, the PPN of a WAPU buyer); 0 otherwise
withholding_type str / NA         ``PPh 23``, ``PPh 22``, ``PPN WAPU``, ``PPN WAPU + PPh 22`` …
fee              float64          transfer fee the payer deducted (``tax`` rules; on the
                                  receipt's last invoice); 0 otherwise
difference       float64          amount written off: > 0 short paid, < 0 overpaid
remaining        float64          the item's open amount after the application; on
                                  ``unapplied``/``unmatched`` rows the cash left of the payment
rule             str / NA         ``reference``, ``exact``, ``within_tolerance``,
                                  ``combination`` or ``fifo``
confidence       float64          1.0 reference, 0.95 exact, 0.9 within_tolerance,
                                  0.8 combination, 0.6 fifo
status           str              see below
===============  ===============  ============================================================

Statuses: ``matched`` (the item is closed, no difference), ``partial`` (still open after the
application), ``short_paid_written_off`` / ``overpaid`` (closed with a difference within the
tolerance; ``overpaid`` only with ``write_off_overpayments``), ``unapplied``, ``unmatched`` (payment remainders), ``open`` (items left open).

:func:`reconcile` (modes ``"payments"`` and ``"bank"``) first finds who paid each receipt and
holds back post-dated giro (:mod:`xl_ar.core.cash_application.bank_reconcile`): two more
remainder statuses, ``giro_in_hand`` (effective after the cut-off: held, not applied) and
``proposed`` (the payer is ambiguous: the candidates in ``note``, not applied), and three more
columns at the end: ``payer_rule`` (``customer_column``, ``virtual_account``, ``name``,
``invoice_reference`` or NA), ``payer_confidence`` (float) and ``note`` (text or NA).

Identities (exact): per payment, Σ applied + unapplied (or unmatched) = payment amount; per
item, Σ (applied + withheld + fee + difference) over its application rows + remaining on its
``open`` row (0 when it has none) = its ledger balance; every application row has
``open_amount − applied − withheld − fee − difference = remaining``.

Withholding and fees
--------------------
With ``tax`` rules (:func:`~xl_ar.core.cash_application.withholding.tax_rules`) the
``reference``, ``exact`` and ``combination`` passes also settle items in full with a payment
equal to Σ (open amount − the tax the customer withholds on each) − a transfer fee from 0 to
the fee cap: the withheld tax and the fee are recorded (``withheld``, ``fee``), never written
off. Only customers listed as withholders have tax withheld; a payment short by no more than
the cap settles with a ``fee`` for any customer. The cap is ``fee_max`` (Rp 10,000 on a
rupiah ledger) and at most ``fee_share`` (1 %) of the gross amount settled: a Rp 250,000
invoice allows a 2,500 fee, a Rp 12,000 invoice paid 2,500 stays ``partial``. A fee is not a
tolerance (it is booked to bank charges, not written off): ``tolerance=0`` keeps it;
``fee_max=0`` turns it off. The ``exact`` pass tries, after the
exact amounts, one invoice net of withholding, smallest fee first, then the oldest; the
``combination`` pass tries a net sum when no plain one fits at a size. Without ``tax`` nothing
changes (``withheld`` and ``fee`` are 0, ``withholding_type`` NA).
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.amounts import to_cents
from xl_ar.core.base.cells import is_blank_value, quote_excerpt
from xl_ar.core.base.customers import match_customers
from xl_ar.core.base.options import (
    DEFAULT_TOLERANCE,
    Tolerance,
    as_date,
    choose,
    parse_tolerance,
)
from xl_ar.core.cash_application.bank_statement import BankStatement, ensure_receipts
from xl_ar.core.cash_application.payments import ensure_payments, ensure_statement
from xl_ar.core.cash_application.references import ReferenceIndex
from xl_ar.core.cash_application.statement import STATEMENT_SIGNS, reconcile_statement
from xl_ar.core.cash_application.withholding import TaxRules, row_withholding, withholding_notes
from xl_ar.core.cash_application.withholding_slips import withholding_records
from xl_ar.core.ledger.currency import HOME_CURRENCY, require_one_currency
from xl_ar.core.ledger.ledger import ensure_ledger
from xl_ar.errors import CurrencyError, LedgerError, MissingColumnError, OptionError, XlArError

__all__ = [
    "CONFIDENCE",
    "RESULT_COLUMNS",
    "STATUSES",
    "ReconcileResult",
    "apply_payments",
    "reconcile",
    "summary",
]

MODES = ("payments", "statement")
MAX_K = 5

#: Confidence of each rule (a constant per rule, documented for users).
CONFIDENCE: dict[str, float] = {
    "reference": 1.0, "exact": 0.95, "within_tolerance": 0.9, "combination": 0.8, "fifo": 0.6,
}  # fmt: skip
RULES = tuple(CONFIDENCE)

STATUSES = (
    "matched",
    "partial",
    "short_paid_written_off",
    "overpaid",
    "unapplied",
    "unmatched",
    "open",
    "giro_in_hand",
    "proposed",
)
_REMAINDERS = ("unapplied", "unmatched", "giro_in_hand", "proposed")  # rows of a payment's rest
RESULT_COLUMNS = (
    "payment",
    "payment_date",
    "payment_amount",
    "customer",
    "invoice",
    "invoice_date",
    "open_amount",
    "applied",
    "withheld",
    "withholding_type",
    "fee",
    "difference",
    "remaining",
    "rule",
    "confidence",
    "status",
)
_MAX_CREDITS = 5  # credits offered to the combination search
_SCAN_FACTOR = 10  # the combination search looks at most at this × max_candidates invoices


# --------------------------------------------------------------------------- entry points


@dataclass(frozen=True)
class ReconcileResult:
    """What :func:`reconcile` returns.

    Attributes
    ----------
    table : pandas.DataFrame
        The result table (see the module docstring, or
        :mod:`xl_ar.core.cash_application.statement` for mode ``"statement"``).
    summary : dict
        Ordered key → value (see :func:`summary` and
        :func:`xl_ar.core.cash_application.statement.statement_summary`).
    mode : str
        ``"payments"``, ``"bank"`` (the payments were a bank statement) or ``"statement"``.
    statement : BankStatement or None
        Mode ``"bank"``: the statement read (its lines, the lines left out, balance check).
    withholding : pandas.DataFrame or None
        With tax rules: the tax withheld, one row per tax
        (:func:`~xl_ar.core.cash_application.withholding_slips.withholding_records`, each
        invoice's own tax base).
    """

    table: pd.DataFrame
    summary: dict[str, Any] = field(default_factory=dict)
    mode: str = "payments"
    statement: BankStatement | None = None  # the statement read in mode "bank"
    withholding: pd.DataFrame | None = None  # one row per tax withheld (with tax rules)


def reconcile(
    invoices: Any,
    payments: Any,
    *,
    tolerance: object = DEFAULT_TOLERANCE,
    mode: str = "payments",
    k: int = MAX_K,
    customer: str | None = None,
    date_order: str = "dmy",
    number_format: str = "auto",
    max_candidates: int = 20,
    max_subsets: int = 100_000,
    columns: Mapping[str, str] | str | None = None,
    negative: str = "refuse",
    profile: str | None = "auto",
    first_row: int = 1,
    write_off_overpayments: bool = False,
    statement_sign: str = "auto",
    bank: str = "auto",
    master: Any = None,
    va_map: Any = None,
    as_of: object = None,
    tax: TaxRules | None = None,
) -> ReconcileResult:
    """Apply payments to open invoices (``mode="payments"``) or reconcile a statement.

    Parameters
    ----------
    invoices : canonical ledger or anything :func:`~xl_ar.core.ledger.ledger.read_ledger` reads
        Our ledger.
    payments : payments/statement table or anything :func:`~xl_ar.core.cash_application.payments.read_payments`
        (:func:`~xl_ar.core.cash_application.payments.read_statement` in statement mode) reads.
    tolerance : float or str, default 0.005
        An amount or a percentage text (``"2%"``), see :func:`parse_tolerance`.
    mode : {'payments', 'statement'}, default 'payments'
    k : int, default 5
        Most items in one combination (1 turns the combination pass off; at most 5).
    customer : str, optional
        Statement mode: whose statement it is (default: the only customer of the ledger,
        or the one whose documents the statement names).
    date_order, number_format : str
        How text dates and amounts of both tables are read.
    max_candidates, max_subsets : int, default 20 and 100,000
        Bounds of the combination search (see the module docstring): candidate invoices per
        payment (2 to 25) and combinations evaluated per payment (0 to 10,000,000).
    columns, negative, profile : optional
        How the ledger is read (:func:`~xl_ar.core.ledger.ledger.load_ledger`): the user's
        column mapping, what a negative line without a type is, the known export it is.
    first_row : int, default 1
        Spreadsheet row of the first row of row-list ``invoices`` (for row numbers in errors).
    write_off_overpayments : bool, default False
        Write off the excess of a payment within the tolerance above what it settles
        (``overpaid``); by default it stays open for the customer (``unapplied``).
    statement_sign : {'auto', 'ours', 'theirs'}, default 'auto'
        Statement mode: how the statement's amounts are signed. ``ours``: as the customer
        owes them (invoices positive); ``theirs``: the customer's payables ledger (our
        invoices as credits, negative), flipped; ``auto``: flipped when every line matched to
        one of our documents has exactly the opposite amount, with a note saying so.
    bank : str, default 'auto'
        Payments mode: ``payments`` may be a bank statement export (``bca``, ``mandiri``,
        ``bri``, ``bni``, ``generic``; ``auto`` detects it; ``payments`` forces a payments table).
        A statement gives mode ``"bank"``: its receipts are applied, the rest listed.
    master, va_map : optional
        Who paid (:func:`~xl_ar.core.cash_application.payers.identify_payers`): the customer
        master (its virtual-account column) and a virtual-account mapping table.
    as_of : date, optional
        A receipt effective after it (a post-dated giro) is held as ``giro_in_hand``; default:
        the bank statement's period end.
    tax : TaxRules, optional
        Withholding and fee rules (:func:`~xl_ar.core.cash_application.withholding.tax_rules`),
        see :func:`apply_payments`.

    Returns
    -------
    ReconcileResult
        ``.table`` and ``.summary``.

    Raises
    ------
    XlArError
        One line naming the table (``payments: row 4 'Jumlah': 'abc' is not an amount …``).

    Examples
    --------
    >>> ledger = [["Customer", "Invoice", "Invoice Date", "Terms", "Amount"],
    ...           ["PT A", "INV-001", "2024-01-05", 30, 100],
    ...           ["PT A", "INV-002", "2024-01-20", 30, 250]]
    >>> pays = [["Payment", "Date", "Amount", "Customer", "Memo"],
    ...         ["P1", "2024-02-01", 250, "PT A", "inv 2"],
    ...         ["P2", "2024-02-03", 60, "pt a", None]]
    >>> got = reconcile(ledger, pays)
    >>> got.table[["payment", "invoice", "applied", "remaining", "rule", "status"]]
      payment  invoice  applied  remaining       rule   status
    0      P1  INV-002    250.0        0.0  reference  matched
    1      P2  INV-001     60.0       40.0       fifo  partial
    2     NaN  INV-001      0.0       40.0        NaN     open
    >>> got.summary["applied_amount"], got.summary["open_items_amount"]
    (310.0, 40.0)
    """
    kind = choose(mode, MODES, "mode", default="payments")
    statement_sign = choose(statement_sign, STATEMENT_SIGNS, "statement sign", default="auto")
    tolerance = parse_tolerance(tolerance, number_format=number_format)
    read = {"date_order": date_order, "number_format": number_format}
    ledger = _named(
        "invoices",
        _read_ledger,
        invoices,
        columns=columns,
        negative=negative,
        profile=profile,
        first_row=first_row,
        **read,
    )
    if len(ledger) == 0:
        raise XlArError("invoices: the ledger has no rows below the header")
    if kind == "statement":
        statement = _named("statement", ensure_statement, payments, **read)
        table, totals = reconcile_statement(
            ledger, statement, customer=customer, tolerance=tolerance, sign=statement_sign
        )
        return ReconcileResult(table, totals, kind)
    from xl_ar.core.cash_application.bank_reconcile import apply_receipts

    paid, bank_statement = _named("payments", _ensure_receipts, payments, bank=bank, **read)
    options = {
        "tolerance": tolerance, "k": k, "max_candidates": max_candidates,
        "max_subsets": max_subsets, "write_off_overpayments": write_off_overpayments, "tax": tax,
    }  # fmt: skip
    as_of = None if as_of is None else as_date(as_of)
    table = apply_receipts(
        ledger, paid, apply=apply_payments, statement=bank_statement, master=master,
        va_map=va_map, as_of=as_of, options=options,
    )  # fmt: skip
    withheld = None
    if tax is not None:
        hints = withholding_notes(table, ledger, tax)  # a non-withholder's net payment
        table["note"] = table["note"].where(table["note"].notna(), hints)
        withheld = withholding_records(table, tax, ledger=ledger)
    mode = "payments" if bank_statement is None else "bank"
    totals = summary(table, bank_statement)
    return ReconcileResult(table, totals, mode, bank_statement, withheld)


def _ensure_receipts(
    source: Any, *, bank: str, **read: Any
) -> tuple[pd.DataFrame, BankStatement | None]:
    """A payments table, or a bank statement's receipts and the statement."""
    return ensure_receipts(source, bank=bank, **read)


def _read_ledger(source: Any, **options: Any) -> pd.DataFrame:
    """:func:`ensure_ledger`, with a one-line error for a table that has no rows."""
    try:
        return ensure_ledger(source, **options)
    except MissingColumnError:
        raise
    except KeyError:  # read_ledger fails this way on a header without rows
        from xl_ar.core.base.cells import blank_mask
        from xl_ar.core.base.sources import read_grid

        body = read_grid(source).body
        if all(blank_mask(body[c]).all() for c in body.columns):
            raise XlArError("the ledger has no rows below the header") from None
        raise


def _named(name: str, reader: Any, source: Any, **options: Any) -> pd.DataFrame:
    """Run ``reader``; errors about the table are re-raised with its name in front."""
    try:
        return reader(source, **options)
    except LedgerError as exc:
        raise LedgerError(f"{name}: {exc}", exc.problems) from None
    except MissingColumnError as exc:
        raise MissingColumnError(f"{name}: {exc}") from None
    except OptionError:
        raise
    except XlArError as exc:
        raise type(exc)(f"{name}: {exc}") from None


def apply_payments(
    ledger: pd.DataFrame,
    payments: pd.DataFrame,
    *,
    tolerance: object = DEFAULT_TOLERANCE,
    k: int = MAX_K,
    max_candidates: int = 20,
    max_subsets: int = 100_000,
    write_off_overpayments: bool = False,
    tax: TaxRules | None = None,
    bare_numbers: str = "any",
    references: ReferenceIndex | None = None,
) -> pd.DataFrame:
    """The cash-application table of payments against a ledger's open items.

    Parameters
    ----------
    ledger : pandas.DataFrame
        A canonical ledger (other input is read with :func:`~xl_ar.core.ledger.ledger.read_ledger`).
    payments : pandas.DataFrame
        A payments table (other input is read with
        :func:`~xl_ar.core.cash_application.payments.read_payments`).
    tolerance, k, max_candidates, max_subsets, write_off_overpayments
        See :func:`reconcile`.
    tax : TaxRules, optional
        Withholding and fee rules (:func:`~xl_ar.core.cash_application.withholding.tax_rules`):
        a payment equal to the items less the tax the customer withholds, less a transfer
        fee up to ``fee_max``, settles them in full (module docstring, *Withholding and
        fees*). Default: none (the three tax columns are 0 / NA / 0).

    bare_numbers : {'any', 'payer'}, default 'any'
        What a number without letters in a memo (``95031``) may name: any invoice, or
        (``payer``, for bank statements, whose descriptions carry the bank's own numbers)
        only an invoice of the customer already known to have paid; ``INV-12``, ``No.12``
        name any invoice either way.
    references : ReferenceIndex, optional
        The index of this ledger's invoice numbers, when the caller has built it already
        (each distinct memo is then scanned once in the run).
    Returns
    -------
    pandas.DataFrame
        The table described in the module docstring (columns :data:`RESULT_COLUMNS`).

    Examples
    --------
    >>> from xl_ar.core.ledger.ledger import read_ledger
    >>> from xl_ar.core.cash_application.payments import read_payments
    >>> led = read_ledger([["Customer", "Invoice", "Invoice Date", "Terms", "Amount"],
    ...                    ["A", "1", "2024-01-01", 30, 100], ["A", "2", "2024-01-02", 30, 50],
    ...                    ["A", "3", "2024-01-03", 30, 70]])
    >>> pay = read_payments([["Payment", "Date", "Amount", "Customer"],
    ...                      ["P", "2024-02-01", 120, "A"]])
    >>> apply_payments(led, pay)[["invoice", "applied", "rule", "status"]].to_numpy().tolist()
    [['2', 50.0, 'combination', 'matched'], ['3', 70.0, 'combination', 'matched'], \
['1', 0.0, nan, 'open']]
    """
    tol = parse_tolerance(tolerance)
    k = _check_int(k, "k", 1, MAX_K)
    max_candidates = _check_int(max_candidates, "max_candidates", 2, 25)
    max_subsets = _check_int(max_subsets, "max_subsets", 0, 10_000_000)
    led = ensure_ledger(ledger)
    pays = ensure_payments(payments)
    currency = require_one_currency(led, "applying payments") or HOME_CURRENCY
    _same_currency(currency, pays)
    engine = _Engine(led, pays, tol)
    engine.write_off_over = _check_flag(write_off_overpayments, "write_off_overpayments")
    engine.setup_tax(tax, currency)
    engine.bare_numbers = choose(bare_numbers, ("any", "payer"), "bare_numbers", default="any")
    engine.references = references
    engine.reference_pass()
    engine.exact_pass()
    if k >= 2:
        engine.combination_pass(k, max_candidates, max_subsets)
    engine.fifo_pass()
    return engine.table()


def _same_currency(code: str, payments: pd.DataFrame) -> None:
    """Refuse payments in another currency than the ledger's (a blank cell is the ledger's).

    Examples
    --------
    >>> pay = pd.DataFrame({"payment": ["P1"], "currency": ["USD"]}, index=[2])
    >>> _same_currency("IDR", pay)
    Traceback (most recent call last):
    ...
    xl_ar.errors.CurrencyError: payment 'P1' (row 2) is in USD, the ledger in IDR: a payment is applied only to invoices in its currency; reconcile one currency at a time
    """
    if "currency" not in payments.columns:
        return
    codes = payments["currency"]
    other = (codes.notna() & (codes != code)).to_numpy(dtype=bool)
    if other.any():
        first = int(np.flatnonzero(other)[0])
        raise CurrencyError(
            f"payment {quote_excerpt(payments['payment'].iloc[first], 30)} (row "
            f"{payments.index[first]}) is in {codes.iloc[first]}, the ledger in {code}: a "
            "payment is applied only to invoices in its currency; reconcile one currency at a "
            "time",
            (str(codes.iloc[first]),),
        )


def _check_flag(value: object, name: str) -> bool:
    if isinstance(value, bool | np.bool_):
        return bool(value)
    raise OptionError(f"{name} must be true or false, not {quote_excerpt(value)}")


def _check_int(value: object, name: str, low: int, high: int) -> int:
    number = value
    if isinstance(value, float | np.floating) and float(value).is_integer():
        number = int(value)
    if (
        isinstance(number, bool)
        or not isinstance(number, int | np.integer)
        or not (low <= number <= high)
    ):
        raise OptionError(
            f"{name} must be a whole number from {low} to {high}, not {quote_excerpt(value)}"
        )
    return int(number)


@functools.lru_cache(maxsize=64)
def _combinations(n: int, r: int) -> np.ndarray:
    """All ``r``-subsets of ``range(n)`` in lexicographic order, one per row."""
    return np.array(list(itertools.combinations(range(n), r)), dtype=np.intp).reshape(-1, r)


# --------------------------------------------------------------------------- the engine


class _Engine:
    """State of one cash application: open amounts in cents, payments' cash, the records."""

    def __init__(self, ledger: pd.DataFrame, payments: pd.DataFrame, tol: Tolerance) -> None:
        self.tol = tol
        self.write_off_over = False  # the excess of an overpayment stays open for the customer
        self.bare_numbers = "any"  # "payer": a number without letters names only the payer's
        self.references: ReferenceIndex | None = None  # the caller's index of the numbers
        self.ledger = ledger
        self.payments = payments
        names = ledger[s.CUSTOMER].astype(object).to_numpy()
        codes, uniques = pd.factorize(pd.Series(names, dtype=object), sort=True)
        self.customer_names = np.asarray(uniques, dtype=object)
        self.cust = codes.astype(np.int64)
        self.open_cents = to_cents(ledger[s.BALANCE].to_numpy(dtype=np.float64), "invoices")
        self.rem: list[int] = self.open_cents.tolist()
        self.rank = self._age_rank()
        self.disputed: list[bool] = ledger[s.DISPUTED].to_numpy(dtype=bool).tolist()
        self.invoices: dict[int, list[int]] = {}  # customer -> open invoices, oldest first
        self.credits: dict[int, list[int]] = {}  # customer -> open credits, oldest first
        for pos in np.argsort(self.rank, kind="stable").tolist():
            c, value = int(self.cust[pos]), self.rem[pos]
            if c >= 0 and value:
                (self.invoices if value > 0 else self.credits).setdefault(c, []).append(pos)
        self.pointer: dict[int, int] = {}  # fifo: invoices before it are closed

        amount = payments["amount"].to_numpy(dtype=np.float64)
        self.pay_cents: list[int] = to_cents(amount, "payments").tolist()
        self.cash: list[int] = list(self.pay_cents)
        self.sequence = self._payment_order()
        self.done = [False] * len(payments)
        self.pay_cust: list[int] = self._payment_customers().tolist()
        # [payment, item, open, applied, diff, rem, rule, withheld, fee]
        self.records: list[list[Any]] = []
        self.tax: TaxRules | None = None
        self.fee_max = 0  # cents
        self.held = np.zeros((len(ledger), 0), dtype=np.int64)  # withholding variants, cents
        self.held_label = np.full(len(ledger), None, dtype=object)

    def setup_tax(self, tax: TaxRules | None, currency: str | None = None) -> None:
        """Withholding and fee rules (none: the engine behaves as without them)."""
        if tax is None:
            return
        if not isinstance(tax, TaxRules):
            raise OptionError("tax must be tax rules (tax_rules(...)), not " + quote_excerpt(tax))
        self.tax = tax
        self.fee_max = int(round(tax.fee_ceiling(currency) * 100))
        held = row_withholding(self.ledger, tax, self.cust, self.customer_names)
        self.held = np.column_stack([np.zeros(len(self.ledger), dtype=np.int64), held.variants])
        self.held_label = held.labels

    def _fee_cap(self, gross: Any) -> Any:
        """The largest fee (cents) on a gross amount settled (cents; scalar or array)."""
        if self.tax is None:
            return 0 if np.ndim(gross) == 0 else np.zeros(np.shape(gross), dtype=np.int64)
        return self.tax.fee_cap_cents(gross, self.fee_max)

    def _explain(self, positive: list[int], gap: int) -> tuple[dict[int, int], int, int] | None:
        """Withholding per item and a fee that explain a shortfall ``gap`` (cents) exactly.

        Of the variants (none, PPh exact to the cent, rounded down, to nearest) whose total
        withholding is not above ``gap`` and whose rest is a fee up to the cap: one that
        leaves no fee, else a whole-rupiah one (tax amounts are whole rupiah: 456,205 and a
        fee of 2,500, never 456,205.40 and 2,499.60), the largest withholding first. The fee
        goes on the last item that can carry it. ``None`` when nothing explains the gap.
        The fee cap is ``fee_max`` and at most ``fee_share`` of the gross settled (1 %).
        """
        if self.tax is None or gap <= 0 or not positive:
            return None
        rem, held = self.rem, self.held
        cap = self._fee_cap(sum(rem[p] for p in positive))
        best: tuple[int, int] | None = None  # (total withheld, variant)
        rank: tuple[bool, bool, int] | None = None  # (a fee is left, to the cent, -withheld)
        for v in range(held.shape[1]):
            total = 0
            for p in positive:
                w = int(held[p, v])
                if w and rem[p] <= w:  # an item already paid down to its tax: not this rule
                    total = -1
                    break
                total += w
            if 0 <= total <= gap and gap - total <= cap:
                key = (gap != total, v == 1, -total)
                if rank is None or key < rank:
                    best, rank = (total, v), key
        if best is None:
            return None
        withheld = {p: int(held[p, best[1]]) for p in positive}
        fee = gap - best[0]
        carrier = next((p for p in reversed(positive) if rem[p] - withheld[p] >= fee), None)
        if carrier is None:
            return None
        return withheld, fee, carrier

    # -- ordering ---------------------------------------------------------------------------
    def _age_rank(self) -> np.ndarray:
        led = self.ledger
        far = np.datetime64("2262-01-01")
        inv_date = led[s.INVOICE_DATE].to_numpy(dtype="datetime64[ns]")
        due = led[s.DUE_DATE].to_numpy(dtype="datetime64[ns]")
        number_codes = pd.factorize(led[s.INVOICE].astype(object), sort=True)[0]
        order = np.lexsort(
            (
                np.arange(len(led)),
                self.cust,
                led[s.AMOUNT].fillna(0.0).to_numpy(dtype=np.float64),
                np.where(number_codes < 0, np.iinfo(np.int64).max, number_codes),
                np.where(np.isnat(due), far, due),
                np.where(np.isnat(inv_date), far, inv_date),
            )
        )
        rank = np.empty(len(led), dtype=np.int64)
        rank[order] = np.arange(len(led))
        return rank

    def _payment_order(self) -> list[int]:
        pay = self.payments
        dates = pay["date"].to_numpy(dtype="datetime64[ns]")
        ids = pd.factorize(pay["payment"].astype(object), sort=True)[0]
        order = np.lexsort(
            (
                np.arange(len(pay)),
                np.asarray(self.pay_cents),
                ids,
                np.where(np.isnat(dates), np.datetime64("2262-01-01"), dates),
            )
        )
        return order.tolist()

    def _payment_customers(self) -> np.ndarray:
        """Ledger customer code of each payment's customer text, by key; -1 for none."""
        return match_customers(self.payments["customer"], self.customer_names)

    # -- allocation -------------------------------------------------------------------------
    def _allocate(self, j: int, items: list[int], rule: str) -> None:
        """Apply payment ``j`` to a targeted set of items (passes 1-3), oldest first."""
        rem, tol = self.rem, self.tol
        positive = [p for p in items if rem[p] > 0]
        negative = [p for p in items if rem[p] < 0]
        need = sum(rem[p] for p in positive)
        credit_use = min(-sum(rem[p] for p in negative), need)
        if self.tax is not None:
            plan = self._explain(positive, need - credit_use - self.cash[j])
            if plan is not None:
                self._settle(j, positive, negative, credit_use, plan, rule)
                return
        rows = self._use_credits(j, negative, credit_use)
        pool = self.cash[j] + credit_use
        by_item: dict[int, list[Any]] = {}
        for p in positive:
            if pool == 0:
                break
            applied = min(pool, rem[p])
            row = [j, p, rem[p], applied, 0]
            rows.append(row)
            by_item[p] = row
            rem[p] -= applied
            pool -= applied
        allowed = tol.allowed_cents(need - credit_use)
        short = sum(rem[p] for p in positive)
        if 0 < short <= allowed:
            for p in positive:
                if rem[p] > 0:
                    item = by_item.get(p)
                    if item is None:
                        item = [j, p, rem[p], 0, 0]
                        rows.append(item)
                    item[4] += rem[p]
                    rem[p] = 0
        elif 0 < pool <= allowed and positive and self.write_off_over:  # write the excess off
            last = by_item[positive[-1]]
            last[3] += pool
            last[4] -= pool
            pool = 0
        self._commit(j, rows, pool, rule)

    def _settle(
        self,
        j: int,
        positive: list[int],
        negative: list[int],
        credit_use: int,
        plan: tuple[dict[int, int], int, int],
        rule: str,
    ) -> None:
        """Close ``positive`` in full: credits, the cash, the tax withheld and the fee."""
        rem = self.rem
        withheld, fee, carrier = plan
        rows = self._use_credits(j, negative, credit_use)
        for p in positive:
            w, f = withheld[p], fee if p == carrier else 0
            rows.append([j, p, rem[p], rem[p] - w - f, 0, w, f])
            rem[p] = 0
        self._commit(j, rows, 0, rule)

    def _use_credits(self, j: int, negative: list[int], amount: int) -> list[list[Any]]:
        """Rows netting ``amount`` cents of the open credits ``negative`` (oldest first)."""
        rem = self.rem
        rows: list[list[Any]] = []
        left = amount
        for c in negative:
            if left == 0:
                break
            use = min(-rem[c], left)
            rows.append([j, c, rem[c], -use, 0])
            rem[c] += use
            left -= use
        return rows

    def _commit(self, j: int, rows: list[list[Any]], pool: int, rule: str) -> None:
        for n, row in enumerate(rows):
            w, f = (row[5], row[6]) if len(row) > 5 else (0, 0)
            rows[n] = [*row[:5], self.rem[row[1]], rule, w, f]
        self.records.extend(rows)
        self.cash[j] = pool
        self.done[j] = True

    def _waiting(self) -> list[int]:
        return [j for j in self.sequence if not self.done[j] and self.pay_cust[j] >= 0]

    # -- pass 1 -----------------------------------------------------------------------------
    def reference_pass(self) -> None:
        memos = self.payments["memo"]
        if memos.isna().all():
            return
        index = self.references
        if index is None:
            index = ReferenceIndex(self.ledger[s.INVOICE].astype(object).to_numpy())
        found = index.find_all(memos)
        rem, rank, cust = self.rem, self.rank, self.cust
        if self.bare_numbers == "payer":
            found = self._payers_bare_numbers(found, index.find_all(memos, bare_numbers=False))
        for j in self.sequence:
            if not found[j]:
                continue
            targets = sorted(
                {named[0] for named in found[j] if len(named) == 1}, key=rank.__getitem__
            )
            if self.pay_cust[j] < 0 and targets:  # the customer of the invoices the memo names
                self.pay_cust[j] = int(cust[targets[0]])
            for named in found[j]:  # a number several invoices share: the payment's customer's
                own = [p for p in named if cust[p] == self.pay_cust[j]]
                if len(named) > 1 and len(own) == 1 and own[0] not in targets:
                    targets.append(own[0])
            if not targets:
                continue
            targets.sort(key=rank.__getitem__)
            live = [p for p in targets if rem[p]]
            if any(rem[p] > 0 for p in live):
                self._allocate(j, live, "reference")

    def _payers_bare_numbers(
        self, found: list[list[tuple[int, ...]]], lettered: list[list[tuple[int, ...]]]
    ) -> list[list[tuple[int, ...]]]:
        """Keep a bare number's invoices only when they are the known payer's."""
        out: list[list[tuple[int, ...]]] = []
        for j, named in enumerate(found):
            keep = set(lettered[j])
            payer = self.pay_cust[j]
            row: list[tuple[int, ...]] = []
            for hit in named:
                if hit not in keep:
                    hit = tuple(p for p in hit if payer >= 0 and self.cust[p] == payer)
                if hit:
                    row.append(hit)
            out.append(row)
        return out

    # -- pass 2 -----------------------------------------------------------------------------
    def exact_pass(self) -> None:
        waiting = self._waiting()
        if not waiting:
            return
        rem = np.asarray(self.rem, dtype=np.int64)
        pos = np.flatnonzero((rem > 0) & (self.cust >= 0))
        invoices = pd.DataFrame(
            {"c": self.cust[pos], "v": rem[pos], "r": self.rank[pos], "pos": pos}
        ).sort_values(["c", "v", "r"], kind="stable")
        invoices["nth"] = invoices.groupby(["c", "v"], sort=False).cumcount()
        pays = pd.DataFrame(
            {
                "c": [self.pay_cust[j] for j in waiting],
                "v": [self.pay_cents[j] for j in waiting],
                "s": np.arange(len(waiting)),
                "j": waiting,
            }
        )
        pays["nth"] = pays.groupby(["c", "v"], sort=False).cumcount()
        pairs = pays.merge(invoices, on=["c", "v", "nth"]).sort_values("s", kind="stable")
        for j, p in zip(pairs["j"].tolist(), pairs["pos"].tolist(), strict=True):
            self._allocate(j, [p], "exact")
        if self.tax is not None:
            self._net_pass()
        if not self.tol.is_exact:
            self._near_pass()

    def _near_pass(self) -> None:
        """Exact pass, second step: one invoice within the tolerance, closest then oldest."""
        rem, tol = self.rem, self.tol
        by_customer: dict[int, list[tuple[int, int, int]]] = {}
        for c, items in self.invoices.items():
            by_customer[c] = sorted((rem[p], int(self.rank[p]), p) for p in items if rem[p] > 0)
        for j in self._waiting():
            candidates = by_customer.get(self.pay_cust[j])
            if not candidates:
                continue
            pay = self.pay_cents[j]
            lo, hi = tol.window_cents(pay)
            start = bisect.bisect_left(candidates, (lo, -1, -1))
            best: tuple[int, int, int] | None = None
            for t in range(start, len(candidates)):
                value, age, p = candidates[t]
                if value > hi:
                    break
                if rem[p] != value:  # taken (or paid) since the list was made
                    continue
                gap = abs(value - pay)
                if gap <= tol.allowed_cents(value) and (best is None or (gap, age) < best[:2]):
                    best = (gap, age, p)
            if best is not None:  # not to the cent: its own rule, never called exact
                self._allocate(j, [best[2]], "within_tolerance")

    def _net_pass(self) -> None:
        """Exact pass with tax rules: one invoice net of withholding, less a fee up to the
        cap (ceiling and share of the invoice); the smallest fee first, then the oldest."""
        waiting = self._waiting()
        if not waiting:
            return
        rem = np.asarray(self.rem, dtype=np.int64)
        pos = np.flatnonzero((rem > 0) & (self.cust >= 0))
        net = rem[pos, None] - self.held[pos]
        rows, variant = np.nonzero(net > 0)
        frame = pd.DataFrame(
            {"c": self.cust[pos][rows], "v": net[rows, variant], "r": self.rank[pos][rows],
             "p": pos[rows], "rem": rem[pos][rows]}
        ).sort_values(["c", "v", "r"], kind="stable")  # fmt: skip
        frame["cap"] = self._fee_cap(frame["rem"].to_numpy(dtype=np.int64))
        by_customer = {
            int(c): list(zip(g["v"].tolist(), g["r"].tolist(), g["p"].tolist(), g["rem"].tolist(),
                             g["cap"].tolist(), strict=True))
            for c, g in frame.groupby("c", sort=False)
        }  # fmt: skip
        for j in waiting:
            candidates = by_customer.get(self.pay_cust[j])
            if not candidates:
                continue
            pay = self.pay_cents[j]
            start = bisect.bisect_left(candidates, (pay, -1, -1, -1))
            best: tuple[int, int, int] | None = None
            for t in range(start, len(candidates)):
                value, age, p, was, cap = candidates[t]
                if value - pay > self.fee_max:
                    break
                if value - pay > cap:  # a fee is small next to the invoice (fee_share)
                    continue
                if self.rem[p] == was and (best is None or (value - pay, age) < best[:2]):
                    best = (value - pay, age, p)
            if best is not None:
                self._allocate(j, [best[2]], "exact")

    # -- pass 3 -----------------------------------------------------------------------------
    def combination_pass(self, k: int, max_candidates: int, max_subsets: int) -> None:
        rem, rank, tol = self.rem, self.rank, self.tol
        for j in self._waiting():
            c, pay = self.pay_cust[j], self.pay_cents[j]
            credits = [p for p in self.credits.get(c, ()) if rem[p] < 0][:_MAX_CREDITS]
            ceiling = tol.window_cents(pay)[1] - sum(rem[p] for p in credits)
            chosen: list[int] = []
            scanned = 0
            reach = ceiling + self.fee_max
            for p in self.invoices.get(c, ()):
                if rem[p] <= 0:
                    continue
                scanned += 1
                if rem[p] <= ceiling or (
                    self.tax is not None and rem[p] - int(self.held[p].max()) <= reach
                ):
                    chosen.append(p)
                if len(chosen) == max_candidates or scanned >= _SCAN_FACTOR * max_candidates:
                    break
            if not chosen:
                continue
            items = sorted(chosen + credits, key=lambda p: rank[p])
            values = np.array([rem[p] for p in items], dtype=np.int64)
            budget = max_subsets
            for r in range(2, min(k, len(items)) + 1):
                combos = _combinations(len(items), r)
                if len(combos) > budget:
                    break
                budget -= len(combos)
                sums = values[combos].sum(axis=1)
                gaps = np.abs(sums - pay)
                ok = (sums > 0) & (gaps <= tol.allowed_cents_array(sums))
                if ok.any():
                    hits = np.flatnonzero(ok)
                    best = hits[np.argmin(gaps[hits])]  # first of the closest: the oldest
                    self._allocate(j, [items[i] for i in combos[best]], "combination")
                    break
                if self.tax is not None:
                    net = self._net_combination(items, combos, sums, pay)
                    if net is not None:
                        self._allocate(j, [items[i] for i in combos[net]], "combination")
                        break

    def _net_combination(
        self, items: list[int], combos: np.ndarray, sums: np.ndarray, pay: int
    ) -> int | None:
        """The combination whose sum net of withholding exceeds ``pay`` by the smallest fee
        up to the cap (the oldest among equals), or None."""
        held = self.held[np.asarray(items, dtype=np.intp)]  # (items, variants)
        values = np.array([self.rem[p] for p in items], dtype=np.int64)
        caps = self._fee_cap(np.clip(values, 0, None)[combos].sum(axis=1))  # of the gross
        best_fee, best = None, None
        for v in range(held.shape[1]):
            fees = sums - held[:, v][combos].sum(axis=1) - pay
            ok = (fees >= 0) & (fees <= caps)
            if ok.any():
                hits = np.flatnonzero(ok)
                at = int(hits[np.argmin(fees[hits])])
                if best_fee is None or (int(fees[at]), at) < (best_fee, best):
                    best_fee, best = int(fees[at]), at
        return best

    # -- pass 4 -----------------------------------------------------------------------------
    def fifo_pass(self) -> None:
        for j in self._waiting():
            self._fifo(j, self.pay_cust[j])

    def _fifo(self, j: int, c: int) -> None:
        rem, disputed = self.rem, self.disputed
        invoices = self.invoices.get(c, [])
        start = self.pointer.get(c, 0)
        while start < len(invoices) and rem[invoices[start]] == 0:
            start += 1
        self.pointer[c] = start
        credits = [p for p in self.credits.get(c, ()) if rem[p] < 0 and not disputed[p]]
        credit_pool = -sum(rem[p] for p in credits)
        cash = self.cash[j]
        rows: list[list[Any]] = []
        credit_used = 0
        for p in invoices[start:]:
            if cash == 0 and credit_pool == 0:
                break
            if rem[p] <= 0 or disputed[p]:
                continue
            from_credit = min(credit_pool, rem[p])
            from_cash = min(cash, rem[p] - from_credit)
            credit_pool -= from_credit
            cash -= from_cash
            credit_used += from_credit
            rows.append([j, p, rem[p], from_credit + from_cash, 0])
            rem[p] -= from_credit + from_cash
        if not rows:
            return
        last = rows[-1]
        left = rem[last[1]]
        if left > 0 and self.tol.allowed_cents(last[2]) >= left:
            last[4] = left
            rem[last[1]] = 0
        credit_rows = self._use_credits(j, credits, credit_used)
        self._commit(j, credit_rows + rows, cash, "fifo")

    # -- the table --------------------------------------------------------------------------
    def table(self) -> pd.DataFrame:
        led, pay = self.ledger, self.payments
        place = np.empty(len(pay), dtype=np.int64)
        place[self.sequence] = np.arange(len(pay))
        records = sorted(enumerate(self.records), key=lambda r: (place[r[1][0]], r[0]))
        # each row: (sort key, payment, item, open, applied, difference, remaining, rule, status,
        # withheld, fee)
        rows: list[tuple[Any, ...]] = [
            ((place[j], 0, n), j, p, o, a, d, left, rule, _status(d, left), w, f)
            for n, (j, p, o, a, d, left, rule, w, f) in records
        ]
        for j in range(len(pay)):
            if self.cash[j] > 0:
                status = "unapplied" if self.pay_cust[j] >= 0 else "unmatched"
                rows.append(((place[j], 1, 0), j, -1, None, 0, 0, self.cash[j], None, status, 0, 0))
        rows.sort(key=lambda r: r[0])
        still_open = sorted(
            (p for p, left in enumerate(self.rem) if left),
            key=lambda p: (self.cust[p], self.rank[p]),
        )
        for p in still_open:
            rows.append(
                (None, -1, p, int(self.open_cents[p]), 0, 0, self.rem[p], None, "open", 0, 0)
            )
        return self._frame(rows, led, pay)

    def _frame(
        self, rows: list[tuple[Any, ...]], led: pd.DataFrame, pay: pd.DataFrame
    ) -> pd.DataFrame:
        """The result table; index -1 (no payment, no item) picks a blank sentinel."""
        n = len(rows)
        j = np.fromiter((r[1] for r in rows), dtype=np.int64, count=n)
        p = np.fromiter((r[2] for r in rows), dtype=np.int64, count=n)

        def pick(values: np.ndarray, at: np.ndarray, blank: Any) -> np.ndarray:
            return np.append(values, np.array([blank], dtype=values.dtype))[at]

        def money(column: int) -> np.ndarray:
            return np.array([np.nan if r[column] is None else r[column] / 100 for r in rows])

        nat = np.datetime64("NaT", "ns")
        numbers = led[s.INVOICE].astype(object).to_numpy()
        labels = np.array(
            [
                f"row {r}" if is_blank_value(v) else v
                for v, r in zip(numbers, led.index, strict=True)
            ],
            dtype=object,
        )
        names = np.append(self.customer_names, np.array([np.nan], dtype=object))
        item_customer = names[np.append(self.cust, -1)[p]]
        pay_customer = names[np.append(np.asarray(self.pay_cust, dtype=np.int64), -1)[j]]
        pay_text = pick(pay["customer"].astype(object).to_numpy(), j, np.nan)
        customer = np.where(
            p >= 0, item_customer, np.where(pd.isna(pay_customer), pay_text, pay_customer)
        )
        rules = [r[7] for r in rows]
        withheld = money(9)
        labels_at = np.append(self.held_label, np.array([None], dtype=object))[p]
        labels_at[~(withheld > 0)] = None
        return pd.DataFrame(
            {
                "payment": pd.Series(
                    pick(pay["payment"].astype(object).to_numpy(), j, np.nan), dtype="str"
                ),
                "payment_date": pick(pay["date"].to_numpy(dtype="datetime64[ns]"), j, nat),
                "payment_amount": pick(
                    np.asarray(self.pay_cents, dtype=np.float64) / 100, j, np.nan
                ),
                "customer": pd.Series(customer, dtype="str"),
                "invoice": pd.Series(pick(labels, p, np.nan), dtype="str"),
                "invoice_date": pick(led[s.INVOICE_DATE].to_numpy(dtype="datetime64[ns]"), p, nat),
                "open_amount": money(3),
                "applied": money(4),
                "withheld": withheld,
                "withholding_type": pd.Series(labels_at, dtype="str"),
                "fee": money(10),
                "difference": money(5),
                "remaining": money(6),
                "rule": pd.Series(rules, dtype="str"),
                "confidence": np.array(
                    [CONFIDENCE.get(r, np.nan) for r in rules], dtype=np.float64
                ),
                "status": pd.Series([r[8] for r in rows], dtype="str"),
            },
            columns=list(RESULT_COLUMNS),
        )


def _status(difference: int, remaining: int) -> str:
    if remaining:
        return "partial"
    if difference > 0:
        return "short_paid_written_off"
    if difference < 0:
        return "overpaid"
    return "matched"


# --------------------------------------------------------------------------- summary


def summary(table: pd.DataFrame, statement: BankStatement | None = None) -> dict[str, Any]:
    """Headline figures of a cash-application table (ordered; money as floats, exact cents).

    Keys: ``payments``, ``payments_amount``, ``applied_amount``, ``applied_pct``; per rule
    ``<rule>_payments`` and ``<rule>_amount``; ``written_off_short``, ``written_off_over``,
    ``unapplied_payments``, ``unapplied_amount``, ``unmatched_payments``,
    ``unmatched_amount``, ``giro_in_hand_payments``, ``giro_in_hand_amount``,
    ``proposed_payments``, ``proposed_amount``, ``invoices_closed``, ``invoices_partial``,
    ``open_items``, ``open_items_amount``, ``withheld_amount`` (tax withheld by customers),
    ``fees_amount`` (transfer fees deducted); with the bank ``statement`` the receipts came from,
    ``left_out_lines`` (its lines not applied: debits, pending, reversed) and
    ``balance_difference`` (closing − opening − movements; None when it has no balances).

    Examples
    --------
    >>> t = pd.DataFrame({"payment": ["P1", "P2", None], "payment_amount": [10.0, 5.0, None],
    ...                   "customer": ["A"] * 3, "invoice": ["1", None, "2"],
    ...                   "open_amount": [10.0, None, 7.0], "applied": [10.0, 0.0, 0.0],
    ...                   "difference": [0.0] * 3, "remaining": [0.0, 5.0, 7.0],
    ...                   "rule": ["exact", None, None],
    ...                   "status": ["matched", "unapplied", "open"]})
    >>> got = summary(t)
    >>> got["payments"], got["applied_amount"], got["unapplied_amount"], got["open_items_amount"]
    (2, 10.0, 5.0, 7.0)
    """
    status = table["status"].astype(object)
    on_payments = table[status.ne("open").to_numpy()]
    matches = table[~status.isin(("open", *_REMAINDERS)).to_numpy()]
    open_rows = table[status.eq("open").to_numpy()]
    amounts = on_payments.groupby("payment", sort=False)["payment_amount"].first()
    out: dict[str, Any] = {
        "payments": int(len(amounts)),
        "payments_amount": _total(amounts),
        "applied_amount": _total(matches["applied"]),
    }
    out["applied_pct"] = (
        out["applied_amount"] / out["payments_amount"] if out["payments_amount"] else 0.0
    )
    for rule in RULES:
        part = matches[matches["rule"].astype(object).eq(rule).to_numpy()]
        out[f"{rule}_payments"] = int(part["payment"].nunique())
        out[f"{rule}_amount"] = _total(part["applied"])
    diff = matches["difference"]
    out["written_off_short"] = _total(diff[diff > 0])
    out["written_off_over"] = -_total(diff[diff < 0]) + 0.0
    for name in _REMAINDERS:
        part = on_payments[status[on_payments.index].eq(name).to_numpy()]
        out[f"{name}_payments"] = int(len(part))
        out[f"{name}_amount"] = _total(part["remaining"])
    positive = matches[(matches["open_amount"] > 0).to_numpy()]
    out["invoices_closed"] = int((positive["remaining"] == 0).sum())
    touched = set(zip(positive["customer"], positive["invoice"], strict=True))
    out["invoices_partial"] = int(
        sum(
            (c, i) in touched
            for c, i in zip(open_rows["customer"], open_rows["invoice"], strict=True)
        )
    )
    out["open_items"] = int(len(open_rows))
    out["open_items_amount"] = _total(open_rows["remaining"])
    for key, column in (("withheld_amount", "withheld"), ("fees_amount", "fee")):
        out[key] = _total(matches[column]) if column in matches.columns else 0.0
    if statement is not None:
        out["left_out_lines"] = int(len(statement.left_out))
        difference = statement.balance_difference
        out["balance_difference"] = None if difference is None else float(difference)
    return out


def _total(values: pd.Series | Mapping[Any, float]) -> float:
    """Sum of money values, exact to the cent."""
    array = np.asarray(
        list(values.values()) if isinstance(values, Mapping) else values, dtype=np.float64
    )
    return int(to_cents(array, "totals").sum()) / 100
