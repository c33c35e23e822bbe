import { describe, expect, it } from 'vitest';
import { officialTitle, stripTitleMarks } from './official-title';

describe('officialTitle', () => {
  it('puts the issuer before a 关于 title, as the document is cited', () => {
    expect(officialTitle({ title: '关于加强行政执法音像记录管理工作的意见', issuers: ['淄博市人民政府办公室'] })).toBe(
      '淄博市人民政府办公室关于加强行政执法音像记录管理工作的意见',
    );
  });

  it('joins joint issuers with 、 in printed order', () => {
    expect(officialTitle({ title: '关于做好某项工作的通知', issuers: ['财政部', '税务总局'] })).toBe(
      '财政部、税务总局关于做好某项工作的通知',
    );
  });

  it('keeps a title that names itself or its issuer as printed', () => {
    expect(officialTitle({ title: '淄博市物业管理条例', issuers: ['淄博市人民代表大会常务委员会'] })).toBe(
      '淄博市物业管理条例',
    );
    expect(officialTitle({ title: '国务院关于修改部分行政法规的决定', issuers: ['国务院'] })).toBe(
      '国务院关于修改部分行政法规的决定',
    );
  });
});

describe('stripTitleMarks', () => {
  it('drops 《》 around a cited title', () => {
    expect(stripTitleMarks(' 《法律援助条例》 ')).toBe('法律援助条例');
    expect(stripTitleMarks('法律援助条例')).toBe('法律援助条例');
  });
});
