/* Generated from the Rust types by `resume_engine::typescript::declarations()`:
 * do not edit. Regenerate with
 * `UPDATE_TYPINGS=1 cargo test -p resume-engine-tests --test typescript_declarations`. */

/**
 * A parsed resume.
 *
 * The field names `name, email, phone, sections{summary, experience, education,
 * skills}, raw_text` are a stable interchange contract; the other fields add
 * what real resumes carry.
 */
export type Resume = {
  /**
   * The candidate's name as printed.
   */
  name: string | null,
  /**
   * Email address.
   */
  email: string | null,
  /**
   * Phone number as printed.
   */
  phone: string | null,
  /**
   * The line under the name: current role or professional title.
   */
  headline: string | null,
  /**
   * Where the candidate lives ("Boston, MA").
   */
  location: string | null,
  /**
   * Web links and profiles (LinkedIn, GitHub, a home page).
   */
  links: Array<Link>,
  /**
   * The resume's sections.
   */
  sections: Sections,
  /**
   * The document's text in reading order.
   */
  raw_text: string,
};

/**
 * A link to a profile or page.
 */
export type Link = {
  /**
   * The URL, with a scheme (`https://…`).
   */
  url: string,
  /**
   * The network or site when recognised ("LinkedIn", "GitHub"), else `None`.
   */
  network: string | null,
};

/**
 * The content sections of a resume.
 */
export type Sections = {
  /**
   * Summary, profile or objective paragraph(s).
   */
  summary: string | null,
  /**
   * Work history, most recent first as printed.
   */
  experience: Array<Experience>,
  /**
   * Education entries.
   */
  education: Array<Education>,
  /**
   * Individual skills, flattened from all groups.
   */
  skills: Array<string>,
  /**
   * Skills as grouped on the page ("Languages: Go, Python").
   */
  skill_groups: Array<SkillGroup>,
  /**
   * Projects.
   */
  projects: Array<Project>,
  /**
   * Certifications and licences.
   */
  certifications: Array<Certification>,
  /**
   * Spoken languages.
   */
  languages: Array<Language>,
  /**
   * Sections the recogniser has no structure for (awards, volunteering,
   * publications…), kept so nothing is lost.
   */
  other: Array<OtherSection>,
};

/**
 * One position in the work history.
 */
export type Experience = {
  /**
   * Job title.
   */
  title: string,
  /**
   * Employer.
   */
  company: string,
  /**
   * The dates as printed ("Jan 2020 – Present").
   */
  dates: string,
  /**
   * Normalised start date.
   */
  start: ResumeDate | null,
  /**
   * Normalised end date ([`ResumeDate::Present`] for a current role).
   */
  end: ResumeDate | null,
  /**
   * Where the job was.
   */
  location: string | null,
  /**
   * Free text under the entry that is not a bullet.
   */
  description: string | null,
  /**
   * Achievement bullets, each joined into one line.
   */
  bullets: Array<string>,
};

/**
 * One education entry.
 */
export type Education = {
  /**
   * Degree as printed ("Bachelor of Science, Computer Science").
   */
  degree: string,
  /**
   * School, college or university.
   */
  institution: string,
  /**
   * Graduation year (or the dates as printed when only a range is given).
   */
  year: string,
  /**
   * Field of study, when it can be told apart from the degree.
   */
  field: string | null,
  /**
   * Normalised start date.
   */
  start: ResumeDate | null,
  /**
   * Normalised end (graduation) date.
   */
  end: ResumeDate | null,
  /**
   * Grade point average or final grade as printed.
   */
  gpa: string | null,
  /**
   * Where the school is.
   */
  location: string | null,
  /**
   * Further lines: honours, coursework, thesis.
   */
  details: Array<string>,
};

/**
 * A named group of skills.
 */
export type SkillGroup = {
  /**
   * The group's label ("Languages"), if any.
   */
  name: string | null,
  /**
   * The skills in the group.
   */
  skills: Array<string>,
};

/**
 * A project.
 */
