"""Command line: ``xl-ar demo``, ``xl-ar aging``, ``xl-ar check``, ``xl-ar report`` ...

The failure contract: every failure — a bad option, an unreadable ledger, an output that
would overwrite an input, even an unexpected error — prints ONE line on stderr (no Python
traceback) and exits with 2; only ``check`` exits with 1, when it finds data problems. Set
``XL_AR_DEBUG=1`` to see the traceback of an unexpected error.

Every output file is written through :mod:`xl_ar.core.base.outputs` (never over an input, never
half-written); text output neutralises formula-like user text (OWASP CSV injection).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pandas as pd

from xl_ar.core import cut_text, grouped_number
from xl_ar.errors import CurrencyError, XlArError
from xl_ar.reports.inputs import INPUTS

#: Longest error line printed (a message quotes at most a short excerpt of user text).
MAX_MESSAGE = 255

LEDGER_OPTIONS = ("date_order", "number_format", "sheet", "columns", "negative", "profile")
#: How the ledger's currencies are read (``load_ledger``'s arguments of the same names).
CURRENCY_OPTIONS = ("currency", "only_currency", "rates", "report_currency")
#: Added to a refusal to add up several currencies.
CURRENCY_HINT = " (--rates FILE [--report-currency CODE], or --only-currency CODE)"

AS_OF_HELP = (
    "{}, YYYY-MM-DD (default: the report date in the export's title, else the latest "
    "ledger date; a note says which)"
)
INTEREST_HELP = (
    "your contract's late-interest rate a year for every letter stage, e.g. 12%% "
    "(default: none, or the strategy's Annual Rate)"
)


def _add_ledger_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("ledger", type=Path, help="ledger file: .xlsx, .xlsm or .csv")
    p.add_argument(
        "--date-order",
        default="auto",
        help="how text dates are read: auto (default: decided from the dates), dmy, mdy, ymd",
    )
    p.add_argument(
        "--number-format",
        default="auto",
        help="how text amounts are read: auto (default), id (1.234,50), en (1,234.50), plain",
    )
    p.add_argument("--sheet", default=None, help="worksheet name (default: first ledger sheet)")
    p.add_argument(
        "--map",
        dest="columns",
        default=None,
        metavar="HEADER=ROLE,...",
        help='name columns xl-ar does not recognise, e.g. "Open Balance=balance,Num=invoice" '
        "(roles: customer, invoice, invoice_date, due_date, terms_days, amount, paid, balance, "
        "doc_type, ignore)",
    )
    p.add_argument(
        "--negative",
        default="refuse",
        choices=("refuse", "credit-note"),
        help="negative lines without a type column: refuse (default) or read as credit notes",
    )
    p.add_argument(
        "--profile",
        default="auto",
        metavar="NAME",
        help="the export the ledger is: auto (default: detected from the headers), none, or a "
        "name from xl-ar profiles",
    )
    _add_currency_options(p)


def _add_currency_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--currency",
        default=None,
        metavar="CODE",
        help="currency of a ledger without a currency column (and of its blank cells), e.g. "
        "USD (default: IDR)",
    )
    p.add_argument(
        "--only-currency", default=None, metavar="CODE", help="keep the rows of one currency"
    )
    p.add_argument(
        "--rates",
        default=None,
        metavar="FILE",
        help="rate table .csv/.xlsx (currency, rate, optional date; rate = units of the report "
        "currency per 1 unit): convert every amount to the report currency",
    )
    p.add_argument(
        "--report-currency", default=None, metavar="CODE", help="what --rates convert to (IDR)"
    )


def _ledger_options(args: argparse.Namespace) -> dict:
    if args.rates is not None:
        from xl_ar.core import check_input_file

        check_input_file(args.rates)
    day = {"rate_date": args.as_of} if getattr(args, "as_of", None) and args.rates else {}
    return {k: getattr(args, k) for k in (*LEDGER_OPTIONS, *CURRENCY_OPTIONS)} | day


class _Parser(argparse.ArgumentParser):
    """argparse with one-line usage errors (``xl-ar aging: ... (see xl-ar aging --help)``)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, _one_line(f"{self.prog}: {message} (see {self.prog} --help)") + "\n")


def build_parser() -> argparse.ArgumentParser:
    """The ``xl-ar`` argument parser."""
    parser = _Parser(prog="xl-ar", description="Accounts-receivable reports from a ledger (xl-ar).")
    sub = parser.add_subparsers(dest="command", required=True)

    demo = sub.add_parser("demo", help="make the sample ledger, the AR report, print KPIs")
    demo.add_argument("--out", type=Path, default=Path("out"), help="output folder (./out)")
    demo.add_argument("--seed", type=int, default=2024, help="sample seed (2024)")

    aging = sub.add_parser("aging", help="print an aging table")
    _add_ledger_options(aging)
    aging.add_argument("--as-of", default=None, help=AS_OF_HELP.format("aging date"))
    aging.add_argument("--buckets", default="30,60,90", help="bucket edges in days (30,60,90)")
    aging.add_argument("--basis", default="due", help="due (default) or invoice")
    aging.add_argument(
        "--by", default="customer",
        help="customer (default), total, invoice, or any column: of the ledger (its header) or "
        "of the customer master (region, salesperson, collector, group ...; with --customers)",
    )  # fmt: skip
    aging.add_argument(
        "--customers", default=None, metavar="FILE",
        help="customer master .csv/.xlsx (Customer/Pelanggan, Region/Wilayah, Sales ...)",
    )  # fmt: skip
    aging.add_argument("--measure", default="amount", help="amount (default), count, percent")
    aging.add_argument("--format", default="table", choices=("table", "csv"), help="output")

    check = sub.add_parser("check", help="print the data-health table; exit 1 on problems")
    _add_ledger_options(check)
    check.add_argument("--format", default="table", choices=("table", "csv"), help="output")
    wl = sub.add_parser("worklist", help="print the collection worklist (one row per customer)")
    _add_ledger_options(wl)
    wl.add_argument("--as-of", default=None, help=AS_OF_HELP.format("worklist date"))
    wl.add_argument("--strategy", default=None, help="strategy table .csv/.xlsx")
    wl.add_argument("--promises", default=None, help="promises table .csv/.xlsx")
    _add_log_options(wl)
    wl.add_argument("--lang", default="id", choices=("id", "en"))
    wl.add_argument("--format", default="table", choices=("table", "csv"), help="output")

    lt = sub.add_parser("letters", help="write one dunning letter (.txt) per customer needing one")
    _add_ledger_options(lt)
    lt.add_argument("--as-of", default=None, help=AS_OF_HELP.format("letter date"))
    lt.add_argument("--out", type=Path, default=Path("letters"), help="output folder (./letters)")
    lt.add_argument(
        "--lang",
        default=None,
        choices=("id", "en"),
        help="language (default: Language in --conf, else id)",
    )
    lt.add_argument("--strategy", default=None, help="strategy table .csv/.xlsx")
    lt.add_argument("--promises", default=None, help="promises table .csv/.xlsx")
    _add_log_options(lt)
    lt.add_argument("--company", default=None, help="company name in the letter head")
    lt.add_argument(
        "--contact", default=None, help="label/value .csv/.xlsx: Nama, Jabatan, Telepon, Email"
    )
    lt.add_argument("--templates", type=Path, default=None, help="folder with id.txt/en.txt")
    lt.add_argument("--interest-rate", default=None, help=INTEREST_HELP)
    _add_document_options(lt, company=False)

    rec = sub.add_parser(
        "reconcile",
        help="apply a bank statement (mutasi rekening) or payments to open invoices (or "
        "reconcile a customer's statement)",
    )
    _add_ledger_options(rec)
    rec.add_argument(
        "payments", type=Path,
        help="bank statement export (BCA, Mandiri, BRI, BNI or generic), payments table, or "
        "customer statement (--mode statement): .xlsx/.csv",
    )  # fmt: skip
    _add_bank_options(rec)
    rec.add_argument("--tolerance", default="0.005", help='amount or percentage, e.g. "2%%"')
    rec.add_argument("--mode", default="payments", choices=("payments", "statement"))
    rec.add_argument("--customer", default=None, help="statement mode: the customer")
    rec.add_argument(
        "--statement-sign", default="auto", choices=("auto", "ours", "theirs"),
        help="statement mode: ours = invoices positive; theirs = the customer's payables "
        "ledger (our invoices as credits), flipped; auto (default) = flipped when every "
        "matched line is exactly opposite",
    )  # fmt: skip
    rec.add_argument(
        "--write-off-overpayments", action="store_true",
        help="write off an overpayment within the tolerance (default: it stays open for the "
        "customer as unapplied cash)",
    )  # fmt: skip
    rec.add_argument("-o", "--out", type=Path, default=None, help="write an .xlsx report")

    addin = sub.add_parser(
        "addin", help="build, install or uninstall the Excel add-in (xl_ar.xlam)"
    )
    asub = addin.add_subparsers(dest="addin_command", required=True)
    build = asub.add_parser("build", help="write xl_ar.xlam and check it")
    where = "the add-in file, or a folder for xl_ar.xlam (default: ./xl_ar.xlam)"
    build.add_argument("out_file", nargs="?", type=Path, metavar="OUT.xlam", help=where)
    build.add_argument("-o", "--out", type=Path, metavar="OUT.xlam", help=f"{where}; as OUT.xlam")
    inst = asub.add_parser(
        "install", help="build xl_ar.xlam and copy it to Excel's start-up folder"
    )
    inst.add_argument("--file", type=Path, help="install this .xlam instead of building one")
    inst.add_argument("--dir", type=Path, help="target folder (default: Excel's start-up folder)")
    uninst = asub.add_parser("uninstall", help="remove xl_ar.xlam from Excel's start-up folder")
    uninst.add_argument("--dir", type=Path, help="folder it was installed to")

    rep = sub.add_parser("report", help="write the AR report workbook (.xlsx, all sheets)")
    _add_ledger_options(rep)
    rep.add_argument("--as-of", default=None, help=AS_OF_HELP.format("report date"))
    rep.add_argument("--lang", default="id", choices=("id", "en"))
    rep.add_argument(
        "--reports", default=None, help="comma-separated: aging,dashboard,... (default: all)"
    )
    for name in _report_tables():
        what = INPUTS[name].what[1]
        many = {"action": "append"} if name == "activity" else {}  # several logs
        rep.add_argument(f"--{name}", default=None, help=f"{what} .csv/.xlsx", **many)
    rep.add_argument("--company", default=None, help="company name for the About sheet")
    rep.add_argument(
        "--loss-rates",
        default=None,
        metavar="RATES",
        help='loss rate per aging bucket, Current first, e.g. "2%%,5%%,20%%,50%%,100%%", or a '
        ".csv/.xlsx table (bucket | rate); default: estimated from the ledger when it can be",
    )
    rep.add_argument(
        "--lenient",
        action="store_true",
        help="write the report from a ledger with data problems (as read), with a banner on "
        "every sheet; default: refuse it as aging and check do",
    )
    rep.add_argument("--interest-rate", default=None, help=INTEREST_HELP)
    _add_by_options(rep)
    rep.add_argument(
        "--from",
        dest="statement_from",
        default=None,
        metavar="DATE",
        help="statements: first day (default: the first day of the as-of month)",
    )
    rep.add_argument("--to", dest="statement_to", default=None, metavar="DATE",
                     help="statements: last day (default: the as-of date)")  # fmt: skip
    rep.add_argument("-o", "--out", type=Path, required=True, help="output .xlsx")

    _add_statements_parser(sub)
    sub.add_parser("profiles", help="list the known exports (import profiles) and what each sets")
    _add_document_parsers(sub)
    _add_withholding_parser(sub)

    policy = sub.add_parser(
        "policy", help="print the default credit policy, or write it as a sheet"
    )
    policy.add_argument("-o", "--out", type=Path, default=None, help="write an .xlsx policy sheet")

    books = sub.add_parser("workbooks", help="build the workshop workbooks (Indonesian, English)")
    bsub = books.add_subparsers(dest="workbooks_command", required=True)
    bbuild = bsub.add_parser("build", help="write every module and the case study as .xlsx")
    bbuild.add_argument(
        "-o", "--out", type=Path, default=Path("workbooks"), help="output folder (./workbooks)"
    )
    bkey = bsub.add_parser(
        "key", help="write the trainer's copies: answers filled in, every check ✓"
    )
    bkey.add_argument(
        "-o",
        "--out",
        type=Path,
        default=Path("workbooks-key"),
        help="output folder (./workbooks-key); do not hand these out",
    )
    return parser


