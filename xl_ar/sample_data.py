"""A deterministic, realistic sample ledger of an Indonesian distributor.

The ledger belongs to a fictitious FMCG and building-materials distributor,
``PT Sinar Niaga Distribusi``. It is a *snapshot* at the data date (:data:`SAMPLE_AS_OF`,
the last day of the last generated month): payments dated after that day are not shown, so an
invoice paid later appears unpaid. The same seed always gives the same frame: everything is
drawn from one :func:`numpy.random.default_rng` stream in a fixed order, nothing depends on
today's date or on dict/set ordering.

What is in it (defaults: 60 customers, 2,000 invoices, 24 months from January 2023):

* customers with generated, unique Indonesian names (``PT``, ``CV``, ``UD``, ``Toko`` ...), a
  region (Jakarta, Surabaya, Bandung ...) and the salesperson of that region;
* customer-specific payment terms of 14, 30, 45 or 60 days;
* invoice dates with seasonality: a peak in the weeks before Lebaran (Idul Fitri), a dip just
  after it, a year-end peak, a slow January/February and a slight growth trend; no Sundays;
* log-normal Rupiah amounts rounded to Rp 100, between Rp 500 thousand and Rp 250 million,
  larger for ``PT`` customers than for ``Toko``;
* payment behaviour per customer: most pay around the due date, some early, some a little
  late, and about 10 % (6 customers) are chronic late payers who pay 30-120 days late;
* about 8 % of invoices are paid in two instalments: the snapshot shows them partly paid
  while the second instalment is still to come (and about 15 % of those never get it);
* a handful (0.4 %) of invoices older than six months are never paid (future bad debts),
  chosen mostly among the chronic late payers;
* about 2 % credit notes (``Nota Kredit``: returns and discounts) with negative amounts of at
  most 30 % of the invoice they refer to, which they name in ``Referensi`` (an earlier,
  undisputed invoice of the same customer);
* about 0.75 % disputed invoices (``Sengketa = "Ya"``), all from the last nine months and all
  still open: payment is withheld, or only the undisputed part is paid.

Credit notes are **applied** to their invoice 3-45 days after their own date (the AR team
settles returns and discounts within weeks; never on a Sunday). The applied amount is negative
paid on the credit note and positive paid on the invoice it refers to, the convention of the
engine: an applied credit note has ``Dibayar`` equal to its (negative) ``Jumlah``, the
application date as ``Tanggal Bayar`` and ``Sisa`` 0; its invoice's ``Dibayar`` includes the
credit, its ``Tanggal Bayar`` is the later of the cash payment and the application, and the
customer pays in cash only the net amount (an invoice paid in full is paid exactly in full,
never overpaid). Only the few credit notes of the last weeks, whose application date is after
the data date, are still open (``Dibayar`` 0, no ``Tanggal Bayar``, ``Sisa`` = ``Jumlah``):
negative open items that reduce the customer's balance. A credit note's ``Termin`` is 0 (a
credit is available at once), so its ``Jatuh Tempo`` equals its ``Tanggal Faktur``.

Examples
--------
>>> df = make_sample_ledger()
>>> list(df.columns[:4])
['Pelanggan', 'Wilayah', 'Sales', 'No Faktur']
>>> df["Tanggal Faktur"].max() <= SAMPLE_AS_OF
True
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

__all__ = [
    "ACTIVITY_COLUMNS",
    "COMPANY",
    "DISPUTE_COLUMNS",
    "LEDGER_COLUMNS",
    "MASTER_COLUMNS",
    "PAYMENT_COLUMNS",
    "SAMPLE_AS_OF",
    "SAMPLE_SETTINGS",
    "make_sample_activity",
    "make_sample_bank_statement",
    "make_sample_disputes",
    "make_sample_ledger",
    "make_sample_master",
    "make_sample_payments",
    "sample_as_of",
    "write_sample_ledger",
]

COMPANY = "PT Sinar Niaga Distribusi"
"""The fictitious distributor whose receivables the sample ledger holds."""

LEDGER_COLUMNS = (
    "Pelanggan",
    "Wilayah",
    "Sales",
    "No Faktur",
    "Jenis",
    "Tanggal Faktur",
    "Termin",
    "Jatuh Tempo",
    "Jumlah",
    "Dibayar",
    "Tanggal Bayar",
    "Sisa",
    "Sengketa",
    "Mata Uang",
    "Referensi",
)
"""Headers of the sample ledger, in order."""

INVOICE = "Faktur"
CREDIT_NOTE = "Nota Kredit"
YES, NO = "Ya", "Tidak"
CURRENCY = "IDR"

TERMS = np.array([14, 30, 45, 60])
TERMS_P = np.array([0.15, 0.45, 0.25, 0.15])

# (region, share of customers, salespeople covering it)
REGIONS: tuple[tuple[str, float, tuple[str, ...]], ...] = (
    ("Jakarta", 0.26, ("Budi Santoso", "Rina Kusumawati")),
    ("Surabaya", 0.16, ("Agus Setiawan", "Lina Wijayanti")),
    ("Bandung", 0.12, ("Dewi Lestari",)),
    ("Semarang", 0.10, ("Hendra Gunawan",)),
    ("Medan", 0.10, ("Rudi Siregar",)),
    ("Makassar", 0.08, ("Andi Pratama",)),
    ("Palembang", 0.07, ("Siti Rahmawati",)),
    ("Denpasar", 0.06, ("Made Suarsana",)),
    ("Balikpapan", 0.05, ("Yusuf Hidayat",)),
)

# legal form, share of customers, median invoice amount (Rupiah)
LEGAL_FORMS: tuple[tuple[str, float, float], ...] = (
    ("PT", 0.40, 28_000_000.0),
    ("CV", 0.25, 14_000_000.0),
    ("UD", 0.20, 7_000_000.0),
    ("Toko", 0.15, 3_500_000.0),
)

NAME_FIRST = (
    "Abadi", "Agung", "Anugerah", "Berkah", "Bintang", "Cahaya", "Duta", "Gemilang",
    "Harapan", "Indah", "Karya", "Maju", "Makmur", "Mega", "Mitra", "Mulia", "Prima",
    "Putra", "Sinar", "Sumber",
)  # fmt: skip
NAME_SECOND = (
    "Abadi", "Agung", "Bangunan", "Baru", "Bersama", "Jaya", "Kencana", "Lestari",
    "Makmur", "Mandiri", "Perkasa", "Rejeki", "Sakti", "Santosa", "Sejahtera", "Sentosa",
    "Teknik", "Utama",
)  # fmt: skip

# Idul Fitri (1 Syawal) as observed in Indonesia; Ramadan is the 30 days before it.
LEBARAN = pd.to_datetime(
    [
        "2018-06-15", "2019-06-05", "2020-05-24", "2021-05-13", "2022-05-02", "2023-04-22",
        "2024-04-10", "2025-03-31", "2026-03-20", "2027-03-10", "2028-02-27", "2029-02-15",
        "2030-02-05",
    ]
).values.astype("datetime64[D]")  # fmt: skip

# calendar-month factor: slow after New Year, year-end stocking in November/December
MONTH_FACTOR = np.array([0.85, 0.85, 0.95, 1.0, 0.95, 0.95, 1.0, 1.0, 1.0, 1.05, 1.15, 1.3])
RAMADAN_BOOST = 0.6  # extra demand over the 30 days before Lebaran
LEBARAN_DIP = 0.3  # lost demand over the 14 days from Lebaran on

# payment profiles and their share of customers (chronic late payers take the rest first)
CHRONIC_SHARE, EARLY_SHARE, MILD_SHARE = 0.10, 0.15, 0.20
PUNCTUAL, EARLY, MILD, CHRONIC = 0, 1, 2, 3

PARTIAL_SHARE = 0.08  # invoices paid in two instalments
STUCK_SHARE = 0.15  # of those, the second instalment never comes
NEVER_PAID_SHARE = 0.004
CREDIT_NOTE_SHARE = 0.02
CREDIT_NOTE_MAX_SHARE = 0.30  # a credit note is at most this share of its invoice
APPLY_DAYS = (3, 45)  # a credit note is applied to its invoice this many days after its date
DISPUTE_SHARE = 0.0075

MIN_AMOUNT, MAX_AMOUNT = 500_000.0, 250_000_000.0


def sample_as_of(start: str | pd.Timestamp = "2023-01-01", months: int = 24) -> pd.Timestamp:
    """Return the data date of a sample ledger: the last day of its last month.

    Parameters
    ----------
    start : str or pandas.Timestamp
        First day of the ledger; its month is the first month.
    months : int
        Number of calendar months covered.

    Returns
    -------
    pandas.Timestamp
        Midnight of the last day of month number ``months``.

    Examples
    --------
    >>> sample_as_of("2023-01-01", 24)
    Timestamp('2024-12-31 00:00:00')
    >>> sample_as_of("2024-03-15", 1)
    Timestamp('2024-03-31 00:00:00')
    """
    if months < 1:
        raise ValueError(f"months must be at least 1, got {months}")
    last = pd.Period(pd.Timestamp(start), freq="M") + (months - 1)
    return last.end_time.normalize().as_unit("ns")


SAMPLE_AS_OF: pd.Timestamp = sample_as_of()
"""Data date of the default sample ledger (2024-12-31)."""


def make_sample_ledger(
    seed: int = 2024,
    *,
    start: str | pd.Timestamp = "2023-01-01",
    months: int = 24,
    n_customers: int = 60,
    n_invoices: int = 2000,
) -> pd.DataFrame:
    """Generate the sample receivables ledger of ``PT Sinar Niaga Distribusi``.

    Parameters
    ----------
    seed : int
        Seed of :func:`numpy.random.default_rng`; the same seed gives the same frame.
    start : str or pandas.Timestamp
        First possible invoice date.
    months : int
        Number of calendar months covered; the data date is :func:`sample_as_of`.
    n_customers : int
        Number of customers (at most ``len(NAME_FIRST) * len(NAME_SECOND)`` minus repeats).
    n_invoices : int
        Number of invoices (``Faktur``). Credit notes (about 2 % of that) come on top.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`LEDGER_COLUMNS`, sorted by ``Tanggal Faktur`` then ``No Faktur``, with a
        fresh RangeIndex. Dates are ``datetime64[ns]``, amounts ``float64`` in Rupiah,
        ``Termin`` ``int64``.

    Examples
    --------
    >>> df = make_sample_ledger(7, months=12, n_customers=20, n_invoices=400)
    >>> df["Pelanggan"].nunique(), int((df["Jenis"] == "Faktur").sum())
    (20, 400)
    >>> bool((df["Sisa"] == df["Jumlah"] - df["Dibayar"]).all())
    True
    """
    if n_customers < 1 or n_invoices < n_customers:
        raise ValueError(
            f"need 1 <= n_customers <= n_invoices, got {n_customers} customers "
            f"and {n_invoices} invoices"
        )
    rng = np.random.default_rng(seed)
    first = pd.Timestamp(start).normalize()
    as_of = sample_as_of(first, months)
    customers = _customers(rng, n_customers)
    inv = _invoices(rng, customers, n_invoices, first, months)
    special = _special_invoices(rng, inv, customers, as_of)
    _settle(rng, inv, customers, special, as_of)
    credit = _credit_notes(rng, inv, special["credit_refs"], as_of)
    _apply_credit_notes(inv, credit)
    return _assemble(rng, inv, credit, customers)


def write_sample_ledger(df: pd.DataFrame, path: str | Path) -> Path:
    """Write a sample ledger to ``.xlsx`` (sheet ``Ledger``) or ``.csv``, chosen by suffix.

    The workbook has real dates (``dd/mm/yyyy``), real numbers (``#,##0``), a bold frozen
    header row with an autofilter and fitted column widths; strings are always written as
    text (a customer called ``=1+1`` stays text). The CSV is UTF-8 with ISO dates and plain
    numbers, empty where a value is missing.

    Parameters
    ----------
    df : pandas.DataFrame
        A frame shaped like :func:`make_sample_ledger`'s (any columns work).
    path : str or pathlib.Path
        Target file; its suffix (``.xlsx`` or ``.csv``) picks the format.

    Returns
    -------
    pathlib.Path
        The path written.

    Examples
    --------
    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "ledger.csv"
    >>> write_sample_ledger(make_sample_ledger(n_customers=5, n_invoices=50), out).name
    'ledger.csv'
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        df.to_csv(path, index=False, encoding="utf-8", date_format="%Y-%m-%d", float_format="%.15g")
    elif suffix == ".xlsx":
        _write_xlsx(df, path)
    else:
        raise ValueError(f"cannot write a ledger as {path.suffix!r}: use .xlsx or .csv")
    return path


# --------------------------------------------------------------------------- customers


def _customer_names(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Draw ``n`` unique names; return (names, index of the legal form in LEGAL_FORMS)."""
    pairs = [(a, b) for a in NAME_FIRST for b in NAME_SECOND if a != b]
    if n > len(pairs):
        raise ValueError(f"at most {len(pairs)} distinct customer names, asked for {n}")
    chosen = rng.choice(len(pairs), size=n, replace=False)
    form_p = np.array([p for _, p, _ in LEGAL_FORMS])
    forms = rng.choice(len(LEGAL_FORMS), size=n, p=form_p / form_p.sum())
    names = np.array(
        [
            f"{LEGAL_FORMS[f][0]} {pairs[i][0]} {pairs[i][1]}"
            for i, f in zip(chosen, forms, strict=True)
        ]
    )
    return names, forms


def _customers(rng: np.random.Generator, n: int) -> pd.DataFrame:
    """One row per customer: name, region, salesperson, terms, payment profile, size."""
    names, forms = _customer_names(rng, n)
    region_p = np.array([p for _, p, _ in REGIONS])
    region = rng.choice(len(REGIONS), size=n, p=region_p / region_p.sum())
    pick = rng.random(n)
    sales = [REGIONS[r][2][int(u * len(REGIONS[r][2]))] for r, u in zip(region, pick, strict=True)]
    terms = rng.choice(TERMS, size=n, p=TERMS_P)
    median = np.array([LEGAL_FORMS[f][2] for f in forms])
    return pd.DataFrame(
        {
            "name": names,
            "region": [REGIONS[r][0] for r in region],
            "sales": sales,
            "terms": terms.astype(np.int64),
            "profile": _profiles(rng, n),
            "scale": median * rng.lognormal(0.0, 0.45, size=n),
            "activity": rng.lognormal(0.0, 0.7, size=n),
        }
    )


def _profiles(rng: np.random.Generator, n: int) -> np.ndarray:
    """Payment profile per customer: exact counts of chronic/early/mild payers, rest punctual."""
    n_chronic = max(1, round(n * CHRONIC_SHARE))
    n_early = round(n * EARLY_SHARE)
    n_mild = round(n * MILD_SHARE)
    ordered = np.full(n, PUNCTUAL)
    ordered[:n_chronic] = CHRONIC
    ordered[n_chronic : n_chronic + n_early] = EARLY
    ordered[n_chronic + n_early : n_chronic + n_early + n_mild] = MILD
    return ordered[rng.permutation(n)]


# --------------------------------------------------------------------------- invoices


def _month_weights(month_starts: np.ndarray) -> np.ndarray:
    """Relative invoicing volume of each month (seasonality, Lebaran, trend), summing to 1.

    ``month_starts`` is ``datetime64[D]`` of the first day of each month.
    """
    month_ends = (month_starts.astype("datetime64[M]") + 1).astype("datetime64[D]")
    calendar = month_starts.astype("datetime64[M]").astype(int) % 12
    weight = MONTH_FACTOR[calendar].copy()
    for lebaran in LEBARAN:  # 13 dates: vectorised over months
        weight += RAMADAN_BOOST * _overlap(month_starts, month_ends, lebaran - 30, lebaran) / 30
        weight -= LEBARAN_DIP * _overlap(month_starts, month_ends, lebaran, lebaran + 14) / 14
    weight *= 1.0 + 0.01 * np.arange(len(month_starts))
    return weight / weight.sum()


def _overlap(a0: np.ndarray, a1: np.ndarray, b0: np.datetime64, b1: np.datetime64) -> np.ndarray:
    """Days shared by the half-open intervals ``[a0, a1)`` and ``[b0, b1)``."""
    days = (np.minimum(a1, b1) - np.maximum(a0, b0)).astype(int)
    return np.clip(days, 0, None)


def _invoice_dates(
    rng: np.random.Generator, n: int, first: pd.Timestamp, months: int
) -> np.ndarray:
    """Draw ``n`` seasonal invoice dates (``datetime64[D]``), none on a Sunday if avoidable."""
    first_d = np.datetime64(first.date(), "D")
    month_starts = np.arange(months) + first_d.astype("datetime64[M]")
    lengths = (month_starts + 1).astype("datetime64[D]") - month_starts.astype("datetime64[D]")
    lengths = lengths.astype(int)
    month = rng.choice(months, size=n, p=_month_weights(month_starts.astype("datetime64[D]")))
    begin = month_starts[month].astype("datetime64[D]")
    dates = begin + np.floor(rng.random(n) * lengths[month]).astype(int)
    return np.maximum(_avoid_sunday(dates, begin + (lengths[month] - 1)), first_d)


def _avoid_sunday(dates: np.ndarray, last: np.ndarray | np.datetime64) -> np.ndarray:
    """Move Sundays to the Monday after, or to the Saturday before when Monday is past ``last``.

    Examples
    --------
    >>> d = np.array(["2024-12-29", "2024-12-30"], dtype="datetime64[D]")  # Sunday, Monday
    >>> _avoid_sunday(d, np.datetime64("2024-12-31")).tolist()
    [datetime.date(2024, 12, 30), datetime.date(2024, 12, 30)]
    """
    dates = dates.astype("datetime64[D]")
    sunday = dates.astype(np.int64) % 7 == 3  # 1970-01-01 was a Thursday
    return np.where(sunday, np.where(dates + 1 <= last, dates + 1, dates - 1), dates)


def _invoices(
    rng: np.random.Generator,
    customers: pd.DataFrame,
    n_invoices: int,
    first: pd.Timestamp,
    months: int,
) -> pd.DataFrame:
    """Invoices with customer, date, terms, due date and amount (payments come later)."""
    n_cust = len(customers)
    base = min(3, n_invoices // n_cust)
    activity = customers["activity"].to_numpy()
    counts = base + rng.multinomial(n_invoices - base * n_cust, activity / activity.sum())
    cust = np.repeat(np.arange(n_cust), counts)
    date = _invoice_dates(rng, n_invoices, first, months)
    terms = customers["terms"].to_numpy()[cust]
    raw = customers["scale"].to_numpy()[cust] * rng.lognormal(0.0, 0.6, size=n_invoices)
    amount = np.round(np.clip(raw, MIN_AMOUNT, MAX_AMOUNT) / 100.0) * 100.0
    return pd.DataFrame(
        {
            "cust": cust,
            "date": date,
            "terms": terms,
            "due": date + terms.astype("timedelta64[D]"),
            "amount": amount,
        }
    )


def _special_invoices(
    rng: np.random.Generator, inv: pd.DataFrame, customers: pd.DataFrame, as_of: pd.Timestamp
) -> dict[str, np.ndarray]:
    """Pick never-paid, disputed, partly paid and credited invoices (row positions)."""
    n = len(inv)
    as_of_d = np.datetime64(as_of.date(), "D")
    date = inv["date"].to_numpy()
    chronic = customers["profile"].to_numpy()[inv["cust"].to_numpy()] == CHRONIC
    taken = np.zeros(n, dtype=bool)

    old = np.flatnonzero(date <= as_of_d - 180)
    weight = np.where(chronic[old], 4.0, 1.0)
    never = _pick(rng, old, round(n * NEVER_PAID_SHARE), weight)
    taken[never] = True

    recent = (date >= as_of_d - 270) & (date <= as_of_d - 20)
    disputed = _pick(rng, np.flatnonzero(recent & ~taken), round(n * DISPUTE_SHARE))
    taken[disputed] = True

    partial = _pick(rng, np.flatnonzero(~taken), round(n * PARTIAL_SHARE))
    # a credit on a disputed invoice would settle the dispute: those stay open, uncredited
    creditable = (date <= as_of_d - 7) & ~np.isin(np.arange(n), disputed)
    credit_refs = _pick(rng, np.flatnonzero(creditable), round(n * CREDIT_NOTE_SHARE))
    return {"never": never, "disputed": disputed, "partial": partial, "credit_refs": credit_refs}


def _pick(
    rng: np.random.Generator, pool: np.ndarray, k: int, weight: np.ndarray | None = None
) -> np.ndarray:
    """Up to ``k`` distinct elements of ``pool`` (sorted), optionally weighted."""
    k = min(k, len(pool))
    if k == 0:
        return np.array([], dtype=np.int64)
    p = None if weight is None else weight / weight.sum()
    return np.sort(rng.choice(pool, size=k, replace=False, p=p))


# --------------------------------------------------------------------------- payments


def _payment_delays(rng: np.random.Generator, profile: np.ndarray, terms: np.ndarray) -> np.ndarray:
    """Days between due date and payment for each invoice, by its customer's profile."""
    n = len(profile)
    u, z = rng.random(n), rng.normal(size=n)
    early = -np.round(terms * (0.2 + 0.5 * u))
    punctual = np.round(1.0 + 5.0 * z)
    mild = np.round(10.0 + 8.0 * z)
    chronic = np.round(30.0 + 90.0 * u)
    choices = [profile == EARLY, profile == MILD, profile == CHRONIC]
    return np.select(choices, [early, mild, chronic], default=punctual).astype(int)


def _settle(
    rng: np.random.Generator,
    inv: pd.DataFrame,
    customers: pd.DataFrame,
    special: dict[str, np.ndarray],
    as_of: pd.Timestamp,
) -> None:
    """Add ``paid``, ``pay_date`` and ``disputed`` to ``inv`` as seen at ``as_of``."""
    n = len(inv)
    as_of_d = np.datetime64(as_of.date(), "D")
    date, amount = inv["date"].to_numpy(), inv["amount"].to_numpy()
    profile = customers["profile"].to_numpy()[inv["cust"].to_numpy()]
    delay = _payment_delays(rng, profile, inv["terms"].to_numpy())
    pay1 = np.maximum(date, inv["due"].to_numpy() + delay.astype("timedelta64[D]"))
    first_part = np.round(amount * rng.uniform(0.2, 0.8, size=n) / 1000.0) * 1000.0
    pay2 = pay1 + rng.integers(14, 121, size=n).astype("timedelta64[D]")
    stuck = rng.random(n) < STUCK_SHARE
    withheld = rng.random(n) < 2.0 / 3.0  # disputed: nothing paid (else undisputed part)

    kind = np.zeros(n, dtype=int)  # 0 full, 1 instalments, 2 never, 3 disputed
    kind[special["partial"]] = 1
    kind[special["never"]] = 2
    kind[special["disputed"]] = 3
    full = np.where(kind == 0, pay1, pay2)
    full_ok = ((kind == 0) | ((kind == 1) & ~stuck)) & (full <= as_of_d)
    part_ok = ~full_ok & ((kind == 1) | ((kind == 3) & ~withheld)) & (pay1 <= as_of_d)

    paid = np.where(full_ok, amount, np.where(part_ok, first_part, 0.0))
    nat = np.datetime64("NaT", "D")
    inv["paid"] = paid
    inv["pay_date"] = np.where(full_ok, full, np.where(part_ok, pay1, nat))
    inv["disputed"] = kind == 3


def _credit_notes(
    rng: np.random.Generator, inv: pd.DataFrame, refs: np.ndarray, as_of: pd.Timestamp
) -> pd.DataFrame:
    """Credit notes (returns, discounts) on the invoices at positions ``refs``, as at ``as_of``.

    Each is dated 3-45 days after its invoice (at the latest ``as_of``), is worth 2-25 % of it
    (at most :data:`CREDIT_NOTE_MAX_SHARE`, at least Rp 100) and is applied 3-45 days after
    its own date: ``paid`` is its (negative) amount and ``pay_date`` the application date if
    that is on or before ``as_of``, else 0 and NaT (still open). ``refs`` must be distinct.
    """
    as_of_d = np.datetime64(as_of.date(), "D")
    k = len(refs)
    lag = rng.integers(3, 46, size=k).astype("timedelta64[D]")
    share = np.minimum(rng.uniform(0.02, 0.25, size=k), CREDIT_NOTE_MAX_SHARE)
    lo, hi = APPLY_DAYS
    apply_lag = rng.integers(lo, hi + 1, size=k).astype("timedelta64[D]")
    amount = inv["amount"].to_numpy()[refs]
    credit = np.maximum(np.floor(amount * share / 100.0) * 100.0, 100.0)
    date = _avoid_sunday(np.minimum(inv["date"].to_numpy()[refs] + lag, as_of_d), as_of_d)
    applied_on = _avoid_sunday(date + apply_lag, date + np.timedelta64(hi, "D"))
    applied = applied_on <= as_of_d
    return pd.DataFrame(
        {
            "cust": inv["cust"].to_numpy()[refs],
            "date": date,
            "amount": -credit,
            "ref": refs,
            "paid": np.where(applied, -credit, 0.0),
            "pay_date": np.where(applied, applied_on, np.datetime64("NaT", "D")),
        }
    )


def _apply_credit_notes(inv: pd.DataFrame, credit: pd.DataFrame) -> None:
    """Apply the applied credit notes to their invoices in ``inv`` (in place).

    The invoice's ``paid`` becomes cash + credit, where the cash part is cut to the net amount
    ``amount − credit`` when it was more (an invoice paid in full stays exactly paid in full);
    its ``pay_date`` becomes the later of the cash payment (if any) and the application.
    """
    applied = credit["paid"].to_numpy() != 0
    ref = credit["ref"].to_numpy()[applied]
    value = -credit["amount"].to_numpy()[applied]
    applied_on = credit["pay_date"].to_numpy()[applied]
    amount = inv["amount"].to_numpy()
    paid = inv["paid"].to_numpy().copy()
    pay_date = inv["pay_date"].to_numpy().astype("datetime64[D]")
    cash = np.minimum(paid[ref], amount[ref] - value)
    paid[ref] = cash + value
    before = pay_date[ref]
    pay_date[ref] = np.where(np.isnat(before) | (before < applied_on), applied_on, before)
    inv["paid"] = paid
    inv["pay_date"] = pay_date


# --------------------------------------------------------------------------- assembly


def _numbers(rng: np.random.Generator, dates: np.ndarray, prefix: str) -> np.ndarray:
    """Document numbers ``PREFIX/YYYY/MM/NNNN``, numbered per month in date order."""
    if len(dates) == 0:
        return np.array([], dtype=object)
    ts = pd.DatetimeIndex(dates.astype("datetime64[ns]"))
    order = np.lexsort((rng.permutation(len(dates)), dates))
    frame = pd.DataFrame({"y": ts.year, "m": ts.month}).iloc[order]
    seq = np.empty(len(dates), dtype=np.int64)
    seq[order] = frame.groupby(["y", "m"], sort=False).cumcount().to_numpy() + 1
    text = (
        prefix
        + "/"
        + pd.Series(ts.year).astype(str)
        + "/"
        + pd.Series(ts.month).astype(str).str.zfill(2)
        + "/"
        + pd.Series(seq).astype(str).str.zfill(4)
    )
    return text.to_numpy(dtype=object)


def _assemble(
    rng: np.random.Generator,
    inv: pd.DataFrame,
    credit: pd.DataFrame,
    customers: pd.DataFrame,
) -> pd.DataFrame:
    """Build the final ledger frame with its Indonesian headers, sorted."""
    inv_no = _numbers(rng, inv["date"].to_numpy(), "INV")
    cn_no = _numbers(rng, credit["date"].to_numpy(), "NK")
    n_inv, n_cn = len(inv), len(credit)
    cust = np.concatenate([inv["cust"].to_numpy(), credit["cust"].to_numpy()])
    date = np.concatenate([inv["date"].to_numpy(), credit["date"].to_numpy()])
    terms = np.concatenate([inv["terms"].to_numpy(), np.zeros(n_cn, dtype=np.int64)])
    amount = np.concatenate([inv["amount"].to_numpy(), credit["amount"].to_numpy()])
    paid = np.concatenate([inv["paid"].to_numpy(), credit["paid"].to_numpy()])
    pay_date = np.concatenate(
        [
            inv["pay_date"].to_numpy().astype("datetime64[D]"),
            credit["pay_date"].to_numpy().astype("datetime64[D]"),
        ]
    )
    disputed = np.concatenate([inv["disputed"].to_numpy(), np.zeros(n_cn, dtype=bool)])
    refs = np.concatenate([np.full(n_inv, ""), inv_no[credit["ref"].to_numpy()]])
    df = pd.DataFrame(
        {
            "Pelanggan": customers["name"].to_numpy()[cust],
            "Wilayah": customers["region"].to_numpy()[cust],
            "Sales": customers["sales"].to_numpy()[cust],
            "No Faktur": np.concatenate([inv_no, cn_no]),
            "Jenis": np.repeat([INVOICE, CREDIT_NOTE], [n_inv, n_cn]),
            "Tanggal Faktur": date.astype("datetime64[ns]"),
            "Termin": terms.astype(np.int64),
            "Jatuh Tempo": (date + terms.astype("timedelta64[D]")).astype("datetime64[ns]"),
            "Jumlah": amount.astype(np.float64),
            "Dibayar": paid.astype(np.float64),
            "Tanggal Bayar": pay_date.astype("datetime64[ns]"),
            "Sisa": (amount - paid).astype(np.float64),
            "Sengketa": np.where(disputed, YES, NO),
            "Mata Uang": CURRENCY,
            "Referensi": refs,
        }
    )
    text_cols = ("Pelanggan", "Wilayah", "Sales", "No Faktur", "Jenis", "Sengketa", "Mata Uang")
    for col in (*text_cols, "Referensi"):
        df[col] = df[col].astype(str)
    df = df.sort_values(["Tanggal Faktur", "No Faktur"], kind="mergesort")
    return df.reset_index(drop=True)


# --------------------------------------------------------------------------- xlsx writer

_WIDTHS = {
    "Pelanggan": 28,
    "Wilayah": 12,
    "Sales": 18,
    "No Faktur": 18,
    "Jenis": 12,
    "Termin": 8,
    "Sengketa": 10,
    "Mata Uang": 10,
    "Referensi": 18,
}


def _write_xlsx(df: pd.DataFrame, path: Path) -> None:
    """Write ``df`` to sheet ``Ledger`` with typed, formatted columns (one call per column)."""
    import xlsxwriter

    from xl_ar.reports.style import NUMBER_FORMATS, WORKBOOK_OPTIONS

    with xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS) as wb:
        ws = wb.add_worksheet("Ledger")
        header = wb.add_format({"bold": True, "bottom": 1, "text_wrap": True, "valign": "top"})
        date_fmt = wb.add_format({"num_format": NUMBER_FORMATS["date"]})
        money_fmt = wb.add_format({"num_format": NUMBER_FORMATS["money"]})
        int_fmt = wb.add_format({"num_format": NUMBER_FORMATS["int"]})
        for c, name in enumerate(df.columns):
            ws.write_string(0, c, str(name), header)
            col = df[name]
            if pd.api.types.is_datetime64_any_dtype(col):
                ws.write_column(1, c, _excel_serials(col), date_fmt)
                ws.set_column(c, c, 12)
            elif pd.api.types.is_integer_dtype(col):
                ws.write_column(1, c, col.astype("int64").tolist(), int_fmt)
                ws.set_column(c, c, _WIDTHS.get(str(name), 10))
            elif pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col):
                values = col.astype("float64")
                ws.write_column(1, c, _none_for_nan(values), money_fmt)
                ws.set_column(c, c, 15)
            else:
                ws.write_column(1, c, _texts(col))  # "" is skipped (blank cell)
                ws.set_column(c, c, _WIDTHS.get(str(name), 14))
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, max(len(df), 1), max(len(df.columns) - 1, 0))


