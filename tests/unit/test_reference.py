"""Image references parsed as distribution/reference parses them, and each mistake named."""

from __future__ import annotations

import pytest

from services.reference import parse_reference, reference_problem

DIGEST = "sha256:" + "a" * 64


@pytest.mark.parametrize(
    ("text", "repository", "tag", "digest", "familiar"),
    [
        ("busybox", "docker.io/library/busybox", "latest", "", "busybox:latest"),
        ("busybox:1.36", "docker.io/library/busybox", "1.36", "", "busybox:1.36"),
        ("user/app", "docker.io/user/app", "latest", "", "user/app:latest"),
        ("library/busybox", "docker.io/library/busybox", "latest", "", "busybox:latest"),
        ("docker.io/busybox", "docker.io/library/busybox", "latest", "", "busybox:latest"),
        ("index.docker.io/user/app:v1", "docker.io/user/app", "v1", "", "user/app:v1"),
        (
            "127.0.0.1:5000/team/app:1.0",
            "127.0.0.1:5000/team/app",
            "1.0",
            "",
            "127.0.0.1:5000/team/app:1.0",
        ),
        ("localhost/app", "localhost/app", "latest", "", "localhost/app:latest"),
        ("localhost:5000/app", "localhost:5000/app", "latest", "", "localhost:5000/app:latest"),
        ("[::1]:5000/app:x", "[::1]:5000/app", "x", "", "[::1]:5000/app:x"),
        ("quay.io/a/b/c", "quay.io/a/b/c", "latest", "", "quay.io/a/b/c:latest"),
        ("Registry/app", "Registry/app", "latest", "", "Registry/app:latest"),
        (
            "my_app.v2-x__y",
            "docker.io/library/my_app.v2-x__y",
            "latest",
            "",
            "my_app.v2-x__y:latest",
        ),
        (f"busybox@{DIGEST}", "docker.io/library/busybox", "", DIGEST, f"busybox@{DIGEST}"),
        (f"app:1@{DIGEST}", "docker.io/library/app", "1", DIGEST, f"app@{DIGEST}"),
        ("app:" + "t" * 128, "docker.io/library/app", "t" * 128, "", "app:" + "t" * 128),
        ("app:_private", "docker.io/library/app", "_private", "", "app:_private"),
    ],
)
def test_good_references(text, repository, tag, digest, familiar):
    """Docker's shorthands are filled in: docker.io, library/, latest when no tag."""
    reference = parse_reference(text)
    assert reference.repository == repository
    assert reference.tag == tag
    assert reference.digest == digest
    assert reference.familiar == familiar
    assert reference.pull_tag == (digest or tag)


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("", "Enter an image name."),
        ("   ", "Enter an image name."),
        ("busy box", "An image reference cannot contain spaces."),
        ("busybox ", "An image reference cannot contain spaces."),
        ("Busybox", "Repository names must be lower case: “library/Busybox” is not."),
        ("user/App:1", "Repository names must be lower case: “user/App” is not."),
        ("busybox:", "The tag after “:” is empty."),
        ("app:" + "t" * 129, "The tag is 129 characters long; at most 128 are allowed."),
        ("app:.hidden", "“.hidden” is not a valid tag"),
        ("app:-x", "“-x” is not a valid tag"),
        ("app:a+b", "“a+b” is not a valid tag"),
        ("app@sha256:abc", "“sha256:abc” is not a valid digest"),
        ("app@sha256:" + "A" * 64, "is not a valid digest"),
        ("app@" + "a" * 64, "is not a valid digest"),
        ("app@", "“” is not a valid digest"),
        (":latest", "The reference has no image name."),
        ("a" * 64, "looks like an image ID"),
        ("app-", "“app-” is not a valid repository name"),
        ("user//app", "The repository name has an empty part"),
        ("app/", "The repository name has an empty part"),
        ("-bad.host/app", "“-bad.host” is not a valid registry address."),
        ("host:port/app", "“host:port” is not a valid registry address."),
        ("a" * 256, "The name is 256 characters long; at most 255 are allowed."),
    ],
)
def test_bad_references(text, sentence):
    """Each mistake has its own sentence, found before anything is sent."""
    problem = reference_problem(text)
    assert problem is not None
    assert sentence in problem.text()


def test_a_good_reference_has_no_problem():
    assert reference_problem("127.0.0.1:5000/app:1") is None
