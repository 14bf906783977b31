//! Lambda code deploys: package, skip when unchanged, update code, publish a
//! version, move the alias under a guard, check, and roll back on failure.

use std::path::Path;
use std::time::Duration;

use aws_sdk_lambda::primitives::Blob;
use aws_sdk_lambda::types::{LastUpdateStatus, PackageType, State};
use aws_sdk_lambda::Client;
use serde_json::Value;

use super::package::{self, Package};
use crate::aws::is_account_id;
use crate::error::{aws, aws_code, required, DeployError, Result};
use crate::github::{inputs::Inputs, runtime::Runtime};

/// Everything checked before the first AWS call.
#[derive(Debug)]
pub struct Plan {
    pub function: String,
    pub alias: String,
    pub package: Package,
    pub check: Option<Check>,
}

#[derive(Debug)]
pub struct Check {
    pub payload: Vec<u8>,
    pub expect: Option<Value>,
}

#[derive(Debug, Default)]
pub struct Outcome {
    pub changed: bool,
    pub function_arn: String,
    pub version: String,
    pub previous_version: String,
    pub code_sha256: String,
}

impl Outcome {
    pub fn outputs(&self) -> Vec<(&'static str, String)> {
        vec![
            ("changed", self.changed.to_string()),
            ("function-arn", self.function_arn.clone()),
            ("version", self.version.clone()),
            ("previous-version", self.previous_version.clone()),
            ("code-sha256", self.code_sha256.clone()),
        ]
    }
}

/// Validate the inputs and build the package. No AWS call happens here.
pub fn plan(inputs: &Inputs, workspace: &Path) -> Result<Plan> {
    let function = inputs
        .require("function-name", "in mode lambda")?
        .to_string();
    validate_function_name(&function)?;
    let alias = inputs.get("alias").unwrap_or("live").to_string();
    validate_alias(&alias)?;
    let source = inputs.require("source", "in mode lambda (a directory or a .zip)")?;
    let exclude = package::build_globs(&inputs.list("exclude"))?;
    let check = match (inputs.get("check-payload"), inputs.get("check-expect")) {
        (None, None) => None,
        (None, Some(_)) => {
            return Err(DeployError::input(
                "check-expect",
                "is set without `check-payload`",
                "set `check-payload` to the JSON event to invoke the new version with",
            ))
        }
        (Some(p), e) => {
            serde_json::from_str::<Value>(p).map_err(|err| {
                DeployError::input(
                    "check-payload",
                    format!("is not valid JSON ({err})"),
                    "give a JSON document, e.g. {\"rawPath\":\"/health\"}",
                )
            })?;
            let expect = e
                .map(|e| {
                    serde_json::from_str::<Value>(e).map_err(|err| {
                        DeployError::input(
                            "check-expect",
                            format!("is not valid JSON ({err})"),
                            "give the JSON the response must contain, e.g. {\"statusCode\":200}",
                        )
                    })
                })
                .transpose()?;
            Some(Check {
                payload: p.as_bytes().to_vec(),
                expect,
            })
        }
    };
    let path = workspace.join(source);
    let package = package::package(&path, &exclude, "source")?;
    Ok(Plan {
        function,
        alias,
        package,
        check,
    })
}

/// Accepts a name, a partial ARN (`123456789012:function:name`) or a full ARN, without a qualifier.
pub fn validate_function_name(f: &str) -> Result<()> {
    let name = match f.split(':').collect::<Vec<_>>().as_slice() {
        [name] => Some(*name),
        [acct, "function", name] if is_account_id(acct) => Some(*name),
        ["arn", p, "lambda", region, acct, "function", name]
            if p.starts_with("aws") && !region.is_empty() && is_account_id(acct) =>
        {
            Some(*name)
        }
        _ => None,
    };
    let valid = name.is_some_and(|n| {
        !n.is_empty()
            && n.len() <= 64
            && n.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    });
    if valid {
        Ok(())
    } else {
        Err(DeployError::input(
            "function-name",
            format!("`{f}` is not a Lambda function name or ARN"),
            "use the name (letters, digits, - and _, up to 64) or arn:aws:lambda:<region>:<account>:function:<name>, without a version or alias",
        ))
    }
}

