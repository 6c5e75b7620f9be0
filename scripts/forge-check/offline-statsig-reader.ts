import { StatsigReader } from '@forge/cli-shared';
import type { DynamicConfig, DynamicConfigKey, FeatureGate } from '@forge/cli-shared';

/**
 * Feature-flag reader that never asks Atlassian's flag service. `StatsigService` would POST to
 * api.atlassian.com (with the logged-in account) on first use; answering `null` makes every
 * `StatsigReader` helper fall back to its built-in default, which is what `forge lint` does when
 * the flag service is unreachable.
 */
export class OfflineStatsigReader extends StatsigReader {
  override checkGate(_gate: FeatureGate): Promise<boolean | null> {
    return Promise.resolve(null);
  }

  override getDynamicConfig<F extends DynamicConfigKey>(_config: F): Promise<DynamicConfig[F] | null> {
    return Promise.resolve(null);
  }
}
