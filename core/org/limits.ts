/** Bounds of township settings, without zod, so pages can show them as well as the schema enforce them. */

/** "多年不发展党员" threshold in years: under a year is no signal, over ten no longer a reminder. */
export const DORMANT_YEARS = { min: 1, max: 10, default: 3 } as const;
