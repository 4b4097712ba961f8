"""Read a Markdown file with YAML front matter, remembering the line of every key."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .bounds import MAX_FILE_BYTES, MAX_FRONT_MATTER_CHARS, MAX_YAML_DEPTH, MAX_YAML_NODES
from .errors import BODY_FIELD, ErrorList
from .unsafe_text import FORBIDDEN, shown, unsafe_message

try:  # libyaml is ~10x faster; the pure-Python loader gives identical results
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _BaseLoader = yaml.SafeLoader


class _Loader(_BaseLoader):
    """Safe loader that keeps dates as strings: our own parsers decide what a date means."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in _BaseLoader.yaml_implicit_resolvers.copy().items()
}


WORD = re.compile(r"\w+")


@dataclass
class SourceFile:
    """A content file split into front matter and body, with line numbers for keys."""

    path: str  # as shown to editors, relative to the project root
    meta: dict = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # line number of the first body line
    ok: bool = True
    words: int | None = None  # words of the body, once counted (kept with the parse: source_store.py)

    def line(self, key: str) -> int:
        return self.lines.get(key, 1)

    def word_count(self) -> int:
        if self.words is None:
            self.words = len(WORD.findall(self.body))
        return self.words


def _key_lines(node: yaml.Node, first_line: int) -> dict[str, int]:
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                lines.setdefault(str(key_node.value), first_line + key_node.start_mark.line)
                if isinstance(value_node, yaml.SequenceNode):
                    # "regions.1" -> line of the second list item, for precise messages
                    for i, item in enumerate(value_node.value):
                        lines[f"{key_node.value}.{i}"] = first_line + item.start_mark.line
                elif isinstance(value_node, yaml.MappingNode):
                    for sub_key, sub_value in value_node.value:
                        if isinstance(sub_key, yaml.ScalarNode):
                            lines.setdefault(f"{key_node.value}.{sub_key.value}",
                                             first_line + sub_key.start_mark.line)
    return lines


def _guard_events(text: str, path: str, errors: ErrorList, first_line: int, max_nodes: int) -> bool:
    """Refuse what makes YAML grow or recurse before anything is built from it: aliases and
    anchors (a few hundred bytes can expand to gigabytes), deep nesting, too many values, tags."""
    depth = nodes = 0
    for event in yaml.parse(text, Loader=_Loader):
        line = first_line + event.start_mark.line
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            errors.add(path, line, "yaml", "ankkurit (&nimi) ja viittaukset (*nimi) eivät ole sallittuja; "
                       "kirjoita jokainen arvo auki sinne, missä sitä tarvitaan")
            return False
        if isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            nodes += 1
            tag = event.tag
            if tag is not None and tag not in ("tag:yaml.org,2002:str", "!") and not (
                    isinstance(event, yaml.ScalarEvent) and event.implicit[0]):
                errors.add(path, line, "yaml", f"YAML-tagit kuten {shown(tag, 40)} eivät ole sallittuja; "
                           "kirjoita arvo ilman !-merkkiä (lainausmerkeissä, jos se on tekstiä)")
                return False
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                errors.add(path, line, "yaml", f"kentät ovat liian syvällä sisäkkäin (yli {MAX_YAML_DEPTH} tasoa); "
                           "katso ohjeista kenttien muoto ja poista ylimääräiset sisennykset tai hakasulkeet")
                return False
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
        if nodes > max_nodes:
            errors.add(path, line, "yaml", f"liian monta arvoa (yli {max_nodes}); jaa sisältö useampaan tiedostoon")
            return False
    return True


def _check_nodes(node: yaml.Node, path: str, errors: ErrorList, first_line: int) -> None:
    """Duplicate keys (YAML keeps the last one silently: `draft: true` ... `draft: false` would
    publish a draft) and unsafe characters in any key or value."""
    stack: list[tuple[yaml.Node, str]] = [(node, "")]
    while stack:
        current, name = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            bad = FORBIDDEN.search(str(current.value))
            if bad:
                errors.add(path, first_line + current.start_mark.line, name or "yaml", unsafe_message(bad.group()))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((item, f"{name}.{i}" if name else str(i)) for i, item in enumerate(current.value))
        elif isinstance(current, yaml.MappingNode):
            seen: dict[str, list[int]] = {}
            for key_node, value_node in current.value:
                key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
                full = f"{name}.{key}" if name else key
                if key == "<<":
                    errors.add(path, first_line + key_node.start_mark.line, full,
                               "yhdistämisavain << ei ole sallittu; kirjoita kentät auki")
                seen.setdefault(key, []).append(first_line + key_node.start_mark.line)
                stack.append((key_node, full))
                stack.append((value_node, full))
            for key, lines in seen.items():
                if len(lines) > 1:
                    full = shown(f"{name}.{key}" if name else key)
                    where = ", ".join(str(n) for n in lines)
                    for line in lines:
                        errors.add(path, line, full, f"kenttä on kirjoitettu {len(lines)} kertaa (rivit {where}); "
                                   "vain yksi voi olla voimassa, joten poista ylimääräiset ja jätä oikea arvo")


