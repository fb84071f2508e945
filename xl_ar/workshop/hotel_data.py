"""The hotel case study's data: four years of credit sales of a fictional Yogyakarta hotel.

*Hotel Nusantara Permai, Yogyakarta* (invented) sells rooms, MICE packages and banquets on
credit to corporate clients (terms 30 days), travel agents (14 or 21 days) and government
offices and event committees (30 days). The ledger runs from October 2020 (the opening
balance of 2021) to the data date 31 December 2024 and is a snapshot at that date: payments
after it are not shown, so those invoices are still open.

The story the numbers tell:

* 2021, the pandemic year (PPKM in July–August): few sales, slow payers, travel agents the
  slowest; the travel agent *CV Sekar Jagad Wisata* collapses and its invoices are written
  off on 30 November 2021;
* 2022 recovers, 2023 is the best year (prompt payments across segments);
* 2024 worsens: travel agents pay later; *PT Kraton Holiday Tour & Travel* pays none of its
  invoices from April 2024 on and gets no credit after September (its April–June invoices
  are written off on 20 December 2024, the July–September ones are still open and past
  due); one corporate invoice is disputed; two government invoices are half paid.

**How a write-off is recorded.** A written-off invoice leaves the receivable balance on its
write-off date: ``Dibayar`` equals ``Jumlah``, ``Tanggal Bayar`` is the write-off date and the
extra column ``Penghapusan`` (the write-off term of :mod:`xl_ar.workshop.terms`) holds the
amount written off (0 on every other invoice). Cash collected in a period is therefore
``Dibayar − Penghapusan`` of the rows whose ``Tanggal Bayar`` falls in it, and the
roll-forward ``beginning AR + credit sales − cash collected − written off = ending AR``
holds exactly. The core reads the first fifteen columns as usual
(:data:`xl_ar.workshop.data.LEDGER_COLUMNS`) and keeps the three extra ones (``Segmen``,
``Layanan``, ``Penghapusan``) under their headers.

Examples
--------
>>> led = hotel_ledger()
>>> len(led), sorted(led["Segmen"].unique())
(301, ['Korporat', 'Pemerintah', 'Travel Agent'])
>>> bool((led["Sisa"] == led["Jumlah"] - led["Dibayar"]).all())
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from xl_ar.workshop.book import pick
from xl_ar.workshop.data import AS_OF, LEDGER_COLUMNS
from xl_ar.workshop.terms import WRITE_OFF_SHORT

__all__ = [
    "CLIENTS",
    "EXTRA_COLUMNS",
    "HOTEL",
    "HOTEL_COLUMNS",
    "SEGMENTS",
    "SERVICES",
    "YEARS",
    "Client",
    "extra",
    "hotel_core",
    "hotel_frame",
    "hotel_ledger",
]

HOTEL = "Hotel Nusantara Permai, Yogyakarta"
"""The fictional hotel whose receivables the case study analyses."""

SEED = (
    717  # picked so the years tell the story above (see tests/workshop/test_workshop_case_hotel.py)
)
YEARS = (2021, 2022, 2023, 2024)
"""The years the trainee analyses (invoices start in October 2020: the opening balance)."""

SEGMENTS: dict[str, tuple[str, str]] = {
    "corporate": ("Korporat", "Corporate"),
    "travel": ("Travel Agent", "Travel Agent"),
    "government": ("Pemerintah", "Government"),
}
"""Customer segments: key → (Indonesian, English) label as written in the ``Segmen`` column."""

SERVICES: dict[str, tuple[str, str]] = {
    "room": ("Kamar", "Rooms"),
    "mice": ("MICE", "MICE"),
    "banquet": ("Banquet", "Banquet"),
}
"""What an invoice bills: rooms, a MICE package (meeting rooms, coffee breaks) or a banquet."""

# extra columns after the fifteen ledger columns: (key, Indonesian, English, style)
EXTRA_COLUMNS: tuple[tuple[str, str, str, str | None], ...] = (
    ("segment", "Segmen", "Segment", None),
    ("service", "Layanan", "Service", None),
    ("written_off", *WRITE_OFF_SHORT, "money"),
)
HOTEL_COLUMNS = LEDGER_COLUMNS + EXTRA_COLUMNS
"""Every column of the hotel ledger: key, Indonesian header, English header, sheet style."""

_SALES_MANAGER = {
    "corporate": "Rina Ayuningtyas",
    "travel": "Dimas Prakoso",
    "government": "Sri Handayani",
}


@dataclass(frozen=True)
class Client:
    """A credit customer of the hotel and its payment habit."""

    name: str
    segment: str  # key of SEGMENTS
    city: str
    terms: int  # days
    weight: float  # relative number of invoices
    habit: float  # usual days late (negative: pays early)
    active: tuple[str, str] = ("2020-10-01", "2024-12-31")  # first and last invoice date


CLIENTS: tuple[Client, ...] = (
    Client("PT Mataram Sarana Energi", "corporate", "Yogyakarta", 30, 1.2, 0.0),
    Client("PT Kencana Agro Lestari", "corporate", "Semarang", 30, 1.0, 4.0),
    Client("PT Bumi Perkasa Konstruksi", "corporate", "Jakarta", 30, 1.0, 9.0),
    Client("PT Sentosa Farma Nusantara", "corporate", "Surabaya", 30, 0.9, -3.0),
    Client("PT Cakra Telekomunikasi Mandiri", "corporate", "Jakarta", 30, 1.1, 2.0),
    Client("PT Merapi Beton Utama", "corporate", "Klaten", 30, 0.7, 10.0),
    Client("PT Samudra Logistik Prima", "corporate", "Surabaya", 30, 0.8, 3.0),
    Client("PT Gemilang Otomotif Jaya", "corporate", "Surakarta", 30, 0.7, 0.0, ("2023-01-01", "")),
    Client("PT Borobudur Cakrawala Tour & Travel", "travel", "Yogyakarta", 14, 1.3, 2.0),
    Client("PT Prambanan Kirana Tour & Travel", "travel", "Yogyakarta", 21, 1.0, 6.0),
    Client(
        "PT Kraton Holiday Tour & Travel",
        "travel",
        "Jakarta",
        21,
        1.6,
        7.0,
        ("2020-10-01", "2024-09-30"),
    ),
    Client("CV Sekar Jagad Wisata", "travel", "Bandung", 14, 2.5, 10.0, ("", "2021-03-31")),
    Client("Travel Agent Lintas Nusa Wisata", "travel", "Surabaya", 14, 0.7, 4.0),
    Client("PT Malioboro Trip Indonesia", "travel", "Yogyakarta", 21, 0.9, 5.0, ("2022-01-01", "")),
    Client("Balai Pelatihan Aparatur Wilayah Tengah", "government", "Yogyakarta", 30, 1.0, 14.0),
    Client("Dinas Pariwisata Kabupaten Sekarwangi", "government", "Jawa Tengah", 30, 0.8, 18.0),
    Client("Panitia Festival Budaya Sekarwangi", "government", "Jawa Tengah", 30, 0.5, 10.0),
)
"""The hotel's credit customers (all invented)."""

