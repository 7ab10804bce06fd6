/** Injection token: whether an SMS gateway is configured (SMS_GATEWAY_URL set). */
export const SMS_ENABLED = Symbol('SMS_ENABLED');
