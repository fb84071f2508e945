"""Reading time of a ledger file: a CSV and an xlsx of 1,000,000 invoices through the reader.

Writes the ledger once as a ``.csv`` (pandas) and once as an ``.xlsx`` (xlsxwriter,
``constant_memory``) to a temporary folder, then, for each file, times
:func:`xl_ar.core.load_ledger` (reading, headers, dates, amounts, the data checks) and
:func:`xl_ar.core.aging` in a fresh child process, so the peak memory printed is the reader's
own and not the writer's. ``--source rows`` times the same ledger handed over as row lists, as
Excel hands a range to a worksheet function. The three agings must agree to the cent.

    python bench/bench_read.py [--rows 1000000] [--source csv,xlsx,rows] [--keep]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

AS_OF = "2024-12-31"
HEADER = ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"]
SOURCES = ("csv", "xlsx", "rows")


def build_frame(n: int, seed: int = 7) -> pd.DataFrame:
    """A ledger of ``n`` invoices (5,000 customers, 60 % paid, 10 % part paid) as a frame."""
    rng = np.random.default_rng(seed)
    base = np.datetime64("2023-01-01")
    inv_day = rng.integers(0, 730, n)
    terms = rng.choice([14, 30, 45, 60], n)
    amount = np.round(rng.lognormal(16, 1.2, n), 0)
    pays = rng.random(n)
    pay_day = inv_day + terms + rng.integers(-10, 120, n)
    paid = np.where(pays < 0.6, amount, np.where(pays < 0.7, np.round(amount * 0.4), 0.0))
    pay_date = pd.Series((base + pay_day).astype("datetime64[ns]")).where(paid > 0)
    return pd.DataFrame({
        "Customer": np.char.add("PT Pelanggan ", rng.integers(0, 5000, n).astype(str)),
        "Invoice": np.char.add("INV", np.arange(n).astype(str)),
        "Invoice Date": (base + inv_day).astype("datetime64[ns]"),
        "Due Date": (base + inv_day + terms).astype("datetime64[ns]"),
        "Amount": amount,
        "Paid": paid,
        "Payment Date": pay_date,
    })  # fmt: skip


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """ISO dates, plain numbers: how a system export or a spreadsheet's 'Save as CSV' writes."""
    frame.to_csv(path, index=False, date_format="%Y-%m-%d")


def write_xlsx(frame: pd.DataFrame, path: Path) -> None:
    """Date cells (``dd/mm/yyyy`` format) and number cells, streamed with ``constant_memory``."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Ledger")
    date = book.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(0, 0, HEADER)
    cols = [frame[c].to_numpy() for c in HEADER]
    epoch = np.datetime64("1899-12-30", "D")
    serial = {
        c: (frame[c].to_numpy().astype("datetime64[D]") - epoch).astype(np.int64)
        for c in ("Invoice Date", "Due Date", "Payment Date")
    }
    unpaid = frame["Payment Date"].isna().to_numpy()
    for i in range(len(frame)):
        r = i + 1
        sheet.write_string(r, 0, cols[0][i])
        sheet.write_string(r, 1, cols[1][i])
        sheet.write_number(r, 2, int(serial["Invoice Date"][i]), date)
        sheet.write_number(r, 3, int(serial["Due Date"][i]), date)
        sheet.write_number(r, 4, float(cols[4][i]))
        sheet.write_number(r, 5, float(cols[5][i]))
        if not unpaid[i]:
            sheet.write_number(r, 6, int(serial["Payment Date"][i]), date)
    book.close()


def as_rows(frame: pd.DataFrame) -> list[list]:
    """Row lists as Excel delivers a range (str, datetime, float, None)."""
    body = frame.astype(object).where(frame.notna(), None)
    for c in ("Invoice Date", "Due Date", "Payment Date"):
        body[c] = [None if v is None else v.to_pydatetime() for v in body[c]]
    return [HEADER, *body.to_numpy().tolist()]


def measure(source: str, path: str, rows: int) -> dict[str, float]:
    """In this (child) process: read and age one source; seconds, peak memory, the total."""
    from xl_ar.core import aging, load_ledger

    if source == "rows":
        data: object = as_rows(build_frame(rows))
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    else:
        data, before = path, 0.0
    t0 = time.perf_counter()
    got = load_ledger(data)
    t_read = time.perf_counter() - t0
    assert got.ok, got.problems.head()
    t0 = time.perf_counter()
    table = aging(got.ledger, AS_OF)
    t_age = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "read": t_read,
        "age": t_age,
        "peak_mb": peak,
        "rows_mb": before,
        "total": float(table["Total"].iloc[-1]),
        "ledger_rows": float(len(got.ledger)),
    }


def run_child(source: str, path: Path | None, rows: int) -> dict[str, float]:
    done = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            source,
            "--path",
            str(path or ""),
            "--rows",
            str(rows),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{source}: the reader failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--source", default="csv,xlsx,rows", help="comma-separated: csv,xlsx,rows")
    parser.add_argument("--keep", action="store_true", help="keep the written files")
    parser.add_argument("--child", choices=SOURCES, help=argparse.SUPPRESS)
    parser.add_argument("--path", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.path, args.rows)))
        return
    sources = [s.strip() for s in args.source.split(",") if s.strip()]
    unknown = sorted(set(sources) - set(SOURCES))
    if unknown:
        parser.error(f"--source: {', '.join(unknown)} is not one of {', '.join(SOURCES)}")

    frame = build_frame(args.rows)
    folder = Path(tempfile.mkdtemp(prefix="xl-ar-bench-read-"))
    totals = []
    for source in sources:
        path = None
        if source != "rows":
            path = folder / f"ledger.{source}"
            t0 = time.perf_counter()
            (write_csv if source == "csv" else write_xlsx)(frame, path)
            size = path.stat().st_size / 2**20
            print(
                f"wrote {args.rows:,} rows to {path.name} in {time.perf_counter() - t0:.1f} s "
                f"({size:.1f} MB, not timed below)"
            )
        got = run_child(source, path, args.rows)
        assert got["ledger_rows"] == args.rows, got
        totals.append(got["total"])
        label = f"{source}: load_ledger"
        print(f"{label:<28}: {got['read']:8.3f} s")
        print(f"{source + ': aging':<28}: {got['age']:8.3f} s")
        print(f"{source + ': read + age':<28}: {got['read'] + got['age']:8.3f} s")
        print(f"{source + ': peak memory':<28}: {got['peak_mb']:8.0f} MB")
        if source == "rows":
            print(f"{'rows: row lists alone':<28}: {got['rows_mb']:8.0f} MB")
    assert max(totals) - min(totals) < 0.005 * len(totals), totals  # the same ledger, to the cent
    print(f"aging total, every source    : {totals[0]:,.2f}")
    if args.keep:
        print(f"files kept in {folder}")
    else:
        for p in folder.iterdir():
            p.unlink()
        folder.rmdir()
    print(f"aged as of {AS_OF}: OK")


if __name__ == "__main__":
    main()
