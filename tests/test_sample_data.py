"""Tests of the deterministic sample ledger (xl_ar.sample_data)."""

from __future__ import annotations

import numpy as np
import openpyxl
import pandas as pd
import pytest

from xl_ar.core.ledger.ledger import read_ledger
from xl_ar.core.position.aging import aging
from xl_ar.sample_data import (
    COMPANY,
    LEDGER_COLUMNS,
    SAMPLE_AS_OF,
    make_sample_ledger,
    sample_as_of,
    write_sample_ledger,
)


@pytest.fixture(scope="module")
def ledger() -> pd.DataFrame:
    return make_sample_ledger()


@pytest.fixture(scope="module")
def invoices(ledger: pd.DataFrame) -> pd.DataFrame:
    return ledger[ledger["Jenis"] == "Faktur"]


@pytest.fixture(scope="module")
def credits(ledger: pd.DataFrame) -> pd.DataFrame:
    return ledger[ledger["Jenis"] == "Nota Kredit"]


def test_as_of() -> None:
    assert SAMPLE_AS_OF == pd.Timestamp("2024-12-31")
    assert sample_as_of("2023-01-01", 24) == SAMPLE_AS_OF
    assert sample_as_of("2024-02-10", 1) == pd.Timestamp("2024-02-29")
    with pytest.raises(ValueError, match="months"):
        sample_as_of("2024-01-01", 0)
    assert COMPANY.startswith("PT ")


def test_deterministic() -> None:
    pd.testing.assert_frame_equal(make_sample_ledger(2024), make_sample_ledger(2024))
    pd.testing.assert_frame_equal(make_sample_ledger(), make_sample_ledger(seed=2024))
    other = make_sample_ledger(7)
    assert not other["Jumlah"].equals(make_sample_ledger(2024)["Jumlah"])


def test_columns_and_dtypes(ledger: pd.DataFrame) -> None:
    assert tuple(ledger.columns) == LEDGER_COLUMNS
    assert isinstance(ledger.index, pd.RangeIndex) and ledger.index[0] == 0
    for col in ("Tanggal Faktur", "Jatuh Tempo", "Tanggal Bayar"):
        assert ledger[col].dtype == "datetime64[ns]", col
    for col in ("Jumlah", "Dibayar", "Sisa"):
        assert ledger[col].dtype == np.float64, col
    assert ledger["Termin"].dtype == np.int64
    for col in ("Pelanggan", "Wilayah", "Sales", "No Faktur", "Jenis", "Sengketa", "Referensi"):
        assert ledger[col].map(type).eq(str).all(), col
    assert set(ledger["Jenis"]) == {"Faktur", "Nota Kredit"}
    assert set(ledger["Sengketa"]) == {"Ya", "Tidak"}
    assert set(ledger["Mata Uang"]) == {"IDR"}


def test_sorted(ledger: pd.DataFrame) -> None:
    resorted = ledger.sort_values(["Tanggal Faktur", "No Faktur"], kind="mergesort")
    assert resorted.index.equals(ledger.index)


def test_shape(ledger: pd.DataFrame, invoices: pd.DataFrame) -> None:
    assert 1800 <= len(ledger) <= 2200
    assert len(invoices) == 2000
    assert ledger["Pelanggan"].nunique() == 60
    first, last = ledger["Tanggal Faktur"].min(), ledger["Tanggal Faktur"].max()
    assert first >= pd.Timestamp("2023-01-01") and first < pd.Timestamp("2023-01-15")
    assert last <= SAMPLE_AS_OF and last > pd.Timestamp("2024-12-15")
    months = ledger["Tanggal Faktur"].dt.to_period("M").nunique()
    assert months == 24


