"""schema.org Place and Organization objects, shared by event pages, place and organiser pages."""
from __future__ import annotations

from ..content.organizers import Organizer
from ..content.places import Place
from ..content.regions import Region


def place_jsonld(place: Place, site_url: str, regions: dict[str, Region] | None = None) -> dict:
    """Place with PostalAddress, GeoCoordinates when known and the accessibility facts as amenities."""
    data: dict = {"@type": "Place", "name": place.name}
    if place.id:
        data["@id"] = site_url + place.page_url
        data["url"] = site_url + place.page_url
    address = {k: v for k, v in (("streetAddress", place.address), ("postalCode", place.postal_code),
                                 ("addressLocality", place.city)) if v}
    region = (regions or {}).get(place.region)
    if region is not None:
        address["addressRegion"] = region.name
    if address:
        data["address"] = {"@type": "PostalAddress", **address, "addressCountry": "FI"}
    if place.coordinates:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": place.coordinates["lat"],
                       "longitude": place.coordinates["lon"]}
    if place.url:
        data["sameAs"] = place.url
    if place.accessibility_facts:
        data["amenityFeature"] = [{"@type": "LocationFeatureSpecification", "name": text, "value": available}
                                  for text, available in place.accessibility_facts]
    return data


def organization_jsonld(organizer: Organizer, site_url: str) -> dict:
    data: dict = {"@type": "Organization", "name": organizer.name}
    if organizer.id:
        data["@id"] = site_url + organizer.page_url
    if organizer.short_name:
        data["alternateName"] = organizer.short_name
    for key, value in (("url", organizer.url), ("email", organizer.email), ("telephone", organizer.phone)):
        if value:
            data[key] = value
    return data
