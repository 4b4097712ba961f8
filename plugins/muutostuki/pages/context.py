"""The build context every page generator and output writer receives: the model and the site's address."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Callable

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
    store: Any = None    # mkdocs build: the build cache (mkdocs/build_cache.py), for remembered()

    def remembered(self, kind: str, inputs: str, compute: Callable[[], bytes]) -> bytes:
        """compute(), or what it gave in an earlier build for the same `inputs` (the stable text of
        everything compute reads: content/fingerprint.py). For the slow pure parts of outputs."""
        if self.store is None:
            return compute()
        key = hashlib.sha256(inputs.encode("utf-8", "surrogatepass")).hexdigest()
        data = self.store.get(kind, key)
        if data is None:
            data = compute()
            self.store.put(kind, key, data)
        return data

    def absolute(self, url: str) -> str:
        return self.site_url + url.lstrip("/")
