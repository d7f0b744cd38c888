"""Docs that CI checks: the CLI reference, settings, case-file fields and README commands."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import types
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from finalist import model
from finalist.casefile import MAX_CASE_FILE_BYTES, parse_case
from finalist.settings import SETTINGS

from .conftest import ROOT, Cli

DOCS = ROOT / "docs"


def test_cli_reference_is_current() -> None:
    generated = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "cli_reference.py")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    current = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert generated == current, "docs/cli.md is out of date: run make docs"


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.env)
def test_every_setting_is_documented(setting: object) -> None:
    assert f"`{setting.env}`" in (DOCS / "user-guide.md").read_text(encoding="utf-8")  # type: ignore[attr-defined]


def _field_paths(cls: type[BaseModel], prefix: str = "") -> list[str]:
    paths = []
    for name, info in cls.model_fields.items():
        path = f"{prefix}{name}"
        paths.append(path)
        stack: list[object] = [info.annotation]
        while stack:
            tp = stack.pop()
            if isinstance(tp, type) and issubclass(tp, BaseModel):
                is_list = typing.get_origin(info.annotation) is list or "list[" in str(
                    info.annotation
                )
                paths += _field_paths(tp, f"{path}[]." if is_list else f"{path}.")
                break
            if typing.get_origin(tp) in (typing.Union, types.UnionType, list, typing.Annotated):
                stack.extend(typing.get_args(tp))
    return paths


CASE_FILE_DOC = (DOCS / "case-file.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", _field_paths(model.Case))
def test_every_case_file_field_is_documented(path: str) -> None:
    assert f"| `{path}` |" in CASE_FILE_DOC, f"docs/case-file.md does not describe {path}"


def test_documented_fields_exist() -> None:
    documented = re.findall(r"^\| `([^`]+)` \|", CASE_FILE_DOC, flags=re.MULTILINE)
    assert sorted(documented) == sorted(_field_paths(model.Case))


def test_documented_limits_are_the_real_ones() -> None:
    for text in (
        f"at most **{MAX_CASE_FILE_BYTES // 1_000_000} MB**",
        f"at most **{model.MAX_NAME}**",
        f"at most **{model.MAX_LINE}**",
        f"at most **{model.MAX_TEXT:,}**",
        f"at most **{model.MAX_LONG_TEXT:,}**",
        f"at most **{model.MAX_ITEMS}** items",
        f"at most **{model.MAX_ROUNDS}** rounds and **{model.MAX_STORIES}** stories",
    ):
        assert text in CASE_FILE_DOC


def test_annotated_example_is_a_valid_case() -> None:
    block = CASE_FILE_DOC.split("```yaml\n", 1)[1].split("```", 1)[0]
    case = parse_case(block, "docs/case-file.md")
    assert case.case_id() == "lumen-analyst"
    assert case.rounds[0].debrief is not None


def _readme_block(heading: str) -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(f"## {heading}", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line.split("#", 1)[0].strip() for line in block.splitlines() if line.strip()]


def test_readme_starts_with_the_two_commands() -> None:
    assert _readme_block("Two commands") == ["make demo", "make test"]


def test_readme_tour_runs(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(ROOT)
    commands = [c for c in _readme_block("A short tour") if c.startswith("finalist ")]
    assert len(commands) >= 6
    for command in commands:
        words = shlex.split(command)[1:]
        if "-o" in words:
            words[words.index("-o") + 1] = str(tmp_path / words[words.index("-o") + 1])
        result = cli(*words)
        assert result.code == 0, f"{command}: {result.err}"
    assert (tmp_path / "finalist-backup.db").is_file()


KNOWLEDGE_DOC = (DOCS / "knowledge.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("kind", "field"),
    [
        (kind, field)
        for kind, cls in __import__("finalist.knowledge", fromlist=["KINDS"]).KINDS.items()
        for field in cls.model_fields
    ],
)
def test_every_knowledge_field_is_documented(kind: str, field: str) -> None:
    folders = ("questions", "phrasing")
    heading = f"(`{kind}/*.yaml`)" if kind in folders else f"(`{kind}.yaml`)"
    section = KNOWLEDGE_DOC.split(heading, 1)[1].split("\n## ", 1)[0]
    assert f"| `{field}` |" in section, f"docs/knowledge.md does not describe {kind}.{field}"


def test_documented_vocabularies_are_the_real_ones() -> None:
    from finalist.knowledge.schema import Archetype, Level, Theme

    for value in [*Archetype, *Level, *Theme]:
        assert f"`{value.value}`" in KNOWLEDGE_DOC
