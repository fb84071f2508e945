"""Workshop module 5: technology, data and automation — AR metrics and Excel automation.

Syllabus Modul 5 (sessions 5.2 and 5.3): key metrics (DSO in three flavours, best possible
DSO, average days delinquent, CEI, receivable turnover and collection period, arrears,
collection and bad-debt ratios), their monthly trend, reconciliation of bank receipts with
VLOOKUP / INDEX-MATCH (and XLOOKUP for Excel 365), a PivotTable-ready open-items table and
aging automated with date functions.

Sheets (Indonesian / English names):

1. ``Petunjuk`` / ``Instructions`` — cover, objectives, steps, score;
2. ``Data`` — the shared workshop ledger;
3. ``Bulanan`` / ``Monthly`` — per month of 2024: credit sales, collections, beginning and
   ending AR, current and past-due AR, all native SUMIFS formulas on the ledger, and from
   April (:data:`SERIES_FROM`: the ledger starts in January, so earlier balances lack the
   2023 invoices) DSO, BPDSO, ADD and CEI (expected values from
   :func:`xl_ar.core.metrics.kpi_series.kpi_series`);
4. ``Metrik`` / ``Metrics`` — the metrics of Q4 2024 side by side: native formula, the
   ``AR_*`` function and their difference (expected values from :mod:`xl_ar.core.metrics.dso` and
   :mod:`xl_ar.core.metrics.ratios`); the bad-debt ratio divides a given journal write-off
   (:data:`Q4_WRITE_OFF`) by the Q4 credit sales;
5. ``Latihan Metrik`` / ``Metrics Practice`` — the golden textbook examples and questions
   on the ledger;
6. ``Rekonsiliasi`` / ``Reconciliation`` — a bank statement of January 2025 matched to the
   open invoices with VLOOKUP and INDEX/MATCH (cross-checked with
   :func:`xl_ar.core.cash_application.reconcile.reconcile`);
7. ``Rekon XLOOKUP (Excel 365)`` / ``Recon XLOOKUP (Excel 365)`` — the same with XLOOKUP;
8. ``Tabel Pivot`` / ``Pivot Table`` — the open items at 31 Dec 2024 as an Excel table
   (``tblPiutang``) with days past due and bucket by date formulas, and pivot questions.

The package has one file per sheet (:mod:`.monthly`, :mod:`.metrics`, :mod:`.practice`,
:mod:`.reconciliation`, :mod:`.pivot`), the core facts in :mod:`.figures`, shared constants in
:mod:`.context` and the cover and sheet order in :mod:`.workbook`; this module re-exports
:func:`build` and the names the tests use.

Examples
--------
>>> book = build("en")
>>> [s.name for s in book.sheets][:4]
['Instructions', 'Data', 'Monthly', 'Metrics']
>>> len(book.exercises) >= 20
True
"""

from __future__ import annotations

from xl_ar.workshop.module_5.context import Q4_WRITE_OFF, SERIES_FROM
from xl_ar.workshop.module_5.figures import metrics_q4, monthly_kpis, open_items_table, receipts
from xl_ar.workshop.module_5.pivot import PIVOT_REGIONS
from xl_ar.workshop.module_5.workbook import book_title, build

__all__ = [
    "PIVOT_REGIONS",
    "Q4_WRITE_OFF",
    "SERIES_FROM",
    "book_title",
    "build",
    "metrics_q4",
    "monthly_kpis",
    "open_items_table",
    "receipts",
]
