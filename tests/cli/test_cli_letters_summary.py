"""Issue 15 (8, 9): `xl-ar letters` says who got no letter and why; --interest-rate;
`xl-ar reconcile` --statement-sign and --write-off-overpayments."""

from __future__ import annotations

import re

from tests.support.overdue_twelve import twelve_csv
from xl_ar.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_twelve_overdue_customers_twelve_letters_and_the_summary(capsys, tmp_path):
    ledger = twelve_csv(tmp_path / "twelve.csv")
    out_dir = tmp_path / "letters"
    code, out, err = run(capsys, "letters", str(ledger), "--as-of", "2024-12-31", "--lang",
                         "en", "--out", str(out_dir))  # fmt: skip
    assert code == 0
    assert out == f"wrote 12 letters to {out_dir}\n"
    assert err == "12 customers overdue: 12 letters written\n"
    written = sorted(p.name for p in out_dir.glob("*.txt"))
    assert len(written) == 12 and sum("_write_off_" in n for n in written) == 7
    assert all("interest" not in (out_dir / n).read_text("utf-8").lower() for n in written)


def test_letters_lists_the_customers_without_a_letter(capsys, tmp_path):
    ledger = twelve_csv(tmp_path / "twelve.csv")
    promises = tmp_path / "janji.csv"
    promises.write_text("Pelanggan,Tanggal Janji\nPT Sebelas,2025-01-20\nPT Dua,2025-01-03\n",
                        encoding="utf-8")  # fmt: skip
    code, out, err = run(capsys, "letters", str(ledger), "--as-of", "2024-12-31", "--out",
                         str(tmp_path / "out"), "--promises", str(promises),
                         "--interest-rate", "12%")  # fmt: skip
    assert code == 0 and out == f"wrote 10 letters to {tmp_path / 'out'}\n"
    assert err == (
        "12 customers overdue: 10 letters written; 2 got no letter:\n"
        "  PT Sebelas (paused by a promise to pay by 2025-01-20)\n"
        "  PT Dua (paused by a promise to pay by 2025-01-03)\n"
    )
    escalation = next((tmp_path / "out").glob("*_UD_Empat_escalation_id.txt"))
    flat = " ".join(escalation.read_text("utf-8").split())
    assert "dikenakan bunga 12% per tahun sebesar Rp 789.041." in flat


def test_letters_bad_interest_rate_is_one_line(capsys, tmp_path):
    ledger = twelve_csv(tmp_path / "twelve.csv")
    code, out, err = run(capsys, "letters", str(ledger), "--out", str(tmp_path / "o"),
                         "--interest-rate", "12")  # fmt: skip
    assert code != 0 and out == ""
    assert err.strip().endswith(
        "--interest-rate must be a fraction from 0 to 1 (10% = 0.1), not 12"
    )
    assert err.count("\n") == 1 and not (tmp_path / "o").exists()


LEDGER = (
    "Customer,Invoice,Invoice Date,Due Date,Amount\n"
    "PT A,INV-001,2024-01-05,2024-02-04,1000000\n"
    "PT A,INV-002,2024-01-20,2024-02-19,2000000\n"
)


def test_reconcile_statement_sign_and_overpayments(capsys, tmp_path):
    ledger = tmp_path / "ledger.csv"
    ledger.write_text(LEDGER, encoding="utf-8")
    theirs = tmp_path / "their_books.csv"
    theirs.write_text("Doc No,Amount\nINV-001,-1000000\nINV-002,-2000000\n", encoding="utf-8")
    code, out, _ = run(capsys, "reconcile", str(ledger), str(theirs), "--mode", "statement")
    assert code == 0
    assert out.count("matched") == 2 and "amount_differs" not in out
    assert "Statement Sign" in out and "was flipped" in out
    code, out, _ = run(capsys, "reconcile", str(ledger), str(theirs), "--mode", "statement",
                       "--statement-sign", "ours")  # fmt: skip
    assert code == 0 and out.count("amount_differs") == 2
    assert re.search(r"^Balance Difference +6,000,000\.00$", out, re.M)
    pays = tmp_path / "pays.csv"
    pays.write_text("Payment,Date,Amount,Customer\nP1,2024-02-10,1000400,PT A\n", encoding="utf-8")
    code, out, _ = run(capsys, "reconcile", str(ledger), str(pays), "--tolerance", "500")
    assert code == 0 and "unapplied" in out and "overpaid" not in out
    assert re.search(r"^Overpayments Written Off +0\.00$", out, re.M)
    assert re.search(r"^Unapplied Cash +400\.00$", out, re.M)
    code, out, _ = run(capsys, "reconcile", str(ledger), str(pays), "--tolerance", "500",
                       "--write-off-overpayments")  # fmt: skip
    assert code == 0 and "overpaid" in out
    assert re.search(r"^Overpayments Written Off +400\.00$", out, re.M)
