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

from xl_ar.core.cash_application.reconcile import reconcile
from xl_ar.core.metrics import dso, ratios
from xl_ar.core.position.open_items import outstanding_at
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


def _month_ends() -> list[str]:
    return [str(d.date()) for d in pd.date_range("2024-01-31", periods=12, freq="ME")]


def _monthly_plain() -> pd.DataFrame:
    """Per month of 2024: sales, ending and current AR, and the simple DSO and one-month CEI."""
    rows = []
    previous = 0.0
    for month, end in enumerate(_month_ends(), start=1):
        first = f"2024-{month:02d}-01"
        ending, current = _month_ar(end)
        sales = _sales(first, end)
        days = pd.Timestamp(end).day
        base = previous + sales - current  # 0 in February: every balance is still current
        rows.append(
            {
                "month": month,
                "beginning": previous,
                "sales": sales,
                "ending": ending,
                "current": current,
                "dso": ending * days / sales,
                "cei": (previous + sales - ending) / base if base else float("nan"),
            }
        )
        previous = ending
    return pd.DataFrame(rows).set_index("month")


def test_november_and_q3_metrics_from_the_ledger(key):
    ending, current = _month_ar("2024-11-30")
    sales = _sales("2024-11-01", "2024-11-30")
    beginning, _ = _month_ar("2024-10-31")
    average = _answer(key, "en", "DSO November 2024, average-balance")
    assert same(average, (beginning + ending) / 2 * 30 / sales)
    assert same(average, dso.dso_average(beginning, ending, sales, 30))
    # countback over Sep-Nov with calendar days: the ending AR is more than November's sales
    monthly = [
        _sales(a, b) for a, b in (("2024-09-01", "2024-09-30"), ("2024-10-01", "2024-10-31"))
    ]
    expected = dso.dso_countback(ending, [*monthly, sales], [30, 31, 30])
    assert ending > sales
    assert same(_answer(key, "en", "Countback DSO at 30 Nov"), expected)
    # CEI of Q3 with the CRF convention (sales / 3)
    b, _ = _month_ar("2024-06-30")
    e, c = _month_ar("2024-09-30")
    s = _sales("2024-07-01", "2024-09-30")
    assert same(_answer(key, "en", "CEI Q3 2024"), (b + s / 3 - e) / (b + s / 3 - c))


def test_series_questions_start_in_april(key):
    """The monthly series starts where the balances are complete (the ledger starts in 2024)."""
    assert module_5.SERIES_FROM == 4
    led = workshop_ledger()
    assert led["Tanggal Faktur"].min() >= pd.Timestamp("2024-01-01")
    plain = _monthly_plain()
    assert (
        plain.loc[1, "beginning"] == 0 and _month_ar("2024-02-29")[0] == _month_ar("2024-02-29")[1]
    ), "January starts from 0 and nothing is past due in February: an artefact"
    series = plain.loc[4:]
    assert same(_answer(key, "en", "Average monthly DSO"), float(series["dso"].mean()))
    # questions that need a helper column (not a MAX/MIN of values shown on the Monthly sheet)
    days = pd.Series([pd.Timestamp(e).day for e in _month_ends()], index=plain.index)
    avg_dso = (series["beginning"] + series["ending"]) / 2 * days / series["sales"]
    collected = series["beginning"] + series["sales"] - series["ending"]
    monthly_ratio = collected / (series["beginning"] + series["sales"])
    assert same(_answer(key, "en", "Highest monthly average-balance DSO"), float(avg_dso.max()))
    assert same(_answer(key, "en", "Lowest monthly collection ratio"), float(monthly_ratio.min()))
    # collections April-December by the roll-forward: beginning + sales − ending
    beginning = plain.loc[4, "beginning"]
    sales = float(series["sales"].sum())
    collected = beginning + sales - plain.loc[12, "ending"]
    assert same(_answer(key, "en", "Collection ratio April"), collected / (beginning + sales))
    ending, current = _month_ar("2024-12-31")
    assert same(_answer(key, "en", "% of AR past due"), (ending - current) / ending)


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
    # no metric before April: the balances of January-March lack the 2023 invoices
    plain = _monthly_plain()
    for month in range(1, 13):
        r = row - 12 + month
        metrics = [cells[f"{c}{r}"] for c in "LMNO"]
        if month < 4:
            assert metrics == ["-"] * 4, month
        else:
            assert same(cells[f"L{r}"], plain.loc[month, "dso"]), month
            assert same(cells[f"O{r}"], plain.loc[month, "cei"]), month


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


