"""The preview comment's script (.github/scripts/preview_comment.py), offline: the comment it writes for an
artifact, each hostile artifact refused with its exact message (the comment is still posted, without that card),
and the git objects, refs and comments it makes, through a stand-in for `gh api` that keeps them in memory."""

from __future__ import annotations

import ast
import base64
import hashlib
import json
import re
import struct
import sys
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

import preview_comment
import pytest
from preview_comment import BRANCH, FIND_COMMENT, MARKER, GhFailed, main, png_problem
from support.project import REPO

from seokb.site import social_card

REPOSITORY = "seokb/seokb"
HEAD = "0123456789abcdef0123456789abcdef01234567"
ENVIRON = {
    "GITHUB_REPOSITORY": REPOSITORY,
    "GITHUB_RUN_ID": "1002",
    "TESTED_RUN_ID": "1001",
    "TESTED_SHA": HEAD,
    "CONCLUSION": "success",
}
SUMMARY = (
    "## What this pull request changes on the site\n\n"
    "**Added (1)**\n- `glossary/link-juice/` (glossary/link-juice.yml)\n\n"
    "**Changed (1)**\n- `glossary/backlink/` (glossary/backlink.yml)\n"
)
CARDS = "change-summary/cards"
NAME_RULE = "a card's name is a term's slug and .png (a-z, 0-9 and single hyphens, at most 60 characters before .png)"


def chunk(kind: bytes, body: bytes, crc: int | None = None) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) if crc is None else crc)


def png(width: int = 1200, height: int = 630) -> bytes:
    """A small, whole PNG of the given size (one black row, repeated by nothing: enough for the checks)."""
    header = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
    return b"\x89PNG\r\n\x1a\n" + header + chunk(b"IDAT", zlib.compress(b"\0")) + chunk(b"IEND", b"")


def real_card(title: str) -> bytes:
    """A card as the engine draws it: the script's checks must accept every one."""
    return social_card.render(social_card.Card(site_name="seokb", title=title, description="A definition.", label="Glossary"))


