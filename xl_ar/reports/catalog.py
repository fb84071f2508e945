"""The report catalog: which reports exist, what each needs, and :func:`build_report`.

Each report is one :class:`ReportSpec` in :data:`CATALOG`: its key, its name, a small pure
builder returning a :class:`~xl_ar.reports.model.Sheet`, and the inputs the builder takes
(names from :data:`INPUTS`, passed to it as keyword arguments with ``settings``). To add a
report, write its builder and add its entry here; :func:`build_report`, the ribbon macros
(:mod:`xl_ar.macros`) and the command line (``xl-ar report``) read what it needs from the
entry, and the renderers draw whatever sheets a :class:`~xl_ar.reports.model.Report` holds.

A report whose required input is not given (a customers table, a payments table) is left
out, and the About block says why; the optional ``policy`` defaults to the default credit
policy. Some inputs are derived by :func:`build_report` when not given: the as-of date,
the loss rates and the reconciliation.

Dates: ``as_of`` defaults to the report date in the export's title block (``Per 31/12/2024``,
read by :mod:`xl_ar.core.ledger.layout` into :attr:`LedgerLoad.as_of`), else to the latest
invoice or payment date found in the ledger (so the same ledger always gives the same report;
nothing reads today's date); the About block says which.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

import pandas as pd

import xl_ar
from xl_ar.core import (
    CONVERTED_ATTR,
    HOME_CURRENCY,
    LedgerLoad,
    amounts_note,
    as_buckets,
    as_date,
    check_snapshot_as_of,
    data_sufficiency,
    default_as_of,
    is_canonical,
    kpi_label,
    ledger_currencies,
    load_ledger,
    read_customer_master,
    require_one_currency,
    require_own_amounts,
    unread_rows,
)
from xl_ar.errors import CurrencyError, OptionError
from xl_ar.reports import sheet_collections as sc
from xl_ar.reports import sheets as sh
from xl_ar.reports.inputs import INPUTS
from xl_ar.reports.model import Report, Sheet
from xl_ar.reports.sheet_aging_movement import aging_movement_sheet
from xl_ar.reports.sheet_bank_reconcile import (
    BANK_KEYS,
    bank_statement_sheet,
    journal_sheet,
    left_out_reason,
    receipts_sheet,
    reconcile_options,
    withholding_sheet,
)
from xl_ar.reports.sheet_policy import credit_policy_sheet
from xl_ar.reports.sheet_reconcile import reconciliation_sheet
from xl_ar.reports.sheet_statement import statements_sheet

__all__ = [
    "BUILDERS",
    "CATALOG",
    "FULL_REPORT",
    "INPUTS",
    "REPORT_KEYS",
    "ReportSpec",
    "build_report",
    "input_names",
    "parse_reports",
]

Builder = Callable[..., Sheet]


@dataclass(frozen=True)
class ReportSpec:
    """One report: key, name (Indonesian, English), builder and the inputs it takes.

    ``inputs`` are names of :data:`INPUTS`; the builder is called as
    ``builder(settings=..., **{name: value})``. ``full`` reports are in the default set.
    """

    key: str
    name: tuple[str, str]
    builder: Builder
    inputs: tuple[str, ...] = ("ledger", "as_of")
    full: bool = True
    needs: tuple[str, ...] = ()  # optional inputs (INPUTS) this report cannot do without


_LEDGER = ("ledger", "as_of")

#: Every report, in workbook order.
CATALOG: dict[str, ReportSpec] = {
    spec.key: spec
    for spec in (
        ReportSpec("aging", ("Umur piutang", "Aging"), sh.aging_sheet, (*_LEDGER, "master")),
        ReportSpec("aging_movement", ("Pergerakan umur piutang", "Aging movement"),
                   aging_movement_sheet, full=False),
        ReportSpec("dashboard", ("Dasbor", "Dashboard"), sh.dashboard_sheet),
        ReportSpec("worklist", ("Daftar penagihan", "Collection worklist"), sh.worklist_sheet,
                   (*_LEDGER, "lang", "activity", "disputes")),
        ReportSpec("letters", ("Surat penagihan", "Dunning letters"), sh.letters_sheet,
                   (*_LEDGER, "lang", "activity", "disputes")),
        ReportSpec("productivity", ("Produktivitas kolektor", "Collector productivity"),
                   sc.productivity_sheet, (*_LEDGER, "activity"), full=False,
                   needs=("activity",)),
        ReportSpec("disputes", ("Sengketa", "Disputes"), sc.disputes_sheet,
                   (*_LEDGER, "disputes"), full=False, needs=("disputes",)),
        ReportSpec("reconciliation", ("Rekonsiliasi", "Reconciliation"), reconciliation_sheet,
                   ("reconciliation",)),
        # month-end bank reconciliation (issue 17): beside the reconciliation, when it applies
        ReportSpec("bank_statement", ("Mutasi bank", "Bank statement"), bank_statement_sheet,
                   ("reconciliation",), full=False),
        ReportSpec("receipts", ("Daftar penerimaan", "Receipt list"), receipts_sheet,
                   ("reconciliation", "master"), full=False),
        ReportSpec("withholding", ("Potongan pajak", "Tax withheld"), withholding_sheet,
                   ("reconciliation",), full=False),
        ReportSpec("journal", ("Jurnal penerimaan", "Receipts journal"), journal_sheet,
                   ("reconciliation",), full=False),
        ReportSpec("allowance", ("Cadangan ECL", "Allowance"), sh.allowance_sheet,
                   (*_LEDGER, "rates")),
        ReportSpec("forecast", ("Proyeksi kas", "Cash forecast"), sh.forecast_sheet,
                   (*_LEDGER, "rates", "giro")),
        ReportSpec("credit_review", ("Tinjauan kredit", "Credit review"), sh.credit_review_sheet,
                   (*_LEDGER, "customers", "policy")),
        ReportSpec("data_health", ("Kesehatan data", "Data health"), sh.data_health_sheet,
                   (*_LEDGER, "master")),
        ReportSpec("credit_policy", ("Kebijakan kredit", "Credit policy"), credit_policy_sheet,
                   ("policy",), full=False),
        ReportSpec("statements", ("Rekening koran", "Statements of account"), statements_sheet,
                   (*_LEDGER, "master"), full=False),
    )
}  # fmt: skip

#: Every report key, in workbook order.
REPORT_KEYS = tuple(CATALOG)
#: The reports of a full report (``xl-ar report`` without ``--reports``).
FULL_REPORT = tuple(k for k, spec in CATALOG.items() if spec.full)
#: Report key → builder.
BUILDERS: dict[str, Builder] = {k: spec.builder for k, spec in CATALOG.items()}


def input_names(keys: Iterable[str], *, given: bool = True) -> tuple[str, ...]:
    """The inputs the reports ``keys`` take, through derived ones (``given``: tables only).

    Examples
    --------
    >>> input_names(["credit_review", "reconciliation"])
    ('ledger', 'customers', 'policy', 'payments')
    >>> input_names(["credit_policy"])
    ('policy',)
    """
    out: list[str] = []

    def add(name: str) -> None:
        spec = INPUTS[name]
        for needed in spec.derived_from:
            add(needed)
        if name not in out and (spec.given or not given):
            out.append(name)

    for key in keys:
        for name in CATALOG[key].inputs:
            add(name)
    return tuple(out)


def parse_reports(reports: str | Iterable[str] | None) -> tuple[str, ...]:
    """Report keys from ``"aging,dashboard"`` or a sequence, in :data:`REPORT_KEYS` order.

    Examples
    --------
    >>> parse_reports("dashboard, aging")
    ('aging', 'dashboard')
    >>> parse_reports(None) == FULL_REPORT
    True
    """
    if reports is None:
        return FULL_REPORT
    items = reports.split(",") if isinstance(reports, str) else list(reports)
    wanted = {str(r).strip().lower().replace("-", "_") for r in items if str(r).strip()}
    unknown = sorted(wanted - set(REPORT_KEYS))
    if unknown:
        raise OptionError(
            f"unknown report {', '.join(map(repr, unknown))}: choose from {', '.join(REPORT_KEYS)}"
        )
    if not wanted:
        raise OptionError(f"no report chosen: choose from {', '.join(REPORT_KEYS)}")
    return tuple(k for k in REPORT_KEYS if k in wanted)


def build_report(
    ledger: Any = None,
    as_of: Any = None,
    *,
    reports: str | Iterable[str] | None = None,
    lang: str = "id",
    source: str = "",
    customers: Any = None,
    payments: Any = None,
    policy: Any = None,
    reconciliation: Any = None,
    options: Mapping[str, Any] | None = None,
    lenient: bool = False,
    **tables: Any,
) -> Report:
    """Compute the chosen reports at ``as_of``.

    Parameters
    ----------
    ledger : LedgerLoad, canonical ledger, or anything :func:`~xl_ar.core.ledger.ledger.load_ledger` reads
        Read leniently: the problems found (or those of a ``LedgerLoad``) feed the
        data-health sheet; a canonical ledger has none. Only reports that take no ledger
        (the credit policy) can do without it.
    as_of : date-like, optional
        Default: the report date in the export's title block (``Per 31/12/2024``), else the
        latest invoice or payment date in the ledger; the About block says which.
    reports : str or iterable of str, optional
        ``"aging,dashboard"`` or a sequence of keys; default :data:`FULL_REPORT`.
    lang : {'id', 'en'}, default 'id'
        Language of the texts computed in one language (letters).
    source : str
        Where the ledger came from (file name, range), shown in the About block.
    customers : customers table, optional
        Customer and credit limit columns (:func:`xl_ar.core.credit.credit_review.read_customers`);
        without it the credit-review sheet is left out (the About block says so).
    payments : payments table, optional
        Payment id, date, amount, optional customer and memo
        (:func:`xl_ar.core.cash_application.payments.read_payments`); without it (or
        ``reconciliation``) the reconciliation sheet is left out.
    policy : credit policy, optional
        A policy range or :class:`~xl_ar.core.credit.credit_policy.CreditPolicy` for the
        credit review and the credit-policy sheet (default: the default policy).
    reconciliation : ReconcileResult, optional
        A reconciliation already computed (e.g. of a customer's statement); default: the
        payments applied to the ledger.
    options : mapping, optional
        Fields of :class:`xl_ar.reports.sheets.Settings` (``buckets``, ``kpi_months``,
        ``loss_rates``, ``forecast_period``, ``existing_allowance``, ``company`` ...).
    lenient : bool, default False
        A ledger with data problems is refused with the line ``xl-ar aging`` and ``check``
        give (unless the only report is the data-health sheet). With ``lenient`` the report
        is written from the rows as read, with a banner on every sheet saying how many rows
        have problems and which rows (and amount) were left out.
    **tables
        Any other input of :data:`INPUTS` a report takes, by name.

    Returns
    -------
    Report

    Examples
    --------
    >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount"],
    ...         ["A", "2024-01-01", "2024-01-31", 100], ["B", "2024-03-01", "2024-03-31", 50]]
    >>> r = build_report(rows, reports="aging")
    >>> [s.key for s in r.sheets], str(r.as_of.date())
    (['aging'], '2024-03-01')
    >>> [s.key for s in build_report(reports="credit_policy").sheets]
    ['credit_policy']
    """
    if lang not in ("id", "en"):
        raise OptionError(f"lang must be 'id' or 'en', not {lang!r}")
    keys = parse_reports(reports)
    unknown = sorted(set(tables) - set(INPUTS))
    if unknown:
        raise OptionError(f"unknown report input {unknown[0]!r}: known {', '.join(INPUTS)}")
    if ledger is not None and not isinstance(ledger, LedgerLoad) and not is_canonical(ledger):
        ledger = load_ledger(ledger)  # leniently: its problems feed the data-health sheet
    led, problems, notes = _read(ledger)
    _strictness(led, problems, keys, lenient)
    banner = None
    if lenient and not problems.empty and led is not None:
        led, banner = _lenient(led, problems)
    settings = replace(_settings(options, problems, notes), lang=lang)
    if led is not None:  # money labels and formats in the ledger's currency, never several
        settings = _currency_settings(settings, led, keys)
    values: dict[str, Any] = {
        "ledger": led, "as_of": None if as_of is None else as_date(as_of), "lang": lang,
        "customers": customers, "payments": payments, "policy": policy,
        "reconciliation": reconciliation, **tables,
    }  # fmt: skip
    conventions = {}
    if led is not None:
        conventions = _conventions(settings, as_of is None)
        conventions["amounts"] = _amounts_line(settings, led)
        if as_of is None and isinstance(ledger, LedgerLoad) and ledger.as_of is not None:
            # the export's report date (its title block) before the latest ledger date
            values["as_of"], conventions["as-of date"] = default_as_of(
                led, ledger.as_of, ledger.as_of_line
            )
        _check_snapshot_as_of(ledger, led, values["as_of"], keys)
        settings = _with_sufficiency(led, values, settings, conventions)
    built = []
    keys = _without_converted_letters(keys, led, conventions)
    if "worklist" in keys and settings.customer_master is None and customers is not None:
        # WhatsApp links in the worklist from the customer master (phone / WhatsApp column)
        settings = replace(
            settings, customer_master=_resolve("master", values, settings, conventions)
        )
    for key in keys:
        spec = CATALOG[key]
        why = _left_out(spec, values, settings, conventions)
        if why is not None:
            conventions[spec.name[1].lower()] = why
            continue
        inputs = {n: values.get(n) for n in spec.inputs}  # an optional table: None
        built.append(spec.builder(settings=settings, **inputs))
    if banner is not None:
        built = [replace(sheet, notes=(banner, *sheet.notes)) for sheet in built]
    built = [_converted_notes(sheet, settings.currency, led) for sheet in built]
    return Report(
        sheets=tuple(built),
        as_of=values["as_of"],
        source=source,
        conventions=conventions,
        version=xl_ar.__version__,
        company=settings.company,
        currency=settings.currency,
    )


#: Reports that add no money: written whatever the ledger's currencies.
_NO_MONEY = frozenset({"data_health", "credit_policy"})


def _currency_settings(
    settings: sh.Settings, led: pd.DataFrame, keys: Iterable[str]
) -> sh.Settings:
    """Settings with the ledger's one currency; several are refused (never added)."""
    found = ledger_currencies(led)
    if len(found) > 1 and set(keys) - _NO_MONEY:
        require_one_currency(led, "the report")
    if settings.currency is None and len(found) == 1:
        return replace(settings, currency=found[0])
    return settings


