import { HttpException } from '@nestjs/common';
import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  let t = 0;
  const throttle = () => new LoginThrottle(3, 60_000, () => t);

  it('blocks after the allowed failures, per username and address, until the window passes', () => {
    t = 0;
    const th = throttle();
    for (let i = 0; i < 3; i++) {
      th.check('clerk', '1.1.1.1');
      th.fail('clerk', '1.1.1.1');
    }
    expect(() => th.check('clerk', '1.1.1.1')).toThrow(HttpException);
    expect(() => th.check('clerk', '1.1.1.1')).toThrow(/try again in 60 s/);
    expect(() => th.check('clerk', '2.2.2.2')).not.toThrow();
    expect(() => th.check('admin', '1.1.1.1')).not.toThrow();
    t = 60_001;
    expect(() => th.check('clerk', '1.1.1.1')).not.toThrow();
  });

  it('forgets failures after a successful login', () => {
    t = 0;
    const th = throttle();
    th.fail('clerk', 'a');
    th.fail('clerk', 'a');
    th.succeed('clerk', 'a');
    th.fail('clerk', 'a');
    expect(() => th.check('clerk', 'a')).not.toThrow();
  });
});
