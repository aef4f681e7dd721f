"""Fixture sites built through the real hooks: a published address keeps answering after its entry or page is renamed
or merged, and the build fails, naming published-urls.txt's line, when nothing serves it any more."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import urljoin

import pytest
from support.linkcheck import linkchecker
from support.project import Project, entry, problem_lines, serve

from seokb.cli import main

NEVER = "delete the line only if the address never went live (a draft removed before it was merged)"


def home(project: Project, words: str) -> None:
    project.write("docs/index.md", f"---\ndescription: The fixture's home page.\n---\n# Home\n\n{words}\n")


def publish(project: Project) -> list[str]:
    """`seokb published --update` in the project: the list as the site stands now, before the change a test makes."""
    assert main(["published", "--update", "--root", str(project.root)]) == 0
    text = (project.root / "published-urls.txt").read_text(encoding="utf-8")
    return text.splitlines()


def line_of(lines: list[str], address: str) -> int:
    return lines.index(address) + 1


def site_files(project: Project) -> list[str]:
    return sorted(p.relative_to(project.root / "site").as_posix() for p in (project.root / "site").rglob("*.html"))


REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')
SCRIPT = re.compile(r'<script>location\.replace\("([^"]+)" \+ location\.hash\)</script>')
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')
LINK = re.compile(r'<a href="([^"]+)">')


def follow(project: Project, old: str) -> str:
    """Where the redirect page at the site-relative `old` address sends a reader (its refresh, its link and its
    canonical agree), checked to be a page the site has: the target's address."""
    page = project.site(f"{old}index.html")
    assert "noindex" in page and page.count("<script") == 1
    (refresh,) = REFRESH.findall(page)
    (link,) = LINK.findall(page)
    (script,) = SCRIPT.findall(page)
    (canonical,) = CANONICAL.findall(page)
    assert refresh == link == script
    target = urljoin(f"https://example.org/fixture/{old}", refresh)
    assert canonical == target
    relative = target.removeprefix("https://example.org/fixture/")
    assert (project.root / "site" / relative / "index.html").is_file(), f"{old} leads to {relative}, which is no page"
    assert REFRESH.search(project.site(f"{relative}index.html")) is None, "a redirect to a redirect"
    return relative


def test_a_renamed_entry_that_declares_its_old_slug_keeps_the_old_address_working(project: Project) -> None:
    home(project, "A backlink profile is every link to a site.")
    project.write("glossary/backlink-profile.yml", entry("backlink-profile", term="Backlink profile"))
    publish(project)
    (project.root / "glossary/backlink-profile.yml").unlink()
    project.write(
        "glossary/link-profile.yml",
        entry("link-profile", term="Link profile", aliases="[backlink profile]", old_slugs="[backlink-profile]"),
    )
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    assert problem_lines(result.stderr) == []
    assert follow(project, "glossary/backlink-profile/") == "glossary/link-profile/"
    # The list is up to date: the new address is the only one the build tells the contributor to add.
    assert (
        "INFO    -  seokb: 1 new address not in published-urls.txt yet (glossary/link-profile/); before you commit, "
        "run `.venv/bin/seokb published --update` and commit published-urls.txt too"
    ) in result.stderr.splitlines()
    # The redirect page is no page of the site: not in the sitemap, the search index or the feed.
    for name in ("sitemap.xml", "search/search_index.json", "feed.xml"):
        assert "backlink-profile" not in project.site(name), name


