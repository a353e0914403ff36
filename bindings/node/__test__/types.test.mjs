// The package's TypeScript declarations type real usage: `tsc --noEmit`
// compiles types/usage.ts and the README's TypeScript block against
// index.d.ts and types.d.ts (strict mode, with `@ts-expect-error` lines
// that only compile when results are typed).
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { test } from 'node:test'

const project = fileURLToPath(new URL('./types/tsconfig.json', import.meta.url))
const readme = fileURLToPath(new URL('../README.md', import.meta.url))
const snippet = fileURLToPath(new URL('./types/readme.tmp.ts', import.meta.url))
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')

test('a typed usage file and the README block compile with tsc --noEmit', () => {
  writeFileSync(snippet, readFileSync(readme, 'utf8').match(/```ts\n([\s\S]*?)```/)[1])
  try {
    const run = spawnSync(process.execPath, [tsc, '--noEmit', '-p', project], { encoding: 'utf8' })
    assert.equal(run.status, 0, `tsc failed:\n${run.stdout}${run.stderr}`)
  } finally {
    rmSync(snippet, { force: true })
  }
})
