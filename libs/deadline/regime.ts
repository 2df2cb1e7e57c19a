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
}

export const REGIME_RULES: Readonly<Record<Regime, RegimeRules>> = {
  '2008': {
    answerWorkingDays: 15,
    maxExtensionWorkingDays: 15,
    correctionRequestWorkingDays: null,
    answerBasis: '2008 Regulations Art. 24 para. 2',
    pauseBasis: '2008 Regulations Art. 24 para. 3: time for third-party consultation is not counted',
    correctionBasis: null,
  },
  '2019': {
    answerWorkingDays: 20,
    maxExtensionWorkingDays: 20,
    correctionRequestWorkingDays: 7,
    answerBasis: '2019 Regulations Art. 33 para. 2',
    pauseBasis: '2019 Regulations Art. 33 para. 3: time for third-party and other-organ consultation is not counted',
    correctionBasis: '2019 Regulations Art. 30',
  },
};

/** ISO dates compare correctly as strings. */
export function regimeFor(receivedOn: string): Regime {
  return receivedOn < REGIME_2019_START ? '2008' : '2019';
}
