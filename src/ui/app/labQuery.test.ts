import { describe, expect, it } from 'vitest';
import { fileNameOf, parseLabQuery } from './labQuery';

describe('parseLabQuery', () => {
  it('reads a forced backend and a file address', () => {
    expect(parseLabQuery('?backend=wasm&url=https%3A%2F%2Fexample.org%2Fa.nir')).toEqual({ backend: 'wasm', url: 'https://example.org/a.nir', testHooks: false, problems: [] });
    expect(parseLabQuery('')).toEqual({ testHooks: false, problems: [] });
    expect(parseLabQuery('?testHooks=1').testHooks).toBe(true);
    expect(parseLabQuery('?testHooks=yes').testHooks).toBe(false);
  });

  it('turns an unknown backend or an empty url into a note, never an exception', () => {
    const query = parseLabQuery('?backend=tpu&url=');
    expect(query.backend).toBeUndefined();
    expect(query.url).toBeUndefined();
    expect(query.problems.map((p) => p.text)).toEqual(['"?backend=tpu" is not a backend the lab has.', '"?url=" names no file.']);
  });

  it('survives malformed percent-escapes in the address', () => {
    expect(() => parseLabQuery('?url=%E0%A4%A&backend=%ZZ')).not.toThrow();
    // URLSearchParams decodes what it can and puts U+FFFD where the bytes are not UTF-8.
    expect(parseLabQuery('?url=%E0%A4%A').url).toBe('\ufffd%A');
  });
});

describe('fileNameOf', () => {
  it('decodes the last path segment, and keeps a malformed one as written', () => {
    expect(fileNameOf('https://example.org/nets/net%20v2.nir?x=1')).toBe('net v2.nir');
    expect(fileNameOf('/remote/%E0%A4%A.nir')).toBe('%E0%A4%A.nir');
    expect(fileNameOf('cnn.nir#top')).toBe('cnn.nir');
  });
});
