"""The collection worklist: one row per customer needing action, most urgent first.

For every customer of a ledger at ``as_of`` (everything vectorised over the ledger; only the
customers of the result are looped over, never the rows):

* **open** — net open AR at ``as_of`` (all open items: disputed items and credit notes
  included, so the column ties to :func:`~xl_ar.core.position.open_items.open_items`);
* **overdue** — the dunning amount: outstanding of the *undisputed* open invoices past due
  (``days_past_due`` ≥ 1). Disputed invoices leave the dunning run (they are settled by their
  own process) but are reported in **disputed** (their open amount);
* **oldest_dpd** — greatest days past due of the undisputed open invoices (negative: the
  next one falls due in that many days);
* **payer_rating** — *good / average / poor / unrated* from the payment history, as the credit
  review rates it (:func:`xl_ar.core.credit.credit_review.credit_review`, default policy);
* **stage**, **channel**, **owner**, **next_action** (Bahasa Indonesia or English) and
  **action_date** (``as_of`` + the stage's ``days_to_act``) from the strategy
  (:mod:`xl_ar.core.collections.strategy`, rules in :func:`~xl_ar.core.collections.strategy.assign_stages`);
* **promise_date**, **promise** — promises to pay (see below);
* **risk** and **priority** — see the formula below. Rows are sorted by priority (highest
  first), then by overdue amount, then by name.

A customer needs action when it has an undisputed open invoice in a stage's band (overdue,
or due within the preventive window) that meets the stage's minimum amount, and is not
paused by a promise.

A customer whose **every overdue invoice is disputed** is not dunned, but its money is
overdue all the same, so it is not dropped: it follows the ranked rows (largest disputed
overdue amount first) with stage ``dispute``, next action *Resolve the dispute: every overdue
invoice is disputed*, owner the AR manager, action date ``as_of``, ``overdue`` 0, the disputed
amount in ``disputed``, ``oldest_dpd`` the oldest days past due of its disputed invoices, and
no priority (a dispute is settled, not ranked for dunning).

A write-off customer whose overdue amount is below
:func:`~xl_ar.core.collections.strategy.final_demand_minimum` gets no final demand letter;
with the default action text its next action says so (*Review for write-off and the loss
allowance (below the minimum amount for a final demand)*).

Promises to pay
---------------
Promises come from a ledger column (header *Promise Date*, *Janji Bayar*, *Tanggal Janji*,
*PTP Date* ...: the latest date on the customer's open items counts) and/or a separate range
(*customer, promise date, optional amount*; a customer listed several times keeps its latest
promise). A promise dated on or after ``as_of`` **pauses** the customer: it is left out of the
worklist until that date. A promise dated before ``as_of`` is accepted: it is **broken** when
an undisputed invoice that was due on or before the promise date is still open (the next
action then says so, the action date is ``as_of`` and the risk is 1), else it was **kept**.

Priority score (0-100)
----------------------
::

    priority = 60 x risk + 20 x amount + 20 x age

* ``risk`` (0-1) — the share of the customer's paid amount that came in more than 15 days
  after the due date (the credit policy's late tolerance; invoices paid in full by
  ``as_of``); 0.5 without payment history; 1 for a broken promise. How a customer has paid
  is the best predictor of whether it will pay without being chased, so it weighs most;
* ``amount`` (0-1) — the customer's overdue amount / the largest overdue amount of the
  worklist;
* ``age`` (0-1) — ``min(oldest_dpd, 180) / 180`` (0 when nothing is overdue; 180 days is
  where the write-off review starts).

The score is rounded to 0.1; the order uses the unrounded score.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.amounts import parse_amounts
from xl_ar.core.base.cells import cell_text, is_blank_value, quote_excerpt
from xl_ar.core.base.columns import LEDGER_HEADERS, find_columns, header_lookup, normalize_header
from xl_ar.core.base.customers import match_customers
from xl_ar.core.base.dates import parse_dates
from xl_ar.core.base.options import as_date, choose
from xl_ar.core.base.tables import is_blank_source, table_rows
from xl_ar.core.collections.activity import (
    broken_counts,
    customer_activity,
    log_promises,
    promise_outcomes,
    read_activity,
)
from xl_ar.core.collections.disputes import disputed_rows
from xl_ar.core.collections.strategy import (
    DEFAULT_ACTIONS,
    FINAL_DEMAND_STAGE,
    assign_stages,
    final_demand_minimum,
    read_strategy,
)
from xl_ar.core.credit.credit_review import credit_review
from xl_ar.core.ledger.currency import require_one_currency
from xl_ar.core.ledger.ledger import ensure_ledger
from xl_ar.core.position.open_items import DEFAULT_TOLERANCE, days_between, open_mask
from xl_ar.errors import XlArError

PROMISES_HINT = "promises: give a range with a header row (Customer | Promise Date)"

__all__ = [
    "ACTIVITY_WORKLIST_COLUMNS",
    "AGE_CAP_DAYS",
    "Assessment",
    "DISPUTE_STAGE",
    "PRIORITY_WEIGHTS",
    "PROMISE_HEADERS",
    "WORKLIST_COLUMNS",
    "assess",
    "ledger_promise_column",
    "priority_score",
    "read_promises",
    "worklist",
]

#: Weights of the priority score (they add up to 100).
PRIORITY_WEIGHTS = {"risk": 60.0, "amount": 20.0, "age": 20.0}
#: Days past due at which the age term of the priority is full.
AGE_CAP_DAYS = 180.0
#: Risk of a customer without payment history.
UNRATED_RISK = 0.5

WORKLIST_COLUMNS = (
    "customer", "open", "overdue", "disputed", "oldest_dpd", "payer_rating", "risk", "stage",
    "channel", "owner", "next_action", "action_date", "promise_date", "promise", "priority",
)  # fmt: skip

#: Columns the worklist adds when an activity log is given (:mod:`.activity`).
ACTIVITY_WORKLIST_COLUMNS = (
    "last_contact", "last_action", "follow_up_date", "follow_up", "broken_promises",
    "stage_history",
)  # fmt: skip
#: The actions (what was done, never its outcome) and follow-up states as the worklist
#: writes them, each language in its own words.
_ACTION_WORDS = {
    "id": {"call": "telepon", "visit": "kunjungan", "email": "surel", "letter": "surat",
           "whatsapp": "pesan WA", "promise": "janji", "dispute": "sengketa",
           "note": "catatan"},
    "en": {"call": "call", "visit": "visit", "email": "e-mail", "letter": "letter",
           "whatsapp": "WhatsApp message", "promise": "promise", "dispute": "dispute",
           "note": "note"},
}  # fmt: skip
_FOLLOW_UP = {"id": ("terlambat", "hari ini", "terjadwal"), "en": ("overdue", "due", "scheduled")}

#: Headers of promise dates (ledger column or promises range) and of the promises range.
PROMISE_HEADERS: dict[str, tuple[str, ...]] = {
    "customer": LEDGER_HEADERS[s.CUSTOMER],
    "promise_date": (
        "promise date", "promise to pay", "promise to pay date", "promised date",
        "promised payment date", "ptp", "ptp date", "janji bayar", "tanggal janji",
        "tgl janji", "tanggal janji bayar", "tgl janji bayar", "janji pembayaran",
        "tanggal janji pembayaran",
    ),
    "amount": (
        "amount", "promised amount", "promise amount", "jumlah", "jumlah janji", "nilai",
        "nominal", "jumlah dijanjikan",
    ),
    "reminder_date": (
        "reminder date", "reminded on", "last reminder", "last reminder date", "contact date",
        "last contact", "tanggal pengingat", "tgl pengingat", "pengingat terakhir",
        "tanggal kontak", "tgl kontak", "tanggal ditagih", "terakhir ditagih",
    ),
}  # fmt: skip
_PROMISE_LOOKUP = header_lookup(PROMISE_HEADERS)

#: Stage of a worklist row whose customer's every overdue invoice is disputed.
DISPUTE_STAGE = "dispute"
#: Channel, owner and next action of such a row.
_DISPUTE_TEXT = {
    "id": ("Telepon + pertemuan", "Manajer AR",
           "Selesaikan sengketa: semua faktur lewat jatuh tempo disengketakan"),
    "en": ("Phone + meeting", "AR manager",
           "Resolve the dispute: every overdue invoice is disputed"),
}  # fmt: skip
#: Next action of a write-off customer below the minimum amount for a final demand.
_REVIEW_ONLY = {
    "id": "Tinjau untuk penghapusan piutang dan cadangan kerugian (di bawah jumlah minimal "
    "untuk tagihan terakhir)",
    "en": "Review for write-off and the loss allowance (below the minimum amount for a final "
    "demand)",
}

_BROKEN_PREFIX = {
    "id": "Janji bayar {date} tidak ditepati: ",
    "en": "Promise to pay of {date} broken: ",
}


# --------------------------------------------------------------------------- promises


def read_promises(source: Any) -> pd.DataFrame:
    """Read a promises range: customer, promise date, optional amount (header row first).

    Parameters
    ----------
    source : row lists, 2-D array, pandas.DataFrame, .csv/.xlsx path or None
        Headers like *Customer | Promise Date | Amount* or *Pelanggan | Tanggal Janji |
        Jumlah*. Dates may be date cells, serials or text (``31/12/2024``, ``31 Des 2024``).
        ``None`` or a blank range gives an empty table.

    Returns
    -------
    pandas.DataFrame
        ``customer`` (str), ``promise_date`` (datetime64), ``amount`` (float, NaN when not
        given), indexed by the row number in the range (header = 1); with a reminder-date
        column also ``reminder_date`` (datetime64; a row with one may have no promise date).

    Examples
    --------
    >>> read_promises([["Pelanggan", "Tanggal Janji", "Jumlah"],
    ...                ["PT Maju", "10/01/2025", "Rp 1.500.000"]]).values.tolist()
    [['PT Maju', Timestamp('2025-01-10 00:00:00'), 1500000.0]]
    >>> read_promises([["Pelanggan", "Tanggal Janji"], ["PT Maju", "besok"]])
    Traceback (most recent call last):
    ...
    xl_ar.errors.XlArError: promises: row 2 'Tanggal Janji': 'besok' is not a date
    """
    empty = pd.DataFrame(
        {
            "customer": pd.Series(dtype=object),
            "promise_date": pd.Series(dtype="datetime64[ns]"),
            "amount": pd.Series(dtype="float64"),
        }
    )
    if is_blank_source(source):
        return empty
    rows = table_rows(source, hint=PROMISES_HINT)
    if not rows:
        return empty
    header = rows[0]
    found = find_columns(header, _PROMISE_LOOKUP)
    if "customer" not in found or "promise_date" not in found:
        listed = ", ".join(quote_excerpt(str(c)) for c in header if not is_blank_value(c)) or "none"
        raise XlArError(
            "promises: no customer and promise date columns (e.g. 'Customer' | 'Promise Date' "
            f"or 'Pelanggan' | 'Tanggal Janji'); headers found: {listed}"
        )
    body = [r + [None] * (len(header) - len(r)) for r in rows[1:]]
    numbers = [i + 2 for i, r in enumerate(body) if not all(map(is_blank_value, r))]
    body = [r for r in body if not all(map(is_blank_value, r))]
    if not body:
        return empty
    index = pd.Index(numbers, name="row")
    names = [cell_text(r[found["customer"]]) for r in body]
    for row, name in zip(numbers, names, strict=True):
        if name is None:
            raise XlArError(f"promises: row {row} has a promise but no customer")
    reminded = _promise_dates(body, numbers, index, header, found.get("reminder_date"))
    parsed = _promise_dates(
        body, numbers, index, header, found["promise_date"], required=True, beside=reminded
    )
    amount = pd.Series(np.nan, index=index)
    if "amount" in found:
        raw = pd.Series([r[found["amount"]] for r in body], index=index, dtype=object)
        money = parse_amounts(raw)
        head = str(header[found["amount"]])
        for row, value, problem in zip(numbers, raw, money.problems, strict=True):
            if problem is not None:
                raise XlArError(
                    f"promises: row {row} {quote_excerpt(head)}: {quote_excerpt(value)} {problem}"
                )
        amount = money.values.astype("float64")
    assert parsed is not None  # a required column is always read
    out = pd.DataFrame(
        {"customer": names, "promise_date": parsed.astype("datetime64[ns]"),
         "amount": amount.to_numpy()},
        index=index,
    )  # fmt: skip
    if reminded is not None:
        out["reminder_date"] = reminded.astype("datetime64[ns]")
    return out


def _promise_dates(
    body: list[list[Any]],
    numbers: list[int],
    index: pd.Index,
    header: list[Any],
    at: int | None,
    *,
    required: bool = False,
    beside: pd.Series | None = None,
) -> pd.Series | None:
    """A date column of the promises range (None without one); a ``required`` one may be
    blank only where ``beside`` (the reminder dates) has a date."""
    if at is None:
        return None
    raw = pd.Series([r[at] for r in body], index=index, dtype=object)
    parsed = parse_dates(raw)
    where = str(header[at])
    for row, value, problem in zip(numbers, raw, parsed.problems, strict=True):
        if problem is not None:
            raise XlArError(
                f"promises: row {row} {quote_excerpt(where)}: {quote_excerpt(value)} {problem}"
            )
    if required:
        blank = parsed.values.isna()
        if beside is not None:
            blank &= beside.isna()
        if blank.any():
            row = numbers[int(np.flatnonzero(blank.to_numpy())[0])]
            raise XlArError(
                f"promises: row {row} {quote_excerpt(where)} is blank: give the promised date"
            )
    return parsed.values


def ledger_promise_column(ledger: pd.DataFrame) -> str | None:
    """The name of the ledger's promise-date column, or ``None``.

    Examples
    --------
    >>> ledger_promise_column(pd.DataFrame(columns=["customer", "Janji Bayar"]))
    'Janji Bayar'
    """
    for col in ledger.columns:
        if col in s.CANONICAL:
            continue
        if _PROMISE_LOOKUP.get(normalize_header(col)) == "promise_date":
            return str(col)
    return None


def _ledger_promises(led: pd.DataFrame) -> np.ndarray | None:
    col = ledger_promise_column(led)
    if col is None:
        return None
    values = led[col]
    if pd.api.types.is_datetime64_any_dtype(values):
        return values.to_numpy(dtype="datetime64[ns]")
    parsed = parse_dates(values)
    bad = parsed.problems.notna().to_numpy()
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise XlArError(
            f"row {led.index[i]} {quote_excerpt(col)}: {quote_excerpt(values.iloc[i])} {parsed.problems.iloc[i]}"
        )
    return parsed.values.to_numpy(dtype="datetime64[ns]")


# --------------------------------------------------------------------------- assessment


def priority_score(risk: Any, overdue: Any, oldest_dpd: Any) -> np.ndarray:
    """``60 x risk + 20 x overdue / max(overdue) + 20 x min(oldest_dpd, 180) / 180``.

    Parameters
    ----------
    risk : array-like
        0-1 per customer (see the module docstring).
    overdue : array-like
        Overdue (dunning) amount per customer; the largest scores the full 20.
    oldest_dpd : array-like
        Oldest days past due per customer (negative or 0: nothing overdue, age 0).

    Examples
    --------
    >>> priority_score([1.0, 0.0, 0.5], [100.0, 50.0, 0.0], [200.0, 90.0, -3.0]).tolist()
    [100.0, 20.0, 30.0]
    """
    risk = np.asarray(risk, dtype=float)
    overdue = np.asarray(overdue, dtype=float)
    top = overdue.max() if overdue.size else 0.0
    amount = overdue / top if top > 0 else np.zeros_like(overdue)
    age = np.clip(np.asarray(oldest_dpd, dtype=float), 0.0, AGE_CAP_DAYS) / AGE_CAP_DAYS
    w = PRIORITY_WEIGHTS
    return w["risk"] * risk + w["amount"] * amount + w["age"] * age


@dataclass
class Assessment:
    """Everything the worklist and the letters share, computed once per ledger and date.

    ``customers`` has one row per ledger customer (position = customer code) with the
    worklist columns and ``stage_pos`` (-1 = no stage), ``paused``, ``promised_amount``,
    ``reminder_date`` (latest reminder on record before ``as_of``) and the English
    ``channel_en``/``owner_en``;
    ``codes`` maps ledger rows to those positions (-1 for rows without a customer).
    """

    ledger: pd.DataFrame
    as_of: pd.Timestamp
    strategy: pd.DataFrame
    codes: np.ndarray
    keep: np.ndarray
    outstanding: np.ndarray
    dpd: np.ndarray
    dun: np.ndarray
    customers: pd.DataFrame
    tolerance: float
    notes: tuple[tuple[str, str], ...] = ()
    has_activity: bool = False

    def needs_action(self) -> np.ndarray:
        """Customers (positions) in the worklist."""
        c = self.customers
        return ((c["stage_pos"] >= 0) & ~c["paused"]).to_numpy()

    def all_disputed(self) -> np.ndarray:
        """Customers (positions) out of the worklist, not paused, whose every overdue
        invoice is disputed: disputed overdue money and no undisputed overdue money."""
        c = self.customers
        return (
            ~self.needs_action()
            & ~c["paused"].to_numpy(dtype=bool)
            & (c["overdue"].to_numpy() <= self.tolerance)
            & (c["overdue_disputed"].to_numpy() > self.tolerance)
        )

    def ordered(self) -> pd.DataFrame:
        """The worklist customers, highest priority first, with their position ``pos``."""
        c = self.customers.assign(pos=np.arange(len(self.customers)))[self.needs_action()]
        return c.sort_values(
            ["priority", "overdue", "customer"], ascending=[False, False, True], kind="mergesort"
        )

    def find(self, customer: object) -> int:
        """Position of a customer, matched by key (:mod:`xl_ar.core.base.customers`)."""
        text = cell_text(customer)
        if text is None:
            raise XlArError("customer is blank: give a customer name as in the ledger")
        hit = int(match_customers([text], self.customers["customer"])[0])
        if hit >= 0:
            return hit
        close = difflib.get_close_matches(text, list(self.customers["customer"]), n=1)
        hint = f" (did you mean {quote_excerpt(close[0])}?)" if close else ""
        raise XlArError(f"customer {quote_excerpt(text)} is not in the ledger{hint}")


def assess(
    ledger: Any,
    as_of: Any,
    *,
    strategy: Any = None,
    promises: Any = None,
    tolerance: float = DEFAULT_TOLERANCE,
    activity: Any = None,
    disputes: Any = None,
) -> Assessment:
    """Per-customer amounts, stage, promise status, rating and priority (see the module).

    ``activity`` (an activity log, or a tuple of logs: :func:`~.activity.read_activity`)
    adds its promises to the promises table's, its last written reminder to the table's
    *Reminder Date* column, and per customer ``last_contact``, ``last_action``,
    ``follow_up_date``, ``stage_history`` and ``broken_promises`` (log and table promises
    dated before ``as_of`` whose amount was not paid by their date). ``disputes`` (a dispute
    log, :func:`~.disputes.read_disputes`) marks the invoices of the disputes open at
    ``as_of`` disputed, for this assessment only. Notes on log rows left out are in
    ``notes``.

    Examples
    --------
    >>> led = [["Customer", "Invoice Date", "Due Date", "Amount"],
    ...        ["A", "2024-11-01", "2024-11-30", 100.0]]
    >>> a = assess(led, "2024-12-31")
    >>> a.customers[["customer", "overdue", "oldest_dpd", "stage", "paused"]].values.tolist()
    [['A', 100.0, 31.0, 'overdue', False]]
    """
    led = ensure_ledger(ledger)
    require_one_currency(led, "the collections worklist")
    day = as_date(as_of)
    st = read_strategy(strategy)
    promise_table = read_promises(promises)
    ledger_dates = _ledger_promises(led)
    notes: list[tuple[str, str]] = []
    as_read = led  # the payer rating is analysis: the dispute log does not change it
    if disputes is not None:
        in_dispute_log, found = disputed_rows(led, disputes, day)
        notes.extend(found)
        if in_dispute_log.any():  # for dunning only: the analysis never reads the dispute log
            led = led.copy()
            led[s.DISPUTED] = led[s.DISPUTED].to_numpy(dtype=bool) | in_dispute_log

    codes, uniques = pd.factorize(led[s.CUSTOMER], use_na_sentinel=True)
    names = pd.Series(np.asarray(uniques, dtype=object), dtype=object)
    n = len(names)
    has = codes >= 0
    group = np.where(has, codes, n)  # rows without a customer go to a spare bin

    def total(weights: np.ndarray, mask: np.ndarray) -> np.ndarray:
        return np.bincount(group, weights=np.where(mask, weights, 0.0), minlength=n + 1)[:n]

    keep, outstanding = open_mask(led, day, tolerance=tolerance)
    dpd = days_between(led[s.DUE_DATE], day)
    disputed = led[s.DISPUTED].to_numpy(dtype=bool)
    dun = keep & ~disputed & (outstanding > tolerance) & has
    open_ar = total(outstanding, keep)
    overdue = total(outstanding, dun & (dpd >= 1))
    disputed_ar = total(outstanding, keep & disputed)
    in_dispute = keep & disputed & has & (outstanding > tolerance) & (dpd >= 1)
    overdue_disputed = total(outstanding, in_dispute)
    oldest_disputed = (
        pd.Series(dpd[in_dispute]).groupby(codes[in_dispute]).max().reindex(range(n))
    ).to_numpy(dtype=float)
    first_min = float(st["min_dpd"].iloc[0])
    due_soon = total(outstanding, dun & (dpd >= first_min) & (dpd <= 0))
    oldest = pd.Series(dpd[dun]).groupby(codes[dun]).max().reindex(range(n)).to_numpy(dtype=float)

    view, given, made = None, promise_table, pd.DataFrame()
    if activity is not None:
        sources = activity if isinstance(activity, tuple) else (activity,)
        view = customer_activity(read_activity(*sources), names, day)
        notes.extend(view.notes)
        made = log_promises(view)
        promise_table = pd.concat(
            [promise_table, made[["customer", "promise_date", "amount"]]]
        ) if len(made) else promise_table  # fmt: skip
    promise = _customer_promises(led, keep & has, codes, names, ledger_dates, promise_table, n)
    promise_date, promised_amount = promise
    pdate = promise_date.to_numpy(dtype="datetime64[ns]")
    day64 = day.to_datetime64()
    has_promise = ~np.isnat(pdate)
    paused = has_promise & (pdate >= day64)
    past = has_promise & (pdate < day64)
    row_promise = np.where(has, pdate[np.where(has, codes, 0)], np.datetime64("NaT"))
    covered = dun & (led[s.DUE_DATE].to_numpy() <= row_promise)  # NaT compares False
    broken = past & (np.bincount(group, weights=covered.astype(float), minlength=n + 1)[:n] > 0)
    broken_count = np.zeros(n)
    if view is not None:  # a log promise says what it covers: judged by what was paid by then
        record = _promise_record(led, codes, names, day, given, made, tolerance)
        broken_count = broken_counts(record["outcome"].to_numpy(), record["pos"].to_numpy(), n)
        latest = record[record["made"].notna()]
        latest = latest[latest["promise_date"].to_numpy() == pdate[latest["pos"].to_numpy()]]
        latest = latest.groupby("pos")["outcome"].last()
        at = latest.index.to_numpy(dtype=int)
        broken[at] = past[at] & (latest.to_numpy() == "broken")
    status = np.select([paused, broken, past], ["paused", "broken", "kept"], default="")

    rating, late_share = _ratings(as_read, day, names, tolerance)
    risk = np.where(np.isnan(late_share), UNRATED_RISK, late_share)
    risk = np.where(broken, 1.0, risk)

    stage_pos = assign_stages(st, oldest, overdue, due_soon)
    pick = np.maximum(stage_pos, 0)
    staged = stage_pos >= 0

    def from_strategy(col: str) -> np.ndarray:
        values = st[col].to_numpy(dtype=object)[pick]
        return np.where(staged, values, None)  # type: ignore[return-value]

    days_to_act = st["days_to_act"].to_numpy(dtype=float)[pick]
    action_date = day + pd.to_timedelta(np.where(broken, 0.0, days_to_act), unit="D")
    action_date = pd.Series(action_date).where(staged)

    in_list = staged & ~paused
    score = np.full(n, np.nan)
    if in_list.any():
        score[in_list] = priority_score(risk[in_list], overdue[in_list], oldest[in_list])
    customers = pd.DataFrame(
        {
            "customer": names,
            "open": open_ar,
            "overdue": overdue,
            "disputed": disputed_ar,
            "oldest_dpd": oldest,
            "payer_rating": rating,
            "risk": risk,
            "stage": from_strategy("stage"),
            "channel": from_strategy("channel"),
            "owner": from_strategy("owner"),
            "channel_en": from_strategy("channel_en"),
            "owner_en": from_strategy("owner_en"),
            "action_id": from_strategy("action_id"),
            "action_en": from_strategy("action_en"),
            "action_date": action_date.to_numpy(dtype="datetime64[ns]"),
            "promise_date": pdate,
            "promise": status,
            "priority": score,
            "stage_pos": stage_pos,
            "paused": paused,
            "promised_amount": promised_amount,
            "reminder_date": _reminders(promise_table, names, day, n),
            "last_contact": np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]"),
            "last_action": np.full(n, None, dtype=object),
            "follow_up_date": np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]"),
            "broken_promises": broken_count,
            "stage_history": np.full(n, "", dtype=object),
            "overdue_disputed": overdue_disputed,
            "oldest_disputed_dpd": oldest_disputed,
        }
    )
    if view is not None:
        _with_activity(customers, view)
    return Assessment(
        led, day, st, codes, keep, outstanding, dpd, dun, customers, tolerance, tuple(notes),
        view is not None,
    )  # fmt: skip


def _with_activity(customers: pd.DataFrame, view: Any) -> None:
    """The log's columns of the assessment (in place): contacts, reminders, stages."""
    c = view.customers
    customers["last_contact"] = c["last_contact"].to_numpy(dtype="datetime64[ns]")
    customers["last_action"] = c["last_action"].to_numpy(dtype=object)
    customers["follow_up_date"] = c["follow_up_date"].to_numpy(dtype="datetime64[ns]")
    customers["stage_history"] = c["stage_history"].to_numpy(dtype=object)
    old = customers["reminder_date"].to_numpy(dtype="datetime64[ns]")
    new = c["reminder_date"].to_numpy(dtype="datetime64[ns]")
    customers["reminder_date"] = np.where(np.isnat(old) | (new > old), new, old)


