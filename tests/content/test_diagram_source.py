"""Diagram sources (diagrams/<name>.yml): what is read, and every mistake reported at its path and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from seokb.content.diagram import SCHEMA_LINE, load_diagrams, read_diagram
from seokb.content.markers import Community, expand_markers
from seokb.content.quiz import Quizzes
from seokb.diagnostics import Diagnostics

REPO = Path(__file__).resolve().parents[2]
PATH = "diagrams/two-sites.yml"

VALID = f"""{SCHEMA_LINE}
alt: Site A links to site B.
caption: A link from site A to site B is a backlink for B.
rows:
  - group: Site A
    boxes:
      - id: site-a
        title: Site A
        text: a blog
  - boxes:
      - id: site-b
        title: Site B
        note: gets a backlink
        kind: highlight
arrows:
  - from: site-a
    to: site-b
    label: a link
"""


def problems(text: str) -> list[str]:
    report = Diagnostics()
    diagram = read_diagram(text, PATH, "two-sites", report)
    assert (diagram is None) == bool(report), "a diagram with problems must not be read, one without must be"
    return [str(problem) for problem in report.sorted()]


def test_a_valid_diagram_is_read_with_its_rows_boxes_and_arrows() -> None:
    report = Diagnostics()
    diagram = read_diagram(VALID, PATH, "two-sites", report)
    assert not report and diagram is not None
    assert [box.id for box in diagram.boxes] == ["site-a", "site-b"]
    assert diagram.rows[0].group == "Site A"
    (arrow,) = diagram.arrows
    assert (arrow.source.id, arrow.target.id, arrow.label, arrow.up) == ("site-a", "site-b", "a link", False)
    assert diagram.boxes.__next__().line == 7


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            ("caption: A link", "caption: A link: from"),
            [
                f"{PATH}:3: YAML syntax error: ': ' inside unquoted text starts a new field to YAML; put the whole value of 'caption' in double quotes, like caption: \"Text: more text\""
            ],
            id="bad-yaml",
        ),
        pytest.param(
            ("        text: a blog", "        txt: a blog"),
            [f"{PATH}:9: rows item 1, boxes item 1: unknown field 'txt' (did you mean 'text'?)"],
            id="unknown-field",
        ),
        pytest.param(
            ("    to: site-b", "    to: site-c"),
            [f"{PATH}:17: arrows item 1, to: unknown box 'site-c'; box ids: 'site-a', 'site-b'"],
            id="unknown-box",
        ),
        pytest.param(
            ("caption: A link from site A to site B is a backlink for B.\n", ""),
            [f"{PATH}:2: missing required field 'caption': " + "The caption under the picture"],
            id="missing-caption",
        ),
        pytest.param(
            ("alt: Site A links to site B.\n", ""),
            [f"{PATH}:2: missing required field 'alt': " + "The picture's name for screen readers"],
            id="missing-alt",
        ),
        pytest.param(
            ("alt: Site A links to site B.", "alt: ''"),
            [f"{PATH}:2: alt: is empty"],
            id="empty-alt",
        ),
        pytest.param(
            ("      - id: site-b", "      - id: site-a"),
            [
                f"{PATH}:11: rows item 2, boxes item 1, id: 'site-a' is already the id of the box at line 7; give each box its own id",
                f"{PATH}:17: arrows item 1, to: unknown box 'site-b'; box ids: 'site-a'",
            ],
            id="duplicate-id",
        ),
        pytest.param(
            ("      - id: site-b", "      - id: Site B"),
            [
                f"{PATH}:11: rows item 2, boxes item 1, id: 'Site B' is not a box id; write lowercase words joined by '-', like 'site-a'"
            ],
            id="bad-id",
        ),
        pytest.param(
            ("        kind: highlight", "        kind: loud"),
            [f"{PATH}:14: rows item 2, boxes item 1, kind: unknown kind 'loud'; one of plain, highlight, warning, code"],
            id="unknown-kind",
        ),
        pytest.param(
            ("caption: A link from site A to site B is a backlink for B.", 'caption: "A link </text><script>alert(1)</script>"'),
            [f"{PATH}:3: caption: raw HTML '</text>' is not allowed; write plain text"],
            id="html-in-caption",
        ),
        pytest.param(
            ("        title: Site B\n", ""),
            [f"{PATH}:11: rows item 2, boxes item 1: a box needs a 'title' or a 'text' to show"],
            id="box-with-nothing-to-show",
        ),
        pytest.param(
            ("        text: a blog", '        text: "**a blog**"'),
            [f"{PATH}:9: rows item 1, boxes item 1, text: must be plain text, without Markdown ('**'); remove it"],
            id="markdown-in-text",
        ),
        pytest.param(
            ("    label: a link", '    label: "\\"><img src=x onerror=alert(1)>"'),
            [f"{PATH}:18: arrows item 1, label: raw HTML '<img src=x onerror=alert(1)>' is not allowed; write plain text"],
            id="html-in-label",
        ),
    ],
)
def test_each_mistake_is_reported_at_its_line(change: tuple[str, str], expected: list[str]) -> None:
    old, new = change
    assert old in VALID
    found = problems(VALID.replace(old, new, 1))
    assert len(found) == len(expected), found
    for line, start in zip(found, expected):
        assert line.startswith(start), found


ARROWS = f"""{SCHEMA_LINE}
alt: Three rows.
caption: Three rows of boxes.
rows:
  - boxes:
      - id: a
        title: A
      - id: b
        title: B
  - boxes:
      - id: c
        title: C
      - id: d
        title: D
  - boxes:
      - id: e
        title: E
