"""Where every page the engine knows lives: its Markdown name (src_uri), its URL, and the file a contributor edits.

The one place that knows `glossary/<slug>/`: every other module asks here, so a change of URL scheme is one edit.
"""

from __future__ import annotations

import posixpath
from urllib.parse import urljoin, urlsplit

GLOSSARY_INDEX = "glossary/index.md"
GLOSSARY_URL = "glossary/"
QUIZ_INDEX = "quizzes/index.md"
REVIEW_PAGE = "review.md"  # the review deck, /review/
CHEAT_SHEET_PAGE = "cheat-sheet.md"  # the printable cheat sheet, /cheat-sheet/
CHECKLIST_LESSON = "high-quality-backlinks"  # the lesson holding the link checklist and Google's link-spam list


def term_src(slug: str) -> str:
    """'backlink' -> 'glossary/backlink.md', the generated page's name in the build."""
    return f"glossary/{slug}.md"


def term_url(slug: str) -> str:
    """'backlink' -> 'glossary/backlink/', relative to the site root."""
    return f"glossary/{slug}/"


def term_source(slug: str) -> str:
    """'backlink' -> 'glossary/backlink.yml', the file a contributor edits."""
    return f"glossary/{slug}.yml"


def term_slug(src_uri: str) -> str | None:
    """The term a page is about: 'glossary/backlink.md' -> 'backlink'; None for the A-Z index and any other page,
    including a page in a folder under glossary/ (every term page is glossary/<slug>.md)."""
    return _page_name_in("glossary", src_uri)


def _page_name_in(folder: str, src_uri: str) -> str | None:
    """'<folder>/<name>.md' -> name; None for the folder's index, a page in a folder below, or any other page."""
    top, _, name = src_uri.partition("/")
    if top == folder and name.endswith(".md") and "/" not in name and name != "index.md":
        return name[: -len(".md")]
    return None


def quiz_src(quiz_id: str) -> str:
    return f"quizzes/{quiz_id}.md"


def quiz_id_of(src_uri: str) -> str | None:
    """'quizzes/judge-a-forum-link.md' -> 'judge-a-forum-link'; None for the quiz list and any other page."""
    return _page_name_in("quizzes", src_uri)


def lesson_src(slug: str) -> str:
    return f"lessons/{slug}.md"


def lesson_slug(src_uri: str) -> str | None:
    """'lessons/what-is-a-backlink.md' -> 'what-is-a-backlink'; None for any other page."""
    return _page_name_in("lessons", src_uri)


def lesson_url(slug: str) -> str:
    return f"lessons/{slug}/"


def is_lesson(src_uri: str) -> bool:
    """A page of the course's lessons folder (docs/lessons/), which the navigation numbers."""
    return src_uri.startswith("lessons/")


def is_quiz_page(src_uri: str) -> bool:
    """A quiz's own page or the quiz list."""
    return src_uri.startswith("quizzes/")


def markdown_link(from_src: str, to_src: str) -> str:
    """A Markdown link between two pages, by their names: ('quizzes/x.md', 'lessons/y.md') -> '../lessons/y.md'."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


def source_path(src_uri: str) -> str | None:
    """The file a contributor edits for a page the engine generates: the entry's or the quiz's YAML."""
    if (slug := term_slug(src_uri)) is not None:
        return term_source(slug)
    if (quiz_id := quiz_id_of(src_uri)) is not None:
        return f"quizzes/{quiz_id}.yml"
    return None


def page_url(src_uri: str) -> str:
    """The URL MkDocs gives a page with directory URLs: 'lessons/faq.md' -> 'lessons/faq/', 'index.md' -> ''."""
    stem = src_uri[: -len(".md")] if src_uri.endswith(".md") else src_uri
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
        return stem
    return stem + "/"


def relative_url(url: str, from_url: str) -> str:
    """`url` relative to the page at `from_url`, both site-relative and normalised ('glossary/backlink/',
    'lessons/faq/', the home page '' or './'), as MkDocs writes links: a directory URL keeps its slash, the page itself is './'.

    Segments are compared directly rather than through posixpath.relpath, which normalises both paths on every
    call: a build asks this for every generated link (45,000 times at 2,500 terms), and this is six times faster."""
    head, _, tail = from_url.rpartition("/")
    if "." in tail:  # a file, not a directory URL: links are relative to its folder
        from_url = head
    target, base = _segments(url), _segments(from_url)
    common = 0
    while common < len(target) and common < len(base) and target[common] == base[common]:
        common += 1
    relative = "/".join([".."] * (len(base) - common) + target[common:])
    if not relative:
        return "./"
    return relative + "/" if url.endswith("/") else relative


def _segments(url: str) -> list[str]:
    return [segment for segment in url.split("/") if segment not in ("", ".")]


def term_slug_of(href: str, page_url: str) -> str | None:
    """The term whose page a link on `page_url` leads to ('../glossary/backlink/' -> 'backlink'); None otherwise."""
    # Resolved against a dummy host: only the path of an internal link can name a term page.
    target = urlsplit(urljoin("https://site.invalid/" + page_url, href))
    if target.netloc != "site.invalid" or not target.path.startswith("/glossary/"):
        return None
    return term_slug(target.path.strip("/") + ".md")


CARD_DIR = "assets/cards"


def card_uri(page_url: str) -> str:
    """'glossary/backlink/' -> 'assets/cards/glossary/backlink.png'; the home page's card is index.png."""
    return f"{CARD_DIR}/{page_url.strip('/') or 'index'}.png"


