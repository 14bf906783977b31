//! ecom-deploy: a GitHub container action that deploys application code to
//! AWS Lambda and ECS. `main.rs` only calls [`run`].

pub mod aws;
pub mod deploy;
pub mod error;
pub mod github;

use error::{DeployError, Result};
use github::deployments::{Deployment, Request, RunContext};
use github::inputs::Inputs;
use github::runtime::Runtime;

/// Run one deploy with the given command-line arguments (inputs also come from `INPUT_*`).
pub async fn run(rt: &Runtime, args: &[String]) -> Result<()> {
    // The binary is PID 1 in the action's container: without handlers the
    // kernel drops SIGTERM, and a cancelled job would leave its deployment
    // record in progress forever.
    let mut stop = Stop::install()?;
    let inputs = Inputs::load(std::env::vars(), args)?;
    let mode = deploy::Mode::from_inputs(&inputs)?;
    let workspace = deploy::workspace();
    // Mask what could leak before anything prints.
    if let Some(t) = inputs.get("github-token") {
        rt.mask(t);
    }

    rt.group("Check inputs");
    let planned = match mode {
        deploy::Mode::Lambda => Planned::Lambda(deploy::lambda::plan(&inputs, &workspace)?),
        deploy::Mode::Ecs => Planned::Ecs(Box::new(deploy::ecs::plan(&inputs, &workspace)?)),
    };
    let production = inputs
        .bool("production-environment", None)?
        .unwrap_or(false);
    rt.end_group();

    if let Planned::Ecs(plan) = &planned {
        warn_short_session(rt, &inputs, plan.wait_timeout.as_secs())?;
    }

    // From here on the record, once it exists, ends as success or failure on
    // every path: an error, or the job being cancelled.
    let mut record = start_record(rt, &inputs, production).await;
    let result = tokio::select! {
        r = deploy_planned(rt, &inputs, &planned) => r,
        signal = stop.wait() => Err(DeployError::Cancelled(signal)),
    };
    rt.end_group();

    if let Some(d) = &mut record {
        let (ok, text) = match &result {
            Ok(_) => (true, "deployed by ecom-deploy".to_string()),
            Err(e) => (false, e.to_string()),
        };
        let url = result.as_ref().ok().and_then(|r| r.console_url.clone());
        if let Err(w) = d.finish(ok, &text, url).await {
            rt.warning(w);
        }
    }
    let done = result?;
    for (k, v) in &done.outputs {
        rt.set_output(k, v)?;
    }
    rt.summary(&deploy::summary_table(done.title, &done.outputs))?;
    rt.info("done");
    Ok(())
}

/// What a finished deploy reports.
struct Done {
    title: &'static str,
    outputs: Vec<(&'static str, String)>,
    console_url: Option<String>,
}

async fn deploy_planned(rt: &Runtime, inputs: &Inputs, planned: &Planned) -> Result<Done> {
    rt.group("AWS credentials");
    let clients = aws::connect(inputs, rt).await?;
    rt.info(format!("using {}", clients.identity));
    rt.end_group();

    rt.group("Deploy");
    let region = clients
        .config
        .region()
        .map(|r| r.to_string())
        .unwrap_or_default();
    match planned {
        Planned::Lambda(plan) => {
            let client = aws_sdk_lambda::Client::new(&clients.config);
            let o = deploy::lambda::deploy(&client, rt, plan).await?;
            Ok(Done {
                title: "Lambda deploy",
                outputs: o.outputs(),
                console_url: Some(deploy::console::lambda(&region, &plan.function)),
            })
        }
        Planned::Ecs(plan) => {
            let plan =
                deploy::params::resolve(&clients.config, rt, inputs, (**plan).clone()).await?;
            let o = deploy::ecs::deploy(&clients.config, rt, &plan).await?;
            Ok(Done {
                title: "ECS deploy",
                outputs: o.outputs(),
                console_url: plan
                    .cluster
                    .as_deref()
                    .map(|c| deploy::console::ecs_service(&region, c, &plan.service)),
            })
        }
    }
}

/// SIGTERM (docker stop, a cancelled job) and SIGINT, turned into an error.
struct Stop {
    term: tokio::signal::unix::Signal,
    int: tokio::signal::unix::Signal,
}

impl Stop {
    fn install() -> Result<Self> {
        use tokio::signal::unix::{signal, SignalKind};
        let err =
            |e: std::io::Error| DeployError::Other(format!("cannot install signal handlers: {e}"));
        Ok(Stop {
            term: signal(SignalKind::terminate()).map_err(err)?,
            int: signal(SignalKind::interrupt()).map_err(err)?,
        })
    }

    async fn wait(&mut self) -> &'static str {
        tokio::select! {
            _ = self.term.recv() => "SIGTERM",
            _ = self.int.recv() => "SIGINT",
        }
    }
}

enum Planned {
    Lambda(deploy::lambda::Plan),
    Ecs(Box<deploy::ecs::Plan>),
}

/// An assumed role's session must outlive the rollout wait, or the wait dies
/// with expired credentials half way.
fn warn_short_session(rt: &Runtime, inputs: &Inputs, wait_secs: u64) -> Result<()> {
    if inputs.get("role-to-assume").is_none() {
        return Ok(());
    }
    let session = aws::role_duration(inputs)?;
    let needed = wait_secs + 300;
    if session < needed {
        rt.warning(format!(
            "role-duration-seconds ({session}) is shorter than wait-timeout-minutes plus 5 minutes of deploy work; \
             the credentials may expire while waiting. Set role-duration-seconds to at least {needed}"
        ));
    }
    Ok(())
}

/// Record the deploy on GitHub when `environment` and `github-token` are set.
async fn start_record(rt: &Runtime, inputs: &Inputs, production: bool) -> Option<Deployment> {
    let env = inputs.get("environment")?;
    let token = inputs.get("github-token")?;
    let ctx = RunContext::from_env()?;
    let req = Request {
        environment: env,
        environment_url: inputs.get("environment-url").map(String::from),
        production,
        description: "ecom-deploy in progress",
    };
    match Deployment::start(&ctx, token, &req).await {
        Ok(d) => {
            rt.info(format!(
                "recording on GitHub deployment {} for environment {env}{}",
                d.id(),
                if d.reused() {
                    " (created by GitHub for this job)"
                } else {
                    ""
                }
            ));
            Some(d)
        }
        Err(w) => {
            rt.warning(w);
            None
        }
    }
}

/// Print the one error line (an annotation in Actions) and the summary.
pub fn report_error(rt: &Runtime, e: &DeployError) {
    rt.error(e.title(), &e.to_string());
    let _ = rt.summary(&format!("### ecom-deploy failed\n\n{e}\n"));
}
