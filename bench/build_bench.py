"""Build benchmark: a synthetic knowledge base built with the seokb hooks and, in the same run, as plain MkDocs.

    .venv/bin/python bench/build_bench.py                      # 2,500 and 5,000 terms, 250 and 500 lessons
    .venv/bin/python bench/build_bench.py --sizes 500:50 --linkchecker --serve
    .venv/bin/python bench/build_bench.py --real --serve --against /tmp/engine-d0ede6c   # the real site, two engines

The peer build needs mkdocs-ezglossary-plugin 2.1 (`pip install -e '.[bench]'`); --no-peer leaves it out.

For each size it writes N glossary entries, M lessons of about 600 words that mention terms, and a few quizzes,
then builds them with the project's hooks (the real mkdocs.yml and engine), as two baselines, plain MkDocs with
the same theme and no hooks, and with a peer plugin:
- plain: the pages without what the hooks add (the term pages and the A-Z index as the engine writes them; the
  quiz pages and the link profile as the hooks' first build rendered them, as raw HTML);
- links by hand: the same pages written out as ordinary Markdown, with what the hooks add written as a person
  would (term links in lessons, Terms in this lesson, a term's Mentioned in list, share and edit lines);
- ezglossary (the peer): what a user would pick instead of the hooks for the glossary job, mkdocs-ezglossary-plugin
  2.1 on the plain pages: the same N terms (short line, definition, example, related terms, sources) as the
  plugin's definition list (`seo:Term` / `:   definition`) on one glossary page, since that is its way to define
  terms, each with the list of pages that link it (its `inline_refs: list`, our "Mentioned in") and its short line
  as the link title (`tooltip: short`); the same M lessons with the same text, with each term link the hooks add
  written at the same words in the plugin's syntax (`<seo:Term|words>`), since the plugin links only what the
  author marks: it has no auto-linking. What differs from the seokb build: one glossary page holds every term
  instead of a page per term and the A-Z index (so N fewer pages to render), and the plugin does none of the
  rest (no "Terms in this lesson", share and edit lines, quizzes rendered from YAML, link profile, link
  validation, social cards); the quiz pages and the link profile are the plain baseline's HTML.
The first seokb build draws every social card (cold); then the baselines, the peer and the seokb build (cards
cached, warm) take turns --runs times, and medians are reported, so that a disk or a neighbour slowing one run
shows less. It reports wall seconds, milliseconds per page, peak memory, CPU seconds (steadier on a shared
machine) and the ratios to the baselines and the peer, and the hooks' own link validation time. It checks,
untimed, that the links-by-hand pages hold the same internal links as the hooks' pages and that the peer's
lessons hold as many term links as the hooks' lessons. With --linkchecker it adds LinkChecker's time on the same
built site; with --serve, `mkdocs serve` rebuilds after one glossary edit against full builds run in turn, for
seokb and for the plain baseline. Every figure is measured in this run; compare ratios, not seconds, across
machines.
"""

from __future__ import annotations

import argparse
import html
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from statistics import median

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))

from seokb.content.glossary import SCHEMA_LINE, load_glossary  # noqa: E402
from seokb.diagnostics import Diagnostics  # noqa: E402
from seokb.site.glossary_pages import BACKLINKS_SLOT, EDIT_SLOT, SHARE_SLOT, index_page, term_page  # noqa: E402

ADJECTIVES = (
    "anchor audit authority backlink brand canonical citation content crawl domain editorial evergreen expert "
    "external follow guest index internal keyword link local mention natural niche organic outreach page partner "
    "profile quality rank reciprocal referral relevance resource review search sitewide social sponsored topical "
    "traffic trust visibility widget"
).split()
NOUNS = (
    "signal score gap graph map metric budget cluster check velocity ratio pattern plan report strategy tactic "
    "audit footprint network campaign pitch list hub silo target trail profile decay equity juice depth intent "
    "snippet ranking share placement source velocity window funnel loop"
).split()
FILLER = (
    "a blog owner reads the report every month and writes down what changed before deciding what to do next "
    "with the pages that matter most to readers who came from search and stayed to read more of the site"
).split()


def term_names(count: int) -> list[str]:
    names = [f"{a} {n}" for a in ADJECTIVES for n in sorted(set(NOUNS))]
    names += [f"{a} {n} {extra}" for extra in ("plan", "test", "note", "tool") for a in ADJECTIVES for n in sorted(set(NOUNS))]
    if count > len(names):
        raise SystemExit(f"at most {len(names)} synthetic terms")
    return names[:count]


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name).strip("-")


