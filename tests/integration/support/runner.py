"""Run the action's binary the way actions/runner runs a container action.

The one place that builds the step's environment, from action.yml itself:
- every input declared in action.yml arrives as INPUT_<NAME> (upper-cased,
  hyphens kept, as the runner does), with its default when the workflow does
  not give it; `${{ github.token }}` and other expressions in defaults are
  evaluated to fakes;
- the GITHUB_* / RUNNER_* context variables a hosted runner sets;
- GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_ENV, GITHUB_PATH, GITHUB_STATE
  and GITHUB_EVENT_PATH files; HOME is the runner's github/home; the working
  directory is the workspace (the runner passes --workdir /github/workspace);
- nothing from the caller's environment except PATH and what the test passes
  as the step's `env:`.

Sources: actions/runner ContainerActionHandler.cs (inputs as INPUT_*, defaults
evaluated), docs.github.com "Store information in variables" (default
environment variables) and "Workflow commands" (environment files).

Python: `run_action(binary, workspace, inputs, env)` returns a dict with
code, stdout, stderr, outputs, summary, env.
CLI (used by the Rust tests): runner.py --binary B --workspace W
    [--inputs-json JSON] [--env-json JSON] [--timeout S]  -> JSON on stdout.
"""
import argparse
import json
import os
import re
import signal
import subprocess
import tempfile
import uuid

import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
# ECOM_ACTION_YML: another release's action.yml, to run that release's binary as the runner would.
ACTION_YML = os.environ.get("ECOM_ACTION_YML") or os.path.join(ROOT, "action.yml")

# Fakes for the expressions the runner evaluates in input defaults.
FAKE_GITHUB_TOKEN = "ghs_FakeRunnerToken0000000000000000000000"
EXPRESSIONS = {"github.token": FAKE_GITHUB_TOKEN}


def evaluate(value, context):
    """Evaluate `${{ expr }}` in an action.yml default, as the runner does."""
    def sub(m):
        expr = m.group(1).strip()
        if expr not in EXPRESSIONS and expr not in context:
            raise ValueError("action.yml default uses an expression this harness does not know: %s" % expr)
        return context.get(expr, EXPRESSIONS.get(expr))
    return re.sub(r"\$\{\{(.*?)\}\}", sub, str(value))


def declared_inputs(action_yml=ACTION_YML):
    """{name: default or ''} for every input action.yml declares."""
    with open(action_yml) as f:
        doc = yaml.safe_load(f)
    return {name: ("" if spec.get("default") is None else str(spec.get("default")))
            for name, spec in (doc.get("inputs") or {}).items()}


def hosted_runner_context(workspace, files):
    """The default environment variables of a GitHub-hosted Linux runner."""
    repo = "shop/catalog"
    return {
        "CI": "true",
        "GITHUB_ACTIONS": "true",
        "GITHUB_ACTION": "__org_ecom-deploy",
        "GITHUB_ACTION_REPOSITORY": "org/ecom-deploy",
        "GITHUB_ACTION_REF": "v1",
        "GITHUB_ACTOR": "octocat",
        "GITHUB_ACTOR_ID": "583231",
        "GITHUB_TRIGGERING_ACTOR": "octocat",
        "GITHUB_API_URL": "https://api.github.com",
        "GITHUB_GRAPHQL_URL": "https://api.github.com/graphql",
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_EVENT_NAME": "push",
        "GITHUB_EVENT_PATH": files["event"],
        "GITHUB_JOB": "deploy",
        "GITHUB_REF": "refs/heads/main",
        "GITHUB_REF_NAME": "main",
        "GITHUB_REF_TYPE": "branch",
        "GITHUB_REF_PROTECTED": "true",
        "GITHUB_REPOSITORY": repo,
        "GITHUB_REPOSITORY_ID": "123456",
        "GITHUB_REPOSITORY_OWNER": repo.split("/")[0],
        "GITHUB_REPOSITORY_OWNER_ID": "654321",
        "GITHUB_RETENTION_DAYS": "90",
        "GITHUB_RUN_ATTEMPT": "1",
        "GITHUB_RUN_ID": "4242",
        "GITHUB_RUN_NUMBER": "7",
        "GITHUB_SHA": "0123456789abcdef0123456789abcdef01234567",
        "GITHUB_WORKFLOW": "deploy",
        "GITHUB_WORKFLOW_REF": repo + "/.github/workflows/deploy.yml@refs/heads/main",
        "GITHUB_WORKFLOW_SHA": "0123456789abcdef0123456789abcdef01234567",
        "GITHUB_WORKSPACE": workspace,
        "GITHUB_OUTPUT": files["output"],
        "GITHUB_STEP_SUMMARY": files["summary"],
        "GITHUB_ENV": files["env"],
        "GITHUB_PATH": files["path"],
        "GITHUB_STATE": files["state"],
        "HOME": files["home"],
        "RUNNER_ARCH": "X64",
        "RUNNER_ENVIRONMENT": "github-hosted",
        "RUNNER_NAME": "GitHub Actions 1",
        "RUNNER_OS": "Linux",
        "RUNNER_TEMP": files["temp"],
        "RUNNER_TOOL_CACHE": "/opt/hostedtoolcache",
        "RUNNER_WORKSPACE": os.path.dirname(workspace),
    }