def test_bad_debt_ratio_uses_the_journal_write_off_as_a_given_input(paths):
    """No ledger invoice is written off: the write-off is a stated input, not a ledger figure."""
    assert module_5.metrics_q4()["writeoff"] == module_5.Q4_WRITE_OFF > 0
    ws = openpyxl.load_workbook(paths["id"])["Metrik"]
    label = next(c for row in ws.iter_rows() for c in row if str(c.value).startswith("Penghapusan"))
    assert "jurnal umum" in label.value and "(input)" in label.value
    given = ws.cell(row=label.row, column=label.column + 1).value
    assert given == module_5.Q4_WRITE_OFF, "a constant, not a formula on the ledger"
    cells = _cached(paths["id"], "Metrik")
    row = _row_of(cells, "Rasio piutang tak tertagih")
    expected = ratios.bad_debt_ratio(module_5.Q4_WRITE_OFF, _sales("2024-10-01", "2024-12-31"))
    assert same(cells[f"C{row}"], expected)
    assert same(cells[f"D{row}"], expected)


def test_reconciliation_answers_agree_with_the_core(key):
    rec = module_5.receipts()
    led = core_ledger("id").set_index("invoice")
    assert sorted(rec["kind"].value_counts().items()) == [
        ("full", 7),
        ("noref", 1),
        ("over", 2),
        ("partial", 2),
        ("typo", 1),
    ]
    assert rec["date"].min() == pd.Timestamp("2025-01-02")
    assert rec["date"].max() == pd.Timestamp("2025-01-10")
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
    # shortfall and overpayment are asked separately (they belong to different customers)
    found = rec[rec["reference"].isin(led.index)]
    difference = found["amount"] - led.loc[found["reference"], "balance"].values
    short, over = float(-difference[difference < 0].sum()), float(difference[difference > 0].sum())
    assert short > 0 and over > 0
    assert same(_answer(key, "en", "Shortfall"), short)
    assert same(_answer(key, "en", "Overpayment"), over)
    assert same(summary["unapplied_amount"], over)
    partial = rec[rec["kind"] == "partial"]
    assert same(
        short, float((led.loc[partial["invoice"], "balance"].values - partial["amount"]).sum())
    )
    typo = rec[rec["kind"] == "typo"].iloc[0]
    sales = workshop_ledger().set_index("No Faktur")["Sales"]
    assert _answer(key, "en", "Reference") == sales[typo["invoice"]]
    # the mistyped receipt's payer text is the bank's: no customer name gives the answer away
    assert typo["payer"].startswith("TRSF")
    assert led.loc[typo["invoice"], "customer"].upper() not in typo["payer"]


