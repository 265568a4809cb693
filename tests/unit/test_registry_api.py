"""The registry API client on recorded answers and a small fake registry on 127.0.0.1."""

from __future__ import annotations

import json

import pytest

from services.credentials import Credentials
from services.registry_api import (
    MANIFEST_LIST,
    MANIFEST_V2,
    OCI_INDEX,
    RegistryApiError,
    RegistryClient,
    decode_config,
    decode_manifest,
    hub_search,
    next_page_url,
    parse_challenges,
    plain_http_allowed,
)
from tests.support.fake_registry import reply

# Recorded from distribution 2.8 and Docker Hub (digests shortened where they do not matter).
DOCKER_V2 = {
    "schemaVersion": 2,
    "mediaType": MANIFEST_V2,
    "config": {"mediaType": "application/vnd.docker.container.image.v1+json", "size": 1470,
               "digest": "sha256:" + "c" * 64},
    "layers": [
        {"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": 2_220_094,
         "digest": "sha256:" + "1" * 64},
        {"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": 100,
         "digest": "sha256:" + "2" * 64},
    ],
}  # fmt: skip
MANIFEST_LIST_ANSWER = {
    "schemaVersion": 2,
    "mediaType": MANIFEST_LIST,
    "manifests": [
        {"mediaType": MANIFEST_V2, "size": 528, "digest": "sha256:" + "a" * 64,
         "platform": {"architecture": "amd64", "os": "linux"}},
        {"mediaType": MANIFEST_V2, "size": 528, "digest": "sha256:" + "b" * 64,
         "platform": {"architecture": "arm", "os": "linux", "variant": "v7"}},
    ],
}  # fmt: skip
OCI_INDEX_ANSWER = {
    "schemaVersion": 2,
    "mediaType": OCI_INDEX,
    "manifests": [
        {"mediaType": "application/vnd.oci.image.manifest.v1+json", "size": 1,
         "digest": "sha256:" + "d" * 64, "platform": {"architecture": "arm64", "os": "linux"}},
        {"mediaType": "application/vnd.oci.image.manifest.v1+json", "size": 1,
         "digest": "sha256:" + "e" * 64,
         "platform": {"architecture": "unknown", "os": "unknown"},
         "annotations": {"vnd.docker.reference.type": "attestation-manifest"}},
    ],
}  # fmt: skip


def test_a_docker_v2_manifest_gives_its_download_size_and_config():
    manifest = decode_manifest(json.dumps(DOCKER_V2).encode())
    assert manifest.size == 1470 + 2_220_094 + 100
    assert manifest.config_digest == "sha256:" + "c" * 64
    assert not manifest.is_index


def test_a_manifest_list_gives_its_platforms():
    manifest = decode_manifest(json.dumps(MANIFEST_LIST_ANSWER).encode())
    assert manifest.is_index
    assert manifest.children == (
        ("linux/amd64", "sha256:" + "a" * 64),
        ("linux/arm/v7", "sha256:" + "b" * 64),
    )


def test_an_oci_index_leaves_out_attestations():
    manifest = decode_manifest(json.dumps(OCI_INDEX_ANSWER).encode(), OCI_INDEX)
    assert manifest.children == (("linux/arm64", "sha256:" + "d" * 64),)


@pytest.mark.parametrize(
    "body",
    [b"<html>", b"[]", b'{"schemaVersion": 2, "layers": "x"}', b'{"schemaVersion": 1}'],
)
def test_what_is_no_manifest_is_a_sentence(body):
    with pytest.raises(RegistryApiError) as raised:
        decode_manifest(body)
    assert str(raised.value).endswith(".")


def test_a_config_gives_platform_and_a_date_with_nanoseconds():
    body = json.dumps(
        {"architecture": "amd64", "os": "linux", "created": "2024-05-01T10:20:30.123456789Z"}
    ).encode()
    platform, created = decode_config(body)
    assert platform == "linux/amd64"
    assert created == pytest.approx(1714558830.123456)
    assert decode_config(b"nonsense") == ("", None)


def test_a_bearer_challenge_is_read_with_its_quoted_scope():
    header = (
        'Bearer realm="https://auth.example/token",service="registry.example",'
        'scope="repository:a/b:pull,push", Basic realm="x\\"y"'
    )
    bearer, basic = parse_challenges(header)
    assert bearer.scheme == "bearer"
    assert bearer.params == {
        "realm": "https://auth.example/token",
        "service": "registry.example",
        "scope": "repository:a/b:pull,push",
    }
    assert basic.scheme == "basic" and basic.params == {"realm": 'x"y'}


def test_the_next_page_comes_from_the_link_header():
    current = "http://127.0.0.1:5000/v2/_catalog?n=2"
    link = '</v2/_catalog?last=b&n=2>; rel="next"'
    assert next_page_url(link, current) == "http://127.0.0.1:5000/v2/_catalog?last=b&n=2"
    assert next_page_url(None, current) is None
    assert next_page_url('</other>; rel="prev"', current) is None


def test_a_next_page_on_another_server_is_refused():
    with pytest.raises(RegistryApiError, match="another server"):
        next_page_url('<https://elsewhere.example/v2/_catalog?last=b>; rel="next"', "http://h/v2/")


