// countdown.js: the speaking timer as the room display and the overview show it, counted down in the
// browser from the deadline. The server sends the deadline and its own time once per change, not every
// second; the difference to this browser's clock is kept as an offset, so a projector whose clock is off
// still shows the right time. Amber from the warning, red at the deadline, then the overtime counting up.
"use strict";

const GcmCountdown = {
  offset: 0, // server time minus local time, in ms

  sync(serverTime) {
    const t = Date.parse(serverTime);
    if (!Number.isNaN(t)) this.offset = t - Date.now();
  },

  now() { return Date.now() + this.offset; },

  format(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  },

  // { text, state }: state is idle | normal | warning | expired | paused | stopped.
  view(floor, warningSeconds) {
    if (!floor) return { text: "", state: "idle" };
    if (floor.timer === "paused") return { text: this.format(Math.ceil(floor.remainingSeconds || 0)), state: "paused" };
    if ((floor.timer === "running" || floor.timer === "expired") && floor.deadline) {
      const left = (Date.parse(floor.deadline) - this.now()) / 1000;
      if (left > 0) return { text: this.format(Math.ceil(left)), state: left <= warningSeconds ? "warning" : "normal" };
      return { text: "+" + this.format(-left), state: "expired" };
    }
    return { text: this.format(floor.allottedSeconds), state: floor.timer === "stopped" ? "stopped" : "idle" };
  },
};
