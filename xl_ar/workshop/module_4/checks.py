"""Module 4's last sheet, "Cek dengan xl-ar": the ``AR_*`` cells that reproduce answers."""

from __future__ import annotations

from xl_ar.workshop.layout import header_row
from xl_ar.workshop.module_4.context import Ctx, add_sheet


def check_sheet(ctx: Ctx) -> None:
    """The ``AR_*`` cells that reproduce exercise answers, on a sheet to open after finishing."""
    t = ctx.t
    sh = add_sheet(
        ctx,
        "check",
        ("Cek dengan add-in xl-ar", "Check with the xl-ar add-in"),
        widths=[52, 18, 2, 36],
        intro=(
            "Buka sheet ini SETELAH Anda selesai mengerjakan semua latihan. Setiap sel di kolom "
            "B dihitung oleh fungsi add-in xl-ar (AR_*) dari data yang sama; hasilnya harus "
            "sama dengan jawaban Anda di sel yang disebut di kolom D. Tanpa add-in sel itu "
            "menampilkan #NAME?.",
            "Open this sheet AFTER you have finished every exercise. Each cell in column B is "
            "computed by an xl-ar add-in function (AR_*) from the same data; it must equal "
            "your answer in the cell named in column D. Without the add-in it shows #NAME?.",
        ),
    )
    header_row(
        sh,
        (3, 0),
        [
            t(("Hasil add-in", "Add-in result")),
            t(("Nilai", "Value")),
            None,
            t(("Bandingkan dengan jawaban Anda di", "Compare with your answer in")),
        ],
    )
    for i, check in enumerate(ctx.checks):
        r = 4 + i
        sh.write((r, 0), t(check.label))
        sh.formula((r, 1), check.formula, expected=check.expected, style="money")
        sh.write((r, 3), check.answer)
