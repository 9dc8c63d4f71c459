import { byteSize } from './json-body';

describe('the body limit', () => {
  it('reads a size as Express’s body parser did (the `bytes` package: 1kb is 1,024 bytes)', () => {
    expect(byteSize('100kb')).toBe(102_400);
    expect(byteSize('64KB')).toBe(65_536);
    expect(byteSize('1mb')).toBe(1_048_576);
    expect(byteSize('512b')).toBe(512);
  });
});