def test_customers_realistic(ledger: pd.DataFrame) -> None:
    customers = ledger.drop_duplicates("Pelanggan")
    prefixes = customers["Pelanggan"].str.split(" ").str[0]
    assert set(prefixes) <= {"PT", "CV", "UD", "Toko"}
    assert prefixes.nunique() >= 3
    assert {"Jakarta", "Surabaya", "Bandung"} <= set(customers["Wilayah"])
    # each customer has one region, one salesperson and one set of terms
    per_customer = ledger[ledger["Jenis"] == "Faktur"].groupby("Pelanggan")
    assert per_customer["Wilayah"].nunique().eq(1).all()
    assert per_customer["Sales"].nunique().eq(1).all()
    assert per_customer["Termin"].nunique().eq(1).all()
    assert ledger["Sales"].nunique() >= 5


def test_invoice_numbers(
    ledger: pd.DataFrame, invoices: pd.DataFrame, credits: pd.DataFrame
) -> None:
    assert ledger["No Faktur"].is_unique
    assert invoices["No Faktur"].str.fullmatch(r"INV/\d{4}/\d{2}/\d{4}").all()
    assert credits["No Faktur"].str.fullmatch(r"NK/\d{4}/\d{2}/\d{4}").all()
    year_month = invoices["Tanggal Faktur"].dt.strftime("%Y/%m")
    assert invoices["No Faktur"].str[4:11].eq(year_month).all()
    assert (invoices["No Faktur"].str[-4:] == "0001").sum() == 24  # numbered per month


def test_terms_and_due_dates(ledger: pd.DataFrame, invoices: pd.DataFrame) -> None:
    assert set(invoices["Termin"]) <= {14, 30, 45, 60}
    assert len(set(invoices["Termin"])) >= 3
    due = ledger["Tanggal Faktur"] + pd.to_timedelta(ledger["Termin"], unit="D")
    assert ledger["Jatuh Tempo"].eq(due).all()


def test_amounts(ledger: pd.DataFrame, invoices: pd.DataFrame) -> None:
    np.testing.assert_array_equal(ledger["Sisa"], ledger["Jumlah"] - ledger["Dibayar"])
    assert invoices["Jumlah"].between(500_000, 250_000_000).all()
    assert (invoices["Jumlah"] % 100 == 0).all()
    assert invoices["Jumlah"].median() > 5_000_000
    assert (invoices["Dibayar"] >= 0).all()
    assert (invoices["Dibayar"] <= invoices["Jumlah"]).all()


def test_payment_dates(ledger: pd.DataFrame, invoices: pd.DataFrame) -> None:
    paid = ledger["Dibayar"] != 0
    assert ledger.loc[paid, "Tanggal Bayar"].notna().all()
    assert ledger.loc[~paid, "Tanggal Bayar"].isna().all()
    pay = invoices["Tanggal Bayar"].dropna()
    assert (pay <= SAMPLE_AS_OF).all()
    assert (pay >= invoices.loc[pay.index, "Tanggal Faktur"]).all()
    # invoices of the last days cannot be paid yet; most old ones are
    old = invoices[invoices["Tanggal Faktur"] < pd.Timestamp("2024-06-01")]
    assert (old["Sisa"] == 0).mean() > 0.9


def test_partials_and_never_paid(invoices: pd.DataFrame) -> None:
    partial = (invoices["Dibayar"] > 0) & (invoices["Dibayar"] < invoices["Jumlah"])
    assert partial.sum() >= 10
    unpaid_old = (invoices["Dibayar"] == 0) & (
        invoices["Jatuh Tempo"] < SAMPLE_AS_OF - pd.Timedelta(days=180)
    )
    assert unpaid_old.sum() >= 5  # future bad debts


def test_credit_notes(ledger: pd.DataFrame, invoices: pd.DataFrame, credits: pd.DataFrame) -> None:
    assert 30 <= len(credits) <= 50
    assert (credits["Jumlah"] < 0).all()
    assert (credits["Termin"] == 0).all()
    assert (invoices["Referensi"] == "").all()
    assert credits["Referensi"].is_unique
    referred = invoices.set_index("No Faktur").loc[credits["Referensi"]]
    assert (referred["Pelanggan"].to_numpy() == credits["Pelanggan"].to_numpy()).all()
    assert (referred["Tanggal Faktur"].to_numpy() < credits["Tanggal Faktur"].to_numpy()).all()
    assert (-credits["Jumlah"].to_numpy() <= 0.3 * referred["Jumlah"].to_numpy()).all()
    assert (referred["Sengketa"] == "Tidak").all()  # disputes stay open, uncredited
    assert (credits["Tanggal Faktur"] <= SAMPLE_AS_OF).all()


