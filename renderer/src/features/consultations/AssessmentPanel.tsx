import { Alert, Space } from 'antd';
import { assessDraft, type ConsultationAssessment } from '../../../../core/consultations/derive';
import type { ConsultationDraft } from '../../../../core/consultations/schema';
import { useStation } from '../../state/StationContext';

/**
 * The flags a contact raises, shown while the form is being filled and on the record:
 * Art. 25 mandatory defence and the authority's notice (Art. 36), Art. 29 for the victim's
 * side, Art. 32/42 no means test (with the proof Art. 42 asks for), otherwise the Art. 34
 * means test against the city's standard from settings, and the plea-leniency warnings.
 * The form shows plea findings at their fields (`pleaAtFields`), the record sheet here.
 */
export function AssessmentPanel({
  draft,
  assessment,
  pleaAtFields = false,
}: {
  draft: ConsultationDraft;
  /** Already computed by the form for its own fields; computed here otherwise. */
  assessment?: ConsultationAssessment;
  pleaAtFields?: boolean;
}) {
  const { enums, domain } = useStation();
  const a = assessment ?? assessDraft(draft, domain.meansTestStandard ?? undefined, enums);
  const noMeansTest = a.noMeansTest;
  const householdGiven = draft.householdMonthlyIncome != null && draft.householdSize != null;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="assessment">
      {a.mandatoryDefence.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="mandatory-defence"
          title="没有委托辩护人的，应当通知法律援助机构指派律师担任辩护人（法律援助法第二十五条）"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {a.mandatoryDefence.map((r) => (
                <li key={r.code}>{r.text}</li>
              ))}
            </ul>
          }
        />
      )}
      {a.defenderNotice && (
        <Alert
          type={a.defenderNotice.notified ? 'success' : 'warning'}
          showIcon
          data-testid="defender-notice"
          title={a.defenderNotice.notified ? '已通知指派辩护人' : '须通知指派辩护人'}
          description={a.defenderNotice.text}
        />
      )}
      {a.mandatoryDefenceHints.map((h) => (
        <Alert key={h} type="info" showIcon title="死刑复核案件" description={h} />
      ))}
      {a.article29 && <Alert type="info" showIcon data-testid="article-29" title="被害人一方的法律援助" description={a.article29} />}
      {!pleaAtFields &&
        a.plea
          .filter((f) => f.level === 'warning')
          .map((f) => <Alert key={f.message} type="warning" showIcon data-testid="plea-warning" title="认罪认罚" description={f.message} />)}
      {noMeansTest.exempt ? (
        <Alert
          type={noMeansTest.proofMissing ? 'warning' : 'success'}
          showIcon
          data-testid="no-means-test"
          title={noMeansTest.proofMissing ? '有材料证明的，免予核查经济困难状况' : '免予核查经济困难状况'}
          description={
            noMeansTest.reasons.join('；') +
            (noMeansTest.proofMissing ? '。申请人须出示证明材料（《法律援助法》第四十二条），请在“证明材料”中记录所凭材料' : '')
          }
        />
      ) : householdGiven ? (
        a.eligibility ? (
          <Alert
            type={a.eligibility.eligible ? 'success' : 'warning'}
            showIcon
            data-testid="eligibility"
            title={a.eligibility.eligible ? '符合经济困难条件' : '不符合经济困难条件'}
            description={a.eligibility.ruleText}
          />
        ) : domain.meansTestStandard ? null : (
          <Alert type="info" showIcon title="尚未设置当地经济困难标准" description="请工作站负责人在“设置”中填写低保线、倍数和附加金额后再核查。" />
        )
      ) : null}
      {!noMeansTest.exempt && noMeansTest.hints.length > 0 && <Alert type="info" showIcon title="提示" description={noMeansTest.hints.join('；')} />}
    </Space>
  );
}
