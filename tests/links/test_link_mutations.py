"""Issue #6's mutation test: break one link of each kind in a copy of the real site; each is caught at its line."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from support.project import REPO, mkdocs_env, problem_lines

# (file, exact text to find, replacement) and the message each mutation must produce.
MUTATIONS = [
    # a lesson linking a page that does not exist
    (
        (
            "docs/lessons/what-is-a-backlink.md",
            "Next: [the work that earns backlinks](what-is-link-building.md)",
            "Next: [the work that earns backlinks](what-is-link-bulding.md)",
        ),
        "docs/lessons/what-is-a-backlink.md:{line}: link 'what-is-link-bulding.md': 'lessons/what-is-link-bulding.md' "
        "does not exist (did you mean 'what-is-link-building.md'?)",
    ),
    # a lesson linking an anchor that does not exist
    (
        (
            "docs/lessons/what-is-a-backlink.md",
            "[why SEO tools count linking sites, not links](../glossary/referring-domain.md)",
            "[why SEO tools count linking sites, not links](../glossary/referring-domain.md#why-it-maters)",
        ),
        "docs/lessons/what-is-a-backlink.md:{line}: link '../glossary/referring-domain.md#why-it-maters': "
        "'../glossary/referring-domain.md' has no anchor 'why-it-maters' (did you mean 'why-it-matters'?)",
    ),
    # a glossary entry's related list naming a missing entry
    (
        ("glossary/outreach.yml", "  - blogger-outreach\n", "  - bloger-outreach\n"),
        "glossary/outreach.yml:{line}: related: unknown term 'bloger-outreach' (did you mean 'blogger-outreach'?)",
    ),
    # a link inside a glossary definition
    (
        ("glossary/nofollow.yml", "[sponsored](sponsored-link-attribute.md)", "[sponsored](sponsored-link-atribute.md)"),
        "glossary/nofollow.yml:{line}: link 'sponsored-link-atribute.md': 'glossary/sponsored-link-atribute.md' does not "
        "exist (did you mean 'sponsored-link-attribute.md'?)",
    ),
    # a quiz marker naming no quiz
    (
        (
            "docs/lessons/what-is-a-backlink.md",
            "<!-- seokb:quiz what-counts-as-a-backlink -->",
            "<!-- seokb:quiz what-counts-as-backlink -->",
        ),
        "docs/lessons/what-is-a-backlink.md:{line}: unknown quiz 'what-counts-as-backlink' "
        "(did you mean 'what-counts-as-a-backlink'?)",
    ),
    # a link inside a quiz explanation
    (
        (
            "quizzes/backlink-or-link-building.yml",
            "leading to your page: a backlink.",
            "leading to your page: a [backlink](../glossary/backlinks.md).",
        ),
        "quizzes/backlink-or-link-building.yml:{line}: link '../glossary/backlinks.md': 'glossary/backlinks.md' "
        "does not exist (did you mean '../glossary/backlink.md'?)",
    ),
    # a heading the engine writes on every term page, renamed: a lesson's link to it breaks
    (
        ("hooks/seokb/site/templates/term.md.jinja", "## Common mistakes", "## Mistakes to avoid"),
        "docs/lessons/beginner-mistakes.md:{line}: link '../glossary/anchor-text.md#common-mistakes': "
        "'../glossary/anchor-text.md' has no anchor 'common-mistakes' (did you mean 'mistakes-to-avoid'?)",
    ),
]
# Where the last message is reported: the lesson line holding the link, not the template that was changed.
REPORTED_AT = {6: ("docs/lessons/beginner-mistakes.md", "../glossary/anchor-text.md#common-mistakes")}


def copy_of_the_site(root: Path) -> Path:
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for folder in ("docs", "glossary", "quizzes", "diagrams", "hooks"):
        shutil.copytree(REPO / folder, root / folder, ignore=ignore)
    return root


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text.strip() in line)


def test_each_kind_of_broken_link_is_caught_at_its_file_and_line(tmp_path: Path) -> None:
    site = copy_of_the_site(tmp_path)
    expected = []
    for index, ((relative, find, replace), message) in enumerate(MUTATIONS):
        path = site / relative
        text = path.read_text(encoding="utf-8")
        assert text.count(find) == 1, f"{relative} no longer holds {find!r}: update the mutation"
        path.write_text(text.replace(find, replace), encoding="utf-8")
        where, needle = REPORTED_AT.get(index, (relative, replace))
        expected.append("ERROR   -  " + message.format(line=line_of(site / where, needle)))
    # The copy's own hooks/ comes first on the path, so the renamed template is the one used.
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=site,
        capture_output=True,
        text=True,
        env={**mkdocs_env(), "PYTHONPATH": str(site / "hooks")},
        timeout=600,
    )
    assert result.returncode != 0
    errors = [line for line in problem_lines(result.stderr) if line.startswith("ERROR")]
    assert sorted(errors) == sorted(expected)
    assert result.stdout.strip() == "Aborted with a BuildError!"
    assert f"ERROR   -  Aborted: {len(expected)} problems in the content above; no page was written." in result.stderr
    assert not list((site / "site").rglob("*.html"))