def test_reconciliation_rows_are_lookup_exercises(paths, key):
    """Row 5 is worked; every other receipt's F:I is a yellow input checked against the core."""
    rec = module_5.receipts()
    led = core_ledger("id").set_index("invoice")
    rows = [r for r in answer_rows(paths["en"]) if r["sheet"] == "Reconciliation"]
    by_cell = {r["cell"]: r["answer"] for r in rows}
    status = {"match": "MATCH", "short": "SHORT", "over": "OVER"}
    for i, r in enumerate(rec.itertuples()):
        row = 5 + i
        found = r.reference in led.index
        balance = float(led.loc[r.reference, "balance"]) if found else 0.0
        amount = float(led.loc[r.reference, "amount"]) if found else 0.0
        difference = r.amount - balance
        if not found:
            label = "NOT FOUND"
        else:
            label = status["match" if difference == 0 else "short" if difference < 0 else "over"]
        if i == 0:
            assert not any(c[1:] == str(row) and c[0] in "FGHI" for c in by_cell), "worked"
            cached = _cached(paths["en"], "Reconciliation")
            got = [cached[f"{c}{row}"] for c in "FGHI"]
            assert got[:3] == [amount, balance, difference] and got[3] == label == "MATCH"
            continue
        assert same(by_cell[f"F{row}"], amount), row
        assert same(by_cell[f"G{row}"], balance), row
        assert same(by_cell[f"H{row}"], difference), row
        assert by_cell[f"I{row}"] == label, row
    assert sum(1 for c in by_cell if c[0] in "FGHI") == 4 * (len(rec) - 1)
    # the on-hold cash is the positive differences (not found: the whole amount)
    positive = sum(v for c, v in by_cell.items() if c[0] == "H" and v > 0)
    assert same(_answer(key, "en", "Cash to put on hold"), positive)


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
    assert same(_answer(key, "en", 'Total balance in the "1-30 days" bucket'), one_to_30)
    assert same(_answer(key, "id", 'Total saldo kelompok "1-30 hari"'), one_to_30)
    past_due = open_[(days > 0) & (open_["Sales"] == "Yusuf Hidayat")]
    assert len(past_due) >= 2, "the answer is a sum, not one visible row"
    assert same(_answer(key, "en", "Past-due balance"), float(past_due["Sisa"].sum()))


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
    # the XLOOKUP sheet shows the numbers of the VLOOKUP / INDEX-MATCH sheet: its worked row
    # and the answers of its exercises
    recon = "Rekonsiliasi" if lang == "id" else "Reconciliation"
    plain = _cached(path, recon)
    answers = {r["cell"]: r["answer"] for r in answer_rows(path) if r["sheet"] == recon}
    compared = 0
    for cell in cells:
        if cell[0] in "FGHI":
            expected = plain[cell] if cell[1:] == "5" else answers[cell]
            assert same(expected, cached[cell]), cell
            compared += 1
    assert compared == 4 * len(module_5.receipts())


def _texts(path: Path, sheet: str) -> dict[str, str]:
    ws = openpyxl.load_workbook(path)[sheet]
    return {
        c.coordinate: c.value
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and c.data_type != "f"
    }


def test_hints_name_the_function_and_use_the_edition_separator(paths):
    for lang, recon, practice in (
        ("id", "Rekonsiliasi", "Latihan Metrik"),
        ("en", "Reconciliation", "Metrics Practice"),
    ):
        rows = [r for r in answer_rows(paths[lang]) if r["sheet"] == recon and r["cell"][0] == "E"]
        texts = _texts(paths[lang], recon)
        hints = [texts.get(f"G{r['cell'][1:]}", "") for r in rows]
        assert len(hints) == 6 and all(hints)
        assert not any(h.lstrip().startswith("=") for h in hints), "no finished formula"
        assert not any(re.search(r"[A-Z]+\d+:[A-Z]+\d+", h) for h in hints), "no cell ranges"
        texts = _texts(paths[lang], practice)
        hints = [texts[f"D{r['cell'][1:]}"] for r in answer_rows(paths[lang])
                 if r["sheet"] == practice]  # fmt: skip
        assert len(hints) == 20 and all(hints)
        for hint in hints:  # the method, the inputs and the function, not a finished formula
            assert not hint.lstrip().startswith("="), hint
            assert not re.search(r"[A-Z_]{2,}\([^)]*\b[A-Z]{1,2}\d+", hint), hint
            assert not re.search(r"\b[A-Z]{1,2}\d+\s*[*/]", hint), hint
        formulas = [v for v in texts.values() if re.search(r"[A-Z_]{2,}\(", v)]
        for text in formulas:
            args = re.sub(r'"[^"]*"', "", text)
            if lang == "id":
                assert "," not in args, text
            else:
                assert ";" not in args, text


def test_indonesian_labels_use_the_shared_terms(paths):
    from xl_ar.workshop.terms import bucket_name

    metrics = set(_texts(paths["id"], "Metrik").values())
    assert "Rata-rata hari tunggakan (average days delinquent, ADD)" in metrics
    assert not any("Average days" in v or "belum JT" in v or "lewat JT" in v for v in metrics)
    cells = _cached(paths["id"], "Tabel Pivot")
    buckets = {v for k, v in cells.items() if k.startswith("G") and k != "G4"} - {"Total"}
    assert buckets <= {bucket_name(b, "id") for b in ("Current", "1-30", "31-60", "61-90", ">90")}
    assert "Belum jatuh tempo" in buckets and "Di atas 90 hari" in buckets
