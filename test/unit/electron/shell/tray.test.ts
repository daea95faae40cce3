import { beforeEach, describe, expect, it } from 'vitest';
import type { AttentionCommand } from '../../../../electron/core/notifications/attention-commands.ts';
import { hostCapabilities } from '../../../../electron/core/notifications/host-capabilities.ts';
import type { TrayModel } from '../../../../electron/core/notifications/tray-model.ts';
import { createHeraldTray } from '../../../../electron/shell/tray.ts';
import { trayImage } from '../../../../electron/shell/tray-icons.ts';
import { resetFakeElectron, Tray, type FakeNativeImage } from '../../../fakes/electron.ts';

const idle: TrayModel = {
  icon: { state: 'idle', badge: null },
  title: '',
  tooltip: 'Herald: nothing due',
  count: 0,
  menu: [
    { type: 'label', label: 'Nothing due' },
    { type: 'separator' },
    { type: 'item', label: 'Quit Herald', command: { type: 'quit' } },
  ],
};
const overdueOnMac: TrayModel = {
  ...idle,
  icon: { state: 'overdue', badge: null },
  title: '2',
  tooltip: 'Herald: 2 overdue',
  count: 2,
};

interface TemplateItem {
  label?: string;
  type?: string;
  enabled?: boolean;
  click?: () => void;
}

describe('the tray', () => {
  beforeEach(() => resetFakeElectron());

  it('renders the model: icon, tooltip and a menu whose items send their commands', () => {
    const commands: AttentionCommand[] = [];
    createHeraldTray({
      initial: idle,
      capabilities: hostCapabilities('linux'),
      onCommand: (command) => commands.push(command),
    });
    const tray = Tray.instances[0]!;
    expect(tray.image).toBe(trayImage(idle.icon));
    expect(tray.toolTip).toBe('Herald: nothing due');
    const items = (tray.menu as { items: TemplateItem[] }).items;
    expect(items.map(({ label, type, enabled }) => ({ label, type, enabled }))).toEqual([
      { label: 'Nothing due', type: undefined, enabled: false },
      { label: undefined, type: 'separator', enabled: undefined },
      { label: 'Quit Herald', type: undefined, enabled: undefined },
    ]);
    items[2]!.click!();
    expect(commands).toEqual([{ type: 'quit' }]);
    // On Linux a click opens the menu, so the icon itself has no click action.
    expect(tray.listenerCount('click')).toBe(0);
  });

  it('shows the count as a title on macOS', () => {
    const herald = createHeraldTray({
      initial: idle,
      capabilities: hostCapabilities('darwin'),
      onCommand: () => {},
    });
    herald.render(overdueOnMac);
    const tray = Tray.instances[0]!;
    expect(tray.title).toBe('2');
    expect(tray.image).toBe(trayImage(overdueOnMac.icon));
  });

  it('opens Herald on a plain click on Windows', () => {
    const commands: AttentionCommand[] = [];
    createHeraldTray({
      initial: idle,
      capabilities: hostCapabilities('win32'),
      onCommand: (command) => commands.push(command),
    });
    Tray.instances[0]!.emit('click');
    expect(commands).toEqual([{ type: 'open' }]);
  });

  it('builds each icon from its embedded 16 px PNG with a 32 px one for dense screens', () => {
    const image = trayImage({ state: 'due_soon', badge: '9+' }) as unknown as FakeNativeImage;
    expect(image.representations.map((representation) => representation.scaleFactor)).toEqual([1, 2]);
    expect(image.representations.every((representation) => representation.bytes > 100)).toBe(true);
  });
});
