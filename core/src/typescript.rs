//! TypeScript declarations of the records the engine returns, generated
//! from the Rust types (so the Node package's typings cannot drift from
//! what it returns).

use ts_rs::{Config, TS};

use crate::improve::guard::{GuardReason, GuardRule};
use crate::improve::{
    Applied, CallRecord, Change, Improvements, Provenance, ProviderFailure, Reason, Rejection,
    Suggestion, Usage,
};
use crate::jobs::{
    AnalyzeResult, Failure, GenerateResult, GeneratedFile, ImproveResult, JobId, JobKind,
    JobStatus, JobSummary, ProcessResult, Progress, Timestamp, WorkerStats,
};
use crate::model::{
    Certification, Education, Experience, Language, Link, OtherSection, Project, ResumeDate,
    Sections, SkillGroup,
};
use crate::score::{
    Category, CategoryId, Issue, KeywordMatch, KeywordReport, KeywordSource, KeywordSuggestion,
    Location, ResumeStats, RuleScore, SectionKind, Severity,
};
use crate::storage::BlobKey;
use crate::{Analysis, OutputFormat, Resume};

/// One `export type` declaration per public record, in a fixed order, with
/// each field's documentation as a comment. 64-bit integers are declared
/// as `number`, as JSON carries them.
pub fn declarations() -> String {
    let config = Config::new().with_large_int("number");
    let declarations = [
        declaration::<Resume>(&config),
        declaration::<Link>(&config),
        declaration::<Sections>(&config),
        declaration::<Experience>(&config),
        declaration::<Education>(&config),
        declaration::<SkillGroup>(&config),
        declaration::<Project>(&config),
        declaration::<Certification>(&config),
        declaration::<Language>(&config),
        declaration::<OtherSection>(&config),
        declaration::<ResumeDate>(&config),
        declaration::<Analysis>(&config),
        declaration::<CategoryId>(&config),
        declaration::<Category>(&config),
        declaration::<RuleScore>(&config),
        declaration::<Severity>(&config),
        declaration::<Issue>(&config),
        declaration::<Location>(&config),
        declaration::<SectionKind>(&config),
        declaration::<KeywordReport>(&config),
        declaration::<KeywordSource>(&config),
        declaration::<KeywordMatch>(&config),
        declaration::<KeywordSuggestion>(&config),
        declaration::<ResumeStats>(&config),
        declaration::<Improvements>(&config),
        declaration::<Suggestion>(&config),
        declaration::<Reason>(&config),
        declaration::<Provenance>(&config),
        declaration::<Rejection>(&config),
        declaration::<GuardReason>(&config),
        declaration::<GuardRule>(&config),
        declaration::<CallRecord>(&config),
        declaration::<Usage>(&config),
        declaration::<ProviderFailure>(&config),
        declaration::<Applied>(&config),
        declaration::<Change>(&config),
        declaration::<OutputFormat>(&config),
        declaration::<JobId>(&config),
        declaration::<JobKind>(&config),
        declaration::<JobStatus>(&config),
        declaration::<JobSummary>(&config),
        declaration::<Progress>(&config),
        declaration::<Failure>(&config),
        declaration::<Timestamp>(&config),
        declaration::<WorkerStats>(&config),
        declaration::<AnalyzeResult>(&config),
        declaration::<ImproveResult>(&config),
        declaration::<GenerateResult>(&config),
        declaration::<ProcessResult>(&config),
        declaration::<GeneratedFile>(&config),
        declaration::<BlobKey>(&config),
    ];
    let mut out = String::new();
    for declaration in declarations {
        out.push_str(&declaration);
        out.push_str("\n\n");
    }
    out.push_str(
        "/** What `Engine.result` resolves to, by the job's kind. */\n\
         export type JobResult = AnalyzeResult | ImproveResult | GenerateResult | ProcessResult;\n\n\
         /** `T` with every field optional, at every depth. */\n\
         export type DeepPartial<T> = T extends Array<infer U>\n  \
         ? Array<DeepPartial<U>>\n  \
         : T extends object\n    \
         ? { [K in keyof T]?: DeepPartial<T[K]> }\n    \
         : T;\n\n\
         /** A resume as an input: any field may be left out (it reads as empty). */\n\
         export type ResumeInput = DeepPartial<Resume>;\n",
    );
    out
}

/// `export type Name = …;`, preceded by the type's documentation.
fn declaration<T: TS>(config: &Config) -> String {
    let docs = T::docs()
        .map(|docs| format!("{}\n", docs.trim_end()))
        .unwrap_or_default();
    format!("{docs}{}", indented(&format!("export {}", T::decl(config))))
}

/// A declaration laid out one field per line, indented by nesting depth
/// (ts-rs writes each object type's closing brace on its last field's line).
fn indented(declaration: &str) -> String {
    let expanded = declaration.replace(", }", ",\n}").replace("{ \n", "{\n");
    let mut depth = 0_usize;
    let mut out = String::new();
    for line in expanded.lines() {
        let line = line.trim_end();
        let indent = if line.starts_with('}') {
            depth.saturating_sub(1)
        } else {
            depth
        };
        out.push_str(&"  ".repeat(indent));
        out.push_str(line);
        out.push('\n');
        depth = (depth + line.matches('{').count()).saturating_sub(line.matches('}').count());
    }
    out.trim_end().to_owned()
}