def _read(ledger: Any) -> tuple[pd.DataFrame | None, pd.DataFrame, tuple[str, ...]]:
    """The canonical ledger, the problems found reading it (leniently) and the reading notes."""
    none = pd.DataFrame(columns=["row", "column", "value", "problem"])
    if ledger is None:
        return None, none, ()
    if isinstance(ledger, LedgerLoad):
        return ledger.ledger, ledger.problems, tuple(ledger.notes)
    if is_canonical(ledger):
        return ledger, none, ()
    got = load_ledger(ledger)
    return got.ledger, got.problems, tuple(got.notes)


def _resolve(name: str, values: dict[str, Any], settings: sh.Settings, conventions: dict) -> Any:
    """The value of input ``name``: given, else derived (once) from the inputs it comes from."""
    if values.get(name) is not None or not INPUTS[name].derived_from:
        return values.get(name)
    if all(
        _resolve(n, values, settings, conventions) is not None for n in INPUTS[name].derived_from
    ):
        values[name] = _DERIVE[name](values, settings, conventions)
    return values.get(name)


def _first_missing(name: str, values: dict[str, Any]) -> str:
    """The given input whose absence leaves ``name`` unset (``payments`` for the reconciliation)."""
    for needed in INPUTS[name].derived_from:
        if values.get(needed) is None:
            return _first_missing(needed, values)
    return name