def step_env(workspace, inputs, env, tmp, action_yml=ACTION_YML):
    """The environment of the action's container for one step."""
    for d in ("home", "temp", "file_commands"):
        os.makedirs(os.path.join(tmp, d), exist_ok=True)
    fc = os.path.join(tmp, "file_commands")
    files = {
        "output": os.path.join(fc, "set_output_%s" % uuid.uuid4()),
        "summary": os.path.join(fc, "step_summary_%s" % uuid.uuid4()),
        "env": os.path.join(fc, "set_env_%s" % uuid.uuid4()),
        "path": os.path.join(fc, "add_path_%s" % uuid.uuid4()),
        "state": os.path.join(fc, "save_state_%s" % uuid.uuid4()),
        "event": os.path.join(tmp, "event.json"),
        "home": os.path.join(tmp, "home"),
        "temp": os.path.join(tmp, "temp"),
    }
    for k in ("output", "summary", "env", "path", "state"):
        open(files[k], "w").close()
    with open(files["event"], "w") as f:
        json.dump({"ref": "refs/heads/main", "repository": {"full_name": "shop/catalog"}}, f)

    declared = declared_inputs(action_yml)
    unknown = sorted(set(inputs) - set(declared))
    if unknown:  # the runner warns and a typo deploys with defaults: fail the test instead
        raise ValueError("inputs not declared in action.yml: %s" % ", ".join(unknown))
    out = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    out.update(hosted_runner_context(os.path.abspath(workspace), files))
    for name, default in declared.items():
        value = inputs.get(name, evaluate(default, {}))
        out["INPUT_%s" % name.replace(" ", "_").upper()] = str(value)
    out.update({k: str(v) for k, v in (env or {}).items()})
    return out, files


def parse_outputs(text):
    """GITHUB_OUTPUT lines: name=value, or name<<DELIM ... DELIM."""
    outputs, lines, i = {}, text.splitlines(), 0
    while i < len(lines):
        line = lines[i]
        m = re.match(r"^([^=<]+)<<(.+)$", line)
        if m:
            name, delim, j = m.group(1), m.group(2), i + 1
            body = []
            while j < len(lines) and lines[j] != delim:
                body.append(lines[j])
                j += 1
            outputs[name] = "\n".join(body)
            i = j + 1
            continue
        if "=" in line:
            k, v = line.split("=", 1)
            outputs[k] = v
        i += 1
    return outputs


def run_action(binary, workspace, inputs=None, env=None, timeout=900, action_yml=ACTION_YML):
    with tempfile.TemporaryDirectory(prefix="runner-") as tmp:
        step, files = step_env(workspace, inputs or {}, env or {}, tmp, action_yml)
        # SIGTERM/SIGINT to the harness reach the binary, as `docker stop`
        # (a cancelled job) signals the container's PID 1.
        p = subprocess.Popen([binary], cwd=workspace, env=step, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        forward = lambda sig, _frame: p.send_signal(sig)  # noqa: E731
        old = {s: signal.signal(s, forward) for s in (signal.SIGTERM, signal.SIGINT)}
        try:
            stdout, stderr = p.communicate(timeout=timeout)
        finally:
            for s, h in old.items():
                signal.signal(s, h)
        with open(files["output"]) as f:
            outputs = parse_outputs(f.read())
        with open(files["summary"]) as f:
            summary = f.read()
    return {
        "code": p.returncode,
        "stdout": stdout.decode("utf-8", "replace"),
        "stderr": stderr.decode("utf-8", "replace"),
        "outputs": outputs,
        "summary": summary,
        "env": {k: v for k, v in step.items() if k.startswith("INPUT_")},
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", required=True)
    ap.add_argument("--workspace", required=True)
    ap.add_argument("--inputs-json", default="{}")
    ap.add_argument("--env-json", default="{}")
    ap.add_argument("--timeout", type=float, default=900)
    a = ap.parse_args()
    r = run_action(a.binary, a.workspace, json.loads(a.inputs_json), json.loads(a.env_json), a.timeout)
    print(json.dumps(r))


if __name__ == "__main__":
    main()
