"""The layout of real exports: title blocks, total rows, grouped layouts, the report date.

Accounting systems write their receivables reports for people: a title block above the
header (company, report name, ``Per Tanggal 31 Des 2024`` / ``As of December 31, 2024``),
subtotal and total rows (``Subtotal PT A``, ``Total for Current``, ``TOTAL``, ``Jumlah``),
a customer's name on a heading row above its invoices (Accurate *Rincian Umur Piutang*),
one section per aging bucket (QuickBooks *A/R Aging Detail*: ``Current``,
``1 - 30 days past due`` ...), and footers (a printed-at time, ``Page 1 of 3``).

:func:`arrange` runs between reading the grid (:func:`xl_ar.core.base.sources.read_grid`)
and converting its columns (:mod:`xl_ar.core.ledger.ledger`), so that every command, the
ribbon and the worksheet functions read the same rows. It leaves out what is not an item
and says so (:attr:`Layout.notes`); :func:`check_totals` then proves each total row left out
against the rows it totals (a total that does not add up is a data problem). Only rows whose
invoice date is blank are examined cell by cell, so a clean ledger costs one column scan.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.amounts import parse_amounts
from xl_ar.core.base.cells import blank_mask, cell_text, cut_text, map_unique
from xl_ar.core.base.dates import parse_dates
from xl_ar.core.base.text import grouped_number
from xl_ar.errors import XlArError

__all__ = [
    "Layout",
    "arrange",
    "check_totals",
    "default_as_of",
    "is_bucket_title",
    "is_total_label",
    "latest_ledger_date",
    "title_date",
]

#: Header of the customer column made from group heading rows when the export has none.
HEADING_CUSTOMER = "Customer (from headings)"

_TOTAL = re.compile(
    r"^\s*'?(?:\*{1,3}(?=\s|$)|(?:sub[\s-]?totals?|grand[\s-]?totals?|totals?|jumlah|sum)\b"
    r"(?!\s*(?:days?|hari)\b))",  # SAP ALV: *, **; ERPNext: 'Total'
    re.IGNORECASE,
)
_BUCKET = re.compile(
    r"""^\s*(?:
        current | not\s+(?:yet\s+)?due | belum\s+jatuh\s+tempo | lancar | older | lainnya
        | (?:over|above|more\s+than|lebih\s+dari|>\s*=?|<\s*=?)\s*\d+
        | \d+\s*(?:-|–|to|s/?d|sampai|until)\s*\d+
        | \d+\s*(?:\+|or\s+more|and\s+(?:over|above|older)|ke\s+atas)
        | \d+
    )\s*(?:days?|hari|months?|bulan)?\s*
    (?:past\s+due|overdue|old|lewat(?:\s+jatuh\s+tempo)?|terlambat|jatuh\s+tempo)?\s*:?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_FOOTER = re.compile(
    r"^\s*(?:page|halaman|hal\.?)\s*\d+|^\s*(?:printed|dicetak|cetak|print\s*(?:date|ed)?|"
    r"tanggal\s+cetak|tgl\.?\s+cetak|generated|run\s+(?:date|on)|report\s+generated)\b",
    re.IGNORECASE,
)
_AS_OF_KEY = re.compile(
    r"\b(?:aged\s+as\s+(?:of|at)|as\s+(?:of|at)|per\s+tanggal|per\s+tgl\.?|per|tanggal|tgl\.?|"
    r"s/d|s\.d\.?|sampai\s+dengan|sampai|hingga|until|up\s+to|ending|end\s+date|periode|"
    r"period|date)(?![\w/])\s*:?\s*",
    re.IGNORECASE,
)
_NOT_AS_OF = re.compile(r"\b(?:print\w*|dicetak|cetak|generated|page|halaman)\b", re.IGNORECASE)
_RANGE = re.compile(r"\s+(?:-|–|to|s/d|s\.d\.?|sampai(?:\s+dengan)?|hingga|until)\s+", re.I)
_TAIL = 200  # footers are looked for among the last rows only
_SHOWN = 3  # items quoted in one note


