"""The curated knowledge finalist draws on, loaded once from validated data files.

The files ship inside the package (``finalist/knowledge/data``). A user may add their
own files of the same shape with ``FINALIST_KNOWLEDGE`` (a folder); their entries are
checked the same way and add to (or, with the same id, replace) the shipped ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from finalist.errors import FinalistError
from finalist.knowledge.schema import (
    Archetype,
    ArchetypeGuide,
    Ask,
    ChecklistItem,
    Department,
    Lexicon,
    Phrasing,
    Playbook,
    Question,
    Script,
    TitleRule,
)
from finalist.knowledge.sector_schema import SeatGuide, SectorGuide
from finalist.model import Sector

KINDS: dict[str, type[BaseModel]] = {
    "titles": TitleRule,
    "departments": Department,
    "archetypes": ArchetypeGuide,
    "questions": Question,
    "asks": Ask,
    "playbooks": Playbook,
    "checklist": ChecklistItem,
    "scripts": Script,
    "lexicons": Lexicon,
    "phrasing": Phrasing,
    "sectors": SectorGuide,
    "seats": SeatGuide,
}


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: it is loaded once
class Knowledge:
    titles: tuple[TitleRule, ...]
    departments: dict[str, Department]
    archetypes: dict[Archetype, ArchetypeGuide]
    questions: tuple[Question, ...]
    asks: tuple[Ask, ...] = ()
    playbooks: tuple[Playbook, ...] = ()
    checklist: tuple[ChecklistItem, ...] = ()
    scripts: dict[str, Script] = field(default_factory=dict)
    lexicons: dict[str, Lexicon] = field(default_factory=dict)
    phrasing: dict[str, Phrasing] = field(default_factory=dict)
    sectors: dict[str, SectorGuide] = field(default_factory=dict)
    seats: dict[str, SeatGuide] = field(default_factory=dict)  # people who are not staff
    sources: dict[str, str] = field(default_factory=dict)  # entry key -> file it came from
    # a hash of every source file and of the code that reads them ("" when not loaded from
    # files): what a brief kept from an earlier run was built with
    fingerprint: str = ""


@dataclass(frozen=True)
class Source:
    name: str
    text: str


def shipped_sources() -> list[Source]:
    root = resources.files("finalist.knowledge").joinpath("data")
    found: list[Source] = []

    def walk(folder: Any, prefix: str) -> None:
        for item in sorted(folder.iterdir(), key=lambda i: i.name):
            if item.is_dir():
                walk(item, f"{prefix}{item.name}/")
            elif item.name.endswith(".yaml"):
                found.append(Source(f"knowledge/{prefix}{item.name}", item.read_text("utf-8")))

    walk(root, "")
    return found


def folder_sources(folder: Path) -> list[Source]:
    if not folder.is_dir():
        raise FinalistError(f"FINALIST_KNOWLEDGE: {folder} is not a folder of .yaml files")
    return [
        Source(str(path), path.read_text(encoding="utf-8"))
        for path in sorted(folder.rglob("*.yaml"))
    ]


# libyaml parses the knowledge about seven times faster than pure Python, when installed
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _entries(source: Source) -> Iterator[tuple[str, int, dict[str, Any]]]:
    try:
        data = yaml.load(source.text, Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{source.name}:{mark.line + 1}" if mark else source.name
        raise FinalistError(f"{where} is not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, dict) or len(data) != 1 or next(iter(data)) not in KINDS:
        raise FinalistError(
            f"{source.name}: a knowledge file holds one list under one of {', '.join(KINDS)}:"
        )
    kind, items = next(iter(data.items()))
    if not isinstance(items, list):
        raise FinalistError(f"{source.name}: {kind}: must be a list of entries")
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise FinalistError(f"{source.name}: {kind}[{index}] must be a mapping")
        yield kind, index, item


def parse(sources: Iterable[Source], *, check_references: bool = True) -> Knowledge:
    """Validate every entry and the references between them; the first problem is raised
    naming its file and the entry's id."""
    by_kind: dict[str, dict[str, BaseModel]] = {kind: {} for kind in KINDS}
    origin: dict[str, str] = {}
    for source in sources:
        for kind, index, item in _entries(source):
            entry_id = str(item.get("id", f"#{index}"))
            try:
                entry = KINDS[kind].model_validate(item)
            except ValidationError as exc:
                err = exc.errors(include_url=False)[0]
                where = ".".join(str(p) for p in err["loc"]) or "(entry)"
                raise FinalistError(
                    f"{source.name}: {kind} entry {entry_id!r}: {where}: {err['msg']}"
                ) from None
            key = f"{kind}:{entry_id}"
            if entry_id in by_kind[kind] and origin[key] == source.name:
                raise FinalistError(f"{source.name}: {kind} entry {entry_id!r} appears twice")
            by_kind[kind][entry_id] = entry
            origin[key] = source.name
    knowledge = _assemble(
        {kind: list(entries.values()) for kind, entries in by_kind.items()}, origin
    )
    if check_references:
        _check_references(knowledge)
    # a file checked alone is still checked for other sectors' words (it needs only them)
    _check_sectors(knowledge, _failing(knowledge))
    return knowledge


