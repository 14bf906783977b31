//! The GitHub OIDC token: requested from the runner's token service with the
//! job's request token, for a given audience.

use base64::Engine;

use crate::error::{DeployError, Result};

const URL_VAR: &str = "ACTIONS_ID_TOKEN_REQUEST_URL";
const TOKEN_VAR: &str = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";
const TOKEN_ATTEMPTS: u32 = 4;

/// Fetch an ID token for `audience`. Fails with the fix when the job lacks
/// `permissions: id-token: write` (the runner then sets neither variable).
pub async fn fetch_token(audience: &str) -> Result<String> {
    let url = std::env::var(URL_VAR).ok().filter(|v| !v.is_empty());
    let bearer = std::env::var(TOKEN_VAR).ok().filter(|v| !v.is_empty());
    let (Some(url), Some(bearer)) = (url, bearer) else {
        return Err(DeployError::input(
            "role-to-assume",
            format!("is set, but the job has no OIDC token ({URL_VAR} / {TOKEN_VAR} are not set)"),
            "add `permissions: id-token: write` (and `contents: read`) to the job, or remove `role-to-assume` to use the default credential chain",
        ));
    };
    let sep = if url.contains('?') { '&' } else { '?' };
    let full = format!("{url}{sep}audience={}", urlencode(audience));
    let client = reqwest::Client::builder()
        .connect_timeout(std::time::Duration::from_secs(5))
        .timeout(std::time::Duration::from_secs(15))
        .build()
        .map_err(|e| DeployError::Credentials(format!("HTTP client: {e}")))?;
    // Timeouts, connection errors and 5xx/429 answers are retried with
    // backoff, as @actions/core's getIDToken (and configure-aws-credentials) do.
    let mut attempt = 1;
    let resp = loop {
        let r = client
            .get(&full)
            .bearer_auth(&bearer)
            .header("Accept", "application/json; api-version=2.0")
            .send()
            .await;
        let retry = match &r {
            Ok(resp) => resp.status().is_server_error() || resp.status().as_u16() == 429,
            Err(e) => e.is_timeout() || e.is_connect() || e.is_request(),
        };
        if !retry || attempt >= TOKEN_ATTEMPTS {
            break r.map_err(|e| {
                DeployError::Credentials(format!(
                    "cannot reach the GitHub OIDC token service after {attempt} attempts: {e}"
                ))
            })?;
        }
        tokio::time::sleep(crate::aws::backoff(attempt)).await;
        attempt += 1;
    };
    let status = resp.status();
    if !status.is_success() {
        return Err(DeployError::Credentials(format!(
            "the GitHub OIDC token service answered HTTP {status} (after {attempt} attempts); check that the job has `permissions: id-token: write`"
        )));
    }
    #[derive(serde::Deserialize)]
    struct TokenResponse {
        value: String,
    }
    let body: TokenResponse = resp.json().await.map_err(|e| {
        DeployError::Credentials(format!(
            "unexpected answer from the OIDC token service: {e}"
        ))
    })?;
    Ok(body.value)
}

/// A claim from the token's payload, for error messages (the token is not verified here; STS does that).
pub fn claim(token: &str, name: &str) -> Option<String> {
    let payload = token.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    let json: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    json.get(name)?.as_str().map(String::from)
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sub_claim() {
        let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .encode(br#"{"sub":"repo:shop/catalog:ref:refs/heads/main"}"#);
        let token = format!("eyJhbGciOiJSUzI1NiJ9.{payload}.sig");
        assert_eq!(
            claim(&token, "sub").as_deref(),
            Some("repo:shop/catalog:ref:refs/heads/main")
        );
        assert_eq!(claim("garbage", "sub"), None);
    }

    #[test]
    fn encodes_audience() {
        assert_eq!(urlencode("sts.amazonaws.com"), "sts.amazonaws.com");
        assert_eq!(urlencode("a b/c"), "a%20b%2Fc");
    }
}
