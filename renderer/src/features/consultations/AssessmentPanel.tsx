import { Alert, Space } from 'antd';
import { mandatoryDefenceReasons } from '../../../../core/rules/mandatoryDefence';
import { checkEligibility, checkNoMeansTest, householdIncomeSchema } from '../../../../core/rules/meansTest';
import { RESIDENT_ID } from '../../../../core/domain/enums';
import { deriveFromIdNumber } from '../../../../core/consultations/derive';
import type { ConsultationDraft } from '../../../../core/consultations/schema';
import { useStation } from '../../app/StationContext';

/**
 * The flags a contact raises, shown while the form is being filled: Art. 25 mandatory
 * defence, Art. 32/42 no means test, and otherwise the Art. 34 means test against the
 * city's standard from settings.
 */
export function AssessmentPanel({ draft }: { draft: ConsultationDraft }) {
  const { enums, domain } = useStation();
  const on = draft.time ?? new Date();
  const birthDate =
    draft.birthDate ??
    (draft.idType === RESIDENT_ID && draft.idNumber ? deriveFromIdNumber(draft.idNumber, on)?.birthDate : undefined);
  const mandatory =
    draft.clientRole && draft.caseType
      ? mandatoryDefenceReasons(
          {
            clientRole: draft.clientRole,
            caseType: draft.caseType,
            birthDate: birthDate ?? undefined,
            on,
            disabilities: draft.disabilities ?? [],
            mayFaceLifeOrDeath: draft.mayFaceLifeOrDeath ?? false,
          },
          enums,
        )
      : [];
  const noMeansTest = checkNoMeansTest(
    { specialGroups: draft.specialGroups ?? [], matters: draft.aidMatters ?? [], noFixedIncome: draft.noFixedIncome ?? false },
    enums,
  );
  const household = householdIncomeSchema.safeParse({
    householdMonthlyIncome: draft.householdMonthlyIncome,
    householdSize: draft.householdSize,
  });

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="assessment">
      {mandatory.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="mandatory-defence"
          title="应当通知法律援助机构指派律师担任辩护人（法律援助法第二十五条）"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {mandatory.map((r) => (
                <li key={r.code}>{r.text}</li>
              ))}
            </ul>
          }
        />
      )}
      {noMeansTest.exempt ? (
        <Alert
          type="success"
          showIcon
          data-testid="no-means-test"
          title="免予核查经济困难状况"
          description={noMeansTest.reasons.join('；')}
        />
      ) : household.success ? (
        domain.meansTestStandard ? (
          (() => {
            const r = checkEligibility(household.data, domain.meansTestStandard);
            return (
              <Alert
                type={r.eligible ? 'success' : 'warning'}
                showIcon
                data-testid="eligibility"
                title={r.eligible ? '符合经济困难条件' : '不符合经济困难条件'}
                description={r.ruleText}
              />
            );
          })()
        ) : (
          <Alert type="info" showIcon title="尚未设置当地经济困难标准" description="请工作站负责人在“设置”中填写低保线、倍数和附加金额后再核查。" />
        )
      ) : null}
      {!noMeansTest.exempt && noMeansTest.hints.length > 0 && (
        <Alert type="info" showIcon title="提示" description={noMeansTest.hints.join('；')} />
      )}
    </Space>
  );
}
