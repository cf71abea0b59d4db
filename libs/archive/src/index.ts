export * from './journal-document.pdf';
export * from './noark5-deposit.writer';
