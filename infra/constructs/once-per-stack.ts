import { Stack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

/**
 * The stack's one construct with this id, created by `create` on first use: every construct that needs it (every
 * ServiceFunction, whoever adds it) shares it without the stack having to pass it around.
 */
export const oncePerStack = <T extends Construct>(scope: Construct, id: string, create: (stack: Stack, id: string) => T): T => {
  const stack = Stack.of(scope);
  return (stack.node.tryFindChild(id) as T | undefined) ?? create(stack, id);
};