def _rates(values: dict[str, Any], settings: sh.Settings, conventions: dict) -> Any:
    rates = sh.report_rates(values["ledger"], values["as_of"], settings)
    if isinstance(rates, sh.Withheld):
        conventions["loss rates"] = rates.text("en")
    else:
        conventions["loss rates"] = sh.rates_text(rates, settings.buckets)
    return rates


#: Reports that read a ledger's problems rather than its numbers (read leniently, as ``check``).
LENIENT_REPORTS = frozenset({"data_health"})


def _strictness(led: Any, problems: pd.DataFrame, keys: Iterable[str], lenient: bool) -> None:
    """Refuse a ledger with problems as ``xl-ar aging``/``check`` do, unless ``lenient``."""
    if lenient or led is None or problems.empty:
        return
    if any("ledger" in CATALOG[k].inputs and k not in LENIENT_REPORTS for k in keys):
        LedgerLoad(led, problems).strict()  # the same one line as xl-ar aging


def _check_snapshot_as_of(ledger: Any, led: pd.DataFrame, as_of: Any, keys: list[str]) -> None:
    """An open-items snapshot aged before its own date (its title's, else its latest document's)
    is refused: the invoices paid since are missing from it."""
    if as_of is None or led.empty or all(k in _NO_MONEY for k in keys):
        return
    check_snapshot_as_of(led, as_of, ledger.as_of if isinstance(ledger, LedgerLoad) else None)


