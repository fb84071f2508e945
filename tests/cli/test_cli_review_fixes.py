"""Review findings on the command line and its files: a full disk, inputs that are not
regular files, outputs through symbolic links, signals during a write, letters folders,
blanks instead of NaN in printed tables, and which sheet was read."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from xl_ar.cli import main

ROOT = Path(__file__).resolve().parents[2]
AS_OF = "2024-06-30"
LEDGER = (
    "Customer,Invoice,Invoice Date,Due Date,Amount,Paid\n"
    "PT Maju,F-1,2024-01-05,2024-02-04,1500.50,0\n"
    "CV Baru,F-2,2024-05-20,2024-06-19,980.25,0\n"
)


def run(*argv: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in argv])
    return code, out.getvalue(), err.getvalue()


def cli(*argv: object, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("XL_AR_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "xl_ar.cli", *map(str, argv)],
        capture_output=True, text=True, env=env, timeout=120, **kwargs,
    )  # fmt: skip


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    path = tmp_path / "ledger.csv"
    path.write_text(LEDGER, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- a. full disk


@pytest.fixture
def tiny_disk(tmp_path: Path):
    """A 64 KB tmpfs (needs root); skipped where it cannot be mounted."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    got = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True
    )
    if got.returncode:
        pytest.skip("cannot mount a small tmpfs here")
    try:
        with (folder / "fill").open("wb", buffering=0) as fh:  # fill it up
            with contextlib.suppress(OSError):
                for _ in range(1024):
                    fh.write(b"\0" * 1024)
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.mark.parametrize("command", ["policy", "report", "demo"])
def test_a_full_disk_is_one_line_and_leaves_nothing(tiny_disk, ledger, command):
    out = tiny_disk / "out.xlsx"
    argv = {
        "policy": ["policy", "-o", out],
        "report": ["report", ledger, "-o", out, "--as-of", AS_OF, "--reports", "aging"],
        "demo": ["demo", "--out", tiny_disk / "demo"],
    }[command]
    got = cli(*argv)
    target = tiny_disk / "demo" / "sample_ledger.xlsx" if command == "demo" else out
    assert got.returncode == 2
    assert got.stderr == f"xl-ar {command}: cannot write {target}: the disk is full\n"
    assert sorted(p.name for p in tiny_disk.rglob("*") if p.is_file()) == ["fill"]


