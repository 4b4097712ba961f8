"""The persistent build cache of `mkdocs build`: results of the last build, reused when their inputs match.

Why: the site is rebuilt daily and on every merge, nearly always with nothing or one file changed, and
every build used to start from zero. The cache keeps, in one SQLite file outside the site folder
(`.cache/muutostuki/` beside mkdocs.yml; CI restores it with actions/cache):
- "markdown": a page's rendered Markdown (fast_render.py), keyed by its Markdown and address;
- "page": a page's HTML (preview_pages.py), keyed by everything its template can read;
- "pagefind": one search index part (search/index.py), keyed by the bytes of the pages it indexes;
- in a file of its own (`OUTPUTS_DB_NAME`), the slow pure parts of feeds and calendars
  (BuildContext.remembered: "feed", "feedhtml", "vevent"), owned by whichever process writes the
  outputs: in a warm build the forked child of parallel_outputs.py, else the build itself.

Every key lives inside one fingerprint of the whole build (`build_fingerprint`): this package's own
files (code, templates, assets, data), every installed distribution and its version (MkDocs or
ProperDocs, Material, Markdown, its extensions, Pagefind...), the Python version, the site's own theme
files and the resolved configuration. A cache written under another fingerprint is emptied, not
trusted: any code change by anyone, any upgrade, any setting starts from a cold build.

A damaged file (not SQLite, a value whose SHA-256 no longer matches) is detected and ignored: the
build goes on without it and writes a fresh one. Only entries the last finished build used are kept.
Off with the plugin option `cache: false` or `MUUTOSTUKI_CACHE=0`; `MUUTOSTUKI_CACHE=<folder>` moves it.
"""
from __future__ import annotations

import hashlib
import logging
import os
import re
import sqlite3
import sys
import threading
import zlib
from collections import Counter
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path

FORMAT = 2  # the layout of keys and values; a new one empties old caches (2: values zlib-compressed)
ENV = "MUUTOSTUKI_CACHE"
DEFAULT_DIR = ".cache/muutostuki"
DB_NAME = "cache.sqlite"
SOURCES_DB_NAME = "sources.sqlite"
OUTPUTS_DB_NAME = "outputs.sqlite"
PACKAGE = Path(__file__).resolve().parent.parent  # plugins/muutostuki
NOT_OUTPUT = {"site_dir"}  # where the site is written does not change what is written
LOCK_WAIT_S = 5
BATCH_BYTES = 32 * 1024 * 1024
VACUUM_PAGES = 2048  # free pages (4 KB each) worth giving back
OFF = {"0", "false", "no", "off", "ei"}
ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")

log = logging.getLogger(__name__)


def cache_folder(root: Path, enabled_option: bool) -> Path | None:
    """Where this project's cache lives, or None when it is switched off."""
    env = os.environ.get(ENV, "").strip()
    if env.lower() in OFF or not enabled_option and not env:
        return None
    if env and env.lower() not in {"1", "true", "yes", "on", "kyllä"}:
        folder = Path(env)
        return folder if folder.is_absolute() else root / folder
    return root / DEFAULT_DIR


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def pack(value: bytes, level: int = 1) -> bytes:
    """A value as stored: pages shrink to a fifth, a smaller file for CI to restore. Level 0 (stored, only
    framed) for what is compressed already, such as Pagefind's gzipped files: zlib would gain 8 % of it in
    0.15 s at 1,000 posts."""
    return zlib.compress(value, level)


