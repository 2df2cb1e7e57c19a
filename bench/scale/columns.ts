// What the scale bench generates, column by column, as SQL expressions: the one place to
// change when a migration adds a column. Each table's rows are selected from a staging
// row `c` per case (see STAGE_LAYERS), so a new column is one more line below: its name and
// the expression that fills it. Parameters every expression may use: $1 the demo office's id,
// $2 today (Asia/Shanghai, a date). seed.ts refuses to run when a table has a NOT NULL
// column without a default that is missing here, and warns about nullable ones left out.

/** A SQL string literal. */
export const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** A deterministic uniform number in [0, 1) from the case number `i` (or an expression) and a salt. */
export const rnd = (salt: number, i = 'i'): string => `((hashint8extended(${i}, ${salt}) & 4503599627370495)::float8 / 4503599627370496)`;

/** One of `values`, chosen by `r` in [0, 1). */
export const choose = (r: string, values: readonly string[]): string =>
  `(ARRAY[${values.map(lit).join(',')}])[1 + floor(${r} * ${values.length})::int]`;

/** One of the weighted values, chosen by `r` in [0, 1). */
export function pick(r: string, weighted: readonly (readonly [string, number])[]): string {
  const total = weighted.reduce((a, [, w]) => a + w, 0);
  let acc = 0;
  const arms = weighted.slice(0, -1).map(([v, w]) => `WHEN ${r} < ${((acc += w) / total).toFixed(6)} THEN ${lit(v)}`);
  return `(CASE ${arms.join(' ')} ELSE ${lit(weighted[weighted.length - 1][0])} END)`;
}

// ---- vocabulary (Chinese names, companies and requests, with varied words) ----

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎'.split('');
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红建国志强海燕文斌晓东春梅宏伟丹凤凯旭鹏飞'.split('');
const PLACES = [
  '兰山区',
  '罗庄区',
  '河东区',
  '沂南县',
  '郯城县',
  '沂水县',
  '兰陵县',
  '费县',
  '平邑县',
  '莒南县',
  '蒙阴县',
  '临沭县',
  '北城新区',
  '经济技术开发区',
  '高新技术产业开发区',
];
const VILLAGES = [
  '东关村',
  '西沙沟',
  '前湖社区',
  '后店子村',
  '柳青街道',
  '朱保镇',
  '义堂镇',
  '白沙埠镇',
  '李官镇',
  '新桥镇',
  '汪沟镇',
  '相公街道',
];
const TOPICS = [
  '国有土地上房屋征收补偿方案',
  '集体土地征收批复文件',
  '征收土地公告及补偿安置方案',
  '棚户区改造项目立项批复',
  '道路拓宽工程建设用地规划许可证',
  '建设项目环境影响评价报告书',
  '年度财政预算执行情况',
  '中小学校建设项目招标文件',
  '河道综合治理工程验收报告',
  '安置房分配方案及名单',
  '养老机构运营补贴发放明细',
  '城市更新片区控制性详细规划',
  '农村危房改造补助资金使用情况',
  '污水处理厂排放监测数据',
  '拆迁安置过渡费发放标准',
  '工业园区企业排污许可证',
  '公共租赁住房配租结果',
  '医疗机构执业许可审批材料',
  '公交线路调整听证会记录',
  '小区物业维修资金使用情况',
  '学区划分方案',
  '耕地占补平衡指标交易记录',
];
const DOCS = ['的审批文件', '的会议纪要', '相关红头文件', '的资金使用明细', '的调查报告', '的批准文号及附件', '的公示材料', '的政府信息'];
const COMPANY_KINDS = [
  '建材有限公司',
  '房地产开发有限公司',
  '律师事务所',
  '环保科技有限公司',
  '物流有限公司',
  '农业合作社',
  '研究院',
  '慈善基金会',
];
const LEGAL_CATEGORIES = [
  ['business', 55],
  ['law_firm', 20],
  ['research', 8],
  ['nonprofit', 7],
  ['other', 10],
] as const;

/**
 * Offices and their share of the cases: the demo office (which the demo users belong to) and
 * three more in the same deployment, so that every query has to pick one office's cases.
 */
