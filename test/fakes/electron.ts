// A small fake of the `electron` module for unit tests of electron/shell.
// Vitest aliases every import of 'electron' here (vitest.config.ts), so no
// test ever loads the real module (which would try to download Electron).
// It records what the shell asked for, so tests can assert on it, and lets
// tests play the other side (invoke an IPC handler as some sender, fire app
// events, click a notification).
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => void;

export class FakeWebFrame {
  constructor(public url: string) {}
}

export class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly mainFrame = new FakeWebFrame('about:blank');
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  private destroyed = false;
  readonly session = session.defaultSession;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
  }
  /** Emits a cancellable event the way Electron does; returns whether it was prevented. */
  emitCancellable(name: string, ...args: unknown[]): boolean {
    let isPrevented = false;
    this.emit(name, { preventDefault: () => (isPrevented = true) }, ...args);
    return isPrevented;
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly instances: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  isShown = false;
  private destroyed = false;
  constructor(public readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.instances.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  focusCount = 0;
  isMaximizedValue = false;
  maximize() {
    this.isMaximizedValue = true;
    this.emit('maximize');
  }
  isMaximized() {
    return this.isMaximizedValue;
  }
  /** The bounds it was created with (x, y, width, height), moved by setBounds. */
  getNormalBounds() {
    const {
      x = 0,
      y = 0,
      width = 800,
      height = 600,
    } = this.options as { x?: number; y?: number; width?: number; height?: number };
    return { x, y, width, height };
  }
  setBounds(bounds: { x: number; y: number; width: number; height: number }) {
    Object.assign(this.options, bounds);
    this.emit('move');
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    // Electron reports the page loaded a little later; tests await a tick to see it.
    setImmediate(() => this.webContents.emit('did-finish-load'));
    return Promise.resolve();
  }
  show() {
    this.isShown = true;
  }
  hide() {
    this.isShown = false;
  }
  isVisible() {
    return this.isShown;
  }
  focus() {
    this.focusCount += 1;
  }
  restore() {}
  isMinimized() {
    return false;
  }
  isDestroyed() {
    return this.destroyed;
  }
  /** As Electron: 'close' can be prevented (hide to tray instead); otherwise the window goes and 'closed' follows. */
  close() {
    let isPrevented = false;
    this.emit('close', { preventDefault: () => (isPrevented = true) });
    if (isPrevented) return;
    this.destroyed = true;
    this.emit('closed');
  }
  static getAllWindows() {
    return BrowserWindow.instances.filter((window) => !window.isDestroyed());
  }
}

class FakeApp extends EventEmitter {
  hasSingleInstanceLock = true;
  didQuit = false;
  userDataPath = '/tmp/herald-fake-electron';
  requestSingleInstanceLock() {
    return this.hasSingleInstanceLock;
  }
  whenReady() {
    return Promise.resolve();
  }
  isReady() {
    return true;
  }
  quit() {
    this.didQuit = true;
  }
  getPath(_name: string) {
    return this.userDataPath;
  }
  getVersion() {
    return '0.0.0-fake';
  }
  setAppUserModelId() {}
  toastActivatorCLSID = '';
  setToastActivatorCLSID(id: string) {
    this.toastActivatorCLSID = id;
  }
  isPackaged = false;
  loginItem = { openAtLogin: false, args: [] as string[], wasOpenedAtLogin: false };
  getLoginItemSettings() {
    return { ...this.loginItem };
  }
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }) {
    this.loginItem = { ...this.loginItem, openAtLogin: settings.openAtLogin, args: settings.args ?? [] };
  }
  protocolClients = new Set<string>();
  isDefaultProtocolClient(scheme: string) {
    return this.protocolClients.has(scheme);
  }
  setAsDefaultProtocolClient(scheme: string) {
    this.protocolClients.add(scheme);
    return true;
  }
  badgeCount = 0;
  setBadgeCount(count: number) {
    this.badgeCount = count;
    return true;
  }
}
export const app = new FakeApp();

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;
class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler) {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  /** Plays a renderer calling ipcRenderer.invoke from `sender`'s frame `frame`. */
  invokeAs(
    sender: FakeWebContents,
    channel: string,
    args: unknown,
    frame: FakeWebFrame = sender.mainFrame,
  ): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return Promise.resolve(handler({ sender, senderFrame: frame }, args));
  }
}
export const ipcMain = new FakeIpcMain();

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoked: [] as Array<{ channel: string; args: unknown }>,
  invokeImpl: null as null | ((channel: string, args: unknown) => Promise<unknown>),
  invoke(channel: string, args: unknown) {
    ipcRenderer.invoked.push({ channel, args });
    return ipcRenderer.invokeImpl ? ipcRenderer.invokeImpl(channel, args) : Promise.resolve(undefined);
  },
});

