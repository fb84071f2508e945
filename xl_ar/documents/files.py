"""Names and safe writing of document files.

One file per customer, named predictably ``<kind>_<customer-slug>_<YYYY-MM-DD>.<ext>``:
``surat_``/``letter_``, ``rekening_``/``statement_``, ``konfirmasi_``/``confirmation_`` by
the document's language. A document that already exists is never overwritten (it may have
been sent): the whole run is refused before the first file is written, and every file is
written whole or not at all (:func:`xl_ar.core.safe_output`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from xl_ar.core import file_slug, quote_excerpt, safe_output
from xl_ar.errors import XlArError

__all__ = ["document_stem", "refuse_existing", "slug", "unique_stems", "write_bytes"]

_PREFIX = {
    "id": {"letter": "surat", "statement": "rekening", "confirmation": "konfirmasi"},
    "en": {"letter": "letter", "statement": "statement", "confirmation": "confirmation"},
}


def slug(name: str) -> str:
    """A customer name as a file-name part: :func:`xl_ar.core.file_slug` (one rule for every
    file xl-ar names after a customer).

    Examples
    --------
    >>> slug("PT. Maju Jaya (Persero)"), slug("CV Café <&> {{ x }}"), slug("株式会社")
    ('PT_Maju_Jaya_Persero', 'CV_Cafe_x', 'customer')
    """
    return file_slug(name)


def document_stem(kind: str, lang: str, customer: str, day: object) -> str:
    """``<kind>_<customer-slug>_<YYYY-MM-DD>`` in the document's language.

    Examples
    --------
    >>> document_stem("letter", "id", "PT Maju", "2024-12-31")
    'surat_PT_Maju_2024-12-31'
    >>> document_stem("confirmation", "en", "PT Maju", "2024-12-31")
    'confirmation_PT_Maju_2024-12-31'
    """
    return f"{_PREFIX[lang][kind]}_{slug(customer)}_{pd.Timestamp(day).date().isoformat()}"


def unique_stems(stems: list[str]) -> list[str]:
    """Stems made unique in order: a second ``x`` becomes ``x-2`` (two names, one slug).

    Examples
    --------
    >>> unique_stems(["a", "b", "a", "a"])
    ['a', 'b', 'a-2', 'a-3']
    """
    seen: dict[str, int] = {}
    out = []
    for stem in stems:
        seen[stem] = seen.get(stem, 0) + 1
        out.append(stem if seen[stem] == 1 else f"{stem}-{seen[stem]}")
    return out


def refuse_existing(targets: Iterable[Path], folder: Path) -> None:
    """Refuse the run when any target exists: documents are never overwritten."""
    found = [t for t in targets if t.exists()]
    if found:
        raise XlArError(
            f"{folder} already holds {len(found)} of these documents (e.g. "
            f"{quote_excerpt(found[0].name)}); xl-ar never overwrites a document: use another "
            "folder or move them away"
        )


def write_bytes(path: Path, data: bytes, *, inputs: Iterable[Path | str | None] = ()) -> Path:
    """Write ``data`` to ``path`` whole (temporary file, then renamed); return the path."""
    with safe_output(
        path, inputs=inputs, suffixes=(path.suffix.lower(),), what="the document"
    ) as tmp:
        tmp.write_bytes(data)
    return path
