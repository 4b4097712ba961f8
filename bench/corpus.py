"""A deterministic synthetic corpus for the benchmark: N posts, N/3 events, the 22 regions.

Why synthetic: build time depends on how many pages there are and how long they are, not on
what they say, and a seeded generator gives every machine (and every run) the same site.
The text is Finnish-like word salad in the shape editors write: front matter as in blog/ and
events/, headings, lists, external links and relative links between posts.

Also writes the two comparison projects over the same posts: the floor (plain MkDocs +
Material, posts and events as plain pages outside the nav) and Material's blog plugin.
"""
from __future__ import annotations

import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

import yaml
from dateutil.rrule import rrulestr

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))  # the registry is plain Python: no install needed

from muutostuki.content.region_registry import REGIONS  # noqa: E402
from muutostuki.content.slugs import slugify  # noqa: E402
from muutostuki.editor.project import load_project  # noqa: E402

BUILD_TIME = "2026-11-23 12:00"
SITE_URL = "https://muutostuki.example.fi/"
FIRST_YEAR = 2021

NOUNS = (
    "järjestö", "hyvinvointialue", "yhteistyö", "kumppanuus", "asukas", "palvelu", "vapaaehtoinen", "verkosto",
    "kunta", "avustus", "osallisuus", "päätöksenteko", "aluevaltuusto", "lautakunta", "strategia", "hanke",
    "työpaja", "kokemus", "asiantuntija", "kehittäminen", "vaikuttaminen", "ikäihminen", "nuori", "perhe",
    "mielenterveys", "päihdetyö", "kuntoutus", "vammaisjärjestö", "potilasjärjestö", "sopimus", "rahoitus",
    "toimintaedellytys", "tietopohja", "raportti", "kysely", "tilaisuus", "foorumi", "neuvottelukunta",
    "yhdyspinta", "ennaltaehkäisy", "hyvinvointi", "terveys", "arki", "kohtaaminen", "vertaistuki", "toimija",
    "vaikuttamistoimielin", "kokemusasiantuntija", "palvelutarve", "palveluverkko", "lähipalvelu", "järjestötyö",
    "sote-keskus", "kansalaistoiminta", "toimitila", "yhdistys", "valmistelu", "talousarvio", "muutostuki",
)
NOUNS_GEN = (
    "järjestöjen", "hyvinvointialueen", "asukkaiden", "kuntien", "palveluiden", "vapaaehtoisten", "verkoston",
    "yhdistysten", "päättäjien", "ikäihmisten", "nuorten", "perheiden", "kokemusasiantuntijoiden", "alueen",
    "työryhmän", "valtuuston", "hankkeen", "lautakunnan", "toimijoiden",
)
VERBS = (
    "tukee", "vahvistaa", "kehittää", "selvittää", "kokoaa", "edistää", "arvioi", "valmistelee", "tarjoaa",
    "kuulee", "rakentaa", "sopii", "linjaa", "esittelee", "kartoittaa", "ohjaa", "rahoittaa", "käynnistää",
    "jatkaa", "avaa", "kutsuu", "seuraa", "tiivistää", "uudistaa",
)
ADJECTIVES = (
    "alueellinen", "yhteinen", "uusi", "pitkäjänteinen", "avoin", "monipuolinen", "tärkeä", "toimiva",
    "paikallinen", "valtakunnallinen", "sujuva", "selkeä", "ajankohtainen", "kestävä", "vaikuttava",
    "matalan kynnyksen", "ennakoiva", "osallistava", "yhdenvertainen", "käytännöllinen",
)
ADVERBS = ("nyt", "jatkossa", "edelleen", "yhdessä", "syksyllä", "keväällä", "vihdoin", "aktiivisesti",
           "säännöllisesti", "myös", "erityisesti", "entistä paremmin", "tänä vuonna", "alueittain")