def _with_sufficiency(
    led: pd.DataFrame, values: dict[str, Any], settings: sh.Settings, conventions: dict
) -> sh.Settings:
    """Settings with what the ledger supports at the as-of date; the About block says its kind."""
    if led.empty or _resolve("as_of", values, settings, conventions) is None:
        return settings
    given = settings.loss_rates is not None
    got = data_sufficiency(
        led, values["as_of"], loss_rates_given=given, window_months=settings.summary_months
    )
    conventions["ledger"] = got.facts.kind_text()[1]
    return replace(settings, sufficiency=got)


def _lenient(led: pd.DataFrame, problems: pd.DataFrame) -> tuple[pd.DataFrame, tuple[str, str]]:
    """The rows a lenient report can read, and its banner: rows with problems, the rows (and
    amount) left out and why."""
    rows = problems["row"].dropna().nunique()
    out = unread_rows(led)
    gone = [r for listed in out["rows"] for r in listed]
    led = led.drop(index=gone)
    why = ("; ".join(out["note_id"]) or "tidak ada baris yang tidak dihitung",
           "; ".join(out["note_en"]) or "no row left out")  # fmt: skip
    return led, (
        f"DIBACA LONGGAR (--lenient): {len(problems)} masalah di {rows} baris (lihat Kesehatan "
        f"Data); {why[0]}; baris bermasalah lainnya dihitung apa adanya: angkanya bisa salah",
        f"READ LENIENTLY (--lenient): {len(problems)} problem{'s' * (len(problems) != 1)} in "
        f"{rows} row{'s' * (rows != 1)} (see Data "
        f"Health); {why[1]}; the other rows with problems are counted as read: their figures "
        "may be wrong",
    )


