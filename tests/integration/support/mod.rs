//! Shared test support: the local AWS (moto, started by scripts/with-local-aws.sh),
//! a recording proxy in front of it, seeding, and running the built binary
//! the way GitHub runs a container action.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// moto's endpoint. These tests run under scripts/with-local-aws.sh (`make integration`).
pub fn moto() -> String {
    std::env::var("AWS_ENDPOINT_URL")
        .expect("integration tests need the local AWS: run them with `make integration` (scripts/with-local-aws.sh)")
}

pub fn python() -> String {
    std::env::var("ECOM_PYTHON").unwrap_or_else(|_| "python3".into())
}

/// A name no other test uses.
pub fn unique(prefix: &str) -> String {
    static N: AtomicUsize = AtomicUsize::new(0);
    format!(
        "{prefix}-{}-{}",
        std::process::id() % 100_000,
        N.fetch_add(1, Ordering::SeqCst)
    )
}

/// Run tests/integration/support/seed.py against moto and parse its JSON.
pub fn seed(args: &[&str]) -> serde_json::Value {
    let out = Command::new(python())
        .arg(root().join("tests/integration/support/seed.py"))
        .args(args)
        .env("AWS_ENDPOINT_URL", moto())
        .output()
        .expect("run seed.py");
    assert!(
        out.status.success(),
        "seed.py {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("seed.py prints JSON")
}

/// The recording, fault-injecting proxy (tests/integration/support/aws_proxy.py).
pub struct Proxy {
    pub url: String,
    log: PathBuf,
    rules: PathBuf,
    child: Child,
    _dir: tempfile::TempDir,
}

impl Proxy {
    pub fn start() -> Proxy {
        let dir = tempfile::tempdir().unwrap();
        let port_file = dir.path().join("port");
        let rules = dir.path().join("rules.json");
        let log = dir.path().join("calls.log");
        std::fs::write(&rules, "[]").unwrap();
        std::fs::write(&log, "").unwrap();
        let child = Command::new(python())
            .arg(root().join("tests/integration/support/aws_proxy.py"))
            .args([&moto(), &path(&port_file), &path(&rules), &path(&log)])
            .stdout(Stdio::null())
            .spawn()
            .expect("start aws_proxy.py");
        let start = Instant::now();
        while !port_file.exists() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "proxy did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let port = std::fs::read_to_string(&port_file).unwrap();
        Proxy {
            url: format!("http://127.0.0.1:{}", port.trim()),
            log,
            rules,
            child,
            _dir: dir,
        }
    }

    pub fn rules(&self, rules: serde_json::Value) {
        std::fs::write(&self.rules, rules.to_string()).unwrap();
    }

    /// The operations seen so far (X-Amz-Target op, query Action, or "METHOD /path").
    pub fn calls(&self) -> Vec<String> {
        std::fs::read_to_string(&self.log)
            .unwrap()
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["op"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    }

    /// The JSON bodies the binary sent for `op`.
    pub fn requests(&self, op: &str) -> Vec<serde_json::Value> {
        std::fs::read_to_string(&self.log)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .filter(|v| v["op"] == op)
            .map(|v| v["body"].clone())
            .collect()
    }

    /// Every logged call, as the proxy wrote it (op, path, body, access_key, strict…).
    pub fn log(&self) -> Vec<serde_json::Value> {
        std::fs::read_to_string(&self.log)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .collect()
    }

    pub fn clear(&self) {
        std::fs::write(&self.log, "").unwrap();
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn path(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub outputs: BTreeMap<String, String>,
    pub summary: String,
    /// The INPUT_* variables the binary saw.
    pub inputs: BTreeMap<String, String>,
}

impl Run {
    pub fn out(&self, k: &str) -> &str {
        self.outputs
            .get(k)
            .map(String::as_str)
            .unwrap_or_else(|| panic!("no output {k}: {:?}\n{}", self.outputs, self.stdout))
    }

    /// The `::error` annotation lines.
    pub fn errors(&self) -> Vec<&str> {
        self.stdout
            .lines()
            .filter(|l| l.starts_with("::error"))
            .collect()
    }

    pub fn all_text(&self) -> String {
        format!(
            "{}\n{}\n{:?}\n{}",
            self.stdout, self.stderr, self.outputs, self.summary
        )
    }
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {}\n--- stdout\n{}\n--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Run the release binary as GitHub runs a container action. The step's
/// environment comes from tests/integration/support/runner.py, built from
/// action.yml itself: every declared default as INPUT_*, the hosted
/// runner's GITHUB_* context, file commands, the workspace as working
/// directory. `extra` is the step's `env:` (AWS settings, OIDC variables).
pub fn run_action(
    endpoint: &str,
    workspace: &Path,
    inputs: &[(&str, &str)],
    extra: &[(&str, &str)],
) -> Run {
    let child = spawn_action(endpoint, workspace, inputs, extra);
    finish_action(child)
}

/// The binary under test: this build's, or ECOM_DEPLOY_BIN (to show that a
/// test fails on the code before a fix).
pub fn binary() -> String {
    std::env::var("ECOM_DEPLOY_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_ecom-deploy").to_string())
}

/// Start the binary through the harness without waiting (for signal tests).
pub fn spawn_action(
    endpoint: &str,
    workspace: &Path,
    inputs: &[(&str, &str)],
    extra: &[(&str, &str)],
) -> Child {
    let inputs: serde_json::Map<String, serde_json::Value> = inputs
        .iter()
        .map(|(k, v)| (k.to_string(), serde_json::Value::from(*v)))
        .collect();
    let mut env = serde_json::Map::new();
    for (k, v) in [
        ("AWS_ENDPOINT_URL", endpoint),
        ("AWS_REGION", "us-east-1"),
        ("AWS_ACCESS_KEY_ID", "testing"),
        ("AWS_SECRET_ACCESS_KEY", "testing"),
        ("AWS_EC2_METADATA_DISABLED", "true"),
    ] {
        env.insert(k.into(), v.into());
    }
    for (k, v) in extra {
        env.insert(k.to_string(), serde_json::Value::from(*v));
    }
    Command::new(python())
        .arg(root().join("tests/integration/support/runner.py"))
        .arg("--binary")
        .arg(binary())
        .arg("--workspace")
        .arg(workspace)
        .args([
            "--inputs-json",
            &serde_json::Value::Object(inputs).to_string(),
        ])
        .args(["--env-json", &serde_json::Value::Object(env).to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tests/integration/support/runner.py")
}

pub fn finish_action(child: Child) -> Run {
    let out = child.wait_with_output().expect("runner.py");
    assert!(
        out.status.success(),
        "runner.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).expect("runner.py prints JSON");
    let text = |k: &str| r[k].as_str().unwrap_or_default().to_string();
    Run {
        code: r["code"].as_i64().unwrap_or(-1) as i32,
        stdout: text("stdout"),
        stderr: text("stderr"),
        outputs: r["outputs"]
            .as_object()
            .map(|o| {
                o.iter()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                    .collect()
            })
            .unwrap_or_default(),
        summary: text("summary"),
        inputs: r["env"]
            .as_object()
            .map(|o| {
                o.iter()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// An SDK config pointed at moto, for assertions.
pub async fn sdk() -> aws_config::SdkConfig {
    aws_config::defaults(aws_config::BehaviorVersion::latest())
        .endpoint_url(moto())
        .region(aws_config::Region::new("us-east-1"))
        .load()
        .await
}

/// A workspace holding a small Lambda source tree at `src/`.
pub fn lambda_workspace(body: &str) -> tempfile::TempDir {
    let ws = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(ws.path().join("src/__pycache__")).unwrap();
    std::fs::write(ws.path().join("src/app.py"), body).unwrap();
    std::fs::write(
        ws.path().join("src/__pycache__/app.cpython-312.pyc"),
        b"junk",
    )
    .unwrap();
    ws
}

/// Whether the strict proxy applied `behaviour` to this logged call.
pub fn strict_hit(entry: &serde_json::Value, behaviour: &str) -> bool {
    entry["strict"]
        .as_array()
        .is_some_and(|a| a.iter().any(|b| b == behaviour))
}

/// Operations that change something (everything but reads).
pub fn mutating(calls: &[String]) -> Vec<String> {
    calls
        .iter()
        .filter(|c| {
            let read = c.starts_with("GET ")
                || c.starts_with("Describe")
                || c.starts_with("List")
                || c.starts_with("Get");
            !read
        })
        .cloned()
        .collect()
}
