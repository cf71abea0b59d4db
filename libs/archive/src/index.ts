export * from './journal-document.pdf';
export * from './noark5-deposit.writer';
export * from './noark5-rest.transport';
export * from './pdf-bytes';
export * from './threaded-journal.renderer';
