"""Sheet builders: one small pure function per report key, each returning a :class:`Sheet`.

Every builder takes a :class:`Settings` and the inputs its catalog entry names
(:data:`xl_ar.reports.catalog.CATALOG`: the canonical ledger, the as-of date, ...); it only
composes core functions (:mod:`xl_ar.core`) into tables and chart specs, so every number on
a sheet is the core's number. Headers are ``(Indonesian, English)`` pairs; a renderer picks
one language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core import (
    BY_NOTE_ATTR,
    FIRST_DAY,
    FORECAST_LINE_LABELS,
    LABELS,
    NOT_IN_MASTER,
    TOTAL,
    LetterWriter,
    aging,
    allowance,
    amounts_note,
    as_buckets,
    assess,
    bucket_labels,
    check_defined,
    covered_start,
    credit_review,
    data_sufficiency,
    ecl_from_ledger,
    ensure_master,
    forecast,
    grouped_number,
    kpi_label,
    kpi_series,
    kpi_summary,
    latest_ledger_date,
    left_out,
    loss_rates,
    master_notes,
    money_unit,
    not_estimable,
    resolve_rates,
    worklist,
)
from xl_ar.reports.model import Chart, ColumnFormat, Sheet, Table
from xl_ar.reports.sheet_collections import LOG_HEADERS, worklist_links

__all__ = ["Settings", "Withheld", "estimate_rates", "report_rates"]


@dataclass(frozen=True)
class Settings:
    """Options shared by the builders (see :func:`xl_ar.reports.catalog.build_report`)."""

    buckets: tuple[int, ...] = (30, 60, 90)
    kpi_months: int = 24
    summary_months: int = 3
    top_n: int = 10
    top_invoices: int = 20
    loss_rates: Any = None  # None: estimated from the ledger's last 12 months
    forecast_period: str = "week"
    forecast_horizon: int | None = None
    existing_allowance: float = 0.0
    reconcile_tolerance: Any = 0.005  # an amount, or a percentage text such as "1%"
    strategy: Any = None
    promises: Any = None
    company: str | None = None
    currency: str | None = None  # the ledger's one currency (None: Rupiah), for money labels
    interest_rate: Any = None  # the contract's late-interest rate for letters (None: strategy's)
    problems: pd.DataFrame = field(default_factory=pd.DataFrame)
    notes: tuple[str, ...] = ()  # how the ledger was read (LedgerLoad.notes): data-health sheet
    lang: str = "id"  # the language of withheld-number texts in cells (set by build_report)
    sufficiency: Any = None  # what the ledger supports (data_sufficiency; None: decided here)
    activity: Any = None  # activity log(s) for the worklist and letters (issue 16)
    disputes: Any = None  # dispute log: open disputes leave the worklist and letters
    customer_master: Any = None  # canonical customer master (WhatsApp links in the worklist)
    activity_start: Any = None  # productivity period start (None: 1st of the as-of month)
    contact_window_days: int = 14  # productivity: receipts within this after a contact
    by: str | None = None  # the aging sheet also grouped by this ledger or master column
    compare_to: Any = None  # the aging movement's previous date (None: end of the month before)
    statement_from: Any = None  # statements: first day (None: the as-of date's month's first)
    statement_to: Any = None  # statements: last day (None: the as-of date)
    bank: str | None = None  # remittance details on statements (Bank)
    bank_account: str | None = None  # (BankAccount / Rekening)
    account_name: str | None = None  # (AccountName / AtasNama)
    posting: Any = None  # PostingSettings: journal accounts and tax rates (None: the defaults)


H: dict[str, tuple[str, str]] = {
    **LABELS,
    "customer": LABELS["customer"],
    "invoice": ("No Faktur", "Invoice No."),
    "outstanding": ("Sisa", "Outstanding"),
    "days_past_due": ("Hari lewat jatuh tempo", "Days past due"),
    "bucket": ("Umur piutang", "Aging bucket"),
    "share": ("Bagian", "Share"),
    "label": ("Keterangan", "Item"),
    "gross_balance": ("Nilai bruto", "Gross carrying amount"),
    "loss_rate": ("Tingkat kerugian", "Loss rate"),
    "roll_rate": ("Tingkat perpindahan rata-rata", "Average roll rate"),
    "ecl": ("Kerugian kredit ekspektasian", "Expected credit loss"),
    "start": ("Mulai", "Start"),
    "end": ("Selesai", "End"),
    "amount": ("Jumlah", "Amount"),
    "items": ("Jumlah item", "Items"),
    "overdue": ("Lewat jatuh tempo", "Overdue"),
    "open": ("Saldo terbuka", "Open balance"),
    "oldest_dpd": ("Hari tertua lewat tempo", "Oldest days past due"),
    "payer_rating": ("Peringkat pembayar", "Payer rating"),
    "risk": ("Risiko", "Risk"),
    "stage": ("Tahap", "Stage"),
    "channel": ("Saluran", "Channel"),
    "owner": ("Penanggung jawab", "Owner"),
    "next_action": ("Tindakan berikutnya", "Next action"),
    "action_date": ("Tanggal tindakan", "Action date"),
    "promise_date": ("Tanggal janji bayar", "Promise date"),
    "promise": ("Status janji", "Promise status"),
    "priority": ("Prioritas", "Priority"),
    "letter": ("Isi surat", "Letter text"),
    "credit_limit": ("Limit kredit", "Credit limit"),
    "open_ar": ("Piutang terbuka", "Open AR"),
    "unbilled_orders": ("Pesanan belum ditagih", "Unbilled orders"),
    "uninvoiced_deliveries": ("Pengiriman belum difakturkan", "Uninvoiced deliveries"),
    "exposure": ("Eksposur", "Exposure"),
    "available": ("Sisa limit", "Available"),
    "utilisation": ("Pemakaian limit", "Utilisation"),
    "over_limit": ("Melebihi limit", "Over limit"),
    "overdue_share": ("Bagian lewat tempo", "Overdue share"),
    "paid_invoices": ("Faktur lunas", "Invoices paid"),
    "weighted_days_late": ("Rata-rata hari terlambat", "Weighted days late"),
    "share_paid_late": ("Bagian dibayar terlambat", "Share paid late"),
    "rating_reason": ("Alasan peringkat", "Rating reason"),
    "action": ("Saran tindakan", "Suggested action"),
    "note": ("Catatan", "Note"),
    "value": ("Nilai", "Value"),
    "row": LABELS["row"],
    "column": LABELS["column"],
    "problem": LABELS["problem"],
    "total_overdue": ("Total lewat jatuh tempo", "Total overdue"),
    "entry": ("Jurnal penyesuaian", "Adjusting entry"),
}

AMOUNTS_NOTE = LABELS["amounts_note"]


def _headers(columns: list[str], extra: Mapping[str, tuple[str, str]] | None = None) -> dict:
    """Header pairs of ``columns``: bucket labels get "hari"/"days", others from :data:`H`."""
    out: dict[str, tuple[str, str]] = {}
    for c in columns:
        if extra and c in extra:
            out[c] = extra[c]
        elif c == "Current":
            out[c] = LABELS["current"]
        elif c in H:
            out[c] = H[c]
        elif c[:1] in "0123456789>":
            out[c] = (f"{c} hari", f"{c} days")
        else:
            out[c] = (c, c)
    return out


def _pair_of(indonesian: Any, english: Any) -> Any:
    """One cell from its two languages: a text pair, or the value when both are the same."""
    return (indonesian, english) if isinstance(indonesian, str) and indonesian != english else (
        indonesian
    )  # fmt: skip


def estimate_rates(ledger: pd.DataFrame, as_of: pd.Timestamp, settings: Settings) -> Any:
    """Loss rates used by the allowance/ECL and forecast sheets (given, or estimated)."""
    if settings.loss_rates is not None:
        return settings.loss_rates
    start = max(as_of - pd.DateOffset(months=12) + pd.Timedelta(days=1), pd.Timestamp(FIRST_DAY))
    estimated = loss_rates(ledger, start, as_of, buckets=settings.buckets)
    check_defined(estimated)
    return estimated


@dataclass(frozen=True)
class Withheld:
    """A number the ledger cannot support: its reason (Indonesian, English) stands in its place."""

    reason: tuple[str, str]

    def text(self, lang: str = "en") -> str:
        """``"not estimable: <reason>"`` in ``lang``."""
        return not_estimable(self.reason, lang)


#: How a user gives loss rates, added to a reason the ledger cannot give them for.
GIVE_RATES = (" (--loss-rates, atau LossRates di xl_ar.conf)",
              " (--loss-rates, or LossRates in xl_ar.conf)")  # fmt: skip


def sufficiency(ledger: pd.DataFrame, as_of: pd.Timestamp, settings: Settings) -> Any:
    """What the ledger supports (:func:`~xl_ar.core.data_sufficiency`), decided once per report."""
    if settings.sufficiency is not None:
        return settings.sufficiency
    return data_sufficiency(
        ledger, as_of, loss_rates_given=settings.loss_rates is not None,
        window_months=settings.summary_months,
    )  # fmt: skip


def report_rates(ledger: pd.DataFrame, as_of: pd.Timestamp, settings: Settings) -> Any:
    """The loss rates of the allowance and forecast sheets: given, estimated, or :class:`Withheld`.

    Withheld when the ledger cannot support an estimate (a snapshot, no payment dates, a short
    history: :func:`~xl_ar.core.data_sufficiency`) or a bucket has no roll rate.
    """
    if settings.loss_rates is not None:
        return settings.loss_rates
    why = sufficiency(ledger, as_of, settings).reasons["loss_rates"]
    if why is not None:
        return Withheld(why)
    start = max(as_of - pd.DateOffset(months=12) + pd.Timedelta(days=1), pd.Timestamp(FIRST_DAY))
    estimated = loss_rates(ledger, start, as_of, buckets=settings.buckets)
    why = estimated.reason()
    if why is not None:
        return Withheld((why[0] + GIVE_RATES[0], why[1] + GIVE_RATES[1]))
    return estimated


def _withheld_cells(frame: pd.DataFrame, columns: list[str], text: str) -> pd.DataFrame:
    """``frame`` with ``columns`` replaced by ``text`` (a number withheld, with its reason)."""
    out = frame.astype({c: object for c in columns})
    for c in columns:
        out[c] = text
    return out


# --------------------------------------------------------------------------- aging


def aging_sheet(
    ledger: pd.DataFrame, as_of: pd.Timestamp, settings: Settings, master: Any = None
) -> Sheet:
    """Aging by customer with a Total row, % of total per bucket and the top overdue invoices;
    with ``settings.by``, also the aging grouped by that ledger or customer-master column."""
    table = aging(ledger, as_of, buckets=settings.buckets)
    buckets = bucket_labels(settings.buckets)
    cols = ["customer", *buckets, TOTAL]
    money: dict[str, ColumnFormat] = dict.fromkeys([*buckets, TOTAL], "money")
    grand = float(table[TOTAL].iloc[-1])
    last = table.iloc[[-1]][[*buckets, TOTAL]].astype(float)
    share = last / grand if grand else last * 0.0  # an empty aging: 0 %, not a crash
    share = share[[*buckets, TOTAL]].reset_index(drop=True)
    share.insert(0, "customer", pd.Series([LABELS["pct_of_total"]], dtype=object))
    invoices = aging(ledger, as_of, buckets=settings.buckets, by="invoice")
    late = invoices[invoices["days"] > 0].sort_values(
        ["outstanding", "days"], ascending=[False, False], kind="mergesort"
    )
    top = late.head(settings.top_invoices).reset_index(drop=True)
    top_cols = ["customer", "invoice", "invoice_date", "due_date", "outstanding", "days", "bucket"]
    grouped = () if settings.by is None else (aging_by_table(ledger, as_of, settings, master),)
    title, by_notes = LABELS["aging_title"], ()
    if grouped:  # the title names the grouping (review 16 #21), the note the column (#8)
        head = grouped[0].headers[str(grouped[0].frame.columns[0])]
        title = (f"Umur Piutang per {head[0]} dan per Pelanggan",
                 f"Accounts Receivable Aging by {head[1]} and by Customer")  # fmt: skip
        note = grouped[0].frame.attrs.get(BY_NOTE_ATTR)
        by_notes = () if note is None else (note,)
    return Sheet(
        key="aging",
        name=("Umur Piutang", "Aging"),
        title=title,
        notes=(amounts_note(settings.currency), *by_notes),
        tables=(
            *grouped,
            Table(
                name="aging",
                frame=table[cols],
                headers=_headers(cols),
                formats={"customer": "text", **money},
                total_row=True,
                highlight=dict.fromkeys(buckets[1:], "overdue"),
            ),
            Table(
                name="aging_share",
                frame=share,
                headers=_headers(cols),
                formats={"customer": "text", **dict.fromkeys([*buckets, TOTAL], "pct")},
            ),
            Table(
                name="top_overdue",
                frame=top[top_cols],
                headers=_headers(top_cols, {"days": H["days_past_due"]}),
                formats={
                    "customer": "text",
                    "invoice": "text",
                    "invoice_date": "date",
                    "due_date": "date",
                    "outstanding": "money",
                    "days": "int",
                    "bucket": "text",
                },
                highlight={"days": "overdue"},
            ),
        ),
    )


#: Headers of the customer-master columns an aging can be grouped by.
GROUP_HEADERS: dict[str, tuple[str, str]] = {
    "salesperson": ("Sales", "Salesperson"),
    "region": ("Wilayah", "Region"),
    "collector": ("Kolektor", "Collector"),
    "group": ("Grup", "Group"),
    "currency": ("Mata uang", "Currency"),
    "pic": ("PIC", "PIC"),
    "language": ("Bahasa", "Language"),
    "terms_days": ("Termin", "Terms"),
    "doc_type": ("Jenis dokumen", "Document type"),
}
#: The special groups in each language.
GROUP_CELLS = {NOT_IN_MASTER[1]: NOT_IN_MASTER, "(blank)": ("(kosong)", "(blank)")}


def aging_by_table(
    ledger: pd.DataFrame, as_of: pd.Timestamp, settings: Settings, master: Any = None
) -> Table:
    """The aging grouped by ``settings.by`` (a ledger or customer-master column), Total last."""
    table = aging(ledger, as_of, buckets=settings.buckets, by=settings.by, customers=master)
    head = str(table.columns[0])
    table[head] = table[head].map(lambda v: GROUP_CELLS.get(v, v)).astype(object)
    buckets = [c for c in table.columns if c not in (head, "currency")]
    return Table(
        name="aging_by",
        frame=table,
        headers=_headers(list(table.columns), {head: GROUP_HEADERS.get(head, (head, head))}),
        formats={head: "text", "currency": "text", **dict.fromkeys(buckets, "money")},
        total_row=True,
        highlight=dict.fromkeys(buckets[1:-1], "overdue"),
    )


# --------------------------------------------------------------------------- dashboard

KPI_COLS = ["period", "credit_sales", "collections", "ending_ar", "current_ar", "past_due_ar",
            "dso", "bpdso", "add", "cei", "current_pct"]  # fmt: skip
HEADLINE = ["total_ar", "current_pct", "past_due_pct", "over_90_pct", "dso", "bpdso", "add",
            "cei", "customers", "open_invoices"]  # fmt: skip


def convention_headers(**convention: Any) -> dict[str, tuple[str, str]]:
    """Headers of DSO, BPDSO, ADD and CEI with their convention (:func:`kpi_label`)."""
    return {k: (kpi_label(k, "id", **convention), kpi_label(k, "en", **convention))
            for k in ("dso", "bpdso", "add", "cei")}  # fmt: skip


def dashboard_sheet(ledger: pd.DataFrame, as_of: pd.Timestamp, settings: Settings) -> Sheet:
    """Headline KPIs, the monthly KPI series with charts, and the top overdue customers."""
    summary = kpi_summary(ledger, as_of, months=settings.summary_months)
    headline = pd.DataFrame([{k: summary[k] for k in HEADLINE}])
    start = (as_of - pd.DateOffset(months=settings.kpi_months - 1)).replace(day=1)
    start = max(start, pd.Timestamp(FIRST_DAY))  # no date before it is accepted
    start = min(covered_start(ledger, start), as_of)  # no month before the ledger starts
    kpis = kpi_series(ledger, start, as_of)
    with np.errstate(divide="ignore", invalid="ignore"):
        kpis["current_pct"] = np.where(
            kpis["ending_ar"] > 0, kpis["current_ar"] / kpis["ending_ar"], np.nan
        )
    buckets = bucket_labels(settings.buckets)
    table = aging(ledger, as_of, buckets=settings.buckets).iloc[:-1]
    table = table.assign(total_overdue=table[buckets[1:]].sum(axis=1))
    top = table[table["total_overdue"] > 0].sort_values(
        ["total_overdue", "customer"], ascending=[False, True], kind="mergesort"
    )
    top_cols = ["customer", *buckets[1:], "total_overdue"]
    top = top.head(settings.top_n)[top_cols].reset_index(drop=True)
    pct_keys = {"current_pct", "past_due_pct", "over_90_pct", "cei"}
    day_keys = {"dso", "bpdso", "add"}
    headline_formats: dict[str, ColumnFormat] = {
        k: "pct" if k in pct_keys else "days" if k in day_keys else "int" if k in
        ("customers", "open_invoices") else "money" for k in HEADLINE
    }  # fmt: skip
    kpi_formats: dict[str, ColumnFormat] = {
        c: "text" if c == "period" else "pct" if c in pct_keys else "days" if c in day_keys
        else "money" for c in KPI_COLS
    }  # fmt: skip
    suff = sufficiency(ledger, as_of, settings)
    headline, withheld = _withheld_headline(headline, suff, settings.lang)
    sheet = Sheet(
        key="dashboard",
        name=("Dasbor KPI", "KPI Dashboard"),
        title=("Dasbor Indikator Piutang", "Receivables KPI Dashboard"),
        notes=(
            amounts_note(settings.currency),
            (
                f"Ringkasan: {settings.summary_months} bulan terakhir; seri bulanan: "
                f"{len(kpis)} bulan",
                f"Headline: trailing {settings.summary_months} months; monthly series: "
                f"{len(kpis)} months",
            ),
        ),
        tables=(
            Table(
                "headline",
                headline,
                _headers(HEADLINE, convention_headers(months=settings.summary_months)),
                headline_formats,
            ),
            Table(
                "kpis",
                kpis[KPI_COLS],
                _headers(KPI_COLS, convention_headers(period="month")),
                kpi_formats,
            ),
            Table(
                "top_overdue_customers",
                top,
                _headers(top_cols),
                {"customer": "text", **dict.fromkeys(top_cols[1:], "money")},
                highlight={"total_overdue": "overdue"},
            ),
        ),
        charts=(
            Chart(
                "line",
                LABELS["chart_days_title"],
                "kpis",
                "period",
                ["dso", "bpdso", "add"],
                y_title=LABELS["days_unit"],
            ),
            Chart(
                "column",
                ("Penjualan Kredit vs Penerimaan", "Credit Sales vs Collections"),
                "kpis",
                "period",
                ["credit_sales", "collections"],
                y_title=money_unit(settings.currency),
            ),
            Chart(
                "line",
                ("CEI dan % Belum Jatuh Tempo", "CEI and % Current"),
                "kpis",
                "period",
                ["cei", "current_pct"],
            ),
            Chart(
                "bar_stacked",
                ("10 Pelanggan Tunggakan Terbesar", "Top 10 Overdue Customers"),
                "top_overdue_customers",
                "customer",
                buckets[1:],
                y_title=money_unit(settings.currency),
            ),
        ),
    )
    return _dashboard_sufficiency(sheet, suff, withheld)


#: Headline KPIs withheld when the ledger cannot support a metric (data_sufficiency).
HEADLINE_METRICS = {"cei": "cei", "dso": "dso", "bpdso": "dso", "add": "dso"}


def _withheld_headline(headline: pd.DataFrame, suff: Any, lang: str) -> tuple[pd.DataFrame, list]:
    """The headline with each KPI the ledger cannot support replaced by its reason text."""
    out, withheld = headline, []
    for key, metric in HEADLINE_METRICS.items():
        if not suff.ok(metric):
            out = _withheld_cells(out, [key], suff.text(metric, lang))
            withheld.append(metric)
    return out, withheld


def _dashboard_sufficiency(sheet: Sheet, suff: Any, withheld: list) -> Sheet:
    """The ledger's kind under the title; without collections per period, no monthly series."""
    kind = suff.facts.kind_text()
    *notes, last = sheet.notes  # the headline line says what the ledger is
    notes.append((f"{last[0]}; buku piutang: {kind[0]}", f"{last[1]}; ledger: {kind[1]}"))
    for metric in dict.fromkeys(withheld):  # the reasons in both languages, once each
        why = suff.reasons[metric]
        notes.append((f"{H[metric][0]}: {not_estimable(why, 'id')}",
                      f"{H[metric][1]}: {not_estimable(why, 'en')}"))  # fmt: skip
    if suff.ok("collections"):
        return replace(sheet, notes=tuple(notes))
    why = suff.reasons["collections"]
    notes.append((f"Seri bulanan: {not_estimable(why, 'id')}",
                  f"Monthly series: {not_estimable(why, 'en')}"))  # fmt: skip
    tables = tuple(t for t in sheet.tables if t.name != "kpis")
    charts = tuple(c for c in sheet.charts if c.table != "kpis")
    return replace(sheet, notes=tuple(notes), tables=tables, charts=charts)


