// Paragraphs and fields shared by several templates. Data, not logic: each template still lists
// its own paragraphs in order, so an administrator's copy of one template is self-contained.
import type { FieldSpec, ParagraphSpec } from '../document.types';

/** Opening of a reply: what was received, when, and what was asked. */
export const REPLY_OPENING: ParagraphSpec = {
  text: '本机关于{{receivedOn}}收到{{pronoun}}提出的政府信息公开申请（申请编号：{{applicationNumber}}），申请获取“{{request}}”。现答复如下：',
};

/** Opening of a letter that is not a reply on the merits. */
export const RECEIVED_OPENING: ParagraphSpec = {
  text: '本机关于{{receivedOn}}收到{{pronoun}}提出的政府信息公开申请（申请编号：{{applicationNumber}}），申请获取“{{request}}”。',
};

export const OPTIONAL_REASONS: ParagraphSpec = { text: '{{reasons}}。', when: 'reasons' };

export const REMEDIES: ParagraphSpec = { slot: 'remedies' };

export const CLOSING_NOTICE: ParagraphSpec = { text: '特此告知。', role: 'closing' };

export const CONTACT: ParagraphSpec = { text: '{{officeContact}}', role: 'contact', when: 'officeContact' };

export const REASONS_OPTIONAL: FieldSpec = { name: 'reasons', label: '承办人说明（情理）', type: 'text', required: false };
export const REASONS_REQUIRED: FieldSpec = { name: 'reasons', label: '承办人说明（情理）', type: 'text', required: true };

export const WITHHELD_ITEM_TEXT =
  '{{item.no}}{{item.part}}。{{item.reason}}。该信息{{item.groundText}}，依照{{item.basis}}的规定，不予公开。';
