"""The coach: pure functions from the case (and curated knowledge) to results with reasons.

No I/O, no database, no printing, no clock: ``today`` is always an argument.
"""

from finalist.coach.brief import Brief, build_brief
from finalist.coach.glance import Glance, at_a_glance

__all__ = ["Brief", "Glance", "at_a_glance", "build_brief"]
