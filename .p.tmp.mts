import { openFeedFile } from './server/src/catalog/import/open-feed-file.ts';
import { splitXmlItems } from './server/src/catalog/import/split-xml-items.ts';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', removeNSPrefix: true, parseTagValue: false, trimValues: true, htmlEntities: true });
let t = performance.now(); let n = 0; const items: string[] = [];
for await (const it of splitXmlItems((await openFeedFile('/tmp/big.xml')).text)) { n++; if (n <= 20000) items.push(it.xml); }
console.log('split', n, Math.round(performance.now() - t));
t = performance.now(); for (const x of items) XMLValidator.validate(x); console.log('validate 20k', Math.round(performance.now() - t));
t = performance.now(); for (const x of items) parser.parse(x); console.log('parse 20k', Math.round(performance.now() - t));
t = performance.now(); let c = 0; for await (const ch of (await openFeedFile('/tmp/big.csv')).text) c += ch.length; console.log('read only', Math.round(performance.now() - t));
