import { Clock } from './clock';

/** Real time. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * Starts at a chosen instant and runs on in real time (TRYGG_NOW), so a demo or an acceptance
 * suite can stand on 17 May. `anchor` is the real instant that corresponds to `start`; the
 * launcher passes the same anchor to every process so they agree on the time.
 */
export class OffsetClock implements Clock {
  private readonly offset: number;
  constructor(start: Date, anchor: number = Date.now()) {
    this.offset = start.getTime() - anchor;
  }
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
}

/** A clock tests set by hand. */
export class FixedClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export function clockFromConfig(config: { NODE_ENV: string; TRYGG_NOW?: string; TRYGG_CLOCK_ANCHOR?: number }): Clock {
  if (config.TRYGG_NOW && config.NODE_ENV !== 'production') {
    return new OffsetClock(new Date(config.TRYGG_NOW), config.TRYGG_CLOCK_ANCHOR);
  }
  return new SystemClock();
}

/**
 * Runs in real time from an instant tests can move (forward or back): lets a test stand a
 * second before a deadline and watch the real BullMQ delay fire.
 */
export class TravelClock implements Clock {
  private offset = 0;
  constructor(start: Date | string) {
    this.travelTo(start);
  }
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
  travelTo(at: Date | string): void {
    this.offset = new Date(at).getTime() - Date.now();
  }
}
