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
}
