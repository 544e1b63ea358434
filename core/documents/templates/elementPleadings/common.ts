import type { Block, DocumentTemplate, DocumentValues, FieldDef, TableCell } from '../../template';
import { boxes, objectionBoxes, OPEN, textOf, TICKED, totalOf, yesWithContent } from './marks';

/**
 * The parts every element-style (要素式) pleading shares, after the model forms of
 * 《最高人民法院、司法部、中华全国律师协会关于印发部分案件起诉状答辩状示范文本的通知》
 * (法〔2025〕82号): the 说明 block, 当事人信息 with the service address and consent to
 * electronic service, 诉讼请求 item by item with the 标的总额, 约定管辖和诉前保全,
 * 事实与理由 element by element, the 证据清单 and 对纠纷解决方式的意愿. A case type
 * supplies only its claim and fact elements (one file per type beside this one).
 */

/** One row of 诉讼请求 as the model form lists it. */
export interface ClaimItem {
  key: string;
  /** The model form's wording, e.g. 是否主张工资支付. */
  label: string;
  /**
   * money: an amount (counted in the total) and its 明细; yesText: 是/否 with its content in
   * one field ("否" = not claimed); text: free content; choice: one of `options`.
   */
  kind: 'money' | 'yesText' | 'text' | 'choice';
  options?: readonly string[];
  /** What the 明细/content field asks for, shown under the input. */
  hint?: string;
  /** The defence's wording for it when the default (对…有无异议) reads badly. */
  objection?: string;
}

/** One row of 事实与理由. */
export interface FactItem {
  key: string;
  label: string;
  hint?: string;
}

export interface CaseTypeSpec {
  /** Kind suffix: element_complaint_<type>. */
  type: string;
  /** The 案由 in the subtitle, e.g. 劳动争议纠纷. */
  cause: string;
  claims: readonly ClaimItem[];
  /** 标的总额 (or the divorce form's 金钱给付合计); the sum of the money claims. */
  totalLabel: string;
  /** Whether the form asks about an agreed forum or arbitration (contract disputes). */
  jurisdiction: boolean;
  /** Whether the form asks whether an appraisal is applied for (traffic accidents). */
  appraisal?: boolean;
  facts: readonly FactItem[];
  /** 请求依据 / 诉请依据 / 请求承担责任的依据. */
  basisLabel: string;
  basisHint: string;
  complaintBasis: string;
  defenceBasis: string;
  notice?: DocumentTemplate['notice'];
}

const YES_NO = ['是', '否'] as const;
const MEDIATION_KNOWN = ['了解', '不了解'] as const;
const MEDIATION_FIRST = ['是', '否', '暂不确定，想要了解更多内容'] as const;

const NOTES_COMPLAINT = [
  '说明：',
  '为了方便您更好地参加诉讼，保护您的合法权利，请填写本表。',
  '1. 起诉时需向人民法院提交证明您身份的材料，如身份证复印件、营业执照复印件等。',
  '2. 本表所列内容是您提起诉讼以及人民法院查明案件事实所需，请务必如实填写。',
  '3. 本表有些内容可能与您的案件无关，您认为与案件无关的项目可以填“无”或不填；对于本表中勾选项可以在对应项打“√”；您认为另有重要内容需要列明的，可以另附页填写。',
  '★特别提示★',
  '诉讼参加人应遵守诚信原则如实认真填写表格。如果诉讼参加人违反有关规定，虚假诉讼、恶意诉讼、滥用诉权，人民法院将视违法情形依法追究责任。',
].join('\n');

const NOTES_DEFENCE = [
  '说明：',
  '为了方便您更好地参加诉讼，保护您的合法权利，请填写本表。',
  '1. 应诉时需向人民法院提交证明您身份的材料，如身份证复印件、营业执照复印件等。',
  '2. 本表所列内容是您参加诉讼以及人民法院查明案件事实所需，请务必如实填写。',
  '3. 本表有些内容可能与您的案件无关，您认为与案件无关的项目可以填“无”或不填；对于本表中勾选项可以在对应项打“√”；您认为另有重要内容需要列明的，可以另附页填写。',
  '★特别提示★',
  '诉讼参加人应遵守诚信原则如实认真填写表格。如果诉讼参加人违反有关规定，虚假诉讼、恶意诉讼、滥用诉权，人民法院将视违法情形依法追究责任。',
].join('\n');

