"""The hostile corpus: contributions an attacker (or a careless paste) would send, each with what must happen to it.

Every case names the files it writes and the exact `path:line: message` lines `seokb check` (and so every build)
must print for them. Each class of hole from the security review has several cases; most come from real attacks
on Markdown renderers (entity-encoded schemes, attribute lists, tags CommonMark does not see, title breakouts)."""

from __future__ import annotations

from support.project import entry

T = "glossary/backlink.yml"
Q = "quizzes/a-quiz.yml"
L = "docs/lessons/a-lesson.md"

QUIZ = """# yaml-language-server: $schema=../hooks/seokb/schema/quiz.schema.json
title: {title}
description: {description}
intro: {intro}
questions:
  - type: single
    prompt: Which one?
    options:
      - text: {text}
        correct: true
        explain: {explain}
      - text: The other one.
        correct: false
        explain: Because.
"""


DIAGRAM = """alt: Two boxes.
caption: One arrow.
rows:
  - boxes:
      - id: a
        title: A
  - boxes:
      - id: b
        title: B
"""


def quiz(title="A quiz", description="A quiz about links.", intro="Read this first.", text="This one.", explain="Because it is."):
    return QUIZ.format(title=title, description=description, intro=intro, text=text, explain=explain)


def lesson(body: str, front: str = "") -> str:
    return f"---\ndescription: A lesson of the fixture site.\n{front}---\n# Lesson\n\n{body}\n"


def definition(text: str) -> str:
    return entry(definition="|\n  " + text.replace("\n", "\n  "))


