"""Registry logins kept where and how the docker CLI keeps them, so both share one login.

The CLI's `config.json` (in `$DOCKER_CONFIG`, else `~/.docker`) holds them in `auths`
(base64 `user:password` under `auth`), unless a credentials helper is named: `credHelpers`
for one registry, `credsStore` for all. A helper is the program `docker-credential-NAME`,
spoken to over stdin/stdout (`get`, `store`, `erase`, `list`), never through a shell and
never with a secret on its command line. With a helper, the CLI still lists the registry in
`auths` with an empty entry, and so do we.

Docker Hub's key is `https://index.docker.io/v1/`; every other registry's is `host[:port]`.
Failures are `CredentialsError`s whose message is a sentence (translated by the window,
context "Credentials"), never a traceback, and never holding a secret.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from services.config_files import ConfigFolder, FileProblem, MissingFolder
from services.errors import EngineError
from services.message import QT_TRANSLATE_NOOP, Message, say

HUB_KEY = "https://index.docker.io/v1/"
#: Names people give Docker Hub; `docker login` files them all under `HUB_KEY`.
_HUB_NAMES = {"", "docker.io", "index.docker.io", "registry-1.docker.io", "hub.docker.com"}
CONFIG_NAME = "config.json"
#: A config.json is a few kilobytes; one far larger is not read whole.
MAX_CONFIG_BYTES = 4 * 1024 * 1024
#: Seconds a helper may take (one that asks for a passphrase may take a while).
HELPER_TIMEOUT = 30.0
_HOST = re.compile(
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
    r"[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?"
)
_HELPER = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
#: What helpers answer for a registry they hold nothing for (docker-credential-helpers).
_NOT_FOUND = "credentials not found in native keychain"


class CredentialsError(Exception):
    """A login could not be read, stored or erased; `message` says why, for the user.

    `context` is where the window finds its templates: "Credentials" for this module's
    sentences, the file's own context when config.json's folder or file is the problem
    (services.config_files says those, issue 18).
    """

    def __init__(self, message: Message, context: str = "Credentials") -> None:
        super().__init__(message.text())
        self.message = message
        self.context = context

    @classmethod
    def of_file(cls, problem: FileProblem) -> CredentialsError:
        """config.json's file problem, in that problem's own words."""
        return cls(problem.words, problem.context)


class WrongCredentials(EngineError):
    """The registry refused the user name or password (`docker login`'s 401)."""


class PlainHttpRegistry(EngineError):
    """The registry speaks plain HTTP and the engine, not told it may, asked for HTTPS."""


def login_failure(error: EngineError, key: str) -> EngineError:
    """What the engine's refusal of a login means, from its message (moby words them).

    A refusal comes back as a 500 whose message names the registry's 401 ("login attempt to
    ... failed with status: 401 Unauthorized"; Docker Hub: "incorrect username or
    password"); a plain-HTTP registry as Go's "server gave HTTP response to HTTPS client".
    """
    said = str(error)
    lowered = said.lower()
    if "401" in said or "unauthorized" in lowered or "incorrect username or password" in lowered:
        return WrongCredentials(f"Wrong user name or password for {key}.")
    if "http response to https client" in lowered:
        return PlainHttpRegistry(
            f"{key} answers over plain HTTP, and the engine does not list it in "
            "insecure-registries."
        )
    return error


#: How the engine says, inside a push's or pull's stream, that the registry wants a login it
#: was not given or that does not allow it: moby's own words without one ("no basic auth
#: credentials"), the registry's 401 ("unauthorized: authentication required"), Docker Hub's
#: refusal ("requested access to the resource is denied"), containerd's ("failed to authorize").
_LOGIN_SIGNS = (
    "no basic auth credentials",
    "unauthorized",
    "authentication required",
    "requested access to the resource is denied",
    "failed to authorize",
)


def needs_login(error: str) -> bool:
    """Whether a transfer's error says the registry wants a (better) login."""
    lowered = error.lower()
    return any(sign in lowered for sign in _LOGIN_SIGNS)


@dataclass(frozen=True)
class Credentials:
    """A user name and its secret (a password or an identity token) for one registry key."""

    registry: str
    username: str
    secret: str = field(repr=False)
    #: True when `secret` is an identity token the engine gave in place of the password.
    is_token: bool = False


@dataclass(frozen=True)
class Login:
    """A registry config.json names as logged in to, and where its secret is kept."""

    registry: str
    username: str
    #: "config.json", or the helper's program name.
    kept_in: str


def config_folder() -> Path:
    """Where the docker CLI keeps config.json: `$DOCKER_CONFIG`, else `~/.docker`."""
    return Path(os.environ.get("DOCKER_CONFIG") or Path.home() / ".docker")


def registry_key(registry: str) -> str:
    """The key `docker login REGISTRY` files a login under; refuses what is no registry."""
    text = registry.strip()
    bare = re.sub(r"^https?://", "", text, flags=re.IGNORECASE).split("/", 1)[0].lower()
    if text == HUB_KEY or bare in _HUB_NAMES:
        return HUB_KEY
    if not _HOST.fullmatch(bare):
        raise CredentialsError(
            say(QT_TRANSLATE_NOOP("Credentials", "“%1” is not a registry address."), text)
        )
    return bare


def display_registry(key: str) -> str:
    """How the CLI's commands name a registry: nothing for Docker Hub, else host[:port]."""
    return "" if key == HUB_KEY else key


def login_command(key: str, username: str) -> str:
    """The `docker login` that does the same; the password goes on stdin, never here."""
    parts = ["docker", "login"]
    if display_registry(key):
        parts.append(key)
    return " ".join([*parts, "-u", _quote(username), "--password-stdin"])


def logout_command(key: str) -> str:
    return " ".join(["docker", "logout", *filter(None, [display_registry(key)])])


def _quote(text: str) -> str:
    if re.fullmatch(r"[A-Za-z0-9@%+=:,./_-]+", text):
        return text
    return "'" + text.replace("'", "'\"'\"'") + "'"


class CredentialStore:
    """The docker CLI's credentials in one config folder (default: the CLI's own)."""

    def __init__(self, folder: Path | None = None, timeout: float = HELPER_TIMEOUT) -> None:
        self.folder = folder
        self.timeout = timeout

    # -- config.json -------------------------------------------------------------------------

    def _where(self) -> tuple[Path, str]:
        """The folder and name of the file to read and write: a config.json that is a
        symbolic link is followed, as the CLI writes through it to its target."""
        path = (self.folder or config_folder()) / CONFIG_NAME
        real = Path(os.path.realpath(path))
        return real.parent, real.name

    def _path(self) -> Path:
        folder, name = self._where()
        return folder / name

    def read_config(self) -> dict:
        """config.json as a dict ({} when there is none)."""
        folder, name = self._where()
        try:
            with ConfigFolder(folder) as opened:
                state = opened.read(name, MAX_CONFIG_BYTES)
        except MissingFolder:
            return {}
        except FileProblem as error:
            raise CredentialsError.of_file(error) from None
        return {} if state is None else _decode(state.data, folder / name)

    def _update(self, change: dict) -> None:
        """Apply `change` (registry key -> auths entry, None to remove) to config.json,
        read and written under the folder's lock, every other key kept, mode 0600."""
        folder, name = self._where()
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            with ConfigFolder(folder) as opened:
                state = opened.read(name, MAX_CONFIG_BYTES)
                config = {} if state is None else _decode(state.data, folder / name)
                auths = _auths(config, folder / name)
                for key, entry in change.items():
                    if entry is None:
                        # Older CLIs filed some logins under a URL ("https://host"): the
                        # same registry, forgotten with it.
                        for old in [k for k in auths if _same_registry(k, key)]:
                            del auths[old]
                    else:
                        auths[key] = entry
                config["auths"] = auths
                data = (json.dumps(config, indent="\t") + "\n").encode()
                opened.replace(name, data, mode=0o600)
        except FileProblem as error:
            raise CredentialsError.of_file(error) from None
        except OSError as error:
            raise CredentialsError(
                say(
                    QT_TRANSLATE_NOOP("Credentials", "Cannot write %1: %2."),
                    folder / name,
                    error.strerror or error,
                )
            ) from None

    def helper_for(self, key: str, config: dict | None = None) -> str | None:
        """The helper config.json names for `key` (its own, else the store's); None: the file."""
        config = self.read_config() if config is None else config
        helpers = config.get("credHelpers")
        name = helpers.get(key) if isinstance(helpers, dict) else None
        name = name or config.get("credsStore")
        if not name:
            return None
        if not isinstance(name, str) or not _HELPER.fullmatch(name) or ".." in name:
            raise CredentialsError(
                say(
                    QT_TRANSLATE_NOOP(
                        "Credentials",
                        "config.json names the credentials helper “%1”, which is not a "
                        "helper's name; nothing was run.",
                    ),
                    name,
                )
            )
        return name

    # -- what the window uses ----------------------------------------------------------------

    def logins(self) -> list[Login]:
        """The registries config.json lists as logged in to, Docker Hub first.

        The user names come from the file, or from each helper's `list` (one call per
        helper); a helper that fails to list leaves its user names blank.
        """
        config = self.read_config()
        auths = _auths(config, self._path())
        helpers = config.get("credHelpers")
        named = set(helpers) if isinstance(helpers, dict) else set()
        keys = sorted(set(auths) | named, key=lambda k: (k != HUB_KEY, k))
        listed: dict[str, dict] = {}
        found = []
        for key in keys:
            helper = self.helper_for(key, config)
            if helper is None:
                username = _file_username(auths.get(key))
                if username is None:
                    continue  # an entry with nothing in it is no login
                found.append(Login(key, username, CONFIG_NAME))
                continue
            if helper not in listed:
                try:
                    listed[helper] = self._list(helper)
                except CredentialsError:
                    listed[helper] = {}
            entries = listed[helper]
            username = entries.get(key, entries.get(f"https://{key}", ""))
            found.append(Login(key, str(username), f"docker-credential-{helper}"))
        return found

    def get(self, registry: str) -> Credentials | None:
        key = registry_key(registry)
        config = self.read_config()
        helper = self.helper_for(key, config)
        if helper is not None:
            answer = self._helper(helper, "get", key)
            if answer is None:
                return None
            try:
                reply = json.loads(answer)
                username, secret = str(reply["Username"]), str(reply["Secret"])
            except (ValueError, KeyError, TypeError):
                raise self._helper_failed(helper, "get", "") from None
            if username == "<token>":
                return Credentials(key, "", secret, is_token=True)
            return Credentials(key, username, secret)
        entry = _auths(config, self._path()).get(key)
        if not isinstance(entry, dict):
            return None
        token = entry.get("identitytoken")
        named = _file_username(entry)
        if isinstance(token, str) and token:
            return Credentials(key, named or "", token, is_token=True)
        if named is None:
            return None
        return Credentials(key, named, _file_secret(entry))

    def store(self, credentials: Credentials) -> None:
        """Keep `credentials` as `docker login` would: in the helper, else in config.json."""
        key = registry_key(credentials.registry)
        helper = self.helper_for(key)
        if helper is not None:
            username = "<token>" if credentials.is_token else credentials.username
            payload = {"ServerURL": key, "Username": username, "Secret": credentials.secret}
            self._helper(helper, "store", json.dumps(payload))
            self._update({key: {}})
            return
        if credentials.is_token:
            entry = {"auth": _encode(credentials.username, ""), "identitytoken": credentials.secret}
        else:
            entry = {"auth": _encode(credentials.username, credentials.secret)}
        self._update({key: entry})

    def erase(self, registry: str) -> None:
        """Forget the login (`docker logout`): from its helper, and from config.json."""
        key = registry_key(registry)
        helper = self.helper_for(key)
        if helper is not None:
            self._helper(helper, "erase", key)
        self._update({key: None})

    # -- helpers -----------------------------------------------------------------------------

    def _list(self, helper: str) -> dict:
        answer = self._helper(helper, "list", "")
        try:
            listed = json.loads(answer or "{}")
        except ValueError:
            raise self._helper_failed(helper, "list", "") from None
        return listed if isinstance(listed, dict) else {}

    def _helper(self, name: str, action: str, data: str) -> str | None:
        """Run `docker-credential-NAME ACTION` with `data` on stdin; its stdout, or None when
        it holds nothing for the registry asked about."""
        program = f"docker-credential-{name}"
        path = shutil.which(program)
        if path is None:
            raise CredentialsError(
                say(
                    QT_TRANSLATE_NOOP("Credentials", "The credentials helper %1 is not installed."),
                    program,
                )
            )
        try:
            done = subprocess.run(
                [os.path.abspath(path), action],
                input=data.encode(),
                capture_output=True,
                timeout=self.timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise CredentialsError(
                say(
                    QT_TRANSLATE_NOOP(
                        "Credentials", "The credentials helper %1 did not answer within %2 s."
                    ),
                    program,
                    f"{self.timeout:g}",
                )
            ) from None
        except OSError as error:
            raise self._helper_failed(name, action, error.strerror or str(error)) from None
        output = done.stdout.decode("utf-8", "replace").strip()
        if done.returncode != 0:
            if _NOT_FOUND in output and action in ("get", "erase"):
                return None
            said = output or done.stderr.decode("utf-8", "replace").strip()
            raise self._helper_failed(name, action, said[:300])
        return output

    @staticmethod
    def _helper_failed(name: str, action: str, said: str) -> CredentialsError:
        return CredentialsError(
            say(
                QT_TRANSLATE_NOOP(
                    "Credentials", "The credentials helper %1 failed to %2 the login: %3"
                ),
                f"docker-credential-{name}",
                action,
                said or "no explanation",
            )
        )


def _decode(data: bytes, path: Path) -> dict:
    try:
        config = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise CredentialsError(
            say(
                QT_TRANSLATE_NOOP(
                    "Credentials", "%1 is not valid JSON (%2); it was left as it is."
                ),
                path,
                str(error).split(":")[0],
            )
        ) from None
    if not isinstance(config, dict):
        raise CredentialsError(
            say(
                QT_TRANSLATE_NOOP(
                    "Credentials", "%1 does not hold a JSON object; it was left as it is."
                ),
                path,
            )
        )
    return config


def _auths(config: dict, path: Path) -> dict:
    auths = config.get("auths", {})
    if not isinstance(auths, dict):
        raise CredentialsError(
            say(
                QT_TRANSLATE_NOOP(
                    "Credentials", "“auths” in %1 is not a JSON object; it was left as it is."
                ),
                path,
            )
        )
    return dict(auths)


def _same_registry(written: str, key: str) -> bool:
    try:
        return registry_key(written) == key
    except CredentialsError:
        return written == key


def _encode(username: str, secret: str) -> str:
    return base64.b64encode(f"{username}:{secret}".encode()).decode()


def _split_auth(entry: dict) -> tuple[str, str] | None:
    raw = entry.get("auth")
    if not isinstance(raw, str) or not raw:
        return None
    try:
        username, _, secret = base64.b64decode(raw, validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    return username, secret


def _file_username(entry: object) -> str | None:
    """The user name of a config.json entry; None when it holds no login."""
    if not isinstance(entry, dict):
        return None
    split = _split_auth(entry)
    if split is not None:
        return split[0]
    username = entry.get("username")
    return username if isinstance(username, str) and username else None


def _file_secret(entry: dict) -> str:
    split = _split_auth(entry)
    if split is not None:
        return split[1]
    password = entry.get("password")
    return password if isinstance(password, str) else ""
