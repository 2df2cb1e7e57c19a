import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

// The keys match search-attributes.json, which the server start-up registers.
export const SA = {
  status: defineSearchAttributeKey('DeStatus', SearchAttributeType.KEYWORD),
  dueOn: defineSearchAttributeKey('DeDueOn', SearchAttributeType.DATETIME),
  department: defineSearchAttributeKey('DeDepartment', SearchAttributeType.KEYWORD),
  assignee: defineSearchAttributeKey('DeAssignee', SearchAttributeType.KEYWORD),
  overdue: defineSearchAttributeKey('DeOverdue', SearchAttributeType.BOOL),
  registrationNumber: defineSearchAttributeKey('DeRegistrationNumber', SearchAttributeType.KEYWORD),
  office: defineSearchAttributeKey('DeOffice', SearchAttributeType.KEYWORD),
  regime: defineSearchAttributeKey('DeRegime', SearchAttributeType.KEYWORD),
} as const;
