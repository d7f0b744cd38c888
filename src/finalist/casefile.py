"""Reading and writing case files (YAML), with errors that name the file, line and field.

A case file is validated whole before anything is stored: a bad file changes nothing.
"""

from __future__ import annotations

import difflib
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from finalist.case_yaml import CaseDumper as _Dumper
from finalist.case_yaml import CaseLoader as _Loader
from finalist.case_yaml import Refused as _Refused
from finalist.errors import FinalistError
from finalist.model import FORMAT_SYNONYMS, Case, CaseProblem, Format, Stage

MAX_CASE_FILE_BYTES = 1_000_000  # documented in docs/case-file.md

Path_ = tuple[str | int, ...]


def read_stdin(limit: int = MAX_CASE_FILE_BYTES, what: str = "case files") -> str:
    """Standard input as text, up to ``limit`` bytes: an error when it is closed or larger."""
    stream = sys.stdin
    if stream is None or stream.closed:
        raise FinalistError(
            "standard input is closed; pipe a case file in (finalist import - < case.yaml) "
            "or give its path"
        )
    try:
        data = stream.buffer.read(limit + 1) if hasattr(stream, "buffer") else None
    except (OSError, ValueError) as exc:
        raise FinalistError(f"standard input cannot be read ({exc}); give a file path") from None
    if data is None:  # a text-only stream, as in tests
        text = stream.read(limit + 1)
        data = text.encode("utf-8")
    if len(data) > limit:
        raise FinalistError(
            f"standard input is larger than {limit // 1_000_000} MB; {what} are limited to "
            f"{limit // 1_000_000} MB (paste only the relevant part of long texts)"
        )
    return _decode(data, "<stdin>")


