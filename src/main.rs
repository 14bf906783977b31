use std::process::ExitCode;

use ecom_deploy::github::{inputs, runtime::Runtime};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") {
        print!("{}", inputs::help());
        return ExitCode::SUCCESS;
    }
    if args.iter().any(|a| a == "--version" || a == "-V") {
        println!("ecom-deploy {}", env!("CARGO_PKG_VERSION"));
        return ExitCode::SUCCESS;
    }
    let rt = Runtime::from_env();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            let e = anyhow::Error::new(e).context("cannot start the async runtime");
            eprintln!("error: {e:#}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(ecom_deploy::run(&rt, &args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            ecom_deploy::report_error(&rt, &e);
            ExitCode::FAILURE
        }
    }
}
