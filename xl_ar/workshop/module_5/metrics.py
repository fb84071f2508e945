"""Module 5's metrics sheet: the Q4 inputs, the countback DSO and every key metric."""

from __future__ import annotations

from dataclasses import dataclass

from xl_ar.workshop.book import Book, Sheet, a1
from xl_ar.workshop.layout import titled_sheet
from xl_ar.workshop.module_5.context import ANNUALISE, MONTHS, Q4, SHEETS, Text
from xl_ar.workshop.module_5.figures import metrics_q4, monthly_kpis
from xl_ar.workshop.module_5.monthly import MonthlyRefs
from xl_ar.workshop.terms import WRITE_OFF

METRIC_INPUTS: tuple[tuple[str, Text, str], ...] = (
    ("days", ("Jumlah hari Q4 (1 Okt – 31 Des 2024)", "Days in Q4 (1 Oct – 31 Dec 2024)"), "int"),
    ("sales", ("Penjualan kredit Q4", "Q4 credit sales"), "money"),
    ("collections", ("Penagihan (kas masuk) Q4", "Q4 collections (cash in)"), "money"),
    ("beg", ("Piutang awal (30 Sep 2024)", "Beginning AR (30 Sep 2024)"), "money"),
    ("end", ("Piutang akhir (31 Des 2024)", "Ending AR (31 Dec 2024)"), "money"),
    ("current", ("Piutang belum jatuh tempo 31 Des", "Current AR at 31 Dec"), "money"),
    ("past_due", ("Piutang lewat jatuh tempo 31 Des", "Past-due AR at 31 Dec"), "money"),
    (
        "billed",
        ("Total tagihan = piutang awal + penjualan Q4", "Billed = beginning AR + Q4 sales"),
        "money",
    ),
    (
        "annual",
        ("Penjualan kredit disetahunkan = Q4 × 4", "Annualised credit sales = Q4 × 4"),
        "money",
    ),
    (
        "writeoff",
        (
            f"{WRITE_OFF[0]} Q4 2024 menurut jurnal umum (input)",
            f"{WRITE_OFF[1]}s in Q4 2024 per the general journal (input)",
        ),
        "money",
    ),
    ("months", ("Jumlah bulan N (untuk CEI)", "Number of months N (for CEI)"), "int"),
)


def _metric_inputs(sh: Sheet, book: Book, mon: MonthlyRefs, top: int) -> dict[str, str]:
    """The Q4 input block (labels in A, values in B) taken from the Monthly sheet.

    Two values are given inputs: the number of months N and the write-offs of the journal.
    """
    t = book.t
    m = metrics_q4()
    formulas = {
        "days": f"=SUM({mon.span('days', Q4)})",
        "sales": f"=SUM({mon.span('sales', Q4)})",
        "collections": f"=SUM({mon.span('collections', Q4)})",
        "beg": f"={mon.cell('beg', Q4[0])}",
        "end": f"={mon.cell('end_ar', Q4[-1])}",
        "current": f"={mon.cell('current', Q4[-1])}",
        "past_due": f"={mon.cell('past_due', Q4[-1])}",
    }
    cells = {key: a1(top + i, 1, absolute=True) for i, (key, *_) in enumerate(METRIC_INPUTS)}
    formulas["billed"] = f"={cells['beg']}+{cells['sales']}"
    formulas["annual"] = f"={cells['sales']}*{ANNUALISE}"
    for i, (key, label, style) in enumerate(METRIC_INPUTS):
        r = top + i
        sh.write((r, 0), t(label))
        if key in ("months", "writeoff"):  # given inputs, not computed from the ledger
            sh.write((r, 1), m[key], style)
        else:
            sh.formula((r, 1), formulas[key], expected=m[key], style=style)
    return cells


