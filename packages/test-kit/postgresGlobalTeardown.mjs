export default async function teardown() {
  const cluster = globalThis.__MEDFRI_TEST_CLUSTER__;
  if (cluster) await cluster.stop();
}
