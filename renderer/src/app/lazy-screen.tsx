// Screens other than home live in chunks of their own (a dynamic import each),
// so the first screen parses only its own code. Once the first screen is up,
// preloadScreens() fetches them in the background: a resident's first press
// then finds the screen loaded and it renders at once, with no empty frame.
// A chunk that could not be fetched (the host restarting) says so, and the
// next visit of that screen tries again.
import { Component, Suspense, use, useState, type ComponentType, type ReactNode } from 'react';
import { t } from '../i18n/zh-CN.js';

type Loader<P> = () => Promise<ComponentType<P>>;

const preloads: (() => Promise<unknown>)[] = [];

/** A screen component whose code is fetched on first use (or by preloadScreens). */
export function lazyScreen<P extends object>(load: Loader<P>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const start = (): Promise<ComponentType<P>> =>
    (pending ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        // Not cached: the next mount fetches again.
        pending = null;
        throw e;
      },
    ));
  preloads.push(() => start().catch(() => undefined));

  function Waiting(props: P) {
    const C = use(start());
    return <C {...props} />;
  }
  function LazyScreen(props: P) {
    // Chosen once per mount: switching from the waiting tree to the loaded
    // component later would remount the screen and lose its state.
    const [ready] = useState(() => loaded);
    if (ready) {
      const C = ready;
      return <C {...props} />;
    }
    return (
      <LoadFailed>
        <Suspense fallback={null}>
          <Waiting {...props} />
        </Suspense>
      </LoadFailed>
    );
  }
  return LazyScreen;
}

/** Fetches every lazy screen's code; called once the first screen is up. */
export function preloadScreens(): Promise<unknown> {
  return Promise.all(preloads.map((p) => p()));
}

/** The screen's code could not be fetched: said, and Back or Home (global keys and the bars of the next screen) lead on. */
class LoadFailed extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? (
      <p className="notice notice-warn" role="alert" data-testid="screen-load-failed">
        {t.errors.generic}
      </p>
    ) : (
      this.props.children
    );
  }
}
