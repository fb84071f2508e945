"""Every rupiah of every receipt is accounted for, once, whatever the statement says.

For random ledgers and random bank receipts (names in the descriptions — whole, legal form
last, truncated, ambiguous —, virtual accounts, invoice numbers, post-dated giro):

* Σ receipts = Σ applied + Σ unapplied + Σ unmatched + Σ proposed + Σ giro in hand, to the cent
  (``applied`` is cash; withheld tax and fees, where the engine records them, are not cash);
* every application row has ``open − applied − withheld − fee − difference = remaining``
  (withheld and fee 0 when the table has no such columns);
* no receipt is applied twice: each receipt has one payment amount, its applications sum to at
  most that amount, and each row names one receipt of the statement;
* who paid does not depend on the order of the receipts.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xl_ar.core import apply_payments, identify_payers, read_ledger
from xl_ar.core.base.amounts import to_cents
from xl_ar.core.cash_application.bank_reconcile import apply_receipts

CUSTOMERS = (
    ("PT Maju Jaya", "8808000000000001"),
    ("CV Maju Jaya", "8808000000000002"),  # ambiguous with PT Maju Jaya when the form is missing
    ("PT Sinar Mas Agro Resources", "8808000000000003"),
    ("PT Sinar Mas Agro Resorts", None),  # a truncated name can be either
    ("PT Karya Abadi", "8808 0000 0000 0005"),
    ("Toko Berkah", None),
)
END = pd.Timestamp("2024-12-31")
REMAINDERS = ("unapplied", "unmatched", "proposed", "giro_in_hand")


def description(draw, name: str, va: str | None, invoices: list[str]) -> str:
    kind = draw(st.sampled_from(("name", "form_last", "cut", "bare", "va", "invoice", "none")))
    words = name.upper().split()
    if kind == "name":
        text = " ".join(words)
    elif kind == "form_last" and words[0] in ("PT", "CV"):
        text = " ".join(words[1:]) + ", " + words[0]
    elif kind == "cut":
        text = " ".join(words)[: draw(st.integers(8, len(name)))]
    elif kind == "bare":
        text = " ".join(w for w in words if w not in ("PT", "CV"))
    elif kind == "va" and va:
        text = f"SETORAN VA {va}"
    elif kind == "invoice" and invoices:
        text = "PELUNASAN " + draw(st.sampled_from(invoices))
    else:
        text = "SETORAN TUNAI"
    return f"TRSF E-BANKING CR {draw(st.integers(1000, 9999))}/FTSCY {text}"


@st.composite
def cases(draw):
    invoices = []
    for n in range(draw(st.integers(1, 14))):
        who = draw(st.sampled_from(CUSTOMERS))[0]
        day = pd.Timestamp("2024-10-01") + pd.Timedelta(days=draw(st.integers(0, 80)))
        amount = draw(st.integers(1, 500)) * 10_000 + draw(st.sampled_from((0, 0, 1, 55)))
        invoices.append([who, f"INV-{n + 1:03d}", day.date().isoformat(), 30, amount / 100])
    ledger = read_ledger([["Customer", "Invoice", "Invoice Date", "Terms", "Amount"], *invoices])
    numbers = [row[1] for row in invoices]
    receipts = []
    for j in range(draw(st.integers(0, 12))):
        name, va = draw(st.sampled_from(CUSTOMERS))
        own = [row for row in invoices if row[0] == name]
        if own and draw(st.booleans()):
            amount = draw(st.sampled_from(own))[4]  # pays one of its invoices exactly
        else:
            amount = draw(st.integers(1, 600)) * 10_000 / 100
        date = END - pd.Timedelta(days=draw(st.integers(0, 30)))
        giro = draw(st.sampled_from((None, None, None, 10, -5)))
        effective = None if giro is None else date + pd.Timedelta(days=giro + 30)
        memo = description(draw, name, va, numbers)
        receipts.append((f"R{j:02d}", date, float(amount), memo, effective))
    table = pd.DataFrame(
        {
            "payment": pd.Series([r[0] for r in receipts], dtype="str"),
            "date": pd.to_datetime(pd.Series([r[1] for r in receipts], dtype=object)),
            "amount": pd.Series([r[2] for r in receipts], dtype=np.float64),
            "customer": pd.Series([None] * len(receipts), dtype="str"),
            "memo": pd.Series([r[3] for r in receipts], dtype="str"),
            "effective_date": pd.to_datetime(pd.Series([r[4] for r in receipts], dtype=object)),
        }
    )
    table.index = pd.RangeIndex(2, 2 + len(receipts), name="row")
    vas = {va: name for name, va in CUSTOMERS if va}
    return ledger, table, vas


def cents(values) -> np.ndarray:
    return to_cents(np.asarray(values, dtype=np.float64), "test")


def column(table: pd.DataFrame, name: str) -> np.ndarray:
    if name in table.columns:
        return cents(table[name].fillna(0.0))
    return np.zeros(len(table), dtype=np.int64)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_every_rupiah_of_every_receipt_is_accounted_for_once(case):
    ledger, receipts, vas = case
    statement = SimpleNamespace(period_end=END, lines=None)
    table = apply_receipts(
        ledger, receipts, apply=apply_payments, statement=statement, va_map=vas,
        options={"tolerance": 0.005},
    )  # fmt: skip
    status = table["status"].astype(object)
    on_receipts = table[status.ne("open").to_numpy()]
    # each row names one receipt of the statement, each receipt appears
    assert set(on_receipts["payment"]) == set(receipts["payment"])
    assert on_receipts["payment"].notna().all()
    # Σ receipts = Σ applied + Σ remainders, to the cent
    remainder = on_receipts["status"].isin(REMAINDERS).to_numpy()
    applied = column(on_receipts, "applied")
    rest = cents(on_receipts["remaining"])
    assert int(cents(receipts["amount"]).sum()) == int(applied.sum() + rest[remainder].sum())
    # per receipt: one amount, applications ≤ the amount, at most one remainder row
    for pid, rows in on_receipts.groupby("payment"):
        amount = int(cents(receipts.loc[receipts["payment"] == pid, "amount"])[0])
        assert (cents(rows["payment_amount"]) == amount).all()
        rest_rows = rows["status"].isin(REMAINDERS).to_numpy()
        assert rest_rows.sum() <= 1
        assert column(rows, "applied").sum() <= amount
        assert column(rows, "applied").sum() + cents(rows["remaining"])[rest_rows].sum() == amount
    # per application row: open − applied − withheld − fee − difference = remaining
    apps = on_receipts[~remainder]
    assert (
        column(apps, "open_amount") - column(apps, "applied") - column(apps, "withheld")
        - column(apps, "fee") - column(apps, "difference") == column(apps, "remaining")
    ).all()  # fmt: skip
    # held and proposed receipts apply nothing, and only they carry those statuses
    held = receipts["effective_date"] > END
    giro = set(on_receipts.loc[on_receipts["status"].eq("giro_in_hand").to_numpy(), "payment"])
    assert giro == set(receipts.loc[held.to_numpy(), "payment"])
    for pid in giro:
        assert on_receipts.loc[on_receipts["payment"] == pid, "applied"].tolist() == [0.0]
    assert list(table.columns[-3:]) == ["payer_rule", "payer_confidence", "note"]


@settings(max_examples=80, deadline=None)
@given(cases(), st.randoms(use_true_random=False))
def test_who_paid_does_not_depend_on_the_order_of_the_receipts(case, rnd):
    ledger, receipts, vas = case
    order = list(range(len(receipts)))
    rnd.shuffle(order)
    names = ledger["customer"]
    columns = ["payment", "customer", "payer_rule", "payer_confidence", "candidates"]
    first = identify_payers(receipts, names, va_map=vas)[columns]
    second = identify_payers(receipts.iloc[order], names.iloc[::-1], va_map=vas)[columns]
    pd.testing.assert_frame_equal(first, second.loc[first.index])