def _assemble(kinds: dict[str, list[Any]], sources: dict[str, str]) -> Knowledge:
    """A Knowledge from validated entries, each kind in its own shape."""
    return Knowledge(
        titles=tuple(kinds["titles"]),
        departments={d.id: d for d in kinds["departments"]},
        archetypes={Archetype(a.id): a for a in kinds["archetypes"]},
        questions=tuple(kinds["questions"]),
        asks=tuple(kinds["asks"]),
        playbooks=tuple(kinds["playbooks"]),
        checklist=tuple(kinds["checklist"]),
        scripts={s.id: s for s in kinds["scripts"]},
        lexicons={x.id: x for x in kinds["lexicons"]},
        phrasing={p.id: p for p in kinds["phrasing"]},
        sectors={x.id.value: x for x in kinds["sectors"]},
        seats={x.id.value: x for x in kinds["seats"]},
        sources=sources,
    )


def _failing(k: Knowledge) -> Callable[[str, str, str], None]:
    """What reports a problem with an entry: its file, its kind and its id, in one line."""

    def fail(kind: str, entry_id: str, message: str) -> None:
        raise FinalistError(
            f"{k.sources[f'{kind}:{entry_id}']}: {kind} entry {entry_id!r}: {message}"
        )

    return fail


def _check_references(k: Knowledge) -> None:
    fail = _failing(k)

    patterns: dict[str, str] = {}
    for rule in k.titles:
        if rule.department and rule.department not in k.departments:
            fail("titles", rule.id, f"department {rule.department!r} is not a known department")
        for pattern in rule.patterns:
            if pattern in patterns and patterns[pattern] != rule.id:
                fail("titles", rule.id, f"pattern {pattern!r} is also in {patterns[pattern]!r}")
            patterns[pattern] = rule.id
    for q in k.questions:
        for dept in q.departments:
            if dept not in k.departments:
                fail("questions", q.id, f"department {dept!r} is not a known department")
    for ask in k.asks:
        for dept in ask.departments:
            if dept not in k.departments:
                fail("asks", ask.id, f"department {dept!r} is not a known department")
    missing = [a.value for a in Archetype if a not in k.archetypes]
    if missing and k.archetypes:
        raise FinalistError(f"knowledge: no guide for the archetypes {', '.join(missing)}")


def sector_words(k: Knowledge) -> dict[str, frozenset[str]]:
    """Each sector's own word ("pupils", "roadmap"), lower case, and the sectors it belongs to."""
    owners: dict[str, set[str]] = {}
    for sector_id, guide in k.sectors.items():
        for word in guide.words:
            owners.setdefault(word.lower(), set()).add(sector_id)
    return {word: frozenset(ids) for word, ids in owners.items()}


def words_of_sectors(owners: dict[str, frozenset[str]], text: str) -> list[str]:
    """The sector words ``text`` uses, as whole words, in the order they appear."""
    if not owners:
        return []
    alternatives = "|".join(re.escape(w) for w in sorted(owners, key=lambda w: (-len(w), w)))
    found = re.finditer(rf"(?<![\w-])(?:{alternatives})(?![\w-])", text, re.IGNORECASE)
    return list(dict.fromkeys(m.group(0).lower() for m in found))


_SLOTS = re.compile(r"\{[^{}]*\}")