def test_plain_http_only_where_dockerd_allows_it():
    assert plain_http_allowed("127.0.0.1:5000")
    assert plain_http_allowed("10.1.2.3:5000", insecure_cidrs=("10.0.0.0/8",))
    assert plain_http_allowed("registry.lan:5000", insecure_names=("registry.lan:5000",))
    assert not plain_http_allowed("192.0.2.1:5000", insecure_cidrs=("10.0.0.0/8",))


# -- against a fake registry ------------------------------------------------------------------


def test_the_catalog_is_followed_page_by_page(fake_registry):
    names = [f"repo{i:02d}" for i in range(5)]

    def handler(request):
        if request.path == "/v2/":
            return reply(request, 200, {})
        query = dict(part.split("=") for part in request.path.split("?")[1].split("&"))
        start = names.index(query["last"]) + 1 if "last" in query else 0
        page = names[start : start + int(query["n"])]
        more = start + len(page) < len(names)
        link = {"Link": f'</v2/_catalog?last={page[-1]}&n={query["n"]}>; rel="next"'}
        reply(request, 200, {"repositories": page}, link if more else None)

    client = RegistryClient(fake_registry(handler), plain_http=True)
    client.ping()
    seen, url = [], None
    while True:
        page = client.catalog_page(url, n=2)
        seen.append(page.names)
        if page.next_url is None:
            break
        url = page.next_url
    assert seen == [("repo00", "repo01"), ("repo02", "repo03"), ("repo04",)]


def test_the_bearer_token_dance_sends_the_login_to_the_realm_only(fake_registry):
    asked = []

    def auth(request):
        asked.append((request.path, request.headers.get("Authorization")))
        reply(request, 200, {"token": "T0K"})

    realm = fake_registry(auth)

    def registry(request):
        if request.headers.get("Authorization") != "Bearer T0K":
            challenge = (
                f'Bearer realm="http://{realm}/token",service="fake",scope="registry:catalog:*"'
            )
            return reply(request, 401, {"errors": []}, {"WWW-Authenticate": challenge})
        reply(request, 200, {"repositories": ["a"]})

    host = fake_registry(registry)
    client = RegistryClient(host, Credentials(host, "alice", "s3cret"), plain_http=True)
    client.ping()
    assert client.catalog_page().names == ("a",)
    path, authorization = asked[0]
    assert path.startswith("/token?") and "scope=registry%3Acatalog%3A%2A" in path
    assert authorization == "Basic YWxpY2U6czNjcmV0"


def test_a_refused_login_is_said_as_wrong_password(fake_registry):
    def handler(request):
        reply(request, 401, {}, {"WWW-Authenticate": 'Basic realm="x"'})

    host = fake_registry(handler)
    client = RegistryClient(host, Credentials(host, "alice", "wrong"), plain_http=True)
    client.ping()
    with pytest.raises(RegistryApiError) as raised:
        client.catalog_page()
    assert str(raised.value) == f"Wrong user name or password for {host}."
    assert "wrong" not in str(raised.value)
    anonymous = RegistryClient(host, plain_http=True)
    anonymous.ping()
    with pytest.raises(RegistryApiError, match="asks for a login"):
        anonymous.catalog_page()


def test_a_huge_answer_is_cut_and_said(fake_registry):
    def handler(request):
        reply(request, 200, {"repositories": ["x" * 1000] * 200})

    client = RegistryClient(fake_registry(handler), plain_http=True, max_bytes=10_000)
    client.base = f"http://{client.host}"
    with pytest.raises(RegistryApiError, match="larger than"):
        client.catalog_page()


def test_a_web_server_is_not_a_registry(fake_registry):
    def handler(request):
        request.send_response(404)
        request.send_header("Content-Length", "6")
        request.end_headers()
        request.wfile.write(b"<html>")

    host = fake_registry(handler)
    with pytest.raises(RegistryApiError, match="is not a registry"):
        RegistryClient(host, plain_http=True).ping()


def test_plain_http_where_it_is_not_allowed_is_said(fake_registry):
    host = fake_registry(lambda request: reply(request, 200, {}))
    with pytest.raises(RegistryApiError, match=r"plain HTTP.*insecure-registries"):
        RegistryClient(host, plain_http=False).ping()


def test_nothing_listening_is_said_in_words():
    with pytest.raises(RegistryApiError) as raised:
        RegistryClient("127.0.0.1:1", plain_http=True).ping()
    assert str(raised.value) == "127.0.0.1:1 cannot be reached: connection refused by 127.0.0.1:1."


def test_a_registry_without_deletion_says_so(fake_registry):
    def handler(request):
        body = {"errors": [{"code": "UNSUPPORTED", "message": "The operation is unsupported."}]}
        reply(request, 405, body)

    client = RegistryClient(fake_registry(handler), plain_http=True)
    client.base = f"http://{client.host}"
    with pytest.raises(RegistryApiError, match="does not allow deleting"):
        client.delete("a", "sha256:" + "a" * 64)


def test_hub_search_reads_results_and_says_when_unreachable(fake_registry):
    results = {
        "results": [{"name": "nginx", "description": "web", "star_count": 3, "is_official": True}]
    }
    host = fake_registry(lambda request: reply(request, 200, results))
    (found,) = hub_search("nginx", url=f"http://{host}/v1/search")
    assert (found.name, found.stars, found.official) == ("nginx", 3, True)
    with pytest.raises(RegistryApiError, match="Docker Hub search cannot be reached"):
        hub_search("nginx", url="http://127.0.0.1:1/v1/search")
