import { DelayedError, Job } from 'bullmq';
import { DeadlineJob, HandleDeadlineStep, StepOutcome } from '../../../libs/cases/src/deadlines';
import { WorkerMetrics } from './worker.metrics';

/** Runs one deadline step; the use case decides, this adapts BullMQ to it. */
export function deadlineProcessor(
  handle: HandleDeadlineStep,
  metrics: WorkerMetrics,
  afterCommit: () => void,
  onHandled?: (step: DeadlineJob['step'], lagMs: number) => void,
) {
  return async (job: Job<DeadlineJob>, token?: string): Promise<StepOutcome> => {
    const outcome = await handle.execute(job.data);
    metrics.stepOutcomes.inc({ step: job.data.step, outcome });
    if (outcome === 'done') {
      // Lag: how long after the step's instant it was carried out (the delayed job's own target).
      const lagMs = Math.max(0, Date.now() - (job.timestamp + (job.opts.delay ?? 0)));
      metrics.stepLag.observe({ step: job.data.step }, lagMs / 1000);
      onHandled?.(job.data.step, lagMs);
      afterCommit();
    }
    if (outcome === 'early' && token) {
      // The clock says it is not time yet: wait again rather than drop the step.
      await job.moveToDelayed(Date.now() + 5000, token);
      throw new DelayedError();
    }
    return outcome;
  };
}