arrows:
"""


@pytest.mark.parametrize(
    ("arrow", "message"),
    [
        ("{from: a, to: b}", "arrows item 1: 'a' and 'b' are in the same row; an arrow goes to another row"),
        (
            "{from: a, to: e}",
            "arrows item 1: goes from row 1 to row 3, past the boxes between; an arrow goes down to the next row only (or back up to an earlier one)",
        ),
        (
            "{from: e, to: b}",
            "arrows item 1: an arrow back up is drawn along the left side, so it joins the first box of each row; 'b' is not first in its row",
        ),
        ("{from: e, to: a, label: again}", "arrows item 1: an arrow back up takes no label; say it in a box or the caption"),
    ],
)
def test_an_arrow_the_layout_cannot_draw_is_refused_at_its_line(arrow: str, message: str) -> None:
    assert problems(ARROWS + f"  - {arrow}\n") == [f"{PATH}:19: {message}"]


def test_an_arrow_back_up_between_first_boxes_is_drawn() -> None:
    assert problems(ARROWS + "  - {from: e, to: a}\n  - {from: a, to: c}\n") == []


def test_every_problem_of_a_file_is_reported_at_once() -> None:
    text = (
        VALID.replace("    to: site-b", "    to: nowhere")
        .replace("kind: highlight", "kind: loud")
        .replace("alt: Site", "alt: <b>Site")
    )
    assert problems(text) == [
        f"{PATH}:2: alt: raw HTML '<b>' is not allowed; write plain text",
        f"{PATH}:14: rows item 2, boxes item 1, kind: unknown kind 'loud'; one of plain, highlight, warning, code",
    ]  # the arrow's unknown box is reported once these are fixed: the boxes are read only from a valid file


def test_a_code_box_may_show_html_which_other_boxes_may_not() -> None:
    code = VALID.replace(
        "        text: a blog", '        kind: code\n        text: |\n          <a href="https://b.example/">\n          B</a>'
    )
    assert problems(code) == []
    assert problems(code.replace("        kind: code\n", "")) == [
        f"{PATH}:10: rows item 1, boxes item 1, text: raw HTML '<a href=\"https://b.example/\">' is not allowed; write plain text",
        f"{PATH}:11: rows item 1, boxes item 1, text: raw HTML '</a>' is not allowed; write plain text",
    ]


def test_an_empty_file_and_a_list_are_not_diagrams() -> None:
    assert problems("") == [f"{PATH}:1: the file is empty; copy an existing diagram in diagrams/ to start from"]
    assert problems("- a\n- b\n") == [f"{PATH}:1: a diagram is a set of fields ('alt: ...', 'caption: ...', 'rows: ...')"]


def test_the_folder_is_read_like_quizzes(tmp_path: Path) -> None:
    folder = tmp_path / "diagrams"
    folder.mkdir()
    (folder / "two-sites.yml").write_text(VALID, encoding="utf-8")
    (folder / "broken.yml").write_text("alt: [\n", encoding="utf-8")
    (folder / "Notes.yaml").write_text("", encoding="utf-8")
    report = Diagnostics()
    diagrams = load_diagrams(tmp_path, report)
    assert diagrams.names == ["two-sites"]
    assert diagrams.unreadable == {"broken"}
    assert [problem.path for problem in report.sorted()] == ["diagrams/Notes.yaml", "diagrams/broken.yml"]


def test_the_real_diagrams_are_valid() -> None:
    report = Diagnostics()
    diagrams = load_diagrams(REPO, report)
    assert [str(problem) for problem in report.sorted()] == []
    assert len(diagrams) >= 7


# ------------------------------------------------------------------------------------------------ the marker


def expand(markdown: str, folder: Path) -> tuple[str, list[str]]:
    report = Diagnostics()
    diagrams = load_diagrams(folder, report)
    out = expand_markers(
        markdown,
        "docs/lessons/a.md",
        report,
        Community(),
        Quizzes(),
        lambda quiz: "",
        diagrams=diagrams,
        embed_diagram=lambda diagram: f"[{diagram.name}]",
    )
    return out, [str(problem) for problem in report.sorted()]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "diagrams").mkdir()
    (tmp_path / "diagrams" / "two-sites.yml").write_text(VALID, encoding="utf-8")
    (tmp_path / "diagrams" / "broken.yml").write_text("alt: [\n", encoding="utf-8")
    return tmp_path


def test_a_diagram_marker_embeds_its_diagram_in_any_case_and_spacing(folder: Path) -> None:
    out, found = expand("# A\n\n<!-- SEOKB : diagram  Two-Sites -->\n\n```\n<!-- seokb:diagram nope -->\n```\n", folder)
    assert [line for line in found if not line.startswith("diagrams/broken.yml")] == []
    assert out.startswith("# A\n\n[two-sites]\n")
    assert "<!-- seokb:diagram nope -->" in out  # fenced code shows a marker without using it


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        (
            "<!-- seokb:diagram two-site -->",
            "docs/lessons/a.md:3: unknown diagram 'two-site' (did you mean 'two-sites'?)",
        ),
        (
            "<!-- seokb:diagram -->",
            "docs/lessons/a.md:3: a diagram marker names no diagram; write '<!-- seokb:diagram <name> -->', the name being a file name in diagrams/ without .yml",
        ),
        (
            "<!-- seokb:diagram two-sites -->\n<!-- seokb:diagram two-sites -->",
            "docs/lessons/a.md:4: diagram 'two-sites' is already embedded at line 3; embed a diagram once per page",
        ),
    ],
)
def test_a_wrong_diagram_marker_is_an_error_at_its_line(folder: Path, markdown: str, message: str) -> None:
    _, found = expand(f"# A\n\n{markdown}\n", folder)
    assert message in found


def test_a_marker_naming_an_unreadable_diagram_is_not_reported_twice(folder: Path) -> None:
    out, found = expand("# A\n\n<!-- seokb:diagram broken -->\n", folder)
    assert [line.split(":")[0] for line in found] == ["diagrams/broken.yml"]
    assert "seokb" not in out


def test_the_schema_editors_read_is_the_one_the_build_uses() -> None:
    from seokb.content.diagram import DIAGRAM_SCHEMA, Box
    from seokb.content.schema import load_schema

    schema = load_schema(DIAGRAM_SCHEMA)
    layout = {"row", "column", "line"}  # where the box stands, not what a contributor writes
    assert set(schema["definitions"]["box"]["properties"]) == {f.name for f in Box.__dataclass_fields__.values()} - layout
    target = (REPO / "diagrams" / SCHEMA_LINE.split("$schema=")[1]).resolve()
    assert target == (REPO / "hooks" / "seokb" / "schema" / DIAGRAM_SCHEMA).resolve()
    for path in sorted((REPO / "diagrams").glob("*.yml")):
        assert path.read_text(encoding="utf-8").splitlines()[0] == SCHEMA_LINE, path.name
