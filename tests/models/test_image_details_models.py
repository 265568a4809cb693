"""The history table and the JSON tree through Qt's model tester; the tree's filter and paths."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex

from models.image_layers import COL_CREATED_BY, COL_LAYER, COL_SIZE, ImageLayersModel
from models.json_tree import COL_KEY, COL_TYPE, COL_VALUE, CopyRole, JsonTreeModel, PathRole
from services.image_details_data import ImageLayer

INSPECT = {
    "Id": "sha256:abc",
    "RepoTags": ["app:1"],
    "Config": {
        "Env": ["PATH=/usr/bin", "LANG=C.UTF-8"],
        "Cmd": None,
        "Labels": {"com.example.team": "infra"},
    },
    "Size": 1984237,
    "Os": "linux",
    "Empty": {},
    "Flag": True,
}


def layers() -> list[ImageLayer]:
    return [
        ImageLayer("sha256:" + "1" * 64, 1_700_000_100, 'CMD ["cat"]', 0),
        ImageLayer("<missing>", 1_700_000_000, "ADD file:abc in /", 4_000_000, "base"),
    ]


def walk(model: JsonTreeModel, parent: QModelIndex | None = None) -> list[str]:
    """Every shown node's path, depth first."""
    parent = QModelIndex() if parent is None else parent
    found = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, COL_KEY, parent)
        found.append(index.data(PathRole))
        found.extend(walk(model, index))
    return found


def test_the_layers_model_shows_docker_history_rows(qapp, qtmodeltester):
    """Short ids, `<missing>` as it is, the instruction whole, sizes in docker's units."""
    model = ImageLayersModel()
    qtmodeltester.check(model)
    model.set_layers(layers())
    qtmodeltester.check(model)
    assert [model.index(r, COL_LAYER).data() for r in range(2)] == ["111111111111", "<missing>"]
    assert model.index(1, COL_CREATED_BY).data() == "ADD file:abc in /"
    assert model.index(1, COL_SIZE).data() == "4 MB"
    assert model.total_size() == 4_000_000
    model.set_layers([])
    assert model.rowCount() == 0


def test_the_json_tree_model_passes_the_model_tester_filtered_and_not(qapp, qtmodeltester):
    """The whole tree, a filtered one, a new document, and back."""
    model = JsonTreeModel()
    qtmodeltester.check(model)
    model.set_document(INSPECT)
    qtmodeltester.check(model)
    model.set_filter_text("lang")
    qtmodeltester.check(model)
    model.set_document({"Other": [1, 2.5, None]})
    qtmodeltester.check(model)
    model.set_filter_text("")
    qtmodeltester.check(model)


def test_json_tree_cells_say_key_value_and_type(qapp):
    model = JsonTreeModel()
    model.set_document(INSPECT)
    config = model.index(2, COL_KEY)
    assert config.data() == "Config"
    assert model.index(2, COL_VALUE).data() == "{3}"
    assert model.index(2, COL_TYPE).data() == "object"
    env = model.index(0, COL_KEY, config)
    first = model.index(0, COL_VALUE, env)
    assert first.data() == "PATH=/usr/bin"
    assert model.index(0, COL_KEY, env).data() == "[0]"
    assert model.index(0, COL_TYPE, env).data() == "string"
    assert model.index(1, COL_VALUE, config).data() == "null"
    assert model.index(3, COL_VALUE).data() == "1984237"


def test_paths_are_written_as_jq_writes_them(qapp):
    """`.Config.Env[0]`; a key that is no identifier in quotes and brackets."""
    model = JsonTreeModel()
    model.set_document(INSPECT)
    paths = walk(model)
    assert ".Config.Env[0]" in paths
    assert '.Config.Labels["com.example.team"]' in paths
    assert ".RepoTags[0]" in paths


def test_the_filter_keeps_matching_nodes_and_the_way_to_them(qapp):
    """A value match keeps its ancestors only; a key match keeps all it holds."""
    model = JsonTreeModel()
    model.set_document(INSPECT)
    model.set_filter_text("LANG")
    assert walk(model) == [".Config", ".Config.Env", ".Config.Env[1]"]
    model.set_filter_text("labels")
    assert walk(model) == [
        ".Config",
        ".Config.Labels",
        '.Config.Labels["com.example.team"]',
    ]
    model.set_filter_text("nothing like it")
    assert model.rowCount() == 0
    model.set_filter_text("")
    assert len(walk(model)) == 14


def test_copying_a_value_gives_strings_bare_and_the_rest_as_json(qapp):
    model = JsonTreeModel()
    model.set_document(INSPECT)
    config = model.index(2, COL_KEY)
    env = model.index(0, COL_KEY, config)
    assert model.index(0, COL_KEY, env).data(CopyRole) == "PATH=/usr/bin"
    assert env.data(CopyRole) == '[\n  "PATH=/usr/bin",\n  "LANG=C.UTF-8"\n]'
    assert model.index(6, COL_KEY).data(CopyRole) == "true"