def _promise_record(
    led: pd.DataFrame,
    codes: np.ndarray,
    names: pd.Series,
    day: pd.Timestamp,
    table: pd.DataFrame,
    made: pd.DataFrame,
    tolerance: float,
) -> pd.DataFrame:
    """Every promise of the log and the promises table (one per customer and date, the log's
    first) with its ``outcome`` (:func:`~.activity.promise_outcomes`)."""
    dated = table[table["promise_date"].notna()]
    at = np.asarray(match_customers(dated["customer"], names), dtype=int)
    every = pd.concat(
        [
            made[["pos", "made", "promise_date", "amount", "invoice"]],
            pd.DataFrame({"pos": at, "made": pd.NaT, "promise_date": dated["promise_date"]
                          .to_numpy(dtype="datetime64[ns]"), "amount": dated["amount"]
                          .to_numpy(dtype=float), "invoice": None}),
        ],
        ignore_index=True,
    ).drop_duplicates(["pos", "promise_date"])  # fmt: skip
    every = every[every["pos"] >= 0].astype({"made": "datetime64[ns]"})
    outcome = promise_outcomes(led, codes, every, day, tolerance=tolerance)
    return every.assign(outcome=outcome)


def _customer_promises(
    led: pd.DataFrame,
    open_rows: np.ndarray,
    codes: np.ndarray,
    names: pd.Series,
    ledger_dates: np.ndarray | None,
    table: pd.DataFrame,
    n: int,
) -> tuple[pd.Series, np.ndarray]:
    """Latest promise date and its amount per customer (ledger column and range combined)."""
    latest = pd.Series(pd.NaT, index=range(n), dtype="datetime64[ns]")
    amount = np.full(n, np.nan)
    if ledger_dates is not None:
        rows = open_rows & ~np.isnat(ledger_dates)
        if rows.any():
            got = pd.Series(ledger_dates[rows]).groupby(codes[rows]).max()
            latest.loc[got.index] = got.to_numpy()
    if not table.empty:
        found = match_customers(table["customer"], names).tolist()
        for row, name, date, value, pos in zip(
            table.index,
            table["customer"],
            table["promise_date"],
            table["amount"],
            found,
            strict=True,
        ):
            if pos < 0:
                close = difflib.get_close_matches(name, list(names), n=1)
                hint = f" (did you mean {quote_excerpt(close[0])}?)" if close else ""
                raise XlArError(
                    f"promises: row {row} customer {quote_excerpt(name)} is not in the ledger{hint}"
                )
            if pd.isna(date):  # a reminder without a promise
                continue
            current = latest.iloc[pos]
            if pd.isna(current) or date > current:
                latest.iloc[pos], amount[pos] = date, value
            elif date == current and not np.isnan(value):
                amount[pos] = value
    return latest, amount


