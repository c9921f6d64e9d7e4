// What the fakes of Last9 and GitHub share: an HTTP server on 127.0.0.1 that numbers its
// connections (to check keep-alive), lets a test wait until it has received something, and stops
// at once however its clients left it (a hung request included).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

type NumberedSocket = Socket & { connectionNumber?: number };

export abstract class LoopbackServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private connections = 0;
  private readonly waiters: Array<{ predicate: () => boolean; resolve: () => void }> = [];

  constructor() {
    this.server = createServer((request, response) => void this.handle(request, response));
    this.server.on('connection', (socket: NumberedSocket) => {
      socket.connectionNumber = ++this.connections;
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  protected abstract handle(request: IncomingMessage, response: ServerResponse): Promise<void>;

  /** Listens on a free port of 127.0.0.1. */
  protected listen(): Promise<void> {
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** TCP connections accepted so far. */
  get connectionCount(): number {
    return this.connections;
  }

  /** Which TCP connection (1-based) carried a request. */
  protected connectionOf(request: IncomingMessage): number {
    return (request.socket as NumberedSocket).connectionNumber ?? 0;
  }

  /** Resolves once the predicate holds; checked whenever the server calls notify(). */
  waitFor(predicate: () => boolean): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ predicate, resolve }));
  }

  protected notify(): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate()) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
