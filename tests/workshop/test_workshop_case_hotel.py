"""Hotel case study: the ledger, the annual figures and the answer key, recomputed independently.

The annual figures are recomputed here with plain pandas on the Indonesian ledger (not with
the core's open-item functions the module uses), the ratios from them with the textbook
formulas, and compared with the answer key of the built workbook. The Data sheet of the built
file is read back by the core's own ledger reader.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from workshop_fixtures import built_fixture
from workshop_tools import answer_rows, formula_cells

from xl_ar.core.ledger.ledger import load_ledger, read_ledger
from xl_ar.core.metrics import ratios
from xl_ar.workshop.case_hotel import (
    DAY_BASIS,
    METRICS,
    annual_figures,
    build,
    meets,
    segment_figures,
    year_ratios,
)
from xl_ar.workshop.data import AS_OF, LEDGER_COLUMNS
from xl_ar.workshop.hotel_data import SEGMENTS, YEARS, hotel_core, hotel_frame, hotel_ledger
from xl_ar.workshop.terms import WRITE_OFF_SHORT

built = built_fixture("case_hotel")


def _key(path: Path) -> dict[str, object]:
    """Answer key as ``question → answer``."""
    return {row["question"]: row["answer"] for row in answer_rows(path)}


def _by_cell(path: Path) -> dict[tuple[str, str], object]:
    return {(row["sheet"], row["cell"]): row["answer"] for row in answer_rows(path)}


# --------------------------------------------------------------------------- independent maths


def _plain_figures(year: int, rows: pd.Series | None = None) -> dict[str, float]:
    """The annual-summary figures with plain pandas on the sheet's own columns (of ``rows``)."""
    led = hotel_ledger() if rows is None else hotel_ledger()[rows]
    first, last = pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31)
    prev = pd.Timestamp(year - 1, 12, 31)

    def balance(at: pd.Timestamp, rows: pd.Series | None = None) -> float:
        sub = led if rows is None else led[rows]
        issued = sub["Tanggal Faktur"] <= at
        paid = sub["Dibayar"].where(sub["Tanggal Bayar"] <= at, 0.0)
        return float((sub["Jumlah"] - paid)[issued].sum())

    in_year = led["Tanggal Bayar"].between(first, last)
    return {
        "sales": float(led.loc[led["Tanggal Faktur"].between(first, last), "Jumlah"].sum()),
        "beginning": balance(prev),
        "ending": balance(last),
        "collected": float((led["Dibayar"] - led["Penghapusan"])[in_year].sum()),
        "written_off": float(led.loc[in_year, "Penghapusan"].sum()),
        "past_due": balance(last, led["Jatuh Tempo"] < last),
    }


def _plain_ratios(f: dict[str, float]) -> dict[str, float]:
    average = (f["beginning"] + f["ending"]) / 2
    return {
        "rto": f["sales"] / average,
        "acp": 360 * average / f["sales"],
        "arrears": f["past_due"] / f["sales"],
        "collection": f["collected"] / (f["beginning"] + f["sales"]),
        "bad_debt": f["written_off"] / f["sales"],
    }


# --------------------------------------------------------------------------- the ledger


def test_ledger_is_a_clean_few_hundred_invoices_the_core_reads():
    led = hotel_ledger()
    assert 250 <= len(led) <= 400
    assert list(led.columns[: len(LEDGER_COLUMNS)]) == [c[1] for c in LEDGER_COLUMNS]
    assert load_ledger(hotel_frame("id")).ok and load_ledger(hotel_frame("en")).ok
    assert (led["Jenis"] == "Faktur").all()
    assert led["No Faktur"].is_unique
    assert np.array_equal(led["Sisa"], led["Jumlah"] - led["Dibayar"])
    assert led["Tanggal Faktur"].min() >= pd.Timestamp("2020-10-01")
    assert led["Tanggal Faktur"].max() <= AS_OF
    assert (led["Tanggal Bayar"].dropna() <= AS_OF).all(), "a snapshot at 31-12-2024"
    assert set(led["Tanggal Faktur"].dt.year) == {2020, *YEARS}
    assert (led["Jumlah"] % 100 == 0).all() and led["Jumlah"].between(3e6, 250e6).all()


