"""Forms of address: who is greeted how, and why; never a bare title, never a full name
where a given name or a title and surname is the form."""

from __future__ import annotations

import pytest

from finalist.casefile import load_case_file
from finalist.coach.address import Seat, address
from finalist.knowledge import load
from finalist.model import Case, Interviewer

from .conftest import DATA, ROOT, Cli

KB = load(None)

BASE = load_case_file(DATA / "riverside.yaml")


def _at(company: str, notes: str | None = None) -> Case:
    opp = BASE.opportunity.model_copy(update={"company": company, "company_notes": notes})
    return BASE.model_copy(update={"opportunity": opp})


SCHOOL = _at("Fenwick Vale Academy")
SHOP = _at("Riverside Grocers")
FORMAL = _at("Hallam Rees LLP", "A formal, traditional firm.")


@pytest.mark.parametrize(
    ("name", "title", "case", "greeting", "seat"),
    [
        ("Sam Okafor", "Finance Director", SHOP, "Sam", Seat.staff),
        ("Dr Anjali Raman", "Clinical Lead", SHOP, "Dr Raman", Seat.staff),
        ("Anjali Raman", "Consultant Cardiologist", SHOP, "Dr Raman", Seat.staff),
        ("Prof. Ruth Kavanagh", "Consultant Partner", SHOP, "Professor Kavanagh", Seat.staff),
        ("Ruth Kavanagh", "Professor of Employment Law", SHOP, "Professor Kavanagh", Seat.staff),
        ("Cllr Pat Hughes", "Cabinet Member for Housing", SHOP, "Councillor Hughes", Seat.staff),
        ("Pat Hughes", "Councillor, Cabinet Member", SHOP, "Councillor Hughes", Seat.staff),
        ("The Revd Canon Jane Hale", "Canon Treasurer", SHOP, "Canon Hale", Seat.staff),
        ("Sir Alan Moss", "Chair", SHOP, "Sir Alan", Seat.staff),
        ("Jane Hale, PhD", "Head of Research", SHOP, "Jane", Seat.staff),
        ("Geoffrey Pascoe", "Chair of Governors", SCHOOL, "Geoffrey", Seat.staff),
        ("Folasade Akinola", "Headteacher", SCHOOL, "Folasade Akinola", Seat.staff),
        ("Amira Patel", "Year 12 student, student panel", SCHOOL, "Amira", Seat.pupil),
        ("Jo Bell", "Patient Representative", SHOP, "Jo", Seat.representative),
        # placed by the knowledge's seats, the one place that reads them
        (
            "Sue Roberts",
            "Relatives' forum chair (daughter of a resident)",
            SHOP,
            "Sue",
            Seat.representative,
        ),
        (
            "Meg Ellis",
            "Resident, chair of the residents' council",
            SHOP,
            "Meg",
            Seat.representative,
        ),
        ("Ola Ade", "Parent representative", SCHOOL, "Ola", Seat.representative),
        ("Dan Cole", "Sales Rep", SHOP, "Dan", Seat.staff),
        ("Kim Lowe", "Volunteer Coordinator", SHOP, "Kim", Seat.staff),
        ("Ray Shaw", "Churchwarden", SHOP, "Ray", Seat.staff),  # works beside the role
    ],
)
def test_the_form_of_address(name: str, title: str, case: Case, greeting: str, seat: Seat) -> None:
    form = address(Interviewer(name=name, title=title), case, KB)
    assert form.greeting == greeting, form.why
    assert form.seat is seat
    assert form.why
    assert form.greeting.split()[-1] not in ("Dr", "Professor", "Councillor", "Mr", "Mrs")


def test_a_head_teacher_is_mrs_or_mr_when_the_debrief_says_so() -> None:
    head = Interviewer(name="Folasade Akinola", title="Headteacher")
    form = address(head, SCHOOL, KB, about=["Mrs Akinola will call by Wednesday"])
    assert form.greeting == "Mrs Akinola"
    assert form.check  # finalist says what to confirm


def test_pronouns_about_the_person_alone_choose_ms_or_mr() -> None:
    head = Interviewer(name="Folasade Akinola", title="Headteacher")
    assert address(head, SCHOOL, KB, said=("what she wants from the department",)).greeting == (
        "Ms Akinola"
    )
    # the round's next steps speak of someone else: not read for the pronoun
    form = address(head, SCHOOL, KB, about=["he will call on Friday"])
    assert form.greeting == "Folasade Akinola"


def test_a_formal_culture_gives_executives_a_title_and_surname() -> None:
    partner = Interviewer(
        name="Marcus Webb", title="Managing Partner", notes="He chairs the board."
    )
    assert address(partner, FORMAL, KB, executive=True).greeting == "Mr Webb"
    assert address(partner, FORMAL, KB, executive=False).greeting == "Marcus"


def test_address_as_wins() -> None:
    person = Interviewer(name="Ruth Kavanagh", title="Professor", address_as="Ruth")
    form = address(person, SHOP, KB)
    assert form.greeting == "Ruth"
    assert form.why == "as you set it"


def test_the_dossier_shows_the_form_of_address_with_why(cli: Cli) -> None:
    path = ROOT / "examples" / "school-head-of-maths.yaml"
    out = cli("dossier", path).out
    assert "Dear Mrs Akinola" in out  # the debrief calls her Mrs Akinola
    assert "Dear Geoffrey" in out
    assert "Dear Amira" not in out  # a pupil gets no note of their own
    import json

    data = json.loads(cli("dossier", path, "--json").out)
    people = data if isinstance(data, list) else data.get("people", data)
    assert "address" in json.dumps(people)