def test_old_credit_notes_applied(credits: pd.DataFrame) -> None:
    old = credits[credits["Tanggal Faktur"] < SAMPLE_AS_OF - pd.Timedelta(days=45)]
    assert len(old) >= 30
    assert (old["Sisa"] == 0).all()
    assert (old["Dibayar"] == old["Jumlah"]).all()
    lag = (old["Tanggal Bayar"] - old["Tanggal Faktur"]).dt.days
    assert lag.between(3, 45).all()
    assert lag.nunique() > 10  # drawn, not a constant
    assert (old["Tanggal Bayar"].dt.day_of_week != 6).all()  # not applied on a Sunday


def test_open_credit_notes_recent(credits: pd.DataFrame) -> None:
    is_open = credits["Sisa"] != 0
    applied, still_open = credits[~is_open], credits[is_open]
    # a credit note is either fully applied or fully open
    assert (applied["Dibayar"] == applied["Jumlah"]).all()
    assert applied["Tanggal Bayar"].notna().all()
    assert (still_open["Dibayar"] == 0).all() and still_open["Tanggal Bayar"].isna().all()
    assert (still_open["Sisa"] == still_open["Jumlah"]).all()
    assert 1 <= len(still_open) <= 10
    assert (still_open["Tanggal Faktur"] >= SAMPLE_AS_OF - pd.Timedelta(days=45)).all()
    # an application date is 3-45 days after the credit note and not after the data date
    lag = (applied["Tanggal Bayar"] - applied["Tanggal Faktur"]).dt.days
    assert lag.between(3, 45).all()
    assert (applied["Tanggal Bayar"] <= SAMPLE_AS_OF).all()
    # open ones could not have been applied yet: fewer than 45 days old
    assert (SAMPLE_AS_OF - still_open["Tanggal Faktur"]).dt.days.lt(45).all()


def test_applied_credit_on_invoice(invoices: pd.DataFrame, credits: pd.DataFrame) -> None:
    applied = credits[credits["Sisa"] == 0]
    by_number = invoices.set_index("No Faktur")
    assert applied["Referensi"].isin(by_number.index).all()
    referred = by_number.loc[applied["Referensi"]]
    credit = -applied["Jumlah"].to_numpy()
    assert (referred["Pelanggan"].to_numpy() == applied["Pelanggan"].to_numpy()).all()
    assert (referred["Dibayar"].to_numpy() >= credit).all()
    assert (referred["Dibayar"].to_numpy() <= referred["Jumlah"].to_numpy()).all()
    # the invoice's payment date is the later of the cash payment and the application
    assert (referred["Tanggal Bayar"].to_numpy() >= applied["Tanggal Bayar"].to_numpy()).all()
    # the customer pays the net amount: most credited invoices are settled exactly
    cash = referred["Dibayar"].to_numpy() - credit
    settled = referred["Sisa"].to_numpy() == 0
    assert settled.mean() > 0.7
    np.testing.assert_array_equal(
        cash[settled], referred["Jumlah"].to_numpy()[settled] - credit[settled]
    )