class BuildCache:
    """One build's view of the cache file: reads verified, writes inside one transaction until commit()."""

    def __init__(self, folder: Path, fingerprint: str, name: str = DB_NAME) -> None:
        self.folder = folder
        self.path = folder / name
        self.fingerprint = fingerprint
        self.hits: Counter[str] = Counter()
        self.misses: Counter[str] = Counter()
        self.note = ""  # why the cache started empty, for the build log
        self.was_empty = True  # nothing to reuse: a cold build (parallel_markdown.py then forks a worker)
        self._lock = threading.Lock()  # the search index part runs in a thread of its own
        self._used: set[tuple[str, str]] = set()
        self._damaged = False
        self._pending = 0  # bytes written since the last COMMIT
        self._preloaded: dict[str, dict[str, tuple | None]] = {}  # kind -> key -> row read at once (preload)
        self._db: sqlite3.Connection | None = None
        try:
            self._db = self._open()
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc):  # another build of this project is writing it
                log.info(f"välimuisti {self.path} on toisen koostamisen käytössä; koostetaan ilman sitä")
                return
            self._discard(f"välimuisti {self.path} on vioittunut ({exc}); se ohitetaan ja kirjoitetaan uudelleen")
        except (sqlite3.Error, OSError) as exc:
            self._discard(f"välimuisti {self.path} on vioittunut ({exc}); se ohitetaan ja kirjoitetaan uudelleen")

    def _open(self) -> sqlite3.Connection:
        self.folder.mkdir(parents=True, exist_ok=True)
        gitignore = self.folder / ".gitignore"
        if not gitignore.exists():
            gitignore.write_text("# muutostuki build cache (mkdocs/build_cache.py)\n*\n", encoding="utf-8")
        db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=LOCK_WAIT_S)
        db.execute("PRAGMA journal_mode=DELETE")
        db.execute("PRAGMA synchronous=OFF")  # a cut-off write is a damaged cache: detected and ignored
        db.execute("CREATE TABLE IF NOT EXISTS meta(name TEXT PRIMARY KEY, value TEXT NOT NULL)")
        db.execute("CREATE TABLE IF NOT EXISTS entry(kind TEXT NOT NULL, key TEXT NOT NULL, sha256 TEXT NOT NULL, "
                   "value BLOB NOT NULL, PRIMARY KEY(kind, key))")
        db.execute("BEGIN IMMEDIATE")
        row = db.execute("SELECT value FROM meta WHERE name = 'fingerprint'").fetchone()
        if row is None or row[0] != self.fingerprint:
            count = db.execute("SELECT count(*) FROM entry").fetchone()[0]
            if count:
                self.note = "koodi, paketit tai asetukset ovat muuttuneet: välimuisti tyhjennetty"
            db.execute("DELETE FROM entry")
            db.execute("INSERT OR REPLACE INTO meta(name, value) VALUES ('fingerprint', ?)", (self.fingerprint,))
        self.was_empty = db.execute("SELECT count(*) FROM entry WHERE kind = 'markdown'").fetchone()[0] == 0
        db.execute("COMMIT")
        return db

    def _discard(self, message: str) -> None:
        """A file SQLite cannot read: start a new one (or build without a cache if even that fails)."""
        log.warning(message)
        self._damaged = True
        self._preloaded = {}
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
        self._db = None
        for suffix in ("", "-journal", "-wal", "-shm"):
            try:
                os.unlink(str(self.path) + suffix)
            except OSError:
                pass
        try:
            self._db = self._open()
            self.note = "vioittunut välimuisti korvattu uudella"
        except (sqlite3.Error, OSError) as exc:
            log.warning(f"välimuistia {self.path} ei voi käyttää ({exc}); koostetaan ilman sitä")
            self._db = None

    def preload(self, kind: str, values: bool = True) -> None:
        """Every entry of a kind read in one query (`values=False`: which keys are stored): a warm build asks
        for nearly all of them, one at a time (about 0.1 s of queries for 4,000 entries at 3,000 posts)."""
        with self._lock:
            if self._db is None:
                return
            try:
                if values:
                    rows = self._db.execute("SELECT key, sha256, value FROM entry WHERE kind = ?", (kind,))
                    self._preloaded[kind] = {key: (sha, value) for key, sha, value in rows}
                else:
                    rows = self._db.execute("SELECT key FROM entry WHERE kind = ?", (kind,))
                    self._preloaded[kind] = {key: None for (key,) in rows}
            except sqlite3.Error as exc:
                self._discard(f"välimuisti {self.path} on vioittunut ({exc}); se ohitetaan ja kirjoitetaan uudelleen")

    def _row(self, kind: str, key: str, columns: str) -> tuple | None:
        """One entry's columns (under the lock), a miss counted; None also when the file fails."""
        if self._db is None:
            return None
        preloaded = self._preloaded.get(kind)
        if preloaded is not None:
            if key not in preloaded:
                self.misses[kind] += 1
                return None
            if columns == "1":
                return (1,)
            row = preloaded[key]
            if row is not None:
                preloaded[key] = None  # a value is read once (it leaves memory): again, from the file
                return row
        try:
            row = self._db.execute(f"SELECT {columns} FROM entry WHERE kind = ? AND key = ?", (kind, key)).fetchone()
        except sqlite3.Error as exc:
            self._discard(f"välimuisti {self.path} on vioittunut ({exc}); se ohitetaan ja kirjoitetaan uudelleen")
            return None
        if row is None:
            self.misses[kind] += 1
        return row

    def get(self, kind: str, key: str, count: bool = True) -> bytes | None:
        """The value, if stored and intact; `count=False`: a look that counts no hit (a later read will)."""
        with self._lock:
            row = self._row(kind, key, "sha256, value")
            return None if row is None else self._checked(kind, key, *row, count=count)

    def _checked(self, kind: str, key: str, sha: str, value, count: bool = True) -> bytes | None:
        """A stored value unpacked if its bytes are the ones written (under the lock), the hit or miss counted."""
        value = bytes(value)
        try:
            value = zlib.decompress(value) if digest(value) == sha else None
        except zlib.error:
            value = None
        if value is None:
            if not self._damaged:
                log.warning(f"välimuistin {self.path} tietue on vioittunut; vioittuneet tietueet ohitetaan")
            self._damaged = True
            self.misses[kind] += 1
            return None
        self._used.add((kind, key))
        self.hits[kind] += count
        return value

    def entries(self, kind: str, prefix: str = "") -> dict[str, bytes]:
        """Every intact entry of a kind whose key starts with `prefix`, read at once and kept from this build
        to the next whether used or not (compiled templates: one per template file, read before a worker
        forks, which cannot use this connection)."""
        with self._lock:
            if self._db is None:
                return {}
            try:
                rows = self._db.execute("SELECT key, sha256, value FROM entry WHERE kind = ? AND substr(key, 1, ?) = ?",
                                        (kind, len(prefix), prefix)).fetchall()
            except sqlite3.Error as exc:
                self._discard(f"välimuisti {self.path} on vioittunut ({exc}); se ohitetaan ja kirjoitetaan uudelleen")
                return {}
            found = {key: self._checked(kind, key, sha, value) for key, sha, value in rows}
            return {key: value for key, value in found.items() if value is not None}

    def has(self, kind: str, key: str) -> bool:
        """Whether an entry is stored (counted as a hit and kept; `get` checks its bytes when it is read)."""
        with self._lock:
            if self._row(kind, key, "1") is None:
                return False
            self._used.add((kind, key))
            self.hits[kind] += 1
            return True

    def put(self, kind: str, key: str, value: bytes, level: int = 1) -> None:
        self.put_packed(kind, key, pack(value, level))

    def put_packed(self, kind: str, key: str, value: bytes) -> None:
        """A value pack() has compressed already (the render worker does so on its own core)."""
        with self._lock:
            if self._db is None:
                return
            try:
                self._begin()
                self._db.execute("INSERT OR REPLACE INTO entry(kind, key, sha256, value) VALUES (?, ?, ?, ?)",
                                 (kind, key, digest(value), value))
                self._preloaded.get(kind, {}).setdefault(key, None)  # stored now: read from the file if asked
                self._used.add((kind, key))
                self._pending += len(value)
                if self._pending > BATCH_BYTES:  # written entries are valid on their own: no need to hold them
                    self._db.execute("COMMIT")
                    self._pending = 0
            except sqlite3.Error as exc:
                self._discard(f"välimuistiin {self.path} ei voi kirjoittaa ({exc}); koostetaan ilman sitä")

    def _begin(self) -> None:
        if not self._db.in_transaction:
            self._db.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        """The build finished: keep what it used or wrote, drop the rest."""
        with self._lock:
            if self._db is None:
                return
            try:
                self._begin()
                stale = [k for k in self._db.execute("SELECT kind, key FROM entry") if tuple(k) not in self._used]
                self._db.executemany("DELETE FROM entry WHERE kind = ? AND key = ?", stale)
                self._db.execute("COMMIT")
                free, pages = (self._db.execute(f"PRAGMA {p}").fetchone()[0] for p in ("freelist_count", "page_count"))
                if free * 2 > pages and free > VACUUM_PAGES:  # mostly empty after a change of everything: shrink
                    self._db.execute("VACUUM")
                self._db.close()
            except sqlite3.Error as exc:
                log.warning(f"välimuistin {self.path} tallennus epäonnistui ({exc})")
            self._db = None

    def abandon(self) -> None:
        """The build failed: what it wrote is kept (each entry stands on its own), nothing is dropped."""
        with self._lock:
            if self._db is not None:
                try:
                    if self._db.in_transaction:
                        self._db.execute("COMMIT")
                    self._db.close()
                except sqlite3.Error:
                    pass
            self._db = None

    @contextmanager
    def quiet(self):
        """While held, no other thread of this process is inside SQLite through this cache (so a fork
        here leaves the child no SQLite lock held by a thread it does not have)."""
        with self._lock:
            yield

    def summary(self, label: str = "välimuisti") -> str:
        kinds = sorted(set(self.hits) | set(self.misses))
        parts = [f"{k} {self.hits[k]}/{self.hits[k] + self.misses[k]}" for k in kinds]
        return f"{label}: " + (", ".join(parts) if parts else "tyhjä") + (f" ({self.note})" if self.note else "")


