"""The docker CLI's credentials: config.json and credentials helpers, read, stored, erased."""

from __future__ import annotations

import base64
import json
import os
import stat
import sys
from pathlib import Path

import pytest

from services.credentials import (
    HUB_KEY,
    Credentials,
    CredentialsError,
    CredentialStore,
    Login,
    PlainHttpRegistry,
    WrongCredentials,
    login_command,
    login_failure,
    logout_command,
    registry_key,
)
from services.errors import EngineError

#: A credentials helper as docker-credential-helpers behave, keeping its logins in a JSON file
#: beside it; the test reads that file to see what was handed to it (and how).
FAKE_HELPER = """#!/bin/sh
exec {python} - "$1" "{store}" 3<&0 <<'PY'
import json, os, sys
action, path = sys.argv[1], sys.argv[2]
data = os.fdopen(3).read()
kept = json.load(open(path)) if os.path.exists(path) else {{}}
with open(path + ".argv", "a") as log:
    log.write(" ".join(sys.argv[1:2]) + "\\n")
if action == "store":
    entry = json.loads(data)
    kept[entry["ServerURL"]] = [entry["Username"], entry["Secret"]]
elif action == "get":
    if data.strip() not in kept:
        print("credentials not found in native keychain"); sys.exit(1)
    user, secret = kept[data.strip()]
    print(json.dumps({{"ServerURL": data.strip(), "Username": user, "Secret": secret}}))
elif action == "erase":
    if kept.pop(data.strip(), None) is None:
        print("credentials not found in native keychain"); sys.exit(1)
elif action == "list":
    print(json.dumps({{key: value[0] for key, value in kept.items()}}))
json.dump(kept, open(path, "w"))
PY
"""


@pytest.fixture
def config_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "docker-config"
    monkeypatch.setenv("DOCKER_CONFIG", str(folder))
    return folder


@pytest.fixture
def helper(tmp_path, monkeypatch) -> Path:
    """`docker-credential-test` on the PATH; returns the file where it keeps its logins."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    store = tmp_path / "helper-store.json"
    program = bin_dir / "docker-credential-test"
    program.write_text(FAKE_HELPER.format(python=sys.executable, store=store))
    program.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return store


def write_config(folder: Path, config: object) -> None:
    folder.mkdir(exist_ok=True)
    (folder / "config.json").write_text(json.dumps(config))


def read_config(folder: Path) -> dict:
    return json.loads((folder / "config.json").read_text())


@pytest.mark.parametrize(
    ("given", "key"),
    [
        ("", HUB_KEY),
        ("docker.io", HUB_KEY),
        ("https://index.docker.io/v1/", HUB_KEY),
        ("registry-1.docker.io", HUB_KEY),
        ("127.0.0.1:5000", "127.0.0.1:5000"),
        ("https://Registry.Example.com/v2/", "registry.example.com"),
        ("http://[::1]:5000", "[::1]:5000"),
    ],
)
def test_registry_keys_are_the_clis(given, key):
    """Docker Hub under its one key, every other registry as host[:port]."""
    assert registry_key(given) == key


@pytest.mark.parametrize(
    "given", ["a;rm -rf /", "$(id)", "host name", "exa mple.com:5000", "host:99999999", "-x"]
)
def test_what_is_no_registry_is_refused(given):
    """Shell characters, spaces and bad ports are a sentence, never a key."""
    with pytest.raises(CredentialsError, match="is not a registry address"):
        registry_key(given)


def test_the_command_never_holds_the_password():
    """The equivalent command reads the password from stdin."""
    assert login_command(HUB_KEY, "alice") == "docker login -u alice --password-stdin"
    assert (
        login_command("127.0.0.1:5000", "o'hara")
        == "docker login 127.0.0.1:5000 -u 'o'\"'\"'hara' --password-stdin"
    )
    assert logout_command("127.0.0.1:5000") == "docker logout 127.0.0.1:5000"
    assert logout_command(HUB_KEY) == "docker logout"


def test_store_in_config_json_keeps_every_other_key(config_dir):
    """Stored as the CLI does (base64 auth), the file's other keys kept, mode 0600."""
    write_config(
        config_dir,
        {"auths": {"other:1": {"auth": "eDp5"}}, "currentContext": "remote", "psFormat": "x"},
    )
    CredentialStore().store(Credentials("localhost:5000", "alice", "pa:ss wörd"))
    config = read_config(config_dir)
    assert config["currentContext"] == "remote" and config["psFormat"] == "x"
    assert config["auths"]["other:1"] == {"auth": "eDp5"}
    auth = base64.b64decode(config["auths"]["localhost:5000"]["auth"]).decode()
    assert auth == "alice:pa:ss wörd"
    assert stat.S_IMODE((config_dir / "config.json").stat().st_mode) == 0o600
    got = CredentialStore().get("localhost:5000")
    assert got == Credentials("localhost:5000", "alice", "pa:ss wörd")
    assert "pa:ss" not in repr(got)


