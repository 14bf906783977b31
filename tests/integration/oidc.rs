//! Credentials through GitHub OIDC: a fake token service on loopback, STS in
//! moto (or refused through the proxy).

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use crate::support::*;
use base64::Engine;
use serde_json::json;

const REQUEST_TOKEN: &str = "ghs_requesttoken_ABCDEF123456";
const SUB: &str = "repo:shop/catalog:environment:dev";

fn id_token() -> String {
    let b64 = |v: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v);
    let payload = json!({"sub": SUB, "aud": "sts.amazonaws.com", "iss": "https://token.actions.githubusercontent.com"});
    format!(
        "{}.{}.{}",
        b64(br#"{"alg":"RS256","typ":"JWT"}"#),
        b64(payload.to_string().as_bytes()),
        b64(b"signature-bytes")
    )
}

/// A one-thread fake of the runner's token service. Returns its URL and the request lines it saw.
fn token_service() -> (String, Arc<Mutex<Vec<String>>>) {
    flaky_token_service(0)
}

/// The token service answering 503 to the first `failures` requests.
fn flaky_token_service(failures: usize) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!(
        "http://{}/token?api-version=2.0",
        listener.local_addr().unwrap()
    );
    let seen = Arc::new(Mutex::new(Vec::new()));
    let seen2 = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut head = Vec::new();
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                head.push(line.trim_end().to_string());
            }
            let n = {
                let mut seen = seen2.lock().unwrap();
                seen.extend(head);
                seen.iter().filter(|l| l.starts_with("GET ")).count()
            };
            let (status, body) = if n <= failures {
                ("503 Service Unavailable", "{}".to_string())
            } else {
                ("200 OK", json!({ "value": id_token() }).to_string())
            };
            let mut s = stream;
            let _ = write!(s, "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}", body.len(), body);
        }
    });
    (url, seen)
}

fn inputs(f: &str) -> Vec<(&str, &str)> {
    vec![
        ("mode", "lambda"),
        ("function-name", f),
        ("source", "src"),
        (
            "role-to-assume",
            "arn:aws:iam::123456789012:role/ecom-deploy-dev",
        ),
    ]
}

#[test]
fn good_token_assumes_the_role_and_no_credential_is_printed() {
    let f = unique("catalog");
    seed(&["lambda", &f]);
    let ws = lambda_workspace("def handler(e, c):\n    return 1\n");
    let (url, seen) = token_service();
    let proxy = Proxy::start();
    let run = run_action(
        &proxy.url,
        ws.path(),
        &inputs(&f),
        &[
            ("ACTIONS_ID_TOKEN_REQUEST_URL", &url),
            ("ACTIONS_ID_TOKEN_REQUEST_TOKEN", REQUEST_TOKEN),
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("via GitHub OIDC"), "{run:?}");

    let seen = seen.lock().unwrap().join("\n");
    assert!(seen.contains("audience=sts.amazonaws.com"), "{seen}");
    assert!(
        seen.to_lowercase().contains(&format!(
            "authorization: bearer {}",
            REQUEST_TOKEN.to_lowercase()
        )),
        "{seen}"
    );
    let calls = proxy.calls();
    assert_eq!(
        calls.first().map(String::as_str),
        Some("AssumeRoleWithWebIdentity"),
        "{calls:?}"
    );
    // The strict proxy fails the first AssumeRoleWithWebIdentity with STS's
    // transient InvalidIdentityToken; the binary retried it.
    let log = proxy.log();
    let assumes: Vec<&serde_json::Value> = log
        .iter()
        .filter(|e| e["op"] == "AssumeRoleWithWebIdentity")
        .collect();
    assert!(
        assumes.len() >= 2,
        "the transient error was not retried: {assumes:?}"
    );
    assert_eq!(
        assumes[0]["body"]["DurationSeconds"], "3600",
        "default session: {:?}",
        assumes[0]
    );

    // Every secret is masked before use, and none appears anywhere else.
    let masks: Vec<&str> = run
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix("::add-mask::"))
        .collect();
    assert!(
        masks.contains(&id_token().as_str()),
        "the ID token must be masked"
    );
    assert!(
        masks.len() >= 4,
        "token, key id, secret and session token: {masks:?}"
    );
    let rest: String = run
        .all_text()
        .lines()
        .filter(|l| !l.starts_with("::add-mask::"))
        .collect::<Vec<_>>()
        .join("\n");
    for secret in masks.iter().chain([&REQUEST_TOKEN]) {
        assert!(!rest.contains(secret), "a credential leaked: {secret}");
    }

    // Every Lambda call after STS is signed with the assumed role's key (the
    // masked key id), not with the environment's "testing" credentials.
    let lambda_keys: Vec<&str> = log
        .iter()
        .filter(|e| {
            e["op"]
                .as_str()
                .is_some_and(|o| o.contains("/2015-03-31/functions/"))
        })
        .filter_map(|e| e["access_key"].as_str())
        .collect();
    assert!(!lambda_keys.is_empty(), "{log:?}");
    assert!(
        lambda_keys
            .iter()
            .all(|k| *k != "testing" && masks.contains(k)),
        "calls must use the assumed credentials: {lambda_keys:?}"
    );
}

