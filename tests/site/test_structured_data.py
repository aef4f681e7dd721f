"""The structured-data generator (site/structured_data.py): JSON-LD read back by a real parser, and the escaping."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import extruct
import pytest

from seokb.content.model import Glossary, Source, Term
from seokb.content.quiz import Answer, Question, Quiz
from seokb.site import structured_data as sd

HOME = "https://example.org/site/"
HOSTILE = "x</script><script>alert(1)</script> & <!-- \u2028"


def term(slug: str = "backlink", name: str = "Backlink", aliases: tuple[str, ...] = ("inbound link",)) -> Term:
    return Term(
        slug=slug,
        term=name,
        short=f"A short line about {name}.",
        definition="d",
        example="e",
        category="basics",
        sources=(Source("s", "https://example.org/"),),
        aliases=aliases,
    )


def read_back(script: str) -> list[dict]:
    """The nodes a structured-data parser finds in a page holding `script`."""
    page = f"<!doctype html><html><head><title>t</title>{script}</head><body><p>text</p></body></html>"
    (data,) = extruct.extract(page, base_url=HOME, syntaxes=["json-ld"], uniform=False)["json-ld"]
    assert data["@context"] == "https://schema.org"
    return data["@graph"]


def test_json_has_no_character_that_could_end_the_script() -> None:
    text = sd.to_json({"name": HOSTILE, "list": [HOSTILE]})
    assert not set(text) & {"<", ">", "&", "\u2028"}
    assert "\\u003c/script\\u003e" in text
    assert json.loads(text) == {"name": HOSTILE, "list": [HOSTILE]}  # the escapes mean the same characters


def test_a_hostile_name_is_read_back_as_the_text_it_is() -> None:
    script = sd.script([sd.defined_term(term(name=HOSTILE, aliases=(HOSTILE,)), HOME + "glossary/x/", HOME + "glossary/", "G")])
    assert script.count("</script>") == 1 and script.endswith("</script>")
    (node,) = read_back(script)
    assert node["name"] == HOSTILE and node["alternateName"] == [HOSTILE]


def test_no_nodes_no_script() -> None:
    assert sd.script([]) == ""


def test_a_defined_term_names_its_set_and_its_aliases() -> None:
    (node,) = read_back(sd.script([sd.defined_term(term(), HOME + "glossary/backlink/", HOME + "glossary/", "Fixture glossary")]))
    assert node["@type"] == "DefinedTerm"
    assert (node["name"], node["description"], node["url"]) == (
        "Backlink",
        "A short line about Backlink.",
        HOME + "glossary/backlink/",
    )
    assert node["alternateName"] == ["inbound link"]
    assert node["inDefinedTermSet"]["@id"] == HOME + "glossary/#glossary"
    assert node["inDefinedTermSet"]["url"] == HOME + "glossary/"


def test_a_term_without_aliases_has_no_alternate_name() -> None:
    assert "alternateName" not in sd.defined_term(term(aliases=()), HOME + "g/x/", HOME + "g/", "G")


def test_the_term_set_lists_every_term_under_the_id_the_terms_point_to() -> None:
    glossary = Glossary((term("anchor-text", "Anchor text"), term()))
    node = sd.defined_term_set(glossary, HOME + "glossary/", "G", "All terms.", lambda slug: f"{HOME}glossary/{slug}/")
    (read,) = read_back(sd.script([node]))
    assert read["@type"] == "DefinedTermSet"
    assert [t["name"] for t in read["hasDefinedTerm"]] == ["Anchor text", "Backlink"]
    assert read["hasDefinedTerm"][1]["url"] == HOME + "glossary/backlink/"
    assert read["@id"] == sd.defined_term(term(), HOME + "glossary/backlink/", HOME + "glossary/", "G")["inDefinedTermSet"]["@id"]


def test_a_lesson_is_a_learning_resource_of_the_course() -> None:
    lessons = [sd.LessonRef("One", HOME + "lessons/one/", 1, "First."), sd.LessonRef("Two", HOME + "lessons/two/", 2)]
    (resource,) = read_back(sd.script([sd.learning_resource(lessons[1], "The course", HOME)]))
    assert resource["@type"] == "LearningResource"
    assert (resource["position"], resource["educationalLevel"]) == (2, "beginner")
    assert resource["isPartOf"] == {"@type": "Course", "@id": HOME + "#course", "name": "The course", "url": HOME}
    assert "description" not in resource
    course = sd.course("The course", "About it.", HOME, "Fixture", lessons)
    assert course["@id"] == resource["isPartOf"]["@id"]
    assert [(part["name"], part["position"]) for part in course["hasPart"]] == [("One", 1), ("Two", 2)]


def test_the_website_claims_no_search_action() -> None:
    node = sd.website("Fixture", HOME, "A site.")
    assert (node["@type"], node["url"], node["name"]) == ("WebSite", HOME, "Fixture")
    assert "potentialAction" not in node  # the theme's search takes no query from the URL


def test_a_quiz_has_its_questions_and_what_it_is_about() -> None:
    answers = (Answer("a", True, "why"), Answer("b", False, "why"))
    quiz = Quiz(
        "q",
        "A quiz",
        "About links.",
        (Question("single", answers, prompt="Which **one**?"), Question("single", answers, scenario="Story.")),
    )
    about = [{"@type": "LearningResource", "@id": HOME + "lessons/one/", "name": "One"}]
    (node,) = read_back(
        sd.script([sd.quiz(quiz, HOME + "quizzes/q/", "About links.", about, plain=lambda t: t.replace("*", ""))])
    )
    assert node["@type"] == "Quiz"
    assert [(q["@type"], q["name"], q["position"]) for q in node["hasPart"]] == [
        ("Question", "Which one?", 1),
        ("Question", "Story.", 2),
    ]
    assert node["about"][0]["@id"] == HOME + "lessons/one/"


CRUMBS = [sd.Crumb("Home", HOME), sd.Crumb("Glossary", HOME + "glossary/"), sd.Crumb(HOSTILE, HOME + "glossary/x/")]


def test_the_breadcrumb_list_numbers_every_step_from_one() -> None:
    (node,) = read_back(sd.script([sd.breadcrumb_list(CRUMBS)]))
    assert node["@type"] == "BreadcrumbList"
    assert [(i["@type"], i["position"], i["name"], i["item"]) for i in node["itemListElement"]] == [
        ("ListItem", 1, "Home", HOME),
        ("ListItem", 2, "Glossary", HOME + "glossary/"),
        ("ListItem", 3, HOSTILE, HOME + "glossary/x/"),
    ]


class Breadcrumb(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        if data.strip():
            self.texts.append(data)


def test_the_visible_breadcrumb_is_a_labelled_ordered_list_ending_at_the_current_page() -> None:
    parsed = Breadcrumb()
    parsed.feed(sd.breadcrumb_html(CRUMBS, ["../../", "../", "./"]))
    assert parsed.tags[0] == ("nav", {"class": "md-path seokb-breadcrumb", "aria-label": "Breadcrumb"})
    assert [tag for tag, _ in parsed.tags] == ["nav", "ol", "li", "a", "li", "a", "li", "span"]
    assert [attrs["href"] for tag, attrs in parsed.tags if tag == "a"] == ["../../", "../"]
    assert parsed.tags[-1][1]["aria-current"] == "page"
    assert parsed.texts == ["Home", "Glossary", HOSTILE]  # the name escaped: text, not markup


@pytest.mark.parametrize("crumbs", [[], CRUMBS[:1]])
def test_a_single_step_is_no_breadcrumb(crumbs) -> None:
    assert sd.breadcrumb_html(crumbs, ["./"] * len(crumbs)) == ""
