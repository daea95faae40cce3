// The storage port. Core never imports electron-store (it loads `electron`):
// the shell hands it electron-store instances, while the browser harness and
// tests hand it `conf` instances over the same files. Both satisfy this.

export interface ConfLike {
  /** The whole stored object. */
  store: Record<string, unknown>;
  readonly path: string;
}

export type ConfFactory = (options: { cwd: string; name: string }) => ConfLike;
