import { describe, expect, it } from 'vitest';
import { indexTokens, matchesQuery, queryTokens, type SearchFields } from '../../../core/search/tokens';
import { consultationSearchFields } from '../../../core/consultations/search';

/** A tiny in-memory version of what the repository does with Dexie's *tokens index. */
function search(records: SearchFields[], query: string): number[] {
  const index = new Map<string, Set<number>>();
  records.forEach((r, id) => {
    for (const t of indexTokens(r)) {
      if (!index.has(t)) index.set(t, new Set());
      index.get(t)!.add(id);
    }
  });
  const q = queryTokens(query);
  let candidates: number[];
  if (q.tokens.length === 0) candidates = records.map((_, i) => i);
  else {
    const postings = q.tokens.map((t) => index.get(t) ?? new Set<number>());
    candidates = [...postings[0]!].filter((id) => postings.every((p) => p.has(id)));
  }
  return candidates.filter((id) => matchesQuery(records[id]!, q)).sort((a, b) => a - b);
}

/** The exact answer: every record checked, no index. */
function scan(records: SearchFields[], query: string): number[] {
  return records.flatMap((r, i) => (matchesQuery(r, query) ? [i] : []));
}

const records: SearchFields[] = [
  consultationSearchFields({
    clientName: '𠮷田堃',
    idNumber: '11010519491231002X',
    phone: '13812345678',
    caseNumber: '（2024）辽0102刑初123号',
    cause: '盗窃罪',
    question: '工伤认定后单位不赔偿怎么办',
  }),
  consultationSearchFields({
    clientName: '王䶮',
    idNumber: '210102199003071233',
    phone: '024-23456789',
    caseNumber: '沈检刑诉〔2024〕12号',
    address: '沈阳市和平区',
    question: '在KTV包房打架，对方要求赔偿',
  }),
  consultationSearchFields({ clientName: '李喆', phone: '13987654321', question: '借款 50000 元未还，P2P 平台倒闭' }),
  consultationSearchFields({ clientName: 'John Smith', question: 'Divorce and custody' }),
  consultationSearchFields({ clientName: '阿卜杜·热合曼', question: '劳动合同纠纷' }),
];

const QUERIES = [
  '𠮷',
  '𠮷田',
  '田堃',
  '堃',
  '䶮',
  '王䶮',
  '喆',
  '李喆',
  '王',
  '热合曼',
  '阿卜杜•热合曼',
  '杜热',
  '0102194912',
  '0105194912',
  '1949 1231 002x',
  '002X',
  '1233',
  '4567',
  '138 1234',
  '024-2345',
  '(2024)辽0102刑初123号',
  '辽0102刑初',
  '刑初123',
  '〔2024〕12',
  '2024',
  '工伤',
  '工伤认定',
  '赔偿',
  'ktv包房',
  '包房',
  'KTV',
  'ktv',
  'p2p',
  '50000',
  'divorce',
  'smith john',
  'joh',
  '盗窃',
  '和平区',
  '沈阳 赔偿',
  '张三',
  '99999',
  '辽0103',
  'divorce 王',
];

describe('indexTokens', () => {
  it('keeps characters outside the BMP whole: no token holds half a surrogate pair', () => {
    const tokens = indexTokens({ names: ['𠮷田'], identifiers: [], text: [] });
    expect(tokens).toEqual(expect.arrayContaining(['u:𠮷', 'u:田', 'b:𠮷田']));
    expect(tokens.some((t) => /\p{Cs}/u.test(t))).toBe(false); // no lone surrogate
    expect(tokens).toHaveLength(3);
  });

  it('emits identifier trigrams on the normalised form, so bracket widths do not matter', () => {
    const half = indexTokens({ names: [], identifiers: ['(2024)辽0102刑初123号'], text: [] });
    const full = indexTokens({ names: [], identifiers: ['（2024）辽0102刑初123号'], text: [] });
    expect(half.sort()).toEqual(full.sort());
    expect(half).toContain('i:24辽');
    expect(half).toContain('i:23号');
  });

  it('lower-cases letter words and prefixes every kind', () => {
    const tokens = indexTokens({ names: [], identifiers: [], text: ['Divorce 离婚'] });
    expect(tokens.sort()).toEqual(['b:离婚', 'w:divorce']);
  });

  it('returns each token once', () => {
    const tokens = indexTokens({ names: ['王王王'], identifiers: ['111111'], text: ['王王'] });
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(tokens.sort()).toEqual(['b:王王', 'i:111', 'j:111111', 'u:王']);
  });
});