const BENEFITS = [
  '1. 立案后选择先行调解的，可以很快启动调解程序。如不同意调解，法院将依程序开庭审理案件，但可能需要经过较长一段时间的排期等待，且审理、执行周期相对较长。',
  '2. 选择先行调解，调解成功且自动履行的免交诉讼费用，申请司法确认的不交纳诉讼费用，要求出具调解书的减半交纳诉讼费用。',
  '3. 首次调解不成功，但仍有继续调解意愿的，可以选择更换调解组织和调解员再进行调解。调解无法达成一致意见的，法院将依程序排期开庭。',
  '4. 依照法律规定，调解具有保密性要求，调解过程不公开，调解协议未经当事人同意不得公开。',
  '5. 调解达成的协议具有法律效力，可以依照法律规定申请司法确认，具有强制执行效力。',
].join('\n');

const PERSON_HINT =
  '每行一人。自然人写：姓名，性别，出生日期，民族，工作单位，职务，联系电话，住所地（户籍所在地），经常居住地，证件类型及号码；法人、非法人组织写：名称，住所地（主要办事机构所在地），注册地/登记地，法定代表人/主要负责人及职务、联系电话，统一社会信用代码，类型';

const SERVICE_CONFIRMATION = '以上送达地址经本人确认准确、有效；地址变更的，将及时书面告知人民法院。';

const choiceField = (name: string, label: string, options: readonly string[], hint?: string): FieldDef => ({
  name,
  label,
  type: 'text',
  max: 20,
  options,
  ...(hint ? { hint } : {}),
});

function partyFields(role: '原告' | '答辩人'): FieldDef[] {
  const own = role === '原告' ? 'plaintiffs' : 'respondents';
  const agent = role === '原告' ? 'plaintiffAgent' : 'respondentAgent';
  return [
    { name: own, label: role, type: 'list', required: true, max: 500, hint: PERSON_HINT },
    { name: agent, label: '委托诉讼代理人', type: 'multiline', max: 500, hint: '姓名、单位、职务、联系电话、代理权限（一般授权或特别授权）；没有的不填' },
    { name: 'serviceAddress', label: '送达地址', type: 'text', required: true, max: 120 },
    { name: 'serviceRecipient', label: '收件人', type: 'text', required: true, max: 50 },
    { name: 'servicePhone', label: '收件人电话', type: 'text', required: true, max: 30 },
    choiceField('eService', '是否接受电子送达', YES_NO),
    { name: 'eServiceWay', label: '电子送达方式及号码', type: 'text', max: 100, hint: '短信、微信、传真、邮箱或其他，写明号码或地址' },
  ];
}

const closingFields = (signerLabel: string): FieldDef[] => [
  { name: 'evidence', label: '证据清单', type: 'list', max: 300, hint: '每行一份：证据名称、来源及证明目的' },
  choiceField('mediationKnown', '是否了解调解作为非诉讼纠纷解决方式', MEDIATION_KNOWN),
  choiceField('mediationBenefitsKnown', '是否了解先行调解解决纠纷的好处', MEDIATION_KNOWN),
  choiceField('mediationFirst', '是否考虑先行调解', MEDIATION_FIRST),
  { name: 'court', label: '受诉法院', type: 'text', required: true, max: 60 },
  { name: 'signer', label: signerLabel, type: 'text', required: true, max: 100 },
  { name: 'date', label: '日期', type: 'date', required: true },
];

/** Shared derived texts: electronic service and the mediation choices. */
function sharedDerived(values: DocumentValues): Record<string, string> {
  const way = textOf(values, 'eServiceWay');
  const e = textOf(values, 'eService');
  const eService = e === '是' ? `${TICKED}是\u3000方式：${way}\n${OPEN}否\n同意人民法院以上述方式电子送达诉讼文书。` : boxes(e, YES_NO);
  return {
    eServiceText: eService,
    mediationKnownBox: boxes(textOf(values, 'mediationKnown'), MEDIATION_KNOWN),
    mediationBenefitsBox: `${BENEFITS}\n对以上内容：${boxes(textOf(values, 'mediationBenefitsKnown'), MEDIATION_KNOWN)}`,
    mediationFirstBox: boxes(textOf(values, 'mediationFirst'), MEDIATION_FIRST),
  };
}

const L = 1.6;
const R = 3.4;