def _workbooks(args: argparse.Namespace) -> int:
    import shutil
    import tempfile

    from xl_ar.core import output_folder, safe_output
    from xl_ar.workshop.catalog import build_all, build_keys

    key = args.workbooks_command == "key"
    folder = output_folder(args.out)
    _doing(f"building the workbooks in {args.out}")
    staging = Path(tempfile.mkdtemp(prefix=".xl-ar-staging-", dir=folder))
    try:  # build everything first: a failure leaves the old workbooks as they were
        staged = (build_keys if key else build_all)(staging)
        written = []
        for path in staged:
            target = folder / path.relative_to(staging)
            output_folder(target.parent)
            with safe_output(target, suffixes=(".xlsx",), what="a workbook") as temp:
                os.replace(path, temp)
            written.append(args.out / path.relative_to(staging))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    for path in written:
        print(path.as_posix())
    kind = "trainer's answer keys" if key else "workbooks"
    print(f"{len(written)} {kind} written to {args.out.as_posix()}/")
    return 0


# --------------------------------------------------------------------------- main

_STATE = {"doing": "starting"}


def _doing(what: str) -> None:
    """Record what the command is doing, for the one line of an unexpected error."""
    _STATE["doing"] = what


def _one_line(text: str) -> str:
    """A message as one line of at most :data:`MAX_MESSAGE` characters."""
    line = " ".join(str(text).split())
    return cut_text(line, MAX_MESSAGE)


def _fail(command: str, message: str) -> int:
    print(_one_line(f"xl-ar {command}: {message}"), file=sys.stderr)
    return 2


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP during a run: unwinds like Ctrl+C, so temporary files are removed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


_STOP_REASONS = {
    signal.SIGINT: "interrupted",
    signal.SIGTERM: "stopped (terminated)",
}
if hasattr(signal, "SIGHUP"):
    _STOP_REASONS[signal.SIGHUP] = "stopped (the terminal closed)"


def _raise_stopped(signum: int, _frame: object) -> None:
    raise Stopped(signum)


@contextlib.contextmanager
def _signals_and_hooks(debug: bool) -> Iterator[None]:
    """SIGTERM/SIGHUP end the run cleanly (outputs' temporary files removed); a writer's
    clean-up failing at exit (a zip file on a full disk) prints nothing unless debugging."""
    saved: dict[int, object] = {}
    if threading.current_thread() is threading.main_thread():
        for signum in (s for s in _STOP_REASONS if s != signal.SIGINT):
            with contextlib.suppress(ValueError, OSError):
                saved[signum] = signal.signal(signum, _raise_stopped)
    hook = sys.unraisablehook
    if not debug:
        sys.unraisablehook = lambda _unraisable: None
    try:
        yield
    finally:
        for signum, handler in saved.items():
            with contextlib.suppress(ValueError, OSError, TypeError):
                signal.signal(signum, handler)  # type: ignore[arg-type]
        sys.unraisablehook = hook


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 done, 1 ``check`` found problems, 2 failed,
    128 + the signal number when stopped: 130 Ctrl+C, 143 SIGTERM, 129 SIGHUP).

    Examples
    --------
    >>> main(["aging", "missing.csv", "--as-of", "2024-12-31"])  # stderr: one line
    2
    """
    debug = os.environ.get("XL_AR_DEBUG", "").strip() not in ("", "0")
    _STATE["doing"] = "starting"
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error, already printed in one line
        return exc.code if isinstance(exc.code, int) else 2
    command = args.command
    _safe_stdout()
    with _signals_and_hooks(debug):
        return _run(command, args, debug)


def _run(command: str, args: argparse.Namespace, debug: bool) -> int:
    from xl_ar.core import os_error

    try:
        with warnings.catch_warnings():
            if not debug:  # library warnings would add lines to stderr
                warnings.simplefilter("ignore")
            return _COMMANDS[command](args)
    except CurrencyError as exc:  # several currencies: how to give one
        return _fail(command, str(exc) + (CURRENCY_HINT if len(exc.currencies) > 1 else ""))
    except XlArError as exc:
        return _fail(command, str(exc))
    except BrokenPipeError:  # output piped into `head` and closed early
        _quiet_stdout()
        return 0
    except KeyboardInterrupt as exc:
        signum = getattr(exc, "signum", signal.SIGINT)
        _fail(command, _STOP_REASONS.get(signum, "stopped"))
        return 128 + int(signum)
    except MemoryError:
        return _fail(command, f"not enough memory while {_STATE['doing']}")
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        return _fail(command, f"{exc.strerror or 'input/output error'}{where}")
    except Exception as exc:  # the last resort: never a traceback, never exit 1
        if debug:
            import traceback

            traceback.print_exc()
        found = os_error(exc)
        if found is not None:  # an OSError a library wrapped (a writer on a full disk)
            from xl_ar.core import write_error

            where = found.filename or _STATE["doing"].removeprefix("writing ")
            return _fail(command, write_error(str(where), found))
        return _fail(
            command,
            f"internal error while {_STATE['doing']}; run with XL_AR_DEBUG=1 for details",
        )


def _safe_stdout() -> None:
    """Characters the console cannot show are replaced, not a crash (Windows code pages)."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        try:
            reconfigure(errors="replace")
        except (ValueError, OSError):  # pragma: no cover - a detached stream
            pass