fn validate_alias(a: &str) -> Result<()> {
    let ok = !a.is_empty()
        && a.len() <= 128
        && !a.bytes().all(|b| b.is_ascii_digit())
        && a.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(DeployError::input(
            "alias",
            format!("`{a}` is not a valid alias name"),
            "use letters, digits, - and _ (not only digits), e.g. live",
        ))
    }
}

/// Run the deploy: update the code, publish a version, check that version by
/// its qualifier, and only then move the alias (guarded by its RevisionId).
pub async fn deploy(client: &Client, rt: &Runtime, plan: &Plan) -> Result<Outcome> {
    let f = plan.function.as_str();
    let sha = plan.package.sha256_b64();
    rt.info(format!(
        "package: {} files, {:.2} MB zipped, sha256 {sha}",
        plan.package.files,
        plan.package.bytes.len() as f64 / 1_048_576.0
    ));

    let latest = client.get_function_configuration().function_name(f).send().await.map_err(|e| {
        if aws_code(&e) == Some("ResourceNotFoundException") {
            DeployError::input(
                "function-name",
                format!("function `{f}` does not exist in this account and region"),
                "check the name and `aws-region`; functions are created by the infrastructure (_CloudOps), never by this action",
            )
        } else {
            aws(format!("GetFunctionConfiguration {f}"), e)
        }
    })?;
    if latest.package_type() == Some(&PackageType::Image) {
        return Err(DeployError::input(
            "function-name",
            format!("function `{f}` is a container-image function (PackageType Image); mode lambda deploys zip packages"),
            "point `function-name` at a zip-packaged function, or deploy the image with the infrastructure's image pipeline",
        ));
    }
    let function_arn = required(
        latest.function_arn(),
        "GetFunctionConfiguration",
        "FunctionArn",
    )?;

    let alias = match client
        .get_alias()
        .function_name(f)
        .name(&plan.alias)
        .send()
        .await
    {
        Ok(a) => Some(a),
        Err(e) if aws_code(&e) == Some("ResourceNotFoundException") => None,
        Err(e) => return Err(aws(format!("GetAlias {f}:{}", plan.alias), e)),
    };
    let previous = alias
        .as_ref()
        .and_then(|a| a.function_version())
        .map(String::from);

    if let Some(prev) = &previous {
        let live = client
            .get_function_configuration()
            .function_name(f)
            .qualifier(prev)
            .send()
            .await
            .map_err(|e| aws(format!("GetFunctionConfiguration {f}:{prev}"), e))?;
        if live.code_sha256() == Some(sha.as_str()) {
            rt.info(format!(
                "alias {} already serves this code (version {prev}); nothing to deploy",
                plan.alias
            ));
            return Ok(Outcome {
                changed: false,
                function_arn,
                version: prev.clone(),
                previous_version: prev.clone(),
                code_sha256: sha,
            });
        }
    }

    update_code(client, rt, f, &plan.package).await?;
    let version = publish(client, rt, f, &sha).await?;
    wait_active(client, rt, f, &version).await?;

    if let Some(check) = &plan.check {
        if let Err(reason) = run_check(client, rt, f, &version, check).await {
            return Err(DeployError::CheckFailed {
                function: f.to_string(),
                version,
                alias: plan.alias.clone(),
                alias_state: match &previous {
                    Some(p) => format!("was not moved; it still serves version {p}"),
                    None => "was not created".to_string(),
                },
                reason,
            });
        }
    }

    let alias_revision = move_alias(client, rt, plan, alias.as_ref(), &version).await?;

    // The alias now serves the new version: check it once more through the
    // alias, and move it back if that fails. The check's reason is kept even
    // when the rollback itself fails.
    if let Some(check) = &plan.check {
        if let Err(reason) = run_check(client, rt, f, &plan.alias, check).await {
            let alias_state =
                match rollback(client, rt, plan, previous.as_deref(), alias_revision).await {
                    Ok(state) => state,
                    Err(e) => format!(
                        "could NOT be rolled back ({e}); it still serves version {version}: move it back by hand"
                    ),
                };
            return Err(DeployError::CheckFailed {
                function: f.to_string(),
                version,
                alias: plan.alias.clone(),
                alias_state,
                reason,
            });
        }
    }

    Ok(Outcome {
        changed: true,
        function_arn,
        version,
        previous_version: previous.unwrap_or_default(),
        code_sha256: sha,
    })
}

