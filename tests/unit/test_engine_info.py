"""`docker info` and `docker system df` as the Engine page shows them."""

from services.engine_info import (
    LayerProgress,
    LayerState,
    TransferTracker,
    UsageKind,
    disk_usage_from_api,
    engine_info_from_api,
)


def test_info_reads_the_facts_a_person_checks_first():
    info = engine_info_from_api(
        {
            "ServerVersion": "28.2.2",
            "OperatingSystem": "Debian GNU/Linux 12",
            "OSType": "linux",
            "Architecture": "x86_64",
            "Driver": "overlay2",
            "CgroupDriver": "systemd",
            "CgroupVersion": "2",
            "DockerRootDir": "/var/lib/docker",
            "NCPU": 2,
            "SecurityOptions": ["name=seccomp,profile=builtin", "name=rootless"],
            "Containers": 5,
            "ContainersRunning": 2,
            "ContainersPaused": 1,
            "ContainersStopped": 2,
            "RegistryConfig": {
                "Mirrors": ["https://m.example/"],
                "InsecureRegistryCIDRs": ["127.0.0.0/8"],
                "IndexConfigs": {
                    "docker.io": {"Secure": True},
                    "registry.lan:5000": {"Secure": False},
                },
            },
        }
    )
    assert info.rootless and info.cgroup_version == "2" and info.paused == 1
    assert info.mirrors == ("https://m.example/",)
    assert info.insecure_registries == ("registry.lan:5000", "127.0.0.0/8")


def test_disk_usage_reclaimable_as_docker_system_df_computes_it():
    rows = {
        row.kind: row
        for row in disk_usage_from_api(
            {
                "LayersSize": 300,
                "Images": [
                    {"Size": 100, "SharedSize": 20, "Containers": 1},
                    {"Size": 200, "SharedSize": 20, "Containers": 0},
                ],
                "Containers": [
                    {"State": "running", "SizeRw": 5},
                    {"State": "paused", "SizeRw": 7},
                    {"State": "exited", "SizeRw": 11},
                ],
                "Volumes": [
                    {"UsageData": {"Size": 50, "RefCount": 0}},
                    {"UsageData": {"Size": -1, "RefCount": 1}},
                ],
                "BuildCache": [
                    {"Size": 9, "InUse": False, "Shared": False},
                    {"Size": 4, "InUse": True},
                ],
            }
        )
    }
    assert (rows[UsageKind.IMAGES].active, rows[UsageKind.IMAGES].reclaimable) == (1, 220)
    containers = rows[UsageKind.CONTAINERS]
    assert (containers.active, containers.size, containers.reclaimable) == (2, 23, 11)
    assert (rows[UsageKind.VOLUMES].size, rows[UsageKind.VOLUMES].reclaimable) == (50, 50)
    assert rows[UsageKind.BUILD_CACHE].reclaimable == 9


def test_pull_progress_adds_up_the_layers():
    tracker = TransferTracker()
    tracker.update({"status": "Pulling from library/hello-world", "id": "latest"})
    tracker.update(
        {"status": "Downloading", "id": "a", "progressDetail": {"current": 50, "total": 100}}
    )
    progress = tracker.update(
        {"status": "Downloading", "id": "b", "progressDetail": {"current": 0, "total": 100}}
    )
    assert progress.percent == 25
    progress = tracker.update({"status": "Pull complete", "id": "a", "progressDetail": {}})
    assert progress.percent == 50 and progress.status == "a: Pull complete"


def test_pull_progress_follows_each_layer_and_the_speed():
    """Each layer's state in dockerd's words; bytes per second over the last seconds; the
    time left once every layer's size is known."""
    now = [0.0]
    tracker = TransferTracker(clock=lambda: now[0])
    tracker.update({"status": "Pulling fs layer", "id": "a"})
    progress = tracker.update({"status": "Already exists", "id": "b"})
    assert [(layer.id, layer.state) for layer in progress.layers] == [
        ("a", LayerState.WAITING),
        ("b", LayerState.EXISTS),
    ]
    assert progress.time_left is None  # a's size is not known yet
    now[0] = 1.0
    progress = tracker.update(
        {"status": "Downloading", "id": "a", "progressDetail": {"current": 1000, "total": 4000}}
    )
    assert progress.layers[0] == LayerProgress("a", LayerState.DOWNLOADING, 1000, 4000)
    assert progress.speed == 1000.0  # 1000 bytes since the first message, a second ago
    assert progress.time_left == 3.0
    progress = tracker.update(
        {"status": "Extracting", "id": "a", "progressDetail": {"current": 10, "total": 4000}}
    )
    assert progress.layers[0] == LayerProgress("a", LayerState.EXTRACTING, 4000, 4000, 10)
    tracker.update({"status": "Pull complete", "id": "a"})
    progress = tracker.update({"status": "Digest: sha256:" + "f" * 64})
    assert progress.digest == "sha256:" + "f" * 64
    assert progress.layers[0].state is LayerState.DONE and progress.percent == 100
