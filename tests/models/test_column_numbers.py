"""Each table's COL_ numbers name the column at that position, so no code counts columns."""

import pytest

from models import containers, images


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
    ],
)
def test_every_column_has_the_number_of_its_position(module, headers):
    """A column added or moved without its COL_ number fails here, not in a user's table."""
    numbers = {name: getattr(module, name) for name in dir(module) if name.startswith("COL_")}
    assert numbers.keys() == headers.keys()
    assert sorted(numbers.values()) == list(range(len(module.COLUMNS)))
    for name, header in headers.items():
        assert module.COLUMNS[numbers[name]].title == header
