"""The coach: pure functions from the case (and curated knowledge) to results with reasons.

No I/O, no database, no printing, no clock: ``today`` is always an argument. The names
below are loaded when first used, so importing one coach module loads only what it needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["Brief", "Glance", "at_a_glance", "build_brief"]

if TYPE_CHECKING:
    from finalist.coach.brief import Brief, build_brief
    from finalist.coach.glance import Glance, at_a_glance

_WHERE = {
    "Brief": "finalist.coach.brief",
    "build_brief": "finalist.coach.brief",
    "Glance": "finalist.coach.glance",
    "at_a_glance": "finalist.coach.glance",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'finalist.coach' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(_WHERE[name]), name)
