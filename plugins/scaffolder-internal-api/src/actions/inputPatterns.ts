/** Formats the action inputs share, with the message a template author sees when one does not match. */
export const ACCOUNT_ID: [RegExp, string] = [
  /^\d{12}$/,
  'must be a 12-digit AWS account id',
];
export const VPC_ID: [RegExp, string] = [
  /^vpc-[0-9a-f]+$/,
  'must look like vpc-0123abcd',
];
