"""Cross-validate the STAR labeller on our own labelled answers (no evaluation data).

    python tools/star_cv.py [--folds 10] [FILE.jsonl ...]

Each answer is held out once: the model is trained on the other folds and scored on
the held-out one, and the per-label figures are pooled over all folds. This is how
features and training settings are chosen; the development split is measured only
afterwards, with `finalist eval star`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from finalist.coach.evaluation import StarAnswer, evaluate_star
from finalist.coach.star_training import train, training_answers


def cross_validate(
    answers: list[tuple[list[str], list[str]]], folds: int, epochs: int
) -> dict[str, object]:
    rows = [
        StarAnswer.model_validate(
            {
                "answer_id": str(i),
                "sentences": [{"text": t, "label": g} for t, g in zip(*a, strict=True)],
            }
        )
        for i, a in enumerate(answers)
    ]
    guesses: dict[int, list[str]] = {}
    for fold in range(folds):
        train_part = [a for i, a in enumerate(answers) if i % folds != fold]
        model = train(train_part, epochs=epochs)
        for i, (sentences, _gold) in enumerate(answers):
            if i % folds == fold:
                guesses[i] = model.label(sentences)
    texts = {tuple(a[0]): guesses[i] for i, a in enumerate(answers)}
    report = evaluate_star(rows, labeller=lambda s: texts[tuple(s)])
    return report.model_dump()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument("--epochs", type=int, default=4)
    args = parser.parse_args()
    answers = training_answers()
    for path in args.files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                answers.append(
                    (
                        [s["text"] for s in row["sentences"]],
                        [s["label"] for s in row["sentences"]],
                    )
                )
    report = cross_validate(answers, args.folds, args.epochs)
    labels = report["labels"]
    assert isinstance(labels, list)
    for label in labels:
        print(
            f"{label['label']}  P {label['precision']:.3f}  R {label['recall']:.3f}  "
            f"F1 {label['f1']:.3f}  n {label['support']}"
        )
    print(f"macro-F1 {report['macro_f1']:.3f}  accuracy {report['accuracy']:.3f}", file=sys.stdout)


if __name__ == "__main__":
    main()
