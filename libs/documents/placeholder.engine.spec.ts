import { escapeHtml, fillPlaceholders, listPlaceholders, PlaceholderError } from './placeholder.engine';

describe('placeholder engine', () => {
  it('fills known placeholders, including item.* ones', () => {
    expect(fillPlaceholders('{{a}}与{{item.b}}', { a: '甲', 'item.b': '乙' })).toBe('甲与乙');
  });

  it('names the unknown placeholder and the context', () => {
    expect(() => fillPlaceholders('致{{applicantNmae}}', { applicantName: '张某' }, { context: 'reply-refuse.2019' })).toThrow(
      /Unknown placeholder \{\{applicantNmae\}\} in reply-refuse\.2019/,
    );
    try {
      fillPlaceholders('{{x}}', {});
    } catch (e) {
      expect(e).toBeInstanceOf(PlaceholderError);
      expect((e as PlaceholderError).placeholder).toBe('x');
    }
  });

  it('never expands placeholders that arrive inside values', () => {
    expect(fillPlaceholders('{{a}}', { a: '{{b}}', b: 'secret' })).toBe('{{b}}');
  });

  it('rejects malformed placeholders instead of printing them', () => {
    expect(() => fillPlaceholders('{{ a }}', { a: 'x' })).toThrow(/Malformed placeholder/);
    expect(() => fillPlaceholders('{{a}', { a: 'x' })).toThrow(/Malformed placeholder/);
    expect(() => listPlaceholders('{{a.b.c}}')).toThrow(/Malformed placeholder/);
  });

  it('escapes inserted values for HTML, not the template', () => {
    const html = fillPlaceholders('<b>{{name}}</b>', { name: '<script>alert("x")</script>&' }, { escape: escapeHtml });
    expect(html).toBe('<b>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;</b>');
  });

  it('lists placeholders once, in order', () => {
    expect(listPlaceholders('{{b}}{{a}}{{b}}{{item.no}}')).toEqual(['b', 'a', 'item.no']);
  });
});
