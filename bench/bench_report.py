"""The complete report file of a 100,000-invoice ledger, and the native-formula alternative.

Prints, in one run:

1. ``build_report`` + ``render_file`` wall time (row lists as Excel hands them over → every
   sheet, credit review included, in an ``.xlsx``) and the process's peak memory. Target
   (reports issue): ≤ 15 s and ≤ 2 GB on these machines.
2. The time headless LibreOffice takes to open and recalculate an equivalent aging sheet
   written with native formulas (per row: outstanding at the as-of date, days past due and
   bucket with ``IF``; per-bucket totals and the first N customers by bucket with ``SUMIFS``),
   the time of a trivial conversion (LibreOffice start-up), and the ratio to step 1.

    python bench/bench_report.py [--rows 100000] [--sumifs-customers 100] [--no-libreoffice]
"""

from __future__ import annotations

import argparse
import importlib.util
import resource
import tempfile
import time
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import xlsxwriter
from bench_aging import AS_OF, build_rows

from xl_ar.core import aging, bucket_labels
from xl_ar.reports.catalog import build_report
from xl_ar.reports.render_file import render_file
from xl_ar.reports.style import NUMBER_FORMATS, WORKBOOK_OPTIONS

ROOT = Path(__file__).resolve().parents[1]


def _libreoffice():
    spec = importlib.util.spec_from_file_location(
        "libreoffice", ROOT / "tests" / "support" / "libreoffice.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def limits(rows: list[list]) -> list[list]:
    """A credit-limit table: 1.2 x each customer's average monthly sales over 24 months."""
    frame = pd.DataFrame(rows[1:], columns=rows[0])
    sales = frame.groupby("Customer")["Amount"].sum() / 24 * 1.2
    limit = (sales / 1e6).round().clip(lower=1) * 1e6
    return [["Customer", "Credit Limit"], *([k, float(v)] for k, v in limit.items())]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_formula_aging(rows: list[list], path: Path, top_customers: int) -> list[str]:
    """The ledger with per-row formulas and a SUMIFS summary; returns the bucket labels."""
    labels = bucket_labels()
    n = len(rows) - 1
    last = n + 1
    with xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS) as wb:
        date = wb.add_format({"num_format": NUMBER_FORMATS["date"]})
        money = wb.add_format({"num_format": NUMBER_FORMATS["money"]})
        ws = wb.add_worksheet("Data")
        ws.write_row(0, 0, [*rows[0], "Outstanding", "Days past due", "Bucket"])
        ws.write_string(0, 11, "As of")
        ws.write_datetime(0, 12, AS_OF, date)
        for i, (cust, inv, inv_date, due, amount, paid, pay_date) in enumerate(rows[1:], 1):
            r = i + 1
            ws.write_string(i, 0, cust)
            ws.write_string(i, 1, inv)
            ws.write_datetime(i, 2, inv_date, date)
            ws.write_datetime(i, 3, due, date)
            ws.write_number(i, 4, amount, money)
            ws.write_number(i, 5, paid, money)
            if pay_date is not None:
                ws.write_datetime(i, 6, pay_date, date)
            ws.write_formula(i, 7, f'=IF(OR(G{r}="",G{r}>$M$1),E{r},E{r}-F{r})', money)
            ws.write_formula(i, 8, f'=IF(H{r}=0,"",$M$1-D{r})')
            ws.write_formula(
                i, 9,
                f'=IF(H{r}=0,"",IF(I{r}<=0,"{labels[0]}",IF(I{r}<=30,"{labels[1]}",'
                f'IF(I{r}<=60,"{labels[2]}",IF(I{r}<=90,"{labels[3]}","{labels[4]}")))))',
            )  # fmt: skip
        summary = wb.add_worksheet("Aging")
        summary.write_row(0, 0, ["Customer", *labels, "Total"])
        rng = f"Data!$H$2:$H${last}"  # criteria "=>90": a bare ">90" would mean greater than 90
        buckets, customers = f"Data!$J$2:$J${last}", f"Data!$A$2:$A${last}"
        summary.write_string(1, 0, "Total")
        for c, label in enumerate(labels, 1):
            summary.write_formula(1, c, f'=SUMIFS({rng},{buckets},"={label}")', money)
        summary.write_formula(1, len(labels) + 1, f"=SUM(B2:{chr(65 + len(labels))}2)", money)
        names = sorted({row[0] for row in rows[1:]})[:top_customers]
        for i, name in enumerate(names, 2):
            summary.write_string(i, 0, name)
            for c, label in enumerate(labels, 1):
                summary.write_formula(
                    i, c, f'=SUMIFS({rng},{buckets},"={label}",{customers},$A{i + 1})', money
                )
    return labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--sumifs-customers", type=int, default=100)
    parser.add_argument("--no-libreoffice", action="store_true")
    args = parser.parse_args()
    rows, _ = build_rows(args.rows)
    customers = limits(rows)
    out = Path(tempfile.mkdtemp(prefix="bench_report_"))

    t0 = time.perf_counter()
    report = build_report(rows, AS_OF, customers=customers, source="bench_aging.build_rows")
    t_build = time.perf_counter() - t0
    path = render_file(report, out / "report.xlsx")
    t_file = time.perf_counter() - t0
    rss = peak_rss_mb()
    sheet_rows = {s.key: sum(len(t.frame) for t in s.tables) for s in report.sheets}
    print(f"rows                        : {args.rows:,} invoices, {len(customers) - 1:,} customers")
    print(f"sheets (data rows)          : {sheet_rows}")
    print(f"build_report                : {t_build:7.2f} s")
    print(f"build_report + render_file  : {t_file:7.2f} s   (target ≤ 15 s)")
    print(f"report file                 : {path.stat().st_size / 1e6:7.1f} MB")
    print(f"peak memory (RSS)           : {rss:7.0f} MB  (target ≤ 2048 MB)")
    if args.no_libreoffice:
        return

    lo = _libreoffice()
    if lo.soffice_path() is None:
        print("LibreOffice not installed: native-formula comparison skipped")
        return
    native = out / "native.xlsx"
    t0 = time.perf_counter()
    labels = write_formula_aging(rows, native, args.sumifs_customers)
    t_write = time.perf_counter() - t0
    tiny = out / "tiny.xlsx"
    with xlsxwriter.Workbook(str(tiny)) as wb:
        wb.add_worksheet().write_formula(0, 0, "=1+1")
    t0 = time.perf_counter()
    lo.recalc_to_xlsx(tiny, out / "lo_tiny")
    t_start = time.perf_counter() - t0
    t0 = time.perf_counter()
    done = lo.recalc_to_xlsx(native, out / "lo")
    t_recalc = time.perf_counter() - t0
    got = openpyxl.load_workbook(done, read_only=True, data_only=True)["Aging"]
    totals = next(got.iter_rows(min_row=2, max_row=2, values_only=True))[1 : len(labels) + 1]
    core = aging(rows, AS_OF, by="total")[labels].iloc[0].to_numpy()
    ties = np.allclose(np.asarray(totals, dtype=float), core, atol=1.0)
    formulas = 3 * args.rows + len(labels) * (1 + args.sumifs_customers) + 1
    print(f"native formulas written     : {formulas:,} ({args.sumifs_customers} customers "
          f"x {len(labels)} SUMIFS + bucket totals), {t_write:.2f} s to write")  # fmt: skip
    print(f"LibreOffice start-up only   : {t_start:7.2f} s   (trivial workbook)")
    print(f"LibreOffice open + recalc   : {t_recalc:7.2f} s   (bucket totals tie to core: {ties})")
    print(f"ratio recalc / xl-ar report : {t_recalc / t_file:7.2f} ×")


if __name__ == "__main__":
    main()
