"""Reading the container list element by element, so the GUI thread is never held up long."""

import json

import pytest

from services.api_decode import iter_json_array


@pytest.mark.parametrize(
    "value",
    [
        [],
        [{}],
        [{"Id": "a", "Names": ["/x,y]"], "Labels": {"k": "[,]"}}, {"Id": "b"}],
        [1, "two", None, [3, [4]], {"five": 5.5}],
    ],
)
def test_yields_what_json_loads_would(value):
    """Any array, however its elements nest or what their strings hold, decodes the same."""
    for text in (json.dumps(value), json.dumps(value, indent=2), f" \n{json.dumps(value)}\n"):
        assert list(iter_json_array(text)) == value


@pytest.mark.parametrize("text", ['{"not": "an array"}', "[1, 2", "[1 2]", "[1,]", ""])
def test_a_broken_answer_raises_value_error(text):
    """A truncated or malformed answer is an error, never a silently shorter list."""
    with pytest.raises(ValueError):
        list(iter_json_array(text))
