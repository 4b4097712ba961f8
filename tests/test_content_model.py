"""Unit tests of the content model: every editors' mistake has its message."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from muutostuki.content.site import ContentPaths, load_site
from muutostuki.content.slugs import slugify
from muutostuki.content.timeutil import HELSINKI

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=HELSINKI)
AUTHORS = "authors:\n  testaaja:\n    name: Tiina Testaaja\n"


def load(tmp_path: Path, files: dict[str, str | bytes], preview: bool = False):
    files = {"blog/authors.yml": AUTHORS, **files}
    for rel, content in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return load_site(ContentPaths(root=tmp_path), NOW, preview=preview)


def messages(site) -> list[str]:
    return [str(e) for e in site.errors.errors]


def one_post(tmp_path, front: str, body: str = "Teksti.\n"):
    return load(tmp_path, {"blog/x.md": f"---\n{front}---\n{body}"})


GOOD = "title: Otsikko\ndate: 2026-01-15\nauthors: [testaaja]\n"


def test_valid_post_is_loaded(tmp_path):
    site = one_post(tmp_path, GOOD + "regions: [etela-savo]\ncategories: [Sote-uudistus]\n")
    assert messages(site) == []
    (post,) = site.posts
    assert post.url == "blogi/2026/x/"
    assert post.date == datetime(2026, 1, 15, tzinfo=HELSINKI)
    assert post.authors[0].name == "Tiina Testaaja"
    assert site.categories["sote-uudistus"].posts == [post]
    assert site.posts_by_region["etela-savo"] == [post]


@pytest.mark.parametrize("front, expected", [
    ("title: [rikki\ndate: 2026-01-15\nauthors: [testaaja]\n", "blog/x.md:3: yaml: YAML-virhe"),
    ("date: 2026-01-15\nauthors: [testaaja]\n", "blog/x.md:1: title: pakollinen kenttä puuttuu"),
    ("title: Otsikko\nauthors: [testaaja]\n", "blog/x.md:1: date: pakollinen kenttä puuttuu"),
    ("title: Otsikko\ndate: 15.1.2026\nauthors: [testaaja]\n", "blog/x.md:3: date: '15.1.2026' ei ole päivämäärä; käytä muotoa VVVV-KK-PP"),
    ("title: Otsikko\ndate: 2026-02-30\nauthors: [testaaja]\n", "blog/x.md:3: date: päivämäärää '2026-02-30' ei ole olemassa"),
    ("title: Otsikko\ndate: 2026-01-15\nauthors: [tuntematon]\n", "blog/x.md:4: authors: tuntematon kirjoittaja 'tuntematon'"),
    ("title: Otsikko\ndate: 2026-01-15\nauthors: [testaja]\n", "Tarkoititko 'testaaja'?"),
    ("title: Otsikko\ndate: 2026-01-15\nauthors: []\n", "blog/x.md:4: authors: vähintään yksi kirjoittaja"),
    (GOOD + "regions:\n  - etela-savo\n  - kymenlakso\n", "blog/x.md:7: regions: tuntematon alue 'kymenlakso'. Tarkoititko 'kymenlaakso'? Tunnetut alueet: ita-uusimaa,"),
    (GOOD + "events: [ei-ole]\n", "blog/x.md:5: events: tuntematon tapahtuma 'ei-ole'"),
    (GOOD + "regions: etela-savo\n", "blog/x.md:5: regions: pitää olla lista"),
    (GOOD + "categories: Sote\n", "blog/x.md:5: categories: pitää olla lista"),
    ('title: ""\ndate: 2026-01-15\nauthors: [testaaja]\n', "blog/x.md:2: title: ei saa olla tyhjä"),
    ("title:\ndate: 2026-01-15\nauthors: [testaaja]\n", "blog/x.md:2: title: pakollinen kenttä on tyhjä"),
    (GOOD + "image: kuvat/a.jpg\n", "blog/x.md:5: image_alt: kuvalta puuttuu vaihtoehtoinen teksti"),
    (GOOD + "draft: joo\n", "blog/x.md:5: draft: pitää olla true tai false"),
    (GOOD + "tittle: x\n", "blog/x.md:5: tittle: tuntematon kenttä kirjoitukselle; sallitut kentät: title,"),
    (GOOD + "slug: Iso Slug\n", "blog/x.md:5: slug: 'Iso Slug' ei kelpaa osoitteeksi"),
])
def test_each_mistake_has_its_message(tmp_path, front, expected):
    site = one_post(tmp_path, front)
    assert any(expected in m for m in messages(site)), messages(site)


def test_not_utf8(tmp_path):
    site = load(tmp_path, {"blog/x.md": ("---\n" + GOOD + "---\nÄäkköset\n").encode("latin-1")})
    assert messages(site) == ["blog/x.md:6: tiedosto: tiedosto ei ole UTF-8-muodossa; tallenna se editorissa merkistöllä UTF-8"]


def test_missing_front_matter_and_unclosed(tmp_path):
    site = load(tmp_path, {"blog/a.md": "Pelkkää tekstiä\n", "blog/b.md": "---\ntitle: x\n"})
    msgs = messages(site)
    assert any(m.startswith("blog/a.md:1: front matter: tiedoston pitää alkaa") for m in msgs)
    assert any(m.startswith("blog/b.md:1: front matter: front matterin lopetusrivi") for m in msgs)


def test_duplicate_slug_reported_on_both_files(tmp_path):
    site = load(tmp_path, {
        "blog/2026/sama.md": f"---\n{GOOD}---\nA\n",
        "blog/vanhat/sama.md": f"---\n{GOOD}---\nB\n",
    })
    msgs = messages(site)
    assert sum("slug: sama osoite /blogi/2026/sama/" in m for m in msgs) == 2


def test_every_mistake_reported_in_one_run(tmp_path):
    site = load(tmp_path, {
        "blog/a.md": "---\ntitle: A\ndate: huomenna\nauthors: [testaaja]\n---\n",
        "blog/b.md": "---\ntitle: B\ndate: 2026-01-01\nauthors: [x]\n---\n",
        "blog/c.md": b"\xff\xfe",
    })
    paths = {e.path for e in site.errors.errors}
    assert paths == {"blog/a.md", "blog/b.md", "blog/c.md"}


def test_wrong_post_never_silently_dropped(tmp_path):
    """Whatever is wrong, a post that does not load has at least one error naming its file."""
    cases = ["title: A\n", "authors: [testaaja]\n", "title: A\ndate: 2026-01-01\nauthors: []\n", "[]\n", "- a\n"]
    for i, front in enumerate(cases):
        site = load(tmp_path / str(i), {f"blog/p{i}.md": f"---\n{front}---\n"})
        assert not site.posts and any(e.path == f"blog/p{i}.md" for e in site.errors.errors), front


def test_drafts_and_future_posts(tmp_path):
    files = {
        "blog/julkinen.md": f"---\n{GOOD}---\n",
        "blog/luonnos.md": "---\ntitle: L\ndate: 2026-01-01\nauthors: [testaaja]\ndraft: true\n---\n",
        "blog/tuleva.md": "---\ntitle: T\ndate: 2026-11-23 12:01\nauthors: [testaaja]\n---\n",
    }
    public = load(tmp_path / "a", files)
    assert [p.slug for p in public.posts] == ["julkinen"]
    preview = load(tmp_path / "b", files, preview=True)
    assert {p.slug for p in preview.posts} == {"julkinen", "luonnos", "tuleva"}


def test_times_are_helsinki_whatever_the_machine_zone(tmp_path, monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    import time
    time.tzset()
    try:
        site = one_post(tmp_path, "title: A\ndate: 2026-07-01 09:30\nauthors: [testaaja]\n")
        assert site.posts[0].date.isoformat() == "2026-07-01T09:30:00+03:00"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_nonexistent_local_time_in_dst_gap(tmp_path):
    site = one_post(tmp_path, "title: A\ndate: 2026-03-29 03:30\nauthors: [testaaja]\n")
    assert any("kesäaikaan siirtyminen" in m for m in messages(site))


@pytest.mark.parametrize("text, slug", [("Sote meni läpi!", "sote-meni-lapi"), ("Åland ja Öljy", "aland-ja-oljy"),
                                        ("  --Hyte  neuvottelut-- ", "hyte-neuvottelut")])
def test_slugify(text, slug):
    assert slugify(text) == slug


@pytest.mark.parametrize("value, label, url", [
    ("CC-BY-NC-SA-4.0", "CC BY-NC-SA 4.0", "https://creativecommons.org/licenses/by-nc-sa/4.0/"),
    ("CC BY-SA-NC", "CC BY-NC-SA 4.0", "https://creativecommons.org/licenses/by-nc-sa/4.0/"),
    ("Kaikki oikeudet pidätetään", "Kaikki oikeudet pidätetään", ""),
])
def test_license_labels(value, label, url):
    from muutostuki.pages.licenses import license_label_and_url
    assert license_label_and_url(value) == (label, url)


def test_author_mistake_names_its_line(tmp_path):
    site = load(tmp_path, {"blog/authors.yml": "authors:\n  a:\n    name: A\n  b:\n    nimi: B\n"})
    assert "blog/authors.yml:4: b.nimi: tuntematon kenttä; sallitut: name, role, organisation, url, organizer" in messages(site)


def test_reading_time_is_counted_once_and_kept_with_a_stored_parse(tmp_path):
    """The word count travels with the parsed file (content/source_store.py), so a warm build shows the same
    reading time without counting again; a changed body is a different file, counted anew."""
    from muutostuki.content.source_store import decode_source, encode_source

    body = "sana " * 449 + "loppu\n"  # 450 words: 3 minutes
    (post,) = one_post(tmp_path, GOOD, body).posts
    assert post.word_count == 450 and post.reading_minutes == 3
    stored = decode_source(encode_source(post_source := _source_of(tmp_path / "blog/x.md")))
    assert stored == post_source and stored.words == 450
    shorter = decode_source(encode_source(_source_of(tmp_path / "blog/x.md", body="yksi kaksi\n")))
    assert shorter.words == 2


def _source_of(path: Path, body: str | None = None):
    from muutostuki.content.errors import ErrorList
    from muutostuki.content.frontmatter import read_source

    if body is not None:
        text = path.read_text(encoding="utf-8")
        path.write_text(text[: text.index("---\n", 4) + 4] + body, encoding="utf-8")
    return read_source(path, "blog/x.md", ErrorList())


class _MemoryStore:
    """The build cache's get/put, in memory."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], bytes] = {}

    def get(self, kind: str, key: str):
        return self.entries.get((kind, key))

    def preload(self, kind: str) -> None:
        pass

    def put(self, kind: str, key: str, value: bytes) -> None:
        self.entries[(kind, key)] = value


