// The offline search: every query word must start a word of the lesson (title, heading or text), and
// title matches rank above body matches, so a lesson named after the query comes first.
import { describe, expect, it } from 'vitest';
import { queryWords, search } from '../../../site/client/searchEngine';

const lessons = [
  { slug: '03-hashing', title: 'Stream hashing', summary: 'How a team picks a member.', lesson: 3, sections: [
    { id: '', heading: '', text: 'A connection is hashed on its ports.' },
    { id: 'toeplitz', heading: 'Toeplitz', text: 'The RSS hash uses a 40-byte key.' },
  ] },
  { slug: '06-cap', title: 'Hyper-V Port cap', summary: 'One member per vNIC.', lesson: 6, sections: [
    { id: 'why', heading: 'Why', text: 'Hashing does not apply: the port decides, not the stream hashing.' },
  ] },
];

describe('queryWords', () => {
  it('lower-cases, splits on punctuation, drops duplicates and accents', () => {
    expect(queryWords('Hyper-V  port, PORT Éte')).toEqual(['hyper', 'v', 'port', 'ete']);
  });
});

describe('search', () => {
  it('finds a section by a body word and links its heading', () => {
    const hits = search(lessons, '40-byte key');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ slug: '03-hashing', anchor: 'toeplitz' });
  });
  it('needs every word: a query with one unknown word finds nothing', () => {
    expect(search(lessons, 'toeplitz zebra')).toEqual([]);
  });
  it('matches word prefixes, not the middle of words ("hash" finds "hashed", "ash" does not)', () => {
    expect(search(lessons, 'hash').length).toBeGreaterThan(0);
    expect(search(lessons, 'ash')).toEqual([]);
  });
  it('ranks a title match first, because titles weigh ten times a body word', () => {
    expect(search(lessons, 'hashing')[0].slug).toBe('03-hashing');
  });
});
