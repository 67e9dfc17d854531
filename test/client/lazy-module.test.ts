import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { isDmpError } from '../../src/client/errors.js';
import { lazyModule } from '../../src/client/lazy-module.js';
import { startBackend, worker } from '../support/mount.js';

describe('lazyModule', () => {
  before(startBackend);

  it('imports a module again after the browser failed to fetch it (the failure is not kept)', async () => {
    let dropped = 0;
    worker.use(
      http.get(
        '*/test/support/lazy-fixture.*',
        () => {
          dropped += 1;
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    const load = lazyModule(() => import('../support/lazy-fixture.js'), 'The fixture', 'LOADED');
    const failed = await load().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isDmpError(failed) && failed.kind).to.equal('network');
    expect((await load()).LOADED).to.equal('loaded');
    expect(dropped).to.equal(1);
  });

  it('fetches a module again under the URL the failure names, with a query, as browsers that keep the failure need (Firefox’s wording)', async () => {
    // The module's URL as the test server serves it (its TypeScript source).
    const fixture = new URL('../support/lazy-fixture.ts', import.meta.url).href;
    let loads = 0;
    const load = lazyModule(
      async (): Promise<{ LOADED: string }> => {
        loads += 1;
        throw new TypeError(`error loading dynamically imported module: ${fixture}`);
      },
      'The fixture',
      'LOADED',
    );
    await load().catch(() => undefined);
    expect([(await load()).LOADED, loads]).to.deep.equal(['loaded', 1]);
  });

  it('takes what the URL the failure names holds only if it is the module asked for, else asks the import again (a bundler’s chunk)', async () => {
    const fixture = new URL('../support/lazy-fixture.ts', import.meta.url).href;
    let loads = 0;
    const load = lazyModule(
      async (): Promise<{ renderForm: string }> => {
        loads += 1;
        if (loads === 1) throw new TypeError(`Failed to fetch dynamically imported module: ${fixture}`);
        return { renderForm: 'the module' };
      },
      'The form',
      'renderForm',
    );
    await load().catch(() => undefined);
    expect([(await load()).renderForm, loads]).to.deep.equal(['the module', 2]);
  });

  it('leaves a bundler’s chunk loader to retry by itself: a failure that is not the browser’s own import names no URL to fetch', async () => {
    let loads = 0;
    const load = lazyModule(
      async (): Promise<{ LOADED: string }> => {
        loads += 1;
        if (loads === 1) throw Object.assign(new Error('Loading chunk 42 failed.\n(error: https://intranet.example/chunks/42.js)'), { name: 'ChunkLoadError' });
        return { LOADED: 'by the loader' };
      },
      'The chunk',
      'LOADED',
    );
    await load().catch(() => undefined);
    expect([(await load()).LOADED, loads]).to.deep.equal(['by the loader', 2]);
  });

  it('calls the import again when the failure names no URL (Safari’s wording)', async () => {
    let loads = 0;
    const load = lazyModule(async () => {
      loads += 1;
      if (loads === 1) throw new TypeError('Importing a module script failed.');
      return 'loaded';
    }, 'The thing');
    await load().catch(() => undefined);
    expect([await load(), loads]).to.deep.equal(['loaded', 2]);
  });

  it('fetches once for every caller', async () => {
    let fetches = 0;
    const load = lazyModule(async () => ({ value: ++fetches }), 'The thing');
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).to.equal(b);
    expect((await load()).value).to.equal(1);
    expect(fetches).to.equal(1);
  });

  it('says offline when the fetch fails, and fetches again on the next call', async () => {
    let fetches = 0;
    const load = lazyModule(async () => {
      fetches += 1;
      if (fetches === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return 'loaded';
    }, 'The form checks');
    const error = await load().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isDmpError(error) && error.kind).to.equal('network');
    expect((error as Error).message).to.equal('The form checks could not be loaded');
    expect(await load()).to.equal('loaded');
    expect(fetches).to.equal(2);
  });

  it('has the module in `loaded` once fetched, and not before nor after a failure', async () => {
    let fetches = 0;
    const load = lazyModule(async () => {
      fetches += 1;
      if (fetches === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return { value: fetches };
    }, 'The thing');
    expect(load.loaded).to.equal(undefined);
    await load().catch(() => undefined);
    expect(load.loaded).to.equal(undefined);
    const module = await load();
    expect(load.loaded).to.equal(module);
    expect(load.loaded?.value).to.equal(2);
  });

  it('prefetch() starts the one fetch, says nothing on failure, and a later call fetches again', async () => {
    let fetches = 0;
    const rejections: unknown[] = [];
    // A rejection left unhandled after the prefetch's is reported after it: once this one is, the
    // prefetch's would have been too.
    const marker = new Error('reported after any earlier unhandled rejection');
    let markerReported: () => void = () => undefined;
    const reported = new Promise<void>((resolve) => (markerReported = resolve));
    const onRejection = (event: PromiseRejectionEvent) => {
      if (event.reason !== marker) return void rejections.push(event.reason);
      event.preventDefault();
      markerReported();
    };
    window.addEventListener('unhandledrejection', onRejection);
    try {
      const load = lazyModule(async () => {
        fetches += 1;
        if (fetches === 1) throw new TypeError('Failed to fetch dynamically imported module');
        return 'loaded';
      }, 'The thing');
      load.prefetch();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(fetches).to.equal(1);
      void Promise.reject(marker);
      await reported;
      expect(rejections).to.deep.equal([]);
      load.prefetch();
      expect(await load()).to.equal('loaded');
      expect(fetches).to.equal(2);
      expect(load.loaded).to.equal('loaded');
    } finally {
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });
});
