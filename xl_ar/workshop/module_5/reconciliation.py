"""Module 5's reconciliation sheets: bank receipts against invoices (VLOOKUP, INDEX-MATCH, XLOOKUP)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from xl_ar.workshop.book import Book, Sheet, a1, sheet_ref
from xl_ar.workshop.data import LedgerRefs, workshop_ledger
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
    ("Nilai faktur (VLOOKUP; 0 jika tidak ditemukan)", "Invoice amount (VLOOKUP; 0 if not found)"),
    (
        "Sisa tagihan (INDEX/MATCH; 0 jika tidak ditemukan)",
        "Open balance (INDEX/MATCH; 0 if not found)",
    ),
    ("Selisih = diterima − sisa", "Difference = received − balance"),
    (
        "Status: COCOK, KURANG BAYAR, LEBIH BAYAR atau TIDAK DITEMUKAN",
        "Status: MATCH, SHORT, OVER or NOT FOUND",
    ),
    "✓ F",
    "✓ G",
    "✓ H",
    "✓ I",
)
RECON_365_HEADER: tuple[Text, ...] = (
    *RECON_HEADER[:5],
    ("Nilai faktur (XLOOKUP; 0 jika tidak ditemukan)", "Invoice amount (XLOOKUP; 0 if not found)"),
    ("Sisa tagihan (XLOOKUP; 0 jika tidak ditemukan)", "Open balance (XLOOKUP; 0 if not found)"),
    RECON_HEADER[7],
    RECON_HEADER[8],
    ("Pelanggan (XLOOKUP ke kiri)", "Customer (XLOOKUP to the left)"),
)
LOOKUP_COLUMNS: tuple[tuple[str, Text, str], ...] = (
    ("lookup_amount", ("nilai faktur (VLOOKUP)", "invoice amount (VLOOKUP)"), "money"),
    ("lookup_balance", ("sisa tagihan (INDEX/MATCH)", "open balance (INDEX/MATCH)"), "money"),
    (
        "lookup_difference",
        ("selisih = diterima − sisa", "difference = received − balance"),
        "money",
    ),
    ("status", ("status", "status"), "text"),
)
"""The looked-up columns F:I: ``receipt_results`` column, what the exercise asks, kind."""
CHECK_COL = 9  # column J: the ✓/✗ of F; K, L, M check G, H, I


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


def _status_formula(book: Book, d: str, h: str, invoices: str) -> str:
    """Status of a receipt from its reference cell ``d`` and difference cell ``h``.

    A balance of 0 does not tell a missing reference from a paid invoice: the reference is
    looked up again in ``invoices`` (the ledger's invoice numbers).
    """
    t = book.t
    return (
        f'=IF(ISNA(MATCH({d},{invoices},0)),"{t(STATUS["missing"])}",'
        f'IF({h}=0,"{t(STATUS["match"])}",'
        f'IF({h}<0,"{t(STATUS["short"])}","{t(STATUS["over"])}")))'
    )


def _recon_sheet(
    book: Book,
    key: str,
    title: Text,
    text: Text,
    header: tuple[Text, ...],
    widths: list[float],
    **options: Any,
) -> tuple[Sheet, int]:
    """A reconciliation sheet: title, explanation, table header and the bank statement (A:E).

    Returns the sheet and the first receipt row (zero-based).
    """
    sh = titled_sheet(book, SHEETS[key], title, widths=widths, intro=text, **options)
    header_row(sh, (3, 0), header, height=60)
    _receipt_rows(sh, 4)
    return sh, 4


def _receipt_lookups(
    sh: Sheet,
    book: Book,
    row: int,
    r: Any,
    amount: Callable[[str], str],
    balance: Callable[[str], str],
    invoices: str,
) -> None:
    """One receipt's looked-up invoice amount (F) and balance (G), difference (H), status (I).

    ``amount`` and ``balance`` give the lookup formula of the reference cell (column D);
    ``r`` is the receipt's row of :func:`receipt_results`.
    """
    d, e, g, h = (a1(row, c) for c in (3, 4, 6, 7))
    sh.formula((row, 5), amount(d), expected=float(r.lookup_amount), style="money")
    sh.formula((row, 6), balance(d), expected=float(r.lookup_balance), style="money")
    sh.formula((row, 7), f"={e}-{g}", expected=float(r.lookup_difference), style="money")
    sh.formula(
        (row, 8),
        _status_formula(book, d, h, invoices),
        expected=book.t(STATUS[r.status]),
        style="text",
    )


def _receipt_exercises(sh: Sheet, book: Book, row: int, number: int, r: Any) -> None:
    """One receipt's F:I as yellow inputs, checked in J:M against the core's values."""
    t = book.t
    ref = r.reference or t(("tanpa referensi", "no reference"))
    for j, (column, asked, kind) in enumerate(LOOKUP_COLUMNS):
        value = getattr(r, column)
        answer = t(STATUS[value]) if column == "status" else float(value)
        question = (
            f"Penerimaan {number} ({ref}): {asked[0]}",
            f"Receipt {number} ({ref}): {asked[1]}",
        )
        sh.exercise(
            (row, 5 + j), answer, kind=kind, question=t(question), check=(row, CHECK_COL + j)
        )


def reconciliation_sheet(book: Book, refs: LedgerRefs) -> None:
    """The Reconciliation sheet: a worked receipt, the others as lookup exercises, questions.

    The first receipt shows the VLOOKUP, INDEX/MATCH, difference and status formulas; the
    trainee fills F:I of every other receipt (checked in J:M), then answers the questions.
    """
    t = book.t
    res = receipt_results()
    first = 4
    last = first + len(res) - 1
    inputs = f"{a1(first + 1, 5)}:{a1(last, 8)}"
    sh, first = _recon_sheet(
        book,
        "recon",
        (
            "Rekonsiliasi Penerimaan Bank — 2 s.d. 10 Januari 2025",
            "Bank Receipts Reconciliation — 2 to 10 January 2025",
        ),
        (
            "Mutasi rekening bank (kiri) dicocokkan dengan daftar faktur di sheet Data per 31 Des "
            f"2024. Baris {first + 1} adalah contoh dengan rumus: F = VLOOKUP nilai faktur, G = "
            "INDEX/MATCH sisa tagihan (IFERROR memberi 0 bila referensi tidak ditemukan), H = "
            "selisih, I = status (IF bertingkat; MATCH menguji apakah referensinya ada). Isi "
            f"sel kuning {inputs} untuk penerimaan lainnya; kolom J:M menunjukkan ✓/✗. Status: "
            "COCOK, KURANG BAYAR, LEBIH BAYAR atau TIDAK DITEMUKAN.",
            "The bank statement (left) is matched to the invoice list on the Data sheet at "
            f"31 Dec 2024. Row {first + 1} is a worked example with formulas: F = VLOOKUP of "
            "the invoice amount, G = INDEX/MATCH of the open balance (IFERROR gives 0 when the "
            "reference is not found), H = difference, I = status (nested IF; MATCH tests "
            f"whether the reference exists). Fill the yellow cells {inputs} for the other "
            "receipts; columns J:M show ✓/✗. Status: MATCH, SHORT, OVER or NOT FOUND.",
        ),
        RECON_HEADER,
        [5, 12, 28, 20, 15, 16, 16, 16, 18, 5, 5, 5, 5],
    )
    inv_rng, bal_rng = refs.col("invoice"), refs.col("balance")
    table = sheet_ref(
        refs.sheet,
        f"{a1(refs.first, refs.col_index('invoice'), absolute=True)}:"
        f"{a1(refs.last, refs.col_index('balance'), absolute=True)}",
    )
    offset = refs.col_index("amount") - refs.col_index("invoice") + 1
    for i, r in enumerate(res.itertuples()):
        if i == 0:  # the worked row
            _receipt_lookups(
                sh,
                book,
                first,
                r,
                lambda d: f"=IFERROR(VLOOKUP({d},{table},{offset},FALSE),0)",
                lambda d: f"=IFERROR(INDEX({bal_rng},MATCH({d},{inv_rng},0)),0)",
                inv_rng,
            )
            sh.merge(
                f"{a1(first, CHECK_COL)}:{a1(first, CHECK_COL + 3)}",
                t(("← contoh", "← example")),
                "note",
            )
        else:
            _receipt_exercises(sh, book, first + i, i + 1, r)
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
    on_hold = float(res["lookup_difference"].clip(lower=0).sum())
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
                'SUMIF kolom Selisih (H) dengan kriteria ">0": selisih penerimaan yang tidak '
                "ditemukan = seluruh jumlahnya",
                'SUMIF on the Difference column (H) with the criterion ">0": a receipt not '
                "found has its whole amount as difference",
            ),
        ),
    ]
    for j, (question, answer, kind, hint) in enumerate(q):
        ask(sh, row + j, question, answer, kind, hint, q=(0, 3), at=4, h=(6, 12))
    row += len(q)
    # INDEX/MATCH looks left: who sells the invoice the mistyped reference meant?
    typo = res[res["kind"] == "typo"].iloc[0]
    question = (
        f"Referensi {typo.reference} salah ketik; jumlahnya sama dengan sisa faktur "
        f"{typo.invoice}. Siapa Sales faktur itu? (INDEX/MATCH: VLOOKUP tidak bisa ke kiri)",
        f"Reference {typo.reference} is mistyped; its amount equals the balance of invoice "
        f"{typo.invoice}. Who is that invoice's salesperson? (INDEX/MATCH: VLOOKUP cannot "
        "look left)",
    )
    hint = (
        "INDEX pada kolom Sales, MATCH pada kolom No Faktur, di sheet Data",
        "INDEX on the Salesperson column, MATCH on the Invoice No column, on the Data sheet",
    )
    answer = _ledger_value(str(typo.invoice), "Sales")
    ask(sh, row, question, answer, "text", hint, q=(0, 3), at=4, h=(6, 12))


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
            "kolom hasil; 0). Argumen ke-4 menggantikan IFERROR, dan XLOOKUP bisa mengambil "
            "kolom di kiri (Pelanggan). Hanya untuk Excel 365/2021: Excel 2013/2016 dan "
            "LibreOffice 7 menampilkan #NAME?.",
            "The same as the Reconciliation sheet, with XLOOKUP: =XLOOKUP(reference, Invoice No "
            "column, result column, 0). The 4th argument replaces IFERROR, and XLOOKUP can "
            "return a column to the left (Customer). Excel 365/2021 only: Excel 2013/2016 and "
            "LibreOffice 7 show #NAME?.",
        ),
        RECON_365_HEADER,
        [5, 12, 28, 20, 15, 16, 16, 16, 18, 20],
        excel365=True,
    )
    inv = refs.col("invoice")

    def xlookup(key: str, missing: str = "0") -> Callable[[str], str]:
        return lambda d: f"=_xlfn.XLOOKUP({d},{inv},{refs.col(key)},{missing})"

    for row, r in enumerate(receipt_results().itertuples(), start=first):
        _receipt_lookups(sh, book, row, r, xlookup("amount"), xlookup("balance"), inv)
        sh.formula(
            (row, 9), xlookup("customer", f'"{NA}"')(a1(row, 3)),
            expected=_ledger_value(r.reference, "Pelanggan"), style="text",
        )  # fmt: skip


def _ledger_value(invoice: str, column: str) -> str:
    """``column`` of the shared ledger (Indonesian names) for ``invoice``, or ``NA``."""
    led = workshop_ledger().set_index("No Faktur")
    return str(led.loc[invoice, column]) if invoice in led.index else NA