def _reminders(table: pd.DataFrame, names: pd.Series, day: pd.Timestamp, n: int) -> np.ndarray:
    """Latest reminder date before ``day`` per customer (NaT: no reminder on record)."""
    out = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    if table.empty or "reminder_date" not in table:
        return out
    at = np.asarray(match_customers(table["customer"], names))
    dates = table["reminder_date"].to_numpy(dtype="datetime64[ns]")
    ok = (at >= 0) & ~np.isnat(dates) & (dates < day.to_datetime64())
    if ok.any():
        latest = pd.Series(dates[ok]).groupby(at[ok]).max()
        out[latest.index.to_numpy()] = latest.to_numpy()
    return out


def _ratings(
    led: pd.DataFrame, day: pd.Timestamp, names: pd.Series, tolerance: float
) -> tuple[np.ndarray, np.ndarray]:
    """Payer rating and share paid late per customer, from the credit review (default policy)."""
    review = credit_review([["Customer", "Credit Limit"]], led, day, tolerance=tolerance)
    at = match_customers(names, review["customer"])  # -1 (not in the review) picks the fill
    rating = np.append(review["payer_rating"].to_numpy(dtype=object), "unrated")[at]
    late = np.append(review["share_paid_late"].to_numpy(dtype=float), np.nan)[at]
    return rating, late


