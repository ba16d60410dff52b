/** Colours for a rule's source. Threshold names, units and bounds live in core (rules-thresholds.ts), beside the schema. */
export const SOURCE_COLOR: Record<string, string> = { 党章: 'red', 细则: 'volcano', 本地: 'blue' };