# --------------------------------------------------------------------------- collections

WL_FORMATS: dict[str, ColumnFormat] = {
    "customer": "text", "open": "money", "overdue": "money", "disputed": "money",
    "oldest_dpd": "int", "payer_rating": "text", "risk": "pct", "stage": "text",
    "channel": "text", "owner": "text", "next_action": "text", "action_date": "date",
    "promise_date": "date", "promise": "text", "priority": "days",
    "last_contact": "date", "last_action": "text", "follow_up_date": "date", "follow_up": "text",
    "broken_promises": "int", "stage_history": "text", "whatsapp": "url",
}  # fmt: skip


def worklist_sheet(
    ledger: pd.DataFrame,
    as_of: pd.Timestamp,
    settings: Settings,
    lang: str = "id",
    activity: Any = None,
    disputes: Any = None,
) -> Sheet:
    """The collection worklist (one row per customer needing action, highest priority first).

    Every text that differs by language (channel, owner, next action) is an (Indonesian,
    English) pair: each language shows its own. ``lang`` is the report's language. An
    activity log adds its columns, a dispute log takes disputed invoices out, a customer
    master (settings) adds WhatsApp links."""
    settings = _with_logs(settings, activity, disputes)
    tables = {}
    for each in ("id", "en"):
        tables[each] = worklist(
            ledger, as_of, strategy=settings.strategy, promises=settings.promises, lang=each,
            activity=settings.activity, disputes=settings.disputes,
        )  # fmt: skip
    frame = tables["id"].copy()
    for c in frame.columns:  # a text that differs by language: each language shows its own
        if frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c]):
            pairs = [_pair_of(a, b) for a, b in zip(frame[c], tables["en"][c], strict=True)]
            frame[c] = pd.Series(pairs, index=frame.index, dtype=object)
    frame = worklist_links(frame, ledger, as_of, settings, lang)
    cols = list(frame.columns)
    headers = _headers(cols, {"disputed": LABELS["disputed"], **LOG_HEADERS})
    return Sheet(
        key="worklist",
        name=("Daftar Penagihan", "Collection Worklist"),
        title=("Daftar Kerja Penagihan", "Collection Worklist"),
        notes=(amounts_note(settings.currency), *tables["id"].attrs.get("notes", ())),
        tables=(
            Table(
                "worklist",
                frame,
                headers,
                WL_FORMATS,
                highlight={"overdue": "overdue"},
            ),
        ),
    )


