"""Data sufficiency: what a ledger can support, metric by metric, and why not when it cannot.

A ledger is one of three kinds (:attr:`LedgerFacts.kind`):

* ``"history"`` — a **full history**: paid invoices with their payment dates, so the
  receivables can be rolled forward month by month (AR(t) = AR(t-1) + sales - collections);
* ``"snapshot"`` — an **open-items snapshot** as of a date: the usual ERP aging export, no
  paid invoices and no payment dates, only what is open;
* ``"undated"`` — an invoice list with paid amounts but **no payment dates** (a tracker kept
  by hand): what is open at its own date is known, not when anything was collected.

Per metric (:data:`METRICS`) :func:`data_sufficiency` returns ``None`` (the ledger supports it)
or a reason, an (Indonesian, English) pair like every other label
(:data:`xl_ar.core.base.labels.LABELS`). The rules:

=====================  =======================================================================
metric                 not estimable when
=====================  =======================================================================
``loss_rates``         no payment dates (snapshot, undated list); payments without a date in a
                       history (the month-end balances are wrong); or a history too short for
                       any invoice to pass the write-off horizon (``write_off_after_days``)
``ecl``                as ``loss_rates``, unless loss rates are given
``forecast``           no payment dates (when customers pay is unknown); else as ``ecl``
``cei``                no payment dates, or payments without a date (collections per period
``collections``        are unknown)
``dso``                an open-items snapshot (its credit sales hold only unpaid invoices);
                       DSO, best possible DSO and average days delinquent
``payment_behaviour``  no payment dates (days to pay, days late, payer ratings)
=====================  =======================================================================

The roll rates themselves are checked by
:meth:`xl_ar.core.provisioning.loss_rates.LossRates.reason` once estimated (a bucket never
holding a balance at a month end); :meth:`Sufficiency.withhold` adds that reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.dates import FIRST_DAY, day_numbers
from xl_ar.core.base.options import as_date
from xl_ar.core.base.text import amount_text
from xl_ar.core.ledger.ledger import ensure_ledger
from xl_ar.errors import NotEstimableError

__all__ = [
    "KINDS",
    "METRICS",
    "NOT_ESTIMABLE",
    "LedgerFacts",
    "Sufficiency",
    "check_snapshot_as_of",
    "covered_start",
    "data_sufficiency",
    "ledger_facts",
    "not_estimable",
    "require_estimable",
    "snapshot_date",
]

#: The metrics a ledger may not support, in report order.
METRICS = ("loss_rates", "ecl", "forecast", "cei", "collections", "dso", "payment_behaviour")
#: The kinds of ledger: full history, open-items snapshot, invoice list without payment dates.
KINDS = ("history", "snapshot", "undated")
#: What a withheld number shows: the prefix of its reason (Indonesian, English).
NOT_ESTIMABLE = ("tidak dapat diestimasi", "not estimable")
#: The write-off horizon of estimated loss rates (the loss-rate default, "macet").
WRITE_OFF_DAYS = 180

Pair = tuple[str, str]


@dataclass(frozen=True)
class LedgerFacts:
    """What a ledger holds at ``as_of`` (documents dated after it do not count).

    Attributes
    ----------
    as_of : pandas.Timestamp
    kind : {'history', 'snapshot', 'undated'}
    invoices : int
        Invoices dated on or before ``as_of``.
    paid_invoices : int
        Of those, invoices with something paid.
    payment_dates : int
        Rows with a payment date on or before ``as_of``.
    undated_payments : int
        Invoices with something paid but no payment date.
    undated_amount : float
        What those payments add up to.
    undated_partial : int
        Of those, invoices still open (partly paid).
    months_covered : int
        Calendar months from the earliest document date to ``as_of`` (both counted).
    longest_past_due : float
        The most days past due any invoice could have reached by ``as_of`` (``as_of`` minus
        the earliest due date; NaN without invoices): the old debt roll rates need.
    first_date : pandas.Timestamp or None
        The earliest document date on or before ``as_of`` (None without documents): where
        the ledger starts.
    """

    as_of: pd.Timestamp
    kind: str
    invoices: int
    paid_invoices: int
    payment_dates: int
    undated_payments: int
    undated_amount: float
    undated_partial: int
    months_covered: int
    longest_past_due: float
    first_date: pd.Timestamp | None = None

    def kind_text(self) -> Pair:
        """The kind in words, as the About block and the dashboard say it.

        Examples
        --------
        >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount"],
        ...         ["A", "2024-01-01", "2024-01-31", 100.0]]
        >>> ledger_facts(rows, "2024-03-31").kind_text()[1]
        'open-items snapshot as of 31/03/2024'
        """
        day = self.as_of.strftime("%d/%m/%Y")
        if self.kind == "history":
            return ("riwayat lengkap", "full history")
        if self.kind == "snapshot":
            return (f"daftar saldo terbuka per {day}", f"open-items snapshot as of {day}")
        return (
            f"daftar faktur tanpa tanggal bayar per {day}",
            f"invoice list without payment dates as of {day}",
        )


@dataclass(frozen=True)
class Sufficiency:
    """Per metric: ``None`` when the ledger supports it, else the reason (Indonesian, English).

    Attributes
    ----------
    facts : LedgerFacts
    reasons : dict
        Metric (:data:`METRICS`) → ``None`` or an (Indonesian, English) reason.
    loss_rates_given : bool
        Loss rates were given (the allowance and the forecast then do not need estimates).
    """

    facts: LedgerFacts
    reasons: dict[str, Pair | None] = field(default_factory=dict)
    loss_rates_given: bool = False

    def ok(self, metric: str) -> bool:
        """Whether the ledger supports ``metric``."""
        return self.reasons[_metric(metric)] is None

    def reason(self, metric: str, lang: str = "en") -> str | None:
        """Why ``metric`` is not estimable, in ``lang``; ``None`` when it is."""
        got = self.reasons[_metric(metric)]
        return None if got is None else got[lang == "en"]

    def text(self, metric: str, lang: str = "en") -> str | None:
        """``"not estimable: <reason>"`` in ``lang`` (what replaces the number), or ``None``.

        Examples
        --------
        >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount"],
        ...         ["A", "2024-01-01", "2024-01-31", 100.0]]
        >>> got = data_sufficiency(rows, "2024-03-31")
        >>> got.text("cei")
        'not estimable: collections per period are unknown: the ledger lists only open invoices as of 31/03/2024, with no payment dates'
        >>> got.text("cei", "id")[:40]
        'tidak dapat diestimasi: penerimaan kas p'
        """
        got = self.reasons[_metric(metric)]
        return None if got is None else not_estimable(got, lang)

    def withhold(self, metric: str, reason: Pair) -> Sufficiency:
        """A copy with ``metric`` withheld for ``reason`` (loss rates: the allowance and forecast too,
        unless rates were given)."""
        reasons = dict(self.reasons)
        reasons[_metric(metric)] = reason
        if metric == "loss_rates" and not self.loss_rates_given:
            for later in ("ecl", "forecast"):
                reasons[later] = reasons[later] or reason
        return replace(self, reasons=reasons)


def not_estimable(reason: Pair, lang: str = "en") -> str:
    """``"not estimable: <reason>"`` (Indonesian ``"tidak dapat diestimasi: <alasan>"``).

    Examples
    --------
    >>> not_estimable(("tanpa tanggal bayar", "no payment dates"), "id")
    'tidak dapat diestimasi: tanpa tanggal bayar'
    """
    side = int(lang == "en")
    return f"{NOT_ESTIMABLE[side]}: {reason[side]}"


def _metric(metric: str) -> str:
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}: one of {', '.join(METRICS)}")
    return metric


def ledger_facts(ledger: Any, as_of: Any) -> LedgerFacts:
    """Describe a ledger at ``as_of``: its kind, paid history, payment dates, months covered.

    Parameters
    ----------
    ledger : canonical ledger, or anything :func:`~xl_ar.core.ledger.ledger.read_ledger` reads
    as_of : date-like

    Returns
    -------
    LedgerFacts

    Examples
    --------
    >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"],
    ...         ["A", "2024-01-01", "2024-01-31", 100.0, 100.0, "2024-02-10"],
    ...         ["B", "2024-02-01", "2024-03-02", 80.0, 30.0, None]]
    >>> f = ledger_facts(rows, "2024-03-31")
    >>> f.kind, f.paid_invoices, f.payment_dates, f.undated_payments, f.undated_partial
    ('history', 2, 1, 1, 1)
    >>> f.undated_amount, f.months_covered, f.longest_past_due
    (30.0, 3, 60.0)
    """
    led = ensure_ledger(ledger)
    day = as_date(as_of)
    stamp = day.to_datetime64()
    inv_date = led[s.INVOICE_DATE].to_numpy()
    issued = ~np.isnat(inv_date) & (inv_date <= stamp)
    invoice = issued & led[s.DOC_TYPE].eq(s.DOC_INVOICE).to_numpy()
    pay = led[s.PAYMENT_DATE].to_numpy()
    paid = np.nan_to_num(led[s.PAID].to_numpy(dtype="float64"))
    amount = np.nan_to_num(led[s.AMOUNT].to_numpy(dtype="float64"))
    dated = ~np.isnat(pay) & (pay <= stamp)
    has_paid = invoice & (np.abs(paid) > 0.005)
    undated = has_paid & np.isnat(pay)
    partial = undated & (np.abs(amount - paid) > 0.005)
    payment_dates = int((issued & dated).sum())
    if payment_dates:
        kind = "history"
    elif has_paid.any():
        kind = "undated"
    else:
        kind = "snapshot"
    first = inv_date[issued].min() if issued.any() else stamp
    months = (day.to_period("M") - pd.Timestamp(first).to_period("M")).n + 1
    due = led[s.DUE_DATE].to_numpy()[invoice]
    due = due[~np.isnat(due)]
    today = day_numbers(np.array([stamp]))[0]
    longest = float(today - day_numbers(due).min()) if due.size else float("nan")
    return LedgerFacts(
        as_of=day,
        kind=kind,
        invoices=int(invoice.sum()),
        paid_invoices=int(has_paid.sum()),
        payment_dates=payment_dates,
        undated_payments=int(undated.sum()),
        undated_amount=float(paid[undated].sum()),
        undated_partial=int(partial.sum()),
        months_covered=int(months),
        longest_past_due=longest,
        first_date=pd.Timestamp(first) if issued.any() else None,
    )


def data_sufficiency(
    ledger: Any,
    as_of: Any,
    *,
    loss_rates_given: bool = False,
    write_off_after_days: int = WRITE_OFF_DAYS,
    window_months: int | None = None,
) -> Sufficiency:
    """Decide, per metric of :data:`METRICS`, whether the ledger can support it.

    Parameters
    ----------
    ledger : canonical ledger, or anything :func:`~xl_ar.core.ledger.ledger.read_ledger` reads
    as_of : date-like
    loss_rates_given : bool, default False
        Loss rates were given: the allowance (``ecl``) needs no estimate.
    write_off_after_days : int, default 180
        The write-off horizon of estimated loss rates: a history must be long enough for an
        invoice to pass it.
    window_months : int, optional
        The trailing window of a headline CEI (:func:`~xl_ar.core.metrics.summary.kpi_summary`,
        sales / months): a ledger starting inside it has no AR at the window's start, so
        ``cei`` is withheld (``"the ledger starts on 01/02/2024, inside the 3-month window"``);
        a ledger starting after the window's first day has fewer days of sales than the window,
        so ``dso`` (DSO, BPDSO, ADD) is withheld too (``"credit sales of the period are
        incomplete: the ledger starts on …"``).

    Returns
    -------
    Sufficiency

    Examples
    --------
    Four open invoices, no payment dates (an ERP aging export):

    >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount"],
    ...         ["A", "2024-01-15", "2024-02-14", 1000.0], ["B", "2024-11-20", "2024-12-20", 2500.0],
    ...         ["C", "2024-03-01", "2024-03-31", 4000.0], ["A", "2024-12-10", "2025-01-09", 1500.0]]
    >>> got = data_sufficiency(rows, "2024-12-31")
    >>> got.facts.kind_text()[1], got.ok("dso"), got.ok("ecl")
    ('open-items snapshot as of 31/12/2024', False, False)
    >>> got.reason("ecl")
    'loss rates cannot be estimated from the ledger: the ledger lists only open invoices as of 31/12/2024, with no payment dates; give loss rates (--loss-rates, or LossRates in xl_ar.conf)'
    >>> data_sufficiency(rows, "2024-12-31", loss_rates_given=True).ok("ecl")
    True
    """
    facts = ledger_facts(ledger, as_of)
    dates = _dates_reason(facts)
    undated = _undated_reason(facts)
    short = _short_reason(facts, write_off_after_days)
    loss = dates or undated or short
    reasons: dict[str, Pair | None] = {
        "loss_rates": _say(loss, LOSS_RATES),
        "payment_behaviour": _say(dates, BEHAVIOUR),
        "cei": _say(dates or undated, COLLECTIONS) or _window_reason(facts, window_months),
        "collections": _say(dates or undated, COLLECTIONS),
        "dso": _say(dates if facts.kind == "snapshot" else None, SALES)
        or _say(_window_reason(facts, window_months, sales=True), SALES),
    }
    reasons["ecl"] = None if loss_rates_given else reasons["loss_rates"]
    reasons["forecast"] = _say(dates, WHEN_PAID) or reasons["ecl"]
    ordered = {m: reasons[m] for m in METRICS}
    return Sufficiency(facts, ordered, loss_rates_given)


#: How each metric's reason reads, around the ledger's shortcoming ``{}`` (Indonesian, English).
LOSS_RATES: Pair = (
    "tingkat kerugian tidak dapat diestimasi dari buku piutang: {}; berikan tingkat kerugian "
    "(--loss-rates, atau LossRates di xl_ar.conf)",
    "loss rates cannot be estimated from the ledger: {}; give loss rates (--loss-rates, or "
    "LossRates in xl_ar.conf)",
)
BEHAVIOUR: Pair = ("perilaku pembayaran tidak diketahui: {}", "payment behaviour is unknown: {}")
COLLECTIONS: Pair = (
    "penerimaan kas per periode tidak diketahui: {}",
    "collections per period are unknown: {}",
)
SALES: Pair = (
    "penjualan kredit periode ini tidak lengkap: {}",
    "credit sales of the period are incomplete: {}",
)
WHEN_PAID: Pair = (
    "kapan pelanggan membayar tidak diketahui: {}",
    "when customers pay is unknown: {}",
)


def _say(why: Pair | None, how: Pair) -> Pair | None:
    return None if why is None else (how[0].format(why[0]), how[1].format(why[1]))


def _dates_reason(facts: LedgerFacts) -> Pair | None:
    day = facts.as_of.strftime("%d/%m/%Y")
    if facts.kind == "snapshot":
        return (
            f"buku piutang hanya berisi faktur terbuka per {day}, tanpa tanggal bayar",
            f"the ledger lists only open invoices as of {day}, with no payment dates",
        )
    if facts.kind == "undated":
        return ("buku piutang tidak mempunyai tanggal bayar", "the ledger has no payment dates")
    return None


def _window_reason(facts: LedgerFacts, months: int | None, *, sales: bool = False) -> Pair | None:
    """A ledger starting inside the trailing window (on or after its first day): no AR at its
    start, and fewer months of sales than the CEI divides by. For DSO, BPDSO and ADD
    (``sales``) only a start after the window's first day: fewer days of sales than the
    window's days (a DSO too high)."""
    if months is None or facts.first_date is None:
        return None
    start = facts.as_of + pd.Timedelta(days=1) - pd.DateOffset(months=int(months))
    if facts.first_date < start or (sales and facts.first_date == start):
        return None
    day = facts.first_date.strftime("%d/%m/%Y")
    return (
        f"buku piutang dimulai {day}, di dalam jendela {months} bulan",
        f"the ledger starts on {day}, inside the {months}-month window",
    )


