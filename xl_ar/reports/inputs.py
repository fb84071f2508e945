"""What a report can read: the inputs named by :data:`xl_ar.reports.catalog.CATALOG` entries.

Kept apart from the catalog (and free of heavy imports) so that the command line can build
its options from it without loading the engine.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["INPUTS", "Input"]


@dataclass(frozen=True)
class Input:
    """One input of a report builder.

    Attributes
    ----------
    what : tuple[str, str]
        What it is, (Indonesian, English), for messages ("no payments table was given").
    columns : tuple[str, str]
        The columns a table needs, (Indonesian, English), for messages.
    given : bool
        A table the user gives (a file, a sheet), not a value computed or set by the caller.
    required : bool
        A report taking it is left out when it is neither given nor derived.
    derived_from : tuple[str, ...]
        Inputs from which :func:`~xl_ar.reports.catalog.build_report` derives it when it is
        not given.
    """

    what: tuple[str, str]
    columns: tuple[str, str] = ("", "")
    given: bool = True
    required: bool = True
    derived_from: tuple[str, ...] = ()


#: Every input, by the name a builder's parameter has.
INPUTS: dict[str, Input] = {
    "ledger": Input(("buku piutang", "ledger"), ("pelanggan, faktur, tanggal, jumlah",
                                                 "customer, invoice, date, amount")),
    "as_of": Input(("tanggal laporan", "as-of date"), given=False, required=False,
                   derived_from=("ledger",)),
    "lang": Input(("bahasa", "language"), given=False),
    "customers": Input(("tabel pelanggan dengan limit kredit",
                        "customers table with credit limits"),
                       ("pelanggan, limit kredit", "customer, credit limit")),
    "payments": Input(("tabel pembayaran", "payments table"),
                      ("no bukti, tanggal, jumlah, berita", "reference, date, amount, memo")),
    "policy": Input(("kebijakan kredit", "credit policy"), ("label, nilai", "label, value"),
                    required=False),
    "rates": Input(("tingkat kerugian", "loss rates"), given=False,
                   derived_from=("ledger", "as_of")),
    "reconciliation": Input(("rekonsiliasi", "reconciliation"), given=False,
                            derived_from=("ledger", "payments")),
    # optional for the worklist and letters; the productivity and disputes reports need them
    # (ReportSpec.needs)
    "activity": Input(("log aktivitas penagihan", "collection activity log"),
                      ("tanggal, pelanggan, tindakan", "date, customer, action"),
                      required=False),
    "disputes": Input(("log sengketa", "dispute log"),
                      ("pelanggan, faktur, alasan, dibuka", "customer, invoice, reason, opened"),
                      required=False),
    # post-dated giro / cheques in hand (xl-ar reconcile --out-dir writes giro_<period>.csv)
    "giro": Input(("giro mundur di tangan", "giro and cheques in hand"),
                  ("tanggal efektif, pelanggan, jumlah", "effective date, customer, amount"),
                  required=False),
    # the customers table read as the customer master (optional: region, salesperson ...)
    "master": Input(("master pelanggan", "customer master"), given=False, required=False,
                    derived_from=("customers",)),
}  # fmt: skip
