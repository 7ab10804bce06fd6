// Feeds other services' events into the notifications service under test: the shared feed of the testing
// library, re-exported where the suites have always found it.
export { EventFeed } from '@loop/testing';
