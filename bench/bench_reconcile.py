"""Benchmark: cash application of 10,000 payments to 10,000 open invoices of 1,000 customers.

The data set is generated (seeded, so every run sees the same rows). Per customer: ten
invoices and ten payments —

* five pay one invoice each and name it in the memo, written many ways (``INV-000123``,
  ``inv 123``, ``No.123``, ``Pelunasan faktur INV/000123``); one in five has no customer;
* two pay one invoice each, exactly, without a memo;
* one pays two invoices together, without a memo (a combination);
* two pay part of the last invoice (FIFO), without a memo.

Rows are shuffled. Timed, best of three: :func:`xl_ar.core.cash_application.reconcile.reconcile` from row lists
(as a worksheet range arrives: both tables read and checked, then all passes) and
:func:`~xl_ar.core.cash_application.reconcile.apply_payments` alone on tables already read. The baseline is a
straightforward payment-by-invoice loop in plain Python doing the same four passes per payment
(for each payment, loop the customer's invoices by age — all invoices when the payment has no
customer — checking the memo, the exact amount, combinations, then oldest first). Both must account for every rupiah: applied + unapplied =
payments, and applied + written off + still open = the invoices.

Run: ``python bench/bench_reconcile.py [--customers 1000] [--repeat 3]`` (target: reconcile ≤ 3 s
at 1,000 customers).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import re
import sys
import time

import numpy as np

from xl_ar.core import apply_payments, read_ledger, read_payments, reconcile

CUSTOMERS = 1_000
PER_CUSTOMER = 10
TARGET_SECONDS = 3.0
MEMO_FORMATS = (
    "INV-{n:06d}",
    "inv {n}",
    "No.{n}",
    "Pelunasan faktur INV/{n:06d}",
    "payment for invoice {n:06d}",
    "TRF BCA {n:06d}",
)


def make_data(seed: int = 7, customers: int = CUSTOMERS) -> tuple[list[list], list[list]]:
    """Ledger rows and payment rows (header first), deterministic for a seed."""
    rng = np.random.default_rng(seed)
    start = dt.date(2024, 1, 1)
    ledger = [["Customer", "Invoice", "Invoice Date", "Terms", "Amount"]]
    payments = [["Payment", "Date", "Amount", "Customer", "Memo"]]
    number = 0
    pay_no = 0
    for c in range(customers):
        name = f"PT Pelanggan {c:04d}"
        days = np.sort(rng.integers(0, 300, PER_CUSTOMER))
        amounts = rng.integers(100, 50_000, PER_CUSTOMER) * 1_000
        numbers = []
        for i in range(PER_CUSTOMER):
            number += 1
            numbers.append(number)
            date = start + dt.timedelta(days=int(days[i]))
            ledger.append([name, f"INV-{number:06d}", date.isoformat(), 30, float(amounts[i])])
        picks = rng.permutation(PER_CUSTOMER)

        first_day = int(days.max()) + 5

        def pay(amount, memo=None, customer=name, after=0, first_day=first_day):
            nonlocal pay_no
            pay_no += 1
            when = start + dt.timedelta(days=first_day + after)
            payments.append([f"BB-{pay_no:06d}", when.isoformat(), float(amount), customer, memo])

        for i in picks[:5]:  # named in the memo
            memo = MEMO_FORMATS[int(rng.integers(len(MEMO_FORMATS)))].format(n=numbers[i])
            who = None if rng.random() < 0.2 else name
            pay(amounts[i], memo, who, int(rng.integers(0, 30)))
        for i in picks[5:7]:  # exact amount
            pay(amounts[i], after=int(rng.integers(0, 30)))
        pay(amounts[picks[7]] + amounts[picks[8]], after=int(rng.integers(0, 30)))  # combination
        last = int(amounts[picks[9]])
        for share in (0.3, 0.25):  # partial payments of the last invoice
            pay(round(last * share / 1000) * 1000, after=40 + int(rng.integers(0, 30)))
    body_l, body_p = ledger[1:], payments[1:]
    rng.shuffle(body_l)
    rng.shuffle(body_p)
    return [ledger[0], *body_l], [payments[0], *body_p]


# --------------------------------------------------------------------------- baseline


def _key(text: str) -> str:
    digits = re.findall(r"\d+", text)
    return str(int("".join(digits))) if digits else ""


def naive(ledger_rows: list[list], payment_rows: list[list], k: int = 5) -> dict[str, float]:
    """Payment by payment, invoice by invoice, in plain Python (no index, no vectors)."""
    invoices = sorted(
        (
            {"customer": r[0], "key": _key(r[1]), "date": r[2], "open": r[4]}
            for r in ledger_rows[1:]
        ),
        key=lambda inv: (inv["date"], inv["key"]),
    )
    by_customer: dict[str, list[dict]] = {}
    for inv in invoices:
        by_customer.setdefault(inv["customer"], []).append(inv)
    applied = unapplied = 0.0
    for _pid, _date, amount, customer, memo in sorted(payment_rows[1:], key=lambda r: (r[1], r[0])):
        cash = amount
        words = {_key(w) for w in re.split(r"[\s,;]+", memo or "") if _key(w)}
        scope = by_customer.get(customer, []) if customer is not None else invoices
        named = [inv for inv in scope if inv["open"] > 0 and inv["key"] in words] if words else []
        if named and customer is None:
            customer = named[0]["customer"]
        mine = [inv for inv in by_customer.get(customer, []) if inv["open"] > 0]
        targets = named
        if not targets:
            targets = next(([inv] for inv in mine if abs(inv["open"] - cash) < 0.005), [])
        if not targets:
            for r in range(2, k + 1):
                hit = next(
                    (c for c in itertools.combinations(mine[:20], r)
                     if abs(sum(inv["open"] for inv in c) - cash) < 0.005),
                    None,
                )  # fmt: skip
                if hit:
                    targets = list(hit)
                    break
        if not targets:
            targets = mine
        for inv in targets:
            part = min(cash, inv["open"])
            inv["open"] -= part
            cash -= part
            applied += part
        unapplied += cash
    return {"applied": applied, "unapplied": unapplied, "open": sum(i["open"] for i in invoices)}


def _best_of(runs: int, func, *args, **kwargs) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(runs):
        started = time.perf_counter()
        out = func(*args, **kwargs)
        best = min(best, time.perf_counter() - started)
    return best, out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=CUSTOMERS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    ledger_rows, payment_rows = make_data(customers=args.customers)
    invoices_total = sum(r[4] for r in ledger_rows[1:])
    payments_total = sum(r[2] for r in payment_rows[1:])
    print(
        f"{len(ledger_rows) - 1:,} open invoices, {len(payment_rows) - 1:,} payments, "
        f"{args.customers:,} customers"
    )

    full, result = _best_of(args.repeat, reconcile, ledger_rows, payment_rows)
    ledger, payments = read_ledger(ledger_rows), read_payments(payment_rows)
    core, table = _best_of(args.repeat, apply_payments, ledger, payments)
    loop, base = _best_of(1, naive, ledger_rows, payment_rows)

    t = result.table
    total = result.summary
    print(
        f"  reconcile (read both tables + all passes)  {full:6.3f} s   (target <= {TARGET_SECONDS:.0f} s)"
    )
    print(f"  apply_payments (passes only)               {core:6.3f} s")
    print(
        f"  naive payment-by-invoice loop              {loop:6.3f} s   ({loop / core:.1f} x the passes)"
    )
    for rule in ("reference", "exact", "combination", "fifo"):
        print(
            f"    {rule:<12} {total[f'{rule}_payments']:6,} payments  {total[f'{rule}_amount']:>20,.0f}"
        )
    print(
        f"    unapplied    {total['unapplied_payments']:6,} payments  {total['unapplied_amount']:>20,.0f}"
    )
    print(
        f"    unmatched    {total['unmatched_payments']:6,} payments  {total['unmatched_amount']:>20,.0f}"
    )
    print(
        f"    still open   {total['open_items']:6,} items     {total['open_items_amount']:>20,.0f}"
    )

    # every rupiah accounted for, by both
    assert table.equals(t[list(table.columns)]), "reconcile and apply_payments disagree"
    assert (
        abs(
            total["applied_amount"]
            + total["unapplied_amount"]
            + total["unmatched_amount"]
            - payments_total
        )
        < 0.01
    )
    settled = total["applied_amount"] + total["written_off_short"] - total["written_off_over"]
    assert abs(settled + total["open_items_amount"] - invoices_total) < 0.01
    assert abs(base["applied"] + base["unapplied"] - payments_total) < 0.01
    assert abs(base["applied"] + base["open"] - invoices_total) < 0.01
    print(
        f"  totals reconcile: applied {total['applied_amount']:,.0f} (baseline {base['applied']:,.0f}) "
        f"of payments {payments_total:,.0f}"
    )
    ok = full <= TARGET_SECONDS
    print("OK" if ok else f"SLOW: {full:.2f} s > {TARGET_SECONDS} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
