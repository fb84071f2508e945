"""Case study: the receivables of a hotel over four years (2021–2024).

The trainee gets the invoice ledger of *Hotel Nusantara Permai, Yogyakarta* (invented; see
:mod:`xl_ar.workshop.hotel_data`), the hotel's own targets, and a worked annual summary built
with native SUMIFS formulas. From it they compute, for each year, the textbook ratios of
Indonesian financial-management books (Kasmir, Sutrisno): receivable turnover, average
collection period on a 360-day basis, arrears ratio, collection ratio and bad-debt ratio;
say whether each target is met; and answer a few analysis questions. A segment sheet works
out the 2024 figures per customer segment, whose ACP the trainee computes; the last sheet,
"Cek dengan xl-ar" / "Check with xl-ar", recomputes every ratio answer with the xl-ar
worksheet functions (``AR_RTO`` & co.) and is meant to be opened after finishing.

Every expected value and every answer comes from the core: balances at a date from
:func:`xl_ar.core.position.open_items.outstanding_at`, past-due balances from
:func:`xl_ar.core.position.open_items.open_items`, ratios from :mod:`xl_ar.core.metrics.ratios`.

Definitions used (stated on the sheets):

* credit sales of year *Y* = invoices dated in *Y*;
* beginning AR = AR at 31 December of *Y − 1*, ending AR = AR at 31 December of *Y*;
* collections = cash received in *Y* = ``Dibayar − Penghapusan`` of the rows paid in *Y*
  (a write-off clears the invoice on its write-off date but is not cash);
* past-due AR = the part of the ending AR whose due date is before 31 December;
* collection ratio = collections ÷ (beginning AR + credit sales);
* arrears and bad-debt ratios divide by the year's credit sales.

The package has one file per sheet (:mod:`.data_sheet`, :mod:`.targets`, :mod:`.summary`,
:mod:`.questions`, :mod:`.segments`, :mod:`.checks`), the ratios and targets in :mod:`.metrics`,
the core figures in :mod:`.figures` and the cover and sheet order in :mod:`.workbook`; this
module re-exports :func:`build` and the names the tests use.

Examples
--------
>>> book = build("en")
>>> [s.name for s in book.sheets][:4]
['Instructions', 'Data', 'Targets', 'Annual Summary']
>>> len(book.exercises) >= 25
True
"""

from __future__ import annotations

from xl_ar.workshop.case_hotel.context import DAY_BASIS, FOCUS_YEAR
from xl_ar.workshop.case_hotel.figures import (
    YearFigures,
    annual_figures,
    segment_figures,
    year_ratios,
)
from xl_ar.workshop.case_hotel.metrics import METRICS, Metric, meets
from xl_ar.workshop.case_hotel.workbook import build

__all__ = [
    "DAY_BASIS",
    "FOCUS_YEAR",
    "METRICS",
    "Metric",
    "YearFigures",
    "annual_figures",
    "build",
    "meets",
    "segment_figures",
    "year_ratios",
]
