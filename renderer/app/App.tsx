import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeskIdentity } from '../../src/auth/desk-identity.ts';
import { deskNeedsSetup } from '../../src/auth/desk-setup.ts';
import type { LoggedIn } from '../../src/auth/login.ts';
import { officerProfile } from '../../src/auth/officer.ts';
import { createEventSigner } from '../../src/auth/officer-session.ts';
import type { DeskBridge, HostKind } from '../../src/bridge/desk-bridge.ts';
import { StorageNotice } from '../components/StorageNotice.tsx';
import { readStorageNoticeDismissed, rememberStorageNoticeDismissed, storageNoticeShown } from '../components/storage-notice.ts';
import { LoginScreen } from '../screens/login/LoginScreen.tsx';
import { SetupScreen } from '../screens/setup/SetupScreen.tsx';
import type { DeskStore, PersistResult } from '../store/index.ts';
import { openDesk } from './bootstrap.ts';
import { DeskProvider } from './desk-context.tsx';
import type { Desk } from './desk-context.tsx';
import { clock } from './platform.ts';
import { forgetSession, rememberSession, rememberedSession } from './session.ts';
import { Shell } from './Shell.tsx';
import { startSession } from './start-session.ts';

type Phase =
  | { kind: 'opening' }
  | { kind: 'failed'; message: string }
  | { kind: 'setup'; store: DeskStore }
  | { kind: 'login'; store: DeskStore; identity: DeskIdentity }
  | { kind: 'ready'; desk: Desk };

/**
 * Bootstrap: open the encrypted store, ask for persistent storage, then route to first-run
 * setup (see `deskNeedsSetup`), login (no session) or the shell.
 */
export function App({ bridge }: { bridge: DeskBridge }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'opening' });
  const [persist, setPersist] = useState<PersistResult>('granted');
  const [host, setHost] = useState<HostKind | null>(null);
  const [noticeDismissed, setNoticeDismissed] = useState(readStorageNoticeDismissed);
  // Logging out routes again from the store: an enrolment may have changed the desk's identity.
  const routeRef = useRef<(store: DeskStore) => Promise<void>>(async () => {});

  useEffect(() => {
    void bridge.getAppInfo().then((info) => setHost(info.host), () => setHost(null));
  }, [bridge]);

  const logout = useCallback((store: DeskStore) => {
    forgetSession();
    store.events.signWith(null);
    store.consultations.signWith(null);
    setPhase({ kind: 'opening' });
    void routeRef.current(store);
  }, []);

  const enter = useCallback(
    async (store: DeskStore, identity: DeskIdentity, { officer, session }: LoggedIn) => {
      rememberSession(session);
      // Every event recorded from now on carries this session's signature (who acted, checked by the
      // server). Not awaited: a remembered session reaches its first screen without loading the hash code.
      const signer = createEventSigner(session);
      store.events.signWith(signer);
      store.consultations.signWith(signer);
      // The window's one opening (memoised): the blob store opened with this store.
      const { blobs } = await openDesk(bridge, clock);
      const desk = await startSession({ bridge, store, blobs, identity, officer, logout: () => logout(store) }, (next) =>
        setPhase({ kind: 'ready', desk: next }),
      );
      setPhase({ kind: 'ready', desk });
    },
    [bridge, logout],
  );

  const route = useCallback(
    async (store: DeskStore) => {
      const session = rememberedSession();
      // Independent reads, read together: each is an IndexedDB round trip on the way to the first screen.
      const [identity, hasAdministrator, officer] = await Promise.all([
        store.identity.get(),
        store.officers.hasAdministrator(),
        session ? store.officers.byId(session.officerId) : null,
      ]);
      if (!identity || deskNeedsSetup({ identitySource: identity.source, hasAdministrator })) {
        setPhase({ kind: 'setup', store });
        return;
      }
      // Still active and allowed here (a sync may have taken either away), on the same desk identity.
      if (session && officer?.value.active && officer.value.verifier !== null && session.deskId === identity.value.deskId) {
        await enter(store, identity.value, { officer: officerProfile(officer.value), session });
        return;
      }
      forgetSession();
      setPhase({ kind: 'login', store, identity: identity.value });
    },
    [enter],
  );
  useEffect(() => {
    routeRef.current = route;
  }, [route]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        // The store lives as long as the window; it is not closed on unmount.
        const desk = await openDesk(bridge, clock);
        if (cancelled) return;
        setPersist(desk.persist);
        await route(desk.store);
      } catch (error) {
        if (!cancelled) {
          setPhase({
            kind: 'failed',
            message: `Không mở được kho dữ liệu của quầy: ${error instanceof Error ? error.message : String(error)}`,
          });
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [bridge, route]);

  return (
    <>
      {storageNoticeShown(host, persist, noticeDismissed) && (
        <StorageNotice
          onDismiss={() => {
            rememberStorageNoticeDismissed();
            setNoticeDismissed(true);
          }}
        />
      )}
      <Phase phase={phase} onEnter={enter} onSetupDone={route} />
    </>
  );
}

function Phase({
  phase,
  onEnter,
  onSetupDone,
}: {
  phase: Phase;
  onEnter: (store: DeskStore, identity: DeskIdentity, loggedIn: LoggedIn) => Promise<void>;
  onSetupDone: (store: DeskStore) => Promise<void>;
}) {
  switch (phase.kind) {
    case 'opening':
      return <p className="boot-message">Đang mở dữ liệu của quầy…</p>;
    case 'failed':
      return (
        <p className="boot-message error" role="alert">
          {phase.message}
        </p>
      );
    case 'setup':
      return <SetupScreen store={phase.store} onDone={() => onSetupDone(phase.store)} />;
    case 'login':
      return (
        <LoginScreen
          store={phase.store}
          identity={phase.identity}
          onLogin={(loggedIn) => onEnter(phase.store, phase.identity, loggedIn)}
        />
      );
    case 'ready':
      return (
        <DeskProvider desk={phase.desk}>
          <Shell />
        </DeskProvider>
      );
  }
}
