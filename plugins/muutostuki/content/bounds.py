"""Every bound on what an editor controls, in one place (the editors' guide quotes them).

A small file must never make a build hang, eat memory or write a huge site: sizes, nesting,
list lengths, text lengths, dates and recurring series all stop at these limits with a
Finnish message that says what to do.
"""
from __future__ import annotations

from datetime import date

MAX_FILE_BYTES = 500_000            # one Markdown file (a long report is about 50 KB)
MAX_DATA_FILE_BYTES = 2_000_000     # blog/authors.yml
MAX_FRONT_MATTER_CHARS = 50_000
MAX_YAML_DEPTH = 6                  # `network: - contact: name:` is 4 levels deep
MAX_YAML_NODES = 3_000              # values in one front matter
MAX_DATA_YAML_NODES = 100_000       # values in authors.yml
MAX_TEXT_CHARS = 2_000              # any text field (summary, names, addresses)
MAX_TITLE_CHARS = 200
MAX_LIST_ITEMS = 50                 # any list field
MAX_LABEL_CHARS = 80                # one category or tag
MAX_SLUG_CHARS = 100                # an address part (slug, file name, category address)
MAX_CATEGORIES = 10                 # categories of one post or event
MAX_SITE_CATEGORIES = 300           # categories of the whole site (each is a listing and a feed)

FIRST_DATE = date(2000, 1, 1)       # dates of posts and events lie in this range
LAST_DATE = date(2089, 12, 31)     # a series from it still ends before 2100 (see series._probe_year)

MAX_SERIES_OCCURRENCES = 1_000      # occurrences of one recurring series
MAX_SERIES_YEARS = 10               # from the first occurrence to the last
MAX_RRULE_INTERVAL = 366
CALENDAR_MONTHS_BACK = 120          # the month calendar reaches this far into the past