def _reconciliation(values: dict[str, Any], settings: sh.Settings, conventions: dict) -> Any:
    from xl_ar.core import reconcile

    return reconcile(
        values["ledger"], values["payments"], tolerance=settings.reconcile_tolerance,
        **reconcile_options(settings, values.get("customers")),
    )  # fmt: skip


def _left_out(
    spec: ReportSpec, values: dict[str, Any], settings: sh.Settings, conventions: dict
) -> str | None:
    """Why a report is left out (a required input missing), or ``None`` to build it."""
    missing = [n for n in spec.inputs if _resolve(n, values, settings, conventions) is None]
    missing = [n for n in missing if INPUTS[n].required or n in spec.needs]
    if missing:
        first = _first_missing(missing[0], values)
        if first == "ledger":
            raise OptionError(f"the {spec.name[1].lower()} report needs a ledger")
        return f"left out: no {INPUTS[first].what[1]} was given"
    if spec.key in BANK_KEYS:  # no bank statement, no tax withheld ...
        why = left_out_reason(spec.key, _resolve("reconciliation", values, settings, conventions))
        if why is not None:
            return why
    if spec.key == "credit_review":  # a customer master need not hold credit limits
        master = _resolve("master", values, settings, conventions)
        if master is not None and "credit_limit" not in master.attrs.get("found", ()):
            return (
                "left out: the customers table has no credit limit column "
                "(Credit Limit / Limit Kredit)"
            )
    return None