def test_a_renamed_entry_that_does_not_declare_its_old_slug_fails_the_build_at_the_list_line(project: Project, capsys) -> None:
    home(project, "A backlink profile is every link to a site.")
    project.write("glossary/backlink-profile.yml", entry("backlink-profile", term="Backlink profile"))
    lines = publish(project)
    (project.root / "glossary/backlink-profile.yml").rename(project.root / "glossary/link-profile.yml")
    result = project.build("--strict")
    assert result.returncode == 1
    line = line_of(lines, "glossary/backlink-profile/")
    expected = (
        f"published-urls.txt:{line}: glossary/backlink-profile/ was published and no page or redirect serves it now, so "
        "links to it shared in chats would break; add `old_slugs: [backlink-profile]` to the entry that replaced "
        "glossary/backlink-profile.yml (glossary/link-profile.yml:2 is called 'Backlink profile', the old address's "
        f"name: is it that entry?); {NEVER}"
    )
    assert problem_lines(result.stderr) == [f"ERROR   -  {expected}"]
    assert "Traceback" not in result.stderr
    assert site_files(project) == []  # stopped before writing: no half-written site
    # `seokb check` says the same without building, and also that the new address is not listed.
    capsys.readouterr()
    assert main(["check", "--root", str(project.root)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "glossary/link-profile.yml:1: glossary/link-profile/ is a new address, not in published-urls.txt yet; run "
        "`.venv/bin/seokb published --update` and commit published-urls.txt with this change",
        expected,
    ]


def test_a_merged_entry_keeps_both_old_addresses_working(project: Project) -> None:
    home(project, "Every backlink profile, or link portfolio, is a list of links.")
    project.write("glossary/backlink-profile.yml", entry("backlink-profile", term="Backlink profile", related="[link-portfolio]"))
    project.write("glossary/link-portfolio.yml", entry("link-portfolio", term="Link portfolio"))
    lines = publish(project)
    assert {"glossary/backlink-profile/", "glossary/link-portfolio/"} <= set(lines)
    for old in ("backlink-profile", "link-portfolio"):
        (project.root / f"glossary/{old}.yml").unlink()
    project.write(
        "glossary/link-profile.yml",
        entry(
            "link-profile",
            term="Link profile",
            aliases="[backlink profile, link portfolio]",
            old_slugs="\n  - backlink-profile\n  - link-portfolio",
        ),
    )
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    assert problem_lines(result.stderr) == []
    assert follow(project, "glossary/backlink-profile/") == "glossary/link-profile/"
    assert follow(project, "glossary/link-portfolio/") == "glossary/link-profile/"
    # LinkChecker, from a start page linking both old addresses (it checks only what lies under its start URL's
    # folder), follows each refresh to a page that answers.
    links, warnings, errors, report = check_redirects(
        project.root / "site", ["glossary/backlink-profile/", "glossary/link-portfolio/"]
    )
    assert (warnings, errors) == (0, 0), report
    assert links >= 5  # the start page, its two links, where each leads


def check_redirects(site: Path, old: list[str]) -> tuple[int, int, int, str]:
    start = site / "redirect-check.html"
    start.write_text("<html><body>" + "".join(f'<a href="{a}">{a}</a>' for a in old) + "</body></html>")
    try:
        with serve(site) as url:
            return linkchecker(url + start.name)
    finally:
        start.unlink()


def test_linkchecker_reports_a_redirect_to_a_page_that_is_gone(tmp_path: Path) -> None:
    # Proof that the check above can fail: a redirect page whose target does not exist.
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "index.html").write_text(
        '<html><head><meta http-equiv="refresh" content="0; url=../gone/"></head><body></body></html>'
    )
    _, warnings, errors, report = check_redirects(tmp_path, ["old/"])
    assert warnings + errors == 1 and "gone/" in report, report


def test_an_alias_gets_no_page_and_no_address(project: Project) -> None:
    home(project, "A backlink, or inbound link, points here.")
    project.write("glossary/backlink.yml", entry("backlink", aliases="[inbound link]"))
    lines = publish(project)
    assert "glossary/backlink/" in lines and not any("inbound" in line for line in lines)
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    assert not (project.root / "site/glossary/inbound-link").exists()
    assert [f for f in site_files(project) if f.startswith("glossary/")] == [
        "glossary/backlink/index.html",
        "glossary/index.html",
    ]


LESSON = "---\ndescription: A lesson of the fixture.\n{extra}---\n# {title}\n\nA backlink is a link to your site.\n"


def test_a_renamed_page_that_names_its_old_file_keeps_the_old_address_working(project: Project) -> None:
    home(project, "The [lesson](lessons/what-are-backlinks.md).")
    project.write("glossary/backlink.yml", entry("backlink"))
    project.write("docs/lessons/what-are-backlinks.md", LESSON.format(extra="", title="Backlinks"))
    publish(project)
    (project.root / "docs/lessons/what-are-backlinks.md").unlink()
    project.write(
        "docs/lessons/what-is-a-backlink.md",
        LESSON.format(extra="redirect_from:\n  - lessons/what-are-backlinks.md\n", title="What is a backlink?"),
    )
    home(project, "The [lesson](lessons/what-is-a-backlink.md).")
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    assert follow(project, "lessons/what-are-backlinks/") == "lessons/what-is-a-backlink/"
    assert "<title>Moved: What is a backlink?</title>" in project.site("lessons/what-are-backlinks/index.html")


def test_redirects_that_cannot_stand_fail_the_build_at_the_line_that_declares_them(project: Project, capsys) -> None:
    home(project, "A backlink is a link. See the [lesson](lessons/first.md) and the [second](lessons/second.md).")
    project.write("glossary/backlink.yml", entry("backlink"))
    project.write(
        "docs/lessons/first.md", LESSON.format(extra="redirect_from: [lessons/second.md, lessons/old.md]\n", title="First")
    )
    project.write(
        "docs/lessons/second.md", LESSON.format(extra="redirect_from:\n  - lessons/old.md\n  - ../x.md\n", title="Second")
    )
    result = project.build("--strict")
    assert result.returncode == 1
    assert problem_lines(result.stderr) == [
        "ERROR   -  docs/lessons/first.md:3: lessons/second/ is still a page of the site (lessons/second.md); a redirect can only stand where no page is",
        "ERROR   -  docs/lessons/second.md:4: lessons/old/ is already redirected to lessons/first/ by docs/lessons/first.md:3; an old address can lead to one page only",
        "ERROR   -  docs/lessons/second.md:5: redirect_from: '../x.md' is not a page's old file name; write its path in docs/ with .md, like lessons/old-name.md",
    ]
    assert site_files(project) == []
    # `seokb check` finds the same three without building.
    capsys.readouterr()
    assert main(["check", "--root", str(project.root)]) == 1
    assert capsys.readouterr().out.splitlines() == [line.removeprefix("ERROR   -  ") for line in problem_lines(result.stderr)]


