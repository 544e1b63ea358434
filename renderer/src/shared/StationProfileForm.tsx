import { Form, Input } from 'antd';
import { SearchSelect } from '../ui/SearchSelect';
import type { FormInstance } from 'antd';
import { STATION_KINDS, stationProfileSchema, type StationProfile } from '../../../core/domain/station';
import { zodRule } from '../ui/zodForm';

const shape = stationProfileSchema.shape;

/** The station profile fields, shared by first-run setup and the settings page. */
export function StationProfileForm({ form, initial }: { form: FormInstance<StationProfile>; initial?: StationProfile | null }) {
  return (
    <Form<StationProfile>
      form={form}
      layout="vertical"
      initialValues={initial ?? { kind: undefined }}
      requiredMark
      validateTrigger={['onBlur', 'onChange']}
      name="station-profile"
    >
      <Form.Item label="工作站编码" name="code" required rules={[zodRule(shape.code)]} extra="由法律援助中心分配，用于数据批次文件名，例如 LN0102-KSS01">
        <Input placeholder="例如 LN0102-KSS01" autoFocus maxLength={32} />
      </Form.Item>
      <Form.Item label="工作站名称" name="name" required rules={[zodRule(shape.name)]}>
        <Input placeholder="例如 沈阳市和平区看守所法律援助工作站" maxLength={60} />
      </Form.Item>
      <Form.Item label="工作站类型" name="kind" required rules={[zodRule(shape.kind)]}>
        <SearchSelect placeholder="请选择" options={STATION_KINDS.map((k) => ({ value: k.code, label: k.label }))} />
      </Form.Item>
      <Form.Item label="行政区划代码" name="regionCode" required rules={[zodRule(shape.regionCode)]} extra="6 位数字（GB/T 2260），例如 210102">
        <Input placeholder="例如 210102" maxLength={6} inputMode="numeric" />
      </Form.Item>
      <Form.Item label="地址" name="address" required rules={[zodRule(shape.address)]}>
        <Input placeholder="工作站所在地址" maxLength={120} />
      </Form.Item>
    </Form>
  );
}