def _with_logs(settings: Settings, activity: Any, disputes: Any) -> Settings:
    """Settings carrying the activity and dispute logs given as report inputs."""
    logs = {"activity": activity, "disputes": disputes}
    return replace(settings, **{k: v for k, v in logs.items() if v is not None})


def letter_rows(ledger: pd.DataFrame, as_of: pd.Timestamp, settings: Settings, lang: str):
    """Customer, stage, overdue and letter text, worklist order; then every overdue customer
    without a letter, the reason in place of the text (as ``xl-ar letters`` lists them)."""
    got = assess(
        ledger, as_of, strategy=settings.strategy, promises=settings.promises,
        activity=settings.activity, disputes=settings.disputes,
    )  # fmt: skip
    writer = LetterWriter(
        got, lang, None, settings.company, None, 7, interest_rate=settings.interest_rate
    )
    plan = writer.plan(lang)
    lead = "Tidak ada surat: " if lang == "id" else "No letter: "
    rows = [
        {"customer": name, "stage": key, "overdue": overdue,
         "letter": lead + why if isinstance(why, str) else writer.letter(int(pos), int(stage_pos))}
        for pos, stage_pos, key, name, overdue, why in zip(
            plan["pos"], plan["stage_pos"], plan["stage"], plan["customer"], plan["overdue"],
            plan["reason"], strict=True,
        )
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=["customer", "stage", "overdue", "letter"])


