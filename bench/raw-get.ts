import net from 'node:net';

/** One GET over a fresh connection; `bytes` counts everything the server sent, headers included. */
export function rawGet(
  origin: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; bytes: number; etag: string }> {
  const { hostname, port } = new URL(origin);
  const head = Object.entries({ Host: `${hostname}:${port}`, Connection: 'close', ...headers })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(Number(port), hostname, () => socket.write(`GET ${path} HTTP/1.1\r\n${head}\r\n`));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks);
      const headerText = text.subarray(0, text.indexOf('\r\n\r\n')).toString('latin1');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(headerText)?.[1] ?? 0),
        bytes: text.length,
        etag: /^etag: (.*)$/im.exec(headerText)?.[1]?.trim() ?? '',
      });
    });
  });
}