def _excel_serials(col: pd.Series) -> list[float | None]:
    """Excel 1900-system serial numbers of a datetime column; ``None`` for NaT."""
    naive = col.dt.tz_localize(None) if col.dt.tz is not None else col
    days = (naive - pd.Timestamp("1899-12-30")) / pd.Timedelta(days=1)
    return _none_for_nan(days.astype("float64"))


def _none_for_nan(values: pd.Series) -> list[float | None]:
    """Python floats, ``None`` where missing (XlsxWriter writes ``None`` as a blank)."""
    return values.astype(object).where(values.notna(), None).tolist()


def _texts(col: pd.Series) -> list[str]:
    """Text of each cell, ``""`` for missing values."""
    return col.astype(object).where(col.notna(), "").astype(str).tolist()


PAYMENT_COLUMNS = ["No Bukti", "Tanggal", "Jumlah", "Pelanggan", "Berita"]


def make_sample_payments(ledger: pd.DataFrame, seed: int = 2024, *, n: int = 30) -> pd.DataFrame:
    """Incoming payments in the two weeks after the data date, for the reconciliation demo.

    A realistic mix against the ledger's open, undisputed invoices: 40 % name the invoice in
    the transfer memo, 25 % pay one invoice's exact amount without a memo, 15 % pay two
    invoices of a customer together, 20 % are round partial payments. Deterministic.

    Examples
    --------
    >>> p = make_sample_payments(make_sample_ledger())
    >>> list(p.columns), len(p)
    (['No Bukti', 'Tanggal', 'Jumlah', 'Pelanggan', 'Berita'], 30)
    """
    rng = np.random.default_rng(seed + 1)
    day = pd.Timestamp(ledger["Tanggal Faktur"].max()).normalize()
    open_ = ledger[
        (ledger["Sisa"] > 0) & (ledger["Jenis"] == "Faktur") & (ledger["Sengketa"] == "Tidak")
    ]
    open_ = open_.sort_values(["Tanggal Faktur", "No Faktur"]).reset_index(drop=True)
    picks = rng.permutation(len(open_))
    used: set[int] = set()
    rows = []
    kinds = ["reference"] * 12 + ["exact"] * 8 + ["combination"] * 4 + ["partial"] * 6
    for i, kind in enumerate(kinds[:n]):
        first = next(int(k) for k in picks if int(k) not in used)
        used.add(first)
        inv = open_.loc[first]
        amount, memo = float(inv["Sisa"]), ""
        if kind == "reference":
            memo = f"Pembayaran {inv['No Faktur']}"
        elif kind == "combination":
            mates = [
                int(k) for k in picks
                if int(k) not in used and open_.loc[int(k), "Pelanggan"] == inv["Pelanggan"]
            ]  # fmt: skip
            if mates:
                used.add(mates[0])
                amount += float(open_.loc[mates[0], "Sisa"])
        elif kind == "partial":
            amount = max(1_000_000.0, np.floor(amount * 0.5 / 1_000_000) * 1_000_000)
        rows.append([
            f"BB/2025/01/{i + 1:04d}", day + pd.Timedelta(days=1 + int(rng.integers(0, 14))),
            amount, inv["Pelanggan"], memo,
        ])  # fmt: skip
    out = pd.DataFrame(rows, columns=PAYMENT_COLUMNS)
    return out.sort_values(["Tanggal", "No Bukti"]).reset_index(drop=True)


