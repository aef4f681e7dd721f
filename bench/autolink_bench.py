"""Times autolink() on the same pages with 40 and with 5000 synthetic terms: the cost should follow the text, not the glossary."""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))

from seokb.content.glossary import load_glossary  # noqa: E402
from seokb.content.model import Glossary, Term  # noqa: E402
from seokb.diagnostics import Diagnostics  # noqa: E402
from seokb.links.autolink import TermMatcher, autolink  # noqa: E402

PAGES = 20
WORDS_PER_PAGE = 600
RUNS = 5
SYLLABLES = ("ka", "lo", "mi", "ru", "ze", "ta", "vo", "ne", "sh", "pu", "gri", "dax", "bel", "on", "yu", "tor")
FILLER = (
    "the a of to and in that is for it on with as your site page pages search people readers google this from by "
    "more which one most about what when some other good new write useful guide post content rank links link words "
    "time work every first often because than only their them they would could should can will get make see find"
).split()


def pseudo_word(number: int) -> str:
    """A made-up word per number (four syllables, base 16), so synthetic names never collide with prose."""
    return "".join(SYLLABLES[(number >> shift) & 15] for shift in (12, 8, 4, 0))


def synthetic_terms(count: int) -> list[Term]:
    return [
        Term(
            slug=f"synthetic-{i}",
            term=" ".join(pseudo_word(i * 4 + k) for k in range(i % 3 + 1)),
            short="A synthetic term.",
            definition="",
            example="",
            category="basics",
            sources=(),
        )
        for i in range(count)
    ]


def synthetic_pages(real: Glossary, mentioned: list[Term], rng: random.Random) -> list[str]:
    names = [name for term in [*real, *mentioned] for name in term.names]
    pages = []
    for _ in range(PAGES):
        blocks, words = [f'<h1 id="t">{rng.choice(names).capitalize()}</h1>'], 0
        while words < WORDS_PER_PAGE:
            sentences = []
            for _ in range(rng.randint(2, 5)):
                filler = rng.choices(FILLER, k=rng.randint(6, 16))
                filler.insert(rng.randrange(len(filler)), rng.choice(names) + rng.choice(("", "s", "'s")))
                if rng.random() < 0.2:
                    filler.insert(rng.randrange(len(filler)), f"<code>{rng.choice(FILLER)}</code>")
                if rng.random() < 0.2:
                    filler.insert(rng.randrange(len(filler)), f'<a href="../x/">{rng.choice(names)}</a>')
                if rng.random() < 0.1:
                    filler.insert(rng.randrange(len(filler)), "&amp;")
                sentences.append(" ".join(filler).capitalize() + ".")
                words += len(filler)
            kind = rng.random()
            if kind < 0.7:
                blocks.append(f"<p>{' '.join(sentences)}</p>")
            elif kind < 0.9:
                blocks.append("<ul>\n" + "\n".join(f"<li>{s}</li>" for s in sentences) + "\n</ul>")
            else:
                blocks.append(
                    f'<div class="admonition tip">\n<p class="admonition-title">Tip</p>\n<p>{" ".join(sentences)}</p>\n</div>'
                )
        pages.append("\n".join(blocks) + "\n")
    return pages


def median_seconds(run) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    real = load_glossary(REPO, Diagnostics())
    synthetic = synthetic_terms(5000)
    # Pages mention some of the first 40 synthetic terms, which both glossaries hold, so both link the same.
    pages = synthetic_pages(real, synthetic[:40], random.Random(20240611))
    words = sum(len(page.split()) for page in pages)
    print(f"autolink: {PAGES} pages, {words} words in all; real glossary: {len(real)} terms; median of {RUNS} runs")
    print(f"{'synthetic':>9} {'terms':>6} {'build matcher':>14} {'autolink, all pages':>20}")
    results = {}
    for count in (40, 5000):
        glossary = Glossary((*real, *synthetic[:count]))
        build = median_seconds(lambda: TermMatcher(glossary))
        matcher = TermMatcher(glossary)

        def link_all() -> None:
            for page in pages:
                autolink(page, matcher, lambda term: f"../glossary/{term.slug}/")

        seconds = median_seconds(link_all)
        results[count] = seconds
        print(f"{count:>9} {len(glossary):>6} {build:>12.4f} s {seconds:>18.4f} s")
    print(f"ratio 5000/40 (autolink): {results[5000] / results[40]:.2f}")


if __name__ == "__main__":
    main()
