//! GitHub Deployments: recorded through a fake GitHub API on loopback.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use serde_json::{json, Value};

use crate::support::*;

type Seen = Arc<Mutex<Vec<(String, Value)>>>;

/// A fake GitHub REST API: answers deployments and statuses, or `status` to everything.
fn github(status: u16) -> (String, Seen) {
    github_with(status, None)
}

/// As `github`, with a deployment GitHub already created for this job
/// (`environment:` on the job): id 55, whose status links `run_url`.
fn github_with(status: u16, existing: Option<&str>) -> (String, Seen) {
    let existing = existing.map(String::from);
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen: Seen = Arc::new(Mutex::new(Vec::new()));
    let seen2 = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request_line = String::new();
            reader.read_line(&mut request_line).unwrap_or(0);
            let mut length = 0usize;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap_or(());
            let mut parts = request_line.split_whitespace();
            let (method, path) = (
                parts.next().unwrap_or("").to_string(),
                parts.next().unwrap_or("").to_string(),
            );
            let value: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
            seen2
                .lock()
                .unwrap()
                .push((format!("{method} {path}"), value));
            let (code, reply) = if status != 201 {
                (
                    status,
                    json!({"message": "Resource not accessible by integration"}),
                )
            } else if method == "GET" && path.contains("/deployments/55/statuses") {
                let url = existing.clone().unwrap_or_default();
                (
                    200,
                    json!([{"id": 9, "state": "in_progress", "log_url": url, "target_url": url}]),
                )
            } else if method == "GET" && path.contains("/statuses") {
                (200, json!([]))
            } else if method == "GET" {
                match &existing {
                    Some(_) => (
                        200,
                        json!([{"id": 55, "environment": "dev"}, {"id": 54, "environment": "dev"}]),
                    ),
                    None => (200, json!([])),
                }
            } else if path.ends_with("/statuses") {
                (201, json!({"id": 1, "state": "success"}))
            } else {
                (201, json!({"id": 77, "sha": "0123", "environment": "dev"}))
            };
            let text = reply.to_string();
            let mut s = stream;
            let _ = write!(
                s,
                "HTTP/1.1 {code} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
                text.len()
            );
        }
    });
    (url, seen)
}

fn inputs(f: &str) -> Vec<(&str, &str)> {
    vec![
        ("mode", "lambda"),
        ("function-name", f),
        ("source", "src"),
        ("environment", "dev"),
        ("github-token", "ghs_fake_deploy_token_123"),
    ]
}

#[test]
fn a_deploy_is_recorded_in_progress_then_success() {
    let f = unique("catalog");
    seed(&["lambda", &f]);
    let ws = lambda_workspace("def handler(e, c):\n    return 2\n");
    let (api, seen) = github(201);
    let proxy = Proxy::start();
    let run = run_action(
        &proxy.url,
        ws.path(),
        &inputs(&f),
        &[("GITHUB_API_URL", &api)],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let seen = seen.lock().unwrap().clone();
    let posts: Vec<&(String, Value)> = seen
        .iter()
        .filter(|(p, _)| p.starts_with("POST "))
        .collect();
    let paths: Vec<&str> = posts.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "POST /repos/shop/catalog/deployments",
            "POST /repos/shop/catalog/deployments/77/statuses",
            "POST /repos/shop/catalog/deployments/77/statuses"
        ]
    );
    assert_eq!(
        posts[0].1["ref"],
        "0123456789abcdef0123456789abcdef01234567"
    );
    assert_eq!(posts[0].1["environment"], "dev");
    assert_eq!(
        posts[0].1["production_environment"], false,
        "not from the name"
    );
    assert_eq!(posts[1].1["state"], "in_progress");
    assert_eq!(posts[2].1["state"], "success");
    assert_eq!(
        posts[2].1["log_url"],
        "https://github.com/shop/catalog/actions/runs/4242"
    );
    let env_url = posts[2].1["environment_url"].as_str().unwrap_or_default();
    assert!(
        env_url.contains(&format!("/lambda/home?region=us-east-1#/functions/{f}")),
        "{env_url}"
    );
    assert!(run.stdout.contains("::add-mask::ghs_fake_deploy_token_123"));
    let rest: String = run
        .all_text()
        .lines()
        .filter(|l| !l.starts_with("::add-mask::"))
        .collect();
    assert!(
        !rest.contains("ghs_fake_deploy_token_123"),
        "the token leaked"
    );
}

