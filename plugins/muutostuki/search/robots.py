"""robots.txt: let every crawler in and point it at the sitemap MkDocs writes.

Drafts and scheduled posts are never built, so there is nothing to hide with Disallow lines except the
browser editor's page (/admin/, which also says noindex itself).
A site served under a sub-path (site_url https://x.fi/sote/) gets the file at /sote/robots.txt,
where crawlers do not look; the host's own robots.txt must then carry the Sitemap line.
"""
from __future__ import annotations


def robots_txt(ctx) -> list[tuple[str, str]]:
    return [("robots.txt", f"User-agent: *\nAllow: /\nDisallow: {ctx.base_path}admin/\n\n"
                           f"Sitemap: {ctx.site_url}sitemap.xml\n")]
