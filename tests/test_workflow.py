"""The publishing workflow: checked on pull requests, deployed from main, rebuilt daily."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def _load() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def _steps(job: dict) -> list[dict]:
    return job["steps"]


def _uses(job: dict) -> list[str]:
    return [s["uses"] for s in _steps(job) if "uses" in s]


def test_triggers_pull_requests_main_and_a_daily_build():
    on = _load()["on"]
    assert "pull_request" in on and on["push"]["branches"] == ["main"]
    cron = on["schedule"][0]["cron"]
    minute, hour, *rest = cron.split()
    assert rest == ["*", "*", "*"] and minute.isdigit() and hour.isdigit()


def test_pull_requests_run_check_and_tests():
    test = _load()["jobs"]["test"]
    runs = [s.get("run", "") for s in _steps(test)]
    assert "make check" in runs and any(r.startswith("make test") for r in runs)
    checkout = next(s for s in _steps(test) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0


def test_main_is_built_with_full_history_and_deployed_to_pages():
    jobs = _load()["jobs"]
    build, deploy = jobs["build"], jobs["deploy"]
    assert "refs/heads/main" in build["if"] and "pull_request" in build["if"]
    checkout = next(s for s in _steps(build) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    make_build = next(s for s in _steps(build) if s.get("run") == "make build")
    assert "SITE_URL" in make_build["env"]
    upload = next(s for s in _steps(build) if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    assert deploy["needs"] == "build" and deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert any(u.startswith("actions/deploy-pages@") for u in _uses(deploy))


PINNED = re.compile(r"^\s*(?:- )?uses: (actions/[a-z-]+)@([0-9a-f]{40})\s+# (v\d+\.\d+\.\d+)$")


def test_actions_are_pinned_to_the_commit_of_a_release_tag():
    """A tag can be moved, a commit cannot; the comment names the release the commit is (zizmor reads it too)."""
    lines = [line for line in WORKFLOW.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert len(lines) == sum(len(_uses(job)) for job in _load()["jobs"].values()) >= 5
    for line in lines:
        assert PINNED.match(line), line


def test_checkouts_keep_no_credentials_and_the_second_engine_is_tested():
    jobs = _load()["jobs"]
    for job in jobs.values():
        for step in _steps(job):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
    runs = [s.get("run", "") for s in _steps(jobs["test"])]
    assert "make test-fast" in runs and "make test-fast ENGINE=properdocs" in runs


def _linter(*args: str) -> subprocess.CompletedProcess:
    tool = Path(sys.executable).parent / args[0]
    return subprocess.run([str(tool), *args[1:]], capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_the_workflow_validates_against_githubs_schema():
    proc = _linter("check-jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_zizmor_finds_nothing_even_as_an_auditor():
    proc = _linter("zizmor", "--offline", "--persona=auditor", "--no-progress", str(WORKFLOW.parent))
    assert proc.returncode == 0 and "No findings" in proc.stdout + proc.stderr, proc.stdout + proc.stderr


def test_zizmor_does_find_an_unpinned_action(tmp_path):
    """The linter is really run: a workflow with a tag reference and a credential-keeping checkout fails."""
    bad = tmp_path / ".github" / "workflows"
    bad.mkdir(parents=True)
    (bad / "x.yml").write_text("on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
                               "    steps:\n      - uses: actions/checkout@v4\n", encoding="utf-8")
    proc = _linter("zizmor", "--offline", "--no-progress", str(bad))
    assert proc.returncode != 0 and "unpinned-uses" in proc.stdout and "artipacked" in proc.stdout, proc.stdout
