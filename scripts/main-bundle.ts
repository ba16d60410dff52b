/**
 * Packages the desktop app's main process carries inside its bundle rather than loading from node_modules at start.
 * Node resolves and compiles an external ES module package file by file (zod alone is some hundred files), which
 * was about a third of a cold open; bundled, they are one file read. The packages left outside are native
 * (better-sqlite3), loaded only on first use (exceljs, pinyin-pro), or Electron itself.
 * electron.vite.config.ts builds the main process with this list, and tests/bench/cold-open.ts bundles the core the same way.
 */
export const BUNDLED_DEPS = ['zod', 'drizzle-orm', 'dayjs'];
