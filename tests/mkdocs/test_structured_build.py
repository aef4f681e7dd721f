"""A fixture site built with the hooks: its JSON-LD read by extruct, the visible breadcrumb, titles, the 404 page,
robots.txt, and sitemap dates from a git history with two commits on different days (and without git)."""

from __future__ import annotations

import os
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import extruct
import pytest
from support.hostile_cases import quiz
from support.project import Project, entry, new_project
from support.structured import assert_breadcrumbs_agree, title, visible_breadcrumb

SITE = "https://example.org/fixture/"
NAV = """\
nav:
  - Home: index.md
  - Lessons:
      - "1. Links": lessons/first.md
  - Glossary: glossary/index.md
  - Quizzes: quizzes/index.md
  - Profile: link-profile.md
"""
LESSON = """---
description: The first lesson of the fixture course.
lesson: 1
---
# What a backlink is

A backlink is a link from another site. Anchor text is its words. Try the [quiz](../quizzes/a-quiz.md).
"""
HOME = """---
title: "Fixture: links explained for beginners"
description: A page of the fixture site, for the tests.
---
# Home of the fixture

Start with [the first lesson](lessons/first.md) or the [glossary](glossary/index.md): what a backlink is, and what anchor text does.
"""


def write_course(site: Project) -> None:
    site.write("mkdocs.yml", (site.root / "mkdocs.yml").read_text(encoding="utf-8") + NAV)
    site.write("docs/index.md", HOME)
    site.write("docs/lessons/first.md", LESSON)
    site.write("glossary/backlink.yml", entry("backlink", aliases="[inbound link]", related="[anchor-text]"))
    site.write("glossary/anchor-text.yml", entry("anchor-text"))
    site.write("quizzes/a-quiz.yml", quiz().replace("intro:", "lesson: first\nintro:"))


