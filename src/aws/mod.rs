//! AWS client setup: region, retries, and credentials, either from GitHub
//! OIDC (STS AssumeRoleWithWebIdentity) or from the default chain.

use aws_config::retry::RetryConfig;
use aws_config::{BehaviorVersion, Region, SdkConfig};
use aws_credential_types::provider::SharedCredentialsProvider;
use aws_credential_types::Credentials;

use crate::error::{DeployError, Result};
use crate::github::{inputs::Inputs, oidc, runtime::Runtime};

pub struct Clients {
    pub config: SdkConfig,
    /// How the credentials were obtained, for the log and summary.
    pub identity: String,
}

/// Build the SDK config. Throttling and transient errors are retried by the
/// SDK's standard mode (exponential backoff with jitter, 6 attempts).
pub async fn connect(inputs: &Inputs, rt: &Runtime) -> Result<Clients> {
    let mut loader = aws_config::defaults(BehaviorVersion::latest())
        .retry_config(RetryConfig::standard().with_max_attempts(6));
    if let Some(region) = inputs.get("aws-region") {
        validate_region(region)?;
        loader = loader.region(Region::new(region.to_string()));
    }
    let base = loader.load().await;
    if base.region().is_none() {
        return Err(DeployError::input(
            "aws-region",
            "no region is set (neither the input nor AWS_REGION)",
            "set `aws-region`, e.g. eu-west-1",
        ));
    }
    let Some(role) = inputs.get("role-to-assume") else {
        return Ok(Clients {
            config: base,
            identity: "default AWS credential chain".into(),
        });
    };
    validate_role_arn(role)?;
    let duration = role_duration(inputs)? as i32;
    let audience = inputs.get("audience").unwrap_or("sts.amazonaws.com");

    let token = oidc::fetch_token(audience).await?;
    rt.mask(&token);
    let session = session_name(
        &std::env::var("GITHUB_REPOSITORY").unwrap_or_default(),
        &std::env::var("GITHUB_RUN_ID").unwrap_or_default(),
    );
    rt.info(format!(
        "assuming {role} through GitHub OIDC (session {session})"
    ));
    // The STS call gets its own deadline; the SDK's standard retry mode
    // covers throttling and 5xx, and `transient_sts` what STS reports as a
    // client error although it passes on a later try.
    let sts_config = aws_sdk_sts::config::Builder::from(&base)
        .timeout_config(
            aws_config::timeout::TimeoutConfig::builder()
                .operation_attempt_timeout(STS_ATTEMPT_TIMEOUT)
                .build(),
        )
        .build();
    let sts = aws_sdk_sts::Client::from_conf(sts_config);
    let mut attempt = 1;
    let out = loop {
        let r = sts
            .assume_role_with_web_identity()
            .role_arn(role)
            .role_session_name(&session)
            .web_identity_token(&token)
            .duration_seconds(duration)
            .send()
            .await;
        match r {
            Ok(out) => break out,
            Err(e) if attempt < STS_ATTEMPTS && transient_sts(&e) => {
                let wait = backoff(attempt);
                rt.info(format!(
                    "STS AssumeRoleWithWebIdentity: {} (transient); retrying in {} ms (attempt {}/{STS_ATTEMPTS})",
                    crate::error::aws_code(&e).unwrap_or("error"),
                    wait.as_millis(),
                    attempt + 1
                ));
                tokio::time::sleep(wait).await;
                attempt += 1;
            }
            Err(e) => {
                let code = crate::error::aws_code(&e).unwrap_or_default().to_string();
                let sub = oidc::claim(&token, "sub").unwrap_or_else(|| "<unreadable>".into());
                return Err(
                    if code == "AccessDenied" || code == "InvalidIdentityToken" {
                        DeployError::Credentials(format!(
                        "STS refused to let this workflow assume {role} ({code}). The role's trust policy must allow \
                         token.actions.githubusercontent.com:sub = \"{sub}\" and aud = \"{audience}\"; fix the trust \
                         policy's repository, branch or environment condition"
                    ))
                    } else {
                        crate::error::aws(format!("STS AssumeRoleWithWebIdentity for {role}"), e)
                    },
                );
            }
        }
    };
    let c = out
        .credentials()
        .ok_or_else(|| DeployError::Credentials("STS returned no credentials".into()))?;
    rt.mask(c.access_key_id());
    rt.mask(c.secret_access_key());
    rt.mask(c.session_token());
    let creds = Credentials::new(
        c.access_key_id(),
        c.secret_access_key(),
        Some(c.session_token().to_string()),
        std::time::SystemTime::try_from(*c.expiration()).ok(),
        "github-oidc",
    );
    let config = base
        .to_builder()
        .credentials_provider(SharedCredentialsProvider::new(creds))
        .build();
    Ok(Clients {
        config,
        identity: format!("role {role} via GitHub OIDC"),
    })
}

