"""The writing engine: phrase kinds, grammar, and slots that refuse what does not fit."""

from __future__ import annotations

from datetime import date

import pytest

from finalist.knowledge import load
from finalist.knowledge.schema import SlotKind
from finalist.writing import (
    Kind,
    Writer,
    article,
    for_reader,
    join,
    kind_of,
    organisation,
    possessive,
    sentence,
    short_role,
    shorten,
    spelling_of,
    to_second_person,
)

KB = load(None)
W = Writer(KB)
US = Writer(KB, "american")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param("the ETA roadmap", Kind.noun_phrase, id="noun-phrase"),
        pytest.param("notice period", Kind.noun_phrase, id="bare-noun-phrase"),
        pytest.param(
            "staff at Northgate feeling left out of decisions",
            Kind.noun_phrase,
            id="participle-inside",
        ),
        pytest.param("the scheme of work I mentioned", Kind.noun_phrase, id="reduced-relative"),
        pytest.param(
            "the reconciliations your team still does by hand",
            Kind.noun_phrase,
            id="reduced-relative-possessive",
        ),
        pytest.param("the plan that was dropped twice", Kind.noun_phrase, id="relative-clause"),
        pytest.param("store cash counts", Kind.noun_phrase, id="plural-not-verb"),
        pytest.param(
            "adapting lessons so students with SEND do the same maths",
            Kind.noun_phrase,
            id="gerund",
        ),
        pytest.param("how to measure inclusion", Kind.clause, id="wh-clause"),
        pytest.param("whether indexation could work", Kind.clause, id="whether"),
        pytest.param("to cut agency spend", Kind.infinitive, id="infinitive"),
        pytest.param("She wants a standing safety huddle", Kind.sentence, id="third-person"),
        pytest.param("you're trialling a buddy scheme", Kind.sentence, id="you-are-contracted"),
        pytest.param("Social Work England", Kind.noun_phrase, id="a-name-with-a-verb-word"),
        pytest.param("placements get confirmed late", Kind.sentence, id="get"),
        pytest.param("Gareth said they hope to decide by Friday", Kind.sentence, id="name-said"),
        pytest.param(
            "the timetable for the refinancing is nine months",
            Kind.sentence,
            id="verb-after-preposition-phrase",
        ),
        pytest.param("her volunteers already run bake sales", Kind.sentence, id="adverb-cue"),
        pytest.param("GMs don't read the site P&L", Kind.sentence, id="negation"),
        pytest.param("I liked the audit plan", Kind.first_person, id="first-person"),
        pytest.param("we use 4 data drops a year", Kind.first_person, id="we"),
        pytest.param("", Kind.empty, id="empty"),
        pytest.param("   \n ", Kind.empty, id="blank"),
        pytest.param(None, Kind.empty, id="none"),
        pytest.param("教学计划", Kind.noun_phrase, id="other-script"),
        pytest.param("<script>alert(1)</script>", Kind.noun_phrase, id="html"),
    ],
)
def test_phrase_kinds(text: str | None, kind: Kind) -> None:
    assert kind_of(text) is kind


