// The station's two ways of showing itself (a kiosk, a TV at home) and the
// resident's text sizes. No zod here: the first screen's size switch lists them.

export const uiModes = ['kiosk', 'tv'] as const;
export const textSizes = ['standard', 'large', 'xlarge'] as const;
