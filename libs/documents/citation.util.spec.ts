import { citationProblem, formatCitation, formatCitationList } from './citation.util';

describe('citations', () => {
  it('formats articles, paragraphs and items', () => {
    expect(formatCitation({ law: 'ogi-2019', article: 36, item: 3 })).toBe('《中华人民共和国政府信息公开条例》第三十六条第（三）项');
    expect(formatCitation({ law: 'ogi-2019', article: 16, paragraph: 2 })).toBe('《中华人民共和国政府信息公开条例》第十六条第二款');
    expect(formatCitation({ law: 'reconsideration-2023', article: 23, paragraph: 1, item: 4 })).toBe(
      '《中华人民共和国行政复议法》第二十三条第一款第（四）项',
    );
    expect(formatCitation({ law: 'fee-measures-2020' })).toBe('《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）');
  });

  it('shares the title between consecutive articles of one law and drops duplicates', () => {
    expect(
      formatCitationList([
        { law: 'ogi-2019', article: 36, item: 3 },
        { law: 'ogi-2019', article: 14 },
        { law: 'ogi-2019', article: 14 },
        { law: 'fee-measures-2020', article: 4 },
      ]),
    ).toBe(
      '《中华人民共和国政府信息公开条例》第三十六条第（三）项、第十四条、《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）第四条',
    );
  });

  it('does not repeat the article for its next paragraph', () => {
    expect(
      formatCitationList([
        { law: 'ogi-2019', article: 33, paragraph: 2 },
        { law: 'ogi-2019', article: 33, paragraph: 3 },
      ]),
    ).toBe('《中华人民共和国政府信息公开条例》第三十三条第二款、第三款');
  });

  it('finds citations that do not exist', () => {
    expect(citationProblem({ law: 'ogi-2019', article: 36, item: 8 })).toMatch(/no item 8/);
    expect(citationProblem({ law: 'ogi-2008', article: 36 })).toMatch(/no Art\. 36/);
    expect(citationProblem({ law: 'ogi-2019', article: 33, paragraph: 4 })).toMatch(/no paragraph 4/);
    expect(citationProblem({ law: 'reconsideration-2023', article: 23, item: 4 })).toMatch(/must name paragraph 1/);
    expect(citationProblem({ law: 'ogi-2019', article: 33, paragraph: 2 })).toBeNull();
    expect(() => formatCitation({ law: 'ogi-2008', article: 39 })).toThrow(/Invalid citation/);
  });
});
