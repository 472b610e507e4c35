import { useEffect, useState } from 'react';
import { Link, Route, Router, Switch, useRoute } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import type { AppInfo, DeskBridge } from '../../src/bridge/desk-bridge.ts';
import { DossierDetailScreen } from '../screens/dossier-detail/DossierDetailScreen.tsx';
import { sections, type Section } from './sections.ts';

export function App({ bridge }: { bridge: DeskBridge }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void bridge.getAppInfo().then(setInfo);
  }, [bridge]);

  return (
    <Router hook={useHashLocation}>
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
            {info && (
              <>
                Phiên bản {info.version}
                <br />
                {info.host === 'web' ? 'Chạy trên trình duyệt' : 'Ứng dụng máy tính'}
              </>
            )}
          </footer>
        </aside>
        <main className="content">
          <Switch>
            {sections.map((section) => (
              <Route key={section.path} path={section.path} component={section.screen} />
            ))}
            <Route path="/ho-so/:code" component={DossierDetailScreen} />
            <Route>
              <h1>Không tìm thấy trang</h1>
            </Route>
          </Switch>
        </main>
      </div>
    </Router>
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
