"""Module 5's reconciliation sheets: bank receipts against invoices (VLOOKUP, INDEX-MATCH, XLOOKUP)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from xl_ar.workshop.book import Book, Sheet, a1, sheet_ref
from xl_ar.workshop.data import LedgerRefs, core_ledger
from xl_ar.workshop.layout import ask, header_row, titled_sheet
from xl_ar.workshop.module_5.context import NA, SHEETS, Text
from xl_ar.workshop.module_5.figures import core_reconciliation, receipt_results, receipts

STATUS: dict[str, Text] = {
    "match": ("COCOK", "MATCH"),
    "short": ("KURANG BAYAR", "SHORT"),
    "over": ("LEBIH BAYAR", "OVER"),
    "missing": ("TIDAK DITEMUKAN", "NOT FOUND"),
}

RECON_HEADER: tuple[Text, ...] = (
    ("No", "No"),
    ("Tanggal", "Date"),
    ("Pengirim (mutasi bank)", "Payer (bank statement)"),
    ("Referensi = No Faktur", "Reference = Invoice No"),
    ("Jumlah diterima", "Amount received"),
    ("Nilai faktur (VLOOKUP)", "Invoice amount (VLOOKUP)"),
    ("Sisa tagihan (INDEX/MATCH)", "Open balance (INDEX/MATCH)"),
    ("Selisih = diterima − sisa", "Difference = received − balance"),
    ("Status", "Status"),
    ("Ditahan (belum teralokasi)", "On hold (unapplied)"),
)
RECON_365_HEADER: tuple[Text, ...] = (
    *RECON_HEADER[:5],
    ("Nilai faktur (XLOOKUP)", "Invoice amount (XLOOKUP)"),
    ("Sisa tagihan (XLOOKUP)", "Open balance (XLOOKUP)"),
    ("Selisih = diterima − sisa", "Difference = received − balance"),
    ("Status", "Status"),
    ("Pelanggan (XLOOKUP ke kiri)", "Customer (XLOOKUP to the left)"),
)


def _receipt_rows(sh: Sheet, first: int) -> None:
    """The bank statement (columns A:E) from zero-based row ``first``."""
    for i, r in enumerate(receipts().itertuples()):
        row = first + i
        sh.write((row, 0), i + 1, "int")
        sh.write((row, 1), r.date, "date")
        sh.write((row, 2), r.payer)
        if r.reference:
            sh.write((row, 3), r.reference)
        sh.write((row, 4), r.amount, "money")


def _status_formula(book: Book, g: str, h: str) -> str:
    """Status of a receipt from its balance cell ``g`` and difference cell ``h``."""
    t = book.t
    return (
        f'=IF(NOT(ISNUMBER({g})),"{t(STATUS["missing"])}",IF({h}=0,"{t(STATUS["match"])}",'
        f'IF({h}<0,"{t(STATUS["short"])}","{t(STATUS["over"])}")))'
    )


def _recon_sheet(
    book: Book, key: str, title: Text, text: Text, header: tuple[Text, ...], **options: Any
) -> tuple[Sheet, int]:
    """A reconciliation sheet: title, explanation, table header and the bank statement (A:E).

    Returns the sheet and the first receipt row (zero-based).
    """
    sh = titled_sheet(
        book, SHEETS[key], title, widths=[5, 12, 24, 20, 15, 16, 16, 16, 16, 18], intro=text,
        **options,
    )  # fmt: skip
    header_row(sh, (3, 0), header, height=45)
    _receipt_rows(sh, 4)
    return sh, 4


def _receipt_lookups(
    sh: Sheet, book: Book, first: int, amount: Callable[[str], str], balance: Callable[[str], str]
) -> None:
    """Per receipt: the looked-up invoice amount (F) and balance (G), difference (H), status (I).

    ``amount`` and ``balance`` give the lookup formula of the reference cell (column D).
    """
    t = book.t
    for row, r in enumerate(receipt_results().itertuples(), start=first):
        d, e, g, h = (a1(row, c) for c in (3, 4, 6, 7))
        found = r.status != "missing"
        looked_up = (
            (5, amount(d), r.inv_amount),
            (6, balance(d), r.balance),
            (7, f'=IF(ISNUMBER({g}),{e}-{g},"{NA}")', r.difference),
        )
        for col, formula, value in looked_up:
            sh.formula((row, col), formula, expected=float(value) if found else NA, style="money")
        sh.formula(
            (row, 8), _status_formula(book, g, h), expected=t(STATUS[r.status]), style="text"
        )


def reconciliation_sheet(book: Book, refs: LedgerRefs) -> None:
    """The Reconciliation sheet: VLOOKUP and INDEX/MATCH per receipt, then questions."""
    t = book.t
    sh, first = _recon_sheet(
        book,
        "recon",
        (
            "Rekonsiliasi Penerimaan Bank — 2 s.d. 10 Januari 2025",
            "Bank Receipts Reconciliation — 2 to 10 January 2025",
        ),
        (
            "Mutasi rekening bank (kiri) dicocokkan dengan daftar faktur di sheet Data per 31 Des "
            "2024. F: VLOOKUP(referensi; Data!D:L; 6; FALSE) mengambil nilai faktur; G: "
            "INDEX/MATCH mengambil sisa tagihan; IFERROR mengubah #N/A menjadi '-'. Status: "
            "COCOK, KURANG BAYAR, LEBIH BAYAR atau TIDAK DITEMUKAN. Kolom J = kas yang ditahan "
            "sebagai belum teralokasi (tidak ditemukan, atau kelebihan bayar).",
            "The bank statement (left) is matched to the invoice list on the Data sheet at "
            "31 Dec 2024. F: VLOOKUP(reference, Data!D:L, 6, FALSE) pulls the invoice amount; "
            "G: INDEX/MATCH pulls the open balance; IFERROR turns #N/A into '-'. Status: "
            "MATCH, SHORT, OVER or NOT FOUND. Column J = cash put on hold as unapplied (not "
            "found, or the overpaid part).",
        ),
        RECON_HEADER,
    )
    res = receipt_results()
    inv_rng, bal_rng = refs.col("invoice"), refs.col("balance")
    table = sheet_ref(
        refs.sheet,
        f"{a1(refs.first, refs.col_index('invoice'), absolute=True)}:"
        f"{a1(refs.last, refs.col_index('balance'), absolute=True)}",
    )
    offset = refs.col_index("amount") - refs.col_index("invoice") + 1
    _receipt_lookups(
        sh,
        book,
        first,
        lambda d: f'=IFERROR(VLOOKUP({d},{table},{offset},FALSE),"{NA}")',
        lambda d: f'=IFERROR(INDEX({bal_rng},MATCH({d},{inv_rng},0)),"{NA}")',
    )
    for row, r in enumerate(res.itertuples(), start=first):
        e, g, h = a1(row, 4), a1(row, 6), a1(row, 7)
        sh.formula(
            (row, 9), f"=IF(ISNUMBER({g}),MAX({h},0),{e})", expected=float(r.on_hold), style="money"
        )
    last = first + len(res) - 1
    total = last + 1
    sh.write((total, 3), t(("Total", "Total")), "bold")
    sh.formula(
        (total, 4),
        f"=SUM({a1(first, 4)}:{a1(last, 4)})",
        expected=float(res["amount"].sum()),
        style="total_money",
    )
    _recon_questions(sh, book, total + 2)


def _recon_questions(sh: Sheet, book: Book, row: int) -> None:
    """Questions below the receipts, from zero-based ``row``.

    The hints name the function to use, not the formula: the trainee writes it.
    """
    t = book.t
    res = receipt_results()
    core = core_reconciliation()
    on_hold = float(res["on_hold"].sum())
    short = float(-res.loc[res["status"] == "short", "difference"].sum())
    over = float(res.loc[res["status"] == "over", "difference"].sum())
    for name, ours, theirs in (
        ("on-hold cash", on_hold, core["on_hold"]),
        ("shortfall", short, core["partial_remaining"]),
        ("overpayment", over, core["overpaid"]),
    ):
        if abs(ours - theirs) > 0.005:
            raise AssertionError(f"{name} {ours} differs from the core's reconciliation {theirs}")
    sh.write((row, 0), t(("Pertanyaan", "Questions")), "h1")
    row += 1
    status_col = t(("kolom Status (I)", "the Status column (I)"))
    q = [
        (
            (
                "Berapa penerimaan yang TIDAK DITEMUKAN fakturnya?",
                "How many receipts are NOT FOUND?",
            ),
            int((res["status"] == "missing").sum()),
            "count",
            (f"COUNTIF pada {status_col}", f"COUNTIF on {status_col}"),
        ),
        (
            ("Berapa penerimaan yang COCOK (lunas tepat)?", "How many receipts MATCH exactly?"),
            int((res["status"] == "match").sum()),
            "count",
            (f"COUNTIF pada {status_col}", f"COUNTIF on {status_col}"),
        ),
        (
            (
                "Kurang bayar: total sisa tagihan yang masih terbuka setelah penerimaan KURANG "
                "BAYAR (angka positif)",
                "Shortfall: total balance still open after the SHORT receipts (a positive number)",
            ),
            short,
            "money",
            (
                "SUMIF: kriteria di kolom Status, jumlahkan kolom Selisih (H); ubah tandanya",
                "SUMIF: criterion on the Status column, sum the Difference column (H); flip "
                "the sign",
            ),
        ),
        (
            (
                "Lebih bayar: total kelebihan penerimaan LEBIH BAYAR di atas sisa tagihan",
                "Overpayment: total received above the open balance on the OVER receipts",
            ),
            over,
            "money",
            (
                "SUMIF seperti soal sebelumnya, dengan status LEBIH BAYAR",
                "SUMIF as in the previous question, with the status OVER",
            ),
        ),
        (
            (
                "Kas yang ditahan sebagai belum teralokasi (unapplied)",
                "Cash to put on hold as unapplied",
            ),
            on_hold,
            "money",
            (
                "tidak ditemukan + kelebihan bayar: SUM kolom J",
                "not found + overpaid part: SUM of column J",
            ),
        ),
    ]
    for j, (question, answer, kind, hint) in enumerate(q):
        ask(sh, row + j, question, answer, kind, hint, q=(0, 3), at=4, h=(6, 9))
    row += len(q)
    # INDEX/MATCH looks left: whose invoice did the mistyped reference mean?
    typo = res[res["kind"] == "typo"].iloc[0]
    question = (
        f"Referensi {typo.reference} salah ketik; jumlahnya sama dengan sisa faktur "
        f"{typo.invoice}. Siapa pelanggan faktur itu? (INDEX/MATCH: VLOOKUP tidak bisa ke kiri)",
        f"Reference {typo.reference} is mistyped; its amount equals the balance of invoice "
        f"{typo.invoice}. Whose invoice is it? (INDEX/MATCH: VLOOKUP cannot look left)",
    )
    hint = (
        "INDEX(kolom Pelanggan; MATCH(no faktur; kolom No Faktur; 0)) di sheet Data",
        "INDEX(Customer column, MATCH(invoice no, Invoice No column, 0)) on the Data sheet",
    )
    ask(sh, row, question, _customer_of(str(typo.invoice)), "text", hint, q=(0, 3), at=4, h=(6, 9))


def recon_365_sheet(book: Book, refs: LedgerRefs) -> None:
    """The Excel 365 sheet: the same receipts looked up with XLOOKUP (no exercises)."""
    sh, first = _recon_sheet(
        book,
        "recon365",
        (
            "Rekonsiliasi dengan XLOOKUP (Excel 365 / 2021)",
            "Reconciliation with XLOOKUP (Excel 365 / 2021)",
        ),
        (
            "Sama dengan sheet Rekonsiliasi, memakai XLOOKUP: =XLOOKUP(referensi; kolom No Faktur; "
            'kolom hasil; "-"). Argumen ke-4 menggantikan IFERROR, dan XLOOKUP bisa mengambil '
            "kolom di kiri (Pelanggan). Hanya untuk Excel 365/2021: Excel 2013/2016 dan "
            "LibreOffice 7 menampilkan #NAME?.",
            "The same as the Reconciliation sheet, with XLOOKUP: =XLOOKUP(reference, Invoice No "
            'column, result column, "-"). The 4th argument replaces IFERROR, and XLOOKUP can '
            "return a column to the left (Customer). Excel 365/2021 only: Excel 2013/2016 and "
            "LibreOffice 7 show #NAME?.",
        ),
        RECON_365_HEADER,
        excel365=True,
    )
    inv = refs.col("invoice")

    def xlookup(key: str) -> Callable[[str], str]:
        return lambda d: f'=_xlfn.XLOOKUP({d},{inv},{refs.col(key)},"{NA}")'

    _receipt_lookups(sh, book, first, xlookup("amount"), xlookup("balance"))
    for row, r in enumerate(receipt_results().itertuples(), start=first):
        sh.formula(
            (row, 9), xlookup("customer")(a1(row, 3)), expected=_customer_of(r.reference),
            style="text",
        )  # fmt: skip


def _customer_of(invoice: str) -> str:
    """Customer of an invoice number, or ``NA`` when the ledger has no such invoice."""
    led = core_ledger("id").set_index("invoice")
    return str(led.loc[invoice, "customer"]) if invoice in led.index else NA
