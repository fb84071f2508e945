"""The dispute log: which invoices a customer disputes, why, since when, and how it ended.

A dispute log is a table with a header row (sheet ``Sengketa``/``Disputes``, csv, range),
Indonesian or English headers (:data:`DISPUTE_HEADERS`): dispute id, customer, invoice(s)
(several separated by ``,`` ``;`` or spaces), amount, reason, owner, opened, resolved,
outcome. Reasons are normalised to :data:`REASONS` (:data:`REASON_WORDS`: ``harga``/price,
``kuantitas``/``jumlah barang``/quantity, ``kualitas``/``mutu``/quality, ``barang tidak
diterima``/not received, ``tagihan ganda``/``dobel``/duplicate billing, ``faktur pajak``/
``e-Faktur``/tax invoice, ``lainnya``/other); any other reason is ``other`` (its words kept in
``reason_text``).

A dispute is **open** at ``as_of`` when it was opened on or before ``as_of`` and not resolved
by then (no resolved date, or one after ``as_of``). An open dispute marks its invoices
disputed for **dunning** (the worklist and the letters leave them out,
:func:`disputed_rows`) while the **analysis** (aging, DSO, the allowance) keeps them as they
are: it never reads the dispute log. A whole invoice leaves dunning even when the dispute's
amount is part of it. A dispute naming an invoice the ledger does not hold (or one of another
customer) marks nothing and is reported in a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.cells import cell_text, quote_excerpt
from xl_ar.core.base.columns import LEDGER_HEADERS, header_lookup, normalize_header
from xl_ar.core.base.customers import match_customers
from xl_ar.core.base.options import as_date
from xl_ar.core.base.tables import is_blank_source
from xl_ar.core.base.text import money_text
from xl_ar.core.collections.activity import (
    invoice_keys,
    log_amounts,
    log_dates,
    read_log_table,
)
from xl_ar.core.ledger.ledger import ensure_ledger
from xl_ar.core.position.open_items import DEFAULT_TOLERANCE, outstanding_at
from xl_ar.errors import XlArError

__all__ = [
    "AGE_EDGES",
    "DISPUTE_COLUMNS",
    "DISPUTE_HEADERS",
    "DisputeReport",
    "REASONS",
    "REASON_LABELS",
    "REASON_WORDS",
    "dispute_report",
    "disputed_rows",
    "open_disputes",
    "read_disputes",
]

REASONS = (
    "price", "quantity", "quality", "not_received", "duplicate_billing", "tax_invoice", "other",
)  # fmt: skip
#: Report labels of the reasons (Indonesian, English).
REASON_LABELS: dict[str, tuple[str, str]] = {
    "price": ("Harga", "Price"),
    "quantity": ("Kuantitas", "Quantity"),
    "quality": ("Kualitas", "Quality"),
    "not_received": ("Barang tidak diterima", "Not received"),
    "duplicate_billing": ("Tagihan ganda", "Duplicate billing"),
    "tax_invoice": ("Faktur pajak (e-Faktur)", "Tax invoice (e-Faktur)"),
    "other": ("Lainnya", "Other"),
}
REASON_WORDS: dict[str, tuple[str, ...]] = {
    "price": ("harga", "pricing", "harga salah", "wrong price", "selisih harga", "diskon",
              "discount"),
    "quantity": ("kuantitas", "jumlah barang", "qty", "kurang kirim", "short delivery",
                 "short shipment", "selisih jumlah", "kekurangan barang"),
    "quality": ("kualitas", "mutu", "rusak", "cacat", "damaged", "defect", "defective",
                "barang rusak"),
    "not_received": ("barang tidak diterima", "tidak diterima", "belum diterima",
                     "not received", "goods not received", "non delivery", "notreceived"),
    "duplicate_billing": ("tagihan ganda", "tagihan dobel", "dobel", "ganda", "duplicate",
                          "double billing", "duplicate invoice", "tagihan double"),
    "tax_invoice": ("faktur pajak", "e-faktur", "efaktur", "e faktur", "tax invoice", "pajak",
                    "ppn", "vat"),
    "other": ("lainnya", "lain-lain", "lain", "others", "lain lain"),
}  # fmt: skip
_REASON = header_lookup(REASON_WORDS)

DISPUTE_HEADERS: dict[str, tuple[str, ...]] = {
    "dispute_id": ("dispute id", "dispute", "dispute no", "id", "no", "no sengketa",
                   "nomor sengketa", "id sengketa", "kode sengketa", "case", "case id",
                   "no kasus", "ticket"),
    "customer": LEDGER_HEADERS[s.CUSTOMER],
    "invoice": ("invoice", "invoices", "invoice no", "invoice number", "faktur", "no faktur",
                "nomor faktur", "faktur faktur"),
    "amount": ("amount", "jumlah", "nilai", "nominal", "disputed amount", "jumlah sengketa",
               "nilai sengketa"),
    "reason": ("reason", "alasan", "penyebab", "sebab", "kategori", "category", "jenis"),
    "owner": ("owner", "pemilik", "penanggung jawab", "pic", "handled by", "ditangani oleh"),
    "opened": ("opened", "open date", "date opened", "opened on", "dibuka", "tanggal dibuka",
               "tanggal buka", "tanggal sengketa", "tanggal", "date"),
    "resolved": ("resolved", "resolved date", "date resolved", "resolved on", "selesai",
                 "tanggal selesai", "diselesaikan", "closed", "tanggal tutup", "ditutup"),
    "outcome": ("outcome", "hasil", "resolution", "penyelesaian", "keputusan"),
}  # fmt: skip
_LOOKUP = header_lookup(DISPUTE_HEADERS)
DISPUTE_COLUMNS = (
    "dispute_id", "customer", "invoices", "amount", "reason", "reason_text", "owner",
    "opened", "resolved", "outcome",
)  # fmt: skip
#: Edges of the age buckets of open disputes (days open).
AGE_EDGES = (30, 60, 90)
_SPLIT = re.compile(r"[,;\s]+")
HINT = "dispute log: give a table with a header row (No Sengketa | Pelanggan | Faktur ...)"


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in (*DISPUTE_COLUMNS, "where")}).astype(
        {"amount": "float64", "opened": "datetime64[ns]", "resolved": "datetime64[ns]"}
    )


def read_disputes(source: Any) -> pd.DataFrame:
    """Read a dispute log (see the module docstring).

    Returns
    -------
    pandas.DataFrame
        :data:`DISPUTE_COLUMNS` (``invoices`` a tuple of invoice numbers, ``amount`` NaN when
        not given, ``reason`` one of :data:`REASONS`) and ``where`` (the row, for messages).

    Examples
    --------
    >>> d = read_disputes([["No Sengketa", "Pelanggan", "Faktur", "Jumlah", "Alasan",
    ...                     "Dibuka", "Selesai"],
    ...                    ["S-1", "PT Maju", "F-1; F-2", "Rp 1.500.000", "Tagihan dobel",
    ...                     "01/12/2024", ""]])
    >>> d.loc[0, ["dispute_id", "invoices", "reason"]].tolist(), float(d.loc[0, "amount"])
    (['S-1', ('F-1', 'F-2'), 'duplicate_billing'], 1500000.0)
    """
    if is_blank_source(source):
        return _empty()
    if isinstance(source, pd.DataFrame) and set(DISPUTE_COLUMNS) <= set(source.columns):
        return source.copy()
    what = "dispute log"
    body, numbers, found, header = read_log_table(
        source, _LOOKUP, what, HINT, ("customer", "opened")
    )
    if not body:
        return _empty()

    def text(key: str) -> list[str | None]:
        return [None] * len(body) if key not in found else [cell_text(r[found[key]]) for r in body]

    def head(key: str) -> str:
        return str(header[found[key]]) if key in found else key

    opened = log_dates(body, numbers, found["opened"], head("opened"), what)
    resolved = log_dates(body, numbers, found.get("resolved"), head("resolved"), what)
    customers = text("customer")
    for row, name, day, done in zip(numbers, customers, opened, resolved, strict=True):
        if name is None:
            raise XlArError(f"{what} row {row} has no customer")
        if np.isnat(day):
            raise XlArError(
                f"{what} row {row} {quote_excerpt(head('opened'))} is blank: give the date opened"
            )
        if not np.isnat(done) and done < day:
            raise XlArError(f"{what} row {row}: resolved before it was opened")
    reasons = text("reason")
    keys = [_reason(r) for r in reasons]
    ids = [i or f"#{row}" for i, row in zip(text("dispute_id"), numbers, strict=True)]
    invoices = [tuple(p for p in _SPLIT.split(t or "") if p) for t in text("invoice")]
    return pd.DataFrame(
        {
            "dispute_id": ids,
            "customer": customers,
            "invoices": pd.Series(invoices, dtype=object),
            "amount": log_amounts(body, numbers, found.get("amount"), head("amount"), what),
            "reason": keys,
            "reason_text": reasons,
            "owner": text("owner"),
            "opened": opened,
            "resolved": resolved,
            "outcome": text("outcome"),
            "where": [f"row {n}" for n in numbers],
        }
    )


def _reason(text: str | None) -> str:
    if text is None:
        return "other"
    key = normalize_header(text)
    if key in _REASON:
        return _REASON[key]
    for reason, words in REASON_WORDS.items():  # a longer text holding a known phrase
        if any(normalize_header(w) in key for w in words if len(normalize_header(w)) >= 4):
            return reason
    return "other"


def open_disputes(disputes: pd.DataFrame, as_of: Any) -> np.ndarray:
    """Which disputes are open at ``as_of`` (opened by then, not resolved by then)."""
    day = as_date(as_of).to_datetime64()
    opened = disputes["opened"].to_numpy(dtype="datetime64[ns]")
    resolved = disputes["resolved"].to_numpy(dtype="datetime64[ns]")
    return (opened <= day) & (np.isnat(resolved) | (resolved > day))


def disputed_rows(
    ledger: pd.DataFrame, disputes: Any, as_of: Any
) -> tuple[np.ndarray, tuple[tuple[str, str], ...]]:
    """Ledger rows (mask) of the invoices open disputes name at ``as_of``, and notes on the
    disputes that name an invoice the ledger does not hold, or a customer it does not know.

    Examples
    --------
    >>> from xl_ar.core.ledger.ledger import read_ledger
    >>> led = read_ledger([["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"],
    ...                    ["PT Maju", "F-1", "2024-10-01", "2024-10-31", 100.0],
    ...                    ["PT Maju", "F-2", "2024-10-05", "2024-11-04", 50.0]])
    >>> log = [["No", "Pelanggan", "Faktur", "Dibuka"], ["S-1", "pt maju", "F-2 F-9", "2024-12-01"]]
    >>> mask, notes = disputed_rows(led, log, "2024-12-31")
    >>> mask.tolist(), notes[0][1]
    ([False, True], "Dispute log: S-1 (row 2) names invoice 'F-9', not in the ledger for 'PT Maju'")
    """
    table = read_disputes(disputes)
    mask = np.zeros(len(ledger), dtype=bool)
    if table.empty:
        return mask, ()
    live = table[open_disputes(table, as_of)]
    codes, uniques = pd.factorize(ledger[s.CUSTOMER], use_na_sentinel=True)
    pos = np.asarray(match_customers(live["customer"], pd.Series(uniques, dtype=object)))
    keys = invoice_keys(ledger[s.INVOICE])
    notes: list[tuple[str, str]] = []
    for at, ident, name, invoices, where in zip(
        pos, live["dispute_id"], live["customer"], live["invoices"], live["where"], strict=True
    ):
        label = f"{quote_excerpt(ident, 20)[1:-1]} ({where})"
        if at < 0:
            notes.append((f"Log sengketa: {label.replace('row', 'baris')} pelanggan "
                          f"{quote_excerpt(name)} tidak ada di buku piutang",
                          f"Dispute log: {label} customer {quote_excerpt(name)} is not in the "
                          "ledger"))  # fmt: skip
            continue
        for inv in invoices:
            hit = (codes == at) & (keys == inv.casefold())
            if hit.any():
                mask |= hit
                continue
            shown = str(uniques[at])
            notes.append((f"Log sengketa: {label.replace('row', 'baris')} menyebut faktur "
                          f"{quote_excerpt(inv)}, tidak ada di buku piutang untuk "
                          f"{quote_excerpt(shown)}",
                          f"Dispute log: {label} names invoice {quote_excerpt(inv)}, not in the "
                          f"ledger for {quote_excerpt(shown)}"))  # fmt: skip
    return mask, tuple(notes)


@dataclass(frozen=True)
class DisputeReport:
    """The dispute report at ``as_of`` (:func:`dispute_report`).

    ``open`` (one row per open dispute, oldest first): ``dispute_id, customer, invoices``
    (text), ``reason``, ``owner``, ``opened``, ``days_open``, ``age`` (bucket label),
    ``amount``; ``by_age``: ``age, count, amount``; ``pareto`` (every dispute opened by
    ``as_of``, largest amount first): ``reason, count, amount, share, cumulative``;
    ``resolution``: ``resolved`` (count), ``median_days``, ``mean_days`` (NaN with none);
    ``tied_up``: the amount of the open disputes (each at most the open amount of its
    invoices in the ledger); ``notes``: (Indonesian, English) lines; ``outside``: the open
    disputes on a customer or invoices the ledger does not hold (columns as ``open``, the
    amount as logged), in no other table and not in ``tied_up``.
    """

    open: pd.DataFrame
    by_age: pd.DataFrame
    pareto: pd.DataFrame
    resolution: dict[str, float]
    tied_up: float
    notes: tuple[tuple[str, str], ...]
    outside: pd.DataFrame = field(default_factory=pd.DataFrame)


def age_labels(edges: tuple[int, ...] = AGE_EDGES) -> list[str]:
    """``['0-30', '31-60', '61-90', '>90']`` for the default edges."""
    lows = [0, *(e + 1 for e in edges[:-1])]
    return [f"{lo}-{hi}" for lo, hi in zip(lows, edges, strict=True)] + [f">{edges[-1]}"]


def dispute_report(
    disputes: Any, ledger: Any, as_of: Any, *, tolerance: float = DEFAULT_TOLERANCE
) -> DisputeReport:
    """Open disputes by age, the reason Pareto, days to resolve and the amount tied up.

    A dispute without an amount counts the open amount (at ``as_of``) of the invoices it
    names that the ledger holds (naming none: its customer's open amount). An open dispute
    counts at most that open amount (a note gives the excess); one whose customer, or every
    invoice it names, the ledger does not hold is in ``outside`` only, not in the amount tied
    up, the age buckets or the Pareto. Disputes opened after ``as_of`` are left out.

    Examples
    --------
    >>> led = [["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"],
    ...        ["PT Maju", "F-1", "2024-10-01", "2024-10-31", 300.0]]
    >>> log = [["No", "Pelanggan", "Faktur", "Alasan", "Jumlah", "Dibuka", "Selesai"],
    ...        ["S-1", "PT Maju", "F-1", "harga", "", "2024-11-01", ""],
    ...        ["S-2", "PT Maju", "", "mutu", "100", "2024-10-01", "2024-10-21"]]
    >>> got = dispute_report(log, led, "2024-12-31")
    >>> got.open[["dispute_id", "days_open", "age", "amount"]].values.tolist(), got.tied_up
    ([['S-1', 60, '31-60', 300.0]], 300.0)
    >>> got.pareto[["reason", "count", "amount", "cumulative"]].values.tolist()
    [['price', 1, 300.0, 0.75], ['quality', 1, 100.0, 1.0]]
    >>> got.resolution
    {'resolved': 1, 'median_days': 20.0, 'mean_days': 20.0}
    """
    led = ensure_ledger(ledger)
    day = as_date(as_of)
    table = read_disputes(disputes)
    table = table[table["opened"].to_numpy(dtype="datetime64[ns]") <= day.to_datetime64()]
    _, found = disputed_rows(led, table, day)
    notes = [*found, *_unknown_reasons(table)]
    table = table.reset_index(drop=True)
    held = _ledger_open(led, table, day)  # NaN: not in the ledger
    logged = table["amount"].to_numpy(dtype=float)
    amount = np.where(np.isnan(logged), np.nan_to_num(held), logged)
    amount = np.where(np.abs(amount) > tolerance, amount, 0.0)
    live = open_disputes(table, day)
    capped = live & ~np.isnan(held) & (amount > np.nan_to_num(held) + tolerance)
    notes.extend(_excess_note(table, amount, held, capped, led))
    amount = np.where(capped, held, amount)
    outside_rows = live & np.isnan(held)
    table = table.assign(amount=amount)
    opened = table["opened"].to_numpy(dtype="datetime64[ns]")
    days = ((day.to_datetime64() - opened) // np.timedelta64(1, "D")).astype(int)
    labels = age_labels()
    bucket = np.searchsorted(np.array(AGE_EDGES), days, side="left")
    now = pd.DataFrame(
        {
            "dispute_id": table["dispute_id"],
            "customer": table["customer"],
            "invoices": [", ".join(v) for v in table["invoices"]],
            "reason": table["reason"],
            "owner": table["owner"],
            "opened": table["opened"],
            "days_open": days,
            "age": [labels[b] for b in bucket],
            "amount": table["amount"].to_numpy(dtype=float),
        }
    )
    order = ["days_open", "dispute_id"]
    outside = now[outside_rows].assign(amount=logged[outside_rows])
    outside = outside.sort_values(order, ascending=[False, True], kind="mergesort")
    if len(outside):
        notes.append(_outside_note(outside))
    now = now[live & ~outside_rows].sort_values(order, ascending=[False, True], kind="mergesort")
    by_age = (
        now.groupby("age")
        .agg(count=("amount", "size"), amount=("amount", "sum"))
        .reindex(labels, fill_value=0)
        .rename_axis("age")
        .reset_index()
    )
    by_age["amount"] = by_age["amount"].astype(float)
    pareto = (
        table[~outside_rows]
        .groupby("reason")
        .agg(count=("amount", "size"), amount=("amount", "sum"))
        .reset_index()
        .sort_values(
            ["amount", "count", "reason"], ascending=[False, False, True], kind="mergesort"
        )
        .reset_index(drop=True)
    )
    total = float(pareto["amount"].sum())
    pareto["share"] = pareto["amount"] / total if total > 0 else np.nan
    pareto["cumulative"] = pareto["share"].cumsum()
    resolved = table["resolved"].to_numpy(dtype="datetime64[ns]")
    done = ~np.isnat(resolved) & (resolved <= day.to_datetime64())
    spans = ((resolved[done] - opened[done]) // np.timedelta64(1, "D")).astype(float)
    resolution = {
        "resolved": int(done.sum()),
        "median_days": float(np.median(spans)) if spans.size else float("nan"),
        "mean_days": float(np.mean(spans)) if spans.size else float("nan"),
    }
    return DisputeReport(
        now.reset_index(drop=True), by_age, pareto, resolution, float(now["amount"].sum()),
        tuple(notes), outside.reset_index(drop=True),
    )  # fmt: skip


def _ledger_open(led: pd.DataFrame, table: pd.DataFrame, day: pd.Timestamp) -> np.ndarray:
    """Per dispute, the open amount at ``day`` (not below 0) of the ledger invoices it names
    (naming none: of its customer); NaN when the ledger holds neither its customer nor any
    invoice it names."""
    out = np.full(len(table), np.nan)
    if not len(table):
        return out
    codes, uniques = pd.factorize(led[s.CUSTOMER], use_na_sentinel=True)
    pos = np.asarray(match_customers(table["customer"], pd.Series(uniques, dtype=object)))
    keys = invoice_keys(led[s.INVOICE])
    left = outstanding_at(led, day)
    for i in np.flatnonzero(pos >= 0):
        names = [inv.casefold() for inv in table["invoices"].iloc[i]]
        rows = (codes == pos[i]) & (np.isin(keys, names) if names else True)
        if rows.any():
            out[i] = max(float(left[rows].sum()), 0.0)
    return out


def _excess_note(
    table: pd.DataFrame, amount: np.ndarray, held: np.ndarray, capped: np.ndarray, led: Any
) -> list[tuple[str, str]]:
    """The note on open disputes logged for more than their invoices' open amount."""
    if not capped.any():
        return []
    codes = {c for c in led[s.CURRENCY].astype(object) if isinstance(c, str) and c}
    code = codes.pop() if len(codes) == 1 else None
    parts = [
        (table["dispute_id"].iloc[i], money_text(amount[i], "id", code),
         money_text(amount[i], "en", code), money_text(held[i], "id", code),
         money_text(held[i], "en", code))
        for i in np.flatnonzero(capped)
    ]  # fmt: skip
    shown_id = "; ".join(f"{quote_excerpt(d, 20)[1:-1]} {a} → {h}" for d, a, _, h, _ in parts)
    shown_en = "; ".join(f"{quote_excerpt(d, 20)[1:-1]} {a} → {h}" for d, _, a, _, h in parts)
    return [
        (
            "Log sengketa: jumlah sengketa di atas sisa tagihan fakturnya di buku piutang, "
            f"dihitung sebesar sisa tagihan: {shown_id}",
            "Dispute log: disputed amount above its invoices' open amount in the ledger, "
            f"counted at the open amount: {shown_en}",
        )
    ]


def _unknown_reasons(table: pd.DataFrame) -> list[tuple[str, str]]:
    """The note on reasons read as *other* that say something else (``xyz``)."""
    said = [
        (d, r) for d, k, r in zip(table["dispute_id"], table["reason"], table["reason_text"],
                                  strict=True)
        if k == "other" and r is not None and _REASON.get(normalize_header(r)) != "other"
    ]  # fmt: skip
    if not said:
        return []
    shown = ", ".join(f"{quote_excerpt(d, 20)[1:-1]} {quote_excerpt(r, 30)}" for d, r in said[:5])
    shown += " ..." if len(said) > 5 else ""
    return [
        (
            f"Log sengketa: alasan tidak dikenali, dihitung sebagai 'Lainnya': {shown}",
            f"Dispute log: reason not recognised, counted as 'Other': {shown}",
        )
    ]


def _outside_note(outside: pd.DataFrame) -> tuple[str, str]:
    """The note on open disputes the ledger does not hold (not in the amount tied up)."""
    ids = ", ".join(quote_excerpt(d, 20)[1:-1] for d in outside["dispute_id"])
    k = len(outside)
    return (
        f"Log sengketa: {k} sengketa terbuka di luar buku piutang (pelanggan atau faktur tidak "
        f"ada), tidak termasuk jumlah tertahan: {ids}",
        f"Dispute log: {k} open dispute{'s' * (k != 1)} outside the ledger (customer or "
        f"invoices not in it), not in the amount tied up: {ids}",
    )