def _check_invariants(df: pd.DataFrame, as_of: pd.Timestamp) -> None:
    np.testing.assert_array_equal(df["Sisa"], df["Jumlah"] - df["Dibayar"])
    inv = df[df["Jenis"] == "Faktur"]
    cn = df[df["Jenis"] == "Nota Kredit"]
    assert ((inv["Dibayar"] >= 0) & (inv["Dibayar"] <= inv["Jumlah"])).all()
    assert ((cn["Dibayar"] <= 0) & (cn["Dibayar"] >= cn["Jumlah"])).all()
    assert ((cn["Dibayar"] == 0) | (cn["Dibayar"] == cn["Jumlah"])).all()
    pay = df["Tanggal Bayar"]
    assert (pay.dropna() <= as_of).all()
    assert (pay.dropna() >= df.loc[pay.notna(), "Tanggal Faktur"]).all()
    assert ((df["Dibayar"] != 0) == pay.notna()).all()
    is_open = cn["Sisa"] != 0
    assert (cn.loc[is_open, "Tanggal Faktur"] > as_of - pd.Timedelta(days=45)).all()
    assert (
        (cn.loc[~is_open, "Tanggal Bayar"] - cn.loc[~is_open, "Tanggal Faktur"])
        .dt.days.between(3, 45)
        .all()
    )
    by_number = inv.set_index("No Faktur")
    referred = by_number.loc[cn.loc[~is_open, "Referensi"]]
    assert (referred["Dibayar"].to_numpy() >= -cn.loc[~is_open, "Jumlah"].to_numpy()).all()
    assert (referred["Pelanggan"].to_numpy() == cn.loc[~is_open, "Pelanggan"].to_numpy()).all()


@pytest.mark.parametrize("seed", [1, 7, 99, 2024])
def test_invariants_other_seeds(seed: int) -> None:
    df = make_sample_ledger(seed)
    _check_invariants(df, SAMPLE_AS_OF)
    cn = df[df["Jenis"] == "Nota Kredit"]
    assert (cn["Sisa"] != 0).sum() <= 10


def test_engine_reads_sample(ledger: pd.DataFrame) -> None:
    canon = read_ledger(ledger)  # strict: any data problem would raise
    assert len(canon) == len(ledger)
    table = aging(canon, "2024-12-31")
    total = table[table["customer"] == "Total"].iloc[0]
    assert total[">90"] >= 0
    assert total["Total"] == pytest.approx(ledger["Sisa"].sum())
    # no customer carries a stale negative (an unapplied old credit note) past 90 days
    assert (table[">90"] >= 0).all()
    assert (table[["31-60", "61-90", ">90"]] >= 0).all().all()


def test_disputes(ledger: pd.DataFrame) -> None:
    disputed = ledger[ledger["Sengketa"] == "Ya"]
    assert 10 <= len(disputed) <= 20
    assert (disputed["Jenis"] == "Faktur").all()
    assert (disputed["Sisa"] > 0).all()  # payment withheld (fully or in part)


def test_chronic_late_payers(invoices: pd.DataFrame) -> None:
    paid = invoices[invoices["Sisa"] == 0]
    late = (paid["Tanggal Bayar"] - paid["Jatuh Tempo"]).dt.days
    mean_late = late.groupby(paid["Pelanggan"]).mean()
    assert (mean_late > 30).sum() >= 4
    assert (mean_late < 0).sum() >= 3  # early payers
    assert late.median() < 10  # most pay around the due date


def test_seasonality(invoices: pd.DataFrame) -> None:
    per_month = invoices.groupby(invoices["Tanggal Faktur"].dt.to_period("M")).size()
    assert per_month[pd.Period("2024-12")] > per_month[pd.Period("2024-01")]
    assert per_month[pd.Period("2024-03")] > per_month.loc["2024-05":"2024-08"].mean()
    assert (invoices["Tanggal Faktur"].dt.day_of_week == 6).sum() == 0  # no Sundays


def test_open_ar_at_as_of(ledger: pd.DataFrame) -> None:
    total = ledger["Sisa"].sum()
    assert 1e9 < total < 1e10  # a few billion Rupiah
    overdue = ledger[(ledger["Sisa"] > 0) & (ledger["Jatuh Tempo"] < SAMPLE_AS_OF)]
    assert 0 < overdue["Sisa"].sum() < total


@pytest.mark.parametrize(
    ("kwargs", "n_customers"),
    [
        ({"months": 12, "n_customers": 20, "n_invoices": 400}, 20),
        ({"start": "2024-07-15", "months": 3, "n_customers": 5, "n_invoices": 60}, 5),
    ],
)
def test_other_sizes(kwargs: dict, n_customers: int) -> None:
    df = make_sample_ledger(1, **kwargs)
    assert df["Pelanggan"].nunique() == n_customers
    as_of = sample_as_of(kwargs.get("start", "2023-01-01"), kwargs["months"])
    assert df["Tanggal Faktur"].max() <= as_of
    assert df["Tanggal Faktur"].min() >= pd.Timestamp(kwargs.get("start", "2023-01-01"))
    assert (df["Tanggal Bayar"].dropna() <= as_of).all()
    _check_invariants(df, as_of)
    read_ledger(df)


