"""Review 16 #8, #19, #21: one rule for --by when ledger and master both have the column."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from tests.support.by_column_samples import AS_OF, BY_KOTA, BY_REGION, LEDGER, MASTER
from xl_ar.cli import main
from xl_ar.core import BY_NOTE_ATTR, aging, choose_by_column, ensure_ledger
from xl_ar.errors import OptionError
from xl_ar.reports.catalog import build_report

NOTE_EN = (
    "grouped by the ledger's column 'Kota' (the customer master also has a region column: "
    "use --by master:region)"
)
NOTE_ID = (
    "dikelompokkan menurut kolom buku piutang 'Kota' (master pelanggan juga punya kolom "
    "region: pakai --by master:region)"
)


@pytest.mark.parametrize("by", ["region", "Wilayah", "kota", "KOTA", "ledger:region"])
def test_the_same_meaning_groups_by_the_same_column(by):
    table = aging(LEDGER, AS_OF, by=by, customers=MASTER)
    assert table.columns[0] == "Kota"
    assert table.values.tolist() == BY_KOTA


@pytest.mark.parametrize("by", ["region", "Wilayah", "kota"])
def test_the_note_names_the_column_used_and_the_other(by):
    assert aging(LEDGER, AS_OF, by=by, customers=MASTER).attrs[BY_NOTE_ATTR] == (NOTE_ID, NOTE_EN)


@pytest.mark.parametrize("by", ["master:region", "master:Wilayah", "MASTER: kota"])
def test_master_prefix_groups_by_the_masters_column(by):
    table = aging(LEDGER, AS_OF, by=by, customers=MASTER)
    assert table.columns[0] == "region" and table.values.tolist() == BY_REGION
    assert BY_NOTE_ATTR not in table.attrs


def test_a_ledger_column_found_by_meaning_alone_is_said():
    table = aging(LEDGER, AS_OF, by="region")  # no master: the ledger's Kota means region
    assert table.attrs[BY_NOTE_ATTR][1] == "grouped by the ledger's column 'Kota' (region)"
    assert BY_NOTE_ATTR not in aging(LEDGER, AS_OF, by="kota").attrs  # by its own name: no note


def test_prefixed_sides_refuse_in_one_line():
    with pytest.raises(OptionError) as got:
        aging(LEDGER, AS_OF, by="master:region")
    assert str(got.value).startswith(
        "by 'master:region' is a customer-master column (region): give"
    )
    with pytest.raises(OptionError) as got:
        aging(LEDGER, AS_OF, by="ledger:salesperson", customers=MASTER)
    assert str(got.value) == (
        "by: no column 'ledger:salesperson' in the ledger (Kota, doc_type, invoice_date, "
        "due_date, terms_days, payment_date, disputed, currency)"
    )


def test_an_unknown_column_lists_all_or_says_how_many_more_and_where():
    extra = [f"Kolom panjang nomor {i}" for i in range(12)]
    rows = [["Customer", "Invoice Date", "Due Date", "Amount", *extra],
            ["A", "2024-01-01", "2024-01-31", 100, *range(12)]]  # fmt: skip
    with pytest.raises(OptionError) as got:
        aging(ensure_ledger(rows), "2024-03-31", by="nonsense")
    message = str(got.value)
    assert "…" not in message and len(message) <= 225
    assert message.startswith("by: no column 'nonsense' in the ledger (Kolom panjang nomor 0, ")
    assert " more (ledger:? lists all)); a customer-master column needs the customer master" in (
        message
    )
    with pytest.raises(OptionError) as got:
        aging(ensure_ledger(rows), "2024-03-31", by="ledger:?")
    assert str(got.value).endswith("Kolom panjang nomor 5 and 13 more (see the header row))")


def test_choose_by_column_sides():
    led = ensure_ledger(LEDGER)
    assert choose_by_column(led, "master:region", MASTER).side == "master"
    assert choose_by_column(led, "region", MASTER).column == "Kota"


def test_cli_aging_prints_the_note(capsys, tmp_path):
    ledger = tmp_path / "l.csv"
    master = tmp_path / "m.csv"
    pd.DataFrame(LEDGER[1:], columns=LEDGER[0]).to_csv(ledger, index=False)
    pd.DataFrame(MASTER[1:], columns=MASTER[0]).to_csv(master, index=False)
    code = main(["aging", str(ledger), "--as-of", AS_OF, "--by", "region", "--customers",
                 str(master), "--format", "csv"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0
    assert f"xl-ar aging: note: {NOTE_EN}" in err.splitlines()
    assert pd.read_csv(io.StringIO(out)).columns[0] == "Kota"


def test_the_report_sheet_titles_the_grouping_and_notes_the_column(tmp_path):
    report = build_report(LEDGER, AS_OF, reports="aging", customers=MASTER,
                          options={"by": "region"})  # fmt: skip
    s = next(x for x in report.sheets if x.key == "aging")
    assert s.title == ("Umur Piutang per Kota dan per Pelanggan",
                       "Accounts Receivable Aging by Kota and by Customer")  # fmt: skip
    assert (NOTE_ID, NOTE_EN) in s.notes
    by_master = build_report(LEDGER, AS_OF, reports="aging", customers=MASTER,
                             options={"by": "master:region"})  # fmt: skip
    s = next(x for x in by_master.sheets if x.key == "aging")
    assert s.title == ("Umur Piutang per Wilayah dan per Pelanggan",
                       "Accounts Receivable Aging by Region and by Customer")  # fmt: skip
    assert not any("grouped" in n[1] for n in s.notes)
    plain = build_report(LEDGER, AS_OF, reports="aging")
    assert next(x for x in plain.sheets if x.key == "aging").title == (
        "Umur Piutang per Pelanggan",
        "Accounts Receivable Aging by Customer",
    )
