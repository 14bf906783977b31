//! GitHub Deployments: one record per deploy, with an in_progress status at
//! the start and success/failure at the end. A job with `environment:`
//! already has a deployment that GitHub created for this run; it gets our
//! statuses instead of a second deployment. Recording is best-effort: a
//! missing permission gives a warning, never a failed deploy.

use octocrab::Octocrab;
use serde_json::{json, Value};

pub struct Deployment {
    client: Octocrab,
    repo: String,
    id: u64,
    /// Whether GitHub created it for the job (we only add statuses).
    reused: bool,
    log_url: Option<String>,
    environment_url: Option<String>,
}

/// What the runner tells us about the run.
pub struct RunContext {
    pub api_url: String,
    pub repo: String,
    pub sha: String,
    pub run_id: Option<String>,
    pub log_url: Option<String>,
}

/// What the step asks to record.
pub struct Request<'a> {
    pub environment: &'a str,
    pub environment_url: Option<String>,
    pub production: bool,
    pub description: &'a str,
}

impl RunContext {
    pub fn from_env() -> Option<Self> {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let repo = var("GITHUB_REPOSITORY")?;
        let server = var("GITHUB_SERVER_URL").unwrap_or_else(|| "https://github.com".into());
        let run_id = var("GITHUB_RUN_ID");
        let log_url = run_id
            .as_ref()
            .map(|id| format!("{server}/{repo}/actions/runs/{id}"));
        Some(RunContext {
            api_url: var("GITHUB_API_URL").unwrap_or_else(|| "https://api.github.com".into()),
            sha: var("GITHUB_SHA")?,
            repo,
            run_id,
            log_url,
        })
    }
}

impl Deployment {
    /// Find this run's deployment (or create one) and mark it in progress.
    pub async fn start(ctx: &RunContext, token: &str, req: &Request<'_>) -> Result<Self, String> {
        let client = Octocrab::builder()
            .personal_token(token.to_string())
            .base_uri(ctx.api_url.as_str())
            .and_then(|b| b.build())
            .map_err(|e| format!("GitHub client: {e}"))?;
        let (id, reused) = match find_for_run(&client, ctx, req.environment).await? {
            Some(id) => (id, true),
            None => {
                let body = json!({
                    "ref": ctx.sha,
                    "environment": req.environment,
                    "description": truncate(req.description, 140),
                    "auto_merge": false,
                    "required_contexts": [],
                    "production_environment": req.production,
                });
                let created: Value = client
                    .post(format!("/repos/{}/deployments", ctx.repo), Some(&body))
                    .await
                    .map_err(|e| describe(e, "create a deployment"))?;
                let id = created["id"]
                    .as_u64()
                    .ok_or_else(|| format!("GitHub did not return a deployment id: {created}"))?;
                (id, false)
            }
        };
        let d = Deployment {
            client,
            repo: ctx.repo.clone(),
            id,
            reused,
            log_url: ctx.log_url.clone(),
            environment_url: req.environment_url.clone(),
        };
        d.status("in_progress", req.description).await?;
        Ok(d)
    }

    pub fn id(&self) -> u64 {
        self.id
    }

    /// Whether GitHub created the deployment for the job (`environment:`).
    pub fn reused(&self) -> bool {
        self.reused
    }

    /// Record the final state: `success` or `failure`. `url` is where the
    /// deployed code runs when the step gave no `environment-url`.
    pub async fn finish(
        &mut self,
        ok: bool,
        description: &str,
        url: Option<String>,
    ) -> Result<(), String> {
        if self.environment_url.is_none() {
            self.environment_url = url;
        }
        self.status(if ok { "success" } else { "failure" }, description)
            .await
    }

    async fn status(&self, state: &str, description: &str) -> Result<(), String> {
        let mut body = json!({ "state": state, "description": truncate(description, 140) });
        if let Some(url) = &self.log_url {
            body["log_url"] = json!(url);
        }
        if let Some(url) = &self.environment_url {
            body["environment_url"] = json!(url);
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

/// The deployment GitHub created for this run's job: same commit and
/// environment, and a status that links this run (GitHub's statuses carry
/// `.../actions/runs/<run id>/job/<job id>` as log and target URL).
async fn find_for_run(
    client: &Octocrab,
    ctx: &RunContext,
    environment: &str,
) -> Result<Option<u64>, String> {
    let Some(run_id) = &ctx.run_id else {
        return Ok(None);
    };
    let run_path = format!("/actions/runs/{run_id}");
    let list: Value = client
        .get(
            format!("/repos/{}/deployments", ctx.repo),
            Some(&json!({ "sha": ctx.sha, "environment": environment, "per_page": 10 })),
        )
        .await
        .map_err(|e| describe(e, "list deployments"))?;
    for d in list.as_array().into_iter().flatten() {
        let Some(id) = d["id"].as_u64() else { continue };
        let statuses: Value = client
            .get(
                format!("/repos/{}/deployments/{id}/statuses", ctx.repo),
                Some(&json!({ "per_page": 10 })),
            )
            .await
            .map_err(|e| describe(e, "list deployment statuses"))?;
        let ours = statuses.as_array().into_iter().flatten().any(|s| {
            ["log_url", "target_url"]
                .iter()
                .any(|k| s[*k].as_str().is_some_and(|u| links_run(u, &run_path)))
        });
        if ours {
            return Ok(Some(id));
        }
    }
    Ok(None)
}

/// `url` is this run's page or one of its jobs' (run 42 is not run 4242).
fn links_run(url: &str, run_path: &str) -> bool {
    url.split_once(run_path)
        .is_some_and(|(_, rest)| rest.is_empty() || rest.starts_with('/') || rest.starts_with('?'))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_links_this_run_only() {
        let run = "/actions/runs/42";
        assert!(links_run(
            "https://github.com/o/r/actions/runs/42/job/7",
            run
        ));
        assert!(links_run("https://github.com/o/r/actions/runs/42", run));
        assert!(!links_run(
            "https://github.com/o/r/actions/runs/4242/job/7",
            run
        ));
        assert!(!links_run("https://example.com/deploy", run));
    }
}
