// Parses Adaptive Cards with the official renderer library (npm adaptivecards) and reports what it would not render
// as written: unknown elements or actions, invalid or missing properties. Arguments: card files. Prints
// {"<file>": ["<event>: <message>", ...]} as JSON.
"use strict";
const fs = require("fs");
const AC = require("adaptivecards/dist/adaptivecards.js");

const results = {};
for (const file of process.argv.slice(2)) {
  const card = new AC.AdaptiveCard();
  const parsing = new AC.SerializationContext();
  card.parse(JSON.parse(fs.readFileSync(file, "utf8")), parsing);
  const validation = card.validateProperties();
  const events = [];
  for (const context of [parsing, validation]) {
    for (let i = 0; i < context.eventCount; i++) {
      const event = context.getEventAt(i);
      events.push(`${AC.ValidationEvent[event.event]}: ${event.message}`);
    }
  }
  results[file] = events;
}
console.log(JSON.stringify(results));
