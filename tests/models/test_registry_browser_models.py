"""The registry browser's tables while pages and manifests arrive: every change a diff the
model tester watches, each cell worded from the tag's details."""

from __future__ import annotations

from models.registry_browser import (
    COL_CREATED,
    COL_DIGEST,
    COL_PLATFORM,
    COL_SIZE,
    RepositoriesModel,
    RepositoryRow,
    TagRow,
    TagsModel,
)
from models.table import SortRole
from services.registry_api import TagDetails


def test_repositories_fill_page_by_page_and_filter(qapp, qtmodeltester):
    model = RepositoriesModel()
    qtmodeltester.check(model)
    model.upsert(RepositoryRow(f"team/app{number:04d}") for number in range(100))
    model.flush()
    model.upsert(RepositoryRow(f"other/lib{number:04d}") for number in range(100))
    model.flush()
    assert model.rowCount() == 200
    model.set_filter_text("app00")
    assert model.rowCount() == 100
    model.set_filter_text("team app0042")
    assert [model.index(0, 0).data()] == ["team/app0042"] and model.rowCount() == 1
    qtmodeltester.check(model)


def test_a_tag_is_filled_in_when_its_manifest_arrives(qapp, qtmodeltester):
    model = TagsModel()
    qtmodeltester.check(model)
    model.upsert([TagRow("app", "1"), TagRow("app", "2")])
    model.flush()
    assert model.index(0, COL_DIGEST).data() == "reading…"
    digest = "sha256:" + "ab" * 32
    details = TagDetails("app", "1", digest, 2_345_678, ("linux/amd64", "linux/arm64"), 0.0, "")
    model.upsert([TagRow("app", "1", details), TagRow("app", "2", problem="Gone.")])
    model.flush()
    assert model.index(0, COL_DIGEST).data() == "ab" * 6
    assert model.index(0, COL_DIGEST).data(SortRole) == digest
    assert model.index(0, COL_SIZE).data() == "2.35 MB"
    assert model.index(0, COL_PLATFORM).data() == "linux/amd64, linux/arm64"
    assert model.index(0, COL_CREATED).data()
    assert model.index(1, COL_DIGEST).data() == "Gone."
    assert model.index(1, COL_SIZE).data() == ""
    qtmodeltester.check(model)
