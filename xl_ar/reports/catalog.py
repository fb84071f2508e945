"""The report catalog: which sheets exist and :func:`build_report`, which computes them.

Each report key maps to one small pure builder in :mod:`xl_ar.reports.sheets` that returns a
:class:`~xl_ar.reports.model.Sheet`. To add a report (reconciliation is next), write its
builder there, add its key to :data:`REPORT_KEYS` and its entry to :data:`BUILDERS`; nothing
else changes: the renderers draw whatever sheets a :class:`~xl_ar.reports.model.Report` holds.

Dates: ``as_of`` defaults to the latest invoice or payment date found in the ledger (so the
same ledger always gives the same report; nothing reads today's date).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import fields
from typing import Any

import pandas as pd

import xl_ar
from xl_ar.core.base.options import as_buckets, as_date
from xl_ar.core.ledger.ledger import LedgerLoad, is_canonical, load_ledger
from xl_ar.errors import OptionError
from xl_ar.reports import sheets as sh
from xl_ar.reports.model import Report, Sheet
from xl_ar.reports.sheet_reconcile import reconciliation_sheet

__all__ = ["BUILDERS", "REPORT_KEYS", "build_report", "parse_reports"]

#: Every report, in workbook order.
REPORT_KEYS = (
    "aging",
    "dashboard",
    "worklist",
    "letters",
    "reconciliation",
    "allowance",
    "forecast",
    "credit_review",
    "data_health",
)

Builder = Callable[..., Sheet]

#: Report key → builder ``(ledger, as_of, settings, **shared) -> Sheet``.
BUILDERS: dict[str, Builder] = {
    "aging": sh.aging_sheet,
    "dashboard": sh.dashboard_sheet,
    "worklist": sh.worklist_sheet,
    "letters": sh.letters_sheet,
    "reconciliation": reconciliation_sheet,
    "allowance": sh.allowance_sheet,
    "forecast": sh.forecast_sheet,
    "credit_review": sh.credit_review_sheet,
    "data_health": sh.data_health_sheet,
}

_NEEDS_RATES = frozenset({"allowance", "forecast"})


def parse_reports(reports: str | Iterable[str] | None) -> tuple[str, ...]:
    """Report keys from ``"aging,dashboard"`` or a sequence, in :data:`REPORT_KEYS` order.

    Examples
    --------
    >>> parse_reports("dashboard, aging")
    ('aging', 'dashboard')
    >>> parse_reports(None) == REPORT_KEYS
    True
    """
    if reports is None:
        return REPORT_KEYS
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
    ledger: Any,
    as_of: Any = None,
    *,
    reports: str | Iterable[str] = REPORT_KEYS,
    lang: str = "id",
    source: str = "",
    customers: Any = None,
    payments: Any = None,
    options: Mapping[str, Any] | None = None,
) -> Report:
    """Compute the chosen reports of a ledger at ``as_of``.

    Parameters
    ----------
    ledger : LedgerLoad, canonical ledger, or anything :func:`~xl_ar.core.ledger.ledger.load_ledger` reads
        Read leniently: the problems found (or those of a ``LedgerLoad``) feed the
        data-health sheet; a canonical ledger has none.
    as_of : date-like, optional
        Default: the latest invoice or payment date in the ledger.
    reports : str or iterable of str, default all of :data:`REPORT_KEYS`
        ``"aging,dashboard"`` or a sequence of keys.
    lang : {'id', 'en'}, default 'id'
        Language of the texts computed in one language (letters).
    source : str
        Where the ledger came from (file name, range), shown in the About block.
    customers : customers table, optional
        Customer and credit limit columns (:func:`xl_ar.core.credit.credit_review.read_customers`);
        without it the credit-review sheet is left out (the About block says so).
    payments : payments table, optional
        Payment id, date, amount, optional customer and memo
        (:func:`xl_ar.core.cash_application.payments.read_payments`); without it the reconciliation sheet is
        left out.
    options : mapping, optional
        Fields of :class:`xl_ar.reports.sheets.Settings` (``buckets``, ``kpi_months``,
        ``loss_rates``, ``forecast_period``, ``existing_allowance``, ``company`` ...).

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
    """
    if lang not in ("id", "en"):
        raise OptionError(f"lang must be 'id' or 'en', not {lang!r}")
    keys = parse_reports(reports)
    notes: tuple[str, ...] = ()
    if isinstance(ledger, LedgerLoad):
        led, problems, notes = ledger.ledger, ledger.problems, ledger.notes
    elif is_canonical(ledger):
        led, problems = ledger, pd.DataFrame(columns=["row", "column", "value", "problem"])
    else:
        got = load_ledger(ledger)
        led, problems, notes = got.ledger, got.problems, got.notes
    day = sh.latest_date(led) if as_of is None else as_date(as_of)
    settings = _settings(options, customers, problems, notes)
    conventions = _conventions(settings, keys, as_of is None)
    if customers is None and "credit_review" in keys:
        keys = tuple(k for k in keys if k != "credit_review")
    if payments is None and "reconciliation" in keys:
        keys = tuple(k for k in keys if k != "reconciliation")
        conventions["reconciliation"] = "left out: no payments table given"
    rates = None
    if _NEEDS_RATES & set(keys):
        rates = sh.estimate_rates(led, day, settings)
        conventions["loss rates"] = sh.rates_text(rates, settings.buckets)
    built = []
    for key in keys:
        extra: dict[str, Any] = {}
        if key in _NEEDS_RATES:
            extra["rates"] = rates
        if key == "letters":
            extra["lang"] = lang
        if key == "reconciliation":
            extra["payments"] = payments
        built.append(BUILDERS[key](led, day, settings, **extra))
    return Report(
        sheets=tuple(built),
        as_of=day,
        source=source,
        conventions=conventions,
        version=xl_ar.__version__,
        company=settings.company,
    )


def _settings(
    options: Mapping[str, Any] | None,
    customers: Any,
    problems: pd.DataFrame,
    notes: tuple[str, ...] = (),
):
    options = dict(options or {})
    known = {f.name for f in fields(sh.Settings)} - {"customers", "problems", "notes"}
    unknown = sorted(set(options) - known)
    if unknown:
        raise OptionError(f"unknown report option {unknown[0]!r}: known {', '.join(sorted(known))}")
    if "buckets" in options:
        options["buckets"] = as_buckets(options["buckets"])
    return sh.Settings(**options, customers=customers, problems=problems, notes=notes)


def _conventions(settings: sh.Settings, keys: tuple[str, ...], default_date: bool) -> dict:
    edges = ",".join(str(e) for e in settings.buckets)
    out = {
        "as-of date": "latest invoice/payment date in the ledger" if default_date else "given",
        "aging buckets": f"{edges} days past due date (Current = not yet due)",
        "day basis": "calendar days of the period (DSO = ending AR / credit sales × days)",
        "CEI months": f"{settings.summary_months} (headline); 1 per month (monthly series)",
        "monthly series": f"{settings.kpi_months} months ending at the as-of month",
        "amounts": "Rupiah (IDR), as in the ledger",
    }
    if "credit_review" in keys and settings.customers is None:
        out["credit review"] = "left out: no customers table with credit limits was given"
    return out
