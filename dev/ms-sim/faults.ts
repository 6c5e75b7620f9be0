/** Fault injection for Graph requests. Rates are probabilities from 0 to 1. */
export interface Faults {
  /** Share of requests answered 429 Too Many Requests with `Retry-After: retryAfterSeconds`. */
  rate429: number;
  /** Share of requests answered 503 Service Unavailable with `Retry-After: retryAfterSeconds`. */
  rate503: number;
  /** Share of requests whose socket is destroyed without any answer. */
  dropRate: number;
  /** Delay added before every Graph request is handled. */
  latencyMs: number;
  retryAfterSeconds: number;
}

export const NO_FAULTS: Faults = { rate429: 0, rate503: 0, dropRate: 0, latencyMs: 0, retryAfterSeconds: 1 };

const RATE_KEYS = ['rate429', 'rate503', 'dropRate'] as const;
const NUMBER_KEYS = ['latencyMs', 'retryAfterSeconds'] as const;

/** Thrown for a fault setting out of range; the HTTP switch answers 400 with its message. */
export class FaultSettingError extends Error {}

/** Checks a partial fault setting from code or from `POST /_sim/faults`. */
export function parseFaults(input: unknown): Partial<Faults> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw new FaultSettingError('Faults must be a JSON object.');
  }
  const out: Partial<Faults> = {};
  for (const [key, value] of Object.entries(input)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new FaultSettingError(`Fault "${key}" must be a number.`);
    }
    if ((RATE_KEYS as readonly string[]).includes(key)) {
      if (value < 0 || value > 1) throw new FaultSettingError(`Fault "${key}" is a rate between 0 and 1.`);
    } else if ((NUMBER_KEYS as readonly string[]).includes(key)) {
      if (value < 0) throw new FaultSettingError(`Fault "${key}" cannot be negative.`);
    } else {
      throw new FaultSettingError(
        `Unknown fault "${key}"; known: ${[...RATE_KEYS, ...NUMBER_KEYS].join(', ')}.`,
      );
    }
    out[key as keyof Faults] = value;
  }
  return out;
}

/** Current fault settings, switchable at run time from code or over HTTP. */
export class FaultSwitch {
  private current: Faults = { ...NO_FAULTS };

  constructor(private readonly random: () => number = Math.random) {}

  set(partial: Partial<Faults>): void {
    this.current = { ...this.current, ...parseFaults(partial) };
  }

  get(): Faults {
    return { ...this.current };
  }

  clear(): void {
    this.current = { ...NO_FAULTS };
  }

  /** Whether this HTTP request loses its connection (drawn once per socket exchange, `$batch` included). */
  drawDrop(): boolean {
    return this.hit(this.current.dropRate);
  }

  /** Whether this Graph request fails with 429 or 503 (drawn per request, per inner request of a `$batch`). */
  drawError(): '429' | '503' | null {
    if (this.hit(this.current.rate429)) return '429';
    if (this.hit(this.current.rate503)) return '503';
    return null;
  }

  private hit(rate: number): boolean {
    return rate > 0 && this.random() < rate;
  }
}