def test_terms_by_segment():
    led = hotel_ledger()
    terms = led.groupby("Segmen")["Termin"].unique().map(lambda v: sorted(int(x) for x in v))
    assert terms["Korporat"] == [30]
    assert terms["Travel Agent"] == [14, 21]
    assert terms["Pemerintah"] == [30]


def test_write_offs_are_recorded_as_documented():
    led = hotel_ledger()
    off = led[led["Penghapusan"] > 0]
    assert 2 <= len(off) <= 8, "a few invoices written off"
    assert np.array_equal(off["Penghapusan"], off["Jumlah"])
    assert np.array_equal(off["Dibayar"], off["Jumlah"]) and (off["Sisa"] == 0).all()
    assert set(off["Tanggal Bayar"].dt.year) == {2021, 2022, 2024}


def test_some_invoices_are_still_open_and_past_due_at_the_data_date():
    led = hotel_ledger()
    open_ = led[led["Sisa"] > 0]
    assert 8 <= len(open_) <= 40
    assert (open_["Jatuh Tempo"] < AS_OF).sum() >= 5
    assert ((open_["Dibayar"] > 0) & (open_["Sisa"] > 0)).any(), "a partly paid invoice"
    assert (open_["Sengketa"] == "Ya").sum() == 1


def test_ledger_is_deterministic_and_the_same_in_both_languages():
    a, b = hotel_core("id"), hotel_core("en")
    for col in ("invoice_date", "due_date", "payment_date", "amount", "paid", "balance"):
        assert a[col].equals(b[col]), col
    assert hotel_ledger().equals(hotel_ledger())


# --------------------------------------------------------------------------- annual figures


@pytest.mark.parametrize("year", YEARS)
def test_annual_figures_equal_a_plain_pandas_recomputation(year):
    core = annual_figures("id")[year]
    plain = _plain_figures(year)
    for key, value in plain.items():
        assert getattr(core, key) == pytest.approx(value, abs=0.5), key
    assert annual_figures("en")[year] == core


@pytest.mark.parametrize("year", YEARS)
def test_roll_forward_ties(year):
    f = annual_figures("id")[year]
    assert f.beginning + f.sales - f.collected - f.written_off == pytest.approx(f.ending, abs=0.5)
    if year > YEARS[0]:
        assert f.beginning == annual_figures("id")[year - 1].ending


def test_the_story_the_numbers_tell():
    r = {y: year_ratios(f) for y, f in annual_figures("id").items()}
    acp = {y: v["acp"] for y, v in r.items()}
    assert max(acp, key=acp.get) == 2021, "the pandemic year is the worst"
    assert min(acp, key=acp.get) == 2023, "2023 is the best"
    assert acp[2024] > acp[2023] + 5, "2024 worsens"
    assert r[2023]["bad_debt"] == 0.0
    assert r[2021]["bad_debt"] > 0.01 and r[2024]["bad_debt"] > 0.01
    seg = segment_figures("id")
    assert seg["travel"]["past_due"] > seg["corporate"]["past_due"]


def test_target_decisions_are_not_borderline():
    """Rounding a ratio as the cover allows (days 1 decimal, % 2 decimals) cannot flip YA/TIDAK."""
    for year, f in annual_figures("id").items():
        got = year_ratios(f)
        for m in METRICS:
            margin = abs(got[m.key] - m.target)
            assert margin > {"ratio": 0.05, "days": 0.5, "pct": 0.0025}[m.kind], (year, m.key)


def test_acp_is_day_basis_over_rto_and_matches_the_golden_textbook_example():
    f = annual_figures("id")[2024]
    r = year_ratios(f)
    assert r["acp"] == pytest.approx(DAY_BASIS / r["rto"], rel=1e-12)
    # ar-domain.md: sales 6,205,000, average AR 335,000 → RTO 18.522, ACP 19.436 (360 days)
    assert ratios.receivable_turnover(6_205_000, 335_000, 335_000) == pytest.approx(
        18.522, abs=1e-3
    )
    assert ratios.average_collection_period(6_205_000, 335_000, 335_000) == pytest.approx(
        19.436, abs=1e-3
    )


# --------------------------------------------------------------------------- the built book


def test_write_off_column_uses_the_shared_term():
    assert hotel_frame("id").columns[-1] == WRITE_OFF_SHORT[0] == "Penghapusan"
    assert hotel_frame("en").columns[-1] == WRITE_OFF_SHORT[1]


