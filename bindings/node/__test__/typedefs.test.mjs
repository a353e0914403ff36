// The committed `index.d.ts` (and its loader `index.js`) are what
// `napi build --dts` generates now: the test regenerates them into a
// temporary folder and compares.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const packageDir = fileURLToPath(new URL('..', import.meta.url))

test('index.d.ts and index.js are up to date', { timeout: 20 * 60 * 1000 }, () => {
  const out = mkdtempSync(join(tmpdir(), 'resume-engine-dts-'))
  try {
    execFileSync(
      'npx',
      ['napi', 'build', '--platform', '--output-dir', out, '--dts', 'index.d.ts', '--js', 'index.js'],
      { cwd: packageDir, stdio: ['ignore', 'ignore', 'inherit'] },
    )
    for (const file of ['index.d.ts', 'index.js']) {
      const generated = readFileSync(join(out, file), 'utf8')
      const committed = readFileSync(join(packageDir, file), 'utf8')
      assert.equal(committed, generated, `${file} is stale: run \`npm run build\` and commit it`)
    }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
})

test('every declared export exists and nothing undeclared is exported', () => {
  const declared = new Set()
  const dts = readFileSync(join(packageDir, 'index.d.ts'), 'utf8')
  for (const match of dts.matchAll(/^export declare (?:function|class|const) (\w+)/gm)) {
    declared.add(match[1])
  }
  const exported = Object.keys(createRequire(import.meta.url)('../index.js'))
  assert.deepEqual([...exported].sort(), [...declared].sort())
})
