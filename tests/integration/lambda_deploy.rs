//! Lambda mode end to end: the release binary, run as the runner runs it,
//! against moto behind the strict proxy (update InProgress, new RevisionId on
//! completion, 412 on a stale one, Pending versions).

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

fn invoke_op(f: &str) -> String {
    format!("POST /2015-03-31/functions/{f}/invocations")
}

/// A fake Invoke answer for one qualifier (moto cannot run code without Docker).
fn invoke_answer(
    f: &str,
    qualifier: &str,
    function_error: bool,
    body: serde_json::Value,
) -> serde_json::Value {
    let mut headers = json!({"Content-Type": "application/json"});
    if function_error {
        headers["X-Amz-Function-Error"] = json!("Unhandled");
    }
    json!({
        "op": invoke_op(f), "path_contains": format!("Qualifier={qualifier}"),
        "action": "respond", "status": 200, "headers": headers, "body": body
    })
}

const CHECK: [(&str, &str); 2] = [
    ("check-payload", r#"{"rawPath":"/health"}"#),
    ("check-expect", r#"{"statusCode":200}"#),
];

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
    assert!(first.summary.contains("Lambda deploy"), "{}", first.summary);

    // The strict proxy held the update InProgress and gave the function a
    // new RevisionId on completion; PublishVersion carried that one.
    let log = proxy.log();
    assert!(
        log.iter()
            .any(|e| strict_hit(e, "lambda.update_in_progress")),
        "the update was never reported InProgress: {log:?}"
    );
    let publish = proxy.requests(&format!("POST /2015-03-31/functions/{f}/versions"));
    assert_eq!(publish.len(), 1, "{publish:?}");
    assert!(publish[0]["RevisionId"].is_string(), "{publish:?}");

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
async fn a_failed_check_of_the_new_version_never_moves_the_alias() {
    let f = unique("catalog");
    let seeded = seed(&["lambda", &f]);
    let before = seeded["version"].as_str().unwrap().to_string();
    let ws = lambda_workspace("def handler(event, context):\n    raise RuntimeError('boom')\n");
    let proxy = Proxy::start();
    // The new version (any numeric qualifier) answers with a function error.
    proxy.rules(json!([{
        "op": invoke_op(&f), "action": "respond", "status": 200,
        "headers": {"Content-Type": "application/json", "X-Amz-Function-Error": "Unhandled"},
        "body": {"errorMessage": "boom", "errorType": "RuntimeError"}
    }]));
    let run = run_action(&proxy.url, ws.path(), &inputs(&f, &CHECK), &[]);
    assert_eq!(run.code, 1, "{run:?}");
    let errors = run.errors();
    assert_eq!(errors.len(), 1, "{run:?}");
    assert!(
        errors[0].contains("title=Post-deploy check failed"),
        "{}",
        errors[0]
    );
    assert!(errors[0].contains("boom"), "{}", errors[0]);
    assert!(
        errors[0].contains(&format!("was not moved; it still serves version {before}")),
        "{}",
        errors[0]
    );
    assert_eq!(alias_version(&f).await, before);
    let log = proxy.log();
    let invoked: Vec<&str> = log
        .iter()
        .filter(|e| e["op"] == invoke_op(&f))
        .filter_map(|e| e["path"].as_str())
        .collect();
    assert_eq!(invoked.len(), 1, "{invoked:?}");
    assert!(
        !invoked[0].contains("Qualifier=live") && invoked[0].contains("Qualifier="),
        "the check invokes the new version by its number: {invoked:?}"
    );
    assert!(
        !proxy
            .calls()
            .iter()
            .any(|c| c.contains("/aliases/") && c.starts_with("PUT")),
        "no alias update may happen: {:?}",
        proxy.calls()
    );
}

#[tokio::test]
async fn a_check_failing_through_the_alias_rolls_it_back() {
    let f = unique("catalog");
    let seeded = seed(&["lambda", &f]);
    let before = seeded["version"].as_str().unwrap().to_string();
    let ws = lambda_workspace(HANDLER);
    let proxy = Proxy::start();
    proxy.rules(json!([
        invoke_answer(&f, "live", false, json!({"statusCode": 502})),
        {"op": invoke_op(&f), "action": "respond", "status": 200,
         "headers": {"Content-Type": "application/json"}, "body": {"statusCode": 200}}
    ]));
    let run = run_action(&proxy.url, ws.path(), &inputs(&f, &CHECK), &[]);
    assert_eq!(run.code, 1, "{run:?}");
    let e = run.errors();
    assert_eq!(e.len(), 1, "{run:?}");
    assert!(e[0].contains("502"), "{}", e[0]);
    assert!(
        e[0].contains(&format!("was rolled back to version {before}")),
        "{}",
        e[0]
    );
    assert_eq!(alias_version(&f).await, before);
}

#[tokio::test]
async fn the_check_reason_survives_a_failed_rollback() {
    let f = unique("catalog");
    seed(&["lambda", &f]);
    let ws = lambda_workspace(HANDLER);
    let proxy = Proxy::start();
    let alias_op = format!("PUT /2015-03-31/functions/{f}/aliases/live");
    proxy.rules(json!([
        invoke_answer(&f, "live", false, json!({"statusCode": 503})),
        {"op": invoke_op(&f), "action": "respond", "status": 200,
         "headers": {"Content-Type": "application/json"}, "body": {"statusCode": 200}},
        // The first UpdateAlias (the move) passes; the rollback's fails.
        {"op": alias_op, "after": 1, "action": "respond", "status": 500,
         "headers": {"Content-Type": "application/json", "X-Amzn-Errortype": "ServiceException"},
         "body": {"Type": "Service", "message": "Lambda is unavailable"}}
    ]));
    let run = run_action(&proxy.url, ws.path(), &inputs(&f, &CHECK), &[]);
    assert_eq!(run.code, 1, "{run:?}");
    let e = run.errors();
    assert_eq!(e.len(), 1, "{run:?}");
    assert!(
        e[0].contains("does not contain") && e[0].contains("503"),
        "the check's reason is kept: {}",
        e[0]
    );
    assert!(e[0].contains("could NOT be rolled back"), "{}", e[0]);
    assert!(e[0].contains("move it back by hand"), "{}", e[0]);
}

#[tokio::test]
async fn passing_check_runs_before_the_alias_moves() {
    let f = unique("catalog");
    seed(&["lambda", &f]);
    let ws = lambda_workspace(HANDLER);
    let proxy = Proxy::start();
    proxy.rules(json!([{
        "op": invoke_op(&f), "action": "respond", "status": 200,
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
    let version = run.out("version").to_string();
    assert_eq!(alias_version(&f).await, version);
    let log = proxy.log();
    let pos = |pred: &dyn Fn(&serde_json::Value) -> bool| log.iter().position(pred);
    let check_version = pos(&|e| {
        e["op"] == invoke_op(&f)
            && e["path"]
                .as_str()
                .unwrap_or("")
                .contains(&format!("Qualifier={version}"))
    })
    .expect("the new version is invoked by its number");
    let move_alias = pos(&|e| e["op"] == format!("PUT /2015-03-31/functions/{f}/aliases/live"))
        .expect("the alias moves");
    assert!(check_version < move_alias, "check before traffic moves");
}

#[tokio::test]
async fn alias_moved_by_someone_else_is_refused_by_its_revision_id() {
    let f = unique("catalog");
    let seeded = seed(&["lambda", &f]);
    let ws = lambda_workspace(HANDLER);
    let proxy = Proxy::start();
    let other = seeded["other_version"].as_str().unwrap().to_string();
    let alias_path = format!("/2015-03-31/functions/{f}/aliases/live");
    // Just before this deploy moves the alias, another actor moves it (through
    // the strict layer, which gives the alias a new RevisionId).
    proxy.rules(json!([{
        "op": format!("PUT {alias_path}"), "times": 1,
        "action": "pre",
        "pre": {"method": "PUT", "path": alias_path, "body": {"FunctionVersion": other}}
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
    let update = proxy.requests(&format!("PUT {alias_path}"));
    assert!(
        update.iter().all(|u| u["RevisionId"].is_string()),
        "every UpdateAlias carries the RevisionId it read: {update:?}"
    );
}

#[tokio::test]
async fn an_image_function_is_refused_naming_the_input() {
    let f = unique("catalog");
    seed(&["lambda", &f]);
    let ws = lambda_workspace(HANDLER);
    let proxy = Proxy::start();
    proxy.rules(json!([{
        "op": format!("GET /2015-03-31/functions/{f}/configuration"), "action": "patch",
        "patch": {"PackageType": "Image"}
    }]));
    let run = run_action(&proxy.url, ws.path(), &inputs(&f, &[]), &[]);
    assert_eq!(run.code, 1, "{run:?}");
    let e = run.errors();
    assert_eq!(e.len(), 1, "{run:?}");
    assert!(
        e[0].contains("input `function-name`") && e[0].contains("container-image"),
        "{}",
        e[0]
    );
    assert_eq!(mutating(&proxy.calls()), Vec::<String>::new());
}
