"""The preview comment on a pull request: its Test run's change summary, its new and changed terms' link-preview
cards, and a link to download the built site. .github/workflows/preview-comment.yml runs it with a writing token.

Standard library only, and nothing from the site engine: the workflow checks out the base repository's default
branch (this file as a maintainer merged it, never the pull request's) and installs nothing. Everything in the
change-summary artifact was written by the pull request's own code, so it is read as hostile data: the pull
request number must be digits, a card must be a whole 1200x630 PNG named by a slug, the summary is cut to size and
loses any copy of this comment's marker. A refused card is left out with a message in the log, and the comment is
still posted. GitHub shows an image in a comment only from an address, and an artifact has none: the cards are
committed to the branch `seokb-previews` (one folder a pull request) and shown from raw.githubusercontent.com at
that commit, so a later push never changes what an older comment shows.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import struct
import subprocess
import sys
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

MARKER = "<!-- seokb-preview -->"
ARTIFACT = "change-summary"  # the artifact's name in test.yml, and so the start of every message's path
BRANCH = "seokb-previews"
CARD_SIZE = (1200, 630)  # hooks/seokb/site/social_card.py draws every card this size
MAX_CARD_BYTES = 1_000_000  # a real card is about 30 kB
MAX_CARDS = 20
MAX_SUMMARY_CHARS = 60_000  # GitHub refuses a comment of more than 65,536 characters; the rest is ours
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # hooks/seokb/content/folder.py's rule for a term's file name
MAX_SLUG = 60
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# The one comment to update is found by this marker at its start; a copy in the summary is taken out, and so is a
# copy hidden inside another (removing the inner one must not leave a new one behind).
_MARKER_LIKE = re.compile(r"<!--\s*seokb-preview\s*-->", re.IGNORECASE)
# jq over the pull request's comments: the ids of the bot's comments that start with the marker.
FIND_COMMENT = f'.[] | select(.user.login == "github-actions[bot]" and (.body | startswith("{MARKER}"))) | .id'
BRANCH_README = """# Link-preview cards of pull requests

.github/workflows/preview-comment.yml commits here the cards of each pull request's new and changed terms, one
folder a pull request (`pr-<number>/<slug>.png`), so that its comment can show them: an image in a GitHub comment
needs an address. Each comment points at the commit it made, so a later push never changes an older comment.
Nothing here is part of the site. Deleting this branch is safe: the next comment makes it again, and older comments
may lose their images.
"""

Gh = Callable[[Sequence[str], bytes | None], str]  # gh's arguments and standard input -> its standard output


class GhFailed(Exception):
    """A `gh` command that exited with an error."""


class Refused(Exception):
    """Nothing can be posted: the message says why."""


def run_gh(arguments: Sequence[str], stdin: bytes | None) -> str:
    done = subprocess.run(["gh", *arguments], input=stdin, capture_output=True, timeout=120, check=False)
    if done.returncode != 0:
        raise GhFailed(f"gh {' '.join(arguments[:3])}: {done.stderr.decode('utf-8', 'replace').strip()}")
    return done.stdout.decode("utf-8")


@dataclass(frozen=True)
class Card:
    slug: str
    png: bytes


@dataclass(frozen=True)
class Cards:
    """The cards to show, and what was left out of the artifact's cards/ folder and why."""

    shown: list[Card]
    left_out: int
    messages: list[str]


