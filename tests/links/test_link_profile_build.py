"""The link profile in full builds: a fixture site with known links, and the real site."""

from __future__ import annotations

import re
from pathlib import Path

from support.project import Project, entry, problem_lines

FRONT = "---\ndescription: A page of the fixture site, for the tests.\n---\n"


def fixture_site(project: Project, *, repeated_anchor: bool) -> None:
    project.write("glossary/backlink.yml", entry("backlink", related="[anchor-text]"))
    project.write("glossary/anchor-text.yml", entry("anchor-text"))
    words = ["guide one", "guide two", "guide three"] if not repeated_anchor else ["the guide"] * 3
    project.write(
        "docs/index.md",
        FRONT
        + "# Home\n\nA backlink, anchor text, the [profile](link-profile.md).\n\n"
        + "".join(f"- [{w}](lessons/guide.md)\n" for w in words[:1])
        + "- [first](lessons/one.md)\n",
    )
    project.write("docs/lessons/one.md", FRONT + f"# One\n\nRead [{words[1]}](guide.md). And [two](two.md).\n")
    project.write("docs/lessons/two.md", FRONT + f"# Two\n\nRead [{words[2]}](guide.md).\n")
    project.write("docs/lessons/guide.md", FRONT + "# Guide\n\nNothing links out from here.\n")


def test_the_profile_page_reports_the_fixture_figures(project: Project) -> None:
    fixture_site(project, repeated_anchor=False)
    result = project.build()
    assert result.returncode == 0, result.stderr
    html = project.site("link-profile/index.html")
    row = re.search(r"<tr>\s*<td[^>]*><a href=\"\.\./lessons/guide/\">Guide</a></td>(.*?)</tr>", html, re.S)
    assert row, "no row for the guide page"
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(1), re.S)
    assert cells[:4] == ["3", "3", "3", "0%"]  # referring pages, inbound links, distinct anchors, exact-match share
    assert "<svg" in html and 'role="img"' in html


def test_an_over_optimised_page_is_reported_with_each_link(project: Project) -> None:
    fixture_site(project, repeated_anchor=True)
    result = project.build()
    assert result.returncode != 0
    assert problem_lines(result.stderr) == [
        "WARNING -  docs/index.md:8: over-optimised anchor text: 3 of 3 links written to 'lessons/guide.md' (100%) read "
        "'the guide', here and at docs/lessons/one.md:6, docs/lessons/two.md:6; vary the wording, e.g. describe what "
        "the page explains",
    ]


def test_the_real_site_links_its_profile_from_home_and_the_measuring_lesson(real_site: Path) -> None:
    assert 'href="link-profile/"' in (real_site / "index.html").read_text(encoding="utf-8")
    lesson = (real_site / "lessons/backlinks-in-real-seo-work/index.html").read_text(encoding="utf-8")
    assert 'href="../../link-profile/"' in lesson
    profile = (real_site / "link-profile/index.html").read_text(encoding="utf-8")
    for term in ("referring-domain", "anchor-text", "exact-match-anchor-text", "internal-link"):
        assert f'href="../glossary/{term}/"' in profile, f"the profile does not explain its metric with {term}"
    assert profile.count("<svg") >= 1
