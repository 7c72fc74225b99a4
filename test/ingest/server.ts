import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type Handler = (req: IncomingMessage, res: ServerResponse) => void

/** A throwaway HTTP server on 127.0.0.1 with a route table; counts the connections it accepts. */
export interface TestServer {
  origin: string
  port: number
  connections: number
  requests: IncomingMessage[]
  close(): Promise<void>
}

export async function startServer(routes: Record<string, Handler>): Promise<TestServer> {
  const state = { connections: 0, requests: [] as IncomingMessage[] }
  const server: Server = createServer((req, res) => {
    state.requests.push(req)
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const handler = routes[path]
    if (handler === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      return
    }
    handler(req, res)
  })
  server.on('connection', () => (state.connections += 1))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    get connections() {
      return state.connections
    },
    requests: state.requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
