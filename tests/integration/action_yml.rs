//! action.yml declares exactly the inputs (with the same defaults) and the
//! outputs that the binary reads and writes.

use ecom_deploy::github::inputs::INPUTS;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct Action {
    inputs: BTreeMap<String, Input>,
    outputs: BTreeMap<String, Output>,
    runs: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct Input {
    description: String,
    #[serde(default)]
    default: Option<String>,
}

#[derive(Deserialize)]
struct Output {
    description: String,
}

fn action() -> Action {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/action.yml")).unwrap();
    serde_saphyr::from_str(&text).unwrap()
}

#[test]
fn inputs_and_defaults_match_the_code() {
    let a = action();
    let declared: Vec<&str> = a.inputs.keys().map(String::as_str).collect();
    let mut code: Vec<&str> = INPUTS.iter().map(|(n, _)| *n).collect();
    code.sort();
    assert_eq!(declared, code);
    for (name, default) in INPUTS {
        let i = &a.inputs[*name];
        assert!(!i.description.is_empty(), "{name} has no description");
        let d = i.default.clone().unwrap_or_default();
        // github-token's default is an expression GitHub evaluates.
        if *name != "github-token" {
            assert_eq!(d, *default, "default of {name}");
        }
    }
}

#[test]
fn outputs_match_what_the_modes_write() {
    let a = action();
    let mut written: Vec<&str> = ecom_deploy::deploy::lambda::Outcome::default()
        .outputs()
        .iter()
        .map(|(k, _)| *k)
        .collect();
    written.extend(
        ecom_deploy::deploy::ecs::Outcome::default()
            .outputs()
            .iter()
            .map(|(k, _)| *k),
    );
    written.sort();
    written.dedup();
    let declared: Vec<&str> = a.outputs.keys().map(String::as_str).collect();
    assert_eq!(declared, written);
    assert!(a.outputs.values().all(|o| !o.description.is_empty()));
    assert_eq!(a.runs["using"], "docker");
    assert!(
        a.runs["image"].starts_with("docker://"),
        "a release runs a prebuilt image"
    );
}
