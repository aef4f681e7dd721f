"""The `seokb` command: new-term's skeleton and refusals, check's output, annotations and exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.project import Project, entry

from seokb.cli import actions_annotation, main
from seokb.content.glossary import SCHEMA_LINE
from seokb.content.schema import load_schema
from seokb.content.yamlsource import read_yaml
from seokb.diagnostics import Diagnostic, Diagnostics
from seokb.scaffold import NOT_IN_SKELETON, term_skeleton

REPO = Path(__file__).resolve().parents[1]
SEOKB = Path(sys.executable).with_name("seokb")  # the command `make` installs into .venv/bin


@pytest.fixture(autouse=True)
def outside_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests run in GitHub Actions too, where GITHUB_ACTIONS=true would add annotation lines."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def seokb(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# new-term


def test_new_term_writes_the_skeleton_and_says_what_to_do_next(project: Project, capsys) -> None:
    code, out, err = seokb(capsys, "new-term", "Anchor text", "--root", str(project.root))
    assert code == 0, err
    assert err == ""
    assert out == (
        "Wrote glossary/anchor-text.yml.\n"
        "Next: fill in its empty fields (the notes in the file explain each one), then run 'seokb check' until it "
        "says \"All content is valid.\"; 'make serve' shows the page at http://127.0.0.1:8000/glossary/anchor-text/\n"
    )
    text = (project.root / "glossary" / "anchor-text.yml").read_text(encoding="utf-8")
    assert text == term_skeleton("Anchor text")
    assert text.splitlines()[0] == SCHEMA_LINE


def test_the_skeleton_fails_the_check_with_one_exact_message_per_field_to_write(project: Project, capsys) -> None:
    seokb(capsys, "new-term", "Anchor text", "--root", str(project.root))
    code, out, err = seokb(capsys, "check", "--root", str(project.root))
    assert code == 1
    assert out.splitlines() == [
        "glossary/anchor-text.yml:11: aliases: is empty; write it or remove the field",
        "glossary/anchor-text.yml:15: short: is empty",
        "glossary/anchor-text.yml:19: definition: is empty",
        "glossary/anchor-text.yml:22: example: is empty",
        "glossary/anchor-text.yml:26: why_it_matters: is empty; write it or remove the field",
        "glossary/anchor-text.yml:30: mistakes: is empty; write it or remove the field",
        "glossary/anchor-text.yml:34: related: is empty; write it or remove the field",
        "glossary/anchor-text.yml:37: category: unknown category ''; one of basics, metrics, strategy, tactics, risks, tools",
        "glossary/anchor-text.yml:43: sources: is empty",
    ]
    assert err == "9 problems found.\n"


def test_the_skeleton_holds_every_schema_field_in_schema_order_each_under_a_note() -> None:
    text = term_skeleton("Anchor text")
    document = read_yaml(text, "glossary/anchor-text.yml", Diagnostics())
    assert document is not None
    assert list(document.data) == [field for field in load_schema()["properties"] if field not in NOT_IN_SKELETON]
    lines = text.splitlines()
    for field in document.data:
        line = document.line_of((field,))
        assert lines[line - 2].startswith("# "), f"no note above '{field}'"


NAMES = [
    # (name given, file written, the term line in it)
    ("Anchor text", "anchor-text.yml", "term: Anchor text"),
    ("Exact-match anchor text", "exact-match-anchor-text.yml", "term: Exact-match anchor text"),
    ("  Link\n  velocity ", "link-velocity.yml", "term: Link velocity"),
    ("NO", "no.yml", 'term: "NO"'),
    # "2024" was here: a name of digits only is refused now (issue 30), see REFUSALS; "NO" still covers quoting.
    ("Links: the basics", "links-the-basics.yml", 'term: "Links: the basics"'),
    ("#1 ranking factor", "1-ranking-factor.yml", 'term: "#1 ranking factor"'),
    ('"Dofollow" links', "dofollow-links.yml", 'term: "\\"Dofollow\\" links"'),
    ("&Co links", "co-links.yml", 'term: "&Co links"'),  # a YAML anchor, which the check refuses
    ("*Starred* links", "starred-links.yml", 'term: "*Starred* links"'),  # a YAML alias
    # Letters are transliterated, not dropped: the slug is the page's address for good.
    ("Café SEO", "cafe-seo.yml", "term: Café SEO"),
    ("SEO für Anfänger", "seo-fur-anfanger.yml", "term: SEO für Anfänger"),
    ("Łódź links", "lodz-links.yml", "term: Łódź links"),
]


@pytest.mark.parametrize(("name", "file", "term_line"), NAMES, ids=[file for _, file, _ in NAMES])
def test_new_term_names_the_file_by_slug_and_writes_the_name_so_yaml_reads_it_back(
    project: Project,
    capsys,
    name: str,
    file: str,
    term_line: str,
) -> None:
    code, _, err = seokb(capsys, "new-term", name, "--root", str(project.root))
    assert code == 0, err
    text = (project.root / "glossary" / file).read_text(encoding="utf-8")
    assert term_line in text.splitlines()
    document = read_yaml(text, f"glossary/{file}", Diagnostics())
    assert document is not None and document.data["term"] == " ".join(name.split())


REFUSALS = [
    # (what the glossary holds, name given, message)
    (
        "the file exists",
        "Backlink",
        "seokb new-term: glossary/backlink.yml already exists; edit that file instead, or choose another name",
    ),
    (
        "a plural of an entry",
        "Backlinks",
        "seokb new-term: 'Backlinks' is already in the glossary as 'Backlink' (glossary/backlink.yml); "
        "edit that entry instead, or choose another name",
    ),
    (
        "an alias of an entry",
        "Inbound link",
        "seokb new-term: 'Inbound link' is already in the glossary as an alias of 'Backlink' (glossary/backlink.yml); "
        "edit that entry instead, or choose another name",
    ),
    (
        "a name without letters",
        " !?! ",
        "seokb new-term: ' !?! ' has no letters or digits to make a file name from; give the term's name, like \"Anchor text\"",
    ),
    # Issue 30: each of these wrote a file the build could not use, or failed with a traceback.
    (
        "the A-Z index's name",
        "index",
        "seokb new-term: 'index' would be glossary/index.yml, whose page glossary/index.md is the engine's A-Z index; "
        "give the term's full name",
    ),
    (
        "the A-Z index's name, capitalised",
        "Index",
        "seokb new-term: 'Index' would be glossary/index.yml, whose page glossary/index.md is the engine's A-Z index; "
        "give the term's full name",
    ),
    (
        "a 300-character name (was OSError: File name too long)",
        "a" * 300,
        "seokb new-term: the name is 300 characters; a term's name may have at most 60: give its shortest usual form",
    ),
    (
        "a name whose slug is too long",
        "\u65e5\u672c\u8a9e" * 10,
        "seokb new-term: '"
        + "\u65e5\u672c\u8a9e" * 10
        + "' makes a file name of 99 characters ('ri-ben-yu-ri-ben-yu-...'); the limit is 60: give the term's shortest usual form",
    ),
    (
        "digits only",
        "2024",
        "seokb new-term: '2024' has no letters; a term is a word or words, like \"Anchor text\"",
    ),
    (
        "a Cyrillic letter in a Latin word",
        "\u0412acklink",
        "seokb new-term: '\u0412acklink' mixes Cyrillic and Latin letters in one word, the way a look-alike of another name "
        "is made; write each word in one alphabet",
    ),
    (
        "fullwidth letters",
        "\uff22acklink",
        "seokb new-term: '\uff22acklink' is written with U+FF22 FULLWIDTH LATIN CAPITAL LETTER B, a look-alike form of 'B'; "
        "write it with ordinary characters: 'Backlink'",
    ),
    (
        "a pile of combining marks",
        "Zax" + "\u0301" * 20 + "go",  # no letter x with an acute in Unicode: NFC leaves all 20 marks
        "seokb new-term: the name has 20 combining marks on one letter; a name may stack at most 2",
    ),
    (
        "punctuation the linker reads past",
        "Inbound link!",
        "seokb new-term: 'Inbound link!' is already in the glossary as an alias of 'Backlink' (glossary/backlink.yml); "
        "edit that entry instead, or choose another name",
    ),
]


@pytest.mark.parametrize(("name", "message"), [r[1:] for r in REFUSALS], ids=[r[0] for r in REFUSALS])
def test_new_term_refuses_and_writes_nothing(project: Project, capsys, name: str, message: str) -> None:
    backlink = project.write("glossary/backlink.yml", entry("backlink", aliases="[inbound link]"))
    before = backlink.read_text(encoding="utf-8")
    code, out, err = seokb(capsys, "new-term", name, "--root", str(project.root))
    assert (code, out, err) == (1, "", message + "\n")
    assert sorted(p.name for p in (project.root / "glossary").iterdir()) == ["backlink.yml"]
    assert backlink.read_text(encoding="utf-8") == before


def test_new_term_refuses_a_project_without_a_glossary_folder(project: Project, capsys) -> None:
    (project.root / "glossary").rmdir()
    code, out, err = seokb(capsys, "new-term", "Anchor text", "--root", str(project.root))
    assert (code, out) == (1, "")
    assert err == (
        f"seokb new-term: there is no glossary/ folder in '{project.root}'; run this in the project folder or pass --root\n"
    )
    assert not (project.root / "glossary").exists()


@pytest.mark.parametrize("command", [["check"], ["new-term", "Anchor text"]])
def test_both_commands_refuse_a_folder_that_is_not_the_project(tmp_path: Path, capsys, command: list[str]) -> None:
    # `seokb check` in the wrong folder would otherwise find no entries and call that valid.
    (tmp_path / "glossary").mkdir()
    code, out, err = seokb(capsys, *command, "--root", str(tmp_path))
    assert (code, out) == (2, "")
    assert err == (
        f"seokb: '{tmp_path}' is not the seokb project folder (it has no mkdocs.yml); "
        "run this where mkdocs.yml is, or pass --root\n"
    )
    assert list((tmp_path / "glossary").iterdir()) == []


# check


def test_check_passes_valid_content_silently_on_stdout(project: Project, capsys) -> None:
    project.write("glossary/backlink.yml", entry("backlink"))
    assert seokb(capsys, "check", "--root", str(project.root)) == (0, "", "All content is valid.\n")


def test_check_lists_every_problem_in_file_and_line_order(project: Project, capsys) -> None:
    project.write("glossary/backlink.yml", entry("backlink", category="basic", related="[anchor-txt]"))
    project.write("glossary/anchor-text.yml", entry("anchor-text", short="Read this: now"))
    code, out, err = seokb(capsys, "check", "--root", str(project.root))
    assert code == 1
    assert out.splitlines() == [
        "glossary/anchor-text.yml:3: YAML syntax error: ': ' inside unquoted text starts a new field to YAML; put the whole value of 'short' in double quotes, like short: \"Text: more text\"",
        "glossary/backlink.yml:10: category: unknown category 'basic' (did you mean 'basics'?)",
        "glossary/backlink.yml:14: related: unknown term 'anchor-txt' (did you mean 'anchor-text'?)",
    ]
    assert err == "3 problems found.\n"


def test_check_says_problem_in_the_singular(project: Project, capsys) -> None:
    project.write("glossary/backlink.yml", entry("backlink", category="basic"))
    assert seokb(capsys, "check", "--root", str(project.root))[1:] == (
        "glossary/backlink.yml:10: category: unknown category 'basic' (did you mean 'basics'?)\n",
        "1 problem found.\n",
    )


def test_check_annotates_each_problem_for_github_actions(project: Project, capsys, monkeypatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    project.write("glossary/backlink.yml", entry("backlink", category="basic", related="[anchor-txt]"))
    project.write("glossary/anchor-text.yml", entry("anchor-text", sources="\n  - title: Docs\n    url: http://example.org/"))
    code, out, _ = seokb(capsys, "check", "--root", str(project.root))
    assert code == 1
    assert out.splitlines() == [
        "glossary/anchor-text.yml:13: sources item 1, url: 'http://example.org/' is not an https URL; sources must start with https://",
        "::error file=glossary/anchor-text.yml,line=13,title=seokb check::sources item 1, url: 'http://example.org/' is not an https URL; sources must start with https://",
        "glossary/backlink.yml:10: category: unknown category 'basic' (did you mean 'basics'?)",
        "::error file=glossary/backlink.yml,line=10,title=seokb check::category: unknown category 'basic' (did you mean 'basics'?)",
        "glossary/backlink.yml:14: related: unknown term 'anchor-txt' (did you mean 'anchor-text'?)",
        "::error file=glossary/backlink.yml,line=14,title=seokb check::related: unknown term 'anchor-txt' (did you mean 'anchor-text'?)",
    ]


@pytest.mark.parametrize("value", ["false", "1", ""])
def test_check_annotates_only_when_github_actions_is_true(project: Project, capsys, monkeypatch, value: str) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", value)
    project.write("glossary/backlink.yml", entry("backlink", category="basic"))
    _, out, _ = seokb(capsys, "check", "--root", str(project.root))
    assert "::error" not in out
    assert out.count("\n") == 1


ANNOTATIONS = [
    (
        Diagnostic("glossary/a.yml", 3, "short: is 170 characters; the limit is 160"),
        "::error file=glossary/a.yml,line=3,title=seokb check::short: is 170 characters; the limit is 160",
    ),
    (
        Diagnostic("glossary/a.yml", 4, "short: '100% natural' is fine"),
        "::error file=glossary/a.yml,line=4,title=seokb check::short: '100%25 natural' is fine",
    ),
    (Diagnostic("glossary/a.yml", 5, "two\nlines\r"), "::error file=glossary/a.yml,line=5,title=seokb check::two%0Alines%0D"),
    (Diagnostic("glossary/a,b:c.yml", 1, "odd name"), "::error file=glossary/a%2Cb%3Ac.yml,line=1,title=seokb check::odd name"),
]


@pytest.mark.parametrize(("diagnostic", "annotation"), ANNOTATIONS)
def test_annotations_escape_what_would_cut_them_short(diagnostic: Diagnostic, annotation: str) -> None:
    assert actions_annotation(diagnostic) == annotation


def test_the_installed_command_passes_the_real_site() -> None:
    """What pre-commit and a contributor run: the console script `make` installs, on this repository's content."""
    assert SEOKB.exists(), f"{SEOKB} is missing: run `make test`, which installs the project with its `seokb` command"
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    result = subprocess.run([str(SEOKB), "check"], cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "All content is valid.\n")


