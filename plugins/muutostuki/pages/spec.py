"""What a generated page is: where it goes, which template draws it, what it shows."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass
class PageSpec:
    """One page the engine adds to the site.

    `src_uri` is where the page pretends to live in the docs tree (so relative links in its
    Markdown resolve), `dest_uri` where it is written, `markdown` what MkDocs renders into
    `page.content`, `context` what its template reads.
    """

    src_uri: str
    template: str
    title: str
    dest_uri: str | None = None
    markdown: str | None = ""          # None: keep the hand-written file's own Markdown
    context: dict[str, Any] = field(default_factory=dict)
    description: str | Callable[[], str] = ""  # a callable is asked after rendering
    searchable: bool = False          # indexed by search (posts, events, regions)
    on_html: Callable[[str], None] | None = None  # receives the rendered Markdown
    feeds: list[tuple[str, str, str]] = field(default_factory=list)  # (type, title, site-relative url)
    og_type: str = "website"          # "article" for posts, "event" for events
    image: str = ""                    # site-relative path or absolute URL of the page's image
    image_alt: str = ""
    # schema.org objects, serialised safely in the head (partials/mt-meta.html); an item may also be a
    # callable taking the BuildContext, asked at render time (after the page's HTML exists)
    jsonld: list[dict | Callable[[Any], dict]] = field(default_factory=list)
    breadcrumbs: list[tuple[str, str]] = field(default_factory=list)  # (title, site-relative url), home first


@dataclass
class Pagination:
    """One page of a paginated listing."""

    items: list
    number: int
    count: int
    url: str           # site-relative URL of this page
    first_url: str
    prev_url: str | None
    next_url: str | None
    urls: list[str]

    @property
    def is_first(self) -> bool:
        return self.number == 1


def paginate(items: list, per_page: int, base_url: str) -> list[Pagination]:
    """Split a listing: base_url/, base_url/sivu/2/, ... (at least one page, even if empty)."""
    count = max(1, -(-len(items) // per_page))
    urls = [base_url if n == 1 else f"{base_url}sivu/{n}/" for n in range(1, count + 1)]
    return [
        Pagination(items=items[(n - 1) * per_page: n * per_page], number=n, count=count, url=urls[n - 1],
                   first_url=urls[0], prev_url=urls[n - 2] if n > 1 else None,
                   next_url=urls[n] if n < count else None, urls=urls)
        for n in range(1, count + 1)
    ]


def src_for(url: str) -> str:
    """Directory URL -> the src_uri MkDocs maps to it: blogi/sivu/2/ -> blogi/sivu/2/index.md."""
    return f"{url}index.md" if url else "index.md"
