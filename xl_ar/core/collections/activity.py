"""The collection activity log: calls, visits, e-mails, letters, WhatsApp, promises, disputes.

A log is a table with a header row (a sheet ``Aktivitas``/``Activity``/``Log Penagihan``, a
csv, a range), Indonesian or English headers (:data:`ACTIVITY_HEADERS`): *Tanggal/Date,
Pelanggan/Customer, Faktur/Invoice* (``semua``/``all``/blank = every invoice),
*Tindakan/Action* (:data:`ACTION_WORDS`: ``telepon``/``call``, ``kunjungan``/``visit``,
``email``/``surel``, ``surat``/``letter``, ``whatsapp``/``wa``, ``janji``/``promise``,
``sengketa``/``dispute``, ``catatan``/``note``), *Hasil/Outcome, Tanggal Janji/Promise Date,
Jumlah Janji/Promise Amount, Kolektor/Collector, Tindakan Berikutnya/Next Action Date,
Catatan/Note*. xl-ar's own log, ``xl_ar_activity.csv`` (the letters and e-mails it sent), has
the header :data:`XL_AR_LOG_HEADER` and a note ``"<kind>:<stage>; <file>"``
(``letter:reminder_2; surat_PT_Maju_2024-12-31.pdf``): :func:`read_activity` reads any number
of logs at once and parses that note into ``kind`` and ``stage``. xl-ar never writes to a
user's log.

What the log feeds (:func:`customer_activity`, :func:`promise_outcomes`,
:func:`collector_productivity`), always at an ``as_of`` date (nothing reads today's date):
rows dated after ``as_of`` are ignored with a note; rows of a customer the ledger does not
know are reported in a note (matched by :func:`~xl_ar.core.base.customers.customer_key`),
never dropped silently.

* **last contact** — the latest row that is not a note (date and action);
* **follow-up** — the next-action date of the latest row that gives one: *overdue* before
  ``as_of``, *due* on it, *later* after it;
* **reminder** — the latest letter, e-mail or WhatsApp row dated before ``as_of`` of a
  user's log; of xl-ar's own log (its exact header row, :data:`XL_AR_LOG_HEADER`) only the
  rows of kind ``letter`` (a statement or a balance confirmation it sent is a contact, no
  reminder to pay): the letters refer to it (``{reminder_block}``); the promises table's old
  *Reminder Date* column still counts;
* **stage history** — xl-ar's rows with a stage, oldest first: ``reminder_1 12/11 →
  reminder_2 26/11``;
* **promises** — a ``promise`` row with a promise date is a promise to pay, made on the row's
  date. It pauses and breaks the worklist as a row of the promises table does. A promise
  dated before ``as_of`` is **kept** when the ledger shows the promised amount paid by the
  promise date (payments dated from the day it was made through the promise date; a row of
  the promises table has no such day: the :data:`PROMISE_WINDOW_DAYS` days up to the
  promise date count). Without an amount, a promise covering one invoice is kept when that
  invoice is settled at the promise date, one covering every invoice when no undisputed
  invoice due by the promise date is open at it. Else it is **broken**.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.amounts import parse_amounts
from xl_ar.core.base.cells import cell_text, is_blank_value, quote_excerpt
from xl_ar.core.base.columns import LEDGER_HEADERS, find_columns, header_lookup, normalize_header
from xl_ar.core.base.customers import customer_key, match_customers
from xl_ar.core.base.dates import parse_dates
from xl_ar.core.base.options import as_date
from xl_ar.core.base.tables import is_blank_source, is_table_file, table_rows
from xl_ar.core.ledger.ledger import ensure_ledger
from xl_ar.core.position.open_items import DEFAULT_TOLERANCE, outstanding_on
from xl_ar.errors import XlArError

__all__ = [
    "ACTIONS",
    "ACTION_WORDS",
    "ACTIVITY_COLUMNS",
    "ACTIVITY_HEADERS",
    "ActivityView",
    "PROMISE_WINDOW_DAYS",
    "XL_AR_LOG_HEADER",
    "XL_AR_LOG_NAME",
    "collector_productivity",
    "customer_activity",
    "log_promises",
    "promise_outcomes",
    "read_activity",
]

#: The actions of a log, canonical (English) names.
ACTIONS = ("call", "visit", "email", "letter", "whatsapp", "promise", "dispute", "note")
#: The canonical columns of :func:`read_activity` (then ``kind``, ``stage``, ``where``, ``own``).
ACTIVITY_COLUMNS = (
    "date", "customer", "invoice", "action", "outcome", "promise_date", "promise_amount",
    "collector", "next_action_date", "note",
)  # fmt: skip
#: The header row of xl-ar's own log, and its file name.
XL_AR_LOG_HEADER = (
    "Date", "Customer", "Invoice", "Action", "Outcome", "Promise Date", "Promise Amount",
    "Collector", "Next Action Date", "Note",
)  # fmt: skip
XL_AR_LOG_NAME = "xl_ar_activity.csv"
#: Days up to its promise date in which a promises-table promise (no day made) may be paid.
PROMISE_WINDOW_DAYS = 30
#: Actions that remind the customer in writing (the letters' ``{reminder_block}``).
REMINDER_ACTIONS = ("letter", "email", "whatsapp")
#: Kinds of xl-ar's own rows that are no reminder to pay (in a user's log too).
NOT_REMINDERS = ("statement", "confirmation", "balance_confirmation")
#: The only kind of xl-ar's own rows that is a reminder to pay.
REMINDER_KIND = "letter"
#: ``kind`` of a row of xl-ar's own log whose note names no kind.
_OWN_UNNAMED = "document"

#: Headers of a log, English and Indonesian.
ACTIVITY_HEADERS: dict[str, tuple[str, ...]] = {
    "date": ("date", "tanggal", "tgl", "contact date", "tanggal kontak", "tanggal aktivitas",
             "activity date", "tanggal tindakan"),
    "customer": LEDGER_HEADERS[s.CUSTOMER],
    "invoice": ("invoice", "invoice no", "invoice number", "faktur", "no faktur",
                "nomor faktur", "invoices", "no invoice"),
    "action": ("action", "tindakan", "activity", "aktivitas", "kegiatan", "type", "jenis",
               "action type", "jenis tindakan", "channel", "saluran"),
    "outcome": ("outcome", "result", "hasil", "response", "tanggapan", "respon"),
    "promise_date": ("promise date", "tanggal janji", "tgl janji", "janji bayar",
                     "tanggal janji bayar", "ptp date", "promised date"),
    "promise_amount": ("promise amount", "promised amount", "jumlah janji", "nilai janji",
                       "jumlah dijanjikan", "ptp amount"),
    "collector": ("collector", "kolektor", "penagih", "petugas", "collected by", "staff",
                  "pic penagihan"),
    "next_action_date": ("next action date", "next action", "tindakan berikutnya",
                         "tanggal tindakan berikutnya", "follow up", "follow up date",
                         "tindak lanjut", "tanggal tindak lanjut"),
    "note": ("note", "notes", "catatan", "keterangan", "remarks", "memo", "komentar"),
}  # fmt: skip
_LOOKUP = header_lookup(ACTIVITY_HEADERS)

#: Words for each action (normalised as headers are: case, spaces and punctuation ignored).
ACTION_WORDS: dict[str, tuple[str, ...]] = {
    "call": ("call", "phone", "phone call", "telepon", "telpon", "telp", "tlp", "panggilan",
             "ditelepon"),
    "visit": ("visit", "kunjungan", "kunjung", "visit customer", "datang"),
    "email": ("email", "e-mail", "surel", "mail"),
    "letter": ("letter", "surat", "surat tagihan", "somasi"),
    "whatsapp": ("whatsapp", "wa", "whats app", "pesan wa"),
    "promise": ("promise", "janji", "janji bayar", "ptp", "promise to pay"),
    "dispute": ("dispute", "sengketa", "komplain", "complaint", "keberatan"),
    "note": ("note", "catatan", "memo", "info"),
}  # fmt: skip
_ACTION = header_lookup(ACTION_WORDS)
_ENGLISH_AMOUNT_HEADERS = {"promiseamount", "promisedamount", "ptpamount", "amount",
                           "disputedamount"}  # fmt: skip
_ALL_INVOICES = {"semua", "all", "semuafaktur", "allinvoices", "*", "-"}
_XL_AR_NOTE = re.compile(r"^\s*([A-Za-z_]+):([^;\s]+)\s*(?:;|$)")
#: xl-ar's own note: ``<kind>[:<stage>]; <file>`` (``statement; rekening_PT_Maju.pdf``).
_OWN_NOTE = re.compile(r"^\s*([A-Za-z_]+)(?::([^;\s]+))?\s*(?:;|$)")

HINT = "activity log: give a table with a header row (Tanggal | Pelanggan | Tindakan ...)"


# --------------------------------------------------------------------------- reading


def _empty() -> pd.DataFrame:
    dates = pd.Series(dtype="datetime64[ns]")
    return pd.DataFrame(
        {
            "date": dates, "customer": pd.Series(dtype=object),
            "invoice": pd.Series(dtype=object), "action": pd.Series(dtype=object),
            "outcome": pd.Series(dtype=object), "promise_date": dates.copy(),
            "promise_amount": pd.Series(dtype="float64"), "collector": pd.Series(dtype=object),
            "next_action_date": dates.copy(), "note": pd.Series(dtype=object),
            "kind": pd.Series(dtype=object), "stage": pd.Series(dtype=object),
            "where": pd.Series(dtype=object), "own": pd.Series(dtype=bool),
        }
    )  # fmt: skip


def read_activity(*sources: Any) -> pd.DataFrame:
    """Read one or more activity logs into one table (see the module docstring).

    Parameters
    ----------
    *sources : row lists, 2-D array, DataFrame, .csv/.xlsx path or None
        Each a log with a header row; ``None`` and blank ones are skipped. A table this
        function returned passes through.

    Returns
    -------
    pandas.DataFrame
        :data:`ACTIVITY_COLUMNS` (``invoice`` NA = every invoice; ``action`` one of
        :data:`ACTIONS`), then ``kind`` and ``stage`` (from an xl-ar note, else NA),
        ``where`` (source and row, for messages) and ``own`` (True: a row of xl-ar's own log,
        :data:`XL_AR_LOG_HEADER`); sorted by date (stable).

    Examples
    --------
    >>> log = read_activity([["Tanggal", "Pelanggan", "Faktur", "Tindakan", "Catatan"],
    ...                      ["12/11/2024", "PT Maju", "semua", "Telepon", "janji minggu depan"]])
    >>> log.loc[0, ["date", "customer", "action"]].tolist(), pd.isna(log.loc[0, "invoice"])
    ([Timestamp('2024-11-12 00:00:00'), 'PT Maju', 'call'], True)
    >>> read_activity([["Date", "Customer", "Action", "Note"],
    ...     ["2024-11-26", "PT Maju", "letter", "letter:reminder_2; surat.pdf"]]).loc[0, "stage"]
    'reminder_2'
    >>> read_activity([["Tanggal", "Pelanggan", "Tindakan"], ["12/11/2024", "PT Maju", "fax"]])
    Traceback (most recent call last):
    ...
    xl_ar.errors.XlArError: activity log row 2 'Tindakan': 'fax' is not an action (call, visit, email, letter, whatsapp, promise, dispute, note or their Indonesian words)
    """
    frames = [_read_one(src, n, len(sources)) for n, src in enumerate(sources, start=1)]
    frames = [f for f in frames if not f.empty]
    if not frames:
        return _empty()
    out = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    return out.sort_values("date", kind="mergesort").reset_index(drop=True)


def _is_read(source: Any) -> bool:
    return isinstance(source, pd.DataFrame) and set(_empty().columns) <= set(source.columns)


def _label(source: Any, number: int, count: int) -> str:
    if is_table_file(source):
        return f"{Path(source).name} "
    return f"log {number} " if count > 1 else ""


def read_log_table(
    source: Any, headers: dict[str, str], what: str, hint: str, required: tuple[str, ...]
) -> tuple[list[list[Any]], list[int], dict[str, int], list[Any]]:
    """Body rows (blank ones dropped), their row numbers, the columns found and the header of
    a log-like table (``headers``: normalised header → key). Shared with the dispute log."""
    rows = table_rows(source, hint=hint)
    if not rows:
        return [], [], {}, []
    header = rows[0]
    found = find_columns(header, headers)
    missing = [k for k in required if k not in found]
    if missing:
        listed = ", ".join(quote_excerpt(str(c)) for c in header if not is_blank_value(c)) or "none"
        raise XlArError(f"{what}: no {' and '.join(missing)} column; headers found: {listed}")
    body = [list(r) + [None] * (len(header) - len(r)) for r in rows[1:]]
    numbers = [i + 2 for i, r in enumerate(body) if not all(map(is_blank_value, r))]
    body = [r for r in body if not all(map(is_blank_value, r))]
    return body, numbers, found, header


def log_dates(
    body: list[list[Any]], numbers: list[int], at: int | None, head: str, what: str
) -> np.ndarray:
    """A date column of a log (NaT where blank; a bad date raises naming its row)."""
    if at is None:
        return np.full(len(body), np.datetime64("NaT"), dtype="datetime64[ns]")
    raw = pd.Series([r[at] for r in body], dtype=object)
    parsed = parse_dates(raw)
    for row, value, problem in zip(numbers, raw, parsed.problems, strict=True):
        if problem is not None:
            raise XlArError(
                f"{what} row {row} {quote_excerpt(head)}: {quote_excerpt(value)} {problem}"
            )
    return parsed.values.to_numpy(dtype="datetime64[ns]")


def log_amounts(
    body: list[list[Any]], numbers: list[int], at: int | None, head: str, what: str
) -> np.ndarray:
    """An amount column of a log (NaN where blank; a bad amount raises naming its row).

    A column whose text amounts read two ways (only ``500.000``) is read in the language of
    its header: ``Jumlah Janji`` as Indonesian (500000), ``Promise Amount`` as English."""
    if at is None:
        return np.full(len(body), np.nan)
    raw = pd.Series([r[at] for r in body], dtype=object)
    money = parse_amounts(raw)
    if money.problems.astype(str).str.contains("ambiguous").any():
        # ``500.000`` alone: the header's language decides (Jumlah Janji: id, Amount: en)
        english = normalize_header(head) in _ENGLISH_AMOUNT_HEADERS
        money = parse_amounts(raw, number_format="en" if english else "id")
    for row, value, problem in zip(numbers, raw, money.problems, strict=True):
        if problem is not None:
            raise XlArError(
                f"{what} row {row} {quote_excerpt(head)}: {quote_excerpt(value)} {problem}"
            )
    return money.values.to_numpy(dtype="float64")


def _texts(body: list[list[Any]], at: int | None) -> list[str | None]:
    return [None] * len(body) if at is None else [cell_text(r[at]) for r in body]


def _read_one(source: Any, number: int, count: int) -> pd.DataFrame:
    if _is_read(source):
        return source.copy()
    if is_blank_source(source):
        return _empty()
    what = f"activity log {_label(source, number, count)}".rstrip()
    body, numbers, found, header = read_log_table(
        source, _LOOKUP, what, HINT, ("date", "customer", "action")
    )
    if not body:
        return _empty()

    def head(key: str) -> str:
        return str(header[found[key]]) if key in found else key

    dates = log_dates(body, numbers, found["date"], head("date"), what)
    customers = _texts(body, found["customer"])
    actions = _texts(body, found["action"])
    for row, day, name, act in zip(numbers, dates, customers, actions, strict=True):
        if np.isnat(day):
            raise XlArError(
                f"{what} row {row} {quote_excerpt(head('date'))} is blank: give the date"
            )
        if name is None:
            raise XlArError(f"{what} row {row} has no customer")
        if act is None:
            raise XlArError(f"{what} row {row} {quote_excerpt(head('action'))} is blank")
    canonical = [_ACTION.get(normalize_header(a)) for a in actions]
    for row, act, got in zip(numbers, actions, canonical, strict=True):
        if got is None:
            raise XlArError(
                f"{what} row {row} {quote_excerpt(head('action'))}: {quote_excerpt(act)} is not an "
                f"action ({', '.join(ACTIONS[:-1])}, {ACTIONS[-1]} or their Indonesian words)"
            )
    invoices = [
        None if t is None or normalize_header(t) in _ALL_INVOICES or t.strip() in _ALL_INVOICES
        else t
        for t in _texts(body, found.get("invoice"))
    ]  # fmt: skip
    notes = _texts(body, found.get("note"))
    own = [cell_text(h) for h in header] == list(XL_AR_LOG_HEADER)
    parsed = [(_OWN_NOTE if own else _XL_AR_NOTE).match(n) if n else None for n in notes]
    kinds = [m.group(1).lower() if m else None for m in parsed]
    if own:  # every row of xl-ar's own log has a kind: only "letter" reminds
        kinds = [k or _OWN_UNNAMED for k in kinds]
    promise = log_dates(body, numbers, found.get("promise_date"), head("promise_date"), what)
    amount = log_amounts(body, numbers, found.get("promise_amount"), head("promise_amount"), what)
    place = f"{_label(source, number, count)}row ".lstrip()
    return pd.DataFrame(
        {
            "date": dates,
            "customer": customers,
            "invoice": pd.Series(invoices, dtype=object),
            "action": canonical,
            "outcome": _texts(body, found.get("outcome")),
            "promise_date": promise,
            "promise_amount": amount,
            "collector": _texts(body, found.get("collector")),
            "next_action_date": log_dates(
                body, numbers, found.get("next_action_date"), head("next_action_date"), what
            ),
            "note": notes,
            "kind": kinds,
            "stage": [m.group(2) if m else None for m in parsed],
            "where": [f"{place}{n}" for n in numbers],
            "own": np.full(len(body), own),
        }
    )


# --------------------------------------------------------------------------- per customer


@dataclass(frozen=True)
class ActivityView:
    """What a log says per ledger customer at ``as_of`` (:func:`customer_activity`).

    ``customers`` has one row per name of ``names`` (same order): ``last_contact`` (date),
    ``last_action``, ``follow_up_date``, ``reminder_date``, ``stage_history`` (text);
    ``log`` is the log up to ``as_of`` with ``pos`` (the customer's position, -1: unknown);
    ``notes`` are (Indonesian, English) lines on rows left out or unknown.
    """

    customers: pd.DataFrame
    log: pd.DataFrame
    notes: tuple[tuple[str, str], ...] = field(default_factory=tuple)


def _names_note(unknown: pd.DataFrame) -> tuple[str, str]:
    names = list(dict.fromkeys(unknown["customer"]))
    shown = ", ".join(quote_excerpt(n, 30) for n in names[:5]) + (" ..." if len(names) > 5 else "")
    rows = len(unknown)
    return (
        f"Log aktivitas: {rows} baris untuk {len(names)} pelanggan yang tidak ada di buku "
        f"piutang, tidak dihitung: {shown}",
        f"Activity log: {rows} row{'s' * (rows != 1)} for {len(names)} customer"
        f"{'s' * (len(names) != 1)} not in the ledger, not counted: {shown}",
    )


def customer_activity(log: Any, names: Any, as_of: Any) -> ActivityView:
    """Last contact, follow-up, last reminder and stage history per customer at ``as_of``.

    Parameters
    ----------
    log : activity log (anything :func:`read_activity` reads)
    names : sequence of str
        The ledger's customers (one per customer); log rows are matched to them by key.
    as_of : date-like

    Examples
    --------
    >>> log = [["Tanggal", "Pelanggan", "Tindakan", "Tindakan Berikutnya", "Catatan"],
    ...        ["12/11/2024", "PT Maju", "surat", "", "letter:reminder_1; a.pdf"],
    ...        ["26/11/2024", "pt maju", "email", "05/12/2024", "letter:reminder_2; b.pdf"],
    ...        ["10/01/2025", "PT Maju", "telepon", "", ""],
    ...        ["01/12/2024", "CV Lain", "telepon", "", ""]]
    >>> view = customer_activity(log, ["PT Maju"], "2024-12-31")
    >>> view.customers.loc[0, ["last_contact", "last_action", "stage_history"]].tolist()
    [Timestamp('2024-11-26 00:00:00'), 'email', 'reminder_1 12/11 → reminder_2 26/11']
    >>> view.customers.loc[0, "follow_up_date"].date(), view.customers.loc[0, "reminder_date"].date()
    (datetime.date(2024, 12, 5), datetime.date(2024, 11, 26))
    >>> for _, en in view.notes:
    ...     print(en)
    Activity log: 1 row dated after 2024-12-31 left out (first: row 4)
    Activity log: 1 row for 1 customer not in the ledger, not counted: 'CV Lain'
    """
    table = read_activity(*log) if isinstance(log, tuple) else read_activity(log)
    day = as_date(as_of).to_datetime64()
    names = pd.Series(list(names), dtype=object)
    n = len(names)
    notes: list[tuple[str, str]] = []
    later = table["date"].to_numpy(dtype="datetime64[ns]") > day
    if later.any():
        first = table.loc[later, "where"].iloc[0]
        when = pd.Timestamp(day).date().isoformat()
        k = int(later.sum())
        notes.append(
            (
                f"Log aktivitas: {k} baris bertanggal setelah {when} tidak dihitung "
                f"(pertama: {first.replace('row', 'baris')})",
                f"Activity log: {k} row{'s' * (k != 1)} dated after {when} left out (first: {first})",
            )
        )
    table = table[~later].reset_index(drop=True)
    pos = (
        np.asarray(match_customers(table["customer"], names), dtype=int)
        if n
        else np.full(len(table), -1)
    )
    table = table.assign(pos=pos)
    if (pos < 0).any():
        notes.append(_names_note(table[pos < 0]))
    known = table[pos >= 0]
    out = pd.DataFrame(
        {
            "last_contact": pd.Series(pd.NaT, index=range(n), dtype="datetime64[ns]"),
            "last_action": pd.Series(None, index=range(n), dtype=object),
            "follow_up_date": pd.Series(pd.NaT, index=range(n), dtype="datetime64[ns]"),
            "reminder_date": pd.Series(pd.NaT, index=range(n), dtype="datetime64[ns]"),
            "stage_history": pd.Series("", index=range(n), dtype=object),
        }
    )
    contacts = known[known["action"] != "note"]
    if len(contacts):
        last = contacts.groupby("pos").tail(1)  # sorted by date: the latest row
        out.loc[last["pos"].to_numpy(), "last_contact"] = last["date"].to_numpy()
        out.loc[last["pos"].to_numpy(), "last_action"] = last["action"].to_numpy()
    planned = known[known["next_action_date"].notna()]
    if len(planned):
        last = planned.groupby("pos").tail(1)
        out.loc[last["pos"].to_numpy(), "follow_up_date"] = last["next_action_date"].to_numpy()
    reminders = known[
        known["action"].isin(REMINDER_ACTIONS)
        & ~known["kind"].isin(NOT_REMINDERS)
        & (~known["own"].astype(bool) | known["kind"].eq(REMINDER_KIND))
        & (known["date"].to_numpy(dtype="datetime64[ns]") < day)
    ]
    if len(reminders):
        last = reminders.groupby("pos")["date"].max()
        out.loc[last.index.to_numpy(), "reminder_date"] = last.to_numpy()
    staged = known[known["stage"].notna()].drop_duplicates(["pos", "date", "stage"])
    if len(staged):
        steps = staged["stage"].astype(str) + " " + staged["date"].dt.strftime("%d/%m")
        history = steps.groupby(staged["pos"].to_numpy()).agg(" → ".join)
        out.loc[history.index.to_numpy(), "stage_history"] = history.to_numpy()
    return ActivityView(out, table, tuple(notes))


# --------------------------------------------------------------------------- promises


def log_promises(view: ActivityView) -> pd.DataFrame:
    """The promises of a log (rows with a promise date, known customers, up to ``as_of``):
    ``pos``, ``customer``, ``made``, ``promise_date``, ``amount``, ``invoice``, ``collector``."""
    log = view.log
    rows = log[(log["pos"] >= 0) & log["promise_date"].notna()]
    return pd.DataFrame(
        {
            "pos": rows["pos"].to_numpy(dtype=int),
            "customer": rows["customer"].to_numpy(dtype=object),
            "made": rows["date"].to_numpy(dtype="datetime64[ns]"),
            "promise_date": rows["promise_date"].to_numpy(dtype="datetime64[ns]"),
            "amount": rows["promise_amount"].to_numpy(dtype=float),
            "invoice": rows["invoice"].to_numpy(dtype=object),
            "collector": rows["collector"].to_numpy(dtype=object),
        }
    )


def payments_by_customer(led: pd.DataFrame, codes: np.ndarray) -> pd.DataFrame:
    """Every dated receipt of a ledger: ``pos`` (customer code), ``date``, ``amount`` (> 0).

    Payments applied to invoices (their ``paid`` at the payment date) and unapplied cash
    rows (their amount at their date); undated payments cannot be placed and are left out.
    """
    kind = led[s.DOC_TYPE].to_numpy(dtype=object)
    paid = led[s.PAID].to_numpy(dtype=float)
    pay_date = led[s.PAYMENT_DATE].to_numpy(dtype="datetime64[ns]")
    applied = (kind == s.DOC_INVOICE) & (paid > 0) & ~np.isnat(pay_date) & (codes >= 0)
    cash = (kind == s.DOC_PAYMENT) & (codes >= 0)
    amount = led[s.AMOUNT].to_numpy(dtype=float)
    return pd.DataFrame(
        {
            "pos": np.concatenate([codes[applied], codes[cash]]),
            "date": np.concatenate(
                [pay_date[applied], led[s.INVOICE_DATE].to_numpy(dtype="datetime64[ns]")[cash]]
            ),
            "amount": np.concatenate([paid[applied], -amount[cash]]),
        }
    )


def invoice_keys(values: Any) -> np.ndarray:
    return np.array(
        [None if (t := cell_text(v)) is None else t.casefold() for v in values], dtype=object
    )


def promise_outcomes(
    led: pd.DataFrame,
    codes: np.ndarray,
    promises: pd.DataFrame,
    as_of: Any,
    *,
    disputed: np.ndarray | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
) -> np.ndarray:
    """Per promise: ``"kept"``, ``"broken"`` or ``"pending"`` (promise date on or after ``as_of``).

    ``promises`` has ``pos``, ``made`` (NaT: a promises-table row), ``promise_date``,
    ``amount`` (NaN: not given) and ``invoice`` (NA: every invoice); ``codes`` maps ledger
    rows to customer positions. See the module docstring for the rule.
    """
    n = len(promises)
    out = np.full(n, "pending", dtype=object)
    if not n:
        return out
    day = as_date(as_of).to_datetime64()
    pdate = promises["promise_date"].to_numpy(dtype="datetime64[ns]")
    due = pdate < day
    out[due] = "kept"
    amount = promises["amount"].to_numpy(dtype=float)
    made = promises["made"].to_numpy(dtype="datetime64[ns]")
    start = np.where(np.isnat(made), pdate - np.timedelta64(PROMISE_WINDOW_DAYS, "D"), made)
    with_amount = due & ~np.isnan(amount)
    if with_amount.any():
        pays = payments_by_customer(led, codes)
        pid = np.flatnonzero(with_amount)
        wanted = pd.DataFrame(
            {"pid": pid, "pos": promises["pos"].to_numpy()[pid], "start": start[pid],
             "end": pdate[pid]}
        )  # fmt: skip
        hits = wanted.merge(pays, on="pos")
        hits = hits[(hits["date"] >= hits["start"]) & (hits["date"] <= hits["end"])]
        got = hits.groupby("pid")["amount"].sum().reindex(pid, fill_value=0.0).to_numpy()
        out[pid[got < amount[pid] - tolerance]] = "broken"
    rest = np.flatnonzero(due & np.isnan(amount))
    if rest.size:
        disputed = led[s.DISPUTED].to_numpy(dtype=bool) if disputed is None else disputed
        invoice_rows = led[s.DOC_TYPE].to_numpy(dtype=object) == s.DOC_INVOICE
        inv_keys = invoice_keys(led[s.INVOICE])
        named = invoice_keys(promises["invoice"].to_numpy(dtype=object))
        due_dates = led[s.DUE_DATE].to_numpy(dtype="datetime64[ns]")
        for when in np.unique(pdate[rest]):
            left = outstanding_on(led, when) > tolerance
            for i in rest[pdate[rest] == when]:
                mine = codes == promises["pos"].iloc[i]
                if named[i] is not None:
                    rows = mine & (inv_keys == named[i])
                else:
                    rows = mine & invoice_rows & ~disputed & (due_dates <= when)
                if (rows & left).any():
                    out[i] = "broken"
    return out


def broken_counts(outcomes: np.ndarray, pos: np.ndarray, n: int) -> np.ndarray:
    """Broken promises per customer position (``n`` customers)."""
    hit = np.asarray(outcomes) == "broken"
    return np.bincount(np.asarray(pos, dtype=int)[hit], minlength=n)[:n].astype(float)


# --------------------------------------------------------------------------- productivity

_NO_COLLECTOR = ("(tanpa kolektor)", "(no collector)")


def collector_productivity(
    log: Any,
    ledger: Any,
    start: Any,
    end: Any,
    *,
    window_days: int = 14,
    tolerance: float = DEFAULT_TOLERANCE,
) -> pd.DataFrame:
    """Per collector, the log rows dated ``start``..``end``: actions, customers, promises, cash.

    Parameters
    ----------
    log : activity log (:func:`read_activity`)
    ledger : canonical ledger or anything :func:`~xl_ar.core.ledger.ledger.read_ledger` reads
    start, end : date-like
        The period (both days included); ``end`` is the date of the figures.
    window_days : int, default 14
        A receipt counts for a collector when it is dated from the day of one of their
        contacts (any action but a note) with that customer through ``window_days`` days
        after it, and not after ``end``; each receipt at most once per collector.

    Returns
    -------
    pandas.DataFrame
        One row per collector (English placeholder ``(no collector)`` for rows without one,
        last), sorted by name: one count column per action (:data:`ACTIONS`), ``actions``,
        ``customers`` (contacted, by key), ``promises_made`` (promise rows and rows with a
        promise date), ``promises_due`` (promise date before ``end``), ``promises_kept``,
        ``kept_share`` (NaN when none due) and ``collected`` (see ``window_days``). Rows of
        customers the ledger does not know are in no count (a note names them:
        ``attrs["notes"]``).

    Examples
    --------
    >>> led = [["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid",
    ...         "Payment Date"],
    ...        ["PT Maju", "F-1", "2024-10-01", "2024-10-31", 1000.0, 1000.0, "2024-11-20"]]
    >>> log = [["Tanggal", "Pelanggan", "Tindakan", "Kolektor", "Tanggal Janji", "Jumlah Janji"],
    ...        ["10/11/2024", "PT Maju", "telepon", "Rina", "", ""],
    ...        ["12/11/2024", "PT Maju", "janji", "Rina", "20/11/2024", "1000"]]
    >>> got = collector_productivity(log, led, "2024-11-01", "2024-11-30")
    >>> got[["collector", "call", "promise", "customers", "promises_kept", "collected"]].values.tolist()
    [['Rina', 1, 1, 1, 1, 1000.0]]
    """
    led = ensure_ledger(ledger)
    first, last = as_date(start, "start"), as_date(end, "end")
    if first > last:
        raise XlArError(f"the period starts after it ends ({first.date()} > {last.date()})")
    codes, uniques = pd.factorize(led[s.CUSTOMER], use_na_sentinel=True)
    view = customer_activity(log, list(uniques), last)
    # rows of customers the ledger does not know: in the note, in no count
    rows = view.log[(view.log["date"] >= first) & (view.log["pos"] >= 0)].copy()
    rows["collector"] = rows["collector"].fillna(_NO_COLLECTOR[1])
    rows["key"] = [customer_key(c) for c in rows["customer"]]
    counts = pd.crosstab(rows["collector"], rows["action"]).reindex(
        columns=list(ACTIONS), fill_value=0
    )
    contacts = rows[rows["action"] != "note"]
    table = counts.assign(actions=counts.sum(axis=1))
    table["customers"] = contacts.groupby("collector")["key"].nunique()
    promises = log_promises(ActivityView(view.customers, rows, view.notes))
    made = rows[rows["action"].eq("promise") | rows["promise_date"].notna()]
    made = made.groupby("collector").size()
    table["promises_made"] = made
    outcome = promise_outcomes(led, codes, promises, last, tolerance=tolerance)
    promises = promises.assign(outcome=outcome)
    table["promises_due"] = promises[promises["outcome"] != "pending"].groupby("collector").size()
    table["promises_kept"] = promises[promises["outcome"] == "kept"].groupby("collector").size()
    table = table.fillna({"customers": 0, "promises_made": 0, "promises_due": 0,
                          "promises_kept": 0})  # fmt: skip
    for col in ("customers", "promises_made", "promises_due", "promises_kept"):
        table[col] = table[col].astype(int)
    with np.errstate(invalid="ignore", divide="ignore"):
        table["kept_share"] = np.where(
            table["promises_due"] > 0, table["promises_kept"] / table["promises_due"], np.nan
        )
    table["collected"] = (
        _collected_after(
            contacts[contacts["pos"] >= 0], payments_by_customer(led, codes), window_days, last
        )
        .reindex(table.index, fill_value=0.0)
        .round(2)
    )
    table = table.reset_index().rename(columns={"index": "collector"})
    table.columns.name = None
    unassigned = table["collector"].eq(_NO_COLLECTOR[1])
    order = np.lexsort((table["collector"].str.casefold().to_numpy(), unassigned.to_numpy()))
    table = table.iloc[order].reset_index(drop=True)
    table.attrs["notes"] = view.notes
    return table


def _collected_after(
    contacts: pd.DataFrame, pays: pd.DataFrame, window_days: int, end: pd.Timestamp
) -> pd.Series:
    """Receipts per collector within ``window_days`` after one of their contacts (≤ ``end``)."""
    if contacts.empty or pays.empty:
        return pd.Series(dtype=float)
    pays = pays[pays["date"] <= end.to_datetime64()].assign(pid=lambda f: np.arange(len(f)))
    pairs = contacts[["collector", "pos", "date"]].rename(columns={"date": "contact"})
    hits = pairs.merge(pays, on="pos")
    span = (hits["date"] - hits["contact"]).dt.days
    hits = hits[(span >= 0) & (span <= window_days)].drop_duplicates(["collector", "pid"])
    return hits.groupby("collector")["amount"].sum()
