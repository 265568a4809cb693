"""The run form's fields read into typed values, each wrong field with its own sentence,
the docker SDK's create arguments, and a spec read back from inspect data."""

from __future__ import annotations

import pytest

from services.run_spec import (
    FieldError,
    HealthSpec,
    MountSpec,
    PortSpec,
    Restart,
    RunFields,
    RunSpec,
    create_arguments,
    fields_from_spec,
    memory_text,
    parse_cpus,
    parse_duration,
    parse_env,
    parse_labels,
    parse_memory,
    parse_mount,
    parse_name,
    parse_port,
    parse_ports,
    parse_words,
    port_ranges,
    read_env_file,
    read_fields,
    settings_left_out,
    spec_from_inspect,
)


@pytest.mark.parametrize(
    ("text", "port"),
    [
        ("80", PortSpec(80)),
        ("8080:80", PortSpec(80, 8080)),
        (":80", PortSpec(80)),
        ("127.0.0.1:8080:80", PortSpec(80, 8080, "127.0.0.1")),
        ("127.0.0.1::80", PortSpec(80, None, "127.0.0.1")),
        ("53:53/udp", PortSpec(53, 53, "", "udp")),
        ("8080:80/TCP", PortSpec(80, 8080)),
        ("[::1]:8080:80", PortSpec(80, 8080, "::1")),
    ],
)
def test_port_forms(text: str, port: PortSpec) -> None:
    """Every form `docker run -p` takes for one port, the host part optional."""
    assert parse_port(text) == port
    assert parse_port(port.text()) == port


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("8080:80:", "not a port mapping"),
        ("80800:80", "1 to 65535"),
        ("8080:0", "1 to 65535"),
        ("8o80:80", "“8o80”"),
        ("8080:80/tpc", "tcp, udp or sctp"),
        ("1.2.3:8080:80", "not an IP address"),
        ("1:2:3:4", "not a port mapping"),
        ("8000-8010:8000-8010", "is a range"),
    ],
)
def test_bad_ports_say_why(text: str, says: str) -> None:
    """A typo in a port spec is refused with the line and what is wrong in it."""
    with pytest.raises(FieldError) as raised:
        parse_port(text)
    assert says in str(raised.value)


def test_a_host_port_published_twice_is_refused() -> None:
    with pytest.raises(FieldError, match="8080 is published twice"):
        parse_ports("8080:80\n\n8080:81")
    assert parse_ports("8080:80\n8080:80/udp\n80\n80") == (
        PortSpec(80, 8080),
        PortSpec(80, 8080, "", "udp"),
        PortSpec(80),
        PortSpec(80),
    )


def test_env_lines_keep_their_values_and_refuse_a_line_without_equals() -> None:
    assert parse_env("A=1\n\n  B= two words \nC=\nD=x=y") == (
        ("A", "1"),
        ("B", " two words "),
        ("C", ""),
        ("D", "x=y"),
    )
    with pytest.raises(FieldError, match="“JUSTANAME” has no “=”"):
        parse_env("A=1\nJUSTANAME")
    with pytest.raises(FieldError, match="no name before"):
        parse_env("=value")


def test_labels_take_a_bare_key_as_docker_does() -> None:
    assert parse_labels("app=web\nflag") == (("app", "web"), ("flag", ""))


def test_env_file_lines(tmp_path) -> None:
    """As `--env-file`: comments and blank lines skipped."""
    env = tmp_path / "app.env"
    env.write_text("# settings\nA=1\n\nB=two words\n")
    assert read_env_file(env) == ["A=1", "B=two words"]
    with pytest.raises(OSError):
        read_env_file(tmp_path / "missing.env")


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("512m", 512 << 20),
        ("1g", 1 << 30),
        ("1G", 1 << 30),
        ("1.5g", 3 << 29),
        ("512MB", 512 << 20),
        ("512MiB", 512 << 20),
        ("8388608", 8 << 20),
        ("", 0),
    ],
)
def test_memory_sizes(text: str, size: int) -> None:
    assert parse_memory(text) == size


@pytest.mark.parametrize("text", ["512q", "m", "-1g", "1.2.3m", "1 g b"])
def test_bad_memory_sizes(text: str) -> None:
    with pytest.raises(FieldError, match="is not a memory size"):
        parse_memory(text)


def test_memory_below_the_engines_floor() -> None:
    with pytest.raises(FieldError, match="smallest limit"):
        parse_memory("4m")