export const contextBridge = {
  exposed: {} as Record<string, unknown>,
  exposeInMainWorld(key: string, api: unknown) {
    contextBridge.exposed[key] = api;
  },
};

export const shell = {
  opened: [] as string[],
  openExternal(url: string) {
    shell.opened.push(url);
    return Promise.resolve();
  },
  openPath() {
    return Promise.resolve('');
  },
};

class FakeSession {
  permissionRequestHandler:
    ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | null = null;
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']) {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['devicePermissionHandler']) {
    this.devicePermissionHandler = handler;
  }
}
export const session = { defaultSession: new FakeSession() };

export const protocol = {
  privilegedSchemes: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  registerSchemesAsPrivileged(schemes: unknown[]) {
    protocol.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response) {
    protocol.handlers.set(scheme, handler);
  },
};

export const safeStorage = {
  backend: 'gnome_libsecret' as string,
  isAvailable: true,
  isAsyncEncryptionAvailable() {
    return Promise.resolve(safeStorage.isAvailable);
  },
  getSelectedStorageBackend() {
    return safeStorage.backend;
  },
  encryptStringAsync(plainText: string) {
    // Reversible but not plain: enough to show the shell never stores the token as typed.
    return Promise.resolve(Buffer.from(`fake-enc:${Buffer.from(plainText).toString('hex')}`));
  },
  decryptStringAsync(encrypted: Buffer) {
    const hex = encrypted.toString().replace(/^fake-enc:/, '');
    return Promise.resolve({ shouldReEncrypt: false, result: Buffer.from(hex, 'hex').toString() });
  },
};

export class Notification extends EventEmitter {
  static readonly shown: Notification[] = [];
  static isSupportedValue = true;
  static isSupported() {
    return Notification.isSupportedValue;
  }
  isClosed = false;
  constructor(public readonly options: Record<string, unknown>) {
    super();
  }
  show() {
    Notification.shown.push(this);
  }
  close() {
    this.isClosed = true;
  }
  /** Plays the user clicking the notification. */
  click() {
    this.emit('click', {});
  }
  /** Plays the user pressing action button `index` (macOS, Windows): Electron 39+ puts the index in the details too. */
  pressAction(index: number) {
    this.emit('action', { actionIndex: index, selectionIndex: -1 }, index);
  }
  /** As an older Electron did: the index only as the (now deprecated) second argument. */
  pressActionLegacy(index: number) {
    this.emit('action', {}, index);
  }
}

export class Tray extends EventEmitter {
  static readonly instances: Tray[] = [];
  toolTip = '';
  image: unknown;
  menu: unknown;
  title = '';
  constructor(image: unknown) {
    super();
    this.image = image;
    Tray.instances.push(this);
  }
  setToolTip(text: string) {
    this.toolTip = text;
  }
  setImage(image: unknown) {
    this.image = image;
  }
  setContextMenu(menu: unknown) {
    this.menu = menu;
  }
  setTitle(title: string) {
    this.title = title;
  }
  isDestroyed = false;
  destroy() {
    this.isDestroyed = true;
  }
}

export const Menu = {
  buildFromTemplate(template: unknown[]) {
    return { items: template };
  },
  setApplicationMenu() {},
};

