// Words for taking a family member's identity from their own ID card, and for
// the specialist keying it when the card cannot be read (代办).
export const familyCardStrings = {
  ownCard: '这是您自己的身份证。请拿走，再放家人的身份证。',
  read: (name: string, masked: string) => `读好了：${name}，身份证号 ${masked}。`,
  takeAway: '请把家人的身份证拿走。',
  readSpoken: (name: string) => `读好了，是${name}。请把家人的身份证拿走。`,
  keyNumber: '请工作人员输入家人的18位身份证号。',
  keyName: '请工作人员输入家人的姓名。',
  nameLabel: '家人姓名',
  audit: (masked: string) => `代办：为家人 ${masked} 输入身份证号和姓名`,
} as const;
