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

ROOT = Path(__file__).resolve().parents[1]
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
    "import xl_ar.report.policy_sheet as ps\n"
    "original = ps.add_policy_sheet\n"
    "def slow(book, policy=None):\n"
    "    original(book, policy)\n"
    "    print('writing', flush=True)\n"
    "    time.sleep(60)\n"
    "ps.add_policy_sheet = slow\n"
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
