"""Dunning letters per customer and stage, in Bahasa Indonesia and English.

Letters are plain text rendered from editable templates: one file per language
(``xl_ar/templates/letters/id.txt`` and ``en.txt``) with a section per strategy stage
(``[preventive]``, ``[early]``, ``[overdue]``, ``[escalation]``, ``[legal]``,
``[write_off]``: a final demand before legal action). Placeholders in braces are filled in
(:data:`PLACEHOLDERS`); an unknown placeholder is an error naming it, ``{{``/``}}`` write a
brace. Blocks that do not apply (no credits, no interest ...) vanish with their blank line.

What a letter lists, for the customer at ``as_of``:

* a pre-due stage (``max_dpd`` ≤ 0): its undisputed open invoices due within the stage's
  window; every other stage: its undisputed open invoices past due (``days_past_due`` ≥ 1),
  plus those due within the band when the band starts before the due date (``-7 .. 15``);
* the invoice table: number, invoice date, due date, days overdue (days to the due date in a
  pre-due letter), outstanding (``Rp 1.234.567``) and, when the stage charges interest, the
  interest per invoice; then the total;
* open credits (credit notes, unapplied cash) reduce the amount to pay; disputed invoices are
  left out and named in a separate paragraph;
* interest (:mod:`xl_ar.core.collections.interest`: stage ``annual_rate``, or the
  ``interest_rate`` given for every stage, 365-day basis, rounded per invoice to whole
  Rupiah) plus the stage's fixed ``fee`` once per letter. The default strategy charges
  neither: with no rate set a letter has no interest column and no interest sentence;
* ``total_payable`` = invoices listed − credits + interest + fee (never below 0);
* ``pay_by``: the earliest due date listed (pre-due letters) or ``as_of`` +
  ``pay_within_days`` (default 7).

Honest wording: a letter states only what the data shows. It refers to an earlier reminder
(``{reminder_block}``: "This letter follows our reminder of 2 December 2024") only when the
activity log shows a letter, e-mail or WhatsApp to the customer dated before ``as_of`` (the
latest one's date; :mod:`xl_ar.core.collections.activity`), or the promises table's old
*Reminder Date* column records one (:func:`~xl_ar.core.collections.worklist.read_promises`,
still read); a reminder dated ``as_of`` itself is not quoted (it may be this very letter,
logged when sent). The invoices of disputes open at ``as_of`` in a dispute log
(:mod:`xl_ar.core.collections.disputes`) are left out as disputed ones are; a broken promise is quoted with the
date the customer promised to pay by. Every run accounts for every overdue customer
(:meth:`LetterWriter.plan`, :func:`letters_summary`): who got a letter, and who did not and why
(paused by a promise, every overdue invoice disputed, below every stage's minimum amount, no
template for the stage, below the minimum amount for a final demand: the write-off stage's
letter threatens legal action, so it obeys the legal stage's minimum amount, see
:func:`~xl_ar.core.collections.strategy.final_demand_minimum`).

Dates are written in full (``31 Desember 2024`` / ``31 December 2024``), Rupiah as
``Rp 1.234.567`` (Indonesian) or ``Rp 1,234,567`` (English), with cents only when there are
any. Other currencies are written with their code (``USD 1,234.50``).
"""

from __future__ import annotations

import difflib
import math
import re
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.amounts import MAX_CENTS_AMOUNT
from xl_ar.core.base.cells import cell_text, quote_excerpt
from xl_ar.core.base.labels_values import LabelValues, get_text, read_label_values
from xl_ar.core.base.options import MAX_ACTION_DAYS, as_date, choose
from xl_ar.core.base.outputs import check_output, neutralise_lines, output_folder, write_text
from xl_ar.core.base.sources import decode_text
from xl_ar.core.base.text import file_slug as _slug
from xl_ar.core.base.text import money_text, percent_text
from xl_ar.core.collections.interest import as_rate, late_interest
from xl_ar.core.collections.strategy import (
    FINAL_DEMAND_STAGE,
    final_demand_minimum,
    find_stage,
    stage_key,
)
from xl_ar.core.collections.worklist import Assessment, assess
from xl_ar.core.ledger.currency import require_own_amounts
from xl_ar.core.position.open_items import DEFAULT_TOLERANCE
from xl_ar.errors import OptionError, XlArError

__all__ = [
    "CONTACT_HEADERS",
    "LANGS",
    "LetterParts",
    "LetterRun",
    "LetterWriter",
    "PLACEHOLDERS",
    "format_money",
    "invoice_table",
    "letter_files",
    "letter_run",
    "letter_text",
    "letters_summary",
    "load_templates",
    "long_date",
    "read_contact",
    "write_letters",
]

LANGS = ("id", "en")

MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip

#: Placeholders a template may use, with what they become.
PLACEHOLDERS: dict[str, str] = {
    "company": "your company (letterhead; blank when not given)",
    "customer": "the customer's name as in the ledger",
    "as_of": "the letter date, in full (31 Desember 2024)",
    "stage": "the stage key (overdue ...)",
    "invoice_table": "fixed-width table of the invoices listed, with a total line",
    "invoice_count": "number of invoices listed",
    "total_due": "total of the invoices listed",
    "total_overdue": "total of the customer's undisputed overdue invoices",
    "oldest_due_date": "earliest due date listed",
    "pay_by": "date to pay by",
    "total_payable": "invoices listed - credits + interest + fee (not below 0)",
    "interest": "late interest on the invoices listed",
    "fee": "the stage's fixed fee",
    "dunning_amount": "interest + fee",
    "annual_rate": "the stage's annual interest rate (12%)",
    "credits": "open credits (credit notes, unapplied cash) as a positive amount",
    "credits_block": "paragraph on open credits, or nothing",
    "interest_block": "paragraph on interest and fee, or nothing",
    "promise_block": "paragraph on a broken promise to pay, or nothing",
    "disputed_block": "paragraph naming the disputed invoices left out, or nothing",
    "payment_block": "sentence with the bank account (contact 'bank'), or nothing",
    "reminder_block": "sentence on the customer's last reminder on record, or nothing",
    "reminder_date": "date of that reminder, in full (blank when none is on record)",
    "contact_block": "signature: name, title, company, phone, email",
    "contact_name": "contact name",
    "contact_title": "contact title",
    "contact_phone": "contact phone",
    "contact_email": "contact email",
}

