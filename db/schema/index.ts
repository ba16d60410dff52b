export * from './settings';
export * from './org';
export * from './people';
export * from './audit';
export * from './members';
export * from './member-state';
export * from './reserves';
export * from './centres';
