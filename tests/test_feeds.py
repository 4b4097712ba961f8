"""Feeds end-to-end: fixture sites built with mkdocs, every feed read back with real parsers."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from conftest import MKDOCS_YML, post
from feed_checks import ATOM_NS, all_feed_files, atom_entries, parse_json_feed, parse_xml_feed, rss_items

SITE = "https://testi.example.fi/"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
ATOM_LINK = "{http://www.w3.org/2005/Atom}link"


def _files() -> dict[str, str | bytes]:
    return {
        "blog/2026/vanha.md": post("Vanha kirjoitus", "2026-01-10", regions="[etela-savo]",
                                   categories="[Sote-uudistus]", summary="Vanhan tiivistelmä."),
        "blog/2026/keski.md": post("Keskimmäinen", "2026-03-05 14:30", regions="[etela-savo, kainuu]",
                                   categories="[Vaikuttaminen]", updated="2026-04-01"),
        "blog/2026/uusin.md": post("Uusin kirjoitus", "2026-06-01 09:00", categories="[Sote-uudistus, Vaikuttaminen]"),
        "blog/2026/luonnos.md": post("Salainen luonnos", "2026-05-01", draft="true", regions="[etela-savo]",
                                     categories="[Sote-uudistus]"),
        "blog/2027/tuleva.md": post("Tuleva kirjoitus", "2027-01-01", regions="[kainuu]", categories="[Vaikuttaminen]"),
    }


@pytest.fixture
def built(build_site):
    result = build_site(_files())
    assert result.returncode == 0, result.output
    return result


def test_site_feeds_have_public_posts_newest_first(built):
    expected = ["Uusin kirjoitus", "Keskimmäinen", "Vanha kirjoitus"]
    urls = [SITE + "blogi/2026/uusin/", SITE + "blogi/2026/keski/", SITE + "blogi/2026/vanha/"]
    for name in ("feed.xml", "atom.xml"):
        parsed = parse_xml_feed(built.site / name)
        assert [e.title for e in parsed.entries] == expected, name
        assert [e.link for e in parsed.entries] == urls, name
        assert [e.id for e in parsed.entries] == urls, name
        assert parsed.feed.language == "fi", name
        keski = parsed.entries[1]
        assert keski.published_parsed[:5] == (2026, 3, 5, 12, 30)  # 14:30 in Helsinki is 12:30 UTC
        assert keski.author == "Tiina Testaaja"
        assert {t.term for t in keski.tags} == {"Vaikuttaminen"}
        assert parsed.entries[2].summary == "Vanhan tiivistelmä."
        assert "<p>Ensimmäinen kappale.</p>" in parsed.entries[0].content[0].value
    feed = parse_json_feed(built.site / "feed.json")
    assert [i["title"] for i in feed["items"]] == expected
    assert [i["id"] for i in feed["items"]] == urls
    assert feed["items"][1]["date_published"] == "2026-03-05T14:30:00+02:00"
    assert feed["items"][1]["date_modified"] == "2026-04-01T00:00:00+03:00"
    assert feed["items"][1]["authors"] == [{"name": "Tiina Testaaja"}]
    assert feed["items"][0]["tags"] == ["Sote-uudistus", "Vaikuttaminen"]
    assert feed["feed_url"] == SITE + "feed.json" and feed["home_page_url"] == SITE and feed["language"] == "fi"


def test_dates_carry_a_time_zone_and_authors_are_valid(built):
    rss = built.html("feed.xml")
    assert "<pubDate>Thu, 05 Mar 2026 14:30:00 +0200</pubDate>" in rss
    assert "<author>" not in rss  # RSS author must be an e-mail address; names go to dc:creator
    items = rss_items(built.site / "feed.xml")
    assert [i.findtext(DC_CREATOR) for i in items] == ["Tiina Testaaja"] * 3
    assert all(i.find("guid").get("isPermaLink") == "true" for i in items)
    entries = atom_entries(built.site / "atom.xml")
    keski = entries[1]
    assert keski.findtext(f"{ATOM_NS}published") == "2026-03-05T14:30:00+02:00"
    assert keski.findtext(f"{ATOM_NS}updated") == "2026-04-01T00:00:00+03:00"
    assert keski.findtext(f"{ATOM_NS}author/{ATOM_NS}name") == "Tiina Testaaja"
    for entry in entries:
        for tag in ("published", "updated"):
            assert re.search(r"[+-]\d\d:\d\d$", entry.findtext(f"{ATOM_NS}{tag}")), tag


def test_channel_metadata(built):
    rss = parse_xml_feed(built.site / "feed.xml")
    assert rss.version == "rss20"
    assert rss.feed.title == "Testisivusto"
    assert rss.feed.link == SITE
    assert rss.feed.image.href == SITE + "assets/muutostuki/syote-logo.png"
    assert built.exists("assets/muutostuki/syote-logo.png") and built.exists("assets/muutostuki/syote-logo-512.png")
    channel = ET.fromstring((built.site / "feed.xml").read_bytes()).find("channel")
    assert channel.findtext("language") == "fi"
    self_link = channel.find(ATOM_LINK)
    assert self_link.get("rel") == "self" and self_link.get("href") == SITE + "feed.xml"
    # the newest item's date, not the clock: rebuilding unchanged content changes nothing
    assert channel.findtext("lastBuildDate") == "Mon, 01 Jun 2026 09:00:00 +0300"
    assert channel.findtext("description")
    atom = parse_xml_feed(built.site / "atom.xml")
    assert atom.version == "atom10"
    assert atom.feed.updated == "2026-06-01T09:00:00+03:00"
    assert {(link.rel, link.href) for link in atom.feed.links} >= {("self", SITE + "atom.xml"), ("alternate", SITE)}
    assert atom.feed.icon == SITE + "assets/muutostuki/syote-logo.png"
    feed = json.loads(built.html("feed.json"))
    assert feed["icon"] == SITE + "assets/muutostuki/syote-logo-512.png"


def test_drafts_and_future_posts_never_in_any_feed(built):
    files = all_feed_files(built.site)
    assert len(files) == 3 + 22 + 2
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert "Salainen luonnos" not in text and "luonnos" not in text, path
        assert "Tuleva kirjoitus" not in text and "tuleva" not in text, path
        if path.suffix == ".json":
            parse_json_feed(path)
        else:
            parse_xml_feed(path)


def test_preview_mode_still_keeps_drafts_out_of_feeds(build_site):
    yml = MKDOCS_YML + "      preview: true\n"
    result = build_site(_files(), mkdocs_yml=yml)
    assert result.returncode == 0, result.output
    assert "Salainen luonnos" in result.html("blogi/")  # the preview shows it ...
    for path in all_feed_files(result.site):
        text = path.read_text(encoding="utf-8")
        assert "Salainen luonnos" not in text and "Tuleva kirjoitus" not in text, path  # ... feeds never


def test_region_and_category_feeds_hold_exactly_their_posts(built):
    def titles(url):
        return [e.title for e in parse_xml_feed(built.site / url).entries]

    assert titles("alueet/etela-savo/feed.xml") == ["Keskimmäinen", "Vanha kirjoitus"]
    assert titles("alueet/kainuu/feed.xml") == ["Keskimmäinen"]
    assert titles("alueet/lappi/feed.xml") == []
    assert titles("blogi/aiheet/sote-uudistus/feed.xml") == ["Uusin kirjoitus", "Vanha kirjoitus"]
    assert titles("blogi/aiheet/vaikuttaminen/feed.xml") == ["Uusin kirjoitus", "Keskimmäinen"]
    region = parse_xml_feed(built.site / "alueet/etela-savo/feed.xml")
    assert region.feed.link == SITE + "alueet/etela-savo/"
    assert "Etelä-Savo" in region.feed.title
    channel = ET.fromstring((built.site / "alueet/etela-savo/feed.xml").read_bytes()).find("channel")
    assert channel.find(ATOM_LINK).get("href") == SITE + "alueet/etela-savo/feed.xml"
    category = parse_xml_feed(built.site / "blogi/aiheet/vaikuttaminen/feed.xml")
    assert category.feed.link == SITE + "blogi/aiheet/vaikuttaminen/"
    assert "Vaikuttaminen" in category.feed.title


def test_pages_advertise_feeds_and_offer_a_subscribe_link(built):
    for url in ("", "blogi/", "blogi/2026/uusin/"):
        page = built.html(url)
        for mime, name in (("rss+xml", "feed.xml"), ("atom+xml", "atom.xml"), ("feed+json", "feed.json")):
            pattern = rf'<link rel="alternate" type="application/{re.escape(mime)}" title="[^"]+" href="[./]*{re.escape(name)}">'
            assert re.search(pattern, page), (url, name)
        assert re.search(r'<a href="[./]*feed\.xml">Tilaa RSS-syöte</a>', page), url  # footer
    index = built.html("blogi/")
    assert re.search(r'<p class="mt-subscribe"><a href="\.\./feed\.xml">Tilaa RSS-syöte</a></p>', index)
    category = built.html("blogi/aiheet/vaikuttaminen/")
    assert re.search(r'<link rel="alternate" type="application/rss\+xml" title="Aihe: Vaikuttaminen" href="feed\.xml">',
                     category)


def test_feed_size_limits_every_feed(build_site):
    files = {f"blog/2026/p{i:02d}.md": post(f"Kirjoitus {i:02d}", f"2026-01-{i + 1:02d}", regions="[kainuu]",
                                            categories="[Aihe]") for i in range(25)}
    result = build_site(files)
    assert result.returncode == 0, result.output
    # default 20, newest first (feedgen would prepend, i.e. reverse, if not told otherwise)
    expected = [f"Kirjoitus {i:02d}" for i in range(24, 4, -1)]
    for url in ("feed.xml", "atom.xml", "alueet/kainuu/feed.xml", "blogi/aiheet/aihe/feed.xml"):
        assert [e.title for e in parse_xml_feed(result.site / url).entries] == expected, url
    assert [i["title"] for i in parse_json_feed(result.site / "feed.json")["items"]] == expected

    result = build_site(files, mkdocs_yml=MKDOCS_YML + "      feed_size: 3\n")
    assert result.returncode == 0, result.output
    for url in ("feed.xml", "atom.xml", "alueet/kainuu/feed.xml"):
        assert [e.title for e in parse_xml_feed(result.site / url).entries] == expected[:3], url
    assert len(parse_json_feed(result.site / "feed.json")["items"]) == 3


def _ids(result) -> dict[str, list[str]]:
    return {
        "rss": [i.findtext("guid") for i in rss_items(result.site / "feed.xml")],
        "atom": [e.findtext(f"{ATOM_NS}id") for e in atom_entries(result.site / "atom.xml")],
        "json": [i["id"] for i in json.loads(result.html("feed.json"))["items"]],
        "region": [i.findtext("guid") for i in rss_items(result.site / "alueet/etela-savo/feed.xml")],
    }


def test_ids_stable_across_builds_and_title_edits(build_site):
    files = _files()
    first = build_site(files)
    assert first.returncode == 0, first.output
    ids = _ids(first)
    assert ids["rss"] == ids["atom"] == ids["json"] and ids["rss"]
    first_rss = first.html("feed.xml")

    second = build_site(files, build_time="2026-12-24 18:00")  # a later build time
    assert second.returncode == 0, second.output
    assert _ids(second) == ids
    assert second.html("feed.xml") == first_rss  # byte-identical: nothing in it depends on the clock

    files["blog/2026/keski.md"] = files["blog/2026/keski.md"].replace("Keskimmäinen", "Uusi otsikko keskelle")
    third = build_site(files)
    assert third.returncode == 0, third.output
    assert _ids(third) == ids
    assert "Uusi otsikko keskelle" in [e.title for e in parse_xml_feed(third.site / "feed.xml").entries]


def test_content_has_absolute_urls_and_image_enclosures(build_site):
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 300
    body = ("Katso [toinen kirjoitus](toinen.md), [ohje](../../docs-sivu.md) ja [alaviite](#loppu).\n\n"
            "![Kaavio verkostosta](kaavio.png)\n\n<a id=\"loppu\"></a>Loppu.")
    result = build_site({
        "blog/2026/kuvallinen.md": post("Kuvallinen", "2026-02-01", image="kuvat/kansi.png",
                                        image_alt="Kansikuva", body=body),
        "blog/2026/toinen.md": post("Toinen", "2026-01-01", image="https://kuvat.example.org/kuva.jpg",
                                    image_alt="Etäkuva"),
        "blog/2026/kaavio.png": png,
        "docs/kuvat/kansi.png": png + b"\0" * 100,
    })
    assert result.returncode == 0, result.output
    rss = parse_xml_feed(result.site / "feed.xml")
    html = rss.entries[0].content[0].value
    assert f'href="{SITE}blogi/2026/toinen/"' in html
    assert f'src="{SITE}blog/2026/kaavio.png"' in html
    assert result.exists("blog/2026/kaavio.png")  # the absolute URL points at a published file
    assert f'href="{SITE}blogi/2026/kuvallinen/#loppu"' in html
    assert not re.search(r'(href|src)="(?!https://)', html)
    enclosure = rss_items(result.site / "feed.xml")[0].find("enclosure")
    assert enclosure.attrib == {"url": SITE + "kuvat/kansi.png", "length": "408", "type": "image/png"}
    assert result.exists("kuvat/kansi.png")
    remote = rss_items(result.site / "feed.xml")[1].find("enclosure")
    assert remote.attrib == {"url": "https://kuvat.example.org/kuva.jpg", "length": "0", "type": "image/jpeg"}
    atom = parse_xml_feed(result.site / "atom.xml")
    assert [(e.href, e.length, e.type) for e in atom.entries[0].enclosures] == [
        (SITE + "kuvat/kansi.png", "408", "image/png")]
    assert atom.entries[0].link == SITE + "blogi/2026/kuvallinen/"  # the alternate link, not the enclosure
    item = parse_json_feed(result.site / "feed.json")["items"][0]
    assert item["image"] == SITE + "kuvat/kansi.png"
    assert item["attachments"] == [{"url": SITE + "kuvat/kansi.png", "mime_type": "image/png",
                                    "size_in_bytes": 408, "title": "Kansikuva"}]
    assert f'src="{SITE}blog/2026/kaavio.png"' in item["content_html"]


# YAML double-quoted escapes: \" is a quote, \u0027 an apostrophe (control characters such as \a are
# refused before they reach a feed: tests/test_hostile_input.py)
HOSTILE_TITLE = r'<script>alert(\"x\")</script> & \"lainaus\" \u0027yksi\u0027 🎉 kello soi ]]> &amp;'
HOSTILE_EXPECTED = '<script>alert("x")</script> & "lainaus" \'yksi\' 🎉 kello soi ]]> &amp;'


def test_hostile_titles_stay_well_formed_and_escaped(build_site):
    hostile = ("---\n"
               f'title: "{HOSTILE_TITLE}"\n'
               "date: 2026-02-02\n"
               "authors: [testaaja]\n"
               'categories: ["R&D <b>", "Ääni &  kuva"]\n'
               'summary: "Tiivistelmä <i>ja</i> &  merkki"\n'
               "regions: [kainuu]\n"
               "---\n\nTeksti & <em>korostus</em>\n")
    result = build_site({"blog/2026/vihamielinen.md": hostile,
                         "blog/2026/tavallinen.md": post("Tavallinen", "2026-01-01")})
    assert result.returncode == 0, result.output
    for path in all_feed_files(result.site):
        assert "\x07" not in path.read_text(encoding="utf-8"), path
        assert "<script>" not in path.read_text(encoding="utf-8") or path.suffix == ".json", path
    for url in ("feed.xml", "atom.xml", "alueet/kainuu/feed.xml"):
        parsed = parse_xml_feed(result.site / url)
        # feedparser keeps the plain text exactly as written (its sanitizer only runs on HTML)
        raw_title = ET.fromstring((result.site / url).read_bytes()).iter()
        titles = [el.text for el in raw_title if el.tag in ("title", f"{ATOM_NS}title")]
        assert HOSTILE_EXPECTED in titles, url
        assert parsed.entries[0].link == SITE + "blogi/2026/vihamielinen/"
    atom = parse_xml_feed(result.site / "atom.xml")
    assert {t.term for t in atom.entries[0].tags} == {"R&D <b>", "Ääni &  kuva"}
    categories = [c.text for c in rss_items(result.site / "feed.xml")[0].findall("category")]
    assert categories == ["R&D <b>", "Ääni &  kuva"]
    feed = parse_json_feed(result.site / "feed.json")
    assert feed["items"][0]["title"] == HOSTILE_EXPECTED
    assert feed["items"][0]["summary"] == "Tiivistelmä <i>ja</i> &  merkki"
    assert "Teksti &amp; <em>korostus</em>" in feed["items"][0]["content_html"]
    slug_feed = result.site / "blogi/aiheet/r-d-b/feed.xml"
    assert [e.title for e in parse_xml_feed(slug_feed).entries] == [HOSTILE_EXPECTED]


def test_missing_site_url_is_a_clear_error(build_site):
    yml = "\n".join(line for line in MKDOCS_YML.splitlines() if not line.startswith("site_url")) + "\n"
    result = build_site({"blog/2026/a.md": post("A", "2026-01-01")}, mkdocs_yml=yml)
    assert result.returncode != 0
    assert "site_url puuttuu tiedostosta mkdocs.yml" in result.output
    assert "site_url: https://" in result.output  # says how to fix it
    assert "Traceback" not in result.output
    assert not (result.site / "feed.xml").exists()
