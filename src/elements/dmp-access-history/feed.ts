import type { DmpClient, RequestOptions } from '../../client/types.js';
import type { AccessLogEntry, AccessLogQuery } from '../../model/access-log.js';
import type { AccessMode } from '../../policy/types.js';

/** What the history is filtered on; `modes` lists the modes asked of the server, one request each. */
export interface FeedFilter {
  /** `[undefined]` for every mode. */
  modes: readonly (AccessMode | undefined)[];
  actor?: string | undefined;
  action?: AccessLogQuery['action'];
  from?: string | undefined;
  to?: string | undefined;
}

interface Stream {
  query: AccessLogQuery;
  cursor: string | undefined;
  exhausted: boolean;
  /** Fetched but not shown yet: another stream may still hold newer entries. */
  buffer: AccessLogEntry[];
}

/**
 * The access log under one filter, newest first, one page at a time.
 *
 * The API filters on one mode per request, so "emergency accesses only" reads two server-filtered
 * streams (break-glass, regulation) and merges them by date. Filtering all pages client-side
 * would instead fetch every normal access to find the rare emergency ones. An entry is shown only
 * once every stream that may still hold a newer one has a fetched entry to compare with, so the
 * merged order stays right across pages.
 */
export class AccessLogFeed {
  /** The entries released so far, newest first. */
  readonly entries: AccessLogEntry[] = [];
  readonly #streams: Stream[];
  readonly #client: DmpClient;
  readonly #ins: string;
  readonly #pageSize: number;

  constructor(
    client: DmpClient,
    ins: string,
    filter: FeedFilter,
    pageSize: number,
  ) {
    this.#client = client;
    this.#ins = ins;
    this.#pageSize = pageSize;
    const { modes, ...rest } = filter;
    const base: AccessLogQuery = {};
    if (rest.actor) base.actor = rest.actor;
    if (rest.action) base.action = rest.action;
    if (rest.from) base.from = rest.from;
    if (rest.to) base.to = rest.to;
    this.#streams = modes.map((mode) => ({
      query: mode ? { ...base, mode } : base,
      cursor: undefined,
      exhausted: false,
      buffer: [],
    }));
  }

  get hasMore(): boolean {
    return this.#streams.some((s) => !s.exhausted || s.buffer.length > 0);
  }

  /**
   * Fetches the next page of each stream that needs one, then releases what can be ordered. A
   * failure leaves the feed as it was, so calling again retries the same pages.
   */
  async loadMore(options: RequestOptions = {}): Promise<void> {
    const starving = this.#streams.filter((s) => s.buffer.length === 0 && !s.exhausted);
    const pages = await Promise.all(
      starving.map((s) =>
        this.#client.listAccessLog(this.#ins, { ...s.query, limit: this.#pageSize, ...(s.cursor ? { cursor: s.cursor } : {}) }, options),
      ),
    );
    pages.forEach((page, i) => {
      const stream = starving[i]!;
      stream.buffer.push(...page.items);
      stream.cursor = page.nextCursor;
      stream.exhausted = page.nextCursor === undefined;
    });
    this.#release();
  }

  #release(): void {
    while (!this.#streams.some((s) => s.buffer.length === 0 && !s.exhausted)) {
      let newest: Stream | undefined;
      for (const stream of this.#streams) {
        const head = stream.buffer[0];
        if (head && (!newest || Date.parse(head.at) > Date.parse(newest.buffer[0]!.at))) newest = stream;
      }
      if (!newest) return;
      this.entries.push(newest.buffer.shift()!);
    }
  }
}

/** Every entry of `feed`'s filter, newest first, up to `limit`. */
export async function collectAll(
  feed: AccessLogFeed,
  limit: number,
  options: RequestOptions = {},
): Promise<{ entries: AccessLogEntry[]; truncated: boolean }> {
  while (feed.hasMore && feed.entries.length < limit) await feed.loadMore(options);
  return { entries: feed.entries.slice(0, limit), truncated: feed.entries.length > limit || feed.hasMore };
}
