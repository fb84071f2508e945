"""What each document says: the docxtpl context of a dunning letter, a statement of account
and a balance confirmation, all values as text (money and dates written as the letters write
them), plus the customer's details from the customer master.

A :class:`Document` is one customer's document before rendering: its kind, language, date,
template key, context, e-mail subject and activity note (``letter:overdue``, ``statement``,
``confirmation:positive``). The customer's language (master ``language``) wins over the
run's; the customer's PIC, address, e-mail and virtual account come from the master, matched
by :func:`xl_ar.core.customer_key` only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core import (
    STATEMENT_LABELS,
    LetterWriter,
    assess,
    balance_confirmations,
    bucket_text,
    cell_text,
    customer_key,
    format_money,
    letter_sections,
    long_date,
    read_contact,
)
from xl_ar.documents.settings import DocumentSettings
from xl_ar.errors import XlArError

__all__ = [
    "MASTER_FIELDS",
    "Document",
    "confirmation_documents",
    "customer_details",
    "letter_documents",
    "require_settings",
    "statement_context",
    "statement_documents",
]

_KIND_LABELS = {
    "id": {"invoice": "Faktur", "credit_note": "Nota Kredit", "payment": "Pembayaran",
           "unapplied": "Pembayaran belum dialokasikan"},
    "en": {"invoice": "Invoice", "credit_note": "Credit note", "payment": "Payment",
           "unapplied": "Unapplied payment"},
}  # fmt: skip
_WORDS = {
    "id": {"days_overdue": "Hari Lewat", "days_to_due": "Hari Lagi", "total": "Total",
           "statement": "Rekening koran piutang {customer} {start} – {end}",
           "confirmation": "Konfirmasi saldo piutang {customer} per {as_of}",
           "department": "Bagian Piutang"},
    "en": {"days_overdue": "Days Overdue", "days_to_due": "Days to Due", "total": "Total",
           "statement": "Statement of account {customer} {start} – {end}",
           "confirmation": "Confirmation of account balance of {customer} as of {as_of}",
           "department": "Accounts Receivable"},
}  # fmt: skip


@dataclass(frozen=True)
class Document:
    """One customer's document before rendering."""

    kind: str  # letter, statement, confirmation
    template_key: str  # letter, statement, confirmation_positive, confirmation_negative
    customer: str
    lang: str
    day: pd.Timestamp
    context: dict[str, Any]
    subject: str
    note: str  # the activity note's head: letter:<stage>, statement, confirmation:<form>
    email: str  # the master's addresses ("a@x; b@y"), "" when none


def _text(value: Any) -> str:
    """A cell as one line of text ("" for blanks and NaN)."""
    text = cell_text(value)
    return " ".join(text.split()) if text else ""


def _in_language(value: Any, lang: str) -> str:
    """A text that may be an (Indonesian, English) pair, in ``lang``, as one line.

    Examples
    --------
    >>> _in_language(("Faktur F-1", "Invoice F-1"), "en"), _in_language("F-1", "id")
    ('Invoice F-1', 'F-1')
    """
    if isinstance(value, tuple | list) and len(value) == 2:
        value = value[int(lang == "en")]
    return _text(value)


#: The customer master's canonical columns (``read_customer_master``) templates see as
#: ``customer.<column>`` ("" when absent).
MASTER_FIELDS = (
    "pic", "email", "phone", "whatsapp", "address", "salesperson", "region", "collector",
    "group", "terms_days", "credit_limit", "currency", "language", "virtual_account",
)  # fmt: skip


def _field_name(header: Any) -> str:
    """A master column's header as a placeholder name (``Kode Pos`` -> ``kode_pos``)."""
    name = "_".join(re.findall(r"[0-9a-z]+", str(header).casefold()))
    return name if name and not name[0].isdigit() else f"col_{name}"