REFUSED: list[tuple[str, dict[str, str | bytes], list[str]]] = [
    # 1. attribute lists in any Markdown field
    (
        "attr_list on an image",
        {T: definition('![x](y.png){ onerror="alert(1)" }')},
        [
            "glossary/backlink.yml:5: definition: attribute lists ('{ ... }') are not allowed in contributions; remove the braces",
            "glossary/backlink.yml:5: definition: images are not allowed in contributions yet; describe the picture in words",
        ],
    ),
    (
        "attr_list on a paragraph",
        {T: definition('Text.\n{: onclick="alert(1)" }')},
        [
            "glossary/backlink.yml:6: definition: attribute lists ('{ ... }') are not allowed in contributions; remove the braces",
        ],
    ),
    (
        "attr_list with an encoded href",
        {T: definition('[x](a.md){ href="&#106;avascript:alert(1)" }')},
        [
            "glossary/backlink.yml:5: definition: 'javascript:' links are not allowed; link to an https page instead",
            "glossary/backlink.yml:5: definition: attribute lists ('{ ... }') are not allowed in contributions; remove the braces",
        ],
    ),
    (
        "attr_list in a mistake",
        {T: entry(mistakes='\n  - "A mistake {: onmouseover=alert(1) }"')},
        [
            "glossary/backlink.yml:15: mistakes item 1: attribute lists ('{ ... }') are not allowed in contributions; remove the braces",
        ],
    ),
    (
        "attr_list in a quiz explanation",
        {Q: quiz(explain='"Because {: onclick=alert(1) }"')},
        [
            "quizzes/a-quiz.yml:11: questions item 1, options item 1, explain: attribute lists ('{ ... }') are not allowed in contributions; remove the braces",
        ],
    ),
    # 2. entity-encoded and obfuscated schemes
    (
        "decimal entity in the scheme",
        {T: definition("[x](&#106;avascript:alert(1))")},
        [
            "glossary/backlink.yml:5: definition: 'javascript:' links are not allowed; link to an https page instead",
        ],
    ),
    (
        "entity for the colon",
        {T: definition("[x](javascript&#58;alert(1))")},
        [
            "glossary/backlink.yml:5: definition: 'javascript:' links are not allowed; link to an https page instead",
        ],
    ),
    (
        "hex entity in the scheme",
        {T: definition("[x](j&#x61;vascript:alert(1))")},
        [
            "glossary/backlink.yml:5: definition: 'javascript:' links are not allowed; link to an https page instead",
        ],
    ),
    (
        "named entity tab in the scheme",
        {T: definition("[x](java&Tab;script:alert(1))")},
        [
            "glossary/backlink.yml:5: definition: 'javascript:' links are not allowed; link to an https page instead",
        ],
    ),
    (
        "upper-case scheme",
        {T: definition("[x](JaVaScRiPt:alert(1))")},
        [
            "glossary/backlink.yml:5: definition: 'javascript:' links are not allowed; link to an https page instead",
        ],
    ),
    (
        "vbscript",
        {T: definition("[x](vbscript:msgbox(1))")},
        [
            "glossary/backlink.yml:5: definition: 'vbscript:' links are not allowed; link to an https page instead",
        ],
    ),
    (
        "data URL",
        {T: definition("[x](data:text/html;base64,PHNjcmlwdD4=)")},
        [
            "glossary/backlink.yml:5: definition: 'data:' links are not allowed; link to an https page instead",
        ],
    ),
    (
        "script link in a reference definition",
        {T: definition("[x][1]\n\n[1]: javascript:alert(1)")},
        [
            "glossary/backlink.yml:7: definition: 'javascript:' links are not allowed; link to an https page instead",
        ],
    ),
    (
        "script link in a quiz option",
        {Q: quiz(text='"[x](&#106;avascript:alert(1))"')},
        [
            "quizzes/a-quiz.yml:9: questions item 1, options item 1, text: 'javascript:' links are not allowed; link to an https page instead",
        ],
    ),
    # 3. tags CommonMark reads as text
    (
        "svg onload",
        {T: definition("<svg/onload=alert(1)>")},
        [
            "glossary/backlink.yml:5: definition: raw HTML '<svg' is not allowed; contributions are Markdown only",
        ],
    ),
    (
        "details ontoggle",
        {T: definition("<details/open/ontoggle=alert(1)>")},
        [
            "glossary/backlink.yml:5: definition: raw HTML '<details' is not allowed; contributions are Markdown only",
        ],
    ),
    (
        "img in a quiz intro",
        {Q: quiz(intro='"<img/src=x onerror=alert(1)>"')},
        [
            "quizzes/a-quiz.yml:4: intro: raw HTML '<img' is not allowed; contributions are Markdown only",
        ],
    ),
    (
        "pasted formatting: one message per line, with the Markdown to use",
        {T: definition('A <b>bold</b> <a href="https://x.org/">link</a>.')},
        [
            "glossary/backlink.yml:5: definition: raw HTML '<b> </b> <a href=\"https://x.org/\"> </a>' is not allowed; contributions are Markdown only: write **bold**, [text](https://...) instead",
        ],
    ),
    (
        "script tag",
        {T: definition("<script>alert(1)</script>")},
        [
            "glossary/backlink.yml:5: definition: raw HTML '<script>alert(1)</script>' is not allowed; contributions are Markdown only",
        ],
    ),
    (
        "iframe srcdoc",
        {T: entry(example='|\n  <iframe srcdoc="<script>alert(1)</script>"></iframe>')},
        [
            "glossary/backlink.yml:9: example: raw HTML '<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>' is not allowed; contributions are Markdown only",
        ],
    ),
    # 4. title breakouts
    (
        "term title breakout",
        {T: entry(term='"Zz </title/><img/src=x onerror=alert(1)>"')},
        [
            "glossary/backlink.yml:2: term: raw HTML '</title' is not allowed; write plain text",
        ],
    ),
    (
        "quiz title breakout",
        {Q: quiz(title='"Zz </title><script>alert(1)</script>"')},
        [
            "quizzes/a-quiz.yml:2: title: raw HTML '</title>' is not allowed; write plain text",
        ],
    ),
    # 5. description breakouts
    (
        "short attribute breakout",
        {T: entry(short="'\"><img/src=x onerror=alert(1)>'")},
        [
            "glossary/backlink.yml:3: short: raw HTML '<img' is not allowed; write plain text",
        ],
    ),
    (
        "quiz description breakout",
        {Q: quiz(description="'\"><svg/onload=alert(1)>'")},
        [
            "quizzes/a-quiz.yml:3: description: raw HTML '<svg' is not allowed; write plain text",
        ],
    ),
    # 6. source URL injection
    (
        "source URL closes the Markdown link",
        {T: entry(sources="\n  - title: A page\n    url: https://example.org/x){onmouseover=alert(1)}")},
        [
            "glossary/backlink.yml:13: sources item 1, url: 'https://example.org/x){onmouseover=alert(1)}' contains ')'; percent-encode it ('%20' for a space, '%28' and '%29' for brackets) or leave it out",
        ],
    ),
    (
        "source URL with a quote",
        {T: entry(sources="\n  - title: A page\n    url: 'https://example.org/\"onmouseover=\"alert(1)'")},
        [
            "glossary/backlink.yml:13: sources item 1, url: 'https://example.org/\"onmouseover=\"alert(1)' contains '\"'; percent-encode it ('%20' for a space, '%28' and '%29' for brackets) or leave it out",
        ],
    ),
    (
        "source URL with a space",
        {T: entry(sources="\n  - title: A page\n    url: https://example.org/a b")},
        [
            "glossary/backlink.yml:13: sources item 1, url: 'https://example.org/a b' is not an https URL; sources must start with https://",
        ],
    ),
    (
        "protocol-relative link in a field",
        {T: definition("[x](//evil.example/)")},
        [
            "glossary/backlink.yml:5: definition: link '//evil.example/' has no scheme; write https://",
        ],
    ),
    # 7. snippet includes
    (
        "snippet of the config",
        {T: definition('--8<-- "mkdocs.yml"')},
        [
            "glossary/backlink.yml:5: definition: snippet includes ('--8<--') are not allowed in contributions; write the text out",
        ],
    ),
    (
        "snippet of a missing file",
        {T: entry(example='|\n  ;--8<-- "missing.txt"')},
        [
            "glossary/backlink.yml:9: example: snippet includes ('--8<--') are not allowed in contributions; write the text out",
        ],
    ),
    # 8. look-alike names
    (
        "zero-width space in a name",
        {T: entry(term="Back\u200blink"), "glossary/other.yml": entry("other", term="Backlink")},
        [
            "glossary/backlink.yml:2: term: contains U+200B ZERO WIDTH SPACE, which a reader cannot see; delete it",
        ],
    ),
    (
        "bidi override in an alias",
        {T: entry(aliases='["link\u202ekcab"]')},
        [
            "glossary/backlink.yml:3: aliases item 1: contains U+202E RIGHT-TO-LEFT OVERRIDE, which a reader cannot see; delete it",
        ],
    ),
    (
        "a name of invisible characters",
        {T: entry(term='"\u3164\u3164"')},
        [
            "glossary/backlink.yml:2: term: contains U+3164 HANGUL FILLER, which a reader cannot see; delete it",
        ],
    ),
    (
        "NFD beside NFC",
        {T: entry(term="Caf\u00e9 SEO"), "glossary/cafe-seo.yml": entry("cafe-seo", term="Cafe\u0301 SEO")},
        [
            # No git here: neither file is known to be the newer one, so both are told.
            "glossary/backlink.yml:2: term: 'Café SEO' is also claimed by glossary/cafe-seo.yml:2 ('Café SEO'); a name can lead to one entry only",
            "glossary/cafe-seo.yml:2: term: 'Café SEO' is already claimed by glossary/backlink.yml:2 ('Café SEO'); a name can lead to one entry only",
        ],
    ),
    (
        "soft hyphen in a short",
        {T: entry(short="A link from an\u00adother site.")},
        [
            "glossary/backlink.yml:3: short: contains U+00AD SOFT HYPHEN, which a reader cannot see; delete it",
        ],
    ),
    # 9. files that crash a parser
    (
        "not UTF-8",
        {T: b"term: Backlink\nshort: caf\xe9\n"},
        [
            "glossary/backlink.yml:2: the file is not UTF-8 text: byte 0xE9 at column 11 cannot be read; save the file as UTF-8 in your editor",
        ],
    ),
    (
        "deeply nested YAML",
        {T: "term: " + "[" * 3000 + "]" * 3000 + "\n"},
        [
            "glossary/backlink.yml:1: values are nested more than 12 levels deep; an entry or a quiz never needs that",
        ],
    ),
    (
        "a BEL byte on line 4",
        {T: entry(definition="|\n  Line one.\n  Bell \x07 here.")},
        [
            "glossary/backlink.yml:6: column 8: U+0007 BELL is a control character YAML cannot read; delete it",
        ],
    ),
    (
        "a NUL byte",
        {T: entry(short="A short\x00 line.")},
        [
            "glossary/backlink.yml:3: column 15: U+0000 NULL is a control character YAML cannot read; delete it",
        ],
    ),
    (
        "a file far too large",
        {T: entry(example="|\n  " + "word " * 60000)},
        [
            "glossary/backlink.yml:1: the file is 293 KB; a glossary entry may be at most 256 KB",
        ],
    ),
    # 10. credentials in URLs
    (
        "credentials in a source",
        {T: entry(sources="\n  - title: A page\n    url: https://user:pass@example.org/")},
        [
            "glossary/backlink.yml:13: sources item 1, url: 'https://user:pass@example.org/' contains a user name or password ('...@'); remove it before publishing the link",
        ],
    ),
    (
        "credentials in a link",
        {T: definition("[x](https://user:pass@example.org/)")},
        [
            "glossary/backlink.yml:5: definition: link 'https://user:pass@example.org/' contains a user name or password ('...@'); remove it before publishing the link",
        ],
    ),
    (
        "http source",
        {T: entry(sources="\n  - title: A page\n    url: http://example.org/")},
        [
            "glossary/backlink.yml:13: sources item 1, url: 'http://example.org/' is not an https URL; sources must start with https://",
        ],
    ),
    # 11. lesson markers
    (
        "marker with a space",
        {L: lesson("<!-- seokb: nonsense -->")},
        [
            "docs/lessons/a-lesson.md:6: unknown marker 'seokb:nonsense'; known markers: 'seokb:community', 'seokb:quiz', 'seokb:diagram'",
        ],
    ),
    (
        "marker in capitals",
        {L: lesson("<!-- SEOKB:unknown -->")},
        [
            "docs/lessons/a-lesson.md:6: unknown marker 'seokb:unknown'; known markers: 'seokb:community', 'seokb:quiz', 'seokb:diagram'",
        ],
    ),
    (
        "quiz marker inside a paragraph",
        {L: lesson("Try this <!-- seokb:quiz a-quiz --> now.")},
        [
            "docs/lessons/a-lesson.md:6: the marker '<!-- seokb:quiz a-quiz -->' must stand alone on its own line",
        ],
    ),
    (
        "misspelt marker",
        {L: lesson("<!-- seokb community -->")},
        [
            "docs/lessons/a-lesson.md:6: '<!-- seokb community -->' looks like a marker but is not one; write '<!-- seokb:community -->' or '<!-- seokb:quiz <id> -->'",
        ],
    ),
    # lessons: raw HTML and script
    (
        "raw HTML in a lesson",
        {L: lesson('<div class="x">Hi</div>')},
        [
            "docs/lessons/a-lesson.md:6: raw HTML '<div class=\"x\">Hi</div>' needs a reason: add 'raw_html: \"why this page needs it\"' to the front matter, or write Markdown",
        ],
    ),
    (
        "script in a lesson, even with a reason",
        {L: lesson("<script>alert(1)</script>", front='raw_html: "a form"\n')},
        [
            "docs/lessons/a-lesson.md:7: the page renders a <script> element; pages may not run or embed script",
        ],
    ),
    (
        "script link in a lesson",
        {L: lesson("[x](&#106;avascript:alert(1))")},
        [
            "docs/lessons/a-lesson.md:6: 'javascript:' links are not allowed; link to an https page instead",
        ],
    ),
    # 12. hijacked names (issue 30): the linker reads each of these as another entry's words, or as every lesson's
    (
        "punctuation the linker reads past",
        {T: entry(), "glossary/intruder.yml": entry("intruder", aliases='["Backlink!"]')},
        [
            # No git here: neither file is known to be the newer, so both are told (tests/content/test_names.py has git).
            "glossary/backlink.yml:2: term: 'Backlink' is also claimed by glossary/intruder.yml:3 ('Backlink!') (both link the words 'backlink'); a name can lead to one entry only",
            "glossary/intruder.yml:3: aliases: 'Backlink!' is already claimed by glossary/backlink.yml:2 ('Backlink') (both link the words 'backlink'); a name can lead to one entry only",
        ],
    ),
    (
        "a one-letter alias",
        {T: entry(aliases="[a]")},
        [
            "glossary/backlink.yml:3: aliases item 1: 'a' is shorter than 3 letters; an alias is linked wherever it appears, so a short one would link parts of every lesson",
        ],
    ),
    (
        "a stop word as an alias",
        {T: entry(aliases="[The]")},
        [
            "glossary/backlink.yml:3: aliases item 1: 'The' is a common word; an alias is linked wherever it appears, so it would link the first 'the' of every lesson",
        ],
    ),
    (
        "stop words as an alias",
        {T: entry(aliases='["of the links"]')},
        [
            "glossary/backlink.yml:3: aliases item 1: 'of the links' is a common word; an alias is linked wherever it appears, so it would link the first 'of the link' of every lesson",
        ],
    ),
    (
        "a Cyrillic letter in a Latin name",
        {T: entry(), "glossary/other.yml": entry("other", term="\u0412acklink")},
        [
            "glossary/other.yml:2: term: '\u0412acklink' mixes Cyrillic and Latin letters in one word, the way a look-alike of another name is made; write each word in one alphabet",
        ],
    ),
    (
        "a name all in Cyrillic look-alikes",
        {T: entry(term="Bay"), "glossary/other.yml": entry("other", term="\u0412\u0430\u0443")},
        [
            "glossary/other.yml:2: term: '\u0412\u0430\u0443' looks like 'Bay' (glossary/backlink.yml:2) but is spelled with other letters; a look-alike name would pass for that entry; write the name in its own letters",
        ],
    ),
    (
        "fullwidth letters",
        {T: entry(), "glossary/other.yml": entry("other", term="\uff22\uff41\uff43\uff4b\uff4c\uff49\uff4e\uff4b")},
        [
            "glossary/other.yml:2: term: '\uff22\uff41\uff43\uff4b\uff4c\uff49\uff4e\uff4b' is written with U+FF22 FULLWIDTH LATIN CAPITAL LETTER B, a look-alike form of 'B'; write it with ordinary characters: 'Backlink'",
        ],
    ),
    (
        "mathematical letters",
        {T: entry(), "glossary/other.yml": entry("other", aliases='["\U0001d401acklink"]')},
        [
            "glossary/other.yml:3: aliases item 1: '\U0001d401acklink' is written with U+1D401 MATHEMATICAL BOLD CAPITAL B, a look-alike form of 'B'; write it with ordinary characters: 'Backlink'",
        ],
    ),
    (
        "a pile of combining marks",
        {T: entry(term="x" + "\u0301" * 40)},
        [
            "glossary/backlink.yml:2: term: has 40 combining marks on one letter; a name may stack at most 2",
        ],
    ),
    (
        "an 80-code-point name",
        {T: entry(term="B" + "\u0301" * 79)},
        [
            "glossary/backlink.yml:2: term: has 79 combining marks on one letter; a name may stack at most 2",
            "glossary/backlink.yml:2: term: is 80 characters; the limit is 60",
        ],
    ),
    # 13. files at the engine's own addresses
    (
        "glossary/index.yml",
        {"glossary/index.yml": entry("index")},
        [
            "glossary/index.yml:1: 'index.yml' cannot be an entry: its page would be glossary/index.md, the engine's A-Z index; rename the file after the term, like 'anchor-text.yml'",
        ],
    ),
    (
        "quizzes/index.yml",
        {"quizzes/index.yml": quiz()},
        [
            "quizzes/index.yml:1: 'index.yml' cannot be a quiz: its page would be quizzes/index.md, the engine's list of quizzes; rename the file after what the quiz tests, like 'choosing-anchor-text.yml'",
        ],
    ),
    # 15. addresses outside the site or on the engine's files (issue 30): refused before anything is written
    (
        "a redirect from '...md', the address '../'",
        {L: lesson("Text.", front="redirect_from: [...md]\n")},
        [
            "docs/lessons/a-lesson.md:3: redirect_from: '...md' is the address '../', outside the site; write the page's old path in docs/, like lessons/old-name.md",
        ],
    ),
    (
        "a redirect onto the home page's file",
        {L: lesson("Text.", front="redirect_from: [lessons/...md]\n")},
        [
            "docs/lessons/a-lesson.md:3: redirect_from: 'lessons/...md' is the address 'lessons/../', outside the site; write the page's old path in docs/, like lessons/old-name.md",
        ],
    ),
    (
        "a redirect to a hidden folder",
        {L: lesson("Text.", front="redirect_from: [.git/hooks.md]\n")},
        [
            "docs/lessons/a-lesson.md:3: redirect_from: '.git/hooks.md' is not a page's old file name; write its path in docs/ with .md, like lessons/old-name.md",
        ],
    ),
    # 14. limits: what would keep the build busy, or a reader's page heavy
    (
        "too many aliases",
        {T: entry(aliases="[" + ", ".join(f"alias number {n}" for n in range(11)) + "]")},
        [
            "glossary/backlink.yml:3: aliases: has 11 items; the limit is 10",
        ],
    ),
    (
        "a long alias",
        {T: entry(aliases="[" + "x" * 61 + "]")},
        [
            "glossary/backlink.yml:3: aliases item 1: is 61 characters; the limit is 60",
        ],
    ),
    (
        "too many questions",
        {Q: quiz().replace("questions:\n", "questions:\n" + quiz().split("questions:\n")[1] * 30)},
        [
            "quizzes/a-quiz.yml:6: questions: has 31 items; the limit is 30",
        ],
    ),
    (
        "too many answers",
        {
            Q: quiz().replace(
                "    options:\n",
                "    options:\n"
                + "".join(f"      - text: More {n}.\n        correct: false\n        explain: No.\n" for n in range(9)),
            )
        },
        [
            "quizzes/a-quiz.yml:9: questions item 1, options: has 11 items; the limit is 10",
        ],
    ),
    (
        "too many arrows",
        {"diagrams/many.yml": DIAGRAM + "arrows:\n" + "  - from: a\n    to: b\n" * 41},
        [
            "diagrams/many.yml:11: arrows: has 41 items; the limit is 40",
        ],
    ),
    # 9. a name that would end the page's JSON-LD <script> (the build escapes it too: test_hostile_input.py)
    (
        "script breakout in a term's name",
        {T: entry(term='"x</script><script>alert(1)</script>"')},
        [
            "glossary/backlink.yml:2: term: raw HTML '</script>' is not allowed; write plain text",
        ],
    ),
]

# 15 (continued). A redirect onto each file or folder the build writes beside the pages.
REFUSED += [
    (
        f"a redirect onto {name}",
        {L: lesson("Text.", front=f"redirect_from: [{name}.md]\n")},
        [
            f"docs/lessons/a-lesson.md:3: {name}/ is where the build writes {taken}: a redirect there would overwrite it; list only names the page really had",
        ],
    )
    for name, taken in [
        ("feed.xml", "feed.xml"),
        ("glossary.json", "glossary.json"),
        ("sitemap.xml", "sitemap.xml"),
        ("robots.txt", "robots.txt"),
        ("404.html", "404.html"),
        ("oembed/x", "oembed/"),
        ("search/search_index.json", "search/"),
        ("assets/seokb/site.css", "assets/"),
    ]
]
