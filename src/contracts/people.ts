/** A Confluence person as the rule editor's people picker shows them; rules store the account id. */
export interface PersonOption {
  accountId: string;
  displayName: string;
}