def git(root: Path, *args: str, when: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t"}
    env["GIT_COMMITTER_EMAIL"] = "t@example.org"
    if when:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def course_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The fixture course in a git repository: everything committed on 2 January 2024, then backlink.yml changed
    on 4 March 2025 (late in the evening in UTC-5: the 5th in UTC; git's %cs says the 4th, and so must we)."""
    site = new_project(tmp_path_factory.mktemp("structured") / "project")
    write_course(site)
    git(site.root, "init", "-q", "-b", "main")
    git(site.root, "add", "-A")
    git(site.root, "commit", "-qm", "first", when="2024-01-02T12:00:00+00:00")
    site.write("glossary/backlink.yml", entry("backlink", aliases="[inbound link]", related="[anchor-text]", short='"Changed."'))
    git(site.root, "commit", "-qam", "second", when="2025-03-04T22:30:00-05:00")
    result = site.build("--strict")
    assert result.returncode == 0, result.stderr
    return site


def json_ld(site: Project, page: str) -> list[dict]:
    html = site.site(page)
    found = extruct.extract(html, base_url=SITE + page.removesuffix("index.html"), syntaxes=["json-ld"], uniform=False)["json-ld"]
    return [node for data in found for node in data.get("@graph", [data])]


def types(site: Project, page: str) -> list[str]:
    return sorted(node["@type"] for node in json_ld(site, page))


@pytest.mark.parametrize(
    "page, expected",
    [
        ("index.html", ["Course", "WebSite"]),
        ("lessons/first/index.html", ["BreadcrumbList", "LearningResource"]),
        ("glossary/backlink/index.html", ["BreadcrumbList", "DefinedTerm"]),
        ("glossary/index.html", ["BreadcrumbList", "DefinedTermSet"]),
        ("quizzes/a-quiz/index.html", ["BreadcrumbList", "Quiz"]),
        ("quizzes/index.html", ["BreadcrumbList"]),
        ("link-profile/index.html", ["BreadcrumbList"]),
    ],
)
def test_each_page_type_has_its_structured_data(course_site: Project, page: str, expected: list[str]) -> None:
    assert types(course_site, page) == expected


def node(site: Project, page: str, kind: str) -> dict:
    (found,) = [n for n in json_ld(site, page) if n["@type"] == kind]
    return found


def test_the_nodes_come_from_the_model(course_site: Project) -> None:
    term = node(course_site, "glossary/backlink/index.html", "DefinedTerm")
    assert (term["name"], term["description"], term["alternateName"]) == ("Backlink", "Changed.", ["inbound link"])
    assert term["url"] == SITE + "glossary/backlink/"
    terms = node(course_site, "glossary/index.html", "DefinedTermSet")
    assert term["inDefinedTermSet"]["@id"] == terms["@id"]
    assert [t["url"] for t in terms["hasDefinedTerm"]] == [SITE + "glossary/anchor-text/", SITE + "glossary/backlink/"]
    lesson = node(course_site, "lessons/first/index.html", "LearningResource")
    assert (lesson["name"], lesson["position"], lesson["educationalLevel"]) == ("What a backlink is", 1, "beginner")
    assert lesson["description"] == "The first lesson of the fixture course."
    course = node(course_site, "index.html", "Course")
    assert lesson["isPartOf"]["@id"] == course["@id"] and course["name"] == "Home of the fixture"
    assert [part["url"] for part in course["hasPart"]] == [SITE + "lessons/first/"]
    assert node(course_site, "index.html", "WebSite")["url"] == SITE
    quiz_node = node(course_site, "quizzes/a-quiz/index.html", "Quiz")
    assert quiz_node["name"] == "A quiz" and [q["name"] for q in quiz_node["hasPart"]] == ["Which one?"]
    assert quiz_node["about"][0]["url"] == SITE + "lessons/first/"


@pytest.mark.parametrize(
    "page, names",
    [
        ("lessons/first/", ["Home", "What a backlink is"]),
        ("glossary/backlink/", ["Home", "Glossary", "Backlink"]),
        ("glossary/", ["Home", "Glossary"]),
        ("quizzes/a-quiz/", ["Home", "Quizzes", "A quiz"]),
    ],
)
def test_the_visible_breadcrumb_matches_the_breadcrumb_list(course_site: Project, page: str, names: list[str]) -> None:
    items = node(course_site, page + "index.html", "BreadcrumbList")["itemListElement"]
    assert [item["name"] for item in items] == names
    assert_breadcrumbs_agree(course_site.site(page + "index.html"), SITE + page, items)


def test_the_home_page_has_no_breadcrumb(course_site: Project) -> None:
    assert visible_breadcrumb(course_site.site("index.html")).navs == 0


def test_titles_say_what_the_page_is_without_the_navigation_number(course_site: Project) -> None:
    home = course_site.site("index.html")
    assert title(home) == "Fixture: links explained for beginners"
    assert '<meta property="og:title" content="Fixture: links explained for beginners">' in home
    assert title(course_site.site("lessons/first/index.html")) == "What a backlink is - Fixture"
    assert title(course_site.site("glossary/backlink/index.html")) == "Backlink - Fixture"


def lastmod(site: Project) -> dict[str, str]:
    sitemap = site.site("sitemap.xml")
    return dict(re.findall(r"<loc>([^<]+)</loc>\s*<lastmod>([^<]+)</lastmod>", sitemap))


def test_sitemap_dates_are_the_last_commit_of_each_pages_source(course_site: Project) -> None:
    dates = lastmod(course_site)
    assert dates[SITE + "glossary/backlink/"] == "2025-03-04"  # the committer's day, as git log --format=%cs
    assert git(course_site.root, "log", "-1", "--format=%cs", "--", "glossary/backlink.yml").strip() == "2025-03-04"
    assert dates[SITE + "glossary/anchor-text/"] == "2024-01-02"
    assert dates[SITE + "lessons/first/"] == "2024-01-02"
    assert dates[SITE] == "2024-01-02"
    assert dates[SITE + "quizzes/a-quiz/"] == "2024-01-02"
    assert dates[SITE + "glossary/"] == "2025-03-04"  # the index: its newest entry
    assert dates[SITE + "link-profile/"] == "2025-03-04"  # written from every page


def test_without_git_the_files_own_time_dates_the_pages(tmp_path: Path) -> None:
    site = new_project(tmp_path / "tarball")
    write_course(site)
    noon = datetime(2023, 5, 6, 12, tzinfo=UTC).timestamp()
    for path in (site.root / "glossary" / "backlink.yml", site.root / "docs" / "lessons" / "first.md"):
        os.utime(path, (noon, noon))
    result = site.build("--strict", env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    dates = lastmod(site)
    assert dates[SITE + "glossary/backlink/"] == dates[SITE + "lessons/first/"] == "2023-05-06"
    assert (
        dates[SITE + "glossary/anchor-text/"]
        == datetime.fromtimestamp((site.root / "glossary" / "anchor-text.yml").stat().st_mtime, tz=UTC).date().isoformat()
    )


def test_robots_txt_allows_everything_and_names_the_sitemap(course_site: Project) -> None:
    assert course_site.site("robots.txt") == f"User-agent: *\nAllow: /\n\nSitemap: {SITE}sitemap.xml\n"


def test_the_404_page_helps_from_any_depth_and_asks_not_to_be_indexed(course_site: Project) -> None:
    html = course_site.site("404.html")
    assert title(html) == "Page not found - Fixture"
    assert '<meta name="robots" content="noindex">' in html
    (description,) = re.findall(r'<meta name="description" content="([^"]*)"', html)
    assert description.startswith("This page does not exist on Fixture.")
    assert 'rel="canonical"' not in html
    article = html[html.index("<article") : html.index("</article>")]
    links = re.findall(r'href="([^"]*)"', article)
    assert links[:4] == ["/fixture/lessons/first/", "/fixture/", "/fixture/glossary/", "/fixture/quizzes/"]
    assert "search" in article
    # Every asset and link of the page is absolute too: 404.html is served at /fixture/a/b/c.
    assert not [href for href in re.findall(r'(?:href|src)="([^"]*)"', html) if href.startswith((".", "../")) or href == ""]