@pytest.mark.parametrize(
    ("slot", "value", "expected"),
    [
        pytest.param(SlotKind.np, "notice period", "the notice period", id="article-added"),
        pytest.param(SlotKind.np, "the ETA roadmap", "the ETA roadmap", id="own-determiner"),
        pytest.param(SlotKind.np, "tenant satisfaction", "tenant satisfaction", id="abstract"),
        pytest.param(SlotKind.np, "budget pressures", "budget pressures", id="plural"),
        pytest.param(SlotKind.np, "Ofsted", "Ofsted", id="name"),
        pytest.param(SlotKind.np, "safeguarding", "safeguarding", id="gerund"),
        pytest.param(SlotKind.np, "value for money", "value for money", id="mass-noun"),
        pytest.param(SlotKind.np, "I liked the audit plan", None, id="np-refuses-remark"),
        pytest.param(SlotKind.np, "how to measure inclusion", None, id="np-refuses-clause"),
        pytest.param(
            SlotKind.about,
            "how to measure inclusion",
            "how to measure inclusion",
            id="about-takes-clause",
        ),
        pytest.param(
            SlotKind.about, "How we plan cover", "how we plan cover", id="about-lowercases-clause"
        ),
        pytest.param(
            SlotKind.about,
            "to cut agency spend",
            "how to cut agency spend",
            id="about-turns-infinitive",
        ),
        pytest.param(SlotKind.about, "She wants a huddle", None, id="about-refuses-sentence"),
        pytest.param(SlotKind.about, "", None, id="about-refuses-empty"),
        pytest.param(SlotKind.first, "I said six months", "I said six months.", id="first-person"),
        pytest.param(SlotKind.first, "the board wants a plan", None, id="first-refuses-other"),
        pytest.param(
            SlotKind.clause, "You want a huddle.", "you want a huddle", id="clause-lowercased"
        ),
        pytest.param(
            SlotKind.list,
            ["the deck", "two references", "notice period"],
            "the deck, two references and the notice period",
            id="list-joined",
        ),
        pytest.param(SlotKind.date, date(2026, 12, 11), "Friday 11 December", id="date"),
        pytest.param(SlotKind.date, "Friday", None, id="date-refuses-text"),
    ],
)
def test_slots_fit_or_refuse(slot: SlotKind, value: object, expected: str | None) -> None:
    assert W.fit(slot, value) == expected  # type: ignore[arg-type]


def test_a_very_long_phrase_is_shortened_at_a_boundary_or_left_out() -> None:
    long = (
        "the plan for the new timetable across all three sites, which the governors asked "
        "for after the inspection last spring and which the staff have not yet seen in full"
    )
    fitted = W.fit(SlotKind.np, long)
    assert fitted == "the plan for the new timetable across all three sites"
    no_boundary = " ".join(["word"] * 40)
    assert W.fit(SlotKind.np, no_boundary) is None
    assert shorten(no_boundary, 10) is None


def test_a_wording_that_cannot_take_the_values_is_left_out() -> None:
    said = W.say("note-thanks", 0, meeting="the panel", day="Tuesday", topic="I rambled on")
    assert said is None
    good = W.say("note-thanks", 0, meeting="the panel", day="Tuesday", topic="notice period")
    assert good is not None
    assert "the notice period" in good
    assert good[0].isupper()
    assert good.endswith(".")


def test_each_pick_gives_a_different_wording_and_none_is_said_twice() -> None:
    writer = Writer(KB)
    closes = {writer.say("note-close", i, company="Acme") for i in range(8)}
    assert len(closes) == 8


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("HR partner", "an"),
        ("executive", "an"),
        ("unit", "a"),
        ("hour", "an"),
        ("honest view", "an"),
        ("18-month plan", "an"),
        ("8 week plan", "an"),
        ("1-page note", "a"),
        ("SENCo", "a"),
        ("MBA", "an"),
        ("one-page note", "a"),
        ("European role", "a"),
        ("", "a"),
    ],
)
def test_a_or_an(word: str, expected: str) -> None:
    assert article(word) == expected


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], ""),
        (["Tom"], "Tom"),
        (["Tom", "Ana"], "Tom and Ana"),
        (["Tom", "Ana", "Daniel Reyes"], "Tom, Ana and Daniel Reyes"),
        (["Tom", "", "  ", "Ana"], "Tom and Ana"),
    ],
)
def test_join(items: list[str], expected: str) -> None:
    assert join(items) == expected


