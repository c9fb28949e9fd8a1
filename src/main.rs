use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = prinsipp::cli::Cli::parse();
    ExitCode::from(prinsipp::app::run(&cli))
}
