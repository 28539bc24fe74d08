import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { nameInitials, reversed } from './search-keys';

describe('search keys', () => {
  it('reverses an ID number, and any text by its characters, not by halves of one', () => {
    expect(reversed('43112219480302001X')).toBe('X10020308491221134');
    expect(reversed('')).toBe('');
    expect(reversed('张𠮷三')).toBe('三𠮷张');
  });

  it('gives a name’s pinyin initials, surnames read as surnames, stray spaces dropped', () => {
    expect(nameInitials('吴 华明')).toBe('whm');
    expect(nameInitials('单雄')).toBe('sx');
  });

  it('gives the initials the whole name’s reading gives, for every basic Han character as surname, given name and both', () => {
    const whole = (name: string) =>
      (pinyin(name.replace(/\s+/g, ''), { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }) as string[])
        .join('')
        .toLowerCase()
        .replace(/[^a-z0-9]/g, '');
    const names = ['单于雄', '长孙无忌', '尉迟恭', '万俟卨', '曾乐乐', '解长行', '欧阳 丽华', '司马光', '买买提·艾力', 'Anna张', '李2', '王𠀀', '〇', ''];
    for (let code = 0x4e00; code <= 0x9fff; code++) {
      const c = String.fromCodePoint(code);
      names.push(c, `王${c}`, `${c}明`);
    }
    const differing = names.filter((name) => nameInitials(name) !== whole(name));
    expect(differing).toEqual([]);
    expect(nameInitials('单雄')).toBe('sx');
    expect(nameInitials('曾乐')).toBe('zl');
  });
});
