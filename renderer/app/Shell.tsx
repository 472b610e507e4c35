import { useEffect, useState } from 'react';
import { Link, Route, Router, Switch, useRoute } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { officerRoleLabels } from '../../src/auth/officer.ts';
import type { AppInfo } from '../../src/bridge/desk-bridge.ts';
import { StorageRoomNotice } from '../attachments/StorageRoomNotice.tsx';
import { ScannerProvider } from '../scanner/ScannerProvider.tsx';
import { DossierDetailScreen } from '../screens/dossier-detail/DossierDetailScreen.tsx';
import { SyncStatusIndicator } from '../sync-status/SyncStatusIndicator.tsx';
import { UNSENT_PATH, UnsentScreen } from '../sync-status/UnsentScreen.tsx';
import { useDesk } from './desk-context.tsx';
import { sections, type Section } from './sections.ts';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { useShellScan } from './use-shell-scan.ts';

/** The logged-in desk: sidebar navigation, top bar with unit, desk and officer, and the screens. */
export function Shell() {
  return (
    <Router hook={useHashLocation}>
      <ShellLayout />
    </Router>
  );
}

function ShellLayout() {
  const { bridge } = useDesk();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void bridge.getAppInfo().then(setInfo);
  }, [bridge]);
  const scan = useShellScan();

  return (
    <ScannerProvider onUnhandled={scan.onUnhandled}>
      <div className="shell">
        <aside className="sidebar">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">1</span>
            <span className="brand-name">Một cửa</span>
          </div>
          <nav aria-label="Điều hướng chính">
            <ul>
              {sections.map((section) => (
                <NavItem key={section.path} section={section} />
              ))}
            </ul>
          </nav>
          <footer className="sidebar-footer" data-testid="app-info">
            <ShortcutHelp />
            <br />
            {info && (
              <>
                Phiên bản {info.version}
                <br />
                {info.host === 'web' ? 'Chạy trên trình duyệt' : 'Ứng dụng máy tính'}
              </>
            )}
          </footer>
        </aside>
        <div className="workspace">
          <TopBar />
          {scan.notice && <ScanNotice message={scan.notice} onDismiss={scan.dismiss} />}
          <StorageRoomNotice />
          <main className="content">
            <Switch>
              {sections.map((section) => (
                <Route key={section.path} path={section.path} component={section.screen} />
              ))}
              <Route path="/ho-so/:code" component={DossierDetailScreen} />
              <Route path={UNSENT_PATH} component={UnsentScreen} />
              <Route>
                <h1>Không tìm thấy trang</h1>
              </Route>
            </Switch>
          </main>
        </div>
      </div>
    </ScannerProvider>
  );
}

function ScanNotice({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  return (
    <div className="scan-notice" role="alert" data-testid="scan-notice">
      <span>{message}</span>
      <button type="button" className="scan-notice-close" onClick={onDismiss} aria-label="Đóng thông báo quét mã">
        ×
      </button>
    </div>
  );
}

function TopBar() {
  const { identity, officer, logout } = useDesk();
  return (
    <header className="topbar" data-testid="topbar">
      <div className="topbar-unit">
        <strong>{identity.unitName}</strong>
        <span>
          {identity.provinceName ? `${identity.provinceName} · ` : ''}Quầy số {identity.slot} · Mã cơ quan {identity.agencyId}
        </span>
      </div>
      <SyncStatusIndicator />
      <div className="topbar-officer">
        <span className="officer-name" data-testid="officer-name">
          {officer.fullName}
        </span>
        <span className="officer-role">{officerRoleLabels[officer.role]}</span>
      </div>
      <button type="button" className="logout" onClick={logout}>
        Đăng xuất
      </button>
    </header>
  );
}

function NavItem({ section }: { section: Section }) {
  const [active] = useRoute(section.path);
  return (
    <li>
      <Link href={section.path} className={active ? 'nav-link active' : 'nav-link'} aria-current={active ? 'page' : undefined}>
        {section.title}
      </Link>
    </li>
  );
}