CONNECTIVES = ("ja", "sekä", "mutta", "koska", "jotta", "kun", "vaikka")
CATEGORIES = (
    "Sote-uudistus", "Järjestöjen sote-muutostuki", "Osallisuus", "Avustukset", "Hyvinvointialueet",
    "Vaikuttaminen", "Mielenterveys", "Ikäihmiset", "Lapset ja perheet", "Vapaaehtoistyö", "Yhdyspinnat",
    "Tapahtumat",
)
TAGS = (
    "ihmisensote", "webinaari", "avustukset", "kumppanuuspöytä", "järjestöfoorumi", "aluevaalit",
    "hyvinvointisuunnitelma", "järjestöyhteistyö", "STEA", "kysely", "kokemusasiantuntijuus", "järjestöbarometri",
    "osallisuusohjelma", "yhdyspintatyö", "vaikuttamistoimielimet", "talousarvio", "palvelustrategia",
    "tilat", "lähipalvelut", "digituki", "mielenterveysjärjestöt", "vammaisneuvosto", "vanhusneuvosto",
    "nuorisovaltuusto", "liikunta", "päihdetyö", "kotoutuminen", "kulttuuri", "kuntayhteistyö", "raportti",
)
FIRST_NAMES = ("Aino", "Eero", "Helmi", "Juho", "Kaisa", "Lauri", "Minna", "Niko", "Outi", "Pekka", "Riikka",
               "Sami", "Tiina", "Ulla", "Ville", "Anu", "Heikki", "Johanna", "Kari", "Leena")
LAST_NAMES = ("Aaltonen", "Heikkinen", "Järvinen", "Kallio", "Laine", "Mäkelä", "Nieminen", "Ojala", "Peltonen",
              "Rantanen", "Salminen", "Toivonen", "Virtanen", "Hämäläinen", "Koskinen", "Lehtonen")
ROLES = ("järjestöasiantuntija", "hankepäällikkö", "kehittämissuunnittelija", "toiminnanjohtaja",
         "viestintäasiantuntija", "järjestökoordinaattori")
ORGANISATIONS = ("SOSTE Suomen sosiaali ja terveys ry", "Kymen-Karjalan sosiaali- ja terveysturva ry",
                 "Pirkanmaan Sosiaaliturvayhdistys ry", "Järjestöjen Etelä-Savo", "Lapin Järjestöareena",
                 "Pohjois-Savon Järjestöjen tuki", "Satakunnan yhteisöt ry", "Järjestöareena Keski-Suomi")
EXTERNAL_LINKS = (
    ("SOSTE", "https://www.soste.fi/"), ("sosiaali- ja terveysministeriö", "https://stm.fi/"),
    ("THL", "https://thl.fi/"), ("Kuntaliitto", "https://www.kuntaliitto.fi/"),
    ("STEA", "https://www.stea.fi/"), ("soteuudistus.fi", "https://soteuudistus.fi/"),
    ("Järjestöbarometri", "https://www.soste.fi/jarjestobarometri/"),
)
PLACES = (("Järjestötalo", "Mannerheimintie 1", "Helsinki"), ("Kulttuuritalo", "Kirkkokatu 5", "Mikkeli"),
          ("Kaupungintalo", "Hämeenkatu 10", "Tampere"), ("Kirjasto Metso", "Pirkankatu 2", "Tampere"),
          ("Järjestökeskus", "Kauppakatu 20", "Kuopio"), ("Seurakuntatalo", "Torikatu 3", "Joensuu"),
          ("Kampus", "Yliopistonkatu 4", "Jyväskylä"), ("Virastotalo", "Hallituskatu 7", "Oulu"),
          ("Kokoustila Ankkuri", "Satamakatu 6", "Turku"), ("Työväentalo", "Rautatienkatu 9", "Rovaniemi"))


@dataclass
class Corpus:
    """What the generator wrote, for the runner and the test to check against."""

    root: Path
    posts: int
    events: int
    public_posts: int                   # neither draft nor scheduled at the build time
    build_time: str
    post_urls: list[str] = field(default_factory=list)      # site-relative URLs of public posts, newest first
    recent_events: int = 0              # events with an occurrence ending in the past year or later
    old_events: int = 0                 # events wholly older than a year before the build time


