"""One customer identity: every function of one ledger names and counts customers alike.

The ledger below writes PT Maju four ways (``PT Maju`` twice, ``pt maju``, ``PT. Maju``,
``P.T. Maju  ``) beside ``CV Maju`` (another legal form: another customer) and ``Toko Sinar``.
Before the one key rule the aging showed 6 customers, the credit review 5 and the
reconciliation matched the payment of ``p t maju`` to nobody.

Open at 2024-06-30 (figures every table below ties to):

* PT Maju: A-2 2,000,000 (91 days past due), A-3 3,000,000 (60), A-4 4,000,000 − 1,000,000
  paid = 3,000,000 (30), A-5 5,000,000 (not yet due) → 13,000,000 (A-1 is paid);
* CV Maju: B-1 700,000 (82), B-2 300,000 (21) → 1,000,000;
* Toko Sinar: C-1 900,000 (106) → 900,000. Total 14,900,000.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from xl_ar.cli import main
from xl_ar.core.base.customers import (
    LEADING_FORMS,
    TRAILING_FORMS,
    customer_key,
    match_customers,
    unify_customers,
)
from xl_ar.core.cash_application.reconcile import reconcile
from xl_ar.core.cash_application.statement import reconcile_statement
from xl_ar.core.cashflow.forecast import forecast_items
from xl_ar.core.collections.letters import letter_text, write_letters
from xl_ar.core.collections.worklist import worklist
from xl_ar.core.credit.credit_review import credit_review
from xl_ar.core.ledger.ledger import ensure_ledger, load_ledger, read_ledger
from xl_ar.core.metrics.summary import kpi_summary
from xl_ar.core.position.aging import aging
from xl_ar.reports.catalog import build_report
from xl_ar.testing import excel_call

AS_OF = "2024-06-30"
HEADER = ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"]
BODY = [
    ["PT Maju", "A-1", "2024-01-05", "2024-02-04", 1_000_000, 1_000_000, "2024-02-20"],
    ["pt maju", "A-2", "2024-03-01", "2024-03-31", 2_000_000, 0, None],
    ["PT. Maju", "A-3", "2024-04-01", "2024-05-01", 3_000_000, 0, None],
    ["P.T. Maju  ", "A-4", "2024-05-01", "2024-05-31", 4_000_000, 1_000_000, "2024-06-10"],
    ["PT Maju", "A-5", "2024-06-01", "2024-07-01", 5_000_000, 0, None],
    ["CV Maju", "B-1", "2024-03-10", "2024-04-09", 700_000, 0, None],
    ["CV Maju", "B-2", "2024-05-10", "2024-06-09", 300_000, 0, None],
    ["Toko Sinar", "C-1", "2024-02-15", "2024-03-16", 900_000, 0, None],
]
LEDGER = [HEADER, *BODY]
NAMES = ["CV Maju", "PT Maju", "Toko Sinar"]
NOTE = "4 spellings of one customer read as 'PT Maju': 'pt maju', 'PT. Maju', 'P.T. Maju'"
OPEN = {"PT Maju": 13_000_000.0, "CV Maju": 1_000_000.0, "Toko Sinar": 900_000.0}
CUSTOMERS = [["Customer", "Credit Limit"], ["PT MAJU", 10_000_000.0], ["cv maju", 2_000_000.0],
             ["Toko Sinar", 1_000_000.0]]  # fmt: skip
PAYMENTS = [
    ["Payment", "Date", "Amount", "Customer", "Memo"],
    ["BB-1", "2024-06-20", 2_000_000, "p t maju", ""],
    ["BB-2", "2024-06-21", 700_000, "C.V. MAJU", ""],
    ["BB-3", "2024-06-22", 900_000, "toko  sinar", ""],
]
VARIANTS = {"pt maju", "PT. Maju", "P.T. Maju"}


# --------------------------------------------------------------------------- the rule


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("PT Maju", "pt maju", True),
        ("PT Maju", "PT. Maju", True),
        ("PT Maju", "P.T. Maju  ", True),
        ("PT Maju", "P T Maju", True),
        ("PT Maju", "Maju, PT", True),
        ("PT Maju", "Perseroan Terbatas Maju", True),
        ("CV Maju", "C.V. Maju", True),
        ("CV Maju", "Persekutuan Komanditer Maju", True),
        ("PT Maju Tbk", "PT. MAJU TBK.", True),
        ("UD Sinar", "U.D. Sinar", True),
        ("Koperasi Tani", "Kop. Tani", True),
        ("Maju Trading Ltd", "Maju Trading Limited", True),
        ("PT Maju Jaya", "PT MajuJaya", False),  # word boundaries count
        ("PT Maju", "CV Maju", False),
        ("PT Maju", "Maju", False),
        ("PT Maju Tbk", "PT Maju", False),
        ("UD Maju", "PD Maju", False),
        ("PT Maju", "PT Maju Jaya", False),
    ],
)
def test_same_customer(a, b, same):
    assert (customer_key(a) == customer_key(b)) is same


def test_blank_names_have_no_key_and_stay_blank():
    assert [customer_key(v) for v in (None, "", "   ", float("nan"))] == [None] * 4
    got = unify_customers(pd.Series(["PT A", None, "pt a", "  "], dtype=object))
    assert got.names.tolist()[0] == got.names.tolist()[2] == "PT A"
    assert got.names.tolist()[1] is None and got.names.tolist()[3] == "  "


def test_display_is_most_frequent_then_first_seen():
    most = unify_customers(pd.Series(["pt maju", "PT Maju", "PT. Maju", "PT Maju"]))
    assert most.names.tolist() == ["PT Maju"] * 4
    assert most.merged == (("PT Maju", "pt maju", "PT. Maju"),)
    tie = unify_customers(pd.Series(["pt maju", "PT Maju", "CV Maju"]))
    assert tie.names.tolist() == ["pt maju", "pt maju", "CV Maju"]


def test_notes_name_merged_spellings_and_count_the_rest():
    names = pd.Series([f"{form} {n}" for n in "ABCDEFG" for form in ("PT", "pt.")])
    notes = unify_customers(names).notes(limit=2)
    assert notes == (
        "2 spellings of one customer read as 'PT A': 'pt. A'",
        "2 spellings of one customer read as 'PT B': 'pt. B'",
        "5 more customers written in several spellings",
    )


def test_match_customers_by_key():
    got = match_customers(["p.t. maju", "TOKO SINAR", "Maju", "", None], NAMES)
    assert got.tolist() == [1, 2, -1, -1, -1]


# --------------------------------------------------------------------------- one ledger


@pytest.fixture(scope="module")
def loaded():
    return load_ledger(LEDGER)


def test_the_reader_shows_one_spelling_and_says_so(loaded):
    assert loaded.ok
    assert loaded.notes == (NOTE,)
    assert loaded.ledger["customer"].tolist() == ["PT Maju"] * 5 + ["CV Maju"] * 2 + ["Toko Sinar"]
    assert list(loaded.ledger["customer"].cat.categories) == NAMES


def test_every_function_counts_three_customers(loaded, tmp_path):
    led = loaded.ledger
    age = aging(led, AS_OF)
    assert age["customer"].tolist() == [*NAMES, "Total"]
    assert dict(zip(age["customer"], age["Total"], strict=True)) == {**OPEN, "Total": 14_900_000}
    pt = age.set_index("customer").loc["PT Maju"]
    assert pt[["Current", "1-30", "31-60", ">90"]].tolist() == [5e6, 3e6, 3e6, 2e6]
    assert kpi_summary(led, AS_OF)["customers"] == 3.0

    wl = worklist(led, AS_OF, lang="en")
    assert sorted(wl["customer"]) == NAMES
    assert dict(zip(wl["customer"], wl["open"], strict=True)) == OPEN

    review = credit_review(CUSTOMERS, led, AS_OF)  # table spellings: the ledger's shown
    assert sorted(review["customer"]) == NAMES
    assert dict(zip(review["customer"], review["open_ar"], strict=True)) == OPEN
    assert review.set_index("customer").loc["PT Maju", "credit_limit"] == 10_000_000

    paths = write_letters(led, AS_OF, tmp_path, lang="en")
    assert sorted(p.name.split("_", 1)[1].rsplit("_", 2)[0] for p in paths) == [
        "CV_Maju", "PT_Maju", "Toko_Sinar",
    ]  # fmt: skip
    letter = letter_text(led, "p.t. MAJU", AS_OF, lang="en")
    assert "\nPT Maju\n" in letter and "Rp 8,000,000" in letter  # overdue

    items = forecast_items(led, AS_OF, loss_rates=[0.01, 0.05, 0.1, 0.2, 0.5])
    assert sorted(items["customer"].unique()) == NAMES
    assert items.groupby("customer")["outstanding"].sum().to_dict() == OPEN

    result = reconcile(led, PAYMENTS)
    applied = result.table[result.table["applied"] > 0]
    assert sorted(applied["customer"].unique()) == NAMES
    assert dict(zip(applied["customer"], applied["invoice"], strict=True)) == {
        "PT Maju": "A-2", "CV Maju": "B-1", "Toko Sinar": "C-1",
    }  # fmt: skip
    assert result.summary["unmatched_amount"] == 0.0

    statement = [["Doc No", "Date", "Amount"], ["A-2", "2024-03-01", 2_000_000]]
    _, total = reconcile_statement(led, statement, customer="PT. MAJU")
    assert total["customer"] == "PT Maju" and total["our_balance"] == 13_000_000


def test_raw_rows_and_a_canonical_ledger_built_by_hand_agree():
    by_hand = read_ledger(LEDGER).assign(customer=[row[0] for row in BODY])  # spellings back
    assert ensure_ledger(by_hand)["customer"].tolist() == read_ledger(LEDGER)["customer"].tolist()
    assert aging(by_hand, AS_OF)["customer"].tolist() == [*NAMES, "Total"]
    assert aging(LEDGER, AS_OF).equals(aging(by_hand, AS_OF))


def test_the_report_names_three_customers_everywhere(loaded):
    report = build_report(
        loaded, AS_OF, customers=CUSTOMERS, payments=PAYMENTS, lang="en",
        options={"loss_rates": [0.01, 0.05, 0.1, 0.2, 0.5]},
    )  # fmt: skip
    seen = {}
    for sheet in report.sheets:
        for table in sheet.tables:
            if "customer" in table.frame.columns:
                names = set(table.frame["customer"].dropna())
                seen.setdefault(sheet.key, set()).update(names & {*NAMES, *VARIANTS})
    assert seen == dict.fromkeys(
        ["aging", "dashboard", "worklist", "letters", "reconciliation", "credit_review"], set(NAMES)
    )
    health = next(s for s in report.sheets if s.key == "data_health")
    assert (NOTE, NOTE) in health.notes


# --------------------------------------------------------------------------- the edges


@pytest.fixture
def ledger_csv(tmp_path: Path) -> Path:
    path = tmp_path / "ledger.csv"
    pd.DataFrame(BODY, columns=HEADER).to_csv(path, index=False)
    return path


def test_cli_aging_and_report(capsys, ledger_csv, tmp_path):
    code = main(["aging", str(ledger_csv), "--as-of", AS_OF, "--format", "csv"])
    out, err = capsys.readouterr()
    assert code == 0 and err == f"xl-ar aging: note: {NOTE}\n"
    assert [line.split(",")[0] for line in out.splitlines()] == ["customer", *NAMES, "Total"]

    customers = tmp_path / "customers.csv"
    pd.DataFrame(CUSTOMERS[1:], columns=CUSTOMERS[0]).to_csv(customers, index=False)
    out_file = tmp_path / "report.xlsx"
    code = main(["report", str(ledger_csv), "--as-of", AS_OF, "--customers", str(customers),
                 "--reports", "aging,dashboard,worklist,letters,credit_review,data_health",
                 "--lang", "en", "-o", str(out_file)])  # fmt: skip
    capsys.readouterr()
    assert code == 0
    book = openpyxl.load_workbook(out_file, read_only=True)
    cells = {
        ws.title: {v for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)}
        for ws in book.worksheets
    }
    book.close()
    for title, texts in cells.items():
        if title in ("Data Health", "Kesehatan Data"):
            assert NOTE in texts
        else:
            assert not texts & VARIANTS, title
    for title in ("Aging", "Worklist", "Credit Review"):
        sheet = next(t for t in cells if title.lower() in t.lower())
        assert set(NAMES) <= cells[sheet], sheet


def test_udfs_get_the_identity_through_the_core():
    rows = [HEADER, *[[*r[:2], *(dt.datetime.fromisoformat(d) if d else None for d in r[2:4]),
                       float(r[4]), float(r[5]),
                       dt.datetime.fromisoformat(r[6]) if r[6] else None] for r in BODY]]  # fmt: skip
    got = excel_call("AR_AGING", rows, dt.datetime(2024, 6, 30))
    assert [r[0] for r in got] == ["customer", *NAMES, "Total"]
    assert [r[-1] for r in got[1:]] == [1_000_000.0, 13_000_000.0, 900_000.0, 14_900_000.0]
    review = excel_call("AR_CREDIT_REVIEW", CUSTOMERS, rows, dt.datetime(2024, 6, 30))
    assert sorted(r[0] for r in review[1:]) == NAMES
    letter = excel_call("AR_LETTER", rows, "Maju, P.T.", dt.datetime(2024, 6, 30), None, "en")
    assert "PT Maju" in letter


# --------------------------------------------------------------------------- properties

_FORM_SPELLINGS = {
    "pt": ["PT", "pt", "PT.", "P.T.", "P T", "P. T.", "Perseroan Terbatas"],
    "cv": ["CV", "C.V.", "cv.", "C V", "Persekutuan Komanditer"],
    "ud": ["UD", "U.D.", "ud", "Usaha Dagang"],
    "koperasi": ["Koperasi", "KOP", "Kop."],
}
_SEPARATORS = [" ", "  ", ". ", "-", " - ", ", ", "/", " & ", "(", ") ", "\t", "_"]
_FORM_WORDS = {run for spellings in _FORM_SPELLINGS.values() for s in spellings
               for run in s.lower().replace(".", " ").split()}  # fmt: skip
_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=3, max_size=8).filter(
    lambda w: w not in _FORM_WORDS and w not in LEADING_FORMS and w not in TRAILING_FORMS
)
_NAME = st.tuples(
    st.sampled_from([None, *_FORM_SPELLINGS]), st.lists(_WORD, min_size=1, max_size=4)
)


def _spell(form: str | None, words: list[str], rnd: random.Random, *, inverted: bool) -> str:
    """One spelling of a name: random case, separators and spelling of its legal form."""
    cased = ["".join(c.upper() if rnd.random() < 0.5 else c for c in w) for w in words]
    text = cased[0]
    for w in cased[1:]:
        text += rnd.choice(_SEPARATORS) + w
    text = rnd.choice(["", " ", "  "]) + text + rnd.choice(["", " ", ".", "  "])
    if form is None:
        return text
    spelled = rnd.choice(_FORM_SPELLINGS[form])
    return f"{text}, {spelled}" if inverted else f"{spelled} {text}"


@settings(max_examples=200, deadline=None)
@given(_NAME, st.randoms(use_true_random=False), st.booleans())
def test_key_ignores_case_spacing_punctuation_and_form_spelling(name, rnd, inverted):
    form, words = name
    assume("".join(words) not in LEADING_FORMS)
    one = _spell(form, words, rnd, inverted=False)
    other = _spell(form, words, rnd, inverted=inverted)
    assert customer_key(one) == customer_key(other), (one, other)
    assert customer_key(one) == customer_key(customer_key(one))  # idempotent


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=12))
def test_key_is_idempotent_on_any_text(text):
    key = customer_key(text)
    assert key is None or customer_key(key) == key


@settings(max_examples=100, deadline=None)
@given(
    st.lists(_WORD, min_size=1, max_size=3),
    st.lists(st.sampled_from([None, *_FORM_SPELLINGS]), min_size=2, max_size=2, unique=True),
    st.randoms(use_true_random=False),
)
def test_other_legal_forms_stay_other_customers(words, forms, rnd):
    """PT Maju, CV Maju and Maju are three customers, however each is spelled."""
    assume("".join(words) not in LEADING_FORMS)
    one, other = (_spell(f, words, rnd, inverted=rnd.random() < 0.5) for f in forms)
    assert customer_key(one) != customer_key(other), (one, other)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(_NAME, st.integers(1, 4)), min_size=1, max_size=4),
    st.randoms(use_true_random=False),
)
def test_merge_conserves_totals_and_display_follows_frequency(names, rnd):
    rows = []
    for (form, words), spellings in names:
        for _ in range(spellings):
            text = _spell(form, words, rnd, inverted=rnd.random() < 0.3)
            rows += [[text, rnd.randint(1, 9) * 1000.0] for _ in range(rnd.randint(1, 3))]
    rnd.shuffle(rows)
    ledger = [["Customer", "Invoice Date", "Due Date", "Amount"]] + [
        [name, "2024-01-01", "2024-01-31", amount] for name, amount in rows
    ]
    keys = [customer_key(n) for n, _ in rows]
    age = aging(ledger, "2024-06-30")
    body = age[age["customer"] != "Total"]
    assert len(body) == len(set(keys))  # one row per key
    assert age["Total"].iloc[-1] == pytest.approx(sum(a for _, a in rows))
    by_key = Counter()
    for key, (_, amount) in zip(keys, rows, strict=True):
        by_key[key] += amount
    shown = {customer_key(n): n for n in body["customer"]}
    for customer, total in zip(body["customer"], body["Total"], strict=True):
        assert total == pytest.approx(by_key[customer_key(customer)])
    # the name shown: most frequent spelling (as read: stripped), ties to the first row
    for key in set(keys):
        spelled = [n.strip() for n, _ in rows if customer_key(n) == key]
        counts = Counter(spelled)
        best = max(counts.values())
        expected = next(s for s in spelled if counts[s] == best)
        assert shown[key] == expected


@pytest.mark.parametrize(
    "one, other",
    [
        ("Udang", "UD Ang"),  # a name without a form is not absorbed into one with a form
        ("PT Asia Nusa", "PT Asian Usa"),  # word boundaries count
        ("PT 1 23", "PT 12 3"),
        ("12-345", "123-45"),  # customer codes
        ("PT Maju Jaya", "PT MajuJaya"),  # when in doubt, two customers
        ("राम ट्रेडर्स", "रमा ट्रेडर्स"),  # vowel signs are part of the word
        ("Café Nusa", "Caf Nusa"),
    ],
)
def test_different_customers_stay_different(one, other):
    assert customer_key(one) != customer_key(other)
    got = unify_customers(pd.Series([one, other, one]))
    assert got.merged == () and got.names.tolist() == [one, other, one]


@pytest.mark.parametrize(
    "one, other",
    [
        ("P.T. Maju", "PT Maju"),
        ("P T Maju", "pt. maju"),
        ("PT Ｍａｊｕ", "PT Maju"),
        ("C.V. A.B.C", "CV ABC"),
    ],
)
def test_initials_and_widths_fold(one, other):
    assert customer_key(one) == customer_key(other)


def test_notes_list_every_merged_customer_by_default():
    names = pd.Series([f"{form} {n}" for n in "ABCDEFG" for form in ("PT", "pt.")])
    notes = unify_customers(names).notes()
    assert len(notes) == 7 and notes[-1] == "2 spellings of one customer read as 'PT G': 'pt. G'"


def test_cli_prints_five_notes_and_check_lists_every_merge(capsys, tmp_path):
    path = tmp_path / "many.csv"
    rows = ["Customer,Invoice,Invoice Date,Due Date,Amount"]
    rows += [f"{form} {n},{form[:2]}{n},01/10/2024,31/10/2024,{amount}"
             for n in "ABCDEFG" for form, amount in (("PT", 100), ("pt.", 50))]  # fmt: skip
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert main(["aging", str(path), "--as-of", "2024-12-31"]) == 0
    out, err = capsys.readouterr()
    assert out.count("150.00") == 14 and "1,050.00" in out  # 7 customers, 2 columns each
    notes = err.splitlines()
    assert len(notes) == 6
    assert notes[0] == "xl-ar aging: note: 2 spellings of one customer read as 'PT A': 'pt. A'"
    assert notes[-1] == "xl-ar aging: note: 2 more notes; xl-ar check lists them all"
    assert main(["check", str(path)]) == 0
    out, _ = capsys.readouterr()
    assert out.count("2 spellings of one customer") == 7
