import pino from 'pino'
import type { Config } from './config/index.js'
import { createApp } from './http/app.js'
import { feedsApi } from './http/api/feeds.js'
import { feedPages } from './http/web/feeds.js'
import { fetchUrl } from './ingest/fetch/index.js'
import { PAGE_TYPES } from './pipeline/feed-entry.js'
import { logDetail, type FetchUrl, type ServiceDeps } from './services/deps.js'
import { openStore } from './store/db.js'
import { migrate } from './store/migrations/index.js'

/** The composition root: configuration → store → services → HTTP app. With main.ts, the only modules that know them all. */
export async function openServices(config: Readonly<Config>): Promise<ServiceDeps> {
  const log = pino({ level: config.logLevel }, pino.destination(2))
  const store = openStore(config.databaseUrl)
  await migrate(store.db, store.dialect)
  const fetchPage = pageFetcher(config)
  return { store, config, log, now: () => new Date(), fetchUrl: async (url) => logDetail(log, await fetchPage(url)) }
}

/** The SSRF-safe fetcher for article pages, with the desk's allow list of private hosts. */
export function pageFetcher(config: Readonly<Config>): FetchUrl {
  return (url) => fetchUrl(url, { allowPrivateHosts: config.allowPrivateHosts, acceptTypes: PAGE_TYPES })
}

/** The web app with every area mounted. */
export function buildApp(deps: ServiceDeps) {
  return createApp(deps, {
    mounts: [
      { path: '/feeds', app: feedPages(deps) },
      { path: '/api/feeds', app: feedsApi(deps) },
    ],
  })
}

