"""`python -m muutostuki` / `muutostuki`: the editors' command line, in Finnish.

Only argument parsing and printing live here; the work is done in `editor/`.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

# argparse writes its own words in English; these are the ones editors meet
_ARGPARSE_FI = (
    (re.compile(r"^the following arguments are required: (.*)$"), r"nämä puuttuvat: \1"),
    (re.compile(r"^unrecognized arguments: (.*)$"), r"tuntemattomia argumentteja: \1"),
    (re.compile(r"^argument (\S+): expected one argument$"), r"\1: anna arvo, esim. \1 arvo"),
    (re.compile(r"^argument (\S+): invalid choice: (.*?) \(choose from (.*)\)$"),
     r"\1: tuntematon valinta \2; vaihtoehdot: \3"),
    (re.compile(r"^argument (\S+): ambiguous option: (.*)$"), r"\1: epäselvä valitsin: \2"),
)


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix="käyttö: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """ArgumentParser with Finnish section titles, help option and error messages."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumentit"
        self._optionals.title = "valitsimet"
        self.add_argument("-h", "--help", action="help", help="näytä tämä ohje ja lopeta")

    def error(self, message: str):
        for pattern, replacement in _ARGPARSE_FI:
            message = pattern.sub(replacement, message)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: virhe: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="muutostuki", description=(
        "Järjestöjen sote-muutostuen sivuston työkalut toimittajille: uusi kirjoitus tai tapahtuma,\n"
        "sisällön tarkistus ilman sivuston rakentamista ja listat tulevista tapahtumista ja luonnoksista.\n"
        "Ohjeet: docs/ohjeet/ (sivustolla Tietoa > Ohjeet)."))
    parser.add_argument("--root", type=Path, metavar="KANSIO",
                        help="sivuston kansio (jossa mkdocs.yml); oletus: lähin tästä kansiosta ylöspäin")
    commands = parser.add_subparsers(dest="command", metavar="KOMENTO", title="komennot", parser_class=_Parser)
    commands.required = True

    new = commands.add_parser("new", help="luo uusi kirjoitus, tapahtuma, paikka tai järjestäjä",
                              description="Luo uuden tiedoston valmiilla kentillä ja tekstipohjalla.")
    kinds = new.add_subparsers(dest="kind", metavar="LAJI", title="lajit", parser_class=_Parser)
    kinds.required = True
    post = kinds.add_parser("post", help="uusi blogikirjoitus: blog/VVVV/nimi.md", description=(
        "Luo blogikirjoituksen tiedostoon blog/VVVV/nimi.md. Uusi kirjoitus on luonnos (draft: true),\n"
        "kunnes muutat sen valmiiksi; anna --no-draft, jos se julkaistaan heti.\n\n"
        "esim. muutostuki new post \"Sote meni läpi\" --author henna-hovi --region etela-savo"))
    post.add_argument("title", metavar="OTSIKKO", help="kirjoituksen otsikko lainausmerkeissä")
    post.add_argument("--author", action="append", required=True, metavar="TUNNISTE",
                      help="kirjoittajan tunniste tiedostosta blog/authors.yml; toista, jos kirjoittajia on useampi")
    post.add_argument("--region", action="append", metavar="ALUE",
                      help="alueen tunniste, esim. etela-savo; toista tai erota pilkuilla; ilman = valtakunnallinen")
    post.add_argument("--category", action="append", metavar="AIHE", help="aihe, esim. Sote-uudistus; voi toistaa")
    post.add_argument("--tag", action="append", metavar="SANA", help="avainsana; voi toistaa")
    post.add_argument("--date", metavar="AIKA",
                      help="julkaisuaika VVVV-KK-PP tai \"VVVV-KK-PP HH:MM\"; oletus nyt; tuleva aika ajastaa julkaisun")
    post.add_argument("--summary", metavar="TEKSTI", help="tiivistelmä listauksiin ja syötteisiin")
    post.add_argument("--slug", metavar="OSOITE", help="osoitteen loppuosa; oletus otsikosta, esim. sote-meni-lapi")
    post.add_argument("--draft", action=argparse.BooleanOptionalAction, default=True,
                      help="luonnos vai julkaistava (oletus: luonnos)")

    event = kinds.add_parser("event", help="uusi tapahtuma: events/VVVV-KK-PP-nimi.md", description=(
        "Luo tapahtuman tiedostoon events/VVVV-KK-PP-nimi.md. Ajat ovat Suomen aikaa.\n\n"
        "esim. muutostuki new event \"Järjestöfoorumi\" --start \"2026-03-05 13:00\" --end \"2026-03-05 15:00\" "
        "--region etela-savo"))
    event.add_argument("title", metavar="OTSIKKO", help="tapahtuman nimi lainausmerkeissä")
    event.add_argument("--start", required=True, metavar="AIKA",
                       help="alkaa: \"VVVV-KK-PP HH:MM\" tai koko päivän tapahtumalle VVVV-KK-PP")
    event.add_argument("--end", metavar="AIKA", help="päättyy: samassa muodossa kuin --start")
    event.add_argument("--region", action="append", metavar="ALUE",
                       help="alueen tunniste, esim. etela-savo; toista tai erota pilkuilla; ilman = valtakunnallinen")
    event.add_argument("--online", nargs="?", const=True, metavar="OSOITE",
                       help="verkkotapahtuma; anna osallistumislinkki https://... jos se on tiedossa")
    event.add_argument("--place", metavar="NIMI", help="paikan nimi, esim. Mikkelin järjestötalo")
    event.add_argument("--address", metavar="OSOITE", help="katuosoite")
    event.add_argument("--city", metavar="KAUPUNKI", help="kaupunki")
    event.add_argument("--organizer", metavar="NIMI", help="järjestäjä")
    event.add_argument("--registration", metavar="OSOITE", help="ilmoittautumislinkki https://...")
    event.add_argument("--deadline", metavar="PÄIVÄ", help="ilmoittautumisen viimeinen päivä VVVV-KK-PP")
    event.add_argument("--category", action="append", metavar="AIHE", help="aihe; voi toistaa")
    event.add_argument("--summary", metavar="TEKSTI", help="lyhyt kuvaus listauksiin ja kalentereihin")
    event.add_argument("--slug", metavar="NIMI", help="tiedostonimen loppuosa; oletus otsikosta")
    event.add_argument("--draft", action=argparse.BooleanOptionalAction, default=True,
                       help="luonnos vai julkaistava (oletus: luonnos)")

    place = kinds.add_parser("place", help="uusi tapahtumapaikka: events/paikat/nimi.yml", description=(
        "Luo paikan tiedostoon events/paikat/nimi.yml. Tapahtumat viittaavat paikkaan sen tunnisteella\n"
        "(place: nimi). Täydennä saavutettavuustiedot tiedostoon.\n\n"
        "esim. muutostuki new place \"Mikkelin kaupungintalo\" --address \"Maaherrankatu 9\" --postal-code 50100 "
        "--city Mikkeli --region etela-savo"))
    place.add_argument("title", metavar="NIMI", help="paikan nimi lainausmerkeissä")
    place.add_argument("--city", required=True, metavar="KAUPUNKI", help="kunta tai kaupunki")
    place.add_argument("--address", metavar="OSOITE", help="katuosoite")
    place.add_argument("--postal-code", metavar="NUMERO", help="postinumero, esim. 50100")
    place.add_argument("--region", metavar="ALUE", help="alueen tunniste, esim. etela-savo")
    place.add_argument("--slug", metavar="NIMI", help="tiedostonimi ja tunniste; oletus nimestä")

    organizer = kinds.add_parser("organizer", help="uusi järjestäjä: events/jarjestajat/nimi.yml", description=(
        "Luo järjestäjän tiedostoon events/jarjestajat/nimi.yml. Tapahtumat viittaavat järjestäjään sen\n"
        "tunnisteella (organizer: nimi).\n\n"
        "esim. muutostuki new organizer \"Kymen-Karjalan sosiaali- ja terveysturva ry\" --short-name Kykasote "
        "--region kymenlaakso --slug kykasote"))
    organizer.add_argument("title", metavar="NIMI", help="järjestön virallinen nimi lainausmerkeissä")
    organizer.add_argument("--short-name", metavar="NIMI", help="lyhyt nimi, esim. SOSTE")
    organizer.add_argument("--url", metavar="OSOITE", help="verkkosivu https://...")
    organizer.add_argument("--email", metavar="OSOITE", help="yleinen sähköpostiosoite")
    organizer.add_argument("--phone", metavar="NUMERO", help="puhelinnumero")
    organizer.add_argument("--region", metavar="ALUE", help="kotialueen tunniste; ilman = valtakunnallinen")
    organizer.add_argument("--slug", metavar="NIMI", help="tiedostonimi ja tunniste; oletus nimestä")

    commands.add_parser("check", help="tarkista kaikki sisältö rakentamatta sivustoa", description=(
        "Tarkistaa kirjoitukset, tapahtumat, alueet ja kirjoittajat samoin kuin sivuston rakentaminen ja\n"
        "lisäksi linkit. Virheet estävät julkaisun (paluuarvo 1); varoitukset eivät (paluuarvo 0)."))

    listing = commands.add_parser("list", help="listaa tapahtumat tai luonnokset")
    what = listing.add_subparsers(dest="what", metavar="MITÄ", title="listat", parser_class=_Parser)
    what.required = True
    events = what.add_parser("events", help="tapahtumat aikajärjestyksessä",
                             description="Listaa tapahtumat; luonnokset merkitään.")
    when = events.add_mutually_exclusive_group()
    when.add_argument("--upcoming", action="store_const", dest="which", const="upcoming",
                      help="vain tulevat ja käynnissä olevat")
    when.add_argument("--past", action="store_const", dest="which", const="past", help="vain menneet")
    events.set_defaults(which="all")
    what.add_parser("drafts", help="luonnokset ja ajastetut kirjoitukset",
                    description="Listaa kaiken, mikä ei vielä näy julkisella sivustolla.")

    commands.add_parser("schemas", help="kirjoita JSON-skeemat kansioon schemas/ (editorien tarkistusta varten)",
                        description="Kirjoittaa kenttien JSON-skeemat samoista määrittelyistä, joilla sivusto "
                                    "tarkistaa sisällön.")
    return parser


