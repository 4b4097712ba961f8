"""Characters XML 1.0 cannot carry are dropped; everything a Finnish text needs is kept."""
from muutostuki.feeds.xmlsafe import clean


def test_clean_drops_only_characters_illegal_in_xml():
    kept = "Äö å\ttab\nrivi\r 🎉 € — \u2028 \ue000 \ufffd <&>\"'"
    assert clean(kept) == kept
    hostile = "a\x00b\x07c\x08d\x0be\x0cf\x1fg\ufffeh\uffffi\ud800j"
    assert clean(hostile) == "abcdefghij"
    assert clean("") == "" and clean(None) == ""
