"""The publishing workflow: checked on pull requests, deployed from main, rebuilt daily."""
from __future__ import annotations

import re

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


def test_actions_are_pinned_to_a_major_version():
    for job in _load()["jobs"].values():
        for uses in _uses(job):
            assert re.fullmatch(r"actions/[a-z-]+@(v\d+|[0-9a-f]{40})", uses), uses
