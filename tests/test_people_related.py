"""Author and tag pages, byline and tag links, related posts and the status of a post's events."""
from __future__ import annotations

from datetime import datetime, timedelta

from conftest import MKDOCS_YML, post
from feed_checks import parse_xml_feed
from muutostuki.content.authors import Author
from muutostuki.content.posts import Post
from muutostuki.content.site import ContentPaths, Site
from muutostuki.content.errors import ErrorList
from muutostuki.pages import related as related_mod
from muutostuki.pages.related import related_posts

AUTHORS = """\
authors:
  testaaja:
    name: Tiina Testaaja
    role: järjestöasiantuntija
    organisation: Testijärjestö ry
    url: https://testi.example.org/tiina
  toinen:
    name: Olli Toinen
"""


def make_site(posts: list[Post]) -> Site:
    posts = sorted(posts, key=lambda p: (p.date, p.slug), reverse=True)
    return Site(paths=ContentPaths(root=None), build_time=datetime(2026, 11, 23), preview=False, authors={},
                regions={}, posts=posts, events=[], all_posts=posts, all_events=[], errors=ErrorList())


def make_post(i: int, **fields) -> Post:
    return Post(path=f"blog/p{i}.md", title=f"P{i}", date=datetime(2026, 1, 1) + timedelta(days=i),
                authors=[Author("a", "A")], slug=f"p{i}", body="", **fields)


def test_related_posts_prefer_what_is_shared_most_and_rarest():
    site = make_site([
        make_post(0, regions=["kainuu"], tags=["harvinainen"], categories=["Sote"]),
        make_post(1, regions=["kainuu"], categories=["Sote"]),
        make_post(2, tags=["harvinainen"], categories=["Sote"]),
        make_post(3, regions=["lappi"]),  # shares nothing with p0
        make_post(4, categories=["Sote"]),
        make_post(5, regions=["lappi"]),
    ])
    related = related_posts(site)
    assert [p.slug for p in related["blog/p0.md"]] == ["p2", "p1", "p4"]
    assert [p.slug for p in related["blog/p3.md"]] == ["p5"]
    assert all(p.path != path for path, posts in related.items() for p in posts), "never itself"


def test_related_posts_compare_each_post_with_a_bounded_window_not_with_every_post(monkeypatch):
    """One big shared region: the work per post stays WINDOW-sized, so the whole is linear."""
    posts = [make_post(i, regions=["kainuu"]) for i in range(2000)]
    compared = 0
    real = related_mod.heapq.nsmallest

    def counting(n, items, **kwargs):
        nonlocal compared
        items = list(items)
        compared += len(items)
        return real(n, items, **kwargs)

    monkeypatch.setattr(related_mod.heapq, "nsmallest", counting)
    related = related_posts(make_site(posts))
    assert compared <= 2000 * 2 * related_mod.WINDOW
    # the nearest in time win among equals, and two runs agree
    assert [p.slug for p in related["blog/p1000.md"]] == ["p1001", "p999", "p1002"]
    assert related_posts(make_site(posts))["blog/p7.md"] == related["blog/p7.md"]


def test_author_and_tag_pages_are_linked_from_posts_and_list_their_posts(build_site):
    result = build_site({
        "blog/authors.yml": AUTHORS,
        "blog/2026/a.md": post("Eka", "2026-01-10", tags='["Järjestö 2.0", "hyte"]', categories="[Sote]"),
        "blog/2026/b.md": post("Toka", "2026-01-12", tags="[hyte]", categories="[Sote]"),
        "blog/2026/c.md": post("Kolmas", "2026-01-14", authors="[toinen]"),
        "blog/2026/luonnos.md": post("Salainen", "2026-01-15", draft="true", tags="[hyte]"),
    })
    assert result.returncode == 0, result.output
    page = result.html("blogi/2026/a/")
    assert '<a href="../../kirjoittajat/testaaja/">Tiina Testaaja</a>' in page
    assert '<a href="../../avainsanat/jarjesto-2-0/" rel="tag">Järjestö 2.0</a>' in page
    assert 'id="mt-related-posts"' in page and '<a href="../b/">Toka</a>' in page
    author = result.html("blogi/kirjoittajat/testaaja/")
    assert "<h1>Tiina Testaaja</h1>" in author
    assert "järjestöasiantuntija, Testijärjestö ry" in author
    assert 'href="https://testi.example.org/tiina"' in author
    assert "Eka" in author and "Toka" in author and "Kolmas" not in author and "Salainen" not in author
    assert 'href="feed.xml"' in author
    feed = parse_xml_feed(result.site / "blogi/kirjoittajat/testaaja/feed.xml")
    assert [e.title for e in feed.entries] == ["Toka", "Eka"]
    assert "Olli Toinen" in result.html("blogi/kirjoittajat/")
    tag = result.html("blogi/avainsanat/hyte/")
    assert "Avainsana: hyte" in tag and "Eka" in tag and "Toka" in tag and "Salainen" not in tag
    assert "Järjestö 2.0" in result.html("blogi/avainsanat/")
    # the listing card's byline links too
    assert '<a href="kirjoittajat/toinen/">Olli Toinen</a>' in result.html("blogi/")


def test_vocabulary_ranks_words_by_frequency_and_is_bounded():
    from muutostuki.search.vocabulary import Vocabulary

    vocab = Vocabulary()
    vocab.add("Hyvinvointialue ja hyvinvointialue; järjestöt https://x.fi/polku 2024 ab")
    vocab.add_all(["järjestöt", None, "Åland", "hyvinvointialue"])
    # a word counts once per text; equal counts alphabetically
    assert vocab.words() == ["hyvinvointialue", "järjestöt", "https", "polku", "åland"]
    assert vocab.counts["hyvinvointialue"] == 2
    assert vocab.words(limit=2) == ["hyvinvointialue", "järjestöt"]
    assert vocab.to_json(limit=1) == '{"sanat":["hyvinvointialue"]}'.encode()
    vocab.add("x" * 2000 + " myöhäinensana")
    assert "myöhäinensana" not in vocab.counts, "only the start of a long text is read"


def test_vocabulary_file_holds_the_words_of_searchable_pages_only(build_site):
    import json

    result = build_site({
        "blog/2026/a.md": post("Hyvinvointialueen kumppanuus", "2026-01-10", summary="Yhteistyösopimus syntyi."),
        "blog/2026/luonnos.md": post("Salaisuudet", "2026-01-11", draft="true", body="Piilosana ei näy."),
    }, mkdocs_yml=MKDOCS_YML + "  - muutostuki-search\n")
    assert result.returncode == 0, result.output
    words = json.loads((result.site / "haku" / "sanasto.json").read_text(encoding="utf-8"))["sanat"]
    assert {"hyvinvointialueen", "kumppanuus", "yhteistyösopimus", "ensimmäinen"} <= set(words)
    assert "piilosana" not in words and "salaisuudet" not in words
