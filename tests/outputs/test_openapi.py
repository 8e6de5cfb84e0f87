"""openapi.json: a valid OpenAPI 3.1 document that names every published file of the rules API v1."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from generators.model import Model
from generators.outputs.rules import render_rules
from generators.pipeline import load_and_check
from tests.conftest import EXAMPLE_POLICIES

AS_OF = date(2026, 11, 23)
COMMIT = "0123456789abcdef0123456789abcdef01234567"


def _model() -> Model:
    return load_and_check(EXAMPLE_POLICIES, AS_OF).model


def test_openapi_document_is_valid_and_lists_every_endpoint(tmp_path: Path) -> None:
    """openapi.json is a valid OpenAPI 3.1 document (openapi-spec-validator, its $refs resolved
    against the published schemas beside it) and names every published file."""
    from openapi_spec_validator import validate
    from openapi_spec_validator.readers import read_from_filename

    model = _model()
    published = render_rules(model, AS_OF, COMMIT)
    for path, data in published.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(data)
    spec, base_uri = read_from_filename(str(tmp_path / "openapi.json"))
    validate(spec, base_uri=base_uri)
    assert spec["openapi"] == "3.1.0" and spec["servers"] == [{"url": ".", "description": "rules/v1/ på webbplatsen"}]
    paths = set(spec["paths"])
    bodies = spec["paths"]["/decisions/delegation/{body}.json"]["get"]["parameters"][0]["schema"]["enum"]
    schemas = spec["paths"]["/schemas/{schema}"]["get"]["parameters"][0]["schema"]["enum"]
    for path in published:
        if path.startswith("schemas/"):
            assert path.removeprefix("schemas/") in schemas
        elif path.startswith("decisions/delegation/"):
            assert path.removeprefix("decisions/delegation/").removesuffix(".json") in bodies
        elif path != "openapi.json":
            assert f"/{path}" in paths, path
    for item in spec["paths"].values():
        headers = item["get"]["responses"]["200"]["headers"]
        assert {"ETag", "Last-Modified", "Access-Control-Allow-Origin"} <= set(headers)
    with_base = json.loads(render_rules(model, AS_OF, COMMIT, "https://kommun.github.io/styrdokument/")["openapi.json"])
    assert with_base["servers"][0]["url"] == "https://kommun.github.io/styrdokument/rules/v1/"