def test_book_has_the_seven_sheets_and_enough_exercises():
    for lang, names in (
        (
            "id",
            [
                "Petunjuk",
                "Data",
                "Target",
                "Ringkasan Tahunan",
                "Pertanyaan",
                "Analisis Segmen",
                "Cek dengan xl-ar",
            ],
        ),
        (
            "en",
            [
                "Instructions",
                "Data",
                "Targets",
                "Annual Summary",
                "Questions",
                "Segment Analysis",
                "Check with xl-ar",
            ],
        ),
    ):
        book = build(lang)
        assert [s.name for s in book.sheets] == names
        assert len(book.exercises) == 48
        assert book.sheets[0].cells[(2, 1)].value == "Hotel Nusantara Permai, Yogyakarta"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_answer_key_ratios_equal_the_independent_recomputation(built, lang):
    key = _by_cell(built[lang])
    sheet = "Pertanyaan" if lang == "id" else "Questions"
    cols = {2021: "D", 2022: "F", 2023: "H", 2024: "J"}
    for year, col in cols.items():
        plain = _plain_ratios(_plain_figures(year))
        for i, m in enumerate(METRICS):
            got = key[(sheet, f"{col}{5 + i}")]
            assert got == pytest.approx(plain[m.key], rel=1e-9), (year, m.key)
            yes = meets(m, plain[m.key])
            expected = ("YA" if yes else "TIDAK") if lang == "id" else ("YES" if yes else "NO")
            assert key[(sheet, f"{col}{12 + i}")] == expected, (year, m.key)


def test_answer_key_spot_values(built):
    """Hand-checked 2024 numbers of the generated data (the same in both languages)."""
    for lang in ("id", "en"):
        key = _by_cell(built[lang])
        sheet = "Pertanyaan" if lang == "id" else "Questions"
        assert key[(sheet, "J5")] == pytest.approx(
            2_827_650_300 / ((318_342_600 + 474_422_100) / 2)
        )
        assert key[(sheet, "J6")] == pytest.approx(360 * 396_382_350 / 2_827_650_300)
        assert key[(sheet, "J9")] == pytest.approx(38_587_300 / 2_827_650_300)
        assert key[(sheet, "J20")] == 2021
        assert key[(sheet, "J22")] == "Travel Agent"
    led = hotel_ledger()
    past_due = led[led["Jatuh Tempo"] < AS_OF].groupby("Segmen")["Sisa"].sum()
    assert past_due.idxmax() == "Travel Agent"
    assert _by_cell(built["id"])[("Pertanyaan", "J21")] == pytest.approx(past_due["Pemerintah"])
    assert _by_cell(built["en"])[("Questions", "J21")] == pytest.approx(past_due["Pemerintah"])


def test_acp_change_answer(built):
    plain = {y: _plain_ratios(_plain_figures(y))["acp"] for y in (2023, 2024)}
    got = _by_cell(built["en"])[("Questions", "J23")]
    assert got == pytest.approx(plain[2024] - plain[2023], rel=1e-9)
    assert got > 0


def test_segment_sheet_ties_to_the_annual_summary(built):
    path = built["en"]
    seg = segment_figures("en")
    total = annual_figures("en")[2024]
    assert sum(v["sales"] for v in seg.values()) == pytest.approx(total.sales)
    assert sum(v["ending"] for v in seg.values()) == pytest.approx(total.ending)
    key = _by_cell(path)
    longest = max(seg, key=lambda k: seg[k]["acp"])
    assert key[("Segment Analysis", "F12")] == SEGMENTS[longest][1]
    led = hotel_ledger()
    for row, (name, _) in enumerate(SEGMENTS.values(), start=7):
        rows = led["Segmen"] == name
        sales = led.loc[rows & led["Tanggal Faktur"].dt.year.eq(2024), "Jumlah"].sum()
        plain = _plain_figures(2024, rows)
        acp = 360 * (plain["beginning"] + plain["ending"]) / 2 / sales
        assert key[("Segment Analysis", f"F{row}")] == pytest.approx(acp, rel=1e-9), name
    cached = {k: v for k, v in formula_cells(path).items() if k[0] == "Segment Analysis"}
    assert cached[("Segment Analysis", "B10")][1] == pytest.approx(total.sales)
    assert not any(c[1].startswith("F") for c in cached), "no worked ACP on the sheet"


