import { describe, expect, it } from 'vitest';
import { deriveDocumentType } from './doc-type';

describe('deriveDocumentType', () => {
  it.each([
    ['关于印发淄博市政务服务“一链办理”实施方案的通知', '通知'],
    ['关于进一步做好新形势下中小微企业融资服务工作的意见', '意见'],
    ['淄博市移动支付便民工程建设工作方案（2020—2022年）', '方案'],
    ['淄博市重大行政决策程序规定', '规定'],
    ['淄博市行政执法记录设备配备使用管理办法（试行）', '办法'],
    ['淄博市人民政府令', '令'],
    ['关于同意设立某某开发区的批复', '批复'],
  ])('%s is a %s', (title, type) => {
    expect(deriveDocumentType(title)).toBe(type);
  });

  it('returns undefined when the title names no type', () => {
    expect(deriveDocumentType('淄博市人民政府2020年度重大行政决策事项')).toBeUndefined();
  });
});