export type Project = {
  /**
   * Project name.
   */
  name: string,
  /**
   * One-line description.
   */
  description: string | null,
  /**
   * Link to the project.
   */
  url: string | null,
  /**
   * Dates as printed.
   */
  dates: string | null,
  /**
   * Bullets under the project.
   */
  bullets: Array<string>,
};

/**
 * A certification or licence.
 */
export type Certification = {
  /**
   * Certification name.
   */
  name: string,
  /**
   * Issuing body.
   */
  issuer: string | null,
  /**
   * Date or year as printed.
   */
  date: string | null,
};

/**
 * A spoken language.
 */
export type Language = {
  /**
   * The language.
   */
  language: string,
  /**
   * Proficiency as printed ("Native", "Fluent", "B2").
   */
  fluency: string | null,
};

/**
 * A section without dedicated structure, kept verbatim.
 */
export type OtherSection = {
  /**
   * The heading as printed.
   */
  title: string,
  /**
   * The section's lines.
   */
  lines: Array<string>,
};

/**
 * A point in time as resumes give it. Serialised as `"2021-04"`, `"2021"`
 * or `"present"`.
 */
export type ResumeDate = string;

/**
 * The result of scoring a resume.
 *
 * `total` is always the sum of the category scores and lies in `0..=100`;
 * every point a category lost is carried by one of its [`Issue`]s.
 */
export type Analysis = {
  /**
   * Overall score, 0–100 (one decimal).
   */
  total: number,
  /**
   * The five categories, in a fixed order.
   */
  categories: Array<Category>,
  /**
   * Keyword coverage against the target (job description or pack).
   */
  keywords: KeywordReport,
  /**
   * Counts the rules were computed from.
   */
  stats: ResumeStats,
};

/**
 * The five scoring categories.
 */
export type CategoryId = "contact" | "impact" | "keywords" | "clarity" | "structure";

/**
 * One category's score and the issues behind the points it lost.
 */
export type Category = {
  /**
   * Stable identifier.
   */
  id: CategoryId,
  /**
   * Display name.
   */
  name: string,
  /**
   * Points earned (one decimal).
   */
  score: number,
  /**
   * Points available.
   */
  max: number,
  /**
   * Each rule of the category with its points.
   */
  rules: Array<RuleScore>,
  /**
   * What cost points (and zero-point advice), in rule order.
   */
  issues: Array<Issue>,
};

/**
 * A rule's share of its category.
 */
export type RuleScore = {
  /**
   * Stable identifier, `category.rule` (for example `impact.action_verbs`).
   */
  id: string,
  /**
   * What the rule checks.
   */
  description: string,
  /**
   * Points earned (two decimals).
   */
  score: number,
  /**
   * Points available.
   */
  max: number,
};

/**
 * How much an issue matters.
 */
export type Severity = "info" | "warning" | "critical";

/**
 * A problem found in the resume, where it is, and how to fix it.
 */
export type Issue = {
  /**
   * The rule that found it (a [`RuleScore::id`]).
   */
  rule: string,
  /**
   * How much it matters.
   */
  severity: Severity,
  /**
   * What is wrong.
   */
  message: string,
  /**
   * Where it is.
   */
  location: Location,
  /**
   * The concrete fix.
   */
  suggestion: string,
  /**
   * Points this issue costs (two decimals; 0 for advice or once the rule's
   * points are used up).
   */
  points: number,
  /**
   * The text concerned, shortened to at most 80 characters.
   */
  excerpt?: string | null,
};

/**
 * A place in the resume.
 */
export type Location = {
  /**
   * The section.
   */
  section: SectionKind,
  /**
   * Index of the entry within the section (job, school, project).
   */
  entry?: number | null,
  /**
   * Index of the bullet within the entry.
   */
  bullet?: number | null,
};

/**
 * The parts of a resume a [`Location`] can point to.
 */
export type SectionKind = "contact" | "summary" | "experience" | "education" | "skills" | "projects" | "other" | "document";

/**
 * Keyword coverage against the target.
 */
