//! The `kurilnet` binary: anyhow at the top, typed errors below; a closed pipe is not an error.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::main() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // `kurilnet lineage … | head` closes our stdout early: not a failure.
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("kurilnet: error: {err}");
            // A typed error may print its source in its own message too: say each thing once.
            let mut said = err.to_string();
            for cause in err.chain().skip(1) {
                let this = cause.to_string();
                if !said.ends_with(&this) {
                    eprintln!("  caused by: {this}");
                }
                said = this;
            }
            ExitCode::FAILURE
        }
    }
}
