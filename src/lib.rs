//! ecom-deploy: a GitHub container action that deploys application code to
//! AWS Lambda and ECS. `main.rs` only calls [`run`].

pub mod aws;
pub mod deploy;
pub mod error;
pub mod github;

use error::{DeployError, Result};
use github::deployments::{Deployment, RunContext};
use github::inputs::Inputs;
use github::runtime::Runtime;

/// Run one deploy with the given command-line arguments (inputs also come from `INPUT_*`).
pub async fn run(rt: &Runtime, args: &[String]) -> Result<()> {
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
    rt.end_group();

    if let Planned::Ecs(plan) = &planned {
        warn_short_session(rt, &inputs, plan.wait_timeout.as_secs())?;
    }

    rt.group("AWS credentials");
    let clients = aws::connect(&inputs, rt).await?;
    rt.info(format!("using {}", clients.identity));
    rt.end_group();

    let record = start_record(rt, &inputs).await;
    rt.group("Deploy");
    let result = match &planned {
        Planned::Lambda(plan) => {
            let client = aws_sdk_lambda::Client::new(&clients.config);
            deploy::lambda::deploy(&client, rt, plan)
                .await
                .map(|o| ("Lambda deploy", o.outputs()))
        }
        Planned::Ecs(plan) => {
            let plan =
                deploy::params::resolve(&clients.config, rt, &inputs, (**plan).clone()).await?;
            deploy::ecs::deploy(&clients.config, rt, &plan)
                .await
                .map(|o| ("ECS deploy", o.outputs()))
        }
    };
    rt.end_group();

    if let Some(d) = &record {
        let (ok, text) = match &result {
            Ok(_) => (true, "deployed by ecom-deploy".to_string()),
            Err(e) => (false, e.to_string()),
        };
        if let Err(w) = d.finish(ok, &text).await {
            rt.warning(w);
        }
    }
    let (title, outputs) = result?;
    for (k, v) in &outputs {
        rt.set_output(k, v)?;
    }
    rt.summary(&deploy::summary_table(title, &outputs))?;
    rt.info("done");
    Ok(())
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

/// Create the GitHub Deployment when `environment` and `github-token` are set.
async fn start_record(rt: &Runtime, inputs: &Inputs) -> Option<Deployment> {
    let env = inputs.get("environment")?;
    let token = inputs.get("github-token")?;
    let ctx = RunContext::from_env()?;
    match Deployment::start(&ctx, token, env, "ecom-deploy in progress").await {
        Ok(d) => {
            rt.info(format!(
                "recorded GitHub deployment {} for environment {env}",
                d.id()
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