def _quiet_stdout() -> None:
    """After a broken pipe, point stdout at devnull so the interpreter's flush is silent."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # pragma: no cover - no real file
        pass


#: Columns printed as whole numbers (days, rows, counts), not as money with two decimals.
WHOLE_COLUMNS = frozenset({"days", "oldest_dpd", "days_past_due", "row", "items"})


def _print_table(
    table: pd.DataFrame, fmt: str, *, percent: Sequence[str] = (), whole: Sequence[str] = ()
) -> None:
    """A table on stdout: ``csv`` (plain numbers, blanks for missing values) or aligned text
    (money grouped with 2 decimals, ``percent`` columns as ``16.2%``, days and counts whole,
    missing values blank: never ``NaN``, ``NaT``, ``None`` or ``<NA>``)."""
    from xl_ar.core import neutralise_frame, to_cents

    table = _blanks(neutralise_frame(table))  # OWASP: =, +, -, @ ... shown, not evaluated
    if fmt == "csv":  # money to the cent (835.56, not the float sum 835.5600000000001)
        for c in set(table.columns) - {*percent, *whole, *WHOLE_COLUMNS}:
            if pd.api.types.is_float_dtype(table[c]):
                table[c] = table[c].where(table[c].isna(), to_cents(table[c], "the table") / 100)
        sys.stdout.write(table.to_csv(index=False, lineterminator="\n", na_rep=""))
        return
    shown = {c: _shown(_percent_text) for c in percent if c in table.columns}
    for c in {*whole, *WHOLE_COLUMNS} & set(table.columns):
        if c not in shown and pd.api.types.is_float_dtype(table[c]):
            shown[c] = _shown(lambda v: grouped_number(v))
    with pd.option_context("display.max_rows", None, "display.width", 200,
                           "display.max_columns", None):  # fmt: skip
        print(table.to_string(index=False, float_format=lambda v: grouped_number(v, 2), na_rep="",
                              formatters=shown))  # fmt: skip


def _percent_text(value: float) -> str:
    return f"{float(value):.1%}"


def _shown(text: Callable[[float], str]) -> Callable[[object], str]:
    """A column formatter that leaves missing values blank."""
    return lambda v: "" if pd.isna(v) else text(v)  # type: ignore[arg-type]


def _blanks(table: pd.DataFrame) -> pd.DataFrame:
    """Missing values (None, NaN, NaT, <NA>) shown as blanks, never as pandas text; dates
    held as text or objects shown as days (``2024-01-05``, not ``2024-01-05 00:00:00``)."""
    out = table.copy()
    for col in out.columns:
        values = out[col]
        numeric = pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
        if pd.api.types.is_float_dtype(values) and not isinstance(values.dtype, pd.Float64Dtype):
            continue  # NaN: na_rep
        if pd.api.types.is_datetime64_any_dtype(values):
            continue  # NaT: na_rep
        if numeric and not values.isna().any():
            continue
        out[col] = values.astype(object).map(_cell)
    return out


def _cell(value: object) -> object:
    if value is None or (not isinstance(value, str) and pd.isna(value)):  # type: ignore[arg-type]
        return ""
    if isinstance(value, pd.Timestamp) and value == value.normalize():
        return value.date().isoformat()
    return value


#: Reading notes printed by the commands other than ``check`` (which prints them all).
_NOTES_SHOWN = 5


def _read(
    args: argparse.Namespace, *, strict: bool = True, rows: bool = False, documents: bool = False
):
    """Read the ledger of ``args`` (strictly, or leniently as a LedgerLoad).

    With ``rows``, a ledger without a single row is refused (the worklist, letters and
    report need customers). With ``documents`` (documents for customers), a ledger whose
    currency is only assumed though it shows another is refused.
    """
    from xl_ar.core import load_ledger

    _doing(f"reading {args.ledger.name}")
    got = load_ledger(args.ledger, **_ledger_options(args))
    if documents:
        _refuse_assumed_currency(args, got.notes)
    if args.command != "check":  # check prints them all with its table
        for note in got.notes[:_NOTES_SHOWN]:
            print(_one_line(f"xl-ar {args.command}: note: {note}"), file=sys.stderr)
        if len(got.notes) > _NOTES_SHOWN:
            more = len(got.notes) - _NOTES_SHOWN
            print(
                f"xl-ar {args.command}: note: {more} more note{'s' if more > 1 else ''}; "
                "xl-ar check lists them all",
                file=sys.stderr,
            )
    ledger = got.strict() if strict else got.ledger
    if rows and ledger.empty:
        raise XlArError(f"{args.ledger.name} has no rows below the header")
    if getattr(args, "as_of", False) is not False:
        args.as_of = _as_of(args, ledger, got)
        if strict and args.as_of is not None:  # a snapshot aged before its own date: refused
            from xl_ar.core import check_snapshot_as_of

            check_snapshot_as_of(ledger, args.as_of, got.as_of)
    return ledger if strict else got


def _refuse_assumed_currency(args: argparse.Namespace, notes: Sequence[str]) -> None:
    """Documents for customers never state amounts in an assumed currency: a ledger read as
    Rupiah though its header or amounts show another currency is refused until --currency."""
    from xl_ar.core import assumed_currency_shown

    for note in notes:
        shown = assumed_currency_shown(note)
        if shown is not None:
            raise XlArError(
                f"{args.ledger.name} names no currency, but {shown}: {args.command} go to "
                "customers, never in an assumed currency: give --currency CODE (--currency IDR "
                "if it is Rupiah)"
            )


def _as_of(args: argparse.Namespace, ledger: object, got: object) -> object:
    """The as-of date: given, else the export's report date, else the latest ledger date.

    A note says which was used when it was not given (or when the title says otherwise).
    """
    from xl_ar.core import as_date, default_as_of

    if args.as_of is not None:
        given = as_date(args.as_of)
        if got.as_of is not None and given != got.as_of:
            print(_one_line(
                f"xl-ar {args.command}: note: as of {given.date()} (given); the title of "
                f"{args.ledger.name} says {got.as_of.date()} ({got.as_of_line!r})"
            ), file=sys.stderr)  # fmt: skip
        return args.as_of
    if ledger.empty:
        return None
    as_of, source = default_as_of(ledger, got.as_of, got.as_of_line)
    print(_one_line(f"xl-ar {args.command}: note: as of {as_of.date()}: {source}"), file=sys.stderr)
    return as_of


def _aging(args: argparse.Namespace) -> int:
    from xl_ar.core import aging

    master = _master(args)
    ledger = _read(args)
    _doing("computing the aging")
    table = aging(
        ledger, args.as_of, buckets=args.buckets, basis=args.basis, by=args.by,
        measure=args.measure, customers=master,
    )  # fmt: skip
    _left_out_notes(args, ledger)
    _master_notes(args, ledger, master)
    if "by_note" in table.attrs:  # which column --by grouped by, when both sides have one
        print(_one_line(f"xl-ar aging: note: {table.attrs['by_note'][1]}"), file=sys.stderr)
    measure = str(args.measure).strip().lower()
    first = table.columns[0] if args.by not in ("invoice",) else "customer"
    numbers = [c for c in table.columns
               if c not in ("customer", "invoice", "bucket", "currency", first)]  # fmt: skip
    _print_table(table, args.format, percent=numbers if measure == "percent" else (),
                 whole=numbers if measure == "count" else ())  # fmt: skip
    return 0


def _left_out_notes(args: argparse.Namespace, ledger: object) -> None:
    """One note per kind of item the aging at the as-of date leaves out (count and amount)."""
    from xl_ar.core import left_out_notes

    if args.as_of is None:
        return
    for note in left_out_notes(ledger, args.as_of):
        print(_one_line(f"xl-ar {args.command}: note: {note}"), file=sys.stderr)


def _loss_rates_option(value: str | None) -> object:
    """``--loss-rates``: a table file (.csv/.xlsx), else the text for the core to read."""
    from xl_ar.core import check_input_file, file_rows

    if value is None or Path(value).suffix.lower() not in (".csv", ".xlsx", ".xlsm", ".xls"):
        return value
    check_input_file(value)
    _doing(f"reading {Path(value).name}")
    return file_rows(value)


def _check(args: argparse.Namespace) -> int:
    got = _read(args, strict=False)
    name = args.ledger.name
    if got.ok:
        for note in got.notes:
            print(note)
        print(f"{name}: {len(got.ledger)} rows, no problems found{_currencies_said(got.ledger)}")
        return 0
    if args.format == "table":
        for note in got.notes:
            print(note)
    _print_table(got.problems, args.format)
    read_as = f" ({'; '.join(got.notes)})" if got.notes and args.format == "csv" else ""
    print(_one_line(f"{len(got.problems)} problem(s) in {name}{read_as}"), file=sys.stderr)
    return 1


def _currencies_said(ledger: pd.DataFrame) -> str:
    """``, but 2 currencies (IDR, USD): ...`` for a ledger of several currencies, else blank."""
    from xl_ar.core import ledger_currencies

    found = ledger_currencies(ledger)
    if len(found) < 2:
        return ""
    return f", but {len(found)} currencies ({', '.join(found)}): never added (see the note)"


def _table_options(args: argparse.Namespace) -> None:
    """--strategy/--promises/--activity/--disputes name files: refuse a missing one, a device
    or a named pipe."""
    from xl_ar.core import check_input_file

    for value in (args.strategy, args.promises, *_log_files(args)):
        if value is not None:
            check_input_file(value)


def _add_log_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--activity", action="append", default=None, metavar="FILE",
                   help="collection activity log .csv/.xlsx (repeatable: your log and "
                   "xl_ar_activity.csv)")  # fmt: skip
    p.add_argument("--disputes", default=None, metavar="FILE", help="dispute log .csv/.xlsx")


def _log_files(args: argparse.Namespace) -> list[str]:
    """The activity and dispute log files named on the command line."""
    return [*(getattr(args, "activity", None) or ()), *([args.disputes] if getattr(
        args, "disputes", None) else [])]  # fmt: skip


def _logs(args: argparse.Namespace) -> dict:
    """The ``activity`` (a tuple of files) and ``disputes`` arguments of the core."""
    return {"activity": tuple(args.activity) if args.activity else None,
            "disputes": args.disputes}  # fmt: skip


def _print_log_notes(table: object) -> None:
    """Log rows left out (after the date, unknown customers): one line each on stderr."""
    for _, english in getattr(table, "attrs", {}).get("notes", ()):
        print(f"note: {english}", file=sys.stderr)


def _worklist(args: argparse.Namespace) -> int:
    from xl_ar.core import worklist

    _table_options(args)
    ledger = _read(args, rows=True)
    _doing("making the worklist")
    table = worklist(
        ledger, args.as_of, strategy=args.strategy, promises=args.promises, lang=args.lang,
        **_logs(args),
    )  # fmt: skip
    _left_out_notes(args, ledger)
    _print_log_notes(table)
    _print_table(table, args.format, percent=("risk",))  # a share of late payments: 41.0%
    return 0


def _templates_inputs(folder: Path | None) -> list[Path]:
    if folder is None or not folder.is_dir():
        return [folder] if folder is not None else []
    return [p for p in folder.iterdir() if p.suffix.lower() == ".txt"]


def _letters(args: argparse.Namespace) -> int:
    from xl_ar.core import as_rate, file_rows, letter_run, neutralise_lines, output_folder

    if _document_formats(args) != ("txt",) or args.eml or args.customers or args.conf:
        return _letter_documents(args)  # the master's languages, the --conf signatory

    args.lang = args.lang or "id"
    if args.rates is not None:  # a letter states each invoice in its own currency
        return _fail("letters", "letters state each invoice in its own currency, never amounts "
                     "converted with --rates: write them one currency at a time with "
                     "--only-currency CODE")  # fmt: skip
    inputs = [args.ledger, args.strategy, args.promises, args.contact,
              *_templates_inputs(args.templates), *_log_files(args)]  # fmt: skip
    _table_options(args)
    rate = None if args.interest_rate is None else as_rate(args.interest_rate, "--interest-rate")
    output_folder(args.out, inputs=inputs)
    ledger = _read(args, rows=True, documents=True)
    _doing(f"reading {Path(args.contact).name}" if args.contact else "reading the contact")
    contact = file_rows(args.contact) if args.contact else None
    _doing("writing the letters")
    run = letter_run(
        ledger, args.as_of, args.out, lang=args.lang, strategy=args.strategy,
        promises=args.promises, company=args.company, contact=contact,
        templates=args.templates, inputs=inputs, interest_rate=rate, **_logs(args),
    )  # fmt: skip
    _left_out_notes(args, ledger)
    print(f"wrote {len(run.paths)} letters to {args.out}")
    print(neutralise_lines(run.summary()), file=sys.stderr)  # who got no letter, and why
    return 0


def _report_tables() -> list[str]:
    """The tables besides the ledger that reports read: one ``--<name>`` option each."""
    return [n for n, spec in INPUTS.items() if spec.given and n != "ledger"]


def _report(args: argparse.Namespace) -> int:
    from xl_ar.core import as_rate, check_input_file, check_output, file_rows
    from xl_ar.reports.catalog import build_report, parse_reports
    from xl_ar.reports.render_file import render_file

    paths = {n: getattr(args, n) for n in _report_tables() if getattr(args, n) is not None}
    logs = {n: paths.pop(n) for n in ("activity", "disputes") if n in paths}
    inputs = [args.ledger, *paths.values(), *_log_files(args)]
    check_output(args.out, inputs=inputs, suffixes=(".xlsx",), what="the report")
    keys = parse_reports(args.reports)  # a bad name fails before the ledger is read
    given = args.as_of  # the report's About block says where a default came from
    options = {"company": args.company} if args.company else {}
    rates = _loss_rates_option(args.loss_rates)
    if rates is not None:
        options["loss_rates"] = rates
    loaded = _read(args, strict=False, rows=True)
    tables = {}
    for name, path in paths.items():
        _doing(f"reading {Path(path).name}")
        tables[name] = file_rows(path)
    for name, files in logs.items():  # read by the core, which names the file in messages
        for path in files if isinstance(files, list) else [files]:
            check_input_file(path)
        tables[name] = tuple(files) if isinstance(files, list) else files
    _doing("building the report")
    options.update(_by_options(args))
    if args.compare_to is not None and args.reports is None:  # the movement sheet asked for
        keys = (*keys, "aging_movement")
    if args.interest_rate is not None:  # the contract's late-interest rate, for the letters
        options["interest_rate"] = as_rate(args.interest_rate, "--interest-rate")
    for key in ("statement_from", "statement_to"):  # the statements' period
        if getattr(args, key) is not None:
            options[key] = getattr(args, key)
    report = build_report(
        loaded, given, reports=keys, lang=args.lang, source=args.ledger.name,
        options=options or None, lenient=args.lenient, **tables,
    )  # fmt: skip
    if args.as_of is not None:
        _left_out_notes(args, loaded.ledger)
        if "customers" in tables:
            _master_notes(args, loaded.ledger, tables["customers"])
    _doing(f"writing {args.out}")
    print(f"wrote {render_file(report, args.out, lang=args.lang, inputs=inputs)}")
    return 0


def _reconcile(args: argparse.Namespace) -> int:
    from xl_ar.core import check_output, neutralise_lines, number_from_text, reconcile
    from xl_ar.reports.sheet_reconcile import format_summary

    inputs = [args.ledger, args.payments, args.customers, args.va_map, args.conf]
    if args.out is not None:
        check_output(args.out, inputs=inputs, suffixes=(".xlsx",), what="the reconciliation")
    if args.out_dir is not None:
        from xl_ar.core import output_folder

        output_folder(args.out_dir, inputs=inputs)
    posting = _posting_settings(args)
    # "0.5" is an amount; "2%" (or anything but a plain number) stays text for the core to read
    number = number_from_text(args.tolerance)
    tolerance: float | str = args.tolerance if number is None else number
    bank = _bank_kwargs(args, posting)
    _doing(f"reconciling {args.ledger.name} with {args.payments.name}")
    ledger = args.ledger
    if any(getattr(args, k) is not None for k in CURRENCY_OPTIONS):  # read with them first
        from xl_ar.core import load_ledger

        ledger = load_ledger(args.ledger, **_ledger_options(args)).strict()
    result = reconcile(
        ledger, args.payments, tolerance=tolerance, mode=args.mode,
        customer=args.customer, date_order=args.date_order, number_format=args.number_format,
        columns=args.columns, negative=args.negative, profile=args.profile,
        statement_sign=args.statement_sign, write_off_overpayments=args.write_off_overpayments,
        **bank,
    )  # fmt: skip
    statement = getattr(result, "statement", None)
    if args.out_dir is not None:
        _write_bank_files(args, result, posting, inputs)
    if args.out is not None:
        from xl_ar.reports.catalog import build_report
        from xl_ar.reports.render_file import render_file

        keys = "reconciliation" if statement is None else _BANK_REPORTS
        report = build_report(
            reports=keys, reconciliation=result, source=args.payments.name,
            options={"posting": posting},
        )  # fmt: skip
        _doing(f"writing {args.out}")
        written = render_file(report, args.out, inputs=inputs, what="the reconciliation")
        print(f"wrote {written}")
    elif args.out_dir is None:
        _print_table(result.table, "table")
        print(neutralise_lines(format_summary(result.summary)))
    if statement is not None:
        _print_bank_summary(args, result)
    return 0


#: The sheets of ``reconcile -o`` (those with nothing to show are left out).
_BANK_REPORTS = "reconciliation,bank_statement,receipts,withholding,journal"
BANKS_OFFERED = ("auto", "bca", "mandiri", "bri", "bni", "generic", "payments")


def _add_bank_options(p: argparse.ArgumentParser) -> None:
    """Options of ``reconcile`` for bank statements, tax withholding and posting (issue 17)."""
    p.add_argument(
        "--bank", default="auto", choices=BANKS_OFFERED,
        help="the statement's bank (default auto: detected from the header and title block); "
        "payments: read it as a payments table",
    )  # fmt: skip
    p.add_argument("--customers", type=Path, default=None, metavar="MASTER",
                   help="customer master .csv/.xlsx: virtual accounts (VA), tax withholding "
                   "(column Withholding: PPh 23, PPh 22, WAPU)")  # fmt: skip
    p.add_argument("--va-map", type=Path, default=None, metavar="FILE",
                   help="virtual account -> customer table .csv/.xlsx")  # fmt: skip
    _add_conf_option(p)
    p.add_argument("--as-of", default=None,
                   help="cut-off date, YYYY-MM-DD (default: the statement's last day): a giro "
                   "due later is held as giro in hand")  # fmt: skip
    p.add_argument("--journal", default="generic", choices=("accurate", "jurnal", "generic"),
                   help="layout of the journal csv of --out-dir: accurate (Accurate Online), "
                   "jurnal (Jurnal.id) or generic (default)")  # fmt: skip
    p.add_argument("--out-dir", type=Path, default=None, metavar="DIR",
                   help="write the journal (jurnal_<bank>_<period>.csv), the receipt list "
                   "(penerimaan_<period>.csv) and the tax withheld (withholding_<period>.csv)")  # fmt: skip


def _conf_rows(args: argparse.Namespace) -> list | None:
    """The rows of ``--conf`` (read once), or ``None``."""
    from xl_ar.core import check_input_file, file_rows

    if getattr(args, "conf", None) is None:
        return None
    if not hasattr(args, "_conf_rows"):
        check_input_file(args.conf)
        _doing(f"reading {args.conf.name}")
        args._conf_rows = file_rows(args.conf)
    return args._conf_rows


def _posting_settings(args: argparse.Namespace) -> object:
    """Tax rates and journal accounts of ``--conf`` (defaults without it); unknown keys noted."""
    from xl_ar.core import read_posting_settings
    from xl_ar.documents.settings import unknown_settings

    rows = _conf_rows(args)
    unknown = unknown_settings(rows)
    if unknown:
        listed = ", ".join(repr(k) for k in unknown[:8])
        print(_one_line(f"xl-ar {args.command}: note: {args.conf.name} has keys xl-ar does not "
                        f"know, ignored: {listed} (see the README's settings file)"),
              file=sys.stderr)  # fmt: skip
    return read_posting_settings(rows)


def _bank_kwargs(args: argparse.Namespace, posting: object) -> dict:
    """reconcile()'s bank-statement arguments: only those given, and the withholding rules."""
    import xl_ar.core as core

    out: dict = {}
    if args.bank != "auto":
        out["bank"] = args.bank
    master = _master(args)
    if master is not None:
        out["master"] = master
    if args.va_map is not None:
        core.check_input_file(args.va_map)
        out["va_map"] = core.read_va_map(core.file_rows(args.va_map))
    if args.as_of is not None:
        out["as_of"] = core.as_date(args.as_of, "--as-of")
    if args.mode != "statement":  # the withholding rules; who withholds: the master's column
        out["tax"] = posting.tax_rules(master)  # type: ignore[attr-defined]
    return out


