//! A loopback Gemini and Claude stand-in for `eval-improver`:
//! `mock-llm [PORT] [SECONDS]` serves on 127.0.0.1 (port 0: any) for the
//! given time (default 600 s), printing the URLs to export.

use std::net::TcpListener;
use std::time::Duration;

use resume_engine_tests::mock_llm;
use wiremock::MockServer;

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let port: u16 = args.next().and_then(|p| p.parse().ok()).unwrap_or(0);
    let seconds: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(600);
    let listener = TcpListener::bind(("127.0.0.1", port))?;
    let server = MockServer::builder().listener(listener).start().await;
    mock_llm::mount(&server).await;
    println!("GEMINI_BASE_URL={}/v1beta", server.uri());
    println!("ANTHROPIC_BASE_URL={}", server.uri());
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    Ok(())
}