def test_a_stored_parse_is_found_without_reading_a_file_left_as_it_was(tmp_path, monkeypatch):
    """content/source_store.py keys a parse by the file's path and bytes; the bytes' digest is remembered by
    the file's size, mtime and inode (content/file_digests.py), so the next build reads only changed files."""
    import builtins
    import os

    from muutostuki.content.bounds import MAX_FILE_BYTES
    from muutostuki.content.source_store import StoredSources

    one_post(tmp_path, GOOD, "Teksti.\n")
    other = tmp_path / "blog/y.md"
    other.write_text((tmp_path / "blog/x.md").read_text(encoding="utf-8"), encoding="utf-8")
    store = _MemoryStore()
    first = StoredSources(store, tmp_path)
    keys = {rel: first.key(rel, tmp_path / rel) for rel in ("blog/x.md", "blog/y.md")}
    assert keys["blog/x.md"] != keys["blog/y.md"]  # the same bytes at another path: another parse
    first.save_digests()

    other.write_text(other.read_text(encoding="utf-8") + "Lisää.\n", encoding="utf-8")
    reads = []
    real_open = builtins.open
    monkeypatch.setattr(builtins, "open", lambda path, *a, **k: reads.append(str(path)) or real_open(path, *a, **k))
    again = StoredSources(store, tmp_path)
    assert again.key("blog/x.md", tmp_path / "blog/x.md") == keys["blog/x.md"]
    assert again.key("blog/y.md", other) not in (None, keys["blog/y.md"])
    assert reads == [str(other)]
    assert StoredSources(store, tmp_path / "muu").key("blog/x.md", tmp_path / "blog/x.md") == keys["blog/x.md"]
    assert len(reads) == 2  # a record of another folder is not trusted
    with open(other, "ab") as handle:
        handle.write(b"x" * MAX_FILE_BYTES)
    assert again.key("blog/y.md", other) is None  # too large: read the usual way, with its message
    os.unlink(other)
    assert again.key("blog/y.md", other) is None