def _period_label(result: object) -> str:
    """``2024-12`` for a statement of one month, else ``20241201-20250115`` (the statement's
    period, else the payment dates)."""
    statement = getattr(result, "statement", None)
    start = getattr(statement, "period_start", None)
    end = getattr(statement, "period_end", None)
    if start is None or end is None or pd.isna(start) or pd.isna(end):
        dates = pd.to_datetime(result.table["payment_date"]).dropna()  # type: ignore[attr-defined]
        if dates.empty:
            return "all"
        start, end = dates.min(), dates.max()
    if (start.year, start.month) == (end.year, end.month):
        return start.strftime("%Y-%m")
    return f"{start:%Y%m%d}-{end:%Y%m%d}"


#: The tax-withheld csv (``read_withholding`` reads it back, with the slip numbers filled in).
WITHHOLDING_HEADER = ("Date", "Customer", "Invoice", "Receipt", "Type", "Base", "Rate", "Amount",
                      "Slip No")  # fmt: skip
_RECEIPT_HEADER = {
    "customer": "Customer", "receipt": "Receipt", "date": "Date", "amount": "Amount",
    "invoices": "Invoices", "applied": "Applied", "withheld": "Withheld", "fees": "Fees",
    "written_off": "Written Off", "unapplied": "Unapplied", "held": "Held", "status": "Status",
}  # fmt: skip


