"""The build context every page generator and output writer receives: the model and the site's address."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..content.site import Site


@dataclass
class BuildContext:
    site: Site
    site_url: str        # absolute, ends with '/'
    base_path: str       # path part of site_url, e.g. '/' or '/sote/'
    options: Any         # MuutostukiConfig (posts_per_page, feed_size, ...)
    site_name: str = ""
    site_description: str = ""
    extra: dict = field(default_factory=dict)

    def absolute(self, url: str) -> str:
        return self.site_url + url.lstrip("/")
