import { stationProfileSchema, type StationProfile } from '../../../core/domain/station';
import type { KeyValueStore } from './keyValueStore';

const PROFILE_KEY = 'stationProfile';

export interface SettingsService {
  getProfile(): StationProfile | null;
  saveProfile(profile: StationProfile): StationProfile;
}

export function createSettingsService(store: KeyValueStore): SettingsService {
  return {
    getProfile() {
      const raw = store.get(PROFILE_KEY);
      if (raw === undefined) return null;
      // A settings file edited by hand or damaged must not crash start-up; the
      // setup screen then asks for the profile again with what could be kept.
      const parsed = stationProfileSchema.safeParse(raw);
      return parsed.success ? parsed.data : null;
    },
    saveProfile(profile) {
      const parsed = stationProfileSchema.parse(profile);
      store.set(PROFILE_KEY, parsed);
      return parsed;
    },
  };
}
