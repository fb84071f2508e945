"""Import profiles: the known exports of accounting systems, as one table of data.

A profile is a name, the header signature that detects it and what reading it implies: a
column mapping (header → role, the same mapping as ``--map``) and reading options (number
format, date order, what a negative line is). :func:`~xl_ar.core.ledger.ledger.load_ledger`
detects the profile from the header row (``profile="auto"``), or takes the one named
(``--profile NAME``); ``"none"`` reads with the generic rules only. The user's own mapping
and options win over a profile's.

The generic reader already handles title blocks, totals, groups and balance columns, so a
profile is a convenience: it names the export in a reading note and settles what the
headers alone cannot (which of two customer columns is the name, which paid column to
trust, a number format that could be read two ways).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from xl_ar.core.base import schema as s
from xl_ar.core.base.cells import cut_text
from xl_ar.core.base.columns import IGNORE, column_map, normalize_header
from xl_ar.errors import OptionError

__all__ = [
    "PROFILES",
    "Profile",
    "choose_profile",
    "profile_reading",
    "detect_profile",
    "profile_table",
]


@dataclass(frozen=True)
class Profile:
    """One known export: how to detect it and what reading it implies."""

    #: The name given to ``--profile`` (lower case, dashes).
    name: str
    #: The system that writes the export.
    system: str
    #: The report (or list) exported.
    report: str
    #: Headers that must all be in the header row for the profile to be detected.
    signature: tuple[str, ...]
    #: Header → role, applied to the headers present (a user's ``--map`` wins).
    columns: Mapping[str, str] = field(default_factory=dict)
    #: Reading options where the user left the default: number_format, date_order, negative.
    options: Mapping[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        """``QuickBooks A/R Aging Detail``."""
        return f"{self.system} {self.report}"

    def sets(self) -> str:
        """What the profile sets, for ``xl-ar profiles`` and the reading note.

        Examples
        --------
        >>> choose_profile("odoo-journal-items", []).sets()
        'Partner=customer, Journal Entry=invoice, Debit=ignore, Credit=ignore; negative credit-note'
        """
        parts = [f"{h}={r}" for h, r in self.columns.items()]
        mapped = ", ".join(parts)
        opts = "; ".join(f"{k.replace('_', ' ')} {v}" for k, v in self.options.items())
        return "; ".join(p for p in (mapped, opts) if p) or "nothing (named only)"


_US = {"date_order": "mdy"}
_ID = {"number_format": "id"}
_ID_CREDIT = {**_ID, "negative": "credit-note"}

#: The known exports. Signatures follow the vendors' public documentation of each layout
#: (see the README, "Your own export"); the most specific signature found wins.
PROFILES: tuple[Profile, ...] = (
    Profile(
        "quickbooks-aging-detail", "QuickBooks", "A/R Aging Detail",
        ("Transaction Type", "Num", "Due Date", "Past Due", "Amount", "Open Balance"),
        options=_US,
    ),
    Profile(
        "quickbooks-open-invoices", "QuickBooks", "Open Invoices",
        ("Num", "Terms", "Due Date", "Open Balance"),
        options=_US,
    ),
    Profile(
        "xero-aged-receivables", "Xero", "Aged Receivables Detail",
        ("Invoice Date", "Invoice Number", "Invoice Reference", "Due Date", "Total"),
        columns={"Paid": IGNORE, "Credited": IGNORE},
        options={"negative": "credit-note"},
    ),
    Profile(
        "accurate-daftar-piutang", "Accurate", "Daftar Piutang",
        ("Pelanggan", "No. Faktur", "Tgl Faktur", "Jatuh Tempo", "Nilai Faktur", "Terutang"),
        options=_ID_CREDIT,
    ),
    Profile(
        "accurate-umur-piutang", "Accurate", "Rincian Umur Piutang",
        ("No. Faktur", "Tgl Faktur", "Jatuh Tempo", "Nilai Faktur", "Sisa Piutang"),
        options=_ID_CREDIT,
    ),
    Profile(
        "jurnal-umur-piutang", "Jurnal.id", "Laporan Umur Piutang",
        ("No. Transaksi", "Tanggal Transaksi", "Tanggal Jatuh Tempo", "Sisa Tagihan"),
        columns={"No. Transaksi": s.INVOICE, "Tanggal Transaksi": s.INVOICE_DATE},
        options=_ID,
    ),
    Profile(
        "zoho-aged-receivables", "Zoho Books", "AR Aging Details",
        ("Date", "Transaction#", "Type", "Customer Name", "Amount", "Balance Due"),
        columns={"Transaction#": s.INVOICE, "Status": IGNORE, "Age": IGNORE},
    ),
    Profile(
        "odoo-journal-items", "Odoo", "Journal Items (receivable)",
        ("Journal Entry", "Partner", "Due Date", "Debit", "Credit", "Amount Residual"),
        columns={
            "Partner": s.CUSTOMER, "Journal Entry": s.INVOICE, "Debit": IGNORE, "Credit": IGNORE,
        },
        options={"negative": "credit-note"},
    ),
    Profile(
        "sap-fbl5n", "SAP", "FBL5N Customer Line Items",
        ("Name 1", "Document Number", "Document Type", "Net due date", "Amount in local currency"),
        columns={
            "Name 1": s.CUSTOMER, "Customer": IGNORE, "Net due date": s.DUE_DATE,
            "Document Date": s.INVOICE_DATE, "Amount in local currency": s.AMOUNT,
            "Local Currency": s.CURRENCY,
        },
        options={"number_format": "id"},
    ),
    Profile(
        "erpnext-accounts-receivable", "ERPNext", "Accounts Receivable",
        ("Posting Date", "Voucher Type", "Voucher No", "Due Date", "Outstanding Amount"),
        columns={
            "Voucher No": s.INVOICE, "Posting Date": s.INVOICE_DATE,
            "Invoiced Amount": s.AMOUNT, "Paid Amount": IGNORE, "Outstanding Amount": s.BALANCE,
        },
        options={"negative": "credit-note"},
    ),
    Profile(
        "erpnext-accounts-receivable-names", "ERPNext", "Accounts Receivable (with Customer Name)",
        ("Posting Date", "Customer Name", "Voucher Type", "Voucher No", "Due Date",
         "Outstanding Amount"),
        columns={
            "Customer Name": s.CUSTOMER, "Customer": IGNORE,
            "Voucher No": s.INVOICE, "Posting Date": s.INVOICE_DATE,
            "Invoiced Amount": s.AMOUNT, "Paid Amount": IGNORE, "Outstanding Amount": s.BALANCE,
        },
        options={"negative": "credit-note"},
    ),
)  # fmt: skip

#: ``--profile`` values that are no profile: detect one (``auto``) or read generically.
AUTO, NONE = "auto", "none"

#: Defaults of the reading options a profile may set (a user's other value wins).
_DEFAULTS = {"number_format": "auto", "date_order": "auto", "negative": "refuse"}


def detect_profile(headers: Sequence[object]) -> Profile | None:
    """The known export whose signature the header row carries (the most specific one).

    Examples
    --------
    >>> detect_profile(["Posting Date", "Customer", "Voucher Type", "Voucher No", "Due Date",
    ...                 "Invoiced Amount", "Outstanding Amount"]).name
    'erpnext-accounts-receivable'
    >>> detect_profile(["Customer", "Invoice Date", "Amount"]) is None
    True
    """
    have = {normalize_header(h) for h in headers if h not in (None, "")}
    hits = [p for p in PROFILES if all(normalize_header(h) in have for h in p.signature)]
    return max(hits, key=lambda p: len(p.signature), default=None)


def choose_profile(profile: str | None, headers: Sequence[object]) -> Profile | None:
    """The profile named (``auto``: detected from ``headers``; ``none``: no profile).

    Examples
    --------
    >>> choose_profile("none", ["Name 1"]) is None
    True
    >>> choose_profile("QuickBooks", [])
    Traceback (most recent call last):
    ...
    xl_ar.errors.OptionError: unknown profile 'QuickBooks' (known: auto, none, \
quickbooks-aging-detail, quickbooks-open-invoices, xero-aged-receivables, \
accurate-daftar-piutang, accurate-umur-piutang, jurnal-umur-piutang, zoho-aged-receivables, \
odoo-journal-items, sap-fbl5n, erpnext-accounts-receivable, \
erpnext-accounts-receivable-names)
    """
    key = AUTO if profile is None else str(profile).strip().lower().replace("_", "-")
    if key in ("", AUTO):
        return detect_profile(headers)
    if key == NONE:
        return None
    for known in PROFILES:
        if known.name == key:
            return known
    names = ", ".join((AUTO, NONE, *(p.name for p in PROFILES)))
    raise OptionError(f"unknown profile {cut_text(str(profile), 30)!r} (known: {names})")


def profile_reading(
    profile: Profile,
    headers: Sequence[object],
    columns: Mapping[str, str] | str | None,
    options: Mapping[str, str],
) -> tuple[dict[str, str], dict[str, str], str]:
    """The mapping and options to read with, and the reading note.

    The profile's mapping covers the headers present only; the user's mapping wins per
    header and per role. The profile's options apply where the user left the default.

    Examples
    --------
    >>> sap = choose_profile("sap-fbl5n", [])
    >>> cols, opts, note = profile_reading(sap, ["Name 1", "Net due date"], "Name 1=ignore",
    ...                                    {"number_format": "auto", "negative": "refuse"})
    >>> cols, opts
    ({'netduedate': 'due_date', 'name1': 'ignore'}, {'number_format': 'id', 'negative': 'refuse'})
    >>> note
    'read as a SAP FBL5N Customer Line Items export (Net due date=due_date; number format id)'
    """
    user = column_map(columns)
    present = {normalize_header(h) for h in headers if h not in (None, "")}
    taken = set(user.values()) - {IGNORE}
    mapped = {
        normalize_header(h): r
        for h, r in profile.columns.items()
        if normalize_header(h) in present
        and normalize_header(h) not in user
        and (r == IGNORE or r not in taken)
    }
    shown = [h for h in profile.columns if normalize_header(h) in mapped]
    out_opts = dict(options)
    used = []
    for key, value in profile.options.items():
        if out_opts.get(key, _DEFAULTS[key]) == _DEFAULTS[key]:
            out_opts[key] = value
            used.append(f"{key.replace('_', ' ')} {value}")
    said = "; ".join(
        p for p in (", ".join(f"{h}={profile.columns[h]}" for h in shown), "; ".join(used)) if p
    )
    article = "an" if profile.system[:1] in "AEIOU" else "a"
    note = f"read as {article} {profile.title} export" + (f" ({said})" if said else "")
    return {**mapped, **user}, out_opts, note


def profile_table() -> list[dict[str, str]]:
    """The known profiles as rows (name, system, report, what it sets), for ``xl-ar profiles``.

    Examples
    --------
    >>> profile_table()[0]["name"], profile_table()[0]["sets"]
    ('quickbooks-aging-detail', 'date order mdy')
    """
    return [
        {"name": p.name, "system": p.system, "report": p.report, "sets": p.sets()} for p in PROFILES
    ]
