"""Calendar files (ICS) for the timeline: one all-day event per step, with a reminder."""

from __future__ import annotations

from datetime import datetime, timedelta

from icalendar import Alarm, Calendar, Event

from finalist.coach.timeline import Timeline


def timeline_ics(tl: Timeline, case_id: str, company: str, now: datetime) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//finalist//timeline//EN")
    calendar.add("version", "2.0")
    for i, step in enumerate(tl.steps):
        event = Event()
        event.add("uid", f"{case_id}-{i}-{step.on.isoformat()}@finalist")
        event.add("dtstamp", now)
        event.add("dtstart", step.on)
        event.add("dtend", step.on + timedelta(days=1))
        event.add("summary", f"{company}: {step.what}")
        if step.draft:
            event.add("description", step.draft)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", step.what)
        alarm.add("trigger", timedelta(hours=9))  # 09:00 on the day
        event.add_component(alarm)
        calendar.add_component(event)
    return bytes(calendar.to_ical())
