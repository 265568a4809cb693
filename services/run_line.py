"""The `docker run …` line of a run form, both ways.

`run_line` renders a spec as the line that makes the same container (quoted for a POSIX
shell, flags always in the same order, so the line changes only where the form did).
`parse_run_line` reads a pasted line with the shell's rules and fills the form's fields
with what it understood; every flag it did not understand is listed, never dropped
silently. A value it understood but that is wrong (`-m 512q`) goes into its field as
typed, where the form says what is wrong with it.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, cast

from services.message import QT_TRANSLATE_NOOP, Message, say
from services.run_spec import (
    Restart,
    RunFields,
    RunSpec,
    duration_text,
    memory_text,
    port_ranges,
    read_env_file,
)


def run_line(spec: RunSpec) -> str:
    """`docker run -d …` for the spec: detached, as the window starts it."""
    words = ["docker", "run", "-d"]
    if spec.interactive:
        words.append("-i")
    if spec.tty:
        words.append("-t")
    if spec.auto_remove:
        words.append("--rm")
    if spec.name:
        words += ["--name", spec.name]
    for published in port_ranges(spec.ports):
        words += ["-p", published]
    for key, value in spec.env:
        words += ["-e", f"{key}={value}"]
    for mount in spec.mounts:
        words += ["-v", mount.text()]
    if spec.network:
        words += ["--network", spec.network]
    if spec.restart is not Restart.NO:
        policy = spec.restart.value
        if spec.restart is Restart.ON_FAILURE and spec.max_retries:
            policy += f":{spec.max_retries}"
        words += ["--restart", policy]
    if spec.workdir:
        words += ["-w", spec.workdir]
    if spec.user:
        words += ["-u", spec.user]
    for key, value in spec.labels:
        words += ["-l", f"{key}={value}"]
    if spec.memory:
        words += ["-m", memory_text(spec.memory)]
    if spec.cpus:
        words += ["--cpus", f"{spec.cpus:g}"]
    if spec.health is not None:
        health = spec.health
        words += ["--health-cmd", health.command]
        if health.interval:
            words += ["--health-interval", duration_text(health.interval)]
        if health.timeout:
            words += ["--health-timeout", duration_text(health.timeout)]
        if health.retries:
            words += ["--health-retries", str(health.retries)]
    if spec.entrypoint:
        words += ["--entrypoint", spec.entrypoint]
    words.append(spec.image or "IMAGE")
    words += spec.command
    return shlex.join(words)


class RunLineError(ValueError):
    """A pasted text that is not a `docker run` line at all; `message` says why."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.text())
        self.message = message


@dataclass(frozen=True)
class PastedRun:
    """A pasted line read into the form's fields, and the flags it did not understand,
    each with its value as it was pasted (`--privileged`, `--hostname box`)."""

    fields: RunFields
    not_understood: tuple[str, ...]


#: The flags the form takes a value for, each under the name of its field.
_VALUED = {
    "--name": "name",
    "-p": "ports",
    "--publish": "ports",
    "-e": "env",
    "--env": "env",
    "--env-file": "env_file",
    "-v": "volumes",
    "--volume": "volumes",
    "--network": "network",
    "--net": "network",
    "--restart": "restart",
    "-w": "workdir",
    "--workdir": "workdir",
    "-u": "user",
    "--user": "user",
    "-l": "labels",
    "--label": "labels",
    "-m": "memory",
    "--memory": "memory",
    "--cpus": "cpus",
    "--entrypoint": "entrypoint",
    "--health-cmd": "health_cmd",
    "--health-interval": "health_interval",
    "--health-timeout": "health_timeout",
    "--health-retries": "health_retries",
}
#: The switches the form has (and -d, which the window always does).
_SWITCHES = {
    "-d": "",
    "--detach": "",
    "-i": "interactive",
    "--interactive": "interactive",
    "-t": "tty",
    "--tty": "tty",
    "--rm": "auto_remove",
}
#: docker run's other flags that take a value: not in the form, but known, so their
#: value is listed with them rather than taken for the image.
_OTHER_VALUED = frozenset(
    [
        "-a",
        "--attach",
        "--add-host",
        "--annotation",
        "--blkio-weight",
        "--blkio-weight-device",
        "-c",
        "--cap-add",
        "--cap-drop",
        "--cgroup-parent",
        "--cgroupns",
        "--cidfile",
        "--cpu-period",
        "--cpu-quota",
        "--cpu-rt-period",
        "--cpu-rt-runtime",
        "--cpu-shares",
        "--cpuset-cpus",
        "--cpuset-mems",
        "--detach-keys",
        "--device",
        "--device-cgroup-rule",
        "--device-read-bps",
        "--device-read-iops",
        "--device-write-bps",
        "--device-write-iops",
        "--dns",
        "--dns-option",
        "--dns-search",
        "--domainname",
        "--expose",
        "--gpus",
        "--group-add",
        "--health-start-interval",
        "--health-start-period",
        "-h",
        "--hostname",
        "--ip",
        "--ip6",
        "--ipc",
        "--isolation",
        "--kernel-memory",
        "--label-file",
        "--link",
        "--link-local-ip",
        "--log-driver",
        "--log-opt",
        "--mac-address",
        "--memory-reservation",
        "--memory-swap",
        "--memory-swappiness",
        "--mount",
        "--network-alias",
        "--oom-score-adj",
        "--pid",
        "--pids-limit",
        "--platform",
        "--pull",
        "--runtime",
        "--security-opt",
        "--shm-size",
        "--stop-signal",
        "--stop-timeout",
        "--storage-opt",
        "--sysctl",
        "--tmpfs",
        "--ulimit",
        "--userns",
        "--uts",
        "--volume-driver",
        "--volumes-from",
    ]
)
#: The short flags that take a value, for clusters such as `-itp 80:80` or `-p80:80`.
_SHORT_VALUED = {flag[1] for flag in (*_VALUED, *_OTHER_VALUED) if len(flag) == 2}
_LIST_FIELDS = ("ports", "env", "volumes", "labels")


