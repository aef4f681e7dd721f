"""The real site's structured data, read from every built page by extruct, checked against the model it comes from;
its titles, 404 page, robots.txt and sitemap dates."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import extruct
import pytest
import yaml
from support.structured import assert_breadcrumbs_agree, title, visible_breadcrumb

from seokb.content.glossary import load_glossary
from seokb.content.quiz import load_quizzes
from seokb.diagnostics import Diagnostics

REPO = Path(__file__).resolve().parents[2]
SITE = "https://seokb.github.io/seokb/"
GRAPH_TYPES = {
    "home": ["Course", "WebSite"],
    "lesson": ["BreadcrumbList", "LearningResource"],
    "term": ["BreadcrumbList", "DefinedTerm"],
    "glossary": ["BreadcrumbList", "DefinedTermSet"],
    "quiz": ["BreadcrumbList", "Quiz"],
    "other": ["BreadcrumbList"],
}


def page_kind(relative: str) -> str:
    parts = relative.split("/")
    if relative == "index.html":
        return "home"
    if parts[0] == "lessons":
        return "lesson"
    if relative == "glossary/index.html":
        return "glossary"
    if parts[0] == "glossary":
        return "term"
    if parts[0] == "quizzes" and relative != "quizzes/index.html":
        return "quiz"
    return "other"


def pages(real_site: Path) -> dict[str, str]:
    """Every built page but 404.html, by its path in the site."""
    return {
        path.relative_to(real_site).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(real_site.rglob("index.html"))
        if not path.relative_to(real_site).as_posix().startswith(("search/", "assets/"))
    }


def graph(html: str, url: str) -> list[dict]:
    found = extruct.extract(html, base_url=url, syntaxes=["json-ld"], uniform=False)["json-ld"]
    assert len(found) == 1, "one JSON-LD script per page"
    assert found[0]["@context"] == "https://schema.org"
    return found[0]["@graph"]


def url_of(relative: str) -> str:
    return SITE + relative.removesuffix("index.html")


@pytest.fixture(scope="module")
def built(real_site: Path) -> dict[str, tuple[str, list[dict]]]:
    return {relative: (html, graph(html, url_of(relative))) for relative, html in pages(real_site).items()}


def test_every_page_has_the_types_of_its_kind(built) -> None:
    kinds = {page_kind(relative) for relative in built}
    assert kinds == set(GRAPH_TYPES), "the site has a page of every kind"
    wrong = {
        relative: sorted(node["@type"] for node in nodes)
        for relative, (_, nodes) in built.items()
        if sorted(node["@type"] for node in nodes) != GRAPH_TYPES[page_kind(relative)]
    }
    assert wrong == {}
    assert len(built) > 100


def by_type(nodes: list[dict], kind: str) -> dict:
    (node,) = [node for node in nodes if node["@type"] == kind]
    return node


def test_every_term_page_is_its_entry(built) -> None:
    glossary = load_glossary(REPO, Diagnostics())
    terms = by_type(built["glossary/index.html"][1], "DefinedTermSet")
    assert terms["url"] == SITE + "glossary/"
    assert [t["url"] for t in terms["hasDefinedTerm"]] == [f"{SITE}glossary/{term.slug}/" for term in glossary]
    for term in glossary:
        node = by_type(built[f"glossary/{term.slug}/index.html"][1], "DefinedTerm")
        assert (node["name"], node["description"], node["url"]) == (term.term, term.short, f"{SITE}glossary/{term.slug}/")
        assert node.get("alternateName", []) == list(term.aliases)
        assert node["inDefinedTermSet"]["@id"] == terms["@id"]


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])


def test_every_lesson_is_a_learning_resource_of_the_course_in_its_place(built) -> None:
    home = built["index.html"][1]
    course = by_type(home, "Course")
    lessons = {}
    for path in sorted((REPO / "docs" / "lessons").glob("*.md")):
        node = by_type(built[f"lessons/{path.stem}/index.html"][1], "LearningResource")
        meta = front_matter(path)
        assert node["position"] == meta["lesson"], path.name
        assert node["description"] == meta["description"]
        assert node["educationalLevel"] == "beginner"
        assert node["isPartOf"]["@id"] == course["@id"]
        assert not re.match(r"\d+\.", node["name"])
        lessons[node["position"]] = node["url"]
    assert [part["url"] for part in course["hasPart"]] == [lessons[n] for n in sorted(lessons)]
    website = by_type(home, "WebSite")
    assert (website["url"], website["name"]) == (SITE, "seokb")
    assert "potentialAction" not in website


def test_every_quiz_page_is_its_quiz(built) -> None:
    quizzes = load_quizzes(REPO, Diagnostics(), lessons={path.stem for path in (REPO / "docs" / "lessons").glob("*.md")})
    assert len(quizzes) > 5
    for quiz in quizzes:
        node = by_type(built[f"quizzes/{quiz.id}/index.html"][1], "Quiz")
        assert node["name"] == quiz.title
        assert [q["position"] for q in node["hasPart"]] == list(range(1, len(quiz.questions) + 1))
        assert all(q["@type"] == "Question" and q["name"] for q in node["hasPart"])
        if quiz.lesson:
            assert node["about"][0]["url"] == f"{SITE}lessons/{quiz.lesson}/"


def test_every_visible_breadcrumb_matches_its_breadcrumb_list(built) -> None:
    for relative, (html, nodes) in built.items():
        if relative == "index.html":
            assert visible_breadcrumb(html).navs == 0
            continue
        items = by_type(nodes, "BreadcrumbList")["itemListElement"]
        assert items[0]["item"] == SITE and items[0]["name"] == "Home", relative
        assert_breadcrumbs_agree(html, url_of(relative), items)
        # Every step is a page of the site.
        assert all(item["item"].removeprefix(SITE) + "index.html" in built for item in items), relative


def test_the_home_page_title_says_what_the_site_is_and_lessons_drop_their_number(built) -> None:
    home = built["index.html"][0]
    assert title(home) == "seokb: backlinks and link building, explained for beginners"
    assert len(title(home)) <= 60
    (og,) = re.findall(r'<meta property="og:title" content="([^"]*)">', home)
    assert og == title(home)
    for relative, (html, _) in built.items():
        if page_kind(relative) == "lesson":
            assert not re.match(r"\d+\.", title(html)), relative
            (og,) = re.findall(r'<meta property="og:title" content="([^"]*)">', html)
            assert title(html) == f"{og} - seokb", relative


def test_the_404_page(real_site: Path) -> None:
    html = (real_site / "404.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in html
    assert title(html) == "Page not found - seokb"
    article = html[html.index("<article") : html.index("</article>")]
    assert re.findall(r'href="([^"]*)"', article)[:4] == [
        "/seokb/lessons/what-is-a-backlink/",
        "/seokb/",
        "/seokb/glossary/",
        "/seokb/quizzes/",
    ]
    assert "ld+json" not in html


def test_robots_txt(real_site: Path) -> None:
    assert (real_site / "robots.txt").read_text(encoding="utf-8") == (
        "User-agent: *\nAllow: /\n\nSitemap: https://seokb.github.io/seokb/sitemap.xml\n"
    )


def test_sitemap_dates_are_each_sources_last_commit(real_site: Path) -> None:
    sitemap = (real_site / "sitemap.xml").read_text(encoding="utf-8")
    dates = dict(re.findall(r"<loc>([^<]+)</loc>\s*<lastmod>([^<]+)</lastmod>", sitemap))
    sources = {f"{SITE}lessons/{path.stem}/": f"docs/lessons/{path.stem}.md" for path in (REPO / "docs/lessons").glob("*.md")}
    sources.update({f"{SITE}glossary/{path.stem}/": f"glossary/{path.name}" for path in (REPO / "glossary").glob("*.yml")})
    sources.update({f"{SITE}quizzes/{path.stem}/": f"quizzes/{path.name}" for path in (REPO / "quizzes").glob("*.yml")})
    checked = 0
    for url, source in sorted(sources.items()):
        dirty = subprocess.run(["git", "status", "--porcelain", "--", source], cwd=REPO, capture_output=True, text=True)
        git = subprocess.run(["git", "log", "-1", "--format=%cs", "--", source], cwd=REPO, capture_output=True, text=True)
        if git.stdout.strip() and not dirty.stdout.strip():  # an uncommitted file is dated by its own time
            assert dates[url] == git.stdout.strip(), source
            checked += 1
    assert checked > 50
