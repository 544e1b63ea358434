import { Card, Checkbox, Col, DatePicker, Form, Input, Row, Space, Typography } from 'antd';
import { GrowingTextArea } from '../../ui/GrowingTextArea';
import { SearchSelect } from '../../ui/SearchSelect';
import { memo, type ReactNode } from 'react';
import type { ClientRoleEntry } from '../../../../core/domain/enums';
import type { PleaFinding } from '../../../../core/rules/pleaLeniency';
import { useStation } from '../../state/StationContext';

const CLOSE_RELATIVE = 'close_relative';

/**
 * The facts Art. 25 turns on, asked of the accused (and of a close relative, who may retain
 * a defender for him, CPL Arts. 33 and 293): is there defence counsel, custody, the handling
 * authority, a death-penalty review or a trial in absentia, and, when Art. 25 applies to
 * duty-lawyer help only, whether the authority has notified the legal-aid agency.
 */
export const CriminalFacts = memo(function CriminalFacts({
  role,
  noticeText,
}: {
  role: ClientRoleEntry | undefined;
  /** What Art. 25/36 asks of the authority while it has not notified; null when nothing is due. */
  noticeText: string | null;
}) {
  const { enums } = useStation();
  const notified = Form.useWatch('defenderNotified') as boolean | undefined;
  const accused = role?.accused === true;
  const relative = role?.code === CLOSE_RELATIVE;
  const askNotice = noticeText !== null || notified === true;
  return (
    <Row gutter={12}>
      {(accused || relative) && (
        <Col span={8}>
          <Form.Item label=" " name="hasDefenceCounsel" valuePropName="checked" extra="已委托或已指派辩护人的，不适用第二十五条的通知辩护">
            <Checkbox>已委托辩护人</Checkbox>
          </Form.Item>
        </Col>
      )}
      {accused && (
        <Col span={8}>
          <Form.Item label="羁押状态" name="custodyStatus">
            <SearchSelect allowClear options={enums.custodyStatuses.map((e) => ({ value: e.code, label: e.label }))} />
          </Form.Item>
        </Col>
      )}
      <Col span={accused || relative ? 8 : 12}>
        <Form.Item label="办案机关" name="handlingAuthority">
          <Input maxLength={60} autoComplete="off" placeholder="如 沈阳市和平区人民检察院" />
        </Form.Item>
      </Col>
      {accused && (
        <Col span={8}>
          <Form.Item name="deathPenaltyReview" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox>死刑复核案件</Checkbox>
          </Form.Item>
        </Col>
      )}
      {(accused || relative) && (
        <Col span={8}>
          <Form.Item name="trialInAbsentia" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox>缺席审判案件</Checkbox>
          </Form.Item>
        </Col>
      )}
      {askNotice && (
        <>
          <Col span={16}>
            <Form.Item
              name="defenderNotified"
              valuePropName="checked"
              extra={
                noticeText && !notified ? (
                  <Typography.Text type="warning" data-testid="defender-notice-field">
                    {noticeText}
                  </Typography.Text>
                ) : undefined
              }
            >
              <Checkbox>办案机关已通知法律援助机构指派辩护人</Checkbox>
            </Form.Item>
          </Col>
          {notified && (
            <Col span={8}>
              <Form.Item label="通知时间" name="defenderNotifiedAt">
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
        </>
      )}
    </Row>
  );
});

/** The warnings of one field, one per line, so that the section re-renders only when they change. */
export function pleaWarningsAt(findings: readonly PleaFinding[], field: PleaFinding['field']): string {
  return findings
    .filter((f) => f.field === field && f.level === 'warning')
    .map((f) => f.message)
    .join('\n');
}

/** Warnings shown under a field; refusals come as the field's error (set by the form). */
function warningsAt(warnings: string): ReactNode {
  if (!warnings) return undefined;
  return (
    <Space orientation="vertical" size={0}>
      {warnings.split('\n').map((w) => (
        <Typography.Text key={w} type="warning" data-testid="plea-warning">
          {w}
        </Typography.Text>
      ))}
    </Space>
  );
}

const textArea = <GrowingTextArea minRows={1} maxRows={4} maxLength={1000} />;

/**
 * The plea-leniency (认罪认罚) workflow of a suspect or defendant: the procuratorate's
 * proposal, the suspect's views the law asks to hear (CPL Art. 173), the duty lawyer's
 * opinion, and the signing of the statement (CPL Art. 174) with the lawyer present.
 */
export const PleaSection = memo(function PleaSection({
  pleaWarnings,
  pledgeWarnings,
  minor,
}: {
  /** From pleaWarningsAt. */
  pleaWarnings: string;
  pledgeWarnings: string;
  minor: boolean;
}) {
  const plea = Form.useWatch('pleaLeniency') as boolean | undefined;
  return (
    <Card size="small" title="认罪认罚" style={{ marginBottom: 12 }} data-testid="plea-section">
      <Form.Item name="pleaLeniency" valuePropName="checked" style={{ marginBottom: plea ? 12 : 0 }} extra={warningsAt(pleaWarnings)}>
        <Checkbox>认罪认罚</Checkbox>
      </Form.Item>
      {plea && (
        <Row gutter={12}>
          <Col span={24}>
            <Form.Item label="量刑建议" name="sentencingProposal" extra="人民检察院提出的量刑建议（《刑事诉讼法》第一百七十六条第二款）">
              {textArea}
            </Form.Item>
          </Col>
          <Col span={24}>
            <Typography.Text type="secondary">犯罪嫌疑人、被告人的意见（《刑事诉讼法》第一百七十三条第二款）</Typography.Text>
          </Col>
          <Col span={12}>
            <Form.Item label="对犯罪事实的意见" name="pleaViewFacts">
              {textArea}
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="对罪名的意见" name="pleaViewCharge">
              {textArea}
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="对量刑建议的意见" name="pleaViewProposal">
              {textArea}
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="对程序适用的意见" name="pleaViewProcedure">
              {textArea}
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="值班律师意见" name="lawyerOpinion" extra="对指控罪名、量刑建议、诉讼程序适用等事项的意见">
              <GrowingTextArea minRows={2} maxRows={6} maxLength={4000} />
            </Form.Item>
          </Col>
          {minor && (
            <Col span={24}>
              <Form.Item
                name="minorPleaObjection"
                valuePropName="checked"
                extra="有异议的，不需要签署认罪认罚具结书（《刑事诉讼法》第一百七十四条第二款第（二）项）"
              >
                <Checkbox>法定代理人或辩护人对认罪认罚有异议</Checkbox>
              </Form.Item>
            </Col>
          )}
          <Col span={12}>
            <Form.Item name="pledgeSigned" valuePropName="checked" extra={warningsAt(pledgeWarnings)}>
              <Checkbox>具结书已签署</Checkbox>
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="pledgeWitnessed" valuePropName="checked" extra="应当在辩护人或者值班律师在场的情况下签署（《刑事诉讼法》第一百七十四条第一款）">
              <Checkbox>签署时值班律师在场</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      )}
    </Card>
  );
});