def test_bad_sizes() -> None:
    with pytest.raises(ValueError, match="n_customers"):
        make_sample_ledger(n_customers=10, n_invoices=5)
    with pytest.raises(ValueError, match="distinct customer names"):
        make_sample_ledger(n_customers=1000, n_invoices=5000)


def test_write_xlsx(tmp_path, ledger: pd.DataFrame) -> None:
    out = write_sample_ledger(ledger, tmp_path / "ledger.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Ledger"]
    ws = wb["Ledger"]
    assert [c.value for c in ws[1]] == list(LEDGER_COLUMNS)
    assert ws[1][0].font.b
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:O{len(ledger) + 1}"
    assert ws.max_row == len(ledger) + 1
    row = ws[2]
    assert row[5].value == ledger.loc[0, "Tanggal Faktur"].to_pydatetime()
    assert row[5].number_format == "dd/mm/yyyy" and row[5].is_date
    assert row[8].value == ledger.loc[0, "Jumlah"] and row[8].number_format == "#,##0"
    assert row[6].data_type == "n"
    # an open credit note: blank payment date, reference kept as text
    credit = ledger["Jenis"] == "Nota Kredit"
    i = int(ledger.index[credit & (ledger["Sisa"] != 0)][0])
    cn = ws[i + 2]
    assert cn[10].value is None and cn[9].value == 0
    assert cn[14].value == ledger.loc[i, "Referensi"] and cn[14].data_type == "s"
    # an applied one: negative paid, the application date as payment date, nothing left
    j = int(ledger.index[credit & (ledger["Sisa"] == 0)][0])
    cn = ws[j + 2]
    assert cn[9].value == ledger.loc[j, "Jumlah"] < 0
    assert cn[10].value == ledger.loc[j, "Tanggal Bayar"].to_pydatetime() and cn[10].is_date
    assert cn[11].value == 0
    assert ws.column_dimensions["A"].width > 20


def test_write_xlsx_keeps_text(tmp_path) -> None:
    df = make_sample_ledger(n_customers=5, n_invoices=30).head(4).copy()
    df["Pelanggan"] = ["=1+1", "@SUM(A1)", "+62 21 555", "http://x.test"]
    out = write_sample_ledger(df, tmp_path / "tricky.xlsx")
    ws = openpyxl.load_workbook(out)["Ledger"]
    for r, text in enumerate(df["Pelanggan"], start=2):
        cell = ws.cell(r, 1)
        assert cell.value == text and cell.data_type == "s"
    assert not ws._hyperlinks


def test_write_csv_roundtrip(tmp_path, ledger: pd.DataFrame) -> None:
    out = write_sample_ledger(ledger, tmp_path / "ledger.csv")
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0] == ",".join(LEDGER_COLUMNS)
    assert ",2023-01-02," in text  # ISO dates
    back = pd.read_csv(
        out,
        parse_dates=["Tanggal Faktur", "Jatuh Tempo", "Tanggal Bayar"],
        keep_default_na=False,
        na_values={"Tanggal Bayar": [""]},
        dtype={"Referensi": str},
    )
    for col in ("Jumlah", "Dibayar", "Sisa"):
        np.testing.assert_array_equal(back[col].astype(float), ledger[col])
    assert back["Tanggal Bayar"].isna().sum() == ledger["Tanggal Bayar"].isna().sum()
    assert back["Referensi"].tolist() == ledger["Referensi"].tolist()
    assert (back["Tanggal Faktur"].to_numpy() == ledger["Tanggal Faktur"].to_numpy()).all()


def test_write_bad_suffix(tmp_path, ledger: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match=r"\.xlsx or \.csv"):
        write_sample_ledger(ledger, tmp_path / "ledger.ods")
