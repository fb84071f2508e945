"""The hotel case's core figures: per-year and per-segment sales, balances and ratios."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pandas as pd

from xl_ar.core import (
    arrears_ratio,
    average_collection_period,
    bad_debt_ratio,
    collection_ratio,
    open_items,
    outstanding_at,
    receivable_turnover,
)
from xl_ar.workshop.book import pick
from xl_ar.workshop.case_hotel.context import DAY_BASIS, FOCUS_YEAR
from xl_ar.workshop.hotel_data import SEGMENTS, YEARS, extra, hotel_core


@dataclass(frozen=True)
class YearFigures:
    """The annual-summary figures of one year (Rupiah)."""

    sales: float
    beginning: float
    ending: float
    collected: float
    past_due: float
    written_off: float


def _year_end(year: int) -> pd.Timestamp:
    return pd.Timestamp(year=year, month=12, day=31)


def past_due_at(ledger: pd.DataFrame, as_of: pd.Timestamp) -> pd.Series:
    """Outstanding past-due amount (due date before ``as_of``) of every open item there."""
    items = open_items(ledger, as_of)
    return items.loc[items["days_past_due"] > 0, "outstanding"]


@cache
def annual_figures(lang: str = "id") -> dict[int, YearFigures]:
    """Credit sales, balances, collections, past-due AR and write-offs of every year.

    Computed with the core from the ledger as the ``lang`` sheet shows it.

    Examples
    --------
    >>> f = annual_figures()[2024]
    >>> f.beginning + f.sales - f.collected - f.written_off == f.ending
    True
    """
    led = hotel_core(lang)
    wo = extra(led, "written_off", lang)
    out = {}
    for year in YEARS:
        first, last = pd.Timestamp(year=year, month=1, day=1), _year_end(year)
        in_year = led["payment_date"].between(first, last)
        out[year] = YearFigures(
            sales=float(led.loc[led["invoice_date"].between(first, last), "amount"].sum()),
            beginning=float(outstanding_at(led, _year_end(year - 1)).sum()),
            ending=float(outstanding_at(led, last).sum()),
            collected=float((led["paid"] - wo)[in_year].sum()),
            past_due=float(past_due_at(led, last).sum()),
            written_off=float(wo[in_year].sum()),
        )
    return out


def year_ratios(f: YearFigures) -> dict[str, float]:
    """The five ratios of one year, computed by :mod:`xl_ar.core.metrics.ratios`."""
    return {
        "rto": receivable_turnover(f.sales, f.beginning, f.ending),
        "acp": average_collection_period(f.sales, f.beginning, f.ending, day_basis=DAY_BASIS),
        "arrears": arrears_ratio(f.past_due, f.sales),
        "collection": collection_ratio(f.collected, f.beginning + f.sales),
        "bad_debt": bad_debt_ratio(f.written_off, f.sales),
    }


@cache
def segment_figures(lang: str = "id", year: int = FOCUS_YEAR) -> dict[str, dict[str, float]]:
    """Per segment key: credit sales, beginning/ending AR, past-due AR and ACP of ``year``."""
    led = hotel_core(lang)
    seg = extra(led, "segment", lang)
    first, last = pd.Timestamp(year=year, month=1, day=1), _year_end(year)
    begin = outstanding_at(led, _year_end(year - 1))
    end = outstanding_at(led, last)
    due = past_due_at(led, last)
    out = {}
    for key, labels in SEGMENTS.items():
        mask = (seg == pick(labels, lang)).to_numpy()
        sales = float(led.loc[mask & led["invoice_date"].between(first, last), "amount"].sum())
        b, e = float(begin[mask].sum()), float(end[mask].sum())
        out[key] = {
            "sales": sales,
            "beginning": b,
            "ending": e,
            "past_due": float(due[seg.loc[due.index] == pick(labels, lang)].sum()),
            "acp": average_collection_period(sales, b, e, day_basis=DAY_BASIS),
        }
    return out