def test_memory_written_back_in_its_largest_whole_unit() -> None:
    assert [memory_text(s) for s in (512 << 20, 1 << 30, 3 << 29, 1000)] == [
        "512m",
        "1g",
        "1536m",
        "1000b",
    ]


def test_cpus() -> None:
    assert parse_cpus("1.5") == 1.5
    for bad in ("0", "-1", "two", "1e3"):
        with pytest.raises(FieldError, match="not a number of CPUs"):
            parse_cpus(bad)


def test_durations() -> None:
    assert parse_duration("30s") == 30
    assert parse_duration("1m30s") == 90
    assert parse_duration("500ms") == 0.5
    for bad in ("30", "1x", "s", "30s5"):
        with pytest.raises(FieldError, match="not a duration"):
            parse_duration(bad)


def test_names() -> None:
    assert parse_name("web-1") == "web-1"
    assert parse_name("") == ""
    for bad in ("a", "-web", "my web", "wéb"):
        with pytest.raises(FieldError, match="is not a valid name"):
            parse_name(bad)


def test_command_words_follow_shell_rules() -> None:
    assert parse_words("""sh -c 'echo "hi there"' a\\ b""") == (
        "sh",
        "-c",
        'echo "hi there"',
        "a b",
    )
    with pytest.raises(FieldError, match="not closed"):
        parse_words("echo 'oops")


def test_mounts() -> None:
    assert parse_mount("/srv/data:/data:ro") == MountSpec("/srv/data", "/data", True)
    assert parse_mount("cache:/cache") == MountSpec("cache", "/cache")
    assert parse_mount("cache:/cache").is_host_folder is False
    assert parse_mount("/srv:/srv:rw").is_host_folder is True
    for bad, says in (
        ("/data", "is not a mount"),
        ("cache:data", "must be absolute"),
        ("./here:/data", "absolute path"),
        ("bad name:/data", "not a valid volume name"),
    ):
        with pytest.raises(FieldError, match=says):
            parse_mount(bad)


def test_every_wrong_field_has_its_own_error_and_the_rest_is_kept() -> None:
    spec, errors = read_fields(
        RunFields(
            image="busybox",
            name="web",
            ports="8080:80\n99999:80",
            env="A=1\nB",
            memory="512q",
            cpus="1",
        )
    )
    assert set(errors) == {"ports", "env", "memory"}
    assert (spec.image, spec.name, spec.cpus, spec.memory, spec.ports) == (
        "busybox",
        "web",
        1,
        0,
        (),
    )


def test_empty_image_and_bad_image_are_errors() -> None:
    assert "image" in read_fields(RunFields())[1]
    assert "image" in read_fields(RunFields(image="Busybox"))[1]
    assert "image" not in read_fields(RunFields(image="sha256:" + "a" * 64))[1]


def test_restart_policy_rules() -> None:
    spec, errors = read_fields(RunFields(image="busybox", restart="on-failure", max_retries="3"))
    assert (spec.restart, spec.max_retries, errors) == (Restart.ON_FAILURE, 3, {})
    assert "max_retries" in read_fields(RunFields(image="b1", restart="always", max_retries="3"))[1]
    assert "restart" in read_fields(RunFields(image="b1", restart="always", auto_remove=True))[1]
    assert "restart" in read_fields(RunFields(image="b1", restart="sometimes"))[1]


FULL = RunSpec(
    image="busybox:latest",
    name="web",
    command=("httpd", "-f", "-p", "8080"),
    entrypoint="/bin/sh",
    ports=(PortSpec(8080, 18080), PortSpec(53, None, "127.0.0.1", "udp")),
    env=(("A", "1"), ("B", "two words")),
    mounts=(MountSpec("/srv", "/srv", True), MountSpec("cache", "/cache")),
    network="backend",
    restart=Restart.ON_FAILURE,
    max_retries=2,
    interactive=True,
    tty=True,
    workdir="/srv",
    user="nobody",
    labels=(("app", "web"),),
    memory=512 << 20,
    cpus=0.5,
    health=HealthSpec("wget -q -O- localhost:8080", 30, 5, 3),
)


def test_fields_and_spec_round_trip() -> None:
    assert read_fields(fields_from_spec(FULL)) == (FULL, {})


