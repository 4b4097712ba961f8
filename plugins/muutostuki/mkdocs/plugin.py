"""The muutostuki MkDocs plugin: loads the content model once and adds its pages and outputs.

Hooks, in build order: on_config (load + validate content, fail with every mistake listed),
on_files (add generated pages and content assets), on_page_read_source / on_page_markdown
(give each page its Markdown, title and template), on_page_content (keep rendered HTML for
listings and feeds), on_page_context (template data), on_post_build (feeds, calendars).
"""
from __future__ import annotations

import os
import threading
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from .. import fi
from ..pages import jsonld
from .autoescape import autoescape
from ..content.site import ContentPaths, load_site
from ..content.source_store import StoredSources
from ..content.walk import visible_files
from ..editor.project import ProjectError
from ..editor.project import resolve_build_time as project_build_time
from ..pages.event_calendar import calendar_month_url
from ..pages.fi_recurrence import describe as describe_recurrence
from ..pages.fi_syllables import soft_hyphens
from ..pages.licenses import license_label_and_url
from ..pages.context import BuildContext
from ..pages.registry import output_writers, page_generators, writers_ahead, site_feeds
from ..pages.spec import PageSpec
from ..pages.structured_data import page_jsonld
from .config import MuutostukiConfig
from .engine import attach_package_log
from . import (forked, fragments, long_lived, parallel_markdown, parallel_outputs, parallel_render,
               parallel_sources, site_chrome, template_bytecode, theme_patches)
from .fast_render import FastRender
from .background import Background
from .build_cache import code_fingerprint, open_build_cache, open_outputs_cache, open_source_cache
from .kept_output import SEARCH_FOLDER, KeptOutput, dump_manifest, load_manifest
from .preview_errors import PreviewErrors
from .preview_pages import PreviewPages, own_digests

log = attach_package_log()
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
ASSETS = Path(__file__).resolve().parent.parent / "assets"
ASSET_URI = "assets/muutostuki/"
ASSET_SKIP = {".md", ".yml", ".yaml"}


def resolve_build_time(option: str | None) -> datetime:
    """One build time for every page and feed: env, then mkdocs.yml, then now (as `check`)."""
    try:
        return project_build_time(option)
    except ProjectError as exc:
        raise PluginError(str(exc)) from None


PAGE_SITEMAP = "sitemap-sivut.xml"
OUTPUT_KINDS = {"feed", "feedhtml", "vevent"}  # BuildContext.remembered's kinds: in the outputs' own cache file
OUTPUTS_CACHE_LABEL = "välimuisti (syötteet ja kalenterit)"
MANIFEST_KEY = "manifest"  # the build cache's record of the site folder (kept_output.py)


