"""Workshop module 5 (metrics & automation): spot checks of the answer key and cached values.

Each check recomputes a number independently (golden textbook values from ar-domain.md, the
core on the shared ledger, or plain pandas on the ledger) and compares it with what the built
workbook holds: the hidden answer key, or the cached value of a formula cell. The XLOOKUP sheet
(which LibreOffice cannot evaluate) is recalculated with the ``formulas`` package.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from workshop_fixtures import built_fixture
from workshop_tools import answer_rows, is_excel365_sheet, same

from xl_ar.core import dso, ratios
from xl_ar.core.open_items import outstanding_at
from xl_ar.core.reconcile import reconcile
from xl_ar.workshop import module_5
from xl_ar.workshop.data import AS_OF, core_ledger, workshop_ledger

paths = built_fixture("module_5")


@pytest.fixture(scope="module")
def key(paths) -> dict[str, dict[str, object]]:
    """Answer key per language: question → answer."""
    return {lang: {r["question"]: r["answer"] for r in answer_rows(p)} for lang, p in paths.items()}


def _answer(key: dict[str, dict[str, object]], lang: str, start: str) -> object:
    hits = [a for q, a in key[lang].items() if q.startswith(start)]
    assert len(hits) == 1, (start, hits)
    return hits[0]


def _cached(path: Path, sheet: str) -> dict[str, object]:
    ws = openpyxl.load_workbook(path, data_only=True)[sheet]
    return {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}


def _row_of(cells: dict[str, object], label: str, col: str = "A") -> int:
    found = (re.fullmatch(rf"{col}(\d+)", k) for k, v in cells.items() if v == label)
    rows = [int(m.group(1)) for m in found if m]
    assert len(rows) == 1, (label, rows)
    return rows[0]


def _month_ar(day: str) -> tuple[float, float]:
    """Ending AR and current AR at ``day`` from the core's open-item arithmetic."""
    led = core_ledger("id")
    ending = outstanding_at(led, day)
    current = ending[(led["due_date"] >= pd.Timestamp(day)).to_numpy()].sum()
    return float(ending.sum()), float(current)


def _sales(first: str, last: str) -> float:
    led = workshop_ledger()
    dates = led["Tanggal Faktur"]
    return float(led.loc[(dates >= first) & (dates <= last), "Jumlah"].sum())


def test_enough_exercises_and_same_answers_in_both_languages(paths):
    rows = {lang: answer_rows(p) for lang, p in paths.items()}
    assert len(rows["id"]) >= 20
    for a, b in zip(rows["id"], rows["en"], strict=True):
        assert a["cell"] == b["cell"]
        if not isinstance(a["answer"], str):
            assert same(a["answer"], b["answer"])
    sheets = {r["sheet"] for r in rows["en"]}
    assert sheets == {"Metrics Practice", "Reconciliation", "Pivot Table"}


@pytest.mark.parametrize(
    ("question", "golden", "tol"),
    [
        ("Simple DSO", 36.5, 1e-9),
        ("Average-balance DSO", 27.0, 1e-9),
        ("Countback DSO (days)", 73.714, 5e-4),
        ("CEI, CRF convention", 0.5593, 5e-5),
        ("CEI, whole-period", 0.7963, 5e-5),
        ("Receivable turnover", 18.522, 5e-4),
        ("Average collection period, 365", 19.706, 5e-4),
        ("Average collection period, 360", 19.436, 5e-4),
        ("Weighted average days to pay", 32.5, 1e-9),
    ],
)
def test_golden_textbook_answers(key, question, golden, tol):
    assert abs(_answer(key, "en", question) - golden) <= tol


