"""The hostile corpus: contributions an attacker (or a careless paste) would send, each with what must happen to it.

Every case names the files it writes and the exact `path:line: message` lines `seokb check` (and so every build)
must print for them. Each class of hole from the security review has several cases; most come from real attacks
on Markdown renderers (entity-encoded schemes, attribute lists, tags CommonMark does not see, title breakouts)."""

from __future__ import annotations

from conftest import entry

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
            "glossary/backlink.yml:1: the file is 293 KB; a file here may be at most 256 KB",
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
    # 9. a name that would end the page's JSON-LD <script> (the build escapes it too: test_hostile_input.py)
    (
        "script breakout in a term's name",
        {T: entry(term='"x</script><script>alert(1)</script>"')},
        [
            "glossary/backlink.yml:2: term: raw HTML '</script>' is not allowed; write plain text",
        ],
    ),
]
