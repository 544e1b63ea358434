import type { DocumentTemplate } from '../template';

/**
 * 法律援助申请表, after the form legal-aid centres use with the Supreme People's Court's and the
 * Ministry of Justice's practice: who applies (with 户籍所在地 and role in the case), the
 * matter, the type of aid and the procedure it is in, the household's means (法律援助法
 * Art. 34, 41), the papers handed in (Art. 43: the centre lists what is missing at once),
 * the applicant's signature and fingerprint, and a box the centre fills on receipt
 * (Art. 38, 43: the seven days for review run from receipt).
 */
export const legalAidApplication: DocumentTemplate = {
  kind: 'legal_aid_application',
  name: '法律援助申请表',
  description: '受助人向法律援助机构申请法律援助',
  style: 'form',
  legalBasis: '《中华人民共和国法律援助法》第二十二条、第二十四条、第二十九条、第三十一条、第三十四条、第三十八条、第四十一条、第四十三条',
  signers: '申请人（或代理申请人）签名并捺指印；法律援助机构收件人签名',
  sources: ['consultation'],
  fields: [
    { name: 'legalAidCentre', label: '法律援助机构', type: 'text', required: true, max: 60 },
    { name: 'applicantName', label: '申请人姓名', type: 'text', required: true, max: 50 },
    { name: 'gender', label: '性别', type: 'text', max: 4 },
    { name: 'birthDate', label: '出生日期', type: 'date' },
    { name: 'ethnicity', label: '民族', type: 'text', max: 20 },
    { name: 'idNumber', label: '证件号码', type: 'text', max: 30 },
    { name: 'phone', label: '联系电话', type: 'text', max: 20 },
    { name: 'registeredResidence', label: '户籍所在地', type: 'text', max: 120 },
    { name: 'address', label: '住所地（经常居住地）', type: 'text', max: 120 },
    { name: 'workplace', label: '工作单位', type: 'text', max: 60 },
    { name: 'specialGroups', label: '特殊群体', type: 'text', max: 100 },
    { name: 'agentName', label: '代理申请人', type: 'text', max: 50, hint: '由法定代理人或近亲属代为申请时填写' },
    { name: 'agentRelation', label: '与申请人关系', type: 'text', max: 20 },
    { name: 'applicantRole', label: '申请人在案件中的身份', type: 'text', required: true, max: 20, hint: '如：犯罪嫌疑人、被告人、被害人、原告、被告、申请人' },
    { name: 'aidType', label: '申请法律援助的形式', type: 'text', required: true, max: 40, hint: '如：刑事辩护、刑事诉讼代理、民事诉讼代理、行政诉讼代理、非诉讼代理、劳动争议仲裁代理（法律援助法第二十二条）' },
    { name: 'caseNumber', label: '案号', type: 'text', max: 60 },
    { name: 'cause', label: '案由/罪名', type: 'text', max: 60 },
    { name: 'stage', label: '案件所处程序', type: 'text', max: 30, hint: '如：侦查、审查起诉、一审、二审、劳动仲裁、尚未起诉' },
    { name: 'handlingAuthority', label: '办案机关', type: 'text', max: 60 },
    { name: 'opponent', label: '对方当事人', type: 'text', max: 100 },
    { name: 'matter', label: '申请事项', type: 'text', required: true, max: 100 },
    { name: 'facts', label: '案情及申请理由', type: 'multiline', required: true, max: 3000 },
    { name: 'householdSize', label: '家庭人口', type: 'text', max: 4, unit: '人' },
    { name: 'householdIncome', label: '家庭月总收入（元）', type: 'money' },
    { name: 'incomePerPerson', label: '家庭人均月收入（元）', type: 'money', hint: '按经济困难审查的算法：家庭月总收入除以家庭人口，不足一分的尾数舍去' },
    { name: 'householdAssets', label: '家庭财产状况', type: 'multiline', max: 500, hint: '房产、车辆、存款、有价证券等' },
    { name: 'hardship', label: '经济困难情况说明', type: 'multiline', max: 3000 },
    { name: 'papersSubmitted', label: '提交的材料', type: 'list', max: 100 },
    { name: 'date', label: '申请日期', type: 'date', required: true },
  ],
  blocks: [
    { type: 'title', text: '法律援助申请表' },
    { type: 'number' },
    { type: 'line', text: '{{legalAidCentre}}：' },
    {
      type: 'table',
      columns: [1.3, 1.45, 1.1, 1.0, 1.1, 1.55],
      rows: [
        [{ label: '申请人' }, { field: 'applicantName' }, { label: '性别' }, { field: 'gender' }, { label: '出生日期' }, { field: 'birthDate' }],
        [{ label: '民族' }, { field: 'ethnicity' }, { label: '证件号码' }, { field: 'idNumber', span: 3 }],
        [{ label: '联系电话' }, { field: 'phone' }, { label: '工作单位' }, { field: 'workplace', span: 3 }],
        [{ label: '户籍所在地' }, { field: 'registeredResidence', span: 5 }],
        [{ label: '住所地' }, { field: 'address', span: 5 }],
        [{ label: '特殊群体' }, { field: 'specialGroups', span: 5 }],
        [{ label: '代理申请人' }, { field: 'agentName' }, { label: '与申请人关系', span: 2 }, { field: 'agentRelation', span: 2 }],
        [{ label: '案件身份' }, { field: 'applicantRole', span: 2 }, { label: '援助形式' }, { field: 'aidType', span: 2 }],
        [{ label: '案号' }, { field: 'caseNumber', span: 2 }, { label: '案由罪名' }, { field: 'cause', span: 2 }],
        [{ label: '所处程序' }, { field: 'stage', span: 2 }, { label: '办案机关' }, { field: 'handlingAuthority', span: 2 }],
        [{ label: '对方当事人' }, { field: 'opponent', span: 5 }],
        [{ label: '申请事项' }, { field: 'matter', span: 5 }],
        [{ label: '案情及申请理由' }, { field: 'facts', span: 5, minLines: 6 }],
        [{ label: '家庭人口' }, { field: 'householdSize' }, { label: '家庭月总收入', span: 2 }, { field: 'householdIncome', span: 2 }],
        [{ label: '人均月收入' }, { field: 'incomePerPerson', span: 5 }],
        [{ label: '家庭财产状况' }, { field: 'householdAssets', span: 5, minLines: 2 }],
        [{ label: '经济困难情况说明' }, { field: 'hardship', span: 5, minLines: 3 }],
        [{ label: '提交的材料' }, { field: 'papersSubmitted', span: 5, minLines: 3 }],
        [
          { label: '申请人声明' },
          {
            text: '本人保证以上所填内容及所提交材料真实。如有虚假，愿依照《中华人民共和国法律援助法》第四十八条、第六十四条承担相应法律责任。\n申请人（签名）：\n指印：\n{{date}}',
            span: 5,
            minLines: 4,
          },
        ],
        [{ label: '法律援助机构收件' }, { text: '收件人（签名）：____________\n收件日期：____年__月__日\n收件编号：____________', span: 5, minLines: 3 }],
      ],
    },
  ],
};
