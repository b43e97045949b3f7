"""The README cannot drift from the CLI: its command table against the real ``--help`` of every
command, its rules listing against the real ``rolegraph rules``, and ARCHITECTURE.md against the tree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from rolegraph.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
ARCHITECTURE = ROOT / "ARCHITECTURE.md"
OPTION_LINE = re.compile(r"^  (?:(-\w), )?(--[\w-]+)(?: \[([^\]]+)\])?", re.M)


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), prog_name="rolegraph")
    assert result.exit_code == 0, result.output
    return result.output


def help_commands() -> list[str]:
    """The command names listed by the real ``rolegraph --help``."""
    text = run("--help").split("\nCommands:\n", 1)[1]
    return [m.group(1) for m in re.finditer(r"^  ([a-z][\w-]*)\s", text, flags=re.M)]


def help_options(*command: str) -> list[tuple[set[str], list[str] | None]]:
    """(flags, choices or None) of every option in the real ``--help`` of a command, except --help."""
    text = run(*command, "--help").split("\nOptions:\n", 1)[1]
    out = []
    for short, long, choices in OPTION_LINE.findall(text):
        if long == "--help":
            continue
        flags = {long} | ({short} if short else set())
        out.append((flags, choices.split("|") if choices and "|" in choices else None))
    return out


def readme_rows() -> dict[str, str]:
    """Command name -> the usage cell of its row in the README's command table."""
    section = README.split("\n## Commands\n", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for m in re.finditer(r"^\| `rolegraph ([a-z][\w-]*)([^`]*)` \|", section, flags=re.M):
        rows[m.group(1)] = m.group(2).replace("\\|", "|")
    return rows


def test_the_table_lists_exactly_the_commands_of_the_cli():
    commands = help_commands()
    assert len(commands) >= 7 and "lint" in commands  # the help was read
    assert sorted(readme_rows()) == sorted(commands)


@pytest.mark.parametrize("command", help_commands())
def test_every_option_of_a_command_is_in_its_row(command):
    row = readme_rows()[command]
    tokens = set(re.findall(r"-{1,2}[\w-]+", row))
    options = help_options(command)
    assert options  # the help was read
    for flags, choices in options:
        assert flags & tokens, f"README: the `rolegraph {command}` row lacks {' / '.join(sorted(flags))}"
        if choices is None:
            continue
        for flag in flags & tokens:  # where the row spells the choices out, they are the real ones
            written = re.search(re.escape(flag) + r" ([\w|-]+)", row)
            if written and "|" in written.group(1):
                assert written.group(1).split("|") == choices, f"README: `rolegraph {command} {flag}` choices"


def test_the_options_of_rolegraph_itself_are_documented():
    commands_section = README.split("\n## Commands\n", 1)[1].split("\n## ", 1)[0]
    for flags, _ in help_options():
        assert any(f"`rolegraph {f}`" in commands_section or f"`{f}`" in commands_section for f in flags), flags


def test_the_rules_listing_is_the_real_output():
    block = re.search(r"```console\n\$ rolegraph rules\n(.*?)```", README, flags=re.S)
    assert block, "the README should show `rolegraph rules` in a console block"
    assert block.group(1) == run("rules")


def test_readme_links_the_architecture_page():
    assert "(ARCHITECTURE.md)" in README and ARCHITECTURE.is_file()


def test_the_architecture_page_names_only_paths_that_exist():
    text = ARCHITECTURE.read_text(encoding="utf-8")
    paths = set(re.findall(r"`((?:src|tests|docs|bench)/[\w./-]+)`", text))
    assert len(paths) >= 10  # the page does point into the tree
    missing = sorted(p for p in paths if "NNN" not in p and not (ROOT / p.rstrip("/")).exists())  # NNN: a template
    assert not missing, f"ARCHITECTURE.md names paths that do not exist: {missing}"
