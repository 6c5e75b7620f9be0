// Runs ESLint's Node API on import lines, in its own Node process: jest's module sandbox cannot
// load eslint.config.mjs (a dynamic import). Reads [{ filePath, specifier }] as JSON on stdin and
// prints, for each, the messages ESLint reports.
import { ESLint } from 'eslint';

const [cwd] = process.argv.slice(2);
let input = '';
for await (const chunk of process.stdin) input += chunk;

// Only the import rule, without type information: the files need not exist.
const eslint = new ESLint({
  cwd,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
});

const results = [];
for (const { filePath, specifier } of JSON.parse(input)) {
  const code = `import type { X } from '${specifier}';\nexport type Y = X;\n`;
  const [result] = await eslint.lintText(code, { filePath });
  results.push(result.messages.map((message) => `${message.ruleId ?? 'parse'}: ${message.message}`));
}
process.stdout.write(JSON.stringify(results));