#[test]
fn a_failed_deploy_is_recorded_as_failure() {
    let ws = lambda_workspace("x = 1\n");
    let (api, seen) = github(201);
    let name = unique("missing");
    let proxy = Proxy::start();
    let run = run_action(
        &proxy.url,
        ws.path(),
        &inputs(&name),
        &[("GITHUB_API_URL", &api)],
    );
    assert_eq!(run.code, 1, "{run:?}");
    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.last().unwrap().1["state"], "failure", "{seen:?}");
    assert!(seen.last().unwrap().1["description"]
        .as_str()
        .unwrap()
        .contains("does not exist"));
}

#[test]
fn a_missing_deployments_permission_is_a_warning_not_a_failure() {
    let f = unique("catalog");
    seed(&["lambda", &f]);
    let ws = lambda_workspace("def handler(e, c):\n    return 3\n");
    let (api, _) = github(403);
    let proxy = Proxy::start();
    let run = run_action(
        &proxy.url,
        ws.path(),
        &inputs(&f),
        &[("GITHUB_API_URL", &api)],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains("::warning::cannot list deployments"),
        "{run:?}"
    );
    assert!(
        run.stdout.contains("permissions: deployments: write"),
        "{run:?}"
    );
}

#[test]
fn the_jobs_own_deployment_gets_the_statuses_instead_of_a_second_one() {
    let f = unique("catalog");
    seed(&["lambda", &f]);
    let ws = lambda_workspace("def handler(e, c):\n    return 5\n");
    let (api, seen) = github_with(
        201,
        Some("https://github.com/shop/catalog/actions/runs/4242/job/31"),
    );
    let proxy = Proxy::start();
    let mut i = inputs(&f);
    i.push(("environment-url", "https://dev.shop.example"));
    i.push(("production-environment", "true"));
    let run = run_action(&proxy.url, ws.path(), &i, &[("GITHUB_API_URL", &api)]);
    assert_eq!(run.code, 0, "{run:?}");
    let seen = seen.lock().unwrap().clone();
    let posts: Vec<&(String, Value)> = seen
        .iter()
        .filter(|(p, _)| p.starts_with("POST "))
        .collect();
    let paths: Vec<&str> = posts.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "POST /repos/shop/catalog/deployments/55/statuses",
            "POST /repos/shop/catalog/deployments/55/statuses"
        ],
        "no second deployment: {seen:?}"
    );
    assert_eq!(posts[1].1["environment_url"], "https://dev.shop.example");
    assert!(
        run.stdout.contains("created by GitHub for this job"),
        "{run:?}"
    );
}

#[test]
fn production_environment_comes_from_the_input() {
    let f = unique("catalog");
    seed(&["lambda", &f]);
    let ws = lambda_workspace("def handler(e, c):\n    return 6\n");
    let (api, seen) = github(201);
    let proxy = Proxy::start();
    let mut i = inputs(&f);
    i.retain(|(k, _)| *k != "environment");
    i.push(("environment", "live-eu"));
    i.push(("production-environment", "true"));
    let run = run_action(&proxy.url, ws.path(), &i, &[("GITHUB_API_URL", &api)]);
    assert_eq!(run.code, 0, "{run:?}");
    let seen = seen.lock().unwrap().clone();
    let create = seen
        .iter()
        .find(|(p, _)| p == "POST /repos/shop/catalog/deployments")
        .unwrap();
    assert_eq!(create.1["production_environment"], true);
}