# -- the fingerprint of everything a build's output may depend on besides the content ----------------
def _stable(value, depth: int = 0) -> str:
    """Text of a configuration value that does not change between runs (no object addresses)."""
    if depth > 20:
        return "…"
    if value is None or isinstance(value, (bool, int, float, str)):
        return repr(value)
    if isinstance(value, dict) or hasattr(value, "items") and callable(value.items):
        try:
            items = sorted(((repr(k), _stable(v, depth + 1)) for k, v in value.items()))
        except Exception:  # noqa: BLE001 - an odd mapping: its type and repr
            return ADDRESS.sub("", f"{type(value).__name__}:{value!r}")
        return "{" + ",".join(f"{k}:{v}" for k, v in items) + "}"
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_stable(v, depth + 1) for v in value]
        return "[" + ",".join(sorted(items) if isinstance(value, (set, frozenset)) else items) + "]"
    return ADDRESS.sub("", f"{type(value).__name__}:{value!r}")


def config_fingerprint(config) -> str:
    """The resolved configuration (environment variables in mkdocs.yml included), plugins by their options."""
    rows = []
    for name in sorted(config.keys()):
        if name in NOT_OUTPUT:
            continue
        value = config[name]
        if name == "plugins":
            value = {key: dict(plugin.config) for key, plugin in value.items()}
        elif name == "theme":
            value = {"name": value.name, "dirs": list(value.dirs), "static": sorted(value.static_templates),
                     **{k: value[k] for k in value}}
        rows.append(f"{name}={_stable(value)}")
    path = config.config_file_path
    if path and os.path.isfile(path):
        rows.append("file=" + digest(Path(path).read_bytes()))
    return "\n".join(rows)