class _Text:
    """Finnish-like sentences, paragraphs and headings from one seeded random source."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def words(self, n: int) -> list[str]:
        r = self.rng
        out = []
        while len(out) < n:
            out += [r.choice(NOUNS_GEN), r.choice(NOUNS), r.choice(VERBS), r.choice(ADJECTIVES), r.choice(NOUNS)]
            if r.random() < 0.5:
                out += [r.choice(ADVERBS)]
            if r.random() < 0.3:
                out += [r.choice(CONNECTIVES)]
        return out[:n]

    def sentence(self) -> str:
        words = self.words(self.rng.randint(6, 16))
        if len(words) > 8 and self.rng.random() < 0.4:
            words[self.rng.randint(3, len(words) - 3)] += ","
        text = " ".join(words).rstrip(",")
        return text[0].upper() + text[1:] + "."

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def title(self) -> str:
        words = self.words(self.rng.randint(4, 8))
        text = " ".join(words)
        return text[0].upper() + text[1:]


def _yaml_scalar(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _front_matter(fields: list[tuple[str, str]], tail: str = "") -> str:
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in fields) + tail + "---\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _authors(rng: random.Random, count: int) -> dict[str, dict]:
    authors: dict[str, dict] = {}
    while len(authors) < count:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        author_id = slugify(name)
        if author_id not in authors:
            authors[author_id] = {"name": name, "role": rng.choice(ROLES),
                                  "organisation": rng.choice(ORGANISATIONS)}
    return authors


def _region_file(rng: random.Random, text: _Text, region: tuple[str, str, str, str, str]) -> str:
    region_id, _code, name, name_sv, short = region
    others = [r[0] for r in REGIONS if r[0] != region_id]
    fields = [("name", _yaml_scalar(name)), ("name_sv", _yaml_scalar(name_sv)), ("short_name", _yaml_scalar(short)),
              ("city", _yaml_scalar(rng.choice(PLACES)[2])), ("website", f"https://www.{region_id}.example.fi/"),
              ("neighbours", "[" + ", ".join(rng.sample(others, 2)) + "]"),
              ("summary", _yaml_scalar(text.sentence()))]
    network = (f"network:\n  - name: {_yaml_scalar(rng.choice(ORGANISATIONS))}\n"
               f"    url: https://www.{region_id}.example.org/\n"
               f"    contact:\n      name: {rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}\n"
               f"      email: muutostuki@{region_id}.example.org\n")
    head = _front_matter(fields, tail=network)
    body = [f"\n{text.paragraph(4)}\n", f"\n## {text.title()}\n\n{text.paragraph(5)}\n"]
    return head + "".join(body)


def _event(rng: random.Random, text: _Text, index: int, start_day: date) -> tuple[str, str, date]:
    """One event file: (id, text, last day it is on). Kinds: timed, all-day, multi-day, monthly, recurring."""
    title = text.title()
    kind = rng.random()
    hour = rng.choice((9, 10, 13, 14, 17))
    fields: list[tuple[str, str]] = [("title", _yaml_scalar(title))]
    last_day = start_day
    if kind < 0.12:  # recurring series
        rule = rng.choice(("FREQ=MONTHLY;BYDAY=1TU;COUNT=8", "FREQ=WEEKLY;BYDAY=WE;COUNT=10",
                           "FREQ=MONTHLY;BYMONTHDAY=15;COUNT=6"))
        # A series starts on its first occurrence, as editors are told to write it.
        start_day = next(iter(rrulestr(rule, dtstart=datetime.combine(start_day, time(hour))))).date()
        fields += [("start", f"{start_day} {hour:02d}:00"), ("end", f"{start_day} {hour + 1:02d}:30"),
                   ("recurrence", rule)]
        last_day = start_day + timedelta(days=250)
    elif kind < 0.24:  # multi-day, all-day
        last_day = start_day + timedelta(days=rng.randint(1, 2))
        fields += [("start", str(start_day)), ("end", str(last_day))]
    elif kind < 0.34:  # all-day, one day
        fields += [("start", str(start_day))]
    elif kind < 0.38:  # only the month is known
        start_day = start_day.replace(day=1)
        fields += [("start", str(start_day)), ("date_precision", "month")]
    else:
        fields += [("start", f"{start_day} {hour:02d}:00"), ("end", f"{start_day} {hour + 2:02d}:00")]
    event_id = f"{start_day.isoformat()}-{slugify(' '.join(title.split()[:4]))}-{index}"
    where = rng.random()
    if where < 0.4:
        place = rng.choice(PLACES)
        fields.append(("location", "{name: %s, address: %s, city: %s}" % tuple(_yaml_scalar(p) for p in place)))
    if where > 0.3:
        fields.append(("online", "true" if rng.random() < 0.5 else f"https://meet.example.fi/{event_id}"))
    regions = rng.sample([r[0] for r in REGIONS], rng.choice((0, 0, 1, 1, 2)))
    if regions:
        fields.append(("regions", "[" + ", ".join(regions) + "]"))
    fields.append(("organizer", "{name: %s, url: https://www.soste.fi/}" % _yaml_scalar(rng.choice(ORGANISATIONS))))
    if rng.random() < 0.5 and "recurrence" not in dict(fields):
        deadline = start_day - timedelta(days=rng.randint(1, 10))
        fields.append(("registration", f"{{url: https://lomake.example.fi/{event_id}, deadline: {deadline}}}"))
    if rng.random() < 0.05:
        fields.append(("status", rng.choice(("cancelled", "postponed"))))
    fields.append(("categories", "[" + rng.choice(CATEGORIES) + "]"))
    if rng.random() < 0.7:
        fields.append(("summary", _yaml_scalar(text.sentence())))
    body = [f"\n{text.paragraph(rng.randint(2, 4))}\n", f"\n## Ohjelma\n\n"]
    body += [f"- klo {hour + i}.00 {' '.join(text.words(4))}\n" for i in range(rng.randint(2, 4))]
    body.append(f"\n{text.paragraph(2)}\n")
    return event_id, _front_matter(fields) + "".join(body), last_day


def _post_body(rng: random.Random, text: _Text, links: list[str], more: bool) -> str:
    """300–900 words: intro, optional <!-- more -->, sections with lists and links."""
    target = rng.randint(300, 900)
    parts = [text.paragraph(rng.randint(2, 4))]
    if more:
        parts.append("<!-- more -->")
    words = len(parts[0].split())
    while words < target:
        parts.append(f"## {text.title()}")
        para = text.paragraph(rng.randint(3, 6))
        if rng.random() < 0.5:
            label, url = rng.choice(EXTERNAL_LINKS)
            para += f" Lisätietoa löytyy sivustolta [{label}]({url})."
        if links and rng.random() < 0.4:
            para += f" Kirjoitimme aiheesta myös [aiemmin]({rng.choice(links)})."
        parts.append(para)
        words += len(para.split())
        if rng.random() < 0.6:
            marker = "1." if rng.random() < 0.3 else "-"
            items = [f"{marker} {' '.join(text.words(rng.randint(3, 9)))}" for _ in range(rng.randint(3, 5))]
            parts.append("\n".join(items))
            words += sum(len(i.split()) for i in items)
    return "\n\n".join(parts) + "\n"


def _relative(from_path: str, to_path: str) -> str:
    """Relative Markdown link between two files under blog/: blog/2021/a.md -> ../2022/b.md."""
    a, b = from_path.split("/"), to_path.split("/")
    return b[-1] if a[1] == b[1] else f"../{b[1]}/{b[2]}"


# -- mkdocs.yml ------------------------------------------------------------------------------
def read_project_config(path: Path = ROOT / "mkdocs.yml") -> dict:
    """The project's real mkdocs.yml, read at run time: it grows as features add plugins."""
    return load_project(path.parent).config


