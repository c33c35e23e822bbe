import { describe, expect, it } from 'vitest';
import { dateLine, decreeEntry, decreeHead, isOrganName, splitOfficialTitle, titleKey } from './line-kinds';

describe('splitOfficialTitle', () => {
  it('cuts issuers run together, their spaces lost, into names of a kind, keeping each name whole', () => {
    expect(
      splitOfficialTitle(
        '成都市住房和城乡建设局中共成都市委社会工作部成都市发展和改革委员会成都市规划和自然资源局关于印发《某办法（试行）》的通知',
      ),
    ).toEqual({
      issuers: ['成都市住房和城乡建设局', '中共成都市委社会工作部', '成都市发展和改革委员会', '成都市规划和自然资源局'],
      title: '关于印发《某办法（试行）》的通知',
    });
    // One name that is an organ's is never cut: 中共成都市委社会工作部 is not 中共成都市委 + 社会工作部.
    expect(splitOfficialTitle('中共成都市委社会工作部关于某事的通知')?.issuers).toEqual(['中共成都市委社会工作部']);
  });

  it('splits the issuers off a full official title', () => {
    expect(splitOfficialTitle('国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见')).toEqual({
      issuers: ['国务院办公厅'],
      title: '关于全面推行行政规范性文件合法性审核机制的指导意见',
    });
    expect(splitOfficialTitle('国务院、中央军委关于同意武警总部后勤部机关等迁址新建的批复')?.issuers).toEqual([
      '国务院',
      '中央军委',
    ]);
    expect(splitOfficialTitle('国务院办公厅　中央军委办公厅关于加强某项工作的通知')?.issuers).toEqual([
      '国务院办公厅',
      '中央军委办公厅',
    ]);
  });

  it('starts the title at 转发 (not at the inner 关于), at 对 and at 任免', () => {
    expect(splitOfficialTitle('国务院办公厅转发国家发展改革委关于深化公共资源交易平台整合共享指导意见的通知')).toEqual({
      issuers: ['国务院办公厅'],
      title: '转发国家发展改革委关于深化公共资源交易平台整合共享指导意见的通知',
    });
    expect(splitOfficialTitle('国务院办公厅对全国政协十届四次会议第4626号提案的答复')?.title).toBe(
      '对全国政协十届四次会议第4626号提案的答复',
    );
    expect(splitOfficialTitle('国务院任免国家工作人员')).toEqual({
      issuers: ['国务院'],
      title: '国务院任免国家工作人员',
    });
    expect(splitOfficialTitle('国家税务总局公告2019年第1号')).toEqual({
      issuers: ['国家税务总局'],
      title: '国家税务总局公告2019年第1号',
    });
  });

  it('gives null for a title printed without its issuer', () => {
    expect(splitOfficialTitle('关于印发某方案的通知')).toBeNull();
    expect(titleKey('关于印发某方案的通知')).toBe('关于印发某方案的通知');
    expect(titleKey('淄博市人民政府办公室关于印发某方案的通知')).toBe('关于印发某方案的通知');
  });

  it('never takes words of a title for an organ', () => {
    expect(isOrganName('淄博市人民政府办公室转发市发展改革委')).toBe(false);
    expect(isOrganName('浙江省人民政府贯彻国务院')).toBe(false);
    expect(
      splitOfficialTitle(
        '浙江省人民政府贯彻国务院关于进一步推进长江三角洲地区改革开放和经济社会发展指导意见的实施意见',
      ),
    ).toEqual({
      issuers: ['浙江省人民政府'],
      title: '贯彻国务院关于进一步推进长江三角洲地区改革开放和经济社会发展指导意见的实施意见',
    });
    expect(isOrganName('市发展改革委')).toBe(true);
  });
});

describe('decrees', () => {
  it('reads the order name and its number on two lines or one', () => {
    expect(decreeHead('　　　中华人民共和国国务院令', '　　　　第707号')).toEqual({
      lines: 2,
      issuer: '国务院',
      number: '中华人民共和国国务院令第707号',
      seq: 707,
    });
    expect(decreeHead('淄博市人民政府令', '第 102 号')).toMatchObject({
      issuer: '淄博市人民政府',
      number: '淄博市人民政府令第102号',
    });
    expect(decreeHead('北京市人民政府令　第293号', undefined)).toMatchObject({
      lines: 1,
      number: '北京市人民政府令第293号',
    });
    expect(decreeHead('现予公布', '第2号')).toBeNull();
    // Numbered per year (河北省人民政府令〔2010〕第15号).
    expect(decreeHead('河北省人民政府令', '〔2010〕第15号')).toMatchObject({
      lines: 2,
      number: '河北省人民政府令〔2010〕第15号',
      seq: 15,
    });
    // Ministries number their orders per year (交通运输部令2019年第32号), letter-spaced or not.
    expect(decreeHead('中华人民共和国交通运输部令', '2019年第32号')).toEqual({
      lines: 2,
      issuer: '交通运输部',
      number: '中华人民共和国交通运输部令2019年第32号',
      seq: 32,
      year: 2019,
    });
    expect(decreeHead('交通运输部令2019年第32号', undefined)).toMatchObject({
      lines: 1,
      number: '交通运输部令2019年第32号',
      year: 2019,
    });
    expect(decreeHead('内 蒙 古 自 治 区 人 民 政 府 令', '第 82 号')).toMatchObject({
      issuer: '内蒙古自治区人民政府',
      number: '内蒙古自治区人民政府令第82号',
    });
    expect(decreeHead('依照本规定第十二条规定的程序执行，2019年第3号', undefined)).toBeNull();
    // The organ, then the order's short number under it (重庆市人民政府 / 渝府令第 121 号); a
    // document number under an organ's name is not a decree's.
    expect(decreeHead('重庆市人民政府', '渝府令第 121 号')).toEqual({
      lines: 2,
      issuer: '重庆市人民政府',
      number: '渝府令第121号',
      seq: 121,
    });
    expect(decreeHead('重庆市人民政府', '渝府发〔2001〕12号')).toBeNull();
  });

  it('reads TOC entries of decrees, with what they promulgate', () => {
    expect(decreeEntry('中华人民共和国国务院令（第706号）　专利代理条例')).toEqual({
      number: '中华人民共和国国务院令第706号',
      title: '专利代理条例',
    });
    expect(decreeEntry('中华人民共和国国务院令（第709号）')).toEqual({
      number: '中华人民共和国国务院令第709号',
      title: '中华人民共和国国务院令（第709号）',
    });
    expect(decreeEntry('关于印发某方案的通知')).toBeNull();
    expect(decreeEntry('中华人民共和国交通运输部令（2019年第32号）　关于修改某规定的决定')).toEqual({
      number: '中华人民共和国交通运输部令2019年第32号',
      title: '关于修改某规定的决定',
    });
  });
});

describe('dateLine', () => {
  it('reads Chinese dates printed with a circle for zero', () => {
    expect(dateLine('　　二○一○年四月三十日')).toBe('2010-04-30');
    expect(dateLine('二〇〇六年十二月三十日')).toBe('2006-12-30');
  });
});