export const OFFICES = [
  { code: 'LINYI', name: '临沂市人民政府办公室', prefix: 'LYZF', share: 70 },
  { code: 'LANSHAN', name: '临沂市兰山区人民政府办公室', prefix: 'LSZF', share: 12 },
  { code: 'LUOZHUANG', name: '临沂市罗庄区人民政府办公室', prefix: 'LZZF', share: 10 },
  { code: 'HEDONG', name: '临沂市河东区人民政府办公室', prefix: 'HDZF', share: 8 },
];
/** The demo office, which the demo users log in to. */
export const DEMO_OFFICE = 'LINYI';

/** Departments of every bench office: the four demo ones (libs/persistence/seed.ts) and these. */
export const BENCH_DEPARTMENTS = [
  { code: 'EDU', name: '市教育局' },
  { code: 'FIN', name: '市财政局' },
  { code: 'TRA', name: '市交通运输局' },
  { code: 'HLT', name: '市卫生健康委员会' },
];
const DEPARTMENT_WEIGHTS = [
  ['OGI', 20],
  ['NRB', 20],
  ['HUD', 18],
  ['ENV', 10],
  ['EDU', 10],
  ['FIN', 8],
  ['TRA', 8],
  ['HLT', 6],
] as const;
/**
 * Clerks per department: `<dept>_clerk_<k>` in the demo office, where OGI's number 0 is the
 * demo clerk `clerk`; `<office>_<dept>_clerk_<k>` in the others (all lower case).
 */
export const CLERKS_PER_DEPARTMENT = 5;
/** SQL: the user name of clerk number `k` of department `dept` of office `office` (all three SQL expressions). */
export const clerkName = (office: string, dept: string, k: string): string =>
  `CASE WHEN ${office} = ${lit(DEMO_OFFICE)} THEN '' ELSE lower(${office}) || '_' END || lower(${dept}) || '_clerk_' || ${k}`;
/** Bench users whose accounts are deactivated: their open cases show on the board as held by a deactivated user. */
export const INACTIVE_CLERKS = ['hud_clerk_4', 'env_clerk_4'];

/** Open statuses and their share among open cases. */
const OPEN_STATUSES = [
  ['awaiting_confirmation', 3],
  ['registered', 8],
  ['triage', 8],
  ['correction_requested', 5],
  ['assigned', 15],
  ['searching', 15],
  ['consulting', 6],
  ['reasons_requested', 1],
  ['extension_requested', 3],
  ['decision_drafted', 8],
  ['confidentiality_review', 5],
  ['approval', 6],
  ['fee_pending', 2],
  ['notice_issued', 8],
  ['delivered', 7],
] as const;
/** Statuses before a department and an assignee are set. */
const UNASSIGNED = ['awaiting_confirmation', 'registered', 'triage', 'correction_requested'];
/** Steps after the draft decision, by status (absent: no draft decision yet). */
const DRAFT_TAIL: Record<string, number> = {
  decision_drafted: 0,
  confidentiality_review: 0,
  approval: 1,
  fee_pending: 2,
  notice_issued: 2,
  delivered: 3,
};
const REPLY_KINDS = [
  ['disclose', 45],
  ['partial', 15],
  ['not-exist', 12],
  ['already-public', 8],
  ['other-organ', 6],
  ['cannot-create', 5],
  ['refuse', 4],
  ['special-route', 3],
  ['repeated', 2],
] as const;
/** Middle steps of a case, in turn. */
const MIDDLE_STEPS = [
  'record-search',
  'start-consultation',
  'receive-consultation-reply',
  'record-search',
  'request-extension',
  'decide-extension',
];
const AFTER_DRAFT = ['review-confidentiality', 'approve-decision', 'issue-notice', 'record-delivery'];

// ---- the staging row of one case ----

/**
 * Case `i` of N, in layers: each layer's expressions may use the columns of the layers
 * before it (and `i`, `n`, `first_day`, `span` = days from first_day to today; `year_start`
 * is the i at which each receipt year's numbering starts). Days follow i, so the numbers are in
 * arrival order. The share of open cases: 90% of those received in the last 60 days, 0.2% of
 * older ones (stuck in consultation or waiting on a fee); ~10% of open cases are overdue.
 */
