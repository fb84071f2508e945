"""Typed errors raised by the xl-ar core.

Every error carries a one-line ``str()`` that can be shown in a worksheet cell or on
the command line as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


class XlArError(Exception):
    """Base class of every error xl-ar raises on purpose (bad input, bad option)."""


class OptionError(XlArError, ValueError):
    """An option (``basis``, ``buckets``, ``date_order`` ...) has a value xl-ar does not accept."""


class MissingColumnError(XlArError, KeyError):
    """A required ledger column is absent; the message names it and lists the headers found."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class LedgerError(XlArError, ValueError):
    """The ledger has data problems; ``problems`` holds the whole problem table.

    The message names the first problems the way a user finds them:
    ``row 17 'Due Date': 'abc' is not a date``.
    """

    def __init__(self, message: str, problems: pd.DataFrame | None = None) -> None:
        super().__init__(message)
        self.problems = problems


class CurrencyError(XlArError, ValueError):
    """Amounts in several currencies would be added, or a conversion lacks a rate.

    ``currencies`` holds the codes concerned; the message names them and the way out (a
    rate table, or one currency).
    """

    def __init__(self, message: str, currencies: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.currencies = currencies


class NotEstimableError(XlArError, ValueError):
    """The ledger cannot support a number (an open-items snapshot, no payment dates ...).

    The message is ``"not estimable: <reason>"``; ``reason`` holds the (Indonesian, English)
    reason (:mod:`xl_ar.core.ledger.sufficiency`).
    """

    def __init__(self, message: str, reason: tuple[str, str] = ("", "")) -> None:
        super().__init__(message)
        self.reason = reason