export type KeywordReport = {
  /**
   * What the keywords came from.
   */
  source: KeywordSource,
  /**
   * Weighted share of the target's keywords found, 0–1 (three decimals).
   */
  match_rate: number,
  /**
   * Keywords found, in target order.
   */
  matched: Array<KeywordMatch>,
  /**
   * Keywords not found, most important first, with where to add them.
   */
  missing: Array<KeywordSuggestion>,
};

/**
 * Where the target keywords came from.
 */
export type KeywordSource = { "kind": "job_description",
  /**
   * How many terms were extracted.
   */
  terms: number,
} | { "kind": "pack",
  /**
   * The pack's name.
   */
  name: string,
  /**
   * True when the scorer chose the pack because it fits the resume best.
   */
  auto_selected: boolean,
};

/**
 * A target keyword found in the resume.
 */
export type KeywordMatch = {
  /**
   * The keyword as the target spells it.
   */
  term: string,
  /**
   * Importance, 1–3.
   */
  weight: number,
  /**
   * Sections it was found in.
   */
  found_in: Array<SectionKind>,
};

/**
 * A target keyword missing from the resume, and where it could go.
 */
export type KeywordSuggestion = {
  /**
   * The keyword as the target spells it.
   */
  term: string,
  /**
   * Importance, 1–3.
   */
  weight: number,
  /**
   * Where to add it.
   */
  location: Location,
  /**
   * How to add it.
   */
  advice: string,
};

/**
 * Counts the rules were computed from.
 */
export type ResumeStats = {
  /**
   * Bullets in experience and projects.
   */
  bullets: number,
  /**
   * Bullets that open with a strong action verb.
   */
  action_verb_bullets: number,
  /**
   * Bullets with a number, percentage, amount or duration.
   */
  quantified_bullets: number,
  /**
   * Words in the resume's text.
   */
  words: number,
  /**
   * Months between the earliest start and the latest end of the jobs.
   */
  experience_months: number,
};

/**
 * The result of one improvement run.
 */
export type Improvements = {
  /**
   * The suggestions, in reading order.
   */
  suggestions: Array<Suggestion>,
  /**
   * The provider that answered (after any fallbacks).
   */
  provider: Provenance | null,
  /**
   * Every provider call made for this result (none for rules; one
   * marked `cached` on a cache hit).
   */
  calls: Array<CallRecord>,
  /**
   * Tokens used, summed over the calls.
   */
  usage: Usage,
  /**
   * Cost in US dollars, summed over the calls (0 on a cache hit).
   */
  cost_usd: number,
  /**
   * Providers that failed before the one that answered.
   */
  fallbacks?: Array<ProviderFailure>,
};

/**
 * One suggested change to one bullet or the summary.
 */
export type Suggestion = {
  /**
   * Short stable id of the text it applies to (`e0.1`: experience entry
   * 0, bullet 1; `p2.0`: a project bullet; `s`: the summary).
   */
  id: string,
  /**
   * Where it applies.
   */
  location: Location,
  /**
   * The text as in the resume.
   */
  original: string,
  /**
   * The suggested text; `None` when the suggestion only flags a problem
   * the improver must not fix itself (a missing metric).
   */
  rewrite: string | null,
  /**
   * What it fixes or points out.
   */
  reasons: Array<Reason>,
  /**
   * Who wrote the rewrite.
   */
  provenance: Provenance,
  /**
   * A model's rewrite for the same text that the guard rejected, when
   * this suggestion replaces it.
   */
  rejected?: Rejection | null,
};

/**
 * What a suggestion fixes (or, for flags, points out).
 */
export type Reason = "weak_opener" | "no_action_verb" | "tense" | "filler" | "pronoun" | "buzzword" | "missing_metric" | "too_long" | "tone" | "clarity";

/**
 * Who wrote a suggestion.
 */
export type Provenance = {
  /**
   * The provider (`rules`, `gemini`, `claude`).
   */
  provider: string,
  /**
   * The model, for LLM providers.
   */
  model?: string | null,
};

