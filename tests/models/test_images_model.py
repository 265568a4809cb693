"""The Images table while images come and go: every change is a diff the model tester
watches, one row per tag."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from models.images import ImagesModel
from tests.support.fake_engine import make_image

SIZE_COLUMN = 4


def references(model: ImagesModel) -> list[str]:
    return sorted(model.item_at(row).reference for row in range(model.rowCount()))


def test_the_images_model_stays_consistent_while_images_come_and_go(qapp, qtmodeltester):
    """Pulls, tags, untags, deletions and a dangling image, as the lists after image events
    bring them, under a sort and a filter."""
    model = ImagesModel()
    qtmodeltester.check(model)
    busybox = make_image("busybox:latest", "busybox:1.36", size=4_000_000)
    app = make_image("app:1", size=9_000_000)
    model.replace_images([busybox, app])
    assert references(model) == ["app:1", "busybox:1.36", "busybox:latest"]

    app = replace(app, repo_tags=("app:1", "app:2"))  # docker tag
    nginx = make_image("nginx:1.25", size=190_000_000)  # docker pull
    model.replace_images([busybox, app, nginx])
    model.sort(SIZE_COLUMN, Qt.SortOrder.DescendingOrder)
    assert model.item_at(0).reference == "nginx:1.25"

    untagged = replace(app, repo_tags=())  # docker rmi app:1 app:2 while a container uses it
    model.replace_images([busybox, untagged, nginx])
    assert untagged.id in references(model)
    model.set_filter_text("busybox")
    assert references(model) == ["busybox:1.36", "busybox:latest"]

    built = make_image(size=1_000)  # docker build without -t
    model.replace_images([replace(busybox, repo_tags=("busybox:latest",)), nginx, built])
    assert references(model) == ["busybox:latest"]
    model.set_filter_text("")
    assert references(model) == sorted(["busybox:latest", "nginx:1.25", built.id])

    model.replace_images([])
    assert model.rowCount() == 0
