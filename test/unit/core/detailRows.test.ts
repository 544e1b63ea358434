import { describe, expect, it } from 'vitest';
import { createConsultationInputSchema, normalizeConsultationInput, type ConsultationInput } from '../../../core/consultations/schema';
import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';
import { detailRows, SHOWN_ELSEWHERE } from '../../../renderer/src/features/consultations/detailRows';
import { contact } from './contactFixture';
import { requestView } from '../../../core/access/recordViews';

const schema = createConsultationInputSchema(DEFAULT_ENUMERATIONS);

/** A contact with every optional fact filled, as a lawyer could enter it. */
function everything(): ConsultationInput {
  return schema.parse(
    normalizeConsultationInput(
      contact({
        clientRole: 'defendant',
        criminalStage: 'trial',
        idType: 'resident_id',
        idNumber: '110101199003074514',
        ethnicity: 'han',
        phone: '13800138000',
        address: '沈阳市和平区南京北街1号',
        specialGroups: ['migrant_worker'],
        disabilities: ['physical'],
        helpTypes: ['legal_consultation', 'help_apply_legal_aid'],
        durationMinutes: 25,
        followUpNeeded: true,
        followUpNote: '三日内电话回访',
        legalAidOutcome: 'applied',
        noFixedIncome: true,
        mayFaceLifeOrDeath: true,
        householdMonthlyIncome: 5099.99,
        householdSize: 3,
        hasDefenceCounsel: false,
        custodyStatus: 'detained',
        handlingAuthority: '和平区人民法院',
        trialInAbsentia: false,
        deathPenaltyReview: false,
        defenderNotified: true,
        defenderNotifiedAt: '2026-11-20T09:00:00.000+08:00',
        exemptionProof: '低保证',
        pleaLeniency: true,
        sentencingProposal: '有期徒刑一年',
        pleaViewFacts: '无异议',
        pleaViewCharge: '无异议',
        pleaViewProposal: '建议从轻',
        pleaViewProcedure: '同意适用速裁程序',
        lawyerOpinion: '认罪认罚自愿',
        pledgeSigned: true,
        pledgeWitnessed: true,
      }),
      DEFAULT_ENUMERATIONS,
    ),
  );
}

/** A migrant worker's wage claim with its legal-aid application. */
function civil(): ConsultationInput {
  return schema.parse(
    normalizeConsultationInput(
      contact({
        clientRole: 'party',
        caseType: 'civil',
        criminalStage: undefined,
        cause: '追索劳动报酬',
        specialGroups: ['migrant_worker'],
        helpTypes: ['legal_consultation'],
        legalAidOutcome: 'applied',
        aidMatters: ['unpaid_wages'],
        householdMonthlyIncome: 5099.99,
        householdSize: 3,
      }),
      DEFAULT_ENUMERATIONS,
    ),
  );
}

describe('the record sheet (issue 20 item 18)', () => {
  it('shows every field of the consultation form, or names where it is shown instead', () => {
    const shown = new Set<string>([
      ...SHOWN_ELSEWHERE,
      ...[everything(), civil()].flatMap((r) => detailRows(r, DEFAULT_ENUMERATIONS, '张律师').flatMap((row) => row.fields)),
    ]);
    // Facts only some records hold: a request, an answer, the Art. 39 transfer, a minor's objection.
    const conditional = [
      'requestKind',
      'receivedAt',
      'answeredRequestId',
      'answeredAt',
      'answeredBy',
      'otherExemptions',
      'minorPleaObjection',
      'refusalReason',
    ];
    const missing = Object.keys(schema.shape).filter((k) => !shown.has(k) && !conditional.includes(k));
    expect(missing).toEqual([]);
  });

  it('shows what was entered in words and units, including 申请事项 and the household means', () => {
    const text = (r: ConsultationInput) =>
      Object.fromEntries(detailRows(r, DEFAULT_ENUMERATIONS, '张律师').map((row) => [row.label, row.text ?? row.tags?.join('、')]));
    expect(text(civil())).toMatchObject({ 申请事项: '请求支付劳动报酬', 家庭月收入: '5,099.99元', 家庭人口: '3 人' });
    const rows = text(everything());
    expect(rows).toMatchObject({
      值班律师: '张律师',
      家庭月收入: '5,099.99元',
      家庭人口: '3 人',
      无固定生活来源: '是',
      '可能判处无期徒刑、死刑': '是',
      残疾类别: expect.stringMatching(/肢体/),
      跟进: '三日内电话回访',
      接待时长: '25 分钟',
    });
  });

  it('shows a request, and the contact that met it, as such', () => {
    const rows = detailRows(
      {
        ...everything(),
        requestKind: 'meet_lawyer',
        receivedAt: '2026-11-20T08:00:00.000+08:00',
        answeredAt: '2026-11-20T10:00:00.000+08:00',
        answeredBy: 'c2',
      },
      DEFAULT_ENUMERATIONS,
      '',
    );
    expect(rows.find((r) => r.key === 'request')?.text).toBe('约见值班律师，收到于 2026-11-20 08:00');
    expect(rows.find((r) => r.key === 'answeredAt')?.text).toBe('2026-11-20 10:00 由值班律师接待');
    expect(rows.find((r) => r.key === 'lawyer')?.text).toBe('—');
  });

  it('shows 无权查看 for every row the request view leaves out, and the identity and the request as they are', () => {
    const full = { ...everything(), ownerId: 'lawyer-a', requestKind: 'legal_aid_application' as const, receivedAt: '2026-11-20T08:00:00.000+08:00' };
    const rows = Object.fromEntries(detailRows(requestView(full), DEFAULT_ENUMERATIONS, '张律师').map((r) => [r.label, r.text ?? r.tags?.join('、')]));
    expect(rows).toMatchObject({
      姓名: full.clientName,
      '案由/罪名': full.cause,
      咨询事项: '无权查看',
      解答意见: '无权查看',
      联系电话: '无权查看',
      住址: '无权查看',
      帮助类型: '无权查看',
    });
    expect(rows['在押人员申请']).toMatch(/^申请法律援助，收到于/);
    expect(JSON.stringify(rows)).not.toContain(full.advice!);
  });
});