#: Labels of a contact range (label | value), English and Indonesian.
CONTACT_HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("contact", "contact name", "nama", "nama kontak", "kontak", "petugas", "pic"),
    "title": ("position", "jabatan", "job title"),
    "company": ("company name", "perusahaan", "nama perusahaan"),
    "phone": ("telephone", "tel", "telp", "telepon", "no telepon", "hp", "no hp", "whatsapp",
              "wa", "mobile"),
    "email": ("e-mail", "e mail", "surel", "alamat email"),
    "bank": ("bank account", "account", "rekening", "rekening bank", "no rekening",
             "nomor rekening"),
}  # fmt: skip

_WIDTH = 90
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}")
_SECTION = re.compile(r"^\[([^\[\]\n]+)\]\s*$")

_TEXT: dict[str, dict[str, Any]] = {
    "id": {
        "headers": ("No Faktur", "Tanggal Faktur", "Jatuh Tempo", "Hari Lewat", "Sisa Tagihan",
                    "Bunga"),
        "days_to_due": "Hari Lagi",
        "total": "Total",
        "credits": "Tercatat pula kredit yang belum digunakan (nota kredit/pembayaran yang "
                   "belum dialokasikan) sebesar {credits}, yang telah kami kurangkan dari "
                   "jumlah yang harus dibayar.",
        "interest": "Sesuai ketentuan pembayaran, atas keterlambatan tersebut dikenakan bunga "
                    "{annual_rate} per tahun sebesar {interest}{fee_part}, sehingga jumlah "
                    "denda menjadi {dunning_amount}.",
        "interest_only": "Sesuai ketentuan pembayaran, atas keterlambatan tersebut dikenakan "
                         "bunga {annual_rate} per tahun sebesar {interest}.",
        "fee_part": " dan biaya penagihan sebesar {fee}",
        "fee_only": "Sesuai ketentuan pembayaran, atas keterlambatan tersebut dikenakan biaya "
                    "penagihan sebesar {fee}.",
        "promise": "Bapak/Ibu telah berjanji melakukan pembayaran{amount_part} paling lambat "
                   "{date}, namun hingga hari ini pembayaran tersebut belum kami terima.",
        "reminder": "Surat ini menindaklanjuti pengingat kami tanggal {date}.",
        "promise_amount": " sebesar {amount}",
        "disputed": "Faktur yang sedang dalam klarifikasi/sengketa ({numbers}; {amount}) tidak "
                    "termasuk dalam tagihan ini dan akan kami selesaikan secara terpisah.",
        "payment": "Pembayaran dapat ditransfer ke rekening {bank}.",
        "department": "Bagian Piutang",
        "phone": "Telp.",
        "email": "Email",
        "no_number": "(tanpa nomor)",
    },
    "en": {
        "headers": ("Invoice", "Invoice Date", "Due Date", "Days Overdue", "Outstanding",
                    "Interest"),
        "days_to_due": "Days to Due",
        "total": "Total",
        "credits": "Your account also holds unused credits (credit notes / unallocated "
                   "payments) of {credits}, which we have deducted from the amount to pay.",
        "interest": "Under our payment terms, late interest of {annual_rate} a year applies: "
                    "{interest}{fee_part}, {dunning_amount} in total.",
        "interest_only": "Under our payment terms, late interest of {annual_rate} a year "
                         "applies: {interest}.",
        "fee_part": ", plus a collection fee of {fee}",
        "fee_only": "Under our payment terms, a collection fee of {fee} applies.",
        "promise": "You promised to pay{amount_part} by {date}; we have not received that "
                   "payment.",
        "reminder": "This letter follows our reminder of {date}.",
        "promise_amount": " {amount}",
        "disputed": "Invoices under dispute ({numbers}; {amount}) are not included here; we "
                    "are resolving them separately.",
        "payment": "Please transfer the payment to {bank}.",
        "department": "Accounts Receivable",
        "phone": "Phone",
        "email": "Email",
        "no_number": "(no number)",
    },
}  # fmt: skip


# --------------------------------------------------------------------------- formatting


def long_date(value: Any, lang: str = "id") -> str:
    """A date in full: ``31 Desember 2024`` (id) or ``31 December 2024`` (en).

    Examples
    --------
    >>> long_date("2024-12-31"), long_date("2024-03-05", "en")
    ('31 Desember 2024', '5 March 2024')
    """
    day = as_date(value, "date")
    return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"


def format_money(value: float, lang: str = "id", currency: str | None = None) -> str:
    """Money as a letter writes it (:func:`~xl_ar.core.base.text.money_text`), size checked.

    Examples
    --------
    >>> format_money(1234567), format_money(1234567.5), format_money(-5000, "en")
    ('Rp 1.234.567', 'Rp 1.234.567,50', '-Rp 5,000')
    >>> format_money(1234.5, "en", "USD")
    'USD 1,234.50'
    """
    if not abs(float(value)) <= MAX_CENTS_AMOUNT:
        raise XlArError(
            f"an amount in the letter is too large to write (more than {MAX_CENTS_AMOUNT:,.0f})"
        )
    return money_text(value, lang, currency)


def invoice_table(
    items: pd.DataFrame,
    lang: str = "id",
    *,
    currency: str | None = None,
    interest: np.ndarray | None = None,
    days_to_due: bool = False,
) -> str:
    """A fixed-width table of invoices with a total line.

    Parameters
    ----------
    items : pandas.DataFrame
        Columns ``invoice``, ``invoice_date``, ``due_date``, ``days_past_due``,
        ``outstanding`` (as :func:`~xl_ar.core.position.open_items.open_items` gives them).
    lang : {'id', 'en'}
    currency : str, optional
        Currency code (default Rupiah).
    interest : array, optional
        Interest per invoice: adds an interest column.
    days_to_due : bool
        Show days to the due date instead of days overdue (pre-due letters).

    Examples
    --------
    >>> items = pd.DataFrame({"invoice": ["F-1"], "invoice_date": [pd.Timestamp("2024-10-01")],
    ...     "due_date": [pd.Timestamp("2024-10-31")], "days_past_due": [61.0],
    ...     "outstanding": [1500000.0]})
    >>> print(invoice_table(items))
    No Faktur  Tanggal Faktur  Jatuh Tempo      Hari Lewat  Sisa Tagihan
    ---------  --------------  ---------------  ----------  ------------
    F-1        1 Oktober 2024  31 Oktober 2024          61  Rp 1.500.000
    ---------  --------------  ---------------  ----------  ------------
    Total                                                   Rp 1.500.000
    """
    text = _TEXT[lang]
    heads = list(text["headers"][:5])
    if days_to_due:
        heads[3] = text["days_to_due"]
    days = items["days_past_due"].to_numpy(dtype=float)
    if days_to_due:
        days = -days
    rows = [
        [
            cell_text(inv) or text["no_number"],
            long_date(inv_date, lang),
            long_date(due, lang),
            f"{int(d)}",
            format_money(amount, lang, currency),
        ]
        for inv, inv_date, due, d, amount in zip(
            items["invoice"], items["invoice_date"], items["due_date"], days,
            items["outstanding"], strict=True,
        )
    ]  # fmt: skip
    total = [
        text["total"],
        "",
        "",
        "",
        format_money(float(items["outstanding"].sum()), lang, currency),
    ]
    if interest is not None:
        heads.append(text["headers"][5])
        for row, value in zip(rows, interest, strict=True):
            row.append(format_money(value, lang, currency))
        total.append(format_money(float(np.sum(interest)), lang, currency))
    right = {3, 4, 5}
    widths = [max(len(r[i]) for r in [heads, *rows, total]) for i in range(len(heads))]

    def line(cells: list[str]) -> str:
        parts = [
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(heads), rule, *map(line, rows), rule, line(total)])


