import { z } from 'zod';

/** Station kinds; the codes are fixed by shared/spec/batch-format.md (`station.kind`). */
export const STATION_KINDS = [
  { code: 'court', label: '法院' },
  { code: 'detention_center', label: '看守所' },
  { code: 'police_station', label: '公安执法办案中心' },
  { code: 'procuratorate', label: '检察院' },
  { code: 'legal_aid_centre', label: '法律援助中心' },
  { code: 'other', label: '其他' },
] as const;

export type StationKind = (typeof STATION_KINDS)[number]['code'];
export const stationKindCodes = STATION_KINDS.map((k) => k.code) as [StationKind, ...StationKind[]];

export function stationKindLabel(code: string): string {
  return STATION_KINDS.find((k) => k.code === code)?.label ?? code;
}

/**
 * Province codes of GB/T 2260 (first two digits of a region code). A region code is
 * six digits whose first two name one of these.
 */
export const PROVINCE_CODES: Readonly<Record<string, string>> = {
  '11': '北京',
  '12': '天津',
  '13': '河北',
  '14': '山西',
  '15': '内蒙古',
  '21': '辽宁',
  '22': '吉林',
  '23': '黑龙江',
  '31': '上海',
  '32': '江苏',
  '33': '浙江',
  '34': '安徽',
  '35': '福建',
  '36': '江西',
  '37': '山东',
  '41': '河南',
  '42': '湖北',
  '43': '湖南',
  '44': '广东',
  '45': '广西',
  '46': '海南',
  '50': '重庆',
  '51': '四川',
  '52': '贵州',
  '53': '云南',
  '54': '西藏',
  '61': '陕西',
  '62': '甘肃',
  '63': '青海',
  '64': '宁夏',
  '65': '新疆',
  '71': '台湾',
  '81': '香港',
  '82': '澳门',
};

/** Checks a GB/T 2260 administrative division code; returns a Chinese message or null. */
export function regionCodeProblem(value: string): string | null {
  if (!/^\d{6}$/.test(value)) return '行政区划代码应为 6 位数字';
  if (!(value.slice(0, 2) in PROVINCE_CODES)) return '行政区划代码的前两位不是有效的省级代码';
  if (value.slice(2) !== '0000' && value.slice(2, 4) === '00' && value.slice(4) !== '00') {
    return '行政区划代码的地市级部分无效';
  }
  return null;
}

export const regionCodeSchema = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const problem = regionCodeProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Station code: used in batch file names, so it must be safe there. */
export const stationCodeSchema = z
  .string()
  .trim()
  .min(1, '请填写工作站编码')
  .max(32, '工作站编码不能超过 32 个字符')
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, '工作站编码只能包含字母、数字和连字符，且不能以连字符开头');

export const stationProfileSchema = z.object({
  code: stationCodeSchema,
  name: z.string().trim().min(2, '请填写工作站名称（至少 2 个字）').max(60, '工作站名称不能超过 60 个字'),
  kind: z.enum(stationKindCodes, { message: '请选择工作站类型' }),
  regionCode: regionCodeSchema,
  address: z.string().trim().min(1, '请填写工作站地址').max(120, '地址不能超过 120 个字'),
});

export type StationProfile = z.infer<typeof stationProfileSchema>;
