"""Module 4's allowance sheet: the aging-method allowance and its adjusting entry."""

from __future__ import annotations

from xl_ar.core import allowance
from xl_ar.workshop.book import Sheet, a1, sheet_ref
from xl_ar.workshop.data import LedgerRefs
from xl_ar.workshop.layout import Text, ask, formula_rows, header_row, paragraph
from xl_ar.workshop.module_4.context import (
    ALLOWANCE_IN_TEXT,
    LEDGER_PART,
    LEDGER_RATES,
    TOTAL_LABEL,
    Ctx,
    add_sheet,
    bucket_balances,
    rate_table,
)
from xl_ar.workshop.terms import WRITE_OFF

# the ar-domain.md golden example, then the shared ledger
GOLDEN_ALLOWANCE: tuple[tuple[tuple[str, str], float, float], ...] = (
    (("0-30 hari", "0-30 days"), 103_000.0, 0.01),
    (("31-60 hari", "31-60 days"), 97_500.0, 0.05),
    (("61-90 hari", "61-90 days"), 39_500.0, 0.15),
    (("Di atas 90 hari", "Over 90 days"), 10_000.0, 0.95),
)
GOLDEN_EXISTING = 5_000.0  # credit balance of the allowance account (allowance.py docstring)

EXISTING_ALLOWANCE = 4_000_000.0  # credit balance before the year-end adjustment


def _bucket_sumifs(refs: LedgerRefs, k: int) -> str:
    """SUMIFS of the balance in bucket ``k`` by due-date range (no helper column needed)."""
    bal, due, day = refs.col("balance"), refs.col("due_date"), refs.as_of_cell
    bounds = [
        [f'">="&{day}'],
        [f'"<"&{day}', f'">="&({day}-30)'],
        [f'"<"&({day}-30)', f'">="&({day}-60)'],
        [f'"<"&({day}-60)', f'">="&({day}-90)'],
        [f'"<"&({day}-90)'],
    ][k]
    return "=SUMIFS(" + ",".join([bal, *(f"{due},{b}" for b in bounds)]) + ")"


def allowance_sheet(ctx: Ctx) -> list[str]:
    """Golden example, then the exercise on the shared ledger; returns the balance cells."""
    sh = add_sheet(
        ctx,
        "allowance",
        (
            "Cadangan kerugian piutang — metode persentase umur (tradisional, pembanding)",
            "Allowance for doubtful accounts — aging method (traditional, for comparison)",
        ),
        widths=[36, 16, 12, 22, 5, 3, 34, 16],
        intro=(
            f"Yang dibukukan perusahaan adalah {ALLOWANCE_IN_TEXT[0]} dari matriks provisi (sheet "
            "Matriks Provisi). Metode persentase umur di sheet ini adalah metode tradisional "
            "(sebelum PSAK 71), dihitung sebagai pembanding dan untuk anggaran kas (sheet "
            "Proyeksi Kas). Cadangan yang dibutuhkan = Σ saldo kelompok umur × tarif kerugian "
            "(SUMPRODUCT). Jurnal penyesuaian = dibutuhkan − saldo cadangan saat ini (saldo "
            "kredit positif): positif → Debit Beban kerugian piutang / Kredit Cadangan "
            "kerugian piutang; negatif → pemulihan (kebalikannya).",
            f"The company books the {ALLOWANCE_IN_TEXT[1]} from the provision matrix (Provision Matrix "
            "sheet). The aging method on this sheet is the traditional method (before PSAK 71), "
            "computed for comparison and for the cash budget (Cash Projection sheet). "
            "Required allowance = Σ bucket balance × loss rate (SUMPRODUCT). Adjusting entry = "
            "required − existing allowance (credit balance positive): positive → Debit Bad "
            "debt expense / Credit Allowance for doubtful accounts; negative → a reversal.",
        ),
        last_col=7,
    )
    _golden_allowance(ctx, sh, 3)
    return _ledger_allowance(ctx, sh, 16)