function partyTable(role: '原告' | '答辩人', others: TableCell[][]): Block {
  const own = role === '原告' ? 'plaintiffs' : 'respondents';
  const agent = role === '原告' ? 'plaintiffAgent' : 'respondentAgent';
  return {
    type: 'table',
    columns: [L, R],
    // A section's title row heads every page the section runs on and never ends a page.
    header: 1,
    rows: [
      [{ label: '当事人信息', span: 2 }],
      [{ label: `${role}\n（自然人、法人、非法人组织）` }, { field: own, minLines: 2 }],
      [{ label: '委托诉讼代理人' }, { field: agent }],
      [
        { label: '送达地址（所填信息除书面特别声明更改外，适用于案件一审、二审、再审所有后续程序）及收件人、电话' },
        { text: `地址：{{serviceAddress}}\n收件人：{{serviceRecipient}}\n电话：{{servicePhone}}\n${SERVICE_CONFIRMATION}` },
      ],
      [{ label: '是否接受电子送达' }, { text: '{{eServiceText}}' }],
      ...others,
    ],
  };
}

function closingBlocks(signerLabel: string): Block[] {
  return [
    {
      type: 'table',
      columns: [L, R],
      header: 1,
      rows: [
        [{ label: '对纠纷解决方式的意愿', span: 2 }],
        [{ label: '是否了解调解作为非诉讼纠纷解决方式，能及时、高效、低成本、不伤和气地解决纠纷' }, { text: '{{mediationKnownBox}}' }],
        [{ label: '是否了解先行调解解决纠纷的好处' }, { text: '{{mediationBenefitsBox}}' }],
        [{ label: '是否考虑先行调解' }, { text: '{{mediationFirstBox}}' }],
      ],
    },
    { type: 'gap', lines: 0.5 },
    { type: 'line', indent: true, text: '此致' },
    { type: 'line', text: '{{court}}' },
    { type: 'signature', lines: [{ sign: `${signerLabel}{{signer}}（签字、盖章）` }, '日期：{{date}}'] },
  ];
}

const amountField = (c: ClaimItem) => `${c.key}Amount`;
const detailField = (c: ClaimItem) => `${c.key}Detail`;

function claimFields(spec: CaseTypeSpec): FieldDef[] {
  const out: FieldDef[] = [];
  spec.claims.forEach((c, i) => {
    const label = `${i + 1}. ${c.label}`;
    if (c.kind === 'money') {
      out.push({ name: amountField(c), label: `${label}：金额（元）`, type: 'money', hint: '不主张的不填' });
      out.push({ name: detailField(c), label: `${label}：明细及依据`, type: 'multiline', max: 1000, ...(c.hint ? { hint: c.hint } : {}) });
    } else if (c.kind === 'choice') {
      out.push(choiceField(c.key, label, c.options ?? YES_NO, c.hint));
    } else {
      out.push({ name: c.key, label, type: 'multiline', max: 1000, hint: c.hint ?? (c.kind === 'yesText' ? '不主张的填“否”；主张的写明内容' : '') });
    }
  });
  out.push(choiceField('costsClaimed', `${spec.claims.length + 1}. 是否主张诉讼费用`, YES_NO));
  out.push({ name: 'otherClaims', label: `${spec.claims.length + 2}. 其他请求`, type: 'multiline', max: 1000 });
  return out;
}

function claimRows(spec: CaseTypeSpec): TableCell[][] {
  const rows: TableCell[][] = [[{ label: '诉讼请求' }, { label: '是否主张' }, { label: '金额' }, { label: '明细及依据' }]];
  spec.claims.forEach((c, i) => {
    const label = { label: `${i + 1}. ${c.label}` };
    if (c.kind === 'money') rows.push([label, { text: `{{${c.key}Box}}` }, { field: amountField(c) }, { field: detailField(c) }]);
    else if (c.kind === 'text') rows.push([label, { field: c.key, span: 3 }]);
    else rows.push([label, { text: `{{${c.key}Box}}`, span: 3 }]);
  });
  const n = spec.claims.length;
  rows.push([{ label: `${n + 1}. 是否主张诉讼费用` }, { text: '{{costsClaimedBox}}', span: 3 }]);
  rows.push([{ label: `${n + 2}. 其他请求` }, { field: 'otherClaims', span: 3 }]);
  rows.push([{ label: `${n + 3}. ${spec.totalLabel}` }, { text: '{{claimTotal}}', span: 3 }]);
  return rows;
}

