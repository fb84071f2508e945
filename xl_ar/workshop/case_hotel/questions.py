"""The hotel case's Questions sheet: ratios per year, targets met, analysis questions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from xl_ar.workshop.book import Book, Sheet, a1
from xl_ar.workshop.case_hotel.context import SHEETS
from xl_ar.workshop.case_hotel.figures import annual_figures, segment_figures, year_ratios
from xl_ar.workshop.case_hotel.metrics import METRICS, Metric, meets
from xl_ar.workshop.case_hotel.summary import SummaryRefs
from xl_ar.workshop.case_hotel.targets import TargetRefs
from xl_ar.workshop.cover import typed_formula as local_formula
from xl_ar.workshop.hotel_data import SEGMENTS, YEARS
from xl_ar.workshop.layout import ask, paragraph, titled_sheet

YES_NO = {True: ("YA", "YES"), False: ("TIDAK", "NO")}


def questions_sheet(book: Book, s: SummaryRefs, targets: TargetRefs) -> None:
    t = book.t
    sales = s.cell("sales", YEARS[0])
    sh = titled_sheet(
        book,
        SHEETS["questions"],
        ("Pertanyaan: Rasio Piutang 2021–2024", "Questions: AR Ratios 2021–2024"),
        widths=[40, 60, 12] + [13, 6] * len(YEARS),
        intro=(
            "Hitung tiap rasio per tahun dari angka di sheet Ringkasan Tahunan (boleh dengan "
            f"rumus, mis. ={sales}/...). Persen diisi sebagai persen (5% atau 0,05). ACP "
            "memakai 360 hari.",
            "Compute each ratio per year from the Annual Summary figures (formulas welcome, "
            f"e.g. ={sales}/...). Type percentages as percentages (5% or 0.05). ACP uses a "
            "360-day year.",
        ),
        last_col=10,
    )
    ratios_by_year = {y: year_ratios(f) for y, f in annual_figures(book.lang).items()}
    col = {y: 3 + 2 * j for j, y in enumerate(YEARS)}
    block1 = 3
    _ratio_table(
        book, sh, block1, col,
        lambda m: t(m.formula),
        lambda m, y: (ratios_by_year[y][m.key], m.kind, f"{y}: {t(m.label)}"),
    )  # fmt: skip
    block2 = block1 + len(METRICS) + 2
    sh.write(
        (block2 - 1, 0),
        t(("Apakah target tercapai? Ketik YA atau TIDAK", "Is the target met? Type YES or NO")),
        "h1",
    )
    _ratio_table(
        book, sh, block2, col,
        lambda m: t(("Bandingkan dengan sheet Target", "Compare with the Targets sheet")),
        lambda m, y: (
            t(YES_NO[meets(m, ratios_by_year[y][m.key])]),
            "text",
            t((f"{m.short[0]} {y}: target tercapai?", f"{m.short[1]} {y}: target met?")),
        ),
    )  # fmt: skip
    _analysis_block(book, sh, block2 + len(METRICS) + 3, ratios_by_year)
    ratio = a1(block1 + 1, col[YEARS[0]])  # the RTO 2021 input ...
    decision = a1(block2 + 1, col[YEARS[0]])  # ... and its YES/NO cell
    yes, no = (t(YES_NO[v]) for v in (True, False))
    example = local_formula(f'=IF({ratio}>={targets.cells["rto"]},"{yes}","{no}")', book.lang)
    paragraph(
        sh,
        (block2 + len(METRICS) + 1, 0),
        10,
        t(
            (
                f"Petunjuk: target ada di sheet Target. Contoh untuk {decision} (RTO "
                f"{YEARS[0]}): {example}",
                f"Hint: the targets are on the Targets sheet. Example for {decision} (RTO "
                f"{YEARS[0]}): {example}",
            )
        ),
    )
    sh.freeze = (block1 + 1, 1)


def _ratio_table(
    book: Book,
    sh: Sheet,
    top: int,
    col: dict[int, int],
    note: Callable[[Metric], str],
    exercise: Callable[[Metric, int], tuple[Any, str, str]],
) -> None:
    """A ratio × year table of exercises: header, then one row per metric from ``top + 1``.

    ``col`` maps a year to its input column (the check goes right of it); ``note(metric)`` is
    the text of column B and ``exercise(metric, year)`` gives ``(answer, kind, question)``.
    """
    t = book.t
    sh.row((top, 0), [t(("Rasio", "Ratio")), t(("Rumus", "Formula")), t(("Target", "Target"))],
           "header")  # fmt: skip
    for y, c in col.items():
        sh.write((top, c), y, "header")
        sh.write((top, c + 1), t(("Cek", "Check")), "header")
    for r, m in enumerate(METRICS, start=top + 1):
        sh.write((r, 0), t(m.label), "bold")
        sh.write((r, 1), note(m), "note")
        sh.write((r, 2), m.target_text(book.lang), "text")
        for y, c in col.items():
            answer, kind, question = exercise(m, y)
            sh.exercise((r, c), answer, kind=kind, question=question)


def _analysis_block(
    book: Book, sh: Sheet, top: int, ratios_by_year: dict[int, dict[str, float]]
) -> None:
    """Four analysis questions under the ratio tables; inputs in the last year's column."""
    t = book.t
    sh.write((top, 0), t(("Analisis", "Analysis")), "h1")
    acp = {y: r["acp"] for y, r in ratios_by_year.items()}
    worst = max(acp, key=acp.get)
    seg = segment_figures(book.lang)
    past_due = {key: f["past_due"] for key, f in seg.items()}
    largest = max(past_due, key=past_due.get)
    gov = SEGMENTS["government"]
    last, prev = YEARS[-1], YEARS[-2]
    items = (
        (
            (
                "1. Tahun dengan periode penagihan rata-rata (ACP) terburuk (terpanjang)? Ketik "
                "tahunnya.",
                "1. Which year has the worst (longest) average collection period? Type the year.",
            ),
            worst,
            "count",
        ),
        (
            (
                f"2. Piutang lewat jatuh tempo segmen {gov[0]} per 31-12-{last} (Rupiah)? "
                "Petunjuk: SUMIFS dengan kriteria Segmen, seperti baris piutang lewat jatuh "
                "tempo di Ringkasan Tahunan.",
                f"2. Past-due AR of the {gov[1]} segment at 31-12-{last} (Rupiah)? Hint: "
                "SUMIFS with a Segment criterion, like the past-due row of the Annual Summary.",
            ),
            past_due["government"],
            "money",
        ),
        (
            (
                f"3. Segmen mana yang piutang lewat jatuh temponya per 31-12-{last} paling "
                "besar? Hitung ketiga segmen; ketik nama segmen seperti di kolom Segmen.",
                f"3. Which segment has the largest past-due AR at 31-12-{last}? Work out all "
                "three; type the segment name as in the Segment column.",
            ),
            t(SEGMENTS[largest]),
            "text",
        ),
        (
            (
                f"4. Berapa hari ACP berubah dari {prev} ke {last} (ACP {last} − ACP {prev}; "
                "positif = memburuk)?",
                f"4. By how many days did ACP change from {prev} to {last} (ACP {last} − ACP "
                f"{prev}; positive = worse)?",
            ),
            acp[last] - acp[prev],
            "days",
        ),
    )
    input_col = 3 + 2 * (len(YEARS) - 1)
    for k, (text, answer, kind) in enumerate(items):
        ask(sh, top + 1 + k, text, answer, kind, q=(0, input_col - 1), at=input_col)
