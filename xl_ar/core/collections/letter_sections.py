"""A text letter cut into the parts a Word letter lays out: subject, paragraphs before the
invoice table, paragraphs after it.

The wording stays where the user edits it (the stage sections of the text templates,
:mod:`xl_ar.core.collections.letters`), so the ``.txt`` letter and the ``.docx`` letter say
the same thing. The letter is rendered with the invoice table and the signature replaced by
markers; the header lines (company, date, addressee) are left to the Word template's
letterhead; the subject is the text after ``Perihal:``/``Subject:``/``Re:``; paragraphs
(separated by blank lines) are unwrapped into one line each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from xl_ar.core.collections.letters import LetterParts, render

__all__ = ["LetterSections", "letter_sections"]

_TABLE = "\x00TABLE\x00"
_SIGN = "\x00SIGN\x00"
_SUBJECT = re.compile(r"^\s*(?:perihal|subject|re|hal)\s*:\s*(.*)$", re.IGNORECASE)
_DEFAULT_SUBJECT = {"id": "Tagihan Pembayaran", "en": "Payment reminder"}


@dataclass(frozen=True)
class LetterSections:
    """``subject``, ``before`` (paragraphs above the invoice table, salutation first),
    ``after`` (paragraphs below it) and ``closing`` (the short last line before the
    signature, ``Hormat kami,``; blank when the template has none)."""

    subject: str
    before: list[str]
    after: list[str]
    closing: str = ""


def _paragraphs(text: str) -> list[str]:
    blocks = re.split(r"\n\s*\n", text)
    return [" ".join(line.strip() for line in b.splitlines() if line.strip()) for b in blocks]


def letter_sections(parts: LetterParts) -> LetterSections:
    """Cut a letter (:meth:`~xl_ar.core.collections.letters.LetterWriter.parts`) into
    subject and paragraphs.

    Examples
    --------
    >>> import pandas as pd
    >>> parts = LetterParts("PT A", "early", "en", "{company}\\nTo {customer}\\n\\n"
    ...     "Subject: Reminder\\n\\nDear Sir,\\n\\nPlease pay\\n{total_due}.\\n\\n{invoice_table}"
    ...     "\\n\\nThank you.\\n\\nYours,\\n\\n{contact_block}",
    ...     {"company": "PT B", "customer": "PT A", "total_due": "Rp 5"}, pd.DataFrame(),
    ...     None, False, False)
    >>> letter_sections(parts)
    LetterSections(subject='Reminder', before=['Dear Sir,', 'Please pay Rp 5.'], \
after=['Thank you.'], closing='Yours,')
    """
    values = {**parts.values, "invoice_table": _TABLE, "contact_block": _SIGN}
    text = render(parts.template, values, f"{parts.lang}/{parts.stage}")
    text = text.split(_SIGN)[0]
    head, _, tail = text.partition(_TABLE)
    above = _paragraphs(head)
    below = _paragraphs(tail) if _TABLE in text else []
    subject = _DEFAULT_SUBJECT.get(parts.lang, _DEFAULT_SUBJECT["en"])
    for at, paragraph in enumerate(above):
        hit = _SUBJECT.match(paragraph)
        if hit:
            subject = hit.group(1).strip() or subject
            above = above[at + 1 :]
            break
    below = [p for p in below if p]
    closing = ""
    if below and len(below[-1]) <= 40 and below[-1].endswith(","):
        closing = below.pop()
    return LetterSections(subject, [p for p in above if p], below, closing)
