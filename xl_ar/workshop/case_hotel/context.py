"""The hotel case's shared constants: sheet names, the day basis, the focus year, hints."""

from __future__ import annotations

from xl_ar.workshop.hotel_data import YEARS
from xl_ar.workshop.terms import CHECK_SHEET

DAY_BASIS = 360
"""Days in a year for the average collection period (Kasmir, Sutrisno)."""

FOCUS_YEAR = YEARS[-1]
"""The year of the segment analysis (2024)."""

SHEETS = {
    "data": ("Data", "Data"),
    "target": ("Target", "Targets"),
    "summary": ("Ringkasan Tahunan", "Annual Summary"),
    "questions": ("Pertanyaan", "Questions"),
    "segments": ("Analisis Segmen", "Segment Analysis"),
    "check": CHECK_SHEET,
}
