"""Garbage collection on the GUI thread, and what it leaves out once the app has started."""

import gc

from ui.gui_gc import GuiThreadCollector


def test_freeze_leaves_what_exists_out_of_later_collections(qapp):
    """After freeze() a full collection no longer sees the objects made before it."""
    collector = GuiThreadCollector()
    kept = [[index] for index in range(10_000)]  # tracked containers, as rows would be
    try:
        collector.freeze()
        assert gc.get_freeze_count() >= len(kept)
        made_later = [0]
        seen = gc.get_objects()  # what collections walk
        assert any(o is made_later for o in seen)
        assert not any(o is kept[0] for o in seen)
    finally:
        gc.unfreeze()
        collector.stop()