/**
 * A model's rewrite that the guard rejected.
 */
export type Rejection = {
  /**
   * Who wrote it.
   */
  provenance: Provenance,
  /**
   * The rejected text.
   */
  rewrite: string,
  /**
   * Why it was rejected.
   */
  reasons: Array<GuardReason>,
};

/**
 * One reason a rewrite was rejected.
 */
export type GuardReason = {
  /**
   * The guardrail.
   */
  rule: GuardRule,
  /**
   * What broke it (the number, name or word).
   */
  detail: string,
  /**
   * A sentence for people.
   */
  message: string,
};

/**
 * Which guardrail a rewrite broke.
 */
export type GuardRule = "added_number" | "dropped_number" | "new_name" | "too_long" | "no_action_verb" | "date_changed" | "empty";

/**
 * One provider call, as logged and reported.
 */
export type CallRecord = {
  /**
   * Provider name.
   */
  provider: string,
  /**
   * Model id.
   */
  model: string,
  /**
   * Tokens from the provider's usage fields.
   */
  usage: Usage,
  /**
   * Cost from the price table, in US dollars.
   */
  cost_usd: number,
  /**
   * Wall time including retries, in milliseconds.
   */
  latency_ms: number,
  /**
   * Retries before the answer.
   */
  retries: number,
  /**
   * Answered from the cache (no request sent, no cost).
   */
  cached: boolean,
};

/**
 * Tokens used by one call or a run.
 */
export type Usage = {
  /**
   * Prompt tokens.
   */
  input_tokens: number,
  /**
   * Output tokens (excluding thinking).
   */
  output_tokens: number,
  /**
   * Thinking tokens (billed as output).
   */
  thinking_tokens: number,
};

/**
 * One provider's failure inside a chain.
 */
export type ProviderFailure = {
  /**
   * Provider and model (`gemini:gemini-2.5-flash-lite`).
   */
  provider: string,
  /**
   * What went wrong.
   */
  error: string,
};

/**
 * A resume with accepted suggestions applied, and what changed.
 */
export type Applied = {
  /**
   * The new resume.
   */
  resume: Resume,
  /**
   * The changes, in the order applied.
   */
  changes: Array<Change>,
};

/**
 * One applied change, for tracking and undo.
 */
export type Change = {
  /**
   * The suggestion's id.
   */
  id: string,
  /**
   * Where the text changed.
   */
  location: Location,
  /**
   * The text before.
   */
  before: string,
  /**
   * The text after.
   */
  after: string,
  /**
   * Who wrote the new text.
   */
  provenance: Provenance,
};

/**
 * A document format a renderer writes.
 */
export type OutputFormat = "pdf" | "docx";

/**
 * A job's identifier: a UUID, shown in its hyphenated form.
 */
export type JobId = string;

/**
 * What a job does.
 */
export type JobKind = "analyze" | "improve" | "generate" | "process";

/**
 * Where a job is in its life.
 */
export type JobStatus = "queued" | "processing" | "completed" | "failed";

/**
 * A job's status without its input and result.
 */
export type JobSummary = {
  /**
   * Its id.
   */
  id: JobId,
  /**
   * What it does.
   */
  kind: JobKind,
  /**
   * Where it is.
   */
  status: JobStatus,
  /**
   * Who submitted it.
   */
  user?: string | null,
  /**
   * How far the running attempt has got.
   */
  progress?: Progress | null,
  /**
   * Why its last attempt failed.
   */
  error?: Failure | null,
  /**
   * When it was submitted.
   */
  created_at: Timestamp,
  /**
   * When its latest attempt started.
   */
  started_at?: Timestamp | null,
  /**
   * When it completed or failed for good.
   */
  completed_at?: Timestamp | null,
  /**
   * Attempts started so far.
   */
  attempts: number,
  /**
   * Attempts allowed.
   */
  max_attempts: number,
  /**
   * When it and its files are deleted.
   */
  expires_at: Timestamp,
  /**
   * What it cost in US dollars.
   */
  cost_usd: number,
};

