// Password rules shared by the browser and the server (no Node.js imports here).
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