# --------------------------------------------------------------------------- the collections desk

#: Columns of the sample customer master (Indonesian headers, as a user's sheet ``Pelanggan``).
MASTER_COLUMNS = (
    "Pelanggan", "PIC", "Email", "Telepon", "Alamat", "Sales", "Wilayah", "Kolektor", "Grup",
    "Termin", "Limit Kredit", "Bahasa", "Nomor VA", "Withholding",
)  # fmt: skip
#: Columns of the sample collection activity log (sheet ``Aktivitas``).
ACTIVITY_COLUMNS = (
    "Tanggal", "Pelanggan", "Faktur", "Tindakan", "Hasil", "Tanggal Janji", "Jumlah Janji",
    "Kolektor", "Tindakan Berikutnya", "Catatan",
)  # fmt: skip
#: Columns of the sample dispute log (sheet ``Sengketa``).
DISPUTE_COLUMNS = (
    "No Sengketa", "Pelanggan", "Faktur", "Jumlah", "Alasan", "PIC", "Dibuka", "Selesai", "Hasil",
)  # fmt: skip
#: The sample company's settings (an ``xl_ar.conf`` sheet as key | value rows). The SMTP
#: server is a local one on the loopback address (``xl-ar send --send`` needs one running).
SAMPLE_SETTINGS: tuple[tuple[str, str], ...] = (
    ("Company", COMPANY),
    ("CompanyAddress", "Jl. Gatot Subroto Kav. 12, Jakarta Selatan 12930"),
    ("Signatory", "Rina Wati"),
    ("SignatoryTitle", "Manajer Piutang"),
    ("Bank", "BCA KCU Sudirman"),
    ("BankAccount", "123-456-7890"),
    ("AccountName", COMPANY),
    ("SmtpFrom", "piutang@sinarniaga.example"),
    ("SmtpHost", "127.0.0.1"),
    ("SmtpPort", "8025"),
)
_COLLECTORS = ("Rina", "Joko", "Sari")
_GROUPS = ("Modern trade", "Traditional trade", "Project")


