"""The hotel case's Targets sheet: the hotel's ratio targets."""

from __future__ import annotations

from dataclasses import dataclass

from xl_ar.workshop.book import Book, a1, sheet_ref
from xl_ar.workshop.case_hotel.context import DAY_BASIS, SHEETS
from xl_ar.workshop.case_hotel.metrics import METRICS
from xl_ar.workshop.hotel_data import HOTEL
from xl_ar.workshop.layout import paragraph, titled_sheet


@dataclass(frozen=True)
class TargetRefs:
    """Cells of the Targets sheet: one per metric key, and the day basis."""

    cells: dict[str, str]
    basis: str


def target_sheet(book: Book) -> TargetRefs:
    t = book.t
    sh = titled_sheet(
        book,
        SHEETS["target"],
        ("Target Manajemen Piutang", "Receivables Targets"),
        widths=[5, 40, 12, 10, 55],
    )
    sh.write("A2", HOTEL, "bold")
    header = [
        t(("No", "No")),
        t(("Rasio", "Ratio")),
        t(("Target", "Target")),
        t(("Arah", "Direction")),
        t(("Rumus", "Formula")),
    ]
    sh.row("A4", header, "header")
    styles = {"ratio": "ratio", "days": "days", "pct": "pct"}
    cells = {}
    for i, m in enumerate(METRICS):
        r = 4 + i
        sh.write((r, 0), i + 1, "int")
        sh.write((r, 1), t(m.label))
        sh.write((r, 2), m.target, styles[m.kind])
        sh.write((r, 3), "≥" if m.at_least else "≤", "bold")
        sh.write((r, 4), t(m.formula), "wrap")
        cells[m.key] = sheet_ref(sh.name, a1(r, 2, absolute=True))
    r = 5 + len(METRICS)
    sh.write((r, 1), t(("Dasar hari setahun (ACP)", "Days in the year (ACP)")), "bold")
    sh.write((r, 2), DAY_BASIS, "int")
    basis = sheet_ref(sh.name, a1(r, 2, absolute=True))
    notes = (
        (
            "Kebijakan hotel: termin korporat 30 hari + toleransi 10 hari → ACP ≤ 40 hari, "
            "setara RTO ≥ 360 ÷ 40 = 9 kali.",
            "Hotel policy: corporate terms 30 days + 10 days' tolerance → ACP ≤ 40 days, "
            "i.e. RTO ≥ 360 ÷ 40 = 9 times.",
        ),
        (
            "Dasar 360 hari seperti buku teks Indonesia (Kasmir, Sutrisno); teks gaya CFA "
            "memakai 365.",
            "A 360-day year as in Indonesian textbooks (Kasmir, Sutrisno); CFA-style texts "
            "use 365.",
        ),
        (
            "Rasio penagihan = kas tertagih dalam setahun ÷ total yang harus ditagih "
            "(piutang awal + penjualan kredit tahun itu).",
            "Collection ratio = cash collected in the year ÷ everything there was to collect "
            "(beginning AR + the year's credit sales).",
        ),
        (
            "Target tercapai jika nilai ≥ target (RTO, rasio penagihan) atau ≤ target (ACP, "
            "rasio tunggakan, rasio piutang tak tertagih).",
            "A target is met when the value is ≥ it (RTO, collection ratio) or ≤ it (ACP, "
            "arrears ratio, bad-debt ratio).",
        ),
    )
    for k, text in enumerate(notes):
        paragraph(sh, (r + 2 + k, 1), 4, t(text))
    return TargetRefs(cells=cells, basis=basis)