def write_knowledge_base(root: Path, terms: int, lessons: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    names = term_names(terms)
    (root / "glossary").mkdir(parents=True)
    (root / "docs" / "lessons").mkdir(parents=True)
    (root / "quizzes").mkdir()
    (root / "diagrams").mkdir()  # watched by the real mkdocs.yml; the synthetic lessons draw none
    # The course's own assets, which the real mkdocs.yml loads on the pages that use them (extra.page_assets).
    shutil.copytree(REPO / "docs" / "assets", root / "docs" / "assets")
    for index, name in enumerate(names):
        related = [slug(names[(index + step) % terms]) for step in (1, 2)]
        (root / "glossary" / f"{slug(name)}.yml").write_text(
            f"{SCHEMA_LINE}\nterm: {name.capitalize()}\nshort: What {name} means for a small site, in one line.\n"
            f"definition: |\n  {name.capitalize()} is a made-up term for the benchmark. It stands in a sentence\n"
            f"  or two, like a real definition, so that pages have realistic length.\n"
            f"example: |\n  A niche site about sourdough checks its {name} once a month.\n"
            f"related: [{', '.join(related)}]\ncategory: basics\n"
            f"sources:\n  - title: Google Search Central\n    url: https://developers.google.com/search/docs\n",
            encoding="utf-8",
        )
    for number in range(1, lessons + 1):
        words: list[str] = []
        while len(words) < 600:
            words += rng.sample(FILLER, 12)
            words += rng.choice(names).split()
        paragraphs = [" ".join(words[i : i + 60]).capitalize() + "." for i in range(0, len(words), 60)]
        hand = rng.choice(names)
        next_link = f"lesson-{number + 1:04d}.md" if number < lessons else "../index.md"
        body = "\n\n".join(paragraphs)
        quiz = f"\n\n<!-- seokb:quiz quiz-{number:04d} -->" if number <= 20 else ""
        (root / "docs" / "lessons" / f"lesson-{number:04d}.md").write_text(
            f"---\ndescription: Synthetic lesson {number} for the build benchmark.\n---\n# Lesson {number}\n\n"
            f"{body}\n\nSee [how lesson {number} uses {hand}](../glossary/{slug(hand)}.md).{quiz}\n\n## Next\n\n[Next]({next_link})\n",
            encoding="utf-8",
        )
        if number <= 20:
            (root / "quizzes" / f"quiz-{number:04d}.yml").write_text(
                f"title: Quiz {number}\ndescription: A synthetic quiz for lesson {number}.\nquestions:\n"
                "  - type: single\n    prompt: Which one?\n    options:\n"
                "      - text: This one\n        correct: true\n        explain: Because it is.\n"
                "      - text: That one\n        correct: false\n        explain: Because it is not.\n",
                encoding="utf-8",
            )
    (root / "docs" / "index.md").write_text(
        "---\ndescription: The benchmark's home page.\n---\n# Benchmark\n\nStart with [lesson 1](lessons/lesson-0001.md), "
        "see the [glossary](glossary/index.md) and the [quizzes](quizzes/index.md).\n",
        encoding="utf-8",
    )
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    nav = (
        "nav:\n  - Home: index.md\n  - Lessons:\n"
        + "".join(f"      - lessons/lesson-{n:04d}.md\n" for n in range(1, lessons + 1))
        + "  - Glossary: glossary/index.md\n  - Quizzes: quizzes/index.md\n  - link-profile.md\n"
    )
    config = config[: config.index("\nnav:") + 1] + nav  # the top-level nav, not validation.nav
    config = config.replace("hooks/seokb_hooks.py", str(REPO / "hooks" / "seokb_hooks.py"))
    config = config.replace("  - hooks/seokb\n", f"  - {REPO / 'hooks' / 'seokb'}\n")  # watch: the engine lives in the repository
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")


def write_baseline(kb: Path, root: Path, linked: bool = False) -> None:
    """The same pages as ordinary Markdown for plain MkDocs: lessons as they are, terms as the engine writes them,
    and the pages only a build can fill (quizzes, the link profile) as HTML taken from the hooks' build in kb/site.

    `linked` adds what the hooks add to those pages, as a person would write it in Markdown, taken from the hooks'
    build: each term link in a lesson, "Terms in this lesson", a term page's share line, "Mentioned in" list and
    edit line (those marked data-search-exclude, as the hooks keep them out of search), and the quiz (as HTML)."""
    shutil.copytree(kb / "docs", root / "docs")
    built = kb / "site"
    glossary = load_glossary(kb, Diagnostics())
    (root / "docs" / "glossary").mkdir()
    (root / "docs" / "glossary" / "index.md").write_text(index_page(glossary), encoding="utf-8")
    for term in glossary:
        page = term_page(term, glossary)
        if linked:
            page = _with_term_sections(page, _article(built / "glossary" / term.slug / "index.html"))
        (root / "docs" / "glossary" / f"{term.slug}.md").write_text(page, encoding="utf-8")
    if linked:
        for lesson in sorted((root / "docs" / "lessons").glob("*.md")):
            lesson.write_text(
                _linked_lesson(lesson.read_text(encoding="utf-8"), _article(built / "lessons" / lesson.stem / "index.html")),
                encoding="utf-8",
            )
    (root / "docs" / "quizzes").mkdir()
    for page in ["link-profile", "quizzes", *(f"quizzes/{quiz.stem}" for quiz in sorted((kb / "quizzes").glob("*.yml")))]:
        target = root / "docs" / (f"{page}/index.md" if page == "quizzes" else f"{page}.md")
        target.write_text(_as_markdown(built / page / "index.html"), encoding="utf-8")
    config = (kb / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"hooks:\n  - .*\n", "", config)
    config = re.sub(r"watch:\n(  - .*\n)+", "", config)
    config = config.replace("strict: true", "strict: false")
    # Term pages stay out of the navigation in both builds, as the engine keeps them out.
    config += "not_in_nav: |\n  /glossary/*.md\n  !/glossary/index.md\n"
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")


ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)


