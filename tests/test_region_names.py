"""Finnish case forms of the region names: kept with the region data, used in titles and running text."""
import pytest

from muutostuki.content.errors import ErrorList
from muutostuki.content.region_registry import NAME_FORMS, REGION_IDS
from muutostuki.content.regions import CASES, builtin_regions, load_regions


def test_every_region_has_all_four_forms():
    assert set(NAME_FORMS) == set(REGION_IDS)
    for rid, forms in NAME_FORMS.items():
        assert len(forms) == len(CASES) and all(forms), rid


@pytest.mark.parametrize("rid, genitive, locative, source, goal", [
    ("etela-savo", "Etelä-Savon", "Etelä-Savossa", "Etelä-Savosta", "Etelä-Savoon"),
    ("kymenlaakso", "Kymenlaakson", "Kymenlaaksossa", "Kymenlaaksosta", "Kymenlaaksoon"),
    ("pirkanmaa", "Pirkanmaan", "Pirkanmaalla", "Pirkanmaalta", "Pirkanmaalle"),
    ("ita-uusimaa", "Itä-Uudenmaan", "Itä-Uudellamaalla", "Itä-Uudeltamaalta", "Itä-Uudellemaalle"),
    ("vantaa-kerava", "Vantaan ja Keravan", "Vantaalla ja Keravalla", "Vantaalta ja Keravalta",
     "Vantaalle ja Keravalle"),
    ("helsinki", "Helsingin", "Helsingissä", "Helsingistä", "Helsinkiin"),
])
def test_forms(rid, genitive, locative, source, goal):
    region = builtin_regions()[rid]
    assert [region.inflect(c) for c in CASES] == [genitive, locative, source, goal]
    assert region.genitive == genitive


def test_forms_share_the_stem_of_the_short_name():
    """A typo in the table shows up as a form that does not start like its name (Kanta-H..., Vantaa...)."""
    for region in builtin_regions().values():
        stem = region.short_name[:3]
        for case in CASES:
            assert region.inflect(case).startswith(stem), (region.id, case, region.inflect(case))


def test_unknown_case_is_refused():
    with pytest.raises(ValueError):
        builtin_regions()["lappi"].inflect("partitive")


def test_changed_short_name_needs_its_own_forms(tmp_path):
    folder = tmp_path / "docs" / "alueet"
    folder.mkdir(parents=True)
    (folder / "lappi.md").write_text("---\nshort_name: Lappimaa\n---\n\nTeksti.\n", encoding="utf-8")
    errors = ErrorList()
    load_regions(tmp_path / "docs", tmp_path, errors)
    messages = [str(e) for e in errors.errors]
    assert len(messages) == 1 and "docs/alueet/lappi.md:2: short_name:" in messages[0], messages
    assert "genitive, locative, source, goal" in messages[0]

    (folder / "lappi.md").write_text("---\nshort_name: Lappimaa\ngenitive: Lappimaan\nlocative: Lappimaalla\n"
                                     "source: Lappimaalta\ngoal: Lappimaalle\n---\n\nTeksti.\n", encoding="utf-8")
    errors = ErrorList()
    regions = load_regions(tmp_path / "docs", tmp_path, errors)
    assert not errors.errors
    assert regions["lappi"].genitive == "Lappimaan"