# --------------------------------------------------------------------------- templates


def _parse_templates(text: str, where: str) -> dict[str, str]:
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        hit = _SECTION.match(line)
        if hit:
            key = stage_key(hit.group(1))
            if key in sections:
                raise XlArError(f"letter templates {where}: section [{key}] appears twice")
            current = sections[key] = []
        elif current is not None:
            current.append(line.rstrip())
        elif line.strip() and not line.lstrip().startswith("#"):
            raise XlArError(
                f"letter templates {where}: text before the first [stage] section: {quote_excerpt(line.strip())}"
            )
    return {key: "\n".join(lines).strip("\n") for key, lines in sections.items()}


def load_templates(source: Any = None) -> dict[tuple[str, str], str]:
    """Letter templates: ``{(lang, stage): text}``.

    Parameters
    ----------
    source : None, directory path or mapping, optional
        ``None``: the templates shipped with xl-ar. A directory: its ``id.txt`` and/or
        ``en.txt`` replace the shipped file of that language. A mapping ``{lang: file
        text}`` does the same from text.

    Examples
    --------
    >>> sorted(stage for lang, stage in load_templates() if lang == "id")
    ['early', 'escalation', 'legal', 'overdue', 'preventive', 'write_off']
    >>> load_templates({"en": "[early]\\nPay {customer}."})[("en", "early")]
    'Pay {customer}.'
    """
    texts: dict[str, tuple[str, str]] = {}
    folder = resources.files("xl_ar").joinpath("templates").joinpath("letters")
    for lang in LANGS:
        texts[lang] = (folder.joinpath(f"{lang}.txt").read_text(encoding="utf-8"), f"{lang}.txt")
    if isinstance(source, str | Path):
        path = Path(source)
        if not path.is_dir():
            raise XlArError(f"letter templates: {quote_excerpt(str(path))} is not a folder")
        found = [lang for lang in LANGS if (path / f"{lang}.txt").is_file()]
        if not found:
            raise XlArError(
                f"letter templates: {quote_excerpt(str(path))} holds no id.txt or en.txt"
            )
        for lang in found:
            texts[lang] = (_template_text(path / f"{lang}.txt"), f"{lang}.txt")
    elif isinstance(source, Mapping):
        for lang, text in source.items():
            lang = choose(lang, LANGS, "letter templates language")
            texts[lang] = (str(text), f"{lang!r}")
    elif source is not None:
        raise XlArError("letter templates: give a folder with id.txt/en.txt or {lang: text}")
    out: dict[tuple[str, str], str] = {}
    for lang, (text, where) in texts.items():
        for stage, body in _parse_templates(text, where).items():
            out[(lang, stage)] = body
    return out