describe('queryTokens', () => {
  it('uses the unigram for a single Han character and bigrams for longer runs', () => {
    expect(queryTokens('堃').tokens).toEqual(['u:堃']);
    expect(queryTokens('𠮷田').tokens).toEqual(['b:𠮷田']);
    // 工伤认定: bigrams 工伤 伤认 认定 → the first and the last suffice (they cover every character).
    expect(queryTokens('工伤认定').tokens).toEqual(['b:工伤', 'b:认定']);
  });

  it('looks up a long number by a few spread six-character grams, a short one by trigrams', () => {
    // 13812345678 has 6 six-grams (138123 … 345678); the first and the last cover every digit.
    expect(queryTokens('138 1234 5678').tokens).toEqual(['j:138123', 'j:345678']);
    // 12345: three trigrams, every third from the start plus the last.
    expect(queryTokens('12345').tokens).toEqual(['i:123', 'i:345']);
    expect(queryTokens('11010519491231002X').tokens).toEqual(['j:110105', 'j:194912', 'j:31002X']);
    expect(queryTokens('123456').tokens).toEqual(['j:123456']);
  });

  it('indexes every six-character part of a number, so a query of one is a necessary condition', () => {
    const tokens = new Set(indexTokens({ names: [], identifiers: ['（2026）辽0102刑初123号'], text: ['合同编号 HT2024001'] }));
    for (const g of ['026辽01', '刑初123号', '0102刑初', 'HT2024', '024001']) expect(tokens.has(`j:${g}`)).toBe(true);
    for (const q of ['辽0102刑初123', '0102刑初', 'HT2024001']) {
      for (const t of queryTokens(q).tokens) expect(tokens.has(t)).toBe(true);
    }
  });

  it('says when a number fragment is too short to look up', () => {
    const q = queryTokens('12');
    expect(q).toMatchObject({ tokens: [], needsScan: true, problem: '号码片段请至少输入 3 位' });
  });
});

describe('search: index intersection + verification', () => {
  it.each(QUERIES)('gives exactly the scan result for %s', (query) => {
    expect(search(records, query)).toEqual(scan(records, query));
  });

  it('finds rare characters in names', () => {
    expect(search(records, '𠮷')).toEqual([0]);
    expect(search(records, '䶮')).toEqual([1]);
    expect(search(records, '堃')).toEqual([0]);
    expect(search(records, '喆')).toEqual([2]);
    expect(search(records, '𠮷田堃')).toEqual([0]);
  });

  it('finds a name fragment, whatever middle dot was typed', () => {
    expect(search(records, '田堃')).toEqual([0]);
    expect(search(records, '阿卜杜•热合曼')).toEqual([4]);
    expect(search(records, '杜热')).toEqual([]); // the dot separates the parts
  });

  it('finds an ID number fragment, with a lower-case x and spaces', () => {
    expect(search(records, '0105194912')).toEqual([0]);
    expect(search(records, '0102194912')).toEqual([]); // region 110105, not 110102
    expect(search(records, '1949 1231 002x')).toEqual([0]);
    expect(search(records, '1990030712')).toEqual([1]);
  });

  it('finds a phone fragment, mobile or landline', () => {
    expect(search(records, '138 1234')).toEqual([0]);
    expect(search(records, '2345678')).toEqual([0, 1]);
    expect(search(records, '024-2345')).toEqual([1]);
  });

  it('finds a court number typed with half-width parentheses when stored with full-width ones', () => {
    expect(search(records, '(2024)辽0102刑初123号')).toEqual([0]);
    expect(search(records, '刑初123')).toEqual([0]);
    expect(search(records, '〔2024〕12')).toEqual([1]);
  });

  it('finds words of the free text', () => {
    expect(search(records, '工伤')).toEqual([0]);
    expect(search(records, 'ktv包房')).toEqual([1]);
    expect(search(records, 'KTV')).toEqual([1]);
    expect(search(records, 'p2p')).toEqual([2]);
    expect(search(records, '50000')).toEqual([2]);
    expect(search(records, 'DIVORCE')).toEqual([3]);
    expect(search(records, 'smith john')).toEqual([3]);
    expect(search(records, '赔偿')).toEqual([0, 1]);
    expect(search(records, '沈阳 赔偿')).toEqual([1]);
  });

  it('does not match what is not there', () => {
    expect(search(records, '张三')).toEqual([]);
    expect(search(records, '99999')).toEqual([]);
    expect(search(records, '辽0103')).toEqual([]);
    expect(search(records, 'joh')).toEqual([]); // words match whole
    expect(search(records, 'divorce 王')).toEqual([]); // every term must match
    expect(search(records, '盗窃罪 王䶮')).toEqual([]);
  });

  it('matches a single character against names only', () => {
    // 王 appears in record 1's name; 赔 appears in text only.
    expect(search(records, '王')).toEqual([1]);
    expect(search(records, '赔')).toEqual([]);
  });

  it('treats an empty query as no filter', () => {
    expect(queryTokens('   ').terms).toEqual([]);
    expect(matchesQuery(records[0]!, '')).toBe(true);
  });
});

describe('search: property', () => {
  it('index + verification never loses a record that a full scan finds', async () => {
    const fc = await import('fast-check');
    const alphabet = ['王', '堃', '𠮷', '䶮', '喆', '田', '伤', '工', '1', '2', '3', 'X', 'x', 'a', 'B', ' ', '·', '•', '(', '）', '-', '号'];
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }).map((cs) => cs.join(''));
    const record = fc.record({
      names: fc.array(text, { maxLength: 2 }),
      identifiers: fc.array(text, { maxLength: 2 }),
      text: fc.array(text, { maxLength: 2 }),
    });
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 6 }), text, fc.nat(), fc.nat(), (recs, randomQuery, a, b) => {
        // Half the time query a piece of a stored field, so that matches actually occur.
        const fields = recs.flatMap((r) => [...r.names, ...r.identifiers, ...r.text]);
        const source = fields.length > 0 ? [...fields[a % fields.length]!] : [];
        const start = source.length > 0 ? a % source.length : 0;
        const piece = source.slice(start, start + 1 + (b % 6)).join('');
        for (const query of [randomQuery, piece]) expect(search(recs, query)).toEqual(scan(recs, query));
      }),
      { numRuns: 500 },
    );
  });
});