class FakeGitHub:
    """A stand-in for `gh api`: one repository's git objects and refs, one pull request and its comments, in
    memory; every call is recorded as (method, path below repos/<owner>/<name>/)."""

    def __init__(self, head: str = HEAD, comments: Sequence[dict] = ()) -> None:
        self.head = head
        self.objects: dict[str, tuple[str, object]] = {}
        self.refs: dict[str, str] = {}
        self.comments = [dict(comment) for comment in comments]
        self.calls: list[tuple[str, str]] = []
        self.payloads: list[dict | None] = []
        self.before: dict[tuple[str, str], Callable[[], None]] = {}  # runs once, before that call is answered

    def __call__(self, arguments: Sequence[str], stdin: bytes | None) -> str:
        arguments = list(arguments)
        assert arguments.pop(0) == "api"
        method = arguments.pop(arguments.index("--method") + 1) if "--method" in arguments else "GET"
        jq = arguments.pop(arguments.index("--jq") + 1) if "--jq" in arguments else None
        if stdin is not None:
            assert arguments[-2:] == ["--input", "-"]
            arguments = arguments[:-2]
        options = [argument for argument in arguments if argument.startswith("--")]
        (address,) = [argument for argument in arguments if not argument.startswith("--")]
        path = address.removeprefix(f"repos/{REPOSITORY}/")
        payload = json.loads(stdin) if stdin is not None else None
        self.calls.append((method, path))
        self.payloads.append(payload)
        if hook := self.before.pop((method, path), None):
            hook()
        answer = self.answer(method, path, payload, paginate="--paginate" in options)
        return answer if jq is None else self.jq(jq, answer)

    def store(self, kind: str, value: object) -> str:
        sha = hashlib.sha1(kind.encode() + json.dumps(value, sort_keys=True, default=repr).encode()).hexdigest()
        self.objects[sha] = (kind, value)
        return sha

    def answer(self, method: str, path: str, payload: dict | None, paginate: bool) -> str:
        if (method, path) == ("GET", "pulls/7"):
            return json.dumps({"head": {"sha": self.head}})
        if (method, path) == ("GET", "issues/7/comments"):
            assert paginate
            return json.dumps(self.comments)
        if (method, path) == ("POST", "issues/7/comments"):
            self.comments.append({"id": 100 + len(self.comments), "user": {"login": "github-actions[bot]"}, **payload})
            return "{}"
        if method == "PATCH" and path.startswith("issues/comments/"):
            (comment,) = [c for c in self.comments if str(c["id"]) == path.rsplit("/", 1)[1]]
            comment["body"] = payload["body"]
            return "{}"
        if (method, path) == ("POST", "git/blobs"):
            assert payload["encoding"] == "base64"
            return json.dumps({"sha": self.store("blob", base64.b64decode(payload["content"], validate=True))})
        if (method, path) == ("POST", "git/trees"):
            entries = dict(self.objects[payload["base_tree"]][1]) if "base_tree" in payload else {}
            for entry in payload["tree"]:
                assert "/" not in entry["path"]
                sha = entry.get("sha") or self.store("blob", entry["content"].encode())
                entries[entry["path"]] = (entry["mode"], entry["type"], sha)
            return json.dumps({"sha": self.store("tree", entries)})
        if method == "GET" and path.startswith("git/commits/"):
            return json.dumps(self.objects[path.rsplit("/", 1)[1]][1])
        if (method, path) == ("POST", "git/commits"):
            commit = {"tree": {"sha": payload["tree"]}, "parents": payload["parents"], "message": payload["message"]}
            return json.dumps({"sha": self.store("commit", commit)})
        if method == "GET" and path.startswith("git/matching-refs/"):
            prefix = "refs/" + path.removeprefix("git/matching-refs/")
            return json.dumps([{"ref": ref, "object": {"sha": sha}} for ref, sha in self.refs.items() if ref.startswith(prefix)])
        if (method, path) == ("POST", "git/refs"):
            if payload["ref"] in self.refs:
                raise GhFailed("gh api --method POST: Reference already exists (HTTP 422)")
            self.refs[payload["ref"]] = payload["sha"]
            return "{}"
        if method == "PATCH" and path.startswith("git/refs/heads/"):
            ref = "refs/" + path.removeprefix("git/refs/")
            if not payload["force"] and self.refs[ref] not in self.objects[payload["sha"]][1]["parents"]:
                raise GhFailed("gh api --method PATCH: Update is not a fast forward (HTTP 422)")
            self.refs[ref] = payload["sha"]
            return "{}"
        raise AssertionError(f"no such call in the fake: {method} {path}")

    def jq(self, program: str, answer: str) -> str:
        value = json.loads(answer)
        if program == ".head.sha":
            return value["head"]["sha"] + "\n"
        if program == ".tree.sha":
            return value["tree"]["sha"] + "\n"
        assert program == FIND_COMMENT
        return "".join(
            f"{c['id']}\n" for c in value if c["user"]["login"] == "github-actions[bot]" and c["body"].startswith(MARKER)
        )

    def push_other_pull_request(self, folder: str = "pr-3") -> str:
        """Another comment job's commit on the branch: the tip's tree with `folder` added."""
        ref = f"refs/heads/{BRANCH}"
        tip = self.refs[ref]
        tree = {**self.objects[self.objects[tip][1]["tree"]["sha"]][1], folder: ("040000", "tree", self.store("tree", {}))}
        self.refs[ref] = self.store("commit", {"tree": {"sha": self.store("tree", tree)}, "parents": [tip]})
        return self.refs[ref]

    def file(self, commit: str, path: str) -> bytes:
        """The bytes at `path` in `commit`, as raw.githubusercontent.com/<repo>/<commit>/<path> would serve them."""
        sha = self.objects[commit][1]["tree"]["sha"]
        for name in path.split("/"):
            sha = self.objects[sha][1][name][2]
        return self.objects[sha][1]


def artifact(folder: Path, files: dict[str, object]) -> Path:
    """An artifact folder: each value is bytes, text, ("link", target) or ("folder",)."""
    for relative, value in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(value, tuple) and value[0] == "link":
            path.symlink_to(value[1])
        elif isinstance(value, tuple):
            path.mkdir()
        else:
            path.write_bytes(value if isinstance(value, bytes) else value.encode())
    return folder


