"""The ribbon's macros: each ``AR Tools`` button runs one function here through ``RunPython``
(``import xl_ar.macros as m; m.aging_report()``).

Every report macro does the same, in :func:`run_report`: find the calling workbook
(``xlwings.Book.caller()``), read its settings, find the ledger and the other tables the
report's catalog entry names (:mod:`xl_ar.macros.workbook_source`), compute the report
(:func:`xl_ar.reports.catalog.build_report`) and place it as new sheets
(:func:`xl_ar.reports.render_live.render_live`). Any error is shown as **one line** in a
message box titled ``xl-ar``, with no traceback; because the report is computed completely
before Excel is touched, a failure leaves every sheet as it was.

Settings, all optional:

* the workbook-level hidden defined name ``xl_ar_language`` (``="id"`` or ``="en"``), written by
  the "Bahasa: ID / EN" button (:func:`toggle_language`);
* a sheet named ``xl_ar.conf`` with keys in column A and values in column B: ``Language``
  (``id``/``en``, used when the name above is absent), ``AsOf`` (the as-of date; default: the
  latest invoice or payment date in the ledger), ``Company``, ``Buckets`` (e.g.
  ``30,60,90``) and ``InterestRate`` (or ``Bunga``: your contract's late-interest rate a year
  for the letters, e.g. ``12%``; default none); how the ledger is read: ``Columns`` (or ``Kolom``: the column mapping,
  ``Open Balance=balance, Num=invoice``, as ``xl-ar --map``), ``DateOrder`` (``auto``,
  ``dmy``, ``mdy``, ``ymd``), ``Negative`` (``refuse`` or ``credit-note``) and ``Profile``
  (``auto``, ``none`` or a name from ``xl-ar profiles``); currencies: ``Currency`` (or
  ``MataUang``: the currency of a ledger without a currency column, e.g. ``USD``),
  ``OnlyCurrency`` (keep one currency), ``Rates`` (or ``Kurs``: the name of a sheet holding a
  rate table: currency, rate, optional date) and ``ReportCurrency`` (what it converts to);
  ``StatementFrom`` and ``StatementTo`` (the statements' period; default: the as-of date's
  month to the as-of date), ``Bank``, ``BankAccount`` (or ``Rekening``) and ``AccountName``
  (or ``AtasNama``): the remittance details printed on statements;
  ``LossRates`` (one loss rate per aging bucket, Current first: ``2%,5%,20%,50%,100%`` in
  column B, or the rates in columns B, C, D ... of the row; default: estimated from the ledger
  when it can be) and ``Lenient`` (``yes``: write a report from a ledger with data problems,
  with a banner on every sheet); ``By`` (or ``Per``: the aging sheet also grouped by this
  ledger or customer-master column, e.g. ``region``, the master read from the customers sheet)
  and ``CompareTo`` (or ``Bandingkan``: the previous date of the aging movement; default the
  end of the month before the as-of date).

The ledger is read as strictly as ``xl-ar report``: a ledger with data problems stops the
macro with the one line ``xl-ar check`` would give (unless ``Lenient`` is set); the data-health
button reads it leniently and lists every problem (with worksheet row numbers).
Other tables are found by sheet name (:data:`~xl_ar.macros.workbook_source.INPUT_SHEETS`):
the credit-review button needs a customers sheet (``Limit``, ``Plafon``, ``Customers`` or
``Pelanggan``), the reconciliation button a payments sheet (``Pembayaran`` or ``Payments``)
or a bank statement export pasted as it is (``Mutasi Bank``, ``Mutasi Rekening`` or ``Bank
Statement``; with the customers sheet for virtual accounts and who withholds tax, and the tax
rates and journal accounts of xl_ar.conf: ``PPNRate``, ``AkunBank`` ...); without it the
button says so in one line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import xlwings as xw

import xl_ar
from xl_ar.errors import XlArError
from xl_ar.macros.workbook_source import INPUT_SHEETS, find_ledger_range, find_table

__all__ = [
    "CONFIG_SHEET",
    "LANGUAGE_NAME",
    "about",
    "aging_report",
    "allowance_report",
    "credit_review_report",
    "confirmation_documents_report",
    "dashboard_report",
    "data_health_report",
    "disputes_report",
    "forecast_report",
    "language",
    "letter_documents_report",
    "letters_report",
    "productivity_report",
    "reconcile_report",
    "run_report",
    "send_emails",
    "statements_report",
    "settings",
    "toggle_language",
    "worklist_report",
]

CONFIG_SHEET = "xl_ar.conf"
LANGUAGE_NAME = "xl_ar_language"
TITLE = "xl-ar"
MAX_MESSAGE = 400
_OPTION_KEYS = {"company": "company", "buckets": "buckets", "lossrates": "loss_rates",
                "interestrate": "interest_rate", "bunga": "interest_rate",
                "by": "by", "per": "by", "compareto": "compare_to",
                "bandingkan": "compare_to", "bandingkandengan": "compare_to"}  # fmt: skip
_OPTION_KEYS |= {  # statements: the period and the remittance details
    "statementfrom": "statement_from", "statementto": "statement_to", "bank": "bank",
    "bankaccount": "bank_account", "rekening": "bank_account", "accountname": "account_name",
    "atasnama": "account_name",
}  # fmt: skip
#: Values of ``Lenient`` in xl_ar.conf that switch it on.
YES = frozenset({"yes", "ya", "true", "1", "y"})
#: xl_ar.conf keys of how the ledger is read -> the reader's argument (as the CLI's options).
_READ_KEYS = {
    "columns": "columns",
    "kolom": "columns",
    "map": "columns",
    "dateorder": "date_order",
    "urutantanggal": "date_order",
    "negative": "negative",
    "negatif": "negative",
    "profile": "profile",
    "profil": "profile",
    "currency": "currency",
    "matauang": "currency",
    "onlycurrency": "only_currency",
    "hanyamatauang": "only_currency",
    "rates": "rates",
    "kurs": "rates",
    "reportcurrency": "report_currency",
    "matauanglaporan": "report_currency",
}


# --------------------------------------------------------------------------- the buttons


def aging_report() -> None:
    """Umur Piutang / Aging."""
    run_report(("aging",))


def dashboard_report() -> None:
    """Dasbor / Dashboard."""
    run_report(("dashboard",))


def worklist_report() -> None:
    """Daftar Tagih / Worklist."""
    run_report(("worklist",))


def letters_report() -> None:
    """Surat Tagihan / Dunning letters (a sheet with one letter per customer)."""
    run_report(("letters",))


def letter_documents_report() -> None:
    """Surat Word/PDF / Letters (Word/PDF), in a folder next to the workbook."""
    from xl_ar.macros.documents import write_from_book

    write_from_book("letters", settings, xw.Book.caller(), one_line)


def confirmation_documents_report() -> None:
    """Konfirmasi Saldo / Balance confirmations (Word/PDF), next to the workbook."""
    from xl_ar.macros.documents import write_from_book

    write_from_book("confirmations", settings, xw.Book.caller(), one_line)


def send_emails() -> None:
    """Kirim Email / Send e-mails: a dry run is shown; sends only after an explicit Yes."""
    from xl_ar.macros.documents import send_from_book

    send_from_book(xw.Book.caller(), one_line)


def disputes_report() -> None:
    """Sengketa / Disputes (from the sheet Sengketa or Disputes)."""
    run_report(("disputes",))


def productivity_report() -> None:
    """Produktivitas Kolektor / Collector productivity (from the sheet Aktivitas, Activity or
    Log Penagihan)."""
    run_report(("productivity",))


def allowance_report() -> None:
    """CKPN / ECL allowance."""
    run_report(("allowance",))


def forecast_report() -> None:
    """Prakiraan Kas / Cash forecast."""
    run_report(("forecast",))


def credit_review_report() -> None:
    """Tinjauan Kredit / Credit review (needs a customers sheet with credit limits)."""
    run_report(("credit_review",))


def data_health_report() -> None:
    """Cek Data / Data health."""
    run_report(("data_health",))


def reconcile_report() -> None:
    """Rekonsiliasi / Cash application (needs a payments sheet: Pembayaran or Payments, or a
    bank statement sheet: Mutasi Bank); with a statement also the statement check, receipt
    list, tax withheld and receipts journal."""
    run_report(("reconciliation", "bank_statement", "receipts", "withholding", "journal"))


def statements_report() -> None:
    """Rekening Koran / Statements of account (one block per customer; the period from
    ``StatementFrom``/``StatementTo`` in xl_ar.conf, else the as-of date's month)."""
    run_report(("statements",))


def about() -> None:
    """Version, language and where the ledger would be read from, in one message."""
    book = xw.Book.caller()
    try:
        lang = language(book)
        try:
            where = find_ledger_range(book, lang=lang).source
        except XlArError as exc:
            where = str(exc)
        if lang == "id":
            text = f"xl-ar {xl_ar.__version__} · Bahasa Indonesia · buku piutang: {where}"
        else:
            text = f"xl-ar {xl_ar.__version__} · English · ledger: {where}"
    except Exception as exc:  # the message box is the only user interface
        text = one_line(exc)
    book.app.alert(text, title=TITLE)


def toggle_language() -> None:
    """Switch the report language between Indonesian and English (for the next reports)."""
    book = xw.Book.caller()
    try:
        new = "en" if language(book) == "id" else "id"
        value = f'="{new}"'
        if LANGUAGE_NAME in book.names:
            book.names[LANGUAGE_NAME].refers_to = value
        else:
            name = book.names.add(LANGUAGE_NAME, value)
            try:
                name.api.Visible = False
            except Exception:  # cosmetic: a visible name works the same
                pass
        text = "Bahasa laporan: Bahasa Indonesia" if new == "id" else "Report language: English"
    except Exception as exc:
        text = one_line(exc)
    book.app.alert(text, title=TITLE)


# --------------------------------------------------------------------------- the work


def run_report(keys: Sequence[str], book: Any = None) -> list[str]:
    """Compute the reports ``keys`` from the workbook's ledger and place them as new sheets.

    Returns the names of the sheets written (empty after an error, which was shown in a
    message box).
    """
    book = xw.Book.caller() if book is None else book
    app = book.app
    try:
        conf = settings(book)
        lang = conf["language"]
        app.status_bar = "xl-ar: membaca buku piutang" if lang == "id" else "xl-ar: reading ledger"
        from xl_ar.core import load_ledger
        from xl_ar.reports import catalog
        from xl_ar.reports.render_live import render_live

        keys = catalog.parse_reports(keys)
        found = find_ledger_range(book, lang=lang)
        tables = _tables(book, keys, lang)
        read = _rates_sheet(book, conf["read"])
        loaded = load_ledger(found.rows, first_row=found.first_row, **read)
        app.status_bar = "xl-ar: menghitung" if lang == "id" else "xl-ar: computing"
        report = catalog.build_report(
            loaded,
            conf["as_of"],
            reports=keys,
            lang=lang,
            source=found.source,
            options=conf["options"] or None,
            lenient=conf["lenient"],
            **tables,
        )
        return render_live(report, book, lang=lang, app=app)
    except Exception as exc:  # the message box is the only user interface
        app.status_bar = False
        app.alert(one_line(exc), title=TITLE)
        return []


def _rates_sheet(book: Any, read: dict[str, Any]) -> dict[str, Any]:
    """The reading options with ``rates`` (a sheet name in xl_ar.conf) as that sheet's rows."""
    if "rates" not in read:
        return read
    table = find_table(book, [read["rates"]])
    if table is None:
        raise XlArError(f"Rates: no sheet named {read['rates']!r} (currency, rate, date)")
    return {**read, "rates": table.rows}


def _tables(book: Any, keys: Sequence[str], lang: str) -> dict[str, list[list[Any]]]:
    """The tables (besides the ledger) the reports ``keys`` take, found by sheet name.

    A required table that is missing stops the macro with one line naming the sheets looked
    for; an optional one is simply not given.
    """
    from xl_ar.reports.catalog import CATALOG, INPUTS, input_names

    out: dict[str, list[list[Any]]] = {}
    for name, sheets in INPUT_SHEETS.items():
        users = [CATALOG[k] for k in keys if name in input_names([k])]
        if not users:
            continue
        table = find_table(book, sheets)
        if table is not None:
            out[name] = table.rows
        elif (INPUTS[name].required and any(_needs(CATALOG[k].inputs, name) for k in keys)) or any(
            name in spec.needs for spec in users
        ):
            # a table read only through an optional input (the aging's master) is not required
            users = [
                CATALOG[k]
                for k in keys
                if _needs(CATALOG[k].inputs, name) or name in CATALOG[k].needs
            ]
            side = 0 if lang == "id" else 1
            quoted, word = [repr(s) for s in sheets], ("atau", "or")[side]
            listed = f"{', '.join(quoted[:-1])} {word} {quoted[-1]}" if quoted[1:] else quoted[0]
            what, columns = users[0].name[side], INPUTS[name].columns[side]
            needs = ("butuh sheet", "needs a sheet")[side]
            raise XlArError(f"{what} {needs} {listed} ({columns})")
    return out


def _needs(inputs: Sequence[str], name: str) -> bool:
    """Whether ``name`` is among ``inputs`` or derived from it through required inputs only."""
    from xl_ar.reports.catalog import INPUTS

    return any(
        INPUTS[n].required and (n == name or _needs(INPUTS[n].derived_from, name)) for n in inputs
    )


def language(book: Any) -> str:
    """``"id"`` or ``"en"``: the ``xl_ar_language`` name, else ``xl_ar.conf``, else ``"id"``."""
    if LANGUAGE_NAME in book.names:
        value = _constant(book.names[LANGUAGE_NAME].refers_to)
        if value in ("id", "en"):
            return value
    conf = _config_entries(book)
    value = str(conf.get("language") or "id").strip().lower()
    return "en" if value.startswith("en") else "id"


def settings(book: Any) -> dict[str, Any]:
    """``language``, ``as_of`` (None = from the ledger), report ``options`` and ``read``.

    ``read`` holds how the ledger is read (``columns``, ``date_order``, ``negative``,
    ``profile``), for
    :func:`~xl_ar.core.ledger.ledger.load_ledger`.
    """
    conf = _config_entries(book)
    read = {
        _READ_KEYS[k]: str(v) for k, v in conf.items() if k in _READ_KEYS and v not in (None, "")
    }
    options = {
        _OPTION_KEYS[k]: v for k, v in conf.items() if k in _OPTION_KEYS and v not in (None, "")
    }
    options |= _posting_option(conf)
    as_of = conf.get("asof")
    return {
        "language": language(book),
        "as_of": None if as_of in (None, "") else as_of,
        "options": options,
        "read": read,
        "lenient": str(conf.get("lenient") or "").strip().lower() in YES,
    }


def _posting_option(conf: dict[str, Any]) -> dict[str, Any]:
    """``posting``: the tax rates and journal accounts of xl_ar.conf (``PPNRate``,
    ``AkunBank`` ...), when any is given."""
    from xl_ar.core import POSTING_CONF_KEYS, read_posting_settings

    rows = [[k, v] for k, v in conf.items() if k in POSTING_CONF_KEYS and v not in (None, "")]
    return {"posting": read_posting_settings(rows)} if rows else {}


def one_line(exc: BaseException) -> str:
    """An exception as the single line shown to the user (no traceback)."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    text = lines[0] if lines else type(exc).__name__
    if not isinstance(exc, XlArError):
        text = f"{type(exc).__name__}: {text}"
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


def _config_entries(book: Any) -> dict[str, Any]:
    sheet = next((s for s in book.sheets if s.name.casefold() == CONFIG_SHEET), None)
    if sheet is None:
        return {}
    rows = sheet.used_range.options(ndim=2).value or []
    entries = {}
    for row in rows:
        if len(row) >= 2 and isinstance(row[0], str) and row[0].strip():
            key = row[0].strip().casefold().replace(" ", "").replace("_", "")
            entries[key] = row[1]
            if key == "lossrates" and sum(c not in (None, "") for c in row[1:]) > 1:
                entries[key] = [c for c in row[1:] if c not in (None, "")]  # one per column
    return entries


def _constant(refers_to: object) -> str:
    text = str(refers_to or "").strip().lstrip("=").strip()
    return text.strip('"').strip().lower()