def _withholding_rows(result: object) -> pd.DataFrame:
    """The tax withheld as the csv's columns (none when the table has no withholding)."""
    from xl_ar.core import withholding_records

    got = getattr(result, "withholding", None)
    table = result.table  # type: ignore[attr-defined]
    if got is None:
        if "withheld" not in table.columns:
            return pd.DataFrame(columns=list(WITHHOLDING_HEADER))
        got = withholding_records(table)
    out = got[["date", "customer", "invoice", "receipt", "type", "base", "rate", "amount",
               "slip"]].copy()  # fmt: skip
    out["date"] = pd.to_datetime(out["date"]).dt.strftime("%Y-%m-%d")
    out.columns = list(WITHHOLDING_HEADER)
    return out


def _write_bank_files(
    args: argparse.Namespace, result: object, posting: object, inputs: list
) -> None:
    """--out-dir: the journal csv, the receipt list and the tax withheld, each written safely."""
    from xl_ar.core import journal_csv, journal_lines, receipt_labels, receipt_list

    table = result.table  # type: ignore[attr-defined]
    statement = getattr(result, "statement", None)
    labels = receipt_labels(statement.receipts) if statement is not None else {}
    period = _period_label(result)
    bank = getattr(statement, "bank", None) or "payments"
    _doing("writing the journal")
    lines = journal_lines(
        table,
        withholding=getattr(result, "withholding", None),
        labels=labels,
        **posting.journal_options(),  # type: ignore[attr-defined]
    )
    receipts = receipt_list(table, labels=labels)
    receipts["date"] = pd.to_datetime(receipts["date"]).dt.strftime("%Y-%m-%d")
    files = {
        f"jurnal_{bank}_{period}.csv": journal_csv(lines, args.journal),
        f"penerimaan_{period}.csv": receipts.rename(columns=_RECEIPT_HEADER),
        f"withholding_{period}.csv": _withholding_rows(result),
    }
    giro = _giro_rows(result)
    if len(giro):  # for the cash forecast: xl-ar report LEDGER --giro giro_<period>.csv
        files[f"giro_{period}.csv"] = giro
    for name, frame in files.items():
        print(f"wrote {_write_csv(args.out_dir / name, frame, inputs).as_posix()}")
    not_posted = lines.attrs.get("not_posted")
    if not_posted is not None and len(not_posted):
        print(_one_line(f"xl-ar {args.command}: note: {len(not_posted)} receipt"
                        f"{'s' * (len(not_posted) != 1)} not posted (giro in hand or proposed): "
                        f"{', '.join(map(str, not_posted['receipt'][:5]))}"), file=sys.stderr)  # fmt: skip


def _giro_rows(result: object) -> pd.DataFrame:
    """Giro/cheques held in hand: effective date, customer, amount, receipt, date received."""
    table = result.table  # type: ignore[attr-defined]
    held = table[table["status"].astype(object).eq("giro_in_hand").to_numpy()]
    if held.empty:
        return pd.DataFrame()
    statement = getattr(result, "statement", None)
    effective = pd.Series(dtype="datetime64[ns]")
    if statement is not None and "effective_date" in statement.receipts.columns:
        receipts = statement.receipts
        effective = pd.Series(
            receipts["effective_date"].to_numpy(), index=receipts["payment"].astype(object)
        )
    dates = pd.to_datetime(held["payment"].astype(object).map(effective))
    return pd.DataFrame({
        "Effective Date": dates.dt.strftime("%Y-%m-%d").to_numpy(),
        "Customer": held["customer"].astype(object).to_numpy(),
        "Amount": held["remaining"].to_numpy(),
        "Receipt": held["payment"].astype(object).to_numpy(),
        "Received": pd.to_datetime(held["payment_date"]).dt.strftime("%Y-%m-%d").to_numpy(),
    })  # fmt: skip


def _write_csv(path: Path, frame: pd.DataFrame, inputs: list) -> Path:
    """A csv written through safe_output (never over an input), formula-like text neutralised."""
    from xl_ar.core import neutralise_frame, safe_output

    with safe_output(path, inputs=inputs, suffixes=(".csv",), what="the csv") as temp:
        neutralise_frame(frame).to_csv(
            temp, index=False, lineterminator="\n", float_format="%.15g", encoding="utf-8"
        )
    return path


