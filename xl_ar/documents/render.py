"""Fill a Word template (docxtpl: Jinja placeholders in a ``.docx``) with a document's
context.

The template is the user's (``--template FILE``, or ``LetterTemplate``/``StatementTemplate``/
``ConfirmationTemplate`` in ``xl_ar.conf``) or else the shipped default of the document's kind
and language (:mod:`xl_ar.documents.templates`). Values are inserted as escaped text: a
customer called ``<&>`` or ``{{ x }}`` is printed as written, never read as markup, a
placeholder or a Word field. Templates run in Jinja's sandbox with undefined names refused,
so a broken template or an unknown placeholder gives one clear line, not a traceback.
"""

from __future__ import annotations

import difflib
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import jinja2
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment

from xl_ar.core import cut_text, quote_excerpt
from xl_ar.documents.templates import default_template
from xl_ar.errors import XlArError

__all__ = ["load_template", "render_docx"]

_UNDEFINED = re.compile(r"'([^']+)' is undefined")
_NO_ATTRIBUTE = re.compile(r"has no attribute '([^']+)'")


def load_template(path: str | Path | None, key: str, lang: str) -> tuple[bytes, str]:
    """The template's bytes and its name for messages: the file at ``path``, else the
    default ``key`` in ``lang``."""
    if path is None or str(path).strip() == "":
        return default_template(key, lang), f"default {key} ({lang})"
    file = Path(str(path).strip())
    name = quote_excerpt(file.name)
    if not file.is_file():
        raise XlArError(f"template {name}: no such file")
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise XlArError(f"template {name}: cannot read it ({exc.strerror or 'refused'})") from None
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise XlArError(
            f"template {name} is not a Word document (.docx); save it from Word as .docx"
        )
    return data, name


def _environment() -> jinja2.Environment:
    return SandboxedEnvironment(undefined=jinja2.StrictUndefined, autoescape=True)


def _known(name: str, context: dict[str, Any]) -> str:
    close = difflib.get_close_matches(name, list(context), n=1)
    return (
        f"did you mean {{{{ {close[0]} }}}}?" if close else "known: " + ", ".join(sorted(context))
    )


def render_docx(template: bytes, context: dict[str, Any], name: str = "template") -> bytes:
    """The template filled with ``context`` (text values, lists of row dicts), as ``.docx``
    bytes.

    Examples
    --------
    >>> from xl_ar.documents.templates import default_template
    >>> data = default_template("letter", "en")
    >>> try:
    ...     render_docx(data, {"date": "1 May 2024"}, "letter_en.docx")
    ... except XlArError as exc:
    ...     print(exc)
    template letter_en.docx: unknown placeholder {{ company }} (known: date)
    """
    try:
        doc = DocxTemplate(io.BytesIO(template))
        doc.render(context, jinja_env=_environment(), autoescape=True)
        out = io.BytesIO()
        doc.save(out)
    except jinja2.UndefinedError as exc:
        text = str(exc)
        hit = _UNDEFINED.search(text)
        if hit:
            what = f"{{{{ {hit.group(1)} }}}} ({_known(hit.group(1), context)})"
        else:
            attr = _NO_ATTRIBUTE.search(text)
            what = f"…{attr.group(1)} in a placeholder" if attr else quote_excerpt(text)
        raise XlArError(cut_text(f"template {name}: unknown placeholder {what}", 250)) from None
    except jinja2.TemplateSyntaxError as exc:
        raise XlArError(
            f"template {name}: a placeholder or {{% %}} tag is broken "
            f"({cut_text(str(exc.message or 'syntax error'), 80)}); check the {{{{ }}}} and "
            "{% %} pairs in Word"
        ) from None
    except jinja2.TemplateError as exc:
        raise XlArError(f"template {name}: {cut_text(str(exc), 120)}") from None
    except (KeyError, zipfile.BadZipFile, ValueError) as exc:
        raise XlArError(
            f"template {name} cannot be read as a Word document ({cut_text(str(exc), 60)})"
        ) from None
    return out.getvalue()
