export * from './article.js'
export * from './analysis.js'
export * from './relate.js'
export * from './result.js'
