"""Feeds for subscribers: RSS 2.0 and Atom (feedgen) and JSON Feed 1.1, written after the build.

items.py turns posts into format-neutral items once, channel.py says what each feed is,
xml_feeds.py and json_feed.py serialise, writer.py decides which feeds exist and where.
"""
