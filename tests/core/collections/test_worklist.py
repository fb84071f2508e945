"""The collection worklist: amounts, stages, disputes, promises, priority, the demo ledger."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xl_ar.core.collections.worklist import (
    PRIORITY_WEIGHTS,
    WORKLIST_COLUMNS,
    priority_score,
    read_promises,
    worklist,
)
from xl_ar.core.ledger.ledger import read_ledger
from xl_ar.core.position.open_items import open_items
from xl_ar.errors import XlArError
from xl_ar.sample_data import SAMPLE_AS_OF, make_sample_ledger

D = dt.datetime
AS_OF = D(2024, 12, 31)
HEADER = ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date",
          "Disputed", "Type"]  # fmt: skip


def row(customer, number, due, amount, *, paid=0.0, paid_on=None, disputed="no", kind="Invoice",
        invoiced=None):  # fmt: skip
    due_day = AS_OF + dt.timedelta(days=due) if isinstance(due, int) else due
    inv_day = invoiced or due_day - dt.timedelta(days=30)
    return [customer, number, inv_day, due_day, amount, paid, paid_on, disputed, kind]


def ledger(*rows, extra=None):
    header = HEADER + ([extra] if extra else [])
    return [header, *[list(r) for r in rows]]


# --------------------------------------------------------------------------------------------
# amounts and stages
# --------------------------------------------------------------------------------------------


def test_columns_amounts_disputes_and_credits():
    led = ledger(
        row("PT Maju", "F-1", -61, 500.0),                       # overdue 61 days
        row("PT Maju", "F-2", -50, 200.0, disputed="yes"),       # disputed: not dunned
        row("PT Maju", "F-3", 10, 300.0),                        # not yet due
        row("PT Maju", "CN-1", -20, 50.0, kind="Credit Note"),   # open credit
        row("CV Baru", "F-4", -5, 80.0, paid=30.0, paid_on=D(2024, 12, 20)),
    )  # fmt: skip
    wl = worklist(led, AS_OF, lang="en")
    assert tuple(wl.columns) == WORKLIST_COLUMNS
    maju = wl.set_index("customer").loc["PT Maju"]
    assert maju["open"] == 500 + 200 + 300 - 50  # ties to open_items
    assert maju["overdue"] == 500.0  # undisputed overdue invoices only
    assert maju["disputed"] == 200.0
    assert maju["oldest_dpd"] == 61.0
    assert maju["stage"] == "escalation"
    assert maju["action_date"] == pd.Timestamp("2025-01-03")  # as_of + 3 days to act
    baru = wl.set_index("customer").loc["CV Baru"]
    assert (baru["overdue"], baru["stage"], baru["oldest_dpd"]) == (50.0, "early", 5.0)
    assert baru["next_action"] == "Send a payment reminder letter and call the customer"
    assert worklist(led, AS_OF)["next_action"].iloc[0].startswith("Kirim")  # default: id


def test_open_ties_to_open_items_per_customer():
    led = read_ledger(make_sample_ledger())
    wl = worklist(led, SAMPLE_AS_OF).set_index("customer")
    items = open_items(led, SAMPLE_AS_OF)
    by_customer = items.groupby("customer", observed=True)["outstanding"].sum()
    assert np.allclose(wl["open"], by_customer.reindex(wl.index))
    dun = open_items(led, SAMPLE_AS_OF, include_disputed=False)
    dun = dun[(dun["outstanding"] > 0) & (dun["days_past_due"] >= 1)]
    overdue = dun.groupby("customer", observed=True)["outstanding"].sum()
    assert np.allclose(wl["overdue"], overdue.reindex(wl.index).fillna(0.0))
    disputed = items[items["disputed"]].groupby("customer", observed=True)["outstanding"].sum()
    assert np.allclose(wl["disputed"], disputed.reindex(wl.index).fillna(0.0))


def test_customer_with_only_disputed_overdue_items_is_listed_as_a_dispute():
    led = ledger(row("PT Sengketa", "F-1", -40, 900.0, disputed="yes"),
                 row("PT Lain", "F-2", -40, 10.0))  # fmt: skip
    wl = worklist(led, AS_OF)  # issue 15 review 17: not dunned, but never dropped
    assert wl["customer"].tolist() == ["PT Lain", "PT Sengketa"]
    assert wl["stage"].tolist() == ["overdue", "dispute"]


def test_preventive_window_and_customers_needing_nothing():
    led = ledger(
        row("Toko Segera", "F-1", 3, 100.0),   # due in 3 days: preventive reminder
        row("Toko Hari Ini", "F-2", 0, 100.0),  # due today: still current, preventive
        row("Toko Nanti", "F-3", 8, 100.0),    # due in 8 days: nothing yet
        row("Toko Lunas", "F-4", -30, 100.0, paid=100.0, paid_on=D(2024, 12, 1)),
    )  # fmt: skip
    wl = worklist(led, AS_OF)
    assert sorted(wl["customer"]) == ["Toko Hari Ini", "Toko Segera"]
    assert set(wl["stage"]) == {"preventive"}
    assert (wl["overdue"] == 0).all() and (wl["oldest_dpd"] <= 0).all()


def test_small_balances_are_not_sent_to_legal():
    led = ledger(row("PT Besar", "F-1", -100, 6_000_000.0), row("UD Kecil", "F-2", -100, 400_000.0))
    stages = worklist(led, AS_OF).set_index("customer")["stage"]
    assert stages.to_dict() == {"PT Besar": "legal", "UD Kecil": "escalation"}


def test_custom_strategy_range():
    strategy = [["Tahap", "Dari Hari", "Sampai Hari", "Tindakan", "Action (EN)", "Batas Hari"],
                ["telepon", 1.0, 30.0, "Telepon", "Call", 0.0],
                ["surat", 31.0, None, "Kirim surat", "Send a letter", 2.0]]  # fmt: skip
    led = ledger(row("A", "F-1", -10, 100.0), row("B", "F-2", -31, 100.0), row("C", "F-3", 2, 1.0))
    wl = worklist(led, AS_OF, strategy=strategy, lang="en").set_index("customer")
    assert wl["stage"].to_dict() == {"A": "telepon", "B": "surat"}  # C: no pre-due stage
    assert wl.loc["B", "next_action"] == "Send a letter"
    assert wl.loc["B", "action_date"] == pd.Timestamp("2025-01-02")


# --------------------------------------------------------------------------------------------
# promises
# --------------------------------------------------------------------------------------------


def test_promise_column_in_the_ledger_pauses_or_is_broken_or_kept():
    rows = [
        [*row("PT Janji", "F-1", -40, 100.0), D(2025, 1, 10)],  # future promise: paused
        [*row("PT Hari Ini", "F-2", -40, 100.0), AS_OF],  # promise today: still paused
        [*row("PT Ingkar", "F-3", -40, 100.0), D(2024, 12, 15)],  # F-3 due before: broken
        [*row("PT Tepat", "F-4", -10, 100.0), D(2024, 12, 15)],  # F-4 due after it: kept
        [*row("PT Tanpa", "F-5", -40, 100.0), None],
    ]
    wl = worklist(ledger(*rows, extra="Janji Bayar"), AS_OF, lang="en").set_index("customer")
    assert sorted(wl.index) == ["PT Ingkar", "PT Tanpa", "PT Tepat"]
    assert wl.loc["PT Ingkar", "promise"] == "broken"
    assert wl.loc["PT Ingkar", "promise_date"] == pd.Timestamp("2024-12-15")
    assert wl.loc["PT Ingkar", "next_action"].startswith("Promise to pay of 2024-12-15 broken: ")
    assert wl.loc["PT Ingkar", "action_date"] == pd.Timestamp(AS_OF)  # act now
    assert wl.loc["PT Ingkar", "risk"] == 1.0
    assert wl.loc["PT Tepat", "promise"] == "kept"
    assert wl.loc["PT Tanpa", "promise"] == "" and pd.isna(wl.loc["PT Tanpa", "promise_date"])
    # the broken promise outranks an otherwise identical customer
    assert wl.loc["PT Ingkar", "priority"] > wl.loc["PT Tanpa", "priority"]


def test_promises_range_latest_promise_counts_and_names_match_loosely():
    led = ledger(row("PT Maju", "F-1", -40, 100.0), row("CV Baru", "F-2", -40, 100.0))
    promises = [["Pelanggan", "Tanggal Janji", "Jumlah"],
                ["pt  MAJU", "01/12/2024", 50.0],     # an old promise ...
                ["PT Maju", "15/01/2025", 100.0],     # ... superseded by a new one
                [None, None, None],
                ["CV Baru", D(2024, 12, 20), None]]  # fmt: skip
    wl = worklist(led, AS_OF, promises=promises)
    assert wl["customer"].tolist() == ["CV Baru"]
    assert wl["promise"].tolist() == ["broken"]
    assert wl["next_action"].iloc[0].startswith("Janji bayar 2024-12-20 tidak ditepati: ")


def test_read_promises_forms_and_errors():
    got = read_promises(pd.DataFrame({"Customer": ["A"], "PTP Date": [pd.Timestamp("2025-01-02")]}))
    assert got["promise_date"].tolist() == [pd.Timestamp("2025-01-02")]
    assert read_promises(None).empty and read_promises([[None, None]]).empty
    cases = [
        ([["Customer", "Date"], ["A", 45000.0]], "promises: no customer and promise date columns"),
        ([["Customer", "Promise Date"], [None, 45000.0]], "row 2 has a promise but no customer"),
        ([["Customer", "Promise Date"], ["A", None]], "row 2 'Promise Date' is blank"),
        ([["Customer", "Promise Date"], ["A", "31/02/2025"]], "'31/02/2025' is not a date"),
        ([["Customer", "Promise Date", "Amount"], ["A", 45000.0, "banyak"]],
         "row 2 'Amount': 'banyak' is not an amount"),
    ]  # fmt: skip
    for rows, message in cases:
        with pytest.raises(XlArError) as err:
            read_promises(rows)
        assert message in str(err.value), str(err.value)


def test_promise_for_an_unknown_customer_is_an_error():
    led = ledger(row("PT Maju", "F-1", -40, 100.0))
    with pytest.raises(XlArError) as err:
        worklist(led, AS_OF, promises=[["Customer", "Promise Date"], ["PT Mju", 45700.0]])
    assert str(err.value) == (
        "promises: row 2 customer 'PT Mju' is not in the ledger (did you mean 'PT Maju'?)"
    )


def test_bad_promise_date_in_the_ledger_names_row_and_column():
    rows = [[*row("PT Maju", "F-1", -40, 100.0), "besok"]]
    with pytest.raises(XlArError) as err:
        worklist(ledger(*rows, extra="Tanggal Janji"), AS_OF)
    assert str(err.value) == "row 2 'Tanggal Janji': 'besok' is not a date"


# --------------------------------------------------------------------------------------------
# priority
# --------------------------------------------------------------------------------------------


def test_priority_formula_and_order():
    assert sum(PRIORITY_WEIGHTS.values()) == 100
    # risk 0.5 without history; amount relative to the largest; age capped at 180 days
    led = ledger(row("A", "F-1", -200, 1000.0), row("B", "F-2", -90, 500.0),
                 row("C", "F-3", -1, 2000.0))  # fmt: skip
    wl = worklist(led, AS_OF).set_index("customer")
    expected = {
        "A": 30 + 20 * 1000 / 2000 + 20 * 1.0,
        "B": 30 + 20 * 500 / 2000 + 20 * 90 / 180,
        "C": 30 + 20 * 1.0 + 20 * 1 / 180,
    }
    assert wl["priority"].to_dict() == pytest.approx({k: round(v, 1) for k, v in expected.items()})
    assert wl.index.tolist() == ["A", "C", "B"]  # sorted by priority
    assert (wl["risk"] == 0.5).all() and set(wl["payer_rating"]) <= {"unrated", "poor"}


def test_risk_is_the_share_paid_late():
    led = ledger(
        row("Lambat", "F-1", -400, 100.0, paid=100.0, paid_on=D(2024, 3, 1)),  # 95 days late
        row("Lambat", "F-3", -20, 100.0),
        row("Tepat", "F-4", -400, 100.0, paid=100.0, paid_on=D(2023, 11, 30)),  # 3 days late
        row("Tepat", "F-5", -20, 100.0),
    )
    wl = worklist(led, AS_OF).set_index("customer")
    assert wl.loc["Lambat", "risk"] == 1.0 and wl.loc["Lambat", "payer_rating"] == "poor"
    assert wl.loc["Tepat", "risk"] == 0.0 and wl.loc["Tepat", "payer_rating"] == "good"
    assert wl.loc["Lambat", "priority"] - wl.loc["Tepat", "priority"] == pytest.approx(60.0)


def test_priority_score_function():
    got = priority_score([1.0, 0.0], [0.0, 0.0], [-5.0, 1000.0]).tolist()
    assert got == [60.0, 20.0]
    assert priority_score([], [], []).tolist() == []


# --------------------------------------------------------------------------------------------
# the demo ledger
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo():
    raw = make_sample_ledger()
    return raw, read_ledger(raw)


def chronic_late_payers(raw: pd.DataFrame) -> set[str]:
    """Customers paying > 30 days late on average (amount-weighted), from the raw snapshot."""
    paid = raw[(raw["Jenis"] == "Faktur") & raw["Tanggal Bayar"].notna() & (raw["Sisa"] == 0)]
    late = (paid["Tanggal Bayar"] - paid["Jatuh Tempo"]).dt.days.clip(lower=0)
    weighted = (late * paid["Jumlah"]).groupby(paid["Pelanggan"]).sum()
    mean_late = weighted / paid.groupby("Pelanggan")["Jumlah"].sum()
    return set(mean_late[mean_late > 30].index)


def test_demo_worklist_puts_the_chronic_late_payers_on_top(demo):
    raw, led = demo
    chronic = chronic_late_payers(raw)
    assert len(chronic) == 6  # the generator's ~10 % chronic late payers
    # chronic payers with undisputed overdue items at the data date (from the raw balances)
    open_raw = raw[(raw["Sisa"] > 0) & (raw["Sengketa"] == "Tidak")
                   & (raw["Jatuh Tempo"] < SAMPLE_AS_OF)]  # fmt: skip
    expected = chronic & set(open_raw["Pelanggan"])
    wl = worklist(led, SAMPLE_AS_OF)
    top = wl["customer"].head(len(expected)).tolist()
    assert set(top) == expected, wl.head(10)
    assert len(expected) >= 5
    assert (wl["priority"].diff().dropna() <= 0).all()


def test_demo_worklist_holds_every_customer_with_overdue_items(demo):
    raw, led = demo
    wl = worklist(led, SAMPLE_AS_OF, lang="en")
    dun = open_items(led, SAMPLE_AS_OF, include_disputed=False)
    overdue = set(dun.loc[(dun["outstanding"] > 0) & (dun["days_past_due"] >= 1), "customer"])
    assert overdue <= set(wl["customer"])
    assert wl["customer"].is_unique
    assert set(wl["stage"]) <= {"preventive", "early", "overdue", "escalation", "legal",
                                "write_off", "dispute"}  # fmt: skip
    ranked = wl["stage"] != "dispute"
    assert wl.loc[ranked, "priority"].between(0, 100).all()
    assert wl.loc[~ranked, "priority"].isna().all() and not ranked[: ranked.sum()].eq(False).any()


# --------------------------------------------------------------------------------------------
# property: who is on the worklist
# --------------------------------------------------------------------------------------------

CUSTOMERS = ["PT A", "PT B", "CV C", "UD D", "Toko E"]


@st.composite
def ledgers(draw):
    n = draw(st.integers(1, 14))
    rows = []
    for i in range(n):
        invoiced = AS_OF - dt.timedelta(days=draw(st.integers(0, 240)))
        due = invoiced + dt.timedelta(days=draw(st.sampled_from([0, 7, 14, 30, 60])))
        amount = float(draw(st.integers(1, 10_000)))
        kind = draw(st.sampled_from(["paid", "open", "open", "partial", "paid_later"]))
        paid, paid_on = 0.0, None
        if kind in ("paid", "partial", "paid_later"):
            paid = amount if kind != "partial" else float(draw(st.integers(0, int(amount))))
            lag = draw(st.integers(0, 200))
            paid_on = invoiced + dt.timedelta(days=lag)
            if kind == "paid" and paid_on > AS_OF:
                paid_on = AS_OF
        promise = draw(st.one_of(st.none(), st.integers(-30, 30)))
        rows.append([
            draw(st.sampled_from(CUSTOMERS)), f"F-{i}", invoiced, due, amount, paid, paid_on,
            draw(st.sampled_from(["Ya", "Tidak", "Tidak", "Tidak"])), "Faktur",
            None if promise is None else AS_OF + dt.timedelta(days=promise),
        ])  # fmt: skip
    range_promises = draw(
        st.lists(st.tuples(st.sampled_from(CUSTOMERS), st.integers(-30, 30)), max_size=3)
    )
    return rows, range_promises


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers())
def test_worklist_holds_every_overdue_customer_and_no_paused_one(case):
    rows, range_promises = case
    led_rows = ledger(*rows, extra="Tanggal Janji")
    led = read_ledger(led_rows)
    present = set(led["customer"].astype(str))
    promises = [["Customer", "Promise Date"]]
    promises += [[c, AS_OF + dt.timedelta(days=k)] for c, k in range_promises if c in present]
    wl = worklist(led, AS_OF, promises=promises)
    listed = set(wl["customer"])

    # independent expectation: open items at as_of (xl-ar's open_items), promises by hand
    items = open_items(led, AS_OF)
    latest: dict[str, pd.Timestamp] = {}
    for customer, date in zip(items["customer"], items["Tanggal Janji"], strict=True):
        if date is not None and not pd.isna(date):
            latest[customer] = max(latest.get(customer, pd.Timestamp(date)), pd.Timestamp(date))
    for customer, date in promises[1:]:
        latest[customer] = max(latest.get(customer, pd.Timestamp(date)), pd.Timestamp(date))
    paused = {c for c, d in latest.items() if d >= pd.Timestamp(AS_OF)}
    undisputed = items[~items["disputed"] & (items["outstanding"] > 0.005)]
    overdue = set(undisputed.loc[undisputed["days_past_due"] >= 1, "customer"].astype(str))

    assert overdue - paused <= listed
    assert not (listed & paused)
    assert wl["customer"].is_unique
    assert (wl["priority"].diff().dropna() <= 0).all()
    ranked = wl[wl["stage"] != "dispute"]  # review 17: disputes follow, unranked
    assert ranked["priority"].between(0, 100).all()
    assert wl["priority"].iloc[len(ranked) :].isna().all()
    assert (wl.loc[wl["promise"] == "broken", "risk"] == 1.0).all()


def test_strategy_and_promises_from_files(tmp_path):
    strategy = tmp_path / "strategi.csv"
    strategy.write_text("Tahap;Dari Hari;Sampai Hari;Tindakan\ndini;1;30;Telepon\n"
                        "eskalasi;31;;Surat\n", encoding="utf-8")  # fmt: skip
    promises = tmp_path / "janji.xlsx"
    pd.DataFrame(
        {"Pelanggan": ["PT Maju"], "Tanggal Janji": [pd.Timestamp("2025-01-05")]}
    ).to_excel(promises, index=False)
    led = ledger(row("PT Maju", "F-1", -40, 100.0), row("CV Baru", "F-2", -40, 100.0))
    wl = worklist(led, AS_OF, strategy=str(strategy), promises=promises)
    assert wl[["customer", "stage", "next_action"]].values.tolist() == [
        ["CV Baru", "escalation", "Surat"]
    ]
    with pytest.raises(XlArError, match="no such file"):
        worklist(led, AS_OF, strategy=tmp_path / "tidak_ada.xlsx")
