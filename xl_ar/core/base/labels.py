"""Bilingual (Indonesian / English) labels for reports and sheets.

Data, plus :func:`label` and :func:`pick`, the one rule for choosing from an
``(Indonesian, English)`` pair. Each key maps to ``(Indonesian, English)``.

Examples
--------
>>> label("customer", "id"), label("customer", "en")
('Pelanggan', 'Customer')
>>> label("customer")
'Pelanggan / Customer'
>>> label("total")  # the same word in both languages is not repeated
'Total'
"""

from __future__ import annotations

from collections.abc import Sequence

from xl_ar.core.base.text import grouped_number

__all__ = [
    "CURRENCY_WORDS",
    "KPI_PERIODS",
    "LABELS",
    "LANGS",
    "amounts_note",
    "kpi_label",
    "label",
    "lang_index",
    "money_unit",
    "pick",
]

LANGS = ("id", "en", "both")

LABELS: dict[str, tuple[str, str]] = {
    # titles
    "report_title": ("Laporan Piutang Usaha", "Accounts Receivable Report"),
    "summary_title": ("Ringkasan Piutang Usaha", "Accounts Receivable Summary"),
    "aging_title": ("Umur Piutang per Pelanggan", "Accounts Receivable Aging by Customer"),
    "kpi_title": ("Indikator Piutang Bulanan", "Monthly Receivables KPIs"),
    "problems_title": ("Masalah Data pada Buku Piutang", "Data Problems in the Ledger"),
    "chart_days_title": ("DSO, BPDSO dan ADD (hari)", "DSO, BPDSO and ADD (days)"),
    "chart_ar_title": (
        "Piutang Akhir: Belum vs Lewat Jatuh Tempo",
        "Ending AR: Current vs Past Due",
    ),
    # general
    "company": ("Perusahaan", "Company"),
    "as_of": ("Per tanggal", "As of"),
    "indicator": ("Indikator", "Indicator"),
    "value": ("Nilai", "Value"),
    "amounts_note": ("Jumlah dalam Rupiah (IDR)", "Amounts in Rupiah (IDR)"),
    "days_unit": ("hari", "days"),
    "pct_of_total": ("% dari total", "% of total"),
    # ledger
    "customer": ("Pelanggan", "Customer"),
    "invoice": ("Faktur", "Invoice"),
    "credit_note": ("Nota Kredit", "Credit Note"),
    "invoice_date": ("Tanggal Faktur", "Invoice Date"),
    "due_date": ("Jatuh Tempo", "Due Date"),
    "terms": ("Termin (hari)", "Terms (days)"),
    "amount": ("Jumlah", "Amount"),
    "paid": ("Dibayar", "Paid"),
    "payment_date": ("Tanggal Bayar", "Payment Date"),
    "balance": ("Sisa", "Balance"),
    "disputed": ("Sengketa", "Disputed"),
    "region": ("Wilayah", "Region"),
    "salesperson": ("Sales", "Salesperson"),
    # aging
    "current": ("Belum jatuh tempo", "Current"),
    "past_due": ("Lewat jatuh tempo", "Past due"),
    "total": ("Total", "Total"),
    # monthly KPIs
    "period": ("Periode", "Period"),
    "period_start": ("Awal Periode", "Period Start"),
    "period_end": ("Akhir Periode", "Period End"),
    "days": ("Hari", "Days"),
    "credit_sales": ("Penjualan Kredit", "Credit Sales"),
    "collections": ("Penerimaan Piutang", "Collections"),
    "beginning_ar": ("Piutang Awal", "Beginning AR"),
    "ending_ar": ("Piutang Akhir", "Ending AR"),
    "current_ar": ("Piutang Belum Jatuh Tempo", "Current AR"),
    "past_due_ar": ("Piutang Lewat Jatuh Tempo", "Past-Due AR"),
    "dso": ("DSO (hari)", "DSO (days)"),
    "bpdso": ("DSO Terbaik (hari)", "Best Possible DSO (days)"),
    "add": ("Rata-rata Hari Tunggakan (hari)", "Average Days Delinquent (days)"),
    "cei": ("Indeks Efektivitas Penagihan (CEI)", "Collection Effectiveness Index (CEI)"),
    # summary
    "total_ar": ("Total Piutang", "Total AR"),
    "current_pct": ("% Belum Jatuh Tempo", "% Current"),
    "past_due_pct": ("% Lewat Jatuh Tempo", "% Past Due"),
    "over_90_pct": ("% Lewat > 90 Hari", "% Over 90 Days"),
    "over_90_ar": ("Piutang Lewat > 90 Hari", "AR Over 90 Days"),
    "disputed_ar": ("Piutang Sengketa", "Disputed AR"),
    "wadp": (
        "Rata-rata Tertimbang Hari Pembayaran (hari)",
        "Weighted Average Days to Pay (days)",
    ),
    "wadl": (
        "Rata-rata Tertimbang Hari Terlambat (hari)",
        "Weighted Average Days Late (days)",
    ),
    "rto": ("Perputaran Piutang (kali)", "Receivable Turnover (times)"),
    "acp": ("Periode Penagihan Rata-rata (hari)", "Average Collection Period (days)"),
    "arrears_ratio": ("Rasio Tunggakan", "Arrears Ratio"),
    "collection_ratio": ("Rasio Penagihan", "Collection Ratio"),
    "bad_debt_ratio": ("Rasio Piutang Tak Tertagih", "Bad-Debt Ratio"),
    "customers": ("Jumlah Pelanggan", "Customers"),
    "open_invoices": ("Faktur Terbuka", "Open Invoices"),
    # data problems
    "problems": ("Masalah Data", "Data Problems"),
    "no_problems": ("Tidak ada masalah data", "No data problems"),
    "row": ("Baris", "Row"),
    "column": ("Kolom", "Column"),
    "problem": ("Masalah", "Problem"),
}