function claimDerived(spec: CaseTypeSpec, values: DocumentValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of spec.claims) {
    if (c.kind === 'money') out[`${c.key}Box`] = boxes(textOf(values, amountField(c)) === '' ? '否' : '是', YES_NO);
    else if (c.kind === 'yesText') out[`${c.key}Box`] = yesWithContent(textOf(values, c.key), '内容：');
    else if (c.kind === 'choice') out[`${c.key}Box`] = boxes(textOf(values, c.key), c.options ?? YES_NO);
  }
  out.costsClaimedBox = boxes(textOf(values, 'costsClaimed'), YES_NO);
  out.claimTotal = totalOf(values, moneyClaimFields(spec));
  return out;
}

/** The amount fields whose sum is the 标的总额. */
export function moneyClaimFields(spec: CaseTypeSpec): string[] {
  return spec.claims.filter((c) => c.kind === 'money').map(amountField);
}

const preservationFields = (spec: CaseTypeSpec): FieldDef[] => [
  ...(spec.jurisdiction
    ? [
        choiceField('forumAgreed', '有无仲裁、法院管辖约定', ['有', '无']),
        { name: 'forumClause', label: '管辖约定的合同条款及内容', type: 'multiline', max: 500 } as FieldDef,
      ]
    : []),
  choiceField('preservedBeforeSuit', '是否已经诉前保全', YES_NO),
  { name: 'preservationCourt', label: '保全法院', type: 'text', max: 60 },
  { name: 'preservationDate', label: '保全时间', type: 'date' },
  { name: 'preservationCaseNumber', label: '保全案号', type: 'text', max: 60 },
  choiceField('applyPreservation', '是否申请诉讼保全', YES_NO, '申请的，另行提交诉讼保全申请书及相关材料'),
  ...(spec.appraisal
    ? [choiceField('appraisalApplied', '是否申请鉴定', YES_NO), { name: 'appraisalMatter', label: '鉴定事项', type: 'text', max: 200 } as FieldDef]
    : []),
];

function preservationBlock(spec: CaseTypeSpec): Block {
  const title = spec.jurisdiction ? '约定管辖和诉讼保全' : spec.appraisal ? '诉讼保全及鉴定申请' : '诉讼保全';
  const rows: TableCell[][] = [[{ label: title, span: 2 }]];
  let n = 0;
  if (spec.jurisdiction) rows.push([{ label: `${++n}. 有无仲裁、法院管辖约定` }, { text: '{{forumText}}' }]);
  rows.push([{ label: `${++n}. 是否已经诉前保全` }, { text: '{{preservedText}}' }]);
  rows.push([{ label: `${++n}. 是否申请诉讼保全` }, { text: '{{applyPreservationText}}' }]);
  if (spec.appraisal) rows.push([{ label: `${++n}. 是否申请鉴定` }, { text: '{{appraisalText}}' }]);
  return { type: 'table', columns: [L, R], header: 1, rows };
}

function preservationDerived(values: DocumentValues): Record<string, string> {
  const date = textOf(values, 'preservationDate');
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const when = m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
  const preserved = textOf(values, 'preservedBeforeSuit');
  const forum = textOf(values, 'forumAgreed');
  const appraisal = textOf(values, 'appraisalApplied');
  return {
    forumText: forum === '有' ? `${TICKED}有\u3000合同条款及内容：${textOf(values, 'forumClause')}\n${OPEN}无` : boxes(forum, ['有', '无']),
    preservedText:
      preserved === '是'
        ? `${TICKED}是\u3000保全法院：${textOf(values, 'preservationCourt')}\u3000保全时间：${when}\u3000保全案号：${textOf(values, 'preservationCaseNumber')}\n${OPEN}否`
        : boxes(preserved, YES_NO),
    applyPreservationText: `${boxes(textOf(values, 'applyPreservation'), YES_NO)}\n（如申请诉讼保全，请另行提交诉讼保全申请及相关材料）`,
    appraisalText: appraisal === '是' ? `${TICKED}是\u3000鉴定事项：${textOf(values, 'appraisalMatter')}\n${OPEN}否` : boxes(appraisal, YES_NO),
  };
}

