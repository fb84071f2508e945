"""Dunning letters: formatting, templates, totals that tie to open items, both languages."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pytest

from xl_ar.core.collections.interest import late_interest
from xl_ar.core.collections.letters import (
    PLACEHOLDERS,
    format_money,
    letter_text,
    load_templates,
    long_date,
    read_contact,
    write_letters,
)
from xl_ar.core.collections.strategy import DEFAULT_STRATEGY
from xl_ar.core.collections.worklist import worklist
from xl_ar.core.ledger.ledger import read_ledger
from xl_ar.core.position.open_items import open_items
from xl_ar.errors import XlArError
from xl_ar.sample_data import COMPANY, SAMPLE_AS_OF, make_sample_ledger

D = dt.datetime
AS_OF = D(2024, 12, 31)
HEADER = ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Disputed", "Type",
          "Currency"]  # fmt: skip
CONTACT = {"name": "Rina Kusumawati", "title": "Staf Piutang", "phone": "021-555 0101",
           "email": "piutang@sinar.co.id", "bank": "BCA 123-456-7890 a.n. PT Sinar"}  # fmt: skip


def inv(customer, number, due_in, amount, disputed="no", kind="Invoice", currency="IDR"):
    due = AS_OF + dt.timedelta(days=due_in)
    return [customer, number, due - dt.timedelta(days=30), due, amount, disputed, kind, currency]


def ledger(*rows):
    return [HEADER, *rows]


def table_lines(text: str) -> list[str]:
    """The invoice lines of a letter's table (between the two rules)."""
    lines = text.splitlines()
    rules = [i for i, line in enumerate(lines) if re.fullmatch(r"[- ]+", line) and "--" in line]
    return lines[rules[0] + 1 : rules[1]]


def total_line(text: str) -> str:
    lines = text.splitlines()
    rules = [i for i, line in enumerate(lines) if re.fullmatch(r"[- ]+", line) and "--" in line]
    return lines[rules[1] + 1]


# --------------------------------------------------------------------------------------------
# formatting
# --------------------------------------------------------------------------------------------


def test_long_dates_in_both_languages():
    assert long_date(D(2024, 12, 31), "id") == "31 Desember 2024"
    assert long_date(D(2024, 8, 17), "en") == "17 August 2024"
    assert long_date(45658.0, "id") == "1 Januari 2025"


@pytest.mark.parametrize(
    ("value", "lang", "currency", "text"),
    [
        (1234567.0, "id", None, "Rp 1.234.567"),
        (1234567.0, "en", None, "Rp 1,234,567"),
        (1234567.456, "id", "IDR", "Rp 1.234.567,46"),
        (0.41, "id", None, "Rp 0,41"),
        (-250000.0, "id", None, "-Rp 250.000"),
        (-0.001, "id", None, "Rp 0"),
        (1500.0, "en", "usd", "USD 1,500.00"),
        (1500.0, "id", "USD", "USD 1.500,00"),
    ],
)
def test_money(value, lang, currency, text):
    assert format_money(value, lang, currency) == text


# --------------------------------------------------------------------------------------------
# one letter
# --------------------------------------------------------------------------------------------


def test_escalation_letter_in_indonesian_with_every_block():
    led = ledger(
        inv("PT Maju", "F-1", -61, 1_500_000.0),
        inv("PT Maju", "F-2", -50, 2_000_000.5),
        inv("PT Maju", "F-3", -45, 700_000.0, disputed="yes"),
        inv("PT Maju", "CN-1", -10, 200_000.0, kind="Nota Kredit"),
        inv("PT Maju", "F-4", 10, 999_000.0),  # not yet due: not listed
    )
    promises = [["Pelanggan", "Tanggal Janji", "Jumlah"], ["PT Maju", D(2024, 12, 20), 3_500_000.0]]
    text = letter_text(led, "PT Maju", AS_OF, company="PT Sinar Niaga", contact=CONTACT,
                       promises=promises, interest_rate="12%")  # fmt: skip  # issue 15: rate given
    assert text.startswith("PT Sinar Niaga\n31 Desember 2024\n")
    assert "Perihal: Surat Peringatan Terakhir" in text
    rows = table_lines(text)
    assert [r.split()[0] for r in rows] == ["F-1", "F-2"]  # oldest due date first
    assert "1 Oktober 2024" in rows[0] and "31 Oktober 2024" in rows[0]
    interest = [
        round(late_interest(1_500_000.0, 0.12, 61)),
        round(late_interest(2_000_000.5, 0.12, 50)),
    ]
    assert total_line(text).split() == [
        "Total",
        "Rp",
        "3.500.000,50",
        "Rp",
        f"{sum(interest):,}".replace(",", "."),
    ]
    flat = " ".join(text.split())
    assert "bunga 12% per tahun sebesar Rp 62.959." in flat  # 30.082 + 32.877
    assert flat.count("Rp 62.959") == 2  # the table's total row and the paragraph, once each
    assert "jumlah denda" not in flat  # no fee: the interest is not repeated as a total
    assert sum(interest) == 62_959
    assert "kredit yang belum digunakan" in flat and "sebesar Rp 200.000" in flat
    assert "(F-3; Rp 700.000) tidak termasuk" in flat
    assert (
        "Bapak/Ibu telah berjanji melakukan pembayaran sebesar Rp 3.500.000 paling lambat "
        "20 Desember 2024" in flat  # issue 15: the date promised to pay by, not of the call
    )
    # payable = 3.500.000,50 - 200.000 + 62.959
    assert "pembayaran sebesar Rp 3.362.959,50 paling lambat 7 Januari 2025" in flat
    assert "rekening BCA 123-456-7890 a.n. PT Sinar." in flat
    assert text.rstrip().endswith(
        "Rina Kusumawati\nStaf Piutang\nPT Sinar Niaga\nTelp. 021-555 0101\nEmail: piutang@sinar.co.id"
    )
    assert "{" not in text and "}" not in text
    assert "\n\n\n" not in text


