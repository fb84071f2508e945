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


def _known(name: str, known: list[str], prefix: str = "") -> str:
    close = difflib.get_close_matches(name, known, n=1)
    if close:
        return f"did you mean {{{{ {prefix}{close[0]} }}}}?"
    listed = ", ".join(known)
    where = f"{prefix.rstrip('.')} has" if prefix else "available"
    return f"{where}: {listed}" if listed else f"{prefix.rstrip('.') or 'it'} has no fields"


def _source_text(template: bytes) -> str:
    """The template's body XML with docxtpl's placeholders joined (for naming one)."""
    try:
        doc = DocxTemplate(io.BytesIO(template))
        doc.init_docx()
        return str(doc.patch_xml(doc.get_xml()))
    except Exception:  # only used to word a message; never fatal
        return ""


def _fields(value: Any) -> list[str]:
    return [str(k) for k in value if k != "in_master"] if isinstance(value, dict) else []


def _unknown_attribute(attr: str, template: bytes, context: dict[str, Any]) -> str:
    """``{{ owner.attr }}`` and what ``owner`` has: the owner is found in the template text,
    a loop variable (``{%tr for row in rows %}``) stands for the list's rows."""
    source = _source_text(template)
    owners = re.findall(rf"([A-Za-z_][A-Za-z0-9_]*)\s*\.\s*{re.escape(attr)}\b", source)
    owner = next((o for o in owners if not _fields(context.get(o)) or attr not in context[o]), "")
    if not owner:
        return f"{{{{ ….{attr} }}}}"
    fields = _fields(context.get(owner))
    if owner not in context:
        loop = re.search(rf"for\s+{re.escape(owner)}\s+in\s+([A-Za-z_][A-Za-z0-9_]*)", source)
        rows = context.get(loop.group(1)) if loop else None
        fields = _fields(rows[0]) if isinstance(rows, list) and rows else []
    return f"{{{{ {owner}.{attr} }}}} ({_known(attr, fields, owner + '.')})"


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
    template letter_en.docx: unknown placeholder {{ company }} (available: date)
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
            what = f"{{{{ {hit.group(1)} }}}} ({_known(hit.group(1), sorted(context))})"
        else:
            attr = _NO_ATTRIBUTE.search(text)
            what = (
                _unknown_attribute(attr.group(1), template, context)
                if attr
                else (quote_excerpt(text))
            )
        raise XlArError(cut_text(f"template {name}: unknown placeholder {what}", 255)) from None
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
