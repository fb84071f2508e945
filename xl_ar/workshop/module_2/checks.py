"""The last sheet: ``AR_*`` add-in cells that recompute the score, the limit and the review."""

from __future__ import annotations

from xl_ar.workshop.book import Book, a1
from xl_ar.workshop.data import LedgerRefs
from xl_ar.workshop.layout import formula_rows, header_row, paragraph, titled_sheet
from xl_ar.workshop.module_2.cases import APPLICANT, master_review
from xl_ar.workshop.module_2.common import CHECK_SHEET, LINE

__all__ = ["add_check_sheet"]


def add_check_sheet(book: Book, refs: LedgerRefs, customers: str) -> None:
    """The last sheet: ``AR_*`` cells that recompute the answers (open it at the end)."""
    t, lang = book.t, book.lang
    case = APPLICANT
    score, res = case.score(), case.limit()
    sh = titled_sheet(
        book,
        CHECK_SHEET,
        ("Cek jawaban dengan add-in xl-ar", "Check your answers with the xl-ar add-in"),
        widths=[4, 34, 22, 20, 24, 20],
        intro=(
            "Buka sheet ini setelah Anda selesai: fungsi add-in xl-ar menghitung skor, limit "
            "dan tinjauan limit dari data yang sama. Tanpa add-in selnya menampilkan #NAME?.",
            "Open this sheet after you finish: the xl-ar add-in's functions compute the score, "
            "the limit and the limit review from the same data. Without the add-in the cells "
            "show #NAME?.",
        ),
    )
    sh.write((3, 0), t(("A. Skor 5C dan batas kredit pemohon", "A. The applicant's 5 C's score "
                        "and credit limit")), "h1")  # fmt: skip
    rows = case.profile(lang)
    header_row(sh, (4, 1), [("Label", "Label"), ("Nilai", "Value")], height=LINE)
    for i, (label, value, style) in enumerate(rows):
        sh.write((5 + i, 1), label)
        sh.write((5 + i, 2), value, style)
    profile = f"{a1(4, 1)}:{a1(4 + len(rows), 2)}"
    c_scores = f"{a1(6, 2)}:{a1(10, 2)}"
    header_row(sh, (4, 4), [("Hasil add-in", "Add-in result"), ("Nilai", "Value")], height=LINE)
    results = [
        (("Skor tertimbang", "Weighted score"), f"=INDEX(AR_CREDIT_SCORE({c_scores}),1,2)",
         round(score.score, 9), "number"),
        (("Peringkat", "Grade"), f"=INDEX(AR_CREDIT_SCORE({c_scores}),2,2)", score.grade, "bold"),
        (("Limit direkomendasikan", "Recommended limit"), f"=AR_CREDIT_LIMIT({profile})",
         res.recommended_limit, "rp"),
    ]  # fmt: skip
    formula_rows(sh, 5, results, label=(4, 4), at=5)
    r = 5 + len(rows) + 1
    sh.write((r, 0), t(("B. Tinjauan limit", "B. Limit review")), "h1")
    review = master_review(lang)
    header_row(sh, (r + 1, 1), [("Pelanggan", "Customer"), ("Batas kredit", "Credit limit"),
                                ("Saldo terbuka", "Open balance"), ("Sisa limit", "Available")],
               height=LINE)  # fmt: skip
    call = f"AR_CREDIT_REVIEW({customers},{refs.table},{refs.as_of_cell})"
    columns = list(review.columns)
    for i, rec in review.iterrows():
        rr = r + 2 + int(i)
        for c, key, style in ((1, "customer", None), (2, "credit_limit", "money"),
                              (3, "open_ar", "money"), (4, "available", "money")):  # fmt: skip
            value = rec[key] if key == "customer" else float(rec[key])
            sh.formula((rr, c), f"=INDEX({call},{int(i) + 2},{columns.index(key) + 1})",
                       expected=value, style=style)  # fmt: skip
    paragraph(
        sh,
        (r + 2 + len(review), 1),
        5,
        (
            "AR_CREDIT_REVIEW mengurutkan pelanggan dari eksposur terbesar; sisa limit negatif "
            "= melebihi limit.",
            "AR_CREDIT_REVIEW sorts the customers by exposure, largest first; a negative "
            "available limit = over the limit.",
        ),
    )