def read_text(path: Path, limit: int = MAX_CASE_FILE_BYTES, what: str = "case files") -> str:
    """The text of a file, refusing what is not a reasonably sized UTF-8 text file: a
    folder, a device, a pipe or a socket is refused before anything is read, and no more
    than ``limit`` bytes are ever read."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise FinalistError(f"{path}: no such file; check the path") from None
    except OSError as exc:
        raise FinalistError(f"{path}: cannot read it ({exc.strerror})") from None
    size = info.st_size
    if stat.S_ISDIR(info.st_mode):
        raise FinalistError(f"{path} is a folder; give the path of a case file (.yaml)")
    if not stat.S_ISREG(info.st_mode):
        raise FinalistError(
            f"{path} is not a regular file (a device, pipe or socket); save the text to a "
            "file first, or pipe it in with -"
        )
    if size > limit:
        raise FinalistError(
            f"{path} is {size / 1_000_000:.1f} MB; {what} are limited to "
            f"{limit // 1_000_000} MB (paste only the relevant part of long texts)"
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)  # a file that grew since stat stops here
    except OSError as exc:
        raise FinalistError(f"{path}: cannot read it ({exc.strerror})") from None
    if len(data) > limit:
        raise FinalistError(
            f"{path} is larger than {limit // 1_000_000} MB; {what} are limited to "
            f"{limit // 1_000_000} MB (paste only the relevant part of long texts)"
        )
    return _decode(data, str(path))


def _decode(data: bytes, source: str) -> str:
    if b"\x00" in data:
        raise FinalistError(f"{source} is a binary file; give a text file (UTF-8)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FinalistError(
            f"{source}:{line} is not UTF-8 text (byte 0x{data[exc.start]:02x}); "
            "save the file as UTF-8 and try again"
        ) from None


def load_case_file(path: Path | str) -> Case:
    """Read and validate a case file; raise FinalistError naming file, line and field."""
    path = Path(path)
    return parse_case(read_text(path), str(path))


def parse_case(text: str, source: str = "<case>") -> Case:
    """Validate case-file text. ``source`` names it in error messages."""
    if len(text.encode("utf-8")) > MAX_CASE_FILE_BYTES:
        raise FinalistError(
            f"{source} is larger than {MAX_CASE_FILE_BYTES // 1_000_000} MB; "
            "paste only the relevant part of long texts"
        )
    data, lines = _parse_yaml(text, source)
    if data is None:
        raise FinalistError(
            f"{source} is empty; start from an example: finalist export or examples/*.yaml"
        )
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"just {type(data).__name__} text"
        raise FinalistError(
            f"{source}:1 the case file is {kind}; it must be a mapping with candidate:, "
            "opportunity:, stories: and rounds:"
        )
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        raise FinalistError(_describe(exc, source, lines)) from None


def _parse_yaml(text: str, source: str) -> tuple[Any, dict[Path_, int]]:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        lines: dict[Path_, int] = {}
        _index_lines(node, (), lines)
        return loader.construct_document(node), lines
    except _Refused as exc:
        mark = exc.problem_mark
        where = f"{source}:{mark.line + 1}" if mark else source
        raise FinalistError(f"{where}: {exc.problem}") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{source}:{mark.line + 1}" if mark else source
        problem = (exc.problem or exc.context or "cannot be read").strip()
        raise FinalistError(
            f"{where} is not valid YAML ({problem}); check the indentation and quote text "
            "that contains a colon"
        ) from None
    except yaml.YAMLError as exc:
        raise FinalistError(f"{source} is not valid YAML ({exc}); check the file") from None
    except RecursionError:
        raise FinalistError(
            f"{source} is not valid YAML for a case file (it refers to itself or is nested "
            "too deeply); check anchors (&) and aliases (*)"
        ) from None
    finally:
        loader.dispose()


def _index_lines(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> None:
    """Map each path in the document to the 1-based line where its value starts."""
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                _index_lines(value, (*path, key.value), lines)
                # point at the key's line: that is where the reader looks for the field
                lines[(*path, key.value)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index_lines(item, (*path, i), lines)


# --- error messages ---------------------------------------------------------------------


def format_path(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "(top)"


def _line_for(path: Path_, lines: dict[Path_, int]) -> int | None:
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


def problems(
    exc: ValidationError, lines: dict[Path_, int] | None = None
) -> list[tuple[Path_, str]]:
    """Each problem as (path, message), in the order they appear in the file."""
    found = list(_problems(exc))
    return sorted(found, key=lambda p: (_line_for(p[0], lines or {}) or 0, format_path(p[0])))


def _describe(exc: ValidationError, source: str, lines: dict[Path_, int]) -> str:
    found = problems(exc, lines)
    path, message = found[0]
    line = _line_for(path, lines)
    where = f"{source}:{line}" if line else source
    more = len(found) - 1
    tail = f" (and {more} more problem{'s' if more > 1 else ''} after this one)" if more else ""
    return f"{where} {format_path(path)}: {message}{tail}"


def _problems(exc: ValidationError) -> Iterator[tuple[Path_, str]]:
    for err in exc.errors(include_url=False):
        loc: Path_ = tuple(part for part in err["loc"] if not _is_union_branch(part))
        ctx = err.get("ctx") or {}
        cause = ctx.get("error")
        if isinstance(cause, CaseProblem):
            yield (*loc, *cause.path), cause.message
        else:
            yield loc, _message(err, loc)


def _is_union_branch(part: Any) -> bool:
    # pydantic names the validator or union branch it tried ("function-after[...]")
    return isinstance(part, str) and "[" in part


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"


def _message(err: Any, loc: Path_) -> str:
    kind: str = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    field = next((p for p in reversed(loc) if isinstance(p, str)), "")
    if kind == "missing":
        return "is missing; this field is required"
    if kind == "extra_forbidden":
        return _unknown_field(loc, field)
    if kind == "enum":
        return _enum_message(field, value)
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    if kind in {"string_too_long", "too_long"}:
        size = len(value) if hasattr(value, "__len__") else 0
        unit = "characters" if isinstance(value, str) else "items"
        limit = ctx.get("max_length")
        return f"has {size:,} {unit}; the limit is {limit:,} (shorten it)"
    if kind in {"string_too_short", "too_short"} and isinstance(value, str):
        return "is empty; write something or remove the line"
    if kind == "string_type":
        return f"expected text, got {_shown(value)}"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"expected a whole number, got {_shown(value)}"
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        bound = ctx.get("ge", ctx.get("gt", ctx.get("le", ctx.get("lt"))))
        word = "at least" if kind.startswith("greater") else "at most"
        return f"{_shown(value)} is out of range; it must be {word} {bound}"
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return f"expected a mapping (indented 'key: value' lines), got {_shown(value)}"
    if kind == "list_type":
        return f"expected a list (lines starting with '- '), got {_shown(value)}"
    return f"{err['msg']} (got {_shown(value)})"


def _enum_message(field: str, value: Any) -> str:
    choices: list[str] = [f.value for f in (Format if field == "format" else Stage)]
    text = str(value)
    hint = ""
    if field == "format":
        synonym = FORMAT_SYNONYMS.get(text.strip().lower())
        if synonym:
            hint = f" ({text} is {synonym.value})"
    if not hint:
        close = difflib.get_close_matches(text.lower(), choices, n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]}?)" if close else ""
    return f"{_shown(value)} is not a {field}; use one of {', '.join(choices)}{hint}"


def _unknown_field(loc: Path_, field: str) -> str:
    model = _model_at(loc[:-1])
    known = list(model.model_fields) if model else []
    close = difflib.get_close_matches(field, known, n=1, cutoff=0.6)
    hint = f"did you mean {close[0]!r}?" if close else f"the fields here are {', '.join(known)}"
    return f"{field!r} is not a field here; {hint}"


def _model_at(path: Path_) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``path``."""
    import types
    import typing

    model: type[BaseModel] = Case
    for part in path:
        if isinstance(part, int):
            continue
        info = model.model_fields.get(part)
        if info is None:
            return None
        found: type[BaseModel] | None = None
        stack: list[Any] = [info.annotation]
        while stack:
            tp = stack.pop()
            if isinstance(tp, type) and issubclass(tp, BaseModel):
                found = tp
                break
            if typing.get_origin(tp) in (typing.Union, types.UnionType, list, typing.Annotated):
                stack.extend(typing.get_args(tp))
        if found is None:
            return None
        model = found
    return model


# --- writing ----------------------------------------------------------------------------


def within_limit(case: Case, source: str = "the case") -> Case:
    """The case, when its case file would stay within the limit every import enforces:
    what is stored through a form or the API can always be exported and imported again."""
    size = len(dump_case(case).encode("utf-8"))
    if size > MAX_CASE_FILE_BYTES:
        raise FinalistError(
            f"{source} would be {size / 1_000_000:.1f} MB as a case file; case files are "
            f"limited to {MAX_CASE_FILE_BYTES // 1_000_000} MB (shorten the longest texts)"
        )
    return case


def dump_case(case: Case) -> str:
    """The case as a case file: only the fields that are set, in the schema's order."""
    data = _plain(case.model_dump(mode="python", exclude_none=True))
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1_000_000,  # one line per value: folded lines are hard to edit
    )


def _plain(value: Any) -> Any:
    """Enums to their text (so the YAML has no Python tags); empty lists and blocks dropped."""
    if isinstance(value, dict):
        items = ((k, _plain(v)) for k, v in value.items())
        return {k: v for k, v in items if v != [] and v != {}}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, Format | Stage):
        return value.value
    return value
