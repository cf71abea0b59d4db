import type { Clock } from '../../../platform/src/clock';
import { token } from './token';

export type { Clock };
export const CLOCK = token<Clock>('Clock');
