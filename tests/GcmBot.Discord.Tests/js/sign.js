// Signs interaction requests the way Discord does: Ed25519 over timestamp + body (tweetnacl).
// stdin: {"seed": "<64 hex>", "messages": [{"timestamp": "...", "body": "..."}]}
// stdout: {"publicKey": "<hex>", "signatures": ["<hex>", ...]}
const nacl = require('tweetnacl');
const fs = require('fs');

const input = JSON.parse(fs.readFileSync(0, 'utf8'));
const keys = nacl.sign.keyPair.fromSeed(Buffer.from(input.seed, 'hex'));
const hex = (bytes) => Buffer.from(bytes).toString('hex');
const signatures = input.messages.map((m) =>
  hex(nacl.sign.detached(Buffer.from(m.timestamp + m.body, 'utf8'), keys.secretKey)));
process.stdout.write(JSON.stringify({ publicKey: hex(keys.publicKey), signatures }));