def test_properdocs_builds_the_redirects_too(project: Project) -> None:
    home(project, "A backlink profile is every link to a site.")
    project.write("glossary/backlink-profile.yml", entry("backlink-profile", term="Backlink profile"))
    publish(project)
    (project.root / "glossary/backlink-profile.yml").unlink()
    project.write("glossary/link-profile.yml", entry("link-profile", term="Link profile", aliases="[backlink profile]"))
    failed = project.build_command("--strict", engine="properdocs")
    assert failed.returncode == 1 and "published-urls.txt:" in failed.stderr and "old_slugs: [backlink-profile]" in failed.stderr
    assert "Traceback" not in failed.stderr
    text = (project.root / "glossary/link-profile.yml").read_text(encoding="utf-8")
    (project.root / "glossary/link-profile.yml").write_text(text + "old_slugs: [backlink-profile]\n", encoding="utf-8")
    built = project.build_command("--strict", engine="properdocs")
    assert built.returncode == 0, built.stderr
    assert follow(project, "glossary/backlink-profile/") == "glossary/link-profile/"


@pytest.mark.parametrize("update", [False, True])
def test_seokb_published_lists_new_addresses_and_update_adds_them_without_removing_any(
    project: Project, capsys, update: bool
) -> None:
    home(project, "A backlink is a link.")
    project.write("glossary/backlink.yml", entry("backlink"))
    project.write("published-urls.txt", "# list\n./\nglossary/gone/\n")  # gone: kept, the build reports it
    capsys.readouterr()
    code = main(["published", "--root", str(project.root), *(["--update"] if update else [])])
    out, err = capsys.readouterr()
    new = [
        "feed.xml",
        "glossary.json",
        "glossary.schema.json",
        "glossary/",
        "glossary/backlink/",
        "link-profile/",
        "quizzes/",
        "review/",
    ]
    assert out.splitlines() == new
    text = (project.root / "published-urls.txt").read_text(encoding="utf-8")
    if update:
        assert (code, err) == (0, "Added 8 addresses to published-urls.txt; commit it.\n")
        assert text.splitlines()[-10:] == sorted(["./", "glossary/gone/", *new])
    else:
        assert (code, err) == (1, "8 addresses not in published-urls.txt yet; `seokb published --update` adds them\n")
        assert text == "# list\n./\nglossary/gone/\n"


def test_new_term_adds_its_address_to_the_list(project: Project, capsys) -> None:
    project.write("published-urls.txt", "# list\n./\nglossary/zebra/\n")
    assert main(["new-term", "Anchor text", "--root", str(project.root)]) == 0
    assert "Added its address, glossary/anchor-text/, to published-urls.txt" in capsys.readouterr().out
    assert (project.root / "published-urls.txt").read_text() == "# list\n./\nglossary/anchor-text/\nglossary/zebra/\n"


def git(project: Project, *arguments: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *arguments],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_the_message_names_the_rename_git_knows_of(project: Project) -> None:
    home(project, "A backlink profile is every link to a site.")
    project.write("glossary/backlink-profile.yml", entry("backlink-profile", term="Backlink profile"))
    publish(project)
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "The first entry")
    git(project, "mv", "glossary/backlink-profile.yml", "glossary/link-profile.yml")
    result = project.build("--strict")
    assert result.returncode == 1
    assert (
        "; git: glossary/backlink-profile.yml is renamed to glossary/link-profile.yml in your working copy (not committed yet); "
        in result.stderr
    )
    git(project, "commit", "-qm", "Rename the entry")
    commit = git(project, "log", "-1", "--format=%h").strip()
    result = project.build("--strict")
    assert result.returncode == 1
    assert f"; git: commit {commit} renamed glossary/backlink-profile.yml to glossary/link-profile.yml; " in result.stderr


def test_a_published_entry_that_cannot_be_read_is_reported_once_at_its_own_line(project: Project, capsys) -> None:
    home(project, "A backlink is a link.")
    project.write("glossary/backlink.yml", entry("backlink"))
    publish(project)
    project.write("glossary/backlink.yml", entry("backlink", term="NO"))
    expected = 'glossary/backlink.yml:2: term: YAML reads NO as a true/false value, not text; put it in quotes: "NO"'
    result = project.build("--strict")
    assert result.returncode == 1
    assert problem_lines(result.stderr) == [f"ERROR   -  {expected}"]
    capsys.readouterr()
    assert main(["check", "--root", str(project.root)]) == 1
    assert capsys.readouterr().out.splitlines() == [expected]