def customer_details(master: pd.DataFrame | None, customer: str) -> dict[str, str]:
    """The master's row of ``customer`` (matched by key) as text: every canonical column
    (:data:`MASTER_FIELDS`) and the master's other columns under their header as a name
    (``Kode Pos`` -> ``kode_pos``); "" when absent or not in the master.

    Examples
    --------
    >>> m = pd.DataFrame({"customer": ["PT. Maju"], "pic": ["Budi"], "email": ["a@x.id"],
    ...                   "region": ["Jatim"], "terms_days": [30.0], "Kode Pos": ["60111"]})
    >>> d = customer_details(m, "pt maju")
    >>> d["email"], d["region"], d["terms_days"], d["kode_pos"], d["collector"]
    ('a@x.id', 'Jatim', '30', '60111', '')
    >>> customer_details(m, "CV Lain")["email"]
    ''
    """
    empty = dict.fromkeys(MASTER_FIELDS, "")
    if master is None or master.empty or "customer" not in master:
        return {**empty, "found": ""}
    key = customer_key(customer)
    keys = [customer_key(v) for v in master["customer"]]
    if key is None or key not in keys:
        return {**empty, "found": ""}
    row = master.iloc[keys.index(key)]
    out = {k: _text(row[k]) if k in master.columns else "" for k in empty}
    for column in master.columns:
        name = _field_name(column)
        if column != "customer" and column not in empty and name not in out:
            out[name] = _text(row[column])
    out["language"] = out["language"].lower()[:2]
    return {**out, "found": "yes"}


def require_settings(kind: str, settings: DocumentSettings, company: str = "") -> None:
    """Refuse, in one line naming the setting, a document the shipped templates cannot write
    without: a letter needs the company's name (letterhead, signature), a confirmation also
    the auditor's (replies go there). ``company`` is a fallback (the contact file's).

    Examples
    --------
    >>> try:
    ...     require_settings("confirmation", DocumentSettings(company="PT A"))
    ... except XlArError as exc:
    ...     print(exc)
    balance confirmations need the auditor's name: Auditor in xl_ar.conf (--conf FILE) or --auditor NAME
    """
    missing = [] if settings.company or company else [("company", "Company", "--company")]
    if kind == "confirmation" and not settings.auditor:
        missing.append(("auditor", "Auditor", "--auditor"))
    if not missing:
        return
    what = {"letter": "Word/PDF letters", "confirmation": "balance confirmations"}[kind]
    names = " and ".join(f"the {m[0]}'s name" for m in missing)
    keys = " and ".join(m[1] for m in missing)
    options = " / ".join(f"{m[2]} NAME" for m in missing)
    raise XlArError(f"{what} need {names}: {keys} in xl_ar.conf (--conf FILE) or {options}")


def _language(details: dict[str, str], lang: str) -> str:
    return details["language"] if details["language"] in ("id", "en") else lang


def _common(settings: DocumentSettings, customer: str, details: dict[str, str], lang: str,
            day: Any, subject: str, contact: dict[str, str] | None = None) -> dict[str, Any]:  # fmt: skip
    contact = contact or {}
    return {
        "lang": lang,
        "date": long_date(day, lang),
        "subject": subject,
        "company": {
            "name": settings.company or contact.get("company", ""),
            "address": settings.company_address,
            "phone": settings.company_phone or contact.get("phone", ""),
            "bank": settings.bank,
            "bank_account": settings.bank_account,
            "account_name": settings.account_name,
        },
        "customer": {
            "name": _text(customer),
            **{k: v for k, v in details.items() if k not in ("found", "name", "in_master")},
            "in_master": details.get("found", ""),
        },
        "signatory": {
            "name": settings.signatory or contact.get("name", "") or _WORDS[lang]["department"],
            "title": settings.signatory_title or contact.get("title", ""),
        },
    }


def _money(value: float, lang: str, currency: str | None) -> str:
    return format_money(float(value), lang, currency)


_SHORT_MONTHS = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def _day(value: Any, lang: str) -> str:
    """A date in a table: ``31 Okt 2024`` / ``31 Oct 2024`` ("" when missing)."""
    if value is None or pd.isna(value):
        return ""
    day = pd.Timestamp(value)
    return f"{day.day} {_SHORT_MONTHS[lang][day.month - 1]} {day.year}"


