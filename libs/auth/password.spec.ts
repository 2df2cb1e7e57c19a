import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const h = await hashPassword('s3cret-pass');
    expect(h).toMatch(/^scrypt\$16384\$8\$1\$/);
    await expect(verifyPassword('s3cret-pass', h)).resolves.toBe(true);
    await expect(verifyPassword('s3cret-pasS', h)).resolves.toBe(false);
  });
  it('salts: the same password hashes differently', async () => {
    expect(await hashPassword('same')).not.toEqual(await hashPassword('same'));
  });
  it('rejects malformed stored hashes', async () => {
    await expect(verifyPassword('x', 'plain')).resolves.toBe(false);
  });
});
