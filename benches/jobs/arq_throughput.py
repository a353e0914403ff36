"""ARQ on the same Redis, with no-op jobs: the peer of `job-throughput`.

Enqueues N jobs, then runs one ARQ worker (burst mode) until the queue is
empty, and prints jobs per second (runs only) as a JSON line, once with
ARQ's defaults and once tuned (max_jobs=100, poll_delay=10 ms).
Usage: python arq_throughput.py [N]
"""

import asyncio
import json
import sys
import time
import uuid

from arq import create_pool
from arq.connections import RedisSettings
from arq.worker import Worker


async def noop(ctx, n):
    return None


async def run(jobs: int, label: str, **worker_options) -> dict:
    queue = f"arq-bench-{uuid.uuid4().hex}"
    settings = RedisSettings(host="127.0.0.1", port=6379)
    pool = await create_pool(settings, default_queue_name=queue)
    for n in range(jobs):
        await pool.enqueue_job("noop", n, _queue_name=queue)
    worker = Worker(
        functions=[noop],
        redis_settings=settings,
        queue_name=queue,
        burst=True,
        handle_signals=False,
        **worker_options,
    )
    start = time.perf_counter()
    await worker.async_run()
    elapsed = time.perf_counter() - start
    done = worker.jobs_complete
    await worker.close()
    await pool.aclose()
    return {"peer": "arq", "setting": label, "jobs": jobs, "completed": done,
            "jobs_per_second": round(done / elapsed)}


async def main() -> None:
    jobs = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    print(json.dumps(await run(jobs, "defaults")), flush=True)
    print(json.dumps(await run(jobs, "max_jobs=100,poll_delay=0.01", max_jobs=100, poll_delay=0.01)), flush=True)


if __name__ == "__main__":
    asyncio.run(main())
