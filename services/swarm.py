"""Swarm itself: whether an engine is in a swarm and as what, its join tokens, and `docker swarm
init`, `join` and `leave`, as functions over the SDK's `APIClient` (the engine runs them on its
own threads).

Sentences meant for a field of the join or init form come back as `FieldError` (context
"Swarm") so the window can put them beside the field they are about: a wrong token beside the
token, an address the manager does not answer on beside the address.
"""

from __future__ import annotations

import enum
import ipaddress
import re
import shlex
from dataclasses import dataclass
from typing import TYPE_CHECKING

from services.message import QT_TRANSLATE_NOOP, Message, say
from services.run_spec import FieldError

if TYPE_CHECKING:
    import docker
    import docker.errors

#: The port managers listen on for other nodes (`--listen-addr` when none is given).
SWARM_PORT = 2377

#: `SWMTKN-1-<50 base-36 characters: the CA's digest>-<25 of them: the secret>`; moby checks
#: the same shape before it asks a manager.
_TOKEN = re.compile(r"SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25}")
#: Addresses as moby names them when it cannot choose one to advertise by itself.
_ADDRESS_WORD = re.compile(r"[0-9a-fA-F:.]*[.:][0-9a-fA-F:.]+")


class AddressChoiceNeeded(FieldError):
    """The engine has several addresses and will not guess which one the other nodes reach:
    `candidates` are those it named."""

    def __init__(self, message: Message, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates


class SwarmRole(enum.StrEnum):
    """What an engine is in a swarm, as the pages care: not in one, a worker or a manager."""

    NONE = "none"
    WORKER = "worker"
    MANAGER = "manager"


@dataclass(frozen=True, slots=True)
class SwarmState:
    """An engine's place in a swarm, from `GET /info` (its `Swarm` part).

    `local_state` is the engine's own word: inactive, pending, active, error or locked.
    `is_leader` is only known to managers (from their own node's manager status).
    """

    engine: str
    local_state: str
    node_id: str = ""
    node_address: str = ""
    is_manager: bool = False
    is_leader: bool = False
    cluster_id: str = ""
    managers: int = 0
    nodes: int = 0
    error: str = ""

    @property
    def role(self) -> SwarmRole:
        if self.local_state != "active":
            return SwarmRole.NONE
        return SwarmRole.MANAGER if self.is_manager else SwarmRole.WORKER


@dataclass(frozen=True, slots=True)
class JoinTokens:
    """The tokens a manager hands out: one to join as a worker, one as a manager."""

    worker: str
    manager: str


def swarm_state_from_info(engine: str, swarm: dict, is_leader: bool = False) -> SwarmState:
    """The `Swarm` part of `GET /info` (and whether this node leads, asked separately)."""
    return SwarmState(
        engine=engine,
        local_state=str(swarm.get("LocalNodeState") or "inactive"),
        node_id=str(swarm.get("NodeID") or ""),
        node_address=str(swarm.get("NodeAddr") or ""),
        is_manager=bool(swarm.get("ControlAvailable")),
        is_leader=is_leader,
        cluster_id=str((swarm.get("Cluster") or {}).get("ID") or ""),
        managers=int(swarm.get("Managers") or 0),
        nodes=int(swarm.get("Nodes") or 0),
        error=str(swarm.get("Error") or ""),
    )


def swarm_state(api: docker.APIClient, engine: str) -> SwarmState:
    """Ask the engine where it stands; a manager also says whether it is the leader."""
    swarm = api.info().get("Swarm") or {}
    is_leader = False
    if swarm.get("ControlAvailable") and swarm.get("NodeID"):
        node = api.inspect_node(swarm["NodeID"])
        is_leader = bool((node.get("ManagerStatus") or {}).get("Leader"))
    return swarm_state_from_info(engine, swarm, is_leader)


def join_tokens(api: docker.APIClient) -> JoinTokens:
    """`docker swarm join-token`: only a manager can answer."""
    tokens = api.inspect_swarm().get("JoinTokens") or {}
    return JoinTokens(worker=str(tokens.get("Worker") or ""), manager=str(tokens.get("Manager")))


def init_swarm(api: docker.APIClient, advertise_address: str = "") -> str:
    """`docker swarm init [--advertise-addr A]`; returns the new node's id.

    Without an address the engine picks the one of its only interface; where it has several it
    refuses, naming them: that refusal becomes a `FieldError` on the address listing them
    (see `advertise_candidates`), so the form can offer them.
    """
    address = advertise_address.strip()
    import docker.errors  # loaded by now, with the client

    try:
        return str(
            api.init_swarm(
                advertise_addr=address or None,
                listen_addr=f"{address}:{SWARM_PORT}" if address else f"0.0.0.0:{SWARM_PORT}",
            )
        )
    except docker.errors.APIError as error:
        message = _explanation(error)
        if "could not choose an IP address" in message:
            candidates = advertise_candidates(message)
            raise AddressChoiceNeeded(
                say(
                    QT_TRANSLATE_NOOP(
                        "Swarm",
                        "The engine has several addresses (%1): choose the one the other nodes "
                        "will reach it on.",
                    ),
                    ", ".join(candidates),
                ),
                candidates,
            ) from error
        if address and ("advertise" in message or "listen" in message):
            raise FieldError(
                say(QT_TRANSLATE_NOOP("Swarm", "The engine cannot use “%1”: %2"), address, message)
            ) from error
        raise


def advertise_candidates(message: str) -> list[str]:
    """The addresses named in moby's "could not choose an IP address to advertise" refusal."""
    found = []
    for word in _ADDRESS_WORD.findall(message):
        try:
            found.append(str(ipaddress.ip_address(word.strip(".:"))))
        except ValueError:
            continue
    return list(dict.fromkeys(found))


def check_join_token(text: str) -> str:
    """The token as typed, stripped; FieldError when it cannot be a join token at all."""
    token = text.strip()
    if not token:
        raise FieldError(
            say(
                QT_TRANSLATE_NOOP(
                    "Swarm", "Paste the token a manager printed with docker swarm join-token."
                )
            )
        )
    if not _TOKEN.fullmatch(token):
        raise FieldError(
            say(
                QT_TRANSLATE_NOOP(
                    "Swarm",
                    "This is not a join token: a token starts with SWMTKN-1- and is 85 "
                    "characters long. Copy it again from docker swarm join-token on a manager.",
                )
            )
        )
    return token


def check_manager_address(text: str) -> str:
    """`HOST[:PORT]` of a manager, the port 2377 when left out; FieldError when empty."""
    address = text.strip()
    if not address:
        raise FieldError(
            say(QT_TRANSLATE_NOOP("Swarm", "Give the address of a manager, as HOST or HOST:PORT."))
        )
    if address.count(":") == 1 or address.startswith("["):
        return address
    return f"{address}:{SWARM_PORT}"


def join_swarm(
    api: docker.APIClient, token: str, manager_address: str, advertise_address: str = ""
) -> None:
    """`docker swarm join --token T MANAGER`; a token the manager refuses is a FieldError."""
    import docker.errors  # loaded by now, with the client

    try:
        api.join_swarm(
            [manager_address],
            token,
            listen_addr=f"0.0.0.0:{SWARM_PORT}",
            advertise_addr=advertise_address.strip() or None,
        )
    except docker.errors.APIError as error:
        message = _explanation(error)
        lowered = message.lower()
        if "token" in lowered:
            raise FieldError(
                say(
                    QT_TRANSLATE_NOOP(
                        "Swarm",
                        "The manager refused this token (%1). Copy it again from docker swarm "
                        "join-token on a manager of that swarm.",
                    ),
                    message,
                )
            ) from error
        if "timeout" in lowered or "connection" in lowered or "unavailable" in lowered:
            raise FieldError(
                say(
                    QT_TRANSLATE_NOOP(
                        "Swarm",
                        "No manager answered at %1 (%2). Check the address and that port "
                        "2377/tcp is open between the machines.",
                    ),
                    manager_address,
                    message,
                )
            ) from error
        raise


def leave_swarm(api: docker.APIClient, force: bool = False) -> None:
    """`docker swarm leave [--force]` (a manager needs --force; the last one ends the swarm)."""
    api.leave_swarm(force=force)


def init_command(advertise_address: str = "") -> str:
    words = ["docker", "swarm", "init"]
    if advertise_address.strip():
        words += ["--advertise-addr", advertise_address.strip()]
    return shlex.join(words)


def join_command(manager_address: str, advertise_address: str = "") -> str:
    """`docker swarm join --token TOKEN MANAGER`: the token opens the swarm to whoever holds it,
    so the line shows where it goes, not the token itself."""
    words = ["--advertise-addr", advertise_address.strip()] if advertise_address.strip() else []
    return f"docker swarm join --token TOKEN {shlex.join([*words, manager_address])}"


def leave_command(force: bool) -> str:
    return shlex.join(["docker", "swarm", "leave", *(["--force"] if force else [])])


def _explanation(error: docker.errors.APIError) -> str:
    text = error.explanation
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return str(text or error).strip()
