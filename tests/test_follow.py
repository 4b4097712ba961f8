"""The Seuraa page lists every feed and calendar the build writes, with working subscription links; RSS and
Atom carry the XSLT stylesheet and stay valid feeds."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from lxml import html as lxml_html

from feed_checks import parse_xml_feed

SITE_URL = "https://muutostuki.example.fi/"


def absolute_files(site, pattern: str) -> set[str]:
    return {SITE_URL + p.relative_to(site).as_posix() for p in site.rglob(pattern)}


def test_seuraa_lists_every_feed_and_every_shared_calendar(example_site):
    doc = lxml_html.fromstring(example_site.html("seuraa/"))
    assert doc.xpath("//h1/text()") == ["Seuraa"]
    shown = set(doc.xpath("//code/text()"))
    feeds = absolute_files(example_site.site, "feed.xml") | absolute_files(example_site.site, "atom.xml") \
        | absolute_files(example_site.site, "feed.json")
    assert {SITE_URL + "blogi/kirjoittajat/henna-hovi/feed.xml", SITE_URL + "atom.xml"} <= feeds
    assert feeds <= shown, sorted(feeds - shown)
    # calendars for many events (all, regions, organisers); one event's own .ics is offered on its page
    calendars = {u for u in absolute_files(example_site.site, "*.ics") if "/tapahtumat/" not in u.replace(SITE_URL, "/")}
    assert SITE_URL + "tapahtumat.ics" in calendars and len(calendars) >= 23
    assert calendars <= shown, sorted(calendars - shown)
    for ics in calendars:
        links = doc.xpath(f"//li[.//code[text()='{ics}']]//a/@href")
        webcal = "webcal://" + ics.split("://", 1)[1]
        assert webcal in links, ics
        google = next(h for h in links if h.startswith("https://calendar.google.com/"))
        assert parse_qs(urlsplit(google).query) == {"cid": [webcal]}
        outlook = next(h for h in links if h.startswith("https://outlook.live.com/"))
        query = parse_qs(urlsplit(outlook).query)
        assert query["url"] == [ics] and query["rru"] == ["addsubscription"]
        assert query["name"][0].startswith("Järjestöjen sote-muutostuki: tapahtumat")


def test_subscription_page_offers_google_and_outlook_beside_webcal(example_site):
    doc = lxml_html.fromstring(example_site.html("tapahtumat/tilaa/"))
    kainuu = doc.xpath("//li[.//code[contains(text(), '/alueet/kainuu/tapahtumat.ics')]]")[0]
    labels = [" ".join(a.text_content().split()) for a in kainuu.xpath(".//a")]
    assert labels[1:4] == ["Tilaa kalenteri: Kainuu", "Google-kalenteri: Kainuu", "Outlook.com: Kainuu"], labels
    assert not doc.xpath("//table"), "the region list is a list that wraps on a phone, not a table"


def test_rss_and_atom_are_styled_and_still_valid_feeds(example_site):
    feeds = sorted(p for p in example_site.site.rglob("*.xml") if p.name in {"feed.xml", "atom.xml"})
    assert len(feeds) >= 30
    for path in feeds:
        head = path.read_bytes()[:200].decode("utf-8")
        assert '<?xml-stylesheet type="text/xsl" href="/assets/muutostuki/syote.xsl"?>' in head.splitlines()[1], path
        parse_xml_feed(path)
    assert (example_site.site / "assets" / "muutostuki" / "syote.xsl").is_file()
