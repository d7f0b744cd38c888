"""Train the STAR labeller on our own answers and write its weights (`make model`).

The weights ship in the package (src/finalist/coach/data/star_model.json); a test checks
that training again on the same data gives the same file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from finalist.coach.star_training import train, training_answers

TARGET = Path(__file__).resolve().parent.parent / "src/finalist/coach/data/star_model.json"


def trained_weights() -> str:
    model = train(training_answers())
    return json.dumps(model.weights, sort_keys=True, indent=0, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    TARGET.write_text(trained_weights(), encoding="utf-8")
    print(f"wrote {TARGET}", file=sys.stderr)
