import type { Regime } from './deadline.types';

export const REGIME_2019_START = '2019-05-15'; // 2019 Regulations (State Council Order 711) in force
export const REGIME_2008_START = '2008-05-01'; // 2008 Regulations (State Council Order 492) in force

export interface RegimeRules {
  answerWorkingDays: number;
  maxExtensionWorkingDays: number;
  /** null: the 2008 Regulations set no window for asking for a correction */
  correctionRequestWorkingDays: number | null;
  answerBasis: string;
  pauseBasis: string;
  correctionBasis: string | null;
  /** The same bases as the deadline explanation cites them to clerks (in Chinese). */
  zh: { regulations: string; answerBasis: string; pauseBasis: string; correctionBasis: string | null };
}

export const REGIME_RULES: Readonly<Record<Regime, RegimeRules>> = {
  '2008': {
    answerWorkingDays: 15,
    maxExtensionWorkingDays: 15,
    correctionRequestWorkingDays: null,
    answerBasis: '2008 Regulations Art. 24 para. 2',
    pauseBasis: '2008 Regulations Art. 24 para. 3: time for third-party consultation is not counted',
    correctionBasis: null,
    zh: {
      regulations: '2008年施行的《中华人民共和国政府信息公开条例》',
      answerBasis: '2008年条例第二十四条第二款',
      pauseBasis: '2008年条例第二十四条第三款：征求第三方意见所需时间不计算在内',
      correctionBasis: null,
    },
  },
  '2019': {
    answerWorkingDays: 20,
    maxExtensionWorkingDays: 20,
    correctionRequestWorkingDays: 7,
    answerBasis: '2019 Regulations Art. 33 para. 2',
    pauseBasis: '2019 Regulations Art. 33 para. 3: time for third-party and other-organ consultation is not counted',
    correctionBasis: '2019 Regulations Art. 30',
    zh: {
      regulations: '2019年修订的《中华人民共和国政府信息公开条例》',
      answerBasis: '条例第三十三条第二款',
      pauseBasis: '条例第三十三条第三款：征求第三方和其他机关意见所需时间不计算在内',
      correctionBasis: '条例第三十条',
    },
  },
};

/** ISO dates compare correctly as strings. */
export function regimeFor(receivedOn: string): Regime {
  return receivedOn < REGIME_2019_START ? '2008' : '2019';
}
