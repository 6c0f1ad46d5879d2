/** The partition of a region (`aws`, `aws-cn`, `aws-us-gov`, `aws-iso`, `aws-iso-b`), as ARNs spell it. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  return 'aws';
}

/** `arn:<partition>:ec2:<region>:<account>:<type>/<id>`, the form of every EC2 resource type we authorize. */
export function ec2Arn(
  region: string,
  accountId: string,
  type: string,
  id: string,
): string {
  return `arn:${partitionOf(region)}:ec2:${region}:${accountId}:${type}/${id}`;
}

/** `arn:<partition>:route53:::<type>/<id>` (hostedzone, change): Route 53 ARNs name no region or account. */
export function route53Arn(region: string, type: string, id: string): string {
  return `arn:${partitionOf(region)}:route53:::${type}/${id}`;
}
