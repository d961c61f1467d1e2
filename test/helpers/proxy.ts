import http from 'node:http';
import net from 'node:net';

export interface TestProxy {
  url: string;
  /** CONNECT tunnels opened so far. */
  tunnels: () => number;
  close: () => void;
}

/** An HTTP proxy on loopback that tunnels CONNECT requests, as agencies' proxies do for HTTPS. */
export async function connectProxy(): Promise<TestProxy> {
  let tunnels = 0;
  const proxy = http.createServer();
  proxy.on('connect', (req, client, head) => {
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
  return { url: `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`, tunnels: () => tunnels, close: () => proxy.close() };
}
