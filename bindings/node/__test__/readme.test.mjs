// The README's quick start runs as written.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'

const packageDir = fileURLToPath(new URL('..', import.meta.url))

test('the README quick start runs', () => {
  const readme = readFileSync(join(packageDir, 'README.md'), 'utf8')
  const snippet = readme.match(/```js\n([\s\S]*?)```/)[1]
  const script = join(packageDir, '__test__', 'readme-quick-start.tmp.cjs')
  writeFileSync(script, snippet)
  try {
    const output = execFileSync(process.execPath, [script], { cwd: packageDir, encoding: 'utf8' })
    const lines = output.trim().split('\n')
    assert.ok(lines.includes('%PDF'), output)
    assert.ok(lines.includes('E_UNKNOWN_TEMPLATE'), output)
    assert.ok(lines.includes('completed'), output)
  } finally {
    rmSync(script, { force: true })
  }
})