# invoices per year (2020: October–December only, the opening balance of 2021)
_INVOICES = {2020: 9, 2021: 46, 2022: 70, 2023: 84, 2024: 92}
# month weights: school holidays (June–July) and year-end peaks, quiet January–February
_MONTHS = np.array([0.7, 0.7, 0.9, 0.8, 1.0, 1.3, 1.4, 1.1, 1.0, 1.1, 1.1, 1.2])
_PANDEMIC_MONTHS = np.array([0.4, 0.4, 0.8, 0.9, 0.9, 0.7, 0.1, 0.1, 0.8, 1.2, 1.3, 1.6])
# segment weight multipliers per year: tourism collapsed in 2021
_SEGMENT_YEAR = {
    2020: {"corporate": 1.0, "travel": 0.6, "government": 1.2},
    2021: {"corporate": 1.0, "travel": 0.5, "government": 1.3},
    2022: {"corporate": 1.0, "travel": 0.9, "government": 1.0},
    2023: {"corporate": 1.0, "travel": 1.0, "government": 1.0},
    2024: {"corporate": 1.0, "travel": 1.0, "government": 1.0},
}
# extra days late per invoice year and segment: bad 2021, better 2022, best 2023, worse 2024
_YEAR_DELAY = {
    2020: {"corporate": 16.0, "travel": 30.0, "government": 22.0},
    2021: {"corporate": 16.0, "travel": 30.0, "government": 22.0},
    2022: {"corporate": 8.0, "travel": 10.0, "government": 12.0},
    2023: {"corporate": -1.0, "travel": 0.0, "government": 2.0},
    2024: {"corporate": 5.0, "travel": 20.0, "government": 8.0},
}
_SERVICE_MIX = {  # probabilities of room, mice, banquet
    "corporate": (0.50, 0.35, 0.15),
    "travel": (0.88, 0.0, 0.12),
    "government": (0.20, 0.65, 0.15),
}
_MEDIAN = {"room": 16_000_000.0, "mice": 60_000_000.0, "banquet": 32_000_000.0}
_MIN_AMOUNT, _MAX_AMOUNT = 3_000_000.0, 250_000_000.0