@dataclass(frozen=True)
class TestedRun:
    """The Test run this comment is about, and this workflow's own run, from GitHub's event (not the artifact)."""

    repository: str
    run_id: str
    head_sha: str
    conclusion: str
    own_run_id: str

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> TestedRun:
        fields = {
            "repository": (environ.get("GITHUB_REPOSITORY", ""), r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+"),
            "run_id": (environ.get("TESTED_RUN_ID", ""), r"[0-9]+"),
            "head_sha": (environ.get("TESTED_SHA", ""), r"[0-9a-f]{40}"),
            "conclusion": (environ.get("CONCLUSION", ""), r"[a-z_]+"),
            "own_run_id": (environ.get("GITHUB_RUN_ID", ""), r"[0-9]+"),
        }
        for name, (value, pattern) in fields.items():
            if not re.fullmatch(pattern, value):
                raise Refused(f"the workflow gave no valid {name} ({value[:80]!r}): see its env: block")
        return cls(**{name: value for name, (value, _) in fields.items()})

    def site_download(self) -> str:
        return f"https://github.com/{self.repository}/actions/runs/{self.run_id}#artifacts"

    def own_log(self) -> str:
        return f"https://github.com/{self.repository}/actions/runs/{self.own_run_id}"


def read_pr_number(artifact: Path) -> int:
    where = f"{ARTIFACT}/pr-number"
    path = artifact / "pr-number"
    if path.is_symlink() or not path.is_file():
        raise Refused(f"{where}: missing: the Test run names no pull request, so there is nowhere to comment")
    with path.open("rb") as file:
        text = file.read(32).decode("ascii", "replace").strip()
    if not re.fullmatch(r"[1-9][0-9]{0,8}", text):
        raise Refused(f"{where}: refused {text!r}: a pull request number is digits only")
    return int(text)


def without_marker(text: str) -> str:
    while (stripped := _MARKER_LIKE.sub("", text)) != text:
        text = stripped
    return text


def read_summary(artifact: Path) -> tuple[str, list[str]]:
    """The summary's Markdown, cut to size and without the marker, and a message for each change made to it."""
    where = f"{ARTIFACT}/summary.md"
    path = artifact / "summary.md"
    if path.is_symlink() or not path.is_file():
        return "", [f"{where}: missing: the Test run wrote no summary (its log says why)"]
    with path.open("rb") as file:
        text = file.read(4 * MAX_SUMMARY_CHARS + 4).decode("utf-8", "replace").replace("\x00", "")
    messages = []
    if len(text) > MAX_SUMMARY_CHARS:
        text = text[:MAX_SUMMARY_CHARS]
        messages.append(f"{where}: cut to its first {MAX_SUMMARY_CHARS:,} characters (a comment holds at most 65,536)")
    if (stripped := without_marker(text)) != text:
        messages.append(
            f"{where}: removed the comment's marker {MARKER!r} from it: the marker starts the one comment this "
            "workflow updates, and appears nowhere else"
        )
    return stripped.strip(), messages


def png_problem(data: bytes) -> str | None:
    """Why `data` is not a whole PNG of a card's size, or None: PNG's signature, IHDR first with the card's width
    and height, every chunk whole with its right CRC, and IEND last with nothing after it."""
    if not data.startswith(PNG_SIGNATURE):
        return "not a PNG (it does not start with PNG's signature)"
    offset = len(PNG_SIGNATURE)
    kind = b""
    while kind != b"IEND":
        if offset == len(data):
            return "not a whole PNG (it has no IEND chunk at its end)"
        length, kind = struct.unpack(">I4s", data[offset : offset + 8].ljust(8, b"\0"))
        end = offset + 8 + length
        if end + 4 > len(data):
            return "not a whole PNG (it ends inside a chunk)"
        body = data[offset + 8 : end]
        if zlib.crc32(kind + body) != struct.unpack(">I", data[end : end + 4])[0]:
            return f"not a whole PNG (its chunk {kind.decode('latin-1')!r} fails its CRC)"
        if offset == len(PNG_SIGNATURE):
            if kind != b"IHDR" or length != 13:
                return "not a PNG (its first chunk is not IHDR)"
            width, height = struct.unpack(">II", body[:8])
            if (width, height) != CARD_SIZE:
                return f"{width}x{height} pixels, where a card is {CARD_SIZE[0]}x{CARD_SIZE[1]}"
        offset = end + 4
    if offset != len(data):
        return f"{len(data) - offset:,} bytes after the PNG's end (IEND)"
    return None


def read_cards(artifact: Path) -> Cards:
    """The artifact's cards that pass every check, at most MAX_CARDS in name order; a message for each left out."""
    where = f"{ARTIFACT}/cards"
    folder = artifact / "cards"
    if folder.is_symlink() or not folder.is_dir():
        return Cards([], 0, [])
    shown: list[Card] = []
    messages: list[str] = []
    paths = sorted(folder.iterdir())
    for path in paths:
        slug = path.name.removesuffix(".png")
        if not path.name.endswith(".png") or len(slug) > MAX_SLUG or not SLUG.fullmatch(slug):
            messages.append(
                f"{where}: refused {path.name!r}: a card's name is a term's slug and .png (a-z, 0-9 and single "
                f"hyphens, at most {MAX_SLUG} characters before .png)"
            )
            continue
        png = _read_card(path)
        if isinstance(png, str):
            messages.append(f"{where}/{path.name}: refused: {png}")
        else:
            shown.append(Card(slug, png))
    if len(shown) > MAX_CARDS:
        messages.append(
            f"{where}: {len(shown)} cards, more than the {MAX_CARDS} a comment shows: the last "
            f"{len(shown) - MAX_CARDS} by name are left out (the site download has them all)"
        )
        shown = shown[:MAX_CARDS]
    return Cards(shown, len(paths) - len(shown), messages)


def _read_card(path: Path) -> bytes | str:
    """The card's bytes, or why they are refused."""
    if path.is_symlink() or not path.is_file():
        return "not a plain file"
    if (size := path.stat().st_size) > MAX_CARD_BYTES:
        return f"{size:,} bytes, more than a card's {MAX_CARD_BYTES:,}"
    png = path.read_bytes()
    return png_problem(png) or png


class GitHub:
    """The REST API calls this comment needs, through `gh api` (or a test's stand-in for it)."""

    def __init__(self, repository: str, gh: Gh) -> None:
        self.repository = repository
        self.gh = gh

    def get(self, path: str, jq: str | None = None, paginate: bool = False) -> str:
        arguments = ["api", f"repos/{self.repository}/{path}"]
        if paginate:
            arguments.append("--paginate")
        if jq:
            arguments += ["--jq", jq]
        return self.gh(arguments, None)

    def send(self, method: str, path: str, payload: dict) -> dict:
        arguments = ["api", "--method", method, f"repos/{self.repository}/{path}", "--input", "-"]
        return json.loads(self.gh(arguments, json.dumps(payload).encode("utf-8")) or "{}")

    def branch_tip(self, branch: str) -> str | None:
        refs = json.loads(self.get(f"git/matching-refs/heads/{branch}"))
        return next((ref["object"]["sha"] for ref in refs if ref["ref"] == f"refs/heads/{branch}"), None)


def publish_cards(github: GitHub, number: int, head_sha: str, cards: list[Card], attempts: int = 3) -> str:
    """Commit the cards to BRANCH as pr-<number>/<slug>.png, replacing that folder, and give the commit's sha.
    Other pull requests' folders stay. Two comment jobs may race for the branch: the loser starts again from the
    new tip (the ref moves only forward), at most `attempts` times."""
    blobs = [
        {
            "path": f"{card.slug}.png",
            "mode": "100644",
            "type": "blob",
            "sha": github.send("POST", "git/blobs", {"content": base64.b64encode(card.png).decode(), "encoding": "base64"})[
                "sha"
            ],
        }
        for card in cards
    ]
    folder = {
        "path": f"pr-{number}",
        "mode": "040000",
        "type": "tree",
        "sha": github.send("POST", "git/trees", {"tree": blobs})["sha"],
    }
    for attempt in range(attempts):
        tip = github.branch_tip(BRANCH)
        if tip is None:
            readme = {"path": "README.md", "mode": "100644", "type": "blob", "content": BRANCH_README}
            tree = github.send("POST", "git/trees", {"tree": [readme, folder]})["sha"]
        else:
            base = github.get(f"git/commits/{tip}", jq=".tree.sha").strip()
            tree = github.send("POST", "git/trees", {"base_tree": base, "tree": [folder]})["sha"]
            if tree == base:  # the same cards as the last push: its commit shows them already
                return tip
        message = f"Cards of pull request {number} at {head_sha}"  # no '#': GitHub would list it on the pull request
        commit = github.send("POST", "git/commits", {"message": message, "tree": tree, "parents": [tip] if tip else []})["sha"]
        try:
            if tip is None:
                github.send("POST", "git/refs", {"ref": f"refs/heads/{BRANCH}", "sha": commit})
            else:
                github.send("PATCH", f"git/refs/heads/{BRANCH}", {"sha": commit, "force": False})
            return commit
        except GhFailed:
            if attempt + 1 == attempts:
                raise
    raise ValueError(f"attempts must be 1 or more, not {attempts}")


def card_address(repository: str, commit: str, number: int, slug: str) -> str:
    return f"https://raw.githubusercontent.com/{repository}/{commit}/pr-{number}/{slug}.png"


def comment(run: TestedRun, summary: str, images: Sequence[tuple[str, str]], left_out: int) -> str:
    """The comment's Markdown. What this workflow vouches for (the run's result, the download, the cards) comes
    first: the summary is the pull request's own text, and an unclosed code fence or HTML comment in it would swallow
    whatever followed it."""
    lines = [
        MARKER,
        f"Tests: **{run.conclusion}** at {run.head_sha}. [Download the built site]({run.site_download()}): the `site` "
        "artifact holds every page and each term's link-preview card (`assets/cards/`); unzip it and run "
        "`python3 -m http.server` in it to browse.",
        "",
    ]
    if images or left_out:
        lines += ["### Link-preview cards of new and changed terms", ""]
        for slug, address in images:
            lines += [f"![Card for {slug}]({address})", ""]
        if left_out:
            cards = "1 card is" if left_out == 1 else f"{left_out} cards are"
            lines += [f"{cards} not shown: [this comment's run]({run.own_log()}) says why.", ""]
    lines += ["---", "", summary or "The Test run wrote no summary: its log says why."]
    return "\n".join(lines) + "\n"


def post(github: GitHub, number: int, body: str) -> None:
    """Update this workflow's one comment on the pull request, or post it the first time."""
    ids = github.get(f"issues/{number}/comments", jq=FIND_COMMENT, paginate=True).split()
    if ids:
        github.send("PATCH", f"issues/comments/{ids[0]}", {"body": body})
    else:
        github.send("POST", f"issues/{number}/comments", {"body": body})


def annotation(level: str, message: str) -> str:
    """A workflow command that shows `message` on the run's page; escaped, so text from the artifact stays text."""
    return f"::{level}::" + message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def main(argv: Sequence[str] | None = None, environ: Mapping[str, str] = os.environ, gh: Gh = run_gh) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("artifact", type=Path, help=f"the folder the {ARTIFACT} artifact was downloaded to")
    arguments = parser.parse_args(argv)
    try:
        run = TestedRun.from_environ(environ)
        number = read_pr_number(arguments.artifact)
    except Refused as refused:
        print(annotation("error", str(refused)))
        return 1
    try:
        return comment_on(GitHub(run.repository, gh), run, number, arguments.artifact)
    except GhFailed as failed:
        print(annotation("error", str(failed)))
        return 1


def comment_on(github: GitHub, run: TestedRun, number: int, artifact: Path) -> int:
    # The number comes from the pull request's own run: trust it only if that pull request's head is the commit
    # the run tested.
    head = github.get(f"pulls/{number}", jq=".head.sha").strip()
    if head != run.head_sha:
        print(f"pull request {number} is at {head[:40]!r}, not {run.head_sha} (a newer push); nothing to post")
        return 0
    summary, messages = read_summary(artifact)
    cards = read_cards(artifact)
    messages += cards.messages
    images: list[tuple[str, str]] = []
    left_out = cards.left_out
    if cards.shown:
        try:
            commit = publish_cards(github, number, run.head_sha, cards.shown)
        except GhFailed as failed:
            messages.append(f"{BRANCH}: the cards could not be committed, so the comment shows none: {failed}")
            left_out += len(cards.shown)
        else:
            images = [(card.slug, card_address(run.repository, commit, number, card.slug)) for card in cards.shown]
    for message in messages:
        print(annotation("warning", message))
    post(github, number, comment(run, summary, images, left_out))
    print(f"commented on pull request {number} with {len(images)} card{'s' if len(images) != 1 else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