def letters_sheet(
    ledger: pd.DataFrame,
    as_of: pd.Timestamp,
    settings: Settings,
    lang: str = "id",
    activity: Any = None,
    disputes: Any = None,
) -> Sheet:
    """One row per worklist customer: stage, overdue amount and the full letter text."""
    frame = letter_rows(ledger, as_of, _with_logs(settings, activity, disputes), lang)
    cols = list(frame.columns)
    return Sheet(
        key="letters",
        name=("Surat Penagihan", "Dunning Letters"),
        title=("Surat Penagihan per Pelanggan", "Dunning Letters by Customer"),
        notes=(
            (
                "Teks surat juga dapat ditulis ke file .txt: xl-ar letters",
                "Letters can also be written as .txt files: xl-ar letters",
            ),
        ),
        tables=(
            Table(
                "letters",
                frame,
                _headers(cols),
                {"customer": "text", "stage": "text", "overdue": "money", "letter": "text"},
            ),
        ),
    )


# --------------------------------------------------------------------------- allowance / ECL


def allowance_sheet(
    ledger: pd.DataFrame, as_of: pd.Timestamp, settings: Settings, rates: Any = None
) -> Sheet:
    """Provision matrix (IFRS 9 / PSAK 109, formerly PSAK 71, simplified), the adjusting entry, the loss rates."""
    rates = report_rates(ledger, as_of, settings) if rates is None else rates
    if isinstance(rates, Withheld):
        return _withheld_allowance(ledger, as_of, settings, rates)
    matrix = ecl_from_ledger(ledger, as_of, rates, buckets=settings.buckets)
    body = matrix.iloc[:-1]
    result = allowance(
        body["gross_balance"].to_numpy(), body["loss_rate"].to_numpy(),
        existing=settings.existing_allowance,
    )  # fmt: skip
    lines = pd.DataFrame(  # (Indonesian, English) pairs: each language shows its own text
        [[_pair_of(a, b) for a, b in zip(row_id, row_en, strict=True)]
         for row_id, row_en in zip(result.lines("id"), result.lines("en"), strict=True)],
        columns=["label", "value"],
    )  # fmt: skip
    tables = [
        Table("ecl", matrix, _headers(list(matrix.columns), {"loss_rate": ECL_RATE_HEADER}),
              {"bucket": "text", "gross_balance": "money", "loss_rate": "pct", "ecl": "money"},
              total_row=True),
        Table("entry", lines, _headers(["label", "value"]), {"label": "text", "value": "money"}),
    ]  # fmt: skip
    if hasattr(rates, "table"):
        lr = rates.table()[["bucket", "roll_rate", "loss_rate"]]
        tables.append(Table("loss_rates", lr, _headers(list(lr.columns), ROLL_RATE_HEADERS),
                            {"bucket": "text", "roll_rate": "pct", "loss_rate": "pct"}))  # fmt: skip
        days = rates.write_off_after_days
        source = (
            f"Tingkat kerugian diestimasi dari buku piutang ({len(rates.periods)} bulan, "
            f"hapus buku setelah {days} hari). Tingkat kerugian bucket = perkalian roll rate "
            f"hingga hapus buku; tingkat efektif di matriks = ECL ÷ saldo, dengan piutang lewat "
            f"{days} hari 100 %",
            f"Loss rates estimated from the ledger ({len(rates.periods)} months, "
            f"written off after {days} days). A bucket's loss rate = the product of the roll "
            f"rates to write-off; the matrix's effective rate = ECL ÷ balance, items more than "
            f"{days} days past due at 100 %",
        )
    else:
        source = ("Tingkat kerugian diberikan pengguna", "Loss rates given by the user")
    return Sheet(
        key="allowance",
        name=("Cadangan ECL", "Allowance ECL"),
        title=("Cadangan Kerugian Piutang (PSAK 109 / IFRS 9)",
               "Allowance for Expected Credit Loss (PSAK 109 / IFRS 9)"),
        notes=(amounts_note(settings.currency), source),
        tables=tuple(tables),
    )  # fmt: skip


