"""Module 5's practice sheet: golden textbook cases and questions on the ledger."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from xl_ar.core import (
    add_from_balances,
    average_collection_period,
    best_possible_dso,
    cei,
    collection_ratio,
    dso_average,
    dso_countback,
    dso_simple,
    period_days_from_ends,
    receivable_turnover,
    weighted_average_days,
)
from xl_ar.workshop.book import Book, Sheet
from xl_ar.workshop.layout import ask, label_values, titled_sheet
from xl_ar.workshop.module_5.context import MONTHS, SERIES_FROM, SHEETS, Ask, Text
from xl_ar.workshop.module_5.figures import monthly_kpis


@dataclass(frozen=True)
class Case:
    """A textbook case: a title, the given inputs ``(name, label, value, style)``, questions."""

    title: Text
    givens: tuple[tuple[str, Text, float, str], ...]
    asks: tuple[Ask, ...]


Given = tuple[str, Text, float, str]
"""A given input of a textbook case: name (for the hints), label, value, style."""
Question = tuple[Text, str, Callable[[dict[str, float]], float], str | Text]
"""A textbook question: text, kind, its answer from the givens (by the core), hint."""


def _case(title: Text, givens: list[Given], questions: list[Question]) -> Case:
    """A textbook case whose answers the core computes from its own givens."""
    values = {name: float(value) for name, _, value, _ in givens}
    asks = tuple(Ask(text, answer(values), kind, hint) for text, kind, answer, hint in questions)
    return Case(title, tuple(givens), asks)


def _golden_cases() -> tuple[Case, ...]:
    """The golden worked examples of ``ar-domain.md`` as practice cases (answers by the core)."""
    pays = ((1_000, 15), (3_000, 30), (2_000, 45))
    paid = [
        (f"a{j}", (f"Dibayar #{j}", f"Paid #{j}"), a, "money") for j, (a, _) in enumerate(pays, 1)
    ]
    took = [
        (f"d{j}", (f"Hari bayar #{j}", f"Days to pay #{j}"), d, "int")
        for j, (_, d) in enumerate(pays, 1)
    ]
    return (
        _case(
            ("1. DSO sederhana, BPDSO dan ADD", "1. Simple DSO, BPDSO and ADD"),
            [("ar", ("Piutang akhir", "Ending AR"), 200_000, "money"),
             ("sales", ("Penjualan kredit setahun", "Credit sales of the year"), 2_000_000, "money"),
             ("days", ("Hari dalam periode", "Days in the period"), 365, "int"),
             ("cur", ("Piutang belum jatuh tempo", "Current (not yet due) AR"), 120_000, "money")],
            [(("DSO sederhana (hari)", "Simple DSO (days)"), "days",
              lambda v: dso_simple(v["ar"], v["sales"], v["days"]),
              ("DSO sederhana dari {ar}, {sales} dan {days}; atau fungsi AR_DSO",
               "simple DSO from {ar}, {sales} and {days}; or the AR_DSO function")),
             (("DSO terbaik yang mungkin (BPDSO, hari)", "Best possible DSO (days)"), "days",
              lambda v: best_possible_dso(v["cur"], v["sales"], v["days"]),
              ("seperti DSO, dengan piutang belum jatuh tempo {cur}, {sales}, {days}; atau AR_BPDSO",
               "like DSO, with the current AR {cur}, {sales}, {days}; or AR_BPDSO")),
             (("Rata-rata hari tunggakan (ADD) = DSO − BPDSO",
               "Average days delinquent = DSO − BPDSO"), "days",
              lambda v: add_from_balances(v["ar"], v["cur"], v["sales"], v["days"]),
              ("selisih dua jawaban di atas; atau AR_ADD (input {ar}, {cur}, {sales}, {days})",
               "the difference of the two answers above; or AR_ADD (inputs {ar}, {cur}, {sales}, {days})"))],
        ),
        _case(
            ("2. DSO saldo rata-rata", "2. DSO, average balance"),
            [("beg", ("Piutang awal bulan", "AR at the start of the month"), 16_000, "money"),
             ("end", ("Piutang akhir bulan", "AR at the end of the month"), 20_000, "money"),
             ("sales", ("Penjualan kredit bulan ini", "Credit sales of the month"), 20_000, "money"),
             ("days", ("Hari", "Days"), 30, "int")],
            [(("DSO saldo rata-rata (hari)", "Average-balance DSO (days)"), "days",
              lambda v: dso_average(v["beg"], v["end"], v["sales"], v["days"]),
              ("saldo rata-rata dari {beg} dan {end}, lalu seperti DSO sederhana ({sales}, {days}); "
               'atau AR_DSO metode "average"',
               "average of {beg} and {end}, then as the simple DSO ({sales}, {days}); or AR_DSO, "
               'method "average"'))],
        ),
        _case(
            ("3. DSO countback (bulan 30 hari)", "3. Countback DSO (30-day months)"),
            [("ar", ("Piutang akhir", "Ending AR"), 212_000, "money"),
             ("s1", ("Penjualan bulan ke-1 (terlama)", "Sales month 1 (oldest)"), 70_000, "money"),
             ("s2", ("Penjualan bulan ke-2", "Sales month 2"), 80_000, "money"),
             ("s3", ("Penjualan bulan ke-3 (terbaru)", "Sales month 3 (newest)"), 100_000, "money")],
            [(("DSO countback (hari)", "Countback DSO (days)"), "days",
              lambda v: dso_countback(v["ar"], [v["s1"], v["s2"], v["s3"]], 30),
              ("kurangi {ar} dengan penjualan terbaru ({s3}), lalu {s2}, lalu {s1}: tiap bulan penuh = "
               '30 hari; atau AR_DSO metode "countback", urutan "oldest first"',
               "take the newest sales ({s3}) off {ar}, then {s2}, then {s1}: a whole month = 30 "
               'days; or AR_DSO, method "countback", order "oldest first"'))],
        ),
        _case(
            ("4. Indeks efektivitas penagihan (collection effectiveness index, CEI)",
             "4. Collection effectiveness index (CEI)"),
            [("b", ("Piutang awal kuartal", "AR at the start of the quarter"), 6_200, "money"),
             ("s", ("Penjualan kredit 3 bulan", "Credit sales of the 3 months"), 10_890, "money"),
             ("e", ("Piutang akhir (total)", "Ending AR (total)"), 6_340, "money"),
             ("c", ("Piutang akhir belum jatuh tempo", "Ending current AR"), 3_590, "money"),
             ("n", ("Jumlah bulan N", "Number of months N"), 3, "int")],
            [(("CEI konvensi CRF (penjualan / N)", "CEI, CRF convention (sales / N)"), "pct",
              lambda v: cei(v["b"], v["s"], v["e"], v["c"], months=int(v["n"])),
              ("definisi CEI di sheet Metrik, input {b}, {s}, {e}, {c}, {n}; atau AR_CEI",
               "the CEI definition on the Metrics sheet, inputs {b}, {s}, {e}, {c}, {n}; or AR_CEI")),
             (("CEI penjualan seluruh periode (N = 1)", "CEI, whole-period sales (N = 1)"), "pct",
              lambda v: cei(v["b"], v["s"], v["e"], v["c"], months=1),
              ("seperti soal sebelumnya dengan N = 1; atau AR_CEI", "as the previous question with N = 1; or AR_CEI"))],
        ),
        _case(
            ("5. Perputaran piutang dan periode penagihan",
             "5. Receivable turnover and collection period"),
            [("s", ("Penjualan kredit setahun", "Credit sales of the year"), 6_205_000, "money"),
             ("b", ("Piutang awal tahun", "AR at the start of the year"), 300_000, "money"),
             ("e", ("Piutang akhir tahun", "AR at the end of the year"), 370_000, "money")],
            [(("Perputaran piutang (kali)", "Receivable turnover (times)"), "ratio",
              lambda v: receivable_turnover(v["s"], v["b"], v["e"]),
              ("penjualan {s} dibagi saldo rata-rata ({b}, {e}); atau AR_RTO",
               "sales {s} over the average balance ({b}, {e}); or AR_RTO")),
             *((((f"Periode penagihan rata-rata, basis {basis} (hari)",
                  f"Average collection period, {basis} basis (days)")), "days",
                lambda v, basis=basis: average_collection_period(
                    v["s"], v["b"], v["e"], day_basis=basis),
                (f'{basis} hari dibagi perputaran piutang; atau AR_RTO ({{s}}, {{b}}, {{e}}), '
                 f'basis {basis}, metode "acp"',
                 f'{basis} days over the receivable turnover; or AR_RTO ({{s}}, {{b}}, {{e}}), '
                 f'basis {basis}, method "acp"'))
               for basis in (365, 360))],
        ),
        _case(
            ("6. Rata-rata tertimbang hari bayar", "6. Weighted average days to pay"),
            [item for pair in zip(paid, took, strict=True) for item in pair],
            [(("Rata-rata tertimbang hari bayar", "Weighted average days to pay"), "days",
              lambda v: weighted_average_days([v["a1"], v["a2"], v["a3"]],
                                                     [v["d1"], v["d2"], v["d3"]]),
              ("SUMPRODUCT jumlah × hari, dibagi SUM jumlah ({a1}, {a2}, {a3}; {d1}, {d2}, {d3})",
               "SUMPRODUCT of amounts × days over the SUM of amounts ({a1}, {a2}, {a3}; {d1}, {d2}, {d3})")),
             (("Rata-rata biasa hari bayar (pembanding)", "Simple mean of days to pay (compare)"),
              "days", lambda v: float(np.mean([v["d1"], v["d2"], v["d3"]])),
              ("AVERAGE hari bayar ({d1}, {d2}, {d3})", "AVERAGE of the days to pay ({d1}, {d2}, {d3})"))],
        ),
    )  # fmt: skip


def _write_case(sh: Sheet, book: Book, case: Case, row: int) -> int:
    """Write one case from ``row``: title, givens (A:B), questions; returns the next free row."""
    t = book.t
    sh.write((row, 0), t(case.title), "bold")
    values = label_values(
        sh, row + 1, [(label, value, style) for _, label, value, style in case.givens]
    )
    cells = {name: cell for (name, *_), cell in zip(case.givens, values, strict=True)}
    row += len(case.givens)
    for q in case.asks:
        row += 1
        ask(sh, row, q.question, q.answer, q.kind, t(q.hint).format(**cells))
    return row + 2


def _ledger_asks() -> list[Ask]:
    """Part B: questions on the company's monthly figures (answers from ``kpi_series``).

    None of the answers is shown on the Monthly sheet (it shows the simple DSO, BPDSO, ADD
    and the one-month CEI per month): each needs a calculation (the highest average-balance
    DSO and the lowest collection ratio of a month need a helper column); the series
    questions use April–December only (see
    :data:`SERIES_FROM`). The hints name functions and columns, not the finished formula.
    """
    k = monthly_kpis().set_index(monthly_kpis()["period_end"].dt.month)
    nov = k.loc[11]
    series = k.loc[SERIES_FROM:]
    q3 = k.loc[7:9]
    sep_nov = k.loc[9:11]
    countback = dso_countback(
        float(nov["ending_ar"]),
        sep_nov["credit_sales"].tolist(),
        period_days_from_ends(sep_nov["period_end"].tolist()),
    )
    avg_dso = [
        dso_average(float(m.beginning_ar), float(m.ending_ar), float(m.credit_sales), float(m.days))
        for m in series.itertuples()
    ]
    coll_ratio = [
        collection_ratio(float(m.collections), float(m.beginning_ar + m.credit_sales))
        for m in series.itertuples()
    ]
    first = MONTHS[SERIES_FROM - 1]
    span = (f"{first[0]}–Desember 2024", f"{first[1]}–December 2024")
    return [
        Ask(
            (
                "DSO November 2024, metode saldo rata-rata (30 hari)",
                "DSO November 2024, average-balance method (30 days)",
            ),
            dso_average(
                float(nov["beginning_ar"]), float(nov["ending_ar"]), float(nov["credit_sales"]), 30
            ),
            "days",
            (
                "metode saldo rata-rata dari kolom H, I dan F, baris November; atau AR_DSO",
                "the average-balance method from columns H, I and F, November row; or AR_DSO",
            ),
        ),
        Ask(
            (
                "DSO countback 30 Nov 2024 (Sep–Nov, hari kalender)",
                "Countback DSO at 30 Nov 2024 (Sep–Nov, calendar days)",
            ),
            countback,
            "days",
            (
                "mulai dari penjualan November (30 hari), mundur ke Oktober (31), lalu September",
                "start with November sales (30 days), walk back to October (31), then September",
            ),
        ),
        Ask(
            (
                "CEI kuartal 3 2024 (Jul–Sep, konvensi CRF: penjualan / N, N = 3)",
                "CEI Q3 2024 (Jul–Sep, CRF convention: sales / N, N = 3)",
            ),
            cei(
                float(q3["beginning_ar"].iloc[0]),
                float(q3["credit_sales"].sum()),
                float(q3["ending_ar"].iloc[-1]),
                float(q3["current_ar"].iloc[-1]),
                months=3,
            ),
            "pct",
            (
                "awal = piutang awal Juli, penjualan = SUM Jul–Sep, akhir dan belum jatuh tempo "
                "= September; atau AR_CEI",
                "beginning = July's beginning AR, sales = SUM of Jul–Sep, ending and current = "
                "September; or AR_CEI",
            ),
        ),
        Ask(
            (
                f"DSO saldo rata-rata tertinggi dari satu bulan, {span[0]} (hari kalender)",
                f"Highest monthly average-balance DSO, {span[1]} (calendar days)",
            ),
            max(avg_dso),
            "days",
            (
                "per bulan: metode saldo rata-rata dari kolom H, I, F dan E (kolom bantu), lalu MAX",
                "per month: the average-balance method from columns H, I, F and E (a helper "
                "column), then MAX",
            ),
        ),
        Ask(
            (
                f"Rasio penagihan bulanan terendah, {span[0]}: penagihan / (piutang awal + "
                "penjualan) bulan itu",
                f"Lowest monthly collection ratio, {span[1]}: collections / (beginning AR + "
                "sales) of the month",
            ),
            min(coll_ratio),
            "pct",
            (
                "per bulan dari kolom G, H dan F (kolom bantu), lalu MIN",
                "per month from columns G, H and F (a helper column), then MIN",
            ),
        ),
        Ask(
            (f"Rata-rata DSO bulanan, {span[0]} (hari)", f"Average monthly DSO, {span[1]} (days)"),
            float(series["dso"].mean()),
            "days",
            ("AVERAGE kolom DSO", "AVERAGE of the DSO column"),
        ),
        Ask(
            (
                f"Rasio penagihan {span[0]}: penagihan / (piutang awal {first[0]} + penjualan)",
                f"Collection ratio {span[1]}: collections / (beginning AR of {first[1]} + sales)",
            ),
            collection_ratio(
                float(series["collections"].sum()),
                float(series["beginning_ar"].iloc[0] + series["credit_sales"].sum()),
            ),
            "pct",
            (
                f"penagihan = SUM kolom G, penjualan = SUM kolom F, piutang awal = kolom H "
                f"baris {first[0]}",
                f"collections = SUM of column G, sales = SUM of column F, beginning AR = "
                f"column H, {first[1]} row",
            ),
        ),
        Ask(
            ("% piutang lewat jatuh tempo pada 31 Des 2024", "% of AR past due at 31 Dec 2024"),
            float(k.loc[12, "past_due_ar"] / k.loc[12, "ending_ar"]),
            "pct",
            (
                "piutang lewat jatuh tempo / piutang akhir, baris Desember",
                "past-due AR / ending AR, December row",
            ),
        ),
    ]


def practice_sheet(book: Book) -> None:
    """The Metrics Practice sheet: part A textbook cases, part B the company's data."""
    t = book.t
    sh = titled_sheet(
        book,
        SHEETS["practice"],
        ("Latihan Metrik", "Metrics Practice"),
        widths=[48, 16, 6, 70],
        intro=(
            "Bagian A: contoh buku teks (data di kolom B). Bagian B: data perusahaan (sheet "
            "Bulanan). Ketik rumus atau angka di sel kuning; DSO dalam hari, rasio sebagai "
            "persen (55,93% = 0,5593). Kolom D menyebut metode, input dan fungsinya.",
            "Part A: textbook cases (data in column B). Part B: the company's data (Monthly "
            "sheet). Type a formula or a number in the yellow cells; DSO in days, ratios as "
            "percentages (55.93% = 0.5593). Column D names the method, the inputs and the function.",
        ),
    )
    sh.write("A4", t(("A. Contoh buku teks", "A. Textbook cases")), "h1")
    row = 5
    for case in _golden_cases():
        row = _write_case(sh, book, case, row)
    sh.write(
        (row, 0),
        t(("B. Data perusahaan (sheet Bulanan)", "B. The company's data (Monthly sheet)")),
        "h1",
    )
    for i, q in enumerate(_ledger_asks()):
        ask(sh, row + 2 + i, q.question, q.answer, q.kind, q.hint)