@pytest.mark.parametrize("command", ["check", "published"])
def test_python_m_runs_every_command_as_the_installed_one_does(command: str) -> None:
    # `python -m seokb.cli` runs the module's last lines: every command's function must be defined above them.
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    result = subprocess.run(
        [sys.executable, "-m", "seokb.cli", command], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_check_covers_quizzes_and_the_markers_in_pages(project: Project, capsys) -> None:
    project.write(
        "quizzes/pick-one.yml",
        (
            "title: Pick one\ndescription: A tiny quiz for the test.\nquestions:\n"
            "  - type: single\n    prompt: Which?\n    options:\n"
            "      - text: This\n        correct: true\n        explain: Because.\n"
            "      - text: That\n        correct: true\n        explain: Because not.\n"
        ),
    )
    project.write("docs/lessons/first.md", "# First\n\n<!-- seokb:quiz pick-on -->\n\n<!-- seokb:comunity -->\n")
    code, out, _ = seokb(capsys, "check", "--root", str(project.root))
    assert code == 1
    assert out.splitlines() == [
        "docs/lessons/first.md:3: unknown quiz 'pick-on' (did you mean 'pick-one'?)",
        "docs/lessons/first.md:5: unknown marker 'seokb:comunity'; known markers: 'seokb:community', 'seokb:quiz', 'seokb:diagram'",
        "quizzes/pick-one.yml:6: questions item 1, options: a 'single' question needs exactly one option with "
        "'correct: true', but items 1 and 2 have it; keep one, or make it a 'multiple' question",
    ]


def test_check_finds_every_broken_link_it_can_without_a_build(project: Project, capsys) -> None:
    # The build found these and `make check` said "All content is valid.": a definition linking a lesson that does
    # not exist, an anchor a term page does not have, and a lesson linking a term that is not in the glossary.
    project.write(
        "glossary/backlink.yml",
        entry(
            "backlink",
            definition="|\n  See [the lesson](../lessons/what-is-a-backlnk.md) and [its example](anchor-text.md#exampel).",
        ),
    )
    project.write("glossary/anchor-text.yml", entry("anchor-text"))
    project.write(
        "docs/lessons/what-is-a-backlink.md",
        (
            "---\ndescription: A lesson.\n---\n# What is a backlink?\n\nRead [anchor text](../glossary/anchor-text.md#example), "
            "[the feed](../feed.xml) and [a term](../glossary/inbound-link.md).\n"
        ),
    )
    code, out, err = seokb(capsys, "check", "--root", str(project.root))
    assert (code, err) == (1, "3 problems found.\n")
    assert out.splitlines() == [
        "docs/lessons/what-is-a-backlink.md:6: link '../glossary/inbound-link.md': 'glossary/inbound-link.md' does not exist",
        "glossary/backlink.yml:5: link '../lessons/what-is-a-backlnk.md': 'lessons/what-is-a-backlnk.md' does not exist "
        "(did you mean '../lessons/what-is-a-backlink.md'?)",
        "glossary/backlink.yml:5: link 'anchor-text.md#exampel': 'anchor-text.md' has no anchor 'exampel' (did you mean 'example'?)",
    ]
