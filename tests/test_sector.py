"""The employer's sector: read from the case with reasons, set by the candidate, neutral
when nothing is clear."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from finalist.casefile import load_case_file
from finalist.coach.sector import read_sector
from finalist.errors import FinalistError
from finalist.knowledge import Source, load, parse, shipped_sources
from finalist.model import Case, Interviewer, Round, Sector

from .conftest import DATA, EXAMPLES, ROOT, Cli

KB = load(None)
EXPECTED = {
    "castellan-cfo-search": Sector.industry,
    "harbourline-product-lead": Sector.technology,
    "northfield-clinical-ops": Sector.health,
    "charity-head-of-fundraising": Sector.charities,
    "civil-service-grade7-policy": Sector.government,
    "construction-project-manager": Sector.industry,
    "council-head-of-housing": Sector.government,
    "hospital-ward-sister-cardiology": Sector.health,
    "hotel-general-manager": Sector.retail_hospitality,
    "law-firm-senior-associate": Sector.professional,
    "parish-minster-operations-manager": Sector.charities,
    "recruiter-financial-controller": Sector.retail_hospitality,
    "school-head-of-maths": Sector.schools,
    "software-product-panel-of-six": Sector.technology,
    "university-programme-director": Sector.universities,
    "us-clinic-director-of-operations": Sector.health,
    "warehouse-site-general-manager": Sector.industry,
}
CASES = EXAMPLES + sorted((DATA / "sectors").glob("*.yaml"))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_every_case_is_read_as_its_sector_with_reasons(path: Path) -> None:
    reading = read_sector(load_case_file(path), KB)
    assert reading.value is EXPECTED[path.stem]
    assert reading.reasons
    assert all("'" in r for r in reading.reasons)  # each quotes the case's own word
    assert reading.people


def _case(company: str, role: str, jd: str | None = None, sector: str | None = None) -> Case:
    base = load_case_file(DATA / "riverside.yaml")
    opp = base.opportunity.model_copy(
        update={
            "company": company,
            "role": role,
            "job_description": jd,
            "company_notes": None,
            "department": None,
            "first_round": None,
            "sector": Sector(sector) if sector else None,
        }
    )
    return base.model_copy(update={"opportunity": opp, "rounds": []})


def test_nothing_clear_stays_neutral() -> None:
    reading = read_sector(_case("Acme Ltd", "Operations Lead"), KB)
    assert reading.value is None
    assert reading.confidence == "low"
    assert "opportunity.sector" in reading.reasons[0]


def test_a_strong_word_settles_it() -> None:
    reading = read_sector(_case("St Mary's", "Deputy Ward Manager", "An NHS trust."), KB)
    assert reading.value is Sector.health
    assert reading.confidence == "high"


def test_the_candidates_own_choice_wins() -> None:
    case = _case("Fenwick Vale Academy", "Head of Mathematics", sector="charities")
    reading = read_sector(case, KB)
    assert reading.value is Sector.charities
    assert reading.reasons == ["you set opportunity.sector"]


def test_a_sector_entry_with_an_unknown_id_is_refused() -> None:
    bad = Source(
        "extra/sectors.yaml",
        "sectors:\n  - id: farming\n    name: farms\n    cues: [a, b, c, d, e]\n    people: [x]\n",
    )
    with pytest.raises(FinalistError, match="sectors entry 'farming'"):
        parse([*shipped_sources(), bad])


def test_a_bad_sector_in_a_case_file_is_one_clear_error(cli: Cli, tmp_path: Path) -> None:
    text = (DATA / "riverside.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("opportunity:\n", "opportunity:\n  sector: farming\n", 1))
    result = cli("import", bad)
    assert result.code == 1
    assert "sector" in result.err
    assert "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_the_brief_shows_the_sector(cli: Cli) -> None:
    out = cli("brief", ROOT / "examples" / "school-head-of-maths.yaml", "--today", "2026-11-28").out
    assert "Sector" in out
    assert "schools and colleges" in out


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_no_word_of_another_sector_reaches_the_brief(cli: Cli, path: Path) -> None:
    """The issue's vocabulary test: no sentence of the full brief carries a word of
    another sector's own vocabulary ("roadmap", "customers" for a school) that the case
    itself does not use."""
    from finalist.coach.sector import Vocabulary

    vocabulary = Vocabulary(load_case_file(path), KB)
    out = cli("brief", path, "--full", "--today", "2026-11-28").out
    assert vocabulary.foreign(out) == []


def test_the_examples_cover_six_sectors() -> None:
    sectors = {read_sector(load_case_file(path), KB).value for path in EXAMPLES}
    assert None not in sectors
    assert len(sectors) >= 6


def _commands(case: Case, path: Path) -> list[tuple[str, ...]]:
    """Every command that reads a case, on every round where it applies; the thank-you
    notes only for rounds the candidate has debriefed."""
    today = ("--today", "2026-12-02")
    out: list[tuple[str, ...]] = [
        ("brief", str(path), "--full", *today),
        ("dossier", str(path)),
        ("why", str(path)),
        ("plan", str(path), *today),
        ("stories", str(path)),
        ("timeline", str(path), *today),
    ]
    for number, rnd in enumerate(case.rounds, start=1):
        r = ("--round", str(number))
        out += [
            ("dossier", str(path), *r),
            ("questions", str(path), *r, *today),
            ("asks", str(path), *r, *today),
            ("playbook", str(path), *r, *today),
            ("consensus", str(path), *r, *today),
        ]
        talked = rnd.debrief.talked_with if rnd.debrief else []
        if talked and all(t.topics for t in talked):
            out.append(("thanks", str(path), *r, *today))
    return out


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_command_on_each_example_runs_in_its_own_words(cli: Cli, path: Path) -> None:
    """The issue's example test: every command on every example runs, and no sentence of
    what it prints carries another sector's word that the case itself does not use."""
    from finalist.coach.sector import Vocabulary

    case = load_case_file(path)
    vocabulary = Vocabulary(case, KB)
    for args in _commands(case, path):
        result = cli(*args)
        assert (result.code, result.err) == (0, ""), args
        assert result.out.strip(), args
        assert vocabulary.foreign(result.out) == [], args


