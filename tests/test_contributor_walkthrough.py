"""Issue 8's "done when": a newcomer follows CONTRIBUTING.md to add a term, makes three typical mistakes, and ships it."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from support.project import Built, build_in_process

from seokb.cli import main
from seokb.content.schema import load_schema
from seokb.links.autolink import LINK_CLASS

REPO = Path(__file__).resolve().parents[1]
SEOKB = Path(sys.executable).with_name("seokb")  # the command `make` installs into .venv/bin
CONTRIBUTING = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
ENTRY = "glossary/google-search-console.yml"

# What the newcomer types into the skeleton, field by field, with three typical mistakes in it:
# a ': ' inside an unquoted `short`, a typo in a `related` slug, and an http:// source.
FILLED_IN = {
    "aliases:\n": "aliases:\n  - Search Console\n",
    "short:\n": "short: A free Google tool for site owners: it shows how your pages do in Google Search.\n",
    "definition: |\n": (
        "definition: |\n"
        "  Google Search Console is a free service for the people who run a website. Once you prove that a\n"
        "  site is yours, it reports how Google sees it: which pages are in the index, which searches show\n"
        "  them, and which other sites link to them.\n"
        "\n"
        "  It changes nothing by itself. It tells you what is going on, so you can decide what to fix.\n"
    ),
    "example: |\n": (
        "example: |\n"
        "  Maya adds her baking blog to Search Console. A month later, its Performance report shows that her\n"
        "  starter guide came up in 2,000 searches but got only 30 clicks. She rewrites the page title to match\n"
        "  the words people searched for, and checks the report again a few weeks later.\n"
    ),
    "why_it_matters: |\n": (
        "why_it_matters: |\n"
        "  It is the one place where Google itself tells you about your site, for free. Its Links report is\n"
        "  the simplest way for a beginner to see their backlinks and the sites they come from.\n"
    ),
    "mistakes:\n": (
        "mistakes:\n"
        "  - Treating the Links report as a complete list; it shows a sample of the links Google knows about.\n"
        "  - Setting it up once and never looking again, instead of checking it every few weeks.\n"
    ),
    "related:\n": "related:\n  - impressions\n  - backlink-profle\n  - organic-traffic\n",
    'category: ""\n': "category: metrics\n",
    "sources:\n": (
        "sources:\n"
        '  - title: "Google Search Central: Get started with Search Console"\n'
        "    url: http://developers.google.com/search/docs/monitor-debug/search-console-start\n"
    ),
}

# Each round: the fix the newcomer makes after reading the check's output, and the output that follows.
# A YAML syntax error stops the reading of that file; once it is fixed, the next run lists both other mistakes.
ROUNDS = [
    (
        None,
        None,
        [
            f"{ENTRY}:16: YAML syntax error: ': ' inside unquoted text starts a new field to YAML; put the whole value of 'short' in double quotes, like short: \"Text: more text\"",
        ],
    ),
    (
        "short: A free Google tool for site owners: it shows how your pages do in Google Search.",
        'short: "A free Google tool for site owners: it shows how your pages do in Google Search."',
        [
            f"{ENTRY}:49: related: unknown term 'backlink-profle' (did you mean 'backlink-profile'?)",
            f"{ENTRY}:61: sources item 1, url: 'http://developers.google.com/search/docs/monitor-debug/search-console-start' "
            "is not an https URL; sources must start with https://",
        ],
    ),
    (
        "url: http://developers",
        "url: https://developers",
        [
            f"{ENTRY}:49: related: unknown term 'backlink-profle' (did you mean 'backlink-profile'?)",
        ],
    ),
    ("  - backlink-profle\n", "  - backlink-profile\n", []),
]


def run(command: list[str], cwd: Path) -> Built:
    """`seokb ...` typed in `cwd`, run in this process (the installed command itself is tested by test_cli's
    test_the_installed_command_passes_the_real_site), with plain output as on a laptop: no GITHUB_ACTIONS."""
    assert command[0] == str(SEOKB)
    stdout, stderr = io.StringIO(), io.StringIO()
    saved = os.environ.pop("GITHUB_ACTIONS", None)
    try:
        with contextlib.chdir(cwd), contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            returncode = main(command[1:])
    finally:
        if saved is not None:
            os.environ["GITHUB_ACTIONS"] = saved
    return Built(command, returncode, stdout.getvalue(), stderr.getvalue())


def mkdocs_build(cwd: Path) -> Built:
    """`mkdocs build --strict` typed in `cwd`, built in this process with plain output (GITHUB_ACTIONS not "true")."""
    return build_in_process(cwd, "--strict", env={"GITHUB_ACTIONS": ""} if "GITHUB_ACTIONS" in os.environ else None)


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """What a fresh clone holds for building the site: the real config, lessons, glossary, quizzes and engine."""
    root = tmp_path / "seokb"
    root.mkdir()
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    for folder in ("docs", "glossary", "quizzes", "diagrams", "hooks"):
        shutil.copytree(REPO / folder, root / folder, ignore=ignore)
    # The guide's example term is in the glossary now: the newcomer's clone is the glossary before it was added.
    (root / ENTRY).unlink()
    for other in (root / "glossary").glob("*.yml"):
        text = other.read_text(encoding="utf-8")
        other.write_text(text.replace("  - google-search-console\n", ""), encoding="utf-8")
    return root


def test_a_newcomer_adds_a_term_by_following_contributing(clone: Path) -> None:
    assert SEOKB.exists(), f"{SEOKB} is missing: run `make test`, which installs the project with its `seokb` command"

    # 1. Scaffold the entry, as CONTRIBUTING says.
    assert 'seokb new-term "Google Search Console"' in CONTRIBUTING
    scaffold = run([str(SEOKB), "new-term", "Google Search Console"], clone)
    assert scaffold.returncode == 0, scaffold.stderr
    assert scaffold.stdout.startswith(f"Wrote {ENTRY}.\n")
    path = clone / ENTRY
    fresh = run([str(SEOKB), "check"], clone)
    assert (fresh.returncode, fresh.stderr) == (1, "9 problems found.\n")
    for line in (fresh.stdout.splitlines()[i] for i in (0, 1, -1)):  # the lines CONTRIBUTING quotes
        assert line in CONTRIBUTING, f"CONTRIBUTING.md does not show: {line}"

    # 2. Fill in every field, making three mistakes on the way.
    text = path.read_text(encoding="utf-8")
    for empty, written in FILLED_IN.items():
        assert text.count(empty) == 1, f"the skeleton has no single {empty!r} line to fill in"
        text = text.replace(empty, written)
    path.write_text(text, encoding="utf-8")

    # 3. Check, read the message, fix, check again, until the check passes.
    for fix_from, fix_to, expected in ROUNDS:
        if fix_from is not None:
            text = path.read_text(encoding="utf-8")
            assert text.count(fix_from) == 1
            path.write_text(text.replace(fix_from, fix_to), encoding="utf-8")
        check = run([str(SEOKB), "check"], clone)
        assert check.stdout.splitlines() == expected
        if expected:
            assert check.returncode == 1
            assert check.stderr == f"{len(expected)} problem{'s' if len(expected) > 1 else ''} found.\n"
            for line in expected:  # CONTRIBUTING shows the newcomer these very messages
                assert line in CONTRIBUTING, f"CONTRIBUTING.md does not show: {line}"
        else:
            assert (check.returncode, check.stderr) == (0, "All content is valid.\n")

    # 4. The full build shows the term: its own page and its place in the A-Z index.
    build = mkdocs_build(clone)
    assert build.returncode == 0, build.stderr
    page = (clone / "site/glossary/google-search-console/index.html").read_text(encoding="utf-8")
    assert '<h1 id="google-search-console">Google Search Console<' in page
    assert "<strong>Also called:</strong> Search Console" in page
    assert "Once you prove that a" in page
    assert 'href="../impressions/"' in page and 'href="../backlink-profile/"' in page
    assert f"/edit/main/{ENTRY}" in page
    index = (clone / "site/glossary/index.html").read_text(encoding="utf-8")
    assert 'href="google-search-console/"' in index
    assert "A free Google tool for site owners: it shows how your pages do in Google Search." in index

    # 5. The auto-linker and the backlinks pick the term up with no further work: lessons that mention it link
    #    to it, its page lists them under "Mentioned in", and its own text links the terms it mentions.
    #    (The auto-linker was being wired into mkdocs_site.py while this test was written; these assertions
    #    are the "its auto-links and its backlinks" and need that wiring.)
    lesson = (clone / "site/lessons/using-both-together/index.html").read_text(encoding="utf-8")
    assert auto_link(lesson, "../../glossary/google-search-console/")
    mentioned_in = section(page, "mentioned-in")
    assert 'href="../../lessons/using-both-together/"' in mentioned_in
    assert 'href="../impressions/"' in mentioned_in  # an entry whose text mentions "Search Console"
    assert auto_link(page, "../backlink/")  # "backlinks" in its why_it_matters
    backlink = (clone / "site/glossary/backlink/index.html").read_text(encoding="utf-8")
    assert 'href="../google-search-console/"' in section(backlink, "mentioned-in")


def auto_link(html: str, href: str) -> bool:
    """Whether `html` holds a link the auto-linker made (its class) to `href`, whatever the attribute order."""
    attributes = (f'class="{LINK_CLASS}"', f'href="{href}"')
    return any(all(a in tag for a in attributes) for tag in re.findall(r"<a\b[^>]*>", html))


def section(html: str, anchor: str) -> str:
    """From the heading with id `anchor` to the next h2: one section of a page."""
    start = html.index(f'<h2 id="{anchor}"')
    end = html.find("<h2 ", start + 1)
    return html[start : end if end != -1 else None]


# The files around the walk-through: what CONTRIBUTING promises CI, pre-commit and the forms do.


def yaml_file(relative: str):
    return yaml.safe_load((REPO / relative).read_text(encoding="utf-8"))


def test_pull_requests_run_the_readme_test_command_with_read_only_permissions() -> None:
    workflow = yaml_file(".github/workflows/test.yml")
    assert "pull_request" in workflow[True]  # PyYAML reads the key `on` as true
    assert workflow["permissions"] == {"contents": "read"}
    (job,) = workflow["jobs"].values()
    assert job["runs-on"].startswith("ubuntu")
    setup = [s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python@")]
    assert setup and setup[0]["with"]["python-version"] == "3.11"
    runs = [s["run"] for s in job["steps"] if "run" in s]
    assert runs[:2] == ["make check", "make test"]
    # Then, for the reviewer, the built site and the change summary (test_repository_formats.py checks the rest).
    assert runs[2].startswith("make build\n") and len(runs) == 3
    assert "`make test`" in (REPO / "README.md").read_text(encoding="utf-8")


def test_main_is_built_with_make_build_and_deployed_to_pages() -> None:
    workflow = yaml_file(".github/workflows/deploy.yml")
    assert workflow[True]["push"]["branches"] == ["main"]
    uses = [s.get("uses", "").split("@")[0] for job in workflow["jobs"].values() for s in job["steps"]]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in uses
    build_steps = [s for s in workflow["jobs"]["build"]["steps"] if s.get("run") == "make build"]
    assert build_steps and build_steps[0]["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}"
    # The chat invite comes from a repository variable: without it the live site says there is no chat.
    assert build_steps[0]["env"]["COMMUNITY_URL"] == "${{ vars.COMMUNITY_URL }}"
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_pre_commit_runs_the_check_when_content_changes() -> None:
    config = yaml_file(".pre-commit-config.yaml")
    (repo,) = config["repos"]
    assert repo["repo"] == "local"
    hook, lint = repo["hooks"]
    assert hook["language"] == lint["language"] == "system" and hook["pass_filenames"] is lint["pass_filenames"] is False
    assert (lint["entry"], lint["files"]) == ("make lint", r"\.py$")  # ruff and mypy, on commits that touch Python
    # `make check` sets up .venv first: a clone where no make command ran has no .venv/bin/seokb yet.
    assert hook["entry"] == "make check"
    assert "check: setup" in (REPO / "Makefile").read_text(encoding="utf-8")
    assert hook["files"] == r"^((glossary|quizzes|diagrams|docs)/|published-urls\.txt$)"  # and the list of published addresses


def test_the_suggest_a_term_form_offers_the_schema_categories() -> None:
    form = yaml_file(".github/ISSUE_TEMPLATE/suggest-a-term.yml")
    assert form["name"] == "Suggest a term"
    (category,) = [field for field in form["body"] if field.get("id") == "category"]
    assert category["attributes"]["options"][:-1] == load_schema()["properties"]["category"]["enum"]
    assert category["attributes"]["options"][-1] == "Not sure"


def test_code_a_pull_request_could_change_is_routed_to_maintainers() -> None:
    owners = {}
    for line in (REPO / ".github/CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *teams = line.split()
            owners[pattern] = teams
    for path in ("/hooks/", "/mkdocs.yml", "/.github/", "/pyproject.toml", "/Makefile"):
        assert owners.get(path) == ["@seokb/maintainers"], path
    assert not any(pattern in ("*", "/glossary/", "/docs/") for pattern in owners)  # content needs no code owner
    assert (REPO / ".github/pull_request_template.md").is_file()
