"""Every workshop workbook: its file name per language and the function that builds it."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from xl_ar.workshop.book import Book
from xl_ar.workshop.render import render_book

__all__ = [
    "KEY_SUFFIX",
    "LANGS",
    "WORKBOOKS",
    "Workbook",
    "build_all",
    "build_book",
    "build_keys",
    "workbook_paths",
]

LANGS = ("id", "en")
KEY_SUFFIX = {"id": "-kunci", "en": "-key"}
"""File-name suffix of the trainer's answer-filled copies."""


@dataclass(frozen=True)
class Workbook:
    """One workshop workbook: its module (``xl_ar.workshop.<module>``) and file stems."""

    module: str
    stem_id: str
    stem_en: str

    def stem(self, lang: str) -> str:
        return self.stem_id if lang == "id" else self.stem_en

    @property
    def builder(self) -> Callable[[str], Book]:
        return importlib.import_module(f"xl_ar.workshop.{self.module}").build


WORKBOOKS: tuple[Workbook, ...] = (
    Workbook("module_1", "modul-1-fondasi", "module-1-foundations"),
    Workbook("module_2", "modul-2-kebijakan-kredit", "module-2-credit-policy"),
    Workbook("module_3", "modul-3-penagihan", "module-3-collections"),
    Workbook("module_4", "modul-4-aging-dan-risiko", "module-4-aging-and-risk"),
    Workbook("module_5", "modul-5-metrik-dan-otomasi", "module-5-metrics-and-automation"),
    Workbook("module_6", "modul-6-kontrol-dan-rencana-aksi", "module-6-control-and-action-plan"),
    Workbook("case_hotel", "studi-kasus-hotel", "case-study-hotel"),
)
"""The six course modules and the hotel case study, in course order."""


def workbook_paths(out_dir: str | Path) -> list[Path]:
    """Where :func:`build_all` writes: ``<out_dir>/<lang>/<stem>.xlsx``.

    Examples
    --------
    >>> [p.as_posix() for p in workbook_paths("workbooks")][:2]
    ['workbooks/id/modul-1-fondasi.xlsx', 'workbooks/en/module-1-foundations.xlsx']
    """
    out = Path(out_dir)
    return [out / lang / f"{wb.stem(lang)}.xlsx" for wb in WORKBOOKS for lang in LANGS]


def build_book(wb: Workbook, lang: str) -> Book:
    """Build one workbook's specification in ``lang``."""
    book = wb.builder(lang)
    book.stem = wb.stem(lang)
    return book


def build_all(out_dir: str | Path = "workbooks") -> list[Path]:
    """Build every workbook in both languages; returns the paths written (course order)."""
    out = Path(out_dir)
    written = []
    for wb in WORKBOOKS:
        for lang in LANGS:
            written.append(render_book(build_book(wb, lang), out / lang / f"{wb.stem(lang)}.xlsx"))
    return written


def build_keys(out_dir: str | Path = "workbooks-key") -> list[Path]:
    """Write the trainer's copies: every input filled with the core's answer, every check ✓.

    Files are ``<out_dir>/<lang>/<stem>-kunci.xlsx`` (``-key`` in English) with a visible
    answer-key sheet. They are not committed: hand out the files of :func:`build_all`.
    """
    out = Path(out_dir)
    written = []
    for wb in WORKBOOKS:
        for lang in LANGS:
            target = out / lang / f"{wb.stem(lang)}{KEY_SUFFIX[lang]}.xlsx"
            written.append(render_book(build_book(wb, lang), target, answers=True))
    return written