def _print_bank_summary(args: argparse.Namespace, result: object) -> None:
    """The statement's account, period, balance check and totals; a balance mismatch is also
    said on stderr."""
    from xl_ar.core import neutralise_lines
    from xl_ar.reports.sheet_bank_reconcile import balance_line, format_bank_summary

    print(neutralise_lines(format_bank_summary(result)))
    line = balance_line(result.statement)  # type: ignore[attr-defined]
    if line.startswith("BALANCES DO NOT AGREE"):
        print(_one_line(f"xl-ar {args.command}: WARNING: {args.payments.name}: {line}"),
              file=sys.stderr)  # fmt: skip


# --------------------------------------------------------------------------- withholding


def _add_withholding_parser(sub: argparse._SubParsersAction) -> None:
    wh = sub.add_parser(
        "withholding",
        help="list tax withheld by customers without a slip (bukti potong), by age",
    )
    wh.add_argument("records", type=Path, nargs="+", metavar="RECORDS",
                    help="withholding_<period>.csv files written by reconcile --out-dir (the "
                    "Slip No column filled in as slips arrive)")  # fmt: skip
    wh.add_argument("--slips", type=Path, default=None, metavar="FILE",
                    help="slips received .csv/.xlsx (invoice or receipt, slip number)")  # fmt: skip
    wh.add_argument("--as-of", required=True, help="the date ages are counted to, YYYY-MM-DD")
    wh.add_argument("--format", default="text", choices=("text", "csv"), dest="table")


def _withholding(args: argparse.Namespace) -> int:
    from xl_ar.core import (
        as_date,
        check_input_file,
        file_rows,
        read_withholding,
        withholding_slips,
    )

    for path in args.records:
        check_input_file(path)
    _doing("reading the withholding records")
    records = read_withholding(*args.records)
    slips = None
    if args.slips is not None:
        check_input_file(args.slips)
        slips = file_rows(args.slips)
    missing = withholding_slips(records, slips, as_of_date := as_date(args.as_of, "--as-of"))
    _print_table(missing, args.table)
    rows = missing
    if "status" in missing.columns:  # the tracker's rows without a slip, not its totals
        rows = missing[missing["status"].astype(object).eq("missing").to_numpy()]
    amount = float(pd.to_numeric(rows["amount"]).sum()) if "amount" in rows.columns else 0.0
    print(f"{len(rows)} withheld amount{'s' * (len(rows) != 1)} without a slip as of "
          f"{as_of_date.date()}: {grouped_number(amount, 2)}", file=sys.stderr)  # fmt: skip
    return 0


def _addin(args: argparse.Namespace) -> int:
    import tempfile

    from xl_ar.addin import build, install
    from xl_ar.core import safe_output

    try:
        if args.addin_command == "uninstall":
            gone = install.uninstall(args.dir)
            print(f"removed {gone}" if gone else "xl_ar.xlam was not installed")
            return 0
        if args.addin_command == "build":
            if args.out and args.out_file and args.out != args.out_file:
                return _fail("addin", "give the add-in file once: OUT.xlam or -o OUT.xlam")
            out = args.out or args.out_file or Path(build.ADDIN_NAME)
            out = out / build.ADDIN_NAME if out.is_dir() else out
            _doing(f"building {out}")
            with safe_output(out, suffixes=(".xlam",), what="the add-in") as temp:
                build.build_addin(temp)
                problems = build.verify_addin(temp)
                if problems:  # the temporary file is dropped: an old add-in stays
                    raise XlArError(
                        f"the built add-in failed its check ({len(problems)} problem(s)): "
                        f"{problems[0]}"
                    )
            print(f"wrote {out}")
            return 0
        path = args.file or build.build_addin(Path(tempfile.mkdtemp()) / build.ADDIN_NAME)
        problems = build.verify_addin(path)
        if problems:
            raise XlArError(
                f"the add-in failed its check ({len(problems)} problem(s)): {problems[0]}"
            )
        print(f"installed {install.install(path, args.dir)}: restart Excel")
        return 0
    except (RuntimeError, PermissionError, FileNotFoundError) as exc:
        return _fail("addin", str(exc).replace("target_dir", "--dir FOLDER"))


def _policy(args: argparse.Namespace) -> int:
    from xl_ar.core import policy_table

    if args.out is None:
        _print_table(policy_table(), "table")
        return 0
    from xl_ar.reports.catalog import build_report
    from xl_ar.reports.render_file import render_file

    report = build_report(reports="credit_policy", source="xl-ar default credit policy")
    _doing(f"writing {args.out}")
    print(f"wrote {render_file(report, args.out, what='the policy sheet')}")
    return 0


def _profiles(args: argparse.Namespace) -> int:
    from xl_ar.core import profile_table

    rows = profile_table()
    width = max(len(r["name"]) for r in rows)
    for row in rows:
        print(f"{row['name']:<{width}}  {row['system']} {row['report']}")
        print(f"{'':<{width}}  sets: {row['sets']}")
    print("auto-detected from the header row; force one with --profile NAME, or --profile none")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from xl_ar.demo import run_demo

    _doing(f"writing the demo to {args.out}")
    print(run_demo(args.out, seed=args.seed))
    return 0


# --------------------------------------------------------------------------- documents, e-mail

#: Document settings given as options (``--signatory`` ...) -> the xl_ar.conf field.
_DOC_OPTIONS = (
    "company", "company_address", "signatory", "signatory_title", "bank", "bank_account",
    "account_name", "smtp_from",
)  # fmt: skip
_SMTP_OPTIONS = ("smtp_host", "smtp_port", "smtp_user", "smtp_from", "smtp_tls")


def _add_conf_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--conf", type=Path, default=None, metavar="FILE",
        help="settings as key | value rows (.csv/.xlsx, like the xl_ar.conf sheet): Company, "
        "Signatory, Bank, SmtpHost ...",
    )  # fmt: skip


def _add_document_options(
    p: argparse.ArgumentParser, *, company: bool = True, first: str | None = None
) -> None:
    """Options of the commands writing documents (letters, confirmations, statements);
    ``first``: a format offered before docx and pdf (txt letters, xlsx statements)."""
    first = first or (None if company else "txt")
    default = first or "docx"
    p.add_argument(
        "--format", default=default, metavar="LIST",
        help=f"comma list of {first + ', ' if first else ''}docx, pdf (default {default}); "
        "PDF needs LibreOffice",
    )  # fmt: skip
    p.add_argument("--eml", action="store_true", help="also write an .eml e-mail draft each")
    p.add_argument("--customers", type=Path, default=None, metavar="MASTER",
                   help="customer master .csv/.xlsx (e-mail, PIC, address, language, VA)")  # fmt: skip
    p.add_argument("--template", type=Path, default=None, metavar="FILE",
                   help="your Word template (.docx; see xl-ar templates)")  # fmt: skip
    _add_conf_option(p)
    if company:
        p.add_argument("--company", default=None, help="company name in the letterhead")
    for name in _DOC_OPTIONS[1:]:
        p.add_argument(f"--{name.replace('_', '-')}", default=None, dest=name)


def _add_document_parsers(sub: argparse._SubParsersAction) -> None:
    cf = sub.add_parser(
        "confirmations", help="write balance confirmations (konfirmasi piutang) per customer"
    )
    _add_ledger_options(cf)
    cf.add_argument("--as-of", default=None, help=AS_OF_HELP.format("confirmation date"))
    cf.add_argument("--form", default="positive", choices=("positive", "negative"))
    cf.add_argument("--customer", action="append", default=None, metavar="NAME",
                    help="a customer to confirm (repeat; default: every non-zero balance)")  # fmt: skip
    cf.add_argument("--largest", type=int, default=None, metavar="N",
                    help="only the N largest balances (an auditor's sample)")  # fmt: skip
    cf.add_argument(
        "--lang",
        default=None,
        choices=("id", "en"),
        help="language (default: Language in --conf, else id)",
    )
    cf.add_argument("--auditor", default=None, help="the auditor's name (replies go there)")
    cf.add_argument("--auditor-address", default=None, dest="auditor_address")
    cf.add_argument("--out", type=Path, required=True, help="output folder")
    _add_document_options(cf)

    snd = sub.add_parser("send", help="send the .eml drafts of a folder (a dry run unless --send)")
    snd.add_argument("folder", type=Path, help="folder holding the .eml drafts")
    snd.add_argument("--send", action="store_true", help="really send (default: dry run)")
    snd.add_argument("--resend", action="store_true",
                     help="send again documents the send log records as sent")  # fmt: skip
    snd.add_argument("--log", type=Path, default=None, metavar="FILE",
                     help="the send log to check and add to (default: the folder's "
                     "xl_ar_send_log.csv); one log for every run: a document written again "
                     "into another folder is not sent twice")  # fmt: skip
    _add_conf_option(snd)
    snd.add_argument("--smtp-host", default=None, dest="smtp_host")
    snd.add_argument("--smtp-port", default=None, dest="smtp_port")
    snd.add_argument("--smtp-user", default=None, dest="smtp_user",
                     help="password: env XL_AR_SMTP_PASSWORD (or SmtpPassword in --conf)")  # fmt: skip
    snd.add_argument("--smtp-from", default=None, dest="smtp_from")
    snd.add_argument("--smtp-tls", default=None, dest="smtp_tls", choices=("yes", "no"))

    tpl = sub.add_parser("templates", help="write the default Word templates to edit in Word")
    tpl.add_argument("--out", type=Path, required=True, help="output folder")


