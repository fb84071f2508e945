"""Withheld tax and its slips (*bukti potong*): the records, the csv, the tracker.

Tax a customer withholds is a receivable from the tax office (*PPh 23 dibayar dimuka*, the
PPN receivable of a WAPU sale) until the customer's withholding slip arrives: without it the
credit cannot be claimed. :func:`withholding_records` lists every withheld amount of a
cash-application table; xl-ar writes them as a csv with the header
``Date,Customer,Invoice,Receipt,Type,Base,Rate,Amount,Slip No`` (:data:`RECORD_HEADERS`) which
:func:`read_withholding` reads back (Indonesian headers too). :func:`withholding_slips` is the
tracker: the records against a register of the slips received, the amounts still without a
slip by age since the payment date, and slips whose amount differs from the record.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.amounts import parse_amounts, to_cents
from xl_ar.core.base.cells import cell_text, is_blank_value, quote_excerpt, to_text
from xl_ar.core.base.columns import find_columns, header_lookup, shown_header
from xl_ar.core.base.customers import customer_keys
from xl_ar.core.base.dates import parse_dates
from xl_ar.core.base.options import as_date
from xl_ar.core.base.sources import read_grid
from xl_ar.core.cash_application.withholding import (
    TYPE_LABELS,
    TaxRules,
    as_rate,
    invoice_taxes,
    parse_withholding_types,
    tax_rules,
)
from xl_ar.core.ledger.ledger import ensure_ledger
from xl_ar.core.position.aging import assign_buckets, bucket_labels
from xl_ar.errors import XlArError

__all__ = [
    "RECORD_COLUMNS",
    "RECORD_HEADERS",
    "SLIP_COLUMNS",
    "read_withholding",
    "withholding_records",
    "withholding_slips",
]

#: Columns of :func:`withholding_records` / :func:`read_withholding`.
RECORD_COLUMNS = (
    "date", "customer", "invoice", "receipt", "type", "base", "rate", "amount", "slip",
)  # fmt: skip
#: The csv header xl-ar writes, in :data:`RECORD_COLUMNS` order.
RECORD_HEADERS = ("Date", "Customer", "Invoice", "Receipt", "Type", "Base", "Rate", "Amount",
                  "Slip No")  # fmt: skip
_RECORD_SYNONYMS = {
    "date": ("tanggal", "tgl", "payment date", "tanggal bayar", "tanggal pembayaran"),
    "customer": ("pelanggan", "nama pelanggan", "pemotong", "nama pemotong"),
    "invoice": ("no faktur", "faktur", "nomor faktur", "invoice no"),
    "receipt": ("penerimaan", "no penerimaan", "payment", "no bukti terima", "referensi"),
    "type": ("jenis", "jenis pajak", "jenis pemotongan", "withholding type"),
    "base": ("dpp", "dasar pengenaan pajak", "tax base"),
    "rate": ("tarif",),
    "amount": ("jumlah", "nilai", "pph dipotong", "jumlah dipotong", "withheld"),
    "slip": ("slip no", "slip", "no bukti potong", "nomor bukti potong", "bukti potong", "no bp"),
}
_SLIP_SYNONYMS = {
    "slip": _RECORD_SYNONYMS["slip"] + ("no", "nomor"),
    "customer": _RECORD_SYNONYMS["customer"],
    "invoice": _RECORD_SYNONYMS["invoice"],
    "receipt": _RECORD_SYNONYMS["receipt"],
    "amount": _RECORD_SYNONYMS["amount"] + ("pph", "pajak dipotong"),
    "date": ("tanggal", "tgl", "tanggal bukti potong", "tanggal bp", "slip date"),
}
#: Columns of the tracker (:func:`withholding_slips`).
SLIP_COLUMNS = (
    "status", "customer", "invoice", "receipt", "date", "type", "amount", "days", "bucket",
    "slip", "slip_amount", "difference",
)  # fmt: skip
_RECORDS_LOOKUP = header_lookup(_RECORD_SYNONYMS)
_SLIPS_LOOKUP = header_lookup(_SLIP_SYNONYMS)


def withholding_records(
    table: pd.DataFrame, tax: TaxRules | None = None, *, ledger: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per withheld amount of a cash-application table (``withheld`` > 0).

    A combined withholding (``PPN WAPU + PPh 22``) gives one row per tax. With the ``ledger``
    the table was made from, ``base`` is each invoice's tax base (DPP) as the rules read it
    (:func:`~xl_ar.core.cash_application.withholding.invoice_taxes`: the ledger's DPP/PPN
    columns, else derived with ``tax``'s PPN rate) and the PPN part of a combination is the
    invoice's PPN. Without it, ``base`` is taken back from the rates of ``tax`` (default
    :func:`~xl_ar.core.cash_application.withholding.tax_rules`): withheld / Σ rates, in whole
    rupiah, and the PPh part of a combination is base × its rate. Either way the rows add up
    to the withheld amount exactly. ``slip`` is NA (filled when the slip arrives).

    Examples
    --------
    >>> t = pd.DataFrame({"payment": ["P1", "P2"], "payment_date": pd.to_datetime(["2024-02-01"] * 2),
    ...     "customer": ["PT A", "PT B"], "invoice": ["F-1", "F-2"],
    ...     "withheld": [200_000.0, 1_250_000.0], "withholding_type": ["PPh 23", "PPN WAPU + PPh 22"]})
    >>> withholding_records(t)[["invoice", "type", "base", "rate", "amount"]].to_numpy().tolist()
    [['F-1', 'PPh 23', 10000000.0, 0.02, 200000.0], ['F-2', 'PPN WAPU', 10000000.0, 0.11, 1100000.0], ['F-2', 'PPh 22', 10000000.0, 0.015, 150000.0]]
    """
    rules = tax_rules() if tax is None else tax
    rates = {"wapu": rules.effective_ppn_rate, "pph22": rules.pph22_rate, "pph23": rules.pph23_rate}
    if "withheld" not in table.columns:
        return _empty_records()
    held = table[table["withheld"].fillna(0.0).to_numpy() > 0]
    known = {} if ledger is None else _invoice_taxes(ledger, rules)
    out: list[list[Any]] = []
    for row in held.itertuples(index=False):
        kinds = parse_withholding_types(str(row.withholding_type).replace("PPN WAPU", "WAPU"))
        cents = int(to_cents([row.withheld], "withheld")[0])
        total_rate = sum(rates[k] for k in kinds)
        base = np.floor(cents / 100 / total_rate + 0.5 + 1e-6) if total_rate else np.nan
        base, vat = known.get((row.customer, row.invoice), (base, None))
        left = cents
        parts = []
        for kind in kinds:
            if kind == "wapu":
                continue
            part = int(np.floor(base * rates[kind] + 0.5 + 1e-6)) * 100 if len(kinds) > 1 else left
            if "wapu" in kinds and vat is not None:  # the PPh is what the invoice's PPN leaves
                part = cents - int(to_cents([vat], "vat")[0])
            parts.append((kind, part))
            left -= part
        if "wapu" in kinds:
            parts.insert(0, ("wapu", left))
        for kind, part in parts:
            out.append(
                [row.payment_date, row.customer, row.invoice, row.payment, TYPE_LABELS[kind],
                 float(base), rates[kind], part / 100, pd.NA]
            )  # fmt: skip
    if not out:
        return _empty_records()
    frame = pd.DataFrame(out, columns=list(RECORD_COLUMNS))
    return _typed(frame)


