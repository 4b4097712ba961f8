"""long_lived.py: a build's long-lived objects leave the collector, and everything is given back after."""
from __future__ import annotations

import gc

from muutostuki.mkdocs import long_lived


def test_a_build_freezes_its_objects_collects_young_ones_less_often_and_gives_both_back():
    long_lived.release()
    python_thresholds = gc.get_threshold()
    long_lived.start_build()
    model = [{"post": n} for n in range(1000)]
    long_lived.settle()
    assert gc.get_freeze_count() >= len(model)
    assert gc.get_threshold()[0] == max(long_lived.YOUNG_THRESHOLD, python_thresholds[0])
    long_lived.settle()  # a later step (the pages): frozen too, the thresholds stay as they are
    assert gc.get_threshold()[0] == max(long_lived.YOUNG_THRESHOLD, python_thresholds[0])
    long_lived.release()
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == python_thresholds
