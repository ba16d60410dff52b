// A stand-in for the `electron` module, for loading the built main process under plain Node (no Electron binary):
// every property is a callable no-op, the app is never ready, and the single-instance lock is refused, so the
// main process evaluates all of its modules and then quits before it would open a window.
const special = { then: undefined, whenReady: () => new Promise(() => {}), getPath: () => '/nonexistent', requestSingleInstanceLock: () => false, [Symbol.toPrimitive]: () => 'electron-stub' };
const proxy = new Proxy(function stub() {}, { get: (_target, key) => (key in special ? special[key] : proxy), apply: () => proxy });
export const app = proxy;
export const BrowserWindow = proxy;
export const dialog = proxy;
export const ipcMain = proxy;
export const Menu = proxy;
export const screen = proxy;
export const session = proxy;
export const shell = proxy;
export default proxy;
