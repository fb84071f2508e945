"""The README's month-end bank reconciliation, run literally on the demo's files: every step
exits 0 and the figures the README quotes are the figures the files hold."""

from __future__ import annotations

import csv
import shlex
from pathlib import Path

import openpyxl

from xl_ar.cli import main
from xl_ar.demo import run_demo

README = Path(__file__).resolve().parents[2] / "README.md"


def walkthrough() -> list[list[str]]:
    """The ``xl-ar`` commands of the README's bank block, one argv each."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Month-end bank reconciliation", 1)[1]
    block = section.split("```bash\n", 1)[1].split("```", 1)[0]
    out = []
    for line in block.replace("\\\n", " ").splitlines():
        words = shlex.split(line, comments=True)
        if words and words[0] == "xl-ar":
            out.append(words[1:])
    return out


def test_the_bank_walkthrough_works_as_written(tmp_path, monkeypatch, capsys):
    steps = walkthrough()
    assert [argv[0] for argv in steps] == ["reconcile", "reconcile", "withholding", "report"]
    run_demo(tmp_path / "out")
    monkeypatch.chdir(tmp_path / "out")
    outputs = []
    for argv in steps:
        assert main(argv) == 0, argv
        outputs.append(capsys.readouterr().out)
    first = outputs[0]
    assert "balances agree: opening 250,000,000.00 + credits 155,996,095.00 - debits 21,500.00 " \
        "= closing 405,974,595.00" in first  # fmt: skip
    folder = Path("bank-2024-12")
    with open(folder / "jurnal_bca_2024-12.csv", encoding="utf-8") as f:
        journal = list(csv.DictReader(f))
    vouchers: dict[str, int] = {}
    for line in journal:  # every voucher balances to the rupiah
        cents = round(float(line["*Debit"]) * 100) - round(float(line["*Credit"]) * 100)
        vouchers[line["*Transaction No"]] = vouchers.get(line["*Transaction No"], 0) + cents
    assert len(vouchers) == 4 and set(vouchers.values()) == {0}
    with open(folder / "withholding_2024-12.csv", encoding="utf-8") as f:
        withheld = list(csv.DictReader(f))
    assert [(w["Customer"], w["Type"], float(w["Amount"])) for w in withheld] == [
        ("CV Agung Mandiri", "PPh 23", 456_205.0),
        ("CV Bintang Santosa", "PPh 23", 440_600.0),
    ]
    for w in withheld:  # 2 % of the invoice's own tax base, in whole rupiah
        assert float(w["Amount"]) == round(float(w["Base"]) * 0.02)
    pph23 = sum(float(x["*Debit"]) for x in journal if x["*Account Code"] == "1-10502")
    assert pph23 == 896_805.0  # the journal and the list agree
    assert "896,805.00" in outputs[2]
    with open(folder / "giro_2024-12.csv", encoding="utf-8") as f:
        assert list(csv.reader(f)) == [
            ["Effective Date", "Customer", "Amount", "Receipt", "Received"],
            ["2025-01-15", "CV Karya Jaya", "35350600", "row 12", "2024-12-16"],
        ]
    sheet = openpyxl.load_workbook("proyeksi-kas.xlsx").worksheets[0]
    rows = [r for r in sheet.iter_rows(values_only=True) if r[0] == "Giro mundur di tangan"]
    assert [(r[1].date().isoformat(), r[3]) for r in rows] == [("2025-01-15", 35_350_600)]
