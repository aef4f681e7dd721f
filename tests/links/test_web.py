"""The web between pages, built for real: auto-links, backlinks, terms per lesson, opt-outs and orphans."""

from __future__ import annotations

import re

import pytest
from support.project import Built, Project, entry, new_project, problem_lines


def terms_linked(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<a class="seokb-term" href="([^"]+)" data-seokb-def="[^"]*">([^<]+)</a>', html)


def write_web(project: Project) -> Project:
    """Three terms, a home page and two lessons: one that mentions the terms, one that opts out of linking."""
    project.write("glossary/backlink.yml", entry("backlink", aliases="[inbound link]", related="[anchor-text]"))
    project.write("glossary/anchor-text.yml", entry("anchor-text"))
    project.write(
        "glossary/exact-match-anchor-text.yml",
        entry("exact-match-anchor-text", term="Exact-match anchor text", related="[anchor-text]"),
    )
    project.write(
        "docs/lessons/first.md",
        (
            "---\ndescription: The first lesson.\n---\n# First lesson\n\n"
            "A backlink is a link. Backlinks matter, and inbound links too.\n\n"
            "Never repeat exact-match anchor text. Plain anchor text is fine.\n\n"
            "`backlink` in code and *backlink*{ .seokb-no-autolink } opted out.\n\n"
            "Next: [the second lesson](second.md).\n"
        ),
    )
    home = (project.root / "docs/index.md").read_text()
    project.write("docs/index.md", home + "\nStart with [the first lesson](lessons/first.md).\n")
    project.write(
        "docs/lessons/second.md",
        ("---\ndescription: The second lesson.\nautolink: false\n---\n# Second lesson\n\nA backlink, not linked here.\n"),
    )
    return project


@pytest.fixture
def web(project: Project) -> Project:
    """The web fixture, for a test that changes it before building."""
    return write_web(project)


@pytest.fixture(scope="module")
def built_web(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, Built]:
    """The web fixture built once, for the tests that only read what the build gave."""
    site = write_web(new_project(tmp_path_factory.mktemp("web") / "project"))
    return site, site.build()


def test_first_mentions_link_to_their_terms_with_a_tooltip(built_web: tuple[Project, Built]) -> None:
    web, result = built_web
    assert result.returncode == 0, result.stderr
    html = web.site("lessons/first/index.html")
    assert terms_linked(html) == [
        ("../../glossary/backlink/", "backlink"),
        ("../../glossary/exact-match-anchor-text/", "exact-match anchor text"),
        ("../../glossary/anchor-text/", "anchor text"),
    ]
    assert 'data-seokb-def="A short definition of backlink."' in html
    assert "<code>backlink</code>" in html and '<em class="seokb-no-autolink">backlink</em>' in html


def test_a_page_can_opt_out(built_web: tuple[Project, Built]) -> None:
    web, result = built_web
    assert result.returncode == 0, result.stderr
    assert terms_linked(web.site("lessons/second/index.html")) == []


def test_term_pages_list_the_pages_that_mention_them(built_web: tuple[Project, Built]) -> None:
    web, result = built_web
    assert result.returncode == 0, result.stderr
    backlink = web.site("glossary/backlink/index.html")
    panel = backlink[backlink.index('id="mentioned-in"') : backlink.index('id="sources"')]
    assert re.findall(r'<li><a href="([^"]+)">([^<]+)</a><blockquote>([^<]+)</blockquote>', panel) == [
        ("../../", "Home", "See the glossary: what a backlink is, and what anchor text does."),
        ("../../lessons/first/", "First lesson", "A backlink is a link."),
    ]
    # The second lesson opted out, and a term's own page is never its own backlink.
    assert "Second lesson" not in panel and ">Backlink</a><blockquote>" not in panel
    assert '<a href="#mentioned-in" class="md-nav__link">' in backlink or 'href="#mentioned-in"' in backlink


def test_the_panel_is_hidden_when_nobody_mentions_the_term(web: Project) -> None:
    web.write("docs/index.md", "---\ndescription: A page of the fixture site, for the tests.\n---\n# Home\n\nNothing to see.\n")
    web.write(
        "docs/lessons/first.md",
        (
            "---\ndescription: A page of the fixture site, for the tests.\n---\n# First\n\n"
            "An exact-match anchor text, and a backlink. Next: [the second lesson](second.md).\n"
        ),
    )
    assert web.build().returncode == 0
    anchor_text = web.site("glossary/anchor-text/index.html")
    assert "mentioned-in" not in anchor_text and "seokb-slot" not in anchor_text


def test_each_lesson_ends_with_its_terms(built_web: tuple[Project, Built]) -> None:
    web, result = built_web
    assert result.returncode == 0, result.stderr
    html = web.site("lessons/first/index.html")
    tail = html[html.index('id="terms-in-this-lesson"') :]
    assert re.findall(r'<dt><a href="([^"]+)">([^<]+)</a></dt>', tail) == [
        ("../../glossary/backlink/", "Backlink"),
        ("../../glossary/exact-match-anchor-text/", "Exact-match anchor text"),
        ("../../glossary/anchor-text/", "Anchor text"),
    ]


def test_related_terms_show_both_ways_on_the_pages(built_web: tuple[Project, Built]) -> None:
    web, result = built_web
    assert result.returncode == 0, result.stderr
    anchor_text = web.site("glossary/anchor-text/index.html")
    related = anchor_text[anchor_text.index('id="related-terms"') :]
    assert 'href="../backlink/"' in related and 'href="../exact-match-anchor-text/"' in related


def test_an_orphan_term_is_reported_with_its_file(web: Project) -> None:
    web.write("glossary/link-gap.yml", entry("link-gap"))
    result = web.build()
    assert result.returncode != 0  # strict: the warning fails the build
    assert problem_lines(result.stderr) == [
        "WARNING -  glossary/link-gap.yml:1: orphan term: no page mentions 'Link gap' and no entry relates to it; "
        "mention it in a lesson or list it under another entry's related",
    ]


def test_a_broken_link_the_engine_injects_is_caught_at_the_mention(web: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    # The engine's own links are checked like a contributor's: make it write wrong term URLs and the build names
    # each mention's file and line.
    import seokb.engine.build as adapter
    import seokb.links.terms as linking

    right = adapter.relative_url
    wrong = lambda url, page: right(url.replace("anchor-text", "anchor-txt"), page)  # noqa: E731
    monkeypatch.setattr(adapter, "relative_url", wrong)
    monkeypatch.setattr(linking, "relative_url", wrong)
    result = web.build()
    assert result.returncode != 0
    # Each mention's own link, at its line; and the lesson's "Terms in this lesson" list, which the engine wrote
    # at the end of the page (line 1: no line of the lesson file holds it).
    assert [line for line in problem_lines(result.stderr) if line.startswith("ERROR")] == [
        "ERROR   -  docs/index.md:6: link 'glossary/anchor-txt/': the engine wrote a link to a page that does not "
        "exist ('glossary/anchor-txt/' from '/')",
        "ERROR   -  docs/lessons/first.md:1: link '../../glossary/anchor-txt/': the engine wrote a link to a page that "
        "does not exist ('../../glossary/anchor-txt/' from '/lessons/first/')",
        "ERROR   -  docs/lessons/first.md:1: link '../../glossary/exact-match-anchor-txt/': the engine wrote a link to a "
        "page that does not exist ('../../glossary/exact-match-anchor-txt/' from '/lessons/first/')",
        "ERROR   -  docs/lessons/first.md:8: link '../../glossary/anchor-txt/': the engine wrote a link to a page that "
        "does not exist ('../../glossary/anchor-txt/' from '/lessons/first/')",
        "ERROR   -  docs/lessons/first.md:8: link '../../glossary/exact-match-anchor-txt/': the engine wrote a link to a "
        "page that does not exist ('../../glossary/exact-match-anchor-txt/' from '/lessons/first/')",
        # The link profile's "Every page" table is written as HTML with the same URLs, and checked the same way.
        # The engine wrote them itself: a bug to report, said in the message so the `path:line:` form stays.
        "ERROR   -  link-profile.md:1: link '../glossary/anchor-txt/': the engine wrote a link to a page that "
        "does not exist ('../glossary/anchor-txt/' from '/link-profile/') (in the page the engine writes; please report it)",
        "ERROR   -  link-profile.md:1: link '../glossary/exact-match-anchor-txt/': the engine wrote a link to "
        "a page that does not exist ('../glossary/exact-match-anchor-txt/' from '/link-profile/') (in the page the engine "
        "writes; please report it)",
    ]


def test_an_orphan_page_is_reported_with_its_file(web: Project) -> None:
    # No term on it either: a "Mentioned in" panel would link it.
    web.write("docs/lost.md", "---\ndescription: A page nothing links to.\n---\n# Lost\n\nNothing to see.\n")
    result = web.build()
    assert result.returncode != 0
    assert problem_lines(result.stderr) == [
        "WARNING -  docs/lost.md:1: orphan page: no other page links to it; link it from a lesson or the home page",
    ]