export const STAGE_LAYERS: Record<string, string>[] = [
  {
    id: `md5('bench-case-' || i)::uuid`,
    applicant_id: `md5('bench-applicant-' || i)::uuid`,
    day: `first_day + floor((i - 1)::float8 * span / n)::int`,
    legal: `${rnd(1)} < 0.18`,
    r_status: rnd(2),
    r_due: rnd(3),
    r_dept: rnd(4),
    r_steps: rnd(5),
    r_kind: rnd(6),
    office_code: pick(
      rnd(14),
      OFFICES.map((o) => [o.code, o.share] as const),
    ),
  },
  {
    open: `CASE WHEN day >= $2::date - 60 THEN ${rnd(7)} < 0.9 ELSE ${rnd(7)} < 0.002 END`,
    overdue: `${rnd(8)} < 0.10`,
    year: `extract(year FROM day)::int`,
    regime: `CASE WHEN day < date '2019-05-15' THEN '2008' ELSE '2019' END`,
  },
  {
    status: `CASE WHEN open THEN ${pick('r_status', OPEN_STATUSES)} ELSE 'closed' END`,
    outcome: `CASE WHEN open THEN NULL ELSE ${pick('r_status', [
      ['replied', 90],
      ['withdrawn', 6],
      ['abandoned', 4],
    ])} END`,
    seq: `i - (SELECT s.first_i FROM year_start s WHERE s.year = extract(year FROM day)::int) + 1`,
  },
  {
    received_on: `CASE WHEN status = 'awaiting_confirmation' THEN NULL ELSE day END`,
    department_code: `CASE WHEN status IN (${UNASSIGNED.map(lit).join(',')}) OR (outcome = 'withdrawn' AND r_dept < 0.3) THEN NULL
      ELSE ${pick(rnd(9), DEPARTMENT_WEIGHTS)} END`,
    reply_kind: `CASE WHEN outcome = 'replied' OR status IN (${Object.keys(DRAFT_TAIL).map(lit).join(',')}) THEN ${pick('r_kind', REPLY_KINDS)} END`,
    draft_tail: `CASE WHEN outcome = 'replied' THEN 3 ELSE (${lit(JSON.stringify(DRAFT_TAIL))}::jsonb ->> status)::int END`,
    // Closed: answered 1-40 days after receipt, on time unless that is past day 28 (the due day here).
    answer_days: `CASE WHEN open THEN NULL ELSE 1 + floor(power(${rnd(10)}, 1.5) * 40)::int END`,
  },
  {
    due_on: `CASE WHEN status = 'awaiting_confirmation' THEN NULL
      WHEN open AND overdue THEN $2::date - 1 - floor(r_due * 25)::int
      WHEN open THEN greatest(day + 28, $2::date + floor(r_due * 20)::int)
      ELSE day + 28 END`,
    answered_on: `CASE WHEN outcome = 'replied' THEN day + answer_days END`,
    closed_at: `CASE WHEN NOT open THEN ((day + answer_days + 1)::timestamp + time '09:00' + ${rnd(11)} * interval '8 hours') AT TIME ZONE 'Asia/Shanghai' END`,
    assignee: `CASE WHEN department_code IS NULL THEN NULL
      WHEN office_code = ${lit(DEMO_OFFICE)} AND department_code = 'OGI' AND floor(${rnd(12)} * ${CLERKS_PER_DEPARTMENT}) = 0 THEN 'clerk'
      ELSE ${clerkName('office_code', 'department_code', `floor(${rnd(12)} * ${CLERKS_PER_DEPARTMENT})::int`)} END`,
    // 3 to 30 steps: by how far the case went, more for closed cases; room for the draft's tail.
    steps: `least(30, greatest(5 + coalesce(draft_tail, 0), CASE WHEN open THEN 3 + floor(r_steps * 8)::int ELSE 8 + floor(power(r_steps, 3) * 23)::int END))`,
    arrived_at: `(day::timestamp + time '08:30' + ${rnd(13)} * interval '9 hours') AT TIME ZONE 'Asia/Shanghai'`,
  },
];

// ---- the tables' columns ----