def _template_text(path: Path) -> str:
    """A user's template file as text, whatever editor saved it (UTF-8, ANSI, UTF-16)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise XlArError(f"letter templates: cannot read {path.name}: {exc.strerror}") from None
    return decode_text(data, path.name)[0].replace("\r\n", "\n").replace("\r", "\n")


def render(template: str, values: Mapping[str, str], where: str) -> str:
    """Fill the placeholders of a template; unknown ones raise naming them.

    Empty lines left by blocks that do not apply collapse to one blank line; trailing
    spaces go.

    Examples
    --------
    >>> render("Dear {customer},\\n\\n{credits_block}\\n\\nPay {{now}}.", {"customer": "PT A",
    ...        "credits_block": ""}, "en/early")
    'Dear PT A,\\n\\nPay {now}.'
    >>> render("{custmer}", {"customer": "PT A"}, "en/early")
    Traceback (most recent call last):
    ...
    xl_ar.errors.XlArError: letter template en/early: unknown placeholder {custmer} (did you mean {customer}?)
    """

    def fill(hit: re.Match) -> str:
        token = hit.group(0)
        if token in ("{{", "}}"):
            return token[0]
        name = hit.group(1)
        if name not in values:
            close = difflib.get_close_matches(name, list(values), n=1)
            hint = f"did you mean {{{close[0]}}}?" if close else "known: " + ", ".join(values)
            raise XlArError(f"letter template {where}: unknown placeholder {{{name}}} ({hint})")
        return values[name]

    text = _PLACEHOLDER.sub(fill, template)
    lines = [line.rstrip() for line in text.splitlines()]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return text.strip("\n")


# --------------------------------------------------------------------------- contact


def read_contact(source: Any = None) -> dict[str, str]:
    """A contact as ``{name, title, company, phone, email, bank}`` (only those given).

    ``source`` is a mapping or a label/value range (*Name/Nama, Title/Jabatan,
    Company/Perusahaan, Phone/Telepon, Email, Bank/Rekening*). Type phone numbers as text
    in Excel, or their leading 0 is lost.

    Examples
    --------
    >>> read_contact([["Nama", "Rina"], ["Telepon", "021-555 0101"]])
    {'name': 'Rina', 'phone': '021-555 0101'}
    """
    if source is None:
        return {}
    if isinstance(source, Mapping) and set(source) <= set(CONTACT_HEADERS):
        return {k: str(v) for k, v in source.items() if cell_text(v)}
    values: LabelValues = read_label_values(
        source, known=CONTACT_HEADERS, what="contact", text_labels=tuple(CONTACT_HEADERS)
    )
    return {key: text for key in CONTACT_HEADERS if (text := get_text(values, key))}


def _contact_block(contact: Mapping[str, str], company: str, lang: str) -> str:
    text = _TEXT[lang]
    lines = [contact.get("name", ""), contact.get("title", "")]
    if not any(lines):
        lines = [text["department"]]
    lines.append(company)
    if contact.get("phone"):
        lines.append(f"{text['phone']} {contact['phone']}")
    if contact.get("email"):
        lines.append(f"{text['email']}: {contact['email']}")
    return "\n".join(line for line in lines if line)


# --------------------------------------------------------------------------- letters


_NBSP = "\u00a0"

#: Why an overdue customer gets no letter (:meth:`LetterWriter.plan`).
_NO_LETTER = {
    "en": {
        "paused": "paused by a promise to pay by {date}",
        "disputed": "every overdue invoice is disputed",
        "small": "overdue amount below the minimum amount of every stage",
        "template": "no {lang} letter template for stage '{stage}'",
        "final": "below the minimum amount for a final demand: {amount}",
        "nothing": "nothing overdue or due soon",
        "credits": "open credits cover the overdue amount: credits {credits}, overdue {amount}",
    },
    "id": {
        "paused": "ditunda: janji bayar paling lambat {date}",
        "disputed": "semua faktur lewat jatuh tempo sedang disengketakan",
        "small": "jumlah lewat jatuh tempo di bawah jumlah minimal setiap tahap",
        "template": "tidak ada templat surat ({lang}) untuk tahap '{stage}'",
        "final": "di bawah jumlah minimal untuk tagihan terakhir: {amount}",
        "nothing": "tidak ada yang lewat atau segera jatuh tempo",
        "credits": "kredit yang belum digunakan menutup jumlah lewat jatuh tempo: kredit "
        "{credits}, lewat jatuh tempo {amount}",
    },
}


def _iso(value: Any) -> str:
    return "" if pd.isna(value) else pd.Timestamp(value).date().isoformat()


def _keep(value: str) -> str:
    """A value that a paragraph must not break (an amount, a date)."""
    return value.replace(" ", _NBSP)


def _wrap(paragraph: str) -> str:
    """A paragraph wrapped at 90 characters, kept values unbroken."""
    return textwrap.fill(paragraph, width=_WIDTH).replace(_NBSP, " ") if paragraph else ""


@dataclass(frozen=True)
class LetterParts:
    """One letter before rendering: ``customer`` (ledger spelling), ``stage`` (key),
    ``lang``, the stage's text ``template``, the placeholder ``values`` (text), the
    invoices listed (``items``: ``invoice, invoice_date, due_date, days_past_due,
    outstanding, interest``, due date order), their ``currency`` (None = Rupiah), whether
    the letter charges interest and whether it is a pre-due reminder."""

    customer: str
    stage: str
    lang: str
    template: str
    values: dict[str, str]
    items: pd.DataFrame
    currency: str | None
    charges_interest: bool
    pre_due: bool


@dataclass(frozen=True)
class _Asked:
    """What a letter lists and asks for: its customer's open rows (``mine``), the invoices
    listed (``items``), the currency, the interest (per item, None: none) and fee, the open
    credits and ``payable`` (invoices listed − credits + interest + fee, not below 0)."""

    mine: np.ndarray
    items: pd.DataFrame
    pre_due: bool
    currency: str | None
    rate: float
    interest: np.ndarray | None
    interest_total: float
    fee_total: float
    total_due: float
    credits: float
    payable: float


class LetterWriter:
    """Renders letters of one assessment (one ledger, date, strategy and promises)."""

    def in_language(self, lang: str) -> LetterWriter:
        """This writer in ``lang`` (same assessment, company, contact and terms)."""
        if choose(lang, LANGS, "lang", "id") == self.lang:
            return self
        templates, rate = self._more
        return LetterWriter(
            self.got, lang, templates, self.company, self.contact, self.pay_within, rate
        )

    def __init__(
        self,
        got: Assessment,
        lang: str,
        templates: Any,
        company: str | None,
        contact: Any,
        pay_within_days: Any,
        interest_rate: Any = None,
    ) -> None:
        require_own_amounts(got.ledger)  # a letter never states converted amounts
        self.got = got
        # None: each stage's annual_rate (the default strategy: 0); else this rate for all
        self.rate = None if interest_rate is None else as_rate(interest_rate, "interest_rate")
        self.lang = choose(lang, LANGS, "lang", "id")
        self.templates = load_templates(templates)
        self.contact = read_contact(contact)
        self.company = company if company is not None else self.contact.get("company", "")
        days = pay_within_days
        if (
            isinstance(days, bool)
            or not isinstance(days, int | float)
            or not math.isfinite(days)
            or not 0 <= days <= MAX_ACTION_DAYS
        ):
            raise OptionError(
                f"pay_within_days must be a number of days from 0 to {MAX_ACTION_DAYS:,} "
                f"(10 years), not {quote_excerpt(days)}"
            )
        self.pay_within = float(days)
        self._more = (templates, interest_rate)
        led = got.ledger
        self.invoice = led[s.INVOICE].astype(object).to_numpy()
        self.invoice_date = led[s.INVOICE_DATE].to_numpy()
        self.due = led[s.DUE_DATE].to_numpy()
        self.currency = led[s.CURRENCY].astype(object).to_numpy()
        self.disputed = led[s.DISPUTED].to_numpy(dtype=bool)
        self.overdue_rows = got.dun & (got.dpd >= 1)
        # open rows grouped by customer, so a letter costs its customer's rows, not the ledger's
        open_rows = np.flatnonzero(got.keep & (got.codes >= 0))
        self.by_customer = open_rows[np.argsort(got.codes[open_rows], kind="stable")]
        sorted_codes = got.codes[self.by_customer]
        positions = np.arange(len(got.customers))
        self.starts = np.searchsorted(sorted_codes, positions, side="left")
        self.ends = np.searchsorted(sorted_codes, positions, side="right")

    def money(self, value: float, lang: str | None = None) -> str:
        """An amount in the ledger's currency, as the letters write it."""
        codes = {c for c in self.currency if isinstance(c, str) and c}
        code = codes.pop() if len(codes) == 1 else None
        return format_money(value, lang or self.lang, code)

    def no_stage_reason(self, pos: int, lang: str = "en") -> str:
        """Why a customer without a stage needs no letter (``lang``): paused, every overdue
        invoice disputed, below every stage's minimum, or nothing overdue or due soon."""
        row = self.got.customers.iloc[pos]
        words = _NO_LETTER[lang]
        if row["paused"]:
            return words["paused"].format(date=_iso(row["promise_date"]))
        if row["overdue_disputed"] > self.got.tolerance and row["overdue"] <= self.got.tolerance:
            return f"{words['disputed']}: {self.money(row['overdue_disputed'], lang)}"
        if row["overdue"] > self.got.tolerance:
            return words["small"]
        return words["nothing"]

    def stages_with_letters(self) -> list[str]:
        return [stage for lang, stage in self.templates if lang == self.lang]

    def plan(self, lang: str | None = None) -> pd.DataFrame:
        """Who gets a letter, and every overdue customer who does not, with the reason.

        One row per worklist customer (worklist order), then per overdue customer left out
        of the worklist (largest overdue first). Columns ``pos``, ``customer``, ``stage``
        (key, None without one), ``stage_pos``, ``overdue`` (undisputed; for a customer whose
        every overdue invoice is disputed, the disputed overdue amount), ``is_overdue`` (an
        open invoice past due, disputed or not) and ``reason`` (None: a letter is written;
        else why not, in ``lang``, default the letters' language). A write-off customer below
        :func:`~xl_ar.core.collections.strategy.final_demand_minimum` gets no final demand.
        """
        got = self.got
        words = _NO_LETTER[choose(lang or self.lang, LANGS, "lang", "id")]
        c = got.customers.assign(pos=np.arange(len(got.customers)))
        rows = got.keep & (got.codes >= 0) & (got.outstanding > got.tolerance) & (got.dpd >= 1)
        late = np.bincount(got.codes[rows], minlength=len(c))[: len(c)] > 0
        c["is_overdue"] = late
        listed = got.ordered().assign(is_overdue=late[got.ordered()["pos"].to_numpy()])
        with_letters = set(self.stages_with_letters())
        reason = [
            None if key in with_letters
            else words["template"].format(stage=key, lang=self.lang)
            for key in listed["stage"]
        ]  # fmt: skip
        floor = final_demand_minimum(got.strategy)
        small = listed["stage"].eq(FINAL_DEMAND_STAGE).to_numpy() & (
            listed["overdue"].to_numpy() < floor - got.tolerance
        )
        for at in np.flatnonzero(small):  # a final demand threatens legal action: not for less
            if reason[at] is None:
                reason[at] = words["final"].format(amount=self.money(floor, lang or self.lang))
        for k, (pos, stage_pos) in enumerate(zip(listed["pos"], listed["stage_pos"], strict=True)):
            if reason[k] is None and (gone := self.covered(int(pos), int(stage_pos), lang)):
                reason[k] = gone  # nothing to ask for: no dunning letter asks for Rp 0
        listed = listed.assign(reason=reason)
        others = c[late & ~got.needs_action()].sort_values(
            ["overdue", "customer"], ascending=[False, True], kind="mergesort"
        )
        why = np.select(
            [others["paused"].to_numpy(dtype=bool), others["overdue"].to_numpy() <= got.tolerance],
            ["paused", "disputed"],
            default="small",
        )
        disputed = why == "disputed"  # their overdue money is the disputed amount
        others = others.assign(
            overdue=np.where(disputed, others["overdue_disputed"], others["overdue"]),
            stage=None,
            reason=[
                words[w].format(date=_iso(d))
                for w, d in zip(why, others["promise_date"], strict=True)
            ],
        )
        cols = ["pos", "customer", "stage", "stage_pos", "overdue", "is_overdue", "reason"]
        return pd.concat([listed[cols], others[cols]], ignore_index=True)

    def letter(self, pos: int, stage_pos: int) -> str:
        """The text letter of customer ``pos`` at stage ``stage_pos``."""
        parts = self.parts(pos, stage_pos)
        return render(parts.template, parts.values, f"{parts.lang}/{parts.stage}") + "\n"

    def asked(self, pos: int, stage_pos: int) -> _Asked:
        """The invoices a letter of customer ``pos`` at stage ``stage_pos`` lists and the
        amount it asks for (:class:`_Asked`); raises when it has nothing to list."""
        got = self.got
        stage = got.strategy.iloc[stage_pos]
        key = str(stage["stage"])
        name = str(got.customers["customer"].iloc[pos])
        mine = self.by_customer[self.starts[pos] : self.ends[pos]]  # open rows, ledger order
        max_dpd = float(stage["max_dpd"])
        pre_due = not math.isnan(max_dpd) and max_dpd <= 0
        dpd = got.dpd[mine]
        if pre_due:
            rows = mine[got.dun[mine] & (dpd >= stage["min_dpd"]) & (dpd <= max_dpd)]
            what = "undisputed invoices due within the stage's window"
        else:  # overdue items, and those due soon when the band starts before the due date
            rows = mine[got.dun[mine] & (dpd >= min(float(stage["min_dpd"]), 1.0))]
            what = "undisputed overdue invoices"
        if not rows.size:
            raise XlArError(
                f"customer {quote_excerpt(name)} has no {what} on {got.as_of.date().isoformat()}: nothing to "
                f"write for stage {quote_excerpt(key)}"
            )
        items = pd.DataFrame(
            {
                "invoice": self.invoice[rows],
                "invoice_date": self.invoice_date[rows],
                "due_date": self.due[rows],
                "days_past_due": got.dpd[rows],
                "outstanding": got.outstanding[rows],
            }
        ).sort_values(["due_date", "invoice_date"], kind="mergesort")
        currencies = {c for c in self.currency[rows] if isinstance(c, str) and c}
        if len(currencies) > 1:
            raise XlArError(
                f"customer {quote_excerpt(name)} owes in several currencies ({', '.join(sorted(currencies))}):"
                " a letter needs one currency"
            )
        currency = currencies.pop() if currencies else None
        rupiah = currency is None or currency.upper() in ("IDR", "RP")
        rate = float(stage["annual_rate"]) if self.rate is None else self.rate
        fee = float(stage["fee"])
        interest = None
        interest_total = 0.0
        if rate > 0:
            raw = np.asarray(
                late_interest(
                    items["outstanding"].to_numpy(), rate, items["days_past_due"].to_numpy()
                )
            )
            interest = np.round(raw, 0 if rupiah else 2)
            interest_total = float(interest.sum())
        fee_total = fee if fee > 0 else 0.0
        dunning = interest_total + fee_total
        total_due = float(items["outstanding"].sum())
        credit_rows = mine[~self.disputed[mine] & (got.outstanding[mine] < -got.tolerance)]
        credits = -float(got.outstanding[credit_rows].sum())
        payable = max(total_due - credits + dunning, 0.0)
        return _Asked(
            mine, items, pre_due, currency, rate, interest, interest_total, fee_total,
            total_due, credits, payable,
        )  # fmt: skip

    def covered(self, pos: int, stage_pos: int, lang: str | None = None) -> str | None:
        """Why customer ``pos`` gets no letter at stage ``stage_pos`` when its open credits
        leave nothing to ask for (``lang``, default the letters'), else None."""
        try:
            a = self.asked(pos, stage_pos)
        except XlArError:
            return None  # the letter itself says why it cannot be written
        if a.payable > self.got.tolerance:
            return None
        code = lang or self.lang
        listed = float(a.items["outstanding"].sum())
        return _NO_LETTER[code]["credits"].format(
            credits=format_money(a.credits, code, a.currency),
            amount=format_money(listed, code, a.currency),
        )

    def asked_amounts(self) -> np.ndarray:
        """Per customer position, the amount its letter asks for (``total_payable``; NaN for
        a customer without a letter stage or whose letter could not be written)."""
        out = np.full(len(self.got.customers), np.nan)
        listed = self.got.ordered()
        for pos, stage_pos in zip(listed["pos"], listed["stage_pos"], strict=True):
            try:
                out[int(pos)] = self.asked(int(pos), int(stage_pos)).payable
            except XlArError:
                continue
        return out

    def parts(self, pos: int, stage_pos: int) -> LetterParts:
        """What a letter is made of (:class:`LetterParts`): its template, the placeholder
        values and the invoices listed, for the text letter and the Word documents."""
        got, lang, text = self.got, self.lang, _TEXT[self.lang]
        key = str(got.strategy["stage"].iloc[stage_pos])
        template = self.templates.get((lang, key))
        name = str(got.customers["customer"].iloc[pos])
        if template is None:
            known = ", ".join(self.stages_with_letters()) or "none"
            raise XlArError(
                f"no {lang} letter template for stage {quote_excerpt(key)} (templates: {known})"
            )
        a = self.asked(pos, stage_pos)
        mine, items, pre_due, currency, rate = a.mine, a.items, a.pre_due, a.currency, a.rate
        interest, interest_total, fee_total = a.interest, a.interest_total, a.fee_total
        total_due, credits, payable = a.total_due, a.credits, a.payable
        dunning = interest_total + fee_total

        def money(value: float) -> str:
            return format_money(value, lang, currency)

        def kept(value: float) -> str:
            return _keep(money(value))

        blocks = {
            "credits_block": text["credits"].format(credits=kept(credits)) if credits > 0 else "",
            "interest_block": "",
            "promise_block": "",
            "reminder_block": "",
            "disputed_block": "",
            "payment_block": text["payment"].format(bank=self.contact["bank"])
            if self.contact.get("bank") else "",
        }  # fmt: skip
        if interest_total > 0 and fee_total > 0:
            blocks["interest_block"] = text["interest"].format(
                annual_rate=percent_text(rate, lang), interest=kept(interest_total),
                fee_part=text["fee_part"].format(fee=kept(fee_total)),
                dunning_amount=kept(dunning),
            )  # fmt: skip
        elif interest_total > 0:  # no fee: the interest is the whole dunning amount, say it once
            blocks["interest_block"] = text["interest_only"].format(
                annual_rate=percent_text(rate, lang), interest=kept(interest_total)
            )
        elif fee_total > 0:
            blocks["interest_block"] = text["fee_only"].format(fee=kept(fee_total))
        customer_row = got.customers.iloc[pos]
        if customer_row["promise"] == "broken":
            promised = customer_row["promised_amount"]
            amount_part = (
                text["promise_amount"].format(amount=kept(promised))
                if not pd.isna(promised) else ""
            )  # fmt: skip
            blocks["promise_block"] = text["promise"].format(
                date=_keep(long_date(customer_row["promise_date"], lang)), amount_part=amount_part
            )
        reminded = customer_row["reminder_date"]
        reminder_date = "" if pd.isna(reminded) else long_date(reminded, lang)
        if reminder_date:
            blocks["reminder_block"] = text["reminder"].format(date=_keep(reminder_date))
        disputed_rows = mine[self.disputed[mine]]
        if disputed_rows.size:
            numbers = ", ".join(
                cell_text(v) or text["no_number"] for v in self.invoice[disputed_rows]
            )
            blocks["disputed_block"] = text["disputed"].format(
                numbers=numbers, amount=kept(float(got.outstanding[disputed_rows].sum()))
            )
        blocks = {k: _wrap(v) for k, v in blocks.items()}
        if pre_due:
            pay_by = items["due_date"].min()
        else:
            pay_by = got.as_of + pd.Timedelta(days=self.pay_within)
        overdue_total = float(got.outstanding[mine[self.overdue_rows[mine]]].sum())
        values = {
            "company": self.company or "",
            "customer": name,
            "as_of": long_date(got.as_of, lang),
            "stage": key,
            "invoice_table": invoice_table(
                items, lang, currency=currency, interest=interest, days_to_due=pre_due
            ),
            "invoice_count": str(len(items)),
            "total_due": money(total_due),
            "total_overdue": money(overdue_total),
            "oldest_due_date": long_date(items["due_date"].min(), lang),
            "pay_by": long_date(pay_by, lang),
            "total_payable": money(payable),
            "interest": money(interest_total),
            "fee": money(fee_total),
            "dunning_amount": money(dunning),
            "annual_rate": percent_text(rate, lang),
            "credits": money(credits),
            "reminder_date": reminder_date,
            **blocks,
            "contact_block": _contact_block(self.contact, self.company or "", lang),
            "contact_name": self.contact.get("name", ""),
            "contact_title": self.contact.get("title", ""),
            "contact_phone": self.contact.get("phone", ""),
            "contact_email": self.contact.get("email", ""),
        }
        listed = items.assign(interest=np.zeros(len(items)) if interest is None else interest)
        return LetterParts(
            name, key, lang, template, values, listed, currency, interest is not None, pre_due
        )


