"""The settings documents and e-mail use: letterhead, signatory, remittance details, auditor,
SMTP server and user templates.

They come from ``xl_ar.conf`` rows (keys in column A, values in column B: the workbook's
``xl_ar.conf`` sheet, or the same two columns saved as a ``.csv``/``.xlsx`` file for the
command line's ``--conf``), overridden by command-line options; keys are matched without
case, spaces or underscores and have Indonesian twins (``Penandatangan``, ``Jabatan``,
``AlamatPerusahaan``, ``Rekening``, ``AtasNama`` ...). ``Language``/``Bahasa`` (``id``/``en``)
is the run's default language. The workbook's other keys (``AsOf``, ``Buckets`` ...) are
ignored here; any other key is listed in :attr:`DocumentSettings.unknown_keys` (a misspelt
``Auditr`` must not go unnoticed). The SMTP password is never needed in a file: the
environment variable ``XL_AR_SMTP_PASSWORD`` wins over ``SmtpPassword``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from xl_ar.core import (
    POSTING_CONF_KEYS,
    cell_text,
    header_lookup,
    key_values,
    normalize_header,
    quote_excerpt,
)
from xl_ar.errors import OptionError

__all__ = [
    "OTHER_CONF_KEYS",
    "PASSWORD_ENV",
    "SETTING_KEYS",
    "DocumentSettings",
    "read_settings",
    "unknown_settings",
]

PASSWORD_ENV = "XL_AR_SMTP_PASSWORD"

#: Field -> the xl_ar.conf keys naming it (matched without case, spaces and underscores).
SETTING_KEYS: dict[str, tuple[str, ...]] = {
    "company": ("company", "perusahaan", "namaperusahaan"),
    "company_address": ("companyaddress", "alamatperusahaan"),
    "company_phone": ("companyphone", "teleponperusahaan"),
    "signatory": ("signatory", "penandatangan"),
    "signatory_title": ("signatorytitle", "jabatan"),
    "bank": ("bank",),
    "bank_account": ("bankaccount", "rekening", "norekening"),
    "account_name": ("accountname", "atasnama"),
    "auditor": ("auditor",),
    "auditor_address": ("auditoraddress", "alamatauditor"),
    "smtp_host": ("smtphost",),
    "smtp_port": ("smtpport",),
    "smtp_user": ("smtpuser",),
    "smtp_password": ("smtppassword",),
    "smtp_from": ("smtpfrom", "emailfrom", "pengirim"),
    "smtp_tls": ("smtptls",),
    "letter_template": ("lettertemplate", "templatsurat"),
    "statement_template": ("statementtemplate", "templatrekening"),
    "confirmation_template": ("confirmationtemplate", "templatkonfirmasi"),
    "language": ("language", "bahasa"),
}
#: The workbook's other ``xl_ar.conf`` keys (how the ledger is read, report options) and the
#: header words of a key | value table: known, not used by documents.
OTHER_CONF_KEYS = frozenset({
    "asof", "lenient", "columns", "kolom", "map", "dateorder", "urutantanggal", "negative",
    "negatif", "profile", "profil", "currency", "matauang", "onlycurrency", "hanyamatauang",
    "rates", "kurs", "reportcurrency", "matauanglaporan", "buckets", "lossrates",
    "interestrate", "bunga", "by", "per", "compareto", "bandingkan", "bandingkandengan",
    "statementfrom", "statementto", "confirmationform", "formkonfirmasi",
    "key", "keys", "setting", "settings", "kunci", "pengaturan", "name", "nama",
}) | POSTING_CONF_KEYS  # tax rates and account codes of cash application  # fmt: skip
_BY_KEY = header_lookup(SETTING_KEYS, strict=False)
_YES = frozenset({"yes", "ya", "true", "1", "y", "on", "starttls"})
_NO = frozenset({"no", "tidak", "false", "0", "n", "off", "none", ""})


@dataclass(frozen=True)
class DocumentSettings:
    """Settings of documents and e-mail; every field optional (``""``: not given)."""

    company: str = ""
    company_address: str = ""
    company_phone: str = ""
    signatory: str = ""
    signatory_title: str = ""
    bank: str = ""
    bank_account: str = ""
    account_name: str = ""
    auditor: str = ""
    auditor_address: str = ""
    smtp_host: str = ""
    smtp_port: int = 25
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_from: str = ""
    smtp_tls: bool = False
    letter_template: str = ""
    statement_template: str = ""
    confirmation_template: str = ""
    language: str = ""  # id, en or "" (not given)
    unknown_keys: tuple[str, ...] = ()  # keys of the rows that are no setting (as written)

    def template_for(self, kind: str) -> str:
        """The user's template path for ``kind`` (letter, statement, confirmation), or ``""``."""
        return str(getattr(self, f"{kind}_template", "") or "")