def _countback_block(
    sh: Sheet, book: Book, mon: MonthlyRefs, top: int, end_cell: str
) -> dict[str, str]:
    """The countback walk, newest month first, one helper row per month (columns D:H)."""
    t = book.t
    m = metrics_q4()
    k = monthly_kpis().set_index(monthly_kpis()["period_end"].dt.month)
    sh.write(
        (top - 1, 3),
        t(
            (
                "Langkah DSO countback (bulan terbaru dulu)",
                "Countback DSO steps (newest month first)",
            )
        ),
        "h1",
    )
    sh.row(
        (top, 3),
        [
            t(("Bulan", "Month")),
            t(("Penjualan", "Sales")),
            t(("Hari", "Days")),
            t(("Sisa piutang sebelum", "AR left before")),
            t(("Hari dihitung", "Days counted")),
        ],
        "header",
    )
    remaining = m["end"]
    cells: dict[str, str] = {}
    walk = list(reversed(Q4))
    total = 0.0
    for j, month in enumerate(walk):
        r = top + 1 + j
        sales, days = float(k.loc[month, "credit_sales"]), float(k.loc[month, "days"])
        sh.write((r, 3), t(MONTHS[month - 1]))
        sh.formula((r, 4), f"={mon.cell('sales', month)}", expected=sales, style="money")
        sh.formula((r, 5), f"={mon.cell('days', month)}", expected=days, style="int")
        before = f"={end_cell}" if j == 0 else f"={a1(r - 1, 6)}-{a1(r - 1, 4)}"
        sh.formula((r, 6), before, expected=remaining, style="money")
        g, e, f = a1(r, 6), a1(r, 4), a1(r, 5)
        if j < len(walk) - 1:
            counted = max(0.0, min(remaining, sales)) / sales * days
            formula = f"=MAX(0,MIN({g},{e}))/{e}*{f}"
        else:  # the oldest month also takes any excess (extrapolated at its daily rate)
            counted = max(remaining, 0.0) / sales * days
            formula = f"=MAX({g},0)/{e}*{f}"
        sh.formula((r, 7), formula, expected=counted, style="days")
        total += counted
        remaining -= sales
        cells[month] = a1(r, 4, absolute=True)
        cells[f"d{month}"] = a1(r, 5, absolute=True)
    r = top + 1 + len(walk)
    sh.write((r, 6), t(("DSO countback", "Countback DSO")), "bold")
    sh.formula((r, 7), f"=SUM({a1(top + 1, 7)}:{a1(r - 1, 7)})", expected=total, style="days")
    # ascending ranges for AR_DSO (oldest first): the walk rows are newest first, so the
    # function gets its own small oldest-first block in columns J:K
    sh.write((top - 1, 9), t(("Untuk AR_DSO (terlama dulu)", "For AR_DSO (oldest first)")), "h1")
    sh.row((top, 9), [t(("Penjualan", "Sales")), t(("Hari", "Days"))], "header")
    for j, month in enumerate(Q4):
        rr = top + 1 + j
        sh.formula(
            (rr, 9),
            f"={mon.cell('sales', month)}",
            expected=float(k.loc[month, "credit_sales"]),
            style="money",
        )
        sh.formula(
            (rr, 10),
            f"={mon.cell('days', month)}",
            expected=float(k.loc[month, "days"]),
            style="int",
        )
    cells["sales_range"] = f"{a1(top + 1, 9, absolute=True)}:{a1(top + len(Q4), 9, absolute=True)}"
    cells["days_range"] = f"{a1(top + 1, 10, absolute=True)}:{a1(top + len(Q4), 10, absolute=True)}"
    return cells


@dataclass(frozen=True)
class Metric:
    """One row of the metrics table: key into :func:`metrics_q4`, texts, two formulas."""

    key: str
    name: Text
    definition: Text
    native: str
    call: str
    style: str


