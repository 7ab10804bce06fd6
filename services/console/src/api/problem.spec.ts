import { describe, expect, it } from 'vitest';
import { ApiProblem, problemMessage } from './problem';

const words = {
  network: '网络不可用',
  status: (status: number) => `服务返回错误（${status}）`,
  unknown: '出了点问题',
};

describe('problem messages', () => {
  it('shows the detail of a problem document, in the language the service answered in', () => {
    const problem = new ApiProblem(409, {
      type: 'https://loop.example/problems/offer-expired',
      title: '操作冲突',
      status: 409,
      detail: '该任务已超时，已转派他人',
      code: 'assignment.offer-expired',
    });
    expect(problemMessage(problem, words)).toBe('该任务已超时，已转派他人');
    expect(problem.code).toBe('assignment.offer-expired');
  });

  it('lists the field messages of a validation failure', () => {
    const problem = new ApiProblem(400, {
      title: '请求无效',
      detail: '请求内容未通过校验',
      errors: [
        { field: 'title', message: '不能为空' },
        { field: 'location.gridId', message: '必须是 UUID' },
      ],
    });
    expect(problemMessage(problem, words)).toBe(
      '请求内容未通过校验；title: 不能为空；location.gridId: 必须是 UUID',
    );
  });

  it('falls back to the title, then to the status, when the body says less', () => {
    expect(problemMessage(new ApiProblem(403, { title: '无权执行此操作' }), words)).toBe('无权执行此操作');
    expect(problemMessage(new ApiProblem(502, '<html>Bad Gateway</html>'), words)).toBe(
      '服务返回错误（502）',
    );
  });

  it('says the network is down when the request got no answer', () => {
    expect(problemMessage(new TypeError('Failed to fetch'), words)).toBe('网络不可用');
    expect(problemMessage(new Error('boom'), words)).toBe('出了点问题');
  });

  it('counts busy and down services as worth retrying, refusals not', () => {
    expect(new ApiProblem(503, {}).transient).toBe(true);
    expect(new ApiProblem(429, {}).transient).toBe(true);
    expect(new ApiProblem(409, { code: 'idempotency.in-progress' }).transient).toBe(true);
    expect(new ApiProblem(409, { code: 'idempotency.key-reused' }).transient).toBe(false);
    expect(new ApiProblem(422, {}).transient).toBe(false);
  });
});