def parse_run_line(text: str, folder: Path | None = None) -> PastedRun:
    """Read a pasted `docker run …` (or `docker container run`, `docker create`) line.

    Line continuations (a backslash at a line's end) are joined, as a shell would.
    `--env-file` files are read into the environment rows, relative to `folder`
    (the current folder when None); one that cannot be read is listed as not understood.
    Raises RunLineError for an unclosed quote or a line with no image.
    """
    try:
        words = shlex.split(text.replace("\\\n", " "))
    except ValueError:
        raise RunLineError(
            say(QT_TRANSLATE_NOOP("RunLine", "A quote in the pasted line is not closed."))
        ) from None
    position = _after_verb(words)
    values: dict[str, list[str]] = {name: [] for name in _LIST_FIELDS}
    single: dict[str, str] = {}
    switches: set[str] = set()
    unknown: list[str] = []

    def take(flag: str, value: str) -> None:
        name = _VALUED[flag]
        if name == "env_file":
            try:
                values["env"] += read_env_file((folder or Path.cwd()) / value)
            except (OSError, UnicodeDecodeError):
                unknown.append(shlex.join([flag, value]))
        elif name in values:
            values[name].append(value)
        elif name == "restart" and value.startswith("on-failure:"):
            single["restart"], _, single["max_retries"] = value.partition(":")
        else:
            single[name] = value

    while position < len(words):
        word = words[position]
        position += 1
        if word == "--":
            break
        if not word.startswith("-") or word == "-":
            position -= 1
            break
        if word.startswith("--"):
            flag, equals, value = word.partition("=")
            if flag in _SWITCHES:
                switches.add(_SWITCHES[flag])
                if equals and value.lower() in ("false", "0"):
                    switches.discard(_SWITCHES[flag])
            elif flag in _VALUED or flag in _OTHER_VALUED:
                if not equals:
                    if position >= len(words):
                        unknown.append(flag)
                        continue
                    value = words[position]
                    position += 1
                if flag in _VALUED:
                    take(flag, value)
                else:
                    unknown.append(shlex.join([flag, value]))
            else:
                unknown.append(word)
            continue
        cluster = word[1:]
        for index, letter in enumerate(cluster):
            flag = "-" + letter
            if letter in _SHORT_VALUED:
                value = cluster[index + 1 :].removeprefix("=")
                if not value:
                    if position >= len(words):
                        unknown.append(flag)
                        break
                    value = words[position]
                    position += 1
                if flag in _VALUED:
                    take(flag, value)
                else:
                    unknown.append(shlex.join([flag, value]))
                break
            if flag in _SWITCHES:
                switches.add(_SWITCHES[flag])
            else:
                unknown.append(flag)
    if position >= len(words):
        raise RunLineError(
            say(QT_TRANSLATE_NOOP("RunLine", "The pasted line names no image to run."))
        )
    image, command = words[position], words[position + 1 :]
    fields = RunFields(
        image=image,
        command=shlex.join(command),
        auto_remove="auto_remove" in switches,
        interactive="interactive" in switches,
        tty="tty" in switches,
        ports="\n".join(values["ports"]),
        env="\n".join(values["env"]),
        volumes="\n".join(values["volumes"]),
        labels="\n".join(values["labels"]),
    )
    fields = replace(fields, **cast(dict[str, Any], single))
    if "max_retries" in single and "restart" not in single:
        fields = replace(fields, restart="on-failure")
    return PastedRun(fields, tuple(unknown))


def _after_verb(words: list[str]) -> int:
    """Where the flags start: after `docker run`, `docker container run`, `docker create`
    (or the same without `docker`)."""
    position = 1 if words[:1] == ["docker"] else 0
    if words[position : position + 1] == ["container"]:
        position += 1
    if words[position : position + 1] not in (["run"], ["create"]):
        raise RunLineError(
            say(
                QT_TRANSLATE_NOOP(
                    "RunLine", "This is not a docker run line: it should start with docker run."
                )
            )
        )
    return position + 1