def test_small_grammar() -> None:
    assert possessive("James") == "James's"
    assert possessive("the governors") == "the governors'"
    assert sentence("  thank you for   the tour ") == "Thank you for the tour."
    assert sentence("Is it ready?") == "Is it ready?"
    assert organisation("Department for Education") == "the Department for Education"
    assert organisation("Ashcombe Borough Council") == "Ashcombe Borough Council"
    assert short_role("Ward Sister / Charge Nurse, Ward 7B") == "Ward Sister"
    assert short_role("Policy Lead, Adult Skills Fund (Grade 7)") == "Policy Lead"


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("she wants a standing safety huddle", "Helen Ward", "you want a standing safety huddle"),
        ("Helen said she hopes to decide soon", "Helen Ward", "you said you hope to decide soon"),
        ("he's tired of doing two jobs", "Sam Achterberg", "you're tired of doing two jobs"),
        ("the board wants a plan", "Helen Ward", None),
    ],
)
def test_turned_to_the_reader(text: str, name: str, expected: str | None) -> None:
    assert to_second_person(text, name) == expected


def test_a_phrase_about_the_reader_is_turned_for_their_note() -> None:
    assert for_reader("her idea of estate walkabouts", "Nasreen Akhtar") == (
        "your idea of estate walkabouts"
    )
    assert for_reader("the HRA business plan", "Richard Thorne") == "the HRA business plan"


def test_spelling_follows_the_candidate() -> None:
    assert US.spell("I would prioritise the programme") == "I would prioritize the program"
    assert W.spell("I would prioritise the programme") == "I would prioritise the programme"
    assert spelling_of(KB, ["We organized the program around behavior."], None) == "american"
    assert spelling_of(KB, ["We organised the programme."], "America/Chicago") == "british"
    assert spelling_of(KB, ["No telling words here."], "America/Chicago") == "american"
    assert spelling_of(KB, [None], None) == "british"


def test_every_phrasing_variant_renders_a_whole_sentence() -> None:
    """Every wording of every entry, with ordinary values of each slot's kind: no slot
    left, a capital first letter and an end mark."""
    samples: dict[SlotKind, object] = {
        SlotKind.name: "Riverside Grocers",
        SlotKind.text: "the panel interview",
        SlotKind.np: "the ledger cut-over plan",
        SlotKind.about: "the month-end close",  # a clause fits "about" too: see above
        SlotKind.clause: "you want a standing safety huddle",
        SlotKind.sentence: "We closed the books in five days.",
        SlotKind.first: "I ran the close myself.",
        SlotKind.list: ["the deck", "two references"],
        SlotKind.date: date(2026, 12, 11),
    }
    from finalist.coach.note_checks import _well_formed

    for entry in KB.phrasing.values():
        if entry.id.endswith(("-subject", "-signoff", "-title")):
            continue  # a subject line, a heading and a sign-off are not sentences
        for variant in entry.variants:
            values = {n: samples[k] for n, k in entry.slots.items()}
            if "evidence" in values:  # a sentence from a story, put in as it is
                values["evidence"] = "We closed the books in five days."
            rendered = W._render(entry, variant, values)
            assert rendered is not None, (entry.id, variant)
            assert "{" not in rendered, (entry.id, rendered)
            quoted = rendered[:1] in "'\"\u2018\u201c"  # a quotation keeps its own case
            assert quoted or rendered[:1].isupper(), (entry.id, rendered)
            assert rendered.endswith((".", "?", ",", "!")), (entry.id, rendered)
            assert _well_formed(rendered).passed, (entry.id, rendered)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("manage the budget", "managing the budget"),
        ("run discovery", "running discovery"),
        ("plan the year", "planning the year"),
        ("open two clinics", "opening two clinics"),
        ("line manage the team", "line managing the team"),
        ("agree terms", "agreeing terms"),
        ("lead the ERP replacement", "leading the ERP replacement"),
        ("improved it", None),
        ("feed back to the board", "feeding back to the board"),
        ("meeting people", None),
    ],
)
def test_a_duty_as_its_ing_form(phrase: str, expected: str | None) -> None:
    from finalist.writing import gerund

    assert gerund(phrase) == expected