_COLLAPSED = "CV Sekar Jagad Wisata"
_COLLAPSE_WRITE_OFF = pd.Timestamp("2021-11-30")
_DEFAULTER = "PT Kraton Holiday Tour & Travel"
_DEFAULT_FROM = pd.Timestamp("2024-04-01")  # invoices from here on are never paid
_DEFAULT_WRITE_OFF = pd.Timestamp("2024-12-20")  # the April–June ones are written off then
_DEFAULT_WRITE_OFF_UNTIL = pd.Timestamp("2024-06-30")
_ANCHOR = (pd.Timestamp("2022-01-01"), pd.Timestamp("2022-06-30"))  # a disputed corporate invoice
_ANCHOR_WRITE_OFF = pd.Timestamp("2022-12-16")  # ... settled by writing it off
_ANCHOR_AMOUNT = 15_000_000.0  # the one whose amount is nearest this
_DISPUTED_AMOUNT = 40_000_000.0  # the disputed 2024 invoice: the one nearest this


def _workday(day: pd.Timestamp) -> pd.Timestamp:
    """Move a Saturday or Sunday to the next Monday (transfers arrive on working days)."""
    return day + pd.Timedelta(days=(7 - day.weekday()) % 7 if day.weekday() >= 5 else 0)


def _active(client: Client, day: pd.Timestamp) -> bool:
    first, last = client.active
    return (not first or day >= pd.Timestamp(first)) and (not last or day <= pd.Timestamp(last))


def _invoice_dates(rng: np.random.Generator) -> list[pd.Timestamp]:
    """Invoice dates of every year, seasonal by month, on working days, in date order."""
    dates = []
    for year, n in _INVOICES.items():
        weights = _PANDEMIC_MONTHS if year == 2021 else _MONTHS
        months = np.arange(1, 13)
        if year == 2020:
            weights, months = weights[9:], months[9:]
        month = rng.choice(months, size=n, p=weights / weights.sum())
        for m in month:
            first = pd.Timestamp(year=year, month=int(m), day=1)
            day = first + pd.Timedelta(days=int(rng.integers(0, first.days_in_month)))
            if day.weekday() == 6:  # no invoices on Sundays
                day -= pd.Timedelta(days=1)
            dates.append(day)
    return sorted(dates)


def _weight(client: Client, day: pd.Timestamp) -> float:
    if client.name.startswith("Panitia") and not 7 <= day.month <= 10:
        return 0.0  # the festival committee only books for its festival
    return client.weight * _SEGMENT_YEAR[day.year][client.segment]


def _pick_client(rng: np.random.Generator, day: pd.Timestamp) -> Client:
    active = [c for c in CLIENTS if _active(c, day)]
    w = np.array([_weight(c, day) for c in active])
    return active[int(rng.choice(len(active), p=w / w.sum()))]


def _amount(rng: np.random.Generator, service: str) -> float:
    value = _MEDIAN[service] * rng.lognormal(0.0, 0.4)
    return float(np.clip(round(value / 100.0) * 100.0, _MIN_AMOUNT, _MAX_AMOUNT))


def _payment_date(rng: np.random.Generator, client: Client, day: pd.Timestamp) -> pd.Timestamp:
    """When the invoice would be paid: due date + habit + the year's delay + noise."""
    due = day + pd.Timedelta(days=client.terms)
    late = client.habit + _YEAR_DELAY[day.year][client.segment] + rng.gamma(2.0, 5.0) - 8.0
    paid = due + pd.Timedelta(days=round(late))
    return _workday(max(paid, day + pd.Timedelta(days=3)))


