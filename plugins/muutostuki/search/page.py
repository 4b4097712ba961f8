"""The search results page /haku/: the query and filters live in its address (?q=…&tyyppi=…&alue=…),
so Enter in the header field opens it, Back returns to it and a link to it can be shared."""
from __future__ import annotations

from ..pages.spec import PageSpec, src_for
from .vocabulary import VOCABULARY_PATH

SEARCH_URL = "haku/"
# The types the index knows (templates/muutostuki/search-tags.html): (address value, Pagefind filter value)
KINDS = (("kirjoitus", "Kirjoitus"), ("tapahtuma", "Tapahtuma"), ("alue", "Alue"), ("sivu", "Sivu"),
         ("kirjoittaja", "Kirjoittaja"))


def search_pages(ctx) -> list[PageSpec]:
    """The page generator registered in pages/registry.py."""
    regions = sorted(ctx.site.regions.values(), key=lambda r: r.short_name)
    return [PageSpec(
        src_uri=src_for(SEARCH_URL), template="muutostuki/search-page.html", title="Haku",
        description="Hae Järjestöjen sote-muutostuen kirjoituksista, tapahtumista, alueista ja sivuista.",
        breadcrumbs=[("Etusivu", ""), ("Haku", SEARCH_URL)],
        context={"search_kinds": KINDS, "search_regions": [(r.id, r.short_name) for r in regions],
                 "vocabulary_url": VOCABULARY_PATH},
    )]