ALLOWANCE_HEAD: tuple[Text, ...] = (
    ("Kelompok Umur", "Bucket"),
    ("Saldo piutang", "Receivable balance"),
    ("Tarif kerugian", "Loss rate"),
    ("Cadangan dibutuhkan (saldo × tarif)", "Required allowance (balance × rate)"),
)


def _golden_allowance(ctx: Ctx, sh: Sheet, top: int) -> None:
    t = ctx.t
    balances = [b for _, b, _ in GOLDEN_ALLOWANCE]
    rates = [r for _, _, r in GOLDEN_ALLOWANCE]
    core = allowance(balances, rates, GOLDEN_EXISTING)
    sh.write(
        (top, 0),
        t(
            (
                "A. Contoh buku teks (dikerjakan; buku teks memakai 4 kelompok, 0-30 hari "
                "termasuk yang belum jatuh tempo)",
                "A. Textbook example (worked; the textbook uses 4 buckets, 0-30 days includes "
                "items not yet due)",
            )
        ),
        "h1",
    )
    rows = [
        (t(label), bal, rate, float(core.matrix["ecl"].iloc[i]))
        for i, (label, bal, rate) in enumerate(GOLDEN_ALLOWANCE)
    ]
    total = (core.total_receivables, core.required)
    first, r, rng, rates_rng = rate_table(sh, top + 1, ALLOWANCE_HEAD, rows, "pct", total)
    sh.write((r + 1, 0), t(EXISTING_LABEL))
    sh.write((r + 1, 3), GOLDEN_EXISTING, "money")
    sh.write((r + 2, 0), t(ENTRY_LABEL), "bold")
    sh.formula((r + 2, 3), f"=D{r + 1}-D{r + 2}", expected=core.adjustment, style="total_money")
    paragraph(sh, (r + 3, 0), 3, core.entry(ctx.book.lang))
    rows = [
        (("Dengan add-in: cadangan dibutuhkan", "With the add-in: required allowance"),
         f"=INDEX(AR_ALLOWANCE({rng},{rates_rng},D{r + 2}),2,2)", core.required, "money"),
        (("Dengan add-in: jurnal penyesuaian", "With the add-in: adjusting entry"),
         f"=INDEX(AR_ALLOWANCE({rng},{rates_rng},D{r + 2}),4,2)", core.adjustment, "money"),
    ]  # fmt: skip
    formula_rows(sh, first, rows, label=(6, 6), at=7)


EXISTING_LABEL = ("Saldo cadangan saat ini (kredit)", "Existing allowance (credit balance)")
ENTRY_LABEL = ("Jurnal penyesuaian (dibutuhkan − saldo)", "Adjusting entry (required − existing)")
LEDGER_ENTRY_LABEL = (
    "Jurnal penyesuaian seandainya metode ini dibukukan (dibutuhkan − saldo)",
    "Adjusting entry if this method were booked (required − existing)",
)