def _article(page: Path) -> str:
    return ARTICLE.search(page.read_text(encoding="utf-8")).group(1)


TERM_LINK = re.compile(r'<a class="seokb-term" href="\.\./\.\./glossary/([^/"]+)/" data-seokb-def="([^"]*)">(.*?)</a>', re.S)
QUIZ_FORM = re.compile(r'<form class="seokb-quiz.*?</form>', re.S)
# What the hooks put on a page after rendering it, read back from their build to be written as Markdown.
SHARE_URL = re.compile(r'<p class="seokb-share">.*?data-url="([^"]*)"', re.S)
EDIT_URL = re.compile(r'<a class="seokb-edit" href="([^"]*)">')
MENTIONED = re.compile(r'<li><a href="\.\./\.\./([^"]*)/">(.*?)</a><blockquote>(.*?)</blockquote></li>', re.S)
LESSON_TERM = re.compile(r'<dt><a href="\.\./\.\./glossary/([^/"]+)/">(.*?)</a></dt>\s*<dd>(.*?)</dd>', re.S)
EXCLUDED = "{ data-search-exclude }"  # kept out of search, as the hooks keep these sections out


def _with_term_sections(markdown: str, article: str) -> str:
    """A term page with its share line, "Mentioned in" list and edit line in Markdown, where the hooks put them."""
    share, edit = SHARE_URL.search(article), EDIT_URL.search(article)
    mentioned = MENTIONED.findall(article)
    sections = {
        SHARE_SLOT: f"Share this term: `{share.group(1)}`\n{EXCLUDED}" if share else "",
        BACKLINKS_SLOT: f"## Mentioned in {EXCLUDED}\n\n"
        + "".join(f"- [{html.unescape(title)}](../{page}.md): {html.unescape(sentence)}\n" for page, title, sentence in mentioned)
        if mentioned
        else "",
        EDIT_SLOT: f"[Edit this entry]({edit.group(1)}): every term is one YAML file, and fixes are welcome.\n{EXCLUDED}"
        if edit
        else "",
    }
    for slot, text in sections.items():
        markdown = markdown.replace(slot, f"\n{text}\n")
    return markdown


def _linked_lesson(markdown: str, article: str) -> str:
    """The lesson with each term link the hooks added written as a Markdown link, at the same words."""
    forms = QUIZ_FORM.findall(article)
    text = QUIZ_FORM.sub("", article)
    body_start = markdown.index("\n# ")
    parts, position = [markdown[:body_start]], body_start
    for slug_, title, words in TERM_LINK.findall(text):
        words = html.unescape(words)
        at = markdown.find(words, position)
        if at < 0:
            continue
        title = html.unescape(title).replace('"', "&quot;")
        parts += [markdown[position:at], f'[{words}](../glossary/{slug_}.md "{title}")']
        position = at + len(words)
    linked = "".join(parts) + markdown[position:]
    for form in forms:  # the quiz marker, as plain MkDocs would need the quiz written out
        linked = re.sub(r"<!-- seokb:quiz [a-z0-9-]+ -->", lambda _: f"\n{form}\n", linked, count=1)
    terms = LESSON_TERM.findall(article)
    listed = "".join(
        f"- [{html.unescape(name)}](../glossary/{slug_}.md): {html.unescape(short)}\n" for slug_, name, short in terms
    )
    return linked + (f"\n## Terms in this lesson {EXCLUDED}\n\n{listed}" if terms else "")


