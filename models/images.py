"""The Images table: `docker images`, one row per tag, dangling images as `<none>`."""

from __future__ import annotations

from dataclasses import dataclass

from models.formatting import (
    NONE,
    exact_size,
    exact_time,
    human_size,
    natural_key,
    split_repo_tag,
)
from models.table import QT_TRANSLATE_NOOP, RIGHT, Column, KeyedTableModel
from models.time_words import relative_time
from services.data import ImageInfo


@dataclass(frozen=True, slots=True)
class ImageTagRow:
    """One line of `docker images`: an image under one of its names.

    `reference` is what `docker rmi` takes for this line: `repo:tag` for a tagged row
    (untags, and deletes the image with its last tag), else the image id.
    """

    image: ImageInfo
    repository: str
    tag: str

    @property
    def key(self) -> str:
        return f"{self.image.id}|{self.repository}:{self.tag}"

    @property
    def is_tagged(self) -> bool:
        return self.tag != NONE

    @property
    def reference(self) -> str:
        return f"{self.repository}:{self.tag}" if self.is_tagged else self.image.id

    @property
    def display_name(self) -> str:
        return self.reference if self.is_tagged else self.image.short_id


def rows_of_image(image: ImageInfo) -> list[ImageTagRow]:
    """One row per tag; an untagged image shows its digest's repository, or `<none>`."""
    if image.repo_tags:
        return [ImageTagRow(image, *split_repo_tag(tag)) for tag in image.repo_tags]
    repositories = dict.fromkeys(d.partition("@")[0] for d in image.repo_digests)
    if repositories:
        return [ImageTagRow(image, repository, NONE) for repository in repositories]
    return [ImageTagRow(image, NONE, NONE)]


def rows_of_images(images: list[ImageInfo]) -> list[ImageTagRow]:
    return [row for image in images for row in rows_of_image(image)]


#: The columns by position, for code that picks one (sorting, a test reading a cell).
COL_REPOSITORY = 0
COL_TAG = 1
COL_IMAGE_ID = 2
COL_CREATED = 3
COL_SIZE = 4

#: In the order of the COL_ numbers above.
COLUMNS: list[Column[ImageTagRow]] = [
    Column(
        QT_TRANSLATE_NOOP("Columns", "Repository"),
        lambda r: r.repository,
        lambda r: natural_key(r.repository),
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "Tag"), lambda r: r.tag, lambda r: natural_key(r.tag)),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Image ID"),
        lambda r: r.image.short_id,
        lambda r: r.image.id,
        tooltip=lambda r: r.image.id,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Created"),
        lambda r: relative_time(r.image.created),
        lambda r: r.image.created,
        tooltip=lambda r: exact_time(r.image.created),
        ages_from=lambda r: r.image.created,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Size"),
        lambda r: human_size(r.image.size),
        lambda r: r.image.size,
        tooltip=lambda r: exact_size(r.image.size),
        alignment=RIGHT,
    ),
]


def image_row_search_text(row: ImageTagRow) -> str:
    return " ".join((row.repository, row.tag, row.image.id))


class ImagesModel(KeyedTableModel[ImageTagRow]):
    """One row per image tag; the whole list is replaced (as a diff) after image events."""

    def __init__(self, parent=None) -> None:
        super().__init__(
            COLUMNS,
            lambda row: row.key,
            image_row_search_text,
            lambda row: natural_key(row.reference),
            parent,
        )

    def replace_images(self, images: list[ImageInfo]) -> None:
        self.replace_all(rows_of_images(images))