def test_a_file_size_limit_is_one_line(tmp_path, ledger):
    """ulimit -f: EFBIG (SIGXFSZ ignored, as a shell with ulimit would have it reported)."""
    code = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))\n"
        "from xl_ar.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    out = tmp_path / "out.xlsx"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("XL_AR_DEBUG", None)
    got = subprocess.run(
        [sys.executable, "-c", code, "policy", "-o", str(out)],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert got.returncode == 2
    assert got.stderr == (
        f"xl-ar policy: cannot write {out}: the file is too large (beyond the file size limit)\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.csv"]


# --------------------------------------------------------------------------- d. signals

SLOW_POLICY = (
    "import sys, time\n"
    "import xl_ar.reports.render_file as rf\n"
    "original = rf._render_sheet\n"
    "def slow(*args):\n"
    "    original(*args)\n"
    "    print('writing', flush=True)\n"
    "    time.sleep(60)\n"
    "rf._render_sheet = slow\n"
    "from xl_ar.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


@pytest.mark.parametrize(
    ("signum", "code", "reason"),
    [
        (signal.SIGTERM, 143, "stopped (terminated)"),
        (signal.SIGHUP, 129, "stopped (the terminal closed)"),
        (signal.SIGINT, 130, "interrupted"),
    ],
)
def test_d_a_signal_during_a_write_leaves_the_old_output_and_no_temp(
    tmp_path, signum, code, reason
):
    out = tmp_path / "policy.xlsx"
    out.write_bytes(b"old output")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("XL_AR_DEBUG", None)
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_POLICY, "policy", "-o", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        assert proc.stdout.readline() == "writing\n"
        assert [p.name for p in tmp_path.iterdir() if ".tmp" in p.name]  # mid-write
        proc.send_signal(signum)
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == code
    assert stderr == f"xl-ar policy: {reason}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["policy.xlsx"]
    assert out.read_bytes() == b"old output"


def test_d_main_restores_the_signal_handlers():
    before = signal.getsignal(signal.SIGTERM)
    run("policy")
    assert signal.getsignal(signal.SIGTERM) is before


# --------------------------------------------------------------------------- b. odd inputs

NOT_REGULAR = "is not a regular file (a pipe or a device): save it as a file first"


def test_b_a_named_pipe_is_refused_at_once(tmp_path, ledger):
    fifo = tmp_path / "f.csv"
    os.mkfifo(fifo)
    got = cli("check", fifo)  # no writer: reading would wait forever
    assert (got.returncode, got.stderr) == (2, f"xl-ar check: {fifo} {NOT_REGULAR}\n")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
@pytest.mark.parametrize("role", ["ledger", "payments", "contact", "customers", "promises"])
def test_b_devices_are_refused_before_reading(tmp_path, ledger, device, role):
    argv = {
        "ledger": ["report", device, "-o", tmp_path / "r.xlsx"],
        "payments": ["reconcile", ledger, device],
        "contact": ["letters", ledger, "--as-of", AS_OF, "--out", tmp_path / "l", "--contact",
                    device],
        "customers": ["report", ledger, "--as-of", AS_OF, "-o", tmp_path / "r.xlsx",
                      "--customers", device],
        "promises": ["worklist", ledger, "--as-of", AS_OF, "--promises", device],
    }[role]  # fmt: skip
    code, out, err = run(*argv)
    prefix = "payments: " if role == "payments" else ""
    assert (code, err) == (2, f"xl-ar {argv[0]}: {prefix}{device} {NOT_REGULAR}\n")


def test_b_a_link_loop_says_so(tmp_path):
    loop = tmp_path / "loop.csv"
    loop.symlink_to(loop)
    code, _, err = run("check", loop)
    assert (code, err) == (
        2,
        f"xl-ar check: cannot read {loop}: too many levels of symbolic links (a link that "
        "leads back to itself)\n",
    )


def _bash(script: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PY": sys.executable}
    return subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, env=env, timeout=120
    )


AGING_TOTAL = "   Total     0.00 980.25   0.00   0.00 1,500.50 2,480.75\n"


def test_b_pipes_are_read_once(ledger):
    common = f'"$PY" -m xl_ar.cli aging --as-of {AS_OF}'
    for script in (
        f'{common} <(cat "{ledger}")',  # process substitution
        f'cat "{ledger}" | {common} /dev/stdin',  # a pipe on stdin
        f'{common} /dev/stdin < "{ledger}"',  # a file on stdin
    ):
        got = _bash(script)
        assert (got.returncode, got.stderr) == (0, ""), script
        assert got.stdout.endswith(AGING_TOTAL), script


def test_b_a_workbook_through_a_pipe_is_refused(tmp_path):
    book = tmp_path / "l.xlsx"
    import pandas as pd

    pd.DataFrame({"Customer": ["A"], "Amount": [1.0]}).to_excel(book, index=False)
    got = _bash(f'cat "{book}" | "$PY" -m xl_ar.cli check /dev/stdin')
    assert (got.returncode, got.stderr) == (
        2,
        "xl-ar check: cannot read a workbook from the pipe /dev/stdin: save it as a file first\n",
    )


# --------------------------------------------------------------------------- c. links


def test_c_a_link_is_written_through_and_stays_a_link(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    target = shared / "policy.xlsx"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    link = tmp_path / "mine.xlsx"
    link.symlink_to(target)
    code, out, err = run("policy", "-o", link)
    assert (code, out, err) == (0, f"wrote {link}\n", "")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes()[:2] == b"PK"
    assert oct(os.stat(target).st_mode & 0o777) == oct(0o640)
    assert sorted(p.name for p in shared.iterdir()) == ["policy.xlsx"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.xlsx", "shared"]


def test_c_a_dangling_link_creates_its_target_with_the_umask_mode(tmp_path):
    target = tmp_path / "new.xlsx"
    link = tmp_path / "link.xlsx"
    link.symlink_to(target)
    old = os.umask(0o027)
    try:
        code, _, err = run("policy", "-o", link)
    finally:
        os.umask(old)
    assert (code, err) == (0, "")
    assert link.is_symlink() and target.is_file()
    assert oct(os.stat(target).st_mode & 0o777) == oct(0o640)


def test_c_a_new_file_gets_the_umask_mode_not_mkstemps(tmp_path):
    old = os.umask(0o022)
    try:
        code, _, _ = run("policy", "-o", tmp_path / "p.xlsx")
    finally:
        os.umask(old)
    assert code == 0 and oct(os.stat(tmp_path / "p.xlsx").st_mode & 0o777) == oct(0o644)


@pytest.mark.parametrize("kind", ["fifo", "link to a device"])
def test_c_a_target_that_is_no_regular_file_is_refused(tmp_path, kind):
    out = tmp_path / ("f.xlsx" if kind == "fifo" else "full.xlsx")
    if kind == "fifo":
        os.mkfifo(out)
    if kind == "link to a device":
        out.symlink_to("/dev/full")
    code, _, err = run("policy", "-o", out)
    assert (code, err) == (
        2,
        f"xl-ar policy: cannot write {out}: it is not a regular file (a device or a pipe); "
        "give a file name\n",
    )
    if kind == "link to a device":
        assert out.is_symlink()


# --------------------------------------------------------------------------- e. letters


def test_e_a_rerun_with_fewer_letters_is_refused_and_keeps_the_folder(tmp_path, ledger):
    out = tmp_path / "letters"
    code, stdout, err = run("letters", ledger, "--as-of", AS_OF, "--out", out, "--lang", "en")
    first = sorted(p.name for p in out.iterdir())
    # issue 15: the run accounts for every overdue customer on stderr
    assert (code, err, len(first)) == (0, "2 customers overdue: 2 letters written\n", 2), stdout
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / "notes.txt").write_text("mine")  # not a letter: never counted, never touched
    # same customers again: every letter replaced, allowed
    assert run("letters", ledger, "--as-of", AS_OF, "--out", out, "--lang", "en")[0] == 0
    fewer = tmp_path / "fewer.csv"
    fewer.write_text(LEDGER.rsplit("CV Baru", 1)[0].rstrip("\n") + "\n", encoding="utf-8")
    code, _, err = run("letters", fewer, "--as-of", AS_OF, "--out", out, "--lang", "en")
    assert code == 2
    assert err == (
        f"xl-ar letters: {out} holds 1 letter(s) of an earlier run that this run would not "
        f"replace (e.g. '{first[1]}'); use an empty folder or move them away\n"
    )
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.name != "notes.txt"} == before


def test_e_an_input_among_the_targets_is_refused_before_any_letter_is_written(tmp_path, ledger):
    out = tmp_path / "letters"
    run("letters", ledger, "--as-of", AS_OF, "--out", out, "--lang", "en")
    names = sorted(p.name for p in out.iterdir())
    trap = out / names[1]  # the second letter's file is now the ledger read
    trap.write_text(LEDGER, encoding="utf-8")
    first = (out / names[0]).read_bytes()
    (out / names[0]).write_bytes(b"sentinel")
    code, _, err = run("letters", trap, "--as-of", AS_OF, "--out", out, "--lang", "en")
    assert code == 2 and "will not overwrite" in err and first != b"sentinel"
    assert (out / names[0]).read_bytes() == b"sentinel"  # nothing written before the refusal
    assert trap.read_text(encoding="utf-8") == LEDGER


# --------------------------------------------------------------------------- f. blanks

NO_INVOICE = (
    "Customer,Invoice Date,Due Date,Amount,Paid\n"
    "PT Maju,2024-01-05,2024-02-04,1500.50,0\n"
    "CV Baru,2024-05-20,2024-06-19,980.25,0\n"
)


def test_f_missing_values_print_as_blanks(tmp_path, ledger):
    no_invoice = tmp_path / "noinv.csv"
    no_invoice.write_text(NO_INVOICE, encoding="utf-8")
    code, out, _ = run("aging", no_invoice, "--as-of", AS_OF, "--by", "invoice")
    assert code == 0 and out.splitlines()[1:] == [
        " PT Maju           2024-01-05 2024-02-04     1,500.50  147    >90",
        " CV Baru           2024-05-20 2024-06-19       980.25   11   1-30",
    ]
    code, out, _ = run("aging", no_invoice, "--as-of", AS_OF, "--by", "invoice", "--format", "csv")
    assert code == 0 and out.splitlines()[1:] == [
        "PT Maju,,2024-01-05,2024-02-04,1500.5,147.0,>90",
        "CV Baru,,2024-05-20,2024-06-19,980.25,11.0,1-30",
    ]
    code, out, _ = run("worklist", ledger, "--as-of", AS_OF, "--format", "csv")
    assert code == 0 and out.splitlines()[1].endswith(",2024-07-03,,,66.3")
    code, out, _ = run("worklist", ledger, "--as-of", AS_OF)
    assert code == 0 and "NaT" not in out and "NaN" not in out
    assert out.splitlines()[1].split()[-2:] == ["2024-07-03", "66.30"]
    payments = tmp_path / "payments.csv"
    payments.write_text(
        "Payment,Date,Amount,Customer\nP1,2024-06-01,980.25,CV Baru\nP2,2024-06-02,77,Nobody\n",
        encoding="utf-8",
    )
    code, out, _ = run("reconcile", ledger, payments)
    lines = out.splitlines()
    # applied, withheld, fee, difference (withholding type blank), remaining
    assert code == 0 and lines[2].split() == ["P2", "2024-06-02", "77.00", "Nobody", "0.00",
                                              "0.00", "0.00", "0.00", "77.00", "unmatched",
                                              "customer_column", "1.00"]  # fmt: skip
    for text in ("NaN", "NaT", "None", "nan", "<NA>"):
        assert text not in out


# --------------------------------------------------------------------------- g. messages


def test_g_dev_null_and_dev_full_are_named_properly(tmp_path):
    code, _, err = run("check", "/dev/null")
    assert (code, err) == (2, f"xl-ar check: /dev/null {NOT_REGULAR}\n")
    code, _, err = run("workbooks", "build", "-o", "/dev/full")
    assert (code, err) == (
        2,
        "xl-ar workbooks: cannot write to /dev/full: it is not a folder (a device or a pipe)\n",
    )


@pytest.fixture
def two_ledger_sheets(tmp_path: Path) -> Path:
    import pandas as pd

    book = tmp_path / "book.xlsx"
    with pd.ExcelWriter(book) as writer:
        pd.DataFrame(
            {"Customer": ["Total"], "Invoice Date": ["2024-01-01"], "Due Date": ["2024-01-31"],
             "Amount": [5.0]}
        ).to_excel(writer, sheet_name="Summary", index=False)  # fmt: skip
        pd.read_csv(io.StringIO(LEDGER)).to_excel(writer, sheet_name="Data", index=False)
        pd.DataFrame({"x": [1]}).to_excel(writer, sheet_name="Notes", index=False)
    return book


def test_g_several_ledger_like_sheets_are_named_in_a_note(two_ledger_sheets):
    note = "book.xlsx: read sheet 'Summary' (also ledger-like: 'Data'; choose with --sheet)"
    code, out, err = run("check", two_ledger_sheets)
    assert (code, out, err) == (0, f"{note}\nbook.xlsx: 1 rows, no problems found\n", "")
    code, out, err = run("aging", two_ledger_sheets, "--as-of", AS_OF, "--by", "total")
    assert (code, err) == (0, f"xl-ar aging: note: {note}\n")
    assert out.splitlines()[-1].split()[-1] == "5.00"
    code, out, err = run("aging", two_ledger_sheets, "--as-of", AS_OF, "--by", "total",
                         "--sheet", "Data")  # fmt: skip
    assert (code, err) == (0, "") and out.splitlines()[-1].split()[-1] == "2,480.75"


def test_g_one_ledger_sheet_gives_no_note(tmp_path):
    import pandas as pd

    book = tmp_path / "one.xlsx"
    with pd.ExcelWriter(book) as writer:
        pd.DataFrame({"x": [1]}).to_excel(writer, sheet_name="Cover", index=False)
        pd.read_csv(io.StringIO(LEDGER)).to_excel(writer, sheet_name="Data", index=False)
    assert run("aging", book, "--as-of", AS_OF)[2] == ""


def test_g_a_failure_after_a_note_is_still_one_failure_line(tmp_path):
    path = tmp_path / "cp.csv"
    path.write_bytes(b"Customer,Invoice Date,Due Date,Amount\nCaf\xe9,2024-01-01,xx,5\n")
    code, _, err = run("aging", path, "--as-of", AS_OF)
    assert code == 2 and err.splitlines() == [
        "xl-ar aging: note: cp.csv: read as Windows-1252 (not UTF-8)",
        "xl-ar aging: row 2 'Due Date': 'xx' is not a date",
    ]