def _draw(rng: np.random.Generator) -> pd.DataFrame:
    """The invoices as the hotel issued them, with the date each would be settled."""
    rows = []
    for day in _invoice_dates(rng):
        client = _pick_client(rng, day)
        mix = np.array(_SERVICE_MIX[client.segment])
        service = list(SERVICES)[int(rng.choice(3, p=mix))]
        if client.name.startswith("Panitia"):
            service = "mice" if rng.random() < 0.7 else "banquet"
        rows.append(
            {
                "client": client,
                "invoice_date": day,
                "service": service,
                "amount": _amount(rng, service),
                "settled": _payment_date(rng, client, day),
                "written_off": 0.0,
                "disputed": False,
            }
        )
    return pd.DataFrame(rows)


def _story(frame: pd.DataFrame) -> pd.DataFrame:
    """Write-offs, the 2024 defaulter and the disputed invoice (see the module docstring)."""
    name = frame["client"].map(lambda c: c.name)
    day = frame["invoice_date"]
    # 2021: the collapsed travel agent never pays; everything is written off on one date
    gone = name == _COLLAPSED
    frame.loc[gone, "settled"] = _COLLAPSE_WRITE_OFF
    frame.loc[gone, "written_off"] = frame.loc[gone, "amount"]
    # 2022: a disputed corporate room invoice of January–June is written off
    corp = frame["client"].map(lambda c: c.segment) == "corporate"
    cand = frame[corp & day.between(*_ANCHOR) & (frame["service"] == "room")]
    i = (cand["amount"] - _ANCHOR_AMOUNT).abs().idxmin()
    frame.loc[i, ["settled", "written_off"]] = [_ANCHOR_WRITE_OFF, frame.loc[i, "amount"]]
    # 2024: the defaulting travel agent
    bad = (name == _DEFAULTER) & (day >= _DEFAULT_FROM)
    frame.loc[bad, "settled"] = pd.NaT
    off = bad & (day <= _DEFAULT_WRITE_OFF_UNTIL)
    frame.loc[off, "settled"] = _DEFAULT_WRITE_OFF
    frame.loc[off, "written_off"] = frame.loc[off, "amount"]
    # 2024: a corporate invoice of October–November is disputed and unpaid
    late = frame[corp & day.between("2024-10-01", "2024-11-30")]
    j = (late["amount"] - _DISPUTED_AMOUNT).abs().idxmin()
    frame.loc[j, ["settled", "disputed"]] = [pd.NaT, True]
    return frame


def _partial(frame: pd.DataFrame) -> pd.Series:
    """Amounts paid on open government invoices: the first of two instalments (half)."""
    paid = pd.Series(0.0, index=frame.index)
    gov = frame["client"].map(lambda c: c.segment) == "government"
    still_open = frame["settled"].isna() | (frame["settled"] > AS_OF)
    cand = frame[gov & still_open & (frame["invoice_date"] <= AS_OF - pd.Timedelta(days=25))]
    for i in cand.index[-2:]:
        paid[i] = round(frame.loc[i, "amount"] / 2 / 100.0) * 100.0
    return paid


def _invoice_numbers(days: pd.Series) -> list[str]:
    out, seq = [], {}
    for d in days:
        seq[d.year] = seq.get(d.year, 0) + 1
        out.append(f"HNP/{d.year}/{d.month:02d}/{seq[d.year]:03d}")
    return out


def _references(frame: pd.DataFrame) -> list[str]:
    prefix = {"room": "RSV", "mice": "MICE", "banquet": "BQT"}
    out, seq = [], {}
    for d, svc in zip(frame["invoice_date"], frame["service"], strict=True):
        key = (d.year, svc)
        seq[key] = seq.get(key, 0) + 1
        out.append(f"{prefix[svc]}-{d:%y}{seq[key]:03d}")
    return out


