import fs from 'node:fs';
import path from 'node:path';

import { FileSystemReader } from '@forge/cli-shared';
import type { StatsigService } from '@forge/cli-shared';
import { getClientSideLintersOnly, parseSourceFile, PermissionLinter, tsParser } from '@forge/lint';
import type { LintInput, LintResult, LintResultRule } from '@forge/lint';
import { getHandlersDirectory } from '@forge/manifest';
import type { ManifestSchema } from '@forge/manifest';
import ts from 'typescript';

import { OfflineStatsigReader } from './offline-statsig-reader';
import type { RawFinding } from './promotion-policy';

/** `forge lint` without `-e` lints the development environment, whose key is `default`. */
const ENVIRONMENT = 'default';
const SOURCE_EXTENSION = /\.(c?js|jsx|tsx?)$/;

/**
 * TypeScript files the app's tsconfig compiles, or undefined when there is no tsconfig. `forge lint`
 * compares file paths with the tsconfig's raw `include` globs, so a directory entry such as `"src"`
 * (this repository's form) would make it skip every .ts file; TypeScript's own resolution avoids that.
 */
const compiledTypeScriptFiles = (): Set<string> | undefined => {
  if (!fs.existsSync('tsconfig.json')) return undefined;
  const configFile = ts.readConfigFile('tsconfig.json', (file) => ts.sys.readFile(file));
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, process.cwd());
  return new Set(parsed.fileNames.map((file) => path.resolve(file)));
};

interface ParseFailure {
  message?: unknown;
  lineNumber?: unknown;
  column?: unknown;
}

/** A file the linters cannot parse is a finding of its own: `forge lint` would stop on it. */
const parseFailure = (file: string, error: unknown): RawFinding => {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as ParseFailure;
  return {
    file,
    line: typeof failure.lineNumber === 'number' ? failure.lineNumber : 0,
    column: typeof failure.column === 'number' ? failure.column : 0,
    level: 'error',
    message: `Cannot parse: ${typeof failure.message === 'string' ? failure.message : String(error)}`,
    reference: 'parse-error',
  };
};

interface Sources {
  inputs: LintInput[];
  failures: RawFinding[];
}

const readSources = async (manifest: ManifestSchema): Promise<Sources> => {
  const files = await new FileSystemReader().recursiveReadDir(getHandlersDirectory(manifest), [
    'node_modules',
  ]);
  const compiled = compiledTypeScriptFiles();
  const wanted = files
    .filter((file) => SOURCE_EXTENSION.test(file))
    .filter((file) => !/\.tsx?$/.test(file) || !compiled || compiled.has(path.resolve(file)))
    .sort();
  const sources: Sources = { inputs: [], failures: [] };
  for (const file of wanted) {
    try {
      sources.inputs.push(await parseSourceFile(file, tsParser));
    } catch (error) {
      sources.failures.push(parseFailure(file, error));
    }
  }
  return sources;
};

const toFindings = (result: LintResult): RawFinding[] => {
  const finding = (level: RawFinding['level']) => (rule: LintResultRule) => ({
    file: result.file,
    line: rule.line,
    column: rule.column,
    level,
    message: rule.message,
    reference: rule.reference,
    metadata: rule.metadata,
  });
  return [
    ...result.errors.map(finding('error')),
    ...result.warnings.map(finding('warning')),
    // Approvals come from server-side rules only; `forge lint` fails on them like on errors.
    ...result.approvals.map(finding('error')),
  ];
};

/**
 * Runs `@forge/lint`'s client-side linters, as `forge lint` does, over the app's source folder and
 * manifest. Leaves out `PermissionLinter`, which downloads Atlassian's API specifications. The
 * linters read `manifest.yml`, `tsconfig.json` and source paths relative to the working directory,
 * so the caller must run this with the app's folder as working directory.
 */
export const runClientLinters = async (manifest: ManifestSchema): Promise<RawFinding[]> => {
  const logger = { info: (message: string) => console.error(message) };
  // The linters are typed against StatsigService but only call StatsigReader's public methods.
  const statsig = new OfflineStatsigReader() as unknown as StatsigService;
  const linters = (await getClientSideLintersOnly(manifest, ENVIRONMENT, logger, statsig)).filter(
    (linter) => !(linter instanceof PermissionLinter),
  );
  const { inputs, failures } = await readSources(manifest);
  await Promise.all(linters.map((linter) => linter.bootstrap()));
  const results = await Promise.all(linters.map((linter) => linter.batchExecute(inputs)));
  return [...failures, ...results.flat().flatMap(toFindings)];
};