# --------------------------------------------------------------------------- the worklist


def worklist(
    ledger: Any,
    as_of: Any,
    *,
    strategy: Any = None,
    promises: Any = None,
    lang: str = "id",
    tolerance: float = DEFAULT_TOLERANCE,
    activity: Any = None,
    disputes: Any = None,
) -> pd.DataFrame:
    """The collection worklist at ``as_of``: one row per customer needing action.

    Parameters
    ----------
    ledger : canonical ledger or anything :func:`~xl_ar.core.ledger.ledger.read_ledger` reads
        May carry a promise-date column (*Promise Date*, *Janji Bayar*, *Tanggal Janji*).
    as_of : date-like
    strategy : strategy range or DataFrame, optional
        See :func:`xl_ar.core.collections.strategy.read_strategy`; default :data:`DEFAULT_STRATEGY`.
    promises : promises range or DataFrame, optional
        See :func:`read_promises`.
    lang : {'id', 'en'}, default 'id'
        Language of ``channel``, ``owner`` and ``next_action`` (the stage stays its key).
    tolerance : float, default 0.005
        Money within this of zero counts as zero.
    activity : activity log or tuple of logs, optional
        :func:`~xl_ar.core.collections.activity.read_activity`: adds
        :data:`ACTIVITY_WORKLIST_COLUMNS` — ``last_contact`` (date), ``last_action``,
        ``follow_up_date`` (the log's next-action date), ``follow_up`` (*overdue*, *due* or
        *scheduled* at ``as_of``), ``broken_promises`` (count) and ``stage_history``; its
        promises pause and break as the promises table's do (see :func:`assess`).
    disputes : dispute log, optional
        :func:`~xl_ar.core.collections.disputes.read_disputes`: the invoices of disputes open
        at ``as_of`` leave dunning (see :func:`assess`).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`WORKLIST_COLUMNS` (see the module docstring), highest priority first;
        ``attrs["notes"]``: (Indonesian, English) lines on log rows left out.

    Examples
    --------
    >>> led = [["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Disputed"],
    ...        ["PT Maju", "F-1", "2024-10-01", "2024-10-31", 500.0, "no"],
    ...        ["PT Maju", "F-2", "2024-10-05", "2024-11-04", 200.0, "yes"],
    ...        ["CV Baru", "F-3", "2024-12-01", "2024-12-26", 300.0, "no"]]
    >>> wl = worklist(led, "2024-12-31", lang="en")
    >>> wl[["customer", "overdue", "disputed", "oldest_dpd", "stage", "priority"]].values.tolist()
    [['PT Maju', 500.0, 200.0, 61.0, 'escalation', 56.8], ['CV Baru', 300.0, 0.0, 5.0, 'early', 42.6]]
    >>> wl.loc[0, ["owner", "next_action"]].tolist()
    ['AR manager', 'Send a payment demand letter; consider holding new orders; visit the customer']
    """
    lang = choose(lang, ("id", "en"), "lang", "id")
    got = assess(
        ledger, as_of, strategy=strategy, promises=promises, tolerance=tolerance,
        activity=activity, disputes=disputes,
    )  # fmt: skip
    c = got.ordered()
    action = c[f"action_{lang}"].astype(object)
    broken = c["promise"].eq("broken").to_numpy()
    if broken.any():
        prefix = [
            _BROKEN_PREFIX[lang].format(date=pd.Timestamp(d).date().isoformat())
            for d in c.loc[broken, "promise_date"]
        ]
        action[broken] = [p + a for p, a in zip(prefix, action[broken], strict=True)]
    small = (
        c["stage"].eq(FINAL_DEMAND_STAGE).to_numpy()
        & (c["overdue"].to_numpy() < final_demand_minimum(got.strategy) - got.tolerance)
        & action.eq(DEFAULT_ACTIONS[FINAL_DEMAND_STAGE][lang == "en"]).to_numpy()
    )
    action[small] = _REVIEW_ONLY[lang]
    c["next_action"] = action
    if lang == "en":
        c["channel"], c["owner"] = c["channel_en"], c["owner_en"]
    c["priority"] = c["priority"].round(1)
    c["risk"] = c["risk"].round(3)
    columns = list(WORKLIST_COLUMNS)
    table = c[columns + ["pos"]]
    disputed = _dispute_rows(got, lang)
    if not disputed.empty:
        table = pd.concat([table, disputed]) if len(table) else disputed
    table = table.reset_index(drop=True)
    if got.has_activity:
        table = _activity_columns(table, got, lang)
        columns += list(ACTIVITY_WORKLIST_COLUMNS)
    table = table[columns]
    table.attrs["notes"] = got.notes
    return table


