"""Blog posts: blog/**/*.md -> Post objects."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from datetime import datetime
from pathlib import Path

from . import fields as F
from .authors import Author
from .bounds import MAX_SLUG_CHARS
from .errors import ErrorList
from .unsafe_text import shown
from .frontmatter import WORD, SourceFile
from .regions import region_id_list
from .slugs import slugify
from .timeutil import as_datetime


MORE_MARKER = re.compile(r"^\s*<!--\s*more\s*-->\s*$", re.MULTILINE)

POST_FIELDS: tuple[F.Field, ...] = (
    F.Field("title", F.title, F.SCHEMA_TITLE, required=True, help="otsikko"),
    F.Field("date", F.date_or_datetime, F.SCHEMA_DATE, required=True,
            help="julkaisupäivä VVVV-KK-PP tai VVVV-KK-PP HH:MM; tulevaisuuden päivä ajastaa julkaisun"),
    F.Field("updated", F.date_or_datetime, F.SCHEMA_DATE, help="päivitetty VVVV-KK-PP"),
    F.Field("authors", F.id_list, dict(F.SCHEMA_ID_LIST, minItems=1), required=True,
            help="kirjoittajien tunnisteet tiedostosta blog/authors.yml, esim. [henna-hovi]"),
    F.Field("regions", region_id_list, F.SCHEMA_ID_LIST, help="alueiden tunnisteet, esim. [etela-savo]; tyhjä = valtakunnallinen"),
    F.Field("categories", F.category_list, F.SCHEMA_CATEGORY_LIST, help="aiheet, esim. [Sote-uudistus]"),
    F.Field("tags", F.label_list, F.SCHEMA_LABEL_LIST, help="avainsanat"),
    F.Field("summary", F.text, F.SCHEMA_TEXT, help="tiivistelmä listauksiin, syötteisiin ja hakukoneille"),
    F.Field("image", F.image_path, F.SCHEMA_IMAGE, help="kuva: polku docs-kansiossa (kuvat/x.jpg) tai https-osoite"),
    F.Field("image_alt", F.text, F.SCHEMA_TEXT, help="kuvan vaihtoehtoinen teksti: mitä kuvassa näkyy"),
    F.Field("license", F.text, F.SCHEMA_TEXT, help="käyttöoikeus, esim. CC-BY-NC-SA-4.0"),
    F.Field("events", F.id_list, F.SCHEMA_ID_LIST, help="liittyvien tapahtumien tunnisteet (tiedostonimi ilman .md)"),
    F.Field("slug", F.slug, dict(F.SCHEMA_TEXT, pattern="^[a-z0-9]+(-[a-z0-9]+)*$"),
            help="osoitteen loppuosa; oletus tiedostonimestä"),
    F.Field("draft", F.boolean, {"type": "boolean"}, help="true = luonnos, ei julkaista"),
)


@dataclass
class Post:
    """A validated blog post. HTML is filled in by the site renderer, once per build."""

    path: str                      # e.g. blog/2021/sote-meni-lapi.md (shown to editors)
    title: str
    date: datetime
    authors: list[Author]
    slug: str
    body: str
    body_line: int = 1
    updated: datetime | None = None
    regions: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    summary: str = ""
    image: str = ""
    image_alt: str = ""
    license: str = ""
    events: list[str] = field(default_factory=list)
    draft: bool = False
    lines: dict[str, int] = field(default_factory=dict)
    words: int | None = field(default=None, compare=False)  # of the body, if counted when it was read
    # filled by the renderer
    html: str = ""
    excerpt_html: str = ""
    description: str = ""

    @property
    def year(self) -> int:
        return self.date.year

    @property
    def url(self) -> str:
        """Site-relative URL with a trailing slash, e.g. blogi/2021/sote-meni-lapi/."""
        return f"blogi/{self.year}/{self.slug}/"

    @property
    def has_more_marker(self) -> bool:
        return bool(MORE_MARKER.search(self.body))

    @property
    def excerpt_markdown(self) -> str | None:
        """The part before `<!-- more -->`, or None when the post has no marker."""
        m = MORE_MARKER.search(self.body)
        return self.body[: m.start()] if m else None

    @cached_property
    def word_count(self) -> int:
        """Counted once: every listing card shows the reading time (a stored parse has the count already)."""
        return self.words if self.words is not None else len(WORD.findall(self.body))

    @property
    def reading_minutes(self) -> int:
        """Finnish words are long: ~150 words a minute is a fair reading pace."""
        return max(1, round(self.word_count / 150))

    @property
    def category_slugs(self) -> list[tuple[str, str]]:
        return [(c, slugify(c)) for c in self.categories]

    @property
    def tag_slugs(self) -> list[tuple[str, str]]:
        """(tag, slug) for tags that make an address (a tag of only punctuation gets no page)."""
        return [(t, s) for t in self.tags if (s := slugify(t))]

    def is_public(self, now: datetime) -> bool:
        return not self.draft and self.date <= now

    def is_scheduled(self, now: datetime) -> bool:
        return self.date > now


def build_post(source: SourceFile, authors: dict[str, Author], errors: ErrorList) -> Post | None:
    """Validate one post's fields; cross-references (regions, events) are checked by the site."""
    clean = F.validate_fields(source, POST_FIELDS, errors, "kirjoitukselle")
    author_objs = []
    for i, author_id in enumerate(clean.get("authors", [])):
        if author_id in authors:
            author_objs.append(authors[author_id])
        else:
            from .errors import did_you_mean

            known = ", ".join(sorted(authors)) or "(blog/authors.yml puuttuu tai on tyhjä)"
            errors.add(source.path, source.line(f"authors.{i}") if f"authors.{i}" in source.lines else source.line("authors"),
                       "authors", f"tuntematon kirjoittaja '{author_id}'.{did_you_mean(author_id, list(authors))} "
                       f"Lisää hänet tiedostoon blog/authors.yml tai käytä tunnettua: {known}")
    if "authors" in clean and not clean["authors"]:
        errors.add(source.path, source.line("authors"), "authors",
                   "vähintään yksi kirjoittaja tarvitaan, esim. authors: [henna-hovi]")
    if "image" in clean and "image_alt" not in clean:
        errors.add(source.path, source.line("image"), "image_alt",
                   "kuvalta puuttuu vaihtoehtoinen teksti; lisää 'image_alt: ...' joka kertoo, mitä kuvassa näkyy")
    if "title" not in clean or "date" not in clean or not author_objs:
        return None
    stem = Path(source.path).stem
    slug = clean.get("slug") or slugify(stem)
    if not slug:
        errors.add(source.path, 1, "slug", f"tiedostonimestä '{shown(stem)}' ei saa osoitetta; anna 'slug: ...'")
        return None
    if len(slug) > MAX_SLUG_CHARS:
        errors.add(source.path, 1, "slug", f"tiedostonimestä tulisi liian pitkä osoite ({len(slug)} merkkiä, "
                   f"enintään {MAX_SLUG_CHARS}); lyhennä tiedostonimeä tai anna lyhyempi 'slug: ...'")
        return None
    updated = clean.get("updated")
    return Post(
        path=source.path, title=clean["title"], date=as_datetime(clean["date"]), authors=author_objs,
        slug=slug, body=source.body, body_line=source.body_line,
        updated=as_datetime(updated) if updated is not None else None,
        regions=clean.get("regions", []), categories=clean.get("categories", []), tags=clean.get("tags", []),
        summary=clean.get("summary", ""), image=clean.get("image", ""), image_alt=clean.get("image_alt", ""),
        license=clean.get("license", ""), events=clean.get("events", []), draft=clean.get("draft", False),
        lines=source.lines, words=source.word_count(),
    )
