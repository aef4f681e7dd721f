"""Diagrams: diagrams/<name>.yml read into a Diagram (rows of boxes and the arrows between them), every problem
reported as `path:line: message`. Drawing it is site/diagram_svg.py's job; this module knows no SVG."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path as FsPath

from seokb.content.folder import FolderKind, load_folder
from seokb.content.rules import plain_text_problems
from seokb.content.schema import field_label, schema_problems
from seokb.content.yamlsource import Path, YamlDocument, read_yaml, value_at
from seokb.diagnostics import Diagnostics

DIAGRAM_SCHEMA = "diagram.schema.json"
SCHEMA_LINE = "# yaml-language-server: $schema=../hooks/seokb/schema/diagram.schema.json"
DIAGRAM_FILES = FolderKind("diagram", "a diagram", "diagrams", "name", lambda name: name.startswith(".") or name == "README.md")
# Messages of plain_text_problems that a code box is allowed to earn: it shows HTML as text, on purpose.
_CODE_MAY_SHOW = ("raw HTML", "must be plain text")


@dataclass(frozen=True)
class Box:
    id: str
    title: str = ""
    text: str = ""  # may hold line breaks: each starts a new line in the box
    note: str = ""
    kind: str = "plain"
    row: int = 0
    column: int = 0
    line: int = 1

    @property
    def name(self) -> str:
        """How the description names the box: its title, else its first line."""
        return self.title or self.text.splitlines()[0]


@dataclass(frozen=True)
class Row:
    boxes: tuple[Box, ...]
    group: str = ""


@dataclass(frozen=True)
class Arrow:
    source: Box
    target: Box
    label: str = ""
    line: int = 1

    @property
    def up(self) -> bool:
        return self.target.row < self.source.row


@dataclass(frozen=True)
class Diagram:
    name: str
    alt: str
    caption: str
    rows: tuple[Row, ...]
    arrows: tuple[Arrow, ...] = ()
    path: str = ""
    lines: dict[tuple, int] = field(default_factory=dict, compare=False, hash=False)

    @property
    def boxes(self) -> Iterator[Box]:
        for row in self.rows:
            yield from row.boxes


@dataclass(frozen=True)
class Diagrams:
    """Every valid diagram of a run, in name order, and the names of the files that could not be read."""

    diagrams: tuple[Diagram, ...] = ()
    unreadable: frozenset[str] = frozenset()

    def __iter__(self) -> Iterator[Diagram]:
        return iter(self.diagrams)

    def __len__(self) -> int:
        return len(self.diagrams)

    def get(self, name: str) -> Diagram | None:
        return next((diagram for diagram in self.diagrams if diagram.name == name), None)

    @property
    def names(self) -> list[str]:
        return [diagram.name for diagram in self.diagrams]


def load_diagrams(root: FsPath, report: Diagnostics, folder: str = "diagrams") -> Diagrams:
    """Every valid diagram under root/folder; every problem, in any file, goes to `report`."""
    read, present = load_folder(root, folder, DIAGRAM_FILES, report, read_diagram)
    diagrams = tuple(diagram for diagram in read if diagram is not None)
    return Diagrams(diagrams, unreadable=frozenset(present - {diagram.name for diagram in diagrams}))


def read_diagram(text: str, path: str, name: str, report: Diagnostics) -> Diagram | None:
    """One diagram from its text; None (with every problem reported) when it is not valid."""
    before = len(report)
    document = read_yaml(text, path, report)
    if document is None:
        return None
    if document.data is None:
        report.add(path, 1, "the file is empty; copy an existing diagram in diagrams/ to start from")
        return None
    if not isinstance(document.data, dict):
        report.add(path, document.value_line(()), "a diagram is a set of fields ('alt: ...', 'caption: ...', 'rows: ...')")
        return None
    for line, message in schema_problems(document, DIAGRAM_SCHEMA):
        report.add(path, line, message)
    _check_text(document, path, report)
    if len(report) > before:
        return None
    diagram = _diagram(document, path, name, report)
    return diagram if len(report) == before else None


def _texts(data: dict) -> Iterator[tuple[Path, bool]]:
    """(path, is code) of every text value the schema lets through as a string."""
    yield ("alt",), False
    yield ("caption",), False
    rows = data.get("rows")
    for r, row in enumerate(rows if isinstance(rows, list) else ()):
        if not isinstance(row, dict):
            continue
        yield ("rows", r, "group"), False
        boxes = row.get("boxes")
        for b, box in enumerate(boxes if isinstance(boxes, list) else ()):
            code = isinstance(box, dict) and box.get("kind") == "code"
            for name in ("title", "text", "note"):
                yield ("rows", r, "boxes", b, name), code and name == "text"
    arrows = data.get("arrows")
    for a in range(len(arrows) if isinstance(arrows, list) else 0):
        yield ("arrows", a, "label"), False


def _check_text(document: YamlDocument, path: str, report: Diagnostics) -> None:
    """Plain text everywhere: no Markdown, no HTML (a code box may show HTML; it is drawn as text either way).
    A box's text may break into lines; each line is checked on its own, at its own line of the file."""
    for at, code in _texts(document.data):
        text = value_at(document.data, at)
        if not isinstance(text, str) or not text.strip():
            continue
        lines = text.strip().split("\n") if at[-1] == "text" else [text]
        start = document.text_lines.get(at)
        for offset, piece in enumerate(lines):
            for problem in plain_text_problems(piece):
                if code and problem.message.startswith(_CODE_MAY_SHOW):
                    continue
                line = start + offset if start else document.value_line(at)
                report.add(path, line, f"{field_label(at)}: {problem.message}")


