import { findPosition } from '@forge/manifest';
import type { ManifestSchema } from '@forge/manifest';

import type { RawFinding } from './promotion-policy';

/**
 * Runtimes Forge still deploys. The manifest schema accepts `nodejs20.x`, and the deprecation
 * list `forge lint` would download is not available offline, but 20.x deploys are blocked since
 * 2026-05-06 (PLATFORM-FACTS "Runtime").
 */
const DEPLOYABLE_RUNTIMES: readonly string[] = ['nodejs22.x', 'nodejs24.x'];

/** Reports `app.runtime.name` when Forge would refuse to deploy it. */
export const checkRuntime = (
  manifest: ManifestSchema,
  yamlContentByLine: string[] | undefined,
  file: string,
): RawFinding[] => {
  const runtime = manifest.app.runtime.name;
  if (DEPLOYABLE_RUNTIMES.includes(runtime)) return [];
  return [
    {
      file,
      ...findPosition(runtime, yamlContentByLine),
      level: 'error',
      message: `Forge no longer deploys the ${runtime} runtime; use one of ${DEPLOYABLE_RUNTIMES.join(', ')}`,
      reference: 'deprecated-property',
    },
  ];
};