def _cmd_new(args, project) -> int:
    from .editor import scaffold, scaffold_places

    try:
        if args.kind == "place":
            created = scaffold_places.new_place(
                project.paths, args.title, city=args.city, address=args.address, postal_code=args.postal_code,
                region=args.region, slug=args.slug)
        elif args.kind == "organizer":
            created = scaffold_places.new_organizer(
                project.paths, args.title, short_name=args.short_name, url=args.url, email=args.email,
                phone=args.phone, region=args.region, slug=args.slug)
        elif args.kind == "post":
            created = scaffold.new_post(
                project.paths, args.title, authors=args.author, regions=args.region, categories=args.category,
                tags=args.tag, when=args.date, summary=args.summary, slug=args.slug, draft=args.draft)
        else:
            created = scaffold.new_event(
                project.paths, args.title, start=args.start, end=args.end, regions=args.region,
                online=args.online, place=args.place, address=args.address, city=args.city,
                organizer=args.organizer, registration=args.registration, deadline=args.deadline,
                categories=args.category, summary=args.summary, slug=args.slug, draft=args.draft)
    except scaffold.ScaffoldError as exc:
        print("Tiedostoa ei luotu:", file=sys.stderr)
        for message in exc.messages:
            print(f"  {message}", file=sys.stderr)
        return 1
    print(scaffold.shown_from(Path.cwd(), created.path))
    for note in created.notes:
        print(note, file=sys.stderr)
    return 0


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _cmd_check(args, project) -> int:
    from .editor.checker import run_check

    report = run_check(project)
    errors, warnings = report.errors.errors, report.errors.warnings
    if errors:
        print(f"Virheet ({len(errors)}) – korjaa nämä, muuten sivusto ei rakennu:")
        for item in errors:
            print(item)
    if warnings:
        print(f"Varoitukset ({len(warnings)}) – sivusto rakentuu, mutta korjaa nämä, jos voit:")
        for item in warnings:
            print(item)
    seconds = f"{report.seconds:.2f}".replace(".", ",")
    print(f"Tarkistettu {_plural(report.posts, 'kirjoitus', 'kirjoitusta')}, "
          f"{_plural(report.events, 'tapahtuma', 'tapahtumaa')} ja {_plural(report.pages, 'sivu', 'sivua')} "
          f"{seconds} sekunnissa: {_plural(len(errors), 'virhe', 'virhettä')}, "
          f"{_plural(len(warnings), 'varoitus', 'varoitusta')}.")
    return 1 if errors else 0


def _cmd_list(args, project) -> int:
    from .content.site import load_site
    from .editor import listing
    from .editor.checker import plugin_config

    now = project.build_time()
    site = load_site(project.paths, now, preview=args.what == "events",
                     horizon_months=plugin_config(project.options).calendar_months_ahead)
    print(listing.events_table(site, args.which) if args.what == "events" else listing.drafts_table(site, now))
    if site.errors:
        print(f"Huom. sisällössä on {_plural(len(site.errors.errors), 'virhe', 'virhettä')}; "
              "katso: muutostuki check", file=sys.stderr)
    return 0


def _cmd_schemas(args, project) -> int:
    from .editor.schemas import write_schemas

    for path in write_schemas(project.root):
        print(path.relative_to(project.root).as_posix())
    return 0


COMMANDS = {"new": _cmd_new, "check": _cmd_check, "list": _cmd_list, "schemas": _cmd_schemas}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from .editor.project import ProjectError, load_project

    try:
        project = load_project(args.root)
        return COMMANDS[args.command](args, project)
    except ProjectError as exc:
        print(f"muutostuki: {exc}", file=sys.stderr)
        return 2
