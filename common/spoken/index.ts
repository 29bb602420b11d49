// Text verbalisation for read-aloud: numbers, money, dates and ID numbers spoken right.
export { speakDigits, speakIdNumber, speakInteger, speakMoney, speakQuantity, speakDate, speakIsoDate } from './numbers.js';
