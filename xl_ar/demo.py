"""The "main job": sample ledger → aging report workbook → KPI summary on the console.

The demo writes the sample ledger as ``.xlsx`` and reads it back through the same reader
users' files go through, so the report is made from a real Excel file, not from memory.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from xl_ar.core import (
    grouped_number,
    kpi_label,
    kpi_summary,
    label,
    load_ledger,
    output_folder,
    rupiah,
    safe_output,
)
from xl_ar.core import schema as s
from xl_ar.reports.catalog import build_report
from xl_ar.reports.render_file import render_file
from xl_ar.reports.style import WORKBOOK_OPTIONS
from xl_ar.sample_data import (
    SAMPLE_SETTINGS,
    make_sample_activity,
    make_sample_bank_statement,
    make_sample_disputes,
    make_sample_ledger,
    make_sample_master,
    make_sample_payments,
    sample_as_of,
    write_sample_ledger,
)

COMPANY = "PT Sinar Niaga Distribusi (sample data)"
START = "2023-01-01"
MONTHS = 24
#: The headline's trailing window (months), as in the report's dashboard.
SUMMARY_MONTHS = 3


def run_demo(out: Path | str, *, seed: int = 2024) -> str:
    """Write the sample ledger (.xlsx/.csv), sample payments and ``ar_report.xlsx``; return a summary.

    Every file is written whole or not at all (:func:`xl_ar.core.base.outputs.safe_output`).

    Returns
    -------
    str
        The KPI summary as printed by ``xl-ar demo``.
    """
    out = output_folder(out)
    as_of = pd.Timestamp(sample_as_of(START, MONTHS))
    sample = make_sample_ledger(seed, start=START, months=MONTHS)
    ledger_path = out / "sample_ledger.xlsx"
    for path in (ledger_path, out / "sample_ledger.csv"):
        with safe_output(path, what="the sample ledger") as temp:
            write_sample_ledger(sample, temp)

    payments_path = out / "sample_payments.xlsx"
    with safe_output(payments_path, what="the sample payments") as temp:
        make_sample_payments(sample, seed).to_excel(
            temp, index=False, engine="xlsxwriter",
            engine_kwargs={"options": WORKBOOK_OPTIONS},
        )  # fmt: skip

    write_desk_samples(sample, out)
    loaded = load_ledger(ledger_path)
    ledger = loaded.ledger
    summary = kpi_summary(ledger, as_of, months=SUMMARY_MONTHS)
    built = build_report(
        ledger_path,
        as_of,
        source=ledger_path.name,
        customers=demo_customers(ledger, MONTHS),
        payments=payments_path,
        options={"company": COMPANY, "kpi_months": MONTHS, "summary_months": SUMMARY_MONTHS},
    )
    report = render_file(built, out / "ar_report.xlsx")
    return format_summary(summary, as_of, len(ledger), len(loaded.problems), ledger_path, report)


#: The collections-desk files the demo writes next to the ledger (README: "A month-end run").
DESK_FILES = ("sample_customers.csv", "sample_activity.csv", "sample_disputes.csv",
              "xl_ar_conf.csv", "sample_mutasi_bca.csv")  # fmt: skip


def write_desk_samples(sample: pd.DataFrame, out: Path) -> list[Path]:
    """Write the sample customer master, activity log, dispute log, settings (csv) and the
    December BCA statement (``sample_mutasi_bca.csv``, as KlikBCA Bisnis exports it).

    They are what the month-end walkthroughs in the README run on: statements, letters and
    confirmations with e-mail drafts, the worklist with the logs, the disputes report, the
    bank reconciliation.
    """
    master = make_sample_master(sample)
    frames = (
        master, make_sample_activity(sample), make_sample_disputes(sample),
        pd.DataFrame(list(SAMPLE_SETTINGS), columns=["Key", "Value"]),
    )  # fmt: skip
    paths = []
    statement = DESK_FILES[-1]
    with safe_output(out / statement, what="the sample bank statement") as temp:
        with temp.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle, lineterminator="\n").writerows(
                make_sample_bank_statement(sample, master)
            )
    for name, frame in zip(DESK_FILES[:-1], frames, strict=True):
        with safe_output(out / name, what="the sample " + name.removesuffix(".csv")) as temp:
            frame.to_csv(temp, index=False, date_format="%Y-%m-%d")
        paths.append(out / name)
    return [*paths, out / statement]


def demo_customers(ledger: pd.DataFrame, months: int) -> pd.DataFrame:
    """Credit limits for the demo: 1.2 x each customer's average monthly sales, to Rp 1 million.

    Deterministic (from the ledger alone), so the credit-review sheet appears in the demo.
    """
    sales = ledger[ledger[s.DOC_TYPE].eq(s.DOC_INVOICE)].groupby(s.CUSTOMER, sort=True)[s.AMOUNT]
    limit = (sales.sum() / months * 1.2 / 1_000_000).round().clip(lower=1) * 1_000_000
    return pd.DataFrame({"Pelanggan": limit.index.astype(str), "Limit Kredit": limit.to_numpy()})


#: The demo's last line: where a new user goes next.
NEXT_STEP = 'Your own ledger: xl-ar check FILE, and "Your own export" in the README'


def format_summary(
    summary: dict[str, float],
    as_of: pd.Timestamp,
    rows: int,
    problems: int,
    ledger_path: Path,
    report_path: Path,
) -> str:
    """The console summary: one KPI per line, English label, value, Indonesian label."""
    lines = [
        f"{COMPANY} — as of / per tanggal {as_of.date().isoformat()}",
        f"  ledger: {ledger_path} ({rows:,} rows, {problems} data problems)",
        f"  report: {report_path}",
    ]
    names = {k: (_label(k, "en"), _label(k, "id")) for k in summary}
    en_width = max(len(en) for en, _ in names.values())
    values = {k: _show(k, v) for k, v in summary.items()}
    value_width = max(len(v) for v in values.values())
    for key, shown in values.items():
        en, indonesian = names[key]
        lines.append(f"  {en:<{en_width}}  {shown:>{value_width}}   {indonesian}")
    lines.append(NEXT_STEP)
    return "\n".join(lines)


def _label(key: str, lang: str) -> str:
    """A headline label; DSO, BPDSO, ADD and CEI with their convention (the 3-month window)."""
    if key in ("dso", "bpdso", "add", "cei"):
        return kpi_label(key, lang, months=SUMMARY_MONTHS)
    return label(key, lang)


def _show(key: str, value: float) -> str:
    if pd.isna(value):
        return "n/a"
    if key.endswith("_pct") or key == "cei":
        return f"{value:.1%}"
    if key in ("customers", "open_invoices"):
        return grouped_number(value)
    if key in ("dso", "bpdso", "add", "wadp", "wadl"):
        return f"{grouped_number(value, 1)} days"
    return rupiah(value)
