import { describe, expect, it } from 'vitest';
import { compareVietnamese, compareVietnameseNames } from '../../../src/people/vietnamese-collator.ts';

describe('compareVietnamese', () => {
  it('orders the Vietnamese alphabet: a ă â, d đ, e ê, o ô ơ, u ư', () => {
    const words = ['ư', 'u', 'ơ', 'ô', 'o', 'ê', 'e', 'đ', 'd', 'â', 'ă', 'a'];
    expect([...words].sort(compareVietnamese)).toEqual(['a', 'ă', 'â', 'd', 'đ', 'e', 'ê', 'o', 'ô', 'ơ', 'u', 'ư']);
  });

  it('treats ă as its own letter, not as a with a mark (needs the Vietnamese tailoring)', () => {
    // Root collation would put "Ăn" first (a-n < a-n-h); Vietnamese puts every a… before ă….
    expect(['Ăn', 'Anh'].sort(compareVietnamese)).toEqual(['Anh', 'Ăn']);
    expect(['Đào', 'Dương'].sort(compareVietnamese)).toEqual(['Dương', 'Đào']);
  });

  it('compares NFC and NFD forms as equal and numbers by value', () => {
    expect(compareVietnamese('Nguyễn', 'Nguyễn'.normalize('NFD'))).toBe(0);
    expect(['Tổ 10', 'Tổ 9'].sort(compareVietnamese)).toEqual(['Tổ 9', 'Tổ 10']);
  });
});

describe('compareVietnameseNames', () => {
  it('sorts by given name, then family name, then middle names', () => {
    const names = ['Nguyễn Thị Bình', 'Trần Văn An', 'Lê An', 'Nguyễn Văn An', 'Nguyễn Thị An', 'Bình', 'Đỗ Ánh'];
    expect([...names].sort(compareVietnameseNames)).toEqual([
      'Lê An',
      'Nguyễn Thị An',
      'Nguyễn Văn An',
      'Trần Văn An',
      'Đỗ Ánh',
      'Bình',
      'Nguyễn Thị Bình',
    ]);
  });

  it('breaks remaining ties on the full text', () => {
    expect(compareVietnameseNames('Nguyễn Văn An', ' Nguyễn Văn An')).not.toBe(0);
    expect(compareVietnameseNames('Nguyễn Văn An', 'Nguyễn Văn An')).toBe(0);
  });
});
