import type { DocumentTemplate } from '../template';

/** 经济困难状况个人诚信承诺书: the applicant's own word on the household's means. */
export const hardshipPledge: DocumentTemplate = {
  kind: 'hardship_pledge',
  name: '经济困难状况个人诚信承诺书',
  description: '申请人就家庭经济困难状况作出诚信承诺',
  style: 'letter',
  sources: ['consultation'],
  fields: [
    { name: 'legalAidCentre', label: '法律援助机构', type: 'text', required: true, max: 60 },
    { name: 'applicantName', label: '承诺人', type: 'text', required: true, max: 50 },
    { name: 'idNumber', label: '证件号码', type: 'text', max: 30 },
    { name: 'address', label: '住址', type: 'text', max: 120 },
    { name: 'matter', label: '申请事项', type: 'text', required: true, max: 100 },
    { name: 'householdSize', label: '家庭人口', type: 'text', required: true, max: 4, unit: '人' },
    { name: 'householdIncome', label: '家庭月总收入（元）', type: 'money', required: true },
    { name: 'incomePerPerson', label: '人均月收入（元）', type: 'money', required: true },
    { name: 'incomeSources', label: '主要收入来源', type: 'text', max: 100 },
    { name: 'hardship', label: '经济困难情况', type: 'multiline', max: 3000 },
    { name: 'date', label: '承诺日期', type: 'date', required: true },
  ],
  blocks: [
    { type: 'title', text: '经济困难状况个人诚信承诺书' },
    { type: 'line', text: '{{legalAidCentre}}：' },
    { type: 'line', indent: true, text: '本人{{applicantName}}[[，证件号码{{idNumber}}]][[，住{{address}}]]，因{{matter}}向你机构申请法律援助。现就本人及共同生活的家庭成员经济状况如实说明如下：' },
    { type: 'labelled', label: '家庭人口', field: 'householdSize' },
    { type: 'labelled', label: '家庭月总收入', field: 'householdIncome' },
    { type: 'labelled', label: '人均月收入', field: 'incomePerPerson' },
    { type: 'labelled', label: '主要收入来源', field: 'incomeSources', optional: true },
    { type: 'prose', field: 'hardship' },
    { type: 'line', indent: true, text: '本人郑重承诺：' },
    { type: 'line', indent: true, text: '一、以上所述经济状况真实、准确、完整，无隐瞒、虚报。' },
    { type: 'line', indent: true, text: '二、本人知悉，以欺骗或者其他不正当手段获得法律援助的，法律援助机构将终止法律援助，并依法追缴已支付的法律援助费用；构成违法犯罪的，依法承担法律责任。' },
    { type: 'line', indent: true, text: '三、本人同意法律援助机构对上述情况进行核查。' },
    { type: 'signature', lines: [{ sign: '承诺人（签名）', fingerprint: true }, '{{date}}'] },
  ],
};
