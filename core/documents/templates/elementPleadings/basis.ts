/** Citations every element-style pleading shares. */
export const MODEL_FORMS = '《最高人民法院、司法部、中华全国律师协会关于印发部分案件起诉状答辩状示范文本的通知》（法〔2025〕82号）';
export const COMPLAINT_BASIS = `《中华人民共和国民事诉讼法》第九十条、第一百二十二条、第一百二十四条；${MODEL_FORMS}`;
export const DEFENCE_BASIS = `《中华人民共和国民事诉讼法》第九十条、第一百二十八条；${MODEL_FORMS}`;
/** 合同约定 and 法律规定, as the contract forms ask. */
export const CONTRACT_BASIS_HINT = '合同约定：写明合同条款；法律规定：写明法律及司法解释的具体条文';
export const LAW_BASIS_HINT = '法律及司法解释的规定，要写明具体条文';
/** The guarantee elements the lending and sales forms share. */
export const SECURITY_FACTS = [
  { key: 'securityContract', label: '是否签订物的担保（抵押、质押）合同', hint: '是：签订时间；否' },
  { key: 'guarantorsAndCollateral', label: '担保人、担保物', hint: '担保人：；担保物：' },
  { key: 'maxAmountSecurity', label: '是否最高额担保（抵押、质押）', hint: '是：担保债权的确定时间、担保额度；否' },
  { key: 'securityRegistration', label: '是否办理抵押、质押登记', hint: '是：正式登记或预告登记；否' },
  { key: 'guaranteeContract', label: '是否签订保证合同', hint: '是：签订时间、保证人、主要内容，保证方式（一般保证或连带责任保证）；否' },
  { key: 'otherSecurity', label: '其他担保方式', hint: '是：形式、签订时间；否' },
] as const;