def test_no_answer_is_shown_before_the_check_sheet(built):
    """No cell of the sheets a trainee works on holds a numeric answer (the check sheet aside)."""
    for lang in ("id", "en"):
        path = built[lang]
        answers = [r for r in answer_rows(path) if isinstance(r["answer"], float)]
        book = openpyxl.load_workbook(path)
        last = book.sheetnames[-2]  # the answer key follows the check sheet
        assert last == ("Cek dengan xl-ar" if lang == "id" else "Check with xl-ar")
        shown = [
            v
            for (sheet, _), (_, v) in formula_cells(path).items()
            if sheet != last and isinstance(v, (int, float))
        ]
        for row in answers:
            if row["answer"] == 0:
                continue  # 0 (no write-off in 2023) is no number to give away
            close = pytest.approx(row["answer"], rel=1e-9, abs=0.5 if row["answer"] > 1e3 else 0)
            hits = [v for v in shown if v == close]
            assert not hits, (row["question"], hits)


def test_summary_uses_sumifs_on_the_data_sheet(built):
    cells = formula_cells(built["en"])
    summary = {k: v for k, v in cells.items() if k[0] == "Annual Summary"}
    assert len(summary) == 7 * len(YEARS)
    sales_2021 = summary[("Annual Summary", "B6")]
    assert sales_2021[0].startswith("=SUMIFS(Data!$I$7:$I$")
    assert sales_2021[1] == annual_figures("en")[2021].sales
    assert summary[("Annual Summary", "E12")][1] == 0


def test_check_sheet_recomputes_every_ratio_answer_with_the_udfs(built):
    sheet = "Check with xl-ar"
    cells = {k: v for k, v in formula_cells(built["en"]).items() if k[0] == sheet}
    formulas = [f for f, _ in cells.values()]
    assert all(f.startswith("=AR_") for f in formulas)
    for name in ("AR_RTO", "AR_ARREARS_RATIO", "AR_COLLECTION_RATIO", "AR_BAD_DEBT_RATIO"):
        assert any(f.startswith(f"={name}(") for f in formulas), name
    key = _by_cell(built["en"])
    rows = {"rto": 5, "acp": 6, "arrears": 8, "collection": 9, "bad_debt": 10}
    for col, year in zip("CDEF", YEARS, strict=True):
        plain = _plain_ratios(_plain_figures(year))
        answer_col = {2021: "D", 2022: "F", 2023: "H", 2024: "J"}[year]
        for i, m in enumerate(METRICS):
            got = cells[(sheet, f"{col}{rows[m.key]}")][1]
            assert got == pytest.approx(plain[m.key], rel=1e-9), (year, m.key)
            assert got == pytest.approx(key[("Questions", f"{answer_col}{5 + i}")], rel=1e-12)
    for row in (7, 8, 9):  # segment ACPs
        got = cells[(sheet, f"F{row + 6}")][1]
        assert got == pytest.approx(key[("Segment Analysis", f"F{row}")], rel=1e-12)
    texts = openpyxl.load_workbook(built["id"])["Cek dengan xl-ar"]
    assert "setelah Anda selesai" in texts["A2"].value
    shown = [c.value for c in texts["G"] if isinstance(c.value, str) and c.value.startswith("=")]
    assert shown and all("," not in f and ";" in f for f in shown), "id: ';' separators"


def test_questions_hint_points_at_the_yes_no_cell(built):
    ws = openpyxl.load_workbook(built["id"])["Pertanyaan"]
    hint = ws["A17"].value
    assert "Contoh untuk D12 (RTO 2021)" in hint
    assert '=IF(D5>=Target!$C$5;"YA";"TIDAK")' in hint
    assert _by_cell(built["id"])[("Pertanyaan", "D12")] == "TIDAK"


def test_data_sheet_reads_back_into_the_core(built):
    for lang in ("id", "en"):
        led = read_ledger(built[lang], sheet="Data")
        assert len(led) == len(hotel_ledger())
        assert float(led["balance"].sum()) == float(hotel_ledger()["Sisa"].sum())
        book = openpyxl.load_workbook(built[lang])
        assert list(book["Data"].tables) == [
            "tblFakturHotel" if lang == "id" else "tblHotelInvoices"
        ]