def test_create_arguments() -> None:
    container, host = create_arguments(FULL)
    assert container["command"] == ["httpd", "-f", "-p", "8080"]
    assert container["entrypoint"] == ["/bin/sh"]
    assert container["environment"] == ["A=1", "B=two words"]
    assert container["labels"] == {"app": "web"}
    assert container["ports"] == [(8080, "tcp"), (53, "udp")]
    assert container["healthcheck"] == {
        "test": ["CMD-SHELL", "wget -q -O- localhost:8080"],
        "interval": 30_000_000_000,
        "timeout": 5_000_000_000,
        "retries": 3,
    }
    assert (container["stdin_open"], container["tty"]) == (True, True)
    assert host["port_bindings"] == {"8080/tcp": [("", "18080")], "53/udp": [("127.0.0.1", "")]}
    assert host["binds"] == ["/srv:/srv:ro", "cache:/cache"]
    assert host["restart_policy"] == {"Name": "on-failure", "MaximumRetryCount": 2}
    assert (host["mem_limit"], host["nano_cpus"], host["network_mode"]) == (
        512 << 20,
        500_000_000,
        "backend",
    )


def test_create_arguments_of_a_bare_spec_leave_everything_to_the_engine() -> None:
    container, host = create_arguments(RunSpec("busybox"))
    assert {k for k, v in container.items() if v} == {"image", "detach"}
    assert {k for k, v in host.items() if v} == set()


def _inspected() -> dict:
    """The parts of dockerd 20.10's inspect answer the spec reads, for FULL run on an
    image whose config has PATH, sh and a label of its own."""
    return {
        "Name": "/web",
        "Image": "sha256:" + "a" * 64,
        "Config": {
            "Image": "busybox:latest",
            "Cmd": ["httpd", "-f", "-p", "8080"],
            "Entrypoint": ["/bin/sh"],
            "Env": ["A=1", "B=two words", "PATH=/bin"],
            "Labels": {"app": "web", "maintainer": "someone"},
            "WorkingDir": "/srv",
            "User": "nobody",
            "OpenStdin": True,
            "Tty": True,
            "Healthcheck": {
                "Test": ["CMD-SHELL", "wget -q -O- localhost:8080"],
                "Interval": 30_000_000_000,
                "Timeout": 5_000_000_000,
                "Retries": 3,
            },
        },
        "HostConfig": {
            "Binds": ["/srv:/srv:ro", "cache:/cache"],
            "PortBindings": {
                "8080/tcp": [{"HostIp": "", "HostPort": "18080"}],
                "53/udp": [{"HostIp": "127.0.0.1", "HostPort": ""}],
            },
            "RestartPolicy": {"Name": "on-failure", "MaximumRetryCount": 2},
            "AutoRemove": False,
            "NetworkMode": "backend",
            "Memory": 512 << 20,
            "NanoCpus": 500_000_000,
        },
        "Mounts": [
            {"Type": "bind", "Source": "/srv", "Destination": "/srv", "RW": False},
            {"Type": "volume", "Name": "cache", "Destination": "/cache", "RW": True},
            {"Type": "volume", "Name": "f" * 64, "Destination": "/anon", "RW": True},
        ],
    }


def test_spec_from_inspect_without_the_images_defaults() -> None:
    """What the container took from its image is left out; anonymous volumes too."""
    image = {"Env": ["PATH=/bin"], "Cmd": ["sh"], "Labels": {"maintainer": "someone"}}
    spec = spec_from_inspect(_inspected(), image)
    assert spec == FULL


def test_spec_from_inspect_without_the_image_keeps_everything() -> None:
    spec = spec_from_inspect(_inspected())
    assert ("PATH", "/bin") in spec.env
    assert ("maintainer", "someone") in spec.labels


def test_spec_from_inspect_of_a_default_network_container() -> None:
    data = _inspected()
    data["HostConfig"]["NetworkMode"] = "default"
    data["Config"]["Healthcheck"] = None
    spec = spec_from_inspect(data)
    assert (spec.network, spec.health) == ("", None)


def test_a_volume_mounted_with_mount_is_kept_and_an_anonymous_one_is_not() -> None:
    data = _inspected()
    data["HostConfig"]["Binds"] = ["/srv:/srv:ro"]  # cache came through --mount
    assert spec_from_inspect(data).mounts == FULL.mounts