def letter_text(
    ledger: Any,
    customer: Any,
    as_of: Any,
    *,
    stage: Any = None,
    lang: str = "id",
    strategy: Any = None,
    promises: Any = None,
    company: str | None = None,
    contact: Any = None,
    templates: Any = None,
    pay_within_days: float = 7,
    tolerance: float = DEFAULT_TOLERANCE,
    interest_rate: Any = None,
    activity: Any = None,
    disputes: Any = None,
) -> str:
    """The dunning letter of one customer at ``as_of``.

    Parameters
    ----------
    ledger : canonical ledger or anything :func:`~xl_ar.core.ledger.ledger.read_ledger` reads
    customer : str
        As in the ledger (case and repeated spaces ignored).
    as_of : date-like
        The letter date.
    stage : str, optional
        A stage of the strategy (key or alias). Default: the customer's stage in the
        worklist; a customer that needs no action, or is paused by a promise, then raises.
    lang : {'id', 'en'}, default 'id'
    strategy, promises
        As for :func:`xl_ar.core.collections.worklist.worklist`.
    company : str, optional
        Your company (letterhead, signature); default the contact's ``company``.
    contact : mapping or label/value range, optional
        See :func:`read_contact`.
    templates : optional
        See :func:`load_templates`.
    pay_within_days : float, default 7
        Days from ``as_of`` to the payment deadline of overdue letters.
    interest_rate : float or str, optional
        Your contract's late-interest rate (``0.12`` or ``"12%"``) for every stage; default
        each stage's ``annual_rate`` (the default strategy charges none).
    activity, disputes : optional
        An activity log (or a tuple of logs) and a dispute log, as for
        :func:`xl_ar.core.collections.worklist.worklist`: the log's last written reminder
        makes ``{reminder_block}``, its promises pause and break, and the invoices of open
        disputes are left out.

    Returns
    -------
    str
        The letter, lines separated by ``\\n``.

    Examples
    --------
    >>> led = [["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"],
    ...        ["PT Maju", "F-1", "2024-10-01", "2024-10-31", 1500000.0]]
    >>> text = letter_text(led, "pt maju", "2024-12-31", company="PT Sinar")
    >>> print(text[text.index("Perihal"):text.index("Dengan hormat")].strip())
    Perihal: Surat Peringatan Terakhir
    >>> "Rp 1.500.000" in text, "bunga" in text
    (True, False)
    >>> "sebesar Rp 30.082" in letter_text(led, "pt maju", "2024-12-31", interest_rate="12%")
    True
    """
    got = assess(
        ledger, as_of, strategy=strategy, promises=promises, tolerance=tolerance,
        activity=activity, disputes=disputes,
    )  # fmt: skip
    writer = LetterWriter(
        got, lang, templates, company, contact, pay_within_days, interest_rate=interest_rate
    )
    pos = got.find(customer)
    row = got.customers.iloc[pos]
    day = got.as_of.date().isoformat()
    if stage is None or (isinstance(stage, str) and not stage.strip()):
        if row["paused"]:
            raise XlArError(
                f"customer {quote_excerpt(row['customer'])} is paused by a promise to pay until "
                f"{pd.Timestamp(row['promise_date']).date().isoformat()}: give a stage to write "
                "a letter anyway"
            )
        if row["stage_pos"] < 0:
            why = writer.no_stage_reason(pos)
            then = (
                "resolve the dispute first"
                if why.startswith(_NO_LETTER["en"]["disputed"])
                else "give a stage to write one anyway"
            )
            raise XlArError(
                f"customer {quote_excerpt(row['customer'])} needs no letter on {day} ({why}): {then}"
            )
        stage_pos = int(row["stage_pos"])
        floor = final_demand_minimum(got.strategy)
        if (
            got.strategy["stage"].iloc[stage_pos] == FINAL_DEMAND_STAGE
            and row["overdue"] < floor - got.tolerance
        ):
            raise XlArError(
                f"customer {quote_excerpt(row['customer'])} gets no final demand on {day}: overdue "
                f"{writer.money(row['overdue'], 'en')} is below the minimum amount for a final "
                f"demand ({writer.money(floor, 'en')}): give a stage to write a letter anyway"
            )
        if covered := writer.covered(pos, stage_pos, "en"):
            raise XlArError(
                f"customer {quote_excerpt(row['customer'])} needs no letter on {day} ({covered}): "
                "give a stage to write one anyway"
            )
    else:
        stage_pos = find_stage(got.strategy, stage)
    return writer.letter(pos, stage_pos)


