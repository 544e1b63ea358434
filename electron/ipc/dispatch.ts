import { ZodError } from 'zod';
import { channelInput, isChannelName, type Envelope } from '../../core/api/contract';
import type { Handlers } from './handlers';
import { ServiceError } from '../services/errors';
import { mayCall, type MainCaller } from '../../core/api/channelRights';

export type Dispatch = (channel: unknown, payload: unknown) => Promise<Envelope>;

/** Whom main acts for: its own session (services/session), never a role the renderer names. */
export interface CallerGate {
  caller(): MainCaller;
}

/**
 * Validates the channel, the caller's right to it (core/api/channelRights.ts) and the
 * payload, runs the handler, and turns every outcome into an envelope: nothing is thrown
 * across the transport, and no stack trace or file path reaches the renderer.
 */
export function createDispatcher(handlers: Handlers, gate: CallerGate, log: (msg: string, err: unknown) => void = () => {}): Dispatch {
  return async (channel, payload) => {
    if (!isChannelName(channel)) {
      return { ok: false, error: { code: 'unknown_channel', message: '未知的请求' } };
    }
    if (!mayCall(gate.caller(), channel)) {
      return { ok: false, error: { code: 'forbidden', message: '无权执行此操作：请以有相应权限的账户重新登录后再试' } };
    }
    const parsed = channelInput(channel).safeParse(payload);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'invalid_input',
          message: parsed.error.issues[0]?.message ?? '输入内容无效',
          issues: parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })),
        },
      };
    }
    const [ns, method] = channel.split('.') as [keyof Handlers, string];
    const handler = (handlers[ns] as Record<string, (input: unknown) => unknown>)[method];
    try {
      const value = await handler!(parsed.data);
      return { ok: true, value };
    } catch (err) {
      if (err instanceof ZodError) {
        return { ok: false, error: { code: 'invalid_input', message: err.issues[0]?.message ?? '输入内容无效' } };
      }
      if (err instanceof ServiceError) {
        return { ok: false, error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } };
      }
      log(`handler ${channel} failed`, err);
      return { ok: false, error: { code: 'internal', message: '操作失败，请重试；如果问题持续，请联系管理员' } };
    }
  };
}

export { ServiceError };
