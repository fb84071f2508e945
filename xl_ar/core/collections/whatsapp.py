"""WhatsApp click-to-chat links (``https://wa.me/<number>?text=<message>``) for the worklist.

The number comes from the customer master's ``whatsapp`` column (digits with the country
code, ``6281234567890``); the message is short, in the customer's language (the master's
``language``, else the report's): the customer, the amount its dunning letter asks for
(:meth:`~.letters.LetterWriter.asked_amounts`: overdue − open credits + interest and fee)
and the oldest overdue invoice. A customer whose open credits leave nothing to ask for gets
no link, as it gets no letter. The text is percent-encoded, so a link never carries user
text as it was typed.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

import numpy as np
import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.cells import cell_text
from xl_ar.core.base.customers import match_customers
from xl_ar.core.base.text import money_text
from xl_ar.core.collections.letters import LetterWriter
from xl_ar.core.ledger.customer_master import whatsapp_number
from xl_ar.errors import XlArError

__all__ = ["WA_TEXT", "oldest_overdue", "wa_link", "whatsapp_links"]

#: The message, per language.
WA_TEXT = {
    "id": "Yth. {customer}, tagihan Anda yang lewat jatuh tempo sebesar {amount}; faktur "
    "tertua {invoice} jatuh tempo {due}. Mohon konfirmasi jadwal pembayarannya. Terima kasih.",
    "en": "Dear {customer}, your overdue balance is {amount}; the oldest invoice, {invoice}, "
    "was due on {due}. Please let us know when it will be paid. Thank you.",
}
#: An Indonesian landline with its country code (area codes 21-79: 6221…, 6231…).
_LANDLINE = re.compile(r"62[2-7]")


def wa_link(number: Any, text: str) -> str | None:
    """The ``wa.me`` link of a number (digits kept, 8-15 of them) and a message; None when
    the number is not one, or is an Indonesian landline (``021 …``, ``6221 …``: area codes
    start with 0 then 2-7; mobiles with 08, ``628``). Of several numbers in one cell
    (``0812… / 0813…``) the first is used.

    Examples
    --------
    >>> wa_link("+62 812-3456-7890", "Yth. PT Maju & Co")
    'https://wa.me/6281234567890?text=Yth.%20PT%20Maju%20%26%20Co'
    >>> wa_link("12", "x") is None, wa_link("(021) 555-1234", "x") is None
    (True, True)
    >>> wa_link("0812 3456 7890 / 0813 111 2222", "x")
    'https://wa.me/6281234567890?text=x'
    """
    digits = whatsapp_number(number)  # the master's rule: 0812… → 62812…, first of several
    if digits is None or _LANDLINE.match(digits):
        return None
    return f"https://wa.me/{digits}?text={quote(text, safe='')}"


def oldest_overdue(got: Any) -> pd.DataFrame:
    """Per customer position of an :class:`~.worklist.Assessment`: the oldest undisputed
    overdue invoice (``invoice``, ``due_date``), NA when none."""
    rows = np.flatnonzero(got.dun & (got.dpd >= 1))
    n = len(got.customers)
    out = pd.DataFrame({"invoice": pd.Series([None] * n, dtype=object),
                        "due_date": pd.Series(pd.NaT, index=range(n), dtype="datetime64[ns]")})  # fmt: skip
    if rows.size:
        order = rows[np.lexsort((-got.dpd[rows], got.codes[rows]))]
        first = pd.Series(order).groupby(got.codes[order]).first()
        led = got.ledger
        out.loc[first.index.to_numpy(), "invoice"] = led[s.INVOICE].to_numpy(dtype=object)[first]
        out.loc[first.index.to_numpy(), "due_date"] = led[s.DUE_DATE].to_numpy()[first]
    return out


def whatsapp_links(
    worklist: pd.DataFrame,
    got: Any,
    master: pd.DataFrame | None,
    lang: str = "id",
    currency: str | None = None,
    *,
    interest_rate: Any = None,
) -> list[str | None]:
    """A ``wa.me`` link per worklist row (None: no number in the master, or nothing to ask).

    ``worklist`` rows are the customers of ``got`` (an Assessment of the same ledger and
    date); ``master`` is a canonical customer master (``customer``, ``whatsapp``, optional
    ``language``), matched by customer key. The amount is the one the customer's letter asks
    for (``interest_rate`` as for the letters; the worklist's overdue amount for a customer
    without a letter stage); nothing to ask for, no link.

    Examples
    --------
    >>> from xl_ar.core.collections.worklist import assess, worklist
    >>> led = [["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"],
    ...        ["PT Maju", "F-1", "2024-10-01", "2024-10-31", 1500000.0]]
    >>> master = pd.DataFrame({"customer": ["pt maju"], "whatsapp": ["6281234567890"],
    ...                        "language": ["en"]})
    >>> got = assess(led, "2024-12-31")
    >>> whatsapp_links(worklist(led, "2024-12-31"), got, master)[0][:60]
    'https://wa.me/6281234567890?text=Dear%20PT%20Maju%2C%20your%'
    """
    n = len(worklist)
    if master is None or master.empty or not n or "whatsapp" not in master:
        return [None] * n
    pos = np.asarray(match_customers(worklist["customer"], got.customers["customer"]))
    at = np.asarray(match_customers(worklist["customer"], master["customer"]))
    oldest = oldest_overdue(got)
    asked = _letter_amounts(got, lang, interest_rate)
    langs = master["language"] if "language" in master else pd.Series([None] * len(master))
    out: list[str | None] = []
    for i in range(n):
        overdue = float(worklist["overdue"].iloc[i])
        if pos[i] >= 0 and not np.isnan(asked[pos[i]]):
            overdue = float(asked[pos[i]])  # the letter's amount: credits, interest, fee
        if at[i] < 0 or pos[i] < 0 or not overdue > got.tolerance:
            out.append(None)
            continue
        said = cell_text(langs.iloc[at[i]])
        use = said if said in WA_TEXT else lang
        due = oldest["due_date"].iloc[pos[i]]
        text = WA_TEXT[use].format(
            customer=worklist["customer"].iloc[i],
            amount=money_text(overdue, use, currency),
            invoice=cell_text(oldest["invoice"].iloc[pos[i]]) or "-",
            due="-" if pd.isna(due) else pd.Timestamp(due).strftime("%d/%m/%Y"),
        )
        out.append(wa_link(master["whatsapp"].iloc[at[i]], text))
    return out


def _letter_amounts(got: Any, lang: str, interest_rate: Any) -> np.ndarray:
    """What each customer's letter asks for (NaN: no letter stage, or no letter possible)."""
    try:
        writer = LetterWriter(got, lang, None, None, None, 7, interest_rate=interest_rate)
    except XlArError:  # converted amounts: no letter states them
        return np.full(len(got.customers), np.nan)
    return writer.asked_amounts()