def make_sample_master(ledger: pd.DataFrame) -> pd.DataFrame:
    """The customer master of the sample ledger's customers (:data:`MASTER_COLUMNS`).

    Deterministic from the ledger: region and salesperson as in the ledger, a collector and a
    group in turn, credit limits of 1.2 x the average monthly sales (to Rp 1 million), every
    seventh customer writes in English, every tenth has no e-mail on file (their statements get
    no e-mail draft), BCA-style virtual accounts (company code 39358 + customer number); the
    two customers who pay the sample bank statement net of PPh 23 are marked ``PPh 23`` in
    ``Withholding`` (:func:`make_sample_bank_statement`).

    Examples
    --------
    >>> m = make_sample_master(make_sample_ledger())
    >>> len(m), list(m.columns[:3])
    (60, ['Pelanggan', 'PIC', 'Email'])
    >>> m.loc[0, "Nomor VA"], m.loc[0, "Telepon"]
    ('39358000001', '0812-1000-0001')
    """
    first = ledger.sort_values(["Tanggal Faktur", "No Faktur"]).groupby("Pelanggan", sort=True)
    info = first[["Wilayah", "Sales", "Termin"]].first()
    invoices = ledger[ledger["Jenis"] == "Faktur"]
    months = max(1, invoices["Tanggal Faktur"].dt.to_period("M").nunique())
    sales = invoices.groupby("Pelanggan", sort=True)["Jumlah"].sum()
    limits = (sales / months * 1.2 / 1_000_000).round().clip(lower=1) * 1_000_000
    withholders = {_statement_picks(ledger)[k][0] for k in ("pph23", "pph23_fee")}
    rows = []
    for i, name in enumerate(info.index, start=1):
        slug = "".join(ch if ch.isalnum() else "-" for ch in str(name).lower()).strip("-")
        rows.append([
            name, f"Bagian Keuangan {name}", "" if i % 10 == 0 else f"ap@{slug}.example",
            f"0812-{1000 + i // 10000:04d}-{i % 10000:04d}",
            f"Jl. Niaga Raya No. {i}, {info.at[name, 'Wilayah']}",
            info.at[name, "Sales"], info.at[name, "Wilayah"], _COLLECTORS[i % 3],
            _GROUPS[i % 3], int(info.at[name, "Termin"]), float(limits.get(name, 1_000_000)),
            "en" if i % 7 == 0 else "id", f"39358{i:06d}",
            "PPh 23" if name in withholders else "",
        ])  # fmt: skip
    return pd.DataFrame(rows, columns=MASTER_COLUMNS)


