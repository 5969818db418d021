import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** nginx with one worker process (like the one Node process) serving `mediaDir` under /media/. */
export async function startNginx(workDir: string, mediaDir: string, port: number): Promise<ChildProcess> {
  mkdirSync(path.join(workDir, 'logs'), { recursive: true });
  const conf = path.join(workDir, 'nginx.conf');
  writeFileSync(
    conf,
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
daemon off;
pid ${workDir}/nginx.pid;
error_log ${workDir}/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${workDir}/body;
  proxy_temp_path ${workDir}/proxy;
  fastcgi_temp_path ${workDir}/fastcgi;
  uwsgi_temp_path ${workDir}/uwsgi;
  scgi_temp_path ${workDir}/scgi;
  sendfile on;
  server {
    listen 127.0.0.1:${port};
    location /media/ { alias ${mediaDir}/; }
  }
}
`,
  );
  const child = spawn('nginx', ['-p', workDir, '-c', conf], { stdio: 'ignore' });
  await new Promise((resolve) => setTimeout(resolve, 500));
  return child;
}
