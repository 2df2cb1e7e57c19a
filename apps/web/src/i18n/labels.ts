// Chinese names of the engine's codes, as the screens show them.

export const STATUS_LABELS: Record<string, string> = {
  awaiting_confirmation: '待确认收到',
  registered: '已登记',
  triage: '待审查',
  correction_requested: '待补正',
  assigned: '已分办',
  searching: '检索中',
  consulting: '征求意见中',
  reasons_requested: '待说明理由',
  extension_requested: '延期待批',
  decision_drafted: '已拟定答复',
  confidentiality_review: '待保密审查',
  approval: '待审批',
  fee_pending: '待缴费',
  notice_issued: '已出具告知书',
  delivered: '已送达',
  closed: '已办结',
};

export const ACTION_LABELS: Record<string, string> = {
  'confirm-receipt': '确认收到',
  triage: '审查',
  'request-correction': '要求补正',
  'receive-correction': '收到补正',
  assign: '分办',
  'record-search': '记录检索',
  'start-consultation': '征求意见',
  'receive-consultation-reply': '收到意见答复',
  'request-extension': '申请延期',
  'decide-extension': '审批延期',
  'draft-decision': '拟定答复',
  'review-confidentiality': '保密审查',
  'approve-decision': '审批答复',
  'issue-notice': '出具告知书',
  'record-delivery': '记录送达',
  withdraw: '撤回申请',
  'confirm-petition': '确认信访分类',
  'record-payment': '记录缴费',
  'request-reasons': '要求说明理由',
  'receive-reasons': '收到理由说明',
  'reissue-notice': '重新出具告知书',
};

export const CHANNEL_LABELS: Record<string, string> = {
  in_person: '当面提交',
  post: '邮政快递',
  mail: '平信',
  online: '网络提交',
  fax: '传真',
};

export const CATEGORY_LABELS: Record<string, string> = {
  business: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  law_firm: '法律服务机构',
  other: '其他',
};

export const PAUSE_LABELS: Record<string, string> = { correction: '等待补正', consultation: '征求第三方意见', fee: '等待缴费' };

export const ROLE_LABELS: Record<string, string> = {
  clerk: '承办人',
  reviewer: '审核人',
  supervisor: '督办主管',
  auditor: '审计',
  admin: '管理员',
};

/** Values of the action bodies' enums. */
export const VALUE_LABELS: Record<string, string> = {
  accept: '受理',
  'needs-correction': '需要补正',
  petition: '信访举报投诉类申请',
  repeated: '重复申请',
  'not-held': '本机关不掌握',
  'other-organ': '属于其他机关',
  'already-public': '已主动公开',
  'special-route': '有专门查询途径',
  excessive: '大量反复申请',
  disclose: '予以公开',
  partial: '部分公开',
  refuse: '不予公开',
  'not-exist': '信息不存在',
  'cannot-create': '需另行制作',
  'unclear-after-correction': '补正后仍不明确',
  publication: '公开出版物',
  'confirm-or-reissue': '要求确认或重新出具',
  'third-party': '第三方',
  'co-maker': '共同制作机关',
  consent: '同意公开',
  objection: '不同意公开',
  none: '逾期未答复',
  post: '邮寄',
  electronic: '电子送达',
  in_person: '当面送达',
  withhold: '不予公开',
  'per-application': '按件计收',
  'per-volume': '按量计收',
};

/** Fields of the action bodies. */
export const FIELD_LABELS: Record<string, string> = {
  receivedOn: '收到日期',
  comment: '备注',
  outcome: '审查结果',
  otherOrgan: '其他机关名称',
  items: '补正事项',
  periodDays: '期限（工作日）',
  deliveredOn: '送达日期',
  assignee: '承办人',
  department: '部门',
  summary: '检索情况',
  found: '是否找到',
  kind: '类别',
  party: '对象',
  sentOn: '发出日期',
  information: '涉及的信息',
  position: '意见',
  reasons: '理由',
  reason: '理由',
  approve: '同意',
  replyKind: '答复类型',
  parts: '信息分项',
  description: '内容',
  disposition: '处理',
  ground: '不予公开依据',
  explanation: '说明',
  provision: '提供方式',
  form: '形式',
  method: '方式',
  fee: '信息处理费',
  amount: '金额（元）',
  basis: '计收方式',
  previous: '此前申请',
  applicationNumber: '登记编号',
  repliedOn: '答复日期',
  noticeNumber: '告知书编号',
  specialRoute: '专门途径',
  recordType: '记录类型',
  law: '法律依据',
  route: '查询途径',
  requestVolume: '申请数量说明',
  publication: '出版物',
  name: '名称',
  whereToGet: '获取途径',
  on: '日期',
  paidOn: '缴费日期',
  reasonable: '理由是否合理',
  replyBy: '答复日期',
};

export const label = (table: Record<string, string>, key: string | null | undefined) => (key ? (table[key] ?? key) : '—');

/** A recorded step of a case: the actions, and the events the workflow or the remedies record. */
export const STEP_LABELS: Record<string, string> = {
  ...ACTION_LABELS,
  registered: '登记',
  submitted: '网络提交',
  'windows-expired': '期限届满',
  closed: '办结',
  confirmation_overdue: '超过到达当日未确认收到',
  deadline_recomputed: '答复期限重新计算',
  'remedy-filed': '登记行政复议/诉讼',
  'remedy-outcome': '记录复议/诉讼结果',
  'remedy-updated': '更新复议/诉讼信息',
  'remedy-outcome-corrected': '更正复议/诉讼结果',
};

/** Temporal's history events as an auditor reads them (the type itself is shown beside). */
export const TEMPORAL_EVENT_LABELS: Record<string, string> = {
  WORKFLOW_EXECUTION_STARTED: '流程启动',
  WORKFLOW_EXECUTION_COMPLETED: '流程结束',
  WORKFLOW_EXECUTION_FAILED: '流程失败',
  WORKFLOW_EXECUTION_TERMINATED: '流程被终止',
  WORKFLOW_EXECUTION_SIGNALED: '收到信号',
  WORKFLOW_EXECUTION_UPDATE_ACCEPTED: '接受操作请求',
  WORKFLOW_EXECUTION_UPDATE_COMPLETED: '操作请求完成',
  WORKFLOW_EXECUTION_UPDATE_REJECTED: '操作请求被拒绝',
  TIMER_STARTED: '设置计时器',
  TIMER_FIRED: '计时器到期',
  TIMER_CANCELED: '取消计时器',
  ACTIVITY_TASK_SCHEDULED: '安排任务',
  ACTIVITY_TASK_COMPLETED: '任务完成',
  ACTIVITY_TASK_FAILED: '任务失败',
  ACTIVITY_TASK_TIMED_OUT: '任务超时',
  MARKER_RECORDED: '记录版本标记',
};

/** The workflow's Updates, signals and activities, as the audit page names them. */
export const WORKFLOW_PART_LABELS: Record<string, string> = {
  registration: '登记',
  action: '办理步骤',
  calendarUpdated: '节假日安排更新',
  testClock: '测试时钟',
  registerApplication: '登记申请',
  loadCalendarYears: '读取节假日安排',
  projectCaseStep: '写入办理记录',
  notify: '发送提醒',
  issueNotice: '出具文书',
};