def make_sample_activity(ledger: pd.DataFrame) -> pd.DataFrame:
    """A month of collection activity on the sample ledger's overdue customers.

    For the ten largest overdue balances at the data date: a written reminder 25 days before
    it, a call 18 days before with a promise to pay half the overdue amount 8 days before the
    data date (kept when the ledger shows the money, broken otherwise) and a WhatsApp message
    3 days before with the next action date. Deterministic.

    Examples
    --------
    >>> log = make_sample_activity(make_sample_ledger())
    >>> len(log), sorted(set(log["Tindakan"]))
    (30, ['surat', 'telepon', 'whatsapp'])
    """
    day = pd.Timestamp(ledger["Tanggal Faktur"].max()).normalize()
    late = ledger[(ledger["Sisa"] > 0) & (ledger["Jatuh Tempo"] < day - pd.Timedelta(days=30))]
    overdue = late.groupby("Pelanggan", sort=True)["Sisa"].sum()
    top = overdue.sort_values(ascending=False, kind="stable").head(10)
    rows = []
    for i, (name, amount) in enumerate(top.items()):
        who = _COLLECTORS[i % 3]
        promise = float(np.floor(amount / 2 / 100_000) * 100_000)
        rows += [
            [day - pd.Timedelta(days=25), name, "semua", "surat", "terkirim", None, None, who,
             None, "letter:reminder_1; pengingat pertama"],
            [day - pd.Timedelta(days=18), name, "semua", "telepon", "janji bayar",
             day - pd.Timedelta(days=8), promise, who, None, ""],
            [day - pd.Timedelta(days=3), name, "semua", "whatsapp", "belum dibalas", None, None,
             who, day + pd.Timedelta(days=2), "kirim ulang rekening koran"],
        ]  # fmt: skip
    return pd.DataFrame(rows, columns=ACTIVITY_COLUMNS)


