"""An image's history and its shared size, decoded from answers recorded from dockerd."""

from __future__ import annotations

from services.image_details_data import image_usages_from_df, layer_from_history

#: `GET /images/{id}/history` of a pulled image (dockerd 20.10): the steps whose image is
#: not on this engine come as `<missing>`; ENV and CMD steps made empty layers.
PULLED_HISTORY = [
    {
        "Comment": "",
        "Created": 1714510000,
        "CreatedBy": '/bin/sh -c #(nop)  CMD ["sh"]',
        "Id": "sha256:" + "a" * 64,
        "Size": 0,
        "Tags": ["busybox:1.36"],
    },
    {
        "Comment": "",
        "Created": 1714509999,
        "CreatedBy": "/bin/sh -c #(nop) ADD file:7e9002edaafd4e45 in / ",
        "Id": "<missing>",
        "Size": 4261574,
        "Tags": None,
    },
]

#: `GET /system/df` on dockerd 20.10 with busybox and an image committed on top of it.
DF = {
    "LayersSize": 1984237,
    "Images": [
        {
            "Containers": 1,
            "Id": "sha256:83979a264b157754ed70c72de0775c17e3432a6307b74e4c78f2f04395670204",
            "SharedSize": 1984234,
            "Size": 1984234,
        },
        {
            "Containers": 0,
            "Id": "sha256:058dfd305e7eabb0f7447ddc99190c825a85c88a051bf09b16e9c214002d760d",
            "SharedSize": 1984234,
            "Size": 1984237,
        },
    ],
    "Containers": [],
    "Volumes": [],
    "BuildCache": None,
}


def test_history_keeps_each_step_with_missing_ids_as_the_engine_says_them():
    """Instruction, size, age and tags per step; `<missing>` stays; no tags is ()."""
    top, base = (layer_from_history(item) for item in PULLED_HISTORY)
    assert top.id == "sha256:" + "a" * 64
    assert top.created_by == '/bin/sh -c #(nop)  CMD ["sh"]'
    assert (top.size, top.created, top.tags) == (0, 1714510000, ("busybox:1.36",))
    assert base.id == "<missing>"
    assert base.created_by.startswith("/bin/sh -c #(nop) ADD file:")
    assert (base.size, base.tags) == (4261574, ())


def test_shared_and_own_sizes_come_from_the_disk_usage_answer():
    """The committed image shares busybox's whole size and owns the 3 bytes it added."""
    base, committed = image_usages_from_df(DF)
    assert (base.size, base.shared_size, base.unique_size, base.containers) == (
        1984234,
        1984234,
        0,
        1,
    )
    assert (committed.shared_size, committed.unique_size, committed.containers) == (1984234, 3, 0)


def test_a_shared_size_the_engine_did_not_count_is_minus_one():
    """The images list answers -1 (or nothing) when not asked to count: said as unknown,
    and the own size is then the whole size."""
    (usage,) = image_usages_from_df({"Images": [{"Id": "sha256:x", "Size": 10}]})
    assert usage.shared_size == -1
    assert usage.unique_size == 10
    assert image_usages_from_df({"Images": None}) == []