def _check_sectors(k: Knowledge, fail: Callable[[str, str, str], None]) -> None:
    """A question, a question to ask, a playbook or a seat's question that uses one
    sector's own words names the sectors it fits, and only sectors those words belong to."""
    owners = sector_words(k)
    # (kind, entry id, which part, the sectors it names, its words)
    entries: list[tuple[str, str, str, list[Sector], str]] = [
        ("questions", q.id, "it", q.sectors, " ".join([q.text, q.why, q.strong_answer, *q.probes]))
        for q in k.questions
    ]
    entries += [("asks", a.id, "it", a.sectors, " ".join([a.text, a.why])) for a in k.asks]
    entries += [
        (
            "playbooks",
            pb.id,
            "it",
            pb.sectors,
            " ".join([pb.purpose, *pb.before, *pb.during, *pb.after, *pb.avoid]),
        )
        for pb in k.playbooks
    ]
    # a phrase's slots are not its words: "{competitors}" is filled from the case's notes
    entries += [
        ("phrasing", ph.id, "it", ph.sectors, _SLOTS.sub(" ", " ".join(ph.variants)))
        for ph in k.phrasing.values()
    ]
    entries += [
        (
            "seats",
            seat.id.value,
            f"its question {q.text[:50]!r}",
            q.sectors,
            " ".join([q.text, q.why, q.strong_answer, *q.probes]),
        )
        for seat in k.seats.values()
        for q in seat.questions
    ]
    for kind, entry_id, part, sectors, text in entries:
        named = {s.value for s in sectors}
        for word in words_of_sectors(owners, text):
            fits = ", ".join(sorted(owners[word]))
            if not named:
                fail(
                    kind,
                    entry_id,
                    f"{part} uses {word!r}, a word of {fits}: name the sectors it fits "
                    f"(sectors: [{fits}]) or reword it",
                )
            elif not named & owners[word]:
                fail(
                    kind,
                    entry_id,
                    f"{part} uses {word!r}, a word of {fits}, but names only "
                    f"{', '.join(sorted(named))}: reword it or name the sectors it fits",
                )


@cache
def load(extra_folder: str | None = None, cache_dir: str | None = None) -> Knowledge:
    """The knowledge, loaded and checked once per process.

    With ``cache_dir``, the validated knowledge is also kept there (a pickle), keyed by a
    hash of every source file and of the versions of finalist and pydantic, so the next
    process reads it in a few milliseconds instead of parsing and checking the YAML
    again. A missing, stale, unreadable or unsafe cache is simply rebuilt.
    """
    sources = shipped_sources()
    if extra_folder:
        sources += folder_sources(Path(extra_folder).expanduser())
    fingerprint = _fingerprint(sources)
    if cache_dir is None:
        return replace(parse(sources), fingerprint=fingerprint)
    path = Path(cache_dir) / f"knowledge-{fingerprint}.pickle"
    cached = _read_cache(path)
    if cached is not None and cached.fingerprint == fingerprint:
        return cached
    knowledge = replace(parse(sources), fingerprint=fingerprint)
    _write_cache(path, knowledge)
    return knowledge


def _fingerprint(sources: list[Source]) -> str:
    import hashlib

    import pydantic

    from finalist import __version__

    digest = hashlib.sha256(f"{__version__} {pydantic.VERSION}".encode())
    # the classes a pickle rebuilds: a changed schema (a working copy between releases)
    # must not read entries pickled from the old one
    from finalist import model
    from finalist.knowledge import schema, sector_schema

    for module in (schema, sector_schema, model):
        if module.__file__:
            digest.update(Path(module.__file__).read_bytes())
    for source in sources:
        digest.update(source.name.encode() + b"\0" + source.text.encode() + b"\0")
    return digest.hexdigest()[:20]


def _read_cache(path: Path) -> Knowledge | None:
    """The knowledge kept by an earlier process, or None. It is a pickle, so it is read
    only from a file and folder that this user owns and nobody else can write to (the
    data folder is 0700): anyone who could replace it could run code as this user."""
    import os
    import pickle
    import stat

    try:
        for where in (path.parent, path):
            info = where.lstat()
            mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
            if (
                not mine
                or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
                or stat.S_ISLNK(info.st_mode)
            ):
                return None
        with path.open("rb") as handle:
            loaded = pickle.load(handle)  # our own file, checked above
    except (
        OSError,
        pickle.UnpicklingError,
        EOFError,
        AttributeError,
        ImportError,
        TypeError,
        ValueError,
        KeyError,
        IndexError,
    ):  # a broken cache is rebuilt, whatever broke it
        return None
    return loaded if isinstance(loaded, Knowledge) else None


def _write_cache(path: Path, knowledge: Knowledge) -> None:
    import os
    import pickle
    import tempfile

    try:
        # the cache sits in the data folder: both for this user alone, like the database
        path.parent.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.parent.mkdir(mode=0o700, exist_ok=True)
        for old in path.parent.glob("knowledge-*"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".knowledge-", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(knowledge, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError):
        pass  # a cache is an optimisation: without one, the next start parses again