def test_preventive_letter_lists_what_falls_due_and_asks_by_the_due_date():
    led = ledger(inv("Toko Segera", "F-1", 5, 100_000.0), inv("Toko Segera", "F-2", 2, 50_000.0),
                 inv("Toko Segera", "F-3", 20, 70_000.0))  # fmt: skip
    text = letter_text(led, "toko segera", AS_OF, lang="en")
    assert "Subject: Payment due soon" in text
    header = next(line for line in text.splitlines() if line.startswith("Invoice "))
    assert header.split()[-4:] == ["Days", "to", "Due", "Outstanding"]
    rows = table_lines(text)
    assert [r.split()[0] for r in rows] == ["F-2", "F-1"]  # F-3 is outside the 7-day window
    assert rows[0].split()[-3] == "2"  # days to due
    assert total_line(text).endswith("Rp 150,000")
    assert "payment of Rp 150,000\nreaches us by 2 January 2025" in text


def test_stage_can_be_chosen_and_unknown_stages_list_the_known_ones():
    led = ledger(inv("PT Maju", "F-1", -3, 100.0))
    text = letter_text(led, "PT Maju", AS_OF, stage="Somasi", lang="en")
    assert "Subject: Formal demand for payment\n" in text
    with pytest.raises(XlArError) as err:
        letter_text(led, "PT Maju", AS_OF, stage="final")
    assert str(err.value) == (
        "stage 'final' is not a stage of the strategy (known: preventive, early, overdue, "
        "escalation, legal, write_off)"
    )
    with pytest.raises(XlArError) as err:  # issue 15: write_off has a letter; a custom set may not
        letter_text(led, "PT Maju", AS_OF, stage="write_off", templates={"id": "[early]\nx"})
    assert str(err.value) == ("no id letter template for stage 'write_off' (templates: early)")


@pytest.mark.parametrize(
    ("rows", "customer", "kwargs", "message"),
    [
        ([inv("PT Maju", "F-1", -3, 100.0)], "PT Mau", {},
         "customer 'PT Mau' is not in the ledger (did you mean 'PT Maju'?)"),
        ([inv("PT Maju", "F-1", 30, 100.0)], "PT Maju", {},
         "customer 'PT Maju' needs no letter on 2024-12-31 (nothing overdue or due soon)"),
        ([inv("PT Maju", "F-1", 30, 100.0)], "PT Maju", {"stage": "early"},
         "customer 'PT Maju' has no undisputed overdue invoices on 2024-12-31"),
        ([inv("PT Maju", "F-1", -3, 100.0)], "PT Maju",
         {"promises": [["Customer", "Promise Date"], ["PT Maju", D(2025, 1, 15)]]},
         "customer 'PT Maju' is paused by a promise to pay until 2025-01-15: give a stage"),
        ([inv("PT Maju", "F-1", -3, 100.0), inv("PT Maju", "F-2", -3, 100.0, currency="USD")],
         "PT Maju", {}, "is in several currencies (open: IDR 100; USD 100)"),
        ([inv("PT Maju", "F-1", -3, 100.0)], "PT Maju", {"lang": "jv"},
         "lang must be one of 'id', 'en', not 'jv'"),
        ([inv("PT Maju", "F-1", -3, 100.0)], None, {}, "customer is blank"),
        ([inv("PT Maju", "F-1", -3, 100.0)], "PT Maju", {"pay_within_days": -1},
         "pay_within_days must be a number of days"),
    ],
)  # fmt: skip
def test_letter_errors_are_one_line(rows, customer, kwargs, message):
    with pytest.raises(XlArError) as err:
        letter_text(ledger(*rows), customer, AS_OF, **kwargs)
    assert message in str(err.value), str(err.value)
    assert "\n" not in str(err.value)