def make_sample_disputes(ledger: pd.DataFrame) -> pd.DataFrame:
    """The dispute log of the sample ledger: one open dispute per disputed invoice (reasons in
    turn), plus two resolved ones on paid invoices.

    Examples
    --------
    >>> d = make_sample_disputes(make_sample_ledger())
    >>> d["Alasan"].iloc[0], int(d["Selesai"].notna().sum())
    ('harga', 2)
    """
    reasons = ("harga", "kuantitas", "kualitas", "barang tidak diterima", "faktur pajak")
    disputed = ledger[ledger["Sengketa"] == "Ya"].sort_values(["Tanggal Faktur", "No Faktur"])
    rows = [
        [f"SG-{i + 1:03d}", r["Pelanggan"], r["No Faktur"], float(r["Sisa"]),
         reasons[i % len(reasons)], _COLLECTORS[i % 3],
         r["Tanggal Faktur"] + pd.Timedelta(days=int(r["Termin"]) + 5), None, ""]
        for i, (_, r) in enumerate(disputed.iterrows())
    ]  # fmt: skip
    paid = ledger[(ledger["Jenis"] == "Faktur") & (ledger["Sisa"] == 0)]
    paid = paid.sort_values(["Tanggal Bayar", "No Faktur"]).tail(2)
    for j, (_, r) in enumerate(paid.iterrows()):
        opened = r["Tanggal Bayar"] - pd.Timedelta(days=12 + 9 * j)
        rows.append([f"SG-{len(rows) + 1:03d}", r["Pelanggan"], r["No Faktur"],
                     float(r["Jumlah"]) * 0.1, "tagihan ganda", _COLLECTORS[j],
                     opened, r["Tanggal Bayar"], "nota kredit"])  # fmt: skip
    return pd.DataFrame(rows, columns=DISPUTE_COLUMNS)