def _invoice_taxes(ledger: pd.DataFrame, rules: TaxRules) -> dict[tuple[Any, Any], Any]:
    """(customer, invoice as the result table names it) -> (tax base, PPN) of the ledger."""
    led = ensure_ledger(ledger)
    taxes = invoice_taxes(led, rules)
    labels = [
        f"row {r}" if is_blank_value(v) else v
        for v, r in zip(led[s.INVOICE].astype(object), led.index, strict=True)
    ]
    return dict(
        zip(
            zip(led[s.CUSTOMER].astype(object), labels, strict=True),
            zip(taxes[s.TAX_BASE].tolist(), taxes[s.VAT].tolist(), strict=True),
            strict=True,
        )
    )


def _empty_records() -> pd.DataFrame:
    return _typed(pd.DataFrame({c: [] for c in RECORD_COLUMNS}))


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
    for column in ("customer", "invoice", "receipt", "type", "slip"):
        frame[column] = frame[column].astype("str" if frame[column].notna().all() else object)
        frame[column] = frame[column].where(frame[column].notna(), pd.NA)
    for column in ("base", "rate", "amount"):
        frame[column] = frame[column].astype("float64")
    return frame


def read_withholding(*sources: Any, number_format: str = "auto") -> pd.DataFrame:
    """Read withholding records: the csv xl-ar writes, or tables with the same columns.

    Headers ``Date, Customer, Invoice, Receipt, Type, Base, Rate, Amount, Slip No`` or
    Indonesian (``Tanggal, Pelanggan, No Faktur, Penerimaan, Jenis, DPP, Tarif, Jumlah,
    No Bukti Potong``); date, customer, type and amount are needed. Several sources (months)
    are read one after the other into one table (columns :data:`RECORD_COLUMNS`). Dates
    are day first when written with slashes; ``number_format`` reads text amounts
    (``"id"``: ``200.000``), as for a ledger.

    Examples
    --------
    >>> rows = [list(RECORD_HEADERS),
    ...         ["2024-02-01", "PT A", "F-1", "P1", "PPh 23", "10000000", "2%", "200000", None]]
    >>> got = read_withholding(rows)
    >>> got[["customer", "type", "rate", "amount"]].to_numpy().tolist()
    [['PT A', 'PPh 23', 0.02, 200000.0]]
    """
    if not sources:
        raise XlArError("withholding records: give at least one table")
    frames = [_read_one(source, _RECORDS_LOOKUP, ("date", "customer", "type", "amount"),
                        "withholding records", number_format) for source in sources]  # fmt: skip
    frame = pd.concat(frames, ignore_index=True)
    rates = []
    for value in frame["rate"].tolist():
        rates.append(np.nan if cell_text(value) is None else as_rate(value, "withholding rate"))
    frame["rate"] = rates
    frame["type"] = [_type_label(v) for v in frame["type"]]
    return _typed(frame[list(RECORD_COLUMNS)])