def _metric_rows(c: dict[str, str], cb: dict[str, str]) -> list[Metric]:
    """Every metric row; ``c`` = input cells, ``cb`` = countback helper cells."""
    d, s, e, b, cur, n = c["days"], c["sales"], c["end"], c["beg"], c["current"], c["months"]
    s3, s2, s1 = (cb[m] for m in reversed(Q4))
    d3, d2, d1 = (cb[f"d{m}"] for m in reversed(Q4))
    countback = (
        f"=IF({e}<=0,0,IF({e}<={s3},{e}/{s3}*{d3},IF({e}<={s3}+{s2},{d3}+({e}-{s3})/{s2}*{d2},"
        f"{d3}+{d2}+({e}-{s3}-{s2})/{s1}*{d1})))"
    )
    avg, year = f"(({b}+{e})/2)", c["annual"]
    pd_, coll, billed, wo = c["past_due"], c["collections"], c["billed"], c["writeoff"]
    return [
        Metric(
            "dso_simple",
            ("DSO sederhana", "DSO, simple"),
            ("piutang akhir × hari / penjualan kredit", "ending AR × days / credit sales"),
            f"={e}*{d}/{s}",
            f"=AR_DSO({e},{s},{d})",
            "days",
        ),
        Metric(
            "dso_average",
            ("DSO saldo rata-rata", "DSO, average balance"),
            ("(awal + akhir) / 2 × hari / penjualan", "(beginning + ending) / 2 × days / sales"),
            f"=({b}+{e})/2*{d}/{s}",
            f'=AR_DSO({b}:{e},{s},{d},"average")',
            "days",
        ),
        Metric(
            "dso_countback",
            ("DSO countback (hitung mundur 3 bulan)", "DSO, countback (3 months)"),
            (
                "hari penjualan terbaru yang tertutup piutang akhir (IF bertingkat)",
                "days of the newest sales the ending AR covers (nested IF)",
            ),
            countback,
            f'=AR_DSO({e},{cb["sales_range"]},{cb["days_range"]},"countback","oldest first")',
            "days",
        ),
        Metric(
            "bpdso",
            ("DSO terbaik yang mungkin (best possible DSO, BPDSO)", "Best possible DSO (BPDSO)"),
            ("piutang belum jatuh tempo × hari / penjualan", "current AR × days / sales"),
            f"={cur}*{d}/{s}",
            f"=AR_BPDSO({cur},{s},{d})",
            "days",
        ),
        Metric(
            "add",
            (
                "Rata-rata hari tunggakan (average days delinquent, ADD)",
                "Average days delinquent (ADD)",
            ),
            ("DSO − BPDSO", "DSO − BPDSO"),
            f"={e}*{d}/{s}-{cur}*{d}/{s}",
            f"=AR_ADD({e},{cur},{s},{d})",
            "days",
        ),
        Metric(
            "cei_n",
            ("CEI (N = 3 bulan, CRF)", "CEI (N = 3 months, CRF)"),
            (
                "(awal + penjualan/N − akhir) / (awal + penjualan/N − belum jatuh tempo)",
                "(beginning + sales/N − ending) / (beginning + sales/N − current)",
            ),
            f"=({b}+{s}/{n}-{e})/({b}+{s}/{n}-{cur})",
            f"=AR_CEI({b},{s},{e},{cur},{n})",
            "pct2",
        ),
        Metric(
            "cei_1",
            ("CEI (penjualan seluruh periode)", "CEI (whole-period sales)"),
            ("sama, dengan penjualan Q4 utuh (N = 1)", "the same with all Q4 sales (N = 1)"),
            f"=({b}+{s}-{e})/({b}+{s}-{cur})",
            f"=AR_CEI({b},{s},{e},{cur},1)",
            "pct2",
        ),
        Metric(
            "rto",
            ("Perputaran piutang (RTO, kali/tahun)", "Receivable turnover (RTO, times/year)"),
            ("penjualan disetahunkan / rata-rata piutang", "annualised sales / average AR"),
            f"={year}/{avg}",
            f'=AR_RTO({year},{b},{e},360,"rto")',
            "ratio",
        ),
        Metric(
            "acp_360",
            ("Periode penagihan rata-rata (360 hari)", "Average collection period (360 days)"),
            ("360 / RTO (buku teks Indonesia)", "360 / RTO (Indonesian textbooks)"),
            f"=360*{avg}/{year}",
            f'=AR_RTO({year},{b},{e},360,"acp")',
            "days",
        ),
        Metric(
            "acp_365",
            ("Periode penagihan rata-rata (365 hari)", "Average collection period (365 days)"),
            ("365 / RTO", "365 / RTO"),
            f"=365*{avg}/{year}",
            f'=AR_RTO({year},{b},{e},365,"acp")',
            "days",
        ),
        Metric(
            "arrears",
            ("Rasio tunggakan", "Arrears ratio"),
            ("piutang lewat jatuh tempo / penjualan kredit", "past-due AR / credit sales"),
            f"={pd_}/{s}",
            f"=AR_ARREARS_RATIO({pd_},{s})",
            "pct2",
        ),
        Metric(
            "collection",
            ("Rasio penagihan", "Collection ratio"),
            ("penagihan / (piutang awal + penjualan)", "collections / (beginning AR + sales)"),
            f"={coll}/{billed}",
            f"=AR_COLLECTION_RATIO({coll},{billed})",
            "pct2",
        ),
        Metric(
            "bad_debt",
            ("Rasio piutang tak tertagih", "Bad-debt ratio"),
            (
                "penghapusan piutang (jurnal) / penjualan kredit",
                "write-offs (journal) / credit sales",
            ),
            f"={wo}/{s}",
            f"=AR_BAD_DEBT_RATIO({wo},{s})",
            "pct2",
        ),
    ]


