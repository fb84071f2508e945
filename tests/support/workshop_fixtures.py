"""Shared fixtures and helpers of the per-workbook workshop tests (``test_workshop_<module>.py``).

A test module builds its workbook in both languages once and reads its answer key::

    built = built_fixture("module_1")  # module-scoped fixture: language → .xlsx path
    key = key_fixture()  # module-scoped fixture: the English answer key of ``built``

and looks answers up by the start of their question (:func:`answer`). A fixture takes the name
of the module attribute it is assigned to.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from workshop_tools import answer_rows

from xl_ar.workshop.catalog import LANGS, WORKBOOKS, build_book
from xl_ar.workshop.render import render_book

__all__ = ["answer", "built_fixture", "key_fixture", "render_both"]


def render_both(module: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Build and write the workbook of ``xl_ar.workshop.<module>`` in every language.

    Returns
    -------
    dict
        Language (``"id"``, ``"en"``) → path of the written ``.xlsx`` (named by the catalog's
        file stem of that language).
    """
    wb = next(w for w in WORKBOOKS if w.module == module)
    out = tmp_path_factory.mktemp(module)
    return {
        lang: render_book(build_book(wb, lang), out / f"{wb.stem(lang)}.xlsx") for lang in LANGS
    }


def answer(rows: list[dict[str, Any]], start: str) -> Any:
    """The answer of the one answer-key row whose question starts with ``start``."""
    hits = [r["answer"] for r in rows if r["question"].startswith(start)]
    assert len(hits) == 1, (start, hits)
    return hits[0]


def built_fixture(module: str) -> Any:
    """A module-scoped fixture giving :func:`render_both` of ``module`` (language → path)."""

    @pytest.fixture(scope="module")
    def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
        return render_both(module, tmp_path_factory)

    return built


def key_fixture(lang: str = "en") -> Any:
    """A module-scoped fixture giving the answer-key rows of the ``built`` workbook in ``lang``."""

    @pytest.fixture(scope="module")
    def key(built: dict[str, Path]) -> list[dict[str, Any]]:
        return answer_rows(built[lang])

    return key