def parse_yaml(text: str, path: str, errors: ErrorList, first_line: int = 1,
               max_nodes: int = MAX_YAML_NODES) -> tuple[object, dict[str, int]] | None:
    """Parse YAML text; on a syntax error or a refused construct report it with its line and return None."""
    loader = _Loader(text)
    try:  # parse once: the node gives line numbers, the same node gives the data (what yaml.load does)
        if not _guard_events(text, path, errors, first_line, max_nodes):
            return None
        node = loader.get_single_node()
        if node is not None:
            _check_nodes(node, path, errors, first_line)  # reported; the other fields are still checked
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = first_line + (mark.line if mark else 0)
        problem = getattr(exc, "problem", None) or str(exc)
        errors.add(path, line, "yaml", f"YAML-virhe: {shown(problem, 200)}; tarkista sisennykset, kaksoispisteet ja "
                   "lainausmerkit (lainaa arvo, jossa on kaksoispiste tai #-merkki)")
        return None
    finally:
        loader.dispose()
    return data, (_key_lines(node, first_line) if node is not None else {})


_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


def _report_unsafe_chars(lines: list[str], path: str, errors: ErrorList, front_matter_end: int) -> bool:
    """Unsafe characters anywhere in the file, each with its line; they are blanked in `lines`
    so that the rest of the file is still checked. False if any were found."""
    if not any(FORBIDDEN.search(line) for line in lines):
        return True
    found = False
    key = "front matter"
    for i, line in enumerate(lines):
        if i < front_matter_end:
            m = _KEY_LINE.match(line)
            key = m.group(1) if m else key
        bad = FORBIDDEN.search(line)
        if bad is None:
            continue
        found = True
        errors.add(path, i + 1, key if 0 < i < front_matter_end else BODY_FIELD, unsafe_message(bad.group()))
        lines[i] = FORBIDDEN.sub(" ", line)
    return not found


def read_text(abs_path: Path, shown_path: str, errors: ErrorList, limit: int = MAX_FILE_BYTES) -> str | None:
    """The file's text (UTF-8), or None with the reason in `errors`: unreadable, too large, not UTF-8."""
    try:
        with abs_path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        errors.add(shown_path, 1, "tiedosto", f"tiedostoa ei voi lukea ({exc.strerror})")
        return None
    if len(raw) > limit:
        errors.add(shown_path, 1, "tiedosto", f"tiedosto on liian suuri (yli {limit // 1000} kt); jaa teksti "
                   "useampaan kirjoitukseen ja tallenna kuvat ja liitteet omiksi tiedostoikseen")
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        errors.add(shown_path, line, "tiedosto", "tiedosto ei ole UTF-8-muodossa; tallenna se editorissa "
                   "merkistöllä UTF-8")
        return None


def read_source(abs_path: Path, shown_path: str, errors: ErrorList, require_front_matter: bool = True) -> SourceFile:
    """Read one content file; every problem goes to `errors`, nothing raises."""
    source = SourceFile(path=shown_path)
    text = read_text(abs_path, shown_path, errors)
    if text is None:
        source.ok = False
        return source
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    has_front_matter = bool(lines) and lines[0].strip() == "---"
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None) \
        if has_front_matter else None
    if not _report_unsafe_chars(lines, shown_path, errors, end or 0):
        text = "\n".join(lines)
    if not has_front_matter:
        if require_front_matter:
            errors.add(shown_path, 1, "front matter", "tiedoston pitää alkaa kolmella viivalla (---) ja "
                       "sen jälkeen kentillä kuten title ja date; katso ohjeet/")
            source.ok = False
        source.body = text
        return source
    if end is None:
        errors.add(shown_path, 1, "front matter", "front matterin lopetusrivi (---) puuttuu; lisää se kenttien perään")
        source.ok = False
        return source
    front_matter = "\n".join(lines[1:end])
    if len(front_matter) > MAX_FRONT_MATTER_CHARS:
        errors.add(shown_path, 2, "front matter", f"front matter on liian pitkä (yli {MAX_FRONT_MATTER_CHARS} "
                   "merkkiä); kirjoita pitkä teksti front matterin jälkeen tekstiosaan")
        source.ok = False
        return source
    parsed = parse_yaml(front_matter, shown_path, errors, first_line=2)
    if parsed is None:
        source.ok = False
        return source
    data, key_lines = parsed
    if data is None:
        data = {}
    if not isinstance(data, dict):
        errors.add(shown_path, 2, "front matter", "front matterin pitää olla kenttiä muodossa 'nimi: arvo'")
        source.ok = False
        return source
    source.meta = {str(k): v for k, v in data.items()}
    source.lines = key_lines
    source.body = "\n".join(lines[end + 1:])
    source.body_line = end + 2
    return source
