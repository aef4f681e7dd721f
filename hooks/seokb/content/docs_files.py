"""The files of docs/ a build may publish, by allow-list: pages and the images a lesson needs anywhere, and HTML,
CSS, JavaScript and other files only in docs/assets/, which the maintainers review (.github/CODEOWNERS).

MkDocs copies every file of docs/ into the site as it is, following links: whatever this module does not accept,
both doors leave out and report, so `seokb check` and the build refuse the same files."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from seokb.content.files import IMAGE, MAINTAINED, PAGE, SVG, Limit, file_problem, link_problem, read_file
from seokb.content.svg_check import svg_problems
from seokb.diagnostics import Diagnostics

MAINTAINERS_FOLDER = "assets"
"""docs/assets/: the site's own styles, scripts and downloads. A change there is code that runs on every reader's
page, so CODEOWNERS asks a maintainer's review for it, as for hooks/."""

PAGE_TYPES = (".md",)
# Each image type with the bytes its files start with: a file's name must say what it holds.
IMAGE_TYPES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WebP", ".svg": "SVG"}
MAINTAINED_TYPES = (".css", ".js", ".html", ".csv")  # only under docs/assets/
_SIGNATURES = {"PNG": (b"\x89PNG\r\n\x1a\n",), "JPEG": (b"\xff\xd8\xff",), "GIF": (b"GIF87a", b"GIF89a")}

ALLOWED = "docs/ may hold pages (.md) and images (.png, .jpg, .jpeg, .webp, .svg)"


@dataclass
class DocsFiles:
    """What docs/ holds that may be published, and a problem for everything else."""

    accepted: set[str] = field(default_factory=set)  # paths under docs/, as MkDocs names them (src_uri)
    problems: Diagnostics = field(default_factory=Diagnostics)
    folder_links: list[str] = field(default_factory=list)  # links to folders, which MkDocs would walk into


def docs_files(docs: Path, docs_path: str = "docs") -> DocsFiles:
    """Every file of `docs` (named `docs_path` in messages), walked without following a link: each one judged by
    `docs_file_problems`, each link to a file or folder refused where it stands."""
    found = DocsFiles()
    if (problem := link_problem(docs)) is not None:
        found.problems.add(docs_path, 1, problem)
        found.folder_links.append(docs_path)
        return found
    for folder, folders, names in os.walk(docs):  # os.walk follows no link to a folder unless asked to
        here = Path(folder)
        for name in sorted(folders):
            # A link to a folder is refused even when hidden: MkDocs walks into hidden folders too before it leaves
            # them out of the site (exclude_docs' default), so one to / would have it walk the whole machine.
            if (problem := link_problem(here / name)) is not None:
                found.problems.add(_relative(here / name, docs, docs_path), 1, problem)
                found.folder_links.append(_relative(here / name, docs, docs_path))
            if problem is not None or name.startswith("."):
                folders.remove(name)
        for name in sorted(names):
            if name.startswith("."):  # never published, never read (an editor's lock file may be a dangling link)
                continue
            src_uri = (here / name).relative_to(docs).as_posix()
            problems = docs_file_problems(here / name, src_uri)
            for line, message in problems:
                found.problems.add(f"{docs_path}/{src_uri}", line, message)
            if not problems:
                found.accepted.add(src_uri)
    return found


def docs_file_problems(path: Path, src_uri: str) -> list[tuple[int, str]]:
    """(line, message) for why the file at `path` (docs/`src_uri`) may not be published; [] when it may."""
    if (problem := link_problem(path)) is not None:
        return [(1, problem)]
    suffix = Path(src_uri).suffix.lower()
    limit = kind_limit(src_uri)
    if limit is None:
        return [(1, type_problem(src_uri))]
    if (problem := file_problem(path, limit)) is not None:
        return [(1, problem)]
    if suffix not in IMAGE_TYPES:
        return []
    report = Diagnostics()
    data = read_file(path, src_uri, limit, report)
    if data is None:
        return [(item.line, item.message) for item in report.items]
    return image_problems(suffix, data)


def kind_limit(src_uri: str) -> Limit | None:
    """The size limit of the file's kind, or None for a type that may not be published there."""
    suffix = Path(src_uri).suffix.lower()
    if suffix in PAGE_TYPES:
        return PAGE
    if suffix in IMAGE_TYPES:
        return SVG if suffix == ".svg" else IMAGE
    if suffix in MAINTAINED_TYPES and src_uri.startswith(MAINTAINERS_FOLDER + "/"):
        return MAINTAINED
    return None


def type_problem(src_uri: str) -> str:
    suffix = Path(src_uri).suffix.lower()
    if suffix in MAINTAINED_TYPES:
        return (
            f"file type '{suffix}' is published only from docs/{MAINTAINERS_FOLDER}/, which the maintainers review "
            "(it reaches readers as it is: HTML, CSS and JavaScript run in their browser); write a Markdown page, "
            "or ask a maintainer"
        )
    what = f"file type '{suffix}'" if suffix else "a file without a type ('.md', '.png', ...)"
    return f"{what} is not published; {ALLOWED}"


def image_problems(suffix: str, data: bytes) -> list[tuple[int, str]]:
    """An image's content must be what its name says; an SVG must hold no script or reference (svg_check.py)."""
    expected = IMAGE_TYPES[suffix]
    if expected == "SVG":
        return svg_problems(data)
    if sniff(data) == expected:
        return []
    actual = sniff(data)
    held = f"it holds a {actual} image" if actual else "its content is not an image of that type"
    return [(1, f"the file is named '{suffix}' but {held}; save it as {expected}, or give it the extension of what it is")]


def sniff(data: bytes) -> str | None:
    """The raster image type the bytes start with, if any."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP"
    return next((name for name, starts in _SIGNATURES.items() if data.startswith(starts)), None)


def _relative(path: Path, docs: Path, docs_path: str) -> str:
    return f"{docs_path}/{path.relative_to(docs).as_posix()}"
