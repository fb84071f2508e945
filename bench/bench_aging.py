"""Speed of the ledger reader and aging on Excel's row limit (1,048,576 invoices).

Prints, in one run: time to normalise the ledger from row lists (as Excel hands a range to a
UDF), time to age it by customer, and ratios against (a) a per-row Python loop and (b) a bare
numpy bucket-sum floor on pre-parsed arrays; plus the process's peak memory.

Targets (issue #2): aging ≤ 5 × the numpy floor; normalise + age ≤ 3 s; peak memory ≤ 2 GB.

    python bench/bench_aging.py [--rows 1048576] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import time
from collections import defaultdict

import numpy as np

from xl_ar.core import aging, read_ledger

AS_OF = dt.datetime(2024, 12, 31)
EDGES = (30, 60, 90)
HEADER = ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"]


def build_rows(n: int, seed: int = 7) -> tuple[list[list], dict[str, np.ndarray]]:
    """Row lists as Excel delivers them (str, datetime, float, None) and the same as arrays."""
    rng = np.random.default_rng(seed)
    base = np.datetime64("2023-01-01")
    inv_day = rng.integers(0, 730, n)
    terms = rng.choice([14, 30, 45, 60], n)
    amount = np.round(rng.lognormal(16, 1.2, n), 0)
    pays = rng.random(n)
    pay_day = inv_day + terms + rng.integers(-10, 120, n)
    paid = np.where(pays < 0.6, amount, np.where(pays < 0.7, np.round(amount * 0.4), 0.0))
    pay_day = np.where(paid > 0, pay_day, -1)
    cust = rng.integers(0, 5000, n)
    dates = [dt.datetime(2023, 1, 1) + dt.timedelta(days=d) for d in range(0, 1200)]
    names = [f"PT Pelanggan {i:04d}" for i in range(5000)]
    rows = [HEADER]
    for i in range(n):
        rows.append([
            names[cust[i]], f"INV{i:08d}", dates[inv_day[i]], dates[inv_day[i] + terms[i]],
            float(amount[i]), float(paid[i]), dates[pay_day[i]] if pay_day[i] >= 0 else None,
        ])  # fmt: skip
    arrays = {
        "customer": cust,
        "invoice_day": (base + inv_day).astype("datetime64[D]").astype(np.int64),
        "due_day": (base + inv_day + terms).astype("datetime64[D]").astype(np.int64),
        "amount": amount,
        "paid": paid,
        "pay_day": np.where(pay_day >= 0, (base + pay_day).astype(np.int64), -(2**62)),
    }
    return rows, arrays


def per_row_loop(rows: list[list]) -> dict[str, list[float]]:
    """Baseline (a): the obvious Python loop over rows, one dict per customer."""
    table: dict[str, list[float]] = defaultdict(lambda: [0.0] * (len(EDGES) + 2))
    for customer, _, inv_date, due, amount, paid, pay_date in rows[1:]:
        if inv_date > AS_OF:
            continue
        out = amount - (paid if pay_date is None or pay_date <= AS_OF else 0.0)
        if abs(out) <= 0.005:
            continue
        days = (AS_OF - due).days
        bucket = 0 if days <= 0 else 1 + sum(days > e for e in EDGES)
        table[customer][bucket] += out
    return table


def numpy_floor(a: dict[str, np.ndarray]) -> np.ndarray:
    """Floor (b): outstanding, bucket and per-customer sums on pre-parsed arrays, nothing else."""
    today = np.datetime64(AS_OF.date()).astype(np.int64)
    out = a["amount"] - np.where(a["pay_day"] <= today, a["paid"], 0.0)
    keep = (a["invoice_day"] <= today) & (np.abs(out) > 0.005)
    days = today - a["due_day"][keep]
    bucket = np.where(days <= 0, 0, np.searchsorted(np.array(EDGES), days, side="left") + 1)
    nb = len(EDGES) + 2
    flat = np.bincount(a["customer"][keep] * nb + bucket, weights=out[keep], minlength=5000 * nb)
    return flat.reshape(-1, nb)


def best_of(repeat: int, func, *args):
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = func(*args)
        times.append(time.perf_counter() - t0)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_048_576)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    t0 = time.perf_counter()
    rows, arrays = build_rows(args.rows)
    print(f"built {args.rows:,} row lists in {time.perf_counter() - t0:.1f} s (not timed below)")

    t_read, ledger = best_of(args.repeat, read_ledger, rows)
    t_age, table = best_of(args.repeat, aging, ledger, AS_OF)
    t_floor, floor = best_of(args.repeat, numpy_floor, arrays)
    t_loop, loop = best_of(1, per_row_loop, rows)

    # the three computations agree (a benchmark of wrong answers is worthless)
    total = table["Total"].iloc[-1]
    assert abs(total - floor.sum()) < 1e-3 * max(1.0, abs(total)), (total, floor.sum())
    assert abs(total - sum(map(sum, loop.values()))) < 1e-3 * max(1.0, abs(total))

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"normalise row lists → ledger : {t_read:7.3f} s")
    print(f"age ledger by customer        : {t_age:7.3f} s")
    print(f"normalise + age               : {t_read + t_age:7.3f} s   (target ≤ 3 s)")
    print(f"(b) numpy floor               : {t_floor:7.3f} s")
    print(f"(a) per-row Python loop       : {t_loop:7.3f} s")
    print(f"aging / numpy floor           : {t_age / t_floor:7.2f} ×  (target ≤ 5 ×)")
    print(f"per-row loop / aging          : {t_loop / t_age:7.2f} ×")
    print(f"per-row loop / (normalise+age): {t_loop / (t_read + t_age):7.2f} ×")
    print(f"peak memory (whole process)   : {peak_mb:7.0f} MB  (target ≤ 2048 MB)")


if __name__ == "__main__":
    main()