@dataclass(frozen=True)
class LetterRun:
    """What :func:`letter_run` did: the files written and the plan (:meth:`LetterWriter.plan`,
    reasons in English) accounting for every overdue customer."""

    paths: list[Path]
    plan: pd.DataFrame

    def summary(self) -> str:
        """:func:`letters_summary` of the plan."""
        return letters_summary(self.plan)


def write_letters(
    ledger: Any,
    as_of: Any,
    out_dir: str | Path,
    *,
    lang: str = "id",
    strategy: Any = None,
    promises: Any = None,
    company: str | None = None,
    contact: Any = None,
    templates: Any = None,
    pay_within_days: float = 7,
    tolerance: float = DEFAULT_TOLERANCE,
    inputs: Iterable[str | Path | None] = (),
    interest_rate: Any = None,
    activity: Any = None,
    disputes: Any = None,
) -> list[Path]:
    """Write one ``.txt`` letter (UTF-8) per worklist customer whose stage has a template.

    Files are named ``NNN_<customer>_<stage>_<lang>.txt``, ``NNN`` being the customer's
    place in the worklist (highest priority first); the folder is created if needed.
    Customers paused by a promise, and stages without a template, get no letter:
    :func:`letter_run` (same arguments) also says who and why. A letter that cannot be
    written (a customer owing in several currencies, a template with an unknown placeholder)
    stops the run with its one-line message before any file is written. Every letter is
    written whole or not at all, never over one of ``inputs`` (the files the run read), and
    a line of user text that a spreadsheet would evaluate (``=``, ``+``, ``-``, ``@`` ...)
    gets a leading ``'`` (OWASP CSV injection).

    Returns
    -------
    list of pathlib.Path
        The files written, in worklist order.

    Examples
    --------
    >>> import tempfile
    >>> led = [["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"],
    ...        ["PT Maju", "F-1", "2024-10-01", "2024-10-31", 1500000.0],
    ...        ["CV Baru", "F-2", "2024-12-01", "2024-12-27", 250000.0]]
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     [p.name for p in write_letters(led, "2024-12-31", folder, lang="en")]
    ['001_PT_Maju_escalation_en.txt', '002_CV_Baru_early_en.txt']
    """
    return letter_run(
        ledger, as_of, out_dir, lang=lang, strategy=strategy, promises=promises,
        company=company, contact=contact, templates=templates,
        pay_within_days=pay_within_days, tolerance=tolerance, inputs=inputs,
        interest_rate=interest_rate, activity=activity, disputes=disputes,
    ).paths  # fmt: skip