def test_november_metrics_from_the_ledger(key):
    ending, current = _month_ar("2024-11-30")
    sales = _sales("2024-11-01", "2024-11-30")
    beginning, _ = _month_ar("2024-10-31")
    assert same(_answer(key, "en", "DSO November"), dso.dso_simple(ending, sales, 30))
    assert same(_answer(key, "en", "BPDSO November"), dso.best_possible_dso(current, sales, 30))
    cei = ratios.cei(beginning, sales, ending, current)
    assert same(_answer(key, "en", "CEI November"), cei)
    # countback over Sep-Nov with calendar days: the ending AR is more than November's sales
    monthly = [
        _sales(a, b) for a, b in (("2024-09-01", "2024-09-30"), ("2024-10-01", "2024-10-31"))
    ]
    expected = dso.dso_countback(ending, [*monthly, sales], [30, 31, 30])
    assert ending > sales
    assert same(_answer(key, "en", "Countback DSO at 30 Nov"), expected)


def test_monthly_sheet_caches_the_core_balances(paths):
    cells = _cached(paths["en"], "Monthly")
    row = _row_of(cells, "December", "B")
    ending, current = _month_ar("2024-12-31")
    assert ending == float(workshop_ledger()["Sisa"].sum())  # nothing is paid after AS_OF
    assert same(cells[f"I{row}"], ending)
    assert same(cells[f"J{row}"], current)
    assert same(cells[f"F{row}"], _sales("2024-12-01", "2024-12-31"))
    checks = [cells[f"P{r}"] for r in range(row - 11, row + 1)]
    assert checks == [0] * 12, "beginning + sales − collections − ending is 0 every month"


def test_metrics_sheet_q4_values(paths):
    cells = _cached(paths["en"], "Metrics")
    ending, current = _month_ar("2024-12-31")
    beginning, _ = _month_ar("2024-09-30")
    sales = _sales("2024-10-01", "2024-12-31")
    expected = {
        "DSO, simple": dso.dso_simple(ending, sales, 92),
        "DSO, average balance": dso.dso_average(beginning, ending, sales, 92),
        "CEI (N = 3 months, CRF)": ratios.cei(beginning, sales, ending, current, months=3),
        "Arrears ratio": (ending - current) / sales,
        "Average collection period (360 days)": 360 * (beginning + ending) / 2 / (sales * 4),
    }
    for label, value in expected.items():
        row = _row_of(cells, label)
        assert same(cells[f"C{row}"], value), label  # native formula
        assert same(cells[f"D{row}"], value), label  # AR_* function
        assert same(cells[f"E{row}"], 0.0), label
    # countback: December and November sales are covered, October only in part
    ends = {"10": "2024-10-31", "11": "2024-11-30", "12": "2024-12-31"}
    oct_, nov, dec = (_sales(f"2024-{m}-01", end) for m, end in ends.items())
    row = _row_of(cells, "DSO, countback (3 months)")
    assert nov + dec < ending < oct_ + nov + dec
    assert same(cells[f"C{row}"], 31 + 30 + (ending - dec - nov) / oct_ * 31)


def test_bad_debt_assumption_is_the_undisputed_balance_over_90_days(paths):
    led = workshop_ledger()
    late = (AS_OF - led["Jatuh Tempo"]).dt.days > 90
    amount = float(led.loc[late & (led["Sengketa"] == "Tidak"), "Sisa"].sum())
    assert amount > 0
    assert same(module_5.metrics_q4()["writeoff"], amount)
    cells = _cached(paths["id"], "Metrik")
    row = _row_of(cells, "Rasio piutang tak tertagih")
    assert same(cells[f"C{row}"], amount / _sales("2024-10-01", "2024-12-31"))


