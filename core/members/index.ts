/** The pure 发展党员 rules layer: no Node, no database, safe for the renderer to import. */
export * from './steps';
export * from './dates';
export * from './rule-table';
export * from './record';
export { checkRecord, checkStepDate, sortViolations, type Violation, type ViolationLevel } from './rules';
export * from './derived';
export * from './reminders';
export * from './indicators';