def letter_documents(
    ledger: Any,
    as_of: Any,
    *,
    lang: str = "id",
    settings: DocumentSettings | None = None,
    master: pd.DataFrame | None = None,
    strategy: Any = None,
    promises: Any = None,
    contact: Any = None,
    templates: Any = None,
    pay_within_days: float = 7,
    interest_rate: Any = None,
    activity: Any = None,
    disputes: Any = None,
) -> tuple[list[Document], pd.DataFrame]:
    """The dunning letters of a run as documents, and the run's plan (who gets no letter and
    why, :meth:`xl_ar.core.LetterWriter.plan`).

    The wording is the text letter's (same stage templates), cut into subject and paragraphs
    by :func:`xl_ar.core.letter_sections`; each letter is in its customer's language.
    """
    settings = settings or DocumentSettings()
    person = read_contact(contact)
    require_settings("letter", settings, (person or {}).get("company", ""))
    got = assess(
        ledger, as_of, strategy=strategy, promises=promises, activity=activity, disputes=disputes
    )
    writers: dict[str, LetterWriter] = {}

    def writer(code: str) -> LetterWriter:
        if code not in writers:
            writers[code] = LetterWriter(
                got, code, templates, settings.company or None, person, pay_within_days,
                interest_rate=interest_rate,
            )  # fmt: skip
        return writers[code]

    plan = writer(lang).plan("en")
    docs = []
    chosen = plan[plan["stage"].notna() & plan["reason"].isna()]
    for pos, stage_pos in zip(chosen["pos"], chosen["stage_pos"], strict=True):
        name = str(got.customers["customer"].iloc[int(pos)])
        details = customer_details(master, name)
        code = _language(details, lang)
        parts = writer(code).parts(int(pos), int(stage_pos))
        sections = letter_sections(parts)
        items = parts.items
        days = items["days_past_due"].to_numpy(dtype=float)
        days = -days if parts.pre_due else days
        money = [_money(v, code, parts.currency) for v in items["outstanding"]]
        rows = [
            {"invoice": _text(inv) or "-", "date": _day(d, code), "due_date": _day(due, code),
             "days": f"{int(n)}", "amount": amt, "interest": _money(i, code, parts.currency)}
            for inv, d, due, n, amt, i in zip(
                items["invoice"], items["invoice_date"], items["due_date"], days, money,
                items["interest"], strict=True,
            )
        ]  # fmt: skip
        context = _common(settings, name, details, code, got.as_of, sections.subject, person)
        context |= {
            "stage": parts.stage,
            "before": sections.before,
            "after": sections.after,
            "closing": sections.closing,
            "rows": rows,
            "days_label": _WORDS[code]["days_to_due" if parts.pre_due else "days_overdue"],
            "total": _money(items["outstanding"].sum(), code, parts.currency),
            "total_interest": _money(items["interest"].sum(), code, parts.currency),
            "total_payable": parts.values["total_payable"],
            "charges_interest": parts.charges_interest,
        }
        docs.append(
            Document("letter", "letter", name, code, got.as_of, context, sections.subject,
                     f"letter:{parts.stage}", details["email"])
        )  # fmt: skip
    return docs, plan


def confirmation_documents(
    ledger: Any,
    as_of: Any,
    *,
    form: str = "positive",
    customers: Iterable[Any] | None = None,
    largest: int | None = None,
    lang: str = "id",
    settings: DocumentSettings | None = None,
    master: pd.DataFrame | None = None,
) -> list[Document]:
    """Balance confirmations (:func:`xl_ar.core.balance_confirmations`) as documents."""
    settings = settings or DocumentSettings()
    form = str(form).strip().lower()
    if form not in ("positive", "negative"):
        raise XlArError(f"the confirmation form is positive or negative, not {form!r}"[:200])
    require_settings("confirmation", settings)
    docs = []
    for conf in balance_confirmations(ledger, as_of, customers=customers, largest=largest):
        details = customer_details(master, conf.customer)
        code = _language(details, lang)
        as_of_text = long_date(conf.as_of, code)
        subject = _WORDS[code]["confirmation"].format(
            customer=_text(conf.customer), as_of=as_of_text
        )
        labels = _KIND_LABELS[code]
        items = conf.items
        rows = [
            {"document": _text(doc) or "-", "kind": labels.get(str(kind), _text(kind)),
             "date": _day(d, code), "due_date": _day(due, code),
             "amount": _money(amount, code, conf.currency),
             "open": _money(open_, code, conf.currency)}
            for doc, kind, d, due, amount, open_ in zip(
                items["document"], items["kind"], items["date"], items["due_date"],
                items["amount"], items["open"], strict=True,
            )
        ]  # fmt: skip
        context = _common(settings, conf.customer, details, code, conf.as_of, subject)
        context |= {
            "form": form,
            "as_of": as_of_text,
            "balance": _money(conf.balance, code, conf.currency),
            "currency": conf.currency or "IDR",
            "rows": rows,
            "auditor": {"name": settings.auditor, "address": settings.auditor_address},
        }
        docs.append(
            Document("confirmation", f"confirmation_{form}", conf.customer, code, conf.as_of,
                     context, subject, f"confirmation:{form}", details["email"])
        )  # fmt: skip
    return docs


