export const CheckResultSchema = null;