def letter_run(
    ledger: Any,
    as_of: Any,
    out_dir: str | Path,
    *,
    lang: str = "id",
    strategy: Any = None,
    promises: Any = None,
    company: str | None = None,
    contact: Any = None,
    templates: Any = None,
    pay_within_days: float = 7,
    tolerance: float = DEFAULT_TOLERANCE,
    inputs: Iterable[str | Path | None] = (),
    interest_rate: Any = None,
    activity: Any = None,
    disputes: Any = None,
) -> LetterRun:
    """:func:`write_letters`, also returning the plan: who got no letter, and why.

    Examples
    --------
    >>> import tempfile
    >>> led = [["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Disputed"],
    ...        ["PT Maju", "F-1", "2024-10-01", "2024-10-31", 1500000.0, "no"],
    ...        ["CV Baru", "F-2", "2024-12-01", "2024-12-27", 250000.0, "yes"]]
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     print(letter_run(led, "2024-12-31", folder).summary())
    2 customers overdue: 1 letter written; 1 got no letter:
      CV Baru (every overdue invoice is disputed)
    """
    got = assess(
        ledger, as_of, strategy=strategy, promises=promises, tolerance=tolerance,
        activity=activity, disputes=disputes,
    )  # fmt: skip
    writer = LetterWriter(
        got, lang, templates, company, contact, pay_within_days, interest_rate=interest_rate
    )
    letters, plan = letter_files(writer, out_dir, inputs=inputs)
    paths = [write_text(path, text, inputs=inputs) for path, text in letters]
    return LetterRun(paths, plan)


