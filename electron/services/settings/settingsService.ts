import { stationProfileSchema, type StationProfile } from '../../../core/domain/station';
import { enumerationExtensionsSchema, type EnumerationExtensions } from '../../../core/domain/enums';
import { meansTestStandardSchema, type MeansTestStandard } from '../../../core/rules/meansTest';
import type { DomainSettings } from '../../../core/api/contract';
import type { KeyValueStore } from './keyValueStore';

const PROFILE_KEY = 'stationProfile';
const MEANS_TEST_KEY = 'meansTestStandard';
const ENUM_EXTENSIONS_KEY = 'enumerationExtensions';

export interface SettingsService {
  getProfile(): StationProfile | null;
  saveProfile(profile: StationProfile): StationProfile;
  getDomain(): DomainSettings;
  saveMeansTestStandard(standard: MeansTestStandard): MeansTestStandard;
  saveEnumerationExtensions(extensions: EnumerationExtensions): EnumerationExtensions;
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
    getDomain() {
      const standard = meansTestStandardSchema.safeParse(store.get(MEANS_TEST_KEY));
      const extensions = enumerationExtensionsSchema.safeParse(store.get(ENUM_EXTENSIONS_KEY) ?? {});
      return {
        meansTestStandard: standard.success ? standard.data : null,
        enumerationExtensions: extensions.success ? extensions.data : {},
      };
    },
    saveMeansTestStandard(standard) {
      const parsed = meansTestStandardSchema.parse(standard);
      store.set(MEANS_TEST_KEY, parsed);
      return parsed;
    },
    saveEnumerationExtensions(extensions) {
      const parsed = enumerationExtensionsSchema.parse(extensions);
      store.set(ENUM_EXTENSIONS_KEY, parsed);
      return parsed;
    },
  };
}
