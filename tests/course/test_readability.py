"""The course stays easy to read (issue 18): bench/readability.py measures it with textstat."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def readability():
    """bench/readability.py, imported where these tests run only: textstat loads its dictionaries on import (1.5 s),
    which every pytest-xdist worker paid while collecting."""
    sys.path.insert(0, str(REPO / "bench"))
    import readability

    return readability


def test_the_course_is_within_the_readability_limits(readability) -> None:
    report = readability.measure(readability.read_tree(None))
    assert len(report.lessons) == 10 and len(report.short) >= 35
    assert report.problems() == []


def test_plain_text_keeps_what_a_reader_reads(readability) -> None:
    markdown = (
        '---\ndescription: x\n---\n# Title\n\n!!! tip "A tip"\n    Read [the guide](g.md) now\n\n'
        "```text\nnot prose\n```\n\n| a | b |\n| --- | --- |\n| One cell | Two |\n\n- an item\n<!-- seokb:quiz q -->\n"
        'Use `rel="sponsored"` here.'
    )
    assert readability.plain_text(markdown) == "Read the guide now. a. b. One cell. Two. an item. Use code here."


def test_a_hard_sentence_goes_over_the_limit(readability) -> None:
    hard = "Comprehensive interdisciplinary considerations necessitate sophisticated organizational methodologies."
    report = readability.Report(lessons={"x": 90.0}, short={"x": 3.0, "y": 3.0}, why={"x": 3.0})
    assert report.problems() == []
    report.short["z"] = readability.textstat.flesch_kincaid_grade(hard)
    assert report.short["z"] > readability.GLOSSARY_GRADE_MAX
    assert [p for p in report.problems() if "z (short)" in p]


@pytest.mark.parametrize("word, syllables", [("backlink", 2), ("readability", 5)])
def test_syllables_come_from_the_cmu_dictionary_offline(readability, word: str, syllables: int) -> None:
    assert readability.textstat.syllable_count(word) == syllables
