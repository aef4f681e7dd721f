"""Discord component embeds: the payload's shape against the JSON Schema, Discord's byte and component limits on
real and hostile entries, the shortening rule, the trimming warnings, and one address for every preview image."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft7Validator
from support.hostile_cases import quiz
from support.project import entry

from seokb.cli import main
from seokb.site import discord_embed as de
from seokb.site.discord_embed import Link

REPO = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((REPO / "hooks/seokb/schema/discord-component-embed.schema.json").read_text(encoding="utf-8"))
VALIDATOR = Draft7Validator(SCHEMA)
SITE_URL = "https://seokb.github.io/seokb/"
IMAGE = SITE_URL + "assets/cards/glossary/x.png?v=0123456789ab"
EMBED = re.compile(r'<script id="discord:component-embed" type="application/json">(.*?)</script>', re.DOTALL)


def schema_errors(payload) -> list[str]:
    return [error.message for error in VALIDATOR.iter_errors(payload)]


def assert_within_discord(payload) -> str:
    text = de.payload_json(payload)
    assert schema_errors(payload) == []
    assert len(text.encode()) <= de.MAX_BYTES
    assert de.count_components(payload) <= de.MAX_COMPONENTS
    assert not re.search("[<>&]", text), "a raw <, > or & could end the script element"
    assert json.loads(text) == payload
    return text


def term(**changes):
    values = dict(
        name="Backlink",
        short="A link on another website that points to a page on your site.",
        example="You run a small blog about keeping chickens, and a vet links to your guide.",
        category="Basics",
        related=[Link("Anchor text", SITE_URL + "glossary/anchor-text/")],
        url=SITE_URL + "glossary/backlink/",
        image_url=IMAGE,
        site_name="seokb",
    )
    values.update(changes)
    return de.term_embed(**values)


SCRIPT_END = "</script><script>alert(1)</script>"
LONG_WORDS = " ".join(f"word{n}" for n in range(900))  # about 6,000 bytes
HOSTILE = [
    ("script end in the name", dict(name=SCRIPT_END)),
    ("script end in the short definition", dict(short=SCRIPT_END)),
    ("script end in the example", dict(example=SCRIPT_END)),
    ("script end in the category", dict(category=SCRIPT_END)),
    ("script end in a related name", dict(related=[Link(SCRIPT_END, SITE_URL)])),
    ("multi-byte name", dict(name="\u30d0\u30c3\u30af\u30ea\u30f3\u30af \U0001f517" * 8)),
    ("multi-byte example", dict(example="\u88ab\u30ea\u30f3\u30af " * 700)),
    ("long example", dict(example=LONG_WORDS)),
    (
        "forty long related terms",
        dict(related=[Link(f"Related term number {n} " * 3, SITE_URL + f"glossary/r{n}/") for n in range(40)]),
    ),
    ("everything long at once", dict(example=LONG_WORDS, related=[Link("\u00e9" * 80, SITE_URL + "glossary/e/")] * 40)),
    (
        "Markdown in every field",
        dict(name="**x** [y](javascript:z) `c`", short="# heading\n- list", example="> quote @everyone <@123>"),
    ),
]


@pytest.mark.parametrize("changes", [c for _, c in HOSTILE], ids=[name for name, _ in HOSTILE])
def test_a_hostile_term_stays_within_discords_limits(changes) -> None:
    text = assert_within_discord(term(**changes))
    assert "</script" not in text.lower() and "<script" not in text.lower()


def test_a_long_example_is_shortened_at_a_word_and_related_terms_go_first() -> None:
    related = [Link(f"Term {n}", SITE_URL + f"glossary/t{n}/") for n in range(10)]
    payload = term(example=LONG_WORDS, related=related)
    header = payload["component"]["components"][0]["components"]
    example = next(c["content"] for c in header if c["content"].startswith("**Example:**"))
    shown = example.removeprefix("**Example:** ").removesuffix(de.ELLIPSIS)
    assert example.endswith(de.ELLIPSIS) and LONG_WORDS.startswith(shown + " ")  # ends at a whole word
    related_text = [c for c in payload["component"]["components"] if c.get("content", "").startswith("**Related:**")]
    assert related_text and related_text[0]["content"].count("](") == de.MAX_RELATED  # at most three, all kept here


def test_the_rule_drops_related_terms_before_it_shortens_the_example() -> None:
    huge = [Link("x" * 70, SITE_URL + "glossary/" + "y" * 900 + f"{n}/") for n in range(3)]
    payload = term(related=huge)
    assert_within_discord(payload)
    texts = [c.get("content", "") for c in payload["component"]["components"]]
    header = [c["content"] for c in payload["component"]["components"][0]["components"]]
    assert sum(t.count("](") for t in texts if t.startswith("**Related:**")) < 3
    assert any(h.startswith("**Example:**") and not h.endswith(de.ELLIPSIS) for h in header)


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short enough", 20, "short enough"),
        ("one two three four", 12, "one two\u2026"),
        ("one, two three", 9, "one\u2026"),  # no comma before the ellipsis
        ("\u00e9\u00e9\u00e9 \u00e9\u00e9\u00e9", 9, "\u00e9\u00e9\u00e9\u2026"),  # bytes, not characters
        ("unbreakable", 5, ""),
    ],
)
def test_shorten_words(text: str, limit: int, expected: str) -> None:
    assert de.shorten_words(text, limit) == expected


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("One. Two words. Three.", 100, "One. Two words. Three."),
        ("One. Two words. Three.", 15, "One. Two words."),
        ('Maya writes. "Quoted" start.', 100, 'Maya writes. "Quoted" start.'),
        ("A first sentence too long for it. Two.", 12, "A first\u2026"),
        ("Version 2.0 of it. Next.", 19, "Version 2.0 of it."),  # a point inside a number ends nothing
    ],
)
def test_an_example_keeps_whole_sentences(text: str, limit: int, expected: str) -> None:
    assert de.whole_sentences(text, limit) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- not a list", "\\- not a list"),
        ("# not a heading", "\\# not a heading"),
        ("12. not a list", "12\\. not a list"),
        ("a *b* _c_ ~~d~~ `e` |f|", "a \\*b\\* \\_c\\_ \\~\\~d\\~\\~ \\`e\\` \\|f\\|"),
        ("[x](y) <@1>", "\\[x\\]\\(y\\) \\<@1\\>"),
        ("well-known, 10 links", "well-known, 10 links"),
    ],
)
def test_contributed_text_shows_as_written_in_discord_markdown(text: str, expected: str) -> None:
    assert de.markdown_text(text) == expected


@pytest.mark.parametrize(
    ("title", "description", "expected"),
    [
        ("a" * 70, "d" * 350, []),
        (
            "a" * 71,
            "short",
            [
                "glossary/x.yml:2: term: the link-preview title is 71 bytes; Discord shows at most 70 bytes and trims "
                "the rest, so shorten it"
            ],
        ),
        (
            "\u00e9" * 36,  # 36 characters, 72 bytes
            "\u20ac" * 117,  # 117 characters, 351 bytes
            [
                "glossary/x.yml:2: term: the link-preview title is 72 bytes; Discord shows at most 70 bytes and trims "
                "the rest, so shorten it",
                "glossary/x.yml:5: short: the link-preview description is 351 bytes; Discord shows at most 350 bytes "
                "and trims the rest, so shorten it",
            ],
        ),
    ],
)
def test_titles_and_descriptions_discord_would_trim_are_warnings(title: str, description: str, expected) -> None:
    found = de.limit_warnings("glossary/x.yml", (title, 2, "term"), (description, 5, "short"))
    assert [str(d) for d in found] == expected
    assert all(d.severity == "warning" for d in found)


def test_lesson_quiz_and_home_payloads_fit() -> None:
    goals = [f"Goal number {n}, " + "long " * 60 for n in range(20)]
    lesson = de.lesson_embed(number=3, total=10, title=SCRIPT_END, learn=goals, url=SITE_URL, image_url=IMAGE, site_name="s")
    assert_within_discord(lesson)
    assert "Lesson 3 of 10" in json.dumps(lesson)
    quiz = de.quiz_embed(title="Q", questions=1, lesson=Link("L", SITE_URL), url=SITE_URL, image_url=IMAGE, site_name="s")
    assert "1 question \u00b7" in assert_within_discord(quiz)
    home = de.home_embed(title="T", description=LONG_WORDS, lessons=10, url=SITE_URL, image_url=IMAGE, site_name="s")
    assert "**10 short lessons**" in assert_within_discord(home)


def test_the_schema_refuses_what_discord_refuses() -> None:
    good = term()
    bad_button = json.loads(json.dumps(good))
    bad_button["component"]["components"][-1]["components"][0]["id"] = 1
    nested = {"component": {"type": 17, "components": [{"type": 17, "components": []}]}}
    wrong_style = json.loads(json.dumps(good))
    wrong_style["component"]["components"][-1]["components"][0]["style"] = 1
    assert schema_errors(good) == []
    for payload in (bad_button, nested, wrong_style, {"component": good["component"], "extra": 1}):
        assert schema_errors(payload) != []


# ---------------------------------------------------------------------------------------------- the real site


def payloads(real_site: Path) -> dict[str, str]:
    found = {}
    for path in sorted(real_site.rglob("index.html")):
        match = EMBED.search(path.read_text(encoding="utf-8"))
        if match:
            found[path.relative_to(real_site).as_posix()] = match.group(1)
    return found


def test_every_built_payload_is_valid_and_within_limits(real_site: Path) -> None:
    found = payloads(real_site)
    terms = len(list((REPO / "glossary").glob("*.yml")))
    quizzes = len(list((REPO / "quizzes").glob("*.yml")))
    lessons = len(list((REPO / "docs/lessons").glob("*.md")))
    assert len(found) == terms + quizzes + lessons + 1  # and the home page
    for where, text in found.items():
        payload = json.loads(text)
        assert schema_errors(payload) == [], where
        assert len(text.encode()) <= de.MAX_BYTES and de.count_components(payload) <= de.MAX_COMPONENTS, where
        assert text == de.payload_json(payload), where


def test_every_preview_image_address_follows_one_rule(real_site: Path) -> None:
    """og:image, twitter:image, oEmbed's thumbnail_url and the embed's thumbnail: the same address, with the card's
    content hash, on every page."""
    checked = 0
    for where, text in payloads(real_site).items():
        page = (real_site / where).read_text(encoding="utf-8")
        og = re.search(r'<meta property="og:image" content="([^"]+)"', page)[1]
        twitter = re.search(r'<meta name="twitter:image" content="([^"]+)"', page)[1]
        oembed_at = re.search(r'type="application/json\+oembed" href="([^"]+)"', page)[1].removeprefix(SITE_URL)
        thumbnail = json.loads((real_site / oembed_at).read_text(encoding="utf-8"))["thumbnail_url"]
        embed = json.loads(text)["component"]["components"][0]["accessory"]["media"]["url"]
        assert og.replace("&amp;", "&") == twitter == thumbnail == embed, where
        assert re.fullmatch(re.escape(SITE_URL) + r"assets/cards/[\w/-]+\.png\?v=[0-9a-f]{12}", embed), where
        checked += 1
    assert checked > 100


def test_no_sitemap_stubs_beside_the_oembed_answers(real_site: Path) -> None:
    assert list((real_site / "oembed").rglob("sitemap.xml")) == []


def test_the_home_cards_alt_text_says_what_it_shows(real_site: Path) -> None:
    page = (real_site / "index.html").read_text(encoding="utf-8")
    alt = re.search(r'<meta property="og:image:alt" content="([^"]+)"', page)[1]
    assert alt == "Free beginner course: Backlinks and link building, explained plainly"


def test_the_real_content_is_within_discords_preview_limits(real_site: Path) -> None:
    """The real site builds strictly, so no entry or lesson has a title or description Discord would trim."""
    assert (real_site / "index.html").is_file()


def test_a_long_term_name_is_a_warning_at_its_line(project) -> None:
    # Names are at most 60 characters (term.schema.json): only letters of more than one byte can pass 70 bytes.
    name = "R\u00e9f\u00e9rencement \u00e9ditorial \u00e9t\u00e9 \u00e9quip\u00e9 \u00e0 fr\u00e9quence \u00e9lev\u00e9e d\u00e9j\u00e0"
    project.write("glossary/long-name.yml", entry("long-name", term=f'"{name}"'))
    built = project.build()
    assert built.returncode != 0  # strict: a warning fails the build
    assert (
        f"WARNING -  glossary/long-name.yml:2: term: the link-preview title is {len(name.encode())} bytes; Discord "
        "shows at most 70 bytes and trims the rest, so shorten it"
    ) in built.stderr.splitlines()


LONG_HEADING = "How a single link from a well-known site can change what searchers find first"


def test_a_long_lesson_heading_is_the_same_warning_in_the_build_and_in_seokb_check(project, capsys) -> None:
    project.write("docs/lessons/long.md", f"---\ndescription: A lesson for the tests.\n---\n\n# {LONG_HEADING}\n\nText.\n")
    message = (
        f"docs/lessons/long.md:5: heading: the link-preview title is {len(LONG_HEADING)} bytes; Discord shows at most "
        "70 bytes and trims the rest, so shorten it"
    )
    assert main(["check", "--root", str(project.root)]) == 1  # as strict as the deployed build: a warning fails it
    captured = capsys.readouterr()
    assert message in (captured.out + captured.err)
    built = project.build()
    assert f"WARNING -  {message}" in built.stderr.splitlines()


def test_a_long_quiz_title_is_a_warning_at_its_line_in_seokb_check(project, capsys) -> None:
    title = (
        "\u00c9valuer un lien \u00e9ditorial \u00e0 l'\u00e9t\u00e9 d\u00e9j\u00e0 \u00e9voqu\u00e9 \u00e0 r\u00e9p\u00e9tition"
        " fr\u00e9quente"
    )
    assert len(title) <= 80 and len(title.encode()) > 70  # within the quiz schema's 80 characters
    project.write("quizzes/a-quiz.yml", quiz(title=f'"{title}"'))
    main(["check", "--root", str(project.root)])
    captured = capsys.readouterr()
    assert (
        f"quizzes/a-quiz.yml:2: title: the link-preview title is {len(title.encode())} bytes; Discord shows at most "
        "70 bytes and trims the rest, so shorten it"
    ) in captured.out.splitlines()
