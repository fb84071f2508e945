"""Collection strategy: the default table, reading a worksheet range, validation, stages."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from xl_ar.core.collections.strategy import (
    DEFAULT_STRATEGY,
    STAGES,
    STRATEGY_COLUMNS,
    assign_stages,
    default_strategy,
    find_stage,
    read_strategy,
    stage_key,
    strategy_table,
)
from xl_ar.errors import OptionError, XlArError

HEADER = ["Stage", "Min DPD", "Max DPD", "Min Amount", "Channel", "Owner", "Action (ID)",
          "Action (EN)", "Days to Act", "Annual Rate", "Fee"]  # fmt: skip


def test_default_strategy_is_the_documented_table():
    d = DEFAULT_STRATEGY
    assert list(d.columns) == list(STRATEGY_COLUMNS)
    assert tuple(d["stage"]) == STAGES
    bands = list(zip(d["min_dpd"], d["max_dpd"].fillna(-1), strict=True))
    assert bands == [(-7, 0), (1, 15), (16, 45), (46, 90), (91, 180), (181, -1)]
    assert d.loc[d["stage"] == "legal", "min_amount"].item() == 5_000_000
    assert d["annual_rate"].tolist() == [0, 0, 0, 0, 0, 0]  # issue 15: no rate until set
    assert (d["action_id"].str.len() > 10).all() and (d["action_en"].str.len() > 10).all()
    assert d["channel"].ne("").all() and d["owner"].ne("").all()
    # the default passes its own validation and reads back unchanged
    pd.testing.assert_frame_equal(read_strategy(DEFAULT_STRATEGY), DEFAULT_STRATEGY)
    pd.testing.assert_frame_equal(read_strategy(None), DEFAULT_STRATEGY)
    pd.testing.assert_frame_equal(read_strategy([[None, None], [None, None]]), DEFAULT_STRATEGY)


def test_default_strategy_copy_is_independent():
    copy = default_strategy()
    copy.loc[0, "min_dpd"] = -30
    assert DEFAULT_STRATEGY.loc[0, "min_dpd"] == -7


def test_the_default_as_a_worksheet_range_reads_back():
    rows = [list(STRATEGY_COLUMNS)]
    for r in DEFAULT_STRATEGY.itertuples(index=False):
        rows.append([None if isinstance(v, float) and np.isnan(v) else v for v in r])
    pd.testing.assert_frame_equal(read_strategy(rows), DEFAULT_STRATEGY)


def test_indonesian_headers_aliases_text_numbers_and_notes_column():
    rows = [
        ["Strategi penagihan PT Sinar", None, None, None, None, None, None],  # title row
        ["Tahap", "Dari Hari", "Sampai Hari", "Jumlah Minimal", "PIC", "Bunga", "Catatan"],
        ["Dini", "1", 30.0, None, "Rina", None, "telepon dulu"],
        [None, None, None, None, None, None, None],
        ["Eskalasi", 31.0, 120.0, "Rp 1.000.000", "Budi", "12%", None],
        ["Hapus Buku", 121.0, None, 0.0, "CFO", 0.0, None],
    ]
    got = read_strategy(rows)
    assert got["stage"].tolist() == ["early", "escalation", "write_off"]
    assert got["min_amount"].tolist() == [0.0, 1_000_000.0, 0.0]
    assert got["owner"].tolist() == ["Rina", "Budi", "CFO"]
    assert got["annual_rate"].tolist() == [0.0, 0.12, 0.0]
    assert got["channel"].tolist() == ["", "", ""]
    # no action columns: the default actions of the known stages
    assert got["action_en"].iloc[1] == DEFAULT_STRATEGY["action_en"].iloc[3]
    assert got["days_to_act"].tolist() == [0.0, 0.0, 0.0]


def test_custom_stage_keys_are_normalised():
    got = read_strategy([["Stage", "Min DPD", "Max DPD", "Action"],
                         ["Pre-due call", -3.0, 0.0, "Call"],
                         ["Second Reminder", 1.0, None, "Letter"]])  # fmt: skip
    assert got["stage"].tolist() == ["pre_due_call", "second_reminder"]
    assert got["action_id"].tolist() == ["Call", "Letter"]  # one language given: both


def test_stage_key_aliases():
    assert stage_key("Preventif") == "preventive"
    assert stage_key("PIHAK KETIGA") == "legal"
    assert stage_key("write-off") == "write_off"
    assert stage_key(" Lewat Jatuh Tempo ") == "overdue"


def body(*stages):
    return [["Stage", "Min DPD", "Max DPD"], *[list(s) for s in stages]]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (body(["early", 1.0, 15.0], ["overdue", 10.0, None]),
         "strategy: row 3 'overdue' (10 to no limit) overlaps row 2 'early' (1 to 15): "
         "days-past-due bands must not overlap (start 'overdue' at 16)"),
        (body(["overdue", 16.0, 45.0], ["early", 1.0, 15.0], ["legal", 46.0, None]),
         "strategy: rows out of order: row 3 'early' (1 to 15) comes after row 2 'overdue' "
         "(16 to 45); list the stages from the lowest days past due up"),
        (body(["early", 1.0, 15.0], ["overdue", 20.0, None]),
         "strategy: gap between row 2 'early' (1 to 15) and row 3 'overdue' (20 to no limit): "
         "bands must be contiguous (start 'overdue' at 16)"),
        (body(["early", 1.0, None], ["overdue", 16.0, None]),
         "has a blank max_dpd but row 3 'overdue' (16 to no limit) follows"),
        (body(["early", 1.0, 15.0], ["overdue", 16.0, 90.0]),
         "leave max_dpd of the last stage row 3 'overdue' (16 to 90) blank"),
        (body(["early", 5.0, None]), "starts after day 1"),
        (body(["early", 15.0, 1.0], ["x", 16.0, None]), "row 2 'early': min_dpd 15 is above max_dpd 1"),
        (body(["early", 1.0, 15.0], ["Dini", 16.0, None]),
         "stage 'early' appears twice (rows 2 and 3)"),
        (body(["early", "satu", None]), "'Min DPD': 'satu' is not a whole number of days"),
        (body(["early", 1.5, None]), "1.5 is not a whole number of days"),
        (body([None, 1.0, None]), "strategy: row 2 has no stage name"),
        (body(["early", None, None]), "'Min DPD' is blank"),
        ([["Stage", "Min DPD", "Max DPD", "Bunga"], ["early", 1.0, None, 12.0]],
         "strategy: row 2 'early': annual_rate must be a fraction from 0 to 1 (10% = 0.1), not 12"),
        ([["Stage", "Min DPD", "Max DPD", "Min Amount"], ["early", 1.0, None, -5.0]],
         "'Min Amount': -5 must be 0 or more"),
        ([["Stage", "Min DPD", "Max DPD", "Fee"], ["early", 1.0, None, "gratis"]],
         "row 2 'early': fee must be a number"),
        ([["Stage", "Min DPD", "Max DPD", "Sales Rep"], ["early", 1.0, None, "x"]],
         "strategy: unknown column 'Sales Rep'"),
        ([["Stage", "Min DPD", "Max Amount"], ["early", 1.0, None]], "no 'max_dpd' column"),
        ([["Stage", "From DPD", "DPD Dari", "Max DPD"]], "both look like 'min_dpd'"),
        ([["Tahapan", "Keterangan"], ["early", "x"]], "no header row with 'Stage', 'Min DPD'"),
        ([["Stage", "Min DPD", "Max DPD"]], "no stages below the header"),
        ("early", "strategy: give a range with a header row"),
    ],
)  # fmt: skip
def test_bad_strategies_give_one_line_naming_the_row(rows, message):
    with pytest.raises(XlArError) as err:
        read_strategy(rows)
    text = str(err.value)
    assert message in text, text
    assert "\n" not in text and len(text) <= 250


def test_find_stage_lists_the_known_stages():
    assert find_stage(DEFAULT_STRATEGY, "LEGAL") == 4
    assert find_stage(DEFAULT_STRATEGY, "hapus buku") == 5
    with pytest.raises(OptionError) as err:
        find_stage(DEFAULT_STRATEGY, "reminder 3")
    assert str(err.value) == (
        "stage 'reminder 3' is not a stage of the strategy (known: preventive, early, overdue, "
        "escalation, legal, write_off)"
    )


def test_assign_stages_bands_min_amount_fallback_and_pre_due():
    oldest = np.array([-8.0, -7, 0, 1, 15, 16, 45, 46, 90, 91, 91, 180, 181, 5000, np.nan])
    overdue = np.array([0, 0, 0, 1, 1, 1, 1, 1, 1, 5e6, 4_999_999, 1, 1, 1, 0])
    due_soon = np.array([9.0, 9, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    got = assign_stages(DEFAULT_STRATEGY, oldest, overdue, due_soon).tolist()
    #       -8  -7  0  1  15 16 45 46 90 91 91(small) 180(small) 181 5000 nan
    assert got == [-1, 0, 0, 1, 1, 2, 2, 3, 3, 4, 3, 3, 5, 5, -1]


def test_min_amount_on_pre_due_and_all_stages():
    st_ = read_strategy(
        [["Stage", "Min DPD", "Max DPD", "Min Amount"],
         ["preventive", -5.0, 0.0, 1000.0], ["early", 1.0, 30.0, 100.0], ["late", 31.0, None, 0.0]]
    )  # fmt: skip
    got = assign_stages(st_, np.array([-2.0, -2, 10, 10, 40]), np.array([0, 0, 50, 150, 1]),
                        np.array([999.0, 1000, 0, 0, 0])).tolist()  # fmt: skip
    # pre-due below its minimum: nothing; early below 100: nothing (no earlier overdue stage)
    assert got == [-1, 0, -1, 1, 2]


def test_strategy_table_for_readers():
    en = strategy_table()
    assert en.columns[0] == "Stage" and len(en) == 6
    assert en["Days past due"].iloc[-1] == "181 or more"
    assert en["Action"].iloc[1] == "Send a payment reminder letter and call the customer"
    ind = strategy_table(lang="id")
    assert ind["Hari lewat jatuh tempo"].tolist()[:2] == ["-7 s.d. 0", "1 s.d. 15"]
    assert ind["Tindakan"].iloc[3].startswith("Kirim surat tagihan pembayaran")


@st.composite
def strategies(draw):
    cuts = sorted(draw(st.sets(st.integers(1, 400), min_size=1, max_size=6)))
    first = draw(st.integers(-30, 1))
    starts = [first, *[c + 1 for c in cuts]]
    starts = sorted(set(starts))
    rows = [["Stage", "Min DPD", "Max DPD"]]
    for i, start in enumerate(starts):
        end = starts[i + 1] - 1 if i + 1 < len(starts) else None
        rows.append([f"s{i}", float(start), None if end is None else float(end)])
    return rows


@given(strategies(), st.lists(st.integers(-60, 3000), min_size=1, max_size=30))
def test_every_overdue_customer_gets_the_band_of_its_oldest_dpd(rows, oldest):
    strat = read_strategy(rows)
    oldest_arr = np.array(oldest, dtype=float)
    got = assign_stages(strat, oldest_arr, np.ones(len(oldest)), np.ones(len(oldest)))
    lo = strat["min_dpd"].to_numpy()
    hi = strat["max_dpd"].fillna(np.inf).to_numpy()
    for d, k in zip(oldest_arr, got, strict=True):
        if d >= lo[0]:
            assert k >= 0 and lo[k] <= d <= hi[k]
        else:
            assert k == -1