#: The matrix's rate is the ECL over the balance: the bucket's rate blended with the items
#: past the write-off threshold at 100 %, so it can differ from the roll-rate table's rate.
ECL_RATE_HEADER = ("Tingkat kerugian efektif (ECL ÷ saldo)", "Effective loss rate (ECL ÷ balance)")
ROLL_RATE_HEADERS = {
    "roll_rate": ("Rata-rata roll rate ke bucket berikutnya", "Average roll rate to next bucket"),
    "loss_rate": ("Tingkat kerugian (perkalian roll rate hingga hapus buku)",
                  "Loss rate (roll-rate product to write-off)"),
}  # fmt: skip

ALLOWANCE_NAME = ("Cadangan ECL", "Allowance ECL")
ALLOWANCE_TITLE = ("Cadangan Kerugian Piutang (PSAK 109 / IFRS 9)",
                   "Allowance for Expected Credit Loss (PSAK 109 / IFRS 9)")  # fmt: skip


def _withheld_allowance(
    ledger: pd.DataFrame, as_of: pd.Timestamp, settings: Settings, rates: Withheld
) -> Sheet:
    """The gross balances per bucket, the loss rates and ECL withheld with the reason; no entry."""
    matrix = ecl_from_ledger(ledger, as_of, 0.0, buckets=settings.buckets)
    matrix = _withheld_cells(
        matrix, ["loss_rate", "ecl"], NOT_ESTIMABLE_WORD[settings.lang == "en"]
    )
    matrix.loc[matrix.index[-1], ["loss_rate", "ecl"]] = rates.text(settings.lang)
    entry = pd.DataFrame(
        [[H["entry"], rates.text(settings.lang)]],  # the label an (Indonesian, English) pair
        columns=["label", "value"],
    )
    return Sheet(
        key="allowance",
        name=ALLOWANCE_NAME,
        title=ALLOWANCE_TITLE,
        notes=(amounts_note(settings.currency), (f"Cadangan dan jurnal penyesuaian: {not_estimable(rates.reason, 'id')}",
                              f"Allowance and adjusting entry: {not_estimable(rates.reason, 'en')}")),
        tables=(
            Table("ecl", matrix, _headers(list(matrix.columns)),
                  {"bucket": "text", "gross_balance": "money", "loss_rate": "pct", "ecl": "money"},
                  total_row=True),
            Table("entry", entry, _headers(["label", "value"]), {"label": "text", "value": "money"}),
        ),
    )  # fmt: skip


