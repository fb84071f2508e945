"""Review 16 #20: the Data Health sheet lists every unmatched name, in the report's language."""

from __future__ import annotations

from xl_ar.core import master_notes, read_customer_master
from xl_ar.reports.catalog import build_report

NAMES = [f"PT Pelanggan {i:02d}" for i in range(12)]
LEDGER = [
    ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"],
    *[[n, f"F{i}", "2024-05-01", "2024-05-31", 100.0] for i, n in enumerate(NAMES)],
]
MASTER = [
    ["Pelanggan", "Surel", "HP", "Bahasa"],
    ["PT Pelanggan 00", "sari(at)x.com", "08123", "jawa"],
    *[[f"UD Lain {i}", None, None, None] for i in range(7)],
]


def _notes(lang: str) -> list[str]:
    report = build_report(LEDGER, "2024-06-30", reports="data_health", customers=MASTER)
    sheet = next(s for s in report.sheets if s.key == "data_health")
    return [n[lang == "en"] for n in sheet.notes]


def test_every_unmatched_name_is_listed_both_ways():
    en = _notes("en")
    missing = next(n for n in en if n.startswith("11 ledger customers"))
    assert missing == (
        "11 ledger customers with open items are not in the customer master: "
        + ", ".join(f"'{n}'" for n in NAMES[1:])
    )
    unused = next(n for n in en if n.startswith("7 customers of the customer master"))
    assert unused.endswith(": " + ", ".join(f"'UD Lain {i}'" for i in range(7)))
    assert not any(" and " in n and " more" in n for n in en)
    assert not any("lainnya" in n for n in _notes("id"))


def test_the_master_problem_lines_are_in_the_reports_language():
    id_notes = _notes("id")
    assert "master pelanggan: baris 2 'Surel': 'sari(at)x.com' bukan alamat e-mail (tanpa @)" in (
        id_notes
    )
    assert "master pelanggan: baris 2 'HP': '08123' bukan nomor telepon (8 sampai 15 digit)" in (
        id_notes
    )
    assert "master pelanggan: baris 2 'Bahasa': 'jawa' bukan id atau en" in id_notes
    assert not any(n.startswith("customer master:") for n in id_notes)
    assert "customer master: row 2 'Bahasa': 'jawa' is not id or en" in _notes("en")


def test_the_cli_notes_still_cut_at_five():
    master = read_customer_master(MASTER)
    line = master_notes(LEDGER, master, "2024-06-30")[0]
    assert line.endswith("'PT Pelanggan 05' and 6 more")