@dataclass(frozen=True)
class Layout:
    """The rows of an export that are items, and what was left out and why.

    Attributes
    ----------
    headers, body, found
        The grid as :mod:`xl_ar.core.ledger.ledger` converts it: headers, body rows (title,
        total, section and footer rows removed; group headings filled down) and the
        recognised columns (position → canonical name).
    notes : tuple of str
        What was done, one line each (title lines skipped, rows left out, headings used).
    as_of : pandas.Timestamp or None
        The report date read from the title block, if there is one.
    as_of_line : str
        The title line it was read from.
    """

    headers: list[object]
    body: pd.DataFrame
    found: dict[int, str]
    notes: tuple[str, ...] = ()
    as_of: pd.Timestamp | None = None
    as_of_line: str = ""
    totals: pd.DataFrame = field(default_factory=pd.DataFrame, compare=False, repr=False)
    order: pd.Index = field(default_factory=lambda: pd.Index([]), compare=False, repr=False)
    breaks: np.ndarray = field(default_factory=lambda: np.zeros(0, int), compare=False, repr=False)


def is_total_label(text: object) -> bool:
    """Whether a label reads as a subtotal or total row.

    Examples
    --------
    >>> [is_total_label(t) for t in ("Subtotal PT A", "Total for Current", "TOTAL", "Jumlah",
    ...                              "Grand Total", "Totalindo", "PT Total", None)]
    [True, True, True, True, True, False, False, False]
    """
    return isinstance(text, str) and _TOTAL.match(text) is not None


def is_bucket_title(text: object) -> bool:
    """Whether a label names an aging bucket (a section title of a report by bucket).

    Examples
    --------
    >>> [is_bucket_title(t) for t in ("Current", "1 - 30 days past due",
    ...                              "91 or more days past due", "> 90 hari", "PT Satu")]
    [True, True, True, True, False]
    """
    return isinstance(text, str) and _BUCKET.match(text) is not None


def title_date(lines: Sequence[str], date_order: str = "dmy") -> tuple[pd.Timestamp | None, str]:
    """The report date of a title block (``Per 31/12/2024``, ``As of December 31, 2024``).

    A line that says when it was printed is skipped; ``Periode 01/12/2024 - 31/12/2024``
    gives its last day. A text date is read in ``date_order``; when that order cannot read
    it but exactly one other can (``12/31/2024``), that one is used.

    Returns
    -------
    (date or None, the line it was read from)

    Examples
    --------
    >>> title_date(["PT Maju", "Rincian Umur Piutang", "Per Tanggal 31 Des 2024"])
    (Timestamp('2024-12-31 00:00:00'), 'Per Tanggal 31 Des 2024')
    >>> title_date(["A/R Aging Detail", "As of December 31, 2024"])[0].date()
    datetime.date(2024, 12, 31)
    >>> title_date(["Printed 02/01/2025"])
    (None, '')
    """
    for line in lines:
        if not isinstance(line, str) or _NOT_AS_OF.search(line):
            continue
        keys = list(_AS_OF_KEY.finditer(line))
        candidates = [line[keys[-1].end() :]] if keys else []
        candidates.append(line)
        for text in candidates:
            text = _RANGE.split(re.sub(r"\(.*?\)", "", text).strip(" :,.\t"))[-1].strip()
            day = _one_date(text, date_order) if 6 <= len(text) <= 40 else None
            if day is not None:
                return day, line
    return None, ""


def _one_date(text: str, date_order: str) -> pd.Timestamp | None:
    orders = [date_order] + [o for o in ("dmy", "mdy", "ymd") if o != date_order]
    readings = []
    for i, order in enumerate(orders):
        try:
            got = parse_dates(pd.Series([text], dtype=object), date_order=order).values.iloc[0]
        except XlArError:  # an order this version does not know
            continue
        if pd.notna(got):
            if i == 0:
                return pd.Timestamp(got)
            readings.append(pd.Timestamp(got))
    return readings[0] if len(set(readings)) == 1 else None


def latest_ledger_date(ledger: pd.DataFrame) -> pd.Timestamp:
    """The latest invoice or payment date in a canonical ledger.

    Examples
    --------
    >>> led = pd.DataFrame({"invoice_date": pd.to_datetime(["2024-12-28", "2024-11-02"]),
    ...                     "payment_date": pd.to_datetime([None, "2024-12-01"])})
    >>> str(latest_ledger_date(led).date())
    '2024-12-28'
    """
    dates = pd.concat([ledger[s.INVOICE_DATE], ledger[s.PAYMENT_DATE]]).dropna()
    if dates.empty:
        raise XlArError("the ledger has no dates: give --as-of")
    return pd.Timestamp(dates.max()).normalize()


