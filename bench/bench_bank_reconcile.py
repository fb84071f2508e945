"""Benchmark: cash application from a bank statement, 10,000 invoices × 10,000 statement lines.

The data set is generated (seeded). 1,000 customers with Indonesian-style names (``PT Sinar
Jaya Makmur``, ``CV ...``, ``UD ...``), each with ten open invoices and a virtual account in
the customer master. The statement is a generic bank export (``Tanggal``, ``Keterangan``,
``Kredit``): one credit line per invoice, paying it exactly, the payer only in the free text,
as banks print it —

* three in ten with the name as registered (``TRSF E-BANKING CR 0212/FTSCY/WS95031
  17325000.00 PT SINAR JAYA MAKMUR``);
* two with the legal form last (``... SINAR JAYA MAKMUR PT``);
* two with the name cut to 20 characters, as BCA prints it (``PT SINAR JAYA MAKMUR`` →
  ``PT SINAR JAYA MAKMU``);
* two with the customer's virtual account (``SETORAN VA 8808 0012 3456 7890``);
* one with only the invoice number (``PEMBAYARAN INV-000123``).

Timed, best of ``--repeat``, each in one run: the bank path (:func:`xl_ar.core.reconcile` of the
ledger rows and the statement rows with the customer master: statement read, payers found,
all passes) and today's matcher on the same receipts as a clean payments table (customer column
and memo, the ``bank="payments"`` path). Both must account for every rupiah: applied +
unapplied + unmatched + proposed + giro in hand = the receipts, and applied + written off +
still open = the invoices.

Until the bank statement readers are merged the statement is read as a payments table (the
``Kredit`` header named ``Amount``); the script says so.

Run: ``python bench/bench_bank_reconcile.py [--customers 1000] [--repeat 3]`` (target: the
bank path ≤ 3 s at 1,000 customers).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import sys
import time

import numpy as np

from xl_ar.core import reconcile

CUSTOMERS = 1_000
PER_CUSTOMER = 10
TARGET_SECONDS = 3.0
CUT = 20  # BCA cuts the sender's name to about this width
WORDS = (
    "sinar", "jaya", "makmur", "abadi", "sentosa", "mandiri", "karya", "mulia", "agung",
    "berkah", "cahaya", "gemilang", "indah", "lestari", "maju", "nusantara", "perkasa", "prima",
    "sejahtera", "utama", "bumi", "permata", "mas", "agro", "teknik", "global", "niaga",
    "persada", "harapan", "bintang", "samudra", "raya",
)  # fmt: skip
FORMS = ("PT", "PT", "PT", "CV", "UD")
KINDS = ("name", "name", "name", "form_last", "form_last", "cut", "cut", "va", "va", "invoice")


def names(customers: int, rng: np.random.Generator) -> list[str]:
    """Distinct customer names of three words and a legal form."""
    out: dict[str, None] = {}
    while len(out) < customers:
        words = rng.choice(len(WORDS), 3, replace=False)
        form = FORMS[int(rng.integers(len(FORMS)))]
        out.setdefault(f"{form} " + " ".join(WORDS[w].title() for w in words))
    return list(out)


def description(
    kind: str, name: str, va: str, invoice: str, amount: float, n: int, paid: dt.date
) -> str:
    head = f"TRSF E-BANKING CR {paid:%d%m}/FTSCY/WS9{n % 10_000:04d} {amount:.2f}"
    form, rest = name.upper().split(" ", 1)
    if kind == "name":
        return f"{head} {name.upper()}"
    if kind == "form_last":
        return f"{head} {rest} {form}"
    if kind == "cut":
        return f"{head} {name.upper()[:CUT]}"
    if kind == "va":
        return f"SETORAN VA {va[:4]} {va[4:8]} {va[8:12]} {va[12:]}"
    return f"PEMBAYARAN {invoice}"


def make_data(seed: int = 11, customers: int = CUSTOMERS) -> tuple[list, list, list, list]:
    """Ledger rows, statement rows, master rows and the clean payments rows (header first)."""
    rng = np.random.default_rng(seed)
    start = dt.date(2024, 9, 1)
    who = names(customers, rng)
    ledger = [["Customer", "Invoice", "Invoice Date", "Terms", "Amount"]]
    statement = [["Tanggal", "Keterangan", "Kredit"]]
    clean = [["Payment", "Date", "Amount", "Customer", "Memo"]]
    master = [["Pelanggan", "Nomor VA"]]
    lines = []
    number = 0
    for c, name in enumerate(who):
        va = f"8808{c:012d}"
        master.append([name, va])
        kinds = rng.permutation(KINDS)
        amounts = rng.integers(100, 50_000, PER_CUSTOMER) * 1_000 + rng.integers(0, 2, PER_CUSTOMER)
        for i in range(PER_CUSTOMER):
            number += 1
            invoice = f"INV-{number:06d}"
            day = start + dt.timedelta(days=int(rng.integers(0, 60)))
            amount = float(amounts[i])
            ledger.append([name, invoice, day.isoformat(), 30, amount])
            paid = dt.date(2024, 12, 1) + dt.timedelta(days=int(rng.integers(0, 31)))
            text = description(str(kinds[i]), name, va, invoice, amount, number, paid)
            lines.append((paid, text, amount, name))
    order = rng.permutation(len(lines))
    for n, k in enumerate(order.tolist()):
        paid, text, amount, name = lines[k]
        statement.append([paid.strftime("%d/%m/%Y"), text, amount])
        clean.append([f"BB-{n + 1:06d}", paid.isoformat(), amount, name, text])
    return ledger, statement, master, clean


def _best_of(runs: int, func, *args, **kwargs) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(runs):
        started = time.perf_counter()
        out = func(*args, **kwargs)
        best = min(best, time.perf_counter() - started)
    return best, out


def accounted(summary: dict, receipts: float, invoices: float) -> bool:
    """Every rupiah of the receipts and of the invoices accounted for (to the cent)."""
    rest = sum(
        summary.get(f"{k}_amount", 0.0)
        for k in ("unapplied", "unmatched", "proposed", "giro_in_hand")
    )
    cash = summary["applied_amount"] + summary.get("withheld_amount", 0.0)
    cash += summary.get("fees_amount", 0.0)
    settled = cash + summary["written_off_short"] - summary["written_off_over"]
    return (
        abs(summary["applied_amount"] + rest - receipts) < 0.005
        and abs(settled + summary["open_items_amount"] - invoices) < 0.005
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=CUSTOMERS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    ledger, statement, master, clean = make_data(customers=args.customers)
    readers = importlib.util.find_spec("xl_ar.core.cash_application.bank_statement") is not None
    if not readers:
        statement = [["Tanggal", "Keterangan", "Amount"], *statement[1:]]
        print("(bank statement readers not available: the statement is read as a payments table)")
    invoices_total = sum(r[4] for r in ledger[1:])
    receipts_total = sum(r[2] for r in statement[1:])
    print(
        f"{len(ledger) - 1:,} open invoices, {len(statement) - 1:,} statement lines, "
        f"{args.customers:,} customers"
    )
    bank, result = _best_of(args.repeat, reconcile, ledger, statement, master=master)
    today, baseline = _best_of(args.repeat, reconcile, ledger, clean, bank="payments")
    total = result.summary
    print(
        f"  bank path (statement + payers + passes)  {bank:6.3f} s   (target <= {TARGET_SECONDS:.0f} s)"
    )
    print(f"  today's matcher (clean payments table)   {today:6.3f} s")
    print(f"  bank path / today's matcher              {bank / today:6.2f} ×")
    rules = result.table.drop_duplicates("payment")["payer_rule"].astype(object)
    for rule, count in rules.value_counts(dropna=False).items():
        print(f"    payer {str(rule):<18} {count:6,} receipts")
    for key in ("applied", "unapplied", "unmatched", "proposed", "giro_in_hand"):
        print(f"    {key:<14} {total.get(f'{key}_amount', 0.0):>22,.2f}")
    both = accounted(total, receipts_total, invoices_total) and accounted(
        baseline.summary, receipts_total, invoices_total
    )
    print(
        f"  totals reconcile: {both} — receipts {receipts_total:,.2f}, applied "
        f"{total['applied_amount']:,.2f} (today's matcher {baseline.summary['applied_amount']:,.2f})"
    )
    ok = both and bank <= TARGET_SECONDS
    print("OK" if ok else f"NOT OK: {bank:.2f} s (target {TARGET_SECONDS} s), totals {both}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