def _document_formats(args: argparse.Namespace) -> tuple[str, ...]:
    """``--format`` of letters: txt and/or docx, pdf."""
    return _formats(args.format, ("txt", "docx", "pdf"))


def _formats(text: str, offered: tuple[str, ...]) -> tuple[str, ...]:
    """A ``--format`` comma list of the ``offered`` formats, in their order."""
    items = [f.strip().lower().lstrip(".") for f in str(text).split(",") if f.strip()]
    bad = sorted(set(items) - set(offered))
    if bad or not items:
        listed = ", ".join(offered)
        raise XlArError(f"--format is a comma list of {listed}, not {','.join(bad)!r}")
    return tuple(f for f in offered if f in items)


def _document_settings(args: argparse.Namespace, names: Sequence[str] = _DOC_OPTIONS):
    from xl_ar.core import check_input_file, file_rows
    from xl_ar.documents.settings import read_settings

    rows = None
    if args.conf is not None:
        check_input_file(args.conf)
        _doing(f"reading {args.conf.name}")
        rows = file_rows(args.conf)
    given = {n: getattr(args, n, None) for n in names}
    settings = read_settings(rows, given)
    if settings.unknown_keys:  # a misspelt key would leave a hole in every document
        listed = ", ".join(repr(k) for k in settings.unknown_keys[:8])
        print(_one_line(f"xl-ar {args.command}: note: {args.conf.name} has keys xl-ar does not "
                        f"know, ignored: {listed} (see the README's settings file)"),
              file=sys.stderr)  # fmt: skip
    if hasattr(args, "lang") and args.lang is None:
        args.lang = settings.language or "id"
    return settings


def _document_inputs(args: argparse.Namespace) -> list[Path | None]:
    return [args.ledger, args.customers, args.conf, args.template,
            getattr(args, "strategy", None), getattr(args, "promises", None),
            getattr(args, "contact", None)]  # fmt: skip


def _report_documents(args: argparse.Namespace, run: object, what: str, also: int = 0) -> None:
    from xl_ar.core import neutralise_lines

    for path in run.paths:  # type: ignore[attr-defined]
        print(path.as_posix())
    print(neutralise_lines(run.summary(what, also)), file=sys.stderr)  # type: ignore[attr-defined]


def _letter_documents(args: argparse.Namespace) -> int:
    from xl_ar.core import as_rate, file_rows, neutralise_lines, output_folder
    from xl_ar.documents.batch import prepare_documents, write_prepared
    from xl_ar.documents.context import letter_documents

    if args.rates is not None:
        return _fail("letters", "letters state each invoice in its own currency: use "
                     "--only-currency CODE, not --rates")  # fmt: skip
    formats = _document_formats(args)
    settings = _document_settings(args, ("company", *_DOC_OPTIONS[1:]))
    inputs = [*_document_inputs(args), *_templates_inputs(args.templates), *_log_files(args)]
    _table_options(args)
    rate = None if args.interest_rate is None else as_rate(args.interest_rate, "--interest-rate")
    output_folder(args.out, inputs=inputs)
    ledger = _read(args, rows=True, documents=True)
    master = _master(args)
    contact = file_rows(args.contact) if args.contact else None
    _doing("writing the letters")
    docs, plan = letter_documents(
        ledger, args.as_of, lang=args.lang, settings=settings, master=master,
        strategy=args.strategy, promises=args.promises, contact=contact,
        templates=args.templates, interest_rate=rate, **_logs(args),
    )  # fmt: skip
    kinds = [f for f in formats if f != "txt"] or (["docx"] if args.eml else [])
    batch = None
    if kinds:  # every document target checked (and rendered) before the first file is written
        batch = prepare_documents(
            docs, args.out, formats=kinds, eml=args.eml, settings=settings,
            templates={"letter": args.template}, inputs=inputs, master=master,
        )  # fmt: skip
    texts: list[Path] = []
    if "txt" in formats:  # each in its customer's language, signed as the Word letters
        letters = _text_letters(args, ledger, settings, master, contact, rate, inputs)
        texts = [_write_letter(path, text, inputs) for path, text in letters]
        for path in texts:
            print(path.as_posix())
    run = None if batch is None else write_prepared(batch)
    if run is None:
        print(f"wrote {len(texts)} letter{'s' * (len(texts) != 1)} to {args.out}",
              file=sys.stderr)  # fmt: skip
    _left_out_notes(args, ledger)
    _master_notes(args, ledger, master)
    _letter_log_notes(args, ledger)
    if run is not None:
        _report_documents(args, run, f"{len(docs)} letters", also=len(texts))
    from xl_ar.core import letters_summary

    print(neutralise_lines(letters_summary(plan)), file=sys.stderr)
    return 0


def _text_letters(
    args: argparse.Namespace, ledger: object, settings: object, master: object,
    contact: object, rate: object, inputs: list,
) -> list[tuple[Path, str]]:  # fmt: skip
    """The text letters of ``letters --customers/--conf``: named and numbered as
    :func:`xl_ar.core.letter_run` names them, but each in its customer's master language and
    signed with the --conf signatory and bank (as the Word letters); every target checked."""
    from xl_ar.core import LetterWriter, assess, letter_files, read_contact
    from xl_ar.documents.context import customer_details

    got = assess(ledger, args.as_of, strategy=args.strategy, promises=args.promises,
                 **_logs(args))  # fmt: skip
    person = read_contact(contact)
    given = {"name": settings.signatory, "title": settings.signatory_title,
             "phone": settings.company_phone,
             "bank": ", ".join(x for x in (settings.bank, settings.bank_account) if x)
             + (f" a.n. {settings.account_name}" if settings.account_name else "")}  # fmt: skip
    person |= {k: v for k, v in given.items() if v}
    writer = LetterWriter(got, args.lang, args.templates, settings.company or None, person, 7,
                          interest_rate=rate)  # fmt: skip
    names = got.customers["customer"].astype(str)
    languages = {name: customer_details(master, name)["language"] for name in names}
    return letter_files(writer, args.out, inputs=inputs, languages=languages)[0]


def _write_letter(path: Path, text: str, inputs: list) -> Path:
    from xl_ar.core import safe_output

    with safe_output(path, inputs=inputs, suffixes=(".txt",), what="the letter") as tmp:
        tmp.write_text(text, encoding="utf-8")
    return path


def _letter_log_notes(args: argparse.Namespace, ledger: object) -> None:
    """The activity- and dispute-log notes the worklist prints (rows after the date, unknown
    customers or invoices), for the letters of the same logs."""
    from xl_ar.core import assess

    if not _log_files(args):
        return
    got = assess(ledger, args.as_of, strategy=args.strategy, promises=args.promises,
                 **_logs(args))  # fmt: skip
    lines = [english for _, english in got.notes]
    for line in lines[:_NOTES_SHOWN]:
        print(_one_line(f"xl-ar {args.command}: note: {line}"), file=sys.stderr)
    if len(lines) > _NOTES_SHOWN:
        print(f"xl-ar {args.command}: note: {len(lines) - _NOTES_SHOWN} more notes on the logs "
              "(xl-ar worklist lists them all)", file=sys.stderr)  # fmt: skip


def _confirmations(args: argparse.Namespace) -> int:
    from xl_ar.core import output_folder
    from xl_ar.documents.batch import parse_formats, write_documents
    from xl_ar.documents.context import confirmation_documents

    formats = parse_formats(args.format)
    settings = _document_settings(args, (*_DOC_OPTIONS, "auditor", "auditor_address"))
    inputs = _document_inputs(args)
    output_folder(args.out, inputs=inputs)
    ledger = _read(args, rows=True, documents=True)
    master = _master(args)
    _doing("writing the confirmations")
    docs = confirmation_documents(
        ledger, args.as_of, form=args.form, customers=args.customer, largest=args.largest,
        lang=args.lang, settings=settings, master=master,
    )  # fmt: skip
    if not docs:
        raise XlArError(f"no customer has an open balance on {pd.Timestamp(args.as_of).date()}")
    if args.largest is not None and len(docs) < args.largest:  # fewer than asked: say why
        why = (f"among the {len(args.customer)} customer(s) named with --customer"
               if args.customer else "with an open balance")  # fmt: skip
        print(f"xl-ar confirmations: note: --largest {args.largest} gave {len(docs)}: only "
              f"{len(docs)} customer(s) {why}", file=sys.stderr)  # fmt: skip
    run = write_documents(
        docs, args.out, formats=formats, eml=args.eml, settings=settings,
        templates={"confirmation": args.template}, inputs=inputs, master=master,
    )  # fmt: skip
    _left_out_notes(args, ledger)
    _master_notes(args, ledger, master)
    _report_documents(args, run, f"{len(docs)} {args.form} confirmations")
    return 0


