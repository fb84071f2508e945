"""Issue 16 review, finding 19 (collections): a dispute reason not recognised is *other*
with a note naming its words; a landline gets no wa.me link; of several numbers in one cell
the first is used."""

from __future__ import annotations

import pandas as pd

from xl_ar.core import dispute_report
from xl_ar.core.collections.whatsapp import wa_link, whatsapp_links
from xl_ar.core.collections.worklist import assess, worklist

AS_OF = "2024-12-31"
LEDGER = [
    ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"],
    ["PT Maju", "F-1", "2024-10-01", "2024-10-31", 1_000_000.0],
    ["CV Baru", "F-2", "2024-10-01", "2024-10-31", 2_000_000.0],
    ["UD Dua", "F-3", "2024-10-01", "2024-10-31", 3_000_000.0],
]  # fmt: skip


def test_unknown_reason_is_other_with_a_note():
    log = [["No", "Pelanggan", "Faktur", "Alasan", "Dibuka"],
           ["D7", "PT Maju", "F-1", "xyz", "10/12/2024"],
           ["D8", "CV Baru", "F-2", "lainnya", "10/12/2024"],
           ["D9", "UD Dua", "F-3", "harga", "10/12/2024"]]  # fmt: skip
    got = dispute_report(log, LEDGER, AS_OF)
    assert got.open.set_index("dispute_id")["reason"].to_dict() == {
        "D7": "other", "D8": "other", "D9": "price"
    }  # fmt: skip
    assert got.notes == (
        ("Log sengketa: alasan tidak dikenali, dihitung sebagai 'Lainnya': D7 'xyz'",
         "Dispute log: reason not recognised, counted as 'Other': D7 'xyz'"),
    )  # fmt: skip


def test_landlines_get_no_link_several_numbers_the_first():
    assert wa_link("(021) 555-1234", "x") is None
    assert wa_link("62215551234", "x") is None  # the master's form of (021) 555-1234
    assert wa_link("+62 (21) 555-1234", "x") is None
    assert wa_link("0812 3456 7890 / 0813 111 2222", "x") == "https://wa.me/6281234567890?text=x"
    assert wa_link("0812-3456-7890", "x") == "https://wa.me/6281234567890?text=x"
    master = pd.DataFrame({"customer": ["PT Maju", "CV Baru", "UD Dua"],
                           "whatsapp": ["62215551234", "6281234567890; 6281311112222",
                                        "(031) 555 9999"]})  # fmt: skip
    wl = worklist(LEDGER, AS_OF)
    links = dict(zip(wl["customer"], whatsapp_links(wl, assess(LEDGER, AS_OF), master),
                     strict=True))  # fmt: skip
    assert links["PT Maju"] is None and links["UD Dua"] is None
    assert links["CV Baru"].startswith("https://wa.me/6281234567890?text=Yth.%20CV%20Baru%2C")
