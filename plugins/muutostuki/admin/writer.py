"""The files of /admin/: Decap CMS from node_modules (installed from npm, pinned), our config and scripts.

Decap's JavaScript is copied from the project's node_modules into the site, so the editor page loads
nothing from another host. Without node_modules (npm missing) the site builds without /admin/ and
says so once, in Finnish, with the command that adds it.
"""
from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path

import yaml

from .cms_config import Backend, Lists, cms_config

ADMIN_DIR = "admin/"
ASSETS = Path(__file__).parent / "assets"
SITE_ASSETS = Path(__file__).parent.parent / "assets"   # the site's CSS, served under SITE_ASSET_URI
SITE_ASSET_URI = "assets/muutostuki/"
DECAP_DIST = Path("node_modules") / "decap-cms" / "dist"
DECAP_FILES = re.compile(r"^(decap-cms\.js|\d+\.decap-cms\.js|[0-9a-f]+\.wasm|decap-cms\.js\.LICENSE\.txt)$")
SOURCE_MAP = re.compile(rb"\n//# sourceMappingURL=\S+\s*$")
OWN_FILES = ("index.html", "muutostuki-cms.js", "fi.js", "admin.css")
MISSING = ("Selainmuokkain /admin/ jäi pois sivustolta: {path} puuttuu. Asenna npm (apt-get install npm) "
           "ja aja make build, joka asentaa sen (npm ci). / The /admin/ editor was left out: {path} missing.")

log = logging.getLogger(__name__)


def backend_from_env() -> Backend:
    """Production sign-in settings come from the build environment (repository variables in CI)."""
    env = os.environ
    return Backend(repo=env.get("CMS_REPO") or env.get("GITHUB_REPOSITORY", ""),
                   branch=env.get("CMS_BRANCH", "main"), auth_url=env.get("CMS_AUTH_URL", ""),
                   auth_endpoint=env.get("CMS_AUTH_ENDPOINT", ""),
                   local_url=env.get("MUUTOSTUKI_CMS_LOCAL_BACKEND", Backend.local_url))


def lists_of(site) -> Lists:
    return Lists(authors=tuple((a.id, a.name) for a in site.authors.values()),
                 events=tuple((e.id, e.title) for e in site.all_events))


def preview_styles(base: str) -> list[str]:
    """The stylesheets every page of the site loads (Material's, then ours), for the preview pane."""
    import material

    theme_css = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    names = [f"assets/stylesheets/{p.name}" for p in sorted(theme_css.glob("*.min.css"))
             if p.name.startswith(("main.", "palette."))]
    names += [SITE_ASSET_URI + p.name for p in sorted(SITE_ASSETS.glob("*.css"))]
    return [base + name for name in names]


def config_text(config: dict) -> str:
    return ("# Tämän tiedoston tekee sivuston rakennus kenttätaulukoista (plugins/muutostuki/admin/cms_config.py).\n"
            + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=110))


def admin_outputs(ctx) -> list[tuple[str, bytes | str]]:
    """Output writer: every file under /admin/, or nothing (with one warning) without Decap."""
    paths = ctx.site.paths
    dist = paths.root / DECAP_DIST
    if not (dist / "decap-cms.js").is_file():
        log.warning(MISSING.format(path=DECAP_DIST.as_posix() + "/decap-cms.js"))
        return []
    backend = backend_from_env()
    config = cms_config(paths.root, paths.docs_dir, paths.blog_dir, paths.events_dir, ctx.site_url,
                        lists_of(ctx.site), backend)
    outputs: list[tuple[str, bytes | str]] = [(ADMIN_DIR + "config.yml", config_text(config))]
    settings = {"base": ctx.base_path, "signInReady": bool(backend.auth_url) and bool(backend.repo),
                "previewStyles": preview_styles(ctx.base_path),
                "regionNames": {r.id: r.short_name for r in ctx.site.regions.values()},
                "authorNames": {a.id: a.name for a in ctx.site.authors.values()},
                "organizers": {o.id: o.short_name or o.name for o in ctx.site.organizers.values()}}
    for name in OWN_FILES:
        text = (ASSETS / name).read_text(encoding="utf-8")
        if name == "index.html":
            text = text.replace("__SETTINGS__", json.dumps(settings, ensure_ascii=False).replace("<", "\\u003c"))
            text = text.replace("__BASE__", ctx.base_path)
        outputs.append((ADMIN_DIR + name, text))
    for path in sorted(dist.iterdir()):
        if DECAP_FILES.match(path.name):
            data = path.read_bytes()
            outputs.append((ADMIN_DIR + path.name, SOURCE_MAP.sub(b"\n", data) if path.suffix == ".js" else data))
    return outputs
