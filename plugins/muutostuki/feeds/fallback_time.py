"""The time of a change that nothing recorded: deterministic, never the build time.

Feeds and calendars date themselves by their content's last change, so that a daily rebuild
without content changes rewrites nothing. When no change time is known (an empty feed, an event
file git does not know), this is used: SOURCE_DATE_EPOCH (the reproducible-builds convention)
when set, else 1970-01-01T00:00:00Z.
"""
from __future__ import annotations

import os
from datetime import datetime, timezone

UNKNOWN_CHANGE = datetime(1970, 1, 1, tzinfo=timezone.utc)


def unknown_change() -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    return UNKNOWN_CHANGE
