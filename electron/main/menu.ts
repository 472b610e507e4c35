import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  isDevelopment: boolean;
  showAbout(): void;
}

/** The Vietnamese application menu. Reload and developer tools only in development. */
export function buildMenuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'zoomIn', label: 'Phóng to' },
    { role: 'zoomOut', label: 'Thu nhỏ' },
    { role: 'resetZoom', label: 'Cỡ chữ mặc định' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Toàn màn hình' },
  ];
  if (actions.isDevelopment) {
    view.push({ type: 'separator' }, { role: 'reload', label: 'Tải lại' }, { role: 'toggleDevTools', label: 'Công cụ phát triển' });
  }
  return [
    { label: 'Tệp', submenu: [{ role: 'quit', label: 'Thoát' }] },
    {
      label: 'Chỉnh sửa',
      submenu: [
        { role: 'undo', label: 'Hoàn tác' },
        { role: 'redo', label: 'Làm lại' },
        { type: 'separator' },
        { role: 'cut', label: 'Cắt' },
        { role: 'copy', label: 'Sao chép' },
        { role: 'paste', label: 'Dán' },
        { role: 'selectAll', label: 'Chọn tất cả' },
      ],
    },
    { label: 'Xem', submenu: view },
    {
      label: 'Cửa sổ',
      submenu: [
        { role: 'minimize', label: 'Thu nhỏ xuống thanh tác vụ' },
        { role: 'close', label: 'Đóng cửa sổ' },
      ],
    },
    { label: 'Trợ giúp', submenu: [{ label: 'Giới thiệu Một Cửa', click: () => actions.showAbout() }] },
  ];
}