def _type_label(value: object) -> str:
    text = str(cell_text(value) or "")
    kinds = parse_withholding_types(text.replace("PPN WAPU", "WAPU"))
    return " + ".join(TYPE_LABELS[k] for k in kinds)


def _read_one(
    source: Any, lookup: dict[str, str], needed: tuple[str, ...], name: str, number_format: str
) -> pd.DataFrame:
    grid = read_grid(source)
    found = find_columns(grid.headers, lookup)
    missing = [c for c in needed if c not in found]
    if missing:
        headers = ", ".join(shown_header(h) for h in grid.headers[:8])
        raise XlArError(f"{name}: no {' or '.join(missing)} column (headers found: {headers})")
    body = grid.body
    out = pd.DataFrame(index=body.index)
    for column in set(lookup.values()):
        if column not in found:
            out[column] = pd.NA
            continue
        raw = body[found[column]]
        if column == "date":
            parsed = parse_dates(raw, date_order="dmy")
            _refuse(parsed.problems, raw, grid.headers[found[column]], name)
            out[column] = parsed.values
        elif column in ("amount", "base", "slip_amount"):
            parsed = parse_amounts(raw, number_format=number_format)
            _refuse(parsed.problems, raw, grid.headers[found[column]], name)
            out[column] = parsed.values
        elif column == "rate":
            out[column] = raw
        else:
            out[column] = to_text(raw)
    return out


def _refuse(problems: pd.Series, raw: pd.Series, header: object, name: str) -> None:
    bad = problems.notna().to_numpy()
    if bad.any():
        at = int(np.flatnonzero(bad)[0])
        raise XlArError(
            f"{name}: row {raw.index[at]} {shown_header(header)}: "
            f"{quote_excerpt(raw.iloc[at])} {problems.iloc[at]}"
        )


