//! GitHub Deployments: one deployment per run, with an in_progress status at
//! the start and success/failure at the end. Recording is best-effort: a
//! missing permission gives a warning, never a failed deploy.

use octocrab::Octocrab;
use serde_json::{json, Value};

pub struct Deployment {
    client: Octocrab,
    repo: String,
    id: u64,
    log_url: Option<String>,
}

/// What the runner tells us about the run.
pub struct RunContext {
    pub api_url: String,
    pub repo: String,
    pub sha: String,
    pub log_url: Option<String>,
}

impl RunContext {
    pub fn from_env() -> Option<Self> {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let repo = var("GITHUB_REPOSITORY")?;
        let server = var("GITHUB_SERVER_URL").unwrap_or_else(|| "https://github.com".into());
        let log_url = var("GITHUB_RUN_ID").map(|id| format!("{server}/{repo}/actions/runs/{id}"));
        Some(RunContext {
            api_url: var("GITHUB_API_URL").unwrap_or_else(|| "https://api.github.com".into()),
            sha: var("GITHUB_SHA")?,
            repo,
            log_url,
        })
    }
}

impl Deployment {
    /// Create the deployment and mark it in progress.
    pub async fn start(
        ctx: &RunContext,
        token: &str,
        environment: &str,
        description: &str,
    ) -> Result<Self, String> {
        let client = Octocrab::builder()
            .personal_token(token.to_string())
            .base_uri(ctx.api_url.as_str())
            .and_then(|b| b.build())
            .map_err(|e| format!("GitHub client: {e}"))?;
        let body = json!({
            "ref": ctx.sha,
            "environment": environment,
            "description": description,
            "auto_merge": false,
            "required_contexts": [],
            "production_environment": environment.starts_with("prod"),
        });
        let created: Value = client
            .post(format!("/repos/{}/deployments", ctx.repo), Some(&body))
            .await
            .map_err(|e| describe(e, "create a deployment"))?;
        let id = created["id"]
            .as_u64()
            .ok_or_else(|| format!("GitHub did not return a deployment id: {created}"))?;
        let d = Deployment {
            client,
            repo: ctx.repo.clone(),
            id,
            log_url: ctx.log_url.clone(),
        };
        d.status("in_progress", description).await?;
        Ok(d)
    }

    pub fn id(&self) -> u64 {
        self.id
    }

    /// Record the final state: `success` or `failure`.
    pub async fn finish(&self, ok: bool, description: &str) -> Result<(), String> {
        self.status(if ok { "success" } else { "failure" }, description)
            .await
    }

    async fn status(&self, state: &str, description: &str) -> Result<(), String> {
        let mut body = json!({ "state": state, "description": truncate(description, 140) });
        if let Some(url) = &self.log_url {
            body["log_url"] = json!(url);
        }
        let _: Value = self
            .client
            .post(
                format!("/repos/{}/deployments/{}/statuses", self.repo, self.id),
                Some(&body),
            )
            .await
            .map_err(|e| describe(e, "set the deployment status"))?;
        Ok(())
    }
}

fn describe(e: octocrab::Error, what: &str) -> String {
    let text = match &e {
        octocrab::Error::GitHub { source, .. } => {
            format!("{} ({})", source.message, source.status_code)
        }
        other => other.to_string(),
    };
    format!("cannot {what}: {text}; give the job `permissions: deployments: write` or leave `environment` empty")
}

fn truncate(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}