#: The short word in each withheld cell of a table whose total row holds the reason.
NOT_ESTIMABLE_WORD = ("tidak dapat diestimasi", "not estimable")


# --------------------------------------------------------------------------- forecast


def forecast_sheet(
    ledger: pd.DataFrame,
    as_of: pd.Timestamp,
    settings: Settings,
    rates: Any = None,
    giro: Any = None,
) -> Sheet:
    """Expected collections per period, beyond horizon, disputed, expected loss and Total;
    with ``giro`` (giro/cheques in hand) a *Giro in hand* line on each giro's date."""
    rates = report_rates(ledger, as_of, settings) if rates is None else rates
    suff = sufficiency(ledger, as_of, settings)
    why = None if suff.ok("payment_behaviour") else suff.reasons["forecast"]  # no payment dates
    if why is not None or isinstance(rates, Withheld):
        return _withheld_forecast(ledger, as_of, settings, why or rates.reason)
    table = forecast(
        ledger, as_of, horizon=settings.forecast_horizon, period=settings.forecast_period,
        loss_rates=rates, buckets=settings.buckets, giro=giro,
    )  # fmt: skip
    lines = {pair[1]: pair for pair in FORECAST_LINE_LABELS.values()}  # each language its own
    table["period"] = table["period"].map(lambda v: lines.get(v, v)).astype(object)
    periods = int(table["start"].isna().to_numpy().argmax())  # the rows before Beyond horizon
    cols = list(table.columns)
    return Sheet(
        key="forecast",
        name=("Proyeksi Kas", "Cash Forecast"),
        title=("Proyeksi Penerimaan Kas dari Piutang", "Cash Forecast from Receivables"),
        notes=(amounts_note(settings.currency), ("Total = piutang terbuka per tanggal laporan",
                              "Total = open AR at the as-of date")),
        tables=(
            Table("forecast", table, _headers(cols, {"period": LABELS["period"]}),
                  {"period": "text", "start": "date", "end": "date", "amount": "money",
                   "items": "int"}, total_row=True),
        ),
        charts=(
            Chart("column", ("Proyeksi Penerimaan", "Expected Collections"), "forecast",
                  "period", ["amount"], y_title=money_unit(settings.currency), rows=slice(0, periods)),
        ),
    )  # fmt: skip