def withholding_slips(
    records: Any, slips: Any, as_of: Any, *, buckets: Any = None, number_format: str = "auto"
) -> pd.DataFrame:
    """The slip tracker: withheld amounts without a received slip, by age, and differences.

    Parameters
    ----------
    records : table
        :func:`withholding_records` output, or what :func:`read_withholding` reads. A record
        whose ``slip`` is filled counts as received.
    slips : table or None
        The register of slips received: ``No Bukti Potong`` / ``Slip No``, ``Customer``,
        ``Invoice`` or ``Receipt``, ``Amount``, ``Date``. A slip matches a record of its
        customer (by key, :mod:`xl_ar.core.base.customers`) and invoice, else of its customer
        and amount to the cent; each slip and record is used once.
    as_of : date-like
        Ages are days from the payment date to ``as_of``.
    buckets : edges, default (30, 60, 90)
        Age buckets ``0-30``, ``31-60``, ``61-90``, ``>90``.
    number_format : {'auto', 'id', 'en', 'plain'}, default 'auto'
        How text amounts of both tables are read.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`SLIP_COLUMNS`: ``missing`` rows (no slip), oldest first; then
        ``difference`` rows (a slip matched by invoice whose amount is not the record's:
        ``difference`` = record − slip, never matched silently); then one ``total`` row per
        age bucket of the missing amounts and a ``total`` row with ``bucket`` ``Total``.

    Examples
    --------
    >>> recs = read_withholding([list(RECORD_HEADERS),
    ...     ["2024-01-10", "PT A", "F-1", "P1", "PPh 23", 10_000_000, "2%", 200_000, None],
    ...     ["2024-03-01", "PT B", "F-2", "P2", "PPh 23", 5_000_000, "2%", 100_000, None],
    ...     ["2024-03-05", "PT C", "F-3", "P3", "PPh 22", 2_000_000, "1.5%", 30_000, None]])
    >>> reg = [["No Bukti Potong", "Pelanggan", "No Faktur", "Jumlah"],
    ...        ["BP-9", "pt b", "F-2", 100_000], ["BP-10", "PT C", "F-3", 3_000]]
    >>> got = withholding_slips(recs, reg, "2024-03-31")
    >>> got[["status", "invoice", "amount", "days", "bucket", "slip", "difference"]].to_numpy().tolist()
    [['missing', 'F-1', 200000.0, 81.0, '61-90', <NA>, nan], ['difference', 'F-3', 30000.0, 26.0, '0-30', 'BP-10', 27000.0], ['total', <NA>, 0.0, nan, '0-30', <NA>, nan], ['total', <NA>, 0.0, nan, '31-60', <NA>, nan], ['total', <NA>, 200000.0, nan, '61-90', <NA>, nan], ['total', <NA>, 0.0, nan, '>90', <NA>, nan], ['total', <NA>, 200000.0, nan, 'Total', <NA>, nan]]
    """
    day = as_date(as_of)
    recs = (
        records if _is_records(records) else read_withholding(records, number_format=number_format)
    )
    recs = recs.reset_index(drop=True)
    register = _read_register(slips, number_format)
    rec_cents = to_cents(recs["amount"].to_numpy(dtype=np.float64), "withholding records")
    reg_cents = to_cents(register["amount"].to_numpy(dtype=np.float64), "slips")
    slip_of = recs["slip"].astype(object).to_numpy().copy()
    slip_amount = np.full(len(recs), np.nan)
    rec = pd.DataFrame(
        {"k": customer_keys(recs["customer"]), "inv": _keys(recs["invoice"]),
         "rcpt": _keys(recs["receipt"]), "cents": rec_cents, "i": np.arange(len(recs))}
    )  # fmt: skip
    rec = rec[[cell_text(v) is None for v in slip_of]]
    reg = pd.DataFrame(
        {"k": customer_keys(register["customer"]), "inv": _keys(register["invoice"]),
         "rcpt": _keys(register["receipt"]), "cents": reg_cents, "n": np.arange(len(register))}
    )  # fmt: skip
    for on in ("inv", "rcpt", "cents"):  # customer + invoice, + receipt, then + amount
        pairs = _pair(rec, reg, on)
        slip_of[pairs["i"]] = register["slip"].to_numpy(dtype=object)[pairs["n"]]
        slip_amount[pairs["i"]] = reg_cents[pairs["n"]] / 100
        rec = rec[~rec["i"].isin(pairs["i"])]
        reg = reg[~reg["n"].isin(pairs["n"])]
    days = (day - recs["date"]).dt.days.to_numpy(dtype=np.float64)
    labels = np.asarray(bucket_labels(buckets or (30, 60, 90), basis="invoice"), dtype=object)
    bucket = labels[assign_buckets(np.maximum(days, 0), buckets or (30, 60, 90), "invoice")]
    received = np.array([cell_text(v) is not None for v in slip_of])
    differs = received & ~np.isnan(slip_amount) & (np.rint(slip_amount * 100) != rec_cents)
    missing = ~received
    detail = pd.DataFrame(
        {
            "status": np.where(differs, "difference", "missing"),
            "customer": recs["customer"], "invoice": recs["invoice"], "receipt": recs["receipt"],
            "date": recs["date"], "type": recs["type"], "amount": recs["amount"],
            "days": days, "bucket": bucket, "slip": slip_of,
            "slip_amount": slip_amount,
            "difference": np.where(differs, (rec_cents - np.rint(slip_amount * 100)) / 100, np.nan),
        }
    )  # fmt: skip
    late = detail[missing].sort_values(["days", "customer"], ascending=[False, True], kind="stable")
    wrong = detail[differs]
    sums = np.bincount(
        assign_buckets(np.maximum(days[missing], 0), buckets or (30, 60, 90), "invoice"),
        weights=rec_cents[missing], minlength=len(labels),
    )  # fmt: skip
    totals = pd.DataFrame(
        {"status": "total", "bucket": [*labels, "Total"],
         "amount": np.append(sums, sums.sum()) / 100}
    )  # fmt: skip
    out = pd.concat([late, wrong, totals], ignore_index=True)[list(SLIP_COLUMNS)]
    for column in ("customer", "invoice", "receipt", "type", "slip", "bucket", "status"):
        out[column] = out[column].astype(object).where(out[column].notna(), pd.NA)
    out["slip"] = out["slip"].where(out["status"].ne("missing"), pd.NA)
    return out


