"""Being found: the Pagefind index (index.py), robots.txt for crawlers (robots.py), the search results page
and the did-you-mean vocabulary. The MkDocs side is mkdocs/search.py (the `muutostuki-search` plugin)."""
