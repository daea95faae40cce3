export const LINUX_ICON_SIZES: readonly number[];
export const FORBIDDEN_ENTITLEMENTS: readonly string[];
export const REQUIRED_FUSES: Readonly<Record<string, boolean>>;
/** Every problem with the electron-builder configuration, as sentences; empty when valid. */
export function checkBuilderConfig(options?: { root?: string; configPath?: string }): Promise<string[]>;
/** Problems with the `publish` section (the update feed); empty when it names GitHub releases or a generic https URL. */
export function checkPublish(publish: unknown): string[];