#: The periods a KPI series is cut into, as they read in a label: (Indonesian, English).
KPI_PERIODS: dict[str, tuple[str, str]] = {
    "month": ("per bulan", "month"),
    "week": ("per minggu", "week"),
    "quarter": ("per kuartal", "quarter"),
}

# KPI -> (name (Indonesian, English), method (Indonesian, English) or None, unit suffix pair)
_KPI_NAMES: dict[str, tuple[tuple[str, str], tuple[str, str] | None, tuple[str, str]]] = {
    "dso": (("DSO", "DSO"), ("sederhana", "simple"), (" (hari)", " (days)")),
    "bpdso": (("DSO Terbaik", "Best Possible DSO"), None, (" (hari)", " (days)")),
    "add": (
        ("Rata-rata Hari Tunggakan", "Average Days Delinquent"),
        None,
        (" (hari)", " (days)"),
    ),
    "cei": (("CEI", "CEI"), None, ("", "")),
}


def kpi_label(
    key: str, lang: str = "both", *, period: str | None = None, months: int | None = None
) -> str:
    """The label of a KPI that has more than one convention, with its convention in it.

    One label, one number: the same label is never put on two different computations.

    Parameters
    ----------
    key : {"dso", "bpdso", "add", "cei"}
    lang : {"both", "id", "en"}
    period : {"month", "week", "quarter"}, optional
        One period at a time, its own sales taken whole (a KPI series: ``kpi_series``,
        ``AR_KPI``). For the CEI a quarter or week reads "... as one period".
    months : int, optional
        A trailing window of ``months`` calendar months ending at the as-of date (the
        headline: ``kpi_summary``); for the CEI the sales are divided by ``months`` (Credit
        Research Foundation), "CEI, 3 months (CRF)". Give ``period`` or ``months``, not both.

    Returns
    -------
    str

    Raises
    ------
    KeyError
        ``key`` is not one of the four.
    ValueError
        Neither or both of ``period`` and ``months``, an unknown ``period`` or ``lang``.

    Examples
    --------
    >>> kpi_label("cei", "en", months=3), kpi_label("cei", "en", period="quarter")
    ('CEI, 3 months (CRF)', 'CEI, quarter as one period')
    >>> kpi_label("cei", "en", period="month"), kpi_label("dso", "en", months=3)
    ('CEI, month', 'DSO, 3 months, simple (days)')
    >>> kpi_label("dso", "id", period="month")
    'DSO, per bulan, sederhana (hari)'
    """
    if key not in _KPI_NAMES:
        raise KeyError(f"no convention label for {key!r}: one of {', '.join(_KPI_NAMES)}")
    if (period is None) == (months is None):
        raise ValueError("give period or months (not both)")
    name, method, unit = _KPI_NAMES[key]
    if months is not None:
        n = int(months)
        if n != months or n < 1:
            raise ValueError(f"months must be a whole number of at least 1; got {months!r}")
        window = (f"{n} bulan", f"{n} month{'s' if n != 1 else ''}")
        if key == "cei":
            window = (f"{window[0]} (CRF)", f"{window[1]} (CRF)")
    elif period in KPI_PERIODS:
        window = KPI_PERIODS[period]
        if key == "cei" and period != "month":
            bare = window[0].removeprefix("per ")
            window = (f"{bare} sebagai satu periode", f"{window[1]} as one period")
    else:
        raise ValueError(f"period must be one of {', '.join(KPI_PERIODS)}; got {period!r}")
    parts = [(f"{name[i]}, {window[i]}" + (f", {method[i]}" if method else "") + unit[i])
             for i in (0, 1)]  # fmt: skip
    return pick((parts[0], parts[1]), lang)


