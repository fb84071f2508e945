"""The customer master: canonical columns, contact cells, the match with the ledger (issue 16)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.by_column_samples import AS_OF, LEDGER, MASTER
from xl_ar.core import (
    NOT_IN_MASTER,
    attach_master,
    credit_review,
    master_notes,
    match_master,
    read_customer_master,
    read_ledger,
    whatsapp_number,
)
from xl_ar.core.credit.credit_review import read_customers
from xl_ar.core.ledger.customer_master import MASTER_COLUMNS
from xl_ar.errors import XlArError


def test_every_canonical_column_is_there_and_extra_columns_are_kept():
    m = read_customer_master(MASTER)
    assert list(m.columns) == [*MASTER_COLUMNS, "Catatan"]
    assert m.index.tolist() == [2, 3, 4, 5]  # the sheet's rows, header on row 1
    assert m["region"].tolist() == ["Sumatra", "Jawa", "Sumatra", "Papua"]
    assert m["salesperson"].tolist() == ["Budi", "Andi", "Andi", "Budi"]
    assert m["credit_limit"].tolist()[:2] == [2000.0, 500.0] and np.isnan(m["credit_limit"].iloc[2])
    assert m["Catatan"].tolist()[0] == "vip"
    assert m["collector"].isna().all() and m["address"].isna().all()
    assert m.attrs["found"] == ("customer", "email", "phone", "salesperson", "region",
                                "credit_limit")  # fmt: skip


def test_english_headers_and_every_kind_of_cell():
    m = read_customer_master(pd.DataFrame({
        "Customer": ["PT A", "CV B"], "Contact": ["Bu Sari", None], "E-mail": ["a@x.id; b@x.id", "c@y.com"],
        "Phone": ["021 555 1234", None], "WhatsApp": ["0811-222-3333", "+62 812 0000 1111"],
        "Address": ["Jl. Merdeka 1", None], "Salesperson": ["Budi", "Ani"], "Region": ["Jawa", "Bali"],
        "Collector": ["Rina", "Rina"], "Group": ["Retail", "Modern trade"], "Terms": ["Net 30", 45],
        "Credit Limit": ["Rp 150.000.000", None], "Currency": ["Rp", "usd"], "Language": ["English", "ID"],
        "VA": [8808123456789012.0, "8808 0000 1111"],
    }))  # fmt: skip
    row = m.iloc[0]
    assert (row.pic, row.email, row.phone, row.whatsapp) == (
        "Bu Sari",
        "a@x.id; b@x.id",
        "021 555 1234",
        "628112223333",
    )
    assert m["whatsapp"].tolist() == ["628112223333", "6281200001111"]  # the WhatsApp column wins
    assert m["terms_days"].tolist() == [30.0, 45.0]
    assert m["credit_limit"].iloc[0] == 150_000_000.0
    assert m["currency"].tolist() == ["IDR", "USD"] and m["language"].tolist() == ["en", "id"]
    assert m["virtual_account"].tolist() == ["8808123456789012", "8808 0000 1111"]
    assert m.attrs["problems"] == ()


@pytest.mark.parametrize("phone", ["0812-3456-7890", "+62 812 3456 7890", "62812 3456 7890",
                                   "(0812) 3456.7890", 81234567890.0, "6281234567890"])  # fmt: skip
def test_indonesian_phone_numbers_give_one_whatsapp_number(phone):
    assert whatsapp_number(phone) == "6281234567890"


@settings(max_examples=60, deadline=None)
@given(digits=st.text("0123456789", min_size=8, max_size=11), seps=st.lists(
    st.sampled_from(["", " ", "-", "."]), min_size=12, max_size=12))  # fmt: skip
def test_separators_never_change_the_whatsapp_number(digits, seps):
    local = "08" + digits
    written = "".join(c + s for c, s in zip(local, seps, strict=False)) + local[len(seps) :]
    assert whatsapp_number(written) == whatsapp_number("+62 8" + digits) == "628" + digits


def test_bad_cells_are_problem_lines_not_a_crash():
    m = read_customer_master([
        ["Pelanggan", "Email", "HP", "Bahasa", "Limit Kredit", "Termin"],
        ["PT A", "finance.a.co.id, ok@a.id", "12", "Jawa", "banyak", "-5"],
    ])  # fmt: skip
    assert m["email"].tolist() == ["ok@a.id"] and m["whatsapp"].isna().all()
    assert m["language"].isna().all() and np.isnan(m["credit_limit"].iloc[0])
    assert m.attrs["problems"] == (
        "customer master: row 2 'Email': 'finance.a.co.id' is not an e-mail address (no @)",
        "customer master: row 2 'HP': '12' is not a phone number (8 to 15 digits)",
        "customer master: row 2 'Termin': '-5' is not a number of days (0 or more)",
        "customer master: row 2 'Limit Kredit': 'banyak' is not an amount (0 or more)",
        "customer master: row 2 'Bahasa': 'Jawa' is not id or en",
    )


def test_one_customer_on_two_rows_is_one_line_naming_both():
    with pytest.raises(XlArError) as got:
        read_customer_master([["Customer", "Region"], ["PT Maju", "Jawa"], ["CV Lain", "Bali"],
                              ["P.T. maju", "Bali"]])  # fmt: skip
    assert str(got.value) == (
        "customer master: row 4 'P.T. maju' repeats row 2 'PT Maju' (names match ignoring case, "
        "spaces, punctuation and legal-form spelling): keep one row per customer"
    )


@pytest.mark.parametrize(("rows", "message"), [
    ([["Name", "Region"], ["A", "B"]], "customer master: no customer column (e.g. 'Customer' or "
                                       "'Pelanggan'); headers found: 'Name', 'Region'"),
    ([["Customer", "Region"], [None, "B"]], "customer master: row 2 has no customer name"),
    ("nothing", "customer master: give a table with a header row"),
])  # fmt: skip
def test_unreadable_masters_are_one_line(rows, message):
    with pytest.raises(XlArError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_customer_master(rows)


def test_match_master_joins_by_key_and_reports_both_ways():
    got = match_master(LEDGER, MASTER)
    assert got.rows.tolist() == [0, 0, 1, 2, -1]  # 'PT Maju' is 'pt. maju'
    assert got.missing == ("Toko X",) and got.unused == ("PT Hantu",)
    assert master_notes(LEDGER, MASTER, AS_OF) == (
        "1 ledger customer with open items is not in the customer master: 'Toko X'",
        "1 customer of the customer master has no ledger rows: 'PT Hantu'",
    )
    assert master_notes(LEDGER, MASTER, AS_OF, "id")[0] == (
        "1 pelanggan buku piutang dengan saldo terbuka tidak ada di master pelanggan: 'Toko X'"
    )


def test_a_paid_up_customer_missing_from_the_master_is_not_reported_at_a_date():
    rows = [*LEDGER[:-1], ["Toko X", "F5", "2024-05-01", "2024-05-31", 120.25, 120.25,
                            "2024-06-01", "Bali"]]  # fmt: skip
    assert match_master(rows, MASTER).missing == ("Toko X",)  # every row counts
    assert master_notes(rows, MASTER, AS_OF) == (
        "1 customer of the customer master has no ledger rows: 'PT Hantu'",
    )


def test_attach_master_adds_columns_and_renames_a_clash():
    got = attach_master(LEDGER, MASTER, ["region", "Sales", "currency"])
    assert got["region"].tolist() == ["Sumatra", "Sumatra", "Jawa", "Sumatra", pd.NA]
    assert got["salesperson"].tolist()[:3] == ["Budi", "Budi", "Andi"]
    assert got["master_currency"].isna().all()  # the ledger keeps its own currency column
    assert got.columns[:13].tolist() == read_ledger(LEDGER).columns.tolist()
    with pytest.raises(XlArError, match="the customer master has no column 'kolektorr'"):
        attach_master(LEDGER, MASTER, ["kolektorr"])


def test_the_master_with_extra_columns_still_feeds_the_credit_review():
    limits = read_customers(MASTER)
    assert limits["customer"].tolist() == ["pt. maju", "CV Baru", "UD Lama", "PT Hantu"]
    review = credit_review(MASTER, LEDGER, AS_OF).set_index("customer")
    assert review.loc["PT Maju", "credit_limit"] == 2000.0
    assert review.loc["PT Maju", "open_ar"] == 1300.0
    assert review.loc["Toko X", "note"] == "no limit on file"


def test_not_in_master_is_bilingual():
    assert NOT_IN_MASTER == ("(tidak ada di master pelanggan)", "(not in customer master)")