def letter_files(
    writer: LetterWriter,
    out_dir: str | Path,
    *,
    inputs: Iterable[str | Path | None] = (),
    languages: Mapping[str, str] | None = None,
) -> tuple[list[tuple[Path, str]], pd.DataFrame]:
    """Every text letter of a run as ``(path, text)``, all checked, nothing written; and the plan.

    Letters are named ``NNN_<customer>_<stage>_<lang>.txt`` (NNN: the place in the worklist);
    ``languages`` maps a customer (as the plan names it) to ``"id"``/``"en"``, else the
    writer's language. Refused before anything is written: a target that is one of the
    ``inputs`` or not writable, and letters of an earlier run this run would not replace.

    Examples
    --------
    >>> import tempfile
    >>> led = [["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"],
    ...        ["PT Maju", "F-1", "2024-10-01", "2024-10-31", 1500000.0]]
    >>> writer = LetterWriter(assess(led, "2024-12-31"), "id", None, "PT Sinar", None, 7)
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     files, _ = letter_files(writer, folder, languages={"PT Maju": "en"})
    >>> [path.name for path, _ in files]
    ['001_PT_Maju_escalation_en.txt']
    """
    inputs = list(inputs)
    languages = languages or {}
    plan = writer.plan("en")
    letters = []  # every letter first: a letter that cannot be written stops the run cleanly
    listed = plan[plan["stage"].notna()]  # the worklist: NNN is the place in it
    for rank, (pos, stage_pos, key, name, why) in enumerate(
        zip(listed["pos"], listed["stage_pos"], listed["stage"], listed["customer"],
            listed["reason"], strict=True),
        start=1,
    ):  # fmt: skip
        if isinstance(why, str):  # no letter, and why (None or NaN: a letter)
            continue
        code = languages.get(str(name)) or writer.lang
        code = code if code in LANGS else writer.lang
        text = writer.in_language(code).letter(int(pos), int(stage_pos))
        letters.append((f"{rank:03d}_{_slug(str(name))}_{key}_{code}.txt", neutralise_lines(text)))
    folder = output_folder(out_dir, inputs=inputs)
    for name, _ in letters:  # every target checked before the first letter is written
        check_output(folder / name, inputs=inputs, suffixes=(".txt",), what="the letter")
    names = {name for name, _ in letters}
    stale = sorted(
        p.name for p in folder.iterdir() if _LETTER_FILE.fullmatch(p.name) and p.name not in names
    )
    if stale:
        raise XlArError(
            f"{out_dir} holds {len(stale)} letter(s) of an earlier run that this run would not "
            f"replace (e.g. {quote_excerpt(stale[0])}); use an empty folder or move them away"
        )
    return [(folder / name, text) for name, text in letters], plan


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def letters_summary(plan: pd.DataFrame) -> str:
    """What a letter run did, in English: overdue customers, letters, and who got none and why.

    Examples
    --------
    >>> plan = pd.DataFrame({"customer": ["A", "B", "C"], "is_overdue": [True, True, False],
    ...                      "reason": [None, "paused by a promise to pay by 2025-01-10", None]})
    >>> print(letters_summary(plan))
    2 customers overdue: 1 letter written, and 1 pre-due reminder; 1 got no letter:
      B (paused by a promise to pay by 2025-01-10)
    """
    writes = plan["reason"].isna().to_numpy()
    late = plan["is_overdue"].to_numpy(dtype=bool)
    line = (
        f"{_count(int(late.sum()), 'customer')} overdue: "
        f"{_count(int((late & writes).sum()), 'letter')} written"
    )
    if (early := int((~late & writes).sum())) > 0:
        line += f", and {_count(early, 'pre-due reminder')}"
    missing = plan[~writes]
    if missing.empty:
        return line
    lines = [f"  {name} ({why})" for name, why in zip(missing["customer"], missing["reason"],
                                                      strict=True)]  # fmt: skip
    return "\n".join([f"{line}; {len(missing):,} got no letter:", *lines])


#: The name of a letter file (``001_PT_Maju_escalation_id.txt``).
_LETTER_FILE = re.compile(r"\d{3}_.+_(?:id|en)\.txt")
