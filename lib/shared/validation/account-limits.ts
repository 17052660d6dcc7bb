// Account field limits, free of imports so that client forms can show them without bundling the schemas.
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;
export const DISPLAY_NAME_MAX = 50;
export const BAN_REASON_MAX = 500;