export const APPLICANT_COLUMNS: Record<string, string> = {
  id: 'c.applicant_id',
  type: `CASE WHEN c.legal THEN 'legal_person' ELSE 'natural_person' END`,
  category: `CASE WHEN c.legal THEN ${pick(rnd(20, 'c.i'), LEGAL_CATEGORIES)} END`,
  name: `CASE WHEN c.legal THEN '临沂' || ${choose(rnd(21, 'c.i'), ['华信', '鲁南', '沂蒙', '金源', '恒泰', '众诚', '天元', '临港', '红嫂', '宏达', '开元', '泰和'])} || ${choose(rnd(22, 'c.i'), COMPANY_KINDS)}
    ELSE ${choose(rnd(23, 'c.i'), SURNAMES)} || ${choose(rnd(24, 'c.i'), GIVEN)} || CASE WHEN ${rnd(25, 'c.i')} < 0.6 THEN ${choose(rnd(26, 'c.i'), GIVEN)} ELSE '' END END`,
  id_number: `CASE WHEN NOT c.legal AND ${rnd(27, 'c.i')} < 0.7 THEN '3713' || lpad((c.i % 100000000)::text, 8, '0') || lpad((c.i % 1000000)::text, 6, '0') END`,
  phone: `'13' || lpad(((c.i::bigint * 7919) % 1000000000)::text, 9, '0')`,
  email: `CASE WHEN ${rnd(28, 'c.i')} < 0.3 THEN 'user' || c.i || '@example.cn' END`,
  address: `'山东省临沂市' || ${choose(rnd(29, 'c.i'), PLACES)} || ${choose(rnd(30, 'c.i'), VILLAGES)} || (1 + c.i % 300) || '号'`,
  created_at: 'c.arrived_at',
};

export const APPLICATION_COLUMNS: Record<string, string> = {
  id: 'c.id',
  office_id: 'o.id',
  department_id: 'd.id',
  applicant_id: 'c.applicant_id',
  workflow_id: `'application-' || c.id`,
  // As registration numbers them: the serial has at least 5 digits.
  registration_number: `o.registration_prefix || '-' || c.year || '-' || CASE WHEN c.seq < 100000 THEN lpad(c.seq::text, 5, '0') ELSE c.seq::text END`,
  registration_year: 'c.year',
  registration_seq: 'c.seq',
  channel: pick(rnd(40, 'c.i'), [
    ['online', 55],
    ['post', 20],
    ['in_person', 18],
    ['mail', 5],
    ['fax', 2],
  ]),
  arrived_at: 'c.arrived_at',
  received_on: 'c.received_on',
  regime: `CASE WHEN c.received_on IS NOT NULL THEN c.regime END`,
  due_on: 'c.due_on',
  status: 'c.status',
  description: `'申请公开' || ${choose(rnd(41, 'c.i'), PLACES)} || ${choose(rnd(42, 'c.i'), VILLAGES)} || ${choose(rnd(43, 'c.i'), TOPICS)} || ${choose(rnd(44, 'c.i'), DOCS)}
    || CASE WHEN ${rnd(45, 'c.i')} < 0.5 THEN '（' || (c.year - 1 - floor(${rnd(46, 'c.i')} * 4)::int) || '年度）' ELSE '' END`,
  document_number: `CASE WHEN ${rnd(47, 'c.i')} < 0.25 THEN '临政发〔' || (c.year - 1) || '〕' || (1 + c.i % 60) || '号' END`,
  requested_form: choose(rnd(48, 'c.i'), ['paper', 'electronic']),
  requested_delivery: choose(rnd(49, 'c.i'), ['post', 'email', 'pickup']),
  assignee: 'c.assignee',
  created_by: `'clerk'`,
  created_at: 'c.arrived_at',
  updated_at: 'coalesce(c.closed_at, c.arrived_at)',
  department_code: 'c.department_code',
  outcome: 'c.outcome',
  outcome_reason: `CASE c.outcome WHEN 'withdrawn' THEN '申请人主动撤回申请' WHEN 'abandoned' THEN '申请人逾期未补正' END`,
  triage_outcome: `CASE WHEN c.status IN ('awaiting_confirmation', 'registered', 'triage') THEN NULL
    WHEN c.status = 'correction_requested' OR c.outcome = 'abandoned' THEN 'needs-correction' ELSE 'accept' END`,
  reply_kind: 'c.reply_kind',
  answered_on: 'c.answered_on',
  working_days_late: `CASE WHEN c.answered_on IS NOT NULL THEN greatest(0, c.answer_days - 28) END`,
  overdue: `c.open AND c.overdue AND c.due_on IS NOT NULL`,
  closed_at: 'c.closed_at',
  last_event_seq: 'c.steps',
  // The case facts the workflow projects (libs/case CaseFacts), as the read side reads them.
  triaged_by: `CASE WHEN c.status IN ('awaiting_confirmation', 'registered', 'triage') THEN NULL ELSE 'clerk' END`,
  drafted_by: `CASE WHEN c.reply_kind IS NOT NULL THEN coalesce(c.assignee, 'clerk') END`,
  decision_approved: `c.status IN ('approval', 'fee_pending', 'notice_issued') OR c.answered_on IS NOT NULL`,
  decision_approved_by: `CASE WHEN c.status IN ('approval', 'fee_pending', 'notice_issued') OR c.answered_on IS NOT NULL THEN 'reviewer' END`,
  confidentiality_approved: `c.reply_kind IN ('disclose', 'partial') AND (c.status IN ('approval', 'fee_pending', 'notice_issued') OR c.answered_on IS NOT NULL)`,
  withholding_grounds: `CASE WHEN c.reply_kind IN ('partial', 'refuse') THEN ARRAY['个人隐私'] ELSE '{}'::text[] END`,
};