def _ledger_allowance(ctx: Ctx, sh: Sheet, top: int) -> list[str]:
    t = ctx.t
    names = ctx.buckets()
    balances = bucket_balances(ctx)
    core = allowance(balances, list(LEDGER_RATES), EXISTING_ALLOWANCE)
    sh.write((top, 0), t(LEDGER_PART), "h1")
    paragraph(
        sh,
        (top + 1, 0),
        7,
        t(
            (
                "Saldo per kelompok dihitung langsung dari sheet Data dengan SUMIFS atas tanggal "
                "jatuh tempo (tanpa kolom bantu) — bandingkan dengan baris Total di Latihan Aging. "
                "Hitung cadangan per kelompok, total, jurnal penyesuaian dan piutang bersih.",
                "The bucket balances come straight from the Data sheet with SUMIFS on the due "
                "date (no helper column) — compare them with the Total row of the Aging Exercise. "
                "Compute the allowance per bucket, the total, the adjusting entry and net "
                "receivables.",
            )
        ),
    )
    header_row(sh, (top + 2, 0), [*ALLOWANCE_HEAD, "✓"])
    first = top + 3
    cells = []
    for k, name in enumerate(names):
        r = first + k
        sh.write((r, 0), name)
        sh.formula((r, 1), _bucket_sumifs(ctx.refs, k), expected=balances[k], style="money")
        sh.write((r, 2), LEDGER_RATES[k], "pct")
        sh.exercise(
            (r, 3), float(core.matrix["ecl"].iloc[k]), kind="money",
            question=t((f"Cadangan kelompok {name}", f"Allowance for bucket {name}")),
        )  # fmt: skip
        cells.append(sheet_ref(sh.name, a1(r, 1, absolute=True)))
    last = first + len(names) - 1
    rng = f"$B${first + 1}:$B${last + 1}"
    rates_rng = f"$C${first + 1}:$C${last + 1}"
    r = last + 1
    sh.write((r, 0), t(TOTAL_LABEL), "bold")
    sh.formula((r, 1), f"=SUM({rng})", expected=core.total_receivables, style="total_money")
    sh.exercise(
        (r, 3), core.required, kind="money",
        question=t(("Total cadangan yang dibutuhkan", "Total required allowance")),
    )  # fmt: skip
    sh.write((r + 1, 0), t(EXISTING_LABEL))
    sh.write((r + 1, 3), EXISTING_ALLOWANCE, "money")
    ask(sh, r + 2, t(LEDGER_ENTRY_LABEL), core.adjustment, "money", q=(0, 0), at=3, style="bold")
    label = t(
        (
            "Piutang bersih menurut metode ini (total − cadangan)",
            "Net receivables under this method (total − allowance)",
        )
    )
    net = core.total_receivables - core.required
    ask(sh, r + 3, label, net, "money", q=(0, 0), at=3, style=None)
    args = ",".join(sheet_ref(sh.name, x) for x in (rng, rates_rng, a1(r + 1, 3, absolute=True)))
    ctx.check(
        ("Cadangan yang dibutuhkan (AR_ALLOWANCE)", "Required allowance (AR_ALLOWANCE)"),
        f"=INDEX(AR_ALLOWANCE({args}),2,2)", core.required, sh, a1(r, 3),
    )  # fmt: skip
    ctx.check(
        ("Jurnal penyesuaian (AR_ALLOWANCE)", "Adjusting entry (AR_ALLOWANCE)"),
        f"=INDEX(AR_ALLOWANCE({args}),4,2)", core.adjustment, sh, a1(r + 2, 3),
    )  # fmt: skip
    sh.write(
        (r + 4, 0),
        t(("Rumus saldo 1-30 hari, contoh:", "Balance formula for 1-30 days, e.g.:")),
        "note",
    )
    sh.write((r + 4, 1), ctx.hint(_bucket_sumifs(ctx.refs, 1)))
    paragraph(
        sh,
        (r + 6, 0),
        7,
        t(
            (
                f"{WRITE_OFF[0]}: piutang yang pasti tidak tertagih dikeluarkan dengan Debit "
                "Cadangan kerugian piutang / Kredit Piutang usaha. Jurnal ini tidak menambah "
                "beban (bebannya sudah diakui lewat cadangan); piutang bersih tidak berubah. "
                "Penerimaan kembali piutang yang sudah dihapus: balik jurnal itu, lalu catat "
                "penerimaan kasnya.",
                f"{WRITE_OFF[1]}: a receivable that will certainly not be collected is removed "
                "with Debit Allowance for doubtful accounts / Credit Accounts receivable. This "
                "entry adds no expense (the expense was recognised through the allowance); net "
                "receivables do not change. A recovery of a written-off receivable: reverse "
                "that entry, then record the cash received.",
            )
        ),
    )
    return cells
