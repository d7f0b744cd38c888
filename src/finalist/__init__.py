"""finalist: a private, local coach for the second-round interview.

The public surface is named in ``__all__``; everything is imported lazily so that
``finalist --help`` stays fast and opens no database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Case",
    "FinalistError",
    "Settings",
    "__version__",
    "at_a_glance",
    "load_case_file",
    "open_store",
]

if TYPE_CHECKING:
    from finalist.casefile import load_case_file
    from finalist.coach.glance import at_a_glance
    from finalist.errors import FinalistError
    from finalist.model import Case
    from finalist.settings import Settings
    from finalist.store import open_store

_WHERE = {
    "Case": "finalist.model",
    "FinalistError": "finalist.errors",
    "Settings": "finalist.settings",
    "at_a_glance": "finalist.coach.glance",
    "load_case_file": "finalist.casefile",
    "open_store": "finalist.store",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        import importlib

        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'finalist' has no attribute {name!r}")