# --------------------------------------------------------------------------- the bank statement

#: The sample company's BCA account (as in :data:`SAMPLE_SETTINGS`, digits only).
SAMPLE_BANK_ACCOUNT = "1234567890"
_OPENING = 250_000_000.00
_PPN = 0.11
_PPH23 = 0.02


def _statement_picks(ledger: pd.DataFrame) -> dict[str, tuple[str, str, float]]:
    """The receipts of the sample bank statement: kind → (customer, invoice, invoice amount).

    Six customers, each with its oldest open, unpaid, undisputed invoice dated before the
    statement month (in name order, deterministic). The invoice paid net of PPh 23 and a fee
    has a tax base in whole Rp 50 (its PPh 23 is whole rupiah, however it is rounded); the
    receipts naming no invoice come from customers with one open item.
    """
    day = pd.Timestamp(ledger["Tanggal Faktur"].max()).normalize()
    open_ = ledger[
        (ledger["Jenis"] == "Faktur") & (ledger["Sengketa"] == "Tidak") & (ledger["Dibayar"] == 0)
        & (ledger["Sisa"] > 0) & (ledger["Tanggal Faktur"] < day.replace(day=1))
    ].sort_values(["Pelanggan", "Tanggal Faktur", "No Faktur"])  # fmt: skip
    base = np.floor(open_["Sisa"] / (1 + _PPN) + 0.5)
    whole = open_[(base % 50 == 0).to_numpy()]
    fee = whole.head(1) if len(whole) else open_.head(1)
    rest = open_[~open_["Pelanggan"].isin(fee["Pelanggan"]).to_numpy()]
    counts = ledger[ledger["Sisa"] != 0].groupby("Pelanggan")["Sisa"].size()
    single = rest.groupby("Pelanggan", sort=True).head(1)
    single = single[single["Pelanggan"].map(counts).eq(1).to_numpy()]
    if len(single) < 5:  # a small ledger: any open invoice will do
        single = rest.groupby("Pelanggan", sort=True).head(1)
    picked = pd.concat([single.head(1), fee, single.iloc[1:5]])
    kinds = ("pph23", "pph23_fee", "va", "name", "giro", "pending")
    return {
        kind: (str(r["Pelanggan"]), str(r["No Faktur"]), float(r["Sisa"]))
        for kind, (_, r) in zip(kinds, picked.iterrows(), strict=False)
    }