def test_an_entrypoint_of_several_words_runs_the_same() -> None:
    """Entrypoint ["sh", "-c"] with Cmd ["echo hi"]: `--entrypoint sh IMAGE -c 'echo hi'`."""
    data = _inspected()
    data["Config"]["Entrypoint"] = ["sh", "-c"]
    data["Config"]["Cmd"] = ["echo hi"]
    spec = spec_from_inspect(data, {"Entrypoint": ["/bin/app"], "Cmd": ["echo hi"]})
    assert (spec.entrypoint, spec.command) == ("sh", ("-c", "echo hi"))
    same = spec_from_inspect(data, {"Entrypoint": ["sh", "-c"], "Cmd": ["echo hi"]})
    assert (same.entrypoint, same.command) == ("", ())


def test_settings_the_form_does_not_hold_are_named() -> None:
    data = _inspected()
    data["HostConfig"].update(
        Privileged=True,
        CapAdd=["NET_ADMIN"],
        Tmpfs={"/run": "size=64m"},
        Devices=[{"PathOnHost": "/dev/fuse", "PathInContainer": "/dev/fuse"}],
        ExtraHosts=["db:10.0.0.2"],
    )
    data["Config"]["StopSignal"] = "SIGINT"
    assert settings_left_out(data) == (
        "--privileged",
        "--cap-add NET_ADMIN",
        "--add-host db:10.0.0.2",
        "--device /dev/fuse",
        "--tmpfs /run:size=64m",
        "--stop-signal SIGINT",
    )
    assert settings_left_out(_inspected()) == ()


def test_names_namespaces_limits_and_networks_beyond_the_form_are_named() -> None:
    """What differs from the engine's defaults is named; the defaults are not (the hostname
    that is the short id, /dev/shm of 64 MiB, a private IPC namespace, swap twice the
    memory, the short id among the aliases)."""
    data = _inspected()
    data["Id"] = "c" * 64
    data["Config"].update(Hostname="c" * 12, Domainname="example.org", StopTimeout=30)
    data["HostConfig"].update(
        IpcMode="private",
        ShmSize=64 << 20,
        MemorySwap=1024 << 20,
        PidMode="host",
        PidsLimit=100,
        Ulimits=[{"Name": "nofile", "Soft": 1024, "Hard": 2048}],
        DeviceRequests=[{"Driver": "", "Count": -1, "DeviceIDs": None}],
    )
    data["NetworkSettings"] = {
        "Networks": {
            "backend": {
                "Aliases": ["c" * 12, "api"],
                "IPAMConfig": {"IPv4Address": "172.30.0.9"},
            },
            "monitoring": {"Aliases": None, "IPAMConfig": None},
        }
    }
    assert settings_left_out(data) == (
        "--domainname example.org",
        "--stop-timeout 30",
        "--pid host",
        "--pids-limit 100",
        "--ulimit nofile=1024:2048",
        "--gpus all",
        "--network-alias api",
        "--ip 172.30.0.9",
        "--network monitoring",
    )
    data["Config"]["Hostname"] = "box"
    data["HostConfig"].update(MemorySwap=-1, ShmSize=1 << 30, IpcMode="host")
    assert {"--hostname box", "--memory-swap -1", "--shm-size 1073741824", "--ipc host"} <= set(
        settings_left_out(data)
    )


def test_port_ranges_publish_each_port_and_print_back_as_ranges() -> None:
    """`-p 8000-8002:9000-9002` is three ports, as the CLI makes them; the run line joins
    them back into the range; a range without a host part lets the engine pick each."""
    ports = parse_ports("127.0.0.1:8000-8002:9000-9002\n7000-7001/udp\n80")
    assert ports == (
        PortSpec(9000, 8000, "127.0.0.1"),
        PortSpec(9001, 8001, "127.0.0.1"),
        PortSpec(9002, 8002, "127.0.0.1"),
        PortSpec(7000, None, "", "udp"),
        PortSpec(7001, None, "", "udp"),
        PortSpec(80),
    )
    assert port_ranges(ports) == ["127.0.0.1:8000-8002:9000-9002", "7000-7001/udp", "80"]
    assert port_ranges(parse_ports("8080:80\n8081:81")) == ["8080-8081:80-81"]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("8000-8010:80", "as many ports (11 and 1)"),
        ("8000-8001:80-82", "as many ports (2 and 3)"),
        ("8010-8000:80-90", "from the lower port to the higher"),
        ("8000-:80", "1 to 65535"),
    ],
)
def test_bad_port_ranges_say_why(text: str, says: str) -> None:
    with pytest.raises(FieldError) as raised:
        parse_ports(text)
    assert says in str(raised.value)
