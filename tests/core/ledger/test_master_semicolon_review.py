"""Review 16 #19: two e-mails in an unquoted cell of a ;-separated master: a message to act on."""

from __future__ import annotations

import pytest

from xl_ar.core import file_rows, read_customer_master
from xl_ar.errors import XlArError


def test_a_semicolon_file_is_not_told_to_use_semicolons(tmp_path):
    path = tmp_path / "pelanggan.csv"
    path.write_text("Pelanggan;Surel;Wilayah\nPT A;a@x.id; b@y.id;Jawa\n", encoding="utf-8")
    with pytest.raises(XlArError) as got:
        read_customer_master(file_rows(path))
    assert str(got.value) == (
        "pelanggan.csv line 2 has 4 cells but the header row has 3: a ; inside an unquoted cell "
        '(two e-mail addresses?); quote such cells ("a@x.id; b@x.id") or write , between the '
        "addresses"
    )


def test_the_advice_works(tmp_path):
    path = tmp_path / "pelanggan.csv"
    path.write_text("Pelanggan;Surel;Wilayah\nPT A;a@x.id, b@y.id;Jawa\n", encoding="utf-8")
    assert read_customer_master(file_rows(path))["email"].tolist() == ["a@x.id; b@y.id"]
    path.write_text('Pelanggan;Surel;Wilayah\nPT A;"a@x.id; b@y.id";Jawa\n', encoding="utf-8")
    assert read_customer_master(file_rows(path))["email"].tolist() == ["a@x.id; b@y.id"]


def test_a_comma_file_keeps_its_advice(tmp_path):
    path = tmp_path / "l.csv"
    path.write_text("Customer,Amount\nPT A,1,5\n", encoding="utf-8")
    with pytest.raises(XlArError, match="a comma inside an unquoted cell .* with ; as separator"):
        read_customer_master(file_rows(path))
