// Compiled by `tsc --noEmit` in types.test.mjs: typed calls compile, and
// each `@ts-expect-error` line must fail to compile (an `any` result or a
// missing field would make tsc report the directive as unused).
import { readFileSync } from 'node:fs'

import {
  Engine,
  analyze,
  apply,
  fromJsonResume,
  improve,
  parse,
  render,
  templates,
  toJsonResume,
  type Analysis,
  type JobResult,
  type Resume,
} from 'resume-engine'

export async function usage(path: string): Promise<number> {
  const resume: Resume = await parse(readFileSync(path))
  const name: string | null = resume.name
  const titles: string[] = resume.sections.experience.map((entry) => entry.title)
  const degrees: string[] = resume.sections.education.map((entry) => entry.degree)
  const skills: string[] = resume.sections.skills

  const analysis: Analysis = await analyze(resume, { jobDescription: 'Rust engineer' })
  const total: number = analysis.total
  const categories: string[] = analysis.categories.map((category) => category.id)

  const improvements = await improve(resume, { maxBulletWords: 30 })
  const ids: string[] = improvements.suggestions.map((suggestion) => suggestion.id)
  const applied = await apply(resume, improvements, ids.slice(0, 1))
  const changed: string[] = applied.changes.map((change) => change.after)

  const pdf: Buffer = await render(applied.resume, { template: templates()[0], format: 'pdf' })
  const roundTrip: Resume = fromJsonResume(toJsonResume(resume))

  const engine = await Engine.open({ backend: 'memory:' })
  engine.startWorker(2)
  const id: string = await engine.submit('analyze', resume, { keywords: 'software' })
  const status = await engine.wait(id, 60_000)
  const state: 'queued' | 'processing' | 'completed' | 'failed' = status.status
  const result: JobResult = await engine.result(id)
  const scored = 'analysis' in result ? result.analysis.total : 0
  const stats = await engine.stopWorker()
  const completed: number = stats?.completed ?? 0

  // @ts-expect-error: a resume has no `nmae`
  resume.nmae
  // @ts-expect-error: the total is a number
  const wrong: string = analysis.total
  // @ts-expect-error: parse takes bytes, not a path
  await parse(path)
  // @ts-expect-error: a job's status is not an arbitrary string
  const bogus: 'done' = status.status

  return [name, titles, degrees, skills, categories, changed, pdf, roundTrip, state, wrong, bogus]
    .length + total + scored + completed
}
