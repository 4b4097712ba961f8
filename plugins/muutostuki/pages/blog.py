"""Blog pages: one page per post, the paginated index, year archives and category pages."""
from __future__ import annotations

from ..content.posts import Post
from ..content.site import Site
from .html_urls import rebase
from .excerpts import description, excerpt_html
from .related import event_statuses, related_posts
from .spec import PageSpec, paginate, src_for
from .structured_data import blog_posting

BLOG_URL = "blogi/"


def post_dest(post: Post) -> str:
    return f"{post.url}index.html"


def _attach_html(post: Post, base_path: str):
    def store(rendered: str) -> None:
        post.html = rendered
        post.excerpt_html = rebase(excerpt_html(rendered, post.summary), post.url, base_path)
        post.description = description(post.summary, rendered)
    return store


def post_pages(site: Site, base_path: str) -> list[PageSpec]:
    specs = []
    posts = site.posts  # newest first
    related = related_posts(site)
    statuses = event_statuses(site) if any(post.events for post in posts) else {}
    for i, post in enumerate(posts):
        newer = posts[i - 1] if i > 0 else None
        older = posts[i + 1] if i + 1 < len(posts) else None
        post.description = post.summary
        specs.append(PageSpec(
            src_uri=post.path, dest_uri=post_dest(post), template="muutostuki/post.html", title=post.title,
            markdown=post.body, searchable=not post.draft and post.is_public(site.build_time),
            on_html=_attach_html(post, base_path), og_type="article", image=post.image, image_alt=post.image_alt,
            description=lambda post=post: post.description,
            breadcrumbs=[("Etusivu", ""), ("Blogi", BLOG_URL), (str(post.year), f"{BLOG_URL}arkisto/{post.year}/"),
                         (post.title, post.url)],
            jsonld=[lambda ctx, post=post: blog_posting(post, ctx.site_url, ctx.site_name)],
            context={"post": post, "newer": newer, "older": older,
                     "post_regions": [site.regions[r] for r in post.regions if r in site.regions],
                     "related_posts": related.get(post.path, []),
                     "related_events": [statuses[e] for e in post.events if e in statuses]},
        ))
    return specs


def listing_pages(posts: list[Post], base_url: str, title: str, per_page: int, *, intro: str = "",
                  feeds: list | None = None, extra: dict | None = None,
                  parents: list[tuple[str, str]] | None = None,
                  template: str = "muutostuki/post-list.html") -> list[PageSpec]:
    """A paginated list of posts at base_url, base_url/sivu/2/, ..."""
    specs = []
    trail = [("Etusivu", ""), ("Blogi", BLOG_URL), *(parents or [])]
    if base_url != BLOG_URL:
        trail.append((title, base_url))
    for page in paginate(posts, per_page, base_url):
        page_title = title if page.is_first else f"{title} – sivu {page.number}"
        specs.append(PageSpec(
            src_uri=src_for(page.url), template=template, title=page_title,
            description=intro or title, feeds=list(feeds or []),
            breadcrumbs=trail if page.is_first else [*trail, (page_title, page.url)],
            context={"pagination": page, "heading": title, "intro": intro, **(extra or {})},
        ))
    return specs


def blog_pages(site: Site, per_page: int, base_path: str) -> list[PageSpec]:
    specs = post_pages(site, base_path)
    specs += listing_pages(site.posts, BLOG_URL, "Blogi", per_page,
                           intro="Järjestöjen sote-muutostuen kirjoituksia järjestöjen ja hyvinvointialueiden yhteistyöstä.",
                           extra={"years": sorted(site.posts_by_year, reverse=True), "subscribe_feed": "feed.xml",
                                  "categories": sorted(site.categories.values(), key=lambda c: c.name.lower())})
    for year, posts in sorted(site.posts_by_year.items()):
        specs += listing_pages(posts, f"{BLOG_URL}arkisto/{year}/", f"Blogi {year}", per_page,
                               intro=f"Kirjoitukset vuodelta {year}.")
    for category in site.categories.values():
        specs += listing_pages(category.posts, category.url, f"Aihe: {category.name}", per_page,
                               intro=f"Kirjoitukset aiheesta {category.name}.",
                               parents=[("Aiheet", f"{BLOG_URL}aiheet/")],
                               feeds=[("rss", f"Aihe: {category.name}", f"{category.url}feed.xml")])
    specs.append(PageSpec(
        src_uri=src_for(f"{BLOG_URL}aiheet/"), template="muutostuki/categories.html", title="Aiheet",
        description="Blogin kirjoitukset aiheittain.",
        breadcrumbs=[("Etusivu", ""), ("Blogi", BLOG_URL), ("Aiheet", f"{BLOG_URL}aiheet/")],
        context={"categories": sorted(site.categories.values(), key=lambda c: c.name.lower()),
                 "years": sorted(site.posts_by_year.items(), reverse=True)},
    ))
    return specs
