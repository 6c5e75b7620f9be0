import path from 'node:path';

import { validate } from '@forge/manifest';
import type { ManifestSchema } from '@forge/manifest';

import type { RawFinding } from './promotion-policy';
import { checkRuntime } from './runtime-policy';

/** What the full manifest validation found, and the parsed manifest when it could be read. */
export interface ManifestCheckResult {
  findings: RawFinding[];
  manifest?: ManifestSchema;
}

/**
 * Runs `@forge/manifest`'s full validation (schema, modules, handlers' files, resources,
 * permissions, storage) on `manifestPath`, plus the runtime rule the offline libraries cannot know.
 * Handler files and resource paths are resolved relative to the manifest's folder.
 */
export const checkManifest = async (manifestPath: string): Promise<ManifestCheckResult> => {
  const file = path.basename(manifestPath);
  const result = await validate(false, manifestPath);
  const findings: RawFinding[] = (result.errors ?? []).map((error) => ({ file, ...error }));
  // Only a manifest that passed the full schema can be trusted to have the ManifestSchema shape.
  const valid = !findings.some((finding) => finding.level === 'error');
  const manifest = valid ? (result.manifestObject?.typedContent as ManifestSchema | undefined) : undefined;
  if (!manifest) return { findings };
  findings.push(...checkRuntime(manifest, result.manifestObject?.yamlContentByLine, file));
  return { findings, manifest };
};
