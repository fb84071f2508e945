"""Review of issue 15, currency findings in the core: letters never state converted amounts,
a payment is applied only in its own currency, a ledger naming no currency but showing
another gets a note, rates read in the ledger's number format, inverted rates refused, the
amounts note states the conversion."""

from __future__ import annotations

import pandas as pd
import pytest

from xl_ar.core import (
    CONVERTED_ATTR,
    apply_payments,
    convert_currency,
    letter_text,
    load_ledger,
    read_payments,
    read_rates,
    require_own_amounts,
)
from xl_ar.core.base.labels import amounts_note
from xl_ar.core.ledger.currency import as_currency, assumed_currency_note
from xl_ar.errors import CurrencyError, LedgerError, OptionError

MIXED = [
    ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Currency"],
    ["PT A", "I1", "2024-01-10", "2024-02-09", 1_000_000, "IDR"],
    ["PT B", "I2", "2024-01-15", "2024-02-14", 1_000, "USD"],
]
IDR_LEDGER = [
    ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"],
    ["PT Maju", "INV-1", "2024-11-01", "2024-12-01", 1_000_000],
]
LETTER_REFUSAL = (
    "letters state each invoice in its own currency, not in amounts converted with a rate "
    "table (USD to IDR): write them without the rates, one currency at a time (only_currency)"
)


def converted():
    return load_ledger(MIXED, rates=[["currency", "rate"], ["USD", 15_500]]).strict()


# -- 1: letters -----------------------------------------------------------------------------
def test_a_letter_refuses_converted_amounts():
    led = converted()
    assert led.attrs[CONVERTED_ATTR] == (("USD", 15_500.0, None, "IDR"),)
    assert led["amount"].tolist() == [1_000_000.0, 15_500_000.0]
    with pytest.raises(CurrencyError) as err:
        letter_text(led, "PT B", "2024-03-31", lang="en")
    assert str(err.value) == LETTER_REFUSAL


def test_a_letter_from_the_unconverted_ledger_states_its_own_currency():
    led = load_ledger(MIXED, only_currency="USD").strict()
    require_own_amounts(led)  # nothing converted: no refusal
    text = letter_text(led, "PT B", "2024-03-31", lang="en")
    assert "Please pay USD 1,000.00 by" in text and "Rp" not in text


def test_a_conversion_where_every_row_is_already_in_the_target_is_no_conversion():
    led = load_ledger(IDR_LEDGER, currency="IDR", rates=[["currency", "rate"], ["USD", 15_500]])
    assert led.strict().attrs[CONVERTED_ATTR] == ()
    require_own_amounts(led.strict())


# -- 2: payments in their own currency ------------------------------------------------------
def test_payments_read_their_currency_column():
    pay = read_payments([["Payment", "Date", "Amount", "Mata Uang"],
                         ["P1", "2024-04-02", 1000, "usd"], ["P2", "2024-04-02", 5, None]])  # fmt: skip
    assert pay["currency"].tolist()[0] == "USD" and pd.isna(pay["currency"].iloc[1])
    with pytest.raises(LedgerError, match=r"row 2 'Currency': 'dollars' is not a currency code"):
        read_payments(
            [["Payment", "Date", "Amount", "Currency"], ["P1", "2024-04-02", 1, "dollars"]]
        )


@pytest.mark.parametrize(
    ("ledger", "payment", "ledger_code"),
    [
        (IDR_LEDGER, ["P1", "2025-01-05", 1_000_000, "PT Maju", "INV-1", "USD"], "IDR"),
        ("converted", ["P1", "2024-04-02", 1000, "PT B", "I2", "USD"], "IDR"),
    ],
)
def test_a_payment_in_another_currency_is_refused(ledger, payment, ledger_code):
    led = converted() if ledger == "converted" else ledger
    pays = [["Payment", "Date", "Amount", "Customer", "Memo", "Currency"], payment]
    with pytest.raises(CurrencyError) as err:
        apply_payments(led, pays)
    assert str(err.value) == (
        f"payment 'P1' (row 2) is in USD, the ledger in {ledger_code}: a payment is applied "
        "only to invoices in its currency; reconcile one currency at a time"
    )


def test_a_payment_in_the_ledgers_currency_or_blank_is_applied():
    pays = [["Payment", "Date", "Amount", "Customer", "Memo", "Currency"],
            ["P1", "2025-01-05", 600_000, "PT Maju", "INV-1", "IDR"],
            ["P2", "2025-01-06", 400_000, "PT Maju", "INV-1", None]]  # fmt: skip
    table = apply_payments(IDR_LEDGER, pays)
    assert table["applied"].sum() == 1_000_000.0
    assert table[["payment", "applied"]].values.tolist() == [["P1", 600_000.0], ["P2", 400_000.0]]


