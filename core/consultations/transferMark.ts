import { z } from 'zod';
import { charCount, cleanPersonName, cleanText, hasControlCharacters } from '../validation/text';

/**
 * What 标记已转交 records beside the time (法律援助法 第三十九条: the application goes to a
 * 法律援助机构 within 24 hours): which agency received it and who there took it, so the
 * record, like the transfer letter's receipt slip, proves to whom it was handed.
 */
export const TRANSFER_MARK_LIMITS = { recipient: 60, receiver: 30 } as const;

function required(label: string, max: number, clean: (s: string) => string, hint: string) {
  return z.preprocess(
    (v) => (v === null || v === undefined ? '' : v),
    z
      .string({ error: `请填写${label}` })
      .transform(clean)
      .superRefine((v, ctx) => {
        if (v === '') ctx.addIssue({ code: 'custom', message: `请填写${label}${hint}` });
        else if (charCount(v) > max) ctx.addIssue({ code: 'custom', message: `${label}不能超过 ${max} 个字` });
        else if (hasControlCharacters(v)) ctx.addIssue({ code: 'custom', message: `${label}中含有无法显示的字符` });
      }),
  );
}

export const transferMarkSchema = z.object(
  {
    transferRecipient: required('接收机构', TRANSFER_MARK_LIMITS.recipient, cleanText, '（如：沈阳市和平区法律援助中心）'),
    transferReceiver: required('接收人', TRANSFER_MARK_LIMITS.receiver, cleanPersonName, '姓名'),
  },
  { error: '转交信息无效' },
);

export type TransferMark = z.output<typeof transferMarkSchema>;
