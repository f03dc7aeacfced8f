"""Checks action.yml's structure, which actionlint (a workflow linter) does not read.

- a composite action whose `run` steps contain no `${{ }}` expression: inputs reach the
  shell through `env:` only, so no input can inject commands;
- every input is used (through `env:` or `with:`), every `INPUT_*` variable a script reads
  is set by its step, and every script a step runs exists;
- every workflow step that uses the action (`uses: ./`) passes only inputs it declares.

Usage: python .ci/check_action.py REPO_ROOT  (needs PyYAML). Exits 1 listing each problem.
"""

import pathlib
import re
import sys

import yaml

EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
SCRIPT = re.compile(r'"\$GITHUB_ACTION_PATH/([^"]+)"')
INPUT_VAR = re.compile(r"\bINPUT_[A-Z_]+\b")


def check_action(root, problems):
    action = yaml.safe_load((root / "action.yml").read_text())
    inputs = set(action.get("inputs", {}))
    runs = action.get("runs", {})
    if runs.get("using") != "composite":
        problems.append(f"runs.using is {runs.get('using')!r}, not 'composite'")
    used = set()
    for i, step in enumerate(runs.get("steps", []), 1):
        where = f"action.yml step {i} ({step.get('id', step.get('uses', 'run'))})"
        env = step.get("env", {}) or {}
        for value in [*env.values(), *(step.get("with", {}) or {}).values()]:
            for expr in EXPR.findall(str(value)):
                if expr.startswith("inputs."):
                    used.add(expr.removeprefix("inputs."))
        if "uses" in step and "@" not in step["uses"]:
            problems.append(f"{where}: {step['uses']} is not pinned to a version")
        if "run" not in step:
            continue
        script = step["run"]
        if step.get("shell") != "bash":
            problems.append(f"{where}: a run step needs `shell: bash`")
        if EXPR.search(script):
            problems.append(f"{where}: `${{{{ }}}}` in a script; pass it through env:")
        for rel in SCRIPT.findall(script):
            path = root / rel
            if not path.is_file():
                problems.append(f"{where}: runs {rel}, which does not exist")
                continue
            for var in sorted(set(INPUT_VAR.findall(path.read_text())) - set(env)):
                problems.append(f"{where}: {rel} reads {var}, which the step does not set")
    for name in sorted(inputs - used):
        problems.append(f"action.yml: input {name!r} is never passed to a step")
    return inputs


def check_workflows(root, inputs, problems):
    for wf in sorted((root / ".github" / "workflows").glob("*.y*ml")):
        doc = yaml.safe_load(wf.read_text())
        for job_name, job in (doc.get("jobs") or {}).items():
            for step in job.get("steps", []):
                if step.get("uses") != "./":
                    continue
                for name in sorted(set(step.get("with", {}) or {}) - inputs):
                    problems.append(f"{wf.relative_to(root)} job {job_name}: the action has no input {name!r}")


def main():
    root = pathlib.Path(sys.argv[1])
    problems = []
    inputs = check_action(root, problems)
    check_workflows(root, inputs, problems)
    for p in problems:
        print(p)
    print(f"check_action: {len(inputs)} inputs, {len(problems)} problems")
    sys.exit(1 if problems else 0)


main()