def _net_of_pph23(amount: float) -> tuple[float, float]:
    """(PPh 23, cash paid) of an invoice amount holding PPN 11 %: the tax base in whole rupiah
    (half up), PPh 23 2 % of it to the nearest rupiah."""
    base = np.floor(amount / (1 + _PPN) + 0.5)
    pph = float(np.floor(base * _PPH23 + 0.5))
    return pph, amount - pph


def make_sample_bank_statement(
    ledger: pd.DataFrame, master: pd.DataFrame | None = None
) -> list[list[object]]:
    """The sample company's BCA statement of the ledger's last month, as KlikBCA Bisnis exports it.

    A title block (account, name, ``Periode : 01/12/2024 - 31/12/2024``, currency), the header
    ``Tanggal Transaksi, Keterangan, Cabang, Jumlah, Saldo``, ``dd/mm`` dates without a year,
    ``Jumlah`` as ``1,500,000.00 CR`` / ``DB``, a ``PEND`` line and the footer (``Saldo
    Awal``, ``Mutasi Kredit``, ``Mutasi Debet``, ``Saldo Akhir``); the balances add up. The
    receipts pay open invoices of the ledger:

    * two customers pay net of PPh 23 (2 % of the tax base, the invoice holding PPN 11 %),
      naming the invoice; the second also deducts a Rp 2,500 transfer fee;
    * a virtual-account transfer (the master's ``Nomor VA``), without a name;
    * a transfer naming only the customer, of the invoice's exact amount;
    * a giro (*bilyet giro*) deposited in December, due 15/01/2025 (held as giro in hand);
    * a pending (``PEND``) transfer, and debits: admin fee and a transfer fee.

    ``master`` (default :func:`make_sample_master`) gives the VA number. Deterministic.

    Examples
    --------
    >>> rows = make_sample_bank_statement(make_sample_ledger())
    >>> rows[3], rows[6]
    (['Periode', ':', '01/12/2024 - 31/12/2024'], ['Tanggal Transaksi', 'Keterangan', \
'Cabang', 'Jumlah', 'Saldo'])
    >>> rows[7][0], rows[7][3], rows[-1]
    ('02/12', '24,863,195.00 CR', ['Saldo Akhir', ':', '405,974,595.00'])
    """
    picks = _statement_picks(ledger)
    master = make_sample_master(ledger) if master is None else master
    va = dict(zip(master["Pelanggan"], master["Nomor VA"], strict=True))
    day = pd.Timestamp(ledger["Tanggal Faktur"].max()).normalize()
    start = day.replace(day=1)

    def on(n: int) -> pd.Timestamp:
        return start + pd.Timedelta(days=n - 1)

    lines: list[tuple[pd.Timestamp | None, str, float, float]] = []  # day, text, debit, credit
    who, invoice, amount = picks["pph23"]
    pph, net = _net_of_pph23(amount)
    lines.append((on(2), f"TRSF E-BANKING CR 0212/FTSCY/WS95031 {invoice} {who.upper()}", 0, net))
    who, invoice, amount = picks["va"]
    lines.append((on(3), f"TRSF VA {va[who]} 0312/FTVA/WS20018", 0, amount))
    lines.append((on(4), "BIAYA TRANSFER ANTAR BANK", 6_500.0, 0))
    who, invoice, amount = picks["pph23_fee"]
    pph, net = _net_of_pph23(amount)
    lines.append((on(9), f"TRSF E-BANKING CR 0912/FTSCY/WS95044 {invoice} {who.upper()}", 0,
                  net - 2_500.0))  # fmt: skip
    who, invoice, amount = picks["giro"]
    lines.append((on(16), f"SETORAN KLIRING BG 778812 {who.upper()} JATUH TEMPO "
                  f"15/{(day + pd.Timedelta(days=15)):%m/%Y}", 0, amount))  # fmt: skip
    who, invoice, amount = picks["name"]
    lines.append((on(18), f"TRSF E-BANKING CR 1812/FTSCY/WS95101 {who.upper()}", 0, amount))
    lines.append((day, "BIAYA ADM", 15_000.0, 0))
    who, invoice, amount = picks["pending"]
    lines.append((None, f"TRSF E-BANKING CR 3112/FTSCY/WS95120 {who.upper()}", 0, amount))
    rows: list[list[object]] = [
        ["Mutasi Rekening - KlikBCA Bisnis"],
        ["No. rekening", ":", SAMPLE_BANK_ACCOUNT],
        ["Nama", ":", COMPANY.upper()],
        ["Periode", ":", f"{start:%d/%m/%Y} - {day:%d/%m/%Y}"],
        ["Kode Mata Uang", ":", "Rp"],
        [],
        ["Tanggal Transaksi", "Keterangan", "Cabang", "Jumlah", "Saldo"],
    ]
    running = _OPENING
    for when, text, debit, credit in lines:
        running = round(running + credit - debit, 2)
        mark = f"{credit:,.2f} CR" if credit else f"{debit:,.2f} DB"
        rows.append(["PEND" if when is None else f"{when:%d/%m}", text, "0000", mark,
                     f"{running:,.2f}"])  # fmt: skip
    credits = sum(x[3] for x in lines)
    debits = sum(x[2] for x in lines)
    rows += [
        ["Saldo Awal", ":", f"{_OPENING:,.2f}"],
        ["Mutasi Kredit", ":", f"{credits:,.2f}", str(sum(1 for x in lines if x[3]))],
        ["Mutasi Debet", ":", f"{debits:,.2f}", str(sum(1 for x in lines if x[2]))],
        ["Saldo Akhir", ":", f"{round(_OPENING + credits - debits, 2):,.2f}"],
    ]
    return rows