def _withheld_forecast(
    ledger: pd.DataFrame, as_of: pd.Timestamp, settings: Settings, why: tuple[str, str]
) -> Sheet:
    """The open AR the forecast would spread, and why it cannot be spread (no 0 cash)."""
    text = not_estimable(why, settings.lang)
    frame = pd.DataFrame(
        {"label": [H["open_ar"], ("Proyeksi penerimaan", "Expected collections")],
         "value": [open_ar(ledger, as_of, settings.buckets), text]}
    )  # fmt: skip
    return Sheet(
        key="forecast",
        name=("Proyeksi Kas", "Cash Forecast"),
        title=("Proyeksi Penerimaan Kas dari Piutang", "Cash Forecast from Receivables"),
        notes=(amounts_note(settings.currency), (f"Proyeksi kas: {not_estimable(why, 'id')}",
                              f"Cash forecast: {not_estimable(why, 'en')}")),
        tables=(Table("forecast", frame, _headers(["label", "value"]),
                      {"label": "text", "value": "money"}),),
    )  # fmt: skip


# --------------------------------------------------------------------------- credit review


def credit_review_sheet(
    ledger: pd.DataFrame,
    as_of: pd.Timestamp,
    settings: Settings,
    customers: Any = None,
    policy: Any = None,
) -> Sheet:
    """Exposure against limits, payment history, payer rating and suggested action.

    ``customers``: the customers table with credit limits; ``policy``: the credit policy
    (default: the default policy).
    """
    table = credit_review(customers, ledger, as_of, policy=policy)
    cols = list(table.columns)
    fmt: dict[str, ColumnFormat] = {}
    for c in cols:
        if c in ("customer", "payer_rating", "rating_reason", "action", "note"):
            fmt[c] = "text"
        elif c.endswith("_share") or c == "utilisation":
            fmt[c] = "pct"
        elif c in ("paid_invoices",):
            fmt[c] = "int"
        elif c == "weighted_days_late":
            fmt[c] = "days"
        elif c == "over_limit":
            fmt[c] = "text"
        else:
            fmt[c] = "money"
    extra = {c: (f"Bagian > {c.split('_')[1]} hari", f"Share > {c.split('_')[1]} days")
             for c in cols if c.startswith("over_") and c.endswith("_share")}  # fmt: skip
    return Sheet(
        key="credit_review",
        name=("Tinjauan Kredit", "Credit Review"),
        title=("Tinjauan Limit Kredit", "Credit Limit Review"),
        notes=(amounts_note(settings.currency),),
        tables=(
            Table(
                "credit_review",
                table,
                _headers(cols, extra),
                fmt,
                highlight={"over_limit": "flag", "available": "negative"},
            ),
        ),
    )


