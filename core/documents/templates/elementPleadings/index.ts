import type { DocumentTemplate } from '../../template';
import { elementComplaintLabour, elementDefenceLabour } from './labour';
import { elementComplaintLending, elementDefenceLending } from './lending';
import { elementComplaintDivorce, elementDefenceDivorce } from './divorce';
import { elementComplaintTraffic, elementDefenceTraffic } from './traffic';
import { elementComplaintSales, elementDefenceSales } from './sales';
import { elementComplaintProperty, elementDefenceProperty } from './property';

/** The element-style (要素式) complaint and defence per case type, in the lawyer's order. */
export const ELEMENT_PLEADINGS: readonly DocumentTemplate[] = [
  elementComplaintLabour,
  elementDefenceLabour,
  elementComplaintLending,
  elementDefenceLending,
  elementComplaintDivorce,
  elementDefenceDivorce,
  elementComplaintTraffic,
  elementDefenceTraffic,
  elementComplaintSales,
  elementDefenceSales,
  elementComplaintProperty,
  elementDefenceProperty,
];
