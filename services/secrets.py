"""A swarm's secrets and configs (`docker secret|config ls|create|rm`), as functions over the
SDK's `APIClient`, with the services that use each.

The two kinds are the same object to the engine but for one thing: a secret's value can never
be read back. So its value lives here only on its way to the engine: it is read from the file
(or taken from the text typed) in `create_swarm_object`, sent, and dropped; it is never in an
`ObjectInfo`, a log line or a command shown (`docker secret create NAME FILE`, or `-` for text
typed, which the CLI reads from its standard input).
"""

from __future__ import annotations

import enum
import re
import shlex
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from services.message import QT_TRANSLATE_NOOP, say
from services.run_spec import FieldError
from services.wording import engine_timestamp

if TYPE_CHECKING:
    import docker

#: What swarmkit accepts as a secret's or config's name (`validateSecretSpec`): 64 at most.
_NAME = re.compile(r"[a-zA-Z0-9]+(?:[a-zA-Z0-9-_.]*[a-zA-Z0-9])?")
_NAME_LENGTH = 64
#: The engine refuses a value over 500 KiB (swarmkit's MaxSecretSize and MaxConfigSize).
MAX_VALUE_BYTES = 500 * 1024


class SwarmObjectKind(enum.StrEnum):
    """Secret or config: the CLI's word for each, as in `docker secret ls`."""

    SECRET = "secret"
    CONFIG = "config"


@dataclass(frozen=True, slots=True)
class ObjectInfo:
    """A secret or a config as listed: never its value."""

    engine: str
    kind: SwarmObjectKind
    id: str
    name: str
    created: float
    updated: float
    labels: tuple[tuple[str, str], ...] = ()
    services: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NewObject:
    """What to create: the value from *path* when it is given, else *text*."""

    kind: SwarmObjectKind
    name: str
    path: Path | None = None
    text: str = ""
    labels: tuple[tuple[str, str], ...] = ()


def object_from_api(
    engine: str, kind: SwarmObjectKind, item: Mapping, services: tuple[str, ...] = ()
) -> ObjectInfo:
    """One entry of `GET /secrets` or `GET /configs`; *services* are those using it."""
    spec = item.get("Spec") or {}
    return ObjectInfo(
        engine=engine,
        kind=kind,
        id=str(item.get("ID") or ""),
        name=str(spec.get("Name") or ""),
        created=engine_timestamp(item.get("CreatedAt")) or 0.0,
        updated=engine_timestamp(item.get("UpdatedAt")) or 0.0,
        labels=tuple(sorted((spec.get("Labels") or {}).items())),
        services=services,
    )


def users_by_object(services: list[Mapping], kind: SwarmObjectKind) -> dict[str, tuple[str, ...]]:
    """Which services (by name) refer to each secret or config id, from `GET /services`."""
    key, id_key = (
        ("Secrets", "SecretID") if kind is SwarmObjectKind.SECRET else ("Configs", "ConfigID")
    )
    users: dict[str, list[str]] = {}
    for service in services:
        spec = service.get("Spec") or {}
        container = (spec.get("TaskTemplate") or {}).get("ContainerSpec") or {}
        for reference in container.get(key) or ():
            users.setdefault(str(reference.get(id_key)), []).append(str(spec.get("Name") or ""))
    return {object_id: tuple(sorted(set(names))) for object_id, names in users.items()}


def list_objects(api: docker.APIClient, engine: str, kind: SwarmObjectKind) -> list[ObjectInfo]:
    """Every secret (or config), each with the services that use it."""
    items = api.secrets() if kind is SwarmObjectKind.SECRET else api.configs()
    users = users_by_object(api.services(), kind)
    return [
        object_from_api(engine, kind, item, users.get(str(item.get("ID")), ()))
        for item in items or ()
    ]


def check_object_name(text: str, kind: SwarmObjectKind) -> str:
    name = text.strip()
    if not name:
        raise FieldError(say(QT_TRANSLATE_NOOP("Secrets", "Give it a name.")))
    if len(name) > _NAME_LENGTH or not _NAME.fullmatch(name):
        raise FieldError(
            say(
                QT_TRANSLATE_NOOP(
                    "Secrets",
                    "“%1” cannot be a name: use at most 64 letters, digits, - _ and ., "
                    "starting and ending with a letter or digit.",
                ),
                name,
            )
        )
    return name


def check_value_file(text: str) -> Path:
    """A path that names a readable file, checked as it is typed; FieldError (for the file
    field) otherwise."""
    if not text.strip():
        raise FieldError(
            say(QT_TRANSLATE_NOOP("Secrets", "Choose the file to read the value from."))
        )
    path = Path(text.strip()).expanduser()
    if not path.exists():
        raise FieldError(say(QT_TRANSLATE_NOOP("Secrets", "%1 does not exist."), path))
    if path.is_dir():
        raise _a_folder(path)
    if not path.is_file():
        raise FieldError(
            say(QT_TRANSLATE_NOOP("Secrets", "%1 is not a regular file: choose a file."), path)
        )
    try:  # a real read: permissions alone do not tell (root reads a file of mode 000)
        with open(path, "rb") as file:
            file.read(1)
    except OSError as error:
        raise _unreadable(path, error) from error
    return path


def read_value_file(path: Path) -> bytes:
    """The file's bytes, read as they are sent (the file may have changed since it was
    checked); FieldError (for the file field) when it cannot be read or is too big."""
    try:
        if path.is_dir():
            raise _a_folder(path)
        size = path.stat().st_size
        if size > MAX_VALUE_BYTES:
            raise FieldError(
                say(
                    QT_TRANSLATE_NOOP(
                        "Secrets", "%1 is larger than the 500 KiB the engine accepts."
                    ),
                    path,
                )
            )
        return path.read_bytes()
    except OSError as error:
        raise _unreadable(path, error) from error


def _a_folder(path: Path) -> FieldError:
    return FieldError(say(QT_TRANSLATE_NOOP("Secrets", "%1 is a folder: choose a file."), path))


def _unreadable(path: Path, error: OSError) -> FieldError:
    return FieldError(
        say(
            QT_TRANSLATE_NOOP("Secrets", "%1 cannot be read: %2."),
            path,
            error.strerror or str(error),
        )
    )


def create_object(api: docker.APIClient, new: NewObject) -> str:
    """Create the secret or config; returns its id. The value is not kept anywhere after."""
    value = read_value_file(new.path) if new.path is not None else new.text.encode()
    labels = dict(new.labels) or None
    if new.kind is SwarmObjectKind.SECRET:
        created = api.create_secret(new.name, value, labels=labels)
    else:
        created = api.create_config(new.name, value, labels=labels)
    return str(created.get("ID") or "")


def remove_object(api: docker.APIClient, kind: SwarmObjectKind, object_id: str) -> None:
    if kind is SwarmObjectKind.SECRET:
        api.remove_secret(object_id)
    else:
        api.remove_config(object_id)


def create_command(new: NewObject) -> str:
    """`docker secret create [--label …] NAME FILE|-`: never the value itself."""
    words = ["docker", str(new.kind), "create"]
    for key, value in new.labels:
        words += ["--label", f"{key}={value}"]
    return shlex.join([*words, new.name, str(new.path) if new.path is not None else "-"])


def remove_command(kind: SwarmObjectKind, names: list[str]) -> str:
    return shlex.join(["docker", str(kind), "rm", *names])