def statement_context(
    stmt: Any,
    *,
    lang: str = "id",
    settings: DocumentSettings | None = None,
    details: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The context of one statement of account (an ``AccountStatement``: ``customer, start,
    end, currency, opening, closing, lines, aging, open_items``).

    Examples
    --------
    >>> from xl_ar.core import account_statements
    >>> rows = [["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid", "Paid On"],
    ...         ["PT A", "F-0", "2024-11-20", "2024-12-20", 100.0, 0.0, None],
    ...         ["PT A", "F-1", "2024-12-02", "2025-01-01", 500.0, 0.0, None],
    ...         ["PT A", "F-9", "2024-10-01", "2024-10-31", 50.0, 50.0, "2024-10-20"]]
    >>> stmt = account_statements(rows, "2024-12-01", "2024-12-31")[0]
    >>> ctx = statement_context(stmt, lang="en")
    >>> ctx["lines"][0]["document"], ctx["lines"][0]["debit"], ctx["lines"][0]["credit"]
    ('F-1', 'Rp 500', '')
    >>> ctx["opening"], ctx["closing"], [(a["label"], a["amount"]) for a in ctx["aging"]][:2]
    ('Rp 100', 'Rp 600', [('Current', 'Rp 500'), ('1-30 days', 'Rp 100')])
    """
    settings = settings or DocumentSettings()
    details = details or customer_details(None, stmt.customer)
    cur = stmt.currency or None
    start, end = long_date(stmt.start, lang), long_date(stmt.end, lang)
    subject = _WORDS[lang]["statement"].format(customer=_text(stmt.customer), start=start, end=end)
    labels = _KIND_LABELS[lang]

    def amount(value: Any) -> str:
        return "" if pd.isna(value) or abs(float(value)) < 0.005 else _money(value, lang, cur)

    lines = stmt.lines
    rows = [
        {"date": _day(d, lang), "kind": labels.get(str(k), _text(k)), "document": _text(doc),
         "description": _in_language(desc, lang) or labels.get(str(k), _text(k)), "due_date": _day(due, lang),
         "debit": amount(dr), "credit": amount(cr), "balance": _money(bal, lang, cur)}
        for d, k, doc, desc, due, dr, cr, bal in zip(
            lines["date"], lines["kind"], lines["document"], lines["description"],
            lines["due_date"], lines["debit"], lines["credit"], lines["balance"], strict=True,
        )
    ]  # fmt: skip
    aging = []
    if stmt.aging is not None and len(stmt.aging):
        first = stmt.aging.iloc[0]
        for col in stmt.aging.columns:
            value = first[col]
            if isinstance(value, int | float | np.number) and not isinstance(value, bool):
                label = bucket_text(str(col), lang)
                aging.append({"label": label, "amount": _money(value, lang, cur)})
    opens = stmt.open_items if stmt.open_items is not None else pd.DataFrame()
    open_rows = [
        {"document": _text(r.get("document")), "date": _day(r.get("date"), lang),
         "due_date": _day(r.get("due_date"), lang), "amount": _money(r.get("amount", 0), lang, cur),
         "open": _money(r.get("open", 0), lang, cur),
         "days_overdue": _text(int(r["days_overdue"])) if pd.notna(r.get("days_overdue")) else ""}
        for r in opens.to_dict("records")
    ]  # fmt: skip
    side = int(lang == "en")
    known = pd.notna(stmt.opening)
    context = _common(settings, stmt.customer, details, lang, stmt.end, subject)
    return context | {
        "start": start,
        "end": end,
        "currency": cur or "IDR",
        "opening_date": long_date(stmt.start - pd.Timedelta(days=1), lang),
        "opening": _money(stmt.opening, lang, cur)
        if known
        else STATEMENT_LABELS["not_known"][side],
        "notes": [_in_language(note, lang) for note in getattr(stmt, "notes", ())],
        "closing": _money(stmt.closing, lang, cur),
        "lines": rows,
        "total_debit": _money(float(lines["debit"].fillna(0).sum()), lang, cur),
        "total_credit": _money(float(lines["credit"].fillna(0).sum()), lang, cur),
        "aging": aging,
        "open_items": open_rows,
    }


def statement_documents(
    statements: Iterable[Any],
    *,
    lang: str = "id",
    settings: DocumentSettings | None = None,
    master: pd.DataFrame | None = None,
) -> list[Document]:
    """Statements of account (``account_statements(...)``) as documents, each in its
    customer's language."""
    docs = []
    for stmt in statements:
        details = customer_details(master, stmt.customer)
        code = _language(details, lang)
        context = statement_context(stmt, lang=code, settings=settings, details=details)
        docs.append(
            Document("statement", "statement", str(stmt.customer), code,
                     pd.Timestamp(stmt.end), context, context["subject"], "statement",
                     details["email"])
        )  # fmt: skip
    return docs
