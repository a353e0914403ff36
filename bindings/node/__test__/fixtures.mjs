// Shared inputs of the test suite.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../../', import.meta.url))

export const sampleDocx = readFileSync(`${root}fixtures/sample-resume.docx`)
export const jobDescription = readFileSync(`${root}fixtures/job-description.txt`, 'utf8')

export const weakResume = {
  name: 'Sam Weak',
  email: 'sam@example.com',
  sections: {
    experience: [
      {
        title: 'Engineer',
        company: 'Acme',
        dates: '2019 – 2021',
        bullets: ['Responsible for managing the billing service'],
      },
    ],
  },
}

/** A document of the parser's regression corpus (tests/regressions). */
export const regression = (name) => readFileSync(`${root}tests/regressions/${name}`)
