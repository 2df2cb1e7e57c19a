// Template versions as administrators save them: each save takes the next version, and a save
// that lost the race for a version (two administrators saving at once) writes nothing, so the
// API can answer 409 instead of storing two texts under one number or failing with a 500.
import type { DataSource } from 'typeorm';
import { findTemplate } from '../../libs/documents';
import { createDataSource } from '../../libs/persistence/data-source';
import {
  activeStoredTemplates,
  insertTemplateVersion,
  nextTemplateVersion,
  storedTemplateVersions,
  templateInForce,
} from '../../libs/persistence/notice-template.repository';
import { createTestDatabase } from '../support/services';

describe('notice template versions', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource(db.url, { poolSize: 2 });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('stores the next version once; the loser of a race for the same version writes nothing', async () => {
    const bundled = findTemplate('registration-receipt', '2019')!;
    const version = await nextTemplateVersion(ds, 'registration-receipt', '2019');
    expect(version).toBe(bundled.version + 1);

    const first = { ...bundled, version, title: '政府信息公开申请登记回执（甲）' };
    const second = { ...bundled, version, title: '政府信息公开申请登记回执（乙）' };
    expect(await insertTemplateVersion(ds, first, 'admin')).toBe(true);
    expect(await insertTemplateVersion(ds, second, 'admin2')).toBe(false);

    const stored = await storedTemplateVersions(ds, 'registration-receipt', '2019');
    expect(stored.map((v) => [v.version, v.body.title, v.createdBy])).toEqual([[version, first.title, 'admin']]);
    expect((await templateInForce(ds, 'registration-receipt', '2019'))?.title).toBe(first.title);
    expect(await nextTemplateVersion(ds, 'registration-receipt', '2019')).toBe(version + 1);

    const all = await activeStoredTemplates(ds);
    expect(all.map((t) => [t.kind, t.regime, t.version, t.title, t.createdBy])).toEqual([
      ['registration-receipt', '2019', version, first.title, 'admin'],
    ]);
    expect(all[0].createdAt).toBeInstanceOf(Date);
  });
});
