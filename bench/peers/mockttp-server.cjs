// Fixed JSON answer on POST /callback (mockttp 4.x). Port from argv[2].
// mockttp's local server calls listen(port) with no host, so it binds every interface (noted in the bench report).
const { getLocal } = require('mockttp');

(async () => {
  const port = Number(process.argv[2] || 0) || undefined;
  const server = getLocal({ recordTraffic: false });
  await server.start(port);
  await server.forPost('/callback').thenJson(200, { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
  console.log(`Listening: http://127.0.0.1:${server.port}`);
  const stop = () => server.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
})();
