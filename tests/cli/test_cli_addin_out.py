"""``xl-ar addin build`` takes ``-o/--out`` like every other writer; the positional form stays."""

from __future__ import annotations

import pytest

from xl_ar.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The add-in written with the positional form."""
    out = tmp_path_factory.mktemp("positional") / "xl_ar.xlam"
    assert main(["addin", "build", str(out)]) == 0
    return out.read_bytes()


@pytest.mark.parametrize("flag", ["-o", "--out"])
def test_out_option_writes_the_same_addin(capsys, tmp_path, built, flag):
    out = tmp_path / "mine.xlam"
    code, printed, err = run(capsys, "addin", "build", flag, str(out))
    assert (code, printed, err) == (0, f"wrote {out}\n", "")
    assert out.read_bytes() == built


def test_out_option_with_a_folder_writes_xl_ar_xlam_into_it(capsys, tmp_path, built):
    code, printed, _ = run(capsys, "addin", "build", "-o", str(tmp_path))
    assert (code, printed) == (0, f"wrote {tmp_path / 'xl_ar.xlam'}\n")
    assert (tmp_path / "xl_ar.xlam").read_bytes() == built


def test_without_a_path_it_writes_xl_ar_xlam_here(capsys, tmp_path, monkeypatch, built):
    monkeypatch.chdir(tmp_path)
    code, printed, _ = run(capsys, "addin", "build")
    assert (code, printed) == (0, "wrote xl_ar.xlam\n")
    assert (tmp_path / "xl_ar.xlam").read_bytes() == built


def test_the_same_file_twice_is_accepted_two_files_are_refused(capsys, tmp_path):
    out = tmp_path / "a.xlam"
    code, printed, _ = run(capsys, "addin", "build", str(out), "-o", str(out))
    assert (code, printed) == (0, f"wrote {out}\n")
    other = tmp_path / "b.xlam"
    code, printed, err = run(capsys, "addin", "build", str(other), "-o", str(tmp_path / "c.xlam"))
    assert (code, printed) == (2, "")
    assert err == "xl-ar addin: give the add-in file once: OUT.xlam or -o OUT.xlam\n"
    assert not other.exists() and not (tmp_path / "c.xlam").exists()


def test_help_describes_both_forms(capsys):
    code, printed, _ = run(capsys, "addin", "build", "--help")
    assert code == 0
    assert "-o OUT.xlam, --out OUT.xlam" in printed
    assert "a folder for xl_ar.xlam (default: ./xl_ar.xlam)" in " ".join(printed.split())
