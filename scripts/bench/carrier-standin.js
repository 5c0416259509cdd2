'use strict';
// The FedEx stand-in (scripts/standins/fedex.js) as a child process for the poll bench:
// `node carrier-standin.js --rate=20` reports { port } over IPC and answers { type: 'stats' } /
// { type: 'reset' }, so its CPU and memory stay out of the sweep's figures.
const { createFedexStandin } = require('../standins/fedex');

const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]) || fallback;
const standin = createFedexStandin({ rate: arg('rate', 20), burst: arg('burst', arg('rate', 20)) });
standin.server.keepAliveTimeout = 30_000;
standin.listen().then((port) => process.send({ type: 'ready', port }));
process.on('message', (msg) => {
	if (msg.type === 'stats') process.send({ type: 'stats', stats: standin.stats() });
	else if (msg.type === 'reset') {
		standin.reset();
		process.send({ type: 'reset' });
	}
});
// The bench went away: nothing else keeps this process useful.
process.on('disconnect', () => process.exit(0));
