//! The `resume-engine` binary: its JSON output, exit status and help.

use std::path::PathBuf;
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_resume-engine"))
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures")
        .join(name)
}

fn run(args: &[&str]) -> Output {
    bin()
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("run resume-engine: {e}"))
}

#[test]
fn parse_prints_resume_json() {
    let path = fixture("sample-resume.docx");
    let out = run(&["parse", path.to_str().unwrap_or_default()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(json["name"], "Ana Lucía Ferreira-Sousa");
    assert_eq!(
        json["sections"]["experience"][0]["company"],
        "Tagus Freight"
    );
    assert_eq!(json["sections"]["experience"][0]["end"], "present");
}

#[test]
fn parse_can_print_json_resume() {
    let path = fixture("sample-resume.docx");
    let out = run(&[
        "parse",
        "--schema",
        "json-resume",
        "--compact",
        path.to_str().unwrap_or_default(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(json["basics"]["name"], "Ana Lucía Ferreira-Sousa");
    assert_eq!(json["work"][0]["position"], "Senior Product Engineer");
}

#[test]
fn parse_reads_standard_input() {
    let path = fixture("sample-resume.docx");
    let out = bin()
        .args(["parse", "-"])
        .stdin(std::fs::File::open(path).unwrap_or_else(|e| panic!("{e}")))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(json["email"], "ana.ferreira@example.pt");
}

#[test]
fn errors_go_to_stderr_with_a_failing_status() {
    let out = run(&["parse", "/nonexistent/resume.pdf"]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/resume.pdf"));

    let dir = std::env::temp_dir().join(format!("resume-engine-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let image = dir.join("photo.pdf");
    std::fs::write(&image, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_or_else(|e| panic!("{e}"));
    let out = run(&["parse", image.to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "error: not a PDF or DOCX (detected: PNG image)"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn every_subcommand_has_help() {
    for args in [&["--help"][..], &["parse", "--help"], &["lines", "--help"]] {
        let out = run(args);
        assert!(out.status.success(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Usage:"),
            "{args:?}"
        );
    }
}

#[test]
fn lines_shows_layout_hints() {
    let path = fixture("sample-resume.docx");
    let out = run(&["lines", path.to_str().unwrap_or_default()]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(json["format"], "docx");
    assert_eq!(json["lines"][0]["heading_level"], 0);
}

#[test]
fn analyze_prints_the_analysis_json() {
    let path = fixture("sample-resume.docx");
    let out = run(&["analyze", "--compact", path.to_str().unwrap_or_default()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let categories = json["categories"].as_array().cloned().unwrap_or_default();
    let ids: Vec<&str> = categories.iter().filter_map(|c| c["id"].as_str()).collect();
    assert_eq!(
        ids,
        ["contact", "impact", "keywords", "clarity", "structure"]
    );
    let sum: f64 = categories.iter().filter_map(|c| c["score"].as_f64()).sum();
    let total = json["total"].as_f64().unwrap_or(-1.0);
    assert!((total - sum).abs() < 1e-6 && (0.0..=100.0).contains(&total));
}

#[test]
fn analyze_matches_a_job_description_and_prints_text() {
    let path = fixture("sample-resume.docx");
    let jd = fixture("job-description.txt");
    let out = run(&[
        "analyze",
        path.to_str().unwrap_or_default(),
        "--job-description",
        jd.to_str().unwrap_or_default(),
        "--format",
        "text",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("Resume score: "), "{text}");
    assert!(text.contains("match with the job description"), "{text}");
}

#[test]
fn analyze_reads_resume_json_and_named_packs() {
    let path = fixture("sample-resume.docx");
    let parsed = run(&["parse", path.to_str().unwrap_or_default()]);
    let json_path =
        std::env::temp_dir().join(format!("resume-engine-cli-{}.json", std::process::id()));
    std::fs::write(&json_path, &parsed.stdout).unwrap_or_else(|e| panic!("{e}"));
    let out = run(&[
        "analyze",
        json_path.to_str().unwrap_or_default(),
        "--keywords",
        "sales",
    ]);
    let _ = std::fs::remove_file(&json_path);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(json["keywords"]["source"]["name"], "sales");
}

#[test]
fn analyze_rejects_unknown_packs_with_a_clear_message() {
    let path = fixture("sample-resume.docx");
    let out = run(&[
        "analyze",
        path.to_str().unwrap_or_default(),
        "--keywords",
        "astronaut",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("unknown keyword pack `astronaut`") && stderr.contains("software"),
        "{stderr}"
    );
}

#[test]
fn templates_lists_the_builtin_names() {
    let out = run(&["templates"]);
    assert!(out.status.success());
    let names = String::from_utf8_lossy(&out.stdout);
    let names: Vec<&str> = names.lines().collect();
    assert_eq!(names, ["classic", "modern", "compact", "executive"]);
}

/// A fresh scratch file path in the target directory.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    dir.join(format!("{}-{name}", std::process::id()))
}

#[test]
fn render_writes_pdf_and_docx_that_parse_back() {
    let input = fixture("render/sample.json");
    for (format, source) in [("pdf", &input), ("docx", &fixture("sample-resume.docx"))] {
        let out_path = scratch(&format!("cli-render.{format}"));
        let out = run(&[
            "render",
            source.to_str().unwrap_or_default(),
            "--template",
            "modern",
            "--format",
            format,
            "--out",
            out_path.to_str().unwrap_or_default(),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let parsed = run(&["parse", out_path.to_str().unwrap_or_default()]);
        let json: serde_json::Value = serde_json::from_slice(&parsed.stdout).unwrap_or_default();
        assert_eq!(json["name"], "Ana Lucía Ferreira-Sousa", "{format}");
        std::fs::remove_file(&out_path).ok();
    }
}

#[test]
fn render_reports_an_unknown_template_on_stderr() {
    let input = fixture("render/sample.json");
    let out_path = scratch("never.pdf");
    let out = run(&[
        "render",
        input.to_str().unwrap_or_default(),
        "--template",
        "fancy",
        "--out",
        out_path.to_str().unwrap_or_default(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown template"));
    assert!(!out_path.exists());
}

#[test]
fn render_accepts_a_custom_typst_template() {
    let input = fixture("render/sample.json");
    let template = fixture("render/custom.typ");
    let out_path = scratch("custom.pdf");
    let out = run(&[
        "render",
        input.to_str().unwrap_or_default(),
        "--template",
        template.to_str().unwrap_or_default(),
        "--out",
        out_path.to_str().unwrap_or_default(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let parsed = run(&["parse", out_path.to_str().unwrap_or_default()]);
    let json: serde_json::Value = serde_json::from_slice(&parsed.stdout).unwrap_or_default();
    assert_eq!(
        json["sections"]["experience"][0]["company"],
        "Tagus Freight"
    );
    std::fs::remove_file(&out_path).ok();
}

#[test]
fn improve_works_offline_with_rules() {
    let dir = std::env::temp_dir().join(format!("re-improve-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_default();
    let path = dir.join("resume.json");
    let resume = r#"{"name": "Ana", "sections": {"experience": [{"title": "Engineer",
      "company": "Acme", "dates": "2019 - 2021",
      "bullets": ["Responsible for managing the billing service", "Built the API for 3 teams"]}]}}"#;
    std::fs::write(&path, resume).unwrap_or_default();
    let out = run(&["improve", path.to_str().unwrap_or_default()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(json["provider"]["provider"], "rules");
    assert_eq!(
        json["suggestions"][0]["rewrite"],
        "Managed the billing service"
    );
    assert_eq!(json["suggestions"][0]["location"]["section"], "experience");
    assert_eq!(json["cost_usd"], 0.0);
    let text = run(&[
        "improve",
        "--format",
        "text",
        path.to_str().unwrap_or_default(),
    ]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("+ Managed the billing service"));
    let missing = bin()
        .args([
            "improve",
            "--provider",
            "gemini",
            path.to_str().unwrap_or_default(),
        ])
        .env_remove("GEMINI_API_KEY")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("GEMINI_API_KEY"));
}

#[test]
fn guard_prints_a_verdict_and_reads_resume_context() {
    let out = run(&[
        "guard",
        "--original",
        "Responsible for the sales pipeline",
        "--rewrite",
        "Owned the sales pipeline and increased revenue by 40%",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(json["accepted"], false);
    assert_eq!(json["reasons"][0]["rule"], "added_number");

    let dir = std::env::temp_dir().join(format!("re-guard-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_default();
    let path = dir.join("resume.json");
    std::fs::write(&path, r#"{"sections": {"skills": ["Kubernetes"]}}"#).unwrap_or_default();
    let args = [
        "guard",
        "--original",
        "Ran the clusters",
        "--rewrite",
        "Ran the Kubernetes clusters",
    ];
    let without: serde_json::Value = serde_json::from_slice(&run(&args).stdout).unwrap_or_default();
    assert_eq!(without["accepted"], false);
    let mut with_resume = args.to_vec();
    with_resume.extend(["--resume", path.to_str().unwrap_or_default()]);
    let with: serde_json::Value =
        serde_json::from_slice(&run(&with_resume).stdout).unwrap_or_default();
    assert_eq!(with["accepted"], true, "{with}");
}

#[tokio::test]
async fn improve_and_eval_call_the_configured_gemini_endpoint() {
    let server = wiremock::MockServer::start().await;
    resume_engine_tests::mock_llm::mount(&server).await;
    let base = format!("{}/v1beta", server.uri());
    let with_mock = |args: &[&str]| {
        bin()
            .args(args)
            .env("GEMINI_API_KEY", "mock")
            .env("GEMINI_BASE_URL", &base)
            .env_remove("ANTHROPIC_API_KEY")
            .output()
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let docx = fixture("sample-resume.docx");
    let out = with_mock(&[
        "improve",
        "--provider",
        "gemini",
        docx.to_str().unwrap_or_default(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(json["provider"]["provider"], "gemini");
    assert!(json["cost_usd"].as_f64().unwrap_or(0.0) > 0.0);

    let logged = bin()
        .args([
            "improve",
            "--provider",
            "gemini",
            docx.to_str().unwrap_or_default(),
        ])
        .env("GEMINI_API_KEY", "mock")
        .env("GEMINI_BASE_URL", &base)
        .env("RESUME_ENGINE_LOG", "info")
        .env_remove("ANTHROPIC_API_KEY")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let log = String::from_utf8_lossy(&logged.stderr);
    assert!(
        log.contains("improver") && log.contains("input_tokens=") && log.contains("cost_usd="),
        "{log}"
    );

    let dir = fixture("");
    let eval = with_mock(&[
        "eval-improver",
        dir.to_str().unwrap_or_default(),
        "--providers",
        "gemini,rules",
        "--format",
        "json",
    ]);
    assert!(
        eval.status.success(),
        "{}",
        String::from_utf8_lossy(&eval.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&eval.stdout).unwrap_or_default();
    assert_eq!(report["providers"][0]["provider"], "gemini");
    assert_eq!(report["providers"][0]["calls"], report["resumes"]);
    assert!(report["prompt_overhead_tokens"].as_u64().unwrap_or(999) < 700);
    let requests = server.received_requests().await.unwrap_or_default();
    assert_eq!(
        requests.len() as u64,
        2 + report["resumes"].as_u64().unwrap_or(0)
    );
}
