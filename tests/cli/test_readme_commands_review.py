"""Review 16 #9: the README's reference sections list every command and worksheet function."""

from __future__ import annotations

import re
from pathlib import Path

from xl_ar.cli import build_parser
from xl_ar.udfs.registry import udf_functions

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = README.index(f"\n## {title}")
    end = README.index("\n## ", start + 1)
    return README[start:end]


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(sub.choices)


def test_the_command_line_section_lists_every_command():
    text = _section("Command line")
    missing = [c for c in _commands() if not re.search(rf"^xl-ar {c}\b", text, re.M)]
    assert missing == []


def test_the_command_line_section_lists_the_new_options():
    text = _section("Command line")
    for option in ("--by COLUMN", "--customers F", "--activity F", "--disputes F",
                   "--compare-to D", "master:COLUMN", "--conf F"):  # fmt: skip
        assert option in text, option
    assert "--by customer|total|invoice]" not in text  # the old, closed list
    assert "Key,Value\nCompany," in text  # an example settings file


def test_the_function_table_lists_the_new_functions():
    text = _section("Worksheet functions")
    for name in ("AR_STATEMENT", "AR_DISCOUNT_COST"):
        assert name in udf_functions()
        assert f"| `{name}(" in text, name