def run(folder: Path, github: FakeGitHub, capsys, environ: dict[str, str] = ENVIRON) -> tuple[int, list[str]]:
    code = main([str(folder)], environ, github)
    return code, capsys.readouterr().out.splitlines()


def sample(tmp_path: Path) -> Path:
    return artifact(
        tmp_path / "change-summary",
        {
            "pr-number": "7\n",
            "summary.md": SUMMARY,
            "cards/link-juice.png": real_card("Link juice"),
            "cards/backlink.png": real_card("Backlink"),
        },
    )


def test_the_script_runs_on_the_standard_library_alone_without_the_engine() -> None:
    """The workflow checks out the default branch and installs nothing: the script may import only Python's own modules."""
    tree = ast.parse((REPO / ".github" / "scripts" / "preview_comment.py").read_text(encoding="utf-8"))
    modules = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    modules |= {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert modules - {"__future__"} <= sys.stdlib_module_names, modules - sys.stdlib_module_names


def test_a_sample_artifact_gives_this_comment_with_its_cards_pinned_to_the_previews_commit(tmp_path: Path, capsys) -> None:
    github = FakeGitHub()
    code, log = run(sample(tmp_path), github, capsys)
    assert code == 0
    commit = github.refs[f"refs/heads/{BRANCH}"]
    raw = f"https://raw.githubusercontent.com/seokb/seokb/{commit}/pr-7"
    assert log == ["commented on pull request 7 with 2 cards"]
    (posted,) = github.comments
    assert posted["body"] == (
        "<!-- seokb-preview -->\n"
        f"Tests: **success** at {HEAD}. [Download the built site](https://github.com/seokb/seokb/actions/runs/1001#artifacts): "
        "the `site` artifact holds every page and each term's link-preview card (`assets/cards/`); unzip it and run "
        "`python3 -m http.server` in it to browse.\n\n"
        "### Link-preview cards of new and changed terms\n\n"
        f"![Card for backlink]({raw}/backlink.png)\n\n"
        f"![Card for link-juice]({raw}/link-juice.png)\n\n"
        "---\n\n" + SUMMARY
    )
    # Each address serves the artifact's card as it was, from that commit.
    assert github.file(commit, "pr-7/link-juice.png") == real_card("Link juice")
    assert github.file(commit, "pr-7/backlink.png") == real_card("Backlink")
    assert "Deleting this branch is safe" in github.file(commit, "README.md").decode()


def test_the_calls_it_makes_the_first_time_and_after_a_push(tmp_path: Path, capsys) -> None:
    github = FakeGitHub()
    assert run(sample(tmp_path / "1"), github, capsys)[0] == 0
    assert github.calls == [
        ("GET", "pulls/7"),  # the head check comes first: nothing is written for a stale run
        ("POST", "git/blobs"),
        ("POST", "git/blobs"),
        ("POST", "git/trees"),  # pr-7/
        ("GET", f"git/matching-refs/heads/{BRANCH}"),
        ("POST", "git/trees"),  # the branch's first tree: its README and pr-7/
        ("POST", "git/commits"),
        ("POST", "git/refs"),
        ("GET", "issues/7/comments"),
        ("POST", "issues/7/comments"),
    ]
    first = github.refs[f"refs/heads/{BRANCH}"]
    assert github.payloads[6]["message"] == f"Cards of pull request 7 at {HEAD}" and github.payloads[6]["parents"] == []
    assert github.payloads[7] == {"ref": f"refs/heads/{BRANCH}", "sha": first}

    # Another pull request's folder is there too; a push changes one card and drops the other.
    other = github.push_other_pull_request()
    github.head = HEAD.replace("0", "f")
    github.calls.clear()
    github.payloads.clear()
    code, _ = run(
        artifact(tmp_path / "2", {"pr-number": "7", "summary.md": SUMMARY, "cards/backlink.png": real_card("Backlinks")}),
        github,
        capsys,
        {**ENVIRON, "TESTED_SHA": github.head},
    )
    assert code == 0
    assert github.calls == [
        ("GET", "pulls/7"),
        ("POST", "git/blobs"),
        ("POST", "git/trees"),
        ("GET", f"git/matching-refs/heads/{BRANCH}"),
        ("GET", f"git/commits/{other}"),
        ("POST", "git/trees"),  # on the branch's tree: pr-7/ replaced, the rest kept
        ("POST", "git/commits"),
        ("PATCH", f"git/refs/heads/{BRANCH}"),
        ("GET", "issues/7/comments"),
        ("PATCH", "issues/comments/100"),  # the same comment, updated
    ]
    second = github.refs[f"refs/heads/{BRANCH}"]
    assert github.payloads[6]["parents"] == [other] and github.payloads[7] == {"sha": second, "force": False}
    tree = github.objects[github.objects[second][1]["tree"]["sha"]][1]
    assert set(tree) == {"README.md", "pr-3", "pr-7"}
    assert set(github.objects[tree["pr-7"][2]][1]) == {"backlink.png"}
    (posted,) = github.comments
    assert f"/{second}/pr-7/backlink.png)" in posted["body"] and "link-juice" not in posted["body"].split("---")[0]
    # The first comment's addresses still serve the first push's cards.
    assert github.file(first, "pr-7/backlink.png") == real_card("Backlink")


def test_the_same_cards_again_make_no_commit(tmp_path: Path, capsys) -> None:
    github = FakeGitHub()
    run(sample(tmp_path / "1"), github, capsys)
    first = github.refs[f"refs/heads/{BRANCH}"]
    github.calls.clear()
    run(sample(tmp_path / "2"), github, capsys)
    assert ("POST", "git/commits") not in github.calls and github.refs[f"refs/heads/{BRANCH}"] == first
    assert f"/{first}/pr-7/backlink.png)" in github.comments[0]["body"]


def test_a_comment_job_that_loses_the_race_for_the_branch_starts_again_from_its_new_tip(tmp_path: Path, capsys) -> None:
    github = FakeGitHub()
    run(artifact(tmp_path / "3", {"pr-number": "7", "summary.md": "", "cards/nofollow.png": png()}), github, capsys)
    first = github.refs[f"refs/heads/{BRANCH}"]

    other: list[str] = []
    github.before[("POST", "git/commits")] = lambda: other.append(github.push_other_pull_request())
    assert run(sample(tmp_path / "7"), github, capsys)[0] == 0
    assert github.calls.count(("PATCH", f"git/refs/heads/{BRANCH}")) == 2  # refused once, then done
    tip = github.refs[f"refs/heads/{BRANCH}"]
    assert github.objects[tip][1]["parents"] == other and github.objects[other[0]][1]["parents"] == [first]
    assert set(github.objects[github.objects[tip][1]["tree"]["sha"]][1]) == {"README.md", "pr-3", "pr-7"}
    assert f"/{tip}/pr-7/backlink.png)" in github.comments[0]["body"]


def test_when_the_cards_cannot_be_committed_the_comment_is_posted_without_them(tmp_path: Path, capsys) -> None:
    github = FakeGitHub()

    def refused() -> None:
        raise GhFailed("gh api --method POST repos/seokb/seokb/git/blobs: Resource not accessible by integration (HTTP 403)")

    github.before[("POST", "git/blobs")] = refused
    code, log = run(sample(tmp_path), github, capsys)
    assert code == 0
    assert log == [
        f"::warning::{BRANCH}: the cards could not be committed, so the comment shows none: gh api --method POST "
        "repos/seokb/seokb/git/blobs: Resource not accessible by integration (HTTP 403)",
        "commented on pull request 7 with 0 cards",
    ]
    body = github.comments[0]["body"]
    assert (
        "![" not in body
        and "2 cards are not shown: [this comment's run](https://github.com/seokb/seokb/actions/runs/1002) says why." in body
    )
    assert body.endswith(SUMMARY)


def test_a_run_of_an_older_push_posts_nothing(tmp_path: Path, capsys) -> None:
    github = FakeGitHub(head="f" * 40)
    code, log = run(sample(tmp_path), github, capsys)
    assert code == 0
    assert log == [f"pull request 7 is at '{'f' * 40}', not {HEAD} (a newer push); nothing to post"]
    assert github.calls == [("GET", "pulls/7")]


# (id, the artifact's cards/, the exact warnings). Each artifact also holds pr-number 7 and SUMMARY; the comment
# is posted every time, with the cards that passed.
REFUSED_CARDS = [
    ("capital letters", {"Link-Juice.png": png()}, [f"{CARDS}: refused 'Link-Juice.png': {NAME_RULE}"]),
    ("two hyphens", {"link--juice.png": png()}, [f"{CARDS}: refused 'link--juice.png': {NAME_RULE}"]),
    ("a path's dots", {"..png": png()}, [f"{CARDS}: refused '..png': {NAME_RULE}"]),
    ("another type", {"link-juice.svg": b"<svg/>"}, [f"{CARDS}: refused 'link-juice.svg': {NAME_RULE}"]),
    ("a slug of 61 characters", {"a" * 61 + ".png": png()}, [f"{CARDS}: refused '{'a' * 61}.png': {NAME_RULE}"]),
    # A line break would start a workflow command of its own in the log: the name is quoted, on one line.
    ("a workflow command", {"x\n::error::forged.png": png()}, [f"{CARDS}: refused 'x\\n::error::forged.png': {NAME_RULE}"]),
    (
        "a link to another file",
        {"link-juice.png": ("link", "../summary.md")},
        [f"{CARDS}/link-juice.png: refused: not a plain file"],
    ),
    ("a folder", {"link-juice.png": ("folder",)}, [f"{CARDS}/link-juice.png: refused: not a plain file"]),
    (
        "over a megabyte",
        {"link-juice.png": png()[:-12] + bytes(1_000_001 - len(png()) + 12)},
        [f"{CARDS}/link-juice.png: refused: 1,000,001 bytes, more than a card's 1,000,000"],
    ),
    ("empty", {"link-juice.png": b""}, [f"{CARDS}/link-juice.png: refused: not a PNG (it does not start with PNG's signature)"]),
    (
        "a GIF",
        {"link-juice.png": b"GIF89a" + bytes(30)},
        [f"{CARDS}/link-juice.png: refused: not a PNG (it does not start with PNG's signature)"],
    ),
    (
        "a tracking pixel",
        {"link-juice.png": png(1, 1)},
        [f"{CARDS}/link-juice.png: refused: 1x1 pixels, where a card is 1200x630"],
    ),
    (
        "a tall image",
        {"link-juice.png": png(1200, 63000)},
        [f"{CARDS}/link-juice.png: refused: 1200x63000 pixels, where a card is 1200x630"],
    ),
    (
        "IDAT first",
        {"link-juice.png": b"\x89PNG\r\n\x1a\n" + chunk(b"IDAT", b"x") + png()[8:]},
        [f"{CARDS}/link-juice.png: refused: not a PNG (its first chunk is not IHDR)"],
    ),
    (
        "a wrong CRC",
        {"link-juice.png": png()[:-24] + chunk(b"IDAT", zlib.compress(b"\0"), crc=0) + chunk(b"IEND", b"")},
        [f"{CARDS}/link-juice.png: refused: not a whole PNG (its chunk 'IDAT' fails its CRC)"],
    ),
    (
        "a script after the image (a polyglot)",
        {"link-juice.png": png() + b"<script>alert(1)</script>"},
        [f"{CARDS}/link-juice.png: refused: 25 bytes after the PNG's end (IEND)"],
    ),
    (
        "no IEND",
        {"link-juice.png": png()[:-12]},
        [f"{CARDS}/link-juice.png: refused: not a whole PNG (it has no IEND chunk at its end)"],
    ),
    (
        "cut inside IEND",
        {"link-juice.png": png()[:-5]},
        [f"{CARDS}/link-juice.png: refused: not a whole PNG (it ends inside a chunk)"],
    ),
    (
        "cut inside a chunk's header",
        {"link-juice.png": png()[:40]},
        [f"{CARDS}/link-juice.png: refused: not a whole PNG (it ends inside a chunk)"],
    ),
    (
        "cut inside IDAT",
        {"link-juice.png": png()[:45]},
        [f"{CARDS}/link-juice.png: refused: not a whole PNG (it ends inside a chunk)"],
    ),
    (
        "a chunk longer than the file",
        {"link-juice.png": png()[:33] + struct.pack(">I", 2**31) + b"IDAT" + bytes(20)},
        [f"{CARDS}/link-juice.png: refused: not a whole PNG (it ends inside a chunk)"],
    ),
]


@pytest.mark.parametrize("cards, warnings", [case[1:] for case in REFUSED_CARDS], ids=[case[0] for case in REFUSED_CARDS])
def test_a_refused_card_is_left_out_with_its_message_and_the_comment_is_still_posted(
    tmp_path: Path, capsys, cards: dict[str, object], warnings: list[str]
) -> None:
    github = FakeGitHub()
    files = {"pr-number": "7", "summary.md": SUMMARY, "cards/backlink.png": png(), **{f"cards/{k}": v for k, v in cards.items()}}
    code, log = run(artifact(tmp_path / "change-summary", files), github, capsys)
    assert code == 0
    assert log == [f"::warning::{warning}" for warning in warnings] + ["commented on pull request 7 with 1 card"]
    body = github.comments[0]["body"]
    assert body.count("![") == 1 and "/pr-7/backlink.png)" in body
    assert "1 card is not shown: [this comment's run](https://github.com/seokb/seokb/actions/runs/1002) says why." in body
    assert body.endswith(SUMMARY)


def test_more_cards_than_a_comment_shows_leave_out_the_last_by_name(tmp_path: Path, capsys) -> None:
    github = FakeGitHub()
    cards = {f"cards/term-{n:02}.png": png() for n in range(1, 24)}
    code, log = run(artifact(tmp_path / "a", {"pr-number": "7", "summary.md": SUMMARY, **cards}), github, capsys)
    assert code == 0
    assert log[0] == (
        f"::warning::{CARDS}: 23 cards, more than the 20 a comment shows: the last 3 by name are left out "
        "(the site download has them all)"
    )
    body = github.comments[0]["body"]
    assert body.count("![") == 20 and "term-20.png" in body and "term-21.png" not in body
    assert "3 cards are not shown" in body


# (id, summary.md's bytes or None for none, the exact warnings, what the comment holds after its '---')
SUMMARIES = [
    (
        "no summary",
        None,
        ["change-summary/summary.md: missing: the Test run wrote no summary (its log says why)"],
        "The Test run wrote no summary: its log says why.\n",
    ),
    (
        "the marker",
        f"## Changes\n{MARKER}\nText.".encode(),
        [
            "change-summary/summary.md: removed the comment's marker '<!-- seokb-preview -->' from it: the marker "
            "starts the one comment this workflow updates, and appears nowhere else"
        ],
        "## Changes\n\nText.\n",
    ),
    (
        "a marker hidden in a marker, in other case and spacing",
        b"A <!-- seokb-<!--SEOKB-Preview  -->preview --> B",
        [
            "change-summary/summary.md: removed the comment's marker '<!-- seokb-preview -->' from it: the marker "
            "starts the one comment this workflow updates, and appears nowhere else"
        ],
        "A  B\n",
    ),
    (
        "too long",
        b"x" * 60_001,
        ["change-summary/summary.md: cut to its first 60,000 characters (a comment holds at most 65,536)"],
        "x" * 60_000 + "\n",
    ),
    ("NUL bytes and a bad UTF-8 byte", b"A\0B \xff C", [], "AB \ufffd C\n"),
]


@pytest.mark.parametrize("text, warnings, shown", [case[1:] for case in SUMMARIES], ids=[case[0] for case in SUMMARIES])
def test_the_summary_is_cut_to_size_and_never_repeats_the_marker(
    tmp_path: Path, capsys, text: bytes | None, warnings: list[str], shown: str
) -> None:
    github = FakeGitHub()
    files: dict[str, object] = {"pr-number": "7"}
    if text is not None:
        files["summary.md"] = text
    code, log = run(artifact(tmp_path / "change-summary", files), github, capsys)
    assert code == 0
    assert log == [f"::warning::{warning}" for warning in warnings] + ["commented on pull request 7 with 0 cards"]
    body = github.comments[0]["body"]
    assert body.split("\n---\n\n", 1)[1] == shown
    assert body.startswith(MARKER) and body.count(MARKER) == 1 and len(body) <= 65_536
    assert not any(call[1].startswith("git/") for call in github.calls)


# (id, pr-number's bytes or a link, the exact error). Without a number there is nowhere to comment: the job fails.
REFUSED_NUMBERS = [
    ("missing", None, "change-summary/pr-number: missing: the Test run names no pull request, so there is nowhere to comment"),
    (
        "a link",
        ("link", "summary.md"),
        "change-summary/pr-number: missing: the Test run names no pull request, so there is nowhere to comment",
    ),
    ("empty", b"", "change-summary/pr-number: refused '': a pull request number is digits only"),
    ("a letter", b"7a", "change-summary/pr-number: refused '7a': a pull request number is digits only"),
    ("zero", b"0", "change-summary/pr-number: refused '0': a pull request number is digits only"),
    ("negative", b"-7", "change-summary/pr-number: refused '-7': a pull request number is digits only"),
    ("a path", b"7/../../pulls/8", "change-summary/pr-number: refused '7/../../pulls/8': a pull request number is digits only"),
    ("two lines", b"7\n8\n", "change-summary/pr-number: refused '7\\n8': a pull request number is digits only"),
    ("ten digits", b"1234567890", "change-summary/pr-number: refused '1234567890': a pull request number is digits only"),
    (
        "another script's digit",
        "٧".encode(),
        "change-summary/pr-number: refused '\ufffd\ufffd': a pull request number is digits only",
    ),
    (
        "a workflow command",
        b"7\n::error::x",
        "change-summary/pr-number: refused '7\\n::error::x': a pull request number is digits only",
    ),
]


@pytest.mark.parametrize("number, error", [case[1:] for case in REFUSED_NUMBERS], ids=[case[0] for case in REFUSED_NUMBERS])
def test_a_refused_pull_request_number_fails_the_job_before_any_call(tmp_path: Path, capsys, number: object, error: str) -> None:
    github = FakeGitHub()
    files: dict[str, object] = {"summary.md": SUMMARY, "cards/backlink.png": png()}
    if number is not None:
        files["pr-number"] = number
    assert run(artifact(tmp_path / "change-summary", files), github, capsys) == (1, [f"::error::{error}"])
    assert github.calls == []


def test_a_number_with_spaces_around_it_is_read(tmp_path: Path) -> None:
    assert preview_comment.read_pr_number(artifact(tmp_path, {"pr-number": b" 42 \n"})) == 42


def test_the_event_s_values_are_checked_too(tmp_path: Path, capsys) -> None:
    github = FakeGitHub()
    code, log = run(sample(tmp_path), github, capsys, {**ENVIRON, "TESTED_SHA": "main"})
    assert (code, log) == (1, ["::error::the workflow gave no valid head_sha ('main'): see its env: block"])
    assert github.calls == []


def test_the_cards_the_engine_draws_pass_the_check() -> None:
    """The script keeps its own copy of the card's size (it may not import the engine): this is where they meet."""
    assert preview_comment.CARD_SIZE == (social_card.WIDTH, social_card.HEIGHT)
    for title in ("Backlink", "A very long term name that wraps onto a second line of the card", "Café"):
        assert png_problem(real_card(title)) is None
    assert len(real_card("Backlink")) < preview_comment.MAX_CARD_BYTES / 10


def test_annotations_keep_text_from_the_artifact_on_one_line() -> None:
    assert preview_comment.annotation("warning", "a\nb\r%0A") == "::warning::a%0Ab%0D%250A"
    assert re.fullmatch(r"::warning::[^\n]*", preview_comment.annotation("warning", "x\n::error::y"))
