"""Each table's COL_ numbers name the column at that position, so no code counts columns."""

import pytest

from models import containers, images, nodes, secrets


@pytest.mark.parametrize(
    ("module", "headers"),
    [
        (
            containers,
            {
                "COL_ID": "Container ID",
                "COL_NAME": "Name",
                "COL_IMAGE": "Image",
                "COL_COMMAND": "Command",
                "COL_CREATED": "Created",
                "COL_STATUS": "Status",
                "COL_PORTS": "Ports",
                "COL_STATE": "State",
            },
        ),
        (
            images,
            {
                "COL_REPOSITORY": "Repository",
                "COL_TAG": "Tag",
                "COL_IMAGE_ID": "Image ID",
                "COL_CREATED": "Created",
                "COL_SIZE": "Size",
            },
        ),
        (
            nodes,
            {
                "COL_HOSTNAME": "Host name",
                "COL_ROLE": "Role",
                "COL_AVAILABILITY": "Availability",
                "COL_STATE": "State",
                "COL_MANAGER_STATUS": "Manager status",
                "COL_ENGINE": "Engine",
                "COL_CPUS": "CPUs",
                "COL_MEMORY": "Memory",
                "COL_LABELS": "Labels",
                "COL_ADDRESS": "Address",
                "COL_ID": "ID",
            },
        ),
        (
            secrets,
            {
                "COL_NAME": "Name",
                "COL_USED_BY": "Used by",
                "COL_CREATED": "Created",
                "COL_UPDATED": "Updated",
                "COL_LABELS": "Labels",
                "COL_ID": "ID",
            },
        ),
    ],
)
def test_every_column_has_the_number_of_its_position(module, headers):
    """A column added or moved without its COL_ number fails here, not in a user's table."""
    numbers = {name: getattr(module, name) for name in dir(module) if name.startswith("COL_")}
    assert numbers.keys() == headers.keys()
    assert sorted(numbers.values()) == list(range(len(module.COLUMNS)))
    for name, header in headers.items():
        assert module.COLUMNS[numbers[name]].title == header
