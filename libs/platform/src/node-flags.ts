/**
 * Node flags for the API and worker processes. V8 sizes its heap from the machine's memory: on a
 * 24 GiB machine it let the API grow to 350 MiB resident under load while 80 MiB of it was live.
 * With a 512 MiB bound it stays under 200 MiB, and a request that needs more still has room
 * (docs/benchmarks.md, "Memory under load").
 */
export const SERVICE_NODE_FLAGS = ['--max-old-space-size=512'];
