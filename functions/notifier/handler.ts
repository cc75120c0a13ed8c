// Being written in this change; exported name is fixed: handler.
export const handler = async (): Promise<never> => { throw new Error('not wired yet'); };
