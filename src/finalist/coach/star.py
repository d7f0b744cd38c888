"""Labelling an answer's sentences S, T, A, R or O (situation, task, action, result, other).

A small linear model over sequences (a linear-chain CRF with Viterbi decoding): each
sentence is described by explainable features (its position, its pronouns and tense, cue
words such as "had to" or "as a result", numbers, its main clause), and the label of the
sentence before it. It learns only from answers we wrote ourselves
(`coach/data/star_answers.jsonl`, provenance in each row); its weights ship as
`coach/data/star_model.json`, made by `make model` (training is in ``star_training``).
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

LABELS = ("S", "T", "A", "R", "O")
START = "^"

_CUES: dict[str, tuple[str, ...]] = {
    "situation": (
        "when i was",
        "at the time",
        "last year",
        "years ago",
        "there was",
        "we were",
        "our team was",
        "the company",
        "in my last",
        "in my previous",
        "at my",
        "back in",
        "a few years",
        "two years",
        "last spring",
        "last summer",
        "last autumn",
        "last winter",
        "the problem was",
        "we had a",
        "i was working",
        "i joined",
    ),
    "task": (
        "had to",
        "needed to",
        "my job was",
        "my role was",
        "i was asked",
        "was asked to",
        "responsible for",
        "my goal",
        "the goal",
        "my task",
        "the task",
        "i owned",
        "was to",
        "it was my",
        "i was tasked",
        "i was in charge",
        "the aim",
        "charged with",
        "i needed",
        "we needed",
        "my brief",
    ),
    "result": (
        "as a result",
        "which meant",
        "went from",
        "reduced",
        "increased",
        "saved",
        "grew",
        "cut",
        "improved",
        "led to",
        "in the end",
        "ended up",
        "finally",
        "since then",
        "learned",
        "learnt",
        "lesson",
        "the result",
        "outcome",
        "by the end",
        "we hit",
        "we met",
        "delivered",
        "on time",
        "under budget",
        "over budget",
        "percent",
        "fell",
        "rose",
        "dropped",
        "doubled",
        "halved",
        "won",
        "lost",
        "signed",
        "promoted",
        "now i",
        "today i",
        "i now",
        "ever since",
        "went live",
        "we launched",
        "it worked",
        "didn't work",
        "did not work",
    ),
    "other": (
        "great question",
        "good question",
        "i'm a",
        "i am a",
        "i'm very",
        "i am very",
        "i believe",
        "i think",
        "i usually",
        "i always",
        "i tend",
        "i would",
        "i'd",
        "i will",
        "i'll",
        "if i",
        "generally",
        "in general",
        "my strength",
        "passionate",
        "i love",
        "i enjoy",
        "i like",
        "people say",
        "for me",
        "you know",
        "i guess",
        "honestly",
        "to be honest",
        "what about you",
        "does that answer",
        "i hope",
        "my approach is",
        "i make sure",
        "i try to",
        "i'm someone",
        "i am someone",
    ),
}
_PAST = re.compile(
    r"\b\w+ed\b|\b(was|were|had|did|went|made|took|got|gave|told|spoke|wrote|"
    r"built|ran|led|set|found|began|brought|chose|felt|kept|left|met|paid|put|"
    r"sent|spent|sat|stood|thought|won|lost|sold|bought|drew|drove|grew)\b"
)
_PRESENT = re.compile(r"\b(is|am|are|do|does|have|has|usually|always|often|tend|every)\b")
_I_PAST = re.compile(
    r"\bi (\w+ed|led|set|ran|built|wrote|took|made|got|went|spoke|told|sat|"
    r"found|put|sent|chose|brought)\b"
)
_WE_PAST = re.compile(
    r"\bwe (\w+ed|led|set|ran|built|wrote|took|made|got|went|spoke|told|"
    r"sat|found|put|sent|chose|brought)\b"
)
_I_DID_START = re.compile(r"^(so |then )?i \w+ed\b")
_MODAL = re.compile(r"\b(would|could|should|might|will|'d|'ll)\b")
_NUMBER = re.compile(
    r"\d|%|£|\$|€|\b(half|double|twice|three|four|five|six|seven|eight|nine|"
    r"ten|twenty|thirty|hundred|thousand|million)\b"
)
_WORD = re.compile(r"[a-z']+")
# a lesson drawn from the story, or what changed since: the convention labels it R
_LESSON = re.compile(
    r"\b(i|we)('ve| have) (learned|learnt|since)\b|\bsince then\b|\bever since\b|"
    r"\bnow (i|we)\b|\btaught me\b"
)
# a sentence that opens with a subordinate clause ("When the supplier went bust, I had
# to ..."): the convention labels it by its main clause, after the first comma
_SUBORDINATE = re.compile(
    r"^(so,? |and |then,? )?(when|while|because|since|after|before|although|though|as|"
    r"once|if|by|having|thanks to|despite|with|until|given|even though|now that)\b"
)
# the words a narrator uses to move a story on ("So I ...", "Then we ...")
_CONNECTIVE = re.compile(r"^(so|and|but|then|after that|next|first|finally)\b")


def features(sentences: Sequence[str], i: int) -> list[str]:
    """The features of sentence ``i`` of an answer: each one a thing a person could point
    to ("starts with 'I'", "has a number", "says 'had to'")."""
    text = sentences[i].strip().lower().replace("\u2019", "'")
    words = _WORD.findall(text)
    n = len(sentences)
    f = [
        "bias",
        f"pos={min(i, 3)}",
        f"from_end={min(n - 1 - i, 3)}",
        f"quint={int(5 * i / n)}",
        f"short_answer={n <= 2}",
    ]
    if words:
        f.append(f"w1={words[0]}")
        f.append(f"w12={' '.join(words[:2])}")
    bag = set(words)
    for pronoun in ("i", "we", "my", "our", "they", "you", "me", "us"):
        if pronoun in bag:
            f.append(f"has_{pronoun}")
    if "i" in bag and "we" not in bag:
        f.append("i_only")
    f.append(f"past={min(len(_PAST.findall(text)), 3)}")
    f.append(f"present={min(len(_PRESENT.findall(text)), 2)}")
    if _MODAL.search(text):
        f.append("modal")
    if _I_PAST.search(text):
        f.append("i_did")  # "I called", "I set up": the shape of an action
    if _WE_PAST.search(text):
        f.append("we_did")
    if _NUMBER.search(text):
        f.append("number")
    if "?" in text:
        f.append("question_mark")
    f.append(f"len={min(len(words) // 8, 4)}")
    for kind, cues in _CUES.items():
        hits = sum(1 for cue in cues if cue in text)
        if hits:
            f.append(f"cue_{kind}")
            if hits > 1:
                f.append(f"cues_{kind}")
    # where the sentence stands against the candidate's first "I did": set-up comes before
    first = next(
        (j for j, t in enumerate(sentences) if _I_DID_START.match(t.strip().lower())), None
    )
    f.append(
        "before_first_i"
        if first is None or i < first
        else ("at_first_i" if i == first else "after_first_i")
    )
    f += _main_clause(text)
    if _LESSON.search(text):
        f.append("lesson_cue")
    if _CONNECTIVE.search(text):
        f.append("connective_start")
    f += [f"word={w}" for w in bag if len(w) > 2]
    f += [f"bi={a}_{b}" for a, b in itertools.pairwise(words)]  # "had to", "as a"
    return f


def _main_clause(text: str) -> list[str]:
    """Features of the main clause of a sentence that opens with a subordinate one."""
    opener = _SUBORDINATE.match(text)
    if not opener or "," not in text:
        return []
    main = text.split(",", 1)[1].strip()
    f = [f"sub={opener.group(2)}"]
    words = _WORD.findall(main)
    if words:
        f += [f"m_w1={words[0]}", f"m_w12={' '.join(words[:2])}"]
    if _I_PAST.search(main):
        f.append("m_i_did")
    if _MODAL.search(main):
        f.append("m_modal")
    f += [f"m_cue_{kind}" for kind, cues in _CUES.items() if any(c in main for c in cues)]
    return f


class Model:
    """Emission weights per (feature, label) and transition weights per (previous, label)."""

    def __init__(self, weights: dict[str, dict[str, float]]) -> None:
        self.weights = weights

    def _scores(self, feats: list[str]) -> dict[str, float]:
        scores = dict.fromkeys(LABELS, 0.0)
        for feat in feats:
            row = self.weights.get(feat)
            if row:
                for label, w in row.items():
                    scores[label] += w
        return scores

    def label(self, sentences: Sequence[str]) -> list[str]:
        """The most likely labels for the whole answer (Viterbi over the sequence)."""
        if not sentences:
            return []
        emissions = [self._scores(features(sentences, i)) for i in range(len(sentences))]
        best: list[dict[str, tuple[float, str]]] = []
        for i, em in enumerate(emissions):
            column: dict[str, tuple[float, str]] = {}
            for label in LABELS:
                if i == 0:
                    column[label] = (em[label] + self._trans(START, label), START)
                else:
                    column[label] = max(
                        (best[i - 1][prev][0] + self._trans(prev, label) + em[label], prev)
                        for prev in LABELS
                    )
            best.append(column)
        label = max(LABELS, key=lambda lab: (best[-1][lab][0], -LABELS.index(lab)))
        path = [label]
        for i in range(len(sentences) - 1, 0, -1):
            label = best[i][label][1]
            path.append(label)
        return path[::-1]

    def _trans(self, prev: str, label: str) -> float:
        return self.weights.get(f"trans={prev}", {}).get(label, 0.0)


@cache
def shipped_model() -> Model:
    text = resources.files("finalist.coach").joinpath("data", "star_model.json").read_text("utf-8")
    return Model(json.loads(text))


def label_sentences(sentences: Sequence[str]) -> list[str]:
    return shipped_model().label(sentences)
