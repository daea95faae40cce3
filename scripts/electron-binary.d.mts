/** Path of the installed Electron binary, or null where none is installed. */
export function findElectronBinary(root?: string): string | null;