/// UpdateFunctionCode (waiting out a concurrent update instead of failing),
/// then wait until Lambda reports the update Successful.
async fn update_code(client: &Client, rt: &Runtime, f: &str, pkg: &Package) -> Result<()> {
    let mut attempt = 0;
    loop {
        let r = client
            .update_function_code()
            .function_name(f)
            .zip_file(Blob::new(pkg.bytes.clone()))
            .send()
            .await;
        match r {
            Ok(_) => {
                rt.info(format!("updated code of {f}"));
                return wait_updated(client, rt, f).await;
            }
            Err(e) if aws_code(&e) == Some("ResourceConflictException") && attempt < 90 => {
                attempt += 1;
                if attempt == 1 || attempt % 5 == 0 {
                    rt.info(format!(
                        "another update of {f} is in progress; waiting (attempt {attempt})"
                    ));
                }
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
            Err(e) => return Err(aws(format!("UpdateFunctionCode {f}"), e)),
        }
    }
}

/// Poll until `LastUpdateStatus` is Successful.
async fn wait_updated(client: &Client, rt: &Runtime, f: &str) -> Result<()> {
    for i in 0..300 {
        let c = client
            .get_function_configuration()
            .function_name(f)
            .send()
            .await
            .map_err(|e| aws(format!("GetFunctionConfiguration {f}"), e))?;
        match c.last_update_status() {
            Some(LastUpdateStatus::Successful) | None => return Ok(()),
            Some(LastUpdateStatus::Failed) => {
                return Err(DeployError::Other(format!(
                    "Lambda rejected the new code of {f}: {}",
                    c.last_update_status_reason().unwrap_or("no reason given")
                )))
            }
            _ => {
                if i % 10 == 0 {
                    rt.info(format!("waiting for {f} to finish updating"));
                }
                tokio::time::sleep(POLL).await;
            }
        }
    }
    Err(DeployError::Other(format!(
        "{f} did not finish updating within 5 minutes"
    )))
}

/// PublishVersion of exactly our code. The RevisionId is read after the
/// update completed: Lambda gives the function a new one when the update
/// finishes, so the one UpdateFunctionCode returned is already stale
/// (aws/aws-sdk issue 377). A 412 means someone changed the function after
/// our update; a 409 that another update is running.
async fn publish(client: &Client, rt: &Runtime, f: &str, sha: &str) -> Result<String> {
    let description = match std::env::var("GITHUB_SHA") {
        Ok(s) if !s.is_empty() => format!("ecom-deploy {s}"),
        _ => "ecom-deploy".to_string(),
    };
    for attempt in 1..=30 {
        let now = client
            .get_function_configuration()
            .function_name(f)
            .send()
            .await
            .map_err(|e| aws(format!("GetFunctionConfiguration {f}"), e))?;
        if now.code_sha256() != Some(sha) {
            return Err(DeployError::Other(format!(
                "the code of {f} changed after this deploy updated it (another deploy?); nothing was published. Re-run the job"
            )));
        }
        let r = client
            .publish_version()
            .function_name(f)
            .code_sha256(sha)
            .set_revision_id(now.revision_id().map(String::from))
            .description(&description)
            .send()
            .await;
        match r {
            Ok(out) => {
                let version = required(out.version(), "PublishVersion", "Version")?;
                rt.info(format!("published version {version}"));
                return Ok(version);
            }
            Err(e)
                if matches!(
                    aws_code(&e),
                    Some("ResourceConflictException") | Some("PreconditionFailedException")
                ) && attempt < 30 =>
            {
                rt.info(format!(
                    "PublishVersion {f}: {} ; reading the function again (attempt {attempt})",
                    aws_code(&e).unwrap_or_default()
                ));
                wait_updated(client, rt, f).await?;
            }
            Err(e) => return Err(aws(format!("PublishVersion {f}"), e)),
        }
    }
    unreachable!("the last attempt returns")
}

/// A new version can be Pending before it is Active; the alias moves only to
/// an Active version.
async fn wait_active(client: &Client, rt: &Runtime, f: &str, version: &str) -> Result<()> {
    for i in 0..300 {
        let c = client
            .get_function_configuration()
            .function_name(f)
            .qualifier(version)
            .send()
            .await
            .map_err(|e| aws(format!("GetFunctionConfiguration {f}:{version}"), e))?;
        match c.state() {
            Some(State::Active) | None => return Ok(()),
            Some(State::Failed) | Some(State::Inactive) => {
                return Err(DeployError::Other(format!(
                    "version {version} of {f} is {}: {}; the alias was not moved",
                    c.state().map(|s| s.as_str()).unwrap_or("?"),
                    c.state_reason().unwrap_or("no reason given")
                )))
            }
            _ => {
                if i % 10 == 0 {
                    rt.info(format!("waiting for version {version} to become Active"));
                }
                tokio::time::sleep(POLL).await;
            }
        }
    }
    Err(DeployError::Other(format!(
        "version {version} of {f} did not become Active within 5 minutes; the alias was not moved"
    )))
}

const POLL: Duration = Duration::from_secs(1);

/// Point the alias at `version`, refusing if someone else moved it since we read it.
async fn move_alias(
    client: &Client,
    rt: &Runtime,
    plan: &Plan,
    seen: Option<&aws_sdk_lambda::operation::get_alias::GetAliasOutput>,
    version: &str,
) -> Result<Option<String>> {
    let f = plan.function.as_str();
    let Some(seen) = seen else {
        let out = client
            .create_alias()
            .function_name(f)
            .name(&plan.alias)
            .function_version(version)
            .send()
            .await
            .map_err(|e| aws(format!("CreateAlias {f}:{}", plan.alias), e))?;
        rt.info(format!("created alias {} -> {version}", plan.alias));
        return Ok(out.revision_id().map(String::from));
    };
    let expected = required(seen.function_version(), "GetAlias", "FunctionVersion")?;
    // Lambda checks the RevisionId atomically (412 when it is stale).
    let out = client
        .update_alias()
        .function_name(f)
        .name(&plan.alias)
        .function_version(version)
        .set_revision_id(seen.revision_id().map(String::from))
        .send()
        .await;
    let out = match out {
        Ok(out) => out,
        Err(e) if aws_code(&e) == Some("PreconditionFailedException") => {
            let found = client
                .get_alias()
                .function_name(f)
                .name(&plan.alias)
                .send()
                .await
                .ok()
                .and_then(|a| a.function_version().map(String::from))
                .unwrap_or_else(|| "another version".into());
            return Err(DeployError::AliasMoved {
                function: f.into(),
                alias: plan.alias.clone(),
                expected,
                found,
            });
        }
        Err(e) => return Err(aws(format!("UpdateAlias {f}:{}", plan.alias), e)),
    };
    rt.info(format!(
        "moved alias {} {expected} -> {version}",
        plan.alias
    ));
    Ok(out.revision_id().map(String::from))
}

/// Invoke `qualifier` (a version or the alias) and compare. `Err` carries
/// the reason shown to the user.
async fn run_check(
    client: &Client,
    rt: &Runtime,
    f: &str,
    qualifier: &str,
    check: &Check,
) -> std::result::Result<(), String> {
    rt.info(format!("checking {f}:{qualifier} with check-payload"));
    let out = client
        .invoke()
        .function_name(f)
        .qualifier(qualifier)
        .payload(Blob::new(check.payload.clone()))
        .send()
        .await
        .map_err(|e| format!("invoke failed: {}", aws("Invoke", e)))?;
    let body = out
        .payload()
        .map(|b| String::from_utf8_lossy(b.as_ref()).to_string())
        .unwrap_or_default();
    if let Some(err) = out.function_error() {
        return Err(format!(
            "the function returned an error ({err}): {}",
            shorten(&body)
        ));
    }
    let Some(expect) = &check.expect else {
        return Ok(());
    };
    let got: Value = serde_json::from_str(&body)
        .map_err(|_| format!("the response is not JSON: {}", shorten(&body)))?;
    if contains(&got, expect) {
        rt.info(format!("check of {f}:{qualifier} passed"));
        Ok(())
    } else {
        Err(format!(
            "the response {} does not contain {}",
            shorten(&body),
            expect
        ))
    }
}

/// Move the alias back to `previous` (or remove it if this deploy created it).
async fn rollback(
    client: &Client,
    rt: &Runtime,
    plan: &Plan,
    previous: Option<&str>,
    revision: Option<String>,
) -> Result<String> {
    let f = plan.function.as_str();
    match previous {
        Some(prev) => {
            client
                .update_alias()
                .function_name(f)
                .name(&plan.alias)
                .function_version(prev)
                .set_revision_id(revision)
                .send()
                .await
                .map_err(|e| {
                    aws(
                        format!("rollback: UpdateAlias {f}:{} -> {prev}", plan.alias),
                        e,
                    )
                })?;
            rt.info(format!(
                "rolled alias {} back to version {prev}",
                plan.alias
            ));
            Ok(format!("was rolled back to version {prev}"))
        }
        None => {
            client
                .delete_alias()
                .function_name(f)
                .name(&plan.alias)
                .send()
                .await
                .map_err(|e| aws(format!("rollback: DeleteAlias {f}:{}", plan.alias), e))?;
            rt.info(format!(
                "removed alias {} (this deploy had created it)",
                plan.alias
            ));
            Ok("was removed (this deploy had created it)".into())
        }
    }
}

/// `expect` is contained in `got`: objects by key (recursively), everything else by equality.
pub fn contains(got: &Value, expect: &Value) -> bool {
    match (got, expect) {
        (Value::Object(g), Value::Object(e)) => e
            .iter()
            .all(|(k, v)| g.get(k).is_some_and(|gv| contains(gv, v))),
        _ => got == expect,
    }
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 300 {
        format!("{}…", s.chars().take(300).collect::<String>())
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn contains_is_a_recursive_subset() {
        let got = json!({"statusCode": 200, "body": "{}", "headers": {"a": "1", "b": "2"}});
        assert!(contains(&got, &json!({"statusCode": 200})));
        assert!(contains(&got, &json!({"headers": {"b": "2"}})));
        assert!(!contains(&got, &json!({"statusCode": 500})));
        assert!(!contains(&got, &json!({"missing": 1})));
        assert!(contains(&json!([1, 2]), &json!([1, 2])));
    }

    #[test]
    fn function_names_and_arns() {
        for ok in [
            "catalog",
            "ecom-dev_catalog",
            "123456789012:function:catalog",
            "arn:aws:lambda:eu-west-1:123456789012:function:catalog",
        ] {
            assert!(validate_function_name(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "cat alog",
            "arn:aws:lambda:eu-west-1:123:function:x",
            "arn:aws:lambda:eu-west-1:123456789012:function:x:live",
            &"x".repeat(65),
        ] {
            let e = validate_function_name(bad).unwrap_err().to_string();
            assert!(e.starts_with("input `function-name`"), "{e}");
        }
    }

    #[test]
    fn alias_names() {
        assert!(validate_alias("live").is_ok());
        assert!(validate_alias("1").is_err());
        assert!(validate_alias("a b").is_err());
    }

    fn inputs(pairs: &[(&str, &str)]) -> Inputs {
        let env: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (format!("INPUT_{}", k.to_uppercase()), v.to_string()))
            .collect();
        Inputs::load(env, &[]).unwrap()
    }

    #[test]
    fn plan_rejects_bad_json_naming_the_input() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("app.py"), "x").unwrap();
        let e = plan(
            &inputs(&[
                ("function-name", "f"),
                ("source", "."),
                ("check-payload", "{oops"),
            ]),
            d.path(),
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("input `check-payload`: is not valid JSON"),
            "{e}"
        );
        let e = plan(
            &inputs(&[
                ("function-name", "f"),
                ("source", "."),
                ("check-payload", "{}"),
                ("check-expect", "["),
            ]),
            d.path(),
        )
        .unwrap_err();
        assert!(e.to_string().starts_with("input `check-expect`"), "{e}");
        let e = plan(
            &inputs(&[
                ("function-name", "f"),
                ("source", "."),
                ("check-expect", "{}"),
            ]),
            d.path(),
        )
        .unwrap_err();
        assert!(e.to_string().contains("without `check-payload`"), "{e}");
    }

    #[test]
    fn plan_requires_function_and_source() {
        let d = tempfile::tempdir().unwrap();
        let e = plan(&inputs(&[("source", ".")]), d.path())
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("input `function-name`: required"), "{e}");
        let e = plan(&inputs(&[("function-name", "f")]), d.path())
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("input `source`: required"), "{e}");
    }
}