def _assemble(frame: pd.DataFrame) -> pd.DataFrame:
    """The snapshot at :data:`AS_OF`, with the Indonesian headers of :data:`HOTEL_COLUMNS`."""
    settled = frame["settled"].where(frame["settled"] <= AS_OF)
    partial = _partial(frame)
    paid = np.where(settled.notna(), frame["amount"], partial)
    pay_date = settled.where(settled.notna(), _partial_dates(frame, partial))
    clients = frame["client"]
    out = pd.DataFrame(
        {
            "Pelanggan": clients.map(lambda c: c.name),
            "Wilayah": clients.map(lambda c: c.city),
            "Sales": clients.map(lambda c: _SALES_MANAGER[c.segment]),
            "No Faktur": _invoice_numbers(frame["invoice_date"]),
            "Jenis": "Faktur",
            "Tanggal Faktur": frame["invoice_date"],
            "Termin": clients.map(lambda c: c.terms).astype("int64"),
            "Jatuh Tempo": frame["invoice_date"]
            + pd.to_timedelta(clients.map(lambda c: c.terms), unit="D"),
            "Jumlah": frame["amount"].astype("float64"),
            "Dibayar": paid.astype("float64"),
            "Tanggal Bayar": pd.to_datetime(pay_date),
            "Sisa": (frame["amount"] - paid).astype("float64"),
            "Sengketa": np.where(frame["disputed"], "Ya", "Tidak"),
            "Mata Uang": "IDR",
            "Referensi": _references(frame),
            "Segmen": clients.map(lambda c: SEGMENTS[c.segment][0]),
            "Layanan": frame["service"].map(lambda s: SERVICES[s][0]),
            WRITE_OFF_SHORT[0]: frame["written_off"].where(settled.notna(), 0.0).astype("float64"),
        }
    )
    return out


def _partial_dates(frame: pd.DataFrame, partial: pd.Series) -> pd.Series:
    """Payment date of a first instalment: 20 days after the invoice, on a working day."""
    out = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    for i in partial.index[partial > 0]:
        out[i] = _workday(frame.loc[i, "invoice_date"] + pd.Timedelta(days=20))
    return out


@cache
def _ledger() -> pd.DataFrame:
    rng = np.random.default_rng(SEED)
    return _assemble(_story(_draw(rng)))


def hotel_ledger() -> pd.DataFrame:
    """The hotel's invoice ledger with Indonesian headers (a fresh copy).

    Returns
    -------
    pandas.DataFrame
        One row per invoice (``Jenis`` = ``Faktur``), columns as in :data:`HOTEL_COLUMNS`
        (Indonesian names), sorted by invoice date; ``Sisa`` is the balance at 31-12-2024.
    """
    return _ledger().copy()


def hotel_frame(lang: str) -> pd.DataFrame:
    """The hotel ledger with headers and labels in ``lang`` (``"id"`` or ``"en"``).

    Examples
    --------
    >>> hotel_frame("en").columns[-3:].tolist()
    ['Segment', 'Service', 'Write-off']
    """
    led = hotel_ledger()
    led.columns = [pick((c[1], c[2]), lang) for c in HOTEL_COLUMNS]
    if lang == "en":
        values = {
            "Invoice": {"Faktur": "Invoice"},
            "Disputed": {"Ya": "Yes", "Tidak": "No"},
            "Segment": {v[0]: v[1] for v in SEGMENTS.values()},
            "Service": {v[0]: v[1] for v in SERVICES.values()},
        }
        values["Type"] = values.pop("Invoice")
        for col, mapping in values.items():
            led[col] = led[col].map(lambda v, m=mapping: m.get(v, v))
    return led


def hotel_core(lang: str = "id") -> pd.DataFrame:
    """The hotel ledger as the core reads it (canonical columns plus the three extra ones).

    The extra columns keep their ``lang`` headers; use :func:`extra` to read them by key.

    Examples
    --------
    >>> led = hotel_core("en")
    >>> float(led["balance"].sum()) == float(hotel_ledger()["Sisa"].sum())
    True
    """
    from xl_ar.core import read_ledger

    return read_ledger(hotel_frame(lang))


def extra(ledger: pd.DataFrame, key: str, lang: str) -> pd.Series:
    """An extra column (``"segment"``, ``"service"``, ``"written_off"``) of :func:`hotel_core`."""
    header = next(pick((c[1], c[2]), lang) for c in EXTRA_COLUMNS if c[0] == key)
    return ledger[header]