class MuutostukiPlugin(BasePlugin[MuutostukiConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.ctx: BuildContext | None = None
        self.specs: dict[str, PageSpec] = {}
        self.fast_render = FastRender()  # survives `mkdocs serve` rebuilds, with its cache
        self.preview_pages = PreviewPages()  # likewise: page HTML reused between preview rebuilds
        self.sources: dict = {}  # parsed content files by (path, size, mtime), kept between preview rebuilds
        self.kept_output = KeptOutput()  # files of unchanged pages and outputs stay on disk between builds
        self.files: Files | None = None
        self.searchable_pages: set[str] = set()  # src_uris of the pages the search indexes
        self._writing = Background()  # preview: feeds and calendars are written after the page reload
        self.preview_errors = PreviewErrors()  # preview: a failed rebuild keeps the last good site, shows why
        self.build_cache = None  # mkdocs build: the persistent cache of this build (build_cache.py)
        self._code = None  # mkdocs build: build_cache.code_fingerprint() of this run
        self._nav = None
        self._config = None
        self.renderer = None  # mkdocs build: parallel_render.RenderWorker rendering the listings meanwhile
        self._child_send = None  # in that worker: where the parent hears of its pages
        self._env = None
        self._kept_templates: set[str] = set()  # static templates MkDocs does not render this build (kept)
        self._outputs_cache = None  # mkdocs build: the outputs' cache file, when this process writes them
        self._outputs_lock = threading.Lock()
        self.outputs_worker = None  # mkdocs build, warm: parallel_outputs.OutputsWorker writing them meanwhile

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps this instance alive across `mkdocs serve` rebuilds.
        self.command = command

    def on_shutdown(self) -> None:
        self.wait_for_outputs()
        if self.build_cache is not None:  # the build finished (on_build_error abandons it otherwise)
            log.info(self.build_cache.summary())
            self.build_cache.commit()
            self.build_cache = None
        if self._outputs_cache is not None:
            log.info(self._outputs_cache.summary(OUTPUTS_CACHE_LABEL))
            self._outputs_cache.commit()
            self._outputs_cache = None

    def on_build_error(self, *, error) -> None:
        long_lived.release()
        if self.outputs_worker is not None:
            self.outputs_worker.finish(wait_s=0)  # stopped: nothing it wrote is noted
            self.outputs_worker = None
        for cache in (self.build_cache, self._outputs_cache):
            if cache is not None:
                cache.abandon()
        self.build_cache = self._outputs_cache = None

    def wait_for_outputs(self) -> None:
        """Preview: feeds and calendars of the last rebuild are on disk once this returns."""
        self._writing.wait()

    @event_priority(-50)  # after muutostuki-search has waited for the previous index
    def on_pre_build(self, *, config) -> None:
        self.wait_for_outputs()
        manifest = None
        if self.command != "serve":  # after every plugin's on_config: the fingerprint sees the final config
            self.build_cache = open_build_cache(config, self.config.cache, self._code)
            self.fast_render.start_build(remember=False, store=self.build_cache)
            self.preview_pages.start_build(enabled=False, store=self.build_cache)
            if self.build_cache is not None:
                manifest = load_manifest(config.site_dir, self.build_cache.get("site", MANIFEST_KEY))
        self.kept_output.before_clean(config.site_dir, manifest=manifest,
                                      enabled=self.command == "serve" or self.build_cache is not None)

    @property
    def preview(self) -> bool:
        if self.config.preview is not None:
            return self.config.preview
        return self.command == "serve"

    # -- configuration and content -------------------------------------------------------
    @event_priority(50)
    def on_config(self, config):
        long_lived.start_build()
        self.fast_render.start_build(remember=self.command == "serve")
        self.preview_pages.start_build(enabled=self.command == "serve")
        if not config.site_url:
            raise PluginError(
                "site_url puuttuu tiedostosta mkdocs.yml. Syötteet, kalenterit ja jaettavat linkit tarvitsevat "
                "sivuston täyden osoitteen: lisää esim. 'site_url: https://muutostuki.example.fi/'")
        if not config.use_directory_urls:
            raise PluginError("muutostuki tarvitsee asetuksen use_directory_urls: true")
        site_url = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
        root = Path(config.config_file_path).resolve().parent
        paths = ContentPaths(root=root, blog_dir=self.config.blog_dir, events_dir=self.config.events_dir,
                             docs_dir=os.path.relpath(config.docs_dir, root))
        build_time = resolve_build_time(self.config.build_time)
        sources = self.sources if self.command == "serve" else self._stored_sources(config)
        try:
            site = load_site(paths, build_time, preview=self.preview, horizon_months=self.config.calendar_months_ahead,
                             source_cache=sources, prefetch=parallel_sources.start if self.command == "build" else None)
        finally:
            if isinstance(sources, StoredSources):
                hits, misses = sources.store.hits["source"], sources.store.misses["source"]
                log.info(f"sisältötiedostot: {hits}/{hits + misses} luettu välimuistista")
                sources.save_digests()
                sources.store.commit()
        long_lived.settle()  # the model lives until the build ends (long_lived.py)
        for warning in site.errors.warnings:
            log.warning(str(warning))
        if site.errors:
            for error in site.errors.errors:
                log.error(str(error))
            count = len(site.errors.errors)
            raise PluginError(f"Sisällössä on {count} virhe{'ttä' if count != 1 else ''}: korjaa yllä luetellut "
                              "kohdat (tiedosto:rivi: kenttä: mitä korjata). Ohjeet: docs/ohjeet/")
        self.ctx = BuildContext(site=site, site_url=site_url, base_path=urlsplit(site_url).path or "/",
                                options=self.config, site_name=config.site_name,
                                site_description=config.site_description or "")
        theme_dirs = config.theme.dirs
        material_index = next((i for i, d in enumerate(theme_dirs) if Path(d).name == "templates"
                               and "material" in Path(d).parts), len(theme_dirs))
        if str(TEMPLATES) not in theme_dirs:
            theme_dirs.insert(material_index, str(TEMPLATES))
        config.theme.static_templates.add(PAGE_SITEMAP)  # sitemap.xml is an index of it (see the template)
        for css in sorted(ASSETS.glob("*.css")):
            if ASSET_URI + css.name not in config.extra_css:
                config.extra_css.insert(0, ASSET_URI + css.name)
        return config

    def _stored_sources(self, config) -> StoredSources | None:
        """mkdocs build: content files parsed by an earlier build, by their bytes (content/source_store.py)."""
        self._code = code_fingerprint()
        store = open_source_cache(config.config_file_path, self.config.cache, self._code)
        return StoredSources(store, Path(config.config_file_path).resolve().parent) if store is not None else None

    # -- files ---------------------------------------------------------------------------
    def on_files(self, files: Files, *, config) -> Files:
        assert self.ctx is not None
        self.kept_output.after_clean(config.site_dir)  # MkDocs has emptied the folder by now
        self.specs = {}
        for generate in page_generators():
            for spec in generate(self.ctx):
                if spec.src_uri in self.specs:
                    raise PluginError(f"Kaksi sivua samaan osoitteeseen: {spec.src_uri}")
                self.specs[spec.src_uri] = spec
                existing = files.get_file_from_path(spec.src_uri)
                if existing is not None:
                    continue  # a hand-written page (e.g. docs/alueet/x.md) the engine decorates
                file = File.generated(config, spec.src_uri, content=spec.markdown or "",
                                      inclusion=InclusionLevel.NOT_IN_NAV)
                if spec.dest_uri:
                    file.dest_uri = spec.dest_uri
                files.append(file)
        self.ctx.extra["specs"] = self.specs  # for output writers that follow the pages (alternate_sitemaps)
        self._add_assets(files, config)
        for asset in sorted(ASSETS.rglob("*")):
            if asset.is_file():
                files.append(File.generated(config, ASSET_URI + asset.relative_to(ASSETS).as_posix(),
                                            abs_src_path=str(asset)))
        # Generated pages say whether they are searchable; hand-written ones (Tietoa, the guide) all are,
        # as type "Sivu" (templates/muutostuki/page-content.html).
        self.searchable_pages = {src for src, spec in self.specs.items() if spec.searchable} | {
            f.src_uri for f in files.documentation_pages() if f.src_uri not in self.specs
            and not getattr(f, "generated_by", None)}
        self.files = files = Files(sorted(files, key=lambda f: f.src_uri not in self.searchable_pages))
        # MkDocs writes pages in this order (above): the searchable ones first, so that the search
        # index (muutostuki-search) can start while listings and calendars are still being written.
        long_lived.settle()  # the pages' specs live until the build ends
        return files

    def _add_assets(self, files: Files, config) -> None:
        """Images and attachments kept beside posts and events are published at the same path."""
        root = self.ctx.site.paths.root
        for folder in (self.ctx.site.paths.blog, self.ctx.site.paths.events):
            for path in visible_files(folder, root):
                if path.suffix.lower() not in ASSET_SKIP:
                    src_uri = path.relative_to(root).as_posix()
                    if files.get_file_from_path(src_uri) is None:
                        files.append(File.generated(config, src_uri, abs_src_path=str(path)))

    def on_nav(self, nav, *, config, files):
        self._nav = nav
        long_lived.settle()  # the navigation and every page object (made with it) live until the build ends
        if self.command != "serve" and (self.build_cache is None or self.build_cache.was_empty):
            # a cold build: the later pages' Markdown is converted on the other core meanwhile
            self.fast_render.worker = parallel_markdown.start(
                config, files, InclusionLevel.is_included, self._markdown_size, self.fast_render)
        elif self.build_cache is not None:  # a warm build reads back nearly every page's Markdown and key
            self.build_cache.preload("markdown")
            self.build_cache.preload("page", values=False)
        return nav

    def _markdown_size(self, file) -> int:
        spec = self.specs.get(file.src_uri)
        if spec is not None and spec.markdown is not None:
            return len(spec.markdown)
        try:
            return os.path.getsize(file.abs_src_path) if file.abs_src_path else 0
        except OSError:
            return 0

    # -- pages ---------------------------------------------------------------------------
    def on_page_read_source(self, *, page, config):
        spec = self.specs.get(page.file.src_uri)
        if spec is None or spec.markdown is None:
            return None
        return spec.markdown

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        spec = self.specs.get(page.file.src_uri)
        if spec is not None:
            page.meta["template"] = page.meta.get("template", spec.template)
            if spec.markdown is not None or "title" not in page.meta:
                page.meta["title"] = spec.title
            if isinstance(spec.description, str) and spec.description:
                page.meta.setdefault("description", spec.description)
        self.fast_render.attach(page)
        return markdown

    def on_page_content(self, html: str, *, page, config, files) -> str:
        spec = self.specs.get(page.file.src_uri)
        if spec is not None and spec.on_html is not None:
            spec.on_html(html)
        return html

    def on_env(self, env, *, config, files):
        long_lived.settle()  # every page is read and converted
        if self.command != "serve" and self.build_cache is not None and not self.build_cache.was_empty:
            # a warm build: some of the pages' keys (CHILD_SHARE), the feeds and calendars, on the other core
            self.outputs_worker = parallel_outputs.start(config, self.build_cache,
                                                         lambda send: self._outputs_in_child(send, files))
        env.autoescape = autoescape  # only for templates that opted in, see autoescape.py
        env.filters["fi_date"] = fi.fi_date
        env.filters["fi_datetime"] = fi.fi_datetime
        env.filters["fi_when"] = lambda occ: fi.fi_when(occ.start, occ.end, occ.event.date_precision)
        env.filters["fi_month_year"] = fi.fi_month_year
        env.filters["fi_recurrence_short"] = lambda rule: describe_recurrence(rule, short=True)
        env.filters["calendar_month_url"] = calendar_month_url  # "Kalenteri" links open that day's month
        env.filters["iso"] = fi.iso
        env.filters["fi_syllables"] = soft_hyphens  # titles in the month calendar's narrow cells
        env.filters["license_link"] = license_label_and_url
        env.filters["jsonld"] = jsonld.script_tag
        env.filters["page_jsonld"] = page_jsonld
        env.globals["mt_sections"] = site_chrome.sections  # pages without a page context (404.html)
        self.fast_render.stop_worker()  # every page is converted by now
        self._env = env  # for a page the build cache cannot give after all (preview_pages.context)
        self._config = config
        fragments.install(env, list(config.theme.dirs))  # Material's nav and tabs once per build, not per page
        theme_patches.install(env)  # base.html without the toggles' invalid autocomplete
        template_bytecode.install(env, self.build_cache)  # compiled templates of the build before (none in serve)
        self.preview_pages.plan(config, files, self.ctx.site, self.specs,
                                helper=self.outputs_worker.owns if self.outputs_worker is not None else None)
        self.kept_output.keep_unchanged(files, self.preview_pages.keys)
        if self.preview_pages.build_key:
            self._kept_templates = self.kept_output.keep_templates(
                config.theme.static_templates, self.preview_pages.templates_key(files))
        if self.command == "serve":
            log.info(f"esikatselu: {self.preview_pages.reused} sivua ennallaan edellisestä koostamisesta, "
                     f"{len(self.kept_output.kept)} sivun tiedosto jätetty paikalleen")
        else:  # every other page to render is rendered on the other core meanwhile (parallel_render.py)
            pages = [f for f in files.documentation_pages() if f.inclusion.is_included() and f.page is not None
                     and not self.preview_pages.reuses(f.src_uri)]
            search = config.plugins.get("muutostuki-search")
            cold = self.build_cache is not None and self.build_cache.was_empty  # nothing to take from it
            self.renderer = parallel_render.start(config, files, self._nav, env, pages[1::2], self._in_render_worker,
                                                  on_done=getattr(search, "note_written_elsewhere", None),
                                                  on_put=self._put_from_worker if self.build_cache else None,
                                                  afterwards=self._outputs_ahead if cold else None)
        return env

    def _in_render_worker(self, send) -> None:
        """In the forked renderer (parallel_render.py): cache entries and Pagefind marks go to the parent."""
        self._child_send = send
        template_bytecode.leave_to_parent(self._env)
        if self.preview_pages.store is not None:
            self.preview_pages.store = parallel_render.StoreProxy(send)
        if self.ctx is not None and self.build_cache is not None:
            self.ctx.store = parallel_render.StoreProxy(send)  # _outputs_ahead's parts (the parent routes them)
        self.build_cache = None
        search = self._config.plugins.get("muutostuki-search")
        if search is not None:
            search.in_render_worker()

    def _put_from_worker(self, kind: str, key: str, packed: bytes) -> None:
        """A cache entry the render worker made: the outputs' parts go to the outputs' own file."""
        if kind in OUTPUT_KINDS:
            cache = self._outputs_store()
            if cache is not None:
                cache.put_packed(kind, key, packed)
        elif self.build_cache is not None:
            self.build_cache.put_packed(kind, key, packed)

    def _outputs_store(self):
        """The outputs' cache file, opened by this process (never while parallel_outputs' child may have it)."""
        with self._outputs_lock:
            if self._outputs_cache is None and self.build_cache is not None:
                self._outputs_cache = open_outputs_cache(self.build_cache)
            return self._outputs_cache

    def _outputs_in_child(self, send, files) -> None:
        """In parallel_outputs.py's child: the last pages' own key parts for the parent's plan() (`files`: the
        build's, in its order, as plan() gets them), then every output written (or kept) with the child's own
        outputs cache."""
        send({"owns": own_digests(files, self.specs)}, b"")
        parent_cache, self.build_cache = self.build_cache, None  # the parent's connection is not the child's
        self.preview_pages.store = self.fast_render.store = None
        cache = self.ctx.store = self._outputs_cache = open_outputs_cache(parent_cache)
        for rel, tag, kept in self._outputs_written():
            send({"output": [rel, tag, kept]}, b"")
        if cache is not None:
            log.info(cache.summary(OUTPUTS_CACHE_LABEL))
            cache.commit()

    def _outputs_ahead(self) -> None:
        """In the render worker of a cold build, its pages done: the slow parts of some outputs are worked
        out and sent to the parent's build cache, where its own run finds them (pages/registry.py,
        writers_ahead). Nothing is written here: the parent writes every output."""
        for write in writers_ahead():
            for _ in write(self.ctx):
                pass

    @event_priority(150)  # before muutostuki-search starts its index: it must know every page
    def _collect_rendered(self, *, config) -> None:
        """The renderer's pages: wait, keep what it would have kept, render what did not arrive."""
        if self.kept_output.kept and self.files is not None:
            self._validate_anchors(config, [f for f in self.files.documentation_pages()
                                            if f.src_uri in self.kept_output.kept])
        worker, self.renderer = self.renderer, None
        if worker is None:
            return
        worker.finish()
        forked.replay_logs(worker.records)
        missing = worker.missing
        if missing:
            log.info(f"rinnakkainen koostaminen jätti {len(missing)} sivua kesken; ne koostetaan nyt")
            build_page = parallel_render.engine_build_page()
            doc_files = self.files.documentation_pages(inclusion=InclusionLevel.is_included)
            for file in missing:
                file.inclusion = InclusionLevel.NOT_IN_NAV
                build_page(file.page, config, doc_files, self._nav, self._env)
        search = config.plugins.get("muutostuki-search")
        for src_uri in worker.pagefind - {f.src_uri for f in missing}:
            file = worker.assigned[src_uri]
            self.kept_output.mark_searchable(file)
            if search is not None:
                search.note_rendered_elsewhere(file)
        log.info(f"sivut: {len(worker.assigned) - len(missing)} koostettu rinnakkaisessa prosessissa")
        self._validate_anchors(config, [f for f in worker.assigned.values() if f not in missing])

    def on_page_context(self, context, *, page, config, nav):
        assert self.ctx is not None
        spec = self.specs.get(page.file.src_uri)
        context["mt"] = self.ctx
        context["mt_site"] = self.ctx.site
        context["mt_spec"] = spec
        context["mt_feeds"] = site_feeds() + (spec.feeds if spec else [])
        site_chrome.page_context(context, page, nav)  # active tab, side column
        if spec is not None:
            if callable(spec.description):
                page.meta["description"] = spec.description()
            context.update(spec.context)
        self.preview_pages.context(context, page, self._env)
        return context

    @event_priority(100)  # the template's own output, before any other plugin changes it
    def on_post_page(self, output: str, *, page, config) -> str:
        self.preview_pages.remember(output, page)
        self.kept_output.page_written(page, output)
        if self._child_send is not None and parallel_render.PAGEFIND_MARK in output:
            self._child_send({"pagefind": page.file.src_uri}, b"")
        return output

    def on_template_context(self, context, *, template_name, config):
        elsewhere = self.kept_output.kept | (set(self.renderer.assigned) if self.renderer is not None else set())
        if template_name == PAGE_SITEMAP and elsewhere and self.files is not None:
            # pages left on disk from the previous build or rendered by the other process are pages of the site
            context["pages"] = [f for f in self.files.documentation_pages(inclusion=InclusionLevel.all)
                                if f.inclusion.is_included() or f.src_uri in elsewhere]
        return context

    # -- outputs -------------------------------------------------------------------------
    def _post_build(self, *, config) -> None:
        assert self.ctx is not None
        if self.command == "serve":
            # Preview: the saved page reloads now; feeds and calendars follow a moment later
            # (the next rebuild waits for them, see on_pre_build).
            self._writing.start(self._write_outputs_logged, config.site_dir)
            return
        worker, self.outputs_worker = self.outputs_worker, None
        if worker is not None:
            if worker.finish():
                forked.replay_logs(worker.records)
                for rel, tag, kept in worker.outputs:
                    self.kept_output.noted(rel, tag, kept)
                log.info(f"syötteet ja kalenterit: {len(worker.outputs)} tiedostoa koostettu rinnakkaisessa prosessissa")
                return
            log.info("syötteiden ja kalenterien rinnakkainen koostaminen jäi kesken; ne koostetaan nyt")
        self._write_outputs(config.site_dir)

    @event_priority(-200)  # after muutostuki-search has written (or kept) its index
    def _finish_site_folder(self, *, config) -> None:
        config.theme.static_templates.update(self._kept_templates)  # for the next build of this config
        self._kept_templates = set()
        if self.command == "serve":
            long_lived.release()  # the next rebuild's model replaces this one
            return  # at the end of _write_outputs, in the background
        manifest = self.kept_output.finish()
        if manifest is not None:
            log.info(f"sivustokansio: {self.kept_output.kept_count} tiedostoa ennallaan edellisestä koostamisesta, "
                     f"{self.kept_output.removed} vanhentunutta poistettu")
        if manifest is not None and self.build_cache is not None:
            self.build_cache.put("site", MANIFEST_KEY, dump_manifest(config.site_dir, manifest))

    on_post_build = CombinedEvent(_collect_rendered, _post_build, _finish_site_folder)

    def _validate_anchors(self, config, files: list) -> None:
        """MkDocs checks the anchors of the pages it rendered; these it did not (kept, or the renderer's)."""
        level = config.validation.links.anchors
        for file in files:
            validate = getattr(file.page, "validate_anchor_links", None)
            if validate is not None:
                validate(files=self.files, log_level=level)

    def _outputs_written(self):
        """Every output written (or kept): (path in the site, tag, kept) of each, as it is done."""
        for write in output_writers():
            for rel_path, data in write(self.ctx):
                yield rel_path, *self.kept_output.write(rel_path, data.encode("utf-8") if isinstance(data, str) else data)

    def _write_outputs(self, site_dir: str) -> None:
        self.ctx.store = self._outputs_store()  # the slow pure parts (BuildContext.remembered); None in preview
        for _ in self._outputs_written():
            pass
        if self.command == "serve":  # the preview's search index may still be writing its folder
            self.kept_output.finish(skip_prefix=SEARCH_FOLDER)

    def _write_outputs_logged(self, site_dir: str) -> None:
        try:
            self._write_outputs(site_dir)
        except Exception as exc:  # a thread's exception would otherwise vanish
            log.error(f"syötteiden ja kalenterien kirjoitus epäonnistui: {exc}")

    def on_serve(self, server, *, config, builder):
        assert self.ctx is not None
        for folder in (self.ctx.site.paths.blog, self.ctx.site.paths.events):
            if folder.is_dir():
                server.watch(str(folder))
        self.preview_errors.install(server)
        return server
