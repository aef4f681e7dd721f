"""Files a hostile pull request could add, refused with exact messages by both doors (`seokb check` and the build):
links out of the repository, devices and pipes, files too large for their kind, file types not on docs/' list,
images that are not what their name says, SVG that runs script or loads other files, and pages where the engine
writes a page of its own. The build refuses them before it writes anything."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.hostile_cases import quiz
from support.project import FIXTURE_CONFIG, build_in_process, entry

from seokb.cli import check

PNG = b"\x89PNG\r\n\x1a\n" + bytes(24)
JPEG = b"\xff\xd8\xff\xe0" + bytes(24)
WEBP = b"RIFF\x1c\x00\x00\x00WEBPVP8 " + bytes(16)
SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'
HOME = "---\ndescription: Home.\n---\n# Home\n\nA backlink, and the [glossary](glossary/index.md).\n"
PAGE = "---\ndescription: A page.\n---\n# A page\n\nText.\n"
WHY_SVG = "an SVG here may hold no script, event handler, HTML or reference to another file"
ALLOWED = "docs/ may hold pages (.md) and images (.png, .jpg, .jpeg, .webp, .svg)"
ONLY_ASSETS = (
    "is published only from docs/assets/, which the maintainers review (it reaches readers as it is: HTML, CSS and "
    "JavaScript run in their browser); write a Markdown page, or ask a maintainer"
)
LINK = "only regular files are read or published: put the file itself here"


def svg(body: str) -> str:
    return f"{SVG_OPEN}\n{body}\n</svg>\n"


# (id, what to put in the project, the exact messages). A value is the file's text or bytes, ("link", target),
# or ("fifo",). Each case goes through `seokb check` alone, and all of them together through one build.
HOSTILE: list[tuple[str, dict[str, object], list[str]]] = [
    # 1. only regular files inside the repository
    (
        "a link to the machine's name",
        {"docs/leak.txt": ("link", "/etc/hostname")},
        [f"docs/leak.txt:1: is a symbolic link (to /etc/hostname); {LINK}"],
    ),
    (
        "a page linked to the build's environment",
        {"docs/environ.md": ("link", "/proc/self/environ")},
        [f"docs/environ.md:1: is a symbolic link (to /proc/self/environ); {LINK}"],
    ),
    (
        "a link to a system folder",
        {"docs/system": ("link", "/etc")},
        [f"docs/system:1: is a symbolic link (to /etc); {LINK}"],
    ),
    (
        "a hidden link to a folder",  # MkDocs walks hidden folders before it leaves them out
        {"docs/.cache": ("link", "/etc")},
        [f"docs/.cache:1: is a symbolic link (to /etc); {LINK}"],
    ),
    (
        "a link inside the repository",
        {"docs/lessons/copy.md": ("link", "../index.md")},
        [f"docs/lessons/copy.md:1: is a symbolic link (to ../index.md); {LINK}"],
    ),
    (
        "a page that is a named pipe",
        {"docs/pipe.md": ("fifo",)},
        ["docs/pipe.md:1: is a named pipe, not a regular file; only regular files are read or published"],
    ),
    (
        "a lesson that is a named pipe",  # lesson titles are read in on_config, before MkDocs lists docs/
        {"docs/lessons/waiting.md": ("fifo",)},
        ["docs/lessons/waiting.md:1: is a named pipe, not a regular file; only regular files are read or published"],
    ),
    (
        "a lesson linked to an endless device",
        {"docs/lessons/endless.md": ("link", "/dev/zero")},
        [f"docs/lessons/endless.md:1: is a symbolic link (to /dev/zero); {LINK}"],
    ),
    (
        "an entry linked to an endless device",
        {"glossary/endless.yml": ("link", "/dev/zero")},
        [f"glossary/endless.yml:1: is a symbolic link (to /dev/zero); {LINK}"],
    ),
    (
        "an entry that is a named pipe",
        {"glossary/waiting.yml": ("fifo",)},
        ["glossary/waiting.yml:1: is a named pipe, not a regular file; only regular files are read or published"],
    ),
    (
        "a folder link in the glossary",
        {"glossary/more": ("link", "/etc")},
        [f"glossary/more:1: is a symbolic link (to /etc); {LINK}"],
    ),
    (
        "the diagrams folder linked away",
        {"diagrams": ("link", "/etc")},
        [f"diagrams:1: is a symbolic link (to /etc); {LINK}"],
    ),
    (
        "a quiz linked to a secret",
        {"quizzes/secret.yml": ("link", "/proc/self/environ")},
        [f"quizzes/secret.yml:1: is a symbolic link (to /proc/self/environ); {LINK}"],
    ),
    # limits per kind, from the file's size before it is read
    (
        "a 20 MB lesson",
        {"docs/lessons/huge.md": PAGE + "x" * (20 * 1024 * 1024)},
        ["docs/lessons/huge.md:1: the file is 20480 KB; a page may be at most 256 KB"],
    ),
    (
        "an entry of 300 KB",
        {"glossary/huge.yml": entry("huge") + "#" * (300 * 1024)},
        ["glossary/huge.yml:1: the file is 300 KB; a glossary entry may be at most 256 KB"],
    ),
    (
        "an image of 2 MB",
        {"docs/big.png": PNG + bytes(2 * 1024 * 1024)},
        ["docs/big.png:1: the file is 2048 KB; an image may be at most 1024 KB"],
    ),
    # 2. static files by allow-list
    (
        "a program",
        {"docs/x.exe": b"MZ"},
        [f"docs/x.exe:1: file type '.exe' is not published; {ALLOWED}"],
    ),
    (
        "a file without a type",
        {"docs/lessons/notes": "text"},
        [f"docs/lessons/notes:1: a file without a type ('.md', '.png', ...) is not published; {ALLOWED}"],
    ),
    (
        "an HTML page beside the lessons",
        {"docs/lessons/offer.html": "<script>alert(1)</script>"},
        [f"docs/lessons/offer.html:1: file type '.html' {ONLY_ASSETS}"],
    ),
    (
        "a script at the top of docs/",
        {"docs/extra.JS": "alert(1)"},
        [f"docs/extra.JS:1: file type '.js' {ONLY_ASSETS}"],
    ),
    (
        "a stylesheet in a folder named like assets",
        {"docs/lessons/assets/look.css": "body{}"},
        [f"docs/lessons/assets/look.css:1: file type '.css' {ONLY_ASSETS}"],
    ),
    (
        "HTML named as a PNG",
        {"docs/pixel.png": "<html><script>alert(1)</script></html>"},
        [
            "docs/pixel.png:1: the file is named '.png' but its content is not an image of that type; save it as PNG, "
            "or give it the extension of what it is"
        ],
    ),
    (
        "a JPEG named as a PNG",
        {"docs/photo.png": JPEG},
        [
            "docs/photo.png:1: the file is named '.png' but it holds a JPEG image; save it as PNG, or give it the extension of what it is"
        ],
    ),
    (
        "an SVG with a script",
        {"docs/a.svg": svg("<script>alert(1)</script>")},
        [f"docs/a.svg:2: the SVG holds a <script> element; remove it ({WHY_SVG})"],
    ),
    (
        "an SVG with an event handler",
        {"docs/b.svg": svg('<rect width="5" height="5"\n  onclick="alert(1)"/>')},
        [f"docs/b.svg:2: the SVG's <rect> has the event handler 'onclick'; remove it ({WHY_SVG})"],
    ),
    (
        "an SVG with HTML in a foreignObject",
        {"docs/c.svg": svg('<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">hi</p></foreignObject>')},
        [
            f"docs/c.svg:2: the SVG holds a <foreignObject> element; remove it ({WHY_SVG})",
            f"docs/c.svg:2: the SVG holds the HTML element <p>; remove it ({WHY_SVG})",
        ],
    ),
    (
        "an SVG loading a remote image",
        {"docs/d.svg": svg('<image xlink:href=" https://evil.example/x.png" width="5" height="5"/>')},
        [f"docs/d.svg:2: the SVG's <image> refers to 'https://evil.example/x.png'; {WHY_SVG} (only to its own parts, '#id')"],
    ),
    (
        "an SVG link to javascript: split by a line",
        {"docs/e.svg": svg('<a href="java\nscript:alert(1)"><text>x</text></a>')},
        [f"docs/e.svg:2: the SVG's <a> refers to 'java script:alert(1)'; {WHY_SVG} (only to its own parts, '#id')"],
    ),
    (
        "an SVG style loading another host",
        {"docs/f.svg": svg("<style>\nrect { fill: url( 'https://evil.example/p.svg#g' ) }\n</style>")},
        [f"docs/f.svg:3: the SVG's <style> loads 'rect {{ fill: url( 'https://evil.example/p.svg#g' ) }}'; {WHY_SVG}"],
    ),
    (
        "an SVG style escaping url",
        {"docs/g.svg": svg('<rect style="fill: \\75rl(https://evil.example/)" width="5" height="5"/>')},
        [f"docs/g.svg:2: the SVG's <rect> has 'style' that loads 'fill: \\75rl(https://evil.example/)'; {WHY_SVG}"],
    ),
    (
        "an SVG with a DOCTYPE and entities",
        {"docs/h.svg": '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x "javascript:alert(1)">]>\n' + svg("<a href='&x;'/>")},
        ["docs/h.svg:2: the SVG declares a DOCTYPE; remove it (an SVG here may not define entities)"],
    ),
    (
        "an SVG that animates its link",
        {"docs/i.svg": svg('<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>')},
        [f"docs/i.svg:2: the SVG's <set> changes 'href'; remove it ({WHY_SVG})"],
    ),
    (
        "an SVG with a remote stylesheet",
        {"docs/j.svg": '<?xml-stylesheet href="https://evil.example/s.css"?>\n' + svg("")},
        [f"docs/j.svg:1: the SVG holds the processing instruction <?xml-stylesheet ...?>; remove it ({WHY_SVG})"],
    ),
    (
        "an HTML page named as an SVG",
        {"docs/k.svg": "<html><body><script>alert(1)</script></body></html>"},
        [
            f"docs/k.svg:1: the SVG holds a <script> element; remove it ({WHY_SVG})",
            "docs/k.svg:1: the file's first element is <html>, not an <svg> of the SVG namespace (http://www.w3.org/2000/svg)",
        ],
    ),
    (
        "an SVG that is not XML",
        {"docs/l.svg": "<svg><g></svg>"},
        [
            "docs/l.svg:1: the SVG is not well-formed XML (mismatched tag); save it again from your drawing program",
            "docs/l.svg:1: the file's first element is <svg>, not an <svg> of the SVG namespace (http://www.w3.org/2000/svg)",
        ],
    ),
    # 8. a page where the engine writes one
    (
        "a page at a term's address",
        {"docs/glossary/backlink.md": PAGE},
        [
            "docs/glossary/backlink.md:1: the engine writes the page of glossary/backlink.yml at the address "
            "glossary/backlink/, so this page would be dropped from the site; move it to another address"
        ],
    ),
    (
        "a page in a folder at a term's address",
        {"docs/glossary/backlink/index.md": PAGE},
        [
            "docs/glossary/backlink/index.md:1: the engine writes the page of glossary/backlink.yml at the address "
            "glossary/backlink/, so this page would be dropped from the site; move it to another address"
        ],
    ),
    (
        "a page at the glossary's index",
        {"docs/glossary/index.md": PAGE},
        [
            "docs/glossary/index.md:1: the engine writes the glossary's A-Z index at the address glossary/, so this "
            "page would be dropped from the site; move it to another address"
        ],
    ),
    (
        "a page at the quiz list",
        {"docs/quizzes/index.md": PAGE},
        [
            "docs/quizzes/index.md:1: the engine writes the list of quizzes at the address quizzes/, so this page "
            "would be dropped from the site; move it to another address"
        ],
    ),
    (
        "a page at a quiz's address",
        {"docs/quizzes/a-quiz.md": PAGE},
        [
            "docs/quizzes/a-quiz.md:1: the engine writes the page of quizzes/a-quiz.yml at the address "
            "quizzes/a-quiz/, so this page would be dropped from the site; move it to another address"
        ],
    ),
    (
        "a page at the link profile's address",
        {"docs/link-profile.md": PAGE},
        [
            "docs/link-profile.md:1: the engine writes this site's link profile at the address link-profile/, so this "
            "page would be dropped from the site; move it to another address"
        ],
    ),
]

# A link to a folder stops the build in on_config, before MkDocs walks into it: tested on its own.
STOPS_AT_ONCE = {"a link to a system folder", "a hidden link to a folder"}

# Accepted by both doors, and published as they are.
ACCEPTED: dict[str, str | bytes] = {
    "docs/images/diagram.png": PNG,
    "docs/images/photo.jpg": JPEG,
    "docs/images/photo.JPEG": JPEG,
    "docs/images/shot.webp": WEBP,
    "docs/images/plain.svg": svg(
        '<defs><linearGradient id="g"><stop offset="0"/></linearGradient><path id="p" d="M0 0h5"/></defs>\n'
        '<style>rect { fill: url(#g) }</style><use href="#p"/><use xlink:href=" #p"/>\n'
        '<rect width="5" height="5" style="fill: url(&quot;#g&quot;)"/><title>A picture</title>'
    ),
    "docs/assets/tool.html": "<!doctype html><title>A tool</title>",
    "docs/assets/course.js": "console.log(1);",
    "docs/assets/course.css": "body {}",
    "docs/assets/templates/sheet.csv": "url,anchor\n",
}


def base_project(root: Path) -> None:
    put(
        root,
        {
            "mkdocs.yml": FIXTURE_CONFIG,
            "docs/index.md": HOME,
            "glossary/backlink.yml": entry(),
            "quizzes/a-quiz.yml": quiz(),
        },
    )


def put(root: Path, files: dict[str, object]) -> None:
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, tuple) and content[0] == "link":
            os.symlink(content[1], path)
        elif isinstance(content, tuple) and content[0] == "fifo":
            os.mkfifo(path)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(str(content), encoding="utf-8")


@pytest.fixture
def no_hang() -> Iterator[None]:
    """A check that opened a pipe or read a device would wait or read forever: fail the test instead."""

    def stop(*_args) -> None:
        raise TimeoutError("a check read a file it should have refused")

    before = signal.signal(signal.SIGALRM, stop)
    signal.alarm(60)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)


@pytest.mark.parametrize("files, expected", [case[1:] for case in HOSTILE], ids=[case[0] for case in HOSTILE])
def test_seokb_check_refuses_each_hostile_file_with_its_message(tmp_path: Path, no_hang, files, expected) -> None:
    base_project(tmp_path)
    put(tmp_path, files)
    assert [str(problem) for problem in check(tmp_path).sorted()] == expected


def test_seokb_check_accepts_the_files_the_course_needs(tmp_path: Path) -> None:
    base_project(tmp_path)
    put(tmp_path, ACCEPTED)
    put(tmp_path, {"docs/lessons/.#draft.md": ("link", "me@host.1234:1700000000")})  # an editor's lock file
    assert [str(problem) for problem in check(tmp_path).sorted()] == []


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory):
    """One build of a project holding every hostile file at once: one build, every message."""
    root = tmp_path_factory.mktemp("hostile-files")
    base_project(root)
    for name, files, _ in HOSTILE:
        if name not in STOPS_AT_ONCE:
            put(root, files)
    previous = signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(TimeoutError("the build hung")))
    signal.alarm(300)
    try:
        return root, build_in_process(root)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_the_build_refuses_every_hostile_file_with_the_same_messages(hostile_build) -> None:
    _, result = hostile_build
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    ours = [line.removeprefix("ERROR   -  ") for line in result.stderr.splitlines() if line.startswith("ERROR   -  ")]
    expected = sorted(message for name, _, messages in HOSTILE if name not in STOPS_AT_ONCE for message in messages)
    assert [line for line in ours if not line.startswith("Aborted")] == expected


def test_the_build_writes_nothing_when_it_refuses_a_file(hostile_build) -> None:
    root, _ = hostile_build
    assert not (root / "site").exists()


def test_the_build_publishes_the_files_the_course_needs(tmp_path: Path) -> None:
    base_project(tmp_path)
    put(tmp_path, ACCEPTED)
    put(tmp_path, {"docs/lessons/.#draft.md": ("link", "me@host.1234:1700000000")})
    result = build_in_process(tmp_path)
    assert result.returncode == 0, result.stderr
    for name, content in ACCEPTED.items():
        published = tmp_path / "site" / name.removeprefix("docs/")
        expected = content if isinstance(content, bytes) else content.encode()
        assert published.read_bytes() == expected, name


def test_a_link_to_the_whole_machine_stops_the_build_before_mkdocs_walks_into_it(tmp_path: Path, no_hang) -> None:
    # MkDocs lists docs/ following links: through this one it would walk / and /proc's loops for hours.
    base_project(tmp_path)
    put(tmp_path, {"docs/everything": ("link", "/"), "docs/run.exe": b"MZ", "glossary/endless.yml": ("link", "/dev/zero")})
    started = time.monotonic()
    result = build_in_process(tmp_path)
    assert time.monotonic() - started < 30
    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("ERROR")] == [
        f"ERROR   -  docs/everything:1: is a symbolic link (to /); {LINK}",
        f"ERROR   -  docs/run.exe:1: file type '.exe' is not published; {ALLOWED}",
        "ERROR   -  Aborted: 2 problems in the content above; no page was written.",
    ]
    assert not (tmp_path / "site").exists()


def test_the_maintainers_folder_is_code_owned_and_named_where_contributors_read() -> None:
    from support.project import REPO

    from seokb.content.docs_files import MAINTAINERS_FOLDER

    owned = [
        line.split()[0] for line in (REPO / ".github/CODEOWNERS").read_text(encoding="utf-8").splitlines() if line[:1] == "/"
    ]
    assert f"/docs/{MAINTAINERS_FOLDER}/" in owned
    for document in ("CONTRIBUTING.md", "SECURITY.md"):
        assert f"`docs/{MAINTAINERS_FOLDER}/`" in (REPO / document).read_text(encoding="utf-8"), document


def test_the_site_enables_no_extension_that_reads_other_files() -> None:
    # pymdownx.snippets includes any file of the repository where a page writes `--8<-- "path"`, links included:
    # a lesson with `--8<-- "bench/leak.txt"` and that file linked to /proc/self/environ published the environment.
    import yaml
    from support.project import REPO

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506 - SafeLoader
    names = [next(iter(item)) if isinstance(item, dict) else item for item in config["markdown_extensions"]]
    assert "pymdownx.snippets" not in names
    assert "abbr" in names  # the list was read


def test_docs_linked_away_stops_the_build_with_its_name(tmp_path: Path, no_hang) -> None:
    base_project(tmp_path)
    (tmp_path / "docs").rename(tmp_path / "real-docs")
    put(tmp_path, {"docs": ("link", "real-docs")})
    result = build_in_process(tmp_path)
    assert [line for line in result.stderr.splitlines() if line.startswith("ERROR")] == [
        f"ERROR   -  docs:1: is a symbolic link (to real-docs); {LINK}",
        "ERROR   -  Aborted: 1 problem in the content above; no page was written.",
    ]
    assert [str(problem) for problem in check(tmp_path).sorted()] == [f"docs:1: is a symbolic link (to real-docs); {LINK}"]
