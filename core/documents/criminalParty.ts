/**
 * How criminal papers name the accused and what the duty lawyer may say he did, by stage.
 *
 * The Criminal Procedure Law calls the accused 犯罪嫌疑人 until the procuratorate files the
 * case with the court and 被告人 from then on (刑事诉讼法 Art. 97 names both because an
 * application may be made at any stage). A paper names the one that is true on its date,
 * never "犯罪嫌疑人/被告人".
 */

export const PARTY_TITLES = ['犯罪嫌疑人', '被告人'] as const;

/** Stage code (enums' criminalStages) → the title of the accused at that stage; '' when unknown. */
export function partyTitleForStage(stage: string | undefined): string {
  if (stage === 'investigation' || stage === 'prosecution_review') return '犯罪嫌疑人';
  if (stage === 'trial') return '被告人';
  return '';
}

/** A Chinese message when `title` is not one of the two the law uses, else null. */
export function partyTitleProblem(title: string): string | null {
  return (PARTY_TITLES as readonly string[]).includes(title.trim()) ? null : '请填写“犯罪嫌疑人”（侦查、审查起诉阶段）或“被告人”（审判阶段）';
}

/**
 * What the duty lawyer did before giving an opinion, as it can truthfully be written at each
 * stage. At the investigation stage a duty lawyer may learn the charge and the case from the
 * investigating body but may not read the file; the file is open to him only from review
 * for prosecution on (《法律援助值班律师工作办法》（司规〔2020〕6号）第二十一条; 刑事诉讼法
 * Art. 173 para. 3: the procuratorate gives the duty lawyer the means to know the case).
 */
export function workDoneForStage(stage: string | undefined, title: string): string {
  const who = title || '犯罪嫌疑人';
  if (stage === 'investigation') return `经会见${who}、向侦查机关了解其涉嫌的罪名及案件有关情况`;
  if (stage === 'prosecution_review' || stage === 'trial') return `经会见${who}、查阅案卷材料`;
  return `经会见${who}`;
}

/** Words that claim a file review, which the investigation stage makes untrue. */
export const FILE_REVIEW_WORDS = /阅卷|查阅案卷|查阅.{0,4}案件材料/;