def test_other_currencies_are_written_with_their_code():
    text = letter_text(ledger(inv("Acme", "F-1", -3, 1234.5, currency="USD")), "Acme", AS_OF,
                       lang="en")  # fmt: skip
    assert total_line(text).endswith("USD 1,234.50")


def test_contact_from_a_label_value_range():
    got = read_contact([["Label", "Nilai"], ["Nama", "Budi"], ["Jabatan", "Kolektor"],
                        ["Perusahaan", "PT Sinar"], ["Rekening", "Mandiri 1234"]])  # fmt: skip
    assert got == {
        "name": "Budi",
        "title": "Kolektor",
        "company": "PT Sinar",
        "bank": "Mandiri 1234",
    }
    text = letter_text(ledger(inv("A", "F-1", -3, 10.0)), "A", AS_OF, contact=got)
    assert text.startswith("PT Sinar\n")  # the contact's company is the letterhead
    assert text.rstrip().endswith("Budi\nKolektor\nPT Sinar")
    no_contact = letter_text(ledger(inv("A", "F-1", -3, 10.0)), "A", AS_OF, lang="en")
    assert no_contact.rstrip().endswith("Yours faithfully,\n\nAccounts Receivable")


# --------------------------------------------------------------------------------------------
# templates
# --------------------------------------------------------------------------------------------


def test_shipped_templates_cover_the_letter_stages_in_both_languages():
    templates = load_templates()
    stages = {"preventive", "early", "overdue", "escalation", "legal", "write_off"}
    assert {s for lang, s in templates if lang == "id"} == stages
    assert {s for lang, s in templates if lang == "en"} == stages
    assert set(DEFAULT_STRATEGY["stage"]) == stages  # issue 15: write_off gets a final demand
    used = {m for body in templates.values() for m in re.findall(r"\{(\w+)\}", body)}
    assert used <= set(PLACEHOLDERS)


def test_custom_templates_from_a_mapping_and_a_folder(tmp_path):
    led = ledger(inv("PT Maju", "F-1", -3, 1_000_000.0))
    custom = {"en": "# my letters\n[early]\nHello {customer}, pay {total_payable} {{today}}.\n"}
    assert letter_text(led, "PT Maju", AS_OF, lang="en", templates=custom) == (
        "Hello PT Maju, pay Rp 1,000,000 {today}.\n"
    )
    (tmp_path / "id.txt").write_text("[dini]\nYth. {customer}: {total_due}\n", encoding="utf-8")
    assert letter_text(led, "PT Maju", AS_OF, templates=tmp_path) == "Yth. PT Maju: Rp 1.000.000\n"
    # the other language still comes from the shipped file
    assert "Subject: Payment reminder" in letter_text(led, "PT Maju", AS_OF, lang="en",
                                                       templates=tmp_path)  # fmt: skip


@pytest.mark.parametrize(
    ("templates", "message"),
    [
        ({"id": "[early]\nYth. {pelanggan}\n"},
         "letter template id/early: unknown placeholder {pelanggan} (known: company, customer"),
        ({"id": "[early]\n{custome}\n"}, "unknown placeholder {custome} (did you mean {customer}?)"),
        ({"id": "Halo\n[early]\nx\n"}, "text before the first [stage] section: 'Halo'"),
        ({"id": "[early]\nx\n[Dini]\ny\n"}, "section [early] appears twice"),
        ({"jv": "[early]\nx\n"}, "letter templates language must be one of 'id', 'en'"),
        ("/no/such/folder", "is not a folder"),
        (42, "give a folder with id.txt/en.txt"),
    ],
)  # fmt: skip
def test_template_errors(templates, message):
    with pytest.raises(XlArError) as err:
        letter_text(ledger(inv("PT Maju", "F-1", -3, 100.0)), "PT Maju", AS_OF, templates=templates)
    assert message in str(err.value), str(err.value)


def test_folder_without_templates(tmp_path):
    with pytest.raises(XlArError, match="holds no id.txt or en.txt"):
        load_templates(tmp_path)