/**
 * The case's steps: `k` is the step number 1..c.steps; the draft decision, if any, is step
 * c.steps - c.draft_tail. Not a valid hash chain (the bench does not verify it), but each hash is unique.
 */
export const CASE_EVENT_COLUMNS: Record<string, string> = {
  application_id: 'c.id',
  seq: 'k',
  type: `CASE WHEN k = 1 THEN 'registered' WHEN k = 2 THEN 'confirm-receipt' WHEN k = 3 THEN 'triage' WHEN k = 4 THEN 'assign'
    WHEN k = c.steps - c.draft_tail THEN 'draft-decision'
    WHEN k > c.steps - c.draft_tail THEN (ARRAY[${AFTER_DRAFT.map(lit).join(',')}])[k - (c.steps - c.draft_tail)]
    WHEN c.outcome IN ('withdrawn', 'abandoned') AND k = c.steps THEN ${`CASE c.outcome WHEN 'withdrawn' THEN 'withdraw' ELSE 'abandon' END`}
    ELSE (ARRAY[${MIDDLE_STEPS.map(lit).join(',')}])[1 + k % ${MIDDLE_STEPS.length}] END`,
  actor: `CASE WHEN k = 1 THEN 'online-portal' WHEN k <= 3 THEN 'clerk' ELSE coalesce(c.assignee, 'clerk') END`,
  actor_role: `CASE WHEN k = 1 THEN 'system' ELSE 'clerk' END`,
  occurred_at: `c.arrived_at + (k - 1) * (coalesce(c.answer_days, 20) * interval '1 day') / c.steps`,
  payload: `CASE WHEN k = c.steps - c.draft_tail THEN jsonb_build_object('replyKind', c.reply_kind, 'parts',
      CASE WHEN c.reply_kind = 'partial' THEN jsonb_build_array(jsonb_build_object('disposition', 'disclose', 'description', '项目批复文件'),
        jsonb_build_object('disposition', 'withhold', 'exemption', ${choose(rnd(50, 'c.i'), ['privacy', 'trade-secret', 'process-information', 'internal-affairs'])}, 'description', '涉及第三方个人信息的部分'))
      ELSE '[]'::jsonb END)
    ELSE jsonb_build_object('note', '第' || k || '步：' || ${choose(rnd(51, 'c.i + k'), ['已登记', '已检索相关档案', '已征求业务科室意见', '已联系申请人核实', '已调取原件', '已转交承办科室'])}, 'dueOn', c.due_on) END`,
  prev_hash: `CASE WHEN k = 1 THEN 'genesis' ELSE md5(c.id::text || ':' || (k - 1)) END`,
  hash: `md5(c.id::text || ':' || k)`,
  recorded_at: `c.arrived_at + (k - 1) * (coalesce(c.answer_days, 20) * interval '1 day') / c.steps`,
};