def _undated_reason(facts: LedgerFacts) -> Pair | None:
    n = facts.undated_payments
    if not n:
        return None
    amount = (amount_text(facts.undated_amount, "id"), amount_text(facts.undated_amount))
    word = "payment has" if n == 1 else "payments have"
    return (
        f"{n} pembayaran tanpa tanggal bayar ({amount[0]})",
        f"{n} {word} no payment date ({amount[1]})",
    )


def _short_reason(facts: LedgerFacts, horizon: int) -> Pair | None:
    if facts.longest_past_due > horizon:
        return None
    m = facts.months_covered
    return (
        f"buku piutang hanya mencakup {m} bulan: tidak ada faktur yang dapat lewat {horizon} "
        "hari dari jatuh tempo (batas hapus buku)",
        f"the ledger covers {m} month{'s' if m != 1 else ''}: no invoice can be more than "
        f"{horizon} days past due (the write-off horizon)",
    )


# --- refusals at the edges (worksheet functions, command line, report) -----------------------
def require_estimable(
    ledger: Any,
    as_of: Any,
    metric: str,
    *,
    loss_rates_given: bool = False,
    write_off_after_days: int = WRITE_OFF_DAYS,
    give: str | None = None,
) -> Sufficiency:
    """Refuse ``metric`` in one line when the ledger cannot support it (the report's rule).

    Parameters
    ----------
    ledger, as_of, loss_rates_given, write_off_after_days
        As :func:`data_sufficiency`.
    metric : str
        One of :data:`METRICS`.
    give : str, optional
        How the caller gives loss rates, in place of the command line's
        ``(--loss-rates, or LossRates in xl_ar.conf)``.

    Returns
    -------
    Sufficiency
        When ``metric`` is supported.

    Raises
    ------
    NotEstimableError
        ``"not estimable: <reason>"`` (English) otherwise.

    Examples
    --------
    >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount"],
    ...         ["A", "2024-01-01", "2024-01-31", 100.0]]
    >>> require_estimable(rows, "2024-03-31", "collections")
    Traceback (most recent call last):
    ...
    xl_ar.errors.NotEstimableError: not estimable: collections per period are unknown: the ledger lists only open invoices as of 31/03/2024, with no payment dates
    """
    got = data_sufficiency(
        ledger, as_of, loss_rates_given=loss_rates_given, write_off_after_days=write_off_after_days
    )
    why = got.reasons[_metric(metric)]
    if why is None:
        return got
    if give is not None:
        why = (
            why[0].replace(GIVE_HINT[0], f" ({give})"),
            why[1].replace(GIVE_HINT[1], f" ({give})"),
        )
    raise NotEstimableError(not_estimable(why), why)