def default_as_of(
    ledger: pd.DataFrame, title: pd.Timestamp | None = None, line: str = ""
) -> tuple[pd.Timestamp, str]:
    """The as-of date when none is given, and where it came from (for a note).

    The report date of the export's title block when there is one, else the latest invoice
    or payment date in the ledger.

    Examples
    --------
    >>> led = pd.DataFrame({"invoice_date": pd.to_datetime(["2024-12-28"]),
    ...                     "payment_date": pd.to_datetime([None])})
    >>> default_as_of(led)[1]
    'the latest invoice or payment date in the ledger'
    >>> default_as_of(led, pd.Timestamp("2024-12-31"), "Per 31/12/2024")
    (Timestamp('2024-12-31 00:00:00'), "the report date in the title ('Per 31/12/2024')")
    """
    if title is not None:
        return pd.Timestamp(title).normalize(), f"the report date in the title ({_q(line)})"
    return latest_ledger_date(ledger), "the latest invoice or payment date in the ledger"


def _q(text: object, limit: int = 40) -> str:
    return repr(cut_text(str(text), limit))


def _listed(texts: Sequence[object], what: str, *, count: bool = True) -> str:
    shown = ", ".join(_q(t) for t in texts[:_SHOWN])
    more = f" … ({len(texts) - _SHOWN} more)" if len(texts) > _SHOWN else ""
    return f"{len(texts)} {what}: {shown}{more}" if count else f"{what}: {shown}{more}"


