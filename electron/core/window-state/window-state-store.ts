// The window's last placement, in its own small store (not a user setting:
// it changes every time the window moves).
import { z } from 'zod';
import type { StoreDefinition } from '../storage/versioned-store.ts';
import { windowStateSchema } from './window-placement.ts';

const storedWindowStateSchema = z.object({ saved: windowStateSchema.nullable() });

export const windowStateStoreDefinition: StoreDefinition<typeof storedWindowStateSchema> = {
  name: 'window-state',
  schema: storedWindowStateSchema,
  defaults: () => ({ saved: null }),
};