/**
 * How far a running job has got.
 */
export type Progress = {
  /**
   * The stage being worked on (`parse`, `analyze`, `improve`, `render`…).
   */
  stage: string,
  /**
   * Percent done, 0 to 100.
   */
  percent: number,
};

/**
 * Why an attempt failed.
 */
export type Failure = {
  /**
   * A stable, machine-readable code (`parse`, `encrypted`, `timeout`,
   * `lease_expired`, `cancelled`, `provider`…).
   */
  code: string,
  /**
   * A message for people.
   */
  message: string,
  /**
   * Whether trying again may succeed (a timeout or a provider outage), as
   * opposed to a permanent error such as a corrupt document.
   */
  retryable: boolean,
};

/**
 * An instant, in milliseconds since the Unix epoch (UTC). Serialized as an
 * RFC 3339 string such as `2026-11-29T21:15:23.412Z`.
 */
export type Timestamp = string;

/**
 * What a worker did before it stopped.
 */
export type WorkerStats = {
  /**
   * Attempts that completed their job.
   */
  completed: number,
  /**
   * Attempts that failed and were queued again.
   */
  retried: number,
  /**
   * Attempts that failed for good.
   */
  failed: number,
  /**
   * Attempts abandoned because the lease was lost (cancelled, expired).
   */
  lease_lost: number,
  /**
   * Jobs given back to the queue on shutdown.
   */
  released: number,
  /**
   * Expired jobs swept.
   */
  swept: number,
};

/**
 * The result of an `analyze` job.
 */
export type AnalyzeResult = {
  /**
   * The resume that was scored.
   */
  resume: Resume,
  /**
   * Its scores, issues and suggestions.
   */
  analysis: Analysis,
};

/**
 * The result of an `improve` job.
 */
export type ImproveResult = {
  /**
   * The resume the suggestions apply to (unchanged).
   */
  resume: Resume,
  /**
   * The suggested rewrites.
   */
  improvements: Improvements,
};

/**
 * The result of a `generate` job.
 */
export type GenerateResult = {
  /**
   * The resume that was rendered.
   */
  resume: Resume,
  /**
   * The rendered files, one per requested format.
   */
  files: Array<GeneratedFile>,
};

/**
 * The result of a `process` job: analyze, improve, apply every rewrite,
 * analyze again, render.
 */
export type ProcessResult = {
  /**
   * The resume with the rewrites applied.
   */
  resume: Resume,
  /**
   * The resume as submitted.
   */
  original: Resume,
  /**
   * The submitted resume's analysis.
   */
  analysis_before: Analysis,
  /**
   * The improved resume's analysis.
   */
  analysis: Analysis,
  /**
   * The suggestions that were applied.
   */
  improvements: Improvements,
  /**
   * The rendered files of the improved resume.
   */
  files: Array<GeneratedFile>,
};

/**
 * A rendered file of a job's result.
 */
export type GeneratedFile = {
  /**
   * The template used.
   */
  template: string,
  /**
   * The format.
   */
  format: OutputFormat,
  /**
   * Where it is stored (`jobs/<id>/<template>.<ext>`).
   */
  key: BlobKey,
  /**
   * A signed URL that fetches it until it expires.
   */
  url: string,
  /**
   * Its size in bytes.
   */
  bytes: number,
};

/**
 * A blob key such as `jobs/<uuid>/modern.pdf`: non-empty `/`-separated
 * segments of ASCII letters, digits, `.`, `-` and `_`, none of them `.` or
 * `..`, so a key can never leave the store's root.
 */
export type BlobKey = string;

/** What `Engine.result` resolves to, by the job's kind. */
export type JobResult = AnalyzeResult | ImproveResult | GenerateResult | ProcessResult;

/** `T` with every field optional, at every depth. */
export type DeepPartial<T> = T extends Array<infer U>
  ? Array<DeepPartial<U>>
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** A resume as an input: any field may be left out (it reads as empty). */
export type ResumeInput = DeepPartial<Resume>;