def test_a_word_of_another_sector_is_caught_unless_the_case_uses_it() -> None:
    from finalist.coach.sector import Vocabulary

    school = load_case_file(ROOT / "examples" / "school-head-of-maths.yaml")
    vocabulary = Vocabulary(school, KB)
    assert vocabulary.foreign("What was last taken off the roadmap?") == ["roadmap"]
    assert vocabulary.fits("Which competitor school worries you most?")  # the case says it
    assert vocabulary.fits("How do you plan the year?")
    bank = _case("Acme Ltd", "Operations Lead")
    assert Vocabulary(bank, KB).fits("What was last taken off the roadmap?")  # neutral


_QUESTION = """questions:
  - id: x-roadmap
    text: "What was the last thing you took off a roadmap, and why?"
    themes: [strategic-vision]
    askers: {{hiring-manager: 0.8}}{sectors}
    why: "They want to see what you stop doing."
    strong_answer: "Names the item, the reason and who was told."
    probes: ["Who disagreed?"]
"""


def test_a_sector_word_without_its_sectors_is_refused_by_the_knowledge_check() -> None:
    def with_(sectors: str) -> None:
        parse([*shipped_sources(), Source("extra/q.yaml", _QUESTION.format(sectors=sectors))])

    with pytest.raises(FinalistError, match="'roadmap', a word of technology: name the sectors"):
        with_("")
    with pytest.raises(FinalistError, match="but names only schools"):
        with_("\n    sectors: [schools]")
    with_("\n    sectors: [technology]")


def test_an_entry_for_named_sectors_reaches_only_those_sectors() -> None:
    from finalist.coach.sector import Vocabulary

    kb = load(None)
    school = _case(company="Fenwick Vale Academy", role="Head of Mathematics")
    neutral = _case(company="Orrin & Wells", role="Senior Analyst")
    text = "What would a competitor have to do to hurt us?"
    firms = [Sector.technology, Sector.retail_hospitality]
    assert not Vocabulary(school, kb).suits(firms, text)
    assert not Vocabulary(neutral, kb).suits(firms, text)  # unknown stays neutral
    assert Vocabulary(school, kb).suits([Sector.schools], "How is the inspection plan going?")
    assert Vocabulary(neutral, kb).suits([], "How do you like to be managed?")


def test_every_list_is_balanced_by_theme_and_keeps_long_scenarios_few() -> None:
    from finalist.coach.evaluation import REPRESENTATIVE, predictions_for
    from finalist.coach.questions import _long_scenario

    kb = load(None)
    by_id = {q.id: q for q in kb.questions}
    for role in REPRESENTATIVE:
        predicted = predictions_for(role, kb, 20)
        assert len(predicted) == 20, role
        mains: dict[str, int] = {}
        for p in predicted:
            mains[p.themes[0].value] = mains.get(p.themes[0].value, 0) + 1
        assert max(mains.values()) <= 5, (role, mains)
        assert sum(_long_scenario(by_id[p.id]) for p in predicted) <= 2, role


