"""Training the STAR labeller (``coach.star``): a linear-chain CRF over its features.

Used by `make model` (tools/train_star.py) and tools/star_cv.py, never when labelling, so
the labeller itself stays small to import.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterable
from importlib import resources

from finalist.coach.star import LABELS, START, Model, features


def _logsumexp(values: Iterable[float]) -> float:
    items = list(values)
    top = max(items)
    return top + math.log(sum(math.exp(v - top) for v in items))


def train(
    answers: Iterable[tuple[list[str], list[str]]],
    epochs: int = 4,
    rate: float = 0.1,
    l2: float = 1e-3,
    seed: int = 0,
    min_count: int = 2,
) -> Model:
    """A linear-chain CRF over the same features, trained by AdaGrad with an L2 penalty.

    For each answer, forward-backward gives every label's probability at every sentence
    (and every pair of neighbouring labels); each weight moves by what the gold labels
    use minus what the model expects. The penalty keeps weights small, which held up
    better than the perceptron on answers written in other voices (see
    docs/benchmarks.md). Deterministic: the order of answers in each epoch comes from
    ``seed``. A feature seen fewer than ``min_count`` times in the answers gets no weight:
    a word pair met once says more about that answer than about the label.
    """
    import random
    from collections import Counter

    data = [(s, g) for s, g in answers if s]
    weights: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    squares: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    cached = [[features(s, i) for i in range(len(s))] for s, _g in data]
    seen = Counter(f for answer in cached for fs in answer for f in fs)
    cached = [[[f for f in fs if seen[f] >= min_count] for fs in answer] for answer in cached]
    order = list(range(len(data)))
    for epoch in range(epochs):
        random.Random(seed + epoch).shuffle(order)
        for k in order:
            gradient = _gradient(weights, cached[k], data[k][1])
            for feat, row in gradient.items():
                for label, g in row.items():
                    g -= l2 * weights[feat][label]
                    squares[feat][label] += g * g
                    weights[feat][label] += rate * g / math.sqrt(squares[feat][label] + 1e-8)
    return Model(
        {
            feat: {label: round(w, 4) for label, w in row.items() if abs(w) >= 1e-4}
            for feat, row in weights.items()
            if any(abs(w) >= 1e-4 for w in row.values())
        }
    )


def _gradient(
    weights: dict[str, dict[str, float]], feats: list[list[str]], gold: list[str]
) -> dict[str, dict[str, float]]:
    """Observed minus expected feature counts for one answer (forward-backward)."""
    n = len(feats)
    em = [{lab: sum(weights[f].get(lab, 0.0) for f in fs) for lab in LABELS} for fs in feats]
    tr = {(p, lab): weights[f"trans={p}"].get(lab, 0.0) for p in (START, *LABELS) for lab in LABELS}
    alpha = [{lab: em[0][lab] + tr[(START, lab)] for lab in LABELS}]
    for i in range(1, n):
        alpha.append(
            {
                lab: em[i][lab] + _logsumexp(alpha[i - 1][p] + tr[(p, lab)] for p in LABELS)
                for lab in LABELS
            }
        )
    beta = [dict.fromkeys(LABELS, 0.0) for _ in range(n)]
    for i in range(n - 2, -1, -1):
        beta[i] = {
            p: _logsumexp(tr[(p, lab)] + em[i + 1][lab] + beta[i + 1][lab] for lab in LABELS)
            for p in LABELS
        }
    z = _logsumexp(alpha[n - 1][lab] for lab in LABELS)
    grad: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for i in range(n):
        for lab in LABELS:
            p = math.exp(alpha[i][lab] + beta[i][lab] - z)
            if p > 1e-6:
                for f in feats[i]:
                    grad[f][lab] -= p
                if i == 0:
                    grad[f"trans={START}"][lab] -= p
        for f in feats[i]:
            grad[f][gold[i]] += 1.0
    grad[f"trans={START}"][gold[0]] += 1.0
    for i in range(1, n):
        for prev in LABELS:
            for lab in LABELS:
                p = math.exp(alpha[i - 1][prev] + tr[(prev, lab)] + em[i][lab] + beta[i][lab] - z)
                if p > 1e-6:
                    grad[f"trans={prev}"][lab] -= p
        grad[f"trans={gold[i - 1]}"][gold[i]] += 1.0
    return grad


def training_answers() -> list[tuple[list[str], list[str]]]:
    """Our own labelled answers, shipped with the package."""
    text = (
        resources.files("finalist.coach").joinpath("data", "star_answers.jsonl").read_text("utf-8")
    )
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return [
        ([s["text"] for s in row["sentences"]], [s["label"] for s in row["sentences"]])
        for row in rows
    ]
