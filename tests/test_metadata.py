"""Head metadata, structured data, sitemap, robots.txt, 404 and third-party hosts, read from real builds."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from urllib.parse import urlsplit

import lxml.html

from conftest import MKDOCS_YML, post

SITE = "https://testi.example.fi/"
HOSTILE = 'Vaara </script><script>alert(1)</script> & "lainaus" <b>lihava</b>'


def head(html: str):
    return lxml.html.fromstring(html).find("head")


def meta(doc, key: str) -> str | None:
    for el in doc.iter("meta"):
        if el.get("property") == key or el.get("name") == key:
            return el.get("content")
    return None


def jsonld(doc) -> list[dict]:
    return [json.loads(s.text) for s in doc.iter("script") if s.get("type") == "application/ld+json"]


def test_post_metadata_open_graph_and_blogposting(build_site):
    result = build_site({
        "blog/2026/kuva.md": post("Kuvallinen kirjoitus", "2026-03-10 09:30", updated="2026-03-12",
                                  summary="Lyhyt tiivistelmä.", image="https://kuvat.example.org/a.jpg",
                                  image_alt="Ihmisiä pöydän ääressä", categories="[Sote-uudistus]"),
    })
    assert result.returncode == 0, result.output
    html = result.html("blogi/2026/kuva/")
    doc = head(html)
    assert lxml.html.fromstring(html).get("lang") == "fi"
    assert doc.findtext("title") == "Kuvallinen kirjoitus – Testisivusto"
    assert meta(doc, "description") == "Lyhyt tiivistelmä."
    canonical = [l.get("href") for l in doc.iter("link") if l.get("rel") == "canonical"]
    assert canonical == [SITE + "blogi/2026/kuva/"]
    assert meta(doc, "og:type") == "article"
    assert meta(doc, "og:title") == "Kuvallinen kirjoitus"
    assert meta(doc, "og:url") == SITE + "blogi/2026/kuva/"
    assert meta(doc, "og:image") == "https://kuvat.example.org/a.jpg"
    assert meta(doc, "og:image:alt") == "Ihmisiä pöydän ääressä"
    assert meta(doc, "twitter:card") == "summary_large_image"
    assert meta(doc, "article:published_time") == "2026-03-10T09:30+02:00"
    objects = {o["@type"]: o for o in jsonld(doc)}
    posting = objects["BlogPosting"]
    assert posting["headline"] == "Kuvallinen kirjoitus"
    assert posting["datePublished"] == "2026-03-10T09:30+02:00"
    assert posting["dateModified"].startswith("2026-03-12")
    assert posting["author"] == [{"@type": "Person", "name": "Tiina Testaaja", "jobTitle": "järjestöasiantuntija",
                                  "affiliation": {"@type": "Organization", "name": "Testijärjestö ry"}}]
    assert posting["publisher"] == {"@type": "Organization", "name": "Testisivusto", "url": SITE}
    assert posting["image"] == "https://kuvat.example.org/a.jpg"
    assert posting["description"] == "Lyhyt tiivistelmä."
    crumbs = objects["BreadcrumbList"]["itemListElement"]
    assert [(c["position"], c["name"], c["item"]) for c in crumbs] == [
        (1, "Etusivu", SITE), (2, "Blogi", SITE + "blogi/"), (3, "2026", SITE + "blogi/arkisto/2026/"),
        (4, "Kuvallinen kirjoitus", SITE + "blogi/2026/kuva/")]


def test_listing_pages_are_websites_with_breadcrumbs(build_site):
    files = {f"blog/2026/p{i:02d}.md": post(f"Kirjoitus {i}", f"2026-01-{i + 1:02d}", categories="[Aluevaalit]")
             for i in range(12)}
    result = build_site(files)
    assert result.returncode == 0, result.output
    doc = head(result.html("blogi/sivu/2/"))
    assert meta(doc, "og:type") == "website" and meta(doc, "twitter:card") == "summary"
    assert doc.findtext("title") == "Blogi – sivu 2 – Testisivusto"
    crumbs = [c["name"] for o in jsonld(doc) if o["@type"] == "BreadcrumbList" for c in o["itemListElement"]]
    assert crumbs == ["Etusivu", "Blogi", "Blogi – sivu 2"]
    doc = head(result.html("blogi/aiheet/aluevaalit/"))
    crumbs = [c["name"] for o in jsonld(doc) if o["@type"] == "BreadcrumbList" for c in o["itemListElement"]]
    assert crumbs == ["Etusivu", "Blogi", "Aiheet", "Aihe: Aluevaalit"]


def test_hostile_title_stays_text_in_head_and_valid_json(build_site, tmp_path):
    text = "\n".join(["---", "title: '" + HOSTILE.replace("'", "''") + "'", "date: 2026-02-02",
                      "authors: [testaaja]", "summary: '" + HOSTILE.replace("'", "''") + "'",
                      "categories: ['" + HOSTILE.replace("'", "''") + "']", "---", "", "Teksti.", ""])
    result = build_site({"blog/2026/vaara.md": text})
    assert result.returncode == 0, result.output
    html = result.html("blogi/2026/vaara/")
    head_html = html[:html.index("</head>")]
    assert "<script>alert(1)" not in head_html and "<b>lihava" not in head_html
    doc = head(html)
    assert doc.findtext("title") == f"{HOSTILE} – Testisivusto"
    assert meta(doc, "og:title") == HOSTILE
    assert "<script" not in meta(doc, "description")  # the description is plain text
    objects = {o["@type"]: o for o in jsonld(doc)}  # json.loads raises on broken JSON
    assert objects["BlogPosting"]["headline"] == HOSTILE
    assert objects["BreadcrumbList"]["itemListElement"][-1]["name"] == HOSTILE
    # The category listing's title and feed link are escaped too.
    category = next(p for p in result.site.glob("blogi/aiheet/*/index.html"))
    cat_head = category.read_text(encoding="utf-8").split("</head>")[0]
    assert "<script>alert(1)" not in cat_head
    assert head(category.read_text(encoding="utf-8")).findtext("title").startswith(f"Aihe: {HOSTILE}")


def test_robots_and_finnish_404(build_site):
    result = build_site({"blog/2026/a.md": post("A", "2026-01-15")})
    assert result.returncode == 0, result.output
    robots = result.html("robots.txt")
    assert "User-agent: *" in robots and f"Sitemap: {SITE}sitemap.xml" in robots
    page = result.html("404.html")
    doc = lxml.html.fromstring(page)
    assert doc.findtext(".//h1") == "Sivua ei löytynyt"
    assert meta(doc.find("head"), "robots") == "noindex"
    assert doc.find("head").findtext("title") == "Sivua ei löytynyt – Testisivusto"
    # Served for any missing address, so its links must not be relative.
    links = [a.get("href") for a in doc.iter("a") if a.get("href") and not a.get("href").startswith("#")]
    assert links and all(h.startswith("/") for h in links), links


def test_preview_pages_are_not_indexed_by_search_engines(build_site):
    # preview: true is what `mkdocs serve` implies: drafts are shown, so search engines must stay out.
    yml_preview = MKDOCS_YML.replace('      build_time: "{build_time}"', '      build_time: "{build_time}"\n      preview: true')
    result = build_site({"blog/2026/a.md": post("A", "2026-01-15")}, mkdocs_yml=yml_preview)
    assert result.returncode == 0, result.output
    assert meta(head(result.html("blogi/2026/a/")), "robots") == "noindex"
    public = build_site({"blog/2026/a.md": post("A", "2026-01-15")})
    assert meta(head(public.html("blogi/2026/a/")), "robots") is None


# -- the real example site ----------------------------------------------------------------------------
def _page_docs(site):
    for url in site.pages():
        yield url, lxml.html.fromstring(site.html(url))


def test_every_page_has_unique_title_description_canonical_and_lang(example_site):
    titles = Counter()
    site_url = None
    for url, doc in _page_docs(example_site):
        h = doc.find("head")
        assert doc.get("lang") == "fi", url
        title = h.findtext("title")
        assert title, f"/{url} has no <title>"
        titles[title] += 1
        assert meta(h, "og:title") and meta(h, "og:type") in {"website", "article", "event"}, url
        assert meta(h, "description"), f"/{url} has no meta description"
        if url == "404.html":
            continue
        canonical = [l.get("href") for l in h.iter("link") if l.get("rel") == "canonical"]
        assert len(canonical) == 1 and canonical[0].endswith("/" + url), (url, canonical)
        site_url = site_url or canonical[0][: len(canonical[0]) - len(url)]
        assert meta(h, "og:url") == canonical[0]
        for obj in jsonld(h):
            assert obj["@context"] == "https://schema.org"
    duplicates = {t: n for t, n in titles.items() if n > 1}
    assert not duplicates, f"titles used by more than one page: {duplicates}"


def test_sitemap_lists_every_public_page_with_absolute_urls(example_site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    index = ET.parse(example_site.file("sitemap.xml"))
    assert index.getroot().tag == "{%s}sitemapindex" % ns["s"]  # small: Material's JS fetches it per feed link
    children = [el.text for el in index.findall("s:sitemap/s:loc", ns)]
    assert [urlsplit(c).path for c in children] == ["/sitemap-sivut.xml"], children
    tree = ET.parse(example_site.file("sitemap-sivut.xml"))
    locs = [el.text for el in tree.findall("s:url/s:loc", ns)]
    assert len(locs) == len(set(locs))
    assert all(re.match(r"^https://[^/]+/", loc) for loc in locs), locs[:5]
    base = re.match(r"^https://[^/]+/", locs[0]).group(0)
    expected = {base + url for url in example_site.pages() if url != "404.html"}
    assert set(locs) == expected, (f"missing from sitemap: {sorted(expected - set(locs))[:10]}; "
                                   f"not built: {sorted(set(locs) - expected)[:10]}")
    robots = example_site.html("robots.txt")
    assert f"Sitemap: {base}sitemap.xml" in robots


RESOURCE_ATTRS = [("script", "src"), ("link", "href"), ("img", "src"), ("img", "srcset"), ("source", "srcset"),
                  ("iframe", "src"), ("video", "src"), ("audio", "src"), ("object", "data"), ("embed", "src")]


def test_pages_load_nothing_from_other_hosts(example_site):
    """Fonts, scripts, styles and images are all local: a page view tells no third party about the reader."""
    offenders = []
    own_host = None
    for url, doc in _page_docs(example_site):
        canonical = [l.get("href") for l in doc.iter("link") if l.get("rel") == "canonical"]
        own_host = own_host or (urlsplit(canonical[0]).hostname if canonical else None)
        for tag, attr in RESOURCE_ATTRS:
            for el in doc.iter(tag):
                if tag == "link" and el.get("rel") not in {"stylesheet", "icon", "preload", "modulepreload",
                                                          "preconnect", "dns-prefetch", "manifest",
                                                          "apple-touch-icon"}:
                    continue  # canonical, alternate and feed links are not loaded by the browser
                for value in (el.get(attr) or "").split(","):
                    value = value.strip().split(" ")[0]
                    if value.startswith(("http://", "https://", "//")) and urlsplit(value).hostname != own_host:
                        offenders.append(f"/{url}: <{tag} {attr}={value}>")
        for style in doc.iter("style"):
            for ref in re.findall(r"(?:url\(|@import\s+)['\"]?((?:https?:)?//[^'\")\s]+)", style.text or ""):
                offenders.append(f"/{url}: <style> {ref}")
    for css in example_site.site.rglob("*.css"):
        for ref in re.findall(r"(?:url\(|@import\s+)['\"]?((?:https?:)?//[^'\")\s]+)", css.read_text("utf-8", "replace")):
            if not ref.startswith("http://www.w3.org/"):
                offenders.append(f"{css.relative_to(example_site.site)}: {ref}")
    assert not offenders, "third-party requests:\n" + "\n".join(offenders[:30])