def _labels(sub: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """For each row of ``sub``: its first non-blank cell as text and that cell's column
    position, how many cells are filled, and whether every filled cell is text (a heading
    holds no number or date)."""
    n = len(sub)
    first = np.full(n, None, dtype=object)
    where = np.full(n, -1, dtype=np.int64)
    count = np.zeros(n, dtype=np.int64)
    texts_only = np.ones(n, dtype=bool)
    for k, col in enumerate(sub.columns):
        cells = sub[col]
        filled = ~blank_mask(cells)
        if not filled.any():
            continue
        count += filled
        is_text = map_unique(cells, lambda v: isinstance(v, str), dtype=bool, na_value=False)
        texts_only &= ~filled | is_text
        take = filled & pd.isna(first)
        if take.any():
            first[take] = map_unique(cells[take], cell_text)
            where[take] = k
    return first, where, count, texts_only


def arrange(
    headers: list[object],
    body: pd.DataFrame,
    found: dict[int, str],
    title: Sequence[str] = (),
    *,
    date_order: str = "dmy",
) -> Layout:
    """Leave out the rows of an export that are not items; fill group headings down.

    Left out, each kind said in a note: total rows (a label such as ``Subtotal PT A``,
    ``Total``, ``Jumlah`` with the date columns blank; proven by :func:`check_totals`),
    section titles (``Current``, ``1 - 30 days past due``: a lone label, no amount),
    repeated header rows and footers (``Page 1 of 3``, a printed-at line, any text below the
    last amount). A customer heading (a lone label above rows with no customer) becomes the
    customer of the rows below it, up to the next heading, section or total row.

    Parameters
    ----------
    headers, body
        The grid (:class:`xl_ar.core.base.sources.RawGrid`): body indexed by row number.
    found : dict
        Recognised columns, position → canonical name
        (:func:`xl_ar.core.base.columns.match_headers`).
    title : sequence of str
        The title lines above the header (read for the report date).
    date_order : str
        How a text date in the title is read first.

    Returns
    -------
    Layout

    Examples
    --------
    >>> rows = [["PT A", None, None], ["F-1", "2024-12-01", 100.0], ["F-2", "2024-12-02", 50.0],
    ...         ["Total PT A", None, 150.0], ["Page 1 of 1", None, None]]
    >>> body = pd.DataFrame(rows, index=pd.Index(range(5, 10), name="row"))
    >>> got = arrange(["Invoice", "Invoice Date", "Amount"], body,
    ...               {0: "invoice", 1: "invoice_date", 2: "amount"}, ["Per 31/12/2024"])
    >>> got.body[3].tolist(), list(got.body.index), str(got.as_of.date())
    (['PT A', 'PT A'], [6, 7], '2024-12-31')
    >>> got.notes[-1]
    "1 footer line below the data left out: 'Page 1 of 1'"
    """
    headers = list(headers)
    as_of, line = title_date(title, date_order)
    notes: list[str] = []
    if title:
        notes.append(
            _listed(
                list(title),
                _plural(len(title), "title line") + " above the header skipped",
                count=False,
            )
        )
    if as_of is not None:
        notes.append(f"report date in the title: {as_of.date().isoformat()} ({_q(line)})")
    plain = Layout(headers, body, dict(found), tuple(notes), as_of, line)
    rows = _classify(headers, body, found)
    if rows is None:
        return plain
    new_body, headers, new_found, used = _fill_groups(headers, body, found, rows)
    section = rows.section | (rows.heading & ~used)  # headings naming no row: titles too
    out = rows.total | rows.footer | section | used | rows.repeated
    if used.any():
        names = list(dict.fromkeys(rows.group[used]))
        what = _plural(len(names), "customer heading") + " filled down onto the rows below"
        notes.append(_listed(names, what, count=False))
    if section.any():
        what = _plural(int(section.sum()), "section title row") + " left out"
        notes.append(_listed(list(rows.label[section]), what, count=False))
    if rows.repeated.any():
        notes.append(_plural(int(rows.repeated.sum()), "repeated header row") + " left out")
    if rows.footer.any():
        what = _plural(int(rows.footer.sum()), "footer line") + " below the data left out"
        notes.append(_listed(list(rows.label[rows.footer]), what, count=False))
    if not out.any():
        return plain
    keep = np.ones(len(body), dtype=bool)
    keep[rows.at[out]] = False
    totals = body.iloc[rows.at[rows.total]].assign(
        _label=rows.label[rows.total], _pos=rows.at[rows.total]
    )
    breaks = np.sort(rows.at[section | used])
    return Layout(
        headers, new_body[keep], new_found, tuple(notes), as_of, line, totals, body.index, breaks
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


@dataclass(frozen=True)
class _Rows:
    """The rows of a body that may not be items (positions ``at``) and what each one is."""

    at: np.ndarray
    label: np.ndarray
    group: np.ndarray
    total: np.ndarray
    footer: np.ndarray
    section: np.ndarray
    heading: np.ndarray
    repeated: np.ndarray


def _classify(headers: list[object], body: pd.DataFrame, found: dict[int, str]) -> _Rows | None:
    """Find the total, footer, section and heading rows (None: every row is an item)."""
    pos = {canon: p for p, canon in found.items()}
    date_col = pos.get(s.INVOICE_DATE, pos.get(s.DUE_DATE))
    if date_col is None or body.empty:
        return None
    n = len(body)
    money = [pos[c] for c in s.MONEY_COLUMNS if c in pos]
    # rows below the last amount may be footers (looked for among the last rows only)
    tail_start = max(0, n - _TAIL)
    has_money = np.zeros(n - tail_start, dtype=bool)
    for p in money:
        has_money |= ~blank_mask(body[p].iloc[tail_start:])
    last = tail_start + int(np.flatnonzero(has_money)[-1]) if has_money.any() else n
    date_blank = map_unique(body[date_col], _no_date, dtype=bool, na_value=True)
    repeated = _repeated_headers(headers, body, found)
    below = np.zeros(n, dtype=bool)
    below[last + 1 :] = True
    at = np.flatnonzero(date_blank | repeated | below)
    if not at.size:
        return None
    sub = body.iloc[at]
    label, where, filled, texts_only = _labels(sub)
    under = where <= max(found)  # footers sit under the table, not far to its right
    no_money = np.ones(len(at), dtype=bool)
    for p in money:
        no_money &= blank_mask(sub[p])
    dated = ~date_blank[at]
    if s.DUE_DATE in pos and pos[s.DUE_DATE] != date_col:
        dated |= ~blank_mask(sub[pos[s.DUE_DATE]])  # a due date makes a row an item
    customer = map_unique(sub[pos[s.CUSTOMER]], cell_text) if s.CUSTOMER in pos else label
    rep = repeated[at]
    total = ~dated & ~rep & (_matches(is_total_label, label) | _matches(is_total_label, customer))
    footer = no_money & (filled > 0) & ~total & ~rep & (
        (~dated & _matches(_FOOTER.match, label))
        | (below[at] & under & (~dated | pd.isna(customer) | _matches(_FOOTER.match, label)))
    )  # fmt: skip
    lone = ~dated & no_money & ~total & ~footer & ~rep & texts_only & under & (filled >= 1)
    lone &= filled <= 2
    bucket = _matches(is_bucket_title, label)
    group = label.copy()
    for i in np.flatnonzero(lone & ~bucket):  # headings are few: one per group
        if s.CUSTOMER in pos and pd.notna(customer[i]):
            group[i] = customer[i]
        elif filled[i] > 1:
            group[i] = " ".join(_cells_text(sub.iloc[i]))
    return _Rows(at, label, group, total, footer, lone & bucket, lone & ~bucket, rep)


def _no_date(value: object) -> bool:
    """A date cell that is blank or holds a label (a heading in the date column: Xero)."""
    if not isinstance(value, str):
        return value is None or value != value
    text = value.strip()
    return (
        not text
        or not any(c.isdigit() for c in text)
        or is_total_label(text)
        or is_bucket_title(text)
        or _FOOTER.match(text) is not None
    )


def _matches(test, texts: np.ndarray) -> np.ndarray:
    return np.fromiter((isinstance(t, str) and bool(test(t)) for t in texts), bool, len(texts))


def _fill_groups(
    headers: list[object], body: pd.DataFrame, found: dict[int, str], rows: _Rows
) -> tuple[pd.DataFrame, list[object], dict[int, str], np.ndarray]:
    """Customer headings filled down onto the rows below them without a customer.

    Returns the body, headers and recognised columns (a customer column is added when the
    export has none) and which headings named some row's customer.
    """
    used = np.zeros(len(rows.at), dtype=bool)
    found = dict(found)
    if not rows.heading.any():
        return body, headers, found, used
    n = len(body)
    marks = pd.Series(np.nan, index=range(n), dtype=object)
    marks.iloc[rows.at[rows.heading]] = rows.group[rows.heading]
    marks.iloc[rows.at[rows.total | rows.section]] = ""  # a group ends at its total
    fill = marks.ffill().to_numpy()
    item = np.ones(n, dtype=bool)
    item[rows.at[rows.total | rows.footer | rows.section | rows.heading | rows.repeated]] = False
    target = item & pd.notna(fill) & (fill != "")
    customer = next((p for p, c in found.items() if c == s.CUSTOMER), None)
    if customer is not None:
        target[target] = blank_mask(body[customer][target])
    if not target.any():
        return body, headers, found, used
    body = body.copy()
    if customer is None:
        customer = max(body.columns, default=-1) + 1
        body[customer] = None
        headers = [*headers, *([None] * (customer - len(headers))), HEADING_CUSTOMER]
        found[customer] = s.CUSTOMER
    column = body[customer].astype(object)
    column.iloc[np.flatnonzero(target)] = fill[target]
    body[customer] = column
    named = set(fill[target])
    used = rows.heading & _matches(named.__contains__, rows.group)
    return body, headers, found, used


def _cells_text(row: pd.Series) -> list[str]:
    return [t for t in (cell_text(v) for v in row) if t]


def _repeated_headers(
    headers: list[object], body: pd.DataFrame, found: dict[int, str]
) -> np.ndarray:
    """Rows repeating the header (a page header of a printed layout): two cells or more."""
    hits = np.zeros(len(body), dtype=np.int64)
    for p in list(found)[:4]:
        if isinstance(headers[p], str):
            hits += (body[p].to_numpy(dtype=object) == headers[p]).astype(np.int64)
    return hits >= min(2, len(found))


def check_totals(
    layout: Layout,
    ledger: pd.DataFrame,
    *,
    number_format: str = "auto",
    tolerance: float = 0.005,
) -> tuple[list[str], pd.DataFrame]:
    """Prove the total rows left out against the rows they total.

    A total row totals the rows above it since the last total row, since its group heading
    or section title, or since the top (a grand total). When one of these sums equals it
    (within ``tolerance``), it is proven; when none does, that is a problem of the row.

    Returns
    -------
    (notes, problems)
        One note on the total rows left out (count, labels and amounts); a problem table
        (row, column, value, problem) of the totals that do not add up.

    Examples
    --------
    >>> rows = [["PT A", "F-1", "2024-12-01", 100], ["PT A", "F-2", "2024-12-02", 50],
    ...         ["Subtotal PT A", None, None, 150], ["TOTAL", None, None, 160]]
    >>> body = pd.DataFrame(rows, index=pd.Index(range(2, 6), name="row"))
    >>> found = {0: "customer", 1: "invoice", 2: "invoice_date", 3: "amount"}
    >>> lay = arrange(["Customer", "Invoice", "Invoice Date", "Amount"], body, found)
    >>> led = pd.DataFrame({"amount": [100.0, 50.0], "paid": 0.0, "balance": [100.0, 50.0]},
    ...                    index=[2, 3])
    >>> notes, problems = check_totals(lay, led)
    >>> notes[0]
    "2 total rows left out: row 4 'Subtotal PT A' 150; row 5 'TOTAL' 160"
    >>> problems.problem.tolist()
    ['is a total row (left out) but the rows it totals add up to 150']
    """
    totals = layout.totals
    none = pd.DataFrame(columns=["row", "column", "value", "problem"])
    if totals.empty:
        return [], none
    pos = {canon: p for p, canon in layout.found.items()}
    n = len(layout.order)
    at = layout.order.get_indexer(ledger.index)
    t_pos = totals["_pos"].to_numpy()
    prev_total = np.concatenate([[-1], t_pos[:-1]])
    b = layout.breaks
    k = np.searchsorted(b, t_pos) - 1
    prev_break = np.where(k >= 0, b[np.maximum(k, 0)], -1) if b.size else np.full(len(k), -1)
    starts = [prev_total, prev_break, np.full(len(t_pos), -1)]
    rows: list[int] = []
    cols: list[object] = []
    vals: list[object] = []
    probs: list[str] = []
    shown = np.full(len(t_pos), np.nan)
    for canon in (s.BALANCE, s.AMOUNT, s.PAID):
        if canon not in pos or canon not in ledger:
            continue
        cells = totals[pos[canon]]
        parsed = parse_amounts(cells, number_format=number_format).values.to_numpy(float)
        shown = np.where(np.isnan(shown), parsed, shown)
        values = np.zeros(n + 1)
        missing = np.zeros(n + 1)
        got = ledger[canon].to_numpy(float)
        ok = at >= 0
        values[at[ok] + 1] = np.nan_to_num(got[ok])
        missing[at[ok] + 1] = np.isnan(got[ok])
        cs, cm = np.cumsum(values), np.cumsum(missing)
        sums = np.stack([cs[t_pos] - cs[st + 1] for st in starts])
        gaps = np.stack([cm[t_pos] - cm[st + 1] for st in starts])
        known = gaps == 0
        match = known & (np.abs(sums - parsed) <= tolerance + 1e-9 * np.abs(parsed))
        bad = ~np.isnan(parsed) & known.any(axis=0) & ~match.any(axis=0)
        for i in np.flatnonzero(bad):
            near = np.where(known[:, i], np.abs(sums[:, i] - parsed[i]), np.inf).argmin()
            rows.append(int(layout.order[t_pos[i]]))
            cols.append(layout.headers[pos[canon]])
            vals.append(cells.iloc[i])
            probs.append(
                "is a total row (left out) but the rows it totals add up to "
                f"{grouped_number(sums[near, i], 2, trim=True)}"
            )
    items = [
        f"row {layout.order[p]} {_q(lab)}"
        + ("" if np.isnan(v) else f" {grouped_number(v, 2, trim=True)}")
        for p, lab, v in zip(t_pos[:_SHOWN], totals["_label"][:_SHOWN], shown[:_SHOWN], strict=True)
    ]
    more = f" … ({len(t_pos) - _SHOWN} more)" if len(t_pos) > _SHOWN else ""
    word = "row" if len(t_pos) == 1 else "rows"
    note = f"{len(t_pos)} total {word} left out: {'; '.join(items)}{more}"
    problems = pd.DataFrame(
        {"row": pd.array(rows, dtype="Int64"), "column": [str(c) for c in cols],
         "value": [cell_text(v) or "" for v in vals], "problem": probs}
    )  # fmt: skip
    return [note], problems
