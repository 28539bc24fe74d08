/**
 * Synthetic people for the demo county and the tests: invented names and ID numbers with valid check
 * characters. Never real personal data. The same generator serves `doudi demo` and tests/fixtures.
 */
import { checkCharacter } from '../../shared/domain/id-number';
import { daysInMonth } from '../../shared/domain/dates';
import { SeededRandom } from './random';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '欧阳', '司马'];
const GIVEN_MALE = ['建国', '志强', '伟', '军', '勇', '明', '俊杰', '浩然', '子轩', '国华', '德福', '长林', '宇航', '春生', '正清'];
const GIVEN_FEMALE = ['秀英', '桂兰', '丽', '敏', '静', '芳', '婷', '雨涵', '欣怡', '淑珍', '玉梅', '海燕', '梓萱', '春花', '小红'];

export interface SyntheticPerson {
  name: string;
  idNumber: string;
  sex: 'male' | 'female';
  birthDate: string;
}

export function syntheticIdNumber(addressCode: string, birthDate: string, sequence: number, sex: 'male' | 'female'): string {
  // The third sequence digit carries the sex: odd for men, even for women.
  let seq = sequence % 1000;
  if ((seq % 2 === 1) !== (sex === 'male')) seq = (seq + 1) % 1000;
  const first17 = `${addressCode}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

export class PeopleGenerator {
  private readonly random: SeededRandom;
  private sequence = 0;
  private readonly used = new Set<string>();

  constructor(
    seed = 20261122,
    private readonly addressCode = '431122',
  ) {
    this.random = new SeededRandom(seed);
  }

  get rng(): SeededRandom {
    return this.random;
  }

  birthDateBetween(fromYear: number, toYear: number): string {
    const year = this.random.int(fromYear, toYear);
    const month = this.random.int(1, 12);
    const day = this.random.int(1, daysInMonth(year, month));
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }

  /** A person born on an exact date. */
  personBornOn(birthDate: string, sex?: 'male' | 'female'): SyntheticPerson {
    const year = Number(birthDate.slice(0, 4));
    const template = this.person({ sex, bornFrom: year, bornTo: year });
    this.sequence += 7;
    const idNumber = syntheticIdNumber(this.addressCode, birthDate, this.sequence, template.sex);
    this.used.add(idNumber);
    return { ...template, idNumber, birthDate };
  }

  person(options: { sex?: 'male' | 'female'; bornFrom?: number; bornTo?: number; surname?: string } = {}): SyntheticPerson {
    const sex = options.sex ?? (this.random.chance(0.5) ? 'male' : 'female');
    const surname = options.surname ?? this.random.pick(SURNAMES);
    const name = surname + this.random.pick(sex === 'male' ? GIVEN_MALE : GIVEN_FEMALE);
    for (;;) {
      const birthDate = this.birthDateBetween(options.bornFrom ?? 1935, options.bornTo ?? 2020);
      this.sequence += 7;
      const idNumber = syntheticIdNumber(this.addressCode, birthDate, this.sequence, sex);
      if (!this.used.has(idNumber)) {
        this.used.add(idNumber);
        return { name, idNumber, sex, birthDate };
      }
    }
  }
}
