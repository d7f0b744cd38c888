"""Reading titles: who someone is in the decision, how senior, which department."""

from __future__ import annotations

import pytest

from finalist.coach.interviewers import normalise_title, read_title
from finalist.knowledge import load

KB = load(None)

E, D, H, P, R, X = (
    "executive",
    "department-head",
    "hiring-manager",
    "peer",
    "hr-recruiter",
    "cross-functional",
)

TITLES = [
    # title, archetype, level (None: not checked), department (None: not checked)
    ("CEO", E, "executive", None),
    ("Chief Executive Officer", E, "executive", None),
    ("Founder & CEO", E, "executive", None),
    ("Co-founder", E, "executive", None),
    ("Founder", E, "executive", None),
    ("Owner", E, "executive", None),
    ("President", E, "executive", None),
    ("Managing Director", E, "executive", None),
    ("Partner", E, None, None),
    ("Managing Partner", E, None, None),
    ("CFO", E, "executive", "finance"),
    ("Chief Financial Officer", E, "executive", "finance"),
    ("COO", E, "executive", "operations"),
    ("CTO", E, "executive", "engineering"),
    ("Chief Technology Officer", E, "executive", "engineering"),
    ("CMO", E, "executive", "marketing"),
    ("Chief Revenue Officer", E, "executive", "sales"),
    ("CHRO", E, "executive", "people"),
    ("Chief People Officer", E, "executive", "people"),
    ("CISO", E, "executive", "it-security"),
    ("Chief Medical Officer", E, "executive", "clinical"),
    ("Chief Nursing Officer", E, "executive", "clinical"),
    ("Non-Executive Director, Audit Committee Chair", E, "board", None),
    ("Board Member", E, "board", None),
    ("SVP Sales", D, "vp", "sales"),
    ("EVP, Operations", D, "vp", "operations"),
    ("VP Engineering", D, "vp", "engineering"),
    ("Vice President of Marketing", D, "vp", "marketing"),
    ("Sr. Director, Product Management", D, "director", "product"),
    ("Director of Finance", D, "director", "finance"),
    ("Head of People", D, "director", "people"),
    ("Head of Customer Success", D, "director", "customer-success"),
    ("Associate Director, Research", D, "director", "research"),
    ("Engineering Manager", H, "manager", "engineering"),
    ("Senior Manager, Supply Chain", H, "manager", "supply-chain"),
    ("Sr Mgr, Mktg", H, "manager", "marketing"),
    ("Operations Manager", H, "manager", "operations"),
    ("Plant Manager", H, "manager", "manufacturing"),
    ("Nurse Manager", H, "manager", "clinical"),
    ("Procurement Manager", H, "manager", "procurement"),
    ("Supervisor", H, "manager", None),
    ("Hiring Manager", H, "manager", None),
    ("Software Engineer", P, "ic", "engineering"),
    ("Senior Software Engineer", P, "senior-ic", "engineering"),
    ("Staff Engineer", P, "senior-ic", "engineering"),
    ("Principal Engineer", P, "senior-ic", "engineering"),
    ("Data Scientist", P, "ic", "data"),
    ("Senior Data Scientist", P, "senior-ic", "data"),
    ("Product Designer", P, None, "design"),
    ("Senior Product Manager", P, "senior-ic", "product"),
    ("Account Executive", P, "ic", "sales"),
    ("Financial Analyst", P, "ic", "finance"),
    ("Junior Accountant", P, "entry", "finance"),
    ("Graduate Engineer", P, "entry", "engineering"),
    ("Intern", P, "entry", None),
    ("Security Engineer", P, None, "it-security"),
    ("Lawyer", P, None, "legal"),
    ("Paralegal", P, None, "legal"),
    ("Teacher", P, None, "education"),
    ("Buyer", P, None, "procurement"),
    ("Recruiter", R, None, "people"),
    ("Senior Recruiter", R, "senior-ic", "people"),
    ("Technical Recruiter", R, None, "people"),
    ("Talent Partner", R, None, "people"),
    ("Talent Acquisition Partner", R, None, "people"),
    ("HRBP", R, None, "people"),
    ("HR Business Partner", R, None, "people"),
    ("People Partner", R, None, "people"),
    ("Recruiting Coordinator", R, None, "people"),
    ("Finance Business Partner", X, None, "finance"),
    # schools and sites: a SENCo and a safety manager work across teams, not above them
    ("SENCo", X, "manager", "education"),
    ("Dep Head (Curriculum)", "department-head", "director", "education"),
    ("SHEQ Manager", X, "manager", None),
]


@pytest.mark.parametrize(
    ("title", "archetype", "level", "department"), TITLES, ids=[t[0] for t in TITLES]
)
def test_title(title: str, archetype: str, level: str | None, department: str | None) -> None:
    reading = read_title(title, KB)
    assert reading.archetype.value == archetype, reading.archetype.reasons
    if level is not None:
        assert reading.level.value == level, reading.level.reasons
    if department is not None:
        assert reading.department is not None, f"no department read from {title!r}"
        assert reading.department.value == department
    assert reading.archetype.reasons
    assert reading.archetype.confidence in ("high", "medium")


def test_at_least_sixty_titles_are_tested() -> None:
    assert len(TITLES) >= 60


@pytest.mark.parametrize(
    ("title", "normal"),
    [
        ("Sr. VP, Eng & Ops", "senior vp engineering and operations"),
        ("Directeur Général", "directeur general"),
        ("  Head   of/People ", "head of people"),
    ],
)
def test_normalise(title: str, normal: str) -> None:
    assert normalise_title(title) == normal


@pytest.mark.parametrize(
    "title",
    ["", "Wizard of Light Bulb Moments", "x" * 5000, "<script>alert(1)</script>", "営業部長"],
)
def test_a_title_it_cannot_place_is_a_low_confidence_guess(title: str) -> None:
    reading = read_title(title, KB)
    assert reading.archetype.confidence == "low"
    assert "guess" in reading.archetype.reasons[0]


def test_seniority_words_raise_an_individual_contributor() -> None:
    reading = read_title("Lead Data Scientist", KB)
    assert reading.level.value == "senior-ic"
    assert any("raises" in r or "'Lead" in r for r in reading.level.reasons)


@pytest.mark.parametrize(
    ("title", "quoted"),
    [
        pytest.param("Sr. VP, Eng & Ops", "'VP, Eng' in the title", id="abbreviations"),
        pytest.param("Non-Executive Director", "'Non-Executive Director'", id="hyphen"),
        pytest.param("Dir. of Ops", "'Dir. of Ops' in the title", id="short-forms"),
        pytest.param("Senior Engineer", "'Senior Engineer' in the title", id="as-cased"),
        pytest.param("Graduate Accountant", "'Graduate' makes it entry level", id="lowering-word"),
        pytest.param("x" * 70, "no known title pattern in their title", id="too-long-to-quote"),
    ],
)
def test_reasons_quote_the_title_as_written(title: str, quoted: str) -> None:
    """A reason quotes the title's own words, never the normalised reading, and never
    cuts it with '...'."""
    reading = read_title(title, KB)
    reasons = [*reading.archetype.reasons, *reading.level.reasons]
    assert any(quoted in r for r in reasons), reasons
    assert not any("..." in r for r in reasons), reasons