#: How a derived input is computed: ``(values, settings, conventions) -> value``.
_DERIVE: dict[str, Callable[[dict[str, Any], sh.Settings, dict], Any]] = {
    "as_of": lambda values, settings, conventions: sh.latest_date(values["ledger"]),
    "rates": _rates,
    "reconciliation": _reconciliation,
    "master": lambda values, settings, conventions: read_customer_master(values["customers"]),
}


def _settings(
    options: Mapping[str, Any] | None, problems: pd.DataFrame, notes: tuple[str, ...] = ()
) -> sh.Settings:
    options = dict(options or {})
    known = {f.name for f in fields(sh.Settings)} - {"problems", "notes", "lang", "sufficiency"}
    unknown = sorted(set(options) - known)
    if unknown:
        raise OptionError(f"unknown report option {unknown[0]!r}: known {', '.join(sorted(known))}")
    if "buckets" in options:
        options["buckets"] = as_buckets(options["buckets"])
    return sh.Settings(**options, problems=problems, notes=notes)


def _conventions(settings: sh.Settings, default_date: bool) -> dict[str, str]:
    edges = ",".join(str(e) for e in settings.buckets)
    return {
        "as-of date": "latest invoice/payment date in the ledger" if default_date else "given",
        "aging buckets": f"{edges} days past due date (Current = not yet due)",
        "day basis": "calendar days of the period (DSO = ending AR / credit sales × days)",
        "CEI months": f"{settings.summary_months} (headline, sales / {settings.summary_months}: "
        f"{kpi_label('cei', 'en', months=settings.summary_months)}); each month whole (series: "
        f"{kpi_label('cei', 'en', period='month')})",
        "monthly series": f"{settings.kpi_months} months ending at the as-of month",
        "amounts": "Rupiah (IDR), as in the ledger",
    }


def _amounts_line(settings: sh.Settings, led: pd.DataFrame) -> str:
    """The About block's line on amounts: the currency, and the rates of a conversion."""
    code = settings.currency or HOME_CURRENCY
    converted = led.attrs.get(CONVERTED_ATTR) or ()
    name = amounts_note(code, converted)[1].removeprefix("Amounts in ")
    return name if converted else f"{name}, as in the ledger"


def _without_converted_letters(
    keys: tuple[str, ...], led: pd.DataFrame | None, conventions: dict[str, str]
) -> tuple[str, ...]:
    """The report keys, less the letters of a converted ledger (the About block says why):
    a letter states each invoice in its own currency, never a converted amount."""
    if "letters" not in keys or led is None:
        return keys
    try:
        require_own_amounts(led)
    except CurrencyError as exc:
        conventions[CATALOG["letters"].name[1].lower()] = f"left out: {exc}"
        return tuple(k for k in keys if k != "letters")
    return keys


def _converted_notes(sheet: Sheet, currency: str | None, led: pd.DataFrame | None) -> Sheet:
    """A sheet whose "Amounts in ..." note also states a conversion's rates (if any)."""
    if led is None or not led.attrs.get(CONVERTED_ATTR):
        return sheet
    plain = amounts_note(currency)
    stated = amounts_note(currency, led.attrs.get(CONVERTED_ATTR) or ())
    return replace(sheet, notes=tuple(stated if n == plain else n for n in sheet.notes))