def _activity_columns(table: pd.DataFrame, got: Assessment, lang: str) -> pd.DataFrame:
    """The worklist with the activity log's columns, from the customers' positions."""
    c = got.customers.iloc[table["pos"].to_numpy(dtype=int)]
    follow = c["follow_up_date"].to_numpy(dtype="datetime64[ns]")
    day = got.as_of.to_datetime64()
    words = _FOLLOW_UP[lang]
    state = np.select([follow < day, follow == day, follow > day], list(words), default="")
    actions = _ACTION_WORDS[lang]
    return table.assign(
        last_contact=c["last_contact"].to_numpy(dtype="datetime64[ns]"),
        last_action=[actions.get(a, "") if isinstance(a, str) else "" for a in c["last_action"]],
        follow_up_date=follow,
        follow_up=np.where(np.isnat(follow), "", state),
        broken_promises=c["broken_promises"].to_numpy(dtype=float).astype(int),
        stage_history=c["stage_history"].to_numpy(dtype=object),
    )


def _dispute_rows(got: Assessment, lang: str) -> pd.DataFrame:
    """The worklist rows of customers whose every overdue invoice is disputed."""
    c = got.customers[got.all_disputed()].sort_values(
        ["overdue_disputed", "customer"], ascending=[False, True], kind="mergesort"
    )
    channel, owner, action = _DISPUTE_TEXT[lang]
    return pd.DataFrame(
        {
            "customer": c["customer"].to_numpy(dtype=object),
            "open": c["open"].to_numpy(dtype=float),
            "overdue": c["overdue"].to_numpy(dtype=float),
            "disputed": c["disputed"].to_numpy(dtype=float),
            "oldest_dpd": c["oldest_disputed_dpd"].to_numpy(dtype=float),
            "payer_rating": c["payer_rating"].to_numpy(dtype=object),
            "risk": c["risk"].to_numpy(dtype=float).round(3),
            "stage": DISPUTE_STAGE,
            "channel": channel,
            "owner": owner,
            "next_action": action,
            "action_date": np.full(len(c), got.as_of.to_datetime64(), dtype="datetime64[ns]"),
            "promise_date": c["promise_date"].to_numpy(dtype="datetime64[ns]"),
            "promise": c["promise"].to_numpy(dtype=object),
            "priority": np.nan,
            "pos": c.index.to_numpy(dtype=int),  # customers are indexed by position
        },
        columns=[*WORKLIST_COLUMNS, "pos"],
    )
