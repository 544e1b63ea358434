import type { Actor } from '../db/repository';

/**
 * Who the audit trail names for changes made in this window. Until accounts exist
 * (sign-in per person) the station computer itself is the actor.
 */
export const STATION_OPERATOR: Actor = { id: 'station-operator', name: '本机操作员', role: 'operator' };

export function currentActor(): Actor {
  return STATION_OPERATOR;
}
