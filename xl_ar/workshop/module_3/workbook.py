"""Module 3's workbook: the cover and the sheet order."""

from __future__ import annotations

from xl_ar.workshop.book import Book
from xl_ar.workshop.data import write_ledger
from xl_ar.workshop.layout import autofit_book, new_book
from xl_ar.workshop.module_3.context import core_facts
from xl_ar.workshop.module_3.interest import interest_sheet
from xl_ar.workshop.module_3.letters import letters_sheet
from xl_ar.workshop.module_3.segmentation import segmentation_sheet
from xl_ar.workshop.module_3.strategy import strategy_sheet
from xl_ar.workshop.module_3.worklist import worklist_sheet


def build(lang: str) -> Book:
    """Build the module 3 workbook in ``lang`` (``"id"`` or ``"en"``).

    Examples
    --------
    >>> book = build("en")
    >>> [s.name for s in book.sheets]
    ['Instructions', 'Data', 'Segmentation', 'Strategy', 'Worklist', 'Interest', 'Letters']
    """
    heading = (
        "Modul 3 — Strategi Penagihan Piutang Efektif & Berjenjang",
        "Module 3 — Effective, Tiered Collections",
    )
    book = new_book(
        "module_3",
        lang,
        heading,
        [
            ("Sesi 3.1: segmentasi piutang menurut umur, nilai dan profil pelanggan; penagihan "
             "preventif dan dini", "Session 3.1: segmenting receivables by age, amount and "
             "customer profile; preventive and early collection"),
            ("Sesi 3.2: komunikasi tertulis yang jelas, tegas dan profesional (surat per tahap)",
             "Session 3.2: clear, firm and professional written communication (letters by stage)"),
            ("Sesi 3.3: strategi berjenjang, eskalasi, bunga keterlambatan, somasi",
             "Session 3.3: tiered strategy, escalation, late interest, formal demand (somasi)"),
        ],
        [
            ("Data: buku besar piutang contoh (sama untuk modul 1, 3, 4, 5). Jangan diubah.",
             "Data: the sample AR ledger (shared by modules 1, 3, 4, 5). Do not change it."),
            ("Segmentasi: pelajari rumus SUMIFS/COUNTIFS/SUMPRODUCT, lalu isi sel kuning.",
             "Segmentation: study the SUMIFS/COUNTIFS/SUMPRODUCT formulas, then fill the yellow "
             "cells."),
            ("Strategi: tentukan tahap penagihan tiap kasus (boleh dengan VLOOKUP).",
             "Strategy: find the collection stage of each case (VLOOKUP allowed)."),
            ("Daftar Tagih: pahami rumus prioritas dan hitung target minggu ini.",
             "Worklist: understand the priority formula and compute this week's target."),
            ("Bunga: hitung bunga keterlambatan (contoh buku teks dan Rupiah).",
             "Interest: compute late interest (textbook and Rupiah examples)."),
            ("Surat: pelajari contoh surat, hitung angka surat yang tidak dicetak, baca templat "
             "tiap tahap.",
             "Letters: study the worked letter, compute the numbers of the letters not printed, "
             "read each stage's template."),
            ("Skor di sel C6 naik setiap jawaban benar (✓).",
             "The score in C6 goes up with every correct answer (✓)."),
        ],
    )  # fmt: skip
    facts = core_facts(lang)
    refs = write_ledger(book, book.sheet("Data"))
    segmentation_sheet(book, refs, facts)
    strategy_sheet(book, facts)
    worklist_sheet(book, facts)
    interest_sheet(book, refs, facts)
    letters_sheet(book, facts)
    autofit_book(book)
    return book
