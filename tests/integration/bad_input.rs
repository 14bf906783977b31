//! Bad input: one clear error line naming the input and the fix, exit 1,
//! and nothing changed in AWS.

use std::io::Write;

use crate::support::*;

fn assert_one_error(run: &Run, input: &str) {
    assert_eq!(run.code, 1, "{run:?}");
    let errors = run.errors();
    assert_eq!(errors.len(), 1, "exactly one error line expected: {run:?}");
    assert!(
        errors[0].contains(&format!("input `{input}`")),
        "{}",
        errors[0]
    );
    assert!(errors[0].contains("Fix: "), "{}", errors[0]);
}

#[test]
fn unknown_mode() {
    let proxy = Proxy::start();
    let ws = lambda_workspace("x = 1\n");
    let run = run_action(&proxy.url, ws.path(), &[("mode", "kubernetes")], &[]);
    assert_one_error(&run, "mode");
    assert!(proxy.calls().is_empty(), "{:?}", proxy.calls());
}

#[test]
fn missing_function_changes_nothing() {
    let proxy = Proxy::start();
    let ws = lambda_workspace("x = 1\n");
    let name = unique("nope");
    let run = run_action(
        &proxy.url,
        ws.path(),
        &[
            ("mode", "lambda"),
            ("function-name", &name),
            ("source", "src"),
        ],
        &[],
    );
    assert_one_error(&run, "function-name");
    assert!(run.errors()[0].contains("does not exist"), "{run:?}");
    assert_eq!(mutating(&proxy.calls()), Vec::<String>::new());
}

#[test]
fn missing_directory() {
    let proxy = Proxy::start();
    let ws = tempfile::tempdir().unwrap();
    let run = run_action(
        &proxy.url,
        ws.path(),
        &[
            ("mode", "lambda"),
            ("function-name", "catalog"),
            ("source", "does-not-exist"),
        ],
        &[],
    );
    assert_one_error(&run, "source");
    assert!(proxy.calls().is_empty());
}

#[test]
fn archive_over_the_direct_upload_limit() {
    let proxy = Proxy::start();
    let ws = tempfile::tempdir().unwrap();
    // 51 MB of incompressible bytes, stored: a valid zip over Lambda's 50 MB limit.
    let mut z = zip::ZipWriter::new(std::fs::File::create(ws.path().join("big.zip")).unwrap());
    z.start_file(
        "blob.bin",
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored),
    )
    .unwrap();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let chunk: Vec<u8> = (0..1024 * 1024)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    for _ in 0..51 {
        z.write_all(&chunk).unwrap();
    }
    z.finish().unwrap();
    let run = run_action(
        &proxy.url,
        ws.path(),
        &[
            ("mode", "lambda"),
            ("function-name", "catalog"),
            ("source", "big.zip"),
        ],
        &[],
    );
    assert_one_error(&run, "source");
    assert!(run.errors()[0].contains("direct-upload limit"), "{run:?}");
    assert!(proxy.calls().is_empty());
}

#[test]
fn malformed_arn_and_json() {
    let proxy = Proxy::start();
    let ws = lambda_workspace("x = 1\n");
    let run = run_action(
        &proxy.url,
        ws.path(),
        &[
            ("mode", "lambda"),
            ("function-name", "arn:aws:lambda:us-east-1:12:function:x"),
            ("source", "src"),
        ],
        &[],
    );
    assert_one_error(&run, "function-name");
    let run = run_action(
        &proxy.url,
        ws.path(),
        &[
            ("mode", "lambda"),
            ("function-name", "catalog"),
            ("source", "src"),
            ("check-payload", "{not json"),
        ],
        &[],
    );
    assert_one_error(&run, "check-payload");
    let run = run_action(
        &proxy.url,
        ws.path(),
        &[
            ("mode", "lambda"),
            ("function-name", "catalog"),
            ("source", "src"),
            ("role-to-assume", "arn:aws:iam::1:role/x"),
        ],
        &[],
    );
    assert_one_error(&run, "role-to-assume");
    assert!(proxy.calls().is_empty(), "{:?}", proxy.calls());
}