def _as_markdown(page: Path) -> str:
    """A built page's content as a Markdown page: front matter, its h1, then the rest of its HTML as it stands."""
    built = page.read_text(encoding="utf-8")
    article = ARTICLE.search(built).group(1)
    title = re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", article, re.S).group(1)).replace("&para;", "").strip()
    body = article.split("</h1>", 1)[1]
    description = re.search(r'<meta name="description" content="([^"]*)"', built).group(1)
    return f'---\ndescription: "{description}"\n---\n# {title}\n\n{body.strip()}\n'


PEER = "mkdocs-ezglossary-plugin"
PEER_VERSIONS = "2.1"  # the versions this benchmark's peer syntax and figures are for: pyproject's `bench` extra
PEER_SECTION = "seo"  # ezglossary files every term under a section: `seo:Term`
PEER_CONFIG = "plugins:\n  - search\n  - ezglossary:\n      tooltip: short\n      inline_refs: list\n"


def peer_version() -> str:
    """The installed ezglossary version; exits with how to install it when it is missing or another minor version."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version(PEER)
    except PackageNotFoundError:
        found = ""
    if not found.startswith(f"{PEER_VERSIONS}."):
        raise SystemExit(
            f"the peer build needs {PEER} {PEER_VERSIONS}.x ({'found ' + found if found else 'not installed'}): "
            f"pip install -e '.[bench]' (or {sys.executable} -m pip install '{PEER}>={PEER_VERSIONS},<2.2'), "
            "or run with --no-peer"
        )
    return found


def peer_import_seconds(env: dict[str, str]) -> float:
    """CPU seconds a build spends importing the plugin, over importing MkDocs' plugin API: ezglossary imports
    inflect, whose typeguard decorators make that a fixed cost of every build, whatever the site's size."""
    import resource

    def cpu(module: str) -> float:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-c", f"import {module}"], env=env, check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

    return cpu("mkdocs_ezglossary_plugin.plugin") - cpu("mkdocs.plugins")


