"""End-to-end: fixture sites built with mkdocs, checked in the output HTML."""
from conftest import post


def test_post_page_index_and_hidden_drafts(build_site):
    result = build_site({
        "blog/2026/eka.md": post("Eka kirjoitus", "2026-01-15", regions="[etela-savo]", categories="[Sote-uudistus]"),
        "blog/luonnos.md": post("Salainen luonnos", "2026-01-16", draft="true"),
        "blog/tuleva.md": post("Tuleva kirjoitus", "2027-01-01"),
    })
    assert result.returncode == 0, result.output
    page = result.html("blogi/2026/eka/")
    assert "<h1>Eka kirjoitus</h1>" in page
    assert '<time datetime="2026-01-15T00:00+02:00">15.1.2026</time>' in page
    assert "Tiina Testaaja" in page and "Testijärjestö ry" in page
    index = result.html("blogi/")
    assert "Eka kirjoitus" in index
    assert "Salainen luonnos" not in index and "Tuleva kirjoitus" not in index
    assert not result.exists("blogi/2026/luonnos/") and not result.exists("blogi/2027/tuleva/")
    sitemap = result.html("sitemap-sivut.xml")
    assert "/blogi/2026/eka/" in sitemap
    assert "luonnos" not in sitemap and "tuleva" not in sitemap
    assert result.exists("blogi/aiheet/sote-uudistus/")
    assert result.exists("blogi/arkisto/2026/")


def test_pagination_ten_a_page(build_site):
    files = {f"blog/p{i:02d}.md": post(f"Kirjoitus {i:02d}", f"2026-01-{i + 1:02d}") for i in range(23)}
    result = build_site(files)
    assert result.returncode == 0, result.output
    first = result.html("blogi/")
    assert first.count('class="mt-card"') == 10
    assert "Kirjoitus 22" in first and "Kirjoitus 12" not in first
    assert result.html("blogi/sivu/3/").count('class="mt-card"') == 3
    assert not result.exists("blogi/sivu/4/")


def test_content_errors_fail_build_with_all_messages(build_site):
    result = build_site({
        "blog/a.md": post("A", "2026-13-01"),
        "blog/b.md": post("B", "2026-01-01", regions="[etela-savoo]"),
    })
    assert result.returncode != 0
    assert "blog/a.md:3: date:" in result.output
    assert "blog/b.md:5: regions: tuntematon alue 'etela-savoo'" in result.output
    assert "Tarkoititko 'etela-savo'?" in result.output
    assert "Traceback" not in result.output


def test_hostile_strings_are_escaped_once_everywhere(build_site):
    title = "<script>alert(1)</script> & \\\"lainaus\\\" <b>lihava</b>"
    result = build_site({
        "blog/vaara.md": post(title, "2026-01-15", categories='["<i>Aihe</i> & muut"]', tags='["<u>t</u>"]',
                              summary='"<img src=x onerror=alert(1)>"'),
    })
    assert result.returncode == 0, result.output
    for url in ("blogi/2026/vaara/", "blogi/", "", "blogi/aiheet/i-aihe-i-muut/"):
        page = result.html(url)
        assert "<script>alert(1)</script>" not in page, url
        assert "<b>lihava</b>" not in page and "<i>Aihe</i>" not in page and "<u>t</u>" not in page, url
        assert "<img src=x" not in page, url
        assert "&amp;amp;" not in page and "&amp;lt;" not in page, url
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;lainaus&#34;" in result.html("blogi/2026/vaara/")