def _diagram(document: YamlDocument, path: str, name: str, report: Diagnostics) -> Diagram:
    """The diagram, once its fields are right: what the schema cannot say is checked here (ids, arrows)."""
    data = document.data
    boxes: dict[str, Box] = {}
    rows = []
    for r, raw_row in enumerate(data["rows"]):
        row_boxes = []
        for c, raw in enumerate(raw_row["boxes"]):
            at: Path = ("rows", r, "boxes", c)
            if not any(raw.get(key) for key in ("title", "text")):  # reported; arrows may still name it
                report.add(path, document.line_of(at), f"{field_label(at)}: a box needs a 'title' or a 'text' to show")
            box = Box(
                id=raw["id"],
                title=" ".join(raw.get("title", "").split()),
                text="\n".join(" ".join(line.split()) for line in raw.get("text", "").strip().split("\n")),
                note=" ".join(raw.get("note", "").split()),
                kind=raw.get("kind", "plain"),
                row=r,
                column=c,
                line=document.line_of(at),
            )
            if box.id in boxes:
                report.add(
                    path,
                    document.value_line((*at, "id")),
                    f"{field_label((*at, 'id'))}: '{box.id}' is already the id of the box at line {boxes[box.id].line}; give each box its own id",
                )
                continue
            boxes[box.id] = box
            row_boxes.append(box)
        rows.append(Row(tuple(row_boxes), " ".join(raw_row.get("group", "").split())))
    arrows = []
    for a, raw in enumerate(data.get("arrows") or ()):
        arrow = _arrow(raw, ("arrows", a), boxes, document, path, report)
        if arrow is not None:
            arrows.append(arrow)
    return Diagram(
        name=name,
        alt=" ".join(data["alt"].split()),
        caption=" ".join(data["caption"].split()),
        rows=tuple(rows),
        arrows=tuple(arrows),
        path=path,
        lines={at: document.line_of(at) for at in document.value_lines},
    )


def _arrow(raw: dict, at: Path, boxes: dict[str, Box], document: YamlDocument, path: str, report: Diagnostics) -> Arrow | None:
    ends = []
    for end in ("from", "to"):
        box = boxes.get(raw[end])
        if box is None:
            known = ", ".join(f"'{name}'" for name in boxes) or "none"
            report.add(
                path, document.value_line((*at, end)), f"{field_label((*at, end))}: unknown box '{raw[end]}'; box ids: {known}"
            )
        ends.append(box)
    source, target = ends
    if source is None or target is None:
        return None
    label = " ".join(raw.get("label", "").split())
    line = document.line_of(at)
    where = field_label(at)
    if source.row == target.row:
        report.add(path, line, f"{where}: '{source.id}' and '{target.id}' are in the same row; an arrow goes to another row")
        return None
    if target.row > source.row + 1:
        report.add(
            path,
            line,
            f"{where}: goes from row {source.row + 1} to row {target.row + 1}, past the boxes between; "
            "an arrow goes down to the next row only (or back up to an earlier one)",
        )
        return None
    arrow = Arrow(source, target, label, line)
    if arrow.up and (source.column or target.column):
        report.add(
            path,
            line,
            f"{where}: an arrow back up is drawn along the left side, so it joins the first box of each row; "
            f"'{source.id if source.column else target.id}' is not first in its row",
        )
        return None
    if arrow.up and label:
        report.add(
            path, document.line_of((*at, "label")), f"{where}: an arrow back up takes no label; say it in a box or the caption"
        )
        return None
    return arrow
