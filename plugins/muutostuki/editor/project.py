"""The project the editor is working in: its root, mkdocs.yml settings and content folders.

mkdocs.yml is read with a plain YAML loader that tolerates MkDocs' tags (`!ENV`,
`!!python/name:`), so the editors' commands start fast and do not import MkDocs.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..content.errors import FieldError
from ..content.site import ContentPaths
from ..content.timeutil import now_helsinki, parse_datetime

CONFIG_NAME = "mkdocs.yml"
PLUGIN_NAME = "muutostuki"
BUILD_TIME_ENV = "MUUTOSTUKI_BUILD_TIME"


class ProjectError(Exception):
    """The project cannot be read; str() is a Finnish message for the editor."""


class _ConfigLoader(yaml.SafeLoader):
    """SafeLoader plus MkDocs' tags: `!ENV` is resolved, other tags keep their plain value."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    # !ENV VAR  or  !ENV [VAR1, VAR2, default]: the first variable set wins, else the last item
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    items = loader.construct_sequence(node)
    for name in items[:-1]:
        if isinstance(name, str) and name in os.environ:
            return os.environ[name]
    if len(items) == 1 and isinstance(items[0], str):
        return os.environ.get(items[0])
    return items[-1] if items else None


def _any_tag(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> object:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_ConfigLoader.add_constructor("!ENV", _env_tag)
_ConfigLoader.add_multi_constructor("!", _any_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def find_root(start: Path) -> Path | None:
    """The nearest folder, from `start` upwards, that has a mkdocs.yml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    return None


def plugin_options(config: dict) -> dict:
    """Options of our plugin, from either form MkDocs accepts (a list or a mapping)."""
    plugins = config.get("plugins") or []
    entries = plugins.items() if isinstance(plugins, dict) else (
        next(iter(p.items())) if isinstance(p, dict) and len(p) == 1 else (p, None) for p in plugins)
    for name, options in entries:
        if name == PLUGIN_NAME:
            return dict(options) if isinstance(options, dict) else {}
    return {}


def resolve_build_time(option: object) -> datetime:
    """The moment content is judged at, as in the build: env, then mkdocs.yml `build_time`, then now."""
    raw = os.environ.get(BUILD_TIME_ENV) or option
    if not raw:
        return now_helsinki().replace(microsecond=0)
    try:
        return parse_datetime(raw)
    except FieldError as exc:
        raise ProjectError(f"build_time / {BUILD_TIME_ENV}: {exc}") from None


@dataclass
class Project:
    root: Path
    config: dict
    options: dict = field(default_factory=dict)

    @property
    def paths(self) -> ContentPaths:
        docs_dir = str(self.config.get("docs_dir") or ContentPaths.docs_dir)
        return ContentPaths(root=self.root,
                            blog_dir=str(self.options.get("blog_dir") or ContentPaths.blog_dir),
                            events_dir=str(self.options.get("events_dir") or ContentPaths.events_dir),
                            docs_dir=docs_dir)

    @property
    def site_url(self) -> str:
        url = str(self.config.get("site_url") or "https://example.invalid/")
        return url if url.endswith("/") else url + "/"

    @property
    def base_path(self) -> str:
        return urlsplit(self.site_url).path or "/"

    def build_time(self) -> datetime:
        return resolve_build_time(self.options.get("build_time"))


def load_project(root: Path | None = None, cwd: Path | None = None) -> Project:
    """Read mkdocs.yml of `root`, or of the nearest folder above `cwd` that has one."""
    if root is None:
        root = find_root(cwd or Path.cwd())
        if root is None:
            raise ProjectError(f"tiedostoa {CONFIG_NAME} ei löydy tästä kansiosta eikä sen yläpuolelta; siirry "
                               "sivuston kansioon tai anna se valitsimella --root")
    root = root.resolve()
    config_path = root / CONFIG_NAME
    if not config_path.is_file():
        raise ProjectError(f"kansiossa {root} ei ole tiedostoa {CONFIG_NAME}")
    try:
        config = yaml.load(config_path.read_text(encoding="utf-8-sig"), Loader=_ConfigLoader) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ProjectError(f"{CONFIG_NAME}: tiedostoa ei voi lukea ({exc})") from None
    if not isinstance(config, dict):
        raise ProjectError(f"{CONFIG_NAME}: asetusten pitää olla muodossa 'nimi: arvo'")
    return Project(root=root, config=config, options=plugin_options(config))
