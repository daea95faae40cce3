interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  arch: number | string;
  packager: { appInfo: { productFilename: string }; executableName: string };
}
declare function afterPack(context: PackContext): Promise<void>;
declare namespace afterPack {
  const FUSES: Readonly<Record<string, boolean>>;
  function wantedFuses(platform: string): Record<string, boolean>;
  function applyFuses(
    binaryPath: string,
    platform: string,
    options?: { arch?: string; fuses?: Promise<unknown> },
  ): Promise<Record<string, boolean>>;
  function electronBinaryPath(context: PackContext): string;
}
export = afterPack;
