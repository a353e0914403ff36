// The uniffi bindings from Kotlin on the JVM: parse a document, analyze it,
// improve and apply, render a PDF and parse it back, typed exceptions, and
// suspend functions (parse, render, jobs on SQLite with a worker) from
// coroutines. Run by scripts/test-uniffi.sh:
//
//   kotlinc -cp resume_engine.jar:jna.jar:kotlinx-coroutines-core-jvm.jar \
//     -script bindings/uniffi/tests/engine_test.kts REPO_ROOT
//
// with -Djna.library.path at the folder of libresume_engine_uniffi.so.
// Exits 1 when a check fails.

import java.io.File
import java.nio.file.Files
import kotlin.system.exitProcess
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import uniffi.resume_engine.*

var failures = 0

fun check(condition: Boolean, what: String) {
    if (condition) {
        println("ok   $what")
    } else {
        println("FAIL $what")
        failures += 1
    }
}

/** Runs [block], which must throw an exception of type [T]; returns it. */
inline fun <reified T : Throwable> expectThrows(what: String, block: () -> Unit): T? {
    try {
        block()
    } catch (error: Throwable) {
        if (error is T) {
            println("ok   $what (${error::class.simpleName}: ${error.message})")
            return error
        }
        println("FAIL $what: ${error::class.qualifiedName}: ${error.message}")
        failures += 1
        return null
    }
    println("FAIL $what: nothing was thrown")
    failures += 1
    return null
}

fun ByteArray.startsWith(prefix: String) =
    size >= prefix.length && String(copyOfRange(0, prefix.length), Charsets.ISO_8859_1) == prefix

// The document: a dev-corpus PDF beside the repository, else the
// repository's own DOCX fixture.
val root = File(args.getOrElse(0) { "." }).absoluteFile
val devPdf = File(root, "../shared/corpus/dev/p01_jose_nunez__docx-list-lo.pdf")
val (document, expectedName, expectedEmail) =
    if (devPdf.isFile) {
        Triple(devPdf, "José Núñez", "jose.nunez@example.com")
    } else {
        println("note ${devPdf.path} not found: using the repository's fixtures/sample-resume.docx")
        Triple(File(root, "fixtures/sample-resume.docx"), "Ana Lucía Ferreira-Sousa", "ana.ferreira@example.pt")
    }
val bytes = document.readBytes()
println("document: ${document.canonicalPath}")

check(templates().containsAll(listOf("classic", "modern", "compact", "executive")), "templates() lists the built-in templates")

// Blocking calls.
val engine = ResumeEngine()
val resume = engine.parse(bytes)
check(resume.name == expectedName, "parse: name is $expectedName (got ${resume.name})")
check(resume.email == expectedEmail, "parse: email is $expectedEmail (got ${resume.email})")
check(resume.sections.experience.isNotEmpty(), "parse: experience entries (${resume.sections.experience.size})")
check(resume.sections.experience.all { it.title.isNotBlank() && it.company.isNotBlank() }, "parse: every job has a title and a company")

val analysis = engine.analyze(resume)
check(analysis.total in 0.0..100.0, "analyze: total ${analysis.total} in 0..100")
check(analysis.categories.size == 5, "analyze: 5 categories")
check(
    analysis.categories.map { it.id } == listOf("contact", "impact", "keywords", "clarity", "structure"),
    "analyze: category ids ${analysis.categories.map { it.id }}",
)
check(Math.abs(analysis.categories.sumOf { it.score } - analysis.total) < 0.11, "analyze: total is the sum of the categories")
check(analysis.categories.all { it.score in 0.0..it.max }, "analyze: each category within its maximum")

val fromDocument = engine.analyzeDocument(bytes, jobDescription = "Senior backend engineer: Go, Python, Kafka, Kubernetes, PostgreSQL, AWS.")
val source = fromDocument.keywords.source
check(source is KeywordSource.JobDescription && source.terms > 0uL, "analyzeDocument: keywords from the job description ($source)")
check(fromDocument.keywords.matchRate in 0.0..1.0, "analyzeDocument: match rate ${fromDocument.keywords.matchRate}")

// A suspend function called from a coroutine: the rule-based improver, on
// the parsed resume and on one with weak bullets added.
val improvements = runBlocking { engine.improve(resume) }
check(improvements.provider?.provider == "rules", "improve: provider is rules (${improvements.provider})")
check(improvements.costUsd == 0.0, "improve: offline, no cost")
val weakJob = Experience(
    title = "Team Lead",
    company = "Acme Logistics",
    dates = "2015 – 2017",
    start = "2015",
    end = "2017",
    bullets = listOf("Responsible for managing the migration of the billing system", "I helped with very many code reviews"),
)
val weak = resume.copy(sections = resume.sections.copy(experience = resume.sections.experience + weakJob))
val weakImprovements = runBlocking { engine.improve(weak) }
val rewrites = weakImprovements.suggestions.filter { it.rewrite != null }
println("     ${improvements.suggestions.size} suggestions on the document, ${rewrites.size} rewrites with weak bullets")
check(rewrites.any { it.id.startsWith("e${resume.sections.experience.size}.") }, "improve: the weak bullets get rewrites")
val applied = engine.apply(weak, weakImprovements)
check(applied.changes.size == rewrites.size && rewrites.isNotEmpty(), "apply: one change per rewrite (${applied.changes.size})")
for (change in applied.changes) {
    val location = change.location
    if (location.section == "experience") {
        val bullet = applied.resume.sections.experience[location.entry!!.toInt()].bullets[location.bullet!!.toInt()]
        check(bullet == change.after && bullet != change.before, "apply: ${change.id} reads \"${change.after}\"")
    }
}
val one = engine.apply(weak, weakImprovements, ids = listOf(rewrites.first().id))
check(one.changes.map { it.id } == listOf(rewrites.first().id), "apply: only the listed id")
expectThrows<ResumeEngineException.StaleSuggestion>("apply: a suggestion for other text throws StaleSuggestion") {
    engine.apply(resume, weakImprovements, ids = listOf(rewrites.last().id))
}