export class FakeNativeImage {
  readonly representations: Array<{ scaleFactor: number; bytes: number }> = [];
  isTemplateImage = false;
  constructor(
    public readonly path: string,
    /** What the image was made from, for assertions (a file path or a PNG's size). */
    public readonly source: string,
  ) {}
  isEmpty() {
    return this.source === '';
  }
  addRepresentation(options: { scaleFactor: number; buffer?: Buffer }) {
    this.representations.push({ scaleFactor: options.scaleFactor, bytes: options.buffer?.length ?? 0 });
  }
  setTemplateImage(isTemplate: boolean) {
    this.isTemplateImage = isTemplate;
  }
}

export const nativeImage = {
  createFromPath(path: string) {
    return new FakeNativeImage(path, path);
  },
  createFromBuffer(buffer: Buffer, options: { scaleFactor?: number } = {}) {
    const image = new FakeNativeImage('', `png:${buffer.length}`);
    image.addRepresentation({ scaleFactor: options.scaleFactor ?? 1, buffer });
    return image;
  },
  createEmpty() {
    return new FakeNativeImage('', '');
  },
};

export const powerMonitor = new EventEmitter();

export interface FakeDisplay {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
  workArea: { x: number; y: number; width: number; height: number };
}

/** One 1920×1080 display unless a test sets others (first is primary). */
export const screen = {
  displays: [] as FakeDisplay[],
  getAllDisplays() {
    return screen.displays;
  },
  getPrimaryDisplay() {
    return screen.displays[0]!;
  },
  getDisplayMatching(rect: { x: number; y: number; width: number; height: number }) {
    const centreX = rect.x + rect.width / 2;
    const centreY = rect.y + rect.height / 2;
    return (
      screen.displays.find(
        ({ bounds }) =>
          centreX >= bounds.x &&
          centreX < bounds.x + bounds.width &&
          centreY >= bounds.y &&
          centreY < bounds.y + bounds.height,
      ) ?? screen.displays[0]!
    );
  },
};

function defaultDisplays(): FakeDisplay[] {
  return [
    {
      id: 1,
      bounds: { x: 0, y: 0, width: 1920, height: 1080 },
      workArea: { x: 0, y: 25, width: 1920, height: 1055 },
    },
  ];
}
screen.displays = defaultDisplays();

export const crashReporter = {
  startedWith: null as Record<string, unknown> | null,
  start(options: Record<string, unknown>) {
    crashReporter.startedWith = options;
  },
};

/** Clears recorded state between tests. */
export function resetFakeElectron(): void {
  for (const emitter of [app, ipcMain, ipcRenderer, powerMonitor] as EventEmitter[])
    emitter.removeAllListeners();
  app.hasSingleInstanceLock = true;
  app.didQuit = false;
  app.badgeCount = 0;
  app.protocolClients = new Set();
  app.isPackaged = false;
  app.toastActivatorCLSID = '';
  app.loginItem = { openAtLogin: false, args: [], wasOpenedAtLogin: false };
  screen.displays = defaultDisplays();
  crashReporter.startedWith = null;
  Notification.isSupportedValue = true;
  ipcMain.handlers.clear();
  ipcRenderer.invoked.length = 0;
  ipcRenderer.invokeImpl = null;
  BrowserWindow.instances.length = 0;
  Notification.shown.length = 0;
  Tray.instances.length = 0;
  shell.opened.length = 0;
  protocol.privilegedSchemes.length = 0;
  protocol.handlers.clear();
  contextBridge.exposed = {};
  session.defaultSession = new FakeSession();
  safeStorage.backend = 'gnome_libsecret';
  safeStorage.isAvailable = true;
}

export type { Listener };

const electron = {
  app,
  BrowserWindow,
  ipcMain,
  ipcRenderer,
  contextBridge,
  shell,
  session,
  protocol,
  safeStorage,
  Notification,
  Tray,
  Menu,
  nativeImage,
  powerMonitor,
  screen,
  crashReporter,
};
export default electron;