function factFields(spec: CaseTypeSpec): FieldDef[] {
  return [
    { name: 'facts', label: '事实与理由（完整表述）', type: 'multiline', max: 10000, hint: '可完整表述纠纷涉及的事实与理由；要点请在下方逐项填写' },
    ...spec.facts.map((f, i): FieldDef => ({ name: f.key, label: `${i + 1}. ${f.label}`, type: 'multiline', max: 3000, ...(f.hint ? { hint: f.hint } : {}) })),
    { name: 'claimBasis', label: `${spec.facts.length + 1}. ${spec.basisLabel}`, type: 'multiline', required: true, max: 2000, hint: spec.basisHint },
  ];
}

function factsBlock(spec: CaseTypeSpec): Block {
  const n = spec.facts.length;
  return {
    type: 'table',
    columns: [L, R],
    header: 1,
    rows: [
      [{ label: '事实与理由', span: 2 }],
      // The guidance and the narrative share a row, so a page break never parts them.
      [{ text: '（可完整表述纠纷涉及的事实与理由；为方便、准确梳理要点，相关内容请在下方要素式表格中填写）\n{{facts}}', span: 2, minLines: 3 }],
      ...spec.facts.map((f, i): TableCell[] => [{ label: `${i + 1}. ${f.label}` }, { field: f.key }]),
      [{ label: `${n + 1}. ${spec.basisLabel}` }, { field: 'claimBasis' }],
      [{ label: `${n + 2}. 证据清单` }, { field: 'evidence' }],
    ],
  };
}

/** 民事起诉状（…纠纷）in the element form. */
export function elementComplaint(spec: CaseTypeSpec): DocumentTemplate {
  return {
    kind: `element_complaint_${spec.type}`,
    name: `民事起诉状（${spec.cause}·要素式）`,
    description: `按最高人民法院示范文本逐项填写的${spec.cause}起诉状（要素式）`,
    style: 'form',
    legalBasis: spec.complaintBasis,
    signers: '具状人（原告）签字或盖章；法人、非法人组织加盖公章，并由法定代表人或主要负责人签字',
    ...(spec.notice ? { notice: spec.notice } : {}),
    sources: ['consultation', 'none'],
    fields: [
      ...partyFields('原告'),
      { name: 'defendants', label: '被告', type: 'list', required: true, max: 500, hint: PERSON_HINT },
      { name: 'thirdParties', label: '第三人', type: 'list', max: 500, hint: PERSON_HINT },
      ...claimFields(spec),
      ...preservationFields(spec),
      ...factFields(spec),
      ...closingFields('具状人'),
    ],
    derive: (values) => ({ ...sharedDerived(values), ...claimDerived(spec, values), ...preservationDerived(values) }),
    blocks: [
      { type: 'title', text: '民事起诉状' },
      { type: 'line', align: 'center', bold: true, text: `（${spec.cause}）` },
      { type: 'table', columns: [1], rows: [[{ text: NOTES_COMPLAINT }]] },
      partyTable('原告', [
        [{ label: '被告\n（自然人、法人、非法人组织）' }, { field: 'defendants', minLines: 2 }],
        [{ label: '第三人\n（自然人、法人、非法人组织）' }, { field: 'thirdParties' }],
      ]),
      { type: 'table', columns: [2.3, 1.75, 1.5, 3.0], header: 1, rows: claimRows(spec) },
      preservationBlock(spec),
      factsBlock(spec),
      ...closingBlocks('具状人'),
    ],
  };
}

/** The defence's wording for a claim: 对工资支付诉请有无异议, 对本金有无异议. */
export function objectionLabel(c: ClaimItem): string {
  if (c.objection) return c.objection;
  const m = /^是否(?:主张|要求|对)(.+)$/.exec(c.label);
  return m ? `对${m[1]}诉请有无异议` : `对${c.label}有无异议`;
}

const objectionField = (key: string) => `${key}Objection`;
const OBJECTION_HINT = '填“无”表示无异议；有异议的写明事实和理由';