val pdf = engine.render(applied.resume, template = "classic")
check(pdf.startsWith("%PDF"), "render: PDF bytes (${pdf.size} bytes)")
val back = engine.parse(pdf)
check(back.name == expectedName && back.email == expectedEmail, "render: the PDF parses back to ${back.name} <${back.email}>")

// A resume built in Kotlin, every other field left at its default.
val built = Resume(name = "Ana Ferreira", email = "ana@example.pt", sections = Sections(skills = listOf("Kotlin", "Rust")))
val docx = engine.render(built, format = "docx")
check(docx.startsWith("PK"), "render: a resume built in Kotlin to DOCX (${docx.size} bytes)")
check(engine.parse(docx).email == "ana@example.pt", "render: the DOCX parses back")

// Typed exceptions.
val corrupt = expectThrows<ResumeEngineException.Corrupt>("parse: a corrupt PDF throws Corrupt") {
    engine.parse("%PDF-1.7 garbage".toByteArray())
}
check(corrupt?.code == "corrupt" && corrupt.retryable == false, "Corrupt carries code `corrupt`, not retryable")
check(corrupt is ResumeEngineException, "Corrupt is a ResumeEngineException")
expectThrows<ResumeEngineException.UnknownTemplate>("render: an unknown template throws UnknownTemplate") {
    engine.render(resume, template = "no-such-template")
}
expectThrows<ResumeEngineException.UnknownFormat>("render: an unknown format throws UnknownFormat") {
    engine.render(resume, format = "odt")
}
expectThrows<ResumeEngineException.InvalidResume>("render: a malformed date throws InvalidResume") {
    engine.render(Resume(sections = Sections(experience = listOf(Experience(start = "last spring")))))
}
expectThrows<ResumeEngineException.Empty>("parse: no bytes throws Empty") {
    engine.parse(ByteArray(0))
}

// Suspend functions from coroutines, and jobs on SQLite with a worker.
val work = Files.createTempDirectory("resume-engine-uniffi").toFile()
try {
    runBlocking {
        val parsed = listOf(async { engine.parseAsync(bytes) }, async { engine.parseAsync(pdf) }).awaitAll()
        check(parsed.all { it.email == expectedEmail }, "parseAsync: two documents at once")
        val rendered = engine.renderAsync(parsed[0], template = "compact")
        check(rendered.startsWith("%PDF"), "renderAsync: PDF bytes")
        val scored = engine.analyzeDocumentAsync(bytes)
        check(scored.total in 0.0..100.0, "analyzeDocumentAsync: total ${scored.total}")
        expectThrows<ResumeEngineException.Corrupt>("parseAsync: a corrupt PDF throws Corrupt") {
            engine.parseAsync("%PDF-1.7 garbage".toByteArray())
        }

        val jobs = ResumeEngine.open(backend = "sqlite:${File(work, "jobs.db").path}", storage = File(work, "files").path)
        jobs.startWorker(2u)
        check(jobs.workerRunning(), "startWorker: a worker runs")
        expectThrows<ResumeEngineException.InvalidInput>("startWorker: a second worker throws InvalidInput") {
            jobs.startWorker(null)
        }
        val analyzeId = jobs.submit("analyze", bytes, JobOptions(filename = document.name))
        val generateId = jobs.submitResume("generate", built, JobOptions(template = "modern", formats = listOf("pdf")))
        val done = jobs.wait(analyzeId, 120_000uL)
        check(done.status == "completed" && done.finished, "wait: the analyze job completed (${done.status}, ${done.error})")
        val result = jobs.resultJson(analyzeId)
        check(result.contains("\"analysis\"") && result.contains(expectedEmail), "resultJson: the analysis and the resume")
        val generated = jobs.wait(generateId, 120_000uL)
        check(generated.status == "completed", "wait: the generate job completed (${generated.status}, ${generated.error})")
        check(jobs.resultJson(generateId).contains("\"files\""), "resultJson: the generated files")
        check(jobs.status(analyzeId).kind == "analyze", "status: kind analyze")
        expectThrows<ResumeEngineException.InvalidInput>("submit: an unknown kind throws InvalidInput") {
            jobs.submit("render", bytes)
        }
        expectThrows<ResumeEngineException.JobNotFound>("status: an unknown id throws JobNotFound") {
            jobs.status("00000000-0000-4000-8000-000000000000")
        }
        val stats = jobs.stopWorker()
        check(stats != null && stats.completed >= 2uL, "stopWorker: the worker completed the jobs ($stats)")
        check(!jobs.workerRunning(), "stopWorker: no worker runs")
        check(jobs.stopWorker() == null, "stopWorker: null when none runs")
    }
} finally {
    work.deleteRecursively()
}

if (failures > 0) {
    println("$failures check(s) failed")
    exitProcess(1)
}
println("all Kotlin checks passed")