/** A letter about 3 KB long, as the notice templates print one. */
export const LETTER_HTML = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{title}}</title>
<style>body{font-family:"FangSong","仿宋",serif;font-size:16pt;line-height:1.8;margin:2.5cm 2.8cm}h1{font-family:"SimHei","黑体";text-align:center;font-size:22pt}
.number{text-align:right}.signature{text-align:right;margin-top:3em}</style></head><body>
<h1>{{title}}</h1><p class="number">临政公开〔2024〕第0号</p><p>{{name}}：</p>
<p>本机关于收到您（单位）提出的政府信息公开申请，您申请获取“{{request}}”。根据《中华人民共和国政府信息公开条例》的规定，现答复如下：</p>
<p>经查，您申请获取的政府信息属于本机关公开的范围。现将相关信息提供给您，请查收。如对本答复不服，可以在收到本答复之日起六十日内向临沂市人民政府申请行政复议，或者在六个月内向临沂市兰山区人民法院提起行政诉讼。</p>
<p>特此告知。</p>${'<p>附件：相关政府信息复制件（共若干页）。本答复书一式两份，一份送达申请人，一份存档备查。</p>'.repeat(8)}
<p class="signature">临沂市人民政府办公室<br>（政府信息公开专用章）</p><p>联系人：政务公开科 电话：0539-0000000 地址：山东省临沂市兰山区北京路1号</p></body></html>`;

/** A small but well-formed one-page PDF. */
export const LETTER_PDF =
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
  '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>endobj\n' +
  '4 0 obj<</Length 44>>stream\nBT /F1 12 Tf 72 770 Td (bench letter) Tj ET\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n' +
  '%'.padEnd(20_000, ' bench padding');

/** Which cases have letters: a receipt for 30% of the received ones, a reply for 50% of the replied ones. */
export const NOTICE_KINDS: { kind: string; letterKind: string; when: string; salt: number; date: string }[] = [
  {
    kind: 'receipt',
    letterKind: '政府信息公开申请登记回执',
    when: `c.received_on IS NOT NULL AND ${rnd(60, 'c.i')} < 0.3`,
    salt: 0,
    date: 'c.day',
  },
  {
    kind: 'reply',
    letterKind: '政府信息公开申请答复书',
    when: `c.outcome = 'replied' AND ${rnd(61, 'c.i')} < 0.5`,
    salt: 1,
    date: 'c.answered_on',
  },
];

/** Letter `x` (one of NOTICE_KINDS: x.kind, x.letter_kind, x.salt, x.date) of case `c`. */
export const NOTICE_COLUMNS: Record<string, string> = {
  id: `md5('bench-notice-' || c.i || '-' || x.kind)::uuid`,
  application_id: 'c.id',
  office_id: 'a.office_id',
  kind: 'x.kind',
  letter_kind: 'x.letter_kind',
  issue_key: `x.kind`,
  number: `'临政公开〔' || c.year || '〕第' || (c.seq * 2 + x.salt) || '号'`,
  number_year: 'c.year',
  number_seq: 'c.seq * 2 + x.salt',
  template_id: `'bundled:' || x.kind`,
  template_version: '1',
  regime: 'c.regime',
  notice_date: 'x.date',
  issued_at: `(x.date::timestamp + time '10:00') AT TIME ZONE 'Asia/Shanghai'`,
  rendered: `jsonb_build_object('title', x.letter_kind, 'number', '临政公开〔' || c.year || '〕第' || (c.seq * 2 + x.salt) || '号', 'applicant', p.name)`,
  html: `replace(replace(replace(${lit(LETTER_HTML)}, '{{title}}', x.letter_kind), '{{name}}', p.name), '{{request}}', a.description)`,
  docx: 'NULL',
  content_hash: `md5(c.id::text || x.kind)`,
  created_by: `'system'`,
  office_profile: `'{"name":"临沂市人民政府办公室","address":"山东省临沂市兰山区北京路1号"}'::jsonb`,
  hash_of: `'html'`,
};

/** Filled only when the notices table has them (a later migration may add stored PDFs); the share of letters with one. */
export const OPTIONAL_NOTICE_COLUMNS: Record<string, string> = {
  pdf: `CASE WHEN ${rnd(62, 'c.i')} < 0.5 THEN convert_to(${lit(LETTER_PDF)}, 'UTF8') END`,
  pdf_hash: `CASE WHEN ${rnd(62, 'c.i')} < 0.5 THEN encode(sha256(convert_to(${lit(LETTER_PDF)}, 'UTF8')), 'hex') END`,
};