def write_ezglossary(kb: Path, root: Path) -> None:
    """The plain baseline's pages with the glossary job done by mkdocs-ezglossary-plugin, as its docs show it:
    every term as a `seo:Term` definition list item on glossary/index.md (no page per term), and each term link the
    hooks put in a lesson (read from their build in kb/site) written at the same words as `<seo:Term|words>`."""
    write_baseline(kb, root)
    glossary = load_glossary(kb, Diagnostics())
    shutil.rmtree(root / "docs" / "glossary")
    (root / "docs" / "glossary").mkdir()
    entries = []
    for term in sorted(glossary, key=lambda t: t.term.lower()):
        indent = lambda text: text.strip().replace("\n", "\n    ")  # noqa: E731 - the definition's continuation
        related = ", ".join(f"<{PEER_SECTION}:{other.term}>" for other in glossary.related_both_ways(term.slug))
        sources = ", ".join(f"[{source.title}]({source.url})" for source in term.sources)
        entries.append(
            f"{PEER_SECTION}:{term.term}\n:   {indent(term.short)}\n\n    {indent(term.definition)}\n\n"
            f"    **Example:** {indent(term.example)}\n\n"
            + (f"    **Related terms:** {related}\n\n" if related else "")
            + f"    **Sources:** {sources}\n"
        )
    (root / "docs" / "glossary" / "index.md").write_text(
        "---\ndescription: Every term of the benchmark, A to Z.\n---\n# Glossary\n\n" + "\n".join(entries),
        encoding="utf-8",
    )
    names = {term.slug: term.term for term in glossary}
    built = kb / "site"
    for lesson in sorted((root / "docs" / "lessons").glob("*.md")):
        article = _article(built / "lessons" / lesson.stem / "index.html")
        lesson.write_text(_ezglossary_lesson(lesson.read_text(encoding="utf-8"), article, names), encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("not_in_nav: |\n  /glossary/*.md\n  !/glossary/index.md\n", "")  # no term pages
    (root / "mkdocs.yml").write_text(config + PEER_CONFIG, encoding="utf-8")


HAND_TERM_LINK = re.compile(r"\]\(\.\./glossary/[a-z0-9-]+\.md\)")


def _ezglossary_lesson(markdown: str, article: str, names: dict[str, str]) -> str:
    """The lesson with each term link the hooks added written in ezglossary's syntax, at the same words. The lesson's
    own Markdown link to a term page points to the glossary page, where the peer defines that term."""
    text = QUIZ_FORM.sub("", article)
    body_start = markdown.index("\n# ")
    parts, position = [markdown[:body_start]], body_start
    for slug_, _title, words in TERM_LINK.findall(text):
        words = html.unescape(words)
        at = markdown.find(words, position)
        if at < 0:
            continue
        parts += [markdown[position:at], f"<{PEER_SECTION}:{names[slug_]}|{words}>"]
        position = at + len(words)
    linked = HAND_TERM_LINK.sub("](../glossary/index.md)", "".join(parts) + markdown[position:])
    # The hooks' quiz marker means nothing to the peer, and it would read `<!-- seokb:quiz id -->` as a term link.
    return re.sub(r"\n*<!-- seokb:quiz [a-z0-9-]+ -->", "", linked)


INTERNAL_HREF = re.compile(r'href="(\.\./[^"]*)"')


def _internal_links(page: Path) -> Counter[str]:
    # A lesson's last line links the review deck, a page of the hooks' own that a site linked by hand has no twin of.
    return Counter(href for href in INTERNAL_HREF.findall(_article(page)) if not href.endswith("/review/"))


def check_links_by_hand(kb: Path, linked: Path) -> int:
    """The links-by-hand baseline is only fair if its pages link what the hooks' pages link: every glossary, lesson
    and quiz page of its build must hold the same internal links, as often. Returns the pages compared."""
    pages = sorted(page.relative_to(kb / "site") for page in (kb / "site").glob("*/*/index.html"))
    if {page.parts[0] for page in pages} != {"glossary", "lessons", "quizzes"}:
        raise SystemExit(f"unexpected pages in {kb / 'site'}: {sorted({page.parts[0] for page in pages})}")
    mentioned = 0
    for page in pages:
        ours, theirs = _internal_links(kb / "site" / page), _internal_links(linked / "site" / page)
        if theirs != ours:
            raise SystemExit(
                f"links by hand differ from the hooks' links on {page}: {sorted((theirs - ours) + (ours - theirs))[:10]}"
            )
        mentioned += sum(count for href, count in ours.items() if page.parts[0] == "glossary" and "lessons/" in href)
    lesson = _internal_links(kb / "site" / "lessons" / "lesson-0001" / "index.html")
    if sum(count for href, count in lesson.items() if "glossary/" in href) <= 20 or not mentioned:
        raise SystemExit("the hooks' build has too few term links or no Mentioned in lists: the comparison would be empty")
    return len(pages)


PEER_LINK = re.compile(r'<a class="mkdocs-ezglossary-link"')


def lesson_term_links(kb: Path, peer: Path) -> tuple[int, int]:
    """Term links in the lessons: (the hooks', ezglossary's), which must be equal for the peer to do the same job."""
    lessons = sorted((kb / "site" / "lessons").glob("*/index.html"))
    ours = sum(len(TERM_LINK.findall(QUIZ_FORM.sub("", _article(page)))) for page in lessons)
    theirs = sum(len(PEER_LINK.findall(_article(peer / "site" / page.relative_to(kb / "site")))) for page in lessons)
    return ours, theirs


def timed_build(root: Path, site: Path, env: dict[str, str]) -> tuple[float, int, str, float]:
    """(wall seconds, peak memory in MB, log, CPU seconds) of one `mkdocs build`, measured by /usr/bin/time. CPU
    seconds (user and system) are what to compare when the machine is shared: they move less with its load."""
    report = site.parent / f"{site.name}-time.txt"
    command = ["/usr/bin/time", "-f", "%e %M %U %S", "-o", str(report), sys.executable, "-m", "mkdocs", "build", "-d", str(site)]
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"build failed in {root}:\n{result.stderr[-3000:]}")
    seconds, kilobytes, user, system = report.read_text().split()[-4:]
    return float(seconds), int(kilobytes) // 1024, result.stderr, float(user) + float(system)


