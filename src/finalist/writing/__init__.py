"""The writing layer: how finalist says what the coach decided to say.

Every sentence written for a person comes from phrasing kept as content
(``knowledge/data/phrasing``), rendered by ``Writer`` with the grammar in ``grammar`` and
the phrase kinds in ``phrases``.
"""

from finalist.writing.engine import Writer, spelling_of
from finalist.writing.grammar import (
    article,
    capitalise,
    count_words,
    gerund,
    join,
    organisation,
    possessive,
    sentence,
    short_role,
    shorten,
    unsentence,
    with_article,
)
from finalist.writing.phrases import (
    Kind,
    for_reader,
    kind_of,
    mentions,
    noun_phrase,
    to_second_person,
)

__all__ = [
    "Kind",
    "Writer",
    "article",
    "capitalise",
    "count_words",
    "for_reader",
    "gerund",
    "join",
    "kind_of",
    "mentions",
    "noun_phrase",
    "organisation",
    "possessive",
    "sentence",
    "short_role",
    "shorten",
    "spelling_of",
    "to_second_person",
    "unsentence",
    "with_article",
]