# --------------------------------------------------------------------------- data health


def data_health_sheet(
    ledger: pd.DataFrame, as_of: pd.Timestamp, settings: Settings, master: Any = None
) -> Sheet:
    """The problems the lenient ledger read found (row, column, value, problem); with a
    customer master, its unreadable cells and the customers missing on either side."""
    problems = settings.problems
    name = ("Kesehatan Data", "Data Health")
    title = LABELS["problems_title"]
    rows = (f"Baris buku piutang terbaca: {grouped_number(len(ledger), lang='id')}",
            f"Ledger rows read: {grouped_number(len(ledger))}")  # fmt: skip
    rows = (rows, *((note, note) for note in settings.notes))  # reading notes (English)
    rows = (*rows, *_left_out_lines(ledger, as_of))
    if master is not None:
        rows = (*rows, *_master_lines(ledger, as_of, master))
    if problems is None or problems.empty:
        return Sheet("data_health", name, title, tables=(), notes=(*rows, LABELS["no_problems"]))
    frame = problems.copy()
    for c in frame.columns:
        if c != "row":
            frame[c] = frame[c].map(lambda v: v if v is None or isinstance(v, str) else str(v))
    frame = frame.astype({c: object for c in frame.columns if c != "row"})
    cols = [str(c) for c in frame.columns]
    fmt: dict[str, ColumnFormat] = {c: "int" if c == "row" else "text" for c in cols}
    count = (f"Masalah ditemukan: {len(frame)}", f"Problems found: {len(frame)}")
    return Sheet("data_health", name, title,
                 tables=(Table("problems", frame, _headers(cols), fmt),),
                 notes=(*rows, count))  # fmt: skip


def _master_lines(ledger: pd.DataFrame, as_of: pd.Timestamp, master: Any) -> list[tuple[str, str]]:
    """The customer master's problem lines and the names unmatched both ways."""
    table = ensure_master(master)
    english = table.attrs.get("problems", ())
    found = list(zip(table.attrs.get("problems_id", english), english, strict=True))
    unmatched = zip(master_notes(ledger, table, as_of, "id", None),
                    master_notes(ledger, table, as_of, "en", None), strict=True)  # fmt: skip
    return [*found, *unmatched]


def _left_out_lines(ledger: pd.DataFrame, as_of: pd.Timestamp) -> list[tuple[str, str]]:
    """What the aging at ``as_of`` leaves out (count and amount), one note line each."""
    got = left_out(ledger, as_of)
    return list(zip(got["note_id"], got["note_en"], strict=True))


def open_ar(ledger: pd.DataFrame, as_of: pd.Timestamp, buckets: Any = None) -> float:
    """Open AR at ``as_of`` (the aging's grand total): what several sheets tie to."""
    return float(aging(ledger, as_of, buckets=as_buckets(buckets), by="total")[TOTAL].iloc[0])


def latest_date(ledger: pd.DataFrame) -> pd.Timestamp:
    """The latest invoice or payment date in the ledger (the default as-of date)."""
    return latest_ledger_date(ledger)


def rates_text(rates: Any, buckets: tuple[int, ...]) -> str:
    """Loss rates in one line for the About block."""
    values, edges, _ = resolve_rates(rates, buckets)
    labels = bucket_labels(edges)
    return ", ".join(f"{b} {v:.2%}" for b, v in zip(labels, values, strict=True))
