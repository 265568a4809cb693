"""An image's layers (`docker history`) and what of its size it shares (`docker system df -v`),
for the image details window: its data objects and their reading from the engine's answers.

Apart from services/data.py and services/api_decode.py because that window is made when
first opened, and start-up should not make its classes (~1.5 ms each).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ImageLayer:
    """One line of `docker history`: a layer, or an empty one a Dockerfile step left
    (ENV, CMD, LABEL...: size 0).

    `id` is the image that step made, or `<missing>` when that image is not on this engine
    (every step of a pulled image but the last); `created_by` is the step's instruction.
    """

    id: str
    created: int
    created_by: str
    size: int
    comment: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ImageUsage:
    """How much of one image's size other local images share (`docker system df -v`).

    `shared_size` is -1 when the engine did not count it.
    """

    id: str
    size: int
    shared_size: int
    containers: int

    @property
    def unique_size(self) -> int:
        """What deleting this image alone would free: its size less what others share."""
        return self.size - max(self.shared_size, 0)


def layer_from_history(item: dict) -> ImageLayer:
    """One entry of `GET /images/{id}/history`, newest layer first as the engine lists them."""
    return ImageLayer(
        id=str(item.get("Id") or "<missing>"),
        created=int(item.get("Created") or 0),
        created_by=str(item.get("CreatedBy") or ""),
        size=int(item.get("Size") or 0),
        comment=str(item.get("Comment") or ""),
        tags=tuple(tag for tag in item.get("Tags") or () if tag != "<none>:<none>"),
    )


def image_usages_from_df(df: dict) -> list[ImageUsage]:
    """Each image's size, shared size and container count from `GET /system/df`.

    The images list gives -1 for the shared size unless asked (API 1.42+, which engines
    20.10 do not speak); the disk-usage answer counts it on every version.
    """
    return [
        ImageUsage(
            id=str(item.get("Id") or ""),
            size=int(item.get("Size") or 0),
            shared_size=-1 if item.get("SharedSize") is None else int(item["SharedSize"]),
            containers=int(item.get("Containers") or 0),
        )
        for item in df.get("Images") or ()
    ]
