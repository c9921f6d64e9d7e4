// An HTTP CONNECT proxy on 127.0.0.1, as a runner's HTTPS_PROXY/HTTP_PROXY would name: it records
// the authority (`host:port`) of every CONNECT and opens the tunnel to 127.0.0.1 at that port. Every
// name resolves to this machine, so a test can use names like last9.proxy.test that exist nowhere
// else: a call to such a name that arrives proves it went through the proxy.
//
// Plain HTTP in a tunnel is passed through. TLS in a tunnel is ended by the proxy, as a
// TLS-inspecting corporate proxy does, and passed on as plain HTTP: that is how https://<name>.proxy.test
// reaches a plain-HTTP fake. Its certificate is for *.proxy.test (one label: not a.b.proxy.test);
// a client trusts it through NODE_EXTRA_CA_CERTS=`caFile`.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext, TLSSocket, type SecureContext } from 'node:tls';
import { generate as selfSignedCertificate } from 'selfsigned';

const TLS_HANDSHAKE = 0x16;

export class ConnectProxy {
  /** The authority of each CONNECT, in order: `last9.proxy.test:41234`. */
  readonly connects: string[] = [];
  /** Answer every CONNECT with 403, as a proxy that does not allow the destination. */
  refuse = false;
  /** The proxy's certificate (PEM), for NODE_EXTRA_CA_CERTS. */
  readonly caFile: string;

  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly secureContext: SecureContext;
  private readonly directory: string;

  private constructor({ key, cert }: { key: string; cert: string }) {
    this.secureContext = createSecureContext({ key, cert });
    this.directory = mkdtempSync(join(tmpdir(), 'connect-proxy-'));
    this.caFile = join(this.directory, 'ca.pem');
    writeFileSync(this.caFile, cert);
    this.server = createServer((_request, response) => response.writeHead(405, { allow: 'CONNECT' }).end());
    this.server.on('connection', (socket: Socket) => this.track(socket));
    this.server.on('connect', (request, socket: Socket, head: Buffer) => this.tunnel(request.url ?? '', socket, head));
  }

  static async start(): Promise<ConnectProxy> {
    const { private: key, cert } = await selfSignedCertificate([{ name: 'commonName', value: '*.proxy.test' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: '*.proxy.test' }] }],
    });
    const proxy = new ConnectProxy({ key, cert });
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    rmSync(this.directory, { recursive: true, force: true });
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
  }

  private tunnel(authority: string, client: Socket, head: Buffer): void {
    this.connects.push(authority);
    client.on('error', () => client.destroy());
    const port = Number(/:(\d+)$/.exec(authority)?.[1]);
    if (this.refuse || !port) {
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    // Whether the client starts TLS shows in its first byte; it is put back for whoever reads on.
    const begin = (first: Buffer): void => {
      client.pause();
      client.unshift(first);
      const upstream = connect(port, '127.0.0.1');
      this.track(upstream);
      const stream = first[0] === TLS_HANDSHAKE ? new TLSSocket(client, { isServer: true, secureContext: this.secureContext }) : client;
      const closeBoth = (): void => void [client, upstream].forEach((socket) => socket.destroy());
      for (const socket of [stream, upstream]) socket.on('error', closeBoth).on('close', closeBoth);
      stream.pipe(upstream).pipe(stream);
    };
    if (head.length > 0) begin(head);
    else client.once('data', begin);
  }
}