const STS_ATTEMPTS: u32 = 6;
const STS_ATTEMPT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(20);

/// Errors STS answers although the same request passes on a later try: the
/// identity provider's keys could not be fetched (InvalidIdentityToken
/// "Couldn't retrieve verification key from your identity provider"), or the
/// provider could not be reached (IDPCommunicationError). Both are retried by
/// aws-actions/configure-aws-credentials.
fn transient_sts<E: aws_sdk_sts::error::ProvideErrorMetadata>(e: &E) -> bool {
    match e.code() {
        Some("IDPCommunicationError") => true,
        Some("InvalidIdentityToken") => e
            .message()
            .is_some_and(|m| m.contains("Couldn't retrieve verification key")),
        _ => false,
    }
}

/// Exponential backoff with jitter: about 0.5 s, 1 s, 2 s, 4 s … capped at 8 s.
pub fn backoff(attempt: u32) -> std::time::Duration {
    let base = 500u64 << attempt.saturating_sub(1).min(4);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos() as u64)
        .unwrap_or(0);
    std::time::Duration::from_millis(base.min(8_000) + nanos % (base / 4 + 1))
}

/// `ecom-deploy-<repo>-<run id>`, limited to STS's character set and 64 characters.
pub fn session_name(repo: &str, run_id: &str) -> String {
    let raw = format!("ecom-deploy-{}-{}", repo.replace('/', "-"), run_id);
    let clean: String = raw
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "=,.@_-".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect();
    let trimmed = clean.trim_end_matches('-');
    if trimmed.len() <= 64 {
        return trimmed.to_string();
    }
    // Keep the run id (the useful end) when the repo name is long.
    let tail = format!(
        "-{}",
        run_id
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
    );
    let head: String = clean.chars().take(64 - tail.len().min(64)).collect();
    format!("{head}{tail}").chars().take(64).collect()
}

/// The assumed role's session length in seconds (`role-duration-seconds`, 900 to 43200).
pub fn role_duration(inputs: &Inputs) -> Result<u64> {
    Ok(inputs
        .int("role-duration-seconds", 900, 43_200)?
        .unwrap_or(3600) as u64)
}

/// A 12-digit AWS account ID.
pub fn is_account_id(s: &str) -> bool {
    s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit())
}

fn validate_role_arn(arn: &str) -> Result<()> {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    let ok = parts.len() == 6
        && parts[0] == "arn"
        && parts[1].starts_with("aws")
        && parts[2] == "iam"
        && parts[3].is_empty()
        && is_account_id(parts[4])
        && parts[5].starts_with("role/")
        && parts[5].len() > 5;
    if ok {
        Ok(())
    } else {
        Err(DeployError::input(
            "role-to-assume",
            format!("`{arn}` is not an IAM role ARN"),
            "use arn:aws:iam::<12-digit account>:role/<name>",
        ))
    }
}

fn validate_region(region: &str) -> Result<()> {
    let ok = region.split('-').count() >= 3
        && region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(DeployError::input(
            "aws-region",
            format!("`{region}` is not an AWS region name"),
            "use a region such as eu-west-1 or us-east-1",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_name_is_sanitized_and_bounded() {
        assert_eq!(
            session_name("shop/catalog", "42"),
            "ecom-deploy-shop-catalog-42"
        );
        let long = session_name(&format!("org/{}", "x".repeat(100)), "123456789");
        assert!(long.len() <= 64, "{long}");
        assert!(long.ends_with("-123456789"), "{long}");
        assert!(session_name("a b/c!", "1")
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "=,.@_-".contains(c)));
    }

    #[test]
    fn role_arn_is_validated() {
        assert!(validate_role_arn("arn:aws:iam::123456789012:role/deploy").is_ok());
        assert!(validate_role_arn("arn:aws:iam::123456789012:user/deploy").is_err());
        assert!(validate_role_arn("arn:aws:iam::1234:role/deploy").is_err());
        assert!(validate_role_arn("deploy").is_err());
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        assert!(backoff(1) >= std::time::Duration::from_millis(500));
        assert!(backoff(2) >= std::time::Duration::from_millis(1000));
        assert!(backoff(20) <= std::time::Duration::from_millis(10_001));
    }

    #[test]
    fn region_is_validated() {
        assert!(validate_region("eu-west-1").is_ok());
        assert!(validate_region("Europe").is_err());
    }
}