def linkchecker_seconds(site: Path) -> float:
    sys.path.insert(0, str(REPO / "tests"))
    from conftest import serve  # the tests' server: it lets LinkChecker go past 10 requests a second

    # The tests' configuration with AnchorCheck on: the build checks anchors too, so the two do the same job.
    config = site.parent / "linkcheckerrc"
    config.write_text((REPO / "tests" / "linkcheckerrc").read_text(encoding="utf-8") + "\n[AnchorCheck]\n", encoding="utf-8")
    with serve(site) as url:
        started = time.perf_counter()
        result = subprocess.run(
            [
                str(Path(sys.executable).with_name("linkchecker")),
                "--config",
                str(config),
                "--no-status",
                "--no-robots",
                url,
            ],
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - started
    summary = re.search(r"That's it\..*", result.stdout)
    print(f"    LinkChecker: {summary.group(0) if summary else result.stdout[-300:]}")
    return seconds


BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")


def _seconds(runs) -> str:
    return ", ".join(f"{run[0]:.1f}" for run in runs)


def serve_rebuild_seconds(
    root: Path,
    edited: Path,
    env: dict[str, str],
    edits: int = 3,
    change=lambda text, n: text.replace("made-up term", f"made-up term (edit {n})"),
) -> tuple[list[float], list[float]]:
    """`mkdocs serve` on a site: the seconds MkDocs reports for each rebuild after a one-file edit of `edited`,
    and for a full `mkdocs build` of the same site run just before each edit (the server idles meanwhile), so
    that rebuilds and full builds take turns on the same machine, as the baseline and seokb builds do."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log_path = root / "serve.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-c", SERVE_EVERY_TIME, "serve", "-a", f"127.0.0.1:{port}"],
            cwd=root,
            env=env,
            stdout=log,
            stderr=log,
            # Ctrl+C stops it even when this script runs in the background, whose SIGINT is ignored and inherited.
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
    original = edited.read_text(encoding="utf-8")
    full_builds = []
    try:
        for edit in range(edits + 1):
            deadline = time.monotonic() + 600
            while len(BUILT.findall(log_path.read_text())) < edit + 1:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit(f"mkdocs serve did not rebuild:\n{log_path.read_text()[-2000:]}")
                time.sleep(0.5)
            if edit < edits:
                full_builds.append(reported_seconds([timed_build(root, root / "site", env)]))
                time.sleep(2)  # past the watcher's debounce, so each edit is one rebuild
                edited.write_text(change(original, edit + 1), encoding="utf-8")
    finally:
        server.send_signal(signal.SIGINT)  # Ctrl+C: MkDocs then deletes its temporary site folder (SIGTERM leaves it)
        server.wait()
        edited.write_text(original, encoding="utf-8")
    return [float(seconds) for seconds in BUILT.findall(log_path.read_text())[1:]], full_builds


# MkDocs drops a log line it has printed before, so a rebuild as long as an earlier one (to the hundredth of a
# second) would go unreported and the wait below would never end: serve without that filter.
SERVE_EVERY_TIME = (
    "import sys, mkdocs.__main__ as m, mkdocs.commands.build as b; "
    "b.log.addFilter = lambda f: None; sys.argv[0] = 'mkdocs'; m.cli()"
)


def reported_seconds(runs) -> float:
    """The median of the times MkDocs itself reports for these builds: what a serve rebuild is compared with."""
    return median(float(BUILT.search(run[2]).group(1)) for run in runs)


# What a copy of the real site needs: its content and configuration; the engine comes from the checkout measured.
REAL_SITE = ("docs", "glossary", "quizzes", "diagrams", "mkdocs.yml", "published-urls.txt")


def copy_real_site(engine: Path, root: Path) -> None:
    """This repository's content, with the hooks of the checkout at `engine` (this one, or another commit's)."""
    for name in REAL_SITE:
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / name)
    shutil.copytree(engine / "hooks", root / "hooks", ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"))


def real_site(arguments, env: dict[str, str]) -> None:
    """The real site's full build (and with --serve, its rebuild after one entry is edited), with this checkout's
    engine and, with --against, another checkout's, in turns; medians and the ratio of this engine to the other."""
    engines = {"this engine": REPO, **({"against": Path(arguments.against).resolve()} if arguments.against else {})}
    with tempfile.TemporaryDirectory(prefix="seokb-real-") as temporary:
        roots = {name: Path(temporary, name.replace(" ", "-")) for name in engines}
        for name, engine in engines.items():
            copy_real_site(engine, roots[name])
            timed_build(roots[name], roots[name] / "site", env)  # cards drawn and cached: every timed build is warm
        runs: dict[str, list] = {name: [] for name in engines}
        for _ in range(arguments.runs):
            for name in engines:
                runs[name].append(timed_build(roots[name], roots[name] / "site", env))
        pages = len(list((roots["this engine"] / "site").rglob("index.html")))
        print(f"the real site ({pages} pages); median of {arguments.runs} runs each, engines in turn")
        for name, engine in engines.items():
            print(
                f"    {name} ({engine}): {median(r[0] for r in runs[name]):.2f} s wall, {median(r[3] for r in runs[name]):.2f} s CPU, "
                f"{max(r[1] for r in runs[name])} MB peak  runs: {', '.join(f'{r[0]:.2f}' for r in runs[name])}"
            )
        if arguments.against:
            ours, theirs = (median(r[0] for r in runs[name]) for name in ("this engine", "against"))
            ours_cpu, theirs_cpu = (median(r[3] for r in runs[name]) for name in ("this engine", "against"))
            print(
                f"    full build: this engine x{ours / theirs:.2f} of the other's wall time, x{ours_cpu / theirs_cpu:.2f} of its CPU time"
            )
        if arguments.serve:
            rebuilds = {}
            for name in engines:
                entry = roots[name] / "glossary" / "backlink.yml"
                rebuilds[name], fulls = serve_rebuild_seconds(
                    roots[name], entry, env, arguments.edits, change=lambda text, n: text + f"# edit {n}\n"
                )
                print(
                    f"    mkdocs serve, glossary/backlink.yml edited ({name}): rebuilt in {', '.join(f'{r:.2f}' for r in rebuilds[name])} s; "
                    f"full builds in turn {', '.join(f'{f:.2f}' for f in fulls)} s"
                )
            if arguments.against:
                print(
                    f"    rebuild: this engine x{median(rebuilds['this engine']) / median(rebuilds['against']):.2f} of the other"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2500:250,5000:500", help="terms:lessons pairs, comma separated")
    parser.add_argument("--linkchecker", action="store_true", help="also time LinkChecker on the built site")
    parser.add_argument("--runs", type=int, default=3, help="warm and baseline builds per size (medians reported)")
    parser.add_argument("--serve", action="store_true", help="also time mkdocs serve rebuilding after a glossary edit")
    parser.add_argument("--edits", type=int, default=3, help="with --serve: edits, each after a full build (medians reported)")
    parser.add_argument("--no-peer", action="store_true", help=f"leave out the peer build ({PEER} {PEER_VERSIONS})")
    parser.add_argument("--real", action="store_true", help="build the real site instead of synthetic ones")
    parser.add_argument(
        "--against", help="with --real: another checkout (a worktree of an earlier commit) whose engine builds it too"
    )
    arguments = parser.parse_args()
    if arguments.real:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        env.pop("SITE_URL", None)
        return real_site(arguments, env)
    peer = None if arguments.no_peer else peer_version()  # before any build: a missing peer fails at once
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    rows = []
    with tempfile.TemporaryDirectory(prefix="seokb-bench-") as temporary:
        for size in arguments.sizes.split(","):
            terms, lessons = map(int, size.split(":"))
            kb, baseline, linked, ez = (Path(temporary, f"{name}-{size}") for name in ("kb", "baseline", "linked", "ezglossary"))
            write_knowledge_base(kb, terms, lessons)
            pages = terms + lessons + 3
            cold_s, cold_mb, _, cold_cpu = timed_build(kb, kb / "site", env)  # no card cache yet
            write_baseline(kb, baseline)
            write_baseline(kb, linked, linked=True)
            if peer:
                write_ezglossary(kb, ez)
            base_runs, linked_runs, peer_runs, warm_runs = [], [], [], []
            for _ in range(arguments.runs):  # in turns, so that all see the same machine
                base_runs.append(timed_build(baseline, baseline / "site", env))
                linked_runs.append(timed_build(linked, linked / "site", env))
                if peer:
                    peer_runs.append(timed_build(ez, ez / "site", env))
                warm_runs.append(timed_build(kb, kb / "site", env))  # every card cached
            base_s, linked_s, warm_s = (median(r[0] for r in runs) for runs in (base_runs, linked_runs, warm_runs))
            base_mb, linked_mb, warm_mb = (max(r[1] for r in runs) for runs in (base_runs, linked_runs, warm_runs))
            log = warm_runs[-1][2]
            checked = re.search(r"seokb: (\d+) links on (\d+) pages checked in ([\d.]+) s", log)
            print(f"{terms} terms, {lessons} lessons ({pages} pages); median of {arguments.runs} runs each")
            print(
                f"    baseline (plain MkDocs):   {base_s:7.1f} s  {1000 * base_s / pages:6.1f} ms/page  {base_mb:5d} MB peak  runs: {_seconds(base_runs)}"
            )
            print(
                f"    baseline, links by hand:   {linked_s:7.1f} s  {1000 * linked_s / pages:6.1f} ms/page  {linked_mb:5d} MB peak  runs: {_seconds(linked_runs)}"
            )
            peer_s = median(r[0] for r in peer_runs) if peer else 0.0
            rows.append((pages, base_s, linked_s, warm_s, peer_s))
            of_peer = lambda seconds: f", x{seconds / peer_s:.2f} of ezglossary" if peer else ""  # noqa: E731
            if peer:
                peer_pages = pages - terms  # one glossary page instead of the term pages and the A-Z index
                print(
                    f"    ezglossary {peer} (peer): {peer_s:7.1f} s  {1000 * peer_s / peer_pages:6.1f} ms/page  "
                    f"{max(r[1] for r in peer_runs):5d} MB peak  ({peer_pages} pages; importing the plugin: "
                    f"{peer_import_seconds(env):.1f} s CPU)  runs: {_seconds(peer_runs)}"
                )
            print(
                f"    seokb, cards cached:       {warm_s:7.1f} s  {1000 * warm_s / pages:6.1f} ms/page  {warm_mb:5d} MB peak  "
                f"x{warm_s / base_s:.2f} of baseline, x{warm_s / linked_s:.2f} of links by hand{of_peer(warm_s)}  runs: {_seconds(warm_runs)}"
            )
            print(
                f"    seokb, cards drawn (cold): {cold_s:7.1f} s  {1000 * cold_s / pages:6.1f} ms/page  {cold_mb:5d} MB peak  "
                f"x{cold_s / base_s:.2f} of baseline, x{cold_s / linked_s:.2f} of links by hand{of_peer(cold_s)}"
            )
            cpu = {
                name: median(r[3] for r in runs)
                for name, runs in (
                    ("baseline", base_runs),
                    ("links by hand", linked_runs),
                    ("ezglossary", peer_runs),
                    ("seokb", warm_runs),
                )
                if runs
            }
            print(
                f"    CPU seconds (user + system, medians): {', '.join(f'{name} {value:.1f}' for name, value in cpu.items())}, "
                f"seokb cold {cold_cpu:.1f}; seokb cached x{cpu['seokb'] / cpu['baseline']:.2f} of baseline, "
                f"x{cpu['seokb'] / cpu['links by hand']:.2f} of links by hand"
                + (f", x{cpu['seokb'] / cpu['ezglossary']:.2f} of ezglossary" if peer else "")
            )
            # Untimed: the comparisons are only fair if the baseline and the peer link what the hooks link.
            print(
                f"    links by hand: the same internal links as the hooks' pages on all {check_links_by_hand(kb, linked)} glossary, lesson and quiz pages"
            )
            if peer:
                ours, theirs = lesson_term_links(kb, ez)
                if theirs != ours:
                    raise SystemExit(f"ezglossary's lessons hold {theirs} term links, the hooks' lessons {ours}")
                print(f"    ezglossary: {theirs} term links in the lessons, as many as the hooks add")
            if checked:
                links, on_pages, seconds = checked.groups()
                print(f"    link validation in the build: {links} links on {on_pages} pages in {seconds} s")
                if arguments.serve:
                    # One entry edited under serve, against the full builds above; plain MkDocs does the same with
                    # the term's page in the baseline, since its rebuilds have costs of their own (a fresh site).
                    entry = sorted((kb / "glossary").glob("*.yml"))[terms // 2]
                    ours = serve_rebuild_seconds(kb, entry, env, arguments.edits)
                    theirs = serve_rebuild_seconds(
                        baseline, baseline / "docs" / "glossary" / f"{entry.stem}.md", env, arguments.edits
                    )
                    for name, (rebuilds, fulls) in (("seokb", ours), ("baseline", theirs)):
                        print(
                            f"    mkdocs serve, one glossary file edited ({name}): rebuilt in {', '.join(f'{r:.1f}' for r in rebuilds)} s; "
                            f"full builds in turn {', '.join(f'{f:.1f}' for f in fulls)} s (medians: rebuilds x{median(rebuilds) / median(fulls):.2f})"
                        )
                if arguments.linkchecker:
                    lc = linkchecker_seconds(kb / "site")
                    print(
                        f"    LinkChecker on the same site: {lc:.1f} s, x{lc / max(float(seconds), 1e-3):.0f} our validation time"
                    )
    if len(rows) > 1:
        (p1, b1, l1, w1, e1), (p2, b2, l2, w2, e2) = rows[0], rows[-1]
        print(
            f"growth from {p1} to {p2} pages (x{p2 / p1:.2f}): seokb x{w2 / w1:.2f}, baseline x{b2 / b1:.2f}, links by hand x{l2 / l1:.2f}"
            + (f", ezglossary x{e2 / e1:.2f}" if peer else "")
        )


if __name__ == "__main__":
    main()