/** 民事答辩状（…纠纷）in the element form: the claims and the facts answered item by item. */
export function elementDefence(spec: CaseTypeSpec): DocumentTemplate {
  const claimItems = [
    ...spec.claims.map((c) => ({ key: c.key, label: objectionLabel(c) })),
    { key: 'costs', label: '对诉讼费用负担有无异议' },
    { key: 'otherClaims', label: '对其他请求有无异议' },
    { key: 'total', label: `对${spec.totalLabel}有无异议` },
  ];
  // The defence has its own 其他需要说明的内容; the complaint's is not answered item by item.
  const factItems = answeredFacts(spec).map((f) => ({ key: f.key, label: `对${f.label}有无异议` }));
  const items = [...claimItems, ...factItems];
  const objectionRows = (list: typeof items, from: number): TableCell[][] =>
    list.map((it, i): TableCell[] => [{ label: `${from + i}. ${it.label}` }, { text: `{{${it.key}ObjectionBox}}` }, { field: objectionField(it.key) }]);
  const n = factItems.length;
  return {
    kind: `element_defence_${spec.type}`,
    name: `民事答辩状（${spec.cause}·要素式）`,
    description: `按最高人民法院示范文本逐项答辩的${spec.cause}答辩状（要素式）`,
    style: 'form',
    legalBasis: spec.defenceBasis,
    signers: '答辩人签字或盖章；法人、非法人组织加盖公章，并由法定代表人或主要负责人签字',
    sources: ['consultation', 'none'],
    fields: [
      { name: 'caseNumber', label: '案号', type: 'text', max: 60 },
      { name: 'claimantNames', label: '原告（被答辩人）', type: 'text', required: true, max: 200 },
      ...partyFields('答辩人'),
      { name: 'reasons', label: '答辩意见（完整表述）', type: 'multiline', max: 10000, hint: '可完整表述答辩意见；要点请在下方逐项填写' },
      ...items.map(
        (it, i): FieldDef => ({
          name: objectionField(it.key),
          label: `${i + 1 - (i >= claimItems.length ? claimItems.length : 0)}. ${it.label}`,
          type: 'multiline',
          max: 2000,
          hint: OBJECTION_HINT,
        }),
      ),
      { name: 'exemptions', label: `${n + 1}. 有无其他免责／减责事由`, type: 'multiline', max: 2000 },
      {
        name: 'defenceBasis',
        label: `${n + 2}. 答辩依据`,
        type: 'multiline',
        required: true,
        max: 2000,
        hint: '合同约定：……；法律规定：写明法律及司法解释的具体条文',
      },
      { name: 'otherFacts', label: `${n + 3}. 其他需要说明的内容`, type: 'multiline', max: 3000 },
      ...closingFields('答辩人'),
    ],
    derive: (values) => {
      const out = sharedDerived(values);
      for (const it of items) out[`${it.key}ObjectionBox`] = objectionBoxes(textOf(values, objectionField(it.key)));
      return out;
    },
    blocks: [
      { type: 'title', text: '民事答辩状' },
      { type: 'line', align: 'center', bold: true, text: `（${spec.cause}）` },
      { type: 'table', columns: [1], rows: [[{ text: NOTES_DEFENCE }]] },
      {
        type: 'table',
        columns: [L, R],
        rows: [
          [{ label: '案号' }, { field: 'caseNumber' }],
          [{ label: '原告（被答辩人）' }, { field: 'claimantNames' }],
        ],
      },
      partyTable('答辩人', []),
      {
        type: 'table',
        columns: [3.0, 1.5, 3.5],
        header: 2,
        rows: [
          [{ label: '答辩事项（对原告诉讼请求的确认或者异议）', span: 3 }],
          [{ label: '项目' }, { label: '有无异议' }, { label: '事实和理由' }],
          ...objectionRows(claimItems, 1),
        ],
      },
      {
        type: 'table',
        columns: [3.0, 1.5, 3.5],
        rows: [
          [{ label: '事实和理由（对起诉状事实与理由的确认或者异议）', span: 3 }],
          [{ field: 'reasons', span: 3, minLines: 3 }],
          ...objectionRows(factItems, 1),
          [{ label: `${n + 1}. 有无其他免责／减责事由` }, { field: 'exemptions', span: 2 }],
          [{ label: `${n + 2}. 答辩依据` }, { field: 'defenceBasis', span: 2 }],
          [{ label: `${n + 3}. 其他需要说明的内容` }, { field: 'otherFacts', span: 2 }],
          [{ label: `${n + 4}. 证据清单` }, { field: 'evidence', span: 2 }],
        ],
      },
      ...closingBlocks('答辩人'),
    ],
  };
}

/** The defence fields answering each claim and fact, in print order (for tests and prefill). */
export function defenceObjectionFields(spec: CaseTypeSpec): string[] {
  return [...spec.claims.map((c) => c.key), 'costs', 'otherClaims', 'total', ...answeredFacts(spec).map((f) => f.key)].map(objectionField);
}

const answeredFacts = (spec: CaseTypeSpec) => spec.facts.filter((f) => f.key !== 'otherFacts');
