// Stands in for the 'server-only' guard in vitest, where lib/ is called outside React.
export {};
