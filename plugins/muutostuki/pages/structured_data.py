"""schema.org objects for search engines: BlogPosting for posts, BreadcrumbList for deep pages.

Plain dicts with absolute URLs; `jsonld.script_tag` serialises them safely in the page head.
"""
from __future__ import annotations

from ..content.posts import Post
from ..fi import iso


def absolute(url: str, site_url: str) -> str:
    """Site-relative path or absolute URL -> absolute URL (site_url ends with '/')."""
    return url if "://" in url else site_url + url.lstrip("/")


def publisher(site_name: str, site_url: str) -> dict:
    return {"@type": "Organization", "name": site_name, "url": site_url}


def blog_posting(post: Post, site_url: str, site_name: str) -> dict:
    obj = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "@id": absolute(post.url, site_url),
        "mainEntityOfPage": absolute(post.url, site_url),
        "headline": post.title,
        "datePublished": iso(post.date),
        "dateModified": iso(post.updated or post.date),
        "inLanguage": "fi",
        "author": [_person(a) for a in post.authors],
        "publisher": publisher(site_name, site_url),
    }
    if post.description or post.summary:
        obj["description"] = post.description or post.summary
    if post.image:
        obj["image"] = absolute(post.image, site_url)
    if post.categories:
        obj["articleSection"] = list(post.categories)
    if post.tags:
        obj["keywords"] = ", ".join(post.tags)
    return obj


def _person(author) -> dict:
    person = {"@type": "Person", "name": author.name}
    if author.role:
        person["jobTitle"] = author.role
    if author.organisation:
        person["affiliation"] = {"@type": "Organization", "name": author.organisation}
    if author.url:
        person["url"] = author.url
    return person


def breadcrumb_list(crumbs: list[tuple[str, str]], site_url: str) -> dict:
    """(title, site-relative url) pairs, home first -> a BreadcrumbList."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": title, "item": absolute(url, site_url)}
            for i, (title, url) in enumerate(crumbs, start=1)
        ],
    }


def page_jsonld(spec, ctx) -> list[dict]:
    """Every schema.org object of one page: the spec's own (callables asked now) and its breadcrumbs."""
    if spec is None or ctx is None:
        return []
    objects = [item(ctx) if callable(item) else item for item in spec.jsonld]
    if len(spec.breadcrumbs) >= 2:
        objects.append(breadcrumb_list(spec.breadcrumbs, ctx.site_url))
    return objects
