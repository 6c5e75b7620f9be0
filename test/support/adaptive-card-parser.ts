/** The slice of the `adaptivecards` API the tests use (its bundled typings are not a module). */
interface AdaptiveCardsModule {
  AdaptiveCard: new () => {
    parse(json: object, context: unknown): void;
    validateProperties(): { validationEvents: Array<{ message: string }> };
  };
  SerializationContext: new () => { eventCount: number; getEventAt(index: number): { message: string } };
}

// The package's `lib/` is extension-less ESM that Node cannot load; its UMD build works in Node.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;

/** Parses a card with the official renderer's parser and returns every warning it raised. */
export const adaptiveCardWarnings = (card: object): string[] => {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  const warnings: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) warnings.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) warnings.push(event.message);
  return warnings;
};
