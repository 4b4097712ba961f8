"""Who writes and what about: one page per author (their posts and feed) and one per tag (keyword)."""
from __future__ import annotations

from ..content.site import Site
from ..feeds.writer import author_feed_path
from .blog import BLOG_URL, listing_pages
from .spec import PageSpec, src_for

AUTHORS_URL = f"{BLOG_URL}kirjoittajat/"
TAGS_URL = f"{BLOG_URL}avainsanat/"


def author_pages(site: Site, per_page: int) -> list[PageSpec]:
    """Every author with at least one post on the site; their page lists the posts, newest first."""
    specs = []
    authors = []
    for author_id, posts in site.posts_by_author.items():
        author = site.authors.get(author_id)
        if author is None or not author.page_url:
            continue
        authors.append((author, len(posts)))
        feed = author_feed_path(author.page_url)
        about = ", ".join(part for part in (author.role, author.organisation) if part)
        pages = listing_pages(posts, author.page_url, author.name, per_page,
                               intro=f"{author.name}{', ' + about if about else ''}: kirjoitukset blogissa.",
                               parents=[("Kirjoittajat", AUTHORS_URL)], template="muutostuki/author.html",
                               feeds=[("rss", f"Kirjoittaja: {author.name}", feed)],
                               extra={"author": author, "author_feed": feed})
        pages[0].searchable = True  # the first page's header: a name finds its author
        specs += pages
    authors.sort(key=lambda item: item[0].name.lower())
    specs.append(PageSpec(
        src_uri=src_for(AUTHORS_URL), template="muutostuki/people-index.html", title="Kirjoittajat",
        description="Järjestöjen sote-muutostuen blogin kirjoittajat.",
        breadcrumbs=[("Etusivu", ""), ("Blogi", BLOG_URL), ("Kirjoittajat", AUTHORS_URL)],
        context={"heading": "Kirjoittajat", "entries": [(a.name, a.page_url, n, ", ".join(
            p for p in (a.role, a.organisation) if p)) for a, n in authors]},
    ))
    return specs


def tag_pages(site: Site, per_page: int) -> list[PageSpec]:
    specs = []
    tags = sorted(site.tags.values(), key=lambda t: t.name.lower())
    for tag in tags:
        specs += listing_pages(tag.posts, tag.url, f"Avainsana: {tag.name}", per_page,
                               intro=f"Kirjoitukset, joiden avainsana on {tag.name}.",
                               parents=[("Avainsanat", TAGS_URL)])
    specs.append(PageSpec(
        src_uri=src_for(TAGS_URL), template="muutostuki/people-index.html", title="Avainsanat",
        description="Blogin kirjoitukset avainsanoittain.",
        breadcrumbs=[("Etusivu", ""), ("Blogi", BLOG_URL), ("Avainsanat", TAGS_URL)],
        context={"heading": "Avainsanat", "entries": [(t.name, t.url, len(t.posts), "") for t in tags]},
    ))
    return specs


def people_pages(ctx) -> list[PageSpec]:
    """The page generator registered in pages/registry.py."""
    per_page = ctx.options.posts_per_page
    return author_pages(ctx.site, per_page) + tag_pages(ctx.site, per_page)
