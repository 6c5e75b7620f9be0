import type { ContentRecord } from './content-record';
import type { SpaceRecord } from './space-record';

/** Everything the simulator persists: the whole site fits in one JSON document. */
export interface SiteState {
  schemaVersion: 1;
  nextContentId: number;
  nextLabelId: number;
  spaces: SpaceRecord[];
  contents: ContentRecord[];
  /** Label name → label id, so one name keeps one id across pages, as in Confluence. */
  labelIds: Record<string, string>;
  /**
   * Content id → accountIds watching it, and space key → accountIds watching the space, in the
   * order the watches were added. Absent in states saved before watches existed.
   */
  contentWatches?: Record<string, string[]>;
  spaceWatches?: Record<string, string[]>;
}
