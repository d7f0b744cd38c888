"""A job title's words as finalist reads them ('Sr. VP, Eng & Ops' as 'senior vp
engineering and operations') and back again, so a reason quotes the title as written."""

from __future__ import annotations

import re
import unicodedata

_ABBREVIATIONS = {
    "sr": "senior",
    "snr": "senior",
    "jr": "junior",
    "jnr": "junior",
    "mgr": "manager",
    "mngr": "manager",
    "dir": "director",
    "asst": "assistant",
    "assoc": "associate",
    "exec": "executive",
    "eng": "engineering",
    "engg": "engineering",
    "ops": "operations",
    "mktg": "marketing",
    "hr": "hr",
    "&": "and",
    "+": "and",
}


def normalise_title(title: str) -> str:
    """'Sr. VP, Eng & Ops' -> 'senior vp engineering and operations'."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    text = text.replace("&", " and ").replace("+", " and ").replace("/", " ")
    tokens = re.findall(r"[a-z0-9]+", text)
    return " ".join(_ABBREVIATIONS.get(t, t) for t in tokens)


def _spans(title: str) -> list[tuple[str, int, int]]:
    """Each word of a title as ``normalise_title`` reads it, and where it stands."""
    out: list[tuple[str, int, int]] = []
    for match in re.finditer(r"[^\W_]+|[&+]", title):
        raw = match.group(0)
        if raw in ("&", "+"):
            out.append(("and", match.start(), match.end()))
            continue
        plain = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode().lower()
        for token in re.findall(r"[a-z0-9]+", plain):
            out.append((_ABBREVIATIONS.get(token, token), match.start(), match.end()))
    return out


def as_written(title: str, words: tuple[str, ...] | list[str]) -> str:
    """The part of the title that reads as ``words``, as the title writes it: 'Sr. VP,
    Eng' for ('senior', 'vp', 'engineering'), 'Non-Executive Director' for its words."""
    spans = _spans(title)
    tokens = [t for t, _s, _e in spans]
    n = len(words)
    for i in range(len(tokens) - n + 1):
        if n and tokens[i : i + n] == list(words):
            return title[spans[i][1] : spans[i + n - 1][2]]
    return " ".join(words)