# -- 15: an assumed currency is noted, symbols read -----------------------------------------
def test_a_header_showing_another_currency_gets_a_note():
    rows = [["Customer", "Invoice Date", "Due Date", "Amount (₹)"],
            ["A", "2024-01-01", "2024-01-31", 100]]  # fmt: skip
    assert load_ledger(rows).notes[-1] == (
        "no currency column: amounts read as Rupiah (IDR), but the header 'Amount (₹)' shows "
        "INR; --currency CODE to say otherwise"
    )
    assert not any("currency" in n for n in load_ledger(rows, currency="₹").notes)
    assert load_ledger(rows, currency="₹").ledger["currency"].tolist() == ["INR"]


def test_dollar_amounts_get_a_note_and_a_plain_indonesian_ledger_none():
    rows = [["Customer", "Invoice Date", "Due Date", "Amount"],
            ["A", "2024-01-01", "2024-01-31", "$1,200.00"]]  # fmt: skip
    assert load_ledger(rows).notes[-1] == (
        "no currency column: amounts read as Rupiah (IDR), but amounts such as '$1,200.00' show "
        "USD; --currency CODE to say otherwise"
    )
    plain = [["Pelanggan", "Tanggal Faktur", "Jatuh Tempo", "Jumlah (Rp)"],
             ["A", "2024-01-01", "2024-01-31", "Rp 1.500.000"]]  # fmt: skip
    assert not any("currency" in n for n in load_ledger(plain).notes)
    assert assumed_currency_note(["Total AR", "PPN 11%", "Amount"]) is None


@pytest.mark.parametrize(
    ("given", "code"),
    [("₹", "INR"), ("¥", "JPY"), ("S$", "SGD"), ("£", "GBP"), ("€", "EUR"), ("Rp", "IDR"),
     ("$", "USD"), ("chf", "CHF")],
)  # fmt: skip
def test_symbols_and_any_iso_code_are_currencies(given, code):
    assert as_currency(given) == code


# -- 27: rates in the ledger's number format, inverted rates refused ------------------------
def test_an_indonesian_format_rate_is_read_with_the_number_format():
    table = [["currency", "rate"], ["USD", "15.500"]]
    assert read_rates(table, "id")["rate"].tolist() == [15_500.0]
    with pytest.raises(OptionError) as err:
        read_rates(table)
    assert str(err.value) == (
        "rates: row 2: '15.500' is ambiguous: 15500 as 'id' or 15.5 as 'en' (give the number "
        "format: number_format id or en)"
    )
    led = load_ledger(MIXED, rates=table, number_format="id").strict()
    assert led["amount"].tolist() == [1_000_000.0, 15_500_000.0]


def test_an_inverted_rate_is_refused():
    with pytest.raises(OptionError) as err:
        load_ledger(MIXED, rates=[["currency", "rate"], ["USD", 0.0000645]])
    assert str(err.value) == (
        "rates: USD 0.0000645 looks inverted: a rate is units of IDR per 1 USD (here about "
        "15,503.88)"
    )
    idr_to_usd = pd.DataFrame({"currency": ["IDR"], "amount": [1e6], "paid": [0.0],
                               "balance": [1e6]})  # fmt: skip
    with pytest.raises(
        OptionError, match=r"^rates: IDR 15,500 looks inverted: a rate is units of USD"
    ):
        convert_currency(idr_to_usd, [["currency", "rate"], ["IDR", 15_500]], "USD")
    out, _ = convert_currency(idr_to_usd, [["currency", "rate"], ["IDR", 0.0000645]], "USD")
    assert out["amount"].tolist() == [64.5]
    vnd = pd.DataFrame({"currency": ["VND"], "amount": [1e6], "paid": [0.0], "balance": [1e6]})
    out, _ = convert_currency(vnd, [["currency", "rate"], ["VND", 0.62]])  # below 1 Rupiah: real
    assert out["amount"].tolist() == [620_000.0]


# -- 28: the amounts note states the conversion ---------------------------------------------
def test_the_amounts_note_states_the_rates():
    assert amounts_note("IDR", converted().attrs[CONVERTED_ATTR]) == (
        "Jumlah dalam Rupiah (IDR), dikonversi dengan kurs USD 1 = IDR 15.500 (kurs tanpa tanggal)",
        "Amounts in Rupiah (IDR), converted at USD 1 = IDR 15,500 (undated rate)",
    )
