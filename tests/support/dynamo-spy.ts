/**
 * A watch on the DynamoDB document client every repository uses
 * (aws-sdk-client-mock stubs its `send` for all instances in this process).
 * Every command still goes to DynamoDB Local; the watch records the writes
 * that succeeded and can make the next call of a chosen command fail.
 */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';

type CommandClass = abstract new (...args: never[]) => object;
type Item = Record<string, unknown>;

/** One item a successful command wrote: its key and, for a put, the item. */
export interface Write {
  readonly command: string;
  readonly pk: unknown;
  readonly item?: Item;
}

type Input = {
  Item?: Item;
  Key?: Item;
  TransactItems?: { Put?: { Item: Item }; Update?: { Key: Item }; Delete?: { Key: Item } }[];
  RequestItems?: Record<string, { PutRequest?: { Item: Item }; DeleteRequest?: { Key: Item } }[]>;
};

const writeCommands = new Set(['PutCommand', 'UpdateCommand', 'DeleteCommand', 'TransactWriteCommand', 'BatchWriteCommand']);

/** The items a write command touches. */
const writesOf = (command: object): Write[] => {
  const name = command.constructor.name;
  if (!writeCommands.has(name)) return [];
  const input = (command as { input: Input }).input;
  const put = (item: Item): Write => ({ command: name, pk: item.pk, item });
  const keyed = (key: Item): Write => ({ command: name, pk: key.pk });
  if (input.Item) return [put(input.Item)];
  if (input.Key) return [keyed(input.Key)];
  if (input.TransactItems) {
    return input.TransactItems.flatMap((entry) =>
      entry.Put ? [put(entry.Put.Item)] : entry.Update ? [keyed(entry.Update.Key)] : entry.Delete ? [keyed(entry.Delete.Key)] : [],
    );
  }
  return Object.values(input.RequestItems ?? {})
    .flat()
    .flatMap((request) => (request.PutRequest ? [put(request.PutRequest.Item)] : request.DeleteRequest ? [keyed(request.DeleteRequest.Key)] : []));
};

export const watchDynamo = () => {
  const realSend = Object.getPrototypeOf(DynamoDBDocumentClient.prototype).send as (this: unknown, command: object) => Promise<never>;
  const stub = mockClient(DynamoDBDocumentClient);
  const planned: { command: CommandClass; error: Error }[] = [];
  const written: Write[] = [];
  /** Every command sent, by class name, whether it succeeded or not. */
  const sent: string[] = [];
  stub.send.callsFake(async function (this: unknown, command: object) {
    const fault = planned.findIndex((plan) => command instanceof plan.command);
    sent.push(command.constructor.name);
    if (fault >= 0) throw planned.splice(fault, 1)[0]!.error;
    const result = await realSend.call(this, command);
    written.push(...writesOf(command));
    return result;
  } as never);
  return {
    /** The next `command` sent fails with `error`; the calls before and after it are real. */
    failNext: (command: CommandClass, error: Error) => void planned.push({ command, error }),
    /** Faults planned but not reached yet. */
    pending: () => planned.length,
    /** A mark to read the successful writes from: `writesSince(mark())`. */
    mark: () => written.length,
    writesSince: (mark: number): readonly Write[] => written.slice(mark),
    /** A mark to read the commands sent from: `commandsSince(commandMark())`, each a round trip to DynamoDB. */
    commandMark: () => sent.length,
    commandsSince: (mark: number): readonly string[] => sent.slice(mark),
    restore: () => stub.restore(),
  };
};

export type DynamoWatch = ReturnType<typeof watchDynamo>;