#[test]
fn a_failing_token_service_is_retried() {
    let f = unique("catalog");
    seed(&["lambda", &f]);
    let ws = lambda_workspace("def handler(e, c):\n    return 4\n");
    let (url, seen) = flaky_token_service(2);
    let proxy = Proxy::start();
    let run = run_action(
        &proxy.url,
        ws.path(),
        &inputs(&f),
        &[
            ("ACTIONS_ID_TOKEN_REQUEST_URL", &url),
            ("ACTIONS_ID_TOKEN_REQUEST_TOKEN", REQUEST_TOKEN),
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let gets = seen
        .lock()
        .unwrap()
        .iter()
        .filter(|l| l.starts_with("GET "))
        .count();
    assert_eq!(gets, 3, "two 503s, then the token");
}

#[test]
fn missing_token_variables_name_the_permission() {
    let proxy = Proxy::start();
    let ws = lambda_workspace("x = 1\n");
    let run = run_action(&proxy.url, ws.path(), &inputs("catalog"), &[]);
    assert_eq!(run.code, 1, "{run:?}");
    let errors = run.errors();
    assert_eq!(errors.len(), 1, "{run:?}");
    assert!(
        errors[0].contains("permissions: id-token: write"),
        "{}",
        errors[0]
    );
    assert!(
        proxy.calls().is_empty(),
        "nothing may reach AWS: {:?}",
        proxy.calls()
    );
}

#[test]
fn sts_access_denied_prints_the_sub_claim() {
    let ws = lambda_workspace("x = 1\n");
    let (url, _) = token_service();
    let proxy = Proxy::start();
    proxy.rules(json!([{
        "op": "AssumeRoleWithWebIdentity", "action": "respond", "status": 403,
        "headers": {"Content-Type": "text/xml"},
        "body": "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>Not authorized to perform sts:AssumeRoleWithWebIdentity</Message></Error><RequestId>1</RequestId></ErrorResponse>"
    }]));
    let run = run_action(
        &proxy.url,
        ws.path(),
        &inputs("catalog"),
        &[
            ("ACTIONS_ID_TOKEN_REQUEST_URL", &url),
            ("ACTIONS_ID_TOKEN_REQUEST_TOKEN", REQUEST_TOKEN),
        ],
    );
    assert_eq!(run.code, 1, "{run:?}");
    let errors = run.errors();
    assert_eq!(errors.len(), 1, "{run:?}");
    assert!(errors[0].contains(SUB), "{}", errors[0]);
    assert!(errors[0].contains("trust policy"), "{}", errors[0]);
    // The first try meets STS's transient error (strict proxy) and is
    // retried; AccessDenied is not retried, and nothing else is called.
    assert_eq!(
        mutating(&proxy.calls()),
        vec!["AssumeRoleWithWebIdentity".to_string(); 2]
    );
}

#[test]
fn a_role_session_shorter_than_the_rollout_wait_is_warned() {
    let ws = tempfile::tempdir().unwrap();
    std::fs::write(
        ws.path().join("taskdef.yaml"),
        "family: orders\ncontainerDefinitions:\n  - name: orders\n    image: x\n",
    )
    .unwrap();
    let proxy = Proxy::start();
    let mut inputs = vec![
        ("mode", "ecs"),
        ("task-definition", "taskdef.yaml"),
        ("container-name", "orders"),
        ("image", "orders:v1"),
        ("service", "orders"),
        ("cluster", "shop"),
        ("wait-timeout-minutes", "15"),
        (
            "role-to-assume",
            "arn:aws:iam::123456789012:role/ecom-deploy-dev",
        ),
        ("role-duration-seconds", "900"),
    ];
    let run = run_action(&proxy.url, ws.path(), &inputs, &[]);
    assert!(
        run.stdout.contains(
            "::warning::role-duration-seconds (900) is shorter than wait-timeout-minutes"
        ),
        "{run:?}"
    );
    // The default session (3600 s) outlives the default wait.
    inputs.pop();
    let run = run_action(&proxy.url, ws.path(), &inputs, &[]);
    assert!(
        !run.stdout.contains("::warning::role-duration-seconds"),
        "{run:?}"
    );
}
