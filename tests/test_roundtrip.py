"""Property: import, export and import again gives the same case, for any valid case."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from finalist.casefile import dump_case, parse_case
from finalist.model import Case, Format, Stage, _clean_line, person_key
from finalist.settings import Settings
from finalist.store import open_store

# Any Unicode text, control characters and odd spaces included: the model cleans it.
raw = st.text(max_size=40)
line = raw.map(lambda s: " ".join(s.split()))
name = line.filter(lambda s: any(ch.isprintable() and not ch.isspace() for ch in s))
text = st.one_of(st.none(), st.text(max_size=200))
when = st.one_of(
    st.none(),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2099, 12, 31)),
)
email = st.one_of(st.none(), st.from_regex(r"[a-z]{1,8}@[a-z]{1,8}\.(org|com|io)", fullmatch=True))
words = st.lists(name, max_size=4)


def _distinct(items: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    """Names distinct as the model sees them: after it removes control characters."""
    return st.lists(items, max_size=4, unique_by=lambda s: person_key(_clean_line(s)))


interviewer = st.fixed_dictionaries(
    {"name": name},
    optional={
        "title": line,
        "department": line,
        "email": email,
        "priorities": words,
        "notes": text,
    },
)


@st.composite
def rounds(draw: st.DrawFn) -> dict[str, object]:
    people = [draw(interviewer) | {"name": n} for n in draw(_distinct(name))]
    rnd: dict[str, object] = {
        "name": draw(st.one_of(st.none(), line)),
        "date": draw(when),
        "format": draw(st.sampled_from([f.value for f in Format])),
        "duration_minutes": draw(st.one_of(st.none(), st.integers(240, 720))),
        "presentation_minutes": draw(st.one_of(st.none(), st.integers(1, 240))),
        "topic": draw(st.one_of(st.none(), line)),
        "interviewers": people,
    }
    if people and draw(st.booleans()):
        talked = draw(st.lists(st.sampled_from([p["name"] for p in people]), max_size=3))
        rnd["debrief"] = {
            "decision_date": draw(when),
            "next_steps": draw(text),
            "talked_with": [
                {"interviewer": n, "topics": draw(words), "clarify": draw(text)} for n in talked
            ],
        }
    return rnd


@st.composite
def cases(draw: st.DrawFn) -> Case:
    data = {
        "candidate": {
            "name": draw(name),
            "email": draw(email),
            "strengths": draw(words),
            "motivation": {"past": draw(text), "bring": draw(text)},
        },
        "opportunity": {
            "company": draw(name),
            "role": draw(name),
            "stage": draw(st.sampled_from([s.value for s in Stage])),
            "finalists": draw(st.one_of(st.none(), st.integers(1, 100))),
            "job_description": draw(text),
            "first_round": {"date": draw(when), "notes": draw(text)},
        },
        "stories": [
            {"title": t, "situation": draw(text), "result": draw(text), "competencies": draw(words)}
            for t in draw(_distinct(name))
        ],
        "rounds": draw(st.lists(rounds(), max_size=3)),
    }
    return Case.model_validate(data)


@settings(max_examples=150, deadline=None)
@given(cases())
def test_yaml_round_trip(case: Case) -> None:
    assert parse_case(dump_case(case)) == case


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(case=cases())
def test_store_round_trip(case: Case, tmp_path: Path) -> None:
    home = tmp_path / "prop"
    settings_ = Settings(home=home, database_url=Settings.default_url(home))
    now = datetime(2026, 11, 25, 12, 0)
    with open_store(settings_, now=now) as store:
        saved = store.save_case(case, now=now)
        stored = store.get_case(saved.id).case
        again = store.save_case(parse_case(dump_case(stored)), now=now)
        store.remove_case(saved.id)
    assert stored.model_copy(update={"id": None}) == case.model_copy(update={"id": None})
    assert again.status.value == "unchanged"
