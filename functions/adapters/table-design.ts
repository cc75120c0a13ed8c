/**
 * The single table's physical design, shared by the CDK stack, the local
 * runtime's table creation and the repositories, so keys are named once.
 */
export const tableDesign = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Items carrying this epoch-seconds attribute expire (idempotency records, later). */
  timeToLiveAttribute: 'expiresAt',
  indexes: [
    /** An applicant's own applications, newest first: OWNER#<subject> / <createdAt>#<id>. */
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  ],
} as const;

export type IndexName = (typeof tableDesign.indexes)[number]['name'];
