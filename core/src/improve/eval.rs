//! The quality harness: runs improvers over a set of resumes and reports,
//! per provider, the guard pass rate, how many bullets open with an action
//! verb and state a metric before and after, tokens, cost and latency.

use std::sync::Arc;
use std::time::Instant;

use serde::{Deserialize, Serialize};

use super::guard::{GuardContext, check};
use super::items::ItemKind;
use super::{ImproveOptions, Improvements, Improver, Usage, apply, prompt};
use crate::Resume;
use crate::score::SectionKind;
use crate::score::bullets::{Opener, bullets, is_quantified};

/// The report of one evaluation run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvalReport {
    /// The prompt version evaluated.
    pub prompt_version: String,
    /// Tokens the prompt adds beyond the resume's texts (estimated).
    pub prompt_overhead_tokens: u64,
    /// Resumes evaluated.
    pub resumes: usize,
    /// One entry per provider.
    pub providers: Vec<ProviderEval>,
}

/// How one provider did.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ProviderEval {
    /// The provider's name as given.
    pub provider: String,
    /// Resumes for which the provider failed.
    pub failures: usize,
    /// Suggestions made.
    pub suggestions: usize,
    /// Rewrites by the provider itself checked by the guard.
    pub rewrites_checked: usize,
    /// Of those, how many the guard accepted.
    pub rewrites_accepted: usize,
    /// `rewrites_accepted / rewrites_checked` (1 when none).
    pub guard_pass_rate: f64,
    /// Share of bullets opening with an action verb, before.
    pub action_verbs_before: f64,
    /// The same after applying every rewrite.
    pub action_verbs_after: f64,
    /// Share of bullets stating a metric, before.
    pub metrics_before: f64,
    /// The same after applying every rewrite.
    pub metrics_after: f64,
    /// Tokens used over all resumes.
    pub usage: Usage,
    /// Total cost in US dollars.
    pub cost_usd: f64,
    /// Mean cost per resume in US dollars.
    pub cost_per_resume_usd: f64,
    /// Mean wall time per resume, in milliseconds.
    pub mean_latency_ms: f64,
    /// Provider calls made.
    pub calls: usize,
}

#[derive(Default)]
struct Tally {
    bullets: usize,
    verbs_before: usize,
    verbs_after: usize,
    metrics_before: usize,
    metrics_after: usize,
    latency_ms: f64,
}

/// Runs each named improver on every resume, one at a time.
pub async fn evaluate(
    resumes: &[Resume],
    providers: &[(String, Arc<dyn Improver>)],
    options: &ImproveOptions,
) -> EvalReport {
    let mut out = Vec::new();
    for (name, improver) in providers {
        let mut eval = ProviderEval {
            provider: name.clone(),
            ..ProviderEval::default()
        };
        let mut tally = Tally::default();
        for resume in resumes {
            let started = Instant::now();
            let result = improver.improve(resume, options).await;
            tally.latency_ms += started.elapsed().as_secs_f64() * 1000.0;
            match result {
                Ok(improvements) => record(&mut eval, &mut tally, resume, &improvements, options),
                Err(error) => {
                    tracing::warn!(provider = %name, %error, "evaluation: improver failed");
                    eval.failures += 1;
                }
            }
        }
        finish(&mut eval, &tally, resumes.len());
        out.push(eval);
    }
    EvalReport {
        prompt_version: prompt::VERSION.into(),
        prompt_overhead_tokens: prompt::overhead_tokens(),
        resumes: resumes.len(),
        providers: out,
    }
}

fn record(
    eval: &mut ProviderEval,
    tally: &mut Tally,
    resume: &Resume,
    improvements: &Improvements,
    options: &ImproveOptions,
) {
    let answered = improvements.provider.as_ref().map(|p| p.provider.as_str());
    let context = GuardContext::new(Some(resume), options);
    eval.suggestions += improvements.suggestions.len();
    for s in &improvements.suggestions {
        if s.rejected
            .as_ref()
            .is_some_and(|r| Some(r.provenance.provider.as_str()) == answered)
        {
            eval.rewrites_checked += 1;
        }
        if let Some(rewrite) = s
            .rewrite
            .as_ref()
            .filter(|_| Some(s.provenance.provider.as_str()) == answered)
        {
            eval.rewrites_checked += 1;
            let kind = if s.location.section == SectionKind::Summary {
                ItemKind::Summary
            } else {
                ItemKind::Bullet
            };
            if check(&s.original, rewrite, kind, &context).accepted {
                eval.rewrites_accepted += 1;
            }
        }
    }
    eval.usage.add(&improvements.usage);
    eval.cost_usd += improvements.cost_usd;
    eval.calls += improvements.calls.iter().filter(|c| !c.cached).count();
    let after = apply(resume, &improvements.suggestions).map(|a| a.resume);
    let after = after.as_ref().unwrap_or(resume);
    let (verbs, metrics, n) = bullet_shares(resume);
    let (verbs_after, metrics_after, _) = bullet_shares(after);
    tally.bullets += n;
    tally.verbs_before += verbs;
    tally.metrics_before += metrics;
    tally.verbs_after += verbs_after;
    tally.metrics_after += metrics_after;
}

/// Bullets opening with an action verb, bullets stating a metric, bullets.
fn bullet_shares(resume: &Resume) -> (usize, usize, usize) {
    let all = bullets(resume);
    let verbs = all
        .iter()
        .filter(|b| matches!(b.opener, Opener::Action(_)))
        .count();
    let metrics = all
        .iter()
        .filter(|b| is_quantified(b.text, &b.words))
        .count();
    (verbs, metrics, all.len())
}

fn finish(eval: &mut ProviderEval, tally: &Tally, resumes: usize) {
    let share = |n: usize, d: usize| {
        if d == 0 {
            1.0
        } else {
            round3(n as f64 / d as f64)
        }
    };
    eval.guard_pass_rate = share(eval.rewrites_accepted, eval.rewrites_checked);
    eval.action_verbs_before = share(tally.verbs_before, tally.bullets);
    eval.action_verbs_after = share(tally.verbs_after, tally.bullets);
    eval.metrics_before = share(tally.metrics_before, tally.bullets);
    eval.metrics_after = share(tally.metrics_after, tally.bullets);
    let n = resumes.max(1) as f64;
    eval.cost_per_resume_usd = eval.cost_usd / n;
    eval.mean_latency_ms = round3(tally.latency_ms / n);
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
