//! GitHub Deployments: recorded through a fake GitHub API on loopback.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use serde_json::{json, Value};

use crate::support::*;

type Seen = Arc<Mutex<Vec<(String, Value)>>>;

/// A fake GitHub REST API: answers deployments and statuses, or `status` to everything.
fn github(status: u16) -> (String, Seen) {
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
    let run = run_action(&moto(), ws.path(), &inputs(&f), &[("GITHUB_API_URL", &api)]);
    assert_eq!(run.code, 0, "{run:?}");
    let seen = seen.lock().unwrap().clone();
    let paths: Vec<&str> = seen.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "POST /repos/shop/catalog/deployments",
            "POST /repos/shop/catalog/deployments/77/statuses",
            "POST /repos/shop/catalog/deployments/77/statuses"
        ]
    );
    assert_eq!(seen[0].1["ref"], "0123456789abcdef0123456789abcdef01234567");
    assert_eq!(seen[0].1["environment"], "dev");
    assert_eq!(seen[1].1["state"], "in_progress");
    assert_eq!(seen[2].1["state"], "success");
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
    let run = run_action(
        &moto(),
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
    let run = run_action(&moto(), ws.path(), &inputs(&f), &[("GITHUB_API_URL", &api)]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains("::warning::cannot create a deployment"),
        "{run:?}"
    );
    assert!(
        run.stdout.contains("permissions: deployments: write"),
        "{run:?}"
    );
}
