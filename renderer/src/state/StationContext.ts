import { createContext, useContext } from 'react';
import type { AppInfo, DomainSettings } from '../../../core/api/contract';
import type { StationProfile } from '../../../core/domain/station';
import type { Enumerations } from '../../../core/domain/enums';

export interface StationContextValue {
  profile: StationProfile;
  appInfo: AppInfo;
  domain: DomainSettings;
  /** Built-in enumerations plus the province's additions from settings. */
  enums: Enumerations;
  setProfile(profile: StationProfile): void;
  setDomain(domain: DomainSettings): void;
}

export const StationContext = createContext<StationContextValue | null>(null);

export function useStation(): StationContextValue {
  const value = useContext(StationContext);
  if (!value) throw new Error('useStation outside StationContext');
  return value;
}
