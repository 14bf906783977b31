//! Lambda mode end to end: the release binary against moto, through the
//! recording proxy.

use crate::support::*;
use serde_json::json;

const HANDLER: &str = "def handler(event, context):\n    return {'statusCode': 200}\n";

async fn alias_version(function: &str) -> String {
    let lambda = aws_sdk_lambda::Client::new(&sdk().await);
    let a = lambda
        .get_alias()
        .function_name(function)
        .name("live")
        .send()
        .await
        .unwrap();
    a.function_version().unwrap().to_string()
}

fn inputs<'a>(function: &'a str, extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut v = vec![
        ("mode", "lambda"),
        ("function-name", function),
        ("source", "src"),
        ("exclude", "**/__pycache__/**"),
    ];
    v.extend_from_slice(extra);
    v
}

#[tokio::test]
async fn first_deploy_then_unchanged_redeploy_makes_no_mutating_call() {
    let f = unique("catalog");
    let seeded = seed(&["lambda", &f]);
    let ws = lambda_workspace(HANDLER);
    let proxy = Proxy::start();

    let first = run_action(&proxy.url, ws.path(), &inputs(&f, &[]), &[]);
    assert_eq!(first.code, 0, "{first:?}");
    assert_eq!(first.out("changed"), "true");
    assert_eq!(
        first.out("previous-version"),
        seeded["version"].as_str().unwrap()
    );
    assert_ne!(first.out("version"), first.out("previous-version"));
    assert_eq!(
        first.out("function-arn"),
        seeded["function_arn"].as_str().unwrap()
    );
    assert_eq!(alias_version(&f).await, first.out("version"));
    let ops = proxy.calls();
    assert!(ops.iter().any(|o| o.ends_with("/code")), "{ops:?}");
    assert!(first.summary.contains("Lambda deploy"), "{}", first.summary);

    proxy.clear();
    let again = run_action(&proxy.url, ws.path(), &inputs(&f, &[]), &[]);
    assert_eq!(again.code, 0, "{again:?}");
    assert_eq!(again.out("changed"), "false");
    assert_eq!(again.out("version"), first.out("version"));
    assert_eq!(again.out("code-sha256"), first.out("code-sha256"));
    let calls = proxy.calls();
    assert!(!calls.is_empty());
    assert_eq!(
        mutating(&calls),
        Vec::<String>::new(),
        "unchanged re-deploy must only read"
    );
}

#[tokio::test]
async fn failed_check_rolls_the_alias_back() {
    let f = unique("catalog");
    let seeded = seed(&["lambda", &f]);
    let before = seeded["version"].as_str().unwrap().to_string();
    let ws = lambda_workspace("def handler(event, context):\n    raise RuntimeError('boom')\n");
    // moto cannot run Lambda code without Docker: its Invoke answers with an
    // error, which is a failed check as far as the action can tell.
    let run = run_action(
        &moto(),
        ws.path(),
        &inputs(
            &f,
            &[
                ("check-payload", r#"{"rawPath":"/health"}"#),
                ("check-expect", r#"{"statusCode":200}"#),
            ],
        ),
        &[],
    );
    assert_eq!(run.code, 1, "{run:?}");
    let errors = run.errors();
    assert_eq!(errors.len(), 1, "{run:?}");
    assert!(
        errors[0].contains("title=Post-deploy check failed"),
        "{}",
        errors[0]
    );
    assert!(
        errors[0].contains(&format!("rolled back to {before}")),
        "{}",
        errors[0]
    );
    assert_eq!(
        alias_version(&f).await,
        before,
        "alias must point at the previous version again"
    );
    assert!(run.summary.contains("check on"), "{}", run.summary);
}

#[tokio::test]
async fn passing_check_keeps_the_new_version() {
    let f = unique("catalog");
    seed(&["lambda", &f]);
    let ws = lambda_workspace(HANDLER);
    let proxy = Proxy::start();
    // The fake sits at the client boundary: Invoke answers as the real function would.
    proxy.rules(json!([{
        "op": format!("POST /2015-03-31/functions/{f}/invocations"),
        "action": "respond", "status": 200,
        "headers": {"Content-Type": "application/json"},
        "body": {"statusCode": 200, "body": "{\"status\":\"ok\"}"}
    }]));
    let run = run_action(
        &proxy.url,
        ws.path(),
        &inputs(
            &f,
            &[
                ("check-payload", "{}"),
                ("check-expect", r#"{"statusCode":200}"#),
            ],
        ),
        &[],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("check passed"), "{run:?}");
    assert_eq!(alias_version(&f).await, run.out("version"));
}

#[tokio::test]
async fn alias_moved_by_someone_else_is_a_clear_error() {
    let f = unique("catalog");
    let seeded = seed(&["lambda", &f]);
    let ws = lambda_workspace(HANDLER);
    let proxy = Proxy::start();
    let other = seeded["other_version"].as_str().unwrap().to_string();
    // Just before this deploy publishes its version, another actor moves the alias.
    proxy.rules(json!([{
        "op": format!("POST /2015-03-31/functions/{f}/versions"),
        "action": "pre",
        "pre": {"method": "PUT", "path": format!("/2015-03-31/functions/{f}/aliases/live"), "body": {"FunctionVersion": other}}
    }]));
    let run = run_action(&proxy.url, ws.path(), &inputs(&f, &[]), &[]);
    assert_eq!(run.code, 1, "{run:?}");
    let errors = run.errors();
    assert_eq!(errors.len(), 1, "{run:?}");
    assert!(
        errors[0].contains("title=Concurrent deploy"),
        "{}",
        errors[0]
    );
    let moved = format!(
        "moved from version {} to {other}",
        seeded["version"].as_str().unwrap()
    );
    assert!(errors[0].contains(&moved), "{}", errors[0]);
    assert_eq!(
        alias_version(&f).await,
        other,
        "the other deploy's alias must be left alone"
    );
    let calls = proxy.calls();
    assert!(
        !calls.iter().any(|c| c.starts_with("PRE-FAILED")),
        "{calls:?}"
    );
}
