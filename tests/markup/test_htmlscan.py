"""The fast HTML scanner: every piece in place, and the same tags and attributes as the standard library's parser."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from seokb.markup.htmlscan import attributes, pieces

GOLDEN = Path(__file__).parents[1] / "golden"


class StdlibEvents(HTMLParser):
    """What html.parser reports: the reference the scanner must agree with."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self._opened("start", tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._opened("startend", tag, attrs)

    def _opened(self, kind, tag, attrs):
        first: dict = {}  # a repeated attribute: the first one counts, as in browsers
        for name, value in attrs:
            first.setdefault(name, value)
        self.events.append((kind, tag, first))

    def handle_endtag(self, tag):
        self.events.append(("end", tag))


def scanner_events(text: str) -> list[tuple]:
    events = []
    for piece in pieces(text):
        if piece.kind in ("start", "startend"):
            events.append((piece.kind, piece.tag, attributes(piece.attrs)))
        elif piece.kind == "end":
            events.append(("end", piece.tag))
    return events


def stdlib_events(text: str) -> list[tuple]:
    parser = StdlibEvents()
    parser.feed(text)
    parser.close()
    return parser.events


SAMPLES = {
    "paragraph": '<p>Links <a href="a.md" title="x &amp; y">here</a>, <em>and</em> there.</p>',
    "upper case": '<DIV CLASS="Note"><P>Text</P></DIV>',
    "quoted markup in an attribute": "<a title=\"<b>bold</b>\" href='x>y'>t</a>",
    "bare and empty attributes": '<input type=checkbox checked disabled=""><label for=x>L</label>',
    "self-closing": '<p>One<br/>two<br />three<img src="i.png" alt="a"/></p>',
    "comment and doctype": "<!DOCTYPE html><!-- <p>not a tag</p> --><p>after</p>",
    "script is text": '<script>if (a < b && c > d) { document.write("<p>") }</script><p>x</p>',
    "style is text": "<style>p > a { color: red }</style><p>y</p>",
    "less-than in text": "<p>a &lt; b and 3 < 4 but 5 > 2</p>",
    "entities in attribute": '<a href="?a=1&amp;b=2" title="&quot;q&quot; &#8211; &#x2014;">e</a>',
    "repeated attribute": '<p class="one" class="two">first wins</p>',
    "newlines in a tag": '<a\n  href="x"\n  title="y">z</a\n>',
}


@pytest.mark.parametrize("name", SAMPLES)
def test_agrees_with_the_standard_library(name: str) -> None:
    assert scanner_events(SAMPLES[name]) == stdlib_events(SAMPLES[name])


@pytest.mark.parametrize("path", sorted(p for p in GOLDEN.glob("*.html")), ids=lambda p: p.name)
def test_agrees_on_rendered_pages(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    events = scanner_events(text)
    assert len(events) > 10
    assert events == stdlib_events(text)


@pytest.mark.parametrize("name", SAMPLES)
def test_pieces_cover_the_text_in_order(name: str) -> None:
    text = SAMPLES[name]
    found = list(pieces(text))
    assert found[0].start == 0 and found[-1].end == len(text)
    assert all(before.end == after.start for before, after in zip(found, found[1:]))
    assert "".join(text[piece.start : piece.end] for piece in found) == text


def test_script_text_is_one_text_piece() -> None:
    text = "<script>a < b</script><p>x</p>"
    kinds = [(piece.kind, piece.tag, text[piece.start : piece.end]) for piece in pieces(text)]
    assert kinds[:3] == [("start", "script", "<script>"), ("text", "", "a < b"), ("end", "script", "</script>")]


def test_an_unclosed_comment_runs_to_the_end() -> None:
    text = "<p>a</p><!-- never closed <p>b</p>"
    assert [piece.kind for piece in pieces(text)] == ["start", "text", "end", "other"]


def test_attributes() -> None:
    assert attributes(" href=\"a.md\" title='it&#39;s' hidden data-x=1") == {
        "href": "a.md",
        "title": "it's",
        "hidden": None,
        "data-x": "1",
    }
    assert attributes("") == {}
