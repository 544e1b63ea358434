import type { DocumentTemplate, FieldDef, TableCell } from '../template';

/** Rows of the household table; a fifth person and more go in 经济困难情况. */
export const PLEDGE_MEMBER_ROWS = 4;

const memberFields: FieldDef[] = Array.from({ length: PLEDGE_MEMBER_ROWS }, (_, i) => i + 1).flatMap(
  (n) =>
    [
      { name: `member${n}Name`, label: `家庭成员${n}姓名`, type: 'text', max: 50 },
      { name: `member${n}Relation`, label: `家庭成员${n}与承诺人关系`, type: 'text', max: 20 },
      { name: `member${n}Work`, label: `家庭成员${n}职业或工作单位`, type: 'text', max: 60 },
      { name: `member${n}Income`, label: `家庭成员${n}月收入`, type: 'money' },
    ] satisfies FieldDef[],
);

const memberRows: TableCell[][] = Array.from({ length: PLEDGE_MEMBER_ROWS }, (_, i) => i + 1).map((n) => [
  { field: `member${n}Name` },
  { field: `member${n}Relation` },
  { field: `member${n}Work`, span: 2 },
  { field: `member${n}Income`, align: 'right' },
]);

/**
 * 经济困难状况个人诚信承诺书: the applicant's own word on the household's means, which the
 * centre may accept instead of a certificate (法律援助法 Art. 41: 法律援助机构核查申请人的
 * 经济困难状况，可以通过信息共享查询，或者由申请人进行个人诚信承诺). It names the
 * household member by member, consents to the verification Art. 41 para. 2 provides for, and
 * states the consequences of a false pledge as the law does: the centre terminates aid
 * (Art. 48), the judicial administration department orders repayment of the aid's cost and
 * fines up to 3,000 yuan (Art. 64: 责令其支付已实施法律援助的费用，并处三千元以下罚款; the fine
 * is not discretionary, so the pledge must not say 可以处), and a crime is prosecuted (Art. 67).
 */
export const hardshipPledge: DocumentTemplate = {
  kind: 'hardship_pledge',
  name: '经济困难状况个人诚信承诺书',
  description: '申请人就家庭经济困难状况作出诚信承诺',
  style: 'form',
  legalBasis: '《中华人民共和国法律援助法》第三十四条、第四十一条、第四十八条、第六十四条、第六十七条',
  signers: '承诺人签名并捺指印',
  sources: ['consultation'],
  fields: [
    { name: 'legalAidCentre', label: '法律援助机构', type: 'text', required: true, max: 60 },
    { name: 'applicantName', label: '承诺人', type: 'text', required: true, max: 50 },
    { name: 'idNumber', label: '证件号码', type: 'text', max: 30 },
    { name: 'address', label: '住址', type: 'text', max: 120 },
    { name: 'matter', label: '申请事项', type: 'text', required: true, max: 100 },
    { name: 'householdSize', label: '家庭人口', type: 'text', required: true, max: 4, unit: '人' },
    ...memberFields,
    { name: 'householdIncome', label: '家庭月总收入（元）', type: 'money', required: true },
    { name: 'incomePerPerson', label: '家庭人均月收入（元）', type: 'money', required: true, hint: '家庭月总收入除以家庭人口，不足一分的尾数舍去' },
    { name: 'incomeSources', label: '主要收入来源', type: 'text', max: 100 },
    { name: 'householdAssets', label: '家庭财产状况', type: 'multiline', max: 500, hint: '房产、车辆、存款、有价证券等' },
    { name: 'hardship', label: '经济困难情况', type: 'multiline', max: 3000 },
    { name: 'date', label: '承诺日期', type: 'date', required: true },
  ],
  blocks: [
    { type: 'title', text: '经济困难状况个人诚信承诺书' },
    { type: 'line', text: '{{legalAidCentre}}：' },
    {
      type: 'line',
      indent: true,
      text: '本人{{applicantName}}[[，证件号码{{idNumber}}]][[，住{{address}}]]，因{{matter}}向你机构申请法律援助，现将本人及共同生活的家庭成员的经济状况如实说明如下：',
    },
    {
      type: 'table',
      columns: [1.3, 1.2, 1.3, 1.1, 1.3],
      rows: [
        [{ label: '姓名' }, { label: '与承诺人关系' }, { label: '职业或工作单位', span: 2 }, { label: '月收入' }],
        ...memberRows,
        [{ label: '家庭人口' }, { field: 'householdSize' }, { label: '家庭月总收入' }, { field: 'householdIncome', span: 2 }],
        [{ label: '人均月收入' }, { field: 'incomePerPerson' }, { label: '主要收入来源' }, { field: 'incomeSources', span: 2 }],
        [{ label: '家庭财产状况' }, { field: 'householdAssets', span: 4 }],
        [{ label: '经济困难情况' }, { field: 'hardship', span: 4 }],
      ],
    },
    { type: 'line', indent: true, text: '本人郑重承诺：一、以上所述本人及家庭成员的经济状况真实、准确、完整，无隐瞒、虚报。' },
    {
      type: 'line',
      indent: true,
      text: '二、本人同意法律援助机构通过信息共享查询，或者向有关部门、单位、村民委员会、居民委员会和个人核查本人及家庭成员的经济困难状况（《中华人民共和国法律援助法》第四十一条）。',
    },
    {
      type: 'line',
      indent: true,
      text: '三、本人知悉：以欺骗或者其他不正当手段获得法律援助的，法律援助机构将作出终止法律援助的决定（第四十八条）；由司法行政部门责令本人支付已实施法律援助的费用，并处三千元以下罚款（第六十四条）；构成犯罪的，依法追究刑事责任（第六十七条）。',
    },
    { type: 'signature', lines: [{ sign: '承诺人（签名）', fingerprint: true }, '{{date}}'] },
  ],
};