def _port(value: Any) -> int:
    text = cell_text(value) or ""
    try:
        port = int(float(text))
    except ValueError:
        port = -1
    if not 0 < port < 65536:
        raise OptionError(
            f"SmtpPort must be a port number from 1 to 65535, not {quote_excerpt(text)}"
        )
    return port


def _language(value: Any) -> str:
    text = (cell_text(value) or "").strip().casefold()
    if text in ("id", "ind", "indonesia", "indonesian", "bahasa indonesia"):
        return "id"
    if text in ("en", "eng", "english", "inggris", "bahasa inggris"):
        return "en"
    raise OptionError(f"Language must be id or en, not {quote_excerpt(text)}")


def unknown_settings(rows: Iterable[Iterable[Any]] | None) -> list[str]:
    """The keys of ``xl_ar.conf`` rows that are no setting (as written, in order, once).

    Examples
    --------
    >>> unknown_settings([["Key", "Value"], ["Signatori", "Rina"], ["Auditr", "KAP"],
    ...                   ["Company", "PT A"], ["AsOf", "2024-12-31"], ["Bahasa", "en"]])
    ['Signatori', 'Auditr']
    """
    out: list[str] = []
    for row in rows or []:
        cells = list(row)
        if not cells or not isinstance(cells[0], str) or not cells[0].strip():
            continue
        key = normalize_header(cells[0])
        if cells[0].lstrip().startswith("#") or key in _BY_KEY or key in OTHER_CONF_KEYS:
            continue
        text = " ".join(cells[0].split())
        if text not in out:
            out.append(text)
    return out


def _tls(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = (cell_text(value) or "").strip().casefold()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise OptionError(f"SmtpTls must be yes or no, not {quote_excerpt(text)}")


def _value(name: str, value: Any) -> Any:
    """A setting's value as its field holds it."""
    if name == "smtp_port":
        return _port(value)
    if name == "smtp_tls":
        return _tls(value)
    if name == "language":
        return _language(value)
    return " ".join((cell_text(value) or "").split())


def read_settings(
    rows: Iterable[Iterable[Any]] | None = None,
    overrides: Mapping[str, Any] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
) -> DocumentSettings:
    """Settings from ``xl_ar.conf`` rows (key | value), then ``overrides`` (field names, e.g.
    the command line's options; ``None`` values are not given), then the environment's
    ``XL_AR_SMTP_PASSWORD``.

    Examples
    --------
    >>> got = read_settings([["Company", "PT Sinar"], ["Penandatangan", "Rina"],
    ...                      ["Language", "en"], ["SMTP Port", "587"], ["SmtpTls", "ya"]],
    ...                     {"smtp_host": "mail.local", "company": None}, environ={})
    >>> got.company, got.signatory, got.smtp_host, got.smtp_port, got.smtp_tls
    ('PT Sinar', 'Rina', 'mail.local', 587, True)
    >>> read_settings(environ={"XL_AR_SMTP_PASSWORD": "s3cret"}).smtp_password
    's3cret'
    >>> got.language, read_settings([["Auditr", "KAP"]], environ={}).unknown_keys
    ('en', ('Auditr',))
    """
    given: dict[str, Any] = key_values(
        rows, _BY_KEY, fields=SETTING_KEYS, overrides=overrides, what="document setting"
    )
    env = os.environ if environ is None else environ
    if env.get(PASSWORD_ENV):
        given["smtp_password"] = env[PASSWORD_ENV]
    values = {f.name: _value(f.name, given[f.name]) for f in fields(DocumentSettings)
              if f.name in given}  # fmt: skip
    values["unknown_keys"] = tuple(unknown_settings(rows))
    return replace(DocumentSettings(), **values)