def _files_digest(folder: Path) -> str:
    rows = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in {".pyc", ".pyo"}:
            rows.append(f"{path.relative_to(folder).as_posix()} {digest(path.read_bytes())}")
    return "\n".join(rows)


def packages_fingerprint() -> str:
    """Every installed distribution on the path (a package upgrade or a new extension changes this)."""
    seen = set()
    for dist in metadata.distributions():
        try:
            seen.add(f"{(dist.metadata['Name'] or '?').lower()}=={dist.version}")
        except Exception:  # noqa: BLE001 - a broken .dist-info still changes the fingerprint
            seen.add(f"?{getattr(dist, '_path', '')}")
    return "\n".join(sorted(seen))


def code_fingerprint() -> str:
    """What reading the content depends on: this package, the installed packages, Python."""
    return digest("\n\0".join([f"format {FORMAT}", sys.version, packages_fingerprint(),
                                _files_digest(PACKAGE)]).encode("utf-8", "surrogatepass"))


def build_fingerprint(config, code: str | None = None) -> str:
    """`code`: code_fingerprint(), if the build has already worked it out."""
    own_theme = [d for d in config.theme.dirs
                 if "site-packages" not in Path(d).parts and not Path(d).resolve().is_relative_to(PACKAGE)]
    parts = [code or code_fingerprint(),
             *(f"theme {d}\n{_files_digest(Path(d))}" for d in own_theme if Path(d).is_dir()),
             config_fingerprint(config)]
    return digest("\n\0".join(parts).encode("utf-8", "surrogatepass"))


def open_source_cache(config_file_path: str | None, enabled_option: bool, code: str) -> BuildCache | None:
    """The parsed content files (content/source_store.py), in a file of their own: they are read in
    on_config, before the configuration is final, and do not depend on it."""
    if not config_file_path:
        return None
    folder = cache_folder(Path(config_file_path).resolve().parent, enabled_option)
    return None if folder is None else BuildCache(folder, code, name=SOURCES_DB_NAME)


def open_build_cache(config, enabled_option: bool, code: str | None = None) -> BuildCache | None:
    """The cache of the project whose mkdocs.yml this is (each fixture site of the tests has its own)."""
    if not config.config_file_path:
        return None
    folder = cache_folder(Path(config.config_file_path).resolve().parent, enabled_option)
    if folder is None:
        return None
    return BuildCache(folder, build_fingerprint(config, code))


def open_outputs_cache(cache: BuildCache) -> BuildCache:
    """The outputs' cache file beside `cache`, under the same fingerprint (see the module docstring)."""
    return BuildCache(cache.folder, cache.fingerprint, name=OUTPUTS_DB_NAME)