def _send(args: argparse.Namespace) -> int:
    from xl_ar.core import neutralise_lines
    from xl_ar.documents.send import send_folder

    settings = _document_settings(args, _SMTP_OPTIONS)
    _doing("sending" if args.send else "listing the drafts")
    run = send_folder(args.folder, settings, send=args.send, resend=args.resend, log=args.log)
    print(neutralise_lines(run.summary()))
    if run.failed:
        return _fail("send", f"{len(run.failed)} message(s) failed; see the send log")
    return 0


def _templates(args: argparse.Namespace) -> int:
    from xl_ar.core import output_folder
    from xl_ar.documents.templates import write_default_templates

    output_folder(args.out)
    for path in write_default_templates(args.out):
        print(path.as_posix())
    return 0


_DOCUMENT_COMMANDS = {
    "confirmations": _confirmations, "send": _send, "templates": _templates,
}  # fmt: skip


def _add_by_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--by", default=None, metavar="COLUMN",
        help="the aging sheet also grouped by this column: of the ledger (its header) or of "
        "the customer master given with --customers (region, salesperson, collector, group ...)",
    )  # fmt: skip
    p.add_argument(
        "--compare-to", default=None, metavar="DATE",
        help="the aging movement sheet compares the as-of date with this date, YYYY-MM-DD "
        "(default: the end of the month before); adds the sheet to a full report",
    )  # fmt: skip


def _by_options(args: argparse.Namespace) -> dict:
    """``--by``/``--compare-to`` as report options."""
    out = {}
    if args.by is not None:
        out["by"] = args.by
    if args.compare_to is not None:
        from xl_ar.core import as_date

        out["compare_to"] = as_date(args.compare_to, "--compare-to")
    return out


def _master(args: argparse.Namespace) -> object:
    """The customer master of ``--customers`` (read once), or ``None``."""
    from xl_ar.core import check_input_file, file_rows, read_customer_master

    if getattr(args, "customers", None) is None:
        return None
    check_input_file(args.customers)
    _doing(f"reading {Path(args.customers).name}")
    return read_customer_master(file_rows(args.customers))


def _master_notes(args: argparse.Namespace, ledger: object, master: object) -> None:
    """Notes on the customer master: cells it could not read, names unmatched both ways."""
    from xl_ar.core import ensure_master, master_notes

    if master is None or args.as_of is None:
        return
    table = ensure_master(master)
    lines = [*master_notes(ledger, table, args.as_of), *table.attrs.get("problems", ())]
    for line in lines[:_NOTES_SHOWN]:
        print(_one_line(f"xl-ar {args.command}: note: {line}"), file=sys.stderr)
    if len(lines) > _NOTES_SHOWN:
        print(f"xl-ar {args.command}: note: {len(lines) - _NOTES_SHOWN} more notes on the "
              "customer master (the report's Data Health sheet lists them)", file=sys.stderr)  # fmt: skip


# --------------------------------------------------------------------------- statements


def _add_statements_parser(sub: argparse._SubParsersAction) -> None:
    st = sub.add_parser(
        "statements", help="write one statement of account (.xlsx) per customer (rekening koran)"
    )
    _add_ledger_options(st)
    st.add_argument(
        "--from", dest="start", default=None, metavar="DATE",
        help="first day, YYYY-MM-DD (default: the first day of the --to month)",
    )  # fmt: skip
    st.add_argument("--to", dest="as_of", default=None, help=AS_OF_HELP.format("last day"))
    st.add_argument(
        "--customer", action="append", default=None, metavar="NAME",
        help="only this customer (again for more; default: every customer with a balance or a "
        "movement in the period)",
    )  # fmt: skip
    st.add_argument("--out", type=Path, default=Path("statements"), help="folder (./statements)")
    st.add_argument(
        "--lang",
        default=None,
        choices=("id", "en"),
        help="language (default: Language in --conf, else id)",
    )
    st.add_argument("--buckets", default="30,60,90", help="aging strip bucket edges (30,60,90)")
    # --format xlsx,docx,pdf, --eml, --customers (master: e-mail, VA, language), --template,
    # --conf, --company, --bank, --bank-account, --account-name, --signatory ...
    _add_document_options(st, first="xlsx")


def _statements(args: argparse.Namespace) -> int:
    from xl_ar.core import account_statements, as_date, check_input_file, neutralise
    from xl_ar.reports.statement_book import statement_book_targets, write_statement_books

    formats = _statement_formats(args.format)
    inputs = [args.ledger, args.customers, args.conf, args.template]
    if args.customers is not None:
        check_input_file(args.customers)
    doc_settings = _document_settings(args)
    if args.start is not None:
        as_date(args.start, "--from")  # a bad date fails before the ledger is read
    ledger = _read(args, rows=True, documents=True)
    end = as_date(args.as_of, "--to")
    start = as_date(args.start, "--from") if args.start is not None else end.replace(day=1)
    master = _master(args)
    _doing("computing the statements")
    statements = account_statements(
        ledger, start, end, customers=args.customer, buckets=args.buckets
    )
    if not statements:
        print(f"no customer has a balance or a movement from {start.date()} to {end.date()}: "
              "no statement written")  # fmt: skip
        return 0
    settings = {k: getattr(doc_settings, k) or None
                for k in ("company", "bank", "bank_account", "account_name")}  # fmt: skip
    _doing(f"writing the statements to {args.out}")
    kinds = [f for f in formats if f != "xlsx"] or (["docx"] if args.eml else [])
    books: list[Path] = []
    if "xlsx" in formats:  # checked first: a refused run writes nothing
        books, _ = statement_book_targets(
            statements, args.out, lang=args.lang, master=master, inputs=inputs
        )
    batch = None
    if kinds:
        from xl_ar.documents.batch import prepare_documents
        from xl_ar.documents.context import statement_documents

        docs = statement_documents(statements, lang=args.lang, settings=doc_settings,
                                   master=master)  # fmt: skip
        batch = prepare_documents(
            docs, args.out, formats=kinds, eml=args.eml, settings=doc_settings,
            templates={"statement": args.template}, inputs=inputs, master=master,
        )  # fmt: skip
    if "xlsx" in formats:
        paths = write_statement_books(
            statements, args.out, lang=args.lang, settings=settings, master=master,
            inputs=inputs, source=args.ledger.name,
        )  # fmt: skip
        for st, path in zip(statements, paths, strict=True):
            who = neutralise(st.customer)  # =cmd|' /C calc'!A0 shown as text, as aging does
            print(_one_line(f"{path.as_posix()}: {who}: {_statement_figures(st)}"))
    if batch is not None:
        from xl_ar.documents.batch import write_prepared

        run = write_prepared(batch)
        _report_documents(args, run, f"{len(batch.docs)} statements", also=len(books))
    _master_notes(args, ledger, master)
    print(_statements_summary(statements, args.out, start, end))
    return 0


def _statement_formats(text: str) -> tuple[str, ...]:
    """``--format`` of statements: xlsx and/or docx, pdf."""
    return _formats(text, ("xlsx", "docx", "pdf"))


def _statement_figures(st: object) -> str:
    """``opening 1,000.00, debit …, credit …, closing 300.00 IDR`` (opening not known: said)."""
    money = lambda v: grouped_number(v, 2)  # noqa: E731
    opening = money(st.opening) if st.opening_known else "not known"
    code = f" {st.currency or 'IDR'}"  # a ledger naming no currency is read as Rupiah
    notes = f"; {len(st.notes)} note{'s' * (len(st.notes) != 1)}" if st.notes else ""
    return (f"opening {opening}, debit {money(st.debit)}, credit {money(st.credit)}, "
            f"closing {money(st.closing)}{code} ({len(st.lines)} line{'s' * (len(st.lines) != 1)}"
            f"{notes})")  # fmt: skip


def _statements_summary(statements: Sequence, out: Path, start: object, end: object) -> str:
    """The totals line: statements written, and the closing balances per currency."""
    totals: dict[str, float] = {}
    for st in statements:
        key = st.currency or "IDR"  # never added across currencies
        totals[key] = totals.get(key, 0.0) + st.closing
    money = "; ".join(f"{grouped_number(v, 2)} {k}" for k, v in sorted(totals.items()))
    n = len(statements)
    return (f"{n} statement{'s' * (n != 1)} from {start.date()} to {end.date()} written to "
            f"{out.as_posix()}/: closing balances {money}")  # fmt: skip


_COMMANDS = {
    "demo": _demo, "aging": _aging, "check": _check, "policy": _policy, "worklist": _worklist,
    "addin": _addin, "reconcile": _reconcile, "letters": _letters, "report": _report,
    "workbooks": _workbooks, "profiles": _profiles, "statements": _statements,
    "withholding": _withholding,
    **_DOCUMENT_COMMANDS,
}  # fmt: skip


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