#: How the command line names the ways to give loss rates (in the loss-rates reason).
GIVE_HINT = (
    " (--loss-rates, atau LossRates di xl_ar.conf)",
    " (--loss-rates, or LossRates in xl_ar.conf)",
)


def snapshot_date(ledger: Any, title_date: Any = None) -> pd.Timestamp | None:
    """The date of an open-items snapshot: its title's report date, else its latest document
    date; ``None`` for a ledger with payments (a history, or paid amounts without dates).

    Examples
    --------
    >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount"],
    ...         ["A", "2024-01-01", "2024-01-31", 100.0], ["B", "2024-06-01", "2024-07-01", 5.0]]
    >>> snapshot_date(rows).date(), snapshot_date(rows, "2024-06-30").date()
    (datetime.date(2024, 6, 1), datetime.date(2024, 6, 30))
    """
    led = ensure_ledger(ledger)
    dates = led[s.INVOICE_DATE].dropna()
    if dates.empty:
        return None
    last = pd.Timestamp(dates.max())
    paid = led[s.PAYMENT_DATE].dropna()
    latest = max(last, pd.Timestamp(paid.max()) if not paid.empty else last)
    if ledger_facts(led, max(latest, pd.Timestamp(FIRST_DAY))).kind != "snapshot":
        return None
    return last if title_date is None else as_date(title_date)


