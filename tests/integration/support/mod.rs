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

/// Run the release binary as GitHub runs a container action: INPUT_* variables,
/// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, a workspace, and nothing else
/// from the test's environment but AWS settings.
pub fn run_action(
    endpoint: &str,
    workspace: &Path,
    inputs: &[(&str, &str)],
    extra: &[(&str, &str)],
) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("output");
    let summary = dir.path().join("summary");
    std::fs::write(&output, "").unwrap();
    std::fs::write(&summary, "").unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ecom-deploy"));
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", dir.path())
        .env("AWS_ENDPOINT_URL", endpoint)
        .env("AWS_REGION", "us-east-1")
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("GITHUB_ACTIONS", "true")
        .env("GITHUB_OUTPUT", &output)
        .env("GITHUB_STEP_SUMMARY", &summary)
        .env("GITHUB_WORKSPACE", workspace)
        .env("GITHUB_REPOSITORY", "shop/catalog")
        .env("GITHUB_RUN_ID", "4242")
        .env("GITHUB_SHA", "0123456789abcdef0123456789abcdef01234567");
    for (k, v) in inputs {
        cmd.env(format!("INPUT_{}", k.to_uppercase()), v);
    }
    for (k, v) in extra {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run ecom-deploy");
    let text = std::fs::read_to_string(&output).unwrap();
    let mut outputs = BTreeMap::new();
    for line in text.lines() {
        if let Some((k, v)) = line.split_once('=') {
            outputs.insert(k.to_string(), v.to_string());
        }
    }
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        outputs,
        summary: std::fs::read_to_string(&summary).unwrap(),
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