def test_the_notes_on_someone_count_as_what_they_care_about() -> None:
    from finalist.coach.interviewers import note_focus

    assert note_focus("Retired accountant. Asks about budgets.") == ["budgets"]
    assert note_focus("Leads the CPD programme; keen on data") == ["CPD programme", "data"]
    assert note_focus(None) == []
    assert note_focus("<script>x</script> asks about " + "very " * 40) == []


def _person(path: Path, name: str) -> tuple[Case, int, Round, Interviewer]:
    case = load_case_file(path)
    for number, rnd in enumerate(case.rounds, start=1):
        for person in rnd.interviewers:
            if person.name == name:
                return case, number, rnd, person
    raise AssertionError(f"{name} is not in {path.name}")


@pytest.mark.parametrize(
    ("path", "name", "seat", "said"),
    [
        pytest.param(
            DATA / "sectors" / "university-programme-director.yaml",
            "Jordan Pike",
            "student",
            "Student Representative",
            id="student",
        ),
        pytest.param(
            DATA / "sectors" / "hospital-ward-sister-cardiology.yaml",
            "Pauline Ashworth",
            "service-user",
            "Patient Partner",
            id="patient-representative",
        ),
        pytest.param(
            ROOT / "examples" / "council-head-of-housing.yaml",
            "Nasreen Akhtar",
            "elected-member",
            "Cabinet Member",
            id="councillor",
        ),
        pytest.param(
            ROOT / "examples" / "school-head-of-maths.yaml",
            "Geoffrey Pascoe",
            "governor",
            "Chair of Governors",
            id="governor",
        ),
        pytest.param(
            ROOT / "examples" / "school-head-of-maths.yaml",
            "Kieran Doyle",
            "young-person",
            "Year 10",
            id="pupil",
        ),
    ],
)
def test_the_dossier_of_someone_who_is_not_staff_reads_their_seat(
    path: Path, name: str, seat: str, said: str
) -> None:
    from finalist.coach.interviewers import dossier
    from finalist.coach.questions import predict_questions

    case, number, rnd, person = _person(path, name)
    d = dossier(person, rnd, number, case, KB)
    guide = KB.seats[seat]
    assert d.seat is not None
    assert d.seat.value == seat
    assert any(said.lower() in r.lower() for r in d.seat.reasons), d.seat.reasons
    assert d.seat_summary == guide.summary
    assert d.thank_you == guide.thank_you
    assert set(guide.wants_to_learn) <= set(d.wants_to_learn)
    assert set(guide.how_to_talk) <= set(d.how_to_talk)
    questions = predict_questions(person, rnd, case, KB, top=8)
    own = [q for q in questions if q.id.startswith(f"{seat}-")]
    if guide.asks_as_staff:  # a board member also asks what their notes say they care about
        assert len(own) == 2
    else:  # a pupil or a patient is never given a colleague's question
        assert len(own) == len(questions) == len(guide.questions)


@pytest.mark.parametrize(
    ("title", "seat"),
    [
        ("Volunteer Coordinator", None),
        ("Finance Committee volunteer", "volunteer"),
        ("Student Services Manager", None),
        ("Head of Student Experience", None),
        ("Patient Experience Lead", None),
        ("Tenant Liaison Officer", None),
        ("Non-Executive Director", "governor"),
        ("Independent Panel Member", "external-member"),
        ("Year 12 student, Head Girl", "young-person"),
    ],
)
def test_a_title_places_a_seat_only_when_it_is_not_staff(title: str, seat: str | None) -> None:
    from finalist.coach.seats import read_seat

    reading = read_seat(Interviewer(name="Sam Lee", title=title), KB)
    assert (reading.kind.value if reading else None) == seat


def test_a_pupil_is_not_sent_a_note_of_their_own() -> None:
    assert "not send" in KB.seats["young-person"].thank_you.lower()


@pytest.mark.parametrize(
    ("path", "round_number", "playbook", "outline"),
    [
        pytest.param(
            ROOT / "examples" / "school-head-of-maths.yaml", 1, "taught-lesson", False, id="lesson"
        ),
        pytest.param(
            ROOT / "examples" / "school-head-of-maths.yaml", 2, "seat-panel", False, id="pupils"
        ),
        pytest.param(
            ROOT / "examples" / "castellan-cfo-search.yaml", 3, "site-tour", False, id="plant-visit"
        ),
        pytest.param(
            ROOT / "examples" / "castellan-cfo-search.yaml",
            2,
            "virtual",
            False,
            id="board-member-is-no-seat-panel",
        ),
        pytest.param(
            ROOT / "examples" / "northfield-clinical-ops.yaml", 1, "presentation", True, id="slides"
        ),
    ],
)
def test_a_round_gets_the_playbook_its_format_and_words_ask_for(
    path: Path, round_number: int, playbook: str, outline: bool
) -> None:
    from datetime import date

    from finalist.coach.playbook import round_playbook

    pb = round_playbook(load_case_file(path), round_number, KB, date(2026, 11, 20))
    assert pb.guides[0].id == playbook
    assert (pb.presentation is not None) is outline
    if playbook == "site-tour":  # a one-on-one and a plant visit: both kinds of advice
        assert [g.format.value for g in pb.guides[1:2]] == ["one-on-one"]
    # no other format's advice, and no playbook that only words or seats pick
    assert not any(g.cues or g.for_seats for g in pb.guides[1:])