def _is_records(obj: Any) -> bool:
    return isinstance(obj, pd.DataFrame) and all(c in obj.columns for c in RECORD_COLUMNS)


def _read_register(slips: Any, number_format: str) -> pd.DataFrame:
    columns = ("slip", "customer", "invoice", "receipt", "amount", "date")
    if slips is None:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in columns})
    return _read_one(slips, _SLIPS_LOOKUP, ("slip", "customer", "amount"), "slips", number_format)


def _keys(values: pd.Series) -> np.ndarray:
    """Invoice / receipt numbers compared without case and outer spaces (NA stays NA)."""
    return np.array(
        [None if cell_text(v) is None else str(cell_text(v)).strip().lower() for v in values],
        dtype=object,
    )


def _pair(rec: pd.DataFrame, reg: pd.DataFrame, on: str) -> dict[str, np.ndarray]:
    """Records and slips of one customer with the same ``on`` value, the n-th with the n-th."""
    a = rec[rec["k"].notna() & rec[on].notna()].copy()
    b = reg[reg["k"].notna() & reg[on].notna()].copy()
    a["nth"] = a.groupby(["k", on], sort=False).cumcount()
    b["nth"] = b.groupby(["k", on], sort=False).cumcount()
    both = a[["k", on, "nth", "i"]].merge(b[["k", on, "nth", "n"]], on=["k", on, "nth"])
    return {"i": both["i"].to_numpy(dtype=np.int64), "n": both["n"].to_numpy(dtype=np.int64)}
