/**
 * The anchor for the media route: express.static on the same folder, as its own process, the way a
 * plain Express app would serve media. Usage: tsx bench/anchors/static-server.ts DIR PORT
 */
import express from 'express';

const [dir, port] = process.argv.slice(2);
if (!dir || !port) throw new Error('usage: static-server.ts DIR PORT');
const app = express();
app.use('/media', express.static(dir));
app.listen(Number(port), '127.0.0.1', () => process.stdout.write('listening\n'));
