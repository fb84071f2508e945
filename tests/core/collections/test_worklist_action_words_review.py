"""Issue 16 review, finding 21: the worklist's last action is the action, in the report's
language (no outcome-like "janji bayar", no English "WhatsApp" in the Indonesian sheet)."""

from __future__ import annotations

from activity_samples import AS_OF, LEDGER

from xl_ar.core.collections.worklist import worklist

LOG = [
    ["Tanggal", "Pelanggan", "Tindakan", "Hasil", "Tanggal Janji"],
    ["02/12/2024", "PT Maju", "wa", "dibaca", ""],
    ["03/12/2024", "CV Baru", "janji", "janji bayar", "20/12/2024"],
    ["04/12/2024", "UD Sejahtera", "email", "terkirim", ""],
]  # fmt: skip


def test_last_action_words_per_language():
    got = {
        lang: worklist(LEDGER, AS_OF, activity=LOG, lang=lang).set_index("customer")["last_action"]
        for lang in ("id", "en")
    }
    names = ["PT Maju", "CV Baru", "UD Sejahtera"]
    assert got["id"][names].tolist() == ["pesan WA", "janji", "surel"]
    assert got["en"][names].tolist() == ["WhatsApp message", "promise", "e-mail"]
