import type { CoreTables } from './core.js'
import type { FeedTables } from './feeds.js'
import type { RelateTables } from './relate.js'

export type * from './core.js'
export type * from './feeds.js'
export type * from './relate.js'

/** The whole database, as Kysely sees it: one interface per area, joined here. */
export interface Database extends CoreTables, RelateTables, FeedTables {}
