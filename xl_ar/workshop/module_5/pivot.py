"""Module 5's pivot sheet: a PivotTable-ready open-items table with aging by date functions."""

from __future__ import annotations

import pandas as pd

from xl_ar.workshop.book import Book, Sheet, a1
from xl_ar.workshop.data import AS_OF
from xl_ar.workshop.layout import ask, titled_sheet
from xl_ar.workshop.module_5.context import SHEETS, Ask, Text
from xl_ar.workshop.module_5.figures import open_items_table
from xl_ar.workshop.terms import bucket_name

PIVOT_REGIONS = ("Jakarta", "Surabaya", "Balikpapan")

PIVOT_HEADER: tuple[Text, ...] = (
    ("Pelanggan", "Customer"),
    ("Wilayah", "Region"),
    ("Sales", "Salesperson"),
    ("No Faktur", "Invoice No"),
    ("Jatuh Tempo", "Due Date"),
    ("Hari Lewat Jatuh Tempo", "Days Past Due"),
    ("Kelompok Umur", "Bucket"),
    ("Sisa", "Balance"),
)


def pivot_sheet(book: Book) -> None:
    """The Pivot Table sheet: tblPiutang with date-function columns, steps and questions."""
    t = book.t
    sh = titled_sheet(
        book,
        SHEETS["pivot"],
        ("Data Siap PivotTable — Piutang Terbuka", "PivotTable-Ready Data — Open Receivables"),
        widths=[22, 12, 17, 18, 12, 22, 18, 14, 4, 60],
    )
    sh.write("A2", t(("Per tanggal", "As of")), "bold")
    sh.write("B2", AS_OF, "date")
    steps = [
        (
            "Klik sel mana saja di tabel tblPiutang (A5).",
            "Click any cell of the table tblPiutang (A5).",
        ),
        (
            "Sisipkan ▸ PivotTable ▸ Lembar Kerja Baru ▸ OK.",
            "Insert ▸ PivotTable ▸ New Worksheet ▸ OK.",
        ),
        (
            "Seret Wilayah ke Baris, Kelompok Umur ke Kolom, Sisa ke Nilai (Jumlah).",
            "Drag Region to Rows, Bucket to Columns, Balance to Values (Sum).",
        ),
        (
            "Ganti Baris dengan Sales untuk melihat per tenaga penjual.",
            "Swap Rows to Salesperson to see each salesperson.",
        ),
        (
            "Kolom F dan G dihitung otomatis: F = tanggal data − jatuh tempo; G = IF bertingkat.",
            "Columns F and G are automatic: F = data date − due date; G = nested IF.",
        ),
    ]
    sh.write((0, 9), t(("Langkah membuat PivotTable", "How to build the PivotTable")), "h1")
    for i, step in enumerate(steps):
        sh.write((1 + i, 9), f"{i + 1}. {t(step)}", "text")
    header_row = 3
    items = open_items_table()
    rows = [
        [r.customer, r.region, r.sales, r.invoice, r.due_date, None, None, float(r.outstanding)]
        for r in items.itertuples()
    ]
    styles = [None, None, None, None, "date", "int", None, "money"]
    first, last = sh.table(
        (header_row, 0), [t(h) for h in PIVOT_HEADER], rows, styles, name="tblPiutang"
    )
    for i, r in enumerate(items.itertuples()):
        row = first + i
        sh.formula((row, 5), f"=$B$2-{a1(row, 4)}", expected=float(r.days), style="int")
        sh.formula(
            (row, 6),
            _bucket_formula(a1(row, 5), book.lang),
            expected=bucket_name(r.bucket, book.lang),
            style="text",
        )
    sh.freeze = (first, 1)
    total = last + 2  # a blank row keeps the total outside tblPiutang
    sh.write((total, 6), t(("Total", "Total")), "bold")
    sh.formula(
        (total, 7),
        f"=SUM({a1(first, 7)}:{a1(last, 7)})",
        expected=float(items["outstanding"].sum()),
        style="total_money",
    )
    # below the table: a wrapped question beside a table row would make that row taller
    _pivot_questions(sh, book, items, total + 2)


def _bucket_formula(days: str, lang: str) -> str:
    """Nested IF giving the bucket name (:func:`~xl_ar.workshop.terms.bucket_name`) of ``days``."""
    names = {key: bucket_name(key, lang) for key in ("Current", "1-30", "31-60", "61-90", ">90")}
    return (
        f'=IF({days}<=0,"{names["Current"]}",IF({days}<=30,"{names["1-30"]}",'
        f'IF({days}<=60,"{names["31-60"]}",IF({days}<=90,"{names["61-90"]}","{names[">90"]}"))))'
    )


def _pivot_questions(sh: Sheet, book: Book, items: pd.DataFrame, row: int) -> None:
    """Questions a PivotTable of tblPiutang answers, from zero-based ``row`` below the table.

    The answers are pandas sums and counts on the core's aging by invoice.
    """
    t = book.t
    sh.write(
        (row, 0), t(("Pertanyaan (jawab dengan PivotTable)", "Questions (use a PivotTable)")), "h1"
    )
    by_region = items.groupby("region")["outstanding"].sum()
    asks = []
    for region in PIVOT_REGIONS:
        if region not in by_region.index:
            raise AssertionError(f"no open items in region {region}")
        asks.append(
            Ask(
                (f"Saldo piutang terbuka wilayah {region}", f"Open balance of region {region}"),
                float(by_region[region]),
                "money",
            )
        )
    over90 = items[items["bucket"] == ">90"]
    who = str(over90.loc[~over90["disputed"], "sales"].iloc[0])
    current = {lang: bucket_name("Current", lang) for lang in ("id", "en")}
    asks += [
        Ask(
            ("Wilayah dengan saldo terbuka terbesar", "Region with the largest open balance"),
            str(by_region.idxmax()),
            "text",
        ),
        Ask(
            (
                f'Saldo lewat jatuh tempo (semua kelompok kecuali "{current["id"]}") milik sales {who}',
                f'Past-due balance (every bucket but "{current["en"]}") of salesperson {who}',
            ),
            float(items.loc[(items["sales"] == who) & (items["days"] > 0), "outstanding"].sum()),
            "money",
        ),
        Ask(
            (
                f'Total saldo kelompok "{bucket_name("1-30", "id")}"',
                f'Total balance in the "{bucket_name("1-30", "en")}" bucket',
            ),
            float(items.loc[items["bucket"] == "1-30", "outstanding"].sum()),
            "money",
        ),
        Ask(
            ("Jumlah item terbuka yang belum jatuh tempo", "Number of open items not yet due"),
            int((items["bucket"] == "Current").sum()),
            "count",
        ),
    ]
    for i, q in enumerate(asks):
        ask(sh, row + 1 + i, q.question, q.answer, q.kind, q=(0, 6), at=7)