# --------------------------------------------------------------------------------------------
# the demo ledger: every letter in both languages, totals tied to open items
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo():
    led = read_ledger(make_sample_ledger())
    items = open_items(led, SAMPLE_AS_OF, include_disputed=False)
    items = items[items["outstanding"] > 0.005]
    return led, items, worklist(led, SAMPLE_AS_OF)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_demo_letters_render_with_totals_tied_to_open_items(demo, lang, tmp_path):
    led, items, wl = demo
    paths = write_letters(led, SAMPLE_AS_OF, tmp_path, lang=lang, company=COMPANY, contact=CONTACT)
    # issue 15: every stage, write_off included, gets a letter; review 17: a dispute row is
    # worked, not dunned; review 20: no final demand below the legal stage's minimum amount
    lettered = wl[(wl["stage"] != "dispute")
                  & ~((wl["stage"] == "write_off") & (wl["overdue"] < 5_000_000))]  # fmt: skip
    assert len(paths) == len(lettered) >= 10
    strategy = DEFAULT_STRATEGY.set_index("stage")
    for path, (_, entry) in zip(paths, lettered.iterrows(), strict=True):
        assert path.name.endswith(f"_{entry['stage']}_{lang}.txt")
        text = path.read_text(encoding="utf-8")
        mine = items[items["customer"] == entry["customer"]]
        if entry["stage"] == "preventive":
            listed = mine[mine["days_past_due"].between(-7, 0)]
        else:
            listed = mine[mine["days_past_due"] >= 1]
            assert listed["outstanding"].sum() == pytest.approx(entry["overdue"])
        rows = table_lines(text)
        assert len(rows) == len(listed), path.name
        assert sorted(r.split()[0] for r in rows) == sorted(listed["invoice"])
        total = format_money(listed["outstanding"].sum(), lang)
        assert total in total_line(text), (path.name, total_line(text))
        rate = strategy.loc[entry["stage"], "annual_rate"]
        if rate > 0:
            expected = np.round(late_interest(listed["outstanding"].to_numpy(), rate,
                                              listed["days_past_due"].to_numpy()))  # fmt: skip
            assert total_line(text).endswith(format_money(expected.sum(), lang))
        assert entry["customer"] in text and COMPANY in text
        assert long_date(SAMPLE_AS_OF, lang) in text
        assert "{" not in text and "}" not in text
    names = [p.name for p in paths]
    assert names == sorted(names)  # files sort in worklist (priority) order


def test_demo_letters_differ_by_language(demo):
    led, _, wl = demo
    customer = wl.loc[wl["stage"] == "escalation", "customer"].iloc[0]
    indonesian = letter_text(led, customer, SAMPLE_AS_OF)
    english = letter_text(led, customer, SAMPLE_AS_OF, lang="en")
    assert "Surat Peringatan Terakhir" in indonesian and "Desember" in indonesian
    assert "Final notice" in english and "December" in english
    assert table_lines(indonesian)[0].split()[0] == table_lines(english)[0].split()[0]


def test_write_letters_skips_paused_customers_and_makes_the_folder(tmp_path):
    led = ledger(inv("PT Maju", "F-1", -20, 100.0), inv("CV Baru", "F-2", -20, 100.0),
                 inv("UD Lama", "F-3", -300, 6_000_000.0))  # fmt: skip
    promises = [["Customer", "Promise Date"], ["CV Baru", D(2025, 1, 6)]]
    out = tmp_path / "surat" / "2024-12"
    paths = write_letters(led, AS_OF, out, promises=promises)
    # issue 15: UD Lama (300 days) gets the final demand; CV Baru is paused
    assert [p.name for p in paths] == ["001_UD_Lama_write_off_id.txt", "002_PT_Maju_overdue_id.txt"]
    assert paths[0].parent == out


def test_a_band_reaching_from_before_to_after_the_due_date_lists_both():
    strategy = [["Stage", "Min DPD", "Max DPD"], ["early", -7.0, 15.0], ["overdue", 16.0, None]]
    led = ledger(inv("PT Maju", "F-1", 3, 100.0), inv("CV Baru", "F-2", 3, 100.0),
                 inv("CV Baru", "F-3", -5, 50.0))  # fmt: skip
    text = letter_text(led, "PT Maju", AS_OF, strategy=strategy, lang="en")
    assert [r.split()[0] for r in table_lines(text)] == ["F-1"]
    text = letter_text(led, "CV Baru", AS_OF, strategy=strategy, lang="en")
    assert [r.split()[0] for r in table_lines(text)] == ["F-3", "F-2"]
    assert total_line(text).endswith("Rp 150")
