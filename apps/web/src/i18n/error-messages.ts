// Every API error code (libs/contracts/error-codes.ts) in the words a clerk reads.
import type { ErrorCode } from '../../../../libs/contracts/error-codes';
import { ApiFailure } from '../api/client';

export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  UNAUTHENTICATED: '请先登录。',
  SESSION_EXPIRED: '登录已过期，请重新登录。',
  LOGIN_FAILED: '用户名或密码错误。',
  LOGIN_THROTTLED: '登录失败次数过多，请稍后再试。',
  CSRF_FAILED: '页面已过期，请刷新后重试。',
  FORBIDDEN_ROLE: '您的角色无权进行此操作。',
  VALIDATION_FAILED: '填写的内容不符合要求。',
  NOT_FOUND: '未找到相关内容。',
  CASE_NOT_FOUND: '未找到该申请，或您无权查看。',
  ACTION_NOT_ALLOWED: '案件当前所处环节不能进行此操作。',
  ACTION_FORBIDDEN: '此操作应由其他人员办理（如承办人或其他角色）。',
  UPDATE_REJECTED: '系统未接受此操作。',
  CASE_CLOSED: '该案件已办结，不能再进行操作。',
  IDEMPOTENCY_KEY_REUSED: '该操作已提交过，内容不同，请刷新后重新填写。',
  CONFLICT: '操作与当前状态冲突，请刷新后重试。',
  RATE_LIMITED: '请求过于频繁，请稍后再试。',
  PAYLOAD_TOO_LARGE: '提交的内容过大。',
  LENGTH_REQUIRED: '请求不完整，请重试。',
  CHALLENGE_REQUIRED: '请先完成验证。',
  CHALLENGE_INVALID: '验证未通过，请重试。',
  CHALLENGE_USED: '验证已失效，请重新验证。',
  SERVICE_UNAVAILABLE: '系统暂时繁忙，请稍后重试。',
  INTERNAL: '系统出现错误，请联系管理员。',
};

/** What to show for a failed request: the code's Chinese text, the wait, and the API's detail (English, for the record). */
export function describeError(err: unknown): { title: string; detail?: string } {
  if (err instanceof ApiFailure) {
    const title = ERROR_MESSAGES[err.code as ErrorCode] ?? ERROR_MESSAGES.INTERNAL;
    const wait = err.body.retryAfterSeconds;
    const waitText = wait ? `请在${wait >= 60 ? `${Math.ceil(wait / 60)} 分钟` : `${wait} 秒`}后重试。` : '';
    return { title: title + waitText, detail: err.message };
  }
  return { title: '网络连接失败，请检查网络后重试。', detail: err instanceof Error ? err.message : String(err) };
}
