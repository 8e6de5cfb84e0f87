"""The bundle evaluated in-process by regopy (rego-cpp's Python binding), as OPA would serve it.

The tests and the benchmark ask the bundle questions through this, so both load it the same way OPA
loads a bundle: every `.rego` file as a module, every `data.json` at the path of its folder. The
policy is compiled once (`build`); each question then sets the input and runs the `answer` entry
point, which is what `POST /v1/data/styrdokument/decide/answer` returns as `result`.
"""

from __future__ import annotations

import json
from typing import Any

from generators.outputs.opa import ANSWER_PATH, unpack


class BundleEngine:
    def __init__(self, bundle: bytes) -> None:
        import regopy  # only here: nothing else in the tool needs a Rego engine

        self._interpreter = regopy.Interpreter()
        data: dict[str, Any] = {}
        for name, content in sorted(unpack(bundle).items()):
            if name.endswith(".rego"):
                self._interpreter.add_module(name, content.decode("utf-8"))
            elif name.endswith("data.json"):
                node = data
                for step in [s for s in name.split("/")[:-1] if s]:
                    node = node.setdefault(step, {})
                node.update(json.loads(content))
        self._interpreter.add_data(data)
        self._compiled = self._interpreter.build(None, [ANSWER_PATH])

    def answer(self, question: dict[str, Any]) -> dict[str, Any]:
        """{"status": ..., "answer": ...} for one input document."""
        self._interpreter.set_input(question)
        output = self._interpreter.query_bundle_entrypoint(self._compiled, ANSWER_PATH)
        if not output.ok():
            raise RuntimeError(f"the bundle's policy failed: {output}")
        result: dict[str, Any] = json.loads(str(output))["expressions"][0]
        return result
