"""Compiled templates in the build cache (mkdocs/template_bytecode.py): reused, never stale, never trusted blindly."""
from __future__ import annotations

import jinja2
import pytest

from muutostuki.mkdocs.build_cache import BuildCache
from muutostuki.mkdocs.template_bytecode import KIND, TemplateBytecode, install, leave_to_parent

SOURCES = {"sivu.html": "{% extends 'pohja.html' %}{% block sisalto %}Hei {{ nimi }}{% endblock %}",
           "pohja.html": "<main>{% block sisalto %}{% endblock %}</main>"}


def _build(folder, sources: dict, autoescape=False):
    """One build: a new environment over the cache file as the build before left it; (output, compiled names)."""
    cache = BuildCache(folder, "sormenjälki")
    env = jinja2.Environment(loader=jinja2.DictLoader(dict(sources)), autoescape=autoescape)
    install(env, cache)
    compiled = []
    original = env.compile
    env.compile = lambda source, name=None, *args, **kw: compiled.append(name) or original(source, name, *args, **kw)
    output = env.get_template("sivu.html").render(nimi="<Maija>")
    cache.commit()
    return output, sorted(compiled)


def test_a_second_build_loads_every_template_without_compiling(tmp_path):
    assert _build(tmp_path, SOURCES) == ("<main>Hei <Maija></main>", ["pohja.html", "sivu.html"])
    assert _build(tmp_path, SOURCES) == ("<main>Hei <Maija></main>", [])


def test_a_changed_template_is_compiled_again_and_shows_the_change(tmp_path):
    _build(tmp_path, SOURCES)
    changed = {**SOURCES, "pohja.html": "<article>{% block sisalto %}{% endblock %}</article>"}
    assert _build(tmp_path, changed) == ("<article>Hei <Maija></article>", ["pohja.html"])


def test_other_settings_compile_their_own_code(tmp_path):
    _build(tmp_path, SOURCES)
    assert _build(tmp_path, SOURCES, autoescape=True) == ("<main>Hei &lt;Maija&gt;</main>", ["pohja.html", "sivu.html"])


@pytest.mark.parametrize("damage", [b"", b"roskaa", b"j2" + b"\x80\x04roskaa"])
def test_an_entry_jinja_cannot_read_is_compiled_again(tmp_path, damage):
    _build(tmp_path, SOURCES)
    cache = BuildCache(tmp_path, "sormenjälki")
    keys = [key for (key,) in cache._db.execute("SELECT key FROM entry WHERE kind = ?", (KIND,))]
    for key in keys:
        cache.put(KIND, key, damage)
    cache.commit()
    assert _build(tmp_path, SOURCES) == ("<main>Hei <Maija></main>", ["pohja.html", "sivu.html"])


def test_entries_outlive_a_build_that_renders_none_of_their_templates(tmp_path):
    _build(tmp_path, SOURCES)
    cache = BuildCache(tmp_path, "sormenjälki")
    TemplateBytecode(cache, jinja2.Environment())  # a build with the same settings that loads no template
    cache.commit()
    assert _build(tmp_path, SOURCES)[1] == []


def test_a_forked_worker_writes_nothing_and_loads_what_the_parent_read(tmp_path):
    cache = BuildCache(tmp_path, "sormenjälki")
    env = jinja2.Environment(loader=jinja2.DictLoader(SOURCES))
    install(env, cache)
    leave_to_parent(env)
    env.get_template("sivu.html").render(nimi="x")
    cache.commit()
    assert _build(tmp_path, SOURCES)[1] == ["pohja.html", "sivu.html"]  # nothing was stored
    cache = BuildCache(tmp_path, "sormenjälki")
    env = jinja2.Environment(loader=jinja2.DictLoader(SOURCES))
    install(env, cache)
    cache.get = cache.put = None  # as in a worker: its parent's connection is not to be used
    leave_to_parent(env)
    compiled = []
    original = env.compile
    env.compile = lambda source, name=None, *args, **kw: compiled.append(name) or original(source, name, *args, **kw)
    assert env.get_template("sivu.html").render(nimi="x") == "<main>Hei x</main>" and compiled == []