def test_a_missing_folder_is_made_private(config_dir):
    """No config folder yet: made with mode 0700, as the CLI makes it."""
    CredentialStore().store(Credentials("docker.io", "bob", "secret"))
    assert stat.S_IMODE(config_dir.stat().st_mode) == 0o700
    assert CredentialStore().logins() == [Login(HUB_KEY, "bob", "config.json")]


def test_erase_removes_only_that_login(config_dir):
    store = CredentialStore()
    store.store(Credentials("a.example", "alice", "1"))
    store.store(Credentials("b.example", "bob", "2"))
    store.erase("a.example")
    assert [login.registry for login in store.logins()] == ["b.example"]
    assert store.get("a.example") is None


def test_a_symbolic_link_to_config_json_is_written_through(config_dir, tmp_path):
    """Like the CLI, a linked config.json is updated where it points (dotfiles)."""
    target = tmp_path / "dotfiles" / "docker.json"
    target.parent.mkdir()
    target.write_text('{"auths": {}, "detachKeys": "ctrl-x"}')
    config_dir.mkdir()
    (config_dir / "config.json").symlink_to(target)
    CredentialStore().store(Credentials("a.example", "alice", "1"))
    assert (config_dir / "config.json").is_symlink()
    assert json.loads(target.read_text())["detachKeys"] == "ctrl-x"
    assert CredentialStore().get("a.example") is not None


def test_a_helper_keeps_the_secret_and_the_file_only_the_name(config_dir, helper):
    """With credsStore, the secret goes to the helper on stdin; auths gets an empty entry."""
    write_config(config_dir, {"credsStore": "test"})
    store = CredentialStore()
    store.store(Credentials("127.0.0.1:5000", "alice", "s3cret"))
    assert read_config(config_dir)["auths"] == {"127.0.0.1:5000": {}}
    assert json.loads(helper.read_text()) == {"127.0.0.1:5000": ["alice", "s3cret"]}
    assert "s3cret" not in Path(f"{helper}.argv").read_text()
    assert store.get("127.0.0.1:5000") == Credentials("127.0.0.1:5000", "alice", "s3cret")
    assert store.logins() == [Login("127.0.0.1:5000", "alice", "docker-credential-test")]
    store.erase("127.0.0.1:5000")
    assert json.loads(helper.read_text()) == {}
    assert read_config(config_dir)["auths"] == {}


def test_a_registrys_own_helper_wins_over_the_store(config_dir, helper):
    """credHelpers names a helper per registry; others stay in the file."""
    write_config(config_dir, {"credHelpers": {"a.example": "test"}})
    store = CredentialStore()
    store.store(Credentials("a.example", "alice", "1"))
    store.store(Credentials("b.example", "bob", "2"))
    assert json.loads(helper.read_text()) == {"a.example": ["alice", "1"]}
    assert store.logins() == [
        Login("a.example", "alice", "docker-credential-test"),
        Login("b.example", "bob", "config.json"),
    ]


def test_a_missing_helper_is_a_sentence(config_dir):
    write_config(config_dir, {"credsStore": "moorage-missing"})
    with pytest.raises(CredentialsError) as raised:
        CredentialStore().store(Credentials("a.example", "alice", "1"))
    assert str(raised.value) == (
        "The credentials helper docker-credential-moorage-missing is not installed."
    )