_PLAYBOOK = """playbooks:
  - id: extra-lesson
    format: presentation
    cues: [lesson]
    purpose: A lesson shows how you teach a class of pupils.{sectors}
    before: [Ask about the class., Plan one aim.]
    during: [Start promptly., Check learning., Adapt when needed.]
    after: [Reflect honestly.]
    avoid: [Lecturing., Cramming.]
"""


def test_a_playbook_with_a_sector_word_names_its_sectors() -> None:
    def with_(sectors: str) -> None:
        parse([*shipped_sources(), Source("extra/p.yaml", _PLAYBOOK.format(sectors=sectors))])

    with pytest.raises(FinalistError, match=r"playbooks entry 'extra-lesson'.*'pupils'"):
        with_("")
    with_("\n    sectors: [schools]")


def test_a_departments_usual_cares_keep_to_the_sectors_words() -> None:
    """A school's business manager sits in a department whose usual priorities speak of
    revenue and customers elsewhere: the dossier keeps only those that fit a school."""
    from finalist.coach.interviewers import dossier
    from finalist.coach.sector import Vocabulary

    school = load_case_file(ROOT / "examples" / "school-head-of-maths.yaml")
    person = Interviewer(name="Dee Park", title="Head of Sales and Marketing")
    rnd = school.rounds[0].model_copy(update={"interviewers": [person]})
    case = school.model_copy(update={"rounds": [rnd]})
    found = dossier(person, rnd, 1, case, KB)
    typical = [p.text for p in found.priorities if p.source.startswith("typical for")]
    dept = KB.departments[found.department.value] if found.department else None
    assert dept is not None
    vocabulary = Vocabulary(case, KB)
    assert any(vocabulary.foreign(p) for p in dept.priorities), "the test needs a foreign word"
    assert all(vocabulary.fits(p) for p in typical), typical


def test_a_care_home_gets_no_hospital_words_and_its_lay_members_no_one_to_ones(
    cli: Cli,
) -> None:
    """A care home is health and social care, but not a hospital: no wards, no patients,
    no clinical trials in its brief unless the case says so; the resident and the
    relative on the panel are met as the voices they are, not booked for one-to-ones."""
    path = DATA / "care-home.yaml"
    case = load_case_file(path)
    assert read_sector(case, KB).value is Sector.health
    out = cli("brief", path, "--full", "--today", "2026-12-03").out
    plain = " ".join(out.split())
    for word in ("ward", "wards", "patient", "patients", "clinical trial", "mortality"):
        assert not re.search(rf"\b{word}\b", plain, re.I), word
    ward = load_case_file(DATA / "sectors" / "hospital-ward-sister-cardiology.yaml")
    shown = cli("brief", DATA / "sectors" / "hospital-ward-sister-cardiology.yaml", "--full")
    assert re.search(r"\bward\b", " ".join(shown.out.split()), re.I), "a ward keeps its words"
    assert ward.opportunity.role
    md = cli("brief", path, "--to", "md", "--today", "2026-12-03").out
    meet = next(line for line in md.splitlines() if "one to one" in line)
    assert "Margaret Ellis" not in meet
    assert "Susan Roberts" not in meet
    assert "Paul Hendry" in meet


def test_the_questions_to_ask_a_resident_and_a_relative_are_their_seats() -> None:
    """A resident and a relative on a care home's panel are asked what their seat's voice
    is asked (a good day here, what to change or keep), never a senior executive's
    questions about the market; and no question goes to both."""
    from finalist.coach.asks import questions_to_ask

    case = load_case_file(DATA / "care-home.yaml")
    own = {a.text for a in KB.seats["service-user"].asks}
    by_name = {p.name: p for p in questions_to_ask(case, KB, 1)}
    lay = [by_name["Margaret Ellis"], by_name["Susan Roberts"]]
    for person in lay:
        assert person.asks, person.name
        assert {a.text for a in person.asks} <= own, person.name
    texts = [a.text for p in lay for a in p.asks]
    assert len(texts) == len(set(texts))
    staff = {a.text for a in by_name["Paul Hendry"].asks}
    assert not staff & own  # the regional director is asked as staff
