"""The ribbon's document buttons: letters and balance confirmations as Word/PDF files in a
folder next to the workbook, and sending their e-mail drafts.

The documents go to ``xl_ar_dokumen/<as-of date>/`` beside the workbook (which must be saved),
PDFs when LibreOffice is installed, ``.eml`` drafts when ``SmtpFrom`` is set in the
``xl_ar.conf`` sheet, the customer master from a sheet ``Pelanggan``/``Customers`` when there
is one. Nothing is overwritten: a second run on the same date stops with one line.

Sending is never one click: the send button first makes a dry run of the newest folder and
shows what would be sent (recipients and documents, already-sent ones left out), and sends
only when the user answers **Yes**; any other answer sends nothing. The send log and the
activity log are written in that folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from xl_ar.errors import XlArError
from xl_ar.macros.workbook_source import find_ledger_range, find_table

__all__ = ["DOCUMENTS_FOLDER", "MASTER_SHEETS", "send_from_book", "write_from_book"]

DOCUMENTS_FOLDER = "xl_ar_dokumen"
MASTER_SHEETS = ("Pelanggan", "Customers", "Customer Master", "Master Pelanggan")
TITLE = "xl-ar"
_SHOWN = 15  # lines of the dry-run list in the message box


def _conf_rows(book: Any) -> list[list[Any]]:
    table = find_table(book, ["xl_ar.conf"])
    return [] if table is None else [list(r) for r in table.rows]


def _folder_of(book: Any) -> Path:
    full = Path(str(book.fullname))
    if not full.parent.name or not full.parent.is_dir():
        raise XlArError("save the workbook first: the documents go into a folder next to it")
    return full.parent / DOCUMENTS_FOLDER


def _master(book: Any) -> Any:
    from xl_ar.core import read_customer_master

    table = find_table(book, MASTER_SHEETS)
    return None if table is None else read_customer_master(table.rows)


def write_from_book(
    what: str,
    settings: Callable[[Any], dict[str, Any]],
    book: Any,
    one_line: Callable[[BaseException], str],
) -> list[Path]:
    """Write letters (``what="letters"``) or confirmations as documents; returns the files
    (empty after an error, shown with ``one_line``: :func:`xl_ar.macros.one_line`)."""
    app = book.app
    try:
        from xl_ar.core import default_as_of, load_ledger
        from xl_ar.documents.batch import write_documents
        from xl_ar.documents.context import confirmation_documents, letter_documents
        from xl_ar.documents.pdf import soffice_path
        from xl_ar.documents.settings import read_settings

        conf = settings(book)
        lang = conf["language"]
        rows = _conf_rows(book)
        doc_settings = read_settings(rows)
        read = {k: v for k, v in conf["read"].items() if k != "rates"}
        found = find_ledger_range(book, lang=lang)
        loaded = load_ledger(found.rows, first_row=found.first_row, **read)
        ledger = loaded.strict()
        as_of = conf["as_of"] or default_as_of(ledger, loaded.as_of, loaded.as_of_line)[0]
        master = _master(book)
        app.status_bar = "xl-ar: menulis dokumen" if lang == "id" else "xl-ar: writing documents"
        if what == "letters":
            docs, _ = letter_documents(
                ledger, as_of, lang=lang, settings=doc_settings, master=master,
                interest_rate=conf["options"].get("interest_rate"),
            )  # fmt: skip
        else:
            keys = {str(r[0]).strip().casefold().replace(" ", ""): r[1] for r in rows if r}
            form = str(keys.get("confirmationform") or keys.get("formkonfirmasi") or "positive")
            docs = confirmation_documents(
                ledger, as_of, form=form, lang=lang, settings=doc_settings, master=master
            )
        import pandas as pd

        folder = _folder_of(book) / pd.Timestamp(as_of).date().isoformat()
        formats = ["docx", "pdf"] if soffice_path() else ["docx"]
        run = write_documents(
            docs, folder, formats=formats, eml=bool(doc_settings.smtp_from), settings=doc_settings
        )
        app.status_bar = False
        app.alert(f"{run.summary(what)}\n{folder}"[:900], title=TITLE)
        return run.paths
    except Exception as exc:  # the message box is the only user interface
        app.status_bar = False
        app.alert(one_line(exc), title=TITLE)
        return []


def send_from_book(book: Any, one_line: Callable[[BaseException], str]) -> int:
    """Dry run of the newest documents folder, then send after an explicit Yes; returns
    the number of messages sent."""
    app = book.app
    try:
        from xl_ar.documents.send import send_folder
        from xl_ar.documents.settings import read_settings

        root = _folder_of(book)
        folders = sorted(p for p in root.glob("*") if p.is_dir()) if root.is_dir() else []
        if not folders:
            raise XlArError(f"no documents folder in {root}: write letters or confirmations first")
        folder = folders[-1]
        settings = read_settings(_conf_rows(book))
        dry = send_folder(folder, settings)
        if not dry.would_send:
            app.alert(
                f"{folder.name}: nothing to send ({len(dry.skipped)} already sent)", title=TITLE
            )
            return 0
        lines = dry.summary().splitlines()
        listed = "\n".join(
            lines[:_SHOWN] + ([f"... {len(lines) - _SHOWN} more"] if len(lines) > _SHOWN else [])
        )
        answer = app.alert(
            f"{listed}\n\nSend these {len(dry.would_send)} e-mails now? / Kirim sekarang?"[:1000],
            title=TITLE, buttons="yes_no",
        )  # fmt: skip
        if str(answer).lower() != "yes":
            return 0
        run = send_folder(folder, settings, send=True)
        app.alert(run.summary().splitlines()[-1], title=TITLE)
        return len(run.sent)
    except Exception as exc:
        app.alert(one_line(exc), title=TITLE)
        return 0
