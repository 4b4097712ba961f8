"""`check`: every mistake and warning the build would report, plus links that lead nowhere.

It runs the build's own content loading (`load_site`) and page generators, but renders and
writes nothing, so it answers in a fraction of a second where a build takes much longer.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from ..content.errors import ErrorList
from ..content.frontmatter import read_source
from ..content.lint import image_alt_warnings
from ..content.site import Site, load_site
from ..content.walk import visible_files
from .links import LinkTargets, check_links, page_url
from .project import Project, ProjectError

ASSET_SKIP = {".md", ".yml", ".yaml"}  # as the plugin: these are content, not published files


@dataclass
class CheckReport:
    errors: ErrorList
    posts: int
    events: int
    pages: int
    seconds: float


def plugin_config(options: dict):
    """The plugin's options validated by its own schema, so defaults are the build's defaults."""
    from ..mkdocs.config import MuutostukiConfig  # only the option schema of MkDocs, not a build

    config = MuutostukiConfig()
    config.load_dict(options)
    failed, _warnings = config.validate()
    if failed:
        raise ProjectError("mkdocs.yml: muutostuki: " + "; ".join(f"{key}: {exc}" for key, exc in failed))
    return config


def _generated_pages(project: Project, site: Site, options) -> list:
    from ..pages.context import BuildContext
    from ..pages.registry import page_generators

    ctx = BuildContext(site=site, site_url=project.site_url, base_path=project.base_path, options=options,
                       site_name=str(project.config.get("site_name") or ""),
                       site_description=str(project.config.get("site_description") or ""))
    return [spec for generate in page_generators() for spec in generate(ctx)]


def link_targets(project: Project, site: Site, options, docs_files: list[Path]) -> LinkTargets:
    """Files and page addresses of the site as the build would publish it."""
    paths = site.paths  # as load_site read them (a folder outside the project is refused there)
    targets = LinkTargets(docs_dir=paths.docs_dir, content_dirs=(paths.blog_dir, paths.events_dir))
    for path in docs_files:
        src_uri = path.relative_to(paths.docs).as_posix()
        if path.suffix == ".md":
            targets.add_page(src_uri)
        else:
            targets.files.add(src_uri)
    for folder in (paths.blog, paths.events):
        for path in visible_files(folder, paths.root):
            if path.suffix.lower() not in ASSET_SKIP:
                targets.files.add(paths.shown(path))
    for spec in _generated_pages(project, site, options):
        targets.add_page(spec.src_uri, spec.dest_uri)
    targets.unpublished = {item.path for item in [*site.all_posts, *site.all_events]} - targets.files
    return targets


def run_check(project: Project) -> CheckReport:
    started = time.perf_counter()
    options = plugin_config(project.options)
    paths = project.paths
    site = load_site(paths, project.build_time(), preview=False, horizon_months=options.calendar_months_ahead)
    paths, errors = site.paths, site.errors
    docs_files = visible_files(paths.docs, paths.root)
    docs_pages = [p for p in docs_files if p.suffix == ".md"]
    try:
        targets = link_targets(project, site, options, docs_files)
    except Exception:  # noqa: BLE001 - pages of a site with errors; the errors are already listed
        if errors:
            targets = None
        else:
            raise
    if targets is not None:
        for item in [*site.all_posts, *site.all_events]:
            if item.image and "://" not in item.image and item.image not in targets.files:
                errors.add(item.path, item.lines.get("image", 1), "image",
                           f"kuvaa '{item.image}' ei löydy; tallenna kuva kansioon {paths.docs_dir}/kuvat/ ja kirjoita "
                           "image: kuvat/nimi.jpg (polku luetaan docs-kansiosta)", "warning")
            check_links(item.path, item.path, item.url, item.body, item.body_line, targets,
                        project.base_path, errors)
        scratch = ErrorList()  # docs pages' own front matter is MkDocs' business, not ours
        for path in docs_pages:
            source = read_source(path, paths.shown(path), scratch, require_front_matter=False)
            src_uri = path.relative_to(paths.docs).as_posix()
            check_links(source.path, src_uri, page_url(src_uri), source.body, source.body_line, targets,
                        project.base_path, errors)
            image_alt_warnings(source.path, source.body, source.body_line, errors)
    return CheckReport(errors=errors, posts=len(site.all_posts), events=len(site.all_events),
                       pages=len(docs_pages), seconds=time.perf_counter() - started)
