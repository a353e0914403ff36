//! Throughput of trivial jobs through each backend: N no-op jobs are
//! submitted, then W workers run them; prints jobs per second (runs only,
//! submission excluded) as JSON lines. `job-throughput [N] [WORKERS]
//! [CONCURRENCY]`, defaults 10000 4 16.

use resume_engine_benches::backends::bench_backends;
use resume_engine_benches::throughput::drain;
use serde_json::json;

fn arg(n: usize, default: usize) -> usize {
    std::env::args()
        .nth(n)
        .and_then(|a| a.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let (jobs, workers, concurrency) = (arg(1, 10_000), arg(2, 4), arg(3, 16));
    let Ok(runtime) = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    else {
        eprintln!("cannot start the runtime");
        std::process::exit(1);
    };
    let dir = std::env::temp_dir();
    for backend in bench_backends(&dir) {
        match runtime
            .block_on(drain(&backend.url, jobs, workers, concurrency))
            .map(|elapsed| jobs as f64 / elapsed.as_secs_f64())
        {
            Ok(rate) => println!(
                "{}",
                json!({"backend": backend.name, "jobs": jobs, "workers": workers, "concurrency": concurrency, "jobs_per_second": rate.round()})
            ),
            Err(error) => eprintln!("{}: {error}", backend.name),
        }
    }
}
