"""Write a batch of documents: Word (``.docx``) and/or PDF, and optionally ``.eml`` drafts.

Every document is rendered before the first file is written (a broken template stops the run
cleanly), every target is checked first (an existing document is never overwritten), the
PDFs come from one LibreOffice call, and without LibreOffice the ``.docx`` files are written
with one line saying why there is no PDF.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from xl_ar.core import check_output, customer_key, output_folder, quote_excerpt
from xl_ar.documents.context import Document
from xl_ar.documents.eml import make_draft, sender
from xl_ar.documents.files import document_stem, refuse_existing, unique_stems, write_bytes
from xl_ar.documents.pdf import PdfUnavailable, convert_to_pdf
from xl_ar.documents.render import load_template, render_docx
from xl_ar.documents.settings import DocumentSettings
from xl_ar.errors import OptionError, XlArError

__all__ = [
    "FORMATS",
    "DocumentRun",
    "PreparedBatch",
    "parse_formats",
    "prepare_documents",
    "write_documents",
    "write_prepared",
]

FORMATS = ("docx", "pdf")


@dataclass
class DocumentRun:
    """What a batch wrote: ``paths`` (docx, pdf, eml, in that order per document),
    ``notes`` (one line each: no PDF, and why) and ``no_email`` (customer, reason)."""

    paths: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    no_email: list[tuple[str, str]] = field(default_factory=list)
    drafts: list[Path] = field(default_factory=list)

    def summary(self, what: str, also: int = 0) -> str:
        """One line per fact, in English; ``also``: files the same run wrote besides these
        (the text letters, the .xlsx statements), counted with them."""
        n = len(self.paths) + also
        lines = [f"wrote {n} file{'s' * (n != 1)} ({what})"]
        lines += self.notes
        if self.no_email:
            lines.append(f"{len(self.no_email)} without an e-mail draft:")
            lines += [f"  {name} ({why})" for name, why in self.no_email]
        return "\n".join(lines)


def parse_formats(text: str | Iterable[str]) -> tuple[str, ...]:
    """``"docx,pdf"`` as ``("docx", "pdf")``; refuses other formats.

    Examples
    --------
    >>> parse_formats("PDF, docx"), parse_formats(["docx"])
    (('docx', 'pdf'), ('docx',))
    """
    items = text.split(",") if isinstance(text, str) else list(text)
    got = {str(i).strip().lower().lstrip(".") for i in items if str(i).strip()}
    bad = sorted(got - set(FORMATS))
    if bad or not got:
        raise OptionError(
            f"document formats are docx and pdf (comma list), not {quote_excerpt(','.join(bad))}"
        )
    return tuple(f for f in FORMATS if f in got)


#: A customer-master problem line on an e-mail cell (``master.attrs["problems"]``).
_BAD_EMAIL = re.compile(r"customer master: row (\d+) [^:]*: (.* is not an e-mail address.*)")


def email_problems(master: pd.DataFrame | None) -> dict[str, str]:
    """Customer key -> why the master's e-mail cell of that customer could not be used.

    Examples
    --------
    >>> m = pd.DataFrame({"customer": ["Toko Prima"], "email": [pd.NA]},
    ...                  index=pd.Index([3], name="row"))
    >>> m.attrs["problems"] = ("customer master: row 3 'Surel': 'sari(at)prima.id' is not an "
    ...                        "e-mail address (no @)",)
    >>> email_problems(m)
    {'toko prima': "'sari(at)prima.id' is not an e-mail address (no @)"}
    """
    if master is None or "customer" not in getattr(master, "columns", ()):
        return {}
    out: dict[str, str] = {}
    for line in master.attrs.get("problems", ()):
        found = _BAD_EMAIL.fullmatch(str(line))
        if found is None or int(found[1]) not in master.index:
            continue
        key = customer_key(master.loc[int(found[1]), "customer"])
        if key is not None:
            out.setdefault(key, found[2])
    return out


def _reason(doc: Document, bad: Mapping[str, str]) -> str | None:
    """Why ``doc`` gets no e-mail draft, or None; ``bad``: :func:`email_problems`."""
    if doc.email:
        return None
    if doc.context["customer"].get("in_master"):
        why = bad.get(customer_key(doc.customer) or "")
        if why is not None:  # an address was written, but not one that can be used
            return f"the e-mail address in the customer master is malformed: {why}"
        return "no e-mail address in the customer master"
    return "not in the customer master"


@dataclass
class PreparedBatch:
    """A batch checked and rendered, nothing written yet (:func:`prepare_documents`):
    ``targets`` are every file the batch will write."""

    docs: list[Document]
    folder: Path
    stems: list[str]
    rendered: list[bytes]
    formats: tuple[str, ...]
    eml: bool
    settings: DocumentSettings
    inputs: list[str | Path | None]
    targets: list[Path]
    bad_emails: dict[str, str] = field(default_factory=dict)


def prepare_documents(
    docs: list[Document],
    out_dir: str | Path,
    *,
    formats: Iterable[str] = ("docx",),
    eml: bool = False,
    settings: DocumentSettings | None = None,
    templates: Mapping[str, str | Path | None] | None = None,
    inputs: Iterable[str | Path | None] = (),
    also: Iterable[Path] = (),
    master: pd.DataFrame | None = None,
) -> PreparedBatch:
    """Check every target and render every document; write nothing.

    ``also``: other files the same run will write (a refused run writes nothing of them
    either): an existing one is refused like a document target. ``master``: the customer
    master, to say which customer has a malformed e-mail address (no draft, and why).
    """
    settings = settings or DocumentSettings()
    formats = parse_formats(list(formats))
    inputs = list(inputs)
    if eml:
        sender(settings)  # a draft needs a sender: refused before anything is written
    folder = output_folder(out_dir, inputs=inputs)
    stems = unique_stems([document_stem(d.kind, d.lang, d.customer, d.day) for d in docs])
    targets = []
    for stem in stems:
        targets += [folder / f"{stem}.{ext}" for ext in formats]
        if eml:
            targets.append(folder / f"{stem}.eml")
    for target in targets:
        check_output(target, inputs=inputs, suffixes=(target.suffix,), what="the document")
    refuse_existing([*targets, *also], folder)
    rendered = _render_all(docs, settings, dict(templates or {}))
    return PreparedBatch(
        docs, folder, stems, rendered, formats, eml, settings, inputs, targets,
        email_problems(master),
    )  # fmt: skip


def write_prepared(batch: PreparedBatch) -> DocumentRun:
    """Write a :func:`prepare_documents` batch."""
    run = DocumentRun()
    attachments = _write_files(
        run, batch.folder, batch.stems, batch.rendered, batch.formats, batch.inputs
    )
    if batch.eml:
        _write_drafts(run, batch, attachments)
    return run


def write_documents(
    docs: list[Document],
    out_dir: str | Path,
    *,
    formats: Iterable[str] = ("docx",),
    eml: bool = False,
    settings: DocumentSettings | None = None,
    templates: Mapping[str, str | Path | None] | None = None,
    inputs: Iterable[str | Path | None] = (),
    master: pd.DataFrame | None = None,
) -> DocumentRun:
    """Render and write ``docs`` into ``out_dir``.

    ``templates`` maps a kind (letter, statement, confirmation) to the user's template file
    (default: the settings' ``LetterTemplate`` ..., else the shipped default).
    """
    batch = prepare_documents(
        docs, out_dir, formats=formats, eml=eml, settings=settings, templates=templates,
        inputs=inputs, master=master,
    )  # fmt: skip
    return write_prepared(batch)


def _render_all(
    docs: list[Document], settings: DocumentSettings, chosen: dict[str, str | Path | None]
) -> list[bytes]:
    """Every document rendered (a broken template stops the run before any file)."""
    cache: dict[tuple[str, str], tuple[bytes, str]] = {}
    rendered = []
    for doc in docs:
        path = chosen.get(doc.kind) or settings.template_for(doc.kind) or None
        key = (doc.template_key, doc.lang)
        if key not in cache:
            cache[key] = load_template(path, doc.template_key, doc.lang)
        data, name = cache[key]
        rendered.append(render_docx(data, doc.context, name))
    return rendered


def _write_files(
    run: DocumentRun,
    folder: Path,
    stems: list[str],
    rendered: list[bytes],
    formats: tuple[str, ...],
    inputs: list[str | Path | None],
) -> list[Path]:
    """Write the .docx and .pdf files; return each document's attachment (PDF, else docx)."""
    staging = Path(tempfile.mkdtemp(prefix="xl-ar-docs-"))
    pdf_dir: Path | None = None
    try:
        sources = []
        for stem, data in zip(stems, rendered, strict=True):
            source = staging / f"{stem}.docx"
            source.write_bytes(data)
            sources.append(source)
        pdfs: list[Path | None] = [None] * len(sources)
        keep_docx = "docx" in formats
        if "pdf" in formats and sources:
            try:
                made = convert_to_pdf(sources)
            except PdfUnavailable as exc:
                run.notes.append(str(exc))
                keep_docx = True
            else:
                pdfs, pdf_dir = list(made), made[0].parent
        attachments = []
        for stem, source, pdf in zip(stems, sources, pdfs, strict=True):
            if keep_docx:
                target = folder / f"{stem}.docx"
                run.paths.append(write_bytes(target, source.read_bytes(), inputs=inputs))
            if pdf is not None:
                target = folder / f"{stem}.pdf"
                run.paths.append(write_bytes(target, pdf.read_bytes(), inputs=inputs))
            attachments.append(folder / f"{stem}.{'pdf' if pdf is not None else 'docx'}")
        return attachments
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if pdf_dir is not None:
            shutil.rmtree(pdf_dir, ignore_errors=True)


def _write_drafts(run: DocumentRun, batch: PreparedBatch, attachments: list[Path]) -> None:
    for doc, stem, attachment in zip(batch.docs, batch.stems, attachments, strict=True):
        why = _reason(doc, batch.bad_emails)
        if why is None:
            try:
                msg = make_draft(doc, attachment, batch.settings)
            except XlArError as exc:
                why = str(exc)
        if why is not None:
            run.no_email.append((doc.customer, why))
            continue
        path = write_bytes(batch.folder / f"{stem}.eml", bytes(msg), inputs=batch.inputs)
        run.paths.append(path)
        run.drafts.append(path)
