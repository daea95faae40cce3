// The tray icon and its menu, rendered exactly as core's TrayModel says
// (electron/core/notifications/tray-model.ts). Clicks go back to core as
// commands; nothing is decided here.
import { Menu, Tray, type MenuItemConstructorOptions } from 'electron';
import type { AttentionCommand } from '../core/notifications/attention-commands.ts';
import type { HostCapabilities } from '../core/notifications/host-capabilities.ts';
import type { TrayMenuItem, TrayModel } from '../core/notifications/tray-model.ts';
import { trayIconKey, trayImage } from './tray-icons.ts';

export interface HeraldTray {
  render(model: TrayModel): void;
  destroy(): void;
}

export interface HeraldTrayDeps {
  initial: TrayModel;
  capabilities: HostCapabilities;
  onCommand: (command: AttentionCommand) => void;
}

function menuTemplate(
  items: readonly TrayMenuItem[],
  onCommand: (command: AttentionCommand) => void,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.type) {
      case 'separator':
        return { type: 'separator' };
      case 'label':
        return { label: item.label, enabled: false };
      case 'item':
        return { label: item.label, click: () => onCommand(item.command) };
    }
  });
}

export function createHeraldTray(deps: HeraldTrayDeps): HeraldTray {
  const tray = new Tray(trayImage(deps.initial.icon));
  let shownIconKey = trayIconKey(deps.initial.icon);
  if (deps.capabilities.isTrayClickOpen) tray.on('click', () => deps.onCommand({ type: 'open' }));

  function render(model: TrayModel): void {
    const iconKey = trayIconKey(model.icon);
    if (iconKey !== shownIconKey) {
      tray.setImage(trayImage(model.icon));
      shownIconKey = iconKey;
    }
    if (deps.capabilities.hasTrayTitle) tray.setTitle(model.title);
    tray.setToolTip(model.tooltip);
    tray.setContextMenu(Menu.buildFromTemplate(menuTemplate(model.menu, deps.onCommand)));
  }

  render(deps.initial);
  return { render, destroy: () => tray.destroy() };
}
