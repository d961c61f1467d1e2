import http from 'node:http';
import net from 'node:net';

export interface TestProxy {
  url: string;
  /** CONNECT tunnels opened so far. */
  tunnels: () => number;
  /** Proxy-Authorization headers received, in order (decoded `user:password`; '' when absent). */
  credentials: () => string[];
  close: () => void;
}

/**
 * An HTTP proxy on loopback that tunnels CONNECT requests, as agencies' proxies do for HTTPS. With
 * `credentials` (`user:password`) it answers 407 to any CONNECT without them.
 */
export async function connectProxy(options: { credentials?: string } = {}): Promise<TestProxy> {
  let tunnels = 0;
  const seen: string[] = [];
  const proxy = http.createServer();
  proxy.on('connect', (req, client, head) => {
    const header = req.headers['proxy-authorization'] ?? '';
    const decoded = header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString('utf8') : '';
    seen.push(decoded);
    if (options.credentials !== undefined && decoded !== options.credentials) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="proxy"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    tunnels++;
    const [host, port] = (req.url ?? '').split(':');
    const up = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      up.write(head);
      up.pipe(client);
      client.pipe(up);
    });
    up.on('error', () => client.destroy());
    client.on('error', () => up.destroy());
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`,
    tunnels: () => tunnels,
    credentials: () => [...seen],
    close: () => proxy.close(),
  };
}