def test_reconciliation_answers_agree_with_the_core(key):
    rec = module_5.receipts()
    led = core_ledger("id").set_index("invoice")
    assert sorted(rec["kind"].value_counts().items()) == [
        ("full", 7),
        ("noref", 1),
        ("over", 1),
        ("partial", 1),
        ("typo", 1),
    ]
    # every receipt is derived from an open, undisputed invoice at AS_OF
    assert (led.loc[rec["invoice"], "balance"] > 0).all()
    assert not led.loc[rec["invoice"], "disputed"].any()
    table = [["Payment", "Date", "Amount", "Memo"]] + [
        [f"P{i}", r.date, r.amount, r.reference] for i, r in enumerate(rec.itertuples())
    ]
    summary = reconcile(core_ledger("id"), table).summary
    on_hold = summary["unapplied_amount"] + summary["unmatched_amount"]
    assert summary["unmatched_payments"] == 2
    assert same(_answer(key, "en", "Cash to put on hold"), on_hold)
    assert _answer(key, "en", "How many receipts are NOT FOUND") == 2
    assert _answer(key, "en", "How many receipts MATCH") == 7
    found = rec[rec["reference"].isin(led.index)]
    difference = float((found["amount"] - led.loc[found["reference"], "balance"].values).sum())
    assert same(_answer(key, "en", "Total difference"), difference)
    typo = rec[rec["kind"] == "typo"].iloc[0]
    assert _answer(key, "en", "Reference") == led.loc[typo["invoice"], "customer"]


def test_pivot_answers(key):
    led = workshop_ledger()
    open_ = led[led["Sisa"] != 0]
    by_region = open_.groupby("Wilayah")["Sisa"].sum()
    for region in module_5.PIVOT_REGIONS:
        assert same(_answer(key, "en", f"Open balance of region {region}"), by_region[region])
        assert same(
            _answer(key, "id", f"Saldo piutang terbuka wilayah {region}"), by_region[region]
        )
    assert _answer(key, "en", "Region with the largest") == by_region.idxmax()
    days = (AS_OF - open_["Jatuh Tempo"]).dt.days
    assert _answer(key, "en", "Number of open items not yet due") == int((days <= 0).sum())
    one_to_30 = float(open_.loc[(days >= 1) & (days <= 30), "Sisa"].sum())
    assert same(_answer(key, "en", "Total balance in the 1-30"), one_to_30)


def test_pivot_table_is_an_excel_table(paths):
    ws = openpyxl.load_workbook(paths["id"])["Tabel Pivot"]
    assert "tblPiutang" in ws.tables
    first, last = ws.tables["tblPiutang"].ref.split(":")
    n_rows = int("".join(ch for ch in last if ch.isdigit())) - int(first[1:])
    assert n_rows == int((workshop_ledger()["Sisa"] != 0).sum())


def _formulas_values(path: Path, sheet: str) -> dict[str, object]:
    formulas = pytest.importorskip("formulas")
    solution = formulas.ExcelModel().loads(str(path)).finish().calculate()
    prefix = f"'[{path.name}]{sheet.upper()}'!"
    out = {}
    for name, value in solution.items():
        if name.startswith(prefix):
            cell = np.asarray(getattr(value, "value", value)).ravel()[0]
            out[name[len(prefix) :]] = cell.item() if hasattr(cell, "item") else cell
    return out


@pytest.mark.parametrize("lang", ["id", "en"])
def test_xlookup_sheet_evaluates_to_its_cached_values(paths, lang):
    path = paths[lang]
    book = openpyxl.load_workbook(path)
    sheet = next(s for s in book.sheetnames if is_excel365_sheet(s))
    ws = book[sheet]
    cached = _cached(path, sheet)
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            text = getattr(c.value, "text", c.value)
            if c.data_type == "f" or (isinstance(text, str) and text.startswith("=")):
                cells[c.coordinate] = text
    lookups = [k for k, f in cells.items() if "XLOOKUP" in str(f)]
    assert len(lookups) == 3 * len(module_5.receipts())
    got = _formulas_values(path, sheet)
    bad = [
        f"{cell} {cells[cell]}: cached {cached.get(cell)!r}, formulas {got.get(cell)!r}"
        for cell in cells
        if not same(cached.get(cell), got.get(cell))
    ]
    assert not bad, "\n".join(bad)
    # the XLOOKUP sheet shows the same numbers as the VLOOKUP / INDEX-MATCH sheet
    plain = _cached(path, "Rekonsiliasi" if lang == "id" else "Reconciliation")
    for cell in cells:
        if cell[0] in "FGHI":
            assert same(plain[cell], cached[cell]), cell
