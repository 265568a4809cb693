"""`docker exec -it` for the desktop's terminal emulator: the command and the emulator."""

from __future__ import annotations

from services.host_terminal import command_line, emulator_command, exec_command


def test_the_command_names_the_engine_user_and_folder():
    arguments = exec_command("unix:///run/x.sock", "web", ["/bin/sh"], "1000:1000", "/srv app")
    assert arguments == [
        "docker", "-H", "unix:///run/x.sock", "exec", "-it", "-u", "1000:1000",
        "-w", "/srv app", "web", "/bin/sh",
    ]  # fmt: skip
    assert command_line(arguments).endswith("-w '/srv app' web /bin/sh")


def test_terminal_from_the_environment_comes_first():
    found = {"kitty": "/usr/bin/kitty", "xterm": "/usr/bin/xterm"}
    command = emulator_command(["docker", "ps"], {"TERMINAL": "kitty"}, found.get)
    assert command == ["kitty", "docker", "ps"]


def test_the_first_usual_emulator_on_the_path_is_used():
    found = {"konsole": "/usr/bin/konsole", "xterm": "/usr/bin/xterm"}
    assert emulator_command(["top"], {}, found.get) == ["/usr/bin/konsole", "-e", "top"]
    found = {"gnome-terminal": "/usr/bin/gnome-terminal"}
    assert emulator_command(["top"], {"TERMINAL": "gone"}, found.get) == [
        "/usr/bin/gnome-terminal", "--", "top",
    ]  # fmt: skip


def test_none_found_is_none():
    assert emulator_command(["top"], {}, lambda _name: None) is None
