"""Issue 16 review, finding 2: a customer whose open credits cover what it owes gets no
dunning letter and no WhatsApp link (never "Rp 0"); a WhatsApp text asks for the letter's
amount (overdue − open credits)."""

from __future__ import annotations

import tempfile

import pandas as pd
import pytest

from xl_ar.core.collections.letters import LetterWriter, letter_run, letter_text
from xl_ar.core.collections.whatsapp import whatsapp_links
from xl_ar.core.collections.worklist import assess, worklist
from xl_ar.errors import XlArError

AS_OF = "2024-12-31"
# the reviewer's ledger_h.csv rows: PT Kredit Lebih owes 1,000,000 and holds a credit note
# of 3,000,000 (net -2,000,000); CV Sebagian owes 1,000,000 and holds a 400,000 credit
LEDGER = [
    ["Pelanggan", "No Faktur", "Jenis", "Tanggal Faktur", "Jatuh Tempo", "Jumlah"],
    ["PT Kredit Lebih", "H-006", "Faktur", "01/11/2024", "01/12/2024", "1.000.000"],
    ["PT Kredit Lebih", "CN-001", "Nota Kredit", "10/12/2024", "10/12/2024", "-3.000.000"],
    ["CV Sebagian", "H-100", "Faktur", "01/11/2024", "01/12/2024", "1.000.000"],
    ["CV Sebagian", "CN-100", "Nota Kredit", "10/12/2024", "10/12/2024", "-400.000"],
]
MASTER = pd.DataFrame(
    {"customer": ["PT Kredit Lebih", "CV Sebagian"],
     "whatsapp": ["6281111111111", "6282222222222"], "language": ["id", "id"]}
)  # fmt: skip


def test_no_letter_when_credits_cover_the_overdue_amount():
    with tempfile.TemporaryDirectory() as folder:
        run = letter_run(LEDGER, AS_OF, folder)
        assert [p.name for p in run.paths] == ["001_CV_Sebagian_overdue_id.txt"]
    assert run.summary() == (
        "2 customers overdue: 1 letter written; 1 got no letter:\n"
        "  PT Kredit Lebih (open credits cover the overdue amount: credits Rp 3,000,000, "
        "overdue Rp 1,000,000)"
    )
    writer = LetterWriter(assess(LEDGER, AS_OF), "id", None, None, None, 7)
    plan = writer.plan("id").set_index("customer")
    assert plan.loc["PT Kredit Lebih", "reason"] == (
        "kredit yang belum digunakan menutup jumlah lewat jatuh tempo: kredit Rp 3.000.000, "
        "lewat jatuh tempo Rp 1.000.000"
    )
    assert pd.isna(plan.loc["CV Sebagian", "reason"])
    with pytest.raises(XlArError) as err:
        letter_text(LEDGER, "PT Kredit Lebih", AS_OF)
    assert str(err.value) == (
        "customer 'PT Kredit Lebih' needs no letter on 2024-12-31 (open credits cover the "
        "overdue amount: credits Rp 3,000,000, overdue Rp 1,000,000): give a stage to write "
        "one anyway"
    )
    # a stage given: the letter is still written on request
    assert "Rp 0" in letter_text(LEDGER, "PT Kredit Lebih", AS_OF, stage="overdue")


def test_whatsapp_asks_for_the_letters_amount_and_none_when_covered():
    letter = letter_text(LEDGER, "CV Sebagian", AS_OF)
    assert "Kami mohon pembayaran sebesar Rp 600.000 dapat dilakukan" in letter
    got = assess(LEDGER, AS_OF)
    wl = worklist(LEDGER, AS_OF)
    links = dict(zip(wl["customer"], whatsapp_links(wl, got, MASTER), strict=True))
    assert links["PT Kredit Lebih"] is None
    assert links["CV Sebagian"] == (
        "https://wa.me/6282222222222?text=Yth.%20CV%20Sebagian%2C%20tagihan%20Anda%20yang%20"
        "lewat%20jatuh%20tempo%20sebesar%20Rp%20600.000%3B%20faktur%20tertua%20H-100%20jatuh"
        "%20tempo%2001%2F12%2F2024.%20Mohon%20konfirmasi%20jadwal%20pembayarannya.%20Terima"
        "%20kasih."
    )