def check_snapshot_as_of(ledger: Any, as_of: Any, title_date: Any = None) -> None:
    """Refuse to age an open-items snapshot at a date before its own: the invoices paid since
    that date are missing from it, so the aging would undercount.

    A full history (or paid amounts without dates) is never refused.

    Raises
    ------
    NotEstimableError

    Examples
    --------
    >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount"],
    ...         ["A", "2024-01-01", "2024-01-31", 100.0], ["B", "2024-06-01", "2024-07-01", 5.0]]
    >>> check_snapshot_as_of(rows, "2024-06-30")
    >>> check_snapshot_as_of(rows, "2024-03-31", "2024-06-30")
    Traceback (most recent call last):
    ...
    xl_ar.errors.NotEstimableError: the ledger is an open-items snapshot as of 30/06/2024: an aging at an earlier date would miss the invoices paid since; age it at 30/06/2024 or later
    """
    own = snapshot_date(ledger, title_date)
    if own is None or as_date(as_of) >= own:
        return
    day = own.strftime("%d/%m/%Y")
    why = (
        f"buku piutang adalah daftar saldo terbuka per {day}: umur piutang pada tanggal "
        f"sebelumnya akan melewatkan faktur yang dibayar sesudahnya; hitung per {day} atau "
        "sesudahnya",
        f"the ledger is an open-items snapshot as of {day}: an aging at an earlier date would "
        f"miss the invoices paid since; age it at {day} or later",
    )
    raise NotEstimableError(why[1], why)


def covered_start(ledger: Any, start: Any, freq: str = "month") -> pd.Timestamp:
    """``start``, or the first day of the period of the ledger's first document when later:
    a series never shows periods before the ledger starts as measured zeros.

    Examples
    --------
    >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount"],
    ...         ["A", "2024-03-10", "2024-04-09", 100.0]]
    >>> covered_start(rows, "2023-10-01").date(), covered_start(rows, "2024-05-01").date()
    (datetime.date(2024, 3, 1), datetime.date(2024, 5, 1))
    """
    day = as_date(start)
    dates = ensure_ledger(ledger)[s.INVOICE_DATE].dropna()
    if dates.empty:
        return day
    code = {"month": "M", "week": "W-SUN", "quarter": "Q"}[freq]  # as kpi_series
    first = pd.Timestamp(dates.min()).to_period(code).start_time.normalize()
    return max(day, first)
