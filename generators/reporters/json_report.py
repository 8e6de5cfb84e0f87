"""The machine-readable result; its shape is `schemas/check-result.schema.json`."""

from __future__ import annotations

import json

from generators.checks.runner import CheckResult


def render(result: CheckResult, strict: bool) -> str:
    payload = {
        "status": "fail" if result.failed(strict) else "pass",
        "summary": {"errors": len(result.errors), "warnings": len(result.warnings), "files": result.files_checked},
        "diagnostics": [d.to_json() for d in result.diagnostics],
        "skipped": [{"file": s.file, "rules": list(s.rules), "message": s.message()} for s in result.skipped],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
