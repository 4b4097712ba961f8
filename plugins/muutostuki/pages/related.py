"""What to read next: related posts for every post, and how a post's events stand, computed once per build.

Related posts share regions, categories (topics) or tags. Every post is compared only with the posts
nearest to it in time *within each group it belongs to* (WINDOW on either side), never with every post:
the cost is (group memberships × 2 × WINDOW), linear in the number of posts however large a region or a
topic grows. A shared rare tag counts for more than a shared big region (weights fall with group size), and
ties go to the post closer in time, then to the address, so two builds pick the same posts.
"""
from __future__ import annotations

import heapq
import math
from dataclasses import dataclass

from ..content.events import Event, Occurrence
from ..content.posts import Post
from ..content.site import Site

RELATED_COUNT = 3
WINDOW = 8  # neighbours in time compared on each side, per shared group
# How much one shared group says about two posts being alike, before the group-size discount.
KIND_WEIGHT = {"tag": 3.0, "category": 2.0, "region": 1.5}


def _groups(site: Site) -> list[tuple[float, list[Post]]]:
    """(weight, posts newest first) for every region, category and tag with at least two posts."""
    groups = [("region", posts) for posts in site.posts_by_region.values()]
    groups += [("category", c.posts) for c in site.categories.values()]
    groups += [("tag", t.posts) for t in site.tags.values()]
    return [(KIND_WEIGHT[kind] / math.log2(1 + len(posts)), posts) for kind, posts in groups if len(posts) > 1]


def related_posts(site: Site, count: int = RELATED_COUNT, window: int = WINDOW) -> dict[str, list[Post]]:
    """{post.path: up to `count` related posts, most related first}. Posts sharing nothing get none."""
    posts = site.posts
    index = {id(post): i for i, post in enumerate(posts)}
    scores: list[dict[int, float]] = [{} for _ in posts]
    for weight, group in _groups(site):
        members = [index[id(post)] for post in group]
        for i, own in enumerate(members):
            mine = scores[own]
            for other in members[max(0, i - window): i + window + 1]:
                if other != own:
                    mine[other] = mine.get(other, 0.0) + weight
    when = [post.date.timestamp() for post in posts]
    related = {}
    for own, candidates in enumerate(scores):
        if candidates:
            t = when[own]
            best = heapq.nsmallest(count, [(-score, abs(when[j] - t), posts[j].url, j)
                                           for j, score in candidates.items()])
            related[posts[own].path] = [posts[j] for *_, j in best]
    return related


@dataclass(frozen=True)
class EventStatus:
    """An event as a post mentions it: the date to show and whether it is over."""

    event: Event
    shown: Occurrence  # the next occurrence, else the latest one
    is_past: bool

    @property
    def label(self) -> str:
        if self.event.status == "cancelled":
            return "Peruttu"
        if self.event.status == "postponed":
            return "Siirretty"
        return "Mennyt" if self.is_past else "Tulossa"


def event_statuses(site: Site) -> dict[str, EventStatus]:
    """{event id: EventStatus} from the site's occurrence lists, one pass over each."""
    shown: dict[str, EventStatus] = {}
    for occ in site.upcoming:  # soonest first: the first one seen is the next
        shown.setdefault(occ.event.id, EventStatus(occ.event, occ, False))
    for occ in site.past:  # newest first
        shown.setdefault(occ.event.id, EventStatus(occ.event, occ, True))
    for event in site.events:  # outside the calendar's reach: its own first date
        if event.id not in shown:
            occ = Occurrence(event, event.start, event.end)
            shown[event.id] = EventStatus(event, occ, occ.end_dt <= site.build_time)
    return shown
