//! `resume-engine serve`: the HTTP API on the chosen backend, with an
//! in-process worker on the embedded backends (or with `--worker`).

use std::net::{IpAddr, SocketAddr};

use resume_engine::jobs::WorkerConfig;
use resume_engine_server::ServerConfig;

use crate::Failure;
use crate::jobs::{BackendArgs, runtime, shutdown_signal};

/// `serve`: the HTTP API.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// The port (default: $PORT, else 8000; 0 picks a free one).
    #[arg(long)]
    port: Option<u16>,
    /// The address to listen on (default: $HOST, else 127.0.0.1).
    #[arg(long)]
    host: Option<IpAddr>,
    /// Also run jobs in this process on a server backend (PostgreSQL,
    /// Redis); the default on the embedded ones (SQLite, memory).
    #[arg(long, conflicts_with = "no_worker")]
    worker: bool,
    /// Run no jobs in this process, even on an embedded backend: separate
    /// `resume-engine worker` processes run them.
    #[arg(long)]
    no_worker: bool,
    /// Jobs the in-process worker runs at once (default: twice the CPU
    /// count).
    #[arg(long)]
    concurrency: Option<usize>,
    #[command(flatten)]
    backend: BackendArgs,
}

/// Checks the configuration, binds the port, and serves until SIGTERM or
/// Ctrl-C; the in-process worker then finishes or gives back its jobs.
pub fn serve(args: &ServeArgs) -> Result<String, Failure> {
    let mut config =
        ServerConfig::from_env().map_err(|error| Failure::Message(error.to_string()))?;
    if let Some(port) = args.port {
        config.port = port;
    }
    if let Some(host) = args.host {
        config.host = host;
    }
    runtime()?.block_on(async {
        let address = SocketAddr::new(config.host, config.port);
        let listener = tokio::net::TcpListener::bind(address)
            .await
            .map_err(|error| Failure::Message(format!("cannot listen on {address}: {error}")))?;
        let bound = listener
            .local_addr()
            .map_err(|error| Failure::Message(error.to_string()))?;
        let public_url = config.public_url_for(bound.port());
        let engine = args
            .backend
            .engine_serving_files_at(Some(&public_url))
            .await?;
        let in_process = args.worker || (args.backend.is_embedded() && !args.no_worker);
        let worker = in_process.then(|| {
            let defaults = WorkerConfig::default();
            engine.spawn_worker(WorkerConfig {
                concurrency: args.concurrency.unwrap_or(defaults.concurrency).max(1),
                ..defaults
            })
        });
        tracing::info!(address = %bound, %public_url, backend = %redacted(&args.backend.url()), in_process_worker = worker.is_some(), anonymous = config.anonymous, "serving");
        resume_engine_server::serve(engine, &config, listener, shutdown_signal())
            .await
            .map_err(|error| Failure::Message(format!("the server failed: {error}")))?;
        if let Some(worker) = worker {
            let stats = worker.shutdown().await;
            tracing::info!(?stats, "in-process worker stopped");
        }
        Ok(String::new())
    })
}

/// A backend URL without its password, for the logs.
fn redacted(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}
