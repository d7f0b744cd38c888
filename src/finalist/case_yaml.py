"""The YAML of a case file: plain values only, read and written without surprises.

Reading: dates stay text, only true/false are booleans, and what a case file never needs
(aliases, keys given twice, tags beyond the plain types) is refused with its line.
Writing: every value written out in full, text with line breaks as a block.
"""

from __future__ import annotations

import re
from typing import Any

import yaml


class Refused(yaml.MarkedYAMLError):
    """A YAML feature a case file does not use, refused where it is written."""


# the plain types of a case file: text, numbers, true/false, nothing, lists and mappings
_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "seq", "map")
)


class CaseLoader(yaml.SafeLoader):
    """YAML without surprises: dates stay text (we parse them ourselves, with good
    messages) and only true/false are booleans, so a name like "No" stays a name.

    And nothing a case file does not need: no aliases (``*name``: a few hundred bytes of
    them can expand into gigabytes, and a case file has nothing to repeat), no keys given
    twice (the second would silently win), no tags beyond the plain types (``!!binary``,
    ``!!set``). Each is refused with its line."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise Refused(
                None,
                None,
                f"an alias (*{event.anchor}) repeats another part of the file; "
                "write the text out in full",
                event.start_mark,
            )
        node = super().compose_node(parent, index)  # type: ignore[arg-type]
        if node is not None and node.tag not in _PLAIN_TAGS:
            raise Refused(
                None,
                None,
                f"the tag {node.tag.rsplit(':', 1)[-1]!r} is not a plain value; "
                "case files hold only text, numbers, true/false, lists and mappings",
                node.start_mark,
            )
        return node

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, (list, dict)):
                continue  # the base class refuses an unhashable key with its own message
            if key in seen:
                raise Refused(
                    None,
                    None,
                    f"the key {str(key)[:40]!r} is given twice (first on line {seen[key]}); "
                    "keep one",
                    key_node.start_mark,
                )
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


CaseLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
CaseLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


class CaseDumper(yaml.SafeDumper):
    """Writes every value out in full: a case file never holds aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str_presenter(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


CaseDumper.add_representer(str, _str_presenter)