def _plugin_name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def _ours_config(project: dict, build_time: str) -> dict:
    config = dict(project, site_url=SITE_URL)
    plugins = []
    for entry in project.get("plugins") or []:
        name = _plugin_name(entry)
        options = {} if isinstance(entry, str) else dict(entry[name] or {})
        if name == "muutostuki":
            options["build_time"] = build_time
        plugins.append({name: options} if options else name)
    config["plugins"] = plugins
    theme = dict(config.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((ROOT / theme["custom_dir"]).resolve())
    config["theme"] = theme
    if config.get("hooks"):
        config["hooks"] = [str((ROOT / h).resolve()) for h in config["hooks"]]
    return config


def _nav_existing(nav, docs: Path):
    """The nav without entries whose page the comparison site does not have."""
    kept = []
    for item in nav or []:
        if isinstance(item, dict):
            title, target = next(iter(item.items()))
            if isinstance(target, list):
                sub = _nav_existing(target, docs)
                if sub:
                    kept.append({title: sub})
            elif "://" in str(target) or (docs / str(target)).is_file():
                kept.append(item)
        elif isinstance(item, str) and (docs / item).is_file():
            kept.append(item)
    return kept


def _plain_config(ours: dict, nav: list, plugins: list) -> dict:
    """Material as a plain site would configure it: same theme and Markdown, no engine."""
    theme = {k: v for k, v in (ours.get("theme") or {}).items() if k != "custom_dir"}
    config = {"site_name": ours.get("site_name", "Muutostuki"), "site_url": SITE_URL, "theme": theme,
              "nav": nav, "plugins": plugins,
              "markdown_extensions": ours.get("markdown_extensions") or [],
              "validation": ours.get("validation") or {}}
    return config


def _dump(path: Path, config: dict) -> None:
    _write(path, yaml.safe_dump(config, allow_unicode=True, sort_keys=False))


# -- the generator ---------------------------------------------------------------------------
def generate(root: Path, posts: int, seed: int = 1, build_time: str = BUILD_TIME,
             project_config: Path = ROOT / "mkdocs.yml") -> Corpus:
    """Write the corpus for our engine into root/ours (blog/, events/, docs/, mkdocs.yml)."""
    rng = random.Random(seed)
    text = _Text(rng)
    ours = root / "ours"
    if ours.exists():
        shutil.rmtree(ours)
    now = datetime.strptime(build_time, "%Y-%m-%d %H:%M")
    today = now.date()
    year_ago = today - timedelta(days=365)

    # Hand-written pages come from the project itself; regions and content are generated.
    project_docs = project_config.parent / "docs"
    if project_docs.is_dir():
        shutil.copytree(project_docs, ours / "docs", ignore=shutil.ignore_patterns("alueet"))
    if not (ours / "docs" / "index.md").exists():
        _write(ours / "docs" / "index.md", "---\ntemplate: muutostuki/home.html\ntitle: Etusivu\n---\n\n"
               f"# Järjestöjen sote-muutostuki\n\n{text.paragraph(3)}\n")
    for region in REGIONS:
        _write(ours / "docs" / "alueet" / f"{region[0]}.md", _region_file(rng, text, region))

    authors = _authors(rng, max(5, min(60, posts // 20)))
    lines = ["authors:"]
    for author_id, a in authors.items():
        lines += [f"  {author_id}:", f"    name: {a['name']}", f"    role: {a['role']}",
                  f"    organisation: {_yaml_scalar(a['organisation'])}"]
    _write(ours / "blog" / "authors.yml", "\n".join(lines) + "\n")

    # Events: spread from the first year to a year after the build time.
    span = (today + timedelta(days=365) - date(FIRST_YEAR, 1, 1)).days
    event_ids: list[str] = []
    recent = old = 0
    for i in range(posts // 3):
        start_day = date(FIRST_YEAR, 1, 1) + timedelta(days=rng.randrange(span))
        event_id, content, last_day = _event(rng, text, i, start_day)
        _write(ours / "events" / f"{event_id}.md", content)
        event_ids.append(event_id)
        if last_day >= year_ago:
            recent += 1
        if last_day < year_ago - timedelta(days=2):
            old += 1

    # Posts: dates from the first year to the build time, a few drafts and scheduled ones.
    # Office hours only: a wall-clock time inside the spring DST gap does not exist.
    post_days = (today - date(FIRST_YEAR, 1, 1)).days
    dates = sorted(datetime(FIRST_YEAR, 1, 1, rng.randint(8, 16), rng.randrange(0, 60, 5))
                   + timedelta(days=rng.randrange(post_days)) for _ in range(posts))
    written: list[str] = []   # public posts' paths, oldest first (targets of relative links)
    public: list[tuple[datetime, str]] = []
    used_slugs: set[str] = set()
    for i, when in enumerate(dates):
        title = text.title()
        slug = slugify(" ".join(title.split()[:6]))[:60].rstrip("-")
        while slug in used_slugs:
            slug = f"{slug}-{i}"
        used_slugs.add(slug)
        path = f"blog/{when.year}/{slug}.md"
        draft = rng.random() < 0.01
        if rng.random() < 0.02:
            when = (now + timedelta(days=rng.randint(1, 60))).replace(hour=9, minute=0)  # scheduled
            path = f"blog/{when.year}/{slug}.md"
        fields = [("title", _yaml_scalar(title)), ("date", when.strftime("%Y-%m-%d %H:%M")),
                  ("authors", "[" + ", ".join(rng.sample(sorted(authors), rng.choice((1, 1, 1, 2)))) + "]")]
        regions = rng.sample([r[0] for r in REGIONS], rng.choice((0, 0, 1, 1, 1, 2, 3)))
        if regions:
            fields.append(("regions", "[" + ", ".join(regions) + "]"))
        fields.append(("categories", "[" + ", ".join(rng.sample(CATEGORIES, rng.choice((1, 1, 2)))) + "]"))
        if rng.random() < 0.8:
            fields.append(("tags", "[" + ", ".join(rng.sample(TAGS, rng.randint(1, 4))) + "]"))
        if rng.random() < 0.5:
            fields.append(("summary", _yaml_scalar(text.sentence())))
        if event_ids and rng.random() < 0.1:
            fields.append(("events", f"[{rng.choice(event_ids)}]"))
        if draft:
            fields.append(("draft", "true"))
        links = [_relative(path, target) for target in rng.sample(written, min(3, len(written)))]
        body = _post_body(rng, text, links, more=rng.random() < 0.6)
        _write(ours / path, _front_matter(fields) + "\n" + body)
        if not draft and when <= now:
            written.append(path)
            public.append((when, f"blogi/{when.year}/{slug}/"))

    config = _ours_config(read_project_config(project_config), build_time)
    _dump(ours / "mkdocs.yml", config)
    public.sort(reverse=True)
    return Corpus(root=root, posts=posts, events=len(event_ids), public_posts=len(public), build_time=build_time,
                  post_urls=[url for _, url in public], recent_events=recent, old_events=old)


_TEMPLATE_LINE = re.compile(r"^template:.*\n", re.MULTILINE)


def _strip_template(markdown: str) -> str:
    """Plain Material has no muutostuki templates: drop `template:` from front matter."""
    if not markdown.startswith("---"):
        return markdown
    end = markdown.find("\n---", 3)
    return _TEMPLATE_LINE.sub("", markdown[:end]) + markdown[end:] if end > 0 else markdown


def write_floor(root: Path) -> Path:
    """Plain MkDocs + Material over the same pages: posts and events as pages outside the nav."""
    ours, floor = root / "ours", root / "floor"
    if floor.exists():
        shutil.rmtree(floor)
    docs = floor / "docs"
    for src in sorted((ours / "docs").rglob("*")):
        if src.is_file():
            target = docs / src.relative_to(ours / "docs")
            target.parent.mkdir(parents=True, exist_ok=True)
            if src.suffix == ".md":
                target.write_text(_strip_template(src.read_text(encoding="utf-8")), encoding="utf-8")
            else:
                shutil.copyfile(src, target)
    shutil.copytree(ours / "blog", docs / "blog", ignore=shutil.ignore_patterns("*.yml"))
    shutil.copytree(ours / "events", docs / "events")
    config = yaml.safe_load((ours / "mkdocs.yml").read_text(encoding="utf-8"))
    _dump(floor / "mkdocs.yml", _plain_config(config, _nav_existing(config.get("nav"), docs), ["search"]))
    return floor


_BLOG_KEEP = ("title", "date", "authors", "categories", "slug", "draft")


def _blog_plugin_post(markdown: str) -> str:
    """Our post as Material's blog plugin wants it: a YAML datetime, only the fields it knows."""
    end = markdown.find("\n---", 3)
    meta = yaml.safe_load(markdown[3:end]) or {}
    when = str(meta["date"])
    meta["date"] = datetime.strptime(when, "%Y-%m-%d %H:%M") if " " in when else date.fromisoformat(when)
    kept = {k: meta[k] for k in _BLOG_KEEP if k in meta}
    return "---\n" + yaml.safe_dump(kept, allow_unicode=True, sort_keys=False) + "---" + markdown[end + 4:]


def write_blog_plugin(root: Path) -> Path:
    """Material's blog plugin building the posts alone (docs/blog/posts/, .authors.yml, pagination 10)."""
    ours, project = root / "ours", root / "blog-plugin"
    if project.exists():
        shutil.rmtree(project)
    docs = project / "docs"
    _write(docs / "index.md", "# Järjestöjen sote-muutostuki\n\nBlogi: [kirjoitukset](blog/index.md).\n")
    _write(docs / "blog" / "index.md", "# Blogi\n")
    authors = yaml.safe_load((ours / "blog" / "authors.yml").read_text(encoding="utf-8"))["authors"]
    material = {"authors": {k: {"name": a["name"], "description": a.get("role", ""),
                                "avatar": "https://muutostuki.example.fi/avatar.png"} for k, a in authors.items()}}
    _write(docs / "blog" / ".authors.yml", yaml.safe_dump(material, allow_unicode=True))
    for src in sorted((ours / "blog").rglob("*.md")):
        target = docs / "blog" / "posts" / src.relative_to(ours / "blog")
        _write(target, _blog_plugin_post(src.read_text(encoding="utf-8")))
    config = yaml.safe_load((ours / "mkdocs.yml").read_text(encoding="utf-8"))
    plugins = ["search", {"blog": {"blog_dir": "blog", "pagination_per_page": 10}}]
    _dump(project / "mkdocs.yml", _plain_config(config, [{"Etusivu": "index.md"}, {"Blogi": "blog/index.md"}],
                                                plugins))
    return project


if __name__ == "__main__":  # python bench/corpus.py DIR N
    corpus = generate(Path(sys.argv[1]), int(sys.argv[2]))
    write_floor(corpus.root)
    write_blog_plugin(corpus.root)
    print(corpus)