def label(key: str, lang: str = "both") -> str:
    """Return the label of ``key`` in Indonesian, English or both.

    Parameters
    ----------
    key : str
        A key of :data:`LABELS`, e.g. ``"customer"`` or ``"dso"``.
    lang : {"both", "id", "en"}
        ``"id"`` Indonesian, ``"en"`` English, ``"both"`` ``"Indonesian / English"`` (a single
        word when both are the same).

    Returns
    -------
    str

    Raises
    ------
    KeyError
        ``key`` has no label.
    ValueError
        ``lang`` is not one of :data:`LANGS`.

    Examples
    --------
    >>> label("dso", "en")
    'DSO (days)'
    >>> label("as_of")
    'Per tanggal / As of'
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}; got {lang!r}")
    try:
        pair = LABELS[key]
    except KeyError:
        raise KeyError(
            f"no label for {key!r}: add it to xl_ar.core.base.labels.LABELS (known keys include "
            f"{', '.join(sorted(LABELS)[:8])}, ...)"
        ) from None
    return pick(pair, lang)


def pick(pair: tuple[str, str], lang: str = "both") -> str:
    """The text of an ``(Indonesian, English)`` pair in ``lang``.

    Parameters
    ----------
    pair : tuple of str
        ``(Indonesian, English)``.
    lang : {"both", "id", "en"}
        ``"both"`` gives ``"Indonesian / English"``, one word when both are the same.

    Returns
    -------
    str

    Raises
    ------
    ValueError
        ``lang`` is not one of :data:`LANGS`.

    Examples
    --------
    >>> pick(("Skor", "Score"), "id"), pick(("Skor", "Score"), "en"), pick(("Skor", "Score"))
    ('Skor', 'Score', 'Skor / Score')
    >>> pick(("Total", "Total"))
    'Total'
    """
    indonesian, english = pair
    if lang == "id":
        return indonesian
    if lang == "en" or (lang == "both" and indonesian == english):
        return english
    if lang == "both":
        return f"{indonesian} / {english}"
    raise ValueError(f"lang must be one of {', '.join(LANGS)}; got {lang!r}")


def lang_index(lang: str) -> int:
    """Index of ``lang`` (``"id"`` or ``"en"``) in an ``(Indonesian, English)`` pair.

    Examples
    --------
    >>> lang_index("id"), lang_index("en")
    (0, 1)
    """
    if lang not in ("id", "en"):
        raise ValueError(f"lang must be one of id, en; got {lang!r}")
    return 0 if lang == "id" else 1


#: Names of the common currencies, ``(Indonesian, English)``; others are named by their code.
CURRENCY_WORDS: dict[str, tuple[str, str]] = {
    "IDR": ("Rupiah", "Rupiah"),
    "USD": ("Dolar AS", "US dollars"),
    "EUR": ("Euro", "euros"),
    "SGD": ("Dolar Singapura", "Singapore dollars"),
    "JPY": ("Yen", "yen"),
    "CNY": ("Yuan", "yuan"),
    "MYR": ("Ringgit", "ringgit"),
    "AUD": ("Dolar Australia", "Australian dollars"),
    "GBP": ("Pound sterling", "pounds sterling"),
}


def amounts_note(
    currency: str | None = None, converted: Sequence[tuple[str, float, str | None, str]] = ()
) -> tuple[str, str]:
    """The "Amounts in ..." note of a sheet, for the ledger's currency (default Rupiah).

    ``converted``: the rates of a conversion (``ledger.attrs[CONVERTED_ATTR]`` of
    :func:`~xl_ar.core.ledger.currency.convert_currency`: code, rate, date or ``None``,
    reporting currency), stated after the currency so that no sheet hides a conversion.

    Examples
    --------
    >>> amounts_note() == LABELS["amounts_note"]
    True
    >>> amounts_note("USD")
    ('Jumlah dalam Dolar AS (USD)', 'Amounts in US dollars (USD)')
    >>> amounts_note("XAF")
    ('Jumlah dalam XAF', 'Amounts in XAF')
    >>> amounts_note("IDR", [("USD", 15500.0, None, "IDR"), ("EUR", 17000.5, "2024-03-31", "IDR")])[1]
    'Amounts in Rupiah (IDR), converted at USD 1 = IDR 15,500 (undated rate), EUR 1 = IDR 17,000.5 (rate of 2024-03-31)'
    >>> amounts_note("IDR", [("USD", 15500.0, None, "IDR")])[0]
    'Jumlah dalam Rupiah (IDR), dikonversi dengan kurs USD 1 = IDR 15.500 (kurs tanpa tanggal)'
    """
    code = (currency or "IDR").upper()
    words = CURRENCY_WORDS.get(code)
    if code == "IDR":
        pair = LABELS["amounts_note"]
    elif words is None:
        pair = (f"Jumlah dalam {code}", f"Amounts in {code}")
    else:
        pair = (f"Jumlah dalam {words[0]} ({code})", f"Amounts in {words[1]} ({code})")
    if not converted:
        return pair

    def rates(lang: str, undated: str, dated: str) -> str:
        return ", ".join(
            f"{c} 1 = {to} {grouped_number(r, 6, lang, trim=True)} "
            f"({undated if d is None else dated + ' ' + d})"
            for c, r, d, to in converted
        )

    return (
        f"{pair[0]}, dikonversi dengan kurs {rates('id', 'kurs tanpa tanggal', 'kurs')}",
        f"{pair[1]}, converted at {rates('en', 'undated rate', 'rate of')}",
    )


def money_unit(currency: str | None = None) -> tuple[str, str]:
    """The unit of a money axis: ``Rp`` for Rupiah, else the code.

    Examples
    --------
    >>> money_unit(), money_unit("USD")
    (('Rp', 'Rp'), ('USD', 'USD'))
    """
    code = (currency or "IDR").upper()
    return ("Rp", "Rp") if code == "IDR" else (code, code)
