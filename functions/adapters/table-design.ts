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
    /** What one filer filed, newest first: OWNER#<subject> or REFERRER#<kind>#<org> / <submittedAt>#<id>. */
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'ALL' },
    /**
     * Queues, sparse (only queued applications carry the keys): QUEUE#<service>#<track> /
     * <priorityGroup>#<admittedAt>#<id>. Keys only, so counting the places ahead of an
     * application reads a few hundred bytes per place: one page for a queue of thousands.
     */
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: 'KEYS_ONLY' },
    /**
     * Staff work lists: SERVICE#<service> / <submittedAt>#<id> for applications, and
     * FAILED#<service> / <at>#… for notifications that failed (until resent).
     */
    { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk', projection: 'ALL' },
    /**
     * What is filed about a person, whoever filed it: PERSON#<person key> / <submittedAt>#<id>. The person
     * key is a keyed MAC (docs/person-key.md); all attributes, since the list checks name and birth date.
     */
    { name: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk', projection: 'ALL' },
    /**
     * Closed files by the month their retention ends, sparse (only closed applications carry the keys):
     * RETAIN#<YYYY-MM> / <retainUntil>#<id>, so the archivist's due list is a Query, never a Scan.
     */
    { name: 'gsi5', partitionKey: 'gsi5pk', sortKey: 'gsi5sk', projection: 'ALL' },
  ],
} as const;
