import { decodeGlobalId, encodeGlobalId, tryDecodeGlobalId } from './global-id';

describe('global IDs', () => {
  it('round-trip a type and key', () => {
    expect(tryDecodeGlobalId(encodeGlobalId('Brief', 42))).toEqual({ typeName: 'Brief', key: 42 });
  });
  it('reject anything this server could not have issued', () => {
    for (const bad of [
      '',
      'not an id',
      encodeGlobalId('Brief', 0),
      Buffer.from('Brief:1.5').toString('base64url'),
      Buffer.from('brief:1').toString('base64url'),
      'x'.repeat(300),
    ]) {
      expect(tryDecodeGlobalId(bad)).toBeUndefined();
    }
  });
  it('name the argument when decoding fails', () => {
    expect(() => decodeGlobalId('%%%', 'ids[2]')).toThrow('Argument "ids[2]" is not a valid ID: "%%%"');
  });
});