#[test]
fn an_error_after_the_record_exists_ends_it_as_failure() {
    // ECS with an SSM prefix that publishes nothing: the error comes after
    // the deployment record was created.
    let ws = tempfile::tempdir().unwrap();
    std::fs::write(
        ws.path().join("taskdef.yaml"),
        "family: orders\ncontainerDefinitions:\n  - name: orders\n    image: x\n",
    )
    .unwrap();
    let (api, seen) = github(201);
    let proxy = Proxy::start();
    let prefix = format!("/{}/backend/", unique("empty"));
    let run = run_action(
        &proxy.url,
        ws.path(),
        &[
            ("mode", "ecs"),
            ("task-definition", "taskdef.yaml"),
            ("container-name", "orders"),
            ("image", "orders:v1"),
            ("service", "orders"),
            ("infra-parameters", &prefix),
            ("environment", "dev"),
        ],
        &[("GITHUB_API_URL", &api)],
    );
    assert_eq!(run.code, 1, "{run:?}");
    let seen = seen.lock().unwrap().clone();
    let last = seen
        .iter()
        .rev()
        .find(|(p, _)| p.starts_with("POST "))
        .unwrap();
    assert!(last.0.ends_with("/statuses"), "{seen:?}");
    assert_eq!(last.1["state"], "failure", "{seen:?}");
    assert!(
        last.1["description"]
            .as_str()
            .unwrap()
            .contains("no parameters exist"),
        "{seen:?}"
    );
}

#[test]
fn a_cancelled_job_ends_the_record_as_failure() {
    // An ECS deploy whose rollout never completes; the runner cancels the job
    // (docker stop: SIGTERM to the binary, PID 1 in the container).
    let prefix = unique("cancel");
    let seeded = seed(&["ecs", &prefix]);
    let s = |k: &str| seeded[k].as_str().unwrap().to_string();
    let subnets: Vec<&str> = seeded["subnets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let ws = tempfile::tempdir().unwrap();
    std::fs::write(
        ws.path().join("taskdef.yaml"),
        format!("family: {prefix}-orders\nnetworkMode: awsvpc\nrequiresCompatibilities: [FARGATE]\ncpu: \"256\"\nmemory: \"512\"\ncontainerDefinitions:\n  - name: orders\n    image: x\n"),
    )
    .unwrap();
    let (api, seen) = github(201);
    let proxy = Proxy::start();
    proxy.rules(json!([{
        "op": "DescribeServices", "action": "patch",
        "patch": {"services.0.deployments.0.rolloutState": "IN_PROGRESS"}
    }]));
    let (image, cluster, sg, subnets) = (
        format!("{}:v1", s("repo")),
        s("cluster"),
        s("security_group"),
        subnets.join(","),
    );
    let child = spawn_action(
        &proxy.url,
        ws.path(),
        &[
            ("mode", "ecs"),
            ("task-definition", "taskdef.yaml"),
            ("container-name", "orders"),
            ("image", &image),
            ("cluster", &cluster),
            ("service", "orders"),
            ("subnets", &subnets),
            ("security-groups", &sg),
            ("environment", "dev"),
        ],
        &[("GITHUB_API_URL", &api)],
    );
    // Wait until the rollout wait has begun, then cancel.
    let start = std::time::Instant::now();
    let mut child = child;
    while !proxy.calls().iter().any(|c| c == "CreateService") {
        if child.try_wait().unwrap().is_some() {
            panic!(
                "the deploy ended before CreateService: {:?}",
                finish_action(child)
            );
        }
        assert!(
            start.elapsed().as_secs() < 60,
            "the deploy never reached CreateService"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    std::thread::sleep(std::time::Duration::from_millis(500));
    let pid = child.id() as i32;
    // SAFETY: plain kill(2) on a child we spawned.
    unsafe { libc_kill(pid, 15) };
    let run = finish_action(child);
    assert_ne!(run.code, 0, "{run:?}");
    let e = run.errors();
    assert_eq!(e.len(), 1, "{run:?}");
    assert!(e[0].contains("cancelled by SIGTERM"), "{}", e[0]);
    let seen = seen.lock().unwrap().clone();
    let last = seen
        .iter()
        .rev()
        .find(|(p, _)| p.starts_with("POST "))
        .unwrap();
    assert_eq!(last.1["state"], "failure", "{seen:?}");
}

extern "C" {
    #[link_name = "kill"]
    fn libc_kill(pid: i32, sig: i32) -> i32;
}