def test_a_failing_helper_is_a_sentence_without_the_secret(config_dir, tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    program = bin_dir / "docker-credential-broken"
    program.write_text("#!/bin/sh\ncat >/dev/null\necho 'keychain is locked' >&2\nexit 3\n")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    write_config(config_dir, {"credsStore": "broken"})
    with pytest.raises(CredentialsError) as raised:
        CredentialStore().store(Credentials("a.example", "alice", "s3cret"))
    assert "docker-credential-broken failed to store the login: keychain is locked" in str(
        raised.value
    )
    assert "s3cret" not in str(raised.value)


def test_a_slow_helper_times_out(config_dir, tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    program = bin_dir / "docker-credential-slow"
    program.write_text("#!/bin/sh\nexec sleep 30\n")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    write_config(config_dir, {"credsStore": "slow"})
    with pytest.raises(CredentialsError, match=r"did not answer within 0\.5 s"):
        CredentialStore(timeout=0.5).get("a.example")


@pytest.mark.parametrize("name", ["../../bin/sh", "a/b", "..", "x..y", "-rf", "", 7])
def test_a_helper_name_that_is_a_path_is_never_run(config_dir, name):
    """A helper named with / or .. (or not a name at all) is refused before anything runs."""
    write_config(config_dir, {"credsStore": name} if name != "" else {"credHelpers": {}})
    store = CredentialStore()
    if name == "":
        assert store.helper_for("a.example") is None
        return
    with pytest.raises(CredentialsError, match="not a helper's name"):
        store.get("a.example")


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"{not json", "is not valid JSON"),
        (b"[1, 2]", "does not hold a JSON object"),
        (b'{"auths": []}', "“auths” in .* is not a JSON object"),
        (b"\xff\xfe", "is not valid JSON"),
    ],
)
def test_a_malformed_config_is_a_sentence_and_left_alone(config_dir, content, said):
    config_dir.mkdir()
    (config_dir / "config.json").write_bytes(content)
    store = CredentialStore()
    with pytest.raises(CredentialsError, match=said):
        store.store(Credentials("a.example", "alice", "1"))
    with pytest.raises(CredentialsError, match=said):
        store.logins()
    assert (config_dir / "config.json").read_bytes() == content


def test_a_huge_config_is_not_read(config_dir):
    config_dir.mkdir()
    (config_dir / "config.json").write_bytes(b" " * (5 * 1024 * 1024) + b"{}")
    with pytest.raises(CredentialsError, match="bytes, more than"):
        CredentialStore().logins()


def test_login_failures_are_told_apart():
    """The engine's refusals, as moby words them, become the error the window explains."""
    refused = EngineError(
        "Login attempt to http://127.0.0.1:5000/v2/ failed with status: 401 Unauthorized"
    )
    assert isinstance(login_failure(refused, "127.0.0.1:5000"), WrongCredentials)
    hub = EngineError("Error response from daemon: unauthorized: incorrect username or password")
    assert isinstance(login_failure(hub, HUB_KEY), WrongCredentials)
    plain = EngineError(
        'Get "https://10.0.0.1:5000/v2/": http: server gave HTTP response to HTTPS client'
    )
    assert isinstance(login_failure(plain, "10.0.0.1:5000"), PlainHttpRegistry)
    other = EngineError("no such host")
    assert login_failure(other, "x") is other


def test_an_identity_token_is_kept_as_the_cli_keeps_it(config_dir, helper):
    """In config.json as `identitytoken`; in a helper under the user name "<token>"."""
    store = CredentialStore()
    store.store(Credentials("a.example", "alice", "tok-1", is_token=True))
    entry = read_config(config_dir)["auths"]["a.example"]
    assert entry["identitytoken"] == "tok-1"
    assert store.get("a.example") == Credentials("a.example", "alice", "tok-1", is_token=True)
    write_config(config_dir, {"credsStore": "test"})
    store.store(Credentials("b.example", "bob", "tok-2", is_token=True))
    assert json.loads(helper.read_text()) == {"b.example": ["<token>", "tok-2"]}
    assert store.get("b.example") == Credentials("b.example", "", "tok-2", is_token=True)


def test_log_out_also_forgets_a_login_filed_under_a_url(config_dir):
    """Older CLIs wrote "https://host" keys; logging out of host removes them too."""
    write_config(config_dir, {"auths": {"https://a.example": {"auth": "eDp5"}, "b": {}}})
    store = CredentialStore()
    assert [login.registry for login in store.logins()] == ["https://a.example"]
    store.erase("https://a.example")
    assert read_config(config_dir)["auths"] == {"b": {}}