def metrics_sheet(book: Book, mon: MonthlyRefs) -> None:
    """The Metrics sheet: Q4 inputs, countback steps, native formula vs ``AR_*`` per metric."""
    t = book.t
    sh = titled_sheet(
        book,
        SHEETS["metrics"],
        ("Metrik Piutang Q4 2024", "Receivables Metrics Q4 2024"),
        widths=[62, 46, 16, 16, 14, 8, 21, 14, 4, 14, 8],
        intro=(
            "Periode: kuartal 4 2024 (1 Okt – 31 Des, 92 hari). Kolom 'Rumus Excel' memakai "
            "fungsi bawaan Excel; kolom 'Fungsi xl-ar' memakai add-in xl-ar (tanpa add-in "
            "tampil #NAME?). CEI: konvensi Credit Research Foundation membagi penjualan dengan "
            "jumlah bulan N = 3; banyak situs memakai penjualan utuh (N = 1). RTO dan periode "
            "penagihan memakai penjualan Q4 disetahunkan (× 4); buku teks Indonesia (Sutrisno, "
            "Kasmir) memakai 360 hari. Rasio piutang tak tertagih = penghapusan piutang yang "
            "dibukukan di Q4 menurut jurnal umum (angka input, bukan dari sheet Data: tidak "
            "ada faktur di buku besar ini yang dihapus) ÷ penjualan kredit Q4.",
            "Period: Q4 2024 (1 Oct – 31 Dec, 92 days). The 'Native formula' column uses "
            "Excel's own functions; the 'xl-ar function' column uses the xl-ar add-in "
            "(#NAME? without it). CEI: the Credit Research Foundation convention divides "
            "sales by the number of months N = 3; many sites use the whole-period sales "
            "(N = 1). RTO and the collection period use Q4 sales annualised (× 4); "
            "Indonesian textbooks (Sutrisno, Kasmir) use 360 days. Bad-debt ratio = the "
            "write-offs booked in Q4 per the general journal (an input, not from the Data "
            "sheet: no invoice of this ledger is written off) ÷ Q4 credit sales.",
        ),
    )
    top = 4
    sh.write(
        (top - 1, 0), t(("Data Q4 (dari sheet Bulanan)", "Q4 data (from the Monthly sheet)")), "h1"
    )
    cells = _metric_inputs(sh, book, mon, top)
    cb = _countback_block(sh, book, mon, top + 1, cells["end"])
    m = metrics_q4()
    head = top + len(METRIC_INPUTS) + 2
    sh.row(
        (head, 0),
        [
            t(("Metrik", "Metric")),
            t(("Definisi", "Definition")),
            t(("Rumus Excel", "Native formula")),
            t(("Fungsi xl-ar", "xl-ar function")),
            t(("Selisih", "Difference")),
        ],
        "header",
    )
    rows = _metric_rows(cells, cb)
    for i, metric in enumerate(rows):
        r = head + 1 + i
        sh.write((r, 0), t(metric.name), "bold")
        sh.write((r, 1), t(metric.definition), "wrap")
        if len(t(metric.definition)) > 48:
            sh.row_heights[r] = 30
        sh.formula((r, 2), metric.native, expected=m[metric.key], style=metric.style)
        sh.formula((r, 3), metric.call, expected=m[metric.key], style=metric.style)
        # the difference repeats the AR_* call: a reference to D would be #NAME? without xl-ar
        diff = f"={a1(r, 2)}-{metric.call[1:]}"
        sh.formula((r, 4), diff, expected=m[metric.key] - m[metric.key], style="number")
    r = head + len(rows) + 2
    sh.merge(
        f"A{r + 1}:E{r + 1}",
        t(
            (
                "Selisih = Rumus Excel − fungsi xl-ar (0 berarti keduanya sama). DSO countback "
                "berjalan mundur dari Desember: lihat langkahnya di kolom D:H.",
                "Difference = native formula − xl-ar function (0 means they agree). The "
                "countback walks back from December: see its steps in columns D:H.",
            )
        ),
        "note",
    )
    sh.row_heights[r] = 30
