import type { DocumentTemplate } from '../template';

/**
 * 会见笔录: the duty lawyer's record of a meeting with a detained suspect or defendant
 * (刑事诉讼法 Art. 36: a detainee may ask to meet a duty lawyer). As with every 笔录, the
 * person writes in his own hand that he has read it and it is what he said, signs and
 * presses a fingerprint, page by page; the lawyer and the recorder sign too.
 */
export const meetingRecord: DocumentTemplate = {
  kind: 'meeting_record',
  name: '会见笔录',
  description: '值班律师会见在押犯罪嫌疑人、被告人的问答记录，由被会见人逐页核对签名捺印',
  style: 'form',
  legalBasis: '《中华人民共和国刑事诉讼法》第三十六条；《法律援助值班律师工作办法》第六条',
  signers: '被会见人亲笔书写核对意见、逐页签名并捺指印；会见律师和记录人签名',
  sources: ['consultation'],
  fields: [
    { name: 'meetingTime', label: '会见时间', type: 'text', required: true, max: 60, hint: '如：2026年11月24日09时30分至10时15分' },
    { name: 'meetingPlace', label: '会见地点', type: 'text', required: true, max: 100 },
    { name: 'lawyerName', label: '会见律师', type: 'text', required: true, max: 50 },
    { name: 'stationName', label: '值班律师工作站', type: 'text', required: true, max: 60 },
    { name: 'recorder', label: '记录人', type: 'text', max: 50 },
    { name: 'detaineeName', label: '被会见人', type: 'text', required: true, max: 50 },
    { name: 'detaineeParticulars', label: '被会见人基本情况', type: 'text', max: 200, hint: '性别、出生日期、民族、证件号码、住址' },
    { name: 'cause', label: '涉嫌罪名', type: 'text', max: 60 },
    { name: 'caseNumber', label: '案号', type: 'text', max: 60 },
    { name: 'handlingAuthority', label: '办案机关', type: 'text', max: 60 },
    { name: 'record', label: '会见内容', type: 'multiline', required: true, max: 20000, hint: '逐段以“问：”“答：”开头记录' },
  ],
  blocks: [
    { type: 'title', text: '会见笔录' },
    {
      type: 'table',
      columns: [1.2, 2.2, 1.2, 2.2],
      rows: [
        [{ label: '会见时间' }, { field: 'meetingTime', span: 3 }],
        [{ label: '会见地点' }, { field: 'meetingPlace', span: 3 }],
        [{ label: '会见律师' }, { text: '{{lawyerName}}（{{stationName}}值班律师）', span: 3 }],
        [{ label: '记录人' }, { field: 'recorder' }, { label: '被会见人' }, { field: 'detaineeName' }],
        [{ label: '基本情况' }, { field: 'detaineeParticulars', span: 3 }],
        [{ label: '涉嫌罪名' }, { field: 'cause' }, { label: '案号' }, { field: 'caseNumber' }],
        [{ label: '办案机关' }, { field: 'handlingAuthority', span: 3 }],
      ],
    },
    { type: 'heading', text: '会见内容：' },
    { type: 'prose', field: 'record' },
    // Rows of at most three lines are never split across pages, so each signature stays whole.
    {
      type: 'table',
      columns: [1.2, 2.8, 0.8, 2.0],
      rows: [
        [{ label: '被会见人\n核对意见' }, { text: '（由被会见人亲笔书写：“以上笔录我看过（或：已向我宣读），和我说的相符。”）', span: 3, minLines: 3 }],
        [{ label: '被会见人' }, { text: '（签名并捺指印）', minLines: 2 }, { label: '日期' }, { text: '年　　月　　日' }],
        [{ label: '会见律师' }, { text: '（签名）', minLines: 2 }, { label: '日期' }, { text: '年　　月　　日' }],
        [{ label: '记录人' }, { text: '（签名）', minLines: 2 }, { label: '日期' }, { text: '年　　月　　日' }],
      ],
    },
    { type: 'line', text: '注：被会见人应在笔录每页末尾签名并捺指印；笔录有修改的，在修改处捺指印。' },
  ],
};
