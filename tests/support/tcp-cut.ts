// A TCP relay in front of a database server that a test can cut and restore: the app loses every
// connection and new ones are refused, as when PostgreSQL restarts or fails over, while the shared
// server behind it is never touched.
import { createServer, connect, type Socket } from 'node:net'

export interface TcpCut {
  port: number
  /** Ends every relayed connection and refuses new ones. */
  cut(): Promise<void>
  /** Accepts connections again, on the same port. */
  restore(): Promise<void>
  close(): Promise<void>
}

export async function startTcpCut({ host, port }: { host: string; port: number }): Promise<TcpCut> {
  const sockets = new Set<Socket>()
  const server = createServer((client) => {
    const upstream = connect(port, host)
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
    }
    client.pipe(upstream).pipe(client)
  })
  const listen = (at: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject)
      server.listen(at, '127.0.0.1', () => {
        server.off('error', reject)
        const address = server.address()
        resolve(typeof address === 'object' && address ? address.port : at)
      })
    })
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()))
  const relayPort = await listen(0)
  return {
    port: relayPort,
    async cut() {
      const stopped = stop()
      for (const socket of sockets) socket.destroy()
      await stopped
    },
    restore: async () => void (await listen(relayPort)),
    async close() {
      for (const socket of sockets) socket.destroy()
      if (server.listening) await stop()
    },
  }
}
