"""Invoice-number keys and finding invoice numbers in memos."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from xl_ar.core.base.customers import customer_key as name_key
from xl_ar.core.cash_application.references import (
    ReferenceIndex,
    compact_key,
    extract_references,
    invoice_key,
)


@pytest.mark.parametrize(
    ("number", "key"),
    [
        ("INV-00012", "12"),
        ("inv 12", "12"),
        ("No.12", "12"),
        ("no. 0012", "12"),
        ("#12", "12"),
        ("Invoice No. 12", "12"),
        ("FAKTUR-000012", "12"),
        ("Nomor Faktur: 12", "12"),
        (12, "12"),
        (12.0, "12"),
        ("12", "12"),
        ("INV/2024/0012", "2024-12"),
        ("inv 2024-12", "2024-12"),
        ("SI-0012", "SI-12"),
        ("si 12", "SI-12"),
        ("CN-0012", "CN-12"),
        ("0000", "0"),
        ("FJ.A.007", "FJ-A-7"),
        ("ABC", None),
        ("INV", None),
        ("", None),
        (None, None),
        (float("nan"), None),
    ],
)
def test_invoice_key(number, key):
    assert invoice_key(number) == key


def test_compact_key_joins_digit_runs():
    assert compact_key("INV-2024-0012") == "20240012" == compact_key("inv20240012")
    assert compact_key("SI-2024-07") == "SI-202407"
    assert compact_key("INV-12") == "12" and compact_key(None) is None


@given(
    st.integers(0, 10**9),
    st.sampled_from(["INV-{:07d}", "inv {}", "No.{}", "#{}", "Faktur {:05d}", "INV{}"]),
)
def test_every_spelling_of_a_number_has_the_same_key(n, spelling):
    assert invoice_key(spelling.format(n)) == str(n)


def test_name_key_ignores_case_spaces_and_punctuation():
    assert name_key("PT. Sinar-Niaga  Distribusi") == name_key("pt sinar niaga distribusi")
    assert name_key("CV Maju") != name_key("PT Maju")
    assert name_key("  ") is None and name_key("...") == "..."


# --------------------------------------------------------------------------- finding


NUMBERS = ["INV-00012", "INV-00013", "INV-2024-0007", "SI-0099", "12345", None, "CN-0004"]


@pytest.mark.parametrize(
    ("memo", "found"),
    [
        ("INV-00012", [(0,)]),
        ("pembayaran inv 12", [(0,)]),
        ("No.12 & No.13", [(0,), (1,)]),
        ("INV-12/INV-13", [(0,), (1,)]),
        ("inv 13, inv 12, INV-00013", [(1,), (0,)]),
        ("INV/2024/0007", [(2,)]),
        ("inv 2024 7", [(2,)]),
        ("INV20240007", [(2,)]),
        ("si 99", [(3,)]),
        ("transfer 12345", [(4,)]),
        ("INV-12 less CN 4", [(0,), (6,)]),
        ("(INV-00012)", [(0,)]),
        ("inv-12.", [(0,)]),
        ("", []),
        (None, []),
        ("no numbers here", []),
        ("INV-99999", []),
    ],
)
def test_find(memo, found):
    assert ReferenceIndex(NUMBERS).find(memo) == found


@pytest.mark.parametrize(
    "memo",
    [
        "PO 12",
        "PO-12",
        "Rp 12",
        "IDR 12",
        "rek 12345",
        "tgl 12/01/2024",
        "12 Jan 2024",
        "Jan 12",
        "12 Desember",
        "NPWP 12345",
    ],
)
def test_no_false_references(memo):
    assert ReferenceIndex(["12", "12345"]).find(memo) == []


def test_a_shared_key_returns_all_candidates():
    index = ReferenceIndex(["12", "INV-0012", "INV-0013"])
    assert index.find("inv 12") == [(0, 1)]
    assert index.lookup("12") == (0, 1)


def test_longest_match_wins():
    index = ReferenceIndex(["INV-2024-0012", "12", "2024"])
    assert index.find("INV/2024/0012") == [(0,)]
    assert index.find("SI 12") == [(1,)]  # "SI-12" is not a number here: the 12 alone is


def test_exact_keys_before_compact_keys():
    index = ReferenceIndex(["INV-2024-12", "202412"])
    assert index.lookup("202412") == (1,)
    assert index.lookup("inv 2024 12") == (0,)


def test_find_all_works_per_distinct_memo():
    index = ReferenceIndex(["A-1", "A-2"])
    memos = pd.Series(["a1", None, "A 2; a-1", "a1", float("nan")], dtype=object)
    assert index.find_all(memos) == [[(0,)], [], [(1,), (0,)], [(0,)], []]
    assert index.find_all(["a2"]) == [[(1,)]]
    assert len(index) == 2 and len(ReferenceIndex([None, "x"])) == 0


def test_extract_references_without_a_ledger():
    assert extract_references("Bayar INV-00012 & inv 13, PO 77, Rp 500, INV-12") == ["12", "13"]
    assert extract_references(None) == [] and extract_references("nothing") == []
