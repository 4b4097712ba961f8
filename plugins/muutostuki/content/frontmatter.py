"""Read a Markdown file with YAML front matter, remembering the line of every key."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ErrorList

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


@dataclass
class SourceFile:
    """A content file split into front matter and body, with line numbers for keys."""

    path: str  # as shown to editors, relative to the project root
    meta: dict = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # line number of the first body line
    ok: bool = True

    def line(self, key: str) -> int:
        return self.lines.get(key, 1)


def _key_lines(node: yaml.Node, first_line: int) -> dict[str, int]:
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                lines[str(key_node.value)] = first_line + key_node.start_mark.line
                if isinstance(value_node, yaml.SequenceNode):
                    # "regions.1" -> line of the second list item, for precise messages
                    for i, item in enumerate(value_node.value):
                        lines[f"{key_node.value}.{i}"] = first_line + item.start_mark.line
                elif isinstance(value_node, yaml.MappingNode):
                    for sub_key, sub_value in value_node.value:
                        if isinstance(sub_key, yaml.ScalarNode):
                            lines[f"{key_node.value}.{sub_key.value}"] = first_line + sub_key.start_mark.line
    return lines


def parse_yaml(text: str, path: str, errors: ErrorList, first_line: int = 1) -> tuple[object, dict[str, int]] | None:
    """Parse YAML text; on a syntax error report it with its line and return None."""
    loader = _Loader(text)
    try:  # parse once: the node gives line numbers, the same node gives the data (what yaml.load does)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = first_line + (mark.line if mark else 0)
        problem = getattr(exc, "problem", None) or str(exc)
        errors.add(path, line, "yaml", f"YAML-virhe: {problem}; tarkista sisennykset, kaksoispisteet ja lainausmerkit "
                   "(lainaa arvo, jossa on kaksoispiste tai #-merkki)")
        return None
    finally:
        loader.dispose()
    return data, (_key_lines(node, first_line) if node is not None else {})


def read_source(abs_path: Path, shown_path: str, errors: ErrorList, require_front_matter: bool = True) -> SourceFile:
    """Read one content file; every problem goes to `errors`, nothing raises."""
    source = SourceFile(path=shown_path)
    try:
        raw = abs_path.read_bytes()
    except OSError as exc:
        errors.add(shown_path, 1, "tiedosto", f"tiedostoa ei voi lukea ({exc.strerror})")
        source.ok = False
        return source
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        errors.add(shown_path, line, "tiedosto", "tiedosto ei ole UTF-8-muodossa; tallenna se editorissa "
                   "merkistöllä UTF-8")
        source.ok = False
        return source
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        if require_front_matter:
            errors.add(shown_path, 1, "front matter", "tiedoston pitää alkaa kolmella viivalla (---) ja "
                       "sen jälkeen kentillä kuten title ja date; katso ohjeet/")
            source.ok = False
        source.body = text
        return source
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        errors.add(shown_path, 1, "front matter", "front matterin lopetusrivi (---) puuttuu; lisää se kenttien perään")
        source.ok = False
        return source
    parsed = parse_yaml("\n".join(lines[1:end]), shown_path, errors, first_line=2)
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