def preview_image_address(card: str, content_key: str) -> str:
    """'assets/cards/glossary/backlink.png' and its card's content hash -> '...backlink.png?v=<12 hex digits>': the
    one rule for every preview's image address. Chat apps (Discord for about 30 minutes) cache a preview by its
    image's address, so a changed card gets a new one."""
    return f"{card}?v={content_key[:12]}"


def oembed_uri(page_url: str) -> str:
    """'glossary/backlink/' -> 'oembed/glossary/backlink.json': a static oEmbed answer per page."""
    path = page_url.strip("/")
    return f"oembed/{'index' if path in ('', '.') else path}.json"  # the home page's File.url is './'


# Every address the site has published, committed at the repository's root: a link shared in a chat stays there for
# good, so an address on this list must keep answering, with its page or a redirect to the page that replaced it.
PUBLISHED_FILE = "published-urls.txt"
HOME = "./"  # the home page's address in the list, as MkDocs gives index.md's File.url


def address(url: str) -> str:
    """A page's or file's address as the list writes it: site-relative, no leading slash; a folder's index.html is
    the folder ('glossary/old/index.html' -> 'glossary/old/'), and the home page is './'."""
    url = url.lstrip("/")
    if url == "index.html" or url in ("", "."):
        return HOME
    if url.endswith("/index.html"):
        return url[: -len("index.html")]
    return HOME if url == HOME else url


def redirect_file(old_url: str) -> str:
    """Where the redirect page for an old directory address is written: 'glossary/old/' -> 'glossary/old/index.html'."""
    return f"{old_url}index.html" if old_url.endswith("/") else old_url


def page_src_of(url: str) -> str:
    """The Markdown name a directory address had: 'lessons/old/' -> 'lessons/old.md', './' -> 'index.md'."""
    url = address(url)
    return "index.md" if url == HOME else url.rstrip("/") + ".md"


# What the engine, MkDocs and the theme write beside the pages: an address a redirect (or any generated page) takes
# there would overwrite the file, or fail the copy with FileExistsError half-way through writing the site.
ENGINE_FILES = (
    "404.html",
    "feed.xml",
    "glossary.json",
    "glossary.schema.json",
    "robots.txt",
    "sitemap.xml",
    "sitemap.xml.gz",
)
ENGINE_FOLDERS = ("assets/", "oembed/", "search/")  # theme and engine assets, cards, oEmbed answers, the search index


def outside_site(url: str) -> bool:
    """Whether a site-relative address leaves the output folder or names a hidden file: '../', 'lessons/../',
    '/etc/', '.git/'. Addresses are compared as written, so one that needs normalising is refused, not resolved."""
    if url == HOME:
        return False
    return url.startswith("/") or "\\" in url or any(part.startswith(".") for part in url.split("/") if part)


def engine_file_at(written: str, files: frozenset[str] = frozenset()) -> str | None:
    """The engine's file (or one of `files`, other files the build writes) that writing `written` would overwrite or
    turn into a folder: 'feed.xml/index.html' -> 'feed.xml', 'oembed/x/index.html' -> 'oembed/'; None when none."""
    taken = (*ENGINE_FILES, *files)
    parents = ["/".join(written.split("/")[:depth]) for depth in range(1, written.count("/") + 1)]
    for path in (written, *parents):
        if path in taken:
            return path
    return next((folder for folder in ENGINE_FOLDERS if written.startswith(folder)), None)
