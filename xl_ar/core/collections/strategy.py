"""Collection strategy: tiered dunning stages by days past due and amount.

A strategy is a small table, one row per stage, that users keep as a worksheet range and
edit. :func:`read_strategy` reads such a range (English or Indonesian headers) and validates
it; :data:`DEFAULT_STRATEGY` is the documented default (module 3 of the AR course:
preventive, early, overdue, escalation, third-party/legal, write-off review):

============  =======  =======  ===========  ==========================================
stage         min_dpd  max_dpd  min_amount   action (en)
============  =======  =======  ===========  ==========================================
preventive    -7       0        0            pre-due reminder, confirm invoice received
early         1        15       0            payment reminder and a call
overdue       16       45       0            call + payment reminder letter, ask a promise
escalation    46       90       0            payment demand letter, orders may be held, visit
legal         91       180      5,000,000    formal demand letter / collection agency
write_off     181      (none)   0            final demand letter; write-off review (allowance)
============  =======  =======  ===========  ==========================================

Columns of a strategy (:data:`STRATEGY_COLUMNS`):

* ``stage`` — key of the stage (lower case, ``_`` for spaces); Indonesian names of the
  default stages are accepted (``preventif``, ``dini``, ``eskalasi``, ``hukum`` ...);
* ``min_dpd``, ``max_dpd`` — the band of days past due (whole days; 0 = due today, negative
  = days before the due date). Bands must be listed from the lowest up, contiguous
  (``min_dpd`` = previous ``max_dpd`` + 1) and not overlapping; the first band must start at
  day 1 or earlier and the last must be open-ended (blank ``max_dpd``), so every overdue
  customer gets a stage;
* ``min_amount`` — smallest amount worth this stage (blank = 0). A customer whose overdue
  amount is below it stays at the nearest earlier overdue stage whose minimum it meets
  (small balances are not sent to lawyers);
* ``channel``, ``owner`` — how and by whom (free text), in Bahasa Indonesia;
  ``channel_en``, ``owner_en`` the same in English (blank: the Indonesian text is used);
* ``action_id``, ``action_en`` — the next action in Bahasa Indonesia and English;
* ``days_to_act`` — the action is due this many days after ``as_of`` (blank = 0);
* ``annual_rate``, ``fee`` — late interest (fraction, ``12%`` = 0.12) and fixed fee the
  stage's letter charges (blank = none); see :mod:`xl_ar.core.collections.interest`. The
  defaults charge **no** interest and no fee: most sales contracts set no late-interest rate,
  so letters add interest only once you set your contract's rate here (or give
  ``interest_rate`` to the letters: ``xl-ar letters --interest-rate 12%``).

How a customer gets a stage is :func:`assign_stages` (used by
:func:`xl_ar.core.collections.worklist.worklist`).

The write-off stage's letter is a final demand that threatens legal action, so it goes only to
a customer whose overdue amount meets :func:`final_demand_minimum` (the legal stage's
``min_amount``, Rp 5,000,000 by default, unless the write-off stage has a minimum of its own);
a smaller balance stays in the write-off review, and the letter run lists it with the reason
"below the minimum amount for a final demand".
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base.amounts import parse_amounts
from xl_ar.core.base.cells import cell_text, is_blank_value, quote_excerpt
from xl_ar.core.base.columns import header_lookup, normalize_header
from xl_ar.core.base.options import MAX_ACTION_DAYS, MAX_BUCKET_DAYS, choose
from xl_ar.core.base.tables import is_blank_source, table_rows
from xl_ar.core.base.text import percent_text, plain_number
from xl_ar.core.collections.interest import as_fee, as_rate
from xl_ar.errors import OptionError, XlArError

__all__ = [
    "DEFAULT_ACTIONS",
    "DEFAULT_STRATEGY",
    "STAGES",
    "STRATEGY_COLUMNS",
    "STRATEGY_HEADERS",
    "assign_stages",
    "default_strategy",
    "final_demand_minimum",
    "find_stage",
    "read_strategy",
    "stage_key",
    "strategy_table",
]

#: Keys of the default stages, in order.
STAGES = ("preventive", "early", "overdue", "escalation", "legal", "write_off")

#: Columns of a strategy DataFrame, in order.
STRATEGY_COLUMNS = (
    "stage", "min_dpd", "max_dpd", "min_amount", "channel", "owner", "action_id",
    "action_en", "days_to_act", "annual_rate", "fee", "channel_en", "owner_en",
)  # fmt: skip

#: Worksheet headers per column (English and Indonesian); matched ignoring case and spaces.
STRATEGY_HEADERS: dict[str, tuple[str, ...]] = {
    "stage": ("stage", "stage key", "tahap", "tahapan", "kode tahap", "level", "tingkat"),
    "min_dpd": (
        "min dpd", "dpd min", "from dpd", "dpd from", "from days", "days from", "dpd dari",
        "dari dpd", "dari hari", "hari dari", "min hari", "mulai hari", "hari lewat dari",
    ),
    "max_dpd": (
        "max dpd", "dpd max", "to dpd", "dpd to", "to days", "days to", "dpd sampai",
        "sampai dpd", "sampai hari", "hari sampai", "maks hari", "max hari", "dpd maks",
        "hari lewat sampai",
    ),
    "min_amount": (
        "min amount", "minimum amount", "amount from", "jumlah minimal", "jumlah minimum",
        "nilai minimal", "nilai minimum", "min jumlah", "minimal tagihan",
    ),
    "channel": ("channel", "saluran", "media", "sarana", "cara"),
    "owner": ("owner", "pic", "penanggung jawab", "petugas", "pelaksana", "responsible"),
    "action_id": (
        "action id", "action (id)", "tindakan", "tindakan id", "tindakan (id)", "aksi",
        "aksi id", "tindakan indonesia", "action indonesian",
    ),
    "action_en": (
        "action en", "action (en)", "action", "next action", "action english",
        "tindakan en", "tindakan (en)", "tindakan inggris",
    ),
    "days_to_act": (
        "days to act", "act within", "sla", "sla days", "hari tindak lanjut", "batas hari",
        "batas waktu", "tenggat hari", "dalam hari",
    ),
    "annual_rate": (
        "annual rate", "interest rate", "interest", "rate", "annual interest", "bunga",
        "bunga per tahun", "suku bunga", "bunga tahunan",
    ),
    "fee": ("fee", "fixed fee", "dunning fee", "biaya", "biaya tetap", "biaya penagihan",
            "denda tetap"),
    "channel_en": ("channel en", "channel (en)", "channel english", "saluran en",
                   "saluran (en)", "saluran inggris"),
    "owner_en": ("owner en", "owner (en)", "owner english", "pic en", "pic (en)",
                 "penanggung jawab en", "penanggung jawab (en)", "penanggung jawab inggris"),
}  # fmt: skip
_IGNORED_HEADERS = {
    normalize_header(h) for h in ("note", "notes", "remarks", "comment", "catatan", "keterangan")
}
_REQUIRED = ("stage", "min_dpd", "max_dpd")

#: Indonesian / alternative names of the default stage keys.
STAGE_NAMES: dict[str, tuple[str, ...]] = {
    "preventive": ("preventif", "pencegahan", "pre due", "pra jatuh tempo", "reminder"),
    "early": ("dini", "awal", "early collection", "penagihan dini"),
    "overdue": ("lewat jatuh tempo", "tunggakan", "overdue collection", "jatuh tempo"),
    "escalation": ("eskalasi", "peringatan akhir", "final notice"),
    "legal": ("hukum", "third party", "pihak ketiga", "third party legal", "somasi"),
    "write_off": ("write off", "write off review", "writeoff", "penghapusan", "hapus buku"),
}
_STAGE_LOOKUP = header_lookup(STAGE_NAMES)

_DEFAULT_ROWS = [
    ("preventive", -7, 0, 0, "Email / WhatsApp", "Staf AR",
     "Kirim pengingat sebelum jatuh tempo; pastikan faktur sudah diterima",
     "Send a pre-due reminder; confirm the invoice was received", 0, 0.0, 0.0,
     "Email / WhatsApp", "AR staff"),
    ("early", 1, 15, 0, "Email + telepon", "Staf AR",
     "Kirim surat pengingat pembayaran dan telepon pelanggan",
     "Send a payment reminder letter and call the customer", 1, 0.0, 0.0,
     "Email + phone", "AR staff"),
    ("overdue", 16, 45, 0, "Telepon + surat", "Kolektor",
     "Telepon dan kirim surat tagihan; minta janji bayar",
     "Call and send a payment reminder letter; ask for a promise to pay", 2, 0.0, 0.0,
     "Phone + letter", "Collector"),
    ("escalation", 46, 90, 0, "Surat + kunjungan", "Manajer AR",
     "Kirim surat tagihan pembayaran; pertimbangkan menahan pesanan baru; kunjungi pelanggan",
     "Send a payment demand letter; consider holding new orders; visit the customer", 3, 0.0, 0.0,
     "Letter + visit", "AR manager"),
    ("legal", 91, 180, 5_000_000, "Somasi; pihak ketiga / agen penagihan",
     "Manajer Keuangan + Legal",
     "Serahkan ke kuasa hukum atau agen penagihan; kirim somasi",
     "Hand over to a lawyer or collection agency; send a formal demand letter", 7,
     0.0, 0.0, "Formal demand letter; third party / collection agency",
     "Finance manager + legal"),
    ("write_off", 181, None, 0, "Surat + internal", "Direktur Keuangan",
     "Kirim surat tagihan terakhir sebelum tindakan hukum; tinjau untuk penghapusan piutang "
     "dan cadangan kerugian",
     "Send a final demand before legal action; review for write-off and the loss allowance",
     14, 0.0, 0.0, "Letter + internal", "Finance director"),
]  # fmt: skip


def _frame(rows: Sequence[Sequence[Any]]) -> pd.DataFrame:
    df = pd.DataFrame([list(r) for r in rows], columns=list(STRATEGY_COLUMNS))
    for col in ("min_dpd", "max_dpd", "min_amount", "days_to_act", "annual_rate", "fee"):
        df[col] = pd.to_numeric(df[col]).astype("float64")
    for col in ("stage", "channel", "owner", "action_id", "action_en", "channel_en", "owner_en"):
        df[col] = df[col].astype(object)
    return df


DEFAULT_STRATEGY: pd.DataFrame = _frame(_DEFAULT_ROWS)
"""The default strategy (a DataFrame with :data:`STRATEGY_COLUMNS`; ``max_dpd`` NaN = open).
Use :func:`default_strategy` for a copy you may change."""

#: Next action of each default stage: (Bahasa Indonesia, English).
DEFAULT_ACTIONS = {r[0]: (r[6], r[7]) for r in _DEFAULT_ROWS}


def default_strategy() -> pd.DataFrame:
    """A fresh copy of :data:`DEFAULT_STRATEGY`.

    Examples
    --------
    >>> default_strategy()[["stage", "min_dpd", "max_dpd"]].values.tolist()[:2]
    [['preventive', -7.0, 0.0], ['early', 1.0, 15.0]]
    """
    return DEFAULT_STRATEGY.copy()


def stage_key(value: object) -> str:
    """The key of a stage name: aliases of the default stages map to their key.

    Examples
    --------
    >>> stage_key("Eskalasi"), stage_key("Write-off review"), stage_key("Second Call")
    ('escalation', 'write_off', 'second_call')
    """
    text = cell_text(value) or ""
    known = _STAGE_LOOKUP.get(normalize_header(text))
    if known is not None:
        return known
    words = "".join(ch if ch.isalnum() else " " for ch in text.lower()).split()
    return "_".join(words)


# --------------------------------------------------------------------------- reading


def _norm_keep(header: object) -> str:
    text = "" if header is None else str(header)
    return normalize_header(text.replace("(", " ").replace(")", " "))


#: Headers normalised with parenthesised words kept (``Min amount (Rp)``), then plainly.
_KEEP = header_lookup(STRATEGY_HEADERS, normalize=_norm_keep, strict=False)
_PLAIN = header_lookup(STRATEGY_HEADERS, strict=False)


def _column_of(header: object) -> str | None:
    return _KEEP.get(_norm_keep(header)) or _PLAIN.get(normalize_header(header))


STRATEGY_HINT = (
    "strategy: give a range with a header row (Stage, Min DPD, Max DPD, ...) and one row per stage"
)


def read_strategy(source: Any = None) -> pd.DataFrame:
    """Read and validate a strategy range; ``None`` or a blank range gives the default.

    Parameters
    ----------
    source : row lists, 2-D array, pandas.DataFrame, .csv/.xlsx path or None
        A header row (``Stage | Min DPD | Max DPD | Min Amount | Channel | Owner |
        Action (ID) | Action (EN) | Days to Act | Annual Rate | Fee``, or Indonesian
        ``Tahap | Dari Hari | Sampai Hari | Jumlah Minimal | Saluran | PIC | Tindakan |
        ... | Bunga | Biaya``) then one row per stage. Only stage, min and max DPD are
        required; a *Notes/Catatan* column is ignored, any other unknown header is an error.
        A DataFrame such as :data:`DEFAULT_STRATEGY` is accepted as it is.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`STRATEGY_COLUMNS`, one row per stage in band order, with float
        days and amounts (``max_dpd`` NaN for the open-ended last stage).

    Raises
    ------
    XlArError
        One line naming the row and the rule broken: bands out of order, overlapping or
        with a gap, a repeated stage, a missing header, a value that is not a number.

    Examples
    --------
    >>> rows = [["Tahap", "Dari Hari", "Sampai Hari", "Tindakan"],
    ...         ["Dini", 1.0, 30.0, "Telepon"], ["Eskalasi", 31.0, None, "Surat"]]
    >>> read_strategy(rows)[["stage", "min_dpd", "max_dpd", "action_id", "action_en"]].values.tolist()
    [['early', 1.0, 30.0, 'Telepon', 'Telepon'], ['escalation', 31.0, nan, 'Surat', 'Surat']]
    >>> read_strategy([["Stage", "Min DPD", "Max DPD"], ["early", 1.0, 15.0],
    ...                ["overdue", 10.0, None]])
    Traceback (most recent call last):
    ...
    xl_ar.errors.XlArError: strategy: row 3 'overdue' (10 to no limit) overlaps row 2 'early' (1 to 15): days-past-due bands must not overlap (start 'overdue' at 16)
    """
    if is_blank_source(source):
        return default_strategy()
    rows = table_rows(source, hint=STRATEGY_HINT)
    at, found = _find_header(rows)
    records = []
    for number, cells in enumerate(rows[at + 1 :], start=at + 2):
        cells = list(cells) + [None] * (len(rows[at]) - len(cells))
        if all(is_blank_value(c) for c in cells):
            continue
        records.append(_record(number, cells, found, rows[at]))
    if not records:
        raise XlArError(
            "strategy: no stages below the header: give one row per stage (e.g. early | 1 | 15)"
        )
    _check_bands(records)
    frame = _frame([[r[c] for c in STRATEGY_COLUMNS] for r in records])
    return frame


def _find_header(rows: list[list[Any]]) -> tuple[int, dict[str, int]]:
    for at, row in enumerate(rows[:5]):
        found: dict[str, int] = {}
        unknown: list[str] = []
        for pos, cell in enumerate(row):
            if is_blank_value(cell):
                continue
            col = _column_of(cell)
            if col is None:
                if normalize_header(cell) not in _IGNORED_HEADERS:
                    unknown.append(str(cell))
                continue
            if col in found:
                raise XlArError(
                    f"strategy: columns {quote_excerpt(str(row[found[col]]))} and {quote_excerpt(str(cell))} both look "
                    f"like '{col}': rename one of them"
                )
            found[col] = pos
        if "stage" in found and ("min_dpd" in found or "max_dpd" in found):
            missing = [c for c in _REQUIRED if c not in found]
            if missing:
                raise XlArError(f"strategy: no '{missing[0]}' column (headers: {_listed(row)})")
            if unknown:
                raise XlArError(
                    f"strategy: unknown column {quote_excerpt(unknown[0])} (known: {', '.join(STRATEGY_COLUMNS)}; "
                    "a 'Notes' column is ignored)"
                )
            return at, found
    raise XlArError(
        "strategy: no header row with 'Stage', 'Min DPD' and 'Max DPD' (or 'Tahap', 'Dari "
        f"Hari', 'Sampai Hari'); first row: {_listed(rows[0])}"
    )


def _listed(row: Sequence[Any]) -> str:
    return ", ".join(quote_excerpt(str(c)) for c in row if not is_blank_value(c)) or "none"


def _record(number: int, cells: list[Any], found: dict[str, int], headers: list[Any]) -> dict:
    def cell(col: str) -> Any:
        return cells[found[col]] if col in found else None

    def where(col: str) -> str:
        return f"strategy: row {number} {quote_excerpt(str(headers[found[col]]))}"

    raw_stage = cell("stage")
    if is_blank_value(raw_stage):
        raise XlArError(f"strategy: row {number} has no stage name")
    key = stage_key(raw_stage)
    if not key:
        raise XlArError(f"{where('stage')}: {quote_excerpt(raw_stage)} is not a stage name")
    rec: dict[str, Any] = {"stage": key, "row": number}
    min_dpd = _days(cell("min_dpd"), where("min_dpd"), allow_negative=True, most=MAX_BUCKET_DAYS)
    if min_dpd is None:
        raise XlArError(f"{where('min_dpd')} is blank: every stage needs its first day")
    rec["min_dpd"] = min_dpd
    rec["max_dpd"] = _days(
        cell("max_dpd"), where("max_dpd"), allow_negative=True, most=MAX_BUCKET_DAYS
    )
    if rec["max_dpd"] is not None and rec["max_dpd"] < min_dpd:
        raise XlArError(
            f"strategy: row {number} {quote_excerpt(key)}: min_dpd {plain_number(min_dpd)} is above max_dpd "
            f"{plain_number(rec['max_dpd'])}"
        )
    rec["min_amount"] = _amount(
        cell("min_amount"), where("min_amount") if "min_amount" in found else ""
    )
    rec["days_to_act"] = (
        _days(
            cell("days_to_act"),
            where("days_to_act") if "days_to_act" in found else "",
            allow_negative=False,
            most=MAX_ACTION_DAYS,
        )
        or 0.0
    )
    for col in ("channel", "owner"):  # one language given: the other shows the same text
        ours, theirs = cell_text(cell(col)), cell_text(cell(f"{col}_en"))
        rec[col], rec[f"{col}_en"] = ours or theirs or "", theirs or ours or ""
    action_id, action_en = cell_text(cell("action_id")), cell_text(cell("action_en"))
    default_id, default_en = DEFAULT_ACTIONS.get(key, (key, key))
    if action_id is None and action_en is None:
        action_id, action_en = default_id, default_en
    rec["action_id"] = action_id or action_en
    rec["action_en"] = action_en or action_id
    try:
        rec["annual_rate"] = as_rate(cell("annual_rate"), "annual_rate")
        rec["fee"] = as_fee(_amount_or_raw(cell("fee")), "fee")
    except XlArError as exc:
        raise XlArError(f"strategy: row {number} {quote_excerpt(key)}: {exc}") from None
    return rec


def _number(value: Any) -> float | None:
    """A cell as a float (numbers and number text); None when blank; NaN when not a number."""
    if is_blank_value(value):
        return None
    if isinstance(value, bool | np.bool_):
        return math.nan
    if isinstance(value, str):
        parsed = parse_amounts([value.strip()], number_format="auto")
        return float(parsed.values.iloc[0]) if parsed.problems.iloc[0] is None else math.nan
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def _days(value: Any, where: str, *, allow_negative: bool, most: int) -> float | None:
    """A whole number of days from ``-most`` (or 0) to ``most``; blank is ``None``."""
    number = _number(value)
    if number is None:
        return None
    if not math.isfinite(number) or not number.is_integer():
        raise XlArError(f"{where}: {quote_excerpt(value)} is not a whole number of days")
    if number < 0 and not allow_negative:
        raise OptionError(f"{where}: {plain_number(number)} must be 0 or more days")
    if abs(number) > most:
        years = most // 365
        raise OptionError(
            f"{where}: {quote_excerpt(number)} is "
            f"{'more' if number > 0 else 'less'} than {'' if number > 0 else '-'}{most:,} days "
            f"({years} years)"
        )
    return number


def _amount(value: Any, where: str) -> float:
    number = _number(value)
    if number is None:
        return 0.0
    if not math.isfinite(number):
        raise XlArError(
            f"{where}: {quote_excerpt(value)} is not an amount (e.g. 5000000 or Rp 5.000.000)"
        )
    if number < 0:
        raise XlArError(f"{where}: {plain_number(number)} must be 0 or more")
    return number


def _amount_or_raw(value: Any) -> Any:
    number = _number(value)
    return value if number is None or math.isnan(number) else number


def _check_bands(records: list[dict]) -> None:
    seen: dict[str, int] = {}
    for rec in records:
        if rec["stage"] in seen:
            raise XlArError(
                f"strategy: stage {quote_excerpt(rec['stage'])} appears twice (rows {seen[rec['stage']]} and "
                f"{rec['row']}): give each stage once"
            )
        seen[rec["stage"]] = rec["row"]

    def band(rec: dict) -> str:
        top = "no limit" if rec["max_dpd"] is None else plain_number(rec["max_dpd"])
        return f"row {rec['row']} {quote_excerpt(rec['stage'])} ({plain_number(rec['min_dpd'])} to {top})"

    for prev, cur in zip(records, records[1:], strict=False):
        if cur["min_dpd"] < prev["min_dpd"]:
            raise XlArError(
                f"strategy: rows out of order: {band(cur)} comes after {band(prev)}; list the "
                "stages from the lowest days past due up"
            )
        if prev["max_dpd"] is None:
            raise XlArError(
                f"strategy: {band(prev)} has a blank max_dpd but {band(cur)} follows: only the "
                "last stage may be open-ended"
            )
        if cur["min_dpd"] <= prev["max_dpd"]:
            raise XlArError(
                f"strategy: {band(cur)} overlaps {band(prev)}: days-past-due bands must not "
                f"overlap (start {quote_excerpt(cur['stage'])} at {plain_number(prev['max_dpd'] + 1)})"
            )
        if cur["min_dpd"] > prev["max_dpd"] + 1:
            raise XlArError(
                f"strategy: gap between {band(prev)} and {band(cur)}: bands must be contiguous "
                f"(start {quote_excerpt(cur['stage'])} at {plain_number(prev['max_dpd'] + 1)})"
            )
    if records[0]["min_dpd"] > 1:
        raise XlArError(
            f"strategy: the first stage {band(records[0])} starts after day 1: start at 1 or "
            "earlier so every overdue customer gets a stage"
        )
    if records[-1]["max_dpd"] is not None:
        raise XlArError(
            f"strategy: leave max_dpd of the last stage {band(records[-1])} blank (no upper "
            "limit) so every overdue customer gets a stage"
        )


# --------------------------------------------------------------------------- using


#: The stage whose letter is a final demand before legal action, and the legal stage.
FINAL_DEMAND_STAGE, LEGAL_STAGE = "write_off", "legal"


def final_demand_minimum(strategy: pd.DataFrame) -> float:
    """Smallest overdue amount that gets the write-off stage's final demand.

    A final demand threatens legal action, so it obeys the legal stage's ``min_amount``
    unless the strategy gives the write-off stage a minimum of its own (above 0); 0 when
    the strategy has neither stage.

    Examples
    --------
    >>> final_demand_minimum(DEFAULT_STRATEGY)
    5000000.0
    >>> own = default_strategy()
    >>> own.loc[own["stage"] == "write_off", "min_amount"] = 100.0
    >>> final_demand_minimum(own), final_demand_minimum(own[own["stage"] != "legal"])
    (100.0, 100.0)
    """
    floors = dict(zip(strategy["stage"], strategy["min_amount"].astype(float), strict=True))
    own = floors.get(FINAL_DEMAND_STAGE, 0.0)
    return float(own if own > 0 else floors.get(LEGAL_STAGE, 0.0))


def find_stage(strategy: pd.DataFrame, stage: object) -> int:
    """Position of ``stage`` (a key or an alias) in the strategy; unknown names raise.

    Examples
    --------
    >>> find_stage(DEFAULT_STRATEGY, "Eskalasi")
    3
    >>> find_stage(DEFAULT_STRATEGY, "final")
    Traceback (most recent call last):
    ...
    xl_ar.errors.OptionError: stage 'final' is not a stage of the strategy (known: preventive, early, overdue, escalation, legal, write_off)
    """
    key = stage_key(stage)
    keys = list(strategy["stage"])
    if key in keys:
        return keys.index(key)
    raise OptionError(
        f"stage {quote_excerpt(cell_text(stage))} is not a stage of the strategy (known: {', '.join(keys)})"
    )


def assign_stages(
    strategy: pd.DataFrame,
    oldest_dpd: np.ndarray,
    overdue_amount: np.ndarray,
    due_soon_amount: np.ndarray,
) -> np.ndarray:
    """Stage position per customer (``-1`` = no stage), vectorised over customers.

    Rules:

    1. the stage is the band holding the customer's *oldest* days past due (greatest DPD of
       its undisputed open invoices);
    2. an overdue customer (oldest DPD ≥ 1) whose overdue amount is below that stage's
       ``min_amount`` falls back to the nearest earlier stage that covers overdue days
       (``max_dpd`` ≥ 1) and whose minimum it meets; none → no stage (too small to chase);
    3. a customer with nothing overdue gets the pre-due band holding its oldest DPD when its
       amount due in that window meets the band's minimum; else no stage.

    Examples
    --------
    >>> assign_stages(DEFAULT_STRATEGY, np.array([-10.0, -3, 5, 120, 120, 400]),
    ...               np.array([0, 0, 10, 9e6, 1e6, 1.0]), np.array([5.0, 5, 0, 0, 0, 0])).tolist()
    [-1, 0, 1, 4, 3, 5]
    """
    mins = strategy["min_dpd"].to_numpy(dtype=float)
    maxs = strategy["max_dpd"].to_numpy(dtype=float)
    maxs = np.where(np.isnan(maxs), np.inf, maxs)
    floors = strategy["min_amount"].to_numpy(dtype=float)
    oldest = np.asarray(oldest_dpd, dtype=float)
    band = np.searchsorted(mins, oldest, side="right") - 1
    inside = (band >= 0) & ~np.isnan(oldest)
    band = np.where(inside, band, -1)
    inside &= oldest <= maxs[np.maximum(band, 0)]
    overdue = inside & (oldest >= 1)
    amount = np.where(
        overdue, np.asarray(overdue_amount, float), np.asarray(due_soon_amount, float)
    )
    k = np.arange(len(mins))
    eligible = (
        (k[None, :] <= band[:, None])
        & (floors[None, :] <= amount[:, None] + 1e-9)
        & np.where(overdue[:, None], maxs[None, :] >= 1, k[None, :] == band[:, None])
    )
    chosen = np.where(
        eligible.any(axis=1), len(mins) - 1 - np.argmax(eligible[:, ::-1], axis=1), -1
    )
    return np.where(inside, chosen, -1).astype(np.int64)


_TABLE_HEADERS = {
    "en": ("Stage", "Days past due", "Min amount", "Channel", "Owner", "Action",
           "Days to act", "Interest p.a.", "Fee"),
    "id": ("Tahap", "Hari lewat jatuh tempo", "Jumlah minimal", "Saluran", "PIC", "Tindakan",
           "Batas hari", "Bunga per tahun", "Biaya"),
}  # fmt: skip


def strategy_table(strategy: Any = None, lang: str = "en") -> pd.DataFrame:
    """A strategy for reading (README, reports): DPD bands as text, one action language.

    Examples
    --------
    >>> t = strategy_table()
    >>> t["Days past due"].tolist()
    ['-7 to 0', '1 to 15', '16 to 45', '46 to 90', '91 to 180', '181 or more']
    >>> strategy_table(lang="id")["PIC"].tolist()[:2]
    ['Staf AR', 'Staf AR']
    >>> strategy_table()["Owner"].tolist()[:2]
    ['AR staff', 'AR staff']
    """
    lang = choose(lang, ("id", "en"), "lang", "en")
    st = read_strategy(strategy)
    ours = lang == "id"

    def days(lo: float, hi: float) -> str:
        if math.isnan(hi):
            return f"{plain_number(lo)} {'atau lebih' if ours else 'or more'}"
        return f"{plain_number(lo)} {'s.d.' if ours else 'to'} {plain_number(hi)}"

    def rate(r: float) -> str:
        return percent_text(r) if r else ""

    body = [
        (r.stage, days(r.min_dpd, r.max_dpd), r.min_amount,
         r.channel if ours else r.channel_en, r.owner if ours else r.owner_en,
         r.action_id if ours else r.action_en, r.days_to_act, rate(r.annual_rate), r.fee)
        for r in st.itertuples(index=False)
    ]  # fmt: skip
    return pd.DataFrame(body, columns=list(_TABLE_HEADERS[lang]))
